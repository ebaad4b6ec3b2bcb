"""Quotes and claims: who says what, on whose authority.

``extract_quotes`` finds direct quotations and reported speech with their speakers (resolved to the
document's actors), anonymous sources with their affiliation, and reporting chains; ``claims_from_quotes``
turns them into normalised, comparable claims.
"""

from parallax.extract.quotes.claims import claims_from_quotes
from parallax.extract.quotes.extract import extract_quotes

__all__ = ["claims_from_quotes", "extract_quotes"]
