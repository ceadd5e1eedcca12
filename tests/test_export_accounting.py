"""Exports never lose an incident silently (issue 14, acceptance 2).

Every format writes an incident or names it with the reason it cannot hold it, and
``written + not written == incidents``; on the command line, the rows in the file plus the
lines naming what was left out equal ``reckon incidents``.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkfixtures import (
    ambush_extractions,
    mention,
    other_extractions,
    report,
    toll_update_extractions,
)
from reckon.cli import main
from reckon.export import FORMATS, run_export
from reckon.export.ucdp import NO_DEATH, NO_ONE_KILLED
from reckon.link import link_extractions
from reckon.model import Count, DateInterval, Extraction, Incident, Location


def _base() -> list[Incident]:
    return link_extractions(ambush_extractions() + toll_update_extractions() + other_extractions())


def _variant(inc: Incident, new_id: str, **changes: object) -> Incident:
    v = copy.deepcopy(inc)
    v.id = new_id
    for k, val in changes.items():
        setattr(v, k, val)
    return v


def _hard_cases() -> list[Incident]:
    """The base incidents plus one of each kind a format may not hold."""
    base = _base()
    lethal = next(i for i in base if i.fatalities and (i.fatalities.best or 0) > 0)
    undated_reports = copy.deepcopy(lethal.provenance)
    for r in undated_reports.get("reports", []):
        r["published"] = None
    return [
        *base,
        # undated, and no report carries a publication date
        _variant(lethal, "inc-undated", date=None, provenance=undated_reports),
        # undated text, but its report has a publication date: ACLED time_precision 3
        _variant(lethal, "inc-month", date=DateInterval(None, None)),
        # an abduction with no death told
        _variant(
            lethal,
            "inc-abduction",
            event_type="Violence against civilians",
            sub_event_type="Abduction/forced disappearance",
            fatalities=None,
            abducted=Count(2, 2, 2),
        ),
        # a clash in which no one was killed
        _variant(lethal, "inc-no-deaths", fatalities=Count(0, 0, 0)),
        # a protest
        _variant(
            lethal,
            "inc-protest",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            fatalities=None,
        ),
        # a place the gazetteer did not find
        _variant(lethal, "inc-unlocated", location=Location("Nowhere Creek")),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_incident_is_written_or_named(fmt: str) -> None:
    incs = _hard_cases()
    told: list[str] = []
    out = io.StringIO()
    s = run_export(fmt, iter(incs), out, on_skip=lambda nw: told.append(nw.incident))
    assert s.incidents == len(incs)
    assert s.written + len(s.not_written) == len(incs)
    assert told == [nw.incident for nw in s.not_written]
    assert all(nw.reason for nw in s.not_written)
    text = out.getvalue()
    if fmt == "geojson":
        rows = len(json.loads(text)["features"])
    elif fmt == "jsonl":
        rows = sum(1 for x in text.splitlines() if json.loads(x)["record"] == "incident")
    else:
        rows = len(list(csv.DictReader(io.StringIO(text))))
    assert rows == s.written


def _reasons(fmt: str) -> dict[str, str]:
    s = run_export(fmt, _hard_cases(), io.StringIO())
    return {nw.incident: nw.reason for nw in s.not_written}


def test_acled_keeps_a_month_dated_incident_and_names_the_undated_one() -> None:
    out = io.StringIO()
    s = run_export("acled-csv", _hard_cases(), out)
    assert [nw.incident for nw in s.not_written] == ["inc-undated"]
    assert "no date" in s.not_written[0].reason and "event_date" in s.not_written[0].reason
    rows = {r["tags"].rsplit("reckon_id=", 1)[1]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    month = rows["inc-month"]
    assert month["time_precision"] == "3" and month["event_date"]
    assert rows["inc-abduction"]["fatalities"] == "0"  # ACLED codes unknown fatalities as 0


def test_ucdp_holds_lethal_organised_violence_only() -> None:
    out = io.StringIO()
    s = run_export("ucdp-csv", _hard_cases(), out)
    why = {nw.incident: nw.reason for nw in s.not_written}
    assert why["inc-abduction"] == NO_DEATH
    assert why["inc-no-deaths"] == NO_ONE_KILLED
    assert why["inc-protest"].startswith("Protests: UCDP GED holds organised violence only")
    assert "no date" in why["inc-undated"]
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and all(int(r["best"]) >= 1 for r in rows)
    assert all(int(r["low"]) <= int(r["best"]) <= int(r["high"]) for r in rows)
    assert "inc-month" in {r["relid"] for r in rows}
    assert {r["date_prec"] for r in rows if r["relid"] == "inc-month"} == {"5"}


def test_geojson_names_incidents_without_coordinates() -> None:
    why = _reasons("geojson")
    assert "inc-unlocated" in why and "Nowhere Creek" in why["inc-unlocated"]


def test_jsonl_holds_everything() -> None:
    assert _reasons("jsonl") == {}


def test_summary_line() -> None:
    s = run_export("ucdp-csv", _hard_cases(), io.StringIO())
    line = s.line("g.csv")
    assert re.fullmatch(
        r"wrote \d+ of \d+ incident\(s\) as ucdp-csv to g\.csv; \d+ not written \(listed above\)",
        line,
    )
    assert f"wrote {s.written} of {len(_hard_cases())} " in line


# -- the command line over a store --------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> str:
    from reckon.store import open_store
    from reckon.store.incidents import relink, save_extraction

    exs = ambush_extractions() + toll_update_extractions() + other_extractions()
    # one more report telling an abduction in which nobody died, with no date and no
    # publication date anywhere: ACLED cannot date it, UCDP GED does not hold it
    text = "Gunmen abducted three traders on the road to Baniyas, their families said."
    r = report("abd-1", text, None, "Coast Monitor")
    m = mention(
        r,
        "Violence against civilians",
        "Abduction/forced disappearance",
        None,
        "Baniyas",
        actors=[("Gunmen", "perpetrator", "Political militia")],
        evidence="Gunmen abducted three traders",
    )
    m.abducted = Count(3, 3, 3)
    exs.append(Extraction(r, incidents=[m]))
    path = tmp_path / "acc.db"
    st = open_store(path)
    with st.transaction() as conn:
        for x in exs:
            save_extraction(conn, x)
        relink(conn)
    st.close()
    return str(path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_rows_plus_named_equal_incidents(db: str, tmp_path: Path, fmt: str) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["incidents", "--db", db, "--format", "jsonl"])
    ids = {json.loads(x)["id"] for x in listed.stdout.splitlines()}
    out = tmp_path / f"out.{fmt}"
    r = runner.invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        written = {f["id"] for f in json.loads(text)["features"]}
    elif fmt == "jsonl":
        recs = [json.loads(x) for x in text.splitlines()]
        written = {x["id"] for x in recs if x["record"] == "incident"}
    elif fmt == "acled-csv":
        written = {x["tags"].rsplit("reckon_id=", 1)[1] for x in csv.DictReader(io.StringIO(text))}
    else:
        written = {x["relid"] for x in csv.DictReader(io.StringIO(text))}
    err = r.stderr.splitlines()
    named = {
        m.group(1) for x in err if (m := re.match(rf"reckon: not written to {fmt}: (inc-\w+): ", x))
    }
    assert written | named == ids and not (written & named)
    assert err[-1].startswith(f"wrote {len(written)} of {len(ids)} incident(s)")
    assert f" as {fmt} to {out}" in err[-1]
    assert len(err) == len(named) + 1  # nothing else on stderr
    if fmt == "ucdp-csv":
        assert any("UCDP GED holds lethal events only" in x for x in err)
    if fmt == "acled-csv":
        assert any("no date" in x for x in err)
    # to stdout: the same file, the same lines on stderr
    r2 = runner.invoke(main, ["export", "--db", db, "--format", fmt])
    assert r2.stdout == text
    assert r2.stderr.splitlines()[:-1] == err[:-1]
