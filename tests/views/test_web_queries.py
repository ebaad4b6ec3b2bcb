"""What the overview and the claim matrix list first: the story's main claims, not witnesses' asides."""

from parallax import model as m
from parallax.views.web import queries as qx


def _story() -> m.Story:
    docs = [m.Document(id=f"d{i}", key=f"d{i}", text="x" * 80, outlet=f"Outlet {i}") for i in range(4)]

    def claim(i: str, text: str, on: list[int]) -> m.Claim:
        return m.Claim(i, text, mentions=[m.ClaimMention(f"d{n}", "supports", 0, 40) for n in on])

    return m.Story(documents=docs, claims=[
        claim("k1", "They opened fire on the convoy.", [0, 1, 2, 3]),  # every outlet, no subject
        claim("k2", "We ran for two kilometres.", [0, 1, 2]),
        claim("k3", "The navy escorted the convoy to the port.", [0, 1]),
        claim("k4", "Two patrol boats were damaged in the raid.", [2]),
    ])


def test_overview_main_claims_skip_bare_pronoun_subjects():
    ov = qx.overview(qx.StoryIndex.build(_story()))
    assert [c.id for c, _, _ in ov["claims"]] == ["k3", "k4"]


def test_claim_matrix_lists_main_claims_before_asides():
    _, rows = qx.claim_matrix(qx.StoryIndex.build(_story()))
    assert [r.claim.id for r in rows] == ["k3", "k4", "k1", "k2"]


def test_a_memo_may_ask_for_another_memo():
    import threading

    ix = qx.StoryIndex.build(_story())
    done = []
    worker = threading.Thread(target=lambda: done.append(ix.memo("overview", lambda: qx.overview(ix))), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert done, "the overview's memo waited forever on the claim ranking's memo"
