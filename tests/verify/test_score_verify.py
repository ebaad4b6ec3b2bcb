import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import score_verify  # noqa: E402


def test_scorer_reads_a_story_key_and_counts_verdicts_and_documents(tmp_path, frigate_story):
    folder, _ = frigate_story
    story = score_verify.score_story(folder, tmp_path)
    summary = score_verify.summarise([story])
    assert summary["claims"] == 3
    assert summary["document_pairs"] == 15  # 3 claims x 5 files
    conflict = story["items"][0]
    assert conflict["ok"] and conflict["got"] == "conflicting"
    gold = {d["file"]: d["gold"] for d in conflict["documents"]}
    assert gold["harbour_times.txt"] == "supports" and gold["nairobi_ledger.txt"] == "refutes"
    assert gold["farm_weekly.txt"] == "neither"
    assert 0.0 <= summary["document_accuracy"] <= 1.0
