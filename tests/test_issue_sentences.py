"""The sentences the reader issue quoted as misread, and more of their classes in our own words."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow


def _read(text: str, title: str | None = None):
    return extract(report_from_text(text, id="s", title=title, published="2024-03-09")).incidents


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2024, in Feira de Santana, Bahia, a man was shot to death by two armed men on a motorcycle.",
        "A trader was stabbed to death by unknown men in Kano on Monday.",
        "A driver was burned to death by rioters in Jos on Sunday.",
    ],
)
def test_killed_to_death_by_armed_men(text: str) -> None:
    ms = _read(text)
    assert [m.sub_event_type for m in ms] == ["Attack"] or [m.event_type for m in ms] == ["Riots"]
    assert ms[0].fatalities is not None and ms[0].fatalities.best == 1


@pytest.mark.parametrize(
    "text",
    [
        "On Monday police fired tear gas at teachers marching in Blantyre, and one teacher died after inhaling the gas.",
        "Police broke up a march of nurses in Lilongwe on Tuesday with batons; one nurse died of her injuries.",
    ],
)
def test_a_protester_killed_by_the_intervention_is_excessive_force(text: str) -> None:
    assert [m.sub_event_type for m in _read(text)] == ["Excessive force against protesters"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("On Monday police fired tear gas at teachers marching in Blantyre.", "police"),
        ("On 6 March militants attacked a checkpoint in Wajir, killing one officer.", "militants"),
        ("On Thursday morning soldiers raided a village near Tillaberi, killing two.", "soldiers"),
    ],
)
def test_a_time_before_an_actor_is_no_part_of_it(text: str, actor: str) -> None:
    ms = _read(text)
    assert actor in [a.text for m in ms for a in m.actors if a.role == "perpetrator"]


def test_a_title_repeating_the_body_figure_counts_once() -> None:
    ms = _read(
        "A bomb exploded in a market in Aleppo on Friday, killing six people.",
        title="Aleppo bomb blast kills six",
    )
    assert [m.fatalities.best for m in ms if m.fatalities] == [6]


def test_a_habit_of_a_group_is_no_incident() -> None:
    assert _read("The group frequently targets troops with roadside bombs and suicide attacks.") == []


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday fighting broke out between two clans over grazing land in Beledweyne, leaving six people dead.",
        "Fighting between the army and rebels in Rutshuru killed four civilians on Friday.",
    ],
)
def test_the_dead_of_a_fight_are_no_side_of_it(text: str) -> None:
    ms = _read(text)
    assert [m.sub_event_type for m in ms] == ["Armed clash"]
    assert "Civilians" not in {a.type for a in ms[0].actors}
    assert ms[0].fatalities is not None and ms[0].fatalities.best in (4, 6)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Clashes between herders and farmers near Mangu left 12 people dead on Monday.", "herders"),
        ("On Sunday fighting broke out between two clans over grazing land in Beledweyne, leaving six people dead.", "two clans"),
        ("Fulani herders and Dogon hunters clashed near Bankass on Friday, leaving nine dead.", "Dogon hunters"),
    ],
)
def test_a_community_that_fights_is_an_identity_militia(text: str, group: str) -> None:
    ms = _read(text)
    assert ms and ms[0].event_type == "Battles"
    assert {a.text: a.type for a in ms[0].actors}.get(group) == "Identity militia"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On 23 February 2024, Houthi forces fired a missile at a ship off Mokha (Taizz).", "Mokha"),
        ("Gunmen attacked a fishing boat off the coast of Eyl on Monday, wounding two fishermen.", "Eyl"),
    ],
)
def test_a_place_off_a_coast_town(text: str, place: str) -> None:
    ms = _read(text)
    assert ms and ms[0].location is not None and ms[0].location.name == place
