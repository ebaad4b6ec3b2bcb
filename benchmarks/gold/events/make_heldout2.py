"""Source of the second held-out event set (``heldout2.jsonl``), written and annotated by hand before the
extractor was run on any of it. Invented wire-style items (nominal events, passives, quotes, negations, hedges,
conditionals, purchases phrased as buying, implied sides) plus the first sentences of VOA stories that the
first gold set does not use. Never tune on it.

    PYTHONPATH=../../../src python make_heldout2.py
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src"))

VOA = Path(__file__).resolve().parents[4] / "shared" / "data" / "voa_stories.jsonl"
S = "sym"
D: list[dict] = []


def doc(pub, text, *events):
    D.append({"published": pub, "text": text, "events": [_ev(e) for e in events]})


def _ev(e):
    return {"source": e[0], "target": e[1], "type": e[2], "mode": e[3], "symmetric": len(e) > 4 and e[4] == S}


doc("2024-02-14", "Indonesia will buy 42 Rafale fighter jets from France under a contract signed in Jakarta on Thursday, "
    "the defence ministry said.",
    ("FRA", "IDN", "AID", "future"), ("IDN", "FRA", "AGREE", "asserted", S))
doc("2023-11-02", "Polish and South Korean officials signed a deal for 180 tanks last month. Seoul will deliver the first "
    "batch in December.",
    ("POL", "KOR", "AGREE", "asserted", S), ("KOR", "POL", "AID", "future"))
doc("2024-05-20", "The Philippine foreign secretary will pay a two-day visit to Canberra next week, officials in Manila said.",
    ("PHL", "AUS", "CONSULT", "future"))
doc("2023-08-17", "Talks between Ethiopia and Egypt over the Nile dam collapsed again on Tuesday. Cairo blamed Addis Ababa "
    "for the failure.",
    ("ETH", "EGY", "CONSULT", "asserted", S), ("EGY", "ETH", "ACCUSE", "asserted"))
doc("2024-03-09", "Japan has no plans to sell submarines to Australia, a government spokesman said.",
    ("JPN", "AUS", "AID", "negated"))
doc("2023-12-01", "Mexico denied that it had sent troops to the border with Guatemala.",
    ("MEX", "GTM", "MOBILIZE", "denied"))
doc("2024-06-11", "Kazakhstan could join the military exercise with Russia and China if invited, a senior officer said.",
    ("KAZ", "RUS", "COOPERATE", "hypothetical", S), ("KAZ", "CHN", "COOPERATE", "hypothetical", S))
doc("2023-04-04", "Finland's parliament approved a new budget on Tuesday after a long debate over spending on schools.")
doc("2024-09-03", "Ukrainian drones struck an oil refinery in Russia's Rostov region overnight, Russian officials said.",
    ("UKR", "RUS", "ASSAULT", "asserted"))
doc("2023-07-07", "The Dutch government is reported to have approved the export of radar systems to Morocco.",
    ("NLD", "MAR", "AID", "reported"))
doc("2024-01-29", "Seoul and Tokyo agreed to resume regular security talks, suspended since 2018. The first round will be "
    "held in Seoul in March.",
    ("KOR", "JPN", "AGREE", "asserted", S), ("KOR", "JPN", "CONSULT", "future", S))
doc("2023-10-12", "Algeria recalled its ambassador to Madrid for consultations after Spain backed Morocco's autonomy plan "
    "for Western Sahara.",
    ("DZA", "ESP", "SANCTION", "asserted"), ("ESP", "MAR", "SUPPORT", "asserted"))
doc("2024-04-02", "Colombia's president accused Ecuador of violating international law on Saturday.",
    ("COL", "ECU", "ACCUSE", "asserted"))
doc("2023-05-30", "Washington imposed sanctions on three Iranian companies accused of supplying drone parts to Russia.",
    ("USA", "IRN", "SANCTION", "asserted"), ("IRN", "RUS", "AID", "reported"))
doc("2024-07-22", "India and the Maldives held their first defence dialogue in New Delhi last week.",
    ("IND", "MDV", "CONSULT", "asserted", S))
doc("2023-09-19", "Chinese coast guard ships blocked a Philippine resupply mission near the shoal on Saturday, Manila said.",
    ("CHN", "PHL", "COERCE", "asserted"))
doc("2024-02-02", "Thailand's army chief is due to travel to Cambodia next week for border talks.",
    ("THA", "KHM", "CONSULT", "future"))
doc("2023-06-26", "Russian President Vladimir Putin thanked Belarus for its support during the mutiny.",
    ("RUS", "BLR", "SUPPORT", "asserted"))
doc("2024-08-08", "Tehran warned Washington against any strike on Iranian soil, state media reported.",
    ("IRN", "USA", "THREATEN", "asserted"))
doc("2023-03-15", "Saudi Arabia and Iran restored diplomatic relations under a deal brokered by China.",
    ("SAU", "IRN", "COOPERATE", "asserted", S), ("SAU", "IRN", "AGREE", "asserted", S),
    ("CHN", "SAU", "CONSULT", "asserted"), ("CHN", "IRN", "CONSULT", "asserted"))
doc("2024-10-01", "Israel launched air strikes on Hezbollah targets in southern Lebanon overnight.",
    ("ISR", "LBN", "ASSAULT", "asserted"))
doc("2023-02-20", "U.S. President Joe Biden made a surprise visit to Kyiv on Monday.",
    ("USA", "UKR", "CONSULT", "asserted"))
doc("2024-05-13", "Officials from Brazil and Argentina will meet in Buenos Aires on Friday to discuss a gas pipeline.",
    ("BRA", "ARG", "CONSULT", "future", S))
doc("2023-11-21", "Nigeria is considering buying Chinese-made fighter jets, a military source said.",
    ("CHN", "NGA", "AID", "hypothetical"))
doc("2024-06-30", "The drones were supplied to Sudan's army by Iran, according to a United Nations report.",
    ("IRN", "SDN", "AID", "reported"))
doc("2023-01-10", "Pakistan and Afghanistan exchanged fire at the Torkham border crossing on Monday.",
    ("PAK", "AFG", "ASSAULT", "asserted", S))
doc("2024-03-18", "Kenya's plan to deploy police officers to Haiti was approved by the U.N. Security Council.",
    ("KEN", "HTI", "MOBILIZE", "future"))
doc("2023-08-30", "Greece sent firefighting planes to help Turkey battle wildfires.",
    ("GRC", "TUR", "AID", "asserted"))
doc("2024-02-26", "Cuba has rejected a U.S. request to extradite the two suspects.",
    ("CUB", "USA", "REJECT", "asserted"), ("USA", "CUB", "REQUEST", "asserted"))
doc("2023-10-05", "Armenia said it would not take part in joint drills with Russia this year.",
    ("ARM", "RUS", "COOPERATE", "negated", S))
doc("2024-11-12", "Officials in Hanoi said the Australian prime minister's trip to Vietnam last month produced a new trade "
    "agreement.",
    ("AUS", "VNM", "CONSULT", "asserted"), ("AUS", "VNM", "AGREE", "asserted", S))
doc("2023-06-14", "Moscow is believed to have delivered S-400 components to Algeria earlier this year.",
    ("RUS", "DZA", "AID", "reported"))
doc("2024-04-25", "If Tehran resumes enrichment, Britain and France could reimpose sanctions on Iran.",
    ("GBR", "IRN", "SANCTION", "hypothetical"), ("FRA", "IRN", "SANCTION", "hypothetical"))
doc("2023-09-07", "The Indonesian navy seized a Vietnamese fishing boat in the Natuna Sea on Wednesday.",
    ("IDN", "VNM", "COERCE", "asserted"))
doc("2024-01-08", "China condemned a transit by a Canadian warship through the Taiwan Strait as a provocation.",
    ("CHN", "CAN", "ACCUSE", "asserted"))
doc("2023-12-18", "South Africa filed a case against Israel at the International Court of Justice. Israel rejected the "
    "accusation as baseless.",
    ("ZAF", "ISR", "ACCUSE", "asserted"), ("ISR", "ZAF", "REJECT", "asserted"))
doc("2024-08-19", "The Chinese defence minister is to visit Cambodia, where he will inspect a naval base.",
    ("CHN", "KHM", "CONSULT", "future"))
doc("2023-04-27", "Uganda will receive 10 armoured vehicles from Turkey next month under a 2022 agreement.",
    ("TUR", "UGA", "AID", "future"))
doc("2024-03-27", "The Lithuanian foreign minister said his country was ready to supply more ammunition to Ukraine.",
    ("LTU", "UKR", "AID", "future"))
doc("2023-07-25", "Niger's junta ordered the French ambassador to leave the country within 48 hours.",
    ("NER", "FRA", "SANCTION", "asserted"))
doc("2024-05-28", "Spain, Ireland and Norway formally recognised a Palestinian state on Tuesday, drawing an angry "
    "response from Israel.",
    ("ESP", "PSE", "SUPPORT", "asserted"), ("IRL", "PSE", "SUPPORT", "asserted"), ("NOR", "PSE", "SUPPORT", "asserted"))
doc("2023-06-01", "The central bank of Chile raised interest rates by half a point on Thursday, citing inflation.")
doc("2024-09-12", "Ottawa expelled six Indian diplomats over the killing of a Sikh activist, and New Delhi responded in "
    "kind.",
    ("CAN", "IND", "SANCTION", "asserted"), ("IND", "CAN", "SANCTION", "asserted"))
doc("2023-03-28", "Honduras has switched diplomatic recognition from Taiwan to China.",
    ("HND", "CHN", "SUPPORT", "asserted"), ("HND", "TWN", "SANCTION", "asserted"))
doc("2024-07-02", "It was claimed in a report on Sunday that Turkey had secretly sold armed drones to Ethiopia.",
    ("TUR", "ETH", "AID", "reported"))
doc("2023-11-30", "Norway's defence minister hosted his Swedish and Finnish counterparts in Oslo on Thursday.",
    ("NOR", "SWE", "CONSULT", "asserted"), ("NOR", "FIN", "CONSULT", "asserted"))
doc("2024-10-15", "The two countries signed a memorandum on energy cooperation after Turkish President Recep Tayyip "
    "Erdogan met his Azerbaijani counterpart in Baku.",
    ("TUR", "AZE", "CONSULT", "asserted", S), ("TUR", "AZE", "AGREE", "asserted", S))
doc("2023-02-08", "Seoul reportedly plans to buy more F-35 jets from the United States.",
    ("USA", "KOR", "AID", "reported"))
doc("2024-04-16", "The European Union froze aid to Niger after the coup. Brussels said the suspension would remain until "
    "civilian rule returns.",
    (None, "NER", "SANCTION", "asserted"))

# VOA stories not in the first gold set: story id -> (sentences kept, events in them)
VOA_GOLD = {
    "8010476": (3, [("CHN", "IRN", "AID", "reported"), ("CHN", "IRN", "AID", "reported")]),
    "8009771": (3, [(None, "CHN", "REQUEST", "asserted"), ("CHN", "RUS", "SUPPORT", "asserted"),
                    ("RUS", "UKR", "ASSAULT", "asserted"), ("CHN", "RUS", "ACCUSE", "negated"),
                    ("RUS", "UKR", "ASSAULT", "asserted"), ("CHN", "RUS", "COOPERATE", "asserted", S)]),
    "8005869": (2, [("GBR", "MUS", "AGREE", "future", S), ("USA", "GBR", "SUPPORT", "hypothetical"),
                    ("CHN", "MUS", "COOPERATE", "asserted", S)]),
    "8006723": (3, [("USA", "THA", "ACCUSE", "asserted"), (None, "THA", "ACCUSE", "asserted")]),
    "8004380": (1, [("USA", "MEX", "SANCTION", "asserted"), ("USA", "CAN", "SANCTION", "asserted"),
                    ("USA", "CHN", "SANCTION", "asserted")]),
    "6206085": (3, [("USA", "ALB", "SANCTION", "asserted"), ("USA", "ALB", "SANCTION", "asserted"),
                    ("USA", "ALB", "ACCUSE", "asserted")]),
    "8008456": (4, [("USA", "UKR", "SUPPORT", "asserted"), ("USA", "UKR", "SANCTION", "future")]),
    "7750892": (3, [("AFG", None, "REJECT", "asserted"), (None, "AFG", "REQUEST", "asserted"),
                    ("AFG", None, "REJECT", "asserted")]),
    "8010030": (2, [("CAN", "UKR", "SUPPORT", "future"), ("RUS", "UKR", "ASSAULT", "asserted")]),
    "7810159": (1, [("JPN", "USA", "COOPERATE", "hypothetical", S), ("USA", "KOR", "AGREE", "asserted", S)]),
}


def main() -> None:
    from parallax.language.nlp import load_nlp

    rows = [{"id": f"h2inv{i:03d}", "origin": "invented", **d} for i, d in enumerate(D)]
    nlp = load_nlp()
    stories = {json.loads(line)["id"]: json.loads(line) for line in VOA.open(encoding="utf-8")}
    for sid, (n, events) in VOA_GOLD.items():
        r = stories[sid]
        sents = list(nlp(r["text"][:3000]).sents)[:n]
        rows.append({"id": f"h2voa{sid}", "origin": f"voa:{sid}", "published": r["published"][:10],
                     "text": r["text"][: sents[-1].end_char], "events": [_ev(e) for e in events]})
    with open(Path(__file__).parent / "heldout2.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "docs", sum(len(r["events"]) for r in rows), "events")


if __name__ == "__main__":
    main()
