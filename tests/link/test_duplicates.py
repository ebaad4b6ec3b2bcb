"""Near duplicates: MinHash signatures, the LSH band table in the store, batch matching across runs."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import numpy as np
from datasketch import MinHashLSH

from parallax.ingest.base import RawArticle
from parallax.link import duplicates as dup
from parallax.pipeline import RunSummary, ingest
from parallax.store import Store

WIRE = (
    "The two governments signed an agreement on Tuesday to share water from the upper river basin for the next "
    "decade, officials in both capitals said. Under the deal, the upstream country will release a minimum flow "
    "during the dry season and the downstream country will pay for a new monitoring station near the border. "
    "Farmers' groups on both sides welcomed the accord but said details on drought years were still missing."
)
EDITED = WIRE.replace("on Tuesday", "on Tuesday afternoon") + " (Additional reporting by staff.)"
OTHER = ("Heavy rain flooded the old town overnight, closing schools and two bridges, and the mayor asked "
         "residents to stay indoors while crews cleared debris from the main roads and the railway line.")


def _values(text: str) -> np.ndarray:
    return np.asarray(dup.minhash(text).hashvalues, dtype=np.uint64)


def _ingest(db: Path, articles: list[tuple[str, str]]) -> RunSummary:
    """One run (its own store connection) over (key, text) articles."""
    summary = RunSummary()
    items = [RawArticle(key=f"/in/{key}.txt", text=text, format="text", path=f"/in/{key}.txt")
             for key, text in articles]
    with Store(db) as store:
        ingest(store, items, summary, lambda *a: None)
    return summary


def _dups(db: Path) -> dict[str, str | None]:
    """key name -> key name of its original (None for originals)."""
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT d.key, o.key AS orig FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of")
    return {Path(r["key"]).stem: (Path(r["orig"]).stem if r["orig"] else None) for r in rows}


def _bands(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT d.key, count(*) AS n FROM lsh_bands b JOIN documents d ON d.id = b.doc "
                          "GROUP BY d.key")
    return {Path(r["key"]).stem: r["n"] for r in rows}


class _EmptyStore:
    """A store with nothing in it yet: every candidate must come from the batch itself."""

    def band_candidates(self, probes):
        return iter(())


def test_exact_hash_ignores_case_and_whitespace():
    assert dup.content_sha(WIRE) == dup.content_sha("  " + WIRE.upper().replace(" ", "\n ", 3))
    assert dup.content_sha(WIRE) != dup.content_sha(WIRE + " Extra.")


def test_banding_is_datasketchs_optimum_and_signatures_round_trip():
    lsh = MinHashLSH(threshold=dup.THRESHOLD, num_perm=dup.NUM_PERM)
    assert (dup.BANDS, dup.ROWS) == (lsh.b, lsh.r)
    mh = dup.minhash(WIRE)
    assert dup.from_bytes(dup.to_bytes(mh)).jaccard(mh) == 1.0
    hashes = dup.band_hashes(_values(WIRE))
    assert len(hashes) == dup.BANDS and all(0 <= h < 2**64 for h in hashes)
    assert hashes == dup.band_hashes(dup.values_of(dup.to_bytes(mh)))  # what is written is what is queried
    assert len(set(hashes) & set(dup.band_hashes(_values(OTHER)))) == 0


def test_batch_index_matches_earlier_originals_of_its_own_batch():
    texts = [WIRE, OTHER, EDITED]
    values = [_values(t) for t in texts]
    index = dup.BatchIndex(_EmptyStore(), values)
    assert index.match(0, values[0]) is None
    index.add(0, "wire", values[0], original=True)
    assert index.match(1, values[1]) is None
    index.add(1, "other", values[1], original=True)
    match = index.match(2, values[2])
    assert match is not None and match[0] == "wire" and match[1] >= dup.THRESHOLD
    assert index.match(2, values[2], exclude="wire") is None


def test_near_copy_is_found_in_a_later_run_from_the_band_table(tmp_path):
    db = tmp_path / "s.duckdb"
    first = _ingest(db, [("wire", WIRE), ("other", OTHER)])
    assert first.near_duplicates == 0
    assert _bands(db) == {"wire": dup.BANDS, "other": dup.BANDS}
    second = _ingest(db, [("edited", EDITED)])  # a fresh process would hold nothing: only the store knows "wire"
    assert second.near_duplicates == 1
    assert _dups(db) == {"wire": None, "other": None, "edited": "wire"}
    assert "edited" not in _bands(db)  # duplicates are never candidates


def test_near_copy_within_one_batch(tmp_path):
    db = tmp_path / "s.duckdb"
    s = _ingest(db, [("wire", WIRE), ("other", OTHER), ("edited", EDITED)])
    assert (s.added, s.near_duplicates) == (3, 1)
    assert _dups(db)["edited"] == "wire"


def test_reingest_with_changed_text_replaces_its_own_bands_and_never_matches_itself(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest(db, [("wire", WIRE)])
    s = _ingest(db, [("wire", EDITED)])  # same input key, lightly edited text
    assert (s.updated, s.near_duplicates) == (1, 0)
    assert _dups(db) == {"wire": None}
    with Store(db, read_only=True) as store:
        stored = {r["hash"] for r in store.rows("SELECT hash FROM lsh_bands")}
    assert stored == set(dup.band_hashes(_values(EDITED)))
    third = _ingest(db, [("copy", WIRE)])  # the old text now matches the new one through its new bands
    assert third.near_duplicates == 1 and _dups(db)["copy"] == "wire"


def test_original_rewritten_into_a_copy_leaves_the_band_table(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest(db, [("wire", WIRE), ("other", OTHER)])
    s = _ingest(db, [("other", EDITED)])  # the second input now carries a copy of the first
    assert (s.updated, s.near_duplicates) == (1, 1)
    assert _dups(db) == {"wire": None, "other": "wire"}
    assert _bands(db) == {"wire": dup.BANDS}


def test_store_from_before_the_band_table_gets_its_bands(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest(db, [("wire", WIRE), ("other", OTHER)])
    con = duckdb.connect(str(db))  # make it look like a store written by the previous schema
    con.execute("DROP TABLE lsh_bands")
    con.execute("DELETE FROM meta WHERE key = 'lsh_bands'")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    s = _ingest(db, [("edited", EDITED)])
    assert s.near_duplicates == 1 and _dups(db)["edited"] == "wire"
    assert _bands(db) == {"wire": dup.BANDS, "other": dup.BANDS}
    with Store(db) as store:
        assert store.band_scheme() == dup.BAND_SCHEME
        assert dup.ensure_bands(store) == 0  # filled once, not on every run


def _synthetic_corpus(n_base: int, n_variants: int, seed: int = 7) -> list[tuple[str, str]]:
    """Invented texts and edited copies whose similarity spreads around the threshold (and some chains)."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "dor", "an", "is", "po", "gri", "ne", "sho", "ul"]
    vocab = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)})

    def sentence() -> str:
        words = [rng.choice(vocab) for _ in range(rng.randint(8, 16))]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    docs = [(f"b{i:03d}", " ".join(sentence() for _ in range(rng.randint(8, 14)))) for i in range(n_base)]
    for j in range(n_variants):
        _, text = rng.choice(docs)
        words = text.split()
        rate = rng.uniform(0.005, 0.09)
        words = [rng.choice(vocab) if rng.random() < rate else w for w in words]
        docs.append((f"v{j:03d}", " ".join(words)))
    rng.shuffle(docs)
    return docs


def test_decisions_equal_datasketch_minhashlsh(tmp_path):
    corpus = _synthetic_corpus(160, 200)
    db = tmp_path / "s.duckdb"
    _ingest(db, corpus[:170])  # two runs, several batches each: candidates come from the store and the batch
    _ingest(db, corpus[170:])
    with Store(db, read_only=True) as store:
        stored = store.rows("SELECT id, key, text, duplicate_of FROM documents ORDER BY seq")
    assert len(stored) == len(corpus)

    lsh = MinHashLSH(threshold=dup.THRESHOLD, num_perm=dup.NUM_PERM)  # the in-memory reference, as before
    sigs, expected = {}, {}
    for row in stored:
        mh = dup.minhash(row["text"])
        sims = {c: mh.jaccard(sigs[c]) for c in lsh.query(mh)}
        best = max((s for s in sims.values() if s >= dup.THRESHOLD), default=None)
        expected[row["id"]] = {c for c, s in sims.items() if s == best} if best is not None else {None}
        if best is None:
            lsh.insert(row["id"], mh)
            sigs[row["id"]] = mh
    got = {row["id"]: row["duplicate_of"] for row in stored}
    assert all(got[d] in expected[d] for d in got)
    keys = {row["id"]: Path(row["key"]).stem for row in stored}
    near = sum(1 for d in got if got[d])
    kept = sum(1 for d in got if got[d] is None and keys[d].startswith("v"))
    assert near > 40 and kept > 40  # edited copies fall on both sides of the threshold


def _kinds(db: Path) -> dict[str, tuple[str | None, str | None]]:
    """key name -> (key name of what it duplicates, exact | near | None)."""
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT d.key, o.key AS orig, d.duplicate_kind AS kind FROM documents d "
                          "LEFT JOIN documents o ON o.id = d.duplicate_of")
    return {Path(r["key"]).stem: (Path(r["orig"]).stem if r["orig"] else None, r["kind"]) for r in rows}


def test_identical_copies_of_a_near_duplicate_are_exact_in_a_mixed_batch(tmp_path: Path):
    # the wire story, an edited version of it, and a byte-identical copy of the edited version, in one folder
    summary = _ingest(tmp_path / "s.duckdb", [("a", WIRE), ("b", EDITED), ("c", EDITED), ("z", OTHER)])
    kinds = _kinds(tmp_path / "s.duckdb")
    assert kinds["b"] == ("a", "near")
    assert kinds["c"] == ("b", "exact")  # a copy of b, whatever b copies
    assert (summary.exact_duplicates, summary.near_duplicates) == (1, 1)


def test_identical_copies_of_a_near_duplicate_are_exact_across_runs(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    _ingest(db, [("a", WIRE), ("b", EDITED)])
    summary = _ingest(db, [("c", EDITED)])
    assert _kinds(db)["c"] == ("b", "exact") and summary.exact_duplicates == 1
