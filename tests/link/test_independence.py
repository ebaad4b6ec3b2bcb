from parallax.link.independence import independent_count, independent_groups, outlet_key, root_doc
from parallax.model import Document

WIRE = "Norway will send four coastal patrol boats to Estonia next spring, the defence ministry in Oslo said."


def _doc(i, outlet=None, duplicate_of=None, sha=""):
    return Document(id=i, key=i, text="", outlet=outlet, duplicate_of=duplicate_of, content_sha=sha)


def _docs(*docs):
    return {d.id: d for d in docs}


def test_distinct_outlets_with_different_wording_are_independent():
    docs = _docs(_doc("a", "Baltic Times"), _doc("b", "Nordic Post"), _doc("c", "Harbour Review"))
    items = [("a", WIRE),
             ("b", "Estonia is to receive patrol boats from Norway, officials in Tallinn confirmed on Friday."),
             ("c", "Oslo has promised its Baltic partner four boats for coastal patrols, a ministry statement said.")]
    assert independent_count(items, docs) == 3


def test_shared_wire_copy_counts_once_even_across_outlets():
    docs = _docs(_doc("a", "Baltic Times"), _doc("b", "Nordic Post"), _doc("c", "Harbour Review"))
    edited = "TALLINN - " + WIRE.replace("said.", "said on Tuesday.")
    items = [("a", WIRE), ("b", edited), ("c", "Estonia's navy welcomed the offer but gave no figures.")]
    groups = independent_groups(items, docs)
    assert len(groups) == 2
    assert [d for d, _ in groups[0]] == ["a", "b"]


def test_one_outlet_counts_once_and_domain_names_match_outlet_names():
    docs = _docs(_doc("a", "Nordic Post"), _doc("b", "www.nordicpost.com"), _doc("c", "The Nordic Post"))
    assert outlet_key("www.nordicpost.com") == "nordicpost"
    assert outlet_key("The Nordic Post") == outlet_key("Nordic Post") == "nordic post"
    items = [("a", "Talks resumed in Oslo on Monday after a week of delays."),
             ("c", "Estonia's defence chief said the boats would arrive in April.")]
    assert independent_count(items, docs) == 1
    assert outlet_key("https://news.bbc.co.uk/") == "bbc"


def test_duplicates_follow_to_their_original_and_docs_without_outlet_are_their_own_source():
    docs = _docs(_doc("orig"), _doc("copy", "Coastal Herald", duplicate_of="orig"),
                 _doc("copy2", duplicate_of="copy"), _doc("lone"), _doc("lone2"))
    assert root_doc("copy2", docs) == "orig"
    items = [("orig", "One sentence about the shooting at sea."),
             ("copy2", "A rewritten sentence about what happened offshore."),
             ("lone", "Fishermen in the port described hearing shots before dawn."),
             ("lone2", "The harbour master declined to comment on the incident at all.")]
    assert independent_count(items, docs) == 3


def test_same_text_hash_and_unknown_documents():
    docs = _docs(_doc("a", sha="abc"), _doc("b", sha="abc"))
    items = [("a", "First paragraph of one article about the strike."),
             ("b", "Second paragraph of the same article about the strike."),
             ("zzz", "A document the mapping does not know counts as its own source.")]
    assert independent_count(items, docs) == 2
    assert independent_count([], docs) == 0


def test_short_sentences_need_to_be_identical():
    docs = _docs(_doc("a", "Baltic Times"), _doc("b", "Nordic Post"))
    assert independent_count([("a", "Talks ended."), ("b", "Talks resumed.")], docs) == 2
    assert independent_count([("a", "Talks ended."), ("b", "talks ended")], docs) == 1


def test_many_sentences_join_exactly_as_pair_by_pair(monkeypatch):
    """Past a handful, sentences are scored in length-sorted chunks against a window of lengths; the groups
    must equal those of comparing every pair (random copies with edits, clauses added, lengths spread)."""
    import random
    from itertools import combinations

    from rapidfuzz import fuzz

    from parallax.link import independence as ind
    from parallax.link.unionfind import UnionFind

    monkeypatch.setattr(ind, "_CHUNK", 7)
    rng = random.Random(5)
    words = "the army said talks on the dam will resume next week after a pause of two months in the capital".split()
    base = [" ".join(rng.choices(words, k=rng.randint(6, 30))) for _ in range(12)]
    texts = []
    for _ in range(120):
        t = rng.choice(base)
        if rng.random() < 0.5:
            i = rng.randrange(len(t))
            t = t[:i] + rng.choice("xyz ") + t[i + 1:]
        if rng.random() < 0.3:
            t = "MERIDIA (Wire) - " + t
        texts.append(t)
    texts = list(dict.fromkeys(texts))
    owners = [[i] for i in range(len(texts))]
    uf = UnionFind()
    ind._join_near_identical(texts, uf, owners)
    want = UnionFind()
    for a, b in combinations(range(len(texts)), 2):
        x, y = texts[a], texts[b]
        if len(x) < ind.MIN_CHARS or len(y) < ind.MIN_CHARS:
            continue
        score = round(fuzz.ratio(x, y))
        if score >= ind.SAME_SENTENCE or (
                score >= 60 and min(len(x), len(y)) / max(len(x), len(y)) >= ind.CONTAINED_LENGTH
                and fuzz.partial_ratio(x, y) >= ind.CONTAINED):
            want.union(a, b)
    groups = {i: uf.find(i) for i in range(len(texts))}
    expected = {i: want.find(i) for i in range(len(texts))}
    assert len(set(expected.values())) < len(texts) - 10  # the random copies do join
    assert groups == expected
