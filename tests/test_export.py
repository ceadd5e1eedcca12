"""Exports (ACLED CSV, UCDP CSV, GeoJSON, JSONL) and the command line over a store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from linkfixtures import ambush_extractions, other_extractions, toll_update_extractions
from reckon.cli import main
from reckon.export import export
from reckon.export.acled import ACLED_COLUMNS
from reckon.export.ucdp import UCDP_COLUMNS
from reckon.link import link_extractions
from reckon.model import ACLED_TAXONOMY

EXPECTED_ACLED = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
    "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
).split(",")


def _extractions():
    return ambush_extractions() + toll_update_extractions() + other_extractions()


def _incidents():
    return link_extractions(_extractions())


def _export(fmt, incs=None, tolls=()):
    buf = io.StringIO()
    export(fmt, _incidents() if incs is None else incs, buf, tolls)
    return buf.getvalue()


def test_acled_csv_columns_and_codes():
    text = _export("acled-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(ACLED_COLUMNS) == EXPECTED_ACLED
    assert next(csv.reader(io.StringIO(text))) == EXPECTED_ACLED
    assert len(rows) == 4
    for r in rows:
        assert r["sub_event_type"] in ACLED_TAXONOMY[r["event_type"]]
        assert 1 <= int(r["inter1"]) <= 8
        assert r["inter2"] == "" or 1 <= int(r["inter2"]) <= 8
        assert int(r["geo_precision"]) in (1, 2, 3)
        assert int(r["time_precision"]) in (1, 2, 3)
        assert r["disorder_type"] == "Political violence"
        assert r["event_id_cnty"][:3] in ("SYR", "UKR")
        assert r["notes"].startswith("On ") and '"' in r["notes"]
        assert int(r["fatalities"]) >= 0 and int(r["timestamp"]) > 0
    by_loc = {r["location"]: r for r in rows if r["event_type"] != "Explosions/Remote violence"}
    ambush = by_loc["Jableh"]
    assert (ambush["inter1"], ambush["inter2"], ambush["interaction"]) == ("3", "1", "13")
    assert ambush["iso"] == "760" and ambush["region"] == "Middle East"
    assert ambush["fatalities"] == "16"
    baniyas = by_loc["Baniyas"]
    assert baniyas["civilian_targeting"] == "Civilian targeting" and baniyas["actor2"].startswith(
        "Civilians"
    )
    odesa = next(r for r in rows if r["location"] == "Odesa")
    assert odesa["region"] == "Europe" and odesa["iso"] == "804"


def test_ucdp_csv_ranges():
    rows = list(csv.DictReader(io.StringIO(_export("ucdp-csv"))))
    assert len(rows) == 4
    assert list(rows[0]) == list(UCDP_COLUMNS)
    for r in rows:
        assert r["date_start"] <= r["date_end"]
        assert int(r["low"]) <= int(r["best"]) <= int(r["high"])
        assert r["type_of_violence"] in ("1", "2", "3")
        assert int(r["number_of_sources"]) >= 1
    ambush = next(r for r in rows if r["side_a"] == "Government of Syria")
    assert ambush["type_of_violence"] == "1" and ambush["number_of_sources"] == "4"
    civ = next(r for r in rows if r["adm_1"] == "Tartus")
    assert civ["type_of_violence"] == "3" and civ["deaths_civilians"] == "2"


def test_geojson_is_rfc7946_feature_collection():
    fc = json.loads(_export("geojson"))
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == 4  # every incident here is geocoded
    for f in fc["features"]:
        assert f["type"] == "Feature"
        assert set(f) >= {"type", "geometry", "properties"}
        geom = f["geometry"]
        assert geom["type"] == "Point" and len(geom["coordinates"]) == 2
        lon, lat = geom["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(f["properties"], dict)
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())
    jableh = next(f for f in fc["features"] if f["properties"]["location"] == "Jableh")
    assert jableh["geometry"]["coordinates"] == [35.9256, 35.3609]  # [lon, lat]


def test_geojson_skips_incidents_without_coordinates():
    incs = _incidents()
    incs[0].location = None
    assert len(json.loads(_export("geojson", incs))["features"]) == 3


def test_jsonl_has_full_provenance_and_tolls():
    tolls = [t for x in _extractions() for t in x.tolls]
    lines = [json.loads(x) for x in _export("jsonl", tolls=tolls).splitlines()]
    incs = [x for x in lines if x["record"] == "incident"]
    assert len(incs) == 4 and [x["record"] for x in lines].count("toll") == 1
    for inc in incs:
        prov = inc["provenance"]
        assert prov["rule"] == "ucdp-1" and prov["members"] and prov["reports"]
        for m in inc["mentions"]:
            for ev in m["evidence"]:
                assert set(ev) == {"field", "text", "start", "end"}


@pytest.mark.parametrize("fmt", ["acled-csv", "ucdp-csv", "geojson", "jsonl"])
def test_exports_are_deterministic(fmt):
    assert _export(fmt) == _export(fmt)


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown export format"):
        _export("xlsx")


# -- command line ----------------------------------------------------------------------------


@pytest.fixture()
def db(tmp_path):
    from reckon.store import open_store
    from reckon.store.incidents import relink, save_extraction

    path = tmp_path / "cli.db"
    st = open_store(path)
    with st.transaction() as conn:
        for x in _extractions():
            save_extraction(conn, x)
        relink(conn)
    st.close()
    return str(path)


def test_cli_incidents_tally_export(db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines()]
    ambush = next(r for r in rows if "amb-a" in r["reports"])
    assert (ambush["sources"], ambush["independent_sources"], ambush["mentions"]) == (4, 3, 4)
    res = runner.invoke(main, ["incidents", "--db", db, "--format", "csv"])
    assert res.exit_code == 0 and res.output.startswith("id,event_type,")
    res = runner.invoke(main, ["incidents", "--db", db])
    assert res.exit_code == 0 and "4 incident(s)" in res.output

    res = runner.invoke(main, ["tally", "--db", db, "--by", "admin1"])
    assert res.exit_code == 0, res.output
    assert "Cumulative tolls (never added" in res.output and "1400" in res.output
    res = runner.invoke(main, ["tally", "--db", db, "--format", "jsonl", "--by", "country"])
    recs = [json.loads(x) for x in res.output.splitlines()]
    assert {r["record"] for r in recs} == {"group", "total", "toll"}

    out = tmp_path / "acled.csv"
    res = runner.invoke(main, ["export", "--db", db, "--format", "acled-csv", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").splitlines()[0].split(",") == EXPECTED_ACLED
    res = runner.invoke(main, ["export", "--db", db, "--format", "geojson"])
    assert json.loads(res.stdout)["type"] == "FeatureCollection"


def test_cli_split_merge_and_errors(db):
    runner = CliRunner()
    rows = [
        json.loads(x)
        for x in runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"]).output.split(
            "\n"
        )
        if x
    ]
    ambush = next(r for r in rows if "amb-a" in r["reports"])
    res = runner.invoke(main, ["incidents", "split", ambush["id"], "amb-c#0", "--db", db])
    assert res.exit_code == 0, res.output
    assert "2 incident(s)" in res.output
    res = runner.invoke(main, ["incidents", "split", "inc-0000", "x#0", "--db", db])
    assert res.exit_code != 0 and "no incident 'inc-0000'" in res.output
    assert "Traceback" not in res.output
    res = runner.invoke(main, ["incidents", "merge", ambush["id"], "--db", db])
    assert res.exit_code != 0 and "at least two" in res.output
    res = runner.invoke(main, ["tally", "--db", db, "--from", "yesterday"])
    assert res.exit_code == 2 and "Invalid value for '--from': unrecognised date" in res.output


def test_cli_show_incident_lists_claims_spans_dates_and_rule(db):
    runner = CliRunner()
    rows = [
        json.loads(x)
        for x in runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"]).output.split(
            "\n"
        )
        if x
    ]
    van = next(r for r in rows if "van-1" in r["reports"])
    assert van["fatalities_best"] == 11
    res = runner.invoke(main, ["show", van["id"], "--db", db])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "best 11" in out and "rule ucdp-1" in out
    assert '"At least 7" [0:10]' in out and "published 2025-05-10" in out
    assert "published 2025-05-11" in out and "[update]" in out
    assert "superseded by a later claim from the same source" in out
    res = runner.invoke(main, ["show", "inc-doesnotexist", "--db", db])
    assert res.exit_code != 0 and "Traceback" not in res.output


def test_cli_relinks_lazily_after_a_batch_saved_without_relinking(tmp_path):
    from reckon.store import open_store
    from reckon.store.incidents import analyse_and_store, needs_relink

    path = tmp_path / "lazy.db"
    st = open_store(path)
    xs = {x.report.id: x for x in _extractions()}
    for x in xs.values():
        st.add_report(
            x.report,
            analyse=lambda rep, conn: analyse_and_store(
                rep, conn, extract=lambda r: xs[r.id], geocode=lambda e: e, relink_now=False
            ),
        )
    with st.transaction() as conn:
        assert needs_relink(conn)
    st.close()
    res = CliRunner().invoke(main, ["incidents", "--db", str(path), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    got = sorted(json.loads(x)["id"] for x in res.output.splitlines())
    assert got == sorted(i.id for i in _incidents())


def test_cli_relink_is_idempotent(db):
    runner = CliRunner()
    before = runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"]).output
    res = runner.invoke(main, ["incidents", "relink", "--db", db])
    assert res.exit_code == 0 and "relinked: 4 incident(s)" in res.output
    assert runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"]).output == before


def test_acled_violence_against_civilians_always_has_civilians_as_actor2():
    from reckon.export.acled import acled_row
    from reckon.model import Actor, DateInterval, Incident, Location

    def vac(actors):
        return Incident(
            id="inc-vac",
            event_type="Violence against civilians",
            sub_event_type="Abduction/forced disappearance",
            date=DateInterval("2025-02-03", "2025-02-03"),
            location=Location("Gao", country="Mali", iso="ML", admin1="Gao", precision=1),
            actors=actors,
        )

    unnamed = acled_row(vac([]))
    assert unnamed is not None
    assert (unnamed["actor2"], unnamed["inter2"], unnamed["interaction"]) == (
        "Civilians (Mali)",
        7,
        37,
    )
    mixed = acled_row(
        vac(
            [
                Actor("gunmen", "perpetrator", "Political militia"),
                Actor("a soldier", "target", "State forces"),
                Actor("two teachers", "target", "Civilians"),
            ]
        )
    )
    assert mixed is not None
    assert (mixed["actor2"], mixed["inter2"], mixed["assoc_actor_2"]) == (
        "Civilians (Mali)",
        7,
        "A soldier",
    )
    assert mixed["interaction"] == 37 and mixed["civilian_targeting"] == "Civilian targeting"
