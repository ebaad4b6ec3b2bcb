"""Extract: per-document facts made from the parse — actors, events, quotes and claims."""
