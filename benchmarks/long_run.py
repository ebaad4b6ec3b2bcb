"""A long run, measured as it goes: analyse (and then link) a big store, logging progress and memory every 15 s.

    PYTHONPATH=src python benchmarks/long_run.py analyse STORE [-p 2]   # resumable: kill -9 it, start it again
    PYTHONPATH=src python benchmarks/long_run.py link STORE
    PYTHONPATH=src python benchmarks/long_run.py report STORE          # -> benchmarks/results/long_run.md

The store is made by an ingest-only run (``bench_scale.py --only ingest`` or ``parallax analyze --no-analysis``).
``bench_scale.py`` measures steps in fresh processes and reports each one's peak; a run of hours needs more: the
shape of memory over time, for the driver (the process holding the store) and for each worker separately, so
growth anywhere shows as a slope. Each sample is one JSON line in ``STORE.longrun.jsonl``: seconds since this
process started, documents analysed by it, driver RSS, largest worker RSS, RSS of the whole process tree.
Restarts (after a kill) append to the same log, so the report covers every attempt and what each resumed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from _common import rss_mb

EVERY = 15.0  # seconds between samples



def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return out


class Log:
    """Appends samples and events to the run's JSON-lines log; a sampler thread writes every ``EVERY`` s."""

    def __init__(self, path: Path, stage: str) -> None:
        self.path, self.stage, self.t0, self.done = path, stage, time.time(), 0
        self._stop = threading.Event()

    def write(self, **row: Any) -> None:
        with self.path.open("a") as handle:
            handle.write(json.dumps({"stage": self.stage, "at": round(time.time(), 1), **row}) + "\n")

    def sample(self) -> None:
        me = os.getpid()
        workers = [rss_mb(p) for p in _children(me)]
        driver = rss_mb(me)
        self.write(t=round(time.time() - self.t0, 1), done=self.done, driver_mb=round(driver),
                   worker_max_mb=round(max(workers, default=0)), tree_mb=round(driver + sum(workers)))

    def __enter__(self) -> Log:
        def loop() -> None:
            while not self._stop.wait(EVERY):
                self.sample()

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.sample()


def analyse(db: str, processes: int) -> None:
    from parallax.extract.stage import ANALYSIS_VERSION
    from parallax.pipeline import RunSummary
    from parallax.scale.engine import analyse_sharded
    from parallax.store import Store

    log = Log(Path(db + ".longrun.jsonl"), "analyse")
    with Store(db) as store, log:
        pending = store.count("documents", Store._PENDING, [ANALYSIS_VERSION])
        log.write(event="start", pending=pending, stored=store.count("documents"), processes=processes)
        summary = RunSummary(inputs=[], engine="local")

        def tick(stage: str, n: float, total: int | None) -> None:
            if total is None:
                log.done += int(n)

        analyse_sharded(store, summary, version=ANALYSIS_VERSION, tick=tick, n_process=processes)
        log.write(event="end", analysed=summary.analysed, errors=summary.analysis_errors,
                  seconds=round(time.time() - log.t0, 1))


def link(db: str) -> None:
    from parallax.pipeline import RunSummary
    from parallax.pipeline import link as link_stage
    from parallax.store import Store

    log = Log(Path(db + ".longrun.jsonl"), "link")
    with Store(db) as store, log:
        log.write(event="start", analysed=store.count("doc_results"))
        summary = RunSummary(inputs=[])
        link_stage(store, summary, "long-run", lambda *a: None)
        log.write(event="end", seconds=round(time.time() - log.t0, 1), actors=summary.actors, events=summary.events,
                  claims=summary.claims, contradictions=summary.contradictions)


def report(db: str) -> str:
    """The log as tables: each attempt (start, what it found pending, how it ended) and memory by progress."""
    rows = [json.loads(line) for line in Path(db + ".longrun.jsonl").read_text().splitlines() if line.strip()]
    lines = ["# Long run", "", f"Store: `{Path(db).name}`. Samples every {EVERY:.0f} s; RSS in MB.", "",
             "## Attempts", "", "| stage | started (UTC) | pending at start | analysed by it | seconds | ended |",
             "|---|---|---:|---:|---:|---|"]
    attempts: list[dict[str, Any]] = []
    for r in rows:
        if r.get("event") == "start":
            attempts.append({"stage": r["stage"], "start": r, "samples": [], "end": None})
        elif attempts and r.get("event") == "end":
            attempts[-1]["end"] = r
        elif attempts and "t" in r:
            attempts[-1]["samples"].append(r)
    for a in attempts:
        last = a["samples"][-1] if a["samples"] else {"t": 0, "done": 0}
        ended = "finished" if a["end"] else "no end record: killed, or still running"
        lines.append(f"| {a['stage']} | {time.strftime('%H:%M', time.gmtime(a['start']['at']))} | "
                     f"{a['start'].get('pending', a['start'].get('analysed', ''))} | {last['done']} | "
                     f"{last['t']:.0f} | {ended} |")
    lines += ["", "## Memory by progress (every attempt, in order)", "",
              "| attempt | documents analysed (this attempt) | seconds | docs/s (since last row) | driver | largest worker | tree |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for i, a in enumerate(attempts, 1):
        samples = a["samples"]
        if not samples:
            continue
        step = max(1, len(samples) // 8)
        picked = samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else [])
        prev = {"t": 0.0, "done": 0}
        for s in picked:
            rate = (s["done"] - prev["done"]) / max(1e-9, s["t"] - prev["t"])
            lines.append(f"| {i} | {s['done']:,} | {s['t']:.0f} | {rate:.2f} | {s['driver_mb']} | "
                         f"{s['worker_max_mb']} | {s['tree_mb']} |")
            prev = s
    notes = Path(db + ".longrun.notes.md")  # what the log cannot say (which code ran, why a run was stopped)
    if notes.exists():
        lines += ["", "## Notes", "", notes.read_text().strip()]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["analyse", "link", "report"])
    ap.add_argument("db")
    ap.add_argument("-p", "--processes", type=int, default=2)
    args = ap.parse_args()
    if args.what == "analyse":
        analyse(args.db, args.processes)
    elif args.what == "link":
        link(args.db)
    else:
        text = report(args.db)
        out = Path(__file__).resolve().parent / "results" / "long_run.md"
        out.write_text(text)
        sys.stdout.write(text)


if __name__ == "__main__":  # the local engine's workers are spawned: they re-import this module
    main()
