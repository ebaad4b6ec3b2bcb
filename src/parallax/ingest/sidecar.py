"""What the user knows about inputs that the files do not say: their outlet, date and address.

A folder of plain-text articles carries no outlet, no publication date and no URL, and a file name is not an
outlet. The user can say them: ``--outlet NAME`` for every article of a run that names none itself, and a CSV
(``--sources FILE``) with one row per input file: ``path`` (relative to the CSV's folder, or absolute),
``outlet``, ``published``, ``url`` and ``title``, any of them empty. A value from the CSV wins over what the
file says (the user read it); ``--outlet`` only fills a gap.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parallax.ingest.base import Item, RawArticle
from parallax.ingest.metadata import normalise_date

COLUMNS = ("path", "outlet", "published", "url", "title")


class SourcesError(ValueError):
    """The sources CSV cannot be used; the message says which line and why."""


@dataclass(slots=True)
class Sources:
    """Per-file facts from the user, by resolved path, and the run's default outlet."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    outlet: str | None = None

    def apply(self, raw: RawArticle) -> RawArticle:
        row = self.rows.get(str(Path(raw.path).resolve())) if raw.path else None
        if row:
            raw.site = row.get("outlet") or raw.site
            raw.url = row.get("url") or raw.url
            raw.title = row.get("title") or raw.title
            if row.get("published"):
                raw.published = row["published"]
                raw.extra["date_source"] = "user"
        if self.outlet and not raw.site and not raw.url:
            raw.site = self.outlet
        return raw

    def __bool__(self) -> bool:
        return bool(self.rows or self.outlet)


def load_sources(csv_path: str | None, outlet: str | None = None) -> Sources:
    """The CSV's rows keyed by the absolute path they name; dates checked now, so a typo fails before a run."""
    sources = Sources(outlet=" ".join(outlet.split()) if outlet and outlet.strip() else None)
    if not csv_path:
        return sources
    path = Path(csv_path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise SourcesError(f"cannot read the sources file {csv_path}: {exc.strerror or exc}") from None
    with handle:
        reader = csv.DictReader(handle)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "path" not in fields:
            raise SourcesError(f"{csv_path}: the first line must name the columns, 'path' among them "
                               f"(and any of {', '.join(COLUMNS[1:])})")
        for line, record in enumerate(reader, start=2):
            row = {k.strip().lower(): (v or "").strip() for k, v in record.items() if k}
            if not row.get("path"):
                continue
            if row.get("published"):
                day = normalise_date(row["published"])
                if day is None:
                    raise SourcesError(f"{csv_path} line {line}: {row['published']!r} is not a date "
                                       "(write it as YYYY-MM-DD)")
                row["published"] = day
            target = Path(row["path"])
            target = target if target.is_absolute() else path.parent / target
            sources.rows[str(target.resolve())] = {k: v for k, v in row.items() if k in COLUMNS[1:] and v}
    return sources


def with_sources(items: Iterable[Item], sources: Sources) -> Iterator[Item]:
    """The reader's items with the user's facts applied to each article."""
    for item in items:
        yield sources.apply(item) if isinstance(item, RawArticle) and sources else item
