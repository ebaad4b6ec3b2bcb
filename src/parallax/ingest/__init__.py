"""Ingest: turn files, folders, JSONL, WARC, feeds and stdin into raw articles (or per-input errors)."""
