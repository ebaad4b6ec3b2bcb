"""Source of the VOA half of the event gold set: the first five sentences of public-domain VOA stories
(``/work/shared/data/voa_stories.jsonl``), annotated by hand. Run once to (re)write the JSONL files; the
excerpt text is cut with the real spaCy sentence splitter so offsets match what the pipeline reads.
Every third story goes to held-out.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src"))
from parallax.language.nlp import load_nlp  # noqa: E402

VOA = Path(__file__).resolve().parents[4] / "shared" / "data" / "voa_stories.jsonl"
S = "sym"
GOLD = {  # story id -> events in its first five sentences (source, target, type, mode[, sym])
    "8010842": [(None, "RUS", "REQUEST", "asserted"), (None, "RUS", "REQUEST", "asserted"),
                (None, "RUS", "SANCTION", "hypothetical"), (None, "UKR", "SUPPORT", "asserted")],
    "8005899": [("USA", "UKR", "CONSULT", "future")],
    "8008079": [("IND", "MUS", "COOPERATE", "asserted", S), ("IND", "MUS", "CONSULT", "asserted"),
                ("IND", "MUS", "COOPERATE", "asserted", S), ("IND", "MUS", "CONSULT", "asserted", S),
                ("MUS", "IND", "SUPPORT", "asserted"), ("IND", "MUS", "AGREE", "asserted", S)],
    "6203091": [("TUR", "EGY", "COOPERATE", "future"), ("EGY", "TUR", "SANCTION", "asserted", S)],
    "6204681": [("JPN", "IND", "CONSULT", "future"), ("JPN", "PHL", "CONSULT", "future"),
                ("JPN", "USA", "CONSULT", "asserted", S), ("JPN", "IND", "CONSULT", "reported"),
                ("JPN", "PHL", "CONSULT", "reported")],
    "6205674": [("TUR", "ISR", "PROTEST", "asserted"), ("ISR", "PSE", "ASSAULT", "reported")],
    "6180015": [("USA", "TUR", "THREATEN", "asserted"), ("RUS", "TUR", "AID", "asserted"),
                ("RUS", "TUR", "AID", "asserted")],
    "6180932": [("TUR", "USA", "THREATEN", "asserted"), ("RUS", "TUR", "AID", "asserted")],
    "7677701": [("RUS", "PRK", "COOPERATE", "asserted", S), ("RUS", "PRK", "AGREE", "asserted", S),
                ("PRK", "RUS", "AID", "asserted")],
    "8009976": [("AFG", "PAK", "REJECT", "asserted"), ("PAK", "AFG", "ACCUSE", "asserted"),
                ("AFG", "PAK", "REJECT", "asserted"), ("AFG", "PAK", "REJECT", "asserted")],
    "7808748": [(None, "CHN", "SANCTION", "future"), ("FRA", "CHN", "ACCUSE", "asserted")],
    "8009495": [("USA", None, "THREATEN", "asserted"), (None, "USA", "SANCTION", "asserted"),
                ("USA", None, "ACCUSE", "asserted")],
    "8006924": [("USA", "CAN", "SANCTION", "asserted"), ("CAN", "USA", "SANCTION", "asserted"),
                ("USA", "CAN", "ACCUSE", "asserted"), ("USA", "CAN", "REQUEST", "asserted"),
                ("USA", "CAN", "SANCTION", "asserted")],
    "8009004": [("USA", "IRN", "THREATEN", "asserted"), ("IRN", "USA", "REJECT", "asserted"),
                ("USA", "IRN", "ACCUSE", "asserted")],
    "6205843": [("CHN", None, "SANCTION", "asserted")],
    "8008619": [],
    "6184244": [],
    "6181504": [],
}


def main() -> None:
    nlp = load_nlp()
    rows = {json.loads(line)["id"]: json.loads(line) for line in VOA.open()}
    dev, held = [], []
    for i, (sid, events) in enumerate(GOLD.items()):
        r = rows[sid]
        sents = list(nlp(r["text"][:3000]).sents)[:5]
        text = r["text"][: sents[-1].end_char]
        d = {"id": f"voa{sid}", "origin": f"voa:{sid}", "published": r["published"][:10], "text": text,
             "events": [{"source": e[0], "target": e[1], "type": e[2], "mode": e[3],
                         "symmetric": len(e) > 4} for e in events]}
        (held if i % 3 == 2 else dev).append(d)
    out = Path(__file__).parent
    for name, docs in (("dev_voa.jsonl", dev), ("heldout_voa.jsonl", held)):
        with open(out / name, "w") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(sum(len(v) for v in GOLD.values()))


if __name__ == "__main__":
    main()
