"""Time `handbook build` on synthetic content of 2, 20 and 200 routines (5 FAQ entries each).

    python benchmarks/bench_build.py            # 2, 20, 200 routines
    python benchmarks/bench_build.py 500 1000   # other sizes

Each size is built in a fresh Python process, so peak memory (the process's maximum
resident set) is the build's own. Printed per size: pages; the best and the median of
three builds in that process (load, validate, render, write; the first one included);
milliseconds per page (of the best); peak memory in MB; and the best and the median wall
time of three runs of the whole `handbook build` command (interpreter start-up and
imports included). The machine's load average is printed first: on a shared machine
the median moves with it, the best much less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_content

SIZES = (2, 20, 200)
RUNS = 3


def measure(content: Path, out: Path) -> None:
    """Build `RUNS` times in this process and print one JSON line of results."""
    from handbook.build import build_handbook

    times = []
    pages = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        pages = build_handbook(content, out)[0].pages
        times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(json.dumps({"best": min(times), "median": statistics.median(times), "pages": pages, "peak_mb": peak_mb}))


def command_time(content: Path, out: Path) -> float:
    """Wall time of `python -m handbook build`, start-up and imports included."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "handbook", "build", "--content", str(content), "--out", str(out)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--one", nargs=2, type=Path, metavar=("CONTENT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        measure(*args.one)
        return
    print("load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
    print(f"{'routines':>8} {'pages':>6} {'build s':>8} {'median':>7} {'ms/page':>8} {'peak MB':>8} "
          f"{'command s':>10} {'median':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            content, out = Path(tmp, f"c{size}"), Path(tmp, f"out{size}")
            write_content(content, size)
            result = subprocess.run([sys.executable, __file__, "--one", str(content), str(out)],
                                    check=True, capture_output=True, text=True)
            r = json.loads(result.stdout)
            walls = [command_time(content, out) for _ in range(RUNS)]
            print(f"{size:>8} {r['pages']:>6} {r['best']:>8.3f} {r['median']:>7.3f} "
                  f"{1000 * r['best'] / r['pages']:>8.2f} {r['peak_mb']:>8.1f} "
                  f"{min(walls):>10.3f} {statistics.median(walls):>7.3f}")


if __name__ == "__main__":
    main()
