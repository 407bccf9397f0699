"""The speed budgets of README.md ("Speed"), each measured in paired, interleaved runs.

    python benchmarks/bench_build.py                   # every budget, 5 pairs each (about 2.5 min on 2 cores)
    python benchmarks/bench_build.py --runs 3          # quicker, noisier
    python benchmarks/bench_build.py --only build      # one section: build, bundled, version, cards, memory
    python benchmarks/bench_build.py --sizes 20 200 500
    python benchmarks/bench_build.py --only build --sizes 200 --profile 30   # and where the time goes

`handbook` is used only through its command line (`python -m handbook ...` in a fresh
process, or the `handbook` script for `--version`), never imported, so the package can
move its modules freely. Every number is the wall time of a whole command: start-up,
imports, reading the content, layout and writing the PDF. The machine is shared, so each
measurement is a pair of commands run one after the other (their order alternating
from round to round), repeated; printed are the median of each and the median of the
per-pair ratios, beside the budget, with "ok" or "OVER". Being over budget never makes
this script fail; a command that fails does.

The budgets, on synthetic content from `synthetic.py` (a pose beside most steps, PNG
pictures and SVG drawings; see there) and on the bundled content (routines/):

- `handbook build` of 200 routines: at most 0.5x a plain reportlab `multiBuild` of the
  same words and pictures (`baseline.py`); 20 routines are shown beside it, no budget;
- `handbook build` of the bundled content: at most 2x `python -c "import yaml, reportlab.platypus"`;
- `handbook --version`: at most 2x `python -c "import yaml"`;
- `handbook cards` of 200 routines: at least 20% faster than on 2026-12-04 (`CARDS_TODAY`);
- peak memory (the child's ru_maxrss) of the 200-routine build: under 150 MB.

Children get byte-code as an installed package has it (compiled once, in a cache outside
the source tree: PYTHONPYCACHEPREFIX), whatever PYTHONDONTWRITEBYTECODE says here.
"""

from __future__ import annotations

import argparse
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ is not a package

from synthetic import write_content

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent / "routines"
SECTIONS = ("build", "bundled", "version", "cards", "memory")
BUILD_BUDGET = 0.5  # handbook build of 200 routines / plain multiBuild
FLOOR_BUDGET = 2.0  # bundled build / importing reportlab, and --version / importing yaml
MEMORY_BUDGET_MB = 150.0
# `handbook cards` of 200 routines with poses on 2026-12-04: median wall seconds with the other core
# free (about 4 s when another job holds it), and its CPU seconds (workers included), which move less.
CARDS_TODAY = ("2026-12-04", 2.6, 4.3)
CARDS_BUDGET = 0.8  # at least 20% faster than CARDS_TODAY


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    cpu: float  # user + system seconds of the child and its waited-for children (a pool's workers)
    peak_mb: float  # the child's largest resident set (ru_maxrss), its waited-for children included


@dataclass(frozen=True)
class Command:
    label: str
    argv: list[str]


def child_env(cache: Path) -> dict[str, str]:
    """The environment of every timed command: byte-code compiled once, kept in `cache`."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def run(command: Command, env: dict[str, str]) -> Run:
    """Run `command` once: its wall time and peak memory. A failing command stops the benchmark."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command.argv, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-3000:]
            raise SystemExit(f"{command.label} failed ({process.returncode}): {' '.join(command.argv)}\n{tail}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss: kB on Linux


def paired(first: Command, second: Command, rounds: int, env: dict[str, str]) -> tuple[list[Run], list[Run]]:
    """`rounds` pairs, the order alternating: ABBAAB... so a slow spell falls on both sides."""
    a: list[Run] = []
    b: list[Run] = []
    for number in range(rounds):
        if number % 2 == 0:
            a.append(run(first, env))
            b.append(run(second, env))
        else:
            b.append(run(second, env))
            a.append(run(first, env))
    return a, b


def medians(a: list[Run], b: list[Run]) -> tuple[float, float, float]:
    """Median seconds of each side, and the median of the per-pair ratios a/b."""
    ratios = [x.seconds / y.seconds for x, y in zip(a, b, strict=True)]
    return (statistics.median(r.seconds for r in a), statistics.median(r.seconds for r in b),
            statistics.median(ratios))


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"


def budget_line(label: str, ours: float, other_label: str, other: float, ratio: float, budget: float | None) -> None:
    line = f"{label}: {seconds(ours)} vs {other_label} {seconds(other)} = {ratio:.2f}x"
    if budget is None:
        print(f"{line} (no budget)")
    else:
        print(f"{line} (budget <= {budget:g}x) {verdict(ratio <= budget)}")


def spread(runs: Sequence[Run]) -> str:
    values = sorted(r.seconds for r in runs)
    return f"{values[0]:.2f}-{values[-1]:.2f}"


# --- the sections ------------------------------------------------------------------------


def handbook(*args: str) -> list[str]:
    return [sys.executable, "-m", "handbook", *args]


class Bench:
    """The temporary folder, the synthetic content and the measurements kept between sections."""

    def __init__(self, root: Path, runs: int, quick_runs: int) -> None:
        self.root, self.runs, self.quick_runs = root, runs, quick_runs
        self.env = child_env(root / "pycache")
        self.builds: dict[int, list[Run]] = {}
        self.baselines: dict[int, list[Run]] = {}

    def content(self, size: int) -> Path:
        folder = self.root / f"content-{size}"
        if not (folder / "book.yaml").exists():
            write_content(folder, size)
        return folder

    def build_command(self, size: int) -> Command:
        return Command(f"handbook build, {size} routines",
                       handbook("build", "--content", str(self.content(size)), "--out", str(self.root / f"out-{size}")))

    def baseline_command(self, size: int) -> Command:
        return Command(f"plain multiBuild, {size} routines",
                       [sys.executable, str(HERE / "baseline.py"), "--content", str(self.content(size)), "--out",
                        str(self.root / f"baseline-{size}.pdf")])

    def warm(self) -> None:
        """Compile the byte-code of both sides once (untimed), as an installed package has it."""
        run(self.build_command(2), self.env)
        run(self.baseline_command(2), self.env)
        run(Command("cards", handbook("cards", "--content", str(self.content(2)), "--out", str(self.root / "w"))),
            self.env)

    def build(self, sizes: Sequence[int]) -> None:
        for size in sizes:
            ours, plain = paired(self.build_command(size), self.baseline_command(size), self.runs, self.env)
            self.builds[size], self.baselines[size] = ours, plain
            mine, theirs, ratio = medians(ours, plain)
            budget_line(f"handbook build, {size} routines", mine, "plain multiBuild", theirs, ratio,
                        BUILD_BUDGET if size == 200 else None)
            print(f"    ({len(ours)} pairs; handbook {spread(ours)} s, multiBuild {spread(plain)} s)")

    def bundled(self) -> None:
        ours = Command("handbook build, bundled", handbook("build", "--content", str(BUNDLED), "--out",
                                                           str(self.root / "out-bundled")))
        floor = Command("import floor", [sys.executable, "-c", "import yaml, reportlab.platypus"])
        mine, theirs, ratio = medians(*paired(ours, floor, self.quick_runs, self.env))
        budget_line("handbook build, bundled content", mine, "import yaml, reportlab.platypus", theirs, ratio,
                    FLOOR_BUDGET)

    def version(self) -> None:
        script = Path(sys.executable).parent / "handbook"
        argv = [str(script), "--version"] if script.exists() else handbook("--version")
        ours = Command("handbook --version", argv)
        floor = Command("import yaml", [sys.executable, "-c", "import yaml"])
        mine, theirs, ratio = medians(*paired(ours, floor, self.quick_runs, self.env))
        budget_line(f"{'handbook' if script.exists() else 'python -m handbook'} --version", mine, "import yaml",
                    theirs, ratio, FLOOR_BUDGET)

    def cards(self) -> None:
        """`handbook cards` of 200 routines, paired with the reportlab import floor to show the machine's pace."""
        cards = Command("handbook cards, 200 routines",
                        handbook("cards", "--content", str(self.content(200)), "--out", str(self.root / "cards")))
        floor = Command("import floor", [sys.executable, "-c", "import yaml, reportlab.platypus"])
        ours, floors = paired(cards, floor, self.runs, self.env)
        median = statistics.median(r.seconds for r in ours)
        cpu = statistics.median(r.cpu for r in ours)
        day, today, today_cpu = CARDS_TODAY
        ratio = median / today
        print(f"handbook cards, 200 routines: {seconds(median)} vs {day} {seconds(today)} = {ratio:.2f}x "
              f"(budget <= {CARDS_BUDGET:g}x) {verdict(ratio <= CARDS_BUDGET)}")
        print(f"    ({len(ours)} runs, {spread(ours)} s; CPU {cpu:.2f} s vs {today_cpu:.1f} s on {day} = "
              f"{cpu / today_cpu:.2f}x; import floor in the same rounds "
              f"{seconds(statistics.median(r.seconds for r in floors))}; peak {max(r.peak_mb for r in ours):.0f} MB)")

    def memory(self) -> None:
        ours = self.builds.get(200) or [run(self.build_command(200), self.env)]
        peak = max(r.peak_mb for r in ours)
        print(f"peak memory, handbook build of 200 routines: {peak:.0f} MB (budget < {MEMORY_BUDGET_MB:g} MB) "
              f"{verdict(peak < MEMORY_BUDGET_MB)}")
        if 200 in self.baselines:
            print(f"    (plain multiBuild: {max(r.peak_mb for r in self.baselines[200]):.0f} MB)")

    def profile(self, size: int, lines: int) -> None:
        """Where the time of one build goes: cProfile of the command, the functions with the most own time."""
        out = self.root / "build.prof"
        command = self.build_command(size)
        argv = [sys.executable, "-m", "cProfile", "-o", str(out), *command.argv[1:]]
        run(Command(f"profile of {command.label}", argv), self.env)
        print(f"\nprofile of {command.label} (cProfile adds its own overhead):")
        stats = pstats.Stats(str(out))
        total = stats.total_tt  # type: ignore[attr-defined]
        print(f"    {total:.2f} s in all; own time (tottime) first, then time with callees (cumtime)")
        stats.sort_stats("tottime").print_stats(lines)
        stats.sort_stats("cumulative").print_stats(lines)


def timed_section(name: str, action: Callable[[], None]) -> None:
    start = time.perf_counter()
    action()
    print(f"    [{name}: {time.perf_counter() - start:.0f} s]")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="pairs of each build and of cards (default %(default)s)")
    parser.add_argument("--quick-runs", type=int, default=9,
                        help="pairs of each quick command: bundled build, --version (default %(default)s)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200], help="routines (default: 20 200)")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only this section (repeatable)")
    parser.add_argument("--profile", type=int, metavar="LINES", help="also profile one build of the largest size")
    args = parser.parse_args()
    sections = args.only or list(SECTIONS)
    print(f"{os.cpu_count()} cores, python {sys.version.split()[0]}, load average "
          + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        bench = Bench(Path(tmp), args.runs, args.quick_runs)
        bench.warm()
        actions: dict[str, Callable[[], None]] = {
            "build": lambda: bench.build(args.sizes), "bundled": bench.bundled, "version": bench.version,
            "cards": bench.cards, "memory": bench.memory,
        }
        for name in SECTIONS:
            if name in sections:
                timed_section(name, actions[name])
        if args.profile:
            bench.profile(max(args.sizes), args.profile)
    print("load average " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))


if __name__ == "__main__":
    main()
