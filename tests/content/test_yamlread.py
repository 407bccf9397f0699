"""Strict YAML: every refused construct, with the exact message and place a user sees."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handbook.content import yamlread
from handbook.content.yamlread import MAX_BYTES, read_yaml


def problems(tmp_path: Path, text: str | bytes) -> list[str]:
    path = tmp_path / "x.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return [str(p).split("x.yaml", 1)[1] for p in read_yaml(path).problems]


def values(tmp_path: Path, text: str) -> dict[str, object]:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_yaml(path)
    assert not doc.problems and doc.root is not None
    return {key: entry.value.value for key, entry in doc.root.value.items()}


def test_yaml_1_2_scalars_stay_strings(tmp_path: Path) -> None:
    got = values(tmp_path, "a: no\nb: off\nc: yes\nd: 012\ne: 1:30\nf: 2026-11-01\ng: 0o17\nh: 0x1F\ni: .inf\n")
    assert got == {
        "a": "no",
        "b": "off",
        "c": "yes",
        "d": "012",
        "e": "1:30",
        "f": "2026-11-01",
        "g": "0o17",
        "h": "0x1F",
        "i": ".inf",
    }


def test_core_schema_values_are_typed(tmp_path: Path) -> None:
    got = values(tmp_path, "a: 30\nb: -2\nc: 3.5\nd: true\ne: False\nf: ~\ng: null\nh: '30'\n")
    assert got == {"a": 30, "b": -2, "c": 3.5, "d": True, "e": False, "f": None, "g": None, "h": "30"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: a\nsummary: b\ntitle: c\n", ":3:1: duplicate key 'title' (first written at line 1); keep only one"),
        ("a: &x 1\nb: *x\n", ":1:4: anchors (&x) are not allowed; write the value out"),
        ("a: *x\n", ":1:4: aliases (*x) are not allowed; write the value out"),
        ("base: {a: 1}\nother:\n  <<: {a: 2}\n", ":3:3: merge keys ('<<') are not allowed; write the fields out"),
        ("title: !!str 3\n", ":1:8: tags such as '!!str' are not allowed; remove it"),
        ("title: !custom x\n", ":1:8: tags such as '!custom' are not allowed; remove it"),
        ("steps: !!seq [a]\n", ":1:8: tags such as '!!seq' are not allowed; remove it"),
        ("title: x\nsteps:\n\t- a\n", ":3:1: YAML syntax: found a tab character; indent with spaces only"),
        (
            "title: [a, b\nsummary: x\n",
            ":2:8: YAML syntax: did not find expected ',' or ']' while parsing a flow sequence",
        ),
        ("title: x\n  summary: y\n", ":2:10: YAML syntax: mapping values are not allowed in this context"),
        ("title: a\n---\ntitle: b\n", ":2:1: only one YAML document per file; remove the second '---'"),
        ("", ":1:1: file is empty; expected a mapping of fields such as 'title: ...'"),
        ("# only a comment\n\n", ":1:1: file is empty; expected a mapping of fields such as 'title: ...'"),
        ("- a\n- b\n", ":1:1: expected a mapping of fields such as 'title: ...', got a list"),
        ("hello\n", ":1:1: expected a mapping of fields such as 'title: ...', got a single value"),
        ("? [a]\n: b\n", ":1:3: a key must be a plain name, not a list or mapping"),
    ],
)
def test_refused_yaml(tmp_path: Path, text: str, message: str) -> None:
    assert problems(tmp_path, text) == [message]


LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if getattr(yaml, "__with_libyaml__", False):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "message"),
    [
        # Past libyaml's own limit (1,000 levels in PyYAML 6.0.4): still ours, at the 33rd level.
        ("a: " + "[" * 200_000 + "]" * 200_000 + "\n", ":1:35: nesting is deeper than 32 levels"),
        ("a: " + "{b: " * 40 + "c" + "}" * 40 + "\n", ":1:125: nesting is deeper than 32 levels"),
        ("a:\n" + "".join(" " * i + "-\n" for i in range(1, 40)), ":33:33: nesting is deeper than 32 levels"),
        ("a: " + "[" * 31 + "]" * 31 + "\n", None),
    ],
    ids=["flow-200000", "flow-maps", "block", "at-the-limit"],
)
def test_nesting_limit_is_ours_at_its_place_whatever_the_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: type, text: str, message: str | None
) -> None:
    monkeypatch.setattr(yamlread, "LOADER", loader)
    assert problems(tmp_path, text) == ([message] if message else [])


def test_non_utf8_is_refused_with_its_place(tmp_path: Path) -> None:
    assert problems(tmp_path, b"title: ok\nsummary: caf\xe9\n") == [
        ":2:13: file is not UTF-8 text (byte 0xe9); save it as UTF-8"
    ]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufefftitle: Café\n".encode())
    doc = read_yaml(path)
    assert doc.problems == [] and doc.root is not None
    assert doc.root.value["title"].value.value == "Café"


def test_file_over_one_megabyte_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, b"a: " + b"x" * MAX_BYTES) == [":1:1: file is larger than 1 MB; split it or shorten it"]
