"""Cleaning: junk classes go, real sentences stay verbatim, header lines become metadata."""

from __future__ import annotations

import pytest

from parallax.ingest.base import RawArticle
from parallax.ingest.clean import clean_article, normalise_chars
from parallax.ingest.header import byline_of, dateline_of
from parallax.ingest.junk import engagement_reason, junk_reason


def _raw(text: str, **meta) -> RawArticle:
    return RawArticle(key="test", text=text, format="text", **meta)


ARTICLE = """<!-- Global site tag (gtag.js) - Google Analytics -->
!-- Google tag (gtag.js) -->
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('config', 'G-ABC123');

Norway pledges patrol boats to Ghana amid piracy surge

By Ingrid Solberg and Kwame Mensah | March 9, 2022

Norway pledges patrol boats to Ghana amid piracy surge
Photo: Coast Guard handout
ACCRA — Norway will supply four patrol boats to Ghana’s navy, the two governments said on Tuesday, after a rise in attacks on tankers in the Gulf of Guinea.

The ministry declined to comment on the cost of the vessels.

Ghana will share radar data with neighbouring Togo and Benin under the plan, officials said.

ADVERTISEMENT

“We cannot patrol these waters alone,” Defence Minister Ama Owusu told reporters.

Also read: Nigeria signs maritime pact with France
Piracy, Gulf of Guinea, Norway, Ghana navy, maritime security

Share this article
Follow us on Facebook, Twitter and Instagram
Leave a comment
Your email address will not be published. Required fields are marked *
"""

KEPT = [
    "Norway will supply four patrol boats to Ghana’s navy, the two governments said on Tuesday, after a rise "
    "in attacks on tankers in the Gulf of Guinea.",
    "The ministry declined to comment on the cost of the vessels.",
    "Ghana will share radar data with neighbouring Togo and Benin under the plan, officials said.",
    "“We cannot patrol these waters alone,” Defence Minister Ama Owusu told reporters.",
]


def test_article_with_every_junk_kind():
    c = clean_article(_raw(ARTICLE))
    for sentence in KEPT:
        assert sentence in c.text
    for junk in ("gtag", "dataLayer", "Photo:", "ADVERTISEMENT", "Also read", "maritime security", "Share this",
                 "Follow us", "Leave a comment", "email address", "By Ingrid", "March 9, 2022", "ACCRA"):
        assert junk not in c.text, junk
    assert c.title == "Norway pledges patrol boats to Ghana amid piracy surge"
    assert c.text.startswith(c.title + "\n\n")  # headline kept once as the first paragraph
    assert c.text.count("patrol boats to Ghana amid") == 1
    assert c.byline == "Ingrid Solberg and Kwame Mensah"
    assert c.published == "2022-03-09" and c.published_source == "text"
    assert c.dateline == "Accra"
    assert "Leave a comment" in c.removed and "ADVERTISEMENT" in c.removed
    assert c.text.endswith("told reporters.")


@pytest.mark.parametrize("line", [
    "Leave a comment", "LEAVE YOUR REPLY", "leave a comment.", "Reply",
    "Post a comment", "POST A COMMENT:", "No Comments",
    "0 Comments", "Comments (12)", "Be the first to comment", "Share this:", "SHARE THIS ARTICLE",
    "Share on WhatsApp", "Subscribe to our newsletter", "Sign up for our daily newsletter!", "Follow us on X",
    "Follow us on Twitter @examplenews", "Click here to read more", "Read more", "READ MORE:",
    "Also Read: Nigeria signs maritime pact with France", "ALSO READ | Ghana recalls envoy", "Related:",
    "Related Articles", "Advertisement", "ADVERTISEMENT - CONTINUE READING BELOW",
    "Story continues below advertisement", "We use cookies to improve your experience on our site.",
    "Your email address will not be published.", "Print", "Email", "Facebook Twitter WhatsApp Email",
    "Get the latest news delivered to your inbox", "Download the app for breaking alerts",
])
def test_engagement_lines_are_junk(line):
    assert engagement_reason(line) == "engagement"


@pytest.mark.parametrize("line", [
    "The ministry declined to comment.",
    "Officials did not immediately respond to a request for comment.",
    "Ghana will share radar data with Togo.",
    "Share prices in Lagos fell 3% on Monday.",
    "Chile to share satellite data with Peru",
    "Follow the money: how the frigate deal was financed",
    "Kremlin declines comment on arms sale reports",
    "Subscribers to the state broadcaster rose by a tenth last year.",
    "Leave no one behind, the UN chief said.",
    "Ghana’s pivot may be due to a cooling with Lagos",
])
def test_real_lines_are_kept(line):
    assert junk_reason(line) is None
    assert line in clean_article(_raw(f"Some headline here\n\n{line}\n\nThe talks ended on Friday.")).text


@pytest.mark.parametrize("line, reason", [
    ("!-- Google tag (gtag.js) -->", "markup"),
    ("gtag('js', new Date());", "markup"),
    ("window.dataLayer = window.dataLayer || [];", "markup"),
    ("function gtag(){dataLayer.push(arguments);}", "markup"),
    ("})();", "markup"),
    ("* * *", "markup"),
    ("https://example.com/news/2022/03/09/patrol-boats", "markup"),
    ("pic.twitter.com/AbCdEf123", "markup"),
    ("— Jane Doe (@janedoe) March 3, 2022", "markup"),
    ("SOURCE: REUTERS, AFP", "credit"),
    ("Photo: AP", "credit"),
    ("Image credit: Getty Images", "credit"),
    ("(Photo: AFP)", "credit"),
    ("Image Credit", "credit"),
    ("File photo: Defence ministry handout", "credit"),
    ("(Reporting by Jane Doe; Editing by John Roe)", "credit"),
    ("Piracy, Gulf of Guinea, Norway, Ghana navy, maritime security", "tags"),
    ("Ukraine war; NATO; Black Sea; grain exports", "tags"),
])
def test_markup_credit_and_tag_lines(line, reason):
    assert junk_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Russia, China, Iran and North Korea have all condemned the move.",
    "Sources: Russia has offered to mediate, officials said.",
    "Photographs of the site show damage to two hangars.",
    "The deal, signed in Oslo, covers training, spare parts, fuel and radar upgrades.",
])
def test_lookalikes_of_credits_and_tags_are_kept(line):
    assert junk_reason(line) is None


def test_inline_html_is_stripped_but_prose_kept():
    c = clean_article(_raw("<p>The talks ended on <b>Friday</b>.</p>\n<div class=\"ad\"></div>"))
    assert c.text == "The talks ended on Friday."
    assert "<div class=\"ad\"></div>" in c.removed


@pytest.mark.parametrize("line, name, date", [
    ("By Jane Doe", "Jane Doe", None),
    ("BY JANE DOE", "Jane Doe", None),
    ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
    ("By Jane Doe | Updated: April 15, 2021 10:30 IST", "Jane Doe", "2021-04-15"),
    ("Written by Maria Lopez", "Maria Lopez", None),
    ("JANE Q DOE", "Jane Q Doe", None),
    ("AMINA YUSUF", "Amina Yusuf", None),
    ("By Jane Doe for the Daily Star", "Jane Doe", None),
    ("by: Jane Doe, Reuters", "Jane Doe", None),
])
def test_bylines(line, name, date):
    assert byline_of(line) == (name, date)


@pytest.mark.parametrize("line", [
    "By the end of the year, the fleet will double in size.",
    "By Monday, officials said, the ships had left port for the Gulf.",
    "NEW DELHI", "BREAKING NEWS", "SOUTH AFRICA", "MIDDLE EAST CRISIS", "WAR IN UKRAINE",
])
def test_not_bylines(line):
    assert byline_of(line) is None


def test_caps_byline_removed_and_title_cased():
    c = clean_article(_raw("AMINA YUSUF\nNigeria has asked Norway for two more patrol boats, officials said.\n"))
    assert c.byline == "Amina Yusuf"
    assert c.text == "Nigeria has asked Norway for two more patrol boats, officials said."
    assert c.title is None  # first line is a sentence, not a headline


@pytest.mark.parametrize("line, date", [
    ("April 15, 2021", "2021-04-15"),
    ("15 April 2021", "2021-04-15"),
    ("2021-04-15", "2021-04-15"),
    ("Updated: Apr 15, 2021 10:30 IST", "2021-04-15"),
    ("Thursday, 15 April 2021", "2021-04-15"),
    ("Published on Apr 15, 2021", "2021-04-15"),
])
def test_date_lines(line, date):
    c = clean_article(_raw(f"Ghana buys boats\n{line}\nGhana has bought four patrol boats from Norway, the navy said."))
    assert c.published == date and c.published_source == "text"
    assert line in c.removed and line not in c.text


BODY = "Ghana has bought four patrol boats from Norway, the navy said on Tuesday."


@pytest.mark.parametrize("text, date, stamp", [
    (f"date 2018-04-08 Ghana buys patrol boats\n\n{BODY}", "2018-04-08", "date 2018-04-08"),
    (f"2018-04-08 Ghana buys patrol boats\n\n{BODY}", "2018-04-08", "2018-04-08"),
    (f"Ghana buys patrol boats | March 3, 2021\n\n{BODY}", "2021-03-03", "March 3, 2021"),
    (f"March 3, 2021 — Ghana buys patrol boats\n\n{BODY}", "2021-03-03", "March 3, 2021 —"),
    (f"Posted on March 3, 2021 by Jane Doe\n\nGhana buys patrol boats\n\n{BODY}", "2021-03-03",
     "Posted on March 3, 2021"),
    (f"Updated 10:42 GMT, 5 May 2020\nGhana buys patrol boats\n\n{BODY}", "2020-05-05",
     "Updated 10:42 GMT, 5 May 2020"),
    (f"Ghana buys patrol boats\nPublished: 3 March 2021 | Updated: 4 March 2021\n\n{BODY}", "2021-03-03",
     "Published: 3 March 2021 |"),
    (f"Ghana buys patrol boats\nMarch 3, 2021 / 4:15 PM / Updated 2 hours ago\n\n{BODY}", "2021-03-03",
     "March 3, 2021 / 4:15 PM /"),
])
def test_date_stamp_on_a_header_line_is_metadata(text, date, stamp):
    c = clean_article(_raw(text))
    assert (c.published, c.published_source) == (date, "text")
    assert c.title == "Ghana buys patrol boats"
    assert c.text == f"Ghana buys patrol boats\n\n{BODY}"
    assert stamp in c.removed


def test_posted_by_line_gives_date_and_byline():
    c = clean_article(_raw(f"Posted on March 3, 2021 by Jane Doe\n\nGhana buys patrol boats\n\n{BODY}"))
    assert c.byline == "Jane Doe" and c.published == "2021-03-03"


def test_date_inside_a_sentence_is_not_a_date_line():
    text = "Ghana buys boats\n\nOn April 15, 2021, the two sides met in Accra."
    c = clean_article(_raw(text))
    assert c.published is None
    assert "On April 15, 2021, the two sides met in Accra." in c.text


def test_future_date_line_is_removed_but_not_used():
    c = clean_article(_raw("Ghana buys boats\nMarch 3, 2099\nGhana has bought four patrol boats, the navy said."))
    assert c.published is None
    assert "2099" not in c.text


def test_metadata_date_wins_and_crawl_date_loses():
    text = "Ghana buys boats\nApril 15, 2021\nGhana has bought four patrol boats, the navy said."
    meta = clean_article(_raw(text, published="2021-04-16T08:00:00Z"))
    assert (meta.published, meta.published_source) == ("2021-04-16", "metadata")
    crawl = RawArticle(key="w", text=text, format="warc", published="2023-01-02T00:00:00Z",
                       extra={"date_source": "warc"})
    assert (clean_article(crawl).published, clean_article(crawl).published_source) == ("2021-04-15", "text")
    crawl.text = "Ghana buys boats\n\nGhana has bought four patrol boats, the navy said."
    assert (clean_article(crawl).published, clean_article(crawl).published_source) == ("2023-01-02", "warc")


@pytest.mark.parametrize("para, place, body", [
    ("LONDON: Britain will send two minesweepers, officials said.", "London", "Britain will send"),
    ("Oslo/Stockholm: Norway and Sweden held talks.", "Oslo/Stockholm", "Norway and Sweden"),
    ("NEW DELHI, March 3 (Reuters) - India said on Friday it would buy jets.", "New Delhi", "India said"),
    ("Kyiv — Ukrainian forces shot down two drones overnight.", "Kyiv", "Ukrainian forces"),
    ("NAIROBI (AP) — Kenya's army said on Monday it had tested a drone.", "Nairobi", "Kenya's army"),
    ("Accra - Ghana's navy received two boats.", "Accra", "Ghana's navy"),
])
def test_datelines(para, place, body):
    found = dateline_of(para)
    assert found is not None and found[0] == place
    assert para[len(found[1]):].startswith(body)


@pytest.mark.parametrize("para", [
    "Putin: We will not allow this to happen.",
    "Update: the ministry has since withdrawn the statement.",
    "James Hackett, a defence analyst, added: “Russia will weigh this carefully.”",
    "Chile-Peru talks ended on Monday.",
    "Oslo has said it will not sell arms to Accra.",
])
def test_not_datelines(para):
    assert dateline_of(para) is None


def test_dateline_only_near_the_top():
    paras = ["Ghana buys boats"] + [f"Paragraph {i} says the navy bought boats." for i in range(5)]
    paras.append("LONDON: Britain said it would also send a ship.")
    c = clean_article(_raw("\n\n".join(paras)))
    assert c.dateline is None and "LONDON: Britain" in c.text


def test_normalisation_keeps_quotes_and_fixes_spacing():
    raw = ("Title line here\r\n\r\n“We  agree,”\u00a0he said\x00 in Cafe\u0301 Ol\u200bé.\tIt’s   done."
           "\r\n\n\n\nNext ‘para’.")
    c = clean_article(_raw(raw))
    assert c.text == "Title line here\n\n“We agree,” he said in Café Olé. It’s done.\n\nNext ‘para’."


def test_normalise_chars_keeps_zero_width_joiner():
    assert normalise_chars("क्\u200dष\x07") == "क्\u200dष"


def test_hard_wrapped_block_is_joined():
    body = ("Ghana has bought four patrol boats from Norway to fight piracy in\n"
            "the Gulf of Guinea, where attacks on tankers doubled last year, the\n"
            "navy said on Tuesday in a statement issued in the capital Accra.")
    c = clean_article(_raw(body))
    assert c.text == " ".join(body.split("\n"))


def test_single_newline_paragraphs_stay_apart():
    text = ("Ghana buys boats\nGhana has bought four patrol boats from Norway, the navy said on Tuesday.\n"
            "Togo is expected to follow with an order of its own next year, officials said.")
    c = clean_article(_raw(text))
    assert c.text.split("\n\n") == text.split("\n")
    assert c.title == "Ghana buys boats"


def test_given_title_and_quoted_headline():
    c = clean_article(_raw("‘Ghana upset at arms sale’\n\nGhana protested, its ministry said."))
    assert c.title == "Ghana upset at arms sale"
    assert c.text.startswith("‘Ghana upset at arms sale’")
    c = clean_article(_raw("Ghana protested, its ministry said.", title="Ghana  protests"))
    assert c.title == "Ghana protests"


def test_metadata_author_and_site_win():
    c = clean_article(_raw("By Jane Doe\n\nGhana protested, its ministry said.", author="J. Doe", site="The Gazette",
                           url="https://www.gazette.example.com/a"))
    assert c.byline == "J. Doe" and "By Jane Doe" in c.removed
    assert (c.outlet, c.outlet_source) == ("The Gazette", "metadata")


def test_outlet_from_url_and_agency_dateline():
    c = clean_article(_raw("Ghana buys boats\n\nAccra, March 3 (Reuters) - Ghana bought boats.",
                           url="https://www.dawn.com/news/1"))
    assert (c.outlet, c.outlet_source) == ("dawn.com", "url")
    c = clean_article(_raw("Ghana buys boats\n\nACCRA, March 3 (Reuters) - Ghana bought boats."))
    assert (c.outlet, c.outlet_source) == ("Reuters", "text")
    assert c.dateline == "Accra" and "Ghana bought boats." in c.text


def test_empty_and_junk_only_input():
    assert clean_article(_raw("")).text == ""
    c = clean_article(_raw("Leave a comment\n\nShare this:\n\n* * *"))
    assert c.text == "" and len(c.removed) == 3



PORTAL_PAGE = """Home / World News

EXCLUSIVE: Oslo weighs frigate sale to Accra

Edited By: Priya Nair
Updated: 2 hours ago

Oslo [Norway], April 15 (ANI): Norway is weighing the sale of two frigates to Ghana, two officials said.

Follow us on Google News

The talks, which began in January, have not been made public.
Published reports in Oslo said the price was high.
Click here for more stories
(With inputs from agencies)
First Published: Apr 15, 2021, 10:30 IST
Tags: Norway | Ghana | frigates
Trending Topics
Copy link
WhatsApp
Top Stories
Next Story
"""


def test_portal_page_navigation_and_footer():
    c = clean_article(_raw(PORTAL_PAGE))
    assert c.text.split("\n\n") == [
        "EXCLUSIVE: Oslo weighs frigate sale to Accra",
        "Norway is weighing the sale of two frigates to Ghana, two officials said.",
        "The talks, which began in January, have not been made public.",
        "Published reports in Oslo said the price was high.",
    ]
    assert c.title == "EXCLUSIVE: Oslo weighs frigate sale to Accra"
    assert c.dateline == "Oslo"
    assert (c.published, c.published_source) == ("2021-04-15", "text")
    assert (c.outlet, c.outlet_source) == ("ANI", "text")
    assert {"Home / World News", "(With inputs from agencies)", "Next Story", "Updated: 2 hours ago"} <= set(c.removed)


@pytest.mark.parametrize("line", [
    "The spokesman had no comments.",
    "Meta changed its privacy policy last year after the regulator in Dublin objected, officials said.",
    "WATCH: the video, filmed on Monday, shows two drones over the port, and officials in Accra said it was real.",
])
def test_footer_phrases_inside_prose_are_kept(line):
    assert junk_reason(line) is None


@pytest.mark.parametrize("line", [
    "© 2024 Example Media Group. All rights reserved.", "Privacy Policy | Terms of Use", "There are no comments yet.",
])
def test_footer_lines(line):
    assert junk_reason(line) == "engagement"


def test_hard_wrapped_article_with_single_newline_paragraphs():
    text = ("Ghana buys patrol boats\n"
            "Ghana has bought four patrol boats from Norway to fight piracy in the\n"
            "Gulf of Guinea, where attacks on tankers doubled last year.\n"
            "The navy said on Tuesday that the first two boats would arrive in\n"
            "Accra in May, and that crews were already training in Bergen.\n"
            "Togo is expected to follow.\n")
    c = clean_article(_raw(text))
    assert c.text.split("\n\n") == [
        "Ghana buys patrol boats",
        "Ghana has bought four patrol boats from Norway to fight piracy in the Gulf of Guinea, where attacks on "
        "tankers doubled last year.",
        "The navy said on Tuesday that the first two boats would arrive in Accra in May, and that crews were "
        "already training in Bergen.",
        "Togo is expected to follow.",
    ]


def test_dateline_on_its_own_line():
    c = clean_article(_raw("NEW DELHI:\nIndia said on Friday it would buy six transport aircraft."))
    assert c.title is None and c.dateline == "New Delhi"
    assert c.text == "India said on Friday it would buy six transport aircraft."


@pytest.mark.parametrize("line", ["By Monday, the troops had left.", "By Friday the talks had collapsed.",
                                  "By March 2021 Chile had recalled its envoy."])
def test_a_sentence_opening_with_by_and_a_time_is_not_a_byline(line):
    assert byline_of(line) is None
    c = clean_article(_raw(f"Chile closes border\n\n{line}\n\nChile closed the border crossing, the army said."))
    assert line in c.text and c.byline is None
