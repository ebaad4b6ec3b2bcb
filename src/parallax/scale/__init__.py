"""Large and incremental runs: sharded analysis, a Ray engine, and what changed between runs.

The per-document analysis is the expensive step (a spaCy parse); it is cut into shards of consecutive
documents whose results are written once (Parquet) and merged into the store one transaction a shard, so a
killed run resumes at the first unmerged shard and any engine (local processes or a Ray cluster) produces the
same rows through the same function (:func:`parallax.scale.rows.result_row`).
"""
