"""The JSON API and the pages through the ASGI test client: OpenAPI, what the CLI reads and
exports, authorisation on every route, CSRF, login limits, body limits, escaping, review."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from reckon.cli import main
from servefixtures import PASSWORD, build, copy_db

pytest.importorskip("fastapi")
from starlette.testclient import TestClient  # noqa: E402

from reckon.serve import create_app  # noqa: E402
from reckon.store import open_store  # noqa: E402


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    return build(tmp_path_factory.mktemp("served") / "template.db")


@pytest.fixture
def env(served, tmp_path):
    """A fresh copy of the served store, its app, and a client maker per user."""
    db = copy_db(served.db, tmp_path / "api.db")
    store = open_store(db)
    app = create_app(store)

    def client(user: str | None = None, **kw) -> TestClient:
        c = TestClient(app, raise_server_exceptions=False, **kw)
        if user:
            c.headers["Authorization"] = f"Bearer {served.tokens[user]}"
        return c

    yield type("Env", (), {"db": db, "store": store, "app": app, "client": client,
                           "tokens": served.tokens, "has_seed": served.has_seed})  # fmt: skip
    store.close()


def cli(*args: str) -> str:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def all_incidents(c: TestClient, **params) -> list[dict]:
    out, cursor = [], None
    while True:
        q = {**params, "limit": 3, **({"cursor": cursor} if cursor else {})}
        page = c.get("/api/incidents", params=q).json()
        out += page["incidents"]
        cursor = page["next"]
        if not cursor:
            return out


def login(c: TestClient, name: str, password: str = PASSWORD):
    form = c.get("/login").text
    tok = re.search(r'name="login_csrf" value="([^"]+)"', form).group(1)
    return c.post("/login", data={"username": name, "password": password, "login_csrf": tok,
                                  "next": "/"}, follow_redirects=False)  # fmt: skip


# -- OpenAPI and what the CLI reads --------------------------------------------------------------


def test_openapi_is_valid_openapi_3_and_describes_the_api(env):
    from openapi_spec_validator import validate

    spec = env.client().get("/api/openapi.json").json()
    validate(spec)
    assert spec["openapi"].startswith("3.")
    paths = set(spec["paths"])
    for p in ("/api/reports", "/api/reports/{report_id}", "/api/reports/{report_id}/raw",
              "/api/incidents", "/api/incidents/{incident_id}", "/api/tally", "/api/export/{fmt}",
              "/api/incidents/{incident_id}/corrections", "/api/incidents/merge",
              "/api/audit", "/api/audit/verify", "/api/review/queue", "/api/map",
              "/api/timeline"):  # fmt: skip
        assert p in paths
    assert not any(p.startswith(("/login", "/incidents")) for p in paths)  # pages stay out


@pytest.mark.parametrize("fmt", ["acled-csv", "ucdp-csv", "geojson", "jsonl"])
def test_exports_are_byte_for_byte_the_cli_exports(env, fmt):
    r = env.client("vic").get(f"/api/export/{fmt}")
    assert r.status_code == 200
    assert r.content.decode("utf-8") == cli("export", "--format", fmt, "--db", str(env.db))
    assert "attachment" in r.headers["content-disposition"]


def test_reports_incidents_and_tallies_match_the_cli(env):
    c = env.client("vic")
    rows = [json.loads(x) for x in cli("reports", "--format", "jsonl", "--db", str(env.db)).splitlines()]
    listed, cursor = [], 0
    while cursor is not None:
        page = c.get("/api/reports", params={"limit": 2, "cursor": cursor}).json()
        listed += page["reports"]
        cursor = page["next"]
    assert [r["id"] for r in listed] == [r["id"] for r in rows]
    for r in rows:
        got = c.get(f"/api/reports/{r['id']}").json()
        assert got["text"] == r["text"] and got["title"] == r["title"]
        raw = c.get(f"/api/reports/{r['id']}/raw")
        assert raw.content == env.store.get_raw(r["id"])
        assert raw.headers["content-type"] == "application/octet-stream"
    if env.has_seed:
        assert any(r["title"] and "Syria" in r["title"] for r in rows)
    cli_incs = {json.loads(x)["id"]: json.loads(x) for x in
                cli("incidents", "--format", "jsonl", "--db", str(env.db)).splitlines()}  # fmt: skip
    api_incs = {i["id"]: i for i in all_incidents(c)}
    assert set(api_incs) == set(cli_incs)
    for k, row in cli_incs.items():
        assert api_incs[k]["fatalities_best"] == row["fatalities_best"]
        assert api_incs[k]["reports"] == row["reports"]
        full = c.get(f"/api/incidents/{k}").json()
        assert full["provenance"]["members"] and full["mentions"]
    for by in ("admin1", "country", "week", "event_type"):
        lines = [json.loads(x) for x in cli("tally", "--by", by, "--format", "jsonl", "--db",
                                            str(env.db)).splitlines()]  # fmt: skip
        t = c.get("/api/tally", params={"by": by}).json()
        groups = [x for x in lines if x["record"] == "group"]
        assert [(g["key"], g["best"], g["incidents"]) for g in groups] == [
            (g["key"], g["best"], g["incidents"]) for g in t["groups"]]  # fmt: skip
        assert len([x for x in lines if x["record"] == "toll"]) == len(t["tolls"])


@pytest.mark.slow
def test_gazetteer_lookup_is_the_clis(env):
    got = env.client("vic").get("/api/gazetteer/lookup", params={"name": "Jableh"})
    assert got.status_code == 200
    cli_out = json.loads(cli("gazetteer", "lookup", "Jableh").splitlines()[0])
    assert got.json() == cli_out and cli_out["country"] == "Syria"


def test_filters_sorting_and_cursor_pagination(env):
    c = env.client("vic")
    everything = all_incidents(c)
    assert len({i["id"] for i in everything}) == len(everything) >= 8
    countries = {i["country"] for i in everything if i["country"]}
    for country in countries:
        got = all_incidents(c, country=country)
        assert got and all(i["country"] == country for i in got)
        assert len(got) == len([i for i in everything if i["country"] == country])
    by_deaths = all_incidents(c, sort="-fatalities")
    bests = [i["fatalities_best"] for i in by_deaths if i["fatalities_best"] is not None]
    assert bests == sorted(bests, reverse=True)
    for lo, hi in (("2025-03-01", "2025-03-31"), ("2025-01-01", "2025-12-31"), (None, "2025-04-01")):
        want = [i["id"] for i in everything if i["date_start"] and (not lo or i["date_end"] >= lo)
                and (not hi or i["date_start"] <= hi)]  # fmt: skip
        for sort in ("-date", "date", "-fatalities"):
            got = all_incidents(c, sort=sort, **({"date_from": lo} if lo else {}), date_to=hi)
            assert sorted(i["id"] for i in got) == sorted(want), (lo, hi, sort)
    page = c.get("/api/incidents", params={"with_total": "true", "limit": 1}).json()
    assert page["total"] == len(everything)
    words = c.get("/api/incidents", params={"q": "Kano"}).json()["incidents"]
    assert any("xss-1" in i["reports"] for i in words)
    for bad in ({"cursor": "!!!"}, {"date_from": "March"}, {"sort": "colour"},
                {"status": "maybe"}, {"min_confidence": "high"}):  # fmt: skip
        r = c.get("/api/incidents", params=bad)
        assert r.status_code in (400, 422) and r.json()["error"]["status"] == r.status_code


# -- authorisation -------------------------------------------------------------------------------


def test_every_route_declares_who_may_use_it(env):
    from fastapi.routing import APIRoute

    from reckon.serve.deps import ROUTE_GUARD

    def guards(dependant) -> set[str]:
        out = set()
        for d in dependant.dependencies:
            kind = getattr(d.call, ROUTE_GUARD, None)
            if kind:
                out.add(kind)
            out |= guards(d)
        return out

    from reckon.serve import api_read, api_write, pages

    routers = (api_read.router, api_write.router, pages.router)
    fast = env.app.app  # the FastAPI app inside the body limit
    included = [getattr(r, "original_router", None) for r in fast.routes]
    assert [r for r in included if r is not None] == list(routers)
    others = [getattr(r, "path", None) for r in fast.routes if getattr(r, "original_router",
                                                                      None) is None]  # fmt: skip
    assert others == ["/api/openapi.json", "/static"]
    routes = [r for router in routers for r in router.routes if isinstance(r, APIRoute)]
    assert len(routes) > 30
    for r in routes:
        g = guards(r.dependant)
        assert len(g) == 1, f"{r.path} {r.methods}: guards {g}"
        if g == {"anyone"}:
            assert r.path in ("/login",), r.path
        if r.methods & {"POST", "PUT", "PATCH", "DELETE"} and r.path != "/login":
            assert next(iter(g)).startswith("role:"), r.path


def _writes(inc: str) -> list[tuple[str, dict]]:
    return [
        (f"/api/incidents/{inc}/corrections", {"field": "fatalities", "value": {"best": 3},
                                               "reason": "r"}),  # fmt: skip
        (f"/api/incidents/{inc}/proposals", {"field": "fatalities", "value": {"best": 3},
                                             "reason": "r"}),  # fmt: skip
        (f"/api/incidents/{inc}/accept", {}),
        (f"/api/incidents/{inc}/reject", {"reason": "no event"}),
        (f"/api/incidents/{inc}/reopen", {"reason": "r"}),
        (f"/api/incidents/{inc}/split", {"mentions": ["x#0"]}),
        ("/api/incidents/merge", {"incidents": [inc, inc + "x"]}),
        ("/api/proposals/1/apply", {}),
        ("/api/relink", {}),
        ("/api/users", {"name": "eve", "role": "admin", "password": "long enough"}),
        ("/api/users/vic/role", {"role": "admin"}),
        ("/api/users/vic/tokens", {}),
        ("/api/tokens/1/revoke", {}),
    ]


def test_anonymous_and_viewer_writes_get_401_and_403(env):
    inc = all_incidents(env.client("vic"))[0]["id"]
    anon, viewer = env.client(), env.client("vic")
    for path, body in [*_writes(inc), ("/api/reports", None)]:
        assert anon.post(path, json=body).status_code == 401, path
        assert viewer.post(path, json=body).status_code == 403, path
    for path in (f"/incidents/{inc}/correct", f"/incidents/{inc}/decide", "/admin/users",
                 f"/incidents/{inc}/merge", "/logout"):  # the web app's forms  # fmt: skip
        assert anon.post(path, data={"action": "accept"}).status_code == 401, path
    for path in (f"/incidents/{inc}/decide", "/admin/users", f"/incidents/{inc}/split"):
        assert viewer.post(path, data={"action": "accept"}).status_code == 403, path
    for path in ("/api/incidents", f"/api/incidents/{inc}", "/api/reports", "/api/tally",
                 "/api/export/jsonl", "/api/map", "/api/audit", "/"):  # fmt: skip
        r = anon.get(path, follow_redirects=False)
        assert r.status_code in (401, 303), path
        if path.startswith("/api"):
            assert r.json()["error"]["status"] == 401
        else:
            assert r.headers["location"].startswith("/login")


def test_coder_cannot_accept_or_merge_and_viewer_cannot_read_the_audit_log(env):
    incs = all_incidents(env.client("vic"))
    a, b = incs[0]["id"], incs[1]["id"]
    coder = env.client("cora")
    assert coder.post(f"/api/incidents/{a}/accept", json={}).status_code == 403
    assert coder.post("/api/incidents/merge", json={"incidents": [a, b]}).status_code == 403
    assert coder.post(f"/api/incidents/{a}/corrections", json={
        "field": "fatalities", "value": {"best": 3}, "reason": "r"}).status_code == 403  # fmt: skip
    proposed = coder.post(f"/api/incidents/{a}/proposals", json={
        "field": "fatalities", "value": {"low": 3, "best": 3, "high": 3}, "reason": "the clinic"})  # fmt: skip
    assert proposed.status_code == 200
    assert proposed.json()["provenance"]["review"]["proposals"][0]["author"] == "cora"
    assert env.client("vic").get("/api/audit").status_code == 403
    assert env.client("cora").get("/api/audit").status_code == 403
    log = env.client("rita").get("/api/audit").json()["entries"]
    assert log[0]["action"] == "propose" and log[0]["actor"] == "cora"
    assert env.client("rita").get("/api/users").status_code == 403
    assert env.client("ada").get("/api/users").status_code == 200


def test_a_token_acts_with_its_users_role_only(env):
    inc = all_incidents(env.client("vic"))[0]["id"]
    rita = env.client("rita")
    assert rita.post(f"/api/incidents/{inc}/accept", json={}).status_code == 200
    assert rita.post("/api/users", json={"name": "eve", "role": "admin",
                                         "password": "long enough"}).status_code == 403  # fmt: skip
    assert env.client("ada").post("/api/users/rita/role", json={"role": "viewer"}).status_code == 200
    assert rita.post(f"/api/incidents/{inc}/reopen", json={"reason": "x"}).status_code == 403
    assert rita.get("/api/me").json() == {"user": "rita", "role": "viewer", "via": "token"}
    bad = env.client()
    bad.headers["Authorization"] = "Bearer rk_not-a-token"
    assert bad.get("/api/incidents").status_code == 401


def test_public_mode_opens_reading_not_writing(served, tmp_path):
    db = copy_db(served.db, tmp_path / "pub.db")
    with open_store(db) as store:
        c = TestClient(create_app(store, public=True), raise_server_exceptions=False)
        assert c.get("/api/incidents").status_code == 200
        assert c.get("/").status_code == 200
        assert c.get("/api/audit").status_code == 401
        assert c.post("/api/relink", json={}).status_code == 401


# -- sessions, CSRF, login limits, body limits ---------------------------------------------------


def test_session_login_csrf_and_logout(env):
    c = env.client()
    r = login(c, "rita")
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    inc = all_incidents(c)[0]["id"]
    assert c.post(f"/api/incidents/{inc}/accept", json={}).status_code == 403  # no CSRF token
    page = c.get(f"/incidents/{inc}").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    ok = c.post(f"/api/incidents/{inc}/accept", json={}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200
    form = c.post(f"/incidents/{inc}/decide", data={"action": "reopen", "reason": "check again",
                                                    "csrf_token": token},
                  follow_redirects=False)  # fmt: skip
    assert form.status_code == 303
    c.post("/logout", data={"csrf_token": token})
    assert c.get("/api/incidents").status_code == 401
    # the old cookie no longer works either (logout ends every session of the user)
    c2 = env.client()
    c2.cookies.set("reckon_session", cookie.split(";")[0].split("=", 1)[1])
    assert c2.get("/api/incidents").status_code == 401


def test_failed_logins_are_audited_and_rate_limited(env):
    c = env.client()
    for _ in range(10):
        assert login(c, "rita", "wrong password").status_code == 401
    assert login(c, "rita").status_code == 429  # even the right password waits now
    log = env.client("ada").get("/api/audit", params={"action": "login_failed"}).json()
    assert len(log["entries"]) == 10 and log["entries"][0]["target"] == "rita"
    assert login(env.client(), "nobody", "x" * 9).status_code in (401, 429)


def test_bodies_over_the_limit_get_413(env):
    c = env.client("rita")
    inc = all_incidents(c)[0]["id"]
    r = c.post(f"/api/incidents/{inc}/accept", content=b"{" + b" " * 400_000 + b"}",
               headers={"content-type": "application/json"})  # fmt: skip
    assert r.status_code == 413 and r.json()["error"]["status"] == 413
    big = env.client("cora").post("/api/reports", content=b"x" * 10_100_000,
                                  headers={"content-type": "text/plain"})  # fmt: skip
    assert big.status_code == 413


def test_ingest_by_post_with_the_clis_bad_input_errors(env):
    c = env.client("cora")
    text = "Clashes in Mopti\nFighting in Mopti killed three soldiers on Friday, officials said."
    r = c.post("/api/reports", content=text.encode(), params={"published": "2025-05-03"},
               headers={"content-type": "text/plain"})  # fmt: skip
    assert r.status_code == 201, r.text
    rid = r.json()["stored"][0]
    again = c.post("/api/reports", content=text.encode(), params={"published": "2025-05-03"},
                   headers={"content-type": "text/plain"})  # fmt: skip
    assert again.status_code == 200 and again.json()["already"] == [rid]
    bad = c.post("/api/reports", content=b"\x00\x01binary", headers={"content-type": "text/plain"})
    assert bad.status_code == 422 and "binary" in bad.json()["error"]["message"]
    log = env.client("rita").get("/api/audit", params={"action": "ingest"}).json()["entries"]
    assert log[0]["target"] == rid and log[0]["actor"] == "cora"


# -- escaping ------------------------------------------------------------------------------------


def test_hostile_report_text_is_escaped_everywhere(env):
    c = env.client("rita")
    incs = [i for i in all_incidents(c) if "xss-1" in i["reports"]]
    assert incs, "the hostile report tells an incident"
    pages = [c.get("/reports/xss-1"), c.get(f"/incidents/{incs[0]['id']}"), c.get("/"),
             c.get("/review"), c.get("/?q=Kano")]  # fmt: skip
    for r in pages:
        assert r.status_code == 200
        html = r.text
        assert "<script>window.__xss" not in html
        assert "<img src=x" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
        assert not re.search(r'href="\s*javascript:', html, re.I)
        assert "<b onmouseover" not in html
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        assert all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert "&lt;script&gt;window.__xss=&#39;text&#39;&lt;/script&gt;" in pages[0].text


def test_security_headers_on_pages_api_and_static(env):
    c = env.client("vic")
    for path in ("/", "/api/incidents", "/static/app.css", "/login"):
        r = c.get(path)
        assert r.status_code == 200, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert c.get("/api/incidents").headers["cache-control"] == "no-store"
    assert "max-age" in c.get("/static/map.js").headers["cache-control"]


def test_errors_are_json_with_the_right_status(env):
    c = env.client("rita")
    for path in ("/api/incidents/inc-nope", "/api/reports/nope", "/api/reports/nope/raw",
                 "/api/export/xlsx"):  # fmt: skip
        r = c.get(path)
        assert r.status_code == 404 and r.json()["error"]["status"] == 404
    inc = all_incidents(c)[0]["id"]
    r = c.post(f"/api/incidents/{inc}/corrections", json={"field": "fatalities",
               "value": {"low": 9, "best": 2}, "reason": "x"})  # fmt: skip
    assert r.status_code == 400 and "low <= best" in r.json()["error"]["message"]
    r = c.post(f"/api/incidents/{inc}/corrections", json={"field": "colour", "value": 1})
    assert r.status_code == 422 and r.json()["error"]["details"]
    assert c.get("/incidents/inc-nope").status_code == 404


# -- review through the API; the CLI sees it -----------------------------------------------------


def test_a_reviewers_correction_shows_in_api_cli_tally_and_export_and_survives_relink(env):
    rita = env.client("rita")
    incs = [i for i in all_incidents(rita) if i["fatalities_best"] is not None
            and i["date_start"]]  # fmt: skip
    target = incs[0]
    r = rita.post(f"/api/incidents/{target['id']}/corrections", json={
        "field": "fatalities", "value": {"low": 41, "best": 42, "high": 45},
        "reason": "the ministry's later count"})  # fmt: skip
    assert r.status_code == 200
    body = r.json()
    assert body["fatalities"]["best"] == 42
    assert body["provenance"]["review"]["machine"]["fatalities"]["best"] == target["fatalities_best"]
    assert body["provenance"]["figures"]["killed"]["claims"]
    listed = {i["id"]: i for i in all_incidents(rita)}[target["id"]]
    assert listed["fatalities_best"] == 42 and listed["corrected_fields"] == ["fatalities"]
    for _ in range(2):  # the CLI relinks, then re-ingests the same reports
        cli("incidents", "relink", "--db", str(env.db))
        CliRunner().invoke(main, ["ingest", "examples", "--db", str(env.db)])
        row = [x for x in cli("export", "--format", "acled-csv", "--db", str(env.db)).splitlines()
               if f"reckon_id={target['id']}" in x]  # fmt: skip
        assert row and ",42," in row[0]
        tally = cli("tally", "--by", "country", "--format", "jsonl", "--db", str(env.db))
        total = [json.loads(x) for x in tally.splitlines() if '"record": "total"' in x][0]
        assert total["ids"].count(target["id"]) == 1
        assert rita.get(f"/api/incidents/{target['id']}").json()["fatalities"]["best"] == 42
    entry = rita.get("/api/audit", params={"action": "correct"}).json()["entries"][0]
    assert entry["actor"] == "rita" and entry["after"]["value"]["best"] == 42
    assert rita.get("/api/audit/verify").json()["ok"] is True


def test_an_old_incident_id_points_to_where_its_mentions_went(env):
    rita = env.client("rita")
    incs = all_incidents(rita)
    a, b = incs[0]["id"], incs[1]["id"]
    merged = rita.post("/api/incidents/merge", json={"incidents": [a, b], "reason": "same"})
    assert merged.status_code == 200
    new = merged.json()["id"]
    gone = rita.get(f"/api/incidents/{a}")
    assert gone.status_code == 404 and gone.json()["error"]["current_id"] == new
    page = rita.get(f"/incidents/{a}", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == f"/incidents/{new}"


@pytest.mark.postgres
def test_the_api_over_postgresql(pg_url):
    from linkfixtures import ambush_extractions
    from reckon.store.incidents import relink, save_extraction
    from reckon.users import add_user, create_token

    store = open_store(pg_url)
    try:
        for x in ambush_extractions():
            store.add_report(x.report, analyse=lambda _r, conn, x=x: save_extraction(conn, x))
        with store.transaction() as conn:
            relink(conn)
            add_user(conn, "rita", "reviewer", PASSWORD, actor="cli:test")
            token = create_token(conn, "rita", None, actor="cli:test")[0]
        c = TestClient(create_app(store), raise_server_exceptions=False)
        c.headers["Authorization"] = f"Bearer {token}"
        incs = all_incidents(c)
        assert incs
        target = max(incs, key=lambda i: i["mentions"])["id"]
        r = c.post(f"/api/incidents/{target}/corrections", json={
            "field": "fatalities", "value": {"low": 7, "best": 7, "high": 7}, "reason": "x"})  # fmt: skip
        assert r.status_code == 200
        assert {i["id"]: i for i in all_incidents(c)}[target]["fatalities_best"] == 7
        assert ",7," in c.get("/api/export/acled-csv").text
        assert c.get("/api/audit/verify").json()["ok"]
    finally:
        store.close()
