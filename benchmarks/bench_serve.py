"""How fast `handbook serve` answers: each page against 100 ms, the programme PDF against 1 s.

    python benchmarks/bench_serve.py             # 21 requests of each, best and median
    python benchmarks/bench_serve.py --runs 51

The app runs as `handbook serve` runs it (Werkzeug's threaded server on 127.0.0.1, a free port),
on a copy of the bundled content in a temporary folder, and each request goes over a real
socket from this process (urllib), timed from sending to the last byte. The first request of
each page is shown on its own: it loads and checks the content (and draws a card the first
time it is asked for); later requests find the content unchanged (a stat of each file) and the
generic cards in memory. The programme is the README's example (`docs/example-plan.yaml`: 4
exercises, 6 weeks, 16 pages) sent as the form sends it; it is never cached. `/check` runs
`handbook check` whole (every card fitted on three papers at two sizes), so it has no budget of
100 ms and is shown for scale. Needs the serve extra.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from werkzeug.serving import make_server  # noqa: E402

from handbook.web.app import create_app  # noqa: E402

PAGE_BUDGET = 0.100
PDF_BUDGET = 1.0
PLAN = {
    "patient": "Ana María O'Neil", "clinician": "J. Rivera, physiotherapist", "start": "2026-12-07",
    "review": "2027-01-04", "weeks": "6",
    "routine": ["psoas-release", "psoas-foam-roller", "pelvic-floor-down-training", "psoas-rest-positions"],
    "hold": ["30", "20-30", "", ""], "reps": ["5", "", "", ""], "sets": ["", "", "", ""],
    "times_a_day": ["2", "1", "", ""], "side": ["", "", "", ""], "note": ["Stop if it pinches.", "", "", ""],
}


def fetch(url: str, data: bytes | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, data=data, timeout=30) as answer:
        body = answer.read()
        status = answer.status
    wall = time.perf_counter() - start
    if status != 200:
        raise SystemExit(f"{url}: status {status}")
    return wall, len(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="requests of each (best and median are shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "routines"
        shutil.copytree(REPO / "routines", content)
        probe = make_server("127.0.0.1", 0, lambda environ, start: [])
        port = probe.server_port
        probe.server_close()
        app = create_app(content, port, Path(tmp) / "plans")
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # as `handbook serve`: no line per request
        server = make_server("127.0.0.1", port, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        plan = urllib.parse.urlencode({"csrf_token": app.config["CSRF_TOKEN"], **PLAN}, doseq=True).encode()
        requests: dict[str, tuple[str, bytes | None, float | None]] = {
            "GET /": ("/", None, PAGE_BUDGET),
            "GET /routines/psoas-release": ("/routines/psoas-release", None, PAGE_BUDGET),
            "GET /plan": ("/plan", None, PAGE_BUDGET),
            "GET /cards/psoas-release.pdf": ("/cards/psoas-release.pdf", None, PAGE_BUDGET),
            "GET /cards/psoas-release-1-thumb.png": ("/cards/psoas-release-1-thumb.png", None, PAGE_BUDGET),
            "POST /plan (programme PDF, 16 pages)": ("/plan", plan, PDF_BUDGET),
            "GET /check (all of handbook check)": ("/check", None, None),
        }
        print(f"{os.cpu_count()} cores; python {sys.version.split()[0]}; load {os.getloadavg()[0]:.2f}; "
              f"first request, then best and median of {args.runs}")
        for label, (path, data, budget) in requests.items():
            first, _ = fetch(base + path, data)
            times = [fetch(base + path, data)[0] for _ in range(args.runs if budget is not None else 3)]
            median = statistics.median(times)
            verdict = "" if budget is None else (f"  (budget {budget * 1000:.0f} ms: "
                                                 f"{'ok' if median <= budget else 'OVER'})")
            print(f"  {label:<40} first {first * 1000:6.0f} ms  best {min(times) * 1000:6.1f} ms  "
                  f"median {median * 1000:6.1f} ms{verdict}")
        server.shutdown()
        server.server_close()
        print(f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
