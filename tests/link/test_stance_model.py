from pathlib import Path

import numpy as np
import pytest

from parallax.link.stance import LABELS, StanceModel
from parallax.link.stance.model import DATA_DIR, TreeEnsemble

SPORTS = ("The home side won the cup final on Sunday after a late header from their captain sealed a 2-1 win "
          "in front of a sold-out stadium, and fans celebrated in the streets until dawn.")

# (claim, text, expected): structural pairs the model should read the way a reader would.
CASES = [
    ("Brazil will supply tanks to Kenya",
     "Brazil said on Tuesday that it will not supply tanks to Kenya.", "refutes"),
    ("Brazil will supply tanks to Kenya",
     "Brazil will deliver tanks to Kenya next spring, officials said.", "supports"),
    ("Brazil will supply tanks to Kenya",
     "Brazil will supply 30 tanks to Kenya under a contract signed in Brasilia on Tuesday.", "supports"),
    ("Brazil will supply tanks to Kenya",
     "Reports claim Brazil may supply tanks to Kenya; Brazil has not commented.", "discusses"),
    ("Brazil will supply tanks to Kenya", SPORTS, "unrelated"),
    ("The central bank raised interest rates",
     "The central bank did not raise interest rates on Thursday, keeping its benchmark at 4 percent.", "refutes"),
    ("The central bank raised interest rates",
     "The central bank raised interest rates by half a point on Thursday to fight inflation.", "supports"),
    ("The central bank raised interest rates",
     "Analysts said the central bank could raise interest rates, according to unconfirmed reports.", "discusses"),
    ("The central bank raised interest rates", SPORTS, "unrelated"),
    ("Egypt closed its border with Sudan",
     "Egypt has not closed its border with Sudan, the foreign ministry said, and trucks crossed normally.",
     "refutes"),
    ("Egypt closed its border with Sudan",
     "Egypt closed its border with Sudan on Friday as fighting spread to the frontier towns.", "supports"),
    ("Egypt closed its border with Sudan",
     "Egypt reportedly closed its border with Sudan, local media claimed, though this could not be verified.",
     "discusses"),
    ("Egypt closed its border with Sudan", SPORTS, "unrelated"),
    ("The minister will not resign",
     "The minister resigned on Monday after weeks of pressure over the contracts scandal.", "refutes"),
    ("The minister will not resign",
     "The minister will not resign, she told reporters on Monday, despite weeks of pressure.", "supports"),
]


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


def test_model_loads_once_from_plain_arrays_and_is_small(model):
    assert StanceModel.load() is model
    size = sum(p.stat().st_size for p in DATA_DIR.iterdir())
    assert size < 5_000_000
    assert not list(DATA_DIR.glob("*.pkl")) and not list(DATA_DIR.glob("*.joblib"))
    with np.load(DATA_DIR / "stance_model.npz", allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)


def test_predict_returns_a_label_and_probability_per_pair(model):
    out = model.predict([(c, t) for c, t, _ in CASES])
    assert len(out) == len(CASES)
    assert all(label in LABELS and 0.0 <= score <= 1.0 for label, score in out)
    assert model.predict([]) == []


def test_the_canonical_structural_pairs(model):
    got = [label for label, _ in model.predict([(c, t) for c, t, _ in CASES[:5]])]
    assert [got[i] for i in (0, 2, 3, 4)] == [CASES[i][2] for i in (0, 2, 3, 4)]
    # "..., officials said": FNC-1 annotators mostly call relayed statements "discuss", so the trained model
    # sits near 50/50 between supports and discusses here; it must at least see the text as related.
    assert got[1] in ("supports", "discusses")


def test_negation_flips_supports_to_refutes(model):
    claim = "The central bank raised interest rates"
    (neg, _), (pos, _) = model.predict([(claim, CASES[5][1]), (claim, CASES[6][1])])
    assert (neg, pos) == ("refutes", "supports")


def test_unrelated_text_is_unrelated_for_every_claim(model):
    claims = sorted({c for c, _, _ in CASES})
    assert all(label == "unrelated" for label, _ in model.predict([(c, SPORTS) for c in claims]))


def test_most_structural_pairs_are_read_right(model):
    got = [label for label, _ in model.predict([(c, t) for c, t, _ in CASES])]
    right = sum(g == e for g, (_, _, e) in zip(got, CASES))
    assert right >= 0.8 * len(CASES), list(zip(got, [e for _, _, e in CASES]))


def test_exported_trees_reproduce_scikit_learn():
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5))
    y3 = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0.5).astype(int)
    for y in (y3, (y3 > 0).astype(int)):
        clf = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(x, y)
        trees = TreeEnsemble.from_sklearn(clf)
        assert np.allclose(trees.proba(x), clf.predict_proba(x), atol=1e-9)
        back = TreeEnsemble.from_arrays(trees.arrays("t_"), "t_")
        assert np.array_equal(back.proba(x), trees.proba(x))


def test_model_saves_and_loads_from_a_folder(model, tmp_path: Path):
    model.save(tmp_path)
    again = StanceModel.load.__wrapped__(str(tmp_path))
    claim, text, _ = CASES[2]
    assert again.predict([(claim, text)]) == model.predict([(claim, text)])
