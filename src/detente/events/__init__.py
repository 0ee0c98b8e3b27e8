"""Events: the CAMEO/PLOVER ontology, the coder's lexicon, and the coder over dependency parses."""

from detente.events.coder import extract_events

__all__ = ["extract_events"]
