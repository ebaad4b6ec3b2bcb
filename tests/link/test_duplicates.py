from parallax.link import duplicates as dup

WIRE = (
    "The two governments signed an agreement on Tuesday to share water from the upper river basin for the next "
    "decade, officials in both capitals said. Under the deal, the upstream country will release a minimum flow "
    "during the dry season and the downstream country will pay for a new monitoring station near the border. "
    "Farmers' groups on both sides welcomed the accord but said details on drought years were still missing."
)


def test_exact_hash_ignores_case_and_whitespace():
    assert dup.content_sha(WIRE) == dup.content_sha("  " + WIRE.upper().replace(" ", "\n ", 3))
    assert dup.content_sha(WIRE) != dup.content_sha(WIRE + " Extra.")


def test_lightly_edited_copy_is_a_near_duplicate_and_other_text_is_not():
    index = dup.NearDuplicateIndex()
    index.add("orig", dup.minhash(WIRE))
    edited = WIRE.replace("on Tuesday", "on Tuesday afternoon") + " (Additional reporting by staff.)"
    other = ("Heavy rain flooded the old town overnight, closing schools and two bridges, and the mayor asked "
             "residents to stay indoors while crews cleared debris from the main roads and the railway line.")
    match = index.match(dup.minhash(edited))
    assert match is not None and match[0] == "orig" and match[1] >= dup.THRESHOLD
    assert index.match(dup.minhash(other)) is None


def test_signatures_survive_the_store_round_trip():
    mh = dup.minhash(WIRE)
    back = dup.from_bytes(dup.to_bytes(mh))
    assert back.jaccard(mh) == 1.0
    index = dup.NearDuplicateIndex()
    index.load([("a", dup.to_bytes(mh))])
    assert index.match(dup.minhash(WIRE))[0] == "a"
    assert index.match(dup.minhash(WIRE), exclude="a") is None
