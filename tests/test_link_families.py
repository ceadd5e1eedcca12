"""Linking reports that disagree the way real reports do (issue 10): type families, place
hierarchies, weekday dates, differing figures; and look-alike reports of other happenings that
must stay apart. Hand-built mentions on texts of our own, plus the cluster sets in
``tests/fixtures/link_clusters_*.jsonl`` through the whole pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkfixtures import count, report
from reckon.link import link_extractions, pairwise_f1, place_score, report_ids
from reckon.model import Actor, DateInterval, Extraction, Location, Mention, Span

FIXTURES = Path(__file__).resolve().parent / "fixtures"

ARIHA = dict(country="Syria", iso="SY", admin1="Idlib", lat=35.8137, lon=36.6096, geonameid=1)
KHARKIV = dict(country="Ukraine", iso="UA", admin1="Kharkiv", lat=49.98, lon=36.25, geonameid=2)
DANSADAU = dict(country="Nigeria", iso="NG", admin1="Zamfara", lat=11.296, lon=6.495, geonameid=3)
MARU = dict(country="Nigeria", iso="NG", admin1="Zamfara", lat=12.334, lon=6.404, geonameid=4)
TAHOUA = dict(country="Niger", iso="NE", admin1="Tahoua", lat=14.89, lon=5.27)


def _m(rep, et, sub, day, loc, *, killed=None, said=None, actors=()):
    date = None
    if day:
        sp = Span(rep.text.index(said), rep.text.index(said) + len(said), said) if said else None
        date = DateInterval(day, day, sp, True)
    return Mention(et, sub, date=date, location=loc, fatalities=killed,
                   actors=[Actor(t, r, ty) for t, r, ty in actors], report_id=rep.id)  # fmt: skip


def _loc(name, precision=1, feature="town", **kw):
    return Location(name, precision=precision, resolved=True, feature=feature, **kw)


def _linked(incs, a, b):
    return any(a in report_ids(i) and b in report_ids(i) for i in incs)


def test_an_attack_told_as_a_clash_links_when_place_day_and_counts_agree():
    t1 = "Militants attacked a police post in Ariha on Monday; five policemen were killed."
    t2 = "Five people died in a gun battle between police and militants in Ariha on Monday."
    r1, r2 = report("fa-1", t1, "2024-03-12"), report("fa-2", t2, "2024-03-12")
    a = _m(r1, "Violence against civilians", "Attack", "2024-03-11", _loc("Ariha", **ARIHA),
           killed=count(t1, "five policemen", 5, 5, 5))  # fmt: skip
    b = _m(r2, "Battles", "Armed clash", "2024-03-11", _loc("Ariha", **ARIHA),
           killed=count(t2, "Five people", 5, 5, 5))  # fmt: skip
    incs = link_extractions([Extraction(r1, incidents=[a]), Extraction(r2, incidents=[b])])
    assert _linked(incs, "fa-1", "fa-2")


def test_two_types_with_counts_far_apart_are_two_happenings():
    t1 = "Fighters stormed a village west of Ariha on Sunday, killing 25 civilians."
    t2 = "The army and rebels clashed in Ariha on Sunday; three soldiers were killed."
    r1, r2 = report("fb-1", t1, "2024-03-12"), report("fb-2", t2, "2024-03-12")
    a = _m(r1, "Violence against civilians", "Attack", "2024-03-10", _loc("Ariha", **ARIHA),
           killed=count(t1, "25 civilians", 25, 25, 25))  # fmt: skip
    b = _m(r2, "Battles", "Armed clash", "2024-03-10", _loc("Ariha", **ARIHA),
           killed=count(t2, "three soldiers", 3, 3, 3))  # fmt: skip
    incs = link_extractions([Extraction(r1, incidents=[a]), Extraction(r2, incidents=[b])])
    assert not _linked(incs, "fb-1", "fb-2")


def test_a_protest_and_a_bombing_in_one_town_on_one_day_stay_apart():
    t1 = "Traders marched peacefully in Ariha on Monday against new taxes."
    t2 = "A roadside bomb killed four soldiers in Ariha on Monday."
    r1, r2 = report("fc-1", t1, "2024-03-12"), report("fc-2", t2, "2024-03-12")
    a = _m(r1, "Protests", "Peaceful protest", "2024-03-11", _loc("Ariha", **ARIHA),
           actors=[("Traders", "perpetrator", "Protesters")])  # fmt: skip
    b = _m(r2, "Explosions/Remote violence", "Remote explosive/landmine/IED", "2024-03-11",
           _loc("Ariha", **ARIHA), killed=count(t2, "four soldiers", 4, 4, 4))  # fmt: skip
    incs = link_extractions([Extraction(r1, incidents=[a]), Extraction(r2, incidents=[b])])
    assert not _linked(incs, "fc-1", "fc-2")


def test_a_village_and_its_district_link_through_the_report_that_names_both():
    t1 = "Gunmen killed eleven villagers in Dansadau, Zamfara state, on Sunday."
    t2 = "Bandits killed nine people in Maru local government area of Zamfara on Sunday."
    t3 = "On 10 March 2024, in Dansadau (Maru, Zamfara), bandits attacked villagers, killing 11."
    reps = [report("fd-1", t1, "2024-03-12"), report("fd-2", t2, "2024-03-11"),
            report("fd-3", t3, "2024-03-18")]  # fmt: skip
    places = [_loc("Dansadau", **DANSADAU), _loc("Maru", precision=2, **MARU),
              _loc("Dansadau", **DANSADAU)]  # fmt: skip
    killed = [
        count(t1, "eleven", 11, 11, 11),
        count(t2, "nine", 9, 9, 9),
        count(t3, "11", 11, 11, 11),
    ]
    xs = [
        Extraction(
            r, incidents=[_m(r, "Violence against civilians", "Attack", "2024-03-10", p, killed=k)]
        )  # fmt: skip
        for r, p, k in zip(reps, places, killed, strict=True)
    ]
    incs = link_extractions(xs)
    assert len(incs) == 1 and sorted(report_ids(incs[0])) == ["fd-1", "fd-2", "fd-3"]
    # without the coder's note naming the district, the town 116 km from Maru stays apart
    assert not _linked(link_extractions(xs[:2]), "fd-1", "fd-2")


def test_place_levels():
    town = _loc("Tahoua", **TAHOUA)
    region = _loc("Tahoua", precision=3, feature="admin1", **TAHOUA)
    assert place_score(town, _loc("Tahoua", **TAHOUA))[0] == 0.95
    assert place_score(town, region)[0] == 0.75  # a town and the region named after it
    elsewhere = _loc("Tahoua", precision=3, feature="admin1", **{**TAHOUA, "admin1": "Agadez"})
    assert place_score(town, elsewhere)[0] == 0.6  # ... which the gazetteer does not put it in
    guessed = Location("Tahoua", country="Nigeria", iso="NG", admin1="Niger", resolved=True)
    assert place_score(town, guessed, (True, False))[0] == 0.8  # one country only guessed
    assert place_score(town, guessed, (True, True))[1] == "different countries"
    maru = _loc("Maru", precision=2, **MARU)
    ctx = frozenset({"n:maru", "t:mr"})
    assert place_score(_loc("Dansadau", **DANSADAU), maru)[0] <= 0.05
    assert place_score(_loc("Dansadau", **DANSADAU), maru, contexts=(ctx, frozenset()))[0] == 0.75


def test_a_weekday_read_against_the_wrong_week_still_links():
    t1 = "Shelling killed two people in Kharkiv on Tuesday, the governor said."
    t2 = "On 12 March 2024, in Kharkiv, Russian shelling killed two civilians."
    r1, r2 = report("fe-1", t1, "2024-03-19"), report("fe-2", t2, "2024-03-20")
    sub = "Shelling/artillery/missile attack"
    a = _m(r1, "Explosions/Remote violence", sub, "2024-03-19", _loc("Kharkiv", **KHARKIV),
           killed=count(t1, "two people", 2, 2, 2), said="on Tuesday")  # fmt: skip
    b = _m(r2, "Explosions/Remote violence", sub, "2024-03-12", _loc("Kharkiv", **KHARKIV),
           killed=count(t2, "two civilians", 2, 2, 2), said="12 March 2024")  # fmt: skip
    xs = [Extraction(r1, incidents=[a]), Extraction(r2, incidents=[b])]
    assert _linked(link_extractions(xs), "fe-1", "fe-2")
    a.date = DateInterval("2024-03-19", "2024-03-19", Span(0, 8, "Shelling"), True)
    assert not _linked(link_extractions(xs), "fe-1", "fe-2")  # a date, not a weekday: 7 days


def test_daily_shelling_of_one_city_stays_apart_day_by_day():
    sub = "Shelling/artillery/missile attack"
    xs = []
    for i, day in enumerate(("2024-06-10", "2024-06-14")):
        t = f"Russian shelling killed {i + 2} people in Kharkiv, the governor said."
        r = report(f"ff-{i}", t, day)
        xs.append(Extraction(r, incidents=[_m(r, "Explosions/Remote violence", sub, day,
                                              _loc("Kharkiv", **KHARKIV))]))  # fmt: skip
    assert len(link_extractions(xs)) == 2


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "n", "o"]
)
def test_cluster_sets_through_the_whole_pipeline(name, capsys):
    from reckon.extract import extract
    from reckon.geocode import geocode
    from reckon.ingest import report_from_text

    rows = [json.loads(x) for x in (FIXTURES / f"link_clusters_{name}.jsonl").open()]
    xs = [
        geocode(extract(report_from_text(r["text"], id=r["id"], title=r["title"] or None,
                                         published=r["published"], source=r["source"])))
        for r in rows
    ]  # fmt: skip
    score = pairwise_f1(
        {r["id"]: r["cluster"] for r in rows}, [report_ids(i) for i in link_extractions(xs)]
    )
    with capsys.disabled():
        print(f"\nlink_clusters_{name}: pairwise F1 {score['f1']:.3f} "
              f"(P {score['precision']:.3f} R {score['recall']:.3f})")  # fmt: skip
    # the reader misses some reports entirely: these floors leave it room, not linking
    # sets e and f hold the hardest cases (an undated post beside two blasts a day apart, places
    # the geocoder puts in another country, reports the reader finds no event in): lower floors
    # h, i, l: places the geocoder puts in another country or state, reports with no event found
    floor = {
        "e": (0.8, 0.7),
        "f": (0.9, 0.5),
        "h": (0.9, 0.7),
        "i": (0.9, 0.7),
        "l": (0.9, 0.7),
    }.get(name, (0.9, 0.75))
    assert score["precision"] >= floor[0] and score["f1"] >= floor[1]
