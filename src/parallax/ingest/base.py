"""What every reader yields: a raw article or a problem, never an exception that stops the run."""

from __future__ import annotations

from dataclasses import dataclass, field

from parallax.model import IngestError

# Files above this size are refused with a clear reason rather than read into memory. WARC and JSONL are
# streamed record by record, so the limit applies to each record, not to the container.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_RECORD_BYTES = 10 * 1024 * 1024


@dataclass(slots=True)
class RawArticle:
    """An article's body text and whatever metadata its container gave, before cleaning.

    ``key`` identifies the input stably across runs (absolute path, plus ``#line=N`` / ``#record=N`` /
    ``#entry=N`` inside containers; ``stdin:<sha>`` for standard input) so re-runs find the same document.
    ``text`` is already decoded and, for HTML, already extracted to the article body.
    """

    key: str
    text: str
    format: str  # text | html | jsonl | warc | feed | stdin
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as found; normalised later
    site: str | None = None  # site/outlet name from metadata
    author: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


Item = RawArticle | IngestError
