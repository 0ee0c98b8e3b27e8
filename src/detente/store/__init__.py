"""DuckDB schema, writes and queries."""

from detente.store.duck import Store, StoreError

__all__ = ["Store", "StoreError"]
