"""Making many cards: a patients' CSV file, and a process pool that renders on every core.

A card takes a few milliseconds to draw, so a few hundred of them are worth two
processes; fewer are drawn in this one, because starting workers costs more than it
saves. Workers are forked after the content is loaded and the fonts registered, so they
start warm, and each writes its own cards: only a short line per card comes back, and
memory stays flat however many cards there are. Cards are made in chunks of up to
`CHUNK`, written together with one flush to disk (`output.write_many`): waiting for the
disk once per file cost more than drawing the card.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from handbook.commands.cards import (
    OVERRIDES,
    CardJob,
    Outcome,
    card_path,
    check_personal,
    check_slugs,
    personal_routine,
)
from handbook.content.schema import did_you_mean
from handbook.errors import HandbookError, display_path
from handbook.layout.card import CardDoesNotFit, CardRequest, render_card, tick_weeks
from handbook.model import Content
from handbook.output.files import ensure_folder, write_many

POOL_MIN = 24  # below this many cards, one process is quicker than starting workers
CHUNK = 32  # cards written (and flushed to disk) together; a worker holds at most this many PDFs
MAX_WORKERS = 8
MAX_CSV_BYTES = 5_000_000
MAX_ROWS = 20_000
COLUMNS = ("name", "routine", *OVERRIDES, "note")
ALIASES = {"patient": "name", "slug": "routine", "hold_seconds": "hold", "times_per_day": "times_a_day"}

_worker_content: Content | None = None  # set once in each worker process


def request(content: Content, job: CardJob) -> CardRequest:
    """The card a job asks for: the routine with the patient's dose, name and note."""
    personal = job.personal
    routine = content.routine(job.slug)
    weeks = personal.weeks
    if personal.dose:
        routine = personal_routine(routine, personal)
    return CardRequest(
        routine=routine,
        clinic=content.book.clinic,
        paper=job.paper,
        weeks=weeks if weeks is not None else tick_weeks(routine),
        patient=personal.name,
        note=personal.note,
        reviewed=routine.reviewed or content.book.reviewed,
        personal_dose=any(key != "weeks" for key in personal.dose),
        language=content.book.language,
        large_print=job.large_print,
    )


def make_chunk(content: Content, jobs: Sequence[CardJob]) -> list[Outcome]:
    """Render a few cards and write them together (`write_many`: one flush to disk), one outcome each.

    Never raises for a card that does not fit or a file that cannot be written: those are
    outcomes too, and the other cards are still made.
    """
    outcomes: list[Outcome | None] = []
    files: list[tuple[Path, bytes]] = []
    for job in jobs:
        try:
            files.append((job.path, render_card(request(content, job))))
            outcomes.append(None)
        except CardDoesNotFit as exc:
            problem = exc.problem
            outcomes.append(Outcome(False, f"{job.label}: {problem.message}" if job.label else str(problem)))
    errors = iter(write_many(files))
    done = []
    for job, outcome in zip(jobs, outcomes, strict=True):
        if outcome is None:
            error = next(errors)
            outcome = Outcome(False, str(error)) if error else Outcome(True, f"wrote {display_path(job.path)}")
        done.append(outcome)
    return done


def run(content: Content, jobs: list[CardJob], workers: int | None = None) -> Iterator[Outcome]:
    """Make every job's card, in order; in a process pool when there are enough of them."""
    for folder in dict.fromkeys(job.path.parent for job in jobs):
        ensure_folder(folder)  # a bad --out is one error, not one per card
    workers = workers if workers is not None else _cores()
    if workers < 2 or len(jobs) < POOL_MIN:
        for chunk in _chunks(jobs, CHUNK):
            yield from make_chunk(content, chunk)
        return
    from handbook.layout import styles

    styles.register_fonts()  # once, before the fork, so workers start warm
    size = max(1, min(CHUNK, len(jobs) // (workers * 4)))  # a few chunks per worker, so they finish together
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker,
                             initargs=(content,)) as pool:
        for outcomes in pool.map(_make_in_worker, _chunks(jobs, size)):
            yield from outcomes


def _chunks(jobs: list[CardJob], size: int) -> Iterator[list[CardJob]]:
    for start in range(0, len(jobs), size):
        yield jobs[start:start + size]


@dataclass
class _CsvFile:
    """A patients' file as read: records with the line each starts on, the raw lines, the delimiter."""

    path: Path
    records: list[tuple[int, list[str]]]
    lines: list[str]
    delimiter: str

    def cell_columns(self, line: int, names: list[str]) -> dict[str, int]:
        """The 1-based column where each cell of the record on `line` starts, for messages."""
        raw = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        starts = [1]
        quoted = False
        for index, char in enumerate(raw):
            if char == '"':
                quoted = not quoted
            elif char == self.delimiter and not quoted:
                starts.append(index + 2)
        return {name: starts[i] for i, name in enumerate(names) if i < len(starts)}


def patient_cards(content: Content, csv_path: Path, paper: str | None, out_dir: Path,
                  large_print: bool = False) -> Iterator[Outcome]:
    """One card per row of a patients' CSV file; bad rows are reported with their line, good ones made.

    The file itself (unreadable, not UTF-8, no name or routine column, an unknown column)
    is an error before anything is written. Outcomes come in the order of the rows.
    """
    planned = plan_patient_cards(content, csv_path, paper, out_dir, large_print)
    made = run(content, [item for item in planned if isinstance(item, CardJob)])
    for item in planned:
        yield next(made) if isinstance(item, CardJob) else item


def plan_patient_cards(content: Content, csv_path: Path, paper: str | None, out_dir: Path,
                       large_print: bool = False) -> list[CardJob | Outcome]:
    """The card each row of a patients' file asks for, or the row's problems, in the order of the rows."""
    table = _read_csv(csv_path)
    header_line, header = table.records[0]
    names = _columns(csv_path, header_line, header)
    paper = paper or content.book.paper
    planned: list[CardJob | Outcome] = []
    seen: dict[Path, int] = {}
    for line, cells in table.records[1:]:
        if any(cell.strip() for cell in cells):
            planned.append(_plan_row(content, table, names, line, cells, paper, out_dir, seen, large_print))
    return planned


def _plan_row(content: Content, table: _CsvFile, names: list[str], line: int, cells: list[str], paper: str,
              out_dir: Path, seen: dict[Path, int], large_print: bool = False) -> CardJob | Outcome:
    """The card one row asks for, or every problem of the row."""
    shown = display_path(table.path)
    if len(cells) > len(names):
        return Outcome(False, f"{shown}:{line}: has {len(cells)} cells but the header has {len(names)}; "
                              "check for a stray comma")
    values = dict(zip(names, cells, strict=False))
    cols = table.cell_columns(line, names)
    slug = values.get("routine", "").strip()
    messages = [f"{shown}:{line}:{cols.get('routine', 1)}: routine: {m}" for m in check_slugs(content, [slug])]
    if not values.get("name", "").strip():
        messages.append(f"{shown}:{line}:{cols.get('name', 1)}: name: is empty; every row needs the patient's name")
    personal, problems = check_personal({k: v for k, v in values.items() if k != "routine"}, table.path, line, cols)
    messages += [str(p) for p in problems]
    if messages or personal is None:
        return Outcome(False, "\n".join(messages))
    path = card_path(out_dir, slug, personal, large_print)
    if path in seen:
        return Outcome(False, f"{shown}:{line}: the same patient and routine as line {seen[path]} "
                              f"({display_path(path)}); this row was skipped")
    seen[path] = line
    return CardJob(slug, paper, path, personal, label=f"{shown}:{line}", large_print=large_print)


def _read_csv(path: Path) -> _CsvFile:
    """Every record with the line it starts on, the header first; file-level problems raise."""
    shown = display_path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise HandbookError(f"{shown}: cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_CSV_BYTES:
        raise HandbookError(f"{shown}: the file is larger than 5 MB; split it into smaller files")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise HandbookError(f"{shown}:{line}: the file is not UTF-8 text; save it as 'CSV UTF-8'") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # Excel writes ';' in some countries
    # strict: a quote never closed is an error at the row it opens, not the rest of the file in one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        while True:
            start = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                break
            records.append((start, cells))
            if len(records) > MAX_ROWS + 1:
                raise HandbookError(f"{shown}: more than {MAX_ROWS} rows; split the file")
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise HandbookError(f"{shown}:{start}: a quote (\") opened in this row is never closed; "
                                "close it or remove it") from None
        raise HandbookError(f"{shown}:{start}: cannot read the row: {exc}") from None
    if not records or not any(cell.strip() for cell in records[0][1]):
        raise HandbookError(f"{shown}: the first line must name the columns, e.g. 'name,routine,reps'")
    return _CsvFile(path, records, text.splitlines(), delimiter)


def _columns(path: Path, line: int, header: list[str]) -> list[str]:
    """The header's column names, normalised ("Times a day" -> times_a_day); unknown ones refused."""
    shown = display_path(path)
    names: list[str] = []
    problems = []
    for cell in header:
        name = "_".join(cell.strip().lower().replace("-", " ").split())
        name = ALIASES.get(name, name)
        if name not in COLUMNS:
            hint = did_you_mean(name, COLUMNS) or f"; the columns are {', '.join(COLUMNS)}"
            problems.append(f"{shown}:{line}: unknown column '{cell.strip()}'{hint}")
        elif name in names:
            problems.append(f"{shown}:{line}: column '{name}' appears twice")
        names.append(name)
    for required in ("name", "routine"):
        if required not in names:
            problems.append(f"{shown}:{line}: the file needs a '{required}' column")
    if problems:
        raise HandbookError("\n".join([*problems, "stopped: nothing was written"]))
    return names


def _cores() -> int:
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    return min(count, MAX_WORKERS)


def _context() -> multiprocessing.context.BaseContext:
    """Fork where there is fork (workers inherit the loaded content); spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start_worker(content: Content) -> None:
    global _worker_content
    _worker_content = content


def _make_in_worker(jobs: list[CardJob]) -> list[Outcome]:
    assert _worker_content is not None
    return make_chunk(_worker_content, jobs)

