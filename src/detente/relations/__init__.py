"""Relations between actors, computed from stored events."""
