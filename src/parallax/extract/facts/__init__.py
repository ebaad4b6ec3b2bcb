"""Number and date facts stated outside coded events, for cross-outlet comparison (``link.facts``)."""

from parallax.extract.facts.extract import extract_facts
from parallax.extract.facts.types import Fact

__all__ = ["Fact", "extract_facts"]
