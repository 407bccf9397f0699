"""Value specs: how one YAML node is checked, and how it is described in JSON Schema.

A spec checks a located `Node`, reports every problem into a `Checker` with the
node's line and column, and returns a plain Python value (or `INVALID`). The same spec
objects produce the JSON Schema that editors use, so the two cannot drift apart.
The field tables themselves live in `fields.py`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import images
from .errors import Problem, display_path
from .model import Amount, Picture, Where
from .yamlread import Node

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PLACEHOLDER = "TODO"


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Checker:
    """Collects problems and field places while one file is checked."""

    path: Path
    root: Path  # the content folder, for picture paths
    problems: list[Problem] = field(default_factory=list)
    places: dict[str, Where] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)  # what specs may look names up in ("poses")

    def error(self, line: int, col: int, name: str, message: str) -> Any:
        self.problems.append(Problem(self.path, line, col, name, message))
        return INVALID

    def warn(self, line: int, col: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, col, name, message, "warning"))

    def place(self, name: str, node: Node) -> None:
        self.places[name] = Where(self.path, node.line, node.col)


def describe(node: Node) -> str:
    """How a wrong value is shown in a message: the text itself, or its kind."""
    if node.kind == "seq":
        return "a list"
    if node.kind == "map":
        return "a mapping"
    if node.value is None:
        return "nothing"
    text = node.text if len(node.text) <= 40 else node.text[:37] + "..."
    return repr(text) if isinstance(node.value, str) else text


class Spec:
    """Base of all value specs."""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass
class Text(Spec):
    """A piece of text; one line unless `multiline`; never empty, never a number."""

    max_len: int = 300
    multiline: bool = False
    min_len: int = 1
    what: str = "text"

    def check(self, node: Node, name: str, ck: Checker) -> Any:
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
        hint = _did_you_mean(str(node.text), self.values)
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
        return {"oneOf": [number, pair]}


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
    if isinstance(node.value, float) and not node.value.is_integer():
        return ck.error(node.line, node.col, name, f"expected a whole number{units}, got {node.text}")
    value = int(node.value)
    if not low <= value <= high:
        return ck.error(node.line, node.col, name, f"must be from {low} to {high}{units}, got {node.text}")
    return value


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
            if self.pattern.fullmatch(text) and len(text) <= 2000:
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
        root = ck.root.resolve()
        target = (root / rel).resolve()
        if Path(rel).is_absolute() or not target.is_relative_to(root):
            return ck.error(
                node.line, node.col, name, f"'{rel}' is outside the content folder; keep pictures inside it"
            )
        if not target.is_file():
            return ck.error(node.line, node.col, name, f"no such file '{rel}' in {display_path(ck.root)}")
        info = images.sniff(target)
        if isinstance(info, str):
            return ck.error(node.line, node.col, name, f"'{rel}': {info}")
        ck.place(name, node)
        return (target, info)

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "(?i)\\.(png|jpe?g|svg)$"}


@dataclass
class ListOf(Spec):
    """A list of items of one spec, with a minimum and maximum length."""

    item: Spec
    min_items: int = 0
    max_items: int = 50
    unique: bool = False

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "scalar" and node.value is None:
            items: list[Node] = []
        elif node.kind != "seq":
            return ck.error(
                node.line, node.col, name, f"expected a list (lines starting with '- '), got {describe(node)}"
            )
        else:
            items = node.value
        if len(items) < self.min_items:
            need = "at least one item" if self.min_items == 1 else f"at least {self.min_items} items"
            return ck.error(node.line, node.col, name, f"is empty; it needs {need}")
        if len(items) > self.max_items:
            return ck.error(node.line, node.col, name, f"has {len(items)} items; the most allowed is {self.max_items}")
        ck.place(name, node)
        values = []
        seen: dict[Any, int] = {}
        for number, item in enumerate(items, start=1):
            value = self.item.check(item, f"{name}[{number}]", ck)
            if self.unique and value is not INVALID:
                if value in seen:
                    ck.error(
                        item.line, item.col, f"{name}[{number}]", f"'{value}' is listed twice (also item {seen[value]})"
                    )
                seen.setdefault(value, number)
            values.append(value)
        return INVALID if any(v is INVALID for v in values) else tuple(values)

    def json(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json(), "maxItems": self.max_items}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema


@dataclass(frozen=True)
class Field:
    """One named field of a record: its spec, whether required, and what it takes."""

    name: str
    spec: Spec
    help: str
    required: bool = False
    example: str = ""  # how `handbook new` writes it (YAML text), "" for a placeholder


@dataclass
class Record(Spec):
    """A mapping with a fixed table of fields; unknown keys get a "did you mean"."""

    fields: Sequence[Field]
    one_of: tuple[str, ...] = ()  # at least one of these must be present
    title: str = ""
    exclusive: tuple[str, ...] = ()  # at most one of these may be present

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind != "map":
            return ck.error(node.line, node.col, name, f"expected a mapping of fields, got {describe(node)}")
        prefix = f"{name}." if name else ""
        known = {f.name: f for f in self.fields}
        result: dict[str, Any] = {}
        ok = True
        for key, entry in node.value.items():
            spec_field = known.get(key)
            if spec_field is None:
                hint = _did_you_mean(key, list(known))
                ck.error(entry.key_line, entry.key_col, prefix + key, f"unknown field{hint}")
                ok = False
                continue
            value_node = entry.value
            empty = value_node.kind == "scalar" and value_node.value is None and not value_node.quoted
            if empty and not isinstance(spec_field.spec, ListOf):  # an empty list is checked below
                if spec_field.required:
                    ck.error(value_node.line, value_node.col, prefix + key, "is empty; " + spec_field.help)
                    ok = False
                continue  # an optional field left empty is simply not set
            value = spec_field.spec.check(value_node, prefix + key, ck)
            if value is INVALID:
                ok = False
            else:
                result[key] = value
        for spec_field in self.fields:
            if spec_field.required and spec_field.name not in node.value:
                where = f"in {name}" if name else "in this file"
                ck.error(
                    node.line,
                    node.col,
                    prefix + spec_field.name,
                    f"required field is missing {where}; {spec_field.help}",
                )
                ok = False
        if self.one_of and ok and not any(result.get(n) is not None for n in self.one_of):
            ck.error(node.line, node.col, name or "(file)", f"needs at least one of: {', '.join(self.one_of)}")
            ok = False
        given = [key for key, entry in node.value.items()  # in the order written, left empty or not
                 if key in self.exclusive and not (entry.value.kind == "scalar" and entry.value.value is None
                                                   and not entry.value.quoted)]
        if len(given) > 1:
            second = node.value[given[1]]
            ck.error(second.key_line, second.key_col, prefix + given[1],
                     f"give {' or '.join(n for n in self.exclusive if n in given)}, not both; keep one")
            ok = False
        if name:
            ck.place(name, node)
        return result if ok else INVALID

    def json(self) -> dict[str, Any]:
        props = {}
        for f in self.fields:
            sub = f.spec.json()
            props[f.name] = (
                {"description": f.help, **sub}
                if f.required
                else {"description": f.help, "anyOf": [sub, {"type": "null"}]}
            )
        schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        if self.one_of:
            schema["anyOf"] = [{"required": [n]} for n in self.one_of]
        if self.exclusive:
            pairs = [[a, b] for i, a in enumerate(self.exclusive) for b in self.exclusive[i + 1 :]]
            schema["not"] = {"anyOf": [{"required": pair} for pair in pairs]}
        if self.title:
            schema["title"] = self.title
        return schema


@dataclass
class TextOrRecord(Spec):
    """Either plain text (short form) or a record whose `text_field` holds the text."""

    text: Text
    record: Record
    text_field: str = "text"

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "map":
            return self.record.check(node, name, ck)
        value = self.text.check(node, name, ck)
        if value is INVALID:
            return INVALID
        ck.place(f"{name}.{self.text_field}", node)
        return {self.text_field: value}

    def json(self) -> dict[str, Any]:
        return {"oneOf": [self.text.json(), self.record.json()]}


def picture_from(value: dict[str, Any]) -> Picture:
    """Build a `Picture` from a checked picture record."""
    target, info = value["file"]
    caption = value["caption"]
    return Picture(target, caption, value.get("alt") or caption, info.width, info.height, info.kind)


def _did_you_mean(word: str, options: Sequence[str]) -> str:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not matches:
        lowered = word.lower()
        matches = [o for o in options if o.startswith(lowered) or lowered.startswith(o)][:1]
    return f"; did you mean '{matches[0]}'?" if matches else ""


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """ "; did you mean 'x'?" for the closest option, or "" when nothing is close."""
    return _did_you_mean(word, options)
