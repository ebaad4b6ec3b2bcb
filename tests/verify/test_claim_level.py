"""verify against a story whose every article names the parties: relevance and direction are claim-level."""

from pathlib import Path

from parallax.store import Store
from parallax.verify import Verifier, verdict_json


def _stances(store, verdict) -> dict[str, str]:
    names = {d: Path(p).name for d, p in store.con.execute("SELECT id, path FROM documents").fetchall()}
    return {names[s.doc]: s.stance for s in verdict.documents}


def test_naming_the_parties_does_not_make_an_article_address_an_evaluation(border_story):
    with Store(border_story, read_only=True) as store:
        got = _stances(store, Verifier(store).verify("Chile is the aggressor in the border war"))
    assert got == {"pacific_wire.txt": "supports",  # the outlet's own voice; a reported denial of another act
                   "andes_post.txt": "discusses",  # one side's charge, rejected by the other
                   "santiago_times.txt": "refutes",  # the party's own, uncontested denial
                   "harvest_news.txt": "unrelated", "lima_daily.txt": "unrelated"}


def test_a_report_of_the_act_says_nothing_about_whether_it_is_justified(border_story):
    with Store(border_story, read_only=True) as store:
        verifier = Verifier(store)
        justified = verifier.explain("The sanctions on Chile are justified")
        act = verifier.verify("Peru imposed sanctions on Chile")
        data = verdict_json(justified.verdict, store, justified.claim.reading)
        act_stances = _stances(store, act)
        justified_stances = _stances(store, justified.verdict)
    assert set(justified_stances.values()) == {"unrelated"}
    assert data["verdict"] == "not_enough_evidence"
    assert data["reading"]["evaluation"] == "justified" and data["reading"]["predicate"] is None
    assert {"claim", "verdict", "documents"} <= set(data)  # the contract's fields stay
    assert act.verdict == "supported" and act_stances["lima_daily.txt"] == "supports"
    assert act_stances["harvest_news.txt"] == "unrelated"
