"""Parallax: read many news articles about one story and build an evidence-linked model of it."""

from parallax.model import Story

__version__ = "0.1.0"
__all__ = ["Story", "analyze", "__version__"]


def analyze(paths, db: str = "parallax.duckdb", **kwargs) -> Story:
    """Ingest and analyse ``paths`` into the store at ``db`` and return the whole stored story.

    A thin wrapper over :func:`parallax.pipeline.run` for notebooks and scripts; see that function for
    the options (process count, progress callback, whether to run the NLP stages).
    """
    from parallax.pipeline import run
    from parallax.store import Store

    run(list(paths), db=db, **kwargs)
    with Store(db, read_only=True) as store:
        return store.load_story()
