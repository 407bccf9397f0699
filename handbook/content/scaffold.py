"""`handbook new`: a routine file with every field present and a comment on each.

The scaffold is written from the same field table the loader checks against, so it
always names every field. Required text holds a ``TODO:`` placeholder that `handbook
check` refuses until it is replaced; optional fields are left empty (not set).
"""

from __future__ import annotations

from handbook.content import fields
from handbook.content.schema import Field, ListOf, Record, TextOrRecord

HEADER = """\
# yaml-language-server: $schema=schema/routine.schema.json
# A new routine. Replace every TODO, fill in what applies, then run `handbook check`.
# Fields marked Optional may be left empty. Lists are lines starting with "- ".
"""


def routine_scaffold() -> str:
    """The text of a new routine file."""
    lines: list[str] = []
    for spec_field in fields.ROUTINE.fields:
        lines.append("")
        lines.extend(_field(spec_field, indent=""))
    return HEADER + "\n".join(lines) + "\n"


def _comment(spec_field: Field) -> str:
    optional = "" if spec_field.required else " Optional."
    return f"{spec_field.help[0].upper()}{spec_field.help[1:]}.{optional}"


def _field(spec_field: Field, indent: str) -> list[str]:
    name, spec = spec_field.name, spec_field.spec
    head = f"{indent}# {_comment(spec_field)}"
    if isinstance(spec, Record):
        if not spec_field.required:
            names = ", ".join(f.name for f in spec.fields)
            return [head, f"{indent}#   It takes: {names}.", f"{indent}{name}:"]
        body = [line for f in spec.fields for line in _field(f, indent + "  ")]
        return [head, f"{indent}{name}:", *body]
    if isinstance(spec, ListOf):
        return [head, *_list(name, spec, spec_field, indent)]
    if spec_field.example:
        return [head, f"{indent}{name}: {spec_field.example}"]
    if spec_field.required:
        return [head, f'{indent}{name}: "TODO: {spec_field.help}"']
    return [head, f"{indent}{name}:"]


def _list(name: str, spec: ListOf, spec_field: Field, indent: str) -> list[str]:
    item = spec.item
    if isinstance(item, TextOrRecord):  # steps: show both forms
        record = item.record
        extra = [f"{indent}    {f.name}:  # {_comment(f)}" for f in record.fields if f.name != "text"]
        return [
            f"{indent}{name}:",
            f'{indent}  - "TODO: the first action, e.g. Lie on your back with your knees bent."',
            f'{indent}  - text: "TODO: the next action; a step may also carry a hold, breaths or a picture."',
            *extra,
        ]
    if isinstance(item, Record):
        body = [line for f in item.fields for line in _field(f, indent + "    ")]
        first = next(i for i, line in enumerate(body) if not line.lstrip().startswith("#"))
        body[first] = f"{indent}  - {body[first].lstrip()}"
        return [f"{indent}{name}:", *body]
    if spec.min_items:
        return [f"{indent}{name}:", f'{indent}  - "TODO: {spec_field.help}"']
    example = spec_field.example or "[]"
    return [f"{indent}{name}: {example}"]


PLAN_HEADER = """\
# One patient's programme. `handbook plan {file}` prints it as one PDF (a first page,
# a card for each exercise, a weekly log) and a plain-text summary for the clinical notes.
# Fill in the patient and the exercises, then run it. Fields marked Optional may be left empty.
# This file holds patient data: keep it on the clinic's computer, out of git and e-mail.
"""


def plan_scaffold(file: str, routines: list[str], schema: str | None = None) -> str:
    """The text of a new plan file: every field of `fields.PLAN` with a comment on each, and one
    exercise (`routines[0]` when there is one; the others are listed in a comment)."""
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    head += PLAN_HEADER.format(file=file)
    if routines:
        head += f"# The routines you can name: {', '.join(routines)}.\n"
    lines: list[str] = []
    for spec_field in fields.PLAN.fields:
        lines.append("")
        if spec_field.name == "exercises":
            lines += [f"# {_comment(spec_field)} Copy the lines of one exercise for the next.", "exercises:"]
            for number, item in enumerate(fields.EXERCISE.fields):
                value = (routines[0] if routines else "") if item.name == "routine" else ""
                lead = "  - " if number == 0 else "    "
                lines += [f"    # {_comment(item)}", f"{lead}{item.name}:{' ' + value if value else ''}"]
        elif spec_field.name == "patient":
            lines += [f"# {_comment(spec_field)}", "patient:"]
        else:
            lines += [f"# {_comment(spec_field)}", f"{spec_field.name}:"]
    return head + "\n".join(lines) + "\n"
