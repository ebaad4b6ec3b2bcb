"""The verify page's one ``Verifier``, shared by every request of an app.

Why: a fresh ``Verifier`` per request reloaded the stored facts and the sentence index each time (2.5 of 3.6 s a
claim on 5,000 documents). One ``Verifier`` keeps them and reloads only when the store changes (its own
``refresh``). The store itself is still opened read-only per request and closed after it, so ``parallax analyze``
can write between requests; the lock serialises verifications, which are CPU-bound under one GIL anyway.
"""

from __future__ import annotations

import threading
from typing import Any

from parallax.store import Store


class SharedVerifier:
    """Created lazily on the first claim (it loads spaCy and the index), then reused."""

    def __init__(self, db: str):
        self.db = db
        self._lock = threading.Lock()
        self._verifier: Any = None

    def verdict(self, claim: str) -> dict[str, Any]:
        """The contract's verdict JSON for ``claim``; ImportError when this installation has no verifier."""
        from parallax.verify import Verifier, verdict_json

        with self._lock, Store(self.db, read_only=True) as store:
            if self._verifier is None:
                self._verifier = Verifier(store)
            self._verifier.store = store  # this request's connection; the loaded index and facts stay
            return verdict_json(self._verifier.verify(claim), store)
