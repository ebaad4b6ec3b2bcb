"""Link: what connects documents — duplicates, actor merging, event and claim clusters, stance, contradictions."""
