"""scripts/build_predicates.py reads a CAMEO verb dictionary into the V/P/N rows the event extractor loads."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_predicates.py"

# An invented dictionary in CAMEO.2.0.txt's format: a synonym set, a coded block with a phrasal verb, a pattern
# on the object, one on a preposition, a null pattern and a reversed-direction pattern; a null-coded block.
DICTIONARY = """\
# comment
&ENVOY
+AMBASSADOR
+DIPLOMATS

---  RETIRE_FROM   [080]  ---
+STAND_DOWN
WITHDRAW {WITHDRAWS WITHDREW}
- * &ENVOY                                          [161]         # WITHDRAW
- * (FROM &TREATY)                                  [161]
- * (FROM RACE)                                     [---]
- * CRITICISM                                       [:111]
- COURT * APPEAL                                    [1241]

---  PONDER   [---]  ---
PONDER
- * SANCTIONS                                       [1312]
"""


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_predicates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


class _Lemmas:
    """Plain lower-casing with the plurals of this dictionary, instead of the spaCy model."""

    nouns: set[str] = set()

    def noun(self, word: str) -> str:
        word = word.lower()
        return word[:-1] if word.endswith("s") else word

    def verb(self, word: str) -> str:
        return word.lower()


def test_rows_from_an_invented_dictionary(build, tmp_path: Path, monkeypatch):
    path = tmp_path / "cameo.txt"
    path.write_text(DICTIONARY, encoding="latin-1")
    policy = tmp_path / "policy.tsv"
    policy.write_text("block\tRETIRE_FROM\t087\n", encoding="utf-8")
    monkeypatch.setattr(build, "POLICY", policy)
    rows, counts = build.build(path, tmp_path / "no-wordnet", _Lemmas())
    verbs = [r.split("\t")[1:5] for r in rows if r.startswith("V\t")]
    patterns = {tuple(r.split("\t")[2:7]) for r in rows if r.startswith("P\t")}
    # the policy turns the block's yielding (080) into a physical retreat (087); "stand down" keeps its particle
    assert ["stand", "down", "087", "RETREAT"] in verbs and ["withdraw", "-", "087", "RETREAT"] in verbs
    assert ["ponder", "-", "-", "-"] in verbs  # a null block codes nothing alone
    assert ("ambassador", "-", "-", "161", "SANCTION") in patterns  # the synonym set is expanded
    assert ("diplomat", "-", "-", "161", "SANCTION") in patterns
    assert ("-", "from", "race", "-", "-") in patterns  # a null pattern is kept as "no event"
    assert ("criticism", "-", "-", "-", "-") in patterns  # the reversed direction codes no event here
    assert not any(p[0] == "appeal" for p in patterns)  # a pattern on the subject is left out
    assert ("sanction", "-", "-", "1312", "THREATEN") in patterns
    assert counts["nouns"] == 0  # no WordNet folder: no derived nouns
    bound = {tuple(r.split("\t")[2:8:5]) for r in rows if r.startswith("P\t")}
    # a pattern noted with a verb of its block is that verb's; one without a note is the whole block's
    assert ("ambassador", "withdraw") in bound and ("-", "-") in bound


def test_codes_outside_plover_follow_the_guidelines(build):
    assert build.plover("012") == "ACCUSE" and build.plover("020") == "REQUEST" and build.plover("016") == "REJECT"
    assert build.plover("057") == "AGREE" and build.plover("163") == "SANCTION" and build.plover("0841") == "CONCEDE"
    assert build.plover("-") is None and build.plover("010") is None

