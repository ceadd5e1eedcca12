"""Agreement of figures, actors, districts and undated reports when linking (issue 10): hand-built
mentions on texts of our own; each case has look-alikes that must stay apart, and every result is
checked in both input orders."""

from __future__ import annotations

from datetime import date

from linkfixtures import count, groups_every_order, report
from reckon.link import place_score, time_score
from reckon.link.factors import actor_score, figures_score
from reckon.model import Actor, DateInterval, Extraction, Location, Mention

PLATEAU = dict(country="Nigeria", iso="NG", admin1="Plateau", resolved=True)
KIVU = dict(country="DR Congo", iso="CD", admin1="North Kivu")


def _m(rep, et, sub, day, loc, *, killed=None, injured=None, actors=()):
    date_ = DateInterval(day, day, None, True) if day else None
    return Mention(et, sub, date=date_, location=loc, fatalities=killed, injured=injured,
                   actors=[Actor(t, r, ty) for t, r, ty in actors], report_id=rep.id)  # fmt: skip


def _groups(xs):
    return groups_every_order(xs)


def _counted(text, phrase, n, *, at_least=False):
    return count(text, phrase, n, None if at_least else n, None if at_least else n,
                 "at_least" if at_least else "exact")  # fmt: skip


# ---------------------------------------------------------------------------------- figures


def test_a_lower_bound_above_the_other_figure_contradicts_it():
    t1 = "At least seven people were killed when fighters raided a village."
    t2 = "Four people were killed when fighters raided a village."
    t3 = "Eleven people were killed when fighters raided a village."
    r1, r2, r3 = (report(f"fig-{i}", t, "2024-07-09") for i, t in enumerate((t1, t2, t3)))
    seven = _m(r1, "Violence against civilians", "Attack", None, None,
               killed=_counted(t1, "At least seven", 7, at_least=True))  # fmt: skip
    four = _m(r2, "Violence against civilians", "Attack", None, None,
              killed=_counted(t2, "Four people", 4))  # fmt: skip
    eleven = _m(r3, "Violence against civilians", "Attack", None, None,
                killed=_counted(t3, "Eleven people", 11))  # fmt: skip
    assert figures_score(seven, eleven) == 0.8  # at least 7, then 11: agree
    assert figures_score(seven, four) <= 0.2  # at least 7 and only 4: contradict
    assert figures_score(four, seven) == figures_score(seven, four)


def test_deaths_against_only_wounded_agree_poorly():
    t1 = "A bomb in the market killed six shoppers."
    t2 = "A grenade thrown at a police van wounded two officers."
    t3 = "A bomb in the market killed six and wounded ten."
    r1, r2, r3 = (report(f"dw-{i}", t, "2024-05-15") for i, t in enumerate((t1, t2, t3)))
    killed6 = _m(r1, "Explosions/Remote violence", "Grenade", None, None,
                 killed=_counted(t1, "six shoppers", 6))  # fmt: skip
    wounded2 = _m(r2, "Explosions/Remote violence", "Grenade", None, None,
                  injured=_counted(t2, "two officers", 2))  # fmt: skip
    both = _m(r3, "Explosions/Remote violence", "Grenade", None, None,
              killed=_counted(t3, "six", 6), injured=_counted(t3, "ten", 10))  # fmt: skip
    assert figures_score(killed6, wounded2) == figures_score(wounded2, killed6) == 0.3
    assert figures_score(killed6, both) == 1.0
    assert figures_score(both, wounded2) == 0.2  # wounded counted on both sides: far apart
    nothing = _m(r2, "Explosions/Remote violence", "Grenade", None, None)
    assert figures_score(killed6, nothing) == 0.5


def test_a_blast_with_deaths_and_one_with_wounded_the_next_day_stay_apart():
    loc = dict(country="Afghanistan", iso="AF", admin1="Kunduz", lat=36.72, lon=68.86,
               geonameid=11, resolved=True, precision=1, feature="town")  # fmt: skip
    t1 = "A suicide bomber killed seven worshippers at a mosque in Kunduz on Friday."
    t2 = "A magnetic bomb wounded three people at a market in Kunduz on Saturday."
    t3 = "Seven people died in a bombing at a mosque in Kunduz on 9 February."
    r1, r2, r3 = (report("kz-1", t1, "2024-02-10"), report("kz-2", t2, "2024-02-11"),
                  report("kz-3", t3, "2024-02-10"))  # fmt: skip
    ex = "Explosions/Remote violence"
    xs = [
        Extraction(r1, incidents=[_m(r1, ex, "Suicide bomb", "2024-02-09", Location("Kunduz", **loc),
                                     killed=_counted(t1, "seven worshippers", 7))]),
        Extraction(r2, incidents=[_m(r2, ex, "Remote explosive/landmine/IED", "2024-02-10",
                                     Location("Kunduz", **loc),
                                     injured=_counted(t2, "three people", 3))]),
        Extraction(r3, incidents=[_m(r3, ex, "Remote explosive/landmine/IED", "2024-02-09",
                                     Location("Kunduz", **loc),
                                     killed=_counted(t3, "Seven people", 7))]),
    ]  # fmt: skip
    assert _groups(xs) == [["kz-1", "kz-3"], ["kz-2"]]


# ----------------------------------------------------------------------------------- actors


def test_perpetrators_of_one_family_are_not_a_contradiction():
    t = "x"
    r = report("ac-1", t, "2024-10-12")

    def m(*actors):
        return _m(r, "Violence against civilians", "Attack", None, None, actors=actors)

    herders = m(("armed herders", "perpetrator", "Identity militia"))
    gunmen = m(("gunmen", "perpetrator", "Political militia"))
    rebels = m(("insurgents", "perpetrator", "Rebel group"))
    army = m(("soldiers", "perpetrator", "State forces"))
    foreign = m(("foreign troops", "perpetrator", "External/Other forces"))
    assert actor_score(herders, gunmen)[0] > 0.1
    assert actor_score(gunmen, rebels)[0] > 0.1
    assert actor_score(army, foreign)[0] > 0.1
    assert actor_score(army, rebels)[0] == 0.1  # the two sides blame each other: still disjoint
    assert actor_score(herders, army)[0] == 0.1


# -------------------------------------------------------------------------------- districts


def _area(name, admin2, feature="town", precision=2, **kw):
    return Location(name, admin2=admin2, feature=feature, precision=precision, **kw)


def test_two_places_of_one_province_in_other_districts_agree_poorly():
    bokkos_lga = _area("Bokkos", "Bokkos", feature="admin2", geonameid=21, **PLATEAU)
    bokkos_town = _area("Bokkos", "Bokkos", geonameid=22, **PLATEAU)
    bassa = _area("Bassa", "Bassa", geonameid=23, **PLATEAU)
    mangu = _area("Mangu", "Mangu Local Government Area", feature="admin2", geonameid=24,
                  **PLATEAU)  # fmt: skip
    village = _area("Kopal", "Mangu", geonameid=25, **PLATEAU)
    province = Location("Plateau", feature="admin1", precision=3, geonameid=26, **PLATEAU)
    assert place_score(bokkos_lga, bassa)[0] == 0.15  # a district and a town of another
    assert place_score(mangu, village)[0] == 0.75  # a village and its district
    assert place_score(village, mangu)[0] == 0.75
    assert place_score(bassa, province)[0] == 0.6  # a town and its province: unchanged
    assert place_score(bokkos_town, bokkos_lga)[0] == 0.75  # one name: a town in its district
    nameless = _area("Kwall", None, geonameid=27, **PLATEAU)
    assert place_score(nameless, bassa)[0] == 0.6  # a district unknown: the province decides


def test_unresolved_villages_in_other_districts_stay_apart():
    a = Location("Mangboko", admin2="Beni", precision=2, feature="unresolved", **KIVU)
    b = Location("Alimbongo", admin2="Lubero", precision=2, feature="unresolved", **KIVU)
    c = Location("Mavivi", admin2="Beni Territory", precision=2, feature="unresolved", **KIVU)
    assert place_score(a, b)[0] == 0.15
    assert place_score(a, c)[0] == 0.3  # one district: only the country and province agree
    ctx = frozenset({"n:alimbongo", "t:lmbng"})
    assert place_score(a, b, contexts=(ctx, frozenset()))[0] == 0.75  # named in the text


def test_raids_in_two_districts_of_one_province_on_one_day_are_two_incidents():
    t1 = "Gunmen killed nine people in Bokkos local government area of Plateau State on Friday."
    t2 = "Gunmen killed three farmers in Bassa, Plateau State, on Friday."
    t3 = "On 11 October 2024, in Bokkos (Bokkos, Plateau), gunmen attacked villagers, killing 9."
    r1, r2, r3 = (report("pl-1", t1, "2024-10-12"), report("pl-2", t2, "2024-10-12"),
                  report("pl-3", t3, "2024-10-18"))  # fmt: skip
    vac = ("Violence against civilians", "Attack")
    xs = [
        Extraction(r1, incidents=[_m(r1, *vac, "2024-10-11",
                                     _area("Bokkos", "Bokkos", feature="admin2", **PLATEAU),
                                     killed=_counted(t1, "nine people", 9))]),
        Extraction(r2, incidents=[_m(r2, *vac, "2024-10-11", _area("Bassa", "Bassa", **PLATEAU),
                                     killed=_counted(t2, "three farmers", 3))]),
        Extraction(r3, incidents=[_m(r3, *vac, "2024-10-11",
                                     _area("Bokkos", "Bokkos", precision=1, **PLATEAU),
                                     killed=_counted(t3, "killing 9", 9))]),
    ]  # fmt: skip
    assert _groups(xs) == [["pl-1", "pl-3"], ["pl-2"]]


# --------------------------------------------------------------------------- undated reports


def test_an_undated_report_agrees_best_with_the_last_days_before_it():
    undated = (date(2024, 2, 2), date(2024, 2, 9), "published")
    same_day = (date(2024, 2, 9), date(2024, 2, 9), "text")
    day_before = (date(2024, 2, 8), date(2024, 2, 8), "weekday")
    week_before = (date(2024, 2, 3), date(2024, 2, 3), "text")
    day_after = (date(2024, 2, 10), date(2024, 2, 10), "text")
    assert time_score(undated, same_day)[0] == time_score(same_day, undated)[0] == 0.8
    assert time_score(undated, day_before)[0] == 0.8
    assert time_score(undated, week_before)[0] == 0.6
    assert time_score(undated, day_after)[0] == 0.6
    assert time_score(undated, undated)[0] == 0.6


# ------------------------------------------------------------------------- guessed countries


def test_a_guessed_country_gives_way_when_the_report_names_the_other_place():
    baalbek = Location("Baalbek", country="Lebanon", iso="LB", admin1="Baalbek-Hermel",
                       lat=34.0, lon=36.2, precision=1, resolved=True, feature="town")  # fmt: skip
    valley = Location("Bekaa valley", country="Israel", iso="IL", admin1="Northern District",
                      lat=32.9, lon=35.3, precision=1, resolved=True, feature="town")  # fmt: skip
    text = "Israeli warplanes struck a building in the Bekaa valley city of Baalbek."
    from reckon.link.places import grounded, text_place_keys

    ctx = frozenset(text_place_keys(text))
    assert not grounded(valley, ctx)  # "Israeli" does not state Israel
    assert place_score(baalbek, valley, (True, False), (frozenset(), ctx))[0] == 0.75
    assert place_score(valley, baalbek, (False, True), (ctx, frozenset()))[0] == 0.75
    # the report that states its own country is no guess: two countries stay apart
    assert place_score(baalbek, valley, (True, True), (frozenset(), ctx))[1]
    # a guessed country whose report does not name the other place: apart
    assert place_score(baalbek, valley, (True, False), (frozenset(), frozenset()))[1]


def test_a_guessed_country_gives_way_when_the_report_names_the_other_country():
    boni = Location("Boni", country="Algeria", iso="DZ", admin1="Annaba", precision=2,
                    resolved=True, feature="admin2")  # fmt: skip
    douentza = Location("Douentza", country="Mali", iso="ML", admin1="Mopti", precision=2,
                        resolved=True, feature="town")  # fmt: skip
    from reckon.link.places import text_place_keys

    names_mali = frozenset(text_place_keys("Fighters ambushed a convoy near Boni in central Mali."))
    names_none = frozenset(text_place_keys("Fighters ambushed a convoy near Boni."))
    assert place_score(boni, douentza, (False, True), (names_mali, frozenset()))[0] == 0.3
    assert place_score(douentza, boni, (True, False), (frozenset(), names_mali))[0] == 0.3
    assert place_score(boni, douentza, (False, True), (names_none, frozenset()))[1]
    assert place_score(boni, douentza, (True, True), (names_mali, frozenset()))[1]


# --------------------------------------------------------------------- strategic developments


def test_arrests_at_a_protest_and_looting_in_a_riot_are_related_types():
    from reckon.link import type_score

    def m(et, sub, **kw):
        return Mention(et, sub, **kw)

    arrests = m("Strategic developments", "Arrests")
    broken_up = m("Protests", "Protest with intervention")
    looting = m("Strategic developments", "Looting/property destruction")
    riot = m("Riots", "Violent demonstration")
    raid = m("Violence against civilians", "Attack")
    bombing = m("Explosions/Remote violence", "Remote explosive/landmine/IED")
    agreement = m("Strategic developments", "Agreement")
    assert type_score(arrests, broken_up) == type_score(broken_up, arrests) == (0.35, None)
    assert type_score(looting, riot)[0] == 0.35
    assert type_score(looting, raid)[0] == 0.2
    assert type_score(arrests, bombing)[1]  # an arrest after a bombing is its own event
    assert type_score(agreement, broken_up)[1]
    assert type_score(arrests, riot)[1]


def test_police_detaining_marchers_told_as_arrests_links_and_other_arrests_do_not():
    harare = dict(country="Zimbabwe", iso="ZW", admin1="Harare", lat=-17.83, lon=31.05,
                  geonameid=31, resolved=True, precision=1, feature="town")  # fmt: skip
    bulawayo = dict(country="Zimbabwe", iso="ZW", admin1="Bulawayo", lat=-20.15, lon=28.58,
                    geonameid=32, resolved=True, precision=1, feature="town")  # fmt: skip
    t1 = "Police arrested 40 opposition supporters in Harare on Wednesday."
    t2 = "Riot police broke up an opposition march in Harare today, detaining 40 people."
    t3 = "Police arrested three reporters outside a court in Bulawayo on Wednesday."
    r1, r2, r3 = (report("zw-1", t1, "2024-03-14"), report("zw-2", t2, "2024-03-13"),
                  report("zw-3", t3, "2024-03-14"))  # fmt: skip
    police = [("Police", "perpetrator", "State forces")]
    a = _m(r1, "Strategic developments", "Arrests", "2024-03-13", Location("Harare", **harare),
           actors=police)  # fmt: skip
    a.arrested = _counted(t1, "40", 40)
    b = _m(r2, "Protests", "Protest with intervention", "2024-03-13",
           Location("Harare", **harare), actors=police)  # fmt: skip
    b.arrested = _counted(t2, "40", 40)
    c = _m(r3, "Strategic developments", "Arrests", "2024-03-13",
           Location("Bulawayo", **bulawayo), actors=police)  # fmt: skip
    c.arrested = _counted(t3, "three", 3)
    xs = [Extraction(r, incidents=[x]) for r, x in ((r1, a), (r2, b), (r3, c))]
    assert _groups(xs) == [["zw-1", "zw-2"], ["zw-3"]]
    assert figures_score(a, b) == 1.0 and figures_score(a, c) == 0.2


def test_counts_far_apart_with_no_actor_in_common_are_two_happenings():
    ahoada = dict(country="Nigeria", iso="NG", admin1="Rivers", lat=5.08, lon=6.65,
                  geonameid=41, resolved=True, precision=1, feature="town")  # fmt: skip
    t1 = "Gunmen attacked a police station in Ahoada on Tuesday, killing two officers."
    t2 = "Rival cult groups clashed in Ahoada on Tuesday night, leaving six members dead."
    t3 = "Six people died in Ahoada on Tuesday when gunmen fought police at their station."
    r1, r2, r3 = (report(f"ah-{i}", t, "2024-06-12") for i, t in enumerate((t1, t2, t3)))
    clash = ("Battles", "Armed clash")
    a = _m(r1, *clash, "2024-06-11", Location("Ahoada", **ahoada),
           killed=_counted(t1, "two officers", 2),
           actors=[("Gunmen", "perpetrator", "Political militia"),
                   ("police", "target", "State forces")])  # fmt: skip
    b = _m(r2, *clash, "2024-06-11", Location("Ahoada", **ahoada),
           killed=_counted(t2, "six members", 6))  # fmt: skip
    assert _groups([Extraction(r1, incidents=[a]), Extraction(r2, incidents=[b])]) == [
        ["ah-0"], ["ah-1"]]  # fmt: skip
    # the same counts with the same two sides named: a part (two officers) and the whole
    c = _m(r3, *clash, "2024-06-11", Location("Ahoada", **ahoada),
           killed=_counted(t3, "Six people", 6),
           actors=[("gunmen", "perpetrator", "Political militia"),
                   ("police", "target", "State forces")])  # fmt: skip
    assert _groups([Extraction(r1, incidents=[a]), Extraction(r3, incidents=[c])]) == [
        ["ah-0", "ah-2"]]  # fmt: skip
