"""`handbook cards --patients FILE.csv`: one personal card per row of a patients' file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from handbook.commands.cardfiles import card_path
from handbook.commands.cardjobs import CardJob, Outcome, check_slugs, make_cards, personal_dose_warnings
from handbook.content.patients import PatientsFile, read_patients
from handbook.content.personal import check_personal, side_problem
from handbook.errors import display_path
from handbook.model import Content


def patient_cards(content: Content, csv_path: Path, paper: str | None, out_dir: Path,
                  large_print: bool = False, strict: bool = False) -> Iterator[Outcome]:
    """One card per row of a patients' CSV file; bad rows are reported with their line, good ones made.

    The file itself (unreadable, not UTF-8, no name or routine column, an unknown column)
    is an error before anything is written. Outcomes come in the order of the rows.
    """
    planned = plan_patient_cards(content, csv_path, paper, out_dir, large_print, strict)
    made = make_cards(content, [item for item in planned if isinstance(item, CardJob)])
    for item in planned:
        yield next(made) if isinstance(item, CardJob) else item


def plan_patient_cards(content: Content, csv_path: Path, paper: str | None, out_dir: Path,
                       large_print: bool = False, strict: bool = False) -> list[CardJob | Outcome]:
    """The card each row of a patients' file asks for, or the row's problems, in the order of the rows.

    A number that makes no sense for the routine is a warning line before the row's card;
    with `strict`, the row is refused instead.
    """
    from handbook.layout.styles import covered  # here: it reads the font files

    table, names = read_patients(csv_path)
    have = covered()
    paper = paper or content.book.paper
    planned: list[CardJob | Outcome] = []
    seen: dict[Path, tuple[int, str | None]] = {}
    for line, cells in table.records[1:]:
        if any(cell.strip() for cell in cells):
            planned += _plan_row(content, table, names, line, cells, paper, out_dir, seen, have, large_print, strict)
    return planned


def _plan_row(content: Content, table: PatientsFile, names: list[str], line: int, cells: list[str], paper: str,
              out_dir: Path, seen: dict[Path, tuple[int, str | None]], covered: frozenset[int],
              large_print: bool = False, strict: bool = False) -> list[CardJob | Outcome]:
    """The card one row asks for (after its warnings), or every problem of the row."""
    shown = display_path(table.path)
    if len(cells) > len(names):
        return [Outcome(False, f"{shown}:{line}: has {len(cells)} cells but the header has {len(names)}; "
                               "check for a stray comma")]
    values = dict(zip(names, cells, strict=False))
    cols = table.cell_columns(line, names)
    slug = values.get("routine", "").strip()
    messages = [f"{shown}:{line}:{cols.get('routine', 1)}: routine: {m}" for m in check_slugs(content, [slug])]
    if not values.get("name", "").strip():
        messages.append(f"{shown}:{line}:{cols.get('name', 1)}: name: is empty; every row needs the patient's name")
    personal, problems = check_personal({k: v for k, v in values.items() if k != "routine"}, table.path, line, cols,
                                        covered)
    messages += [str(p) for p in problems]
    if personal is not None and not messages:
        side = side_problem(content.routine(slug), personal)
        if side:
            messages.append(f"{shown}:{line}:{cols.get('side', 1)}: side: {side}")
    if messages or personal is None:
        return [Outcome(False, "\n".join(messages))]
    label = "" if strict else "warning: "
    warnings = [f"{shown}:{line}:{cols[column]}: {label}{column}: {message}" if column in cols
                else f"{shown}:{line}: {label}the dose {message}"
                for column, message in personal_dose_warnings(content.routine(slug), personal)]
    if warnings and strict:
        return [Outcome(False, "\n".join(warnings))]
    path = card_path(out_dir, slug, personal, large_print)
    if path in seen:
        first_line, first_name = seen[path]
        if first_name == personal.name:
            return [Outcome(False, f"{shown}:{line}: the same patient and routine as line {first_line} "
                                   f"({display_path(path)}); this row was skipped")]
        return [Outcome(False, f"{shown}:{line}: '{personal.name}' would have the card file of '{first_name}' "
                               f"on line {first_line} ({display_path(path)}); write the names so they differ "
                               "in more than accents, capitals or punctuation; this row was skipped")]
    seen[path] = (line, personal.name)
    job = CardJob(slug, paper, path, personal, label=f"{shown}:{line}", large_print=large_print)
    return [*(Outcome(True, warning, warning=True) for warning in warnings), job]
