"""Outlets from site/url/text signals; dates normalised and refused when impossible."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from parallax.ingest.metadata import (
    date_from_line,
    find_outlet,
    is_place_name,
    normalise_date,
    outlet_from_text,
    outlet_from_url,
    split_date_stamp,
)


def test_site_metadata_wins():
    assert find_outlet("told TheHerald", "https://www.dawn.com/x", "  The  Globe ") == ("The Globe", "metadata")


@pytest.mark.parametrize("url, name", [
    ("https://www.dawn.com/news/1612345", "dawn.com"),
    ("http://news.example.co.uk/world/1", "example.co.uk"),
    ("https://www.bbc.co.uk/news/world-asia-1", "BBC"),
    ("https://www.reuters.com/world/asia/x/", "Reuters"),
    ("https://m.tribune.com.pk/story/1", "tribune.com.pk"),
])
def test_outlet_from_url(url, name):
    assert outlet_from_url(url) == name
    assert find_outlet("", url, None) == (name, "url")


def test_no_outlet():
    assert find_outlet("The minister told reporters the talks went well.", None, None) == (None, None)
    assert outlet_from_url("not a url") is None


@pytest.mark.parametrize("text, name", [
    ("Officials have told TheHerald that the deal is off.", "TheHerald"),
    ("a senior source said to NewsWire on Monday", "NewsWire"),
    ("the minister told the Daily Star on Monday.", "Daily Star"),
    ("In an interview with The Kabul Times, the envoy said the border was open.", "The Kabul Times"),
    ("Why Oslo cannot arm Accra: Globe Exclusive\n\nNorway has said no.", "Globe"),
    ("Ghana buys boats\n\nACCRA, March 3 (Reuters) - Ghana bought boats.", "Reuters"),
])
def test_outlet_from_text(text, name):
    assert outlet_from_text(text) == name
    assert find_outlet(text, None, None) == (name, "text")


@pytest.mark.parametrize("text", [
    "The minister told reporters the talks went well.",
    "She told Jane Doe, her deputy, to travel to Oslo.",
    "He told McAllister that the vote would pass.",
    "The envoy told the committee the plan was sound.",
    "Officials told Ghana’s parliament the boats had arrived.",
])
def test_no_outlet_from_ordinary_sentences(text):
    assert outlet_from_text(text) is None


@pytest.mark.parametrize("value, expected", [
    ("2021-04-15", "2021-04-15"),
    ("2021-04-15T10:00:00+05:30", "2021-04-15"),
    ("Wed, 14 Apr 2021 10:00:00 GMT", "2021-04-14"),
    ("April 15, 2021", "2021-04-15"),
    ("15 April 2021", "2021-04-15"),
    ("15.04.2021", "2021-04-15"),
    ("15 avril 2021", "2021-04-15"),
    (datetime(2020, 1, 2, 3, 4), "2020-01-02"),
    (date(2019, 5, 6), "2019-05-06"),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", [
    "2999-01-01", "March 3, 2099", "1850-06-01", "April 2021", "yesterday-ish", "", None, "2021-02-30",
    (date.today() + timedelta(days=30)).isoformat(),
])
def test_normalise_date_refuses(value):
    assert normalise_date(value) is None


def test_date_from_line():
    assert date_from_line("Updated: Apr 15, 2021 10:30 IST") == "2021-04-15"
    assert date_from_line("Talks began on April 15, 2021 in Oslo") is None


@pytest.mark.parametrize("line, date, stamp, rest", [
    ("date 2018-04-08 Ghana buys patrol boats", "2018-04-08", "date 2018-04-08", "Ghana buys patrol boats"),
    ("2018-04-08 Ghana buys patrol boats", "2018-04-08", "2018-04-08", "Ghana buys patrol boats"),
    ("Posted on March 3, 2021 by Jane Doe", "March 3, 2021", "Posted on March 3, 2021", "by Jane Doe"),
    ("Published: 3 March 2021 | Updated: 4 March 2021", "3 March 2021", "Published: 3 March 2021 |",
     "Updated: 4 March 2021"),
    ("Updated 10:42 GMT, 5 May 2020 Ghana buys boats", "5 May 2020", "Updated 10:42 GMT, 5 May 2020",
     "Ghana buys boats"),
    ("Thursday, 15 April 2021, 10:42 AM IST Ghana buys boats", "15 April 2021",
     "Thursday, 15 April 2021, 10:42 AM IST", "Ghana buys boats"),
    ("March 3, 2021 — Ghana buys patrol boats", "March 3, 2021", "March 3, 2021 —", "Ghana buys patrol boats"),
    ("Ghana buys patrol boats | March 3, 2021", "March 3, 2021", "March 3, 2021", "Ghana buys patrol boats"),
    ("Ghana buys boats - Updated 5 May 2020 10:42 GMT", "5 May 2020", "Updated 5 May 2020 10:42 GMT",
     "Ghana buys boats"),
])
def test_split_date_stamp(line, date, stamp, rest):
    assert split_date_stamp(line) == (date, stamp, rest)


@pytest.mark.parametrize("line", [
    "March 3, 2021, the two sides met in Accra.",  # prose that opens with a date
    "March 3, 2021 was the day the talks collapsed",
    "On March 3, 2021 the navy took delivery of two boats",
    "Talks resumed on March 3, 2021 - officials",
    "The deadline: March 3, 2021",
    "Published on March 3, 2021, the report found that the dam leaked.",
    "Updated: Apr 15, 2021 10:30 IST",  # a whole date line is read as one, not split
    "Ghana buys patrol boats",
])
def test_split_date_stamp_leaves_prose_and_whole_date_lines(line):
    assert split_date_stamp(line) is None


@pytest.mark.parametrize("name, ok", [
    ("Kyiv", True), ("NEW DELHI", True), ("Nairobi", True), ("Accra", True), ("Ghana", True),
    ("Putin", False), ("Update", False), ("Exclusive", False),
])
def test_is_place_name(name, ok):
    assert is_place_name(name) is ok
