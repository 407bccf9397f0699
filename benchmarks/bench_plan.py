"""How fast a patient's programme is made: 4 exercises and a 6-week log, against a budget of 1 s.

    python benchmarks/bench_plan.py              # 9 runs of each command, best and median
    python benchmarks/bench_plan.py --runs 21

The programme is the README's example (`docs/example-plan.yaml`: 4 exercises of the bundled
content, 6 weeks, a first page, 4 personal cards of 2 sides, 6 log pages, 16 pages in all),
made from a copy of `routines/`. Each run is one `handbook plan` command in a fresh process,
timed from start to exit (Python start-up, imports, reading the content and the plan,
drawing, writing both files), so the number is what a clinician waits for. For scale, the
same is timed for one `handbook card --for NAME` (what a clinician ran four times, and then
stapled, before `plan`), and for `handbook --version` (the start-up alone). Runs of the
commands alternate, so a slow spell on the shared machine falls on all of them. The load
average is printed before and after: above 1 on a 2-core machine, another job was running.

The byte-code of the package is compiled once before the runs and kept outside the source
tree, as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGET = 1.0  # seconds, for the whole `handbook plan` command


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Wall seconds of `handbook ARGS` in a fresh process; a failure stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "handbook", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"handbook {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (best and median are shown)")
    args = parser.parse_args()
    commands = {
        "handbook plan (4 exercises, 6 weeks)": ["plan", "plans/example-plan.yaml"],
        "handbook card --for (one card)": ["card", "psoas-release", "--for", "Ana María O'Neil", "--hold", "30",
                                           "--reps", "5", "--times-a-day", "2"],
        "handbook --version (start-up)": ["--version"],
    }
    print(f"{os.cpu_count()} cores; python {sys.version.split()[0]}; load {os.getloadavg()[0]:.2f}; "
          f"best and median of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "routines", root / "routines")
        (root / "plans").mkdir()
        shutil.copy(REPO / "docs" / "example-plan.yaml", root / "plans" / "example-plan.yaml")
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
        for command in commands.values():  # warm-up: byte-code compiled, files in the cache
            timed(command, root, env)
        walls: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, command in commands.items():
                walls[label].append(timed(command, root, env))
        pages = (root / "output" / "plans" / "example-plan.pdf").read_bytes().count(b"/Type /Page\n")
    for label, runs in walls.items():
        best, median = min(runs), statistics.median(runs)
        verdict = ""
        if label.startswith("handbook plan"):
            verdict = f"  (budget {BUDGET:.1f} s: {'ok' if median <= BUDGET else 'OVER'})"
        print(f"{label:<40} best {best:5.2f} s  median {median:5.2f} s{verdict}")
    print(f"programme: {pages or 'see output'} pages; load {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
