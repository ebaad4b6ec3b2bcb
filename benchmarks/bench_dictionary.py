"""What the packaged actor dictionary costs a run: load time and memory, measured in a fresh process.

    PYTHONPATH=src python benchmarks/bench_dictionary.py

The dictionary (``parallax/data/actors.tsv``) is read lazily on the first actor lookup; this measures that
first read (seconds, and resident memory before and after) against the issue's budget of ≤ 2 s and
≤ 150 MB, then the lookup cost per name.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from _common import SRC

_CHILD = """
import json, time
from _common import rss_mb
import parallax.extract.actors.gazetteer  # the module the dictionary imports, loaded before the clock
before = rss_mb()
t0 = time.perf_counter()
from parallax.extract.actors.dictionary import dictionary
d = dictionary()
t1 = time.perf_counter()
after = rss_mb()
names = ["Sergey Lavrov", "Hezbollah", "North Atlantic Treaty Organization", "Anna Kovar", "Helmand"] * 20000
t2 = time.perf_counter()
for n in names:
    d.find(n)
t3 = time.perf_counter()
print(json.dumps({"records": len(d.records), "forms": len(d.forms), "places": len(d.places),
                  "load_s": round(t1 - t0, 3), "load_rss_mb": round(after - before, 1),
                  "lookup_us": round((t3 - t2) / len(names) * 1e6, 2)}))
"""


def main() -> None:
    env_path = f"{SRC}:{__file__.rsplit('/', 1)[0]}"
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": env_path})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_s"] = round(time.perf_counter() - t0, 2)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
