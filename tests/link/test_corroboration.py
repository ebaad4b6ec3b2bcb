"""Corroboration: outlets per claim, copies counted once, anonymous-only claims flagged."""

from parallax.link.corroboration import corroborate, outlet_of
from parallax.model import Actor, Claim, ClaimMention, Document, Quote

WIRE = "Iceland imposed sanctions on Peru over illegal fishing in disputed waters, the ministry said on Tuesday."
OWN = "Peru says Iceland has punished its fishing fleet with new penalties after a months-long dispute."


def _doc(i: str, text: str, outlet: str | None, published: str | None = None, dup: str | None = None) -> Document:
    return Document(id=i, key=i, text=text, outlet=outlet, published=published, duplicate_of=dup)


def _mention(doc: Document, sentence: str, holder: str | None = None, stance: str = "supports") -> ClaimMention:
    start = doc.text.index(sentence)
    return ClaimMention(doc.id, stance, start, start + len(sentence), holder=holder)


def test_a_wire_sentence_in_two_outlets_counts_once_an_own_report_adds_one() -> None:
    d1 = _doc("d1", "Lawmakers met. " + WIRE, "Andes Wire Daily", "2021-05-04")
    d2 = _doc("d2", WIRE + " Fishermen protested.", "Coastal Times", "2021-05-03")
    d3 = _doc("d3", OWN, "Lima Courier", "2021-05-06")
    docs = {d.id: d for d in (d1, d2, d3)}
    c = Claim("k1", "Iceland imposes sanctions on Peru", mentions=[_mention(d1, WIRE), _mention(d2, WIRE)])
    (c,) = corroborate([c], docs)
    assert c.outlets == ["Andes Wire Daily", "Coastal Times"]
    assert c.independent == 1
    assert c.first_reported == "2021-05-03"
    c.mentions.append(_mention(d3, OWN))
    assert corroborate([c], docs)[0].independent == 2


def test_a_stored_duplicate_adds_its_outlet_not_an_independent_source() -> None:
    d1 = _doc("d1", WIRE, "Andes Wire Daily", "2021-05-04")
    d2 = _doc("d2", WIRE, "Mirror Site", "2021-05-02", dup="d1")  # not analysed: it has no mentions itself
    (c,) = corroborate([Claim("k1", "x", mentions=[_mention(d1, WIRE)])], {"d1": d1, "d2": d2})
    assert c.outlets == ["Andes Wire Daily", "Mirror Site"]
    assert (c.independent, c.first_reported) == (1, "2021-05-02")


def test_anonymous_only_when_every_holder_is_unnamed() -> None:
    d1 = _doc("d1", "Ghana will send troops to Togo, two officials said on condition of anonymity.", "Accra Mirror")
    d2 = _doc("d2", "Ghana will send troops to Togo, Defence Minister Kofi Mensah said.", "Volta Times")
    actors = {"anon": Actor("anon", "two officials", "group", anonymous=True),
              "kofi": Actor("kofi", "Kofi Mensah", "person")}
    quote = Quote("d1:q0", "d1", None, "two officials", True, "indirect", 0, 30, d1.text[:30])
    first = _mention(d1, "Ghana will send troops to Togo", holder="anon")
    by_quote = _mention(d1, "Ghana will send troops to Togo", holder="someone")  # anonymous by its quote
    (c,) = corroborate([Claim("k1", "x", mentions=[first])], {"d1": d1, "d2": d2}, actors, [quote])
    assert c.anonymous_only
    assert corroborate([Claim("k1", "x", mentions=[by_quote])], {"d1": d1}, actors, [quote])[0].anonymous_only
    named = Claim("k1", "x", mentions=[first, _mention(d2, "Ghana will send troops to Togo", holder="kofi")])
    assert not corroborate([named], {"d1": d1, "d2": d2}, actors, [quote])[0].anonymous_only
    own_voice = Claim("k1", "x", mentions=[_mention(d2, "Ghana will send troops to Togo")])
    assert not corroborate([own_voice], {"d2": d2}, actors)[0].anonymous_only


def test_outlet_falls_back_to_the_web_host_then_the_document() -> None:
    assert outlet_of(Document(id="a", key="a", text="", url="https://www.example-news.org/x")) == "example-news.org"
    assert outlet_of(Document(id="abcdef1234", key="a", text="")).startswith("unknown:")
