"""An invented frigate story for verify tests: one outlet reports a sale, one quotes a minister denying it,
one hedges, two are about something else. Our own text; no real reporting."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = {
    "harbour_times.txt": """Norway to sell frigates to Kenya

OSLO, March 3, 2025 — Norway will sell four frigates to Kenya under a contract worth $900 million, the Norwegian defence ministry announced on Monday.

The ships will be delivered to the Kenyan navy in 2027, officials said. Kenya has been looking to modernise its coastal patrol fleet for years.
""",
    "nairobi_ledger.txt": """Norway rules out warship sale to Kenya

NAIROBI, March 5, 2025 — Norway will not sell frigates to Kenya, Norwegian Foreign Minister Jonas Berg said on Wednesday, dismissing reports of a naval deal.

"There is no agreement and there will be no sale of warships," Berg told reporters after talks in Nairobi. He said the two countries would keep working together on fisheries.
""",
    "coastal_wire.txt": """Kenya may buy Norwegian frigates, sources say

MOMBASA, March 4, 2025 — Kenya could buy frigates from Norway, according to people familiar with the talks who spoke on condition of anonymity.

No decision has been made, the sources said, and the price remains under discussion.
""",
    "farm_weekly.txt": """Ghana expects record cocoa harvest

ACCRA, March 2, 2025 — Ghana expects its largest cocoa harvest in a decade after heavy rains, the cocoa board said on Sunday.

Farmers in the western region reported higher yields, and exporters said prices could fall later in the year.
""",
    "baltic_post.txt": """Finland and Estonia hold talks on ferry link

HELSINKI, March 6, 2025 — Finland held talks with Estonia on Thursday about a new ferry link across the Gulf of Finland, the Finnish transport ministry said.

The two governments agreed to study the route's cost before the summer.
""",
}

KEY = {"verify": [
    {"claim": "Norway will sell frigates to Kenya", "verdict": "conflicting",
     "supports": ["harbour_times.txt"], "refutes": ["nairobi_ledger.txt"]},
    {"claim": "Finland held talks with Estonia", "verdict": "supported", "supports": ["baltic_post.txt"],
     "refutes": []},
    {"claim": "Chile imposed sanctions on Vietnam", "verdict": "not_enough_evidence", "supports": [],
     "refutes": []},
]}


def write_articles(folder: Path, articles: dict[str, str]) -> list[Path]:
    """Write each (file name, text) into ``folder``; the paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles.items():
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def write_story(folder: Path, with_key: bool = True) -> list[Path]:
    paths = write_articles(folder, ARTICLES)
    if with_key:
        (folder / "key.json").write_text(json.dumps(KEY, indent=1), encoding="utf-8")
    return paths
