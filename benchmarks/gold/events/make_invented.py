"""Source of the invented half of the event gold set (written by hand; run once to (re)write the JSONL).

Each doc: text, published date, and the events a careful human coder reads in it, as
(source ISO3, target ISO3, PLOVER type, mode[, "sym"]). Every third document goes to held-out.
"""
import json
from pathlib import Path

D = []


def doc(pub, text, *events):
    D.append({"published": pub, "text": text, "events": [
        {"source": e[0], "target": e[1], "type": e[2], "mode": e[3], "symmetric": len(e) > 4 and e[4] == "sym"}
        for e in events]})


doc("2023-05-10", "Brazil bought six patrol boats from France in 2019. The boats were delivered the following year.",
    ("FRA", "BRA", "AID", "asserted"))
doc("2023-06-02", "Egypt and Italy signed a defence cooperation agreement in Rome on Tuesday. Egyptian officials said the accord covers training and maintenance.",
    ("EGY", "ITA", "AGREE", "asserted", "sym"))
doc("2022-11-20", "Kenya and Uganda carried out their first joint naval drill on Lake Victoria last month. The exercise lasted five days.",
    ("KEN", "UGA", "COOPERATE", "asserted", "sym"))
doc("2024-01-15", "Norway will not sell fighter jets to Chile, the defence minister said on Monday. Chile had asked for twelve aircraft.",
    ("NOR", "CHL", "AID", "negated"), ("CHL", "NOR", "REQUEST", "asserted"))
doc("2024-02-08", "Turkey's foreign minister held talks with his Greek counterpart in Athens on Wednesday. The two men discussed maritime borders.",
    ("TUR", "GRC", "CONSULT", "asserted", "sym"))
doc("2023-09-01", "A Vietnamese naval delegation is expected to visit Japan next week, the ministry said.",
    ("VNM", "JPN", "CONSULT", "future"))
doc("2023-03-03", "Peru is looking at building deeper defence ties with Spain, according to the foreign ministry. Madrid has not commented.",
    ("PER", "ESP", "COOPERATE", "hypothetical", "sym"))
doc("2024-04-11", "Germany pledged to continue supplying air defence systems to Ukraine. Berlin delivered two Patriot batteries to Kyiv last year.",
    ("DEU", "UKR", "AID", "future"), ("DEU", "UKR", "AID", "asserted"))
doc("2023-07-19", "Ghana could back Nigeria's bid for a Security Council seat if the talks continue. Accra has not decided.",
    ("GHA", "NGA", "SUPPORT", "hypothetical"))
doc("2023-10-30", "Intelligence reports suggested that Iran supplied drones to Venezuela. Tehran denied the claim.",
    ("IRN", "VEN", "AID", "reported"))
doc("2024-03-01", "Argentina dismissed reports that it had agreed to lease warships from China. The defence ministry called the story false.",
    ("CHN", "ARG", "AID", "denied"))
doc("2023-12-12", "The visit of the Indian prime minister to Tokyo ended on Friday with a joint statement on maritime security.",
    ("IND", "JPN", "CONSULT", "asserted"))
doc("2023-08-08", "China criticised the United States for the new export controls. Beijing said the measures hurt global trade.",
    ("CHN", "USA", "ACCUSE", "asserted"))
doc("2024-05-05", "At no point is Canada in talks with Cuba over the detained sailors, a government spokesperson said.",
    ("CAN", "CUB", "CONSULT", "negated", "sym"))
doc("2023-04-21", "Mexico refused to sell oil to Venezuela on credit. The decision angered officials in Caracas.",
    ("MEX", "VEN", "REJECT", "asserted"))
doc("2023-02-17", "Japan's purchase of 40 F-35 jets from the United States is worth $8 billion. Tokyo will pay in instalments.",
    ("USA", "JPN", "AID", "asserted"))
doc("2022-09-09", "Poland signed a deal with South Korea in 2022 for 180 K2 tanks. The first tanks arrived in Warsaw the following year.",
    ("POL", "KOR", "AGREE", "asserted", "sym"))
doc("2024-02-24", "The United States imposed new sanctions on Iran on Thursday over its drone programme.",
    ("USA", "IRN", "SANCTION", "asserted"))
doc("2023-06-30", "Britain reportedly delivered long-range missiles to Ukraine last month. London declined to comment.",
    ("GBR", "UKR", "AID", "reported"))
doc("2024-01-09", "Indonesia decided to buy 42 Rafale jets from France. The first aircraft are due in 2026.",
    ("FRA", "IDN", "AID", "future"))
doc("2023-11-14", "Israel carried out airstrikes on Syria overnight, Syrian state media said. Damascus condemned the attack.",
    ("ISR", "SYR", "ASSAULT", "asserted"), ("SYR", "ISR", "ACCUSE", "asserted"))
doc("2024-03-20", "Washington urged Beijing to stop military drills near Taiwan. China rejected the call.",
    ("USA", "CHN", "REQUEST", "asserted"), ("CHN", "USA", "REJECT", "asserted"))
doc("2023-05-29", "Pakistan and China will hold joint naval exercises in the Arabian Sea next month.",
    ("PAK", "CHN", "COOPERATE", "future", "sym"))
doc("2023-10-02", "Serbia's president met the Hungarian prime minister in Budapest. Both leaders praised the new gas pipeline.",
    ("SRB", "HUN", "CONSULT", "asserted", "sym"))
doc("2024-06-18", "Australia expelled two Chinese diplomats on Tuesday. Canberra accused Beijing of running a spy network.",
    ("AUS", "CHN", "SANCTION", "asserted"), ("AUS", "CHN", "ACCUSE", "asserted"))
doc("2023-01-25", "The Kenyan government said it would not renew its security pact with Somalia.",
    ("KEN", "SOM", "AGREE", "negated", "sym"))
doc("2023-08-22", "France may withdraw its troops from Niger by the end of the year, officials said.",
    ("FRA", "NER", "RETREAT", "hypothetical"))
doc("2022-12-05", "South Africa hosted the Brazilian president in Pretoria on Monday. The two leaders signed five agreements.",
    ("ZAF", "BRA", "CONSULT", "asserted"), ("ZAF", "BRA", "AGREE", "asserted", "sym"))
doc("2024-04-02", "The Philippines protested against China's use of water cannon near the shoal. Manila summoned the Chinese ambassador.",
    ("PHL", "CHN", "PROTEST", "asserted"), ("PHL", "CHN", "ACCUSE", "asserted"))
doc("2023-03-15", "Saudi Arabia and Iran agreed to restore diplomatic relations, in a deal brokered in Beijing.",
    ("SAU", "IRN", "AGREE", "asserted", "sym"))
doc("2024-07-07", "Thailand is considering buying submarines from Germany instead of China, a navy spokesman said.",
    ("DEU", "THA", "AID", "hypothetical"))
doc("2023-09-27", "Azerbaijan launched an offensive against Armenia's positions in the mountains. Yerevan appealed to Moscow for help.",
    ("AZE", "ARM", "ASSAULT", "asserted"), ("ARM", "RUS", "REQUEST", "asserted"))
doc("2024-02-12", "The European Union lifted sanctions on Venezuela's oil sector after the elections deal.",
    (None, "VEN", "RETREAT", "asserted"))
doc("2023-07-04", "North Korea threatened to attack South Korea if the joint exercises go ahead.",
    ("PRK", "KOR", "THREATEN", "asserted"))
doc("2023-11-01", "Qatar mediated between Israel and Hamas. Egypt also hosted talks.",
    ("QAT", "ISR", "CONSULT", "asserted"), ("QAT", None, "CONSULT", "asserted"))
doc("2024-05-21", "Morocco signed a contract with Israel to buy a spy satellite. The deal is worth $1 billion.",
    ("MAR", "ISR", "AGREE", "asserted", "sym"), ("ISR", "MAR", "AID", "future"))
doc("2023-06-12", "Spain has never sold weapons to Saudi Arabia without parliamentary approval, the minister insisted.",
    ("ESP", "SAU", "AID", "negated"))
doc("2022-10-10", "Ukraine accused Belarus of allowing missile launches from its territory.",
    ("UKR", "BLR", "ACCUSE", "asserted"))
doc("2024-08-13", "India and Mauritius upgraded their ties to a strategic partnership during the visit of the Indian foreign minister to Port Louis.",
    ("IND", "MUS", "COOPERATE", "asserted", "sym"), ("IND", "MUS", "CONSULT", "asserted"))
doc("2023-04-04", "Finland joined NATO on Tuesday. Russia warned Finland of countermeasures.",
    ("RUS", "FIN", "THREATEN", "asserted"))
doc("2024-01-30", "Egypt allegedly received Chinese air defence systems in 2023, a think tank said.",
    ("CHN", "EGY", "AID", "reported"))
doc("2023-12-01", "Canada will provide Ukraine with 20 armoured vehicles, the prime minister announced.",
    ("CAN", "UKR", "AID", "future"))
doc("2024-03-09", "The talks between Ethiopia and Egypt on the dam collapsed in December.",
    ("ETH", "EGY", "CONSULT", "asserted", "sym"))
doc("2023-02-02", "Colombia and Venezuela reopened their border last year. Bogota praised Caracas for the move.",
    ("COL", "VEN", "SUPPORT", "asserted"))
doc("2024-09-10", "Kazakhstan denied that it had supplied arms to Sudan. Officials called the report baseless.",
    ("KAZ", "SDN", "AID", "denied"))
doc("2023-05-16", "Vietnam detained a Chinese fishing crew near the islands. Beijing demanded their release.",
    ("VNM", "CHN", "COERCE", "asserted"), ("CHN", "VNM", "REQUEST", "asserted"))
doc("2024-10-03", "Italy's defence minister travelled to Japan to discuss the joint fighter programme.",
    ("ITA", "JPN", "CONSULT", "asserted"))
doc("2023-08-30", "The prime minister of Bangladesh is scheduled to visit China in July.",
    ("BGD", "CHN", "CONSULT", "future"))
doc("2024-02-27", "Sweden will not deport the activists to Turkey, the court ruled. Ankara condemned the ruling.",
    ("TUR", "SWE", "ACCUSE", "asserted"))
doc("2022-08-16", "Rising food prices hit households across Kenya. The central bank raised interest rates on Tuesday.")
doc("2023-10-18", "The army killed ten militants in northern Nigeria, officials said. Police arrested three suspects in Lagos.")
doc("2024-06-05", "Chinese President Xi Jinping held a phone call with the French president on Monday. Xi thanked France for its support.",
    ("CHN", "FRA", "CONSULT", "asserted", "sym"), ("CHN", "FRA", "SUPPORT", "asserted"))
doc("2023-01-11", "Japan and the Philippines are negotiating a reciprocal access agreement, officials said.",
    ("JPN", "PHL", "CONSULT", "asserted", "sym"))
doc("2024-11-22", "Iran seized a tanker carrying Greek oil in the Gulf. Athens called the seizure piracy.",
    ("IRN", "GRC", "COERCE", "asserted"), ("GRC", "IRN", "ACCUSE", "asserted"))
doc("2023-07-27", "Algeria recalled its ambassador from Spain over the Western Sahara dispute.",
    ("DZA", "ESP", "SANCTION", "asserted"))
doc("2024-03-28", "If Serbia recognises Kosovo, the European Union could open accession talks with Belgrade.",
    (None, "SRB", "CONSULT", "hypothetical"))
doc("2022-06-14", "Turkey blocked the membership bids of Sweden and Finland for weeks.",
    ("TUR", "SWE", "REJECT", "asserted"), ("TUR", "FIN", "REJECT", "asserted"))
doc("2023-09-19", "Kuwait sent humanitarian aid to Morocco after the earthquake.",
    ("KWT", "MAR", "AID", "asserted"))
doc("2024-04-25", "The United Kingdom sold Typhoon jets worth £5 billion to Qatar in 2017.",
    ("GBR", "QAT", "AID", "asserted"))
doc("2023-12-20", "Ecuador asked the United States for military assistance against drug gangs.",
    ("ECU", "USA", "REQUEST", "asserted"))
doc("2024-02-02", "Chile and Argentina held their first joint air force exercise in Patagonia. Chilean officials said the drills would become annual.",
    ("CHL", "ARG", "COOPERATE", "asserted", "sym"))
doc("2023-10-11", "Nigeria received two patrol aircraft from Italy on Monday. Abuja said it plans to buy four more.",
    ("ITA", "NGA", "AID", "asserted"))
doc("2024-05-30", "Greece condemned Turkey's decision to convert the museum. Athens also recalled its envoy from Ankara for consultations.",
    ("GRC", "TUR", "ACCUSE", "asserted"), ("GRC", "TUR", "SANCTION", "asserted"))
doc("2023-03-27", "The Dutch government will not export chip machines to China, the trade minister said.",
    ("NLD", "CHN", "AID", "negated"))
doc("2024-07-16", "Rwanda and the Democratic Republic of Congo signed a peace agreement in Washington. Rwanda reportedly agreed to withdraw troops from eastern Congo.",
    ("RWA", "COD", "AGREE", "asserted", "sym"), ("RWA", "COD", "RETREAT", "reported"))
doc("2023-08-14", "Ukrainian drones struck an oil refinery in Russia on Sunday, the governor said.",
    ("UKR", "RUS", "ASSAULT", "asserted"))
doc("2024-09-25", "Brazil's president criticised Israel over the strikes in Gaza. Israel declared him persona non grata.",
    ("BRA", "ISR", "ACCUSE", "asserted"), ("ISR", "BRA", "SANCTION", "asserted"))
doc("2023-12-06", "Singapore and Malaysia are in talks over a high-speed rail link, according to local media.",
    ("SGP", "MYS", "CONSULT", "reported", "sym"))
doc("2024-01-23", "The Estonian prime minister visited Kyiv on Tuesday and pledged more military aid to Ukraine.",
    ("EST", "UKR", "CONSULT", "asserted"), ("EST", "UKR", "AID", "future"))
doc("2023-06-06", "Hungary vetoed an EU statement criticising China. Budapest said the text was unbalanced.",
    ("HUN", None, "REJECT", "asserted"))
doc("2024-08-08", "Armenia might buy howitzers from France next year, a defence source said.",
    ("FRA", "ARM", "AID", "hypothetical"))
doc("2023-05-02", "South Korea and Japan agreed to resume their security dialogue. Seoul welcomed Tokyo's apology.",
    ("KOR", "JPN", "AGREE", "asserted", "sym"), ("KOR", "JPN", "SUPPORT", "asserted"))
doc("2024-10-20", "Mali expelled the French ambassador. Bamako accused Paris of interfering in its affairs.",
    ("MLI", "FRA", "SANCTION", "asserted"), ("MLI", "FRA", "ACCUSE", "asserted"))
doc("2023-09-05", "The United States and Vietnam upgraded their relations to a comprehensive strategic partnership during the president's visit to Hanoi.",
    ("USA", "VNM", "COOPERATE", "asserted", "sym"), ("USA", "VNM", "CONSULT", "asserted"))
doc("2024-04-17", "Pakistan denied reports that it had shot down an Iranian drone near the border.",
    ("PAK", "IRN", "ASSAULT", "denied"))
doc("2023-02-09", "Israel and Bahrain signed a free trade agreement on Thursday. The UAE praised the deal.",
    ("ISR", "BHR", "AGREE", "asserted", "sym"))
doc("2024-06-27", "Lithuania called on Germany to station more troops on its soil. Berlin said it would send a brigade by 2027.",
    ("LTU", "DEU", "REQUEST", "asserted"), ("DEU", "LTU", "MOBILIZE", "future"))
doc("2023-11-28", "Bolivia cut diplomatic ties with Israel over the war in Gaza.",
    ("BOL", "ISR", "SANCTION", "asserted"))
doc("2024-03-05", "Saudi Arabia is reportedly in talks with China to buy armed drones.",
    ("SAU", "CHN", "CONSULT", "reported", "sym"), ("CHN", "SAU", "AID", "reported"))
doc("2023-04-12", "Ethiopia threatened Sudan with military action over the disputed border area.",
    ("ETH", "SDN", "THREATEN", "asserted"))
doc("2024-11-05", "The Canadian foreign minister met her Indian counterpart in New York, but no agreement was reached.",
    ("CAN", "IND", "CONSULT", "asserted", "sym"), ("CAN", "IND", "AGREE", "negated", "sym"))

out = Path(__file__).parent
dev, held = [], []
for i, d in enumerate(D):
    d["id"] = f"inv{i:03d}"
    d["origin"] = "invented"
    (held if i % 3 == 2 else dev).append(d)
for name, rows in (("dev_invented.jsonl", dev), ("heldout_invented.jsonl", held)):
    with open(out / name, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(D), sum(len(d["events"]) for d in D))
