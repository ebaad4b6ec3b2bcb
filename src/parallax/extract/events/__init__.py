"""Events: who did what to whom, when — PLOVER/CAMEO-coded, with mode, date, details and evidence."""

from parallax.extract.events.extract import extract_events

__all__ = ["extract_events"]
