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


def _crowded_story():
    """An invented story with 40 actors, as busy as a real 15-20 article one: four hubs, many actors tied to
    them and to each other, long and short names, and two pairs with no tie to the rest. Every event has its
    sentence in the one document, so the report's links land."""
    import random

    from parallax import model as m

    rng = random.Random(11)
    syllables = ["va", "lor", "mi", "qua", "ten", "dor", "ris", "ka", "bel", "sun", "tor", "e", "zan", "hul"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    kinds = ["country", "person", "organization", "group"]
    names = []
    for i in range(40):
        shape = i % 5
        names.append(word() if shape == 0 else f"{word()} {word()}" if shape in (1, 2)
                     else f"Ministry of {word()} and {word()} Affairs" if shape == 3 else f"{word()}-{word()} Front")
    actors = [m.Actor(f"{kinds[i % 4]}:a{i:02d}", names[i], kinds[i % 4]) for i in range(40)]
    pairs = [(i % 4, i) for i in range(4, 36)] + [(i % 4, i) for i in range(4, 20)]  # hubs 0-3, busier early
    pairs += [(a, b) for a, b in (rng.sample(range(36), 2) for _ in range(30))] + [(0, 1), (1, 2), (2, 3)] * 3
    pairs += [(36, 37), (38, 39)]
    text, events = "", []
    for k, (a, b) in enumerate(pairs):
        sentence = f"{names[a]} met {names[b]}. "
        events.append(m.Event(f"doc:e{k}", "doc", actors[a].id, actors[b].id, rng.choice(["CONSULT", "ACCUSE", "AID"]),
                              "asserted", len(text), len(text) + len(sentence) - 1, sentence.strip(),
                              goldstein=rng.choice([-8.0, -2.0, 0.0, 3.0, 7.0]), date="2025-03-01"))
        text += sentence
    doc = m.Document("doc", "doc.txt", text, title="Talks", outlet="Invented Wire", published="2025-03-01",
                     language="en")
    return m.Story(documents=[doc], actors=actors, events=events)


@pytest.fixture(scope="session")
def crowded_story():
    return _crowded_story()
