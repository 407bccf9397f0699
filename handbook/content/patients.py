"""A patients' CSV file, read strictly: one card per row, each row checked where it was typed.

The file as a whole (unreadable, too large, not UTF-8, a quote never closed, no name or
routine column, an unknown column) is an error before anything is written; a bad row is
reported with its line and column, and the other rows still make their cards.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from handbook.content.personal import OVERRIDES
from handbook.content.schema import did_you_mean
from handbook.errors import HandbookError, display_path

MAX_CSV_BYTES = 5_000_000
MAX_ROWS = 20_000
COLUMNS = ("name", "routine", *OVERRIDES, "side", "note")
ALIASES = {"patient": "name", "slug": "routine", "hold_seconds": "hold", "times_per_day": "times_a_day"}


@dataclass
class PatientsFile:
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


def read_patients(path: Path) -> tuple[PatientsFile, list[str]]:
    """The file's records and its column names (normalised: "Times a day" -> times_a_day)."""
    table = _read_csv(path)
    header_line, header = table.records[0]
    return table, _columns(path, header_line, header)


def _read_csv(path: Path) -> PatientsFile:
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
    return PatientsFile(path, records, text.splitlines(), delimiter)


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
