"""Shared machinery of the ``bench_*.py`` scripts: isolated steps with their own peak RSS, a timer, tables, results.

Peak memory is only meaningful per step if each step runs in a process of its own: ``ru_maxrss`` never goes
down, so measuring two steps in one process reports the larger of the two for both. Each step therefore runs
in a fresh child Python, started by a fresh intermediate Python whose ``getrusage(RUSAGE_CHILDREN).ru_maxrss``
is then that child's peak alone (and the peak of anything the child spawned and waited for, e.g. spaCy workers).
A step is a plain function ``module:function`` in ``benchmarks/`` that returns a JSON-ready dict; it times its
own measured section with :class:`Timer` so imports and setup can be kept out of the seconds (they still count
in the RSS, as they would in real use).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SRC = ROOT / "src"
RESULTS = BENCH / "results"
OUT = BENCH / "out"
VOA = Path(os.environ.get("PARALLAX_VOA", ROOT.parent / "shared" / "data" / "voa_stories.jsonl"))

_MARK = "@@BENCH@@"

# Runs inside the intermediate process: start the step, relay its result, add the step's peak RSS.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
    f"print({_MARK!r} + 'RSS ' + str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(r.returncode)\n"
)

# Runs inside the step process: import the step function and print its result on a marked line.
_STEP = (
    "import importlib, json, sys\n"
    "sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
    "module, func = sys.argv[3].split(':')\n"
    "result = getattr(importlib.import_module(module), func)(**json.loads(sys.argv[4]))\n"
    f"print({_MARK!r} + 'RESULT ' + json.dumps(result))\n"
)


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process now (VmRSS, MiB; 0 if it is gone): for memory over time within a step."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class StepFailed(RuntimeError):
    pass


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds``: wall-clock seconds of the block (perf_counter)."""

    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


def run_step(func: str, timeout: float | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run ``func`` ("module:function", found in benchmarks/ or src/) in a fresh process.

    Returns the function's dict plus ``peak_rss_mb``: the step process's maximum resident set size in MiB
    (Linux reports ru_maxrss in KiB, macOS in bytes).
    """
    cmd = [sys.executable, "-c", _WRAPPER, sys.executable, "-c", _STEP, str(BENCH), str(SRC), func,
           json.dumps(kwargs)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    result: dict[str, Any] | None = None
    rss_kib = 0
    for line in proc.stdout.splitlines():
        if line.startswith(_MARK + "RESULT "):
            result = json.loads(line[len(_MARK) + 7:])
        elif line.startswith(_MARK + "RSS "):
            rss_kib = int(line[len(_MARK) + 4:])
    if proc.returncode != 0 or result is None:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise StepFailed(f"step {func} failed (exit {proc.returncode}):\n{tail}")
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss units: bytes on macOS, KiB on Linux
    result["peak_rss_mb"] = round(rss_kib / per_mib, 1)
    return result


def rate(amount: float, seconds: float) -> float:
    return amount / seconds if seconds > 0 else float("inf")


def machine() -> dict[str, Any]:
    """What the figures were measured on, stored beside them."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "when": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


Column = tuple[str, str, str]  # (row key, header, format spec)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    """A markdown table (also readable in a terminal) of ``rows`` with the given columns."""
    def cell(row: dict[str, Any], key: str, fmt: str) -> str:
        value = row.get(key)
        if value is None:
            return "–"
        return format(value, fmt) if fmt and isinstance(value, (int, float)) else str(value)

    body = [[cell(r, k, f) for k, _, f in columns] for r in rows]
    heads = [h for _, h, _ in columns]
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h) for i, h in enumerate(heads)]
    numeric = [bool(f) for _, _, f in columns]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric)) + " |"

    sep = "|" + "|".join(("-" * (w + 1) + ":") if n else ("-" * (w + 2)) for w, n in zip(widths, numeric)) + "|"
    return "\n".join([line(heads), sep, *(line(b) for b in body)])


def save_results(name: str, meta: dict[str, Any], rows: Sequence[dict[str, Any]], markdown: str,
                 results_dir: Path = RESULTS) -> tuple[Path, Path]:
    """Write ``<name>.json`` (meta + rows + machine) and ``<name>.md`` (the human table) to results/."""
    results_dir.mkdir(parents=True, exist_ok=True)
    payload = {"benchmark": name, "machine": machine(), **meta, "rows": list(rows)}
    json_path = results_dir / f"{name}.json"
    md_path = results_dir / f"{name}.md"
    json_path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown.rstrip() + "\n", encoding="utf-8")
    return json_path, md_path
