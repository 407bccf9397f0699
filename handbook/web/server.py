"""Run the app on 127.0.0.1 (never another address): print the URL, open the browser, stop on Ctrl-C."""

from __future__ import annotations

import logging
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from werkzeug.serving import make_server

from handbook.errors import HandbookError
from handbook.web.app import create_app

HOST = "127.0.0.1"


def serve(content_dir: Path, port: int, open_browser: bool, say: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; `say` prints a line. `HandbookError` when the port cannot be had."""
    from handbook.commands.printing import load_for_print

    load_for_print(content_dir)  # content with problems: say so now, as every command does, not as a web page
    app = create_app(content_dir, port)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request: the page is the output
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:  # bound here, not by Werkzeug, which would print its own lines and exit on a port in use
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((HOST, port))
        listening.listen(64)
    except OSError as exc:
        listening.close()
        raise HandbookError(f"cannot serve on {HOST}:{port}: {exc.strerror or exc}; try another --port") from None
    server = make_server(HOST, port, app, threaded=True, fd=listening.fileno())
    url = f"http://{HOST}:{port}/"
    say(f"serving {display(content_dir)} at {url} (this computer only); press Ctrl-C to stop")
    if open_browser:
        threading.Timer(0.3, webbrowser.open, (url,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        listening.close()
    say("stopped")


def display(path: Path) -> str:
    from handbook.errors import display_path

    return display_path(path)
