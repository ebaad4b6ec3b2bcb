"""Actors: who is who in one document (countries, people, organisations, anonymous sources)."""

from parallax.extract.actors.extract import extract_actors
from parallax.extract.actors.types import DocActors

__all__ = ["DocActors", "extract_actors"]
