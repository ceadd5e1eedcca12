"""Reports of one incident that disagree the way a reader's output does (issue 10): a date taken
from the telling (bodies found, a funeral, a statement), a toll revised upward, one killing told
as two kinds of violence, a district under two names, a crowd named by who its people are.
Hand-built mentions on texts of our own; each case has look-alikes that must stay apart, and
every result is checked in every input order."""

from __future__ import annotations

import pytest

from linkfixtures import count, groups_every_order, report
from reckon.link import place_score, text_place_keys
from reckon.link.actors import crowd_head, crowds_apart
from reckon.model import Actor, DateInterval, Extraction, Location, Mention, Span

PLATEAU = dict(country="Nigeria", iso="NG", admin1="Plateau", resolved=True)
VAC = ("Violence against civilians", "Attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
PEACEFUL = ("Protests", "Peaceful protest")
FORCE = ("Protests", "Protest with intervention")


def _loc(name, admin2=None, feature="town", precision=1, **kw):
    kw = {**PLATEAU, **kw}
    return Location(name, admin2=admin2, feature=feature, precision=precision, **kw)


def _m(rep, kind, day, loc, *, killed=None, said=None, actors=()):
    sp = None
    if said:
        i = rep.text.index(said)
        sp = Span(i, i + len(said), said)
    return Mention(*kind, date=DateInterval(day, day, sp, True), location=loc, fatalities=killed,
                   actors=[Actor(t, r, ty) for t, r, ty in actors], report_id=rep.id)  # fmt: skip


def _n(text, phrase, n):
    return count(text, phrase, n, n, n)


def _groups(xs):
    return groups_every_order(xs)


def _x(rep, mention):
    return Extraction(rep, incidents=[mention])


# ------------------------------------------------------------- a date taken from the telling
BOKKOS = _loc("Bokkos", "Bokkos", geonameid=31, lat=9.30, lon=9.00)

TOLD = [  # (published, day the reader gives, text): the aftermath dated, three days on
    ("2024-04-10", "2024-04-10", "Mourners on Wednesday buried nine villagers killed by gunmen in Bokkos."),
    ("2024-04-11", "2024-04-10", "The bodies of nine villagers shot by gunmen were found in Bokkos on Wednesday."),
    ("2024-04-10", "2024-04-10", "Police said on Wednesday that gunmen had killed nine villagers in Bokkos."),
    ("2024-04-11", "2024-04-10", "Nine farmers murdered by gunmen in Bokkos were laid to rest on Wednesday, a cleric said."),
    ("2024-04-10", "2024-04-09", "A lawmaker on Tuesday condemned the killing of nine villagers by gunmen in Bokkos."),
]  # fmt: skip


@pytest.mark.parametrize("published,day,text", TOLD)
def test_a_mention_dated_by_its_telling_links_with_the_happening_days_before(published, day, text):
    t0 = (
        "Gunmen killed nine villagers in a night raid on Bokkos on Sunday, a community leader said."
    )
    r0, r1 = report("tb-0", t0, "2024-04-08"), report("tb-1", text, published)
    a = _m(r0, VAC, "2024-04-07", BOKKOS, killed=_n(t0, "nine villagers", 9),
           actors=[("Gunmen", "perpetrator", "Political militia")])  # fmt: skip
    b = _m(r1, VAC, day, BOKKOS, killed=count(text, "nine" if "nine" in text else "Nine", 9, 9, 9),
           actors=[("gunmen", "perpetrator", "Political militia")])  # fmt: skip
    assert _groups([_x(r0, a), _x(r1, b)]) == [["tb-0", "tb-1"]]


def test_days_apart_stay_apart_unless_type_and_counts_agree():
    t0 = (
        "Gunmen killed nine villagers in a night raid on Bokkos on Sunday, a community leader said."
    )
    r0 = report("tc-0", t0, "2024-04-08")
    a = _m(r0, VAC, "2024-04-07", BOKKOS, killed=_n(t0, "nine villagers", 9))
    others = [  # (text, kind, count phrase, count): another raid, a clash, a protest
        ("Herders attacked farmers near Bokkos on Wednesday, killing four.", VAC, "four", 4),
        ("Soldiers and gunmen clashed in Bokkos on Wednesday, nine were killed.", CLASH, "nine", 9),
        ("Gunmen raided Bokkos again on Wednesday; the toll is unknown.", VAC, None, None),
    ]
    for i, (t, kind, phrase, n) in enumerate(others):
        r = report(f"tc-{i + 1}", t, "2024-04-10")
        b = _m(r, kind, "2024-04-10", BOKKOS, killed=_n(t, phrase, n) if phrase else None)
        assert _groups([_x(r0, a), _x(r, b)]) == [["tc-0"], [f"tc-{i + 1}"]], t


def test_a_date_four_days_after_or_not_on_the_telling_day_stays_apart():
    t0 = "Gunmen killed nine villagers in Bokkos on Sunday."
    t1 = "Gunmen killed nine villagers in Bokkos on Thursday."
    r0, r1 = report("td-0", t0, "2024-04-08"), report("td-1", t1, "2024-04-12")
    a = _m(r0, VAC, "2024-04-07", BOKKOS, killed=_n(t0, "nine villagers", 9))
    b = _m(r1, VAC, "2024-04-11", BOKKOS, killed=_n(t1, "nine villagers", 9))
    assert len(_groups([_x(r0, a), _x(r1, b)])) == 2  # four days: two raids
    r2 = report("td-2", "Gunmen killed nine villagers in Bokkos on Wednesday.", "2024-04-14")
    c = _m(r2, VAC, "2024-04-10", BOKKOS, killed=_n(r2.text, "nine villagers", 9))
    assert len(_groups([_x(r0, a), _x(r2, c)])) == 2  # dated days before its own telling


# -------------------------------------------------------------------- a toll revised upward
AZAZ = Location("Azaz", country="Syria", iso="SY", admin1="Aleppo", lat=36.58, lon=37.04,
                precision=1, feature="town", resolved=True, geonameid=41)  # fmt: skip


@pytest.mark.parametrize(
    "later",
    [
        "The toll from Monday's car bombing in Azaz has risen to 19, the monitor said.",
        "Nineteen people are now known to have died in Monday's car bomb attack in Azaz.",
        "The car bombing in Azaz on Monday killed 19 people, rescuers said on Thursday.",
    ],
)
def test_a_toll_revised_upward_by_a_later_report_still_links(later):
    t0 = "A car bomb exploded near a market in Azaz on Monday, killing four people."
    r0, r1 = report("tg-0", t0, "2024-02-12"), report("tg-1", later, "2024-02-15")
    a = _m(r0, IED, "2024-02-12", AZAZ, killed=_n(t0, "four people", 4))
    phrase = "19" if "19" in later else "Nineteen"
    b = _m(r1, IED, "2024-02-12", AZAZ, killed=count(later, phrase, 19, 19, 19))
    assert _groups([_x(r0, a), _x(r1, b)]) == [["tg-0", "tg-1"]]


def test_a_higher_toll_published_earlier_or_on_another_day_is_another_happening():
    t0 = "A car bomb exploded near a market in Azaz on Monday, killing four people."
    t1 = "A car bomb exploded near a mosque in Azaz on Sunday, killing 19 people."
    t2 = "A roadside bomb killed 19 people in Azaz on Tuesday."
    r0, r1 = report("th-0", t0, "2024-02-12"), report("th-1", t1, "2024-02-12")
    r2 = report("th-2", t2, "2024-02-14")
    a = _m(r0, IED, "2024-02-12", AZAZ, killed=_n(t0, "four people", 4))
    b = _m(r1, IED, "2024-02-11", AZAZ, killed=_n(t1, "19 people", 19))
    c = _m(r2, IED, "2024-02-13", AZAZ, killed=_n(t2, "19 people", 19))
    assert len(_groups([_x(r0, a), _x(r1, b)])) == 2  # same publication day, another day
    assert len(_groups([_x(r0, a), _x(r2, c)])) == 2  # a later report, but another day


# --------------------------------------------------------- one killing, two kinds of violence
KURRAM = Location("Kurram", country="Pakistan", iso="PK", admin1="Khyber Pakhtunkhwa",
                  admin2="Kurram", feature="admin2", precision=2, resolved=True, geonameid=51,
                  lat=33.8, lon=70.2)  # fmt: skip
PARACHINAR = Location("Parachinar", country="Pakistan", iso="PK", admin1="Khyber Pakhtunkhwa",
                      admin2="Kurram", feature="town", precision=1, resolved=True, geonameid=52,
                      lat=33.9, lon=70.1)  # fmt: skip


def test_one_killing_told_as_a_bombing_and_as_an_attack_links():
    t0 = "A roadside bomb tore through a van carrying wedding guests in Kurram, killing eight."
    t1 = "Eight members of one family died when militants attacked their van near Parachinar."
    r0, r1 = report("tk-0", t0, "2024-07-21"), report("tk-1", t1, "2024-07-21")
    a = _m(r0, IED, "2024-07-20", KURRAM, killed=_n(t0, "eight", 8))
    b = _m(r1, VAC, "2024-07-20", PARACHINAR, killed=_n(t1, "Eight members", 8))
    assert _groups([_x(r0, a), _x(r1, b)]) == [["tk-0", "tk-1"]]


def test_a_bombing_and_an_attack_with_other_counts_or_one_dead_each_stay_apart():
    t0 = "A roadside bomb tore through a van in Kurram, killing eight."
    t1 = "Militants shot dead two shopkeepers near Parachinar."
    t2 = "A roadside bomb killed a policeman in Kurram."
    t3 = "Gunmen shot dead a teacher near Parachinar."
    r0, r1 = report("tl-0", t0, "2024-07-21"), report("tl-1", t1, "2024-07-21")
    r2, r3 = report("tl-2", t2, "2024-07-21"), report("tl-3", t3, "2024-07-21")
    a = _m(r0, IED, "2024-07-20", KURRAM, killed=_n(t0, "eight", 8))
    b = _m(r1, VAC, "2024-07-20", PARACHINAR, killed=_n(t1, "two shopkeepers", 2))
    c = _m(r2, IED, "2024-07-20", KURRAM, killed=_n(t2, "a policeman", 1),
           actors=[("a policeman", "target", "State forces")])  # fmt: skip
    d = _m(r3, VAC, "2024-07-20", PARACHINAR, killed=_n(t3, "a teacher", 1),
           actors=[("Gunmen", "perpetrator", "Political militia"), ("a teacher", "target", "Civilians")])  # fmt: skip
    assert len(_groups([_x(r0, a), _x(r1, b)])) == 2
    assert len(_groups([_x(r2, c), _x(r3, d)])) == 2


# ------------------------------------------------------------ a district under two names
def test_a_district_known_by_two_names_contains_its_town():
    town = _loc("Dera Ismail Khan", "Dera Ismail Khan", geonameid=61, lat=31.83, lon=70.9,
                admin1="Khyber Pakhtunkhwa")  # fmt: skip
    district = _loc("DI Khan", "Dera Ismail Khan", feature="admin2", precision=2, geonameid=62,
                    lat=31.9, lon=70.6, admin1="Khyber Pakhtunkhwa")  # fmt: skip
    assert place_score(town, district)[0] == 0.75
    other = _loc("Bannu", "Bannu", geonameid=63, lat=32.98, lon=70.6, admin1="Khyber Pakhtunkhwa")
    assert place_score(other, district)[0] == 0.15  # a town of another district


# ------------------------------------------------------------------ crowds named by who they are
HEADS = [
    ("Rioting students", "student"), ("university students", "student"),
    ("garment workers demanding unpaid wages", "worker"), ("teachers marching in Blantyre", "teacher"),
    ("Hundreds of traders", "trader"), ("thousands of nurses", "nurse"), ("matatu drivers", "driver"),
    ("Angry residents", "resident"), ("demonstrators", "demonstrator"), ("families of the missing", "family"),
]  # fmt: skip


@pytest.mark.parametrize("phrase,head", HEADS)
def test_crowd_head(phrase, head):
    assert crowd_head(phrase) == head


def _crowd(*heads, kind="Protesters"):
    return Mention(*PEACEFUL, actors=[Actor(h, "party", kind) for h in heads])


def test_crowds_apart_only_when_both_tell_who_and_none_is_shared():
    assert crowds_apart(_crowd("students"), _crowd("matatu drivers"))
    assert crowds_apart(_crowd("Hundreds of traders"), _crowd("Nurses"))
    assert not crowds_apart(_crowd("students"), _crowd("demonstrators"))  # one does not tell
    assert not crowds_apart(_crowd("students", "teachers"), _crowd("Teachers"))
    assert not crowds_apart(_crowd("students"), _crowd("rioting students", kind="Rioters"))
    assert not crowds_apart(_crowd("people"), _crowd("residents"))
    assert not crowds_apart(_crowd("students"), _crowd("students", kind="Civilians"))


KUMASI = Location("Kumasi", country="Ghana", iso="GH", admin1="Ashanti", lat=6.69, lon=-1.62,
                  precision=1, feature="town", resolved=True, geonameid=71)  # fmt: skip


def test_protests_of_other_crowds_two_days_apart_stay_apart_and_one_crowd_links():
    t0 = "Hundreds of traders marched in Kumasi on Tuesday over the shooting of a colleague."
    t1 = "Nurses in Kumasi held a peaceful march on Thursday to demand their allowances."
    t2 = "Shop owners' protest in Kumasi: traders shut their stalls and marched on Tuesday."
    r0, r1 = report("tp-0", t0, "2024-06-26"), report("tp-1", t1, "2024-06-28")
    r2 = report("tp-2", t2, "2024-06-26")
    a = _m(
        r0, PEACEFUL, "2024-06-25", KUMASI, actors=[("Hundreds of traders", "party", "Protesters")]
    )
    b = _m(r1, PEACEFUL, "2024-06-27", KUMASI, actors=[("Nurses", "party", "Protesters")])
    c = _m(r2, FORCE, "2024-06-25", KUMASI, actors=[("traders", "party", "Protesters")])
    assert _groups([_x(r0, a), _x(r1, b), _x(r2, c)]) == [["tp-0", "tp-2"], ["tp-1"]]


# ------------------------------------------------------------------ places at other levels
ZAMFARA = dict(country="Nigeria", iso="NG", admin1="Zamfara", resolved=True)


def test_a_village_and_the_district_of_its_name_read_as_a_town():
    dansadau = Location("Dansadau", admin2="Maru", feature="town", precision=1, geonameid=81,
                        lat=11.30, lon=6.50, **ZAMFARA)  # fmt: skip
    maru_area = Location("Maru", admin2="Maru", feature="town", precision=2, geonameid=82,
                         lat=12.33, lon=6.40, **ZAMFARA)  # fmt: skip
    maru_town = Location("Maru", admin2="Maru", feature="town", precision=1, geonameid=83,
                         lat=12.33, lon=6.40, **ZAMFARA)  # fmt: skip
    gusau_area = Location("Gusau", admin2="Gusau", feature="town", precision=2, geonameid=84,
                          lat=12.16, lon=6.66, **ZAMFARA)  # fmt: skip
    assert place_score(dansadau, maru_area)[0] == place_score(maru_area, dansadau)[0] == 0.75
    assert place_score(dansadau, maru_town)[1] is not None  # the town of Maru, 115 km away
    assert place_score(dansadau, gusau_area)[0] < 0.6  # another district's name


def test_an_unresolved_place_and_the_province_or_district_its_text_gives():
    darfur = dict(country="Sudan", iso="SD", admin1="North Darfur")
    camp = Location("Abu Shouk", feature="unresolved", precision=2, resolved=False, **darfur)
    state = Location("North Darfur", feature="admin1", precision=3, resolved=True,
                     geonameid=91, **darfur)  # fmt: skip
    other = Location("South Darfur", feature="admin1", precision=3, resolved=True, geonameid=92,
                     **{**darfur, "admin1": "South Darfur"})  # fmt: skip
    assert place_score(camp, state)[0] == place_score(state, camp)[0] == 0.6
    assert place_score(camp, other)[0] <= 0.3
    kivu = dict(country="DR Congo", iso="CD", admin1="North Kivu")
    village = Location("Masala", admin2="Beni", feature="unresolved", precision=2, **kivu)
    beni = Location("Beni", admin2="Beni", feature="admin2", precision=2, resolved=True,
                    geonameid=93, **kivu)  # fmt: skip
    lubero = Location("Lubero", admin2="Lubero", feature="admin2", precision=2, resolved=True,
                      geonameid=94, **kivu)  # fmt: skip
    assert place_score(village, beni)[0] == 0.75
    assert place_score(village, lubero)[0] == 0.15


def test_a_town_at_the_seat_of_a_district_the_gazetteer_files_apart():
    kasai = dict(country="DR Congo", iso="CD", admin1="Kasai", resolved=True)
    territory = Location("Kamonia", admin2="Kamonia", feature="admin2", precision=3,
                         geonameid=95, lat=-6.416, lon=20.80, **kasai)  # fmt: skip
    town = Location("Tshikapa", admin2="Tshikapa City", feature="town", precision=2,
                    geonameid=96, lat=-6.42, lon=20.79, **kasai)  # fmt: skip
    far = Location("Ilebo", admin2="Ilebo", feature="town", precision=1, geonameid=97,
                   lat=-4.32, lon=20.59, **kasai)  # fmt: skip
    assert place_score(territory, town)[0] == 0.6
    assert place_score(territory, far)[0] == 0.15


def test_a_place_given_only_as_a_country_whose_report_names_the_province():
    haiti = dict(country="Haiti", iso="HT", resolved=True)
    town = Location("Mirebalais", admin1="Centre", admin2="Mirebalais", feature="admin2",
                    precision=2, geonameid=98, **haiti)  # fmt: skip
    country = Location("Haiti", feature="country", precision=3, geonameid=99, **haiti)
    ctx = frozenset(text_place_keys("Gang members stormed a station in Haiti's Centre department."))
    assert place_score(country, town, contexts=(ctx, frozenset()))[0] == 0.6
    ctx = frozenset(text_place_keys("Gang members stormed a police station in Haiti."))
    assert place_score(country, town, contexts=(ctx, frozenset()))[0] == 0.15


# ------------------------------------------------------------ one fight told from either side
def test_the_other_side_of_one_fight_is_no_contradiction_of_perpetrators():
    from reckon.link.actors import actor_score

    police = Mention(*FORCE, actors=[Actor("Police", "perpetrator", "State forces"),
                                     Actor("protesters", "target", "Protesters")])  # fmt: skip
    rioters = Mention("Riots", "Violent demonstration",
                      actors=[Actor("Rioters", "perpetrator", "Rioters")])  # fmt: skip
    assert actor_score(police, rioters)[0] > 0.1
    troops = Mention(*CLASH, actors=[Actor("troops", "perpetrator", "State forces"),
                                     Actor("militants", "target", "Rebel group")])  # fmt: skip
    militants = Mention(*CLASH, actors=[Actor("jihadists", "perpetrator", "Rebel group"),
                                        Actor("an army post", "target", "State forces")])  # fmt: skip
    assert actor_score(troops, militants)[0] > 0.5
    gunmen = Mention(*VAC, actors=[Actor("gunmen", "perpetrator", "Political militia"),
                                   Actor("villagers", "target", "Civilians")])  # fmt: skip
    soldiers = Mention(*VAC, actors=[Actor("soldiers", "perpetrator", "State forces"),
                                     Actor("farmers", "target", "Civilians")])  # fmt: skip
    assert actor_score(gunmen, soldiers)[0] == 0.1  # two perpetrators of the killing: two killings


# -------------------------------------------------------------- sub-types told of one happening
def test_close_sub_types_score_above_other_sub_types():
    from reckon.link import type_score

    def m(sub, et="Explosions/Remote violence"):
        return Mention(et, sub)

    assert type_score(m("Remote explosive/landmine/IED"), m("Suicide bomb"))[0] == 0.9
    assert type_score(m("Air/drone strike"), m("Shelling/artillery/missile attack"))[0] == 0.85
    assert type_score(m("Air/drone strike"), m("Grenade"))[0] == 0.75
    protest = "Protests"
    assert (
        type_score(m("Peaceful protest", protest), m("Protest with intervention", protest))[0]
        == 0.9
    )
    vac = "Violence against civilians"
    assert type_score(m("Attack", vac), m("Abduction/forced disappearance", vac))[0] == 0.75


# ------------------------------------------------------------------ protests day after day
IBADAN = Location("Ibadan", country="Nigeria", iso="NG", admin1="Oyo", lat=7.38, lon=3.9,
                  precision=1, feature="town", resolved=True, geonameid=101)  # fmt: skip


@pytest.mark.parametrize(
    "crowd_a,crowd_b,linked",
    [
        (None, None, False),  # no crowd named: two protests of a city on two days
        ("youths", None, False),
        ("pensioners", "retired civil servants", False),
        ("okada riders protesting fuel prices", "angry okada riders", True),  # one crowd
        ("market women", "women traders", False),
        ("students of the polytechnic", "polytechnic students", True),
    ],
)
def test_protests_on_two_days_link_only_when_the_crowd_is_named_alike(crowd_a, crowd_b, linked):
    t0 = "Police fired tear gas at protesters blocking roads in Ibadan today."
    t1 = "Protesters held a sit-in in Ibadan on Wednesday."
    r0, r1 = report("tq-0", t0, "2024-05-13"), report("tq-1", t1, "2024-05-15")
    a = _m(r0, FORCE, "2024-05-13", IBADAN,
           actors=[(crowd_a, "target", "Protesters")] if crowd_a else [])  # fmt: skip
    b = _m(r1, PEACEFUL, "2024-05-14", IBADAN,
           actors=[(crowd_b, "party", "Protesters")] if crowd_b else [])  # fmt: skip
    assert (len(_groups([_x(r0, a), _x(r1, b)])) == 1) is linked


def test_one_protest_told_on_one_day_links_with_no_crowd_named():
    t0 = "Police fired tear gas at protesters blocking roads in Ibadan today."
    t1 = "A protest over fuel prices in Ibadan on Monday turned tense."
    r0, r1 = report("tr-0", t0, "2024-05-13"), report("tr-1", t1, "2024-05-14")
    a = _m(r0, FORCE, "2024-05-13", IBADAN)
    b = _m(r1, PEACEFUL, "2024-05-13", IBADAN)
    assert _groups([_x(r0, a), _x(r1, b)]) == [["tr-0", "tr-1"]]


# ------------------------------------------- a place read as a namesake far away, named beside
PLATEAU_JOS = Location("Jos", country="Nigeria", iso="NG", admin1="Plateau", admin2="Jos North",
                       lat=9.93, lon=8.89, precision=2, feature="town", resolved=True,
                       geonameid=111)  # fmt: skip
KANO_ROGO = Location("Angwan Rogo", country="Nigeria", iso="NG", admin1="Kano", admin2="Rogo",
                     lat=11.55, lon=7.82, precision=1, feature="town", resolved=True,
                     geonameid=112)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Suspected herders killed seven people in Angwan Rogo, a village near Jos, on Tuesday.",
        "Seven villagers died when gunmen raided Angwan Rogo on the outskirts of Jos on Tuesday.",
        "In Angwan Rogo (Jos South), attackers shot dead seven residents on Tuesday night.",
    ],
)
def test_a_village_read_as_a_namesake_far_away_links_with_the_town_its_report_names(text):
    t1 = "Gunmen killed seven villagers in an attack near Jos, Plateau State, on Tuesday."
    r0, r1 = report("tn-0", text, "2024-05-15"), report("tn-1", t1, "2024-05-15")
    phrase = "seven" if "seven" in text else "Seven"
    a = _m(r0, VAC, "2024-05-14", KANO_ROGO, killed=count(text, phrase, 7, 7, 7))
    b = _m(r1, VAC, "2024-05-14", PLATEAU_JOS, killed=_n(t1, "seven villagers", 7))
    assert _groups([_x(r0, a), _x(r1, b)]) == [["tn-0", "tn-1"]]


def test_far_apart_places_stay_apart_without_a_count_or_actor_shared_or_a_name_itself():
    t0 = "Hours after an attack near Jos, gunmen raided Angwan Rogo on Tuesday."
    t1 = "Gunmen attacked a village near Jos, Plateau State, on Tuesday."
    r0, r1 = report("to-0", t0, "2024-05-15"), report("to-1", t1, "2024-05-15")
    a = _m(r0, VAC, "2024-05-14", KANO_ROGO)
    b = _m(r1, VAC, "2024-05-14", PLATEAU_JOS)
    assert len(_groups([_x(r0, a), _x(r1, b)])) == 2  # Jos named, but nothing else in common
    kano = Location("Kano", country="Nigeria", iso="NG", admin1="Kano", admin2="Kano Municipal",
                    lat=12.0, lon=8.52, precision=1, feature="town", resolved=True,
                    geonameid=113)  # fmt: skip
    t2 = "Gunmen killed seven villagers in Angwan Rogo, Kano State, on Tuesday."
    t3 = "Gunmen killed seven people in Kano on Tuesday."
    r2, r3 = report("to-2", t2, "2024-05-15"), report("to-3", t3, "2024-05-15")
    c = _m(r2, VAC, "2024-05-14", KANO_ROGO, killed=_n(t2, "seven villagers", 7))
    d = _m(r3, VAC, "2024-05-14", kano, killed=_n(t3, "seven people", 7))
    # "Kano" in the first report is its own state's name, not the city: no evidence
    assert len(_groups([_x(r2, c), _x(r3, d)])) == 2


# ----------------------------------------------------- an ambush told as a clash or as a blast
def test_an_ambush_with_a_roadside_bomb_told_as_a_clash_and_as_a_blast_links():
    from reckon.link import type_score

    assert type_score(Mention(*CLASH), Mention(*IED))[0] == 0.5
    t0 = "Maoists ambushed a patrol in Bijapur district on Saturday, killing a jawan."
    t1 = "A jawan was killed when Maoists set off a roadside bomb under a patrol in Bijapur."
    r0, r1 = report("tm-0", t0, "2024-11-10"), report("tm-1", t1, "2024-11-10")
    district = _loc("Bijapur", "Bijapur", feature="admin2", precision=2, geonameid=121,
                    admin1="Chhattisgarh", lat=18.8, lon=80.8, country="India",
                    iso="IN")  # fmt: skip
    state = Location("Chhattisgarh", country="India", iso="IN", admin1="Chhattisgarh",
                     feature="admin1", precision=3, resolved=True, geonameid=122)  # fmt: skip
    maoists = [("Maoists", "perpetrator", "Rebel group")]
    a = _m(r0, CLASH, "2024-11-09", state, killed=_n(t0, "a jawan", 1), actors=maoists)
    b = _m(r1, IED, "2024-11-09", district, killed=_n(t1, "A jawan", 1))
    assert _groups([_x(r0, a), _x(r1, b)]) == [["tm-0", "tm-1"]]
