"""Store: the embedded DuckDB file every stage writes to and every view reads from."""

from parallax.store.duck import Store, StoreError

__all__ = ["Store", "StoreError"]
