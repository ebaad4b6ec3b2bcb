"""Stance of a text to a claim (supports / refutes / discusses / unrelated), trained on FNC-1.

``StanceModel.load().predict([(claim, text), ...])`` is what ``parallax stance`` and ``verify`` call.
"""

from parallax.link.stance.model import RELATED_LABELS, StanceModel

LABELS: tuple[str, ...] = (*RELATED_LABELS, "unrelated")

__all__ = ["LABELS", "StanceModel"]
