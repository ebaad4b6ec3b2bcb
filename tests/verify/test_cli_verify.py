import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # the installed entry point, not "-m": run as __main__ the CLI module would be a second copy without the
    # commands that extension modules register on the imported one
    return subprocess.run([sys.executable, "-c", "from parallax.views.cli import main; main()", *args], text=True,
                          capture_output=True, env=env, timeout=120)


def test_verify_json_lists_every_stored_document(frigate_story):
    _, db = frigate_story
    p = _run(["verify", "Norway will sell frigates to Kenya", "--json", "--db", str(db)])
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["verdict"] == "conflicting"
    assert len(data["documents"]) == 5
    assert {d["stance"] for d in data["documents"]} >= {"supports", "refutes", "unrelated"}


def test_verify_without_a_store_or_claim_fails_with_one_line(tmp_path, frigate_story):
    p = _run(["verify", "Norway will sell frigates to Kenya", "--db", str(tmp_path / "missing.duckdb")])
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1 and "no store" in p.stderr
    p = _run(["verify", "   ", "--db", str(frigate_story[1])])
    assert p.returncode == 2 and "empty" in p.stderr


def test_verify_help_teaches_with_examples():
    p = _run(["verify", "--help"])
    assert p.returncode == 0 and "Examples" in p.stdout and "--json" in p.stdout
