"""YAML syntax errors told where the writer must look, with the fix when the cause is a usual one.

The parser stops where it noticed the problem, which is often not where it is:

- a quote never closed runs on into the lines below, so the parser stops at the end of
  the file or at the next quote, lines later; the message names the line where the quote
  opened instead;
- a colon and a space inside plain text (`text: Stretch: hamstring`) makes YAML read a
  second key; the message says to put the text in quotes, and shows it quoted.

Everything else is the parser's own words at the parser's place.
"""

from __future__ import annotations

import re

import yaml

# Where a value begins on a line: after `key: `, after `- ` (one or more), or first in a flow list or mapping.
_VALUE_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s#'\"\[\]{},][^#]*?:\s+)?(?:[\[{]\s*)?(?=[\"'])")
# A line that reads as YAML structure: a key (`when: `) or a list item (`- `).
_STRUCTURE = re.compile(r"^\s*(?:-\s|[A-Za-z_][\w-]*:(?:\s|$))")


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """The 1-based line and column to blame for a syntax error, and the message."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    lines = text.splitlines()
    quote = unclosed_quote(lines, line)
    if quote is not None:
        quote_line, quote_col, char = quote
        return quote_line, quote_col, (f"YAML syntax: the quote {char} that opens here is never closed; "
                                       f"end the text with {char} on the same line")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source[:col] or "\t" in (exc.problem or ""):
        return line, col, "YAML syntax: found a tab character; indent with spaces only"
    problem = (exc.problem or "invalid YAML").strip()
    if problem.startswith("mapping values are not allowed"):
        hint = colon_hint(source, col)
        if hint:
            return line, col, hint
    context = (exc.context or "").strip()
    detail = f"{problem} {context}" if context and context not in problem else problem
    return line, col, f"YAML syntax: {detail}"


def unclosed_quote(lines: list[str], before: int) -> tuple[int, int, str] | None:
    """The first quoted value, on a line up to `before`, that is not closed on its own line and
    runs on over what reads as YAML structure: (line, column, quote), or None.

    A quoted text may go on over several lines in YAML, so a quote still open at the end
    of its line is only blamed when what it runs on over, up to where it closes (if it
    ever does), has keys or list items in it: those it swallowed.
    """
    for number, line in enumerate(lines[:before], start=1):
        match = _VALUE_START.search(line)
        if match is None:
            continue
        start = match.end()
        char = line[start]
        if _closes(line[start + 1:], char) is not None:
            continue
        swallowed = []
        for later in lines[number:]:
            end = _closes(later, char)
            swallowed.append(later if end is None else later[:end])
            if end is not None:
                break
        if not swallowed or any(_STRUCTURE.match(text) for text in swallowed):
            return number, start + 1, char
    return None


def colon_hint(source: str, col: int) -> str:
    """The fix for a colon and a space inside plain text, or "" when the line does not read so.

    It reads so when the colon comes after a key's own, in a value that is not quoted.
    """
    key = re.match(r"^(\s*(?:-\s+)*)([^\s#'\"][^#:]*?):\s+([^\s'\"].*)$", source)
    if key is None or len(key.group(1)) + len(key.group(2)) + 1 >= col:  # the colon is the key's own
        return ""
    value = re.split(r"\s+#", key.group(3), maxsplit=1)[0].rstrip()
    return f"YAML syntax: {quote_it(value, key.group(2))}"


def quote_it(text: str, key: str = "") -> str:
    """The fix for text that YAML read as a key because of the colon and space in it: quote it."""
    written = f"{key}: {_quoted(text)}" if key else _quoted(text)
    return f"a colon and a space inside text start a new key; put the whole text in quotes: {written}"


def _closes(rest: str, char: str) -> int | None:
    """Where in `rest` (the line after an opening quote) the quote closes, or None."""
    index = 0
    while index < len(rest):
        if char == '"' and rest[index] == "\\":
            index += 2
            continue
        if rest[index] == char:
            if char == "'" and rest[index + 1:index + 2] == "'":  # '' is a quote inside single quotes
                index += 2
                continue
            return index
        index += 1
    return None


def _quoted(value: str) -> str:
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
