"""Geocoding in a report's context: the report's country and its other places decide between
namesakes. Texts are our own short reports."""

from __future__ import annotations

import re

import pytest

from reckon.geo import Gazetteer
from reckon.geo.resolver import haversine_km
from reckon.model import Extraction, Location, Report, Span

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    from reckon.geo import get_gazetteer

    return get_gazetteer()


def _extraction(text: str, names: list[str]) -> Extraction:
    report = Report(id="t", raw=text.encode(), raw_text=text, text=text)
    places = [
        Location(name=n, span=Span.of(text, m.start(), m.end()))
        for n in names
        for m in re.finditer(re.escape(n), text)
    ]
    places.sort(key=lambda p: p.span.start if p.span else 0)
    return Extraction(report=report, places=places)


def _places(gaz: Gazetteer, text: str, names: list[str]) -> dict[str, Location]:
    from reckon.geocode import geocode

    ex = geocode(_extraction(text, names), gazetteer=gaz)
    return {p.name: p for p in ex.places}


def _near(loc: Location, lat: float, lon: float, km: float = 10.0) -> bool:
    return loc.lat is not None and haversine_km(loc.lat, loc.lon, lat, lon) <= km


# -- the report's country ------------------------------------------------------------------


def test_small_foreign_namesake_is_not_taken(gaz: Gazetteer) -> None:
    # Gegu: a hamlet of that exact name exists in China; the report is about Nigeria
    text = "Bandits stopped cars on the Abuja-Lokoja road near Gegu, Nigerian police said."
    got = _places(gaz, text, ["Abuja-Lokoja", "Gegu"])
    assert got["Gegu"].iso == "NG" and not got["Gegu"].resolved
    assert got["Abuja-Lokoja"].iso == "NG"


def test_transliteration_key_never_jumps_countries(gaz: Gazetteer) -> None:
    # Jaji shares a key with an alternate name of a Chinese city
    text = "Gunmen abducted nine travellers near Jaji on Sunday, police in Kaduna State said."
    got = _places(gaz, text, ["Jaji", "Kaduna"])
    assert got["Jaji"].iso == "NG" and got["Jaji"].admin1 == "Kaduna"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("A car bomb went off in Qardaha on Friday, Syrian state television said.", "Qardaha",
         "Latakia"),
        ("Two men died when a bomb exploded in Qirdaha, Syrian state media said.", "Qirdaha",
         "Latakia"),
    ],
)  # fmt: skip
def test_in_country_reading_beats_a_larger_foreign_one(
    gaz: Gazetteer, text: str, name: str, admin1: str
) -> None:
    got = _places(gaz, text, [name])[name]
    assert (got.iso, got.admin1, got.resolved) == ("SY", admin1, True)


def test_unknown_quarter_stays_in_the_report_country(gaz: Gazetteer) -> None:
    text = "Syrian army shelling hit Ferdous in Syria's north, killing two civilians."
    got = _places(gaz, text, ["Ferdous", "Syria"])["Ferdous"]
    assert got.iso == "SY" and not got.resolved


def test_capital_of_a_named_country_beats_a_namesake_near_other_places(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode_name

    text = (
        "Washington and Paris weighed strikes on Syria on Sunday. The United States said the "
        "United States Congress would vote in Washington soon. Officials in Damascus denied "
        "the attack; Syria called the claims lies, and the United States kept its options."
    )
    loc = geocode_name("Damascus", context=[text], gazetteer=gaz)
    assert loc.iso == "SY" and _near(loc, 33.51, 36.29)


def test_well_known_foreign_city_is_still_taken(gaz: Gazetteer) -> None:
    text = (
        "Syrian government shelling hit Idlib and Aleppo in Syria on Monday; the Syrian "
        "foreign minister later flew to Moscow for talks."
    )
    got = _places(gaz, text, ["Idlib", "Aleppo", "Moscow"])
    assert got["Moscow"].iso == "RU" and got["Moscow"].resolved
    assert got["Aleppo"].iso == "SY"


@pytest.mark.parametrize(
    ("name", "text", "iso"),
    [
        ("Ferdous", "Opposition activists said barrel bombs hit Ferdous on Tuesday, killing "
         "five, and blamed Syrian government helicopters.", "SY"),
        ("Katari", "Armed men seized eleven travellers near Katari on the Abuja-Kaduna highway "
         "late on Friday, Nigerian police said.", "NG"),
    ],
)  # fmt: skip
def test_sound_alike_abroad_is_not_taken_for_a_name(
    gaz: Gazetteer, name: str, text: str, iso: str
) -> None:
    from reckon.geocode import geocode_name

    loc = geocode_name(name, context=[text], gazetteer=gaz)
    assert loc.iso == iso, loc


# -- routes between two places -------------------------------------------------------------


def test_route_ends() -> None:
    from reckon.geo.resolver import route_ends

    assert route_ends("Abuja-Kaduna") == ["Abuja", "Kaduna"]
    assert route_ends("Kaduna – Zaria") == ["Kaduna", "Zaria"]
    for one_place in ("al-Bab", "Deir ez-Zor", "Ras al-Ain", "Al-Raqqa", "Khak-e Safid", "Gaza"):
        assert route_ends(one_place) == [], one_place


def test_route_is_placed_at_the_town_it_is_near(gaz: Gazetteer) -> None:
    text = "Insurgents ambushed a convoy on the Maiduguri-Damboa road near Konduga on Monday."
    got = _places(gaz, text, ["Maiduguri-Damboa", "Konduga"])
    road = got["Maiduguri-Damboa"]
    assert (road.iso, road.admin1, road.precision, road.resolved) == ("NG", "Borno", 2, True)
    assert _near(road, got["Konduga"].lat, got["Konduga"].lon, 1.0)


def test_route_without_a_nearby_town_takes_a_supported_end(gaz: Gazetteer) -> None:
    text = (
        "Gunmen seized 30 passengers on the Abuja-Zaria expressway on Monday. Police in Zaria "
        "said a search was under way."
    )
    road = _places(gaz, text, ["Abuja-Zaria", "Zaria"])["Abuja-Zaria"]
    assert (road.iso, road.admin1, road.precision, road.resolved) == ("NG", "Kaduna", 2, True)


def test_unknown_place_near_a_route_stays_in_the_country(gaz: Gazetteer) -> None:
    text = "Armed men kidnapped 14 people on the Kaduna-Zaria expressway near Jaji, police said."
    got = _places(gaz, text, ["Kaduna-Zaria", "Jaji"])
    assert got["Kaduna-Zaria"].iso == got["Jaji"].iso == "NG"
    assert got["Jaji"].admin1 == "Kaduna" and not got["Jaji"].resolved


def test_square_casts_no_vote_for_a_namesake_abroad(gaz: Gazetteer) -> None:
    text = "Protesters filled al-Karama square in the town of Sweida on Saturday."
    got = _places(gaz, text, ["al-Karama", "Sweida"])
    assert (got["Sweida"].iso, got["Sweida"].admin1) == ("SY", "As-Suwayda")
    assert got["al-Karama"].iso == "SY" and _near(got["al-Karama"], 32.71, 36.57)


def test_own_name_beats_a_neighbours_alternate_name(gaz: Gazetteer) -> None:
    text = "Russian missiles hit Sloviansk overnight, Ukrainian officials said."
    assert _places(gaz, text, ["Sloviansk"])["Sloviansk"].admin1 == "Donetsk"


# -- places named together --------------------------------------------------------------------


def test_district_of_a_town_named_in_the_sentence_stays_in_its_province(gaz: Gazetteer) -> None:
    # the gazetteer knows a Dniprovskyi district of Kyiv only
    text = (
        "Russian guns shelled Kherson on Tuesday night, wounding two men in the Dniprovskyi "
        "district, the regional administration said."
    )
    got = _places(gaz, text, ["Kherson", "Dniprovskyi"])
    d = got["Dniprovskyi"]
    assert (d.iso, d.admin1, d.precision, d.resolved) == ("UA", "Kherson", 2, False)
    assert _near(d, got["Kherson"].lat, got["Kherson"].lon, 1.0)


def test_common_village_name_is_pulled_into_the_province_named_with_it(gaz: Gazetteer) -> None:
    text = (
        "Drones struck Zaporizhzhia region on Monday night. An elderly woman died in "
        "Novoselivka, Ukrainian officials said."
    )
    got = _places(gaz, text, ["Zaporizhzhia", "Novoselivka"])
    assert (got["Novoselivka"].iso, got["Novoselivka"].admin1) == ("UA", "Zaporizhzhia")


def test_ambiguous_candidates_follow_the_town_named_with_them(gaz: Gazetteer) -> None:
    text = "Shells hit Kramatorsk and the village of Mykolaivka, Ukrainian police said."
    got = _places(gaz, text, ["Kramatorsk", "Mykolaivka"])
    assert (got["Mykolaivka"].admin1, got["Mykolaivka"].resolved) == ("Donetsk", True)


def test_place_near_a_town_of_another_province_is_kept_there(gaz: Gazetteer) -> None:
    # the gazetteer's only Tudun Wada is in Kano; the text puts this one near Jos
    text = "Gunmen shot dead four farmers in Tudun Wada near Jos, Plateau State, on Sunday."
    got = _places(gaz, text, ["Tudun Wada", "Jos", "Plateau"])
    assert (got["Plateau"].iso, got["Plateau"].feature) == ("NG", "admin1")
    tw = got["Tudun Wada"]
    assert (tw.iso, tw.admin1, tw.resolved, tw.precision) == ("NG", "Plateau", False, 2)


def test_admin1_named_alike_in_two_countries_follows_the_report(gaz: Gazetteer) -> None:
    text = "Herders clashed with farmers near Jos in Plateau State, Nigerian police said."
    got = _places(gaz, text, ["Jos", "Plateau"])
    assert (got["Plateau"].iso, got["Jos"].iso) == ("NG", "NG")


# -- "the village of X in REGION" -------------------------------------------------------------


def test_the_village_of_x_is_x_itself(gaz: Gazetteer) -> None:
    text = "Militants killed nine people in the village of Pissila in Burkina Faso's Centre-Nord "
    text += "region on Saturday."
    p = _places(gaz, text, ["Pissila", "Centre-Nord"])["Pissila"]
    assert (p.iso, p.admin1, p.precision, p.resolved, p.feature) == (
        "BF",
        "Centre-Nord",
        1,
        True,
        "town",
    )
    around = "Militants burned several villages near Pissila on Saturday, Burkina Faso's army said."
    assert _places(gaz, around, ["Pissila"])["Pissila"].precision == 2


def test_village_the_gazetteer_lacks_stays_in_the_named_region(gaz: Gazetteer) -> None:
    # Barsalogho is not among the packaged GeoNames places (cities500): kept by name, inside
    # the region the text names, flagged unresolved (a local-additions import resolves it)
    text = "Gunmen killed 12 people in the town of Barsalogho, in the Centre-Nord region of "
    text += "Burkina Faso, on Sunday."
    got = _places(gaz, text, ["Barsalogho", "Centre-Nord", "Burkina Faso"])
    b = got["Barsalogho"]
    assert (b.iso, b.admin1, b.resolved, b.feature) == ("BF", "Centre-Nord", False, "unresolved")
    assert got["Centre-Nord"].feature == "admin1"


def test_name_borne_in_many_countries_follows_the_report(gaz: Gazetteer) -> None:
    # Santa Rosa: towns in a dozen countries, the largest in the Philippines
    text = "Gunmen shot dead four people in Santa Rosa, in the Colombian department of Bolivar."
    got = _places(gaz, text, ["Santa Rosa", "Bolivar"])
    assert (got["Santa Rosa"].iso, got["Santa Rosa"].admin1) == ("CO", "Bolivar")
    assert (got["Bolivar"].iso, got["Bolivar"].feature) == ("CO", "admin1")


def test_country_where_things_happen_outweighs_one_named_as_an_actor(gaz: Gazetteer) -> None:
    from reckon.geo.resolver import countries_in_text

    text = (
        "Russia said its jets struck targets in northern Syria. Russia denied hitting homes in "
        "Syria. Russia and Turkey met. Russia will talk again."
    )
    got = countries_in_text(gaz, text)
    assert got["SY"] > got["RU"]


def test_transliteration_namesake_in_a_side_country_is_not_taken(gaz: Gazetteer) -> None:
    # al-Quria shares a key with a Russian hamlet (Kur'ya); Russia is only an actor here
    text = (
        "Russian and Syrian jets struck the town of al-Quria in Deir ez-Zor province in eastern "
        "Syria on Saturday, killing 20 people, activists in Syria said. Moscow denied it."
    )
    q = _places(gaz, text, ["al-Quria", "Deir ez-Zor", "Moscow"])["al-Quria"]
    assert (q.iso, q.admin1, q.resolved) == ("SY", "Deir ez-Zor", False)


def test_small_exact_namesake_in_a_side_country_is_not_taken(gaz: Gazetteer) -> None:
    # Tokhar and Secretary are hamlets' names in the United States, which the report names
    # only as a party
    text = (
        "U.S.-led coalition jets struck two villages, Tokhar and Hoshariyeh, in northern Syria "
        "on Tuesday, killing 50 civilians in Syria, activists said. The Secretary of the U.S. "
        "Navy was not asked about the strikes in Syria."
    )
    got = _places(gaz, text, ["Tokhar", "Secretary"])
    assert got["Tokhar"].iso == "SY" and got["Secretary"].iso == "SY"


def _incident_at(text: str, clause: str, place: str, names: list[str]) -> Extraction:
    from reckon.model import Evidence, Mention

    ex = _extraction(text, names)
    a = text.index(clause)
    loc = next(p for p in ex.places if p.name == place)
    inc = Mention(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        location=loc,
        evidence=[Evidence("clause", clause, a, a + len(clause))],
    )
    ex.incidents.append(inc)
    return ex


def test_incident_borrowing_a_foreign_capital_moves_to_the_main_country(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode

    text = (
        "Air strikes killed 30 fighters in northern Syria on Tuesday, a monitor in Syria said. "
        "Most of them died near the city of Aleppo. In Washington the Pentagon confirmed the "
        "strikes. Washington said more strikes in Syria would follow."
    )
    clause = "Air strikes killed 30 fighters in northern Syria on Tuesday, a monitor in Syria said."
    ex = geocode(_incident_at(text, clause, "Washington", ["Aleppo", "Washington"]), gazetteer=gaz)
    loc = ex.incidents[0].location
    assert loc is not None and (loc.iso, loc.admin1, loc.name) == ("SY", "Aleppo", "Aleppo")


def test_incident_told_in_a_neighbour_stays_there(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode

    text = (
        "Fighting went on in Syria and in Syria's north. Rockets fired from Syria hit the "
        "town of Akcakale in Turkey on Monday, wounding two people."
    )
    clause = "Rockets fired from Syria hit the town of Akcakale in Turkey on Monday, wounding two people."
    ex = geocode(_incident_at(text, clause, "Akcakale", ["Akcakale"]), gazetteer=gaz)
    loc = ex.incidents[0].location
    assert loc is not None and loc.iso == "TR"


def test_old_name_of_a_large_city_yields_to_the_province_named_with_it(gaz: Gazetteer) -> None:
    # "Adra" is also an old name of Daraa (a provincial seat): the text puts this Adra in the
    # Damascus countryside
    text = (
        "Troops killed 30 fighters in an ambush southwest of the industrial city of Adra in "
        "Damascus countryside, Syrian state media said."
    )
    got = _places(gaz, text, ["Adra", "Damascus"])["Adra"]
    assert (got.iso, got.admin1) == ("SY", "Damascus")


def test_place_north_of_a_town_the_gazetteer_lacks_stays_near_it(gaz: Gazetteer) -> None:
    text = "Rebels and troops fought around Al Maleh north of Aleppo in Syria on Friday."
    got = _places(gaz, text, ["Al Maleh", "Aleppo", "Syria"])["Al Maleh"]
    assert (got.iso, got.admin1, got.resolved) == ("SY", "Aleppo", False)


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Shelling killed three people in Western Aleppo on Monday.", "Western Aleppo", "Aleppo"),
        ("A car bomb killed 26 people in eastern Syria near the city of Deir el-Zour Syria.",
         "Deir el-Zour Syria", "Deir ez-Zor"),
    ],
)  # fmt: skip
def test_run_on_name_resolves_by_its_known_part(
    gaz: Gazetteer, text: str, name: str, admin1: str
) -> None:
    got = _places(gaz, text, [name])[name]
    assert (got.iso, got.admin1, got.precision) == ("SY", admin1, 2)


def test_inner_words_under_another_spelling_are_no_place(gaz: Gazetteer) -> None:
    # "Sunni Gulf" is fuzzily close to a Turkish city's key; Gulf Arab states are no place
    text = "Turkey and Syria traded blame after the attack. Sunni Gulf Arab states condemned it."
    got = _places(gaz, text, ["Sunni Gulf Arab"])["Sunni Gulf Arab"]
    assert not got.resolved and got.admin1 is None


def test_a_country_a_group_is_banned_in_is_not_where_things_happen(gaz: Gazetteer) -> None:
    from reckon.geo.resolver import countries_in_text

    text = (
        "Troops clashed with Islamic State (banned in Russia) in Syria. Nusra Front (banned in "
        "Russia) fighters retreated, a Russian officer said."
    )
    got = countries_in_text(gaz, text)
    assert got["RU"] == 2 * 2.0 + 1.0  # two names and a demonym; neither says where
    assert got["SY"] == 2.0 + 1.5  # named, and named as where


def test_a_neighbours_town_in_a_report_tied_to_its_country_by_demonyms(gaz: Gazetteer) -> None:
    got = _places(gaz, "Israeli troops arrested six men in a raid on Jenin at dawn.", ["Jenin"])
    assert (got["Jenin"].iso, got["Jenin"].resolved) == ("PS", True)


def test_a_city_struck_stays_where_it_is_though_the_attacker_is_named_more(
    gaz: Gazetteer,
) -> None:
    from reckon.extract import extract
    from reckon.geocode import geocode
    from reckon.ingest import report_from_text

    text = (
        "Russian drone strike on Kharkiv kills two\n\nA Russian drone hit a house in the north "
        "of Kharkiv overnight, killing two people, the governor said.\n\nUkraine's air force "
        "said it had shot down 20 of 25 drones launched by Russia. Russia denies targeting "
        "civilians."
    )
    ex = geocode(extract(report_from_text(text, published="2026-03-09")), gazetteer=gaz)
    assert {(i.location.name, i.location.iso) for i in ex.incidents} == {("Kharkiv", "UA")}


def test_a_district_told_as_its_states_is_the_incidents_place(gaz: Gazetteer) -> None:
    from reckon.extract import extract
    from reckon.geocode import geocode
    from reckon.ingest import report_from_text

    text = (
        "Police arrested 11 suspected members of a banned group in raids in Manipur's Imphal "
        "East district on Monday, officials said. Community leaders from Dogon and Fulani "
        "villages signed a peace pact in Bankass on Saturday."
    )
    ex = geocode(extract(report_from_text(text, published="2025-05-13")), gazetteer=gaz)
    got = [(i.sub_event_type, i.location.name) for i in ex.incidents]
    assert got == [("Arrests", "Imphal East"), ("Agreement", "Bankass")]
    for i in ex.incidents:
        (ev,) = [e for e in i.evidence if e.field == "location"]
        assert ev.text == i.location.name
