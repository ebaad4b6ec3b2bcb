"""An invented border story for claim-level verify tests: every article names Chile and Peru, few address a
given claim. Our own text; no real reporting."""

from __future__ import annotations

from pathlib import Path

from tests.verify.verify_stories import write_articles

ARTICLES = {
    "lima_daily.txt": """Peru imposes sanctions on Chile

LIMA, April 2, 2025 — Peru imposed sanctions on Chile on Monday, freezing the assets of three Chilean state companies, the Peruvian trade ministry announced.

The measures take effect next week. Chile and Peru have argued over their maritime border for decades.
""",
    "andes_post.txt": """Peru calls Chile the aggressor

SANTIAGO, April 3, 2025 — Chile is the aggressor in the border war, Peruvian Foreign Minister Ana Ruiz said on Tuesday.

Chile's foreign ministry rejected the accusation as baseless. Talks between Chile and Peru are due to resume in May.
""",
    "pacific_wire.txt": """Border war displaces farmers

ARICA, April 4, 2025 — Chile's aggression in the border war has displaced thousands of Peruvian farmers, and Chilean artillery shelled three villages last week.

Chile denies that its forces targeted civilians. Peru has asked the United Nations to send observers.
""",
    "harvest_news.txt": """Chile and Peru sign avocado deal

LIMA, April 5, 2025 — Chile and Peru signed a new agreement on avocado exports on Wednesday, the two trade ministries said.

Farmers in both countries welcomed the deal, which cuts paperwork at the border crossing.
""",
    "santiago_times.txt": """Chile rejects aggressor label

SANTIAGO, April 6, 2025 — Chilean officials acknowledged tensions on the border but rejected claims that Chile was the aggressor in the border war.

Chile and Peru will meet in Quito next month, the officials said.
""",
}


def write_story(folder: Path) -> list[Path]:
    return write_articles(folder, ARTICLES)
