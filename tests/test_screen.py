"""The learned incident screen (reckon.extract.screen): features, the packaged model, notes."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from reckon.extract import screen
from reckon.model import Actor, Count, DateInterval, Evidence, Extraction, Mention, Report, Span


def _mention(text: str, clause: str, sub: str = "Armed clash", **kw) -> Mention:
    start = text.index(clause)
    return Mention(
        event_type=kw.pop("event_type", "Battles"),
        sub_event_type=sub,
        evidence=[Evidence("clause", clause, start, start + len(clause))],
        **kw,
    )


def test_model_is_packaged_and_well_formed():
    model = screen.load_model()
    assert model is not None
    assert 0.0 <= model["threshold"] < 1.0
    assert model["weights"], "the screen has no weights"
    assert all(isinstance(v, float) for v in model["weights"].values())
    # rebuilt with sorted keys, weights rounded: the file is stable text
    raw = resources.files("reckon.extract").joinpath("data", "screen.json").read_text("utf-8")
    assert raw == json.dumps(json.loads(raw), indent=1, sort_keys=True) + "\n"


CUE_CASES = [
    ("The militia would attack the town if talks failed.", "modal"),
    ("Rebels could shell the airport again, officials fear.", "modal"),
    ("The army will launch an offensive next month.", "future"),
    ("The group vowed to bomb the pipeline.", "future"),
    ("Bandits frequently raid villages on market days.", "generic"),
    ("Gunmen routinely kidnap travellers on that road.", "generic"),
    ("Survivors marked the anniversary of the massacre.", "memory"),
    ("A court sentenced two soldiers for the killings.", "justice"),
    ("No one was hurt in the clash, police said.", "negation"),
    ("Troops entered the town unopposed.", "negation"),
    ("Rioters torched a bus during the match.", "sport"),
    ("According to the mayor, soldiers shot two men.", "speech"),
]


@pytest.mark.parametrize(("sentence", "cue"), CUE_CASES)
def test_clause_cue_classes(sentence: str, cue: str) -> None:
    m = _mention(sentence, sentence)
    f = screen.features(sentence, [m], 0)
    assert f.get("cue=" + cue) == 1.0


def test_features_of_roles_counts_and_position() -> None:
    text = 'Police said: "gunmen killed four farmers near the river."\nMore followed.'
    clause = "gunmen killed four farmers near the river."
    m = _mention(
        text,
        clause,
        "Attack",
        event_type="Violence against civilians",
        actors=[
            Actor("gunmen", "perpetrator", "Political militia", Span(13, 19, "gunmen")),
            Actor("farmers", "target", "Civilians", Span(32, 39, "farmers")),
        ],
        fatalities=Count(4, 4, 4),
    )
    other = _mention(text, clause, "Attack", event_type="Violence against civilians")
    f = screen.features(text, [m, other], 0)
    assert f["perpetrator=Political militia"] == 1.0
    assert f["target=Civilians"] == 1.0
    assert f["count=killed"] == 1.0
    assert f["quoted"] == 1.0
    assert f["first"] == 1.0
    assert f["same_sub_elsewhere"] == 1.0
    assert "no_actor" not in f
    g = screen.features(text, [m, other], 1)
    assert g["first"] == 0.0 and g["no_actor"] == 1.0


def test_apply_drops_below_threshold_and_says_so(monkeypatch) -> None:
    text = "Soldiers clashed with rebels in Kindu on Monday. Rebels may attack again."
    real = _mention(text, "Soldiers clashed with rebels in Kindu on Monday.",
                    date=DateInterval("2024-01-01", "2024-01-01"))
    maybe = _mention(text, "Rebels may attack again.")
    model = {"bias": 0.0, "threshold": 0.5, "weights": {"cue=modal": -5.0, "has_date": 0.0}}
    monkeypatch.setattr(screen, "load_model", lambda: model)
    monkeypatch.setenv("RECKON_SCREEN", "1")
    ex = Extraction(Report(id="r", raw=text.encode(), raw_text=text, text=text), incidents=[real, maybe])
    screen.apply(ex)
    assert ex.incidents == [real]
    assert any("screened out Battles/Armed clash" in n and "may attack" in n for n in ex.notes)
    # switched off (RECKON_SCREEN=0): everything stays
    monkeypatch.setenv("RECKON_SCREEN", "0")
    ex2 = Extraction(Report(id="r", raw=text.encode(), raw_text=text, text=text), incidents=[real, maybe])
    assert screen.apply(ex2).incidents == [real, maybe]


def test_probability_is_deterministic_and_bounded() -> None:
    model = {"bias": 100.0, "threshold": 0.5, "weights": {"x": 1.0}}
    assert screen.probability(model, {"x": 1.0}) == pytest.approx(1.0)
    model["bias"] = -100.0
    assert screen.probability(model, {"x": 1.0}) == pytest.approx(0.0)
