"""Strict YAML reading into located nodes.

We drive libyaml's event parser (``yaml.CSafeLoader`` when PyYAML has it, about ten
times faster than the pure-Python parser) and build the tree ourselves, so that:

- every key and value keeps its 1-based line and column for error messages;
- plain scalars follow YAML 1.2's core schema: ``no``, ``off`` and ``yes`` stay
  strings; there are no octal (``012``), sexagesimal (``1:30``) or timestamp values;
- anchors, aliases, merge keys (``<<``), explicit tags (``!!str``), duplicate keys and
  more than one document are refused instead of silently changing the data;
- absurdly deep nesting is refused before Python's recursion limit is anywhere near.

Every problem is reported as a `Problem`; nothing here raises to the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from handbook.content.yamlsyntax import syntax_problem
from handbook.errors import Problem

try:  # libyaml is the fast path; the pure-Python parser gives the same events.
    LOADER: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    LOADER = yaml.SafeLoader

MAX_BYTES = 1_000_000
MAX_DEPTH = 32

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


@dataclass
class Node:
    """A YAML value with the place it was written.

    ``value`` is a str, int, float, bool or None for scalars, a list of `Node` for
    sequences, and a dict from key text to `Entry` for mappings.
    """

    kind: str  # "scalar", "seq" or "map"
    value: Any
    line: int
    col: int
    quoted: bool = False
    text: str = ""  # a scalar's source text, for messages


@dataclass
class Entry:
    """One key of a mapping: the key's own place and the value node."""

    key_line: int
    key_col: int
    value: Node


@dataclass
class Document:
    """The result of reading one file: its root node, or None, and its problems."""

    path: Path
    root: Node | None
    problems: list[Problem] = field(default_factory=list)


def whole_number(text: str) -> int | float:
    """The whole number written `text` (digits, a sign); past Python's 4,300 digits, infinity
    with its sign: too large for any field, and refused as such by the field's range."""
    try:
        return int(text)
    except ValueError:
        return float("-inf") if text.startswith("-") else float("inf")


def resolve_plain(text: str) -> Any:
    """Type a plain (unquoted) scalar by YAML 1.2 core rules, minus octal/hex."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return whole_number(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def read_yaml(path: Path) -> Document:
    """Read and parse one file strictly; problems are collected, never raised."""
    doc = Document(path, None)

    def problem(line: int, col: int, message: str) -> Document:
        doc.problems.append(Problem(path, line, col, "", message))
        return doc

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return problem(1, 1, f"cannot read the file: {exc.strerror or exc}")
    return read_yaml_bytes(data, path)


def read_yaml_text(text: str, path: Path) -> Document:
    """Read YAML text that was never a file (a plan made from the `serve` form) as strictly as
    a file; `path` names it in messages."""
    return read_yaml_bytes(text.encode("utf-8"), path)


def read_yaml_bytes(data: bytes, path: Path) -> Document:
    """Parse the bytes of one file strictly; problems are collected, never raised."""
    doc = Document(path, None)

    def problem(line: int, col: int, message: str) -> Document:
        doc.problems.append(Problem(path, line, col, "", message))
        return doc

    if len(data) > MAX_BYTES:
        return problem(1, 1, "file is larger than 1 MB; split it or shorten it")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return problem(line, col, f"file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return problem(1, 1, "file is empty; expected a mapping of fields such as 'title: ...'")
    _Builder(doc, text).run()
    if doc.root is not None and doc.root.kind != "map" and not doc.problems:
        what = "a list" if doc.root.kind == "seq" else "a single value"
        problem(doc.root.line, doc.root.col, f"expected a mapping of fields such as 'title: ...', got {what}")
    return doc


class _Stop(Exception):
    """Raised inside the builder after a problem that makes the rest unreadable."""


class _Builder:
    """Builds `Node`s from parser events, refusing what strict YAML forbids."""

    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text

    def fail(self, mark: Any, message: str) -> _Stop:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.doc.problems.append(Problem(self.doc.path, line, col, "", message))
        return _Stop()

    def run(self, loader: Any = None) -> None:
        try:
            self.events = yaml.parse(self.text, Loader=loader or LOADER)
            self.build_stream()
        except _Stop:
            pass
        except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as a raw control character
            position = max(0, min(exc.position, len(self.text)))
            line = self.text.count("\n", 0, position) + 1
            col = position - (self.text.rfind("\n", 0, position) + 1) + 1
            code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
            self.doc.problems.append(Problem(self.doc.path, line, col, "",
                                             f"character U+{code:04X} is not allowed in a YAML file; remove it"))
        except yaml.MarkedYAMLError as exc:
            if "maximum nesting depth" in str(exc) and loader is None and LOADER is not yaml.SafeLoader:
                # libyaml (PyYAML 6.0.4 on) has a nesting limit of its own, and its scanner reads a
                # run of '[' far ahead before the first event reaches us. The pure-Python parser
                # hands events over as it goes, so our own limit is met at its place; it is slower,
                # but only such a file ever takes this path.
                self.doc.root = None
                self.run(yaml.SafeLoader)
                return
            line, col, message = syntax_problem(exc, self.text)
            self.doc.problems.append(Problem(self.doc.path, line, col, "", message))
        except yaml.YAMLError as exc:  # pragma: no cover - unmarked reader errors
            self.fail(None, f"YAML syntax: {exc}")
        except RecursionError:  # pragma: no cover - MAX_DEPTH stops us long before
            self.fail(None, f"nesting is deeper than {MAX_DEPTH} levels")

    def build_stream(self) -> None:
        next(self.events)  # StreamStartEvent
        documents = 0
        for event in self.events:
            if isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail(event.start_mark, "only one YAML document per file; remove the second '---'")
                self.doc.root = self.node(next(self.events), depth=1)
                end = next(self.events)
                assert isinstance(end, yaml.DocumentEndEvent)

    def node(self, event: Any, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise self.fail(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels")
        if isinstance(event, yaml.AliasEvent):
            raise self.fail(event.start_mark, f"aliases (*{event.anchor}) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise self.fail(event.start_mark, f"anchors (&{anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.ScalarEvent):
            if tag is not None and tag != "!":
                raise self.fail(event.start_mark, f"tags such as '{_short_tag(tag)}' are not allowed; remove it")
            if not event.style and tag is None:  # plain: libyaml says "", PyYAML None
                return Node("scalar", resolve_plain(event.value), line, col, False, event.value)
            return Node("scalar", event.value, line, col, True, event.value)
        if tag is not None:
            raise self.fail(event.start_mark, f"tags such as '{_short_tag(tag)}' are not allowed; remove it")
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Node] = []
            for item in self.events:
                if isinstance(item, yaml.SequenceEndEvent):
                    return Node("seq", items, line, col)
                items.append(self.node(item, depth + 1))
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(line, col, depth)
        raise self.fail(event.start_mark, "unexpected YAML structure")  # pragma: no cover

    def mapping(self, line: int, col: int, depth: int) -> Node:
        entries: dict[str, Entry] = {}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return Node("map", entries, line, col)
            if not isinstance(key_event, yaml.ScalarEvent):
                raise self.fail(key_event.start_mark, "a key must be a plain name, not a list or mapping")
            key = self.node(key_event, depth + 1)
            name = str(key.text)
            if name == "<<" and not key.quoted:
                raise self.fail(key_event.start_mark, "merge keys ('<<') are not allowed; write the fields out")
            value = self.node(next(self.events), depth + 1)
            if name in entries:
                first = entries[name]
                raise self.fail(
                    key_event.start_mark,
                    f"duplicate key '{name}' (first written at line {first.key_line}); keep only one",
                )
            entries[name] = Entry(key.line, key.col, value)
        raise self.fail(None, "unexpected end of file")  # pragma: no cover


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag
