"""Fixtures of the `handbook serve` tests: the app on a private copy of the content, and its test client."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from handbook.web.app import create_app
from tests.commands.conftest import make_folder

PORT = 8000
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """routines/ (psoas-release with blanks a plan can fill) and plans/ana.yaml, as the working folder."""
    make_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def app(folder: Path) -> Flask:
    return create_app(folder / "routines", PORT)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def form(app: Flask, **fields: str | list[str]) -> dict[str, str | list[str]]:
    """A programme form as the page sends it, with the page's CSRF token."""
    return {"csrf_token": app.config["CSRF_TOKEN"], **fields}
