"""Specs of single values: text, words from a list, numbers and ranges, dates, links,
slugs and picture files. Each checks one located `Node` into a plain value or `INVALID`,
reporting problems with their place, and describes itself in JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.content import images
from handbook.content.folder import OUTSIDE_LINK, leads_outside
from handbook.content.schema import INVALID, SLUG_RE, Checker, Spec, describe, did_you_mean, mapping_meant_as_text
from handbook.content.yamlread import Node, resolve_plain, whole_number
from handbook.content.yamlsyntax import quote_it
from handbook.errors import display_path, printable
from handbook.model import BLANK, Amount, Picture

PLACEHOLDER = "TODO"


@dataclass
class Text(Spec):
    """A piece of text; one line unless `multiline`; never empty, never a number."""

    max_len: int = 300
    multiline: bool = False
    min_len: int = 1
    what: str = "text"

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        meant = mapping_meant_as_text(node)
        if meant:
            return ck.error(node.line, node.col, name, f"expected {self.what}, got a mapping: {quote_it(meant)}")
        if node.kind != "scalar" or node.value is None or isinstance(node.value, bool):
            return ck.error(node.line, node.col, name, f"expected {self.what}, got {describe(node)}")
        if not isinstance(node.value, str):
            return ck.error(
                node.line,
                node.col,
                name,
                f"expected {self.what}, got the number {node.text}; put it in quotes if it is meant as text",
            )
        value = unicodedata.normalize("NFC", node.value.strip())
        bad = forbidden_character(value)
        if bad:
            return ck.error(node.line, node.col, name, bad)
        if len(value) < self.min_len:
            return ck.error(node.line, node.col, name, f"is empty; expected {self.what}")
        if value.startswith(PLACEHOLDER):
            return ck.error(
                node.line, node.col, name, "still holds the placeholder from 'handbook new'; write the real text"
            )
        if not self.multiline and "\n" in value:
            return ck.error(node.line, node.col, name, "must be a single line")
        if len(value) > self.max_len:
            return ck.error(
                node.line,
                node.col,
                name,
                f"is {len(value)} characters long; keep it under {self.max_len}",
            )
        ck.place(name, node)
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "minLength": self.min_len, "maxLength": self.max_len}


@dataclass
class Choice(Spec):
    """One of a fixed set of words."""

    values: tuple[str, ...]

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "scalar" and isinstance(node.value, str) and node.value in self.values:
            ck.place(name, node)
            return node.value
        hint = did_you_mean(str(node.text), self.values)
        options = ", ".join(self.values)
        return ck.error(node.line, node.col, name, f"expected one of {options}, got {describe(node)}{hint}")

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.values)}


@dataclass
class Integer(Spec):
    """A whole number within a range."""

    low: int
    high: int
    unit: str = ""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        value = _whole_number(node, name, ck, self.low, self.high, self.unit)
        if value is not INVALID:
            ck.place(name, node)
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


@dataclass
class AmountSpec(Spec):
    """A count or duration: one whole number, or a range written as ``[low, high]``."""

    low: int
    high: int
    unit: str

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "scalar" and node.value == "blank":  # no number in the sources: the clinician writes it
            ck.place(name, node)
            return BLANK
        if node.kind == "scalar" and isinstance(node.value, str) and did_you_mean(node.value.lower(), ("blank",)):
            return ck.error(node.line, node.col, name, f"expected {self.unit} as a number, or blank, got "
                                                       f"{describe(node)}; did you mean 'blank'?")
        if node.kind == "seq":
            items = node.value
            if len(items) != 2:
                return ck.error(
                    node.line,
                    node.col,
                    name,
                    f"a range is two numbers such as [20, 30], got {len(items)} items",
                )
            low = _whole_number(items[0], name, ck, self.low, self.high, self.unit)
            high = _whole_number(items[1], name, ck, self.low, self.high, self.unit)
            if low is INVALID or high is INVALID:
                return INVALID
            if low >= high:
                return ck.error(node.line, node.col, name, f"a range goes from low to high, got [{low}, {high}]")
            ck.place(name, node)
            return Amount(low, high)
        value = _whole_number(node, name, ck, self.low, self.high, self.unit)
        if value is INVALID:
            return INVALID
        ck.place(name, node)
        return Amount(value)

    def json(self) -> dict[str, Any]:
        number = {"type": "integer", "minimum": self.low, "maximum": self.high}
        pair = {"type": "array", "items": number, "minItems": 2, "maxItems": 2}
        return {"oneOf": [number, pair, {"const": "blank"}]}


_RANGE = re.compile(r"\s*(\d+)\s*(?:-|\u2013|to)\s*(\d+)\s*")  # "20-30", "20 – 30", "20 to 30"


def number_node(text: str, line: int, col: int) -> Node:
    """A number or range typed as text ("30", "20-30", "20 to 30") as the node the dose specs check."""
    match = _RANGE.fullmatch(text)
    if match:
        low, high = match.groups()
        items = [Node("scalar", whole_number(low), line, col, text=low),
                 Node("scalar", whole_number(high), line, col, text=high)]
        return Node("seq", items, line, col, text=text)
    stripped = text.strip()
    return Node("scalar", resolve_plain(stripped), line, col, text=stripped)


@dataclass
class PatientAmount(Spec):
    """One patient's dose number, as `card --hold` takes it: a whole number, a range written "20-30"
    (or [20, 30]), checked by the content's own `amount` spec (ranges, units, messages); never
    `blank`, which is for the routine's own dose, where the clinician writes the number in."""

    amount: AmountSpec

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "scalar" and node.value is not None and not isinstance(node.value, bool):
            node = number_node(node.text, node.line, node.col)
        value = self.amount.check(node, name, ck)
        if value is BLANK:
            return ck.error(node.line, node.col, name, "expected a number, got 'blank' (a blank is for the "
                                                       "routine's own dose, where the clinician writes the number in)")
        return value

    def json(self) -> dict[str, Any]:
        number = {"type": "integer", "minimum": self.amount.low, "maximum": self.amount.high}
        pair = {"type": "array", "items": number, "minItems": 2, "maxItems": 2}
        typed = {"type": "string", "pattern": "^\\s*\\d+\\s*(-|\u2013|to)\\s*\\d+\\s*$"}
        return {"oneOf": [number, pair, typed]}


_BIDI_CONTROLS = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
# Unicode's control characters (category Cc: U+0000-U+001F and U+007F-U+009F, a fixed set)
# but the newline, and the bidi controls: one search in C instead of a loop over every character
_MAYBE_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def forbidden_character(text: str) -> str | None:
    """Why the text cannot be printed as it is: a control character or a bidi override."""
    found = _MAYBE_FORBIDDEN.search(text)
    if found is None:
        return None
    for char in text[found.start():]:
        code = ord(char)
        if code in _BIDI_CONTROLS:
            return f"U+{code:04X} ({unicodedata.name(char)}) can reverse how text reads; remove it"
        if unicodedata.category(char) == "Cc" and char != "\n":
            label = "a tab" if char == "\t" else "a control character"
            return f"U+{code:04X} is {label}, which cannot be printed; remove it"
    return None


def _whole_number(node: Node, name: str, ck: Checker, low: int, high: int, unit: str) -> Any:
    units = f" ({unit})" if unit else ""
    if node.kind != "scalar" or isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
        kind = f"{unit} as a number" if unit else "a whole number"
        return ck.error(node.line, node.col, name, f"expected {kind}, got {describe(node)}")
    shown = brief_number(node.text)
    if isinstance(node.value, float) and math.isinf(node.value):
        return ck.error(node.line, node.col, name, f"must be from {low} to {high}{units}, got {shown}")
    if isinstance(node.value, float) and not node.value.is_integer():
        return ck.error(node.line, node.col, name, f"expected a whole number{units}, got {shown}")
    value = int(node.value)
    if not low <= value <= high:
        return ck.error(node.line, node.col, name, f"must be from {low} to {high}{units}, got {shown}")
    return value


def brief_number(text: str, most: int = 24) -> str:
    """A number as written, shortened for a one-line message when it is very long."""
    return text if len(text) <= most else f"{text[:12]}... ({len(text)} characters)"


class Boolean(Spec):
    """true or false."""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "scalar" and isinstance(node.value, bool):
            ck.place(name, node)
            return node.value
        return ck.error(node.line, node.col, name, f"expected true or false, got {describe(node)}")

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Date(Spec):
    """A calendar date written YYYY-MM-DD."""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        text = node.text if node.kind == "scalar" else ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                value = dt.date.fromisoformat(text)
            except ValueError:
                return ck.error(node.line, node.col, name, f"{text} is not a real date")
            ck.place(name, node)
            return value
        return ck.error(node.line, node.col, name, f"expected a date written YYYY-MM-DD, got {describe(node)}")

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


MAX_URL = 2000  # characters: what browsers and QR codes reliably take


class Url(Spec):
    """A web address starting with http:// or https://."""

    pattern = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?|https?://localhost(?::\d+)?(?:[/?#]\S*)?")

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        text = node.value if node.kind == "scalar" and isinstance(node.value, str) else None
        if text is not None:
            text = text.strip()
            bad = forbidden_character(text)
            if bad:
                return ck.error(node.line, node.col, name, bad)
            if self.pattern.fullmatch(text):
                if len(text) > MAX_URL:
                    return ck.error(node.line, node.col, name, f"is too long for a web address ({len(text)} "
                                                               f"characters; at most {MAX_URL}); shorten it")
                ck.place(name, node)
                return text
        return ck.error(
            node.line,
            node.col,
            name,
            f"expected a web address starting with http:// or https://, got {describe(node)}",
        )

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^https?://\\S+$", "format": "uri"}


class Slug(Spec):
    """A lower-case kebab-case name such as ``psoas-release``."""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "scalar" and isinstance(node.value, str) and SLUG_RE.fullmatch(node.value):
            ck.place(name, node)
            return node.value
        return ck.error(
            node.line,
            node.col,
            name,
            f"expected a lower-case name with dashes such as 'psoas-release', got {describe(node)}",
        )

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}


class ImageFile(Spec):
    """A PNG, JPEG or SVG file inside the content folder, written relative to it."""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind != "scalar" or not isinstance(node.value, str) or not node.value.strip():
            return ck.error(
                node.line, node.col, name, f"expected a file name such as images/lunge.png, got {describe(node)}"
            )
        rel = node.value.strip()
        if any(unicodedata.category(char) == "Cc" for char in rel):  # "\0" would stop the system's file calls
            return ck.error(node.line, node.col, name, f"'{printable(rel)}' has a control character, which no file "
                                                       "name has; remove it")
        if Path(rel).is_absolute() or os.path.normpath(rel).split(os.sep)[0] == os.pardir:
            return ck.error(
                node.line, node.col, name, f"'{rel}' is outside the content folder; keep pictures inside it"
            )
        if leads_outside(ck.root / rel, ck.root):  # nothing outside is read, not even to say what it is
            return ck.error(node.line, node.col, name, f"'{rel}' {OUTSIDE_LINK}")
        target = (ck.root / rel).resolve()
        if not target.is_file():
            return ck.error(node.line, node.col, name, f"no such file '{rel}' in {display_path(ck.root)}")
        info = images.sniff(target)
        if isinstance(info, str):
            return ck.error(node.line, node.col, name, f"'{rel}': {info}")
        ck.place(name, node)
        return (target, info)

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "(?i)\\.(png|jpe?g|svg)$"}


def picture_from(value: dict[str, Any]) -> Picture:
    """Build a `Picture` from a checked picture record."""
    target, info = value["file"]
    caption = value["caption"]
    return Picture(target, caption, value.get("alt") or caption, info.width, info.height, info.kind)
