"""How fast cards are made: every card of 200 routines, and personal cards from a CSV file.

    python benchmarks/bench_cards.py            # 200 cards, then 250 / 500 / 1,000 personal cards
    python benchmarks/bench_cards.py --quick    # 200 cards and 1,000 personal cards only

Each run is one `handbook` command in a fresh process, timed from start to exit (Python
start-up, imports, loading the content and writing the files all count), so the numbers
are what a clinic waits for. Peak memory is the largest resident set of that process or
any of its workers. Targets on a 2-core machine: 200 cards in 1.5 s or less, 1,000
personal cards in 5 s or less, with memory flat as the count grows.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
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


def timed(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """Run `handbook ARGS` in a fresh process: wall seconds, peak MB, cards written."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "handbook", *args], cwd=cwd, capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0 and "wrote " not in done.stdout:
        raise SystemExit(f"handbook {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    refused = done.stderr.count("does not fit")
    if refused:
        print(f"  ({refused} cards refused as too long; they count in the time, not in the cards)")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    written = done.stdout.count("wrote ")
    return wall, max(peak, before) / 1024, written


def report(label: str, wall: float, peak_mb: float, cards: int, target: float | None = None) -> None:
    verdict = "" if target is None else (" (target {:.1f} s: {})".format(target, "met" if wall <= target else "MISSED"))
    print(f"{label:<28} {cards:>5} cards  {wall:6.2f} s  {1000 * wall / cards:6.2f} ms/card  "
          f"peak {peak_mb:6.1f} MB{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the two targets")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_content(root / "routines", 200)
        # warm the file cache and byte-code once, as a clinic's second run would be
        timed(["list", "--content", "routines"], root)
        wall, peak, cards = timed(["cards", "--content", "routines", "--out", "out-all"], root)
        report("200 routines: handbook cards", wall, peak, cards, 1.5)
        counts = (1000,) if args.quick else (250, 500, 1000)
        for count in counts:
            patients = root / f"patients-{count}.csv"
            write_patients(patients, count, 200)
            wall, peak, cards = timed(["cards", "--content", "routines", "--out", f"out-{count}",
                                       "--patients", patients.name], root)
            report(f"{count} personal cards (CSV)", wall, peak, cards, 5.0 if count == 1000 else None)


if __name__ == "__main__":
    main()
