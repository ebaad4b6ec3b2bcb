"""Invented news articles for the quote gold set (written for Parallax; no real event is reported).

Each article exercises several quoting styles; the annotations live in ``build_gold.py``.
"""

ARTICLES: dict[str, str] = {}

ARTICLES["inv-water"] = """Chile and Argentina trade warnings over Andean water rights

SANTIAGO — Talks on sharing the water of three glacier-fed rivers collapsed on Tuesday, officials on both sides said.

“We came here in good faith,” said Chilean Public Works Minister Elena Vargas. “We leave with nothing but promises that were broken before the ink was dry.”

Vargas added that her government would take the dispute to an international tribunal if no agreement was reached by March.

Argentina’s Foreign Ministry rejected the accusation. In a statement, the ministry said Buenos Aires had “always honoured” its commitments and accused Santiago of inventing a crisis.

A senior Argentine diplomat involved in the negotiations, who spoke on condition of anonymity because he was not authorised to brief the press, said the Chilean delegation had walked out before the final session began.

"They did not even read our last proposal," the diplomat said. "It was on the table for two days."

According to figures from the regional water authority, flows in the upper basin have fallen by a third since 2015.

Farmers in the valley say the shortages are already ruinous. “I have lost half of my vines this year,” said Tomás Ríos, who grows grapes near the border. “If the governments cannot agree, we will all pay.”

The minister said later on Tuesday that she remained open to a new round of talks. “Nobody wants a court case,” she told reporters. “But we will not wait forever.”

The dispute has simmered for more than a decade.
"""

ARTICLES["inv-strait"] = """Coast guard stand-off in disputed strait raises fears of escalation

MANILA — Two coast guard vessels shadowed each other for six hours on Sunday near a disputed reef, the Philippine coast guard said in a statement.

The statement said a Chinese vessel had used a water cannon against a Philippine supply boat and had "dangerously manoeuvred" within 50 metres of it.

China's foreign ministry spokesman Lin Hao told a regular briefing in Beijing that the Philippine boat had "intruded" into Chinese waters. 'The Chinese side took necessary measures in accordance with the law,' Lin said. 'We urge the Philippines to stop its provocations.'

A Philippine military officer familiar with the operation told the Manila Chronicle that the supply boat had been carrying food and water for a small garrison. The officer, who asked not to be named, said the crew were unhurt.

The Manila Chronicle on Monday quoted a Japanese defence official as saying that Tokyo was "closely monitoring" the situation and would raise it at a regional meeting next week.

Analysts said the incident was the most serious in months. "Every time this happens the margin for error gets smaller," said Carla Mendoza, a maritime security researcher at the University of the Philippines. "One day somebody will miscalculate."

She said both governments had an interest in keeping the confrontation at sea rather than in the courts.

U.S. Ambassador Mark Ellison said on social media that Washington stood with its ally. The embassy did not respond to a request for further comment.

The reef lies about 200 kilometres from the Philippine coast.
"""

ARTICLES["inv-dam"] = """Ethiopia, Kenya sign pact on cross-border dam after years of dispute

NAIROBI — Kenya and Ethiopia on Thursday signed an agreement on the operation of a hydroelectric dam on their shared river, ending a dispute that had strained relations for nearly five years.

Kenyan President's spokesperson Daniel Otieno called the deal "historic." He told journalists in Nairobi that the pact guaranteed minimum flows to Lake Turkana during the dry season.

“This agreement protects the livelihoods of more than 300,000 people who depend on the lake,” Otieno said. “It shows that African problems can have African solutions.”

Ethiopian Water Minister Abebe Tadesse said the dam would begin exporting power to Kenya next year.

Environmental groups were less enthusiastic. The pact “does nothing to address the salinity of the lake,” according to a statement from Friends of Lake Turkana, a local advocacy group.

“We were not consulted at any stage,” the group’s director, Ruth Ekai, told the Daily Nation newspaper. She said the group would study the text before deciding whether to challenge it in court.

Two Kenyan officials involved in the talks said privately that the deal had been made possible by a loan guarantee from the World Bank. A bank spokesman declined to comment.

According to Tadesse, the first turbines will be switched on in April.

The agreement must still be ratified by both parliaments.
"""

ARTICLES["inv-fish"] = """Norway and the EU clash over cod quotas in Arctic waters

OSLO — Norway accused the European Union on Wednesday of overfishing cod in waters around the Svalbard archipelago, escalating a long-running dispute over Arctic fishing rights.

"The EU has set itself a quota it has no right to set," Norwegian Fisheries Minister Ingrid Solberg said in an interview with the broadcaster NRK. "We will enforce our rules, as we always have."

The European Commission said it "regretted" Norway's decision and insisted that EU vessels were fishing legally.

A Commission official, speaking on background, said Brussels was considering taking the case to the Permanent Court of Arbitration.

« We are not looking for a fight, but we will defend our fishermen, » French fisheries minister Paul Girard told reporters in Paris.

Industry figures warned that the quarrel could hurt both sides. The Norwegian Fishermen's Association said in a statement that prices had already fallen by ten percent.

"Nobody wins a fish war," said Kari Holm, who heads the association. "Nobody."

Solberg said Norway would publish the catch data for the past three seasons. According to the minister, the figures show EU boats exceeded their share by a fifth.

Officials in Brussels disputed that figure, saying it did not account for fish caught outside the zone.
"""

ARTICLES["inv-coup"] = """West African bloc suspends Guinea-Bissau after disputed vote

ABUJA — The Economic Community of West African States suspended Guinea-Bissau on Saturday, saying the country's disputed election had "violated every principle" of the bloc's democratic charter.

ECOWAS Commission President Omar Touray told a summit in Abuja that the suspension would remain in force until a new vote was held.

"We cannot accept that results are announced by soldiers," Touray said.

"We have seen this before in the region, and we know where it leads. It leads to more coups, more instability and more suffering for ordinary people.

"The people of Guinea-Bissau deserve better."

Guinea-Bissau's government dismissed the move as "interference." Its spokesman, Armando Cá, said the election had been free and fair and that the bloc was acting on behalf of the opposition.

A regional diplomat, who asked not to be identified, said several leaders had pushed for sanctions but were overruled. The diplomat said the summit had been "very tense."

Radio France Internationale quoted a Nigerian security official as saying that troops from the bloc's standby force had been placed on alert.

Nigeria's foreign minister, Yusuf Tuggar, later denied that any troops had been mobilised. "There is no military option on the table," he said. "Our approach is diplomatic."

The opposition welcomed the decision. Its leader, Domingos Simões Pereira, said in a video posted online that the bloc had "stood with the people."
"""
