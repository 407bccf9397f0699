"""The Flask app of `handbook serve` (an application factory, as Flask's tutorial has it) and its guards.

Guards, for a server that is reachable from any page the clinician's browser opens:
- the Host header must be 127.0.0.1:PORT or localhost:PORT, else 403 (a DNS-rebinding page
  would send its own host name);
- every POST carries the form's CSRF token (made afresh each time the server starts), else 400;
- every answer says Content-Security-Policy "default-src 'self'" (no framing, no other site's
  scripts, styles or pictures), X-Content-Type-Options nosniff, X-Frame-Options DENY, and
  Cache-Control no-store: the browser keeps no copy of a page or programme naming a patient.
Nothing is written to disk but a plan the user asks to save (`views`).
"""

from __future__ import annotations

import hmac
import secrets
import threading
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, request

from handbook.commands.printing import load_for_print
from handbook.model import Content
from handbook.web.previews import Previews

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
                               "object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MOST_FORM_BYTES = 200_000  # a programme form is a few kB


class Contents:
    """The content folder, loaded and checked for printing, loaded again only when a file in it changed.

    The signature is every file's name, size and modification time: a few dozen `stat` calls, far
    cheaper than reading and checking the YAML on every page.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._loaded: tuple[object, Content] | None = None

    def signature(self) -> object:
        try:
            return tuple(sorted((str(p), s.st_size, s.st_mtime_ns) for p in self.root.rglob("*")
                                if (s := p.stat()) is not None))
        except OSError:
            return None

    def get(self) -> tuple[object, Content]:
        """The signature and the content; `HandbookError` (every problem) when it does not load."""
        signature = self.signature()
        with self._lock:
            if self._loaded is not None and self._loaded[0] == signature:
                return self._loaded
        content = load_for_print(self.root)
        with self._lock:
            self._loaded = (signature, content)
        return signature, content


def create_app(content_dir: Path, port: int = 8000, plans_dir: Path | None = None) -> Flask:
    """The app for `content_dir`, answering only to 127.0.0.1:PORT and localhost:PORT.

    `plans_dir`: where "Save the plan" writes (default: plans/ beside the content folder).
    """
    from handbook.web import views

    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=MOST_FORM_BYTES,
        ALLOWED_HOSTS=frozenset({f"127.0.0.1:{port}", f"localhost:{port}"}),
        CSRF_TOKEN=secrets.token_urlsafe(32),
        PLANS_DIR=plans_dir if plans_dir is not None else content_dir.resolve().parent / "plans",
        CONTENT_DIR=content_dir,
    )
    app.extensions["handbook.contents"] = Contents(content_dir)
    app.extensions["handbook.previews"] = Previews()
    app.before_request(_guard)
    app.after_request(_headers)
    app.jinja_env.globals["csrf_token"] = lambda: app.config["CSRF_TOKEN"]
    app.register_blueprint(views.pages)
    return app


def _guard() -> Any:
    """Refuse another Host (DNS rebinding) and a POST without the form's token (CSRF)."""
    from flask import current_app

    allowed = current_app.config["ALLOWED_HOSTS"]
    if request.host not in allowed:
        abort(Response(f"refused: this server answers only to {' or '.join(sorted(allowed))}, not to "
                       f"{request.host!r}\n", 403, mimetype="text/plain"))
    if request.method == "POST":
        sent = request.form.get("csrf_token", "")
        if not hmac.compare_digest(sent.encode(), current_app.config["CSRF_TOKEN"].encode()):
            abort(Response("refused: the form's token is missing or out of date; reload the page and send it "
                           "again\n", 400, mimetype="text/plain"))
    return None


def _headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response
