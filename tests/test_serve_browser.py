"""Real-browser tests: Debian's chromium, headless, driven by selenium through chromium-driver,
against `reckon serve` on a copy of the served store.

Log in, filter the map, open an incident and see its highlighted evidence, correct a figure as a
reviewer, find the audit entry, and open the hostile report: no script runs and the text shows
as written. Screenshots of the overview, incident and review pages go to $RECKON_SCREENSHOTS
(the README's are made with RECKON_SCREENSHOTS=docs/screenshots), else to a temporary folder.

Skipped, with the reason, when chromium, chromedriver or selenium is absent (.ci/run installs
them: apt-get install chromium chromium-driver).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from servefixtures import PASSWORD, ROOT, build, copy_db

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    pytest.skip(
        "browser tests need Debian's chromium and chromium-driver "
        "(apt-get install -y chromium chromium-driver; .ci/run does this)",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    served = build(tmp / "template.db")
    db = copy_db(served.db, tmp / "browser.db")
    port = _port()
    env = {**os.environ, "RECKON_PROGRESS": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "reckon", "serve", "--db", str(db), "--port",
                             str(port)], stderr=subprocess.PIPE, env=env, cwd=ROOT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/login", timeout=5).close()
            break
        except OSError:
            if time.monotonic() > end or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("reckon serve did not start") from None
            time.sleep(0.2)
    yield type("Server", (), {"base": base, "db": db, "tokens": served.tokens})
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("SE_OFFLINE", "true")  # never let selenium look for drivers online
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1400,1300", "--force-device-scale-factor=1"):  # fmt: skip
        opts.add_argument(a)
    opts.binary_location = CHROMIUM
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(DRIVER), options=opts)
    d.set_page_load_timeout(60)
    yield d
    d.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("RECKON_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def api(server, path: str, user: str = "rita") -> dict:
    req = urllib.request.Request(server.base + path,
                                 headers={"Authorization": f"Bearer {server.tokens[user]}"})  # fmt: skip
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def wait(d, cond, seconds: float = 30):
    return WebDriverWait(d, seconds).until(cond)


def no_script_ran(d) -> None:
    assert d.execute_script("return typeof window.__xss") == "undefined"
    try:
        d.switch_to.alert.dismiss()
    except NoAlertPresentException:
        pass
    else:
        raise AssertionError("an alert was opened")


def map_count(d) -> int:
    wait(d, lambda d: d.find_element(By.ID, "map").get_attribute("data-shown"))
    shown = d.find_element(By.ID, "map").get_attribute("data-shown")
    assert shown != "error", d.find_element(By.ID, "map-status").text
    return int(shown)


def test_01_log_in(server, browser):
    d = browser
    d.get(server.base + "/")
    assert "/login" in d.current_url  # nothing readable without a login
    d.find_element(By.ID, "username").send_keys("rita")
    d.find_element(By.ID, "password").send_keys("not the password")
    d.find_element(By.ID, "login-submit").click()
    # the form posts and the page reloads: wait for the answer, not the old page
    error = wait(d, EC.presence_of_element_located((By.ID, "login-error")))
    assert "Wrong name or password" in error.text
    wait(d, EC.presence_of_element_located((By.ID, "username")))
    d.find_element(By.ID, "username").send_keys("rita")
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    d.find_element(By.ID, "login-submit").click()
    wait(d, EC.presence_of_element_located((By.ID, "whoami")))
    assert d.find_element(By.ID, "whoami").text == "rita (reviewer)"


def test_02_filter_the_map(server, browser, shots):
    d = browser
    d.get(server.base + "/")
    everything = map_count(d)
    pts = api(server, "/api/map")
    assert everything == len(pts["points"]) > 3
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "path.basemap-country"))
    assert d.find_elements(By.CSS_SELECTOR, ".leaflet-marker-icon")
    time.sleep(0.5)
    d.save_screenshot(str(shots / "overview.png"))
    countries = [o.text for o in Select(d.find_element(By.ID, "f-country")).options][1:]
    want = min(countries, key=lambda c: api(server, "/api/map?country=" + quote(c))["count"])
    Select(d.find_element(By.ID, "f-country")).select_by_visible_text(want)
    d.find_element(By.ID, "apply-filters").click()
    wait(d, lambda d: "country=" in d.current_url)
    filtered = map_count(d)
    expect = api(server, "/api/map?country=" + quote(want))
    assert filtered == len(expect["points"]) < everything
    rows = d.find_elements(By.CSS_SELECTOR, "#incidents tr.incident-row")
    assert rows and all(want in r.text for r in rows)
    assert d.find_element(By.ID, "total-incidents").text == str(expect["count"])


def _incident_with_deaths(server) -> dict:
    incs = api(server, "/api/incidents?limit=200&sort=-fatalities")["incidents"]
    return next(i for i in incs if i["fatalities_best"] and i["country"] == "DR Congo"
                or i["fatalities_best"] and i["date_start"])  # fmt: skip


def test_03_incident_shows_highlighted_evidence(server, browser, shots):
    d = browser
    inc = _incident_with_deaths(server)
    d.get(f"{server.base}/incidents/{inc['id']}")
    marks = d.find_elements(By.CSS_SELECTOR, ".report-text mark.ev-fatalities")
    assert marks, "the fatality figure's span is highlighted in its source text"
    full = api(server, f"/api/incidents/{inc['id']}")
    claims = full["provenance"]["figures"]["killed"]["claims"]
    spans = {c["span"]["text"] for c in claims if c.get("span")}
    highlighted = d.execute_script(
        "return Array.from(document.querySelectorAll('.report-text mark.ev-fatalities'))"
        ".map(m => m.textContent).join('|')"
    )
    assert all(s in highlighted.replace("|", "") for s in spans)
    link = d.find_element(By.CSS_SELECTOR, "#field-fatalities a.evlink")
    link.click()
    target = d.execute_script("return document.querySelector(':target')")
    assert target is not None and target.tag_name in ("mark", "a")
    d.execute_script("window.scrollTo(0, 0)")
    d.save_screenshot(str(shots / "incident.png"))


def test_04_reviewer_corrects_a_figure_and_finds_the_audit_entry(server, browser):
    d = browser
    inc = _incident_with_deaths(server)
    machine = inc["fatalities_best"]
    d.get(f"{server.base}/incidents/{inc['id']}")
    d.find_element(By.CSS_SELECTOR, "#field-fatalities details.correct summary").click()
    for name, v in (("low", machine + 1), ("best", machine + 1), ("high", machine + 3)):
        box = d.find_element(By.CSS_SELECTOR, f"#correct-fatalities input[name={name}]")
        box.clear()
        box.send_keys(str(v))
    d.find_element(By.ID, "correct-fatalities-reason").send_keys("the hospital's later count")
    d.find_element(By.ID, "correct-fatalities-submit").click()
    wait(d, EC.presence_of_element_located((By.ID, "machine-fatalities")))
    assert d.find_element(By.ID, "value-fatalities").text.startswith(str(machine + 1))
    assert d.find_element(By.ID, "machine-fatalities").text.startswith(str(machine))
    assert "corrected" in d.find_element(By.ID, "field-fatalities").text
    listed = api(server, f"/api/incidents/{inc['id']}")
    assert listed["fatalities"]["best"] == machine + 1
    d.get(server.base + "/audit?action=correct")
    rows = d.find_elements(By.CSS_SELECTOR, "#audit tr.audit-row")
    assert rows
    first = rows[0].text
    assert "rita" in first and "correct" in first and inc["id"] in first
    assert "the hospital's later count" in first
    d.get(server.base + "/audit?verify=1")
    assert "intact" in d.find_element(By.ID, "audit-check").text


def test_05_review_queue(server, browser, shots):
    d = browser
    d.get(server.base + "/review")
    rows = d.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
    assert len(rows) > 3
    needs = [float(r.find_element(By.CSS_SELECTOR, "td.num").text) for r in rows]
    assert needs == sorted(needs, reverse=True)
    d.save_screenshot(str(shots / "review.png"))


def test_06_hostile_report_shows_as_written_and_runs_nothing(server, browser):
    d = browser
    d.get_log("browser")  # start from an empty console log
    xss_incs = [i["id"] for i in api(server, "/api/incidents?report=xss-1")["incidents"]]
    assert xss_incs
    for path in ("/reports/xss-1", f"/incidents/{xss_incs[0]}", "/?q=Kano", "/review"):
        d.get(server.base + path)
        time.sleep(0.3)
        no_script_ran(d)
        assert not d.find_elements(By.CSS_SELECTOR, "img[src='x'], img[src$='/x']")
        assert not d.find_elements(By.CSS_SELECTOR, "a[href^='javascript'], a[href^=' javascript']")
        assert not d.find_elements(By.CSS_SELECTOR, "b[onmouseover]")
        body = d.find_element(By.TAG_NAME, "body").text
        if path.startswith(("/reports", "/incidents")):
            assert "<script>window.__xss='text'</script>" in body
            assert "<img src=x onerror=\"window.__xss='text-img'\">" in body
            assert "<a href=\"javascript:window.__xss='link'\">Read more</a>" in body
    d.get(server.base + "/reports/xss-1")
    assert d.find_element(By.ID, "report-title").text.startswith("<script>window.__xss='title'")
    errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"
              and "Content Security Policy" not in e["message"]]  # fmt: skip
    assert errors == []
