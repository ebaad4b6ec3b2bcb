"""Build the quote gold files (dev.jsonl, heldout.jsonl) from hand annotations.

Annotations name each quote by its content string (searched in text order, so repeats are unambiguous), its
kind, its speaker as the text names it (pronouns resolved; ``|`` separates acceptable names), whether the
speaker is anonymous (unnamed), the affiliation the text gives an anonymous source, and the relaying outlets.
Guidelines: see README.md. Run: ``python benchmarks/gold/quotes/build_gold.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles import ARTICLES  # noqa: E402

VOA = HERE.parents[3] / "shared" / "data" / "voa_stories.jsonl"  # /work/shared beside the checkout

# (kind, content, speaker, anonymous, affiliation, relays)
A: dict[str, list[tuple]] = {}
A["voa:8011115"] = [
    ("i", "the country's intelligence service \"successfully eliminated\" IS deputy caliph Abdallah Makki Muslih al-Rufay'i", "Mohammed Shia al-Sudani", False, None),
    ("i", "al-Rufay’i was killed Thursday in an airstrike targeting his location in Iraq’s Anbar desert", "Iraqi special forces", False, None),
    ("d", "Today the fugitive leader of ISIS in Iraq was killed. He was relentlessly hunted down by our intrepid warfighters,", "Donald Trump", False, None),
    ("d", "His miserable life was terminated, along with another member of ISIS, in coordination with the Iraqi Government and the Kurdish Regional Government.", "Donald Trump", False, None),
    ("i", "al-Rufay’i was killed in a precision airstrike Thursday, and that his body was later positively identified using DNA recovered during a previous raid in which the IS emir escaped", "U.S. Central Command", False, None),
    ("i", "al-Rufay’i and the second IS official had been wearing suicide vests at the time of their deaths and had been carrying multiple weapons", "Central Command", False, None),
    ("i", "the strike was the result of a two-year effort to track al-Rufay’i’s location, with signifcant breakthroughs coming in the past six months", "Iraqi officials", True, "Iraq"),
    ("i", "they arrested seven additional IS members, including two women, in a follow-up operation in Anbar", "Iraqi officials", True, "Iraq"),
    ("i", "al-Rufay'i, also known as Abu Khadija, was the top IS official for Iraq and Syria, and that he also played a key role in the group's external operations", "Iraqi officials", True, "Iraq"),
    ("i", "al-Rufay'i ran IS operations across Iraq, Syria, Turkey and other parts of the Middle East", "A recent United Nations report", False, None),
    ("i", "the terror group was on a pace to more than double the number of attacks it had carried out in Iraq and Syria the previous year", "U.S. military officials", True, "United States, defence"),
    ("i", "IS has been trying to take advantage of the fall of the Assad regime and resulting political turmoil", "intelligence shared by the U.N.", False, None),
    ("i", "IS \"maintained the ability to operate and replace field commanders", "The U.N. report", False, None),
    ("i", "there is growing confidence that the group is now being led by Abdul Qadir Mumin", "Officials", True, None),
]
A["voa:8011076"] = [
    ("i", "31 people, including 23 security personnel, lost their lives in Tuesday’s train hijacking by armed militants in the country’s restive Balochistan province", "Pakistan officials", True, "Pakistan"),
    ("i", "18 off-duty military and paramilitary Frontier Corps personnel, three railway staff and five civilian passengers were among those killed in the initial attack", "Ahmed Sharif Chaudhry", False, None),
    ("i", "it killed 33 BLA terrorists", "the Pakistan military", False, None),
    ("i", "354 passengers were freed, 37 of whom were injured", "Chaudhry", False, None),
    ("i", "425 tickets were sold for the cross-country train", "Sarfraz Bugti", False, None),
    ("i", "largely explained the gap between the number of passengers and those rescued", "Bugti", False, None),
    ("d", "Maybe some did not travel; some were boarding later, maybe some of those who ran [from the terrorists] lost their way, and maybe some got caught [by the terrorists],", "Sarfraz Bugti|the chief minister", False, None),
    ("d", "We strongly reject the baseless allegations made by Pakistan,", "Randhir Jaiswal", False, None),
    ("i", "there was a security threat", "Pakistani officials", True, "Pakistan"),
    ("d", "There was a threat in the general area,", "Chaudhry", False, None),
    ("i", "it was not specifically about an attack on the train", "Chaudhry", False, None),
    ("d", "There are thousands of intelligence success stories too behind [such incidents], which you don’t know — incidents that did not happen because our intelligence was successfully able to detect them,", "Chaudhry", False, None),
    ("i", "law enforcement agencies have conducted 11,654 intelligence-based operations across the country so far this year", "Chaudhry|The military spokesperson", False, None),
    ("i", "Nearly 60,000 such operations were conducted nationwide last year", "Chaudhry", False, None),
    ("i", "they face discrimination and exploitation by the government in Islamabad", "members of the ethnic Baloch minority", True, None),
    ("i", "In the last 15 months, 1,250 terrorists from various groups have been killed in Pakistan, along with 563 security personnel", "Chaudhry", False, None),
]
A["voa:6180932"] = [
    ("d", "U.S. lawmakers must understand they will get nowhere with impositions,", "Mevlut Cavusoglu", False, None),
    ("d", "If the United States approaches us positively, we will also react positively. But if they take negative toward us, then we will retaliate.", "Mevlut Cavusoglu", False, None),
    ("i", "key U.S. bases are now at risk if Turkey is sanctioned", "Cavusoglu", False, None),
    ("d", "Both Incirlik (air base) and Kürecik (radar base) may come to our agenda. We don't want to talk about the bad scenario over assumptions,", "Cavusoglu", False, None),
    ("i", "Ankara in the last few years imposed onerous controls on U.S. operations from the base", "A Western diplomatic source", True, "diplomacy"),
    ("i", "Incirlik has been viewed as Ankara's trump card over Washington, but that could be changing", "analysts", True, None),
    ("d", "Incirlik was always the conversation stopper when there was talk about (Turkey and the U.S.) splitting,", "Soli Ozel", False, None),
    ("d", "From what I understand, they are investing heavily in other bases, which will mitigate the threat of Incirlik closure.", "Soli Ozel", False, None),
    ("i", "Ankara may also be wary of losing what is widely seen as one of the most important symbols of Turkish-American cooperation", "Analysts", True, None),
    ("d", "(Ankara) will tend to close Kurecik, not Incirlik. Why is that? The fact that there are nuclear warheads in Incirlik is a source of prestige...", "Asli Aydintasbas", False, None),
    ("d", "one case that strengthens its position in NATO. When the situation is so fragile, he (Erdogan) may not want to touch Incirlik,", "Asli Aydintasbas", False, None),
    ("i", "Tehran would especially welcome the closure of Kurecik", "Analysts", True, None),
    ("d", "What is important is not only the decision of Congress but the decision of the administration,", "Cavusoglu", False, None),
    ("d", "Markets may have discounted a mild sanctions bill,", "Atilla Yesilada", False, None),
    ("i", "such measures could well be interpreted by Erdogan as a weakness and embolden him", "Yesilada", False, None),
    ("d", "Encouraged by mild sanctions, he may tease the U.S. further by attempting to purchase more advanced Russian weaponry and defying the U.S. in northeast Syria,", "Yesilada", False, None),
    ("d", "It is in [Washington's] interest also to have a stable region. If they continue with these proposed policies today, this region will not only continue to be a hotbed, but even more with an unstable Turkey,", "Mithat Rende", False, None),
]
A["voa:8010842"] = [
    ("d", "We called for Russia to reciprocate by agreeing to a ceasefire on equal terms and implementing it fully,", "the diplomats|Top diplomats from the Group of Seven", False, None),
    ("d", "We discussed imposing further costs on Russia in case such a ceasefire is not agreed, including through further sanctions, caps on oil prices, as well as additional support for Ukraine, and other means.", "the diplomats|Top diplomats from the Group of Seven", False, None),
    ("i", "the G7 countries affirmed their “unwavering support for Ukraine in defending its territorial integrity and right to exist, and its freedom, sovereignty and independence.", "The statement|the diplomats", False, None),
    ("i", "much remains to be done on a Ukraine ceasefire deal", "the Kremlin", False, None),
    ("i", "U.S. President Donald Trump’s special envoy, Steve Witkoff, spoke with Russian President Vladimir Putin on Thursday", "The White House", False, None),
    ("i", "U.S. officials would convene this weekend after Witkoff returns to Washington to closely examine Russia’s position and determine the next steps", "Marco Rubio", False, None),
    ("d", "Suffice to say, I think there is reason to be cautiously optimistic. But by the same token, we continue to recognize a difficult and complex situation,", "Rubio", False, None),
    ("d", "All G7 foreign ministers agree with the U.S. proposal of a ceasefire that is supported by Ukrainians,", "Malie Joly", False, None),
    ("d", "The ball is now in Russia's court when it comes to Ukraine.", "Malie Joly", False, None),
    ("d", "there is unity that now is the time for a ceasefire with no conditions. Ukraine has set their position out. It is now for Russia to accept it.", "David Lammy", False, None),
    ("i", "a “coalition of the willing” is forming to provide Ukraine with the necessary “security architecture” and monitoring mechanisms to support the ceasefire", "Lammy", False, None),
    ("i", "much remains to be done on a Ukraine ceasefire deal", "the Kremlin", False, None),
    ("i", "Putin still awaits answers after raising several questions about the ceasefire's implementation", "Dmitry Peskov", False, None),
    ("d", "An unconditional 30-day interim ceasefire is the first crucial step that could bring us significantly closer to a just and lasting peace,", "Zelenskyy", False, None),
    ("i", "the group remains “concerned with China’s military build-up and the continued, rapid increase in China’s nuclear weapons arsenal", "The G7 joint statement", False, None),
    ("i", "he believes leaders from the U.S. and China will meet at some point", "Rubio", False, None),
    ("d", "Whether they agree on things or not, they should communicate for the safety and well-being of the world,", "Rubio", False, None),
    ("i", "ending the conflict would allow Washington to redirect resources toward addressing challenges in the region", "officials and analysts", True, None),
    ("d", "I don’t think an endless, ongoing conflict in Europe or in Ukraine is good for the Indo-Pacific region. It diverts a lot of the world’s attention, time and resources away from areas where we continue to see growing threats,", "Rubio", False, None),
    ("d", "In many ways, we could be spending even more time focused on the Indo-Pacific if somehow we could bring peace to the European continent,", "Rubio|the top U.S. diplomat", False, None),
]
A["voa:8009976"] = [
    ("d", "We categorically reject baseless allegations by Pakistani army spokesperson linking attack on a passenger train in Balochistan province with Afghanistan,", "Abdul Qahar Balkhi", False, None),
    ("i", "339 passengers were rescued", "Shehbaz Sharif", False, None),
    ("i", "attackers collaborated with partners in Afghanistan", "Ahmed Sharif Chaudhry", False, None),
    ("d", "During the operation, these terrorists were in contact with their supporters and masterminds in Afghanistan via satellite phone,", "Chaudhry", False, None),
    ("d", "Intelligence reports have unequivocally confirmed that the attack was orchestrated and directed by terrorist ringleaders operating from Afghanistan, who were in direct communication with terrorists throughout the incident,", "ISPR|a statement from the ISPR", False, None),
    ("i", "Islamabad must address internal issues", "Balkhi", False, None),
    ("d", "[We] urge Pakistani side to focus on resolving their own security and internal problems instead of such irresponsible remarks,", "Balkhi|the Taliban foreign ministry spokesperson", False, None),
    ("i", "the attackers singled out security personnel and ethnic Punjabi passengers, shooting many", "Survivors", True, None),
    ("d", "Pakistan expects the Interim Afghan Government to uphold its responsibilities and deny use of its soil for terrorist activities against Pakistan,", "the military", False, None),
    ("d", "We urge Afghanistan to hold perpetrators, organizers, financiers, of this reprehensible act of terrorism accountable and cooperate with the government of Pakistan to bring all those who are concerned with this attack, including the real sponsors of terrorism, to justice,", "Shafqat Ali Khan", False, None),
    ("d", "No members of Balouch opposition have presence in Afghanistan, nor have they ever had or have any links with the Islamic Emirate,", "Balkhi", False, None),
    ("i", "Kabul was failing to rein in Baloch separatists", "Munir Akram", False, None),
    ("d", "The Kabul authorities have failed to address the threat posed to the region and beyond by other terrorist groups, such as al Qaida, the TTP and Baloch terrorists, including the BLA and the Majeed Brigade, which are present in Afghanistan,", "Munir Akram|the Pakistani envoy", False, None),
]
A["voa:7677701"] = [
    ("i", "expanding military cooperation between Russia and North Korea is dangerous, illegal and a growing threat to the wider international community", "The United States and its allies", False, None),
    ("d", "Last week, Russian and DPRK leaders signed a 'Treaty on Comprehensive Strategic Partnership,' paving the way for further deepening their military cooperation,", "Robert Wood", False, None),
    ("d", "We are deeply concerned about the security implications of the advancement of this cooperation for Europe, the Korean Peninsula, the Indo-Pacific region and around the world.", "Robert Wood", False, None),
    ("d", "Before February 2022, it was hard to imagine that the war in Ukraine would pose such a direct threat to the security of the Korean Peninsula,", "Joonkook Hwang", False, None),
    ("d", "But now we are facing a new reality.", "Joonkook Hwang", False, None),
    ("i", "South Korea's national defense ministry has assessed that since North Korean leader Kim Jong Un and Russian President Vladimir Putin held a summit in Russia in September, Pyongyang has shipped at least 10,000 containers to Russia that can hold a total of as many as 5 million artillery shells", "Joonkook Hwang", False, None),
    ("d", "All these developments can bring about a shift in the global security landscape, and the potential long-term effects are dangerously uncertain,", "Hwang", False, None),
    ("i", "Seoul would \"resolutely respond\" to any threats to its security in a \"prudent and measured\" way", "Hwang", False, None),
    ("d", "This is completely false,", "Vassily Nebenzia", False, None),
    ("i", "the two countries' cooperation \"is exclusively constructive and legitimate in nature", "Vassily Nebenzia", False, None),
    ("d", "The panel of experts have been following those orders given them and turning in the direction they were told to turn,", "Nebenzia", False, None),
    ("i", "relations between the two countries \"are completely peace-loving and defensive in nature", "Song Kim|North Korea's envoy", False, None),
    ("d", "Therefore, there is no reason whatsoever to be concerned about development of their bilateral relations, unless they have intention to undertake a military invasion of the DPRK and Russian Federation,", "Song Kim", False, None),
    ("d", "China calls on parties concerned to be rational and pragmatic and to find joint efforts to find a solution,", "Geng Shuang", False, None),
    ("d", "So I appeal to my Chinese colleague to understand that if indeed the situation on the Korean Peninsula continues on the trajectory it's going, the United States and its allies will have to take steps to defend their security,", "Wood", False, None),
]
A["inv-water"] = [
    ("i", "Talks on sharing the water of three glacier-fed rivers collapsed on Tuesday", "officials on both sides", True, None),
    ("d", "We came here in good faith,", "Elena Vargas", False, None),
    ("d", "We leave with nothing but promises that were broken before the ink was dry.", "Elena Vargas", False, None),
    ("i", "her government would take the dispute to an international tribunal if no agreement was reached by March", "Vargas", False, None),
    ("i", "Buenos Aires had “always honoured” its commitments", "Argentina’s Foreign Ministry|the ministry", False, None),
    ("i", "the Chilean delegation had walked out before the final session began", "A senior Argentine diplomat involved in the negotiations", True, "Argentina, diplomacy"),
    ("d", "They did not even read our last proposal,", "A senior Argentine diplomat involved in the negotiations", True, "Argentina, diplomacy"),
    ("d", "It was on the table for two days.", "A senior Argentine diplomat involved in the negotiations", True, "Argentina, diplomacy"),
    ("i", "flows in the upper basin have fallen by a third since 2015", "figures from the regional water authority", False, None),
    ("i", "the shortages are already ruinous", "Farmers in the valley", True, None),
    ("d", "I have lost half of my vines this year,", "Tomás Ríos", False, None),
    ("d", "If the governments cannot agree, we will all pay.", "Tomás Ríos", False, None),
    ("i", "she remained open to a new round of talks", "Elena Vargas", False, None),
    ("d", "Nobody wants a court case,", "Elena Vargas", False, None),
    ("d", "But we will not wait forever.", "Elena Vargas", False, None),
]
A["inv-strait"] = [
    ("i", "Two coast guard vessels shadowed each other for six hours on Sunday near a disputed reef", "the Philippine coast guard", False, None),
    ("i", "a Chinese vessel had used a water cannon against a Philippine supply boat and had \"dangerously manoeuvred\" within 50 metres of it", "the Philippine coast guard|The statement", False, None),
    ("i", "the Philippine boat had \"intruded\" into Chinese waters", "Lin Hao", False, None),
    ("d", "The Chinese side took necessary measures in accordance with the law,", "Lin Hao", False, None),
    ("d", "We urge the Philippines to stop its provocations.", "Lin Hao", False, None),
    ("i", "the supply boat had been carrying food and water for a small garrison", "A Philippine military officer familiar with the operation", True, "Philippines, defence", ["Manila Chronicle"]),
    ("i", "the crew were unhurt", "A Philippine military officer familiar with the operation", True, "Philippines, defence"),
    ("i", "Tokyo was \"closely monitoring\" the situation and would raise it at a regional meeting next week", "a Japanese defence official", True, "Japan, defence", ["Manila Chronicle"]),
    ("i", "the incident was the most serious in months", "Analysts", True, None),
    ("d", "Every time this happens the margin for error gets smaller,", "Carla Mendoza", False, None),
    ("d", "One day somebody will miscalculate.", "Carla Mendoza", False, None),
    ("i", "both governments had an interest in keeping the confrontation at sea rather than in the courts", "Carla Mendoza", False, None),
    ("i", "Washington stood with its ally", "Mark Ellison", False, None),
]
A["inv-fish"] = [
    ("d", "The EU has set itself a quota it has no right to set,", "Ingrid Solberg", False, None),
    ("d", "We will enforce our rules, as we always have.", "Ingrid Solberg", False, None),
    ("i", "it \"regretted\" Norway's decision", "The European Commission", False, None),
    ("i", "EU vessels were fishing legally", "The European Commission", False, None),
    ("i", "Brussels was considering taking the case to the Permanent Court of Arbitration", "A Commission official", True, None),
    ("d", "We are not looking for a fight, but we will defend our fishermen,", "Paul Girard", False, None),
    ("i", "the quarrel could hurt both sides", "Industry figures", True, None),
    ("i", "prices had already fallen by ten percent", "The Norwegian Fishermen's Association", False, None),
    ("d", "Nobody wins a fish war,", "Kari Holm", False, None),
    ("d", "Nobody.", "Kari Holm", False, None),
    ("i", "Norway would publish the catch data for the past three seasons", "Solberg", False, None),
    ("i", "the figures show EU boats exceeded their share by a fifth", "Solberg|the minister", False, None),
    ("i", "it did not account for fish caught outside the zone", "Officials in Brussels", True, None),
]
A["inv-dam"] = [
    ("i", "the pact guaranteed minimum flows to Lake Turkana during the dry season", "Daniel Otieno", False, None),
    ("d", "This agreement protects the livelihoods of more than 300,000 people who depend on the lake,", "Daniel Otieno", False, None),
    ("d", "It shows that African problems can have African solutions.", "Daniel Otieno", False, None),
    ("i", "the dam would begin exporting power to Kenya next year", "Abebe Tadesse", False, None),
    ("i", "The pact “does nothing to address the salinity of the lake", "Friends of Lake Turkana", False, None),
    ("d", "We were not consulted at any stage,", "Ruth Ekai", False, None, ["Daily Nation"]),
    ("i", "the group would study the text before deciding whether to challenge it in court", "Ruth Ekai", False, None),
    ("i", "the deal had been made possible by a loan guarantee from the World Bank", "Two Kenyan officials involved in the talks", True, "Kenya"),
    ("i", "the first turbines will be switched on in April", "Abebe Tadesse", False, None),
]
A["inv-coup"] = [
    ("i", "the country's disputed election had \"violated every principle\" of the bloc's democratic charter", "The Economic Community of West African States", False, None),
    ("i", "the suspension would remain in force until a new vote was held", "Omar Touray", False, None),
    ("d", "We cannot accept that results are announced by soldiers,", "Omar Touray", False, None),
    ("d", "We have seen this before in the region, and we know where it leads. It leads to more coups, more instability and more suffering for ordinary people.\n\n\"The people of Guinea-Bissau deserve better.", "Omar Touray", False, None),
    ("i", "the election had been free and fair and that the bloc was acting on behalf of the opposition", "Armando Cá", False, None),
    ("i", "several leaders had pushed for sanctions but were overruled", "A regional diplomat", True, "diplomacy"),
    ("i", "the summit had been \"very tense", "A regional diplomat", True, "diplomacy"),
    ("i", "troops from the bloc's standby force had been placed on alert", "a Nigerian security official", True, "Nigeria", ["Radio France Internationale"]),
    ("i", "any troops had been mobilised", "Yusuf Tuggar", False, None),
    ("d", "There is no military option on the table,", "Yusuf Tuggar", False, None),
    ("d", "Our approach is diplomatic.", "Yusuf Tuggar", False, None),
    ("i", "the bloc had \"stood with the people", "Domingos Simões Pereira", False, None),
]
HELDOUT = {"voa:8009976", "voa:7677701", "inv-dam", "inv-coup"}


def _texts() -> dict[str, tuple[str, str | None]]:
    out = {k: (v, None) for k, v in ARTICLES.items()}
    for line in VOA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out[f"voa:{row['id']}"] = (row["text"], "VOA")
    return out


def build() -> dict[str, list[dict]]:
    texts = _texts()
    split: dict[str, list[dict]] = {"dev": [], "heldout": []}
    for doc_id, items in A.items():
        text, outlet = texts[doc_id]
        pos, quotes = 0, []
        for item in items:
            kind, content, speaker, anon, aff = item[:5]
            relays = item[5] if len(item) > 5 else []
            start = text.find(content, pos)
            if start < 0:
                raise SystemExit(f"{doc_id}: not found: {content[:60]!r}")
            pos = start + 1
            quotes.append({"kind": "direct" if kind == "d" else "indirect", "start": start,
                           "end": start + len(content), "text": content, "speaker": speaker.split("|"),
                           "anonymous": anon, "affiliation": aff, "relays": relays})
        row = {"doc": doc_id, "outlet": outlet, "text": text, "quotes": quotes}
        split["heldout" if doc_id in HELDOUT else "dev"].append(row)
    return split


if __name__ == "__main__":
    for name, rows in build().items():
        path = HERE / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(name, len(rows), "docs", sum(len(r["quotes"]) for r in rows), "quotes")
