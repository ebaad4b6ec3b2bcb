from pathlib import Path

import pytest

from tests.verify.verify_stories import write_story


@pytest.fixture(scope="session")
def frigate_story(tmp_path_factory) -> tuple[Path, Path]:
    """(story folder, analysed store) of the invented frigate story, built once per session."""
    from parallax.pipeline import run

    base = tmp_path_factory.mktemp("frigates")
    folder = base / "frigates"
    paths = write_story(folder)
    db = base / "story.duckdb"
    run([str(p) for p in paths], db=str(db))
    return folder, db


@pytest.fixture(scope="session")
def border_story(tmp_path_factory) -> Path:
    """The analysed store of the invented border story (every article names both parties), built once."""
    from parallax.pipeline import run
    from tests.verify.border_story import write_story

    base = tmp_path_factory.mktemp("border")
    paths = write_story(base / "border")
    db = base / "story.duckdb"
    run([str(p) for p in paths], db=str(db))
    return db
