import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args, stdin="", **env_extra):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env_extra}
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


def test_control_characters_in_file_names_and_titles_never_reach_the_terminal(tmp_path):
    """A file name and an article title carrying terminal escapes (ESC, a bell, a bidi override) and rich markup."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\x1b[2Jname\x07.txt").write_bytes(b"")  # refused (empty): its name is printed
    title = "Chile \x1b]0;owned\x07rejects [bold red]Peru[/] \u202eevil\x1b[31m"
    (folder / "story.jsonl").write_text(json.dumps({
        "title": title, "url": "https://news.example.org/a", "published": "2024-03-02",
        "text": "Chile rejected the Peruvian proposal on fishing rights on Monday, the foreign ministry said. "
                "Peru's foreign minister said talks would continue in Lima next month."}) + "\n")
    db = str(tmp_path / "s.duckdb")
    analysed = _run(["analyze", str(folder), "--db", db])
    assert analysed.returncode == 0, analysed.stderr
    assert "refused:" in analysed.stderr and "bad[2Jname.txt" in analysed.stderr
    verified = _run(["verify", "Chile rejected Peru's proposal", "--db", db, "--all"], COLUMNS="400")
    assert verified.returncode == 0, verified.stderr
    assert "rejects [bold red]Peru[/]" in verified.stdout  # the title is shown as written, markup inert
    for printed in (analysed.stdout, analysed.stderr, verified.stdout, verified.stderr):
        assert not any(c in printed for c in "\x1b\x07\u202e")


def test_the_safe_console_keeps_its_own_styles_on_a_terminal():
    import io

    from parallax.views.cli_app import SafeConsole

    buf = io.StringIO()
    console = SafeConsole(file=buf, force_terminal=True, color_system="standard", width=80)
    console.print("[bold]Verdict:[/bold] x\x1b[2Jy", highlight=False)
    shown = buf.getvalue()
    assert "\x1b[1m" in shown  # rich's own bold code
    assert "\x1b[2J" not in shown and "x[2Jy" in shown


def test_analyze_takes_the_outlet_from_the_user_and_refuses_a_bad_sources_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "A_01.txt").write_text("Chile and Bolivia talk\n\nThe foreign ministers of Chile and Bolivia met in "
                                     "La Paz on Monday to discuss access to the sea, officials said.", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    bad = tmp_path / "bad.csv"
    bad.write_text("file,outlet\n", encoding="utf-8")
    refused = _run(["analyze", str(folder), "--db", db, "--sources", str(bad)])
    assert refused.returncode == 2 and "'path'" in refused.stderr.strip().splitlines()[-1]
    done = _run(["analyze", str(folder), "--db", db, "--outlet", "Altiplano Weekly", "--no-analysis", "-q"])
    assert done.returncode == 0, done.stderr
    story = json.loads(_run(["export", "--format", "json", "--db", db]).stdout)
    assert [d["outlet"] for d in story["documents"]] == ["Altiplano Weekly"]
