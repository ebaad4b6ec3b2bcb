"""``verify``: retrieve the sentences about a claim, read each document's stance, and give a verdict."""

from parallax.verify.verdict import Verifier, verdict_json, verdict_rule, verify

__all__ = ["Verifier", "verdict_json", "verdict_rule", "verify"]
