"""Scoring functions of reckon.evaluate on hand-made gold and prediction dicts, and `reckon eval`."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reckon import evaluate as ev
from reckon.cli import main

TEXT = (
    "Gunmen killed four farmers in Kafr Nabl on Tuesday, residents said. "
    "Separately, a drone strike hit a checkpoint near Saraqib on Wednesday, killing two soldiers. "
    "More than 300 people have been killed in the province since January. "
    "The governor condemned the attacks and ordered an inquiry."
)


def _span(text: str, needle: str, field: str = "evidence") -> dict[str, Any]:
    i = text.index(needle)
    return {"field": field, "text": needle, "start": i, "end": i + len(needle)}


def _gold() -> dict[str, Any]:
    return {
        "id": "t-1",
        "text": TEXT,
        "published": "2025-05-08",
        "incidents": [
            {
                "event_type": "Violence against civilians",
                "sub_event_type": "Attack",
                "date": {"start": "2025-05-06", "end": "2025-05-06"},
                "location": {
                    "name": "Kafr Nabl",
                    "country": "Syria",
                    "admin1": "Idlib",
                    "lat": 35.61,
                    "lon": 36.56,
                    "precision": 1,
                },
                "fatalities": {"low": 4, "best": 4, "high": 4},
                "injured": None,
                "evidence": ["Gunmen killed four farmers in Kafr Nabl"],
            },
            {
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "date": {"start": "2025-05-07", "end": "2025-05-07"},
                "location": {
                    "name": "Saraqib",
                    "country": "Syria",
                    "admin1": "Idlib",
                    "lat": 35.86,
                    "lon": 36.80,
                    "precision": 2,
                },
                "fatalities": {"low": 2, "best": 2, "high": 2},
                "injured": None,
                "evidence": ["a drone strike hit a checkpoint near Saraqib"],
            },
        ],
        "tolls": [
            {
                "kind": "killed",
                "low": 300,
                "best": 300,
                "high": None,
                "scope": "cumulative",
                "period": {"start": "2025-01", "end": "2025-05-08"},
                "area": "the province",
                "evidence": "More than 300 people have been killed",
            }
        ],
        "reactions": [
            {"kind": "condemnation", "actor": "The governor", "evidence": "condemned the attacks"},
            {"kind": "investigation", "actor": "The governor", "evidence": "ordered an inquiry"},
        ],
    }


def _perfect_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold row rewritten in the `reckon extract --format jsonl` shape."""
    text = gold["text"]
    incidents = []
    for k, g in enumerate(gold["incidents"]):
        inc = copy.deepcopy(g)
        inc["location"] = {**inc["location"], "iso": "SY", "admin2": None}
        inc["evidence"] = [_span(text, e) for e in g["evidence"]]
        inc["confidence"] = 0.9 - 0.1 * k
        inc.setdefault("abducted", None)
        inc.setdefault("arrested", None)
        inc["actors"] = []
        incidents.append(inc)
    tolls = [{**t, "evidence": [_span(text, t["evidence"])]} for t in gold["tolls"]]
    reactions = [{**r, "evidence": [_span(text, r["evidence"])]} for r in gold["reactions"]]
    return {
        "id": gold["id"],
        "report": {"title": None, "published": gold["published"], "text": text, "removed": []},
        "incidents": incidents,
        "tolls": tolls,
        "reactions": reactions,
    }


# ------------------------------------------------------------------------------------------
# compatibility helpers


def test_dates_compatible_overlap_slack_and_null() -> None:
    day = {"start": "2025-05-06", "end": "2025-05-06"}
    assert ev.dates_compatible(day, {"start": "2025-05-07", "end": "2025-05-07"})
    assert not ev.dates_compatible(day, {"start": "2025-05-08", "end": "2025-05-08"})
    assert ev.dates_compatible(day, {"start": "2025-05-01", "end": "2025-05-10"})
    assert ev.dates_compatible(day, None)
    assert ev.dates_compatible(None, day)
    assert ev.dates_compatible(day, {"start": None, "end": None})
    # partial dates cover their month / year
    assert ev.dates_compatible(day, {"start": "2025-05", "end": None})
    assert not ev.dates_compatible(day, {"start": "2025-07", "end": None})
    assert ev.date_gap_days(day, {"start": "2025-05-09", "end": "2025-05-12"}) == 3


def test_dates_equal_treats_missing_end_as_start() -> None:
    assert ev.dates_equal({"start": "2025-05-06", "end": "2025-05-06"}, {"start": "2025-05-06"})
    assert not ev.dates_equal({"start": "2025-05-06", "end": "2025-05-06"}, None)
    assert ev.dates_equal(None, {"start": None, "end": None})


def test_place_names_tolerate_transliteration() -> None:
    assert ev.same_place_name("Jableh", "Jablah")
    assert ev.same_place_name("Jebleh", "Jableh")
    assert ev.same_place_name("Tartous", "Tartus Governorate")
    assert ev.same_place_name("Deir ez-Zor", "Dayr az Zawr")
    assert ev.same_place_name("Al-Hasakah", "Hasakah")
    assert not ev.same_place_name("Homs", "Hama")
    assert not ev.same_place_name("Ber", "Bure")  # short skeletons must match exactly
    assert ev.same_place_name("Hama", "hama")
    assert not ev.same_place_name("", "Homs")


def test_places_compatible_by_name_admin1_or_distance() -> None:
    g = {"name": "Kafr Nabl", "country": "Syria", "admin1": "Idlib", "lat": 35.61, "lon": 36.56}
    assert ev.places_compatible(g, {"name": "Kafranbel"} | {"admin1": "Idlib Governorate"})
    # 30 km away, other admin1 spelling missing: compatible by distance only
    assert ev.places_compatible(g, {"name": "Elsewhere", "lat": 35.85, "lon": 36.70})
    # same admin1 name but another country is not the same place
    assert not ev.places_compatible(
        {"name": "A", "country": "Syria", "admin1": "Idlib"},
        {"name": "B", "country": "Iraq", "iso": "IQ", "admin1": "Idlib"},
    )
    far = {"name": "Daraa", "admin1": "Daraa", "lat": 32.62, "lon": 36.10}
    assert not ev.places_compatible(g, far)
    assert not ev.places_compatible(g, None)


def test_country_codes_from_ucdp_style_names() -> None:
    assert ev.country_code("DR Congo (Zaire)") == "CD"
    assert ev.country_code("Yemen (North Yemen)") == "YE"
    assert ev.country_code("Syria") == "SY"
    assert ev.country_code("sy") == "SY"
    assert ev.same_country({"country": "Palestine"}, {"iso": "PS", "country": "Palestinian"})


def test_interval_coverage() -> None:
    assert ev.interval_covers({"low": 5, "best": 5, "high": None}, 12)
    assert not ev.interval_covers({"low": 5, "best": 5, "high": 8}, 12)
    assert ev.interval_covers({"low": None, "best": 5, "high": 5}, 3)
    assert not ev.interval_covers(None, 3)
    assert not ev.interval_covers({"low": None, "best": None, "high": None}, 3)


# ------------------------------------------------------------------------------------------
# scoring


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = _gold()
    result = ev.score([gold], {"t-1": _perfect_prediction(gold)})
    m = result.metrics()
    for key in (
        "incident_precision",
        "incident_recall",
        "incident_f1",
        "event_type_accuracy",
        "sub_event_type_accuracy",
        "fatalities_best_exact",
        "fatalities_interval_coverage",
        "reports_with_death_toll_best_exact",
        "toll_precision",
        "toll_recall",
        "reaction_precision",
        "reaction_recall",
        "date_exact",
        "country_accuracy",
        "admin1_accuracy",
        "within_25km",
        "precision_agreement",
    ):
        assert m[key] == 1.0, key
    assert m["tolls_counted_as_incidents"] == 0
    assert result.errors == []


def test_missing_incident_lowers_recall_only() -> None:
    gold = _gold()
    pred = _perfect_prediction(gold)
    del pred["incidents"][1]
    result = ev.score([gold], [pred])
    m = result.metrics()
    assert m["incident_precision"] == 1.0
    assert m["incident_recall"] == 0.5
    assert m["incident_f1"] == pytest.approx(2 / 3)
    # the report's death toll is no longer fully read
    assert m["reports_with_death_toll_best_exact"] == 0.0
    assert [e.field for e in result.errors if e.field.startswith("incident")] == ["incident.missed"]


def test_wrong_type_breaks_the_match_but_keeps_the_count_at_report_level() -> None:
    gold = _gold()
    pred = _perfect_prediction(gold)
    pred["incidents"][1]["event_type"] = "Battles"
    pred["incidents"][1]["sub_event_type"] = "Armed clash"
    m = ev.score([gold], [pred]).metrics()
    assert m["incident_precision"] == 0.5
    assert m["incident_recall"] == 0.5
    # event types are judged on a type-blind pairing, so the error shows
    assert m["event_type_accuracy"] == 0.5
    assert m["sub_event_type_accuracy"] == 0.5
    # the mis-typed incident sits at the right place and date with the right count
    assert m["reports_with_death_toll_best_exact"] == 1.0
    # place metrics still see both incidents
    assert ev.score([gold], [pred]).ratios["admin1_accuracy"].den == 2


def test_toll_predicted_as_incident_is_flagged() -> None:
    gold = _gold()
    pred = _perfect_prediction(gold)
    pred["tolls"] = []
    bogus = copy.deepcopy(pred["incidents"][0])
    bogus["fatalities"] = {"low": 300, "best": 300, "high": None}
    bogus["sub_event_type"] = "Attack"
    pred["incidents"].append(bogus)
    result = ev.score([gold], [pred])
    m = result.metrics()
    assert m["tolls_counted_as_incidents"] == 1
    assert result.counts.reports_with_toll_as_incident == 1
    assert m["toll_recall"] == 0.0
    assert m["incident_precision"] == pytest.approx(2 / 3)
    assert any(e.field == "toll_as_incident" for e in result.errors)


def test_toll_match_needs_kind_and_value() -> None:
    gold = [{"kind": "killed", "low": 300, "best": 300, "high": None}]
    assert ev.match_tolls(gold, [{"kind": "killed", "low": 300, "best": 300}]) == [(0, 0)]
    assert ev.match_tolls(gold, [{"kind": "injured", "low": 300, "best": 300}]) == []
    assert ev.match_tolls(gold, [{"kind": "killed", "low": 30, "best": 30}]) == []


def test_fatalities_figures() -> None:
    gold = _gold()
    pred = _perfect_prediction(gold)
    pred["incidents"][0]["fatalities"] = {"low": 3, "best": 3, "high": None}
    result = ev.score([gold], [pred])
    m = result.metrics()
    assert m["fatalities_best_exact"] == 0.5
    assert m["fatalities_interval_coverage"] == 1.0  # 4 lies in [3, open)
    assert m["reports_with_death_toll_best_exact"] == 0.0


def _no_toll_row(rid: str) -> dict[str, Any]:
    g = _gold()
    g["id"] = rid
    for inc in g["incidents"]:
        inc["fatalities"] = None
    g["tolls"] = []
    return g


def test_no_death_toll_invented_counts_reports() -> None:
    rows = [_no_toll_row(f"n-{k}") for k in range(3)]
    rows.append({**_no_toll_row("n-3"), "incidents": []})  # a report without incidents counts too
    preds = [_perfect_prediction(g) for g in rows]
    preds[0]["incidents"][0]["fatalities"] = {"low": 5, "best": 5, "high": 5}  # invented
    preds[1]["incidents"][1]["fatalities"] = {"low": 0, "best": 0, "high": 0}  # a figure too
    extra = _perfect_prediction(_gold())["incidents"][0]
    preds[3]["incidents"] = [extra]  # invents an incident with 4 killed
    result = ev.score(rows, preds)
    r = result.ratios["reports_without_death_toll_none_invented"]
    assert (r.num, r.den) == (1, 4)
    # reports that give a toll are not in this metric's denominator
    assert "reports_with_death_toll_best_exact" not in result.metrics()
    k = result.ratios["fatalities_null_kept"]
    assert (k.num, k.den) == (4, 6)


def test_reactions_need_compatible_kind_and_overlapping_evidence() -> None:
    gold = _gold()
    pred = _perfect_prediction(gold)
    text = gold["text"]
    pred["reactions"] = [
        {"kind": "statement", "evidence": [_span(text, "The governor condemned the attacks")]},
        {"kind": "investigation", "evidence": [_span(text, "residents said")]},  # wrong place
    ]
    result = ev.score([gold], [pred])
    m = result.metrics()
    assert m["reaction_precision"] == 0.5
    assert m["reaction_recall"] == 0.5
    assert m["reaction_kind_exact"] == 0.0  # statement for a condemnation: compatible, not exact
    assert ev.reaction_kinds_compatible("appeal", "demand")
    assert not ev.reaction_kinds_compatible("investigation", "statement")


def test_main_incident_only_scores_highest_confidence() -> None:
    gold = {
        "id": "m-1",
        "text": TEXT,
        "main_incident_only": True,
        "incidents": [
            {
                "date": {"start": "2025-05-07", "end": "2025-05-07"},
                "location": {
                    "name": "Idlib",
                    "country": "Syria",
                    "admin1": "Idlib",
                    "precision": 3,
                },
                "evidence": [],
            }
        ],
        "tolls": [],
        "reactions": [],
    }
    pred = _perfect_prediction(_gold())
    pred["incidents"][1]["confidence"] = 0.95  # the Saraqib strike is the main one
    pred["incidents"][0]["location"]["admin1"] = "Hama"
    m = ev.score([gold], [pred]).metrics()
    assert m["main_incident_found"] == 1.0
    assert m["date_exact"] == 1.0
    assert m["admin1_accuracy"] == 1.0
    assert m["precision_agreement"] == 0.0  # gold 3, predicted 2
    assert m["admin1_any_incident"] == 1.0
    assert "incident_f1" not in m
    assert "event_type_accuracy" not in m  # gold has no event type
    empty = ev.score([gold], [None]).metrics()
    assert empty["main_incident_found"] == 0.0
    assert empty["admin1_accuracy"] == 0.0
    assert empty["date_exact"] == 0.0


def test_missing_predictions_score_zero_not_perfect() -> None:
    m = ev.score([_gold()], {}).metrics()
    assert m["incident_recall"] == 0.0
    assert m["incident_precision"] is None
    assert m["incident_f1"] == 0.0
    assert m["toll_recall"] == 0.0
    assert m["reaction_recall"] == 0.0


def test_pairwise_link_scores() -> None:
    gold = {"a": "c1", "b": "c1", "c": "c1", "d": "c2", "e": "c2"}
    # gold pairs: ab ac bc de = 4 of 10
    predicted = [["a", "b"], ["c", "d"], ["e", "x-unscored"]]
    s = ev.pairwise_link_scores(gold, predicted)
    assert (s.tp, s.fp, s.fn, s.pairs) == (1, 1, 3, 10)
    assert s.precision == 0.5
    assert s.recall == 0.25
    assert s.f1 == pytest.approx(1 / 3)
    perfect = ev.pairwise_link_scores(gold, [["a", "b", "c"], ["d", "e"]])
    assert perfect.f1 == 1.0


# ------------------------------------------------------------------------------------------
# reckon eval


def _write_gold(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_eval_rejects_bad_gold_files_clearly(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["eval", str(tmp_path / "missing.jsonl")])
    assert res.exit_code != 0
    assert "missing.jsonl" in res.output and "Traceback" not in res.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "a"}\n{not json\n', encoding="utf-8")
    res = runner.invoke(main, ["eval", str(bad)])
    assert res.exit_code != 0
    assert "bad.jsonl:2" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)


class _StandInExtraction:
    def __init__(self, d: dict[str, Any]) -> None:
        self._d = d

    def as_dict(self) -> dict[str, Any]:
        return self._d


def test_eval_scores_a_stand_in_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command wiring, with a stand-in pipeline that predicts only the first incident."""
    from reckon.commands import eval as eval_cmd

    gold = _gold()
    pred = _perfect_prediction(gold)
    del pred["incidents"][1]

    def report_from_text(text: str, **kw: Any) -> dict[str, Any]:
        return {"id": kw["id"], "text": text}

    def extract(report: dict[str, Any]) -> _StandInExtraction:
        assert report["id"] == "t-1"
        return _StandInExtraction(pred)

    monkeypatch.setattr(eval_cmd, "_pipeline", lambda: (report_from_text, extract, None))
    path = _write_gold(tmp_path, [gold])
    runner = CliRunner()
    res = runner.invoke(main, ["eval", str(path), "--json", "--errors"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["format"] == "gold"
    assert out["metrics"]["incident_recall"] == 0.5
    assert out["metrics"]["incident_precision"] == 1.0
    assert {"report": "t-1", "field": "incident.missed"}.items() <= out["errors"][0].items()
    res = runner.invoke(main, ["eval", str(path)])
    assert res.exit_code == 0
    assert "incident recall" in res.output and "0.500" in res.output


@pytest.mark.slow
def test_eval_runs_the_real_pipeline(tmp_path: Path) -> None:
    row = {
        "id": "own-1",
        "title": None,
        "text": "Gunmen shot dead three shepherds near the town of Salamiyah on Sunday, "
        "a local monitor said.",
        "published": "2025-06-03",
        "source": "test",
        "incidents": [
            {
                "event_type": "Violence against civilians",
                "sub_event_type": "Attack",
                "date": {"start": "2025-06-01", "end": "2025-06-01"},
                "location": {
                    "name": "Salamiyah",
                    "country": "Syria",
                    "admin1": "Hama",
                    "lat": 35.01,
                    "lon": 37.05,
                    "precision": 2,
                },
                "fatalities": {"low": 3, "best": 3, "high": 3},
                "injured": None,
                "evidence": ["Gunmen shot dead three shepherds"],
            }
        ],
        "tolls": [],
        "reactions": [],
    }
    path = _write_gold(tmp_path, [row])
    res = CliRunner().invoke(main, ["eval", str(path), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["reports"] == 1
    assert out["counts"]["gold_incidents"] == 1
    assert out["failures"] == []
    # the command scores exactly what the in-process pipeline produces
    from reckon.extract import extract
    from reckon.geocode import geocode
    from reckon.ingest import report_from_text

    ex = geocode(
        extract(report_from_text(row["text"], id="own-1", published="2025-06-03", source="test"))
    )
    expected = ev.score([row], [ex.as_dict()]).as_dict()
    assert out["metrics"] == expected["metrics"]
    assert out["counts"] == expected["counts"]


def test_wikievents_detection_scores() -> None:
    text = "A bomb exploded in a market. The mayor spoke. Two people died later."
    sents = ["A bomb exploded in a market.", "The mayor spoke.", "Two people died later."]
    doc = {
        "doc_id": "w-1",
        "text": text,
        "sentences": [[[], s] for s in sents],
        "event_mentions": [
            {"event_type": "Conflict.Attack.DetonateExplode", "trigger": {"sent_idx": 0}},
            {"event_type": "Contact.Contact.Broadcast", "trigger": {"sent_idx": 1}},
            {"event_type": "Life.Die.Unspecified", "trigger": {"sent_idx": 2}},
        ],
    }
    pred = {
        "report": {"text": text},
        "incidents": [
            {"event_type": "Explosions/Remote violence", "evidence": [_span(text, "A bomb")]},
            {"event_type": "Battles", "evidence": [_span(text, "The mayor")]},
        ],
    }
    m = ev.score_wikievents(doc, pred).metrics()
    assert m["wikievents_doc_detection"] == 1.0
    assert m["wikievents_violent_sentence_recall"] == 0.5
    assert m["wikievents_incident_precision"] == 0.5
    assert ev.score_wikievents(doc, None).metrics()["wikievents_doc_detection"] == 0.0


def test_eval_reports_pipeline_failures_and_scores_them_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reckon.commands import eval as eval_cmd

    def report_from_text(text: str, **kw: Any) -> dict[str, Any]:
        return {"id": kw["id"], "text": text}

    def extract(report: dict[str, Any]) -> Any:
        raise ValueError("boom")

    monkeypatch.setattr(eval_cmd, "_pipeline", lambda: (report_from_text, extract, None))
    path = _write_gold(tmp_path, [_gold()])
    res = CliRunner().invoke(main, ["eval", str(path), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output.splitlines()[0])
    assert out["failures"] == [{"report": "t-1", "error": "ValueError: boom"}]
    assert out["metrics"]["incident_recall"] == 0.0


# --------------------------------------------------------------------------------------------
# the learning / measuring split and the actor-type metrics (issue 10)


@pytest.mark.parametrize(
    ("rid", "part"),
    [("wda-001", "learn"), ("wda-002", "measure"), ("wdd-100", "measure"), ("dev-017", "learn"),
     ("fakes-1914947530", "measure"), ("no-digits", "measure"), (None, "measure")],
)
def test_split_part_follows_the_parity_of_the_last_number(rid: Any, part: str) -> None:
    assert ev.split_part(rid) == part


def _actor_incident(actors: list[tuple[str, str]]) -> dict[str, Any]:
    g = copy.deepcopy(_gold()["incidents"][0])
    g["actors"] = [{"text": f"a{k}", "role": r, "type": t} for k, (r, t) in enumerate(actors)]
    return g


def test_actor_type_agreement_overlap_and_exact_set() -> None:
    gold = {**_gold(), "incidents": [_actor_incident(
        [("perpetrator", "Rebel group"), ("target", "State forces"), ("target", "Political militia")]
    )]}
    pred = {"incidents": [_actor_incident([("perpetrator", "Rebel group"), ("target", "State forces")])]}
    res = ev.score_report(gold, pred)
    assert res.ratios["perpetrator_type_agreement"].value == 1.0
    assert res.ratios["perpetrator_type_set_exact"].value == 1.0
    assert res.ratios["target_type_agreement"].value == 1.0
    assert res.ratios["target_type_set_exact"].value == 0.0
    assert res.ratios["actor_types_all_right"].value == 0.0
    assert any(m.field == "target.type" for m in res.errors)


def test_actor_type_agreement_fails_without_a_predicted_actor_in_the_role() -> None:
    gold = {**_gold(), "incidents": [_actor_incident([("perpetrator", "Rebel group")])]}
    pred = {"incidents": [_actor_incident([("target", "Rebel group")])]}
    res = ev.score_report(gold, pred)
    assert res.ratios["perpetrator_type_agreement"].value == 0.0
    assert "target_type_agreement" not in res.ratios  # the gold names no target


def test_reports_with_no_event_left_empty() -> None:
    gold = {"id": "n-1", "text": TEXT, "incidents": [], "tolls": [], "reactions": []}
    assert ev.score_report(gold, {"incidents": []}).ratios["no_event_reports_empty"].value == 1.0
    spurious = {"incidents": [_gold()["incidents"][0]]}
    assert ev.score_report(gold, spurious).ratios["no_event_reports_empty"].value == 0.0


def test_eval_part_scores_only_that_part(tmp_path: Path) -> None:
    rows = [{**_gold(), "id": f"t-{n}", "incidents": []} for n in (1, 2, 3)]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    from reckon.commands import eval as eval_mod

    seen: list[str] = []

    def fake_pipeline(rs: Any, **_: Any) -> tuple[list[Any], list[Any]]:
        seen.extend(r["id"] for r in rs)
        return [None] * len(rs), []

    runner = CliRunner()
    old = eval_mod.run_pipeline
    eval_mod.run_pipeline = fake_pipeline  # type: ignore[assignment]
    try:
        res = runner.invoke(main, ["eval", str(path), "--part", "learn", "--json"])
    finally:
        eval_mod.run_pipeline = old  # type: ignore[assignment]
    assert res.exit_code == 0, res.output
    assert seen == ["t-1", "t-3"]
    assert json.loads(res.output)["reports"] == 2
