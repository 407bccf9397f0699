"""Specs: how one YAML node is checked, and how it is described in JSON Schema.

A spec checks a located `Node`, reports every problem into a `Checker` with the
node's line and column, and returns a plain Python value (or `INVALID`). The same spec
objects produce the JSON Schema that editors use, so the two cannot drift apart.
This module holds the machinery and the structural specs (lists, records); the specs
of single values (text, numbers, dates, links, pictures) are in `values.py`, and the
field tables in `fields.py`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.content.yamlread import Node
from handbook.content.yamlsyntax import quote_it
from handbook.errors import Problem
from handbook.model import Where

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 64  # characters: a routine's file name, card names and links stay usable (and under 255 bytes)


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


def mapping_meant_as_text(node: Node) -> str:
    """The text a writer meant where YAML read `- Stretch: lie on your back.` as a mapping of one
    key (a list item or a value of plain text with ': ' in it), or "" when it does not read so."""
    if node.kind != "map" or len(node.value) != 1:
        return ""
    ((key, entry),) = node.value.items()
    value = entry.value
    if value.kind != "scalar" or value.quoted or not isinstance(value.value, str) or not value.text:
        return ""
    return f"{key}: {value.text}"


class Spec:
    """Base of all value specs."""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError


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

    text: Spec  # a `values.Text`
    record: Record
    text_field: str = "text"

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        meant = mapping_meant_as_text(node)
        if meant and not any(re.fullmatch(r"[a-z_][a-z0-9_]*", key) for key in node.value):  # not a field's name
            return ck.error(node.line, node.col, name, quote_it(meant))  # `- Stretch: lie down.`
        if node.kind == "map":
            return self.record.check(node, name, ck)
        value = self.text.check(node, name, ck)
        if value is INVALID:
            return INVALID
        ck.place(f"{name}.{self.text_field}", node)
        return {self.text_field: value}

    def json(self) -> dict[str, Any]:
        return {"oneOf": [self.text.json(), self.record.json()]}


def _did_you_mean(word: str, options: Sequence[str]) -> str:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not matches:
        lowered = word.lower()
        matches = [o for o in options if o.startswith(lowered) or lowered.startswith(o)][:1]
    return f"; did you mean '{matches[0]}'?" if matches else ""


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """ "; did you mean 'x'?" for the closest option, or "" when nothing is close."""
    return _did_you_mean(word, options)
