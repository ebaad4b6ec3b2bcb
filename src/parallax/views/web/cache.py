"""The story the app serves: loaded in a background thread, kept until the store file changes.

Why a thread: loading a 5,000-document story takes seconds, and a request that loaded it under a lock held
every other request (static files aside) for as long. Now the load starts with the app; a request waits for it
at most ``wait`` seconds, then gets a "still loading" answer (503) instead of a hung connection. When the file
changes, the new story loads beside the old one, and the old one keeps answering if the new load is slow or
fails (a store that ``parallax analyze`` is writing is locked).

Why ``gc.freeze()``: the story is hundreds of thousands of long-lived objects; without freezing, every full
collection of the cyclic garbage collector walks them all (0.4–0.7 s of a slow request on 5,000 documents).
"""

from __future__ import annotations

import atexit
import gc
import logging
import threading
import time
from pathlib import Path
from typing import Callable

from parallax import model as m
from parallax.store import Store, StoreError
from parallax.views.web.queries import StoryIndex

log = logging.getLogger(__name__)
LOAD_WAIT = 10.0  # seconds a request waits for a story that is loading before it is told to come back
RETRY_AFTER = 5.0  # seconds before a failed load of an unchanged file is tried again


class StoryLoading(Exception):
    """The story is still loading: the request should be answered 503 with a Retry-After."""


def load_story(db: str) -> m.Story:
    with Store(db, read_only=True) as store:
        return store.load_story()


def warm(ix: StoryIndex) -> None:
    """Compute the per-story caches the heavy pages need, so their first reader does not wait for them."""
    ix.graph()
    ix.graph(all=True)
    ix.search_index()
    ix.options()


def freeze() -> None:
    """Move every object alive now out of the collector's sight; thawed at exit so shutdown frees them."""
    gc.freeze()
    atexit.unregister(gc.unfreeze)
    atexit.register(gc.unfreeze)


class StoryCache:
    """The story of one store file, reloaded in the background when the file (or its WAL) changes."""

    def __init__(self, db: str, *, wait: float = LOAD_WAIT, loader: Callable[[str], m.Story] = load_story,
                 warm_up: bool = True):
        self.db, self.wait, self.loader, self.warm_up = db, wait, loader, warm_up
        self._cond = threading.Condition()
        self._ix: StoryIndex | None = None
        self._key: tuple | None = None  # the file stamp of the story in ``_ix``
        self._loading: tuple | None = None  # the stamp being loaded now
        self._failed: tuple[tuple, float, Exception] | None = None  # stamp, when, why

    def _stamp(self) -> tuple:
        out = []
        for p in (Path(self.db), Path(self.db + ".wal")):
            try:
                st = p.stat()
            except OSError:
                out.append(None)
            else:
                out.append((st.st_mtime_ns, st.st_size))
        return tuple(out)

    def start(self) -> None:
        """Begin loading now (the app calls this when it is created), without waiting for the result."""
        with self._cond:
            self._kick(self._stamp())

    def _kick(self, key: tuple) -> None:
        """Start a load of ``key`` unless one runs, it is loaded, or it failed a moment ago. Holds ``_cond``."""
        if self._loading is not None or key == self._key:
            return
        if self._failed and self._failed[0] == key and time.monotonic() - self._failed[1] < RETRY_AFTER:
            return
        self._loading = key
        threading.Thread(target=self._load, args=(key,), name="parallax-story-load", daemon=True).start()

    def _load(self, key: tuple) -> None:
        try:
            ix = StoryIndex.build(self.loader(self.db))
        except Exception as exc:  # kept and shown to readers; the old story, if any, keeps answering
            log.warning("cannot load the story from %s: %s", self.db, exc)
            with self._cond:
                self._failed, self._loading = (key, time.monotonic(), exc), None
                self._cond.notify_all()
            return
        with self._cond:
            old, self._ix, self._key, self._loading, self._failed = self._ix, ix, key, None, None
            self._cond.notify_all()
        if old is not None:  # let the old story's objects go before freezing what is left
            del old
            gc.unfreeze()
            gc.collect()
        freeze()
        if self.warm_up:
            warm(ix)
            freeze()  # the graph and search texts are as long-lived as the story

    def get(self) -> StoryIndex:
        """The current story; a stale one while a newer loads slowly; else raise StoryLoading or StoreError."""
        key = self._stamp()
        with self._cond:
            if self._ix is not None and key == self._key:
                return self._ix
            self._kick(key)
            self._cond.wait_for(lambda: self._loading is None, timeout=self.wait)
            if self._ix is not None:
                return self._ix
            if self._failed is not None:
                exc = self._failed[2]
                raise exc if isinstance(exc, StoreError) else StoreError(f"cannot load the story: {exc}")
            raise StoryLoading(f"the story in {Path(self.db).name} is still loading")
