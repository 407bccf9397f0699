"""Time `handbook build` on synthetic content of 2, 20 and 200 routines (5 FAQ entries each).

    python benchmarks/bench_build.py            # 2, 20, 200 routines
    python benchmarks/bench_build.py 500 1000   # other sizes

Each size is built in a fresh Python process, so peak memory is the build's own. Printed
per size: pages; how it was laid out (a long book takes two processes, see
`handbook/parallel.py`); the best and the median of three builds in that process (load,
validate, render, write; the first one included); milliseconds per page (of the best);
peak memory in MB, of this process alone (its maximum resident set) and of both
processes together (the sum of their proportional set sizes, shared pages counted once,
sampled every few milliseconds by another process during one more build, on Linux);
and the best and the median wall time of three runs of the whole `handbook build`
command (interpreter start-up and imports included).

The machine's load average and a calibration are printed first: the time of a plain
Python loop of ten million additions (0.5-0.6 s when this project's machine was
quiet). It is a rough guide only: on a shared virtual machine the time stolen by other
guests moves a build more than such a loop. Compare builds taken at the same time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_content

SIZES = (2, 20, 200)
# As after `pip install .`, which compiles every module: Python may write its bytecode
# cache (some environments forbid it, and an editable install would then compile the
# whole package at every start).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
RUNS = 3


def measure(content: Path, out: Path) -> None:
    """Build `RUNS` times in this process and print one JSON line of results."""
    from handbook import book
    from handbook.build import build_handbook

    layouts: list[str] = []
    render = book.render_handbook

    def noting(*args: object, **kwargs: object) -> book.RenderedHandbook:
        rendered = render(*args, **kwargs)  # type: ignore[arg-type]
        layouts.append(rendered.layout)
        return rendered

    book.render_handbook = noting  # type: ignore[assignment]
    import handbook.build
    handbook.build.render_handbook = noting  # type: ignore[assignment]
    times = []
    pages = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        pages = build_handbook(content, out)[0].pages
        times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    both_mb = None
    if Path("/proc/self/smaps_rollup").exists():
        # sampled from another process: a thread here would make the build stay in one process
        sampler = subprocess.Popen([sys.executable, __file__, "--sample", str(os.getpid())],
                                   stdout=subprocess.PIPE, text=True)
        time.sleep(0.2)  # let it start
        build_handbook(content, out)
        sampler.send_signal(signal.SIGTERM)
        both_mb = int(sampler.communicate()[0]) / 1024
    print(json.dumps({"best": min(times), "median": statistics.median(times), "pages": pages, "peak_mb": peak_mb,
                      "both_mb": both_mb, "layout": layouts[-1]}))


def sample(pid: int) -> None:
    """Until SIGTERM: the largest sum of the proportional set sizes of `pid` and its children, in kB."""
    peak = 0

    def stop(*_: object) -> None:
        print(peak, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    while True:
        pids = [pid]
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{pid}/task"):
                with contextlib.suppress(OSError):
                    pids += [int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        peak = max(peak, sum(_pss_kb(each) for each in pids))
        time.sleep(0.003)


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def calibration() -> float:
    """Seconds for a plain Python loop of ten million additions: how fast this machine is right now."""
    start = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - start


def command_time(content: Path, out: Path) -> float:
    """Wall time of `python -m handbook build`, start-up and imports included."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "handbook", "build", "--content", str(content), "--out", str(out)],
                   check=True, capture_output=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--one", nargs=2, type=Path, metavar=("CONTENT", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sample:
        sample(args.sample)
        return
    if args.one:
        measure(*args.one)
        return
    print("load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
    print(f"calibration: {calibration():.3f} s (a quiet machine of this kind: about 0.6 s)")
    print(f"{'routines':>8} {'pages':>6} {'layout':>14} {'build s':>8} {'median':>7} {'ms/page':>8} "
          f"{'peak MB':>8} {'both MB':>8} {'command s':>10} {'median':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            content, out = Path(tmp, f"c{size}"), Path(tmp, f"out{size}")
            write_content(content, size)
            result = subprocess.run([sys.executable, __file__, "--one", str(content), str(out)],
                                    check=True, capture_output=True, text=True, env=ENV)
            r = json.loads(result.stdout)
            command_time(content, out)  # once untimed: the bytecode cache is written
            walls = [command_time(content, out) for _ in range(RUNS)]
            both = f"{r['both_mb']:>8.1f}" if r["both_mb"] is not None else f"{'-':>8}"
            layout = "two processes" if r["layout"] == "two processes" else "one process"
            print(f"{size:>8} {r['pages']:>6} {layout:>14} {r['best']:>8.3f} {r['median']:>7.3f} "
                  f"{1000 * r['best'] / r['pages']:>8.2f} {r['peak_mb']:>8.1f} {both} "
                  f"{min(walls):>10.3f} {statistics.median(walls):>7.3f}")
            if r["layout"] not in ("one process", "two processes"):
                print(f"         note: {r['layout']}")
    print(f"calibration: {calibration():.3f} s")


if __name__ == "__main__":
    main()
