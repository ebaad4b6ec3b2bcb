"""Regenerate the sample corpus's generated files: the JSONL export, the WARC crawl and the junk image.

The plain-text, HTML and RSS files of the corpus are written by hand and committed as they are. The three
files below are generated because their formats are awkward to edit by hand (JSON escaping, gzip-compressed
WARC records with digests, binary PNG). Output is byte-for-byte deterministic (fixed record ids and dates),
so re-running the script on an unchanged checkout leaves git clean and a test can check the committed copies
are current.

Run: ``python src/parallax/sample/build_sample.py [CORPUS_DIR]`` (default: the ``corpus/`` folder beside it).
"""

from __future__ import annotations

import html
import io
import json
import struct
import sys
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CORPUS = Path(__file__).resolve().parent / "corpus"
JSONL_PATH = "wire/fisheries_wire.jsonl"
WARC_PATH = "archive/crawl-2025-03.warc.gz"
JUNK_PATH = "10_photo_gallery.html"

# --- JSONL: an aggregator export, one article a line ----------------------------------------------------

JSONL_ARTICLES: list[dict[str, str]] = [
    {
        "id": "gfn-2025-03-13-0412",
        "url": "https://globalfisheriesnews.org/2025/03/13/argentina-sanctions-uruguayan-fishing-firms",
        "title": "Argentina sanctions two Uruguayan fishing firms over illegal nets",
        "published": "2025-03-13T16:05:00Z",
        "source": "Global Fisheries News",
        "text": (
            "Argentina on Thursday imposed sanctions on two Uruguayan fishing companies, Pesquera Atlántida Sur "
            "and Frigorífico Costa Este, barring their trawlers from Argentine ports for a year and fining them "
            "a combined 850 million pesos (about US$800,000).\n\n"
            "The Argentine Under-Secretariat of Fisheries said the companies' boats had been caught with banned "
            "fine-mesh nets inside Argentina's exclusive economic zone on six occasions since November.\n\n"
            "Uruguay rejected the measures. In a statement, the Uruguayan foreign ministry said the sanctions were "
            "\"unilateral and contrary to the spirit of the treaty\" and that Montevideo would not accept "
            "Argentina's demand for joint inspections of Uruguayan-flagged trawlers in the common zone.\n\n"
            "Uruguayan Foreign Minister Martín Olivera said the two companies would appeal through the courts. "
            "He added that Uruguay remained open to talks but would not negotiate \"under pressure\".\n\n"
            "Industry groups in Montevideo said about 400 jobs depended on the two companies. A spokesman for "
            "Pesquera Atlántida Sur said the firm had never fished outside the common zone.\n\n"
            "The sanctions follow last week's warning by Argentine Foreign Minister Carolina Benítez that "
            "Argentina would close its ports to Uruguayan trawlers if the illegal fishing continued."
        ),
    },
    {
        "id": "scr-2025-03-18-0077",
        "url": "https://southernconereport.com/news/argentina-uruguay-agree-fisheries-commission",
        "title": "Argentina and Uruguay agree to revive fisheries commission after Colonia talks",
        "published": "2025-03-18T09:30:00-03:00",
        "source": "Southern Cone Report",
        "text": (
            "Argentina and Uruguay agreed on Monday to set up a joint technical commission to review inspections "
            "in the Common Fishing Zone, easing two weeks of tension after an Argentine cutter fired on a "
            "Uruguayan trawler.\n\n"
            "Uruguayan Foreign Minister Martin Oliveira and his Argentine counterpart, Carolina Benítez, met for "
            "four hours in Colonia del Sacramento. The talks were the first between the two ministers since the "
            "March 3 incident.\n\n"
            "\u201cWe have agreed to disagree about the past and to work together on the future,\u201d Oliveira "
            "said at a joint news conference. Benítez said the commission would meet for the first time next "
            "month and report within 90 days.\n\n"
            "Argentina did not lift the sanctions it imposed last week on two Uruguayan fishing companies, and "
            "Benítez said the port ban would stay in place until the commission reported. Uruguay said it would "
            "keep its appeal open.\n\n"
            "Diplomats from Brazil, which had offered to host talks, attended the opening session as observers.\n\n"
            "Oliveira also said Uruguay would press ahead with plans to modernise its patrol fleet, but declined "
            "to say which country would supply the ships."
        ),
    },
]

# --- WARC: two crawled HTML pages -------------------------------------------------------------------------

WARC_PAGES: list[dict[str, object]] = [
    {
        "url": "https://www.pampadispatch.com.ar/en/2025/03/11/uruguay-summons-argentine-ambassador",
        "site": "Pampa Dispatch",
        "title": "Uruguay summons Argentine ambassador over trawler shooting",
        "published": "2025-03-11T14:12:00-03:00",
        "author": "Federico Lanz",
        "date": "Tue, 11 Mar 2025 17:30:00 GMT",
        "record_id": "<urn:uuid:6a1c2d8e-0c61-4b1f-9d35-3f0e8a1b2c01>",
        "paragraphs": [
            "Uruguay summoned Argentina's ambassador, Gustavo Lanari, on Monday and demanded a full explanation "
            "of the March 3 shooting, in the sharpest diplomatic step Montevideo has taken since the crisis began.",
            "The Uruguayan foreign ministry said Lanari was handed a note asking Argentina to hand over the Naval "
            "Prefecture's radio logs and the names of the officers on board the cutter. Lanari told reporters "
            "outside the ministry that his government had \"nothing to hide\".",
            "Uruguayan Defence Minister Lucía Ferrando said the navy would send the patrol ship ROU 26 Cabo Polonio "
            "to escort Uruguayan trawlers in the zone from next week. A senior officer in the Uruguayan navy, who "
            "asked not to be named because he was not authorised to speak to the press, said the ship would stay "
            "outside the area Argentina claims as its own.",
            "Opposition senators urged the government to go further. Uruguay could recall its ambassador from "
            "Buenos Aires if Argentina refused to share the logs, Senator Andrés Pintos said, although the "
            "government has not said it is considering such a step.",
            "Trade between the two countries was worth about US$3.1 billion last year.",
        ],
    },
    {
        "url": "https://southernhorizon.news/defence/brazil-to-train-uruguayan-crews-transfer-patrol-boats",
        "site": "Southern Horizon",
        "title": "Brazil to train Uruguayan crews and transfer two patrol boats",
        "published": "2025-03-20T10:00:00-03:00",
        "author": "Camila Rocha",
        "date": "Thu, 20 Mar 2025 15:45:00 GMT",
        "record_id": "<urn:uuid:6a1c2d8e-0c61-4b1f-9d35-3f0e8a1b2c02>",
        "paragraphs": [
            "Uruguayan Defence Minister Lucía Ferrando visited Brasília on Wednesday for talks with Brazilian "
            "Defence Minister Sérgio Valadares on maritime security in the South Atlantic.",
            "After the meeting, Brazil pledged to train 120 Uruguayan naval officers and sailors in fisheries "
            "inspection at its naval school in Rio de Janeiro, starting in June. Brazil will also transfer two "
            "decommissioned Grajaú-class patrol boats to Uruguay, Valadares said, with the first handed over in "
            "2026 and the second the following year.",
            "\u201cBrazil and Uruguay share a coast, a river system and a history,\u201d Valadares said. "
            "\u201cWhat we are offering is training and ships for rescue and inspection, not for combat.\u201d",
            "Ferrando said Uruguay's navy needed \"hulls in the water, not promises\". She did not comment on "
            "reports that Spain had withdrawn from an earlier plan to supply vessels.",
            "Argentina's foreign ministry said it had \"no objection\" to training programmes but asked Brazil "
            "not to supply armed ships to either side while the joint commission was working.",
            "Brazil will not supply weapons for the boats, according to a Brazilian navy official, and the "
            "vessels' 40mm guns will be removed before the transfer.",
        ],
    },
]

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="{author}">
<link rel="canonical" href="{url}">
</head>
<body>
<header><a class="brand" href="/">{site}</a>
<nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/defence">Defence</a> | <a href="/business">Business</a> | <a href="/newsletter">Newsletter</a></nav>
</header>
<div class="ad">Advertisement</div>
<main>
<article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{body}
</article>
<aside><h2>Latest</h2><ul><li><a href="/latest/1">Markets close higher on export data</a></li><li><a href="/latest/2">Port workers end two-day strike</a></li></ul></aside>
</main>
<footer><p>&copy; 2025 {site}. All rights reserved.</p><p><a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></p></footer>
</body>
</html>
"""


def page_html(page: dict[str, object]) -> str:
    """One crawled page: real-looking boilerplate around the article paragraphs (text kept entity-free)."""
    body = "\n".join(f"<p>{p}</p>" for p in page["paragraphs"])  # type: ignore[union-attr]
    fields = {k: html.escape(str(v), quote=True) for k, v in page.items() if isinstance(v, str)}
    return _PAGE.format(body=body, **fields)


def build_jsonl(corpus: Path) -> Path:
    path = corpus / JSONL_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for article in JSONL_ARTICLES:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def build_warc(corpus: Path) -> Path:
    """A warcinfo record and two gzip-compressed HTML responses, as a crawler such as wget would write."""
    path = corpus / WARC_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    info = writer.create_warcinfo_record(
        "crawl-2025-03.warc.gz", {"software": "parallax build_sample.py", "format": "WARC File Format 1.0"})
    info.rec_headers.replace_header("WARC-Date", "2025-03-20T16:00:00Z")
    info.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:6a1c2d8e-0c61-4b1f-9d35-3f0e8a1b2c00>")
    writer.write_record(info)
    for page in WARC_PAGES:
        payload = page_html(page).encode("utf-8")
        http = StatusAndHeaders("200 OK", [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(payload))),
            ("Date", str(page["date"])),
        ], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            str(page["url"]), "response", payload=io.BytesIO(payload), http_headers=http,
            warc_headers_dict={"WARC-Date": _warc_date(str(page["published"])),
                               "WARC-Record-ID": str(page["record_id"])})
        writer.write_record(record)
    path.write_bytes(buf.getvalue())
    return path


def _warc_date(published: str) -> str:
    from datetime import datetime, timezone

    return datetime.fromisoformat(published).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def tiny_png(width: int = 24, height: int = 16) -> bytes:
    """A valid grey-gradient PNG: the kind of file a scraper saves under an article's name by mistake."""
    rows = b"".join(b"\x00" + bytes((x * 10) % 256 for x in range(width)) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def build_junk(corpus: Path) -> Path:
    path = corpus / JUNK_PATH
    path.write_bytes(tiny_png())
    return path


def build(corpus: Path = CORPUS) -> list[Path]:
    """Write every generated file of the corpus into ``corpus``; returns their paths."""
    corpus.mkdir(parents=True, exist_ok=True)
    return [build_jsonl(corpus), build_warc(corpus), build_junk(corpus)]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    for written in build(target):
        print(f"wrote {written} ({written.stat().st_size} bytes)")
