"""`handbook serve`'s pages through Flask's test client: what each route answers, and what it refuses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from tests.web.conftest import BASE, form


def get(client: FlaskClient, path: str, host: str = "127.0.0.1:8000"):  # type: ignore[no-untyped-def]
    return client.get(path, base_url=f"http://{host}")


def files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_index_lists_routines_with_summary_thumbnail_and_faq_topics(client: FlaskClient) -> None:
    page = get(client, "/").get_data(as_text=True)
    assert '<a href="/routines/psoas-release">' in page
    assert '<img src="/cards/psoas-release-1-thumb.png"' in page
    assert "Questions and answers" in page and "<details>" in page
    thumb = get(client, "/cards/psoas-release-1-thumb.png")
    assert thumb.status_code == 200 and thumb.mimetype == "image/png" and thumb.data.startswith(b"\x89PNG")


def test_routine_page_shows_the_routine_and_its_card(client: FlaskClient) -> None:
    response = get(client, "/routines/psoas-release")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Stop and call us if" in page and "<ol><li>" in page
    sides = re.findall(r'src="(/cards/psoas-release-\d-preview.png)"', page)
    assert sides and all(get(client, src).status_code == 200 for src in sides)
    assert get(client, "/routines/no-such-routine").status_code == 404


def test_card_pdf_is_the_generic_card(client: FlaskClient) -> None:
    response = get(client, "/cards/psoas-release.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(__import__("io").BytesIO(response.data))
    assert "Stop and call us if" in reader.pages[0].extract_text()
    assert get(client, "/cards/nope.pdf").status_code == 404


def test_plan_post_answers_the_programme_as_an_attachment_and_writes_nothing(app: Flask, client: FlaskClient,
                                                                              folder: Path) -> None:
    before = files(folder)
    response = client.post("/plan", base_url=BASE, data=form(
        app, patient="Ana María O'Neil", start="2026-12-07", weeks="2",
        routine=["psoas-release", "", "pelvic-floor-down-training"], hold=["30", "", ""], reps=["5", "", ""],
        sets=["", "", ""], times_a_day=["2", "", ""], side=["left", "", ""], note=["Stop if it pinches.", "", ""]))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="ana-maria-o-neil.pdf"'
    text = "".join(page.extract_text() for page in PdfReader(__import__("io").BytesIO(response.data)).pages)
    assert "Ana María O'Neil" in text and "Hold for 30 seconds" in text and "Stop if it pinches." in text
    assert files(folder) == before  # patient data stays off the disk


def test_plan_problems_come_back_beside_their_fields_with_400(app: Flask, client: FlaskClient) -> None:
    response = client.post("/plan", base_url=BASE, data=form(
        app, patient="Ana", start="2026-12-07", review="2026-12-01",
        routine=["", "psoas-relase", "pelvic-floor-down-training"], hold=["", "", "30"], side=["", "", "left"],
        note=["", "", ""]))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    problems = dict(re.findall(r'<ul class="field-problems" id="([^"]+)"><li>([^<]+)</li>', page))
    # the empty first row is left out: the typo is the first row shown, the other routine the second
    assert problems["review-problems"].startswith("2026-12-01 is not after the start (2026-12-07)")
    assert problems["routine-0-problems"].startswith("no routine &#39;psoas-relase&#39; in routines; did you mean")
    assert problems["hold-1-problems"] == ("&#39;pelvic-floor-down-training&#39; has no hold in its dose; "
                                           "leave it out")
    assert "side-1-problems" in problems
    assert 'id="routine-0" name="routine" aria-invalid="true" aria-describedby="routine-0-problems"' in page
    assert "4 problems: nothing was made" in page


def test_saving_writes_the_plan_yaml_under_plans_which_handbook_plan_prints(app: Flask, client: FlaskClient,
                                                                              folder: Path) -> None:
    response = client.post("/plan", base_url=BASE, data=form(
        app, action="save", patient="Bo", routine=["psoas-release"], hold=["20-30"], note=['He said "no"']))
    assert response.status_code == 200
    assert "Saved as <code>plans/bo.yaml</code>" in response.get_data(as_text=True)
    saved = (folder / "plans" / "bo.yaml").read_text(encoding="utf-8")
    assert 'patient: "Bo"\nexercises:\n  - routine: "psoas-release"\n    hold: "20-30"\n' in saved
    client.post("/plan", base_url=BASE, data=form(app, action="save", patient="Bo", routine=["psoas-release"]))
    assert (folder / "plans" / "bo-2.yaml").exists()  # never replaces a saved plan
    from click.testing import CliRunner

    from handbook.cli import cli

    result = CliRunner().invoke(cli, ["plan", "plans/bo.yaml"])
    assert result.exit_code == 0, result.output


def test_add_a_row_without_javascript(app: Flask, client: FlaskClient) -> None:
    response = client.post("/plan", base_url=BASE, data=form(app, action="add", patient="Ana",
                                                              routine=["psoas-release", "", ""]))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and page.count('<fieldset class="exercise">') == 4
    assert 'value="Ana"' in page


def test_plan_form_has_a_label_for_every_field(client: FlaskClient) -> None:
    page = get(client, "/plan?routine=psoas-release").get_data(as_text=True)
    ids = re.findall(r'<(?:input|select) id="([^"]+)"', page)
    labels = set(re.findall(r'<label for="([^"]+)"', page))
    assert ids and set(ids) <= labels
    assert '<option value="psoas-release" selected>' in page


def test_check_page_shows_problems_at_file_line_col(client: FlaskClient, folder: Path) -> None:
    routine = folder / "routines" / "psoas-release.yaml"
    routine.write_text(routine.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    page = get(client, "/check").get_data(as_text=True)
    line = len(routine.read_text(encoding="utf-8").splitlines())
    assert f"<code>routines/psoas-release.yaml:{line}:1</code>: colour: unknown field" in page
    assert "check failed" in page


@pytest.mark.parametrize("host", ["evil.example:8000", "127.0.0.1:8001", "localhost", "0.0.0.0:8000"])
def test_other_hosts_are_refused(client: FlaskClient, host: str) -> None:
    response = get(client, "/", host=host)
    assert response.status_code == 403
    assert response.get_data(as_text=True).startswith("refused: this server answers only to 127.0.0.1:8000 or "
                                                      "localhost:8000")


def test_localhost_is_served(client: FlaskClient) -> None:
    assert get(client, "/", host="localhost:8000").status_code == 200


@pytest.mark.parametrize("token", [None, "", "forged"])
def test_a_post_without_the_forms_token_is_refused(app: Flask, client: FlaskClient, token: str | None) -> None:
    data = {"patient": "Ana", "routine": "psoas-release"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/plan", base_url=BASE, data=data)
    assert response.status_code == 400
    assert "the form's token is missing" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/plan", "/check", "/routines/psoas-release", "/cards/psoas-release.pdf",
                                  "/static/style.css", "/nope"])
def test_every_answer_carries_the_security_headers(client: FlaskClient, path: str) -> None:
    headers = get(client, path).headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    if not path.startswith("/static/"):  # the style sheet and script name no one: the browser may keep them
        assert headers["Cache-Control"] == "no-store"


def test_no_page_names_another_site(client: FlaskClient) -> None:
    for path in ["/", "/plan", "/check", "/routines/psoas-release", "/static/style.css", "/static/rows.js"]:
        text = get(client, path).get_data(as_text=True)
        assert not re.search(r"(?:src|href|action)=\"(?:https?:)?//", text), path
        assert "url(" not in text and "@import" not in text, path


def test_serve_says_when_the_port_is_taken(folder: Path) -> None:
    import socket

    from click.testing import CliRunner

    from handbook.cli import cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"cannot serve on 127.0.0.1:{port}: Address already in use; try another --port")


def test_serve_prints_the_url_and_stops_cleanly_on_ctrl_c(folder: Path) -> None:
    import signal
    import subprocess
    import sys
    import urllib.request

    from werkzeug.serving import make_server

    probe = make_server("127.0.0.1", 0, lambda environ, start: [])
    port = probe.server_port
    probe.server_close()
    process = subprocess.Popen([sys.executable, "-m", "handbook", "serve", "--no-browser", "--port", str(port)],
                               cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first == (f"serving routines at http://127.0.0.1:{port}/ (this computer only); "
                         "press Ctrl-C to stop\n")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
            assert page.status == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (0, "stopped\n", "")
