"""One end-to-end test of `handbook serve` in a real headless Chromium (Debian's chromium and chromium-driver,
which .ci/run installs): pick a routine, fill in the form, add a row with the page's script, download the PDF."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from handbook.web.app import create_app

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        raise RuntimeError("CI needs chromium and chromium-driver: .ci/run installs them with apt-get")
    pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402 - after the skip: the browser is what this test needs
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


@pytest.fixture
def server(folder: Path) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, in a thread, for the test's length."""
    probe = make_server("127.0.0.1", 0, lambda environ, start: [])
    port = probe.server_port
    probe.server_close()
    httpd = make_server("127.0.0.1", port, create_app(folder / "routines", port), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()
    httpd.server_close()


def test_a_clinician_prints_a_programme_in_chromium(server: str, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,900"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    browser = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        browser.get(server + "/")
        browser.find_element(By.LINK_TEXT, "Psoas release in a lunge").click()
        assert browser.find_element(By.TAG_NAME, "h1").text == "Psoas release in a lunge"
        assert browser.execute_script(  # the card's preview was drawn, not a broken picture
            "return [...document.querySelectorAll('.preview img')].every(i => i.complete && i.naturalWidth > 0)")
        browser.find_element(By.PARTIAL_LINK_TEXT, "Start a programme").click()

        patient = browser.find_element(By.ID, "patient")
        patient.send_keys("Ana")
        patient.send_keys(Keys.TAB)  # keyboard: on to the next field
        assert browser.switch_to.active_element.get_attribute("id") == "clinician"
        browser.find_element(By.ID, "start").send_keys("12072026")  # a date field, typed as a person types it
        browser.find_element(By.ID, "hold-0").send_keys("30")
        browser.find_element(By.ID, "add-row").click()  # the script adds a fourth row, no round trip
        assert len(browser.find_elements(By.CSS_SELECTOR, "fieldset.exercise")) == 4
        Select(browser.find_element(By.ID, "routine-3")).select_by_value("pelvic-floor-down-training")
        browser.find_element(By.ID, "reps-3").send_keys("5")  # it has no reps in its dose: refused at its field
        browser.find_element(By.CSS_SELECTOR, "button.primary").click()
        problem = browser.find_element(By.ID, "reps-1-problems").text
        assert "has no repetitions in its dose" in problem

        browser.find_element(By.ID, "reps-1").clear()
        browser.find_element(By.CSS_SELECTOR, "button.primary").click()
        deadline = time.monotonic() + 20
        while not list(downloads.glob("*.pdf")) and time.monotonic() < deadline:
            time.sleep(0.1)
        (pdf,) = downloads.glob("*.pdf")
        assert pdf.name == "ana.pdf" and pdf.read_bytes().startswith(b"%PDF")
    finally:
        browser.quit()
