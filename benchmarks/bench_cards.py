"""How fast cards are made: every card of 200 routines, and personal cards from a CSV file.

    python benchmarks/bench_cards.py            # 200 cards, then 250 / 500 / 1,000 personal cards
    python benchmarks/bench_cards.py --quick    # 200 cards and 1,000 personal cards only
    python benchmarks/bench_cards.py --runs 5   # best and median of 5 runs of each (default 3)

Each run is one `handbook` command in a fresh process, timed from start to exit (Python
start-up, imports, loading the content, drawing and writing the files all count), so the
numbers are what a clinic waits for. Peak memory is the largest resident set of that
command or any of its workers, measured for each run on its own. The byte-code of the
package is compiled once before the runs and kept outside the source tree, as an
installed package has it (pass --no-bytecode, with PYTHONDONTWRITEBYTECODE=1 set, to
time start-ups that compile the package's modules from source every time instead). Targets on a 2-core machine:
200 cards in 1.5 s or less, 1,000 personal cards in 5 s or less, memory flat as the
count grows.

The content is `synthetic.py`'s: since 2026-12-04 a pose beside most steps, PNG pictures
and SVG drawings. The budget of `handbook cards` for 200 routines (at least 20% faster
than on 2026-12-04) is checked, paired, by `bench_build.py --only cards`; README.md in
this folder has that day's number.

Measured before the synthetic content had pictures (every tenth routine a tiny PNG, no
poses; 2-core Xeon VM, Python 3.11, reportlab 5.1 without its C accelerator; this
harness, best / median of 3; wall time of the whole command, ms per card, peak memory):

    before (code of 21 Nov, 23:30)   200 cards  2.86 / 3.05 s   14.3 ms/card   46 MB
                                     1,000 personal cards  12.2 / 13.4 s   12.2 ms/card   44 MB
    after, other core free           200 cards  1.20-1.32 / 1.22-1.43 s   6.0-6.6 ms/card   42-49 MB
                                     1,000 personal cards  3.7-4.1 / 4.2 s   3.7-4.1 ms/card   46 MB
                                     (250 / 500 / 1,000 personal cards: 43 / 44 / 46 MB: flat)
    after, another job using a core  200 cards  2.0-2.6 s   1,000 personal cards  5.3-6.5 s

On the synthetic content with pictures (since 2026-12-04) and cards of two to four sides
(issue 13), the night of 2026-12-04, after the changes of benchmarks/README.md ("Night of
2026-12-04"), with a review running on the other core now and then:

    200 cards  1.72 / 1.75 s   8.6 ms/card   63 MB
    1,000 personal cards  5.17 / 5.47 s   5.2 ms/card   75 MB

The targets above were set for the lighter content of 21 November and one-sided cards; the
budget that counts is `bench_build.py --only cards` (0.65x of 2026-12-04 that night).

The two processes only pay off when both cores are free; with another CPU-bound job on
the machine the pool has one core and the times roughly double. reportlab's C accelerator
(rl_accel, installed with `reportlab[accel]`) gives the same bytes and saves about 5-10%
of the drawing time.

What made the difference: font subsets made once per process instead of once per card
(`handbook/pdf/fontcache.py`, with every card's subset seeded with the same marks); a QR
encoder ten times faster with the same output (since replaced by the segno
library, about 6 ms a link instead of 0.7: 200 cards with 100 links take about 0.5 s more
CPU); card text written as PDF operators directly, and line breaking without per-word
objects (`handbook/layout/card/text.py`); the cards of a batch flushed to disk together instead
of one fsync per file (`handbook.output.files.write_many`); a faster check for control characters when loading content.
"""

from __future__ import annotations

import argparse
import csv
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

NAMES = ("Ana María O'Neil", "Jürgen Groß", "Zoë Martin", "Siobhán Ní Bhriain", "Li Wei", "José Núñez")


def write_patients(path: Path, rows: int, routines: int) -> None:
    """A patients' CSV file: names with accents and apostrophes, a few overrides per row."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["name", "routine", "hold", "reps", "times_a_day", "weeks", "note"])
        for n in range(rows):
            note = "Go gently on the left side." if n % 3 == 0 else ""
            out.writerow([f"{NAMES[n % len(NAMES)]} {n}", f"routine-{n % routines + 1:04d}", 10 + n % 4 * 10,
                          3 + n % 5, 1 + n % 3, 4, note])


def measure(args: list[str]) -> None:
    """Run `handbook ARGS` as a child of this fresh process; print wall seconds, peak MB, stdout, stderr."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "handbook", *args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the command or any of its workers
    print(json.dumps({"wall": wall, "peak": peak, "code": done.returncode, "stdout": done.stdout,
                      "stderr": done.stderr}))


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Run `handbook ARGS` in a fresh process: wall seconds, peak MB of this run alone, cards written."""
    done = subprocess.run([sys.executable, __file__, "--measure", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=True)
    result = json.loads(done.stdout)
    if result["code"] != 0 and "wrote " not in result["stdout"]:
        raise SystemExit(f"handbook {' '.join(args)} failed:\n{result['stderr'][-2000:]}")
    refused = result["stderr"].count("does not fit")
    if refused:
        print(f"  ({refused} cards refused as too long; they count in the time, not in the cards)")
    return result["wall"], result["peak"], result["stdout"].count("wrote ")


def report(label: str, runs: list[tuple[float, float, int]], target: float | None = None) -> None:
    walls = [wall for wall, _, _ in runs]
    best, median = min(walls), statistics.median(walls)
    cards = runs[0][2]
    peak = max(p for _, p, _ in runs)
    verdict = "" if target is None else " (target {:.1f} s: {})".format(target, "met" if best <= target else "MISSED")
    print(f"{label:<28} {cards:>5} cards  best {best:5.2f} s  median {median:5.2f} s  "
          f"{1000 * best / max(cards, 1):6.2f} ms/card  peak {peak:6.1f} MB{verdict}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        measure(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the two targets")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (best and median are shown)")
    parser.add_argument("--no-bytecode", action="store_true", help="compile every module at each start-up")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; python {sys.version.split()[0]}; best and median of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = dict(os.environ)
        if not args.no_bytecode:  # byte-code as an installed package has it, kept out of the source tree
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
        write_content(root / "routines", 200)
        timed(["list", "--content", "routines"], root, env)  # warm the file cache (and the byte-code)
        runs = [timed(["cards", "--content", "routines", "--out", f"out-all-{n}"], root, env)
                for n in range(args.runs)]
        report("200 routines: handbook cards", runs, 1.5)
        counts = (1000,) if args.quick else (250, 500, 1000)
        for count in counts:
            patients = root / f"patients-{count}.csv"
            write_patients(patients, count, 200)
            runs = [timed(["cards", "--content", "routines", "--out", f"out-{count}-{n}", "--patients",
                           patients.name], root, env) for n in range(args.runs)]
            report(f"{count} personal cards (CSV)", runs, 5.0 if count == 1000 else None)


if __name__ == "__main__":
    main()
