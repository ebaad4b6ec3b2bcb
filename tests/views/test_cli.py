import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args, stdin=""):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "parallax.views.cli", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=120)


def test_stance_reads_jsonl_and_writes_one_line_per_valid_pair_in_order():
    lines = [
        {"id": "a", "claim": "Norway will sell frigates to Kenya",
         "text": "Norway said on Monday it will not sell frigates to Kenya, ending months of talks."},
        {"id": "b", "claim": "Norway will sell frigates to Kenya",
         "text": "The marathon in Nairobi was won by a local runner in record time."},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n{broken\n"
    p = _run(["stance", "--jsonl", "-"], stdin)
    assert p.returncode == 0, p.stderr
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert {o["stance"] for o in out} <= {"supports", "refutes", "discusses", "unrelated"}
    assert out[1]["stance"] == "unrelated"
    assert all(0.0 <= o["score"] <= 1.0 for o in out)
    assert "line 3" in p.stderr


def test_stance_with_nothing_valid_fails_with_one_line():
    p = _run(["stance", "--jsonl", "-"], "not json\n")
    assert p.returncode != 0
    assert "no valid line" in p.stderr.strip().splitlines()[-1]


def test_help_teaches_with_examples():
    p = _run(["analyze", "--help"])
    assert p.returncode == 0 and "Examples" in p.stdout and "warc" in p.stdout.lower()


def test_running_out_of_duckdb_memory_says_how_to_raise_the_limit(capsys):
    import duckdb
    import pytest
    import typer

    from parallax.views.cli import failing_cleanly

    with pytest.raises(typer.Exit) as stop, failing_cleanly():
        raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate data of size 1.0 MiB")
    assert stop.value.exit_code == 2
    said = capsys.readouterr().err
    assert "PARALLAX_DUCKDB_MEMORY" in said and "committed so far is kept" in said
    with pytest.raises(ValueError), failing_cleanly():  # other errors are not dressed up as memory
        raise ValueError("a bug")
