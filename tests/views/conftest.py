"""A tiny analysed store shared by the web, report, graph and browser tests: invented articles, one hostile.

The hostile article carries script and event-handler payloads in its title, outlet, URL and (as entities a
security story would quote) its text, so every view is tested on text that would run if left unescaped.
"""

import json
from pathlib import Path

import pytest

ARTICLES = {
    "accord.txt": (
        "Norway and Kenya sign fisheries accord\n\n"
        "Norway signed a fisheries accord with Kenya on Monday, the Norwegian foreign ministry said.\n\n"
        "Foreign Minister Mikael Lund met Kenyan Foreign Minister Grace Wanjiru in Oslo for talks on fishing "
        "quotas. \"This accord protects both fleets,\" Lund told reporters.\n\n"
        "Norway will send two patrol vessels to Kenya next year, officials said.\n"
    ),
    "dispute.txt": (
        "Kenya accuses Norway of overfishing\n\n"
        "Kenya accused Norway of overfishing in the Indian Ocean on Wednesday, two days after the two "
        "countries signed an accord.\n\n"
        "Kenyan Trade Minister Grace Wanjiru said Norwegian trawlers had ignored the quotas. Norway rejected "
        "the accusation, a spokesman for the Norwegian embassy said.\n\n"
        "Ethiopia criticised Kenya for the dispute.\n"
    ),
    "hack.txt": (
        "Hackers deface Kenyan navy site after patrol vessel deal\n\n"
        "Norway sent two patrol vessels to Kenya on Thursday, the Kenyan navy said. Hackers then posted "
        "&lt;img src=x onerror=alert(1)&gt; on the navy website, researchers said.\n\n"
        "Kenya thanked Norway for the vessels. The code &lt;script&gt;alert(2)&lt;/script&gt; was found in "
        "3 &lt; 4 files, analysts said.\n"
    ),
}
HOSTILE_RECORD = {
    "title": "<script>alert(1)</script> Norway sends frigate to Kenya",
    "url": "javascript:alert(1)",
    "source": "<b onmouseover=alert(1)>Evil</b> Times",
    "published": "2025-03-06",
    "text": "Norway sent a frigate to Kenya on Friday, the Kenyan navy said.\n\nKenya thanked Norway for the frigate.",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "wire.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """Path of an analysed store of the invented corpus (built once per session)."""
    from parallax.pipeline import run

    root = tmp_path_factory.mktemp("web")
    db = str(root / "story.duckdb")
    summary = run([str(write_corpus(root / "corpus"))], db=db)
    assert summary.documents == 4 and summary.events > 0
    return db


@pytest.fixture(scope="session")
def web_story(web_db):
    from parallax.store import Store

    with Store(web_db, read_only=True) as store:
        return store.load_story()
