"""The reader's highlighter: overlapping facts become well-nested HTML, and text is always escaped."""

import html
import re
from html.parser import HTMLParser

from parallax.views.web.highlight import Fact, render


class _Nesting(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.stack, self.ids = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()


def _check(out: str) -> _Nesting:
    p = _Nesting()
    p.feed(out)
    assert p.stack == []
    return p


def _plain(out: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="tag"[^>]*>.*?</a>', "", out)))


TEXT = "Chile accused Peru of seizing boats. Peru denied it."


def test_crossing_spans_are_split_into_nested_pieces_with_one_anchor_each():
    facts = [
        Fact("e1", "event", 0, 36, "ACCUSE", "/events/e1", "ACCUSE"),
        Fact("q1", "quote", 14, 45, "quote"),  # crosses the event's end
        Fact("m1", "mention", 0, 5, "Chile", "/actors/country:CHL"),
        Fact("m2", "mention", 37, 41, "Peru", "/actors/country:PER"),
    ]
    out = render(TEXT, facts)
    p = _check(out)
    assert sorted(p.ids) == ["f-e1", "f-m1", "f-m2", "f-q1"]  # split pieces do not repeat the id
    assert out.count('class="fact f-quote"') == 2
    assert _plain(out) == TEXT
    assert '<a class="tag" href="/events/e1">ACCUSE</a>' in out


def test_text_and_labels_are_escaped():
    text = 'He wrote <script>alert(1)</script> and <img src=x onerror=alert(1)> "quoted"'
    out = render(text, [Fact("m", "mention", 9, 17, 'x" onmouseover="alert(1)', "/actors/a\"b")])
    assert "<script>" not in out and "<img" not in out
    assert 'title="x&#34; onmouseover=&#34;alert(1)"' in out and 'href="/actors/a&#34;b"' in out
    assert _plain(out) == text


def test_links_never_nest_and_spans_outside_the_text_are_clipped_or_dropped():
    text = "Kenya and Norway"
    facts = [Fact("m1", "mention", 0, 16, "both", "/a"), Fact("m2", "mention", 10, 16, "Norway", "/b"),
             Fact("e", "event", 6, 99, "AGREE", "/events/e", "AGREE"), Fact("gone", "quote", 40, 50, "")]
    out = render(text, facts)
    _check(out)
    depth = 0
    for tag in re.findall(r"</?a\b", out):
        depth += 1 if tag == "<a" else -1
        assert depth <= 1
    assert "gone" not in out and _plain(out) == text


def test_no_facts_is_just_escaped_text():
    assert render("a < b & c", []) == "a &lt; b &amp; c"
