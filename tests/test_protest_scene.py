"""A security force's handling of a crowd (arrests, dispersal, crowd-control munitions, a fight
with police) is part of the demonstration just told, not an event of its own. Sentences of our
own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.extract.events import DISPERSE, GRENADE, find_triggers
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

SCENES = [
    ("Students marched in Dhaka on Tuesday. Police used stun grenades to disperse them and detained 12.", "Protest with intervention"),
    ("Hundreds of traders protested in Kumasi on Friday. Officers fired rubber bullets and arrested five people.", "Protest with intervention"),
    ("Opposition supporters rallied in Harare on Saturday. Police broke up the rally with batons and water cannon.", "Protest with intervention"),
    ("Residents demonstrated in Goma on Monday; police arrested 20 people and used stun grenades.", "Protest with intervention"),
    ("Demonstrators stoned police vehicles in Conakry on Thursday; security forces responded with tear gas and arrested 40.", None),
    ("Farmers protested outside parliament in Kathmandu on Sunday and clashed with riot police; 14 were arrested.", None),
    ("Youths blocked roads in Kisumu on Wednesday, clashing with police who fired tear gas.", None),
    ("Police fired tear gas and arrested 30 protesters in Lagos on Monday.", "Protest with intervention"),
    ("Nurses staged a sit-in outside the ministry in Lilongwe on Monday. Police detained their leaders.", "Protest with intervention"),
    ("Miners protested in Potosi on Friday; police fired flash-bangs and arrested eight.", "Protest with intervention"),
]


@pytest.mark.parametrize(("text", "sub"), SCENES)
def test_the_police_response_belongs_to_the_demonstration(text: str, sub: str | None) -> None:
    ex = extract(report_from_text(text, id="s", published="2024-03-09"))
    assert len(ex.incidents) == 1, [(m.event_type, m.sub_event_type) for m in ex.incidents]
    m = ex.incidents[0]
    assert m.event_type in ("Protests", "Riots")
    if sub is not None:
        assert m.sub_event_type == sub


@pytest.mark.parametrize("words", ["stun grenades", "a flash grenade", "smoke grenades", "tear gas grenades"])
def test_crowd_control_munitions_disperse_and_are_no_grenade_attack(words: str) -> None:
    codes = {t.code for t in find_triggers(f"Police fired {words} at the crowd.")}
    assert GRENADE not in codes
    assert DISPERSE in codes


def test_a_hand_grenade_is_still_a_grenade() -> None:
    codes = {t.code for t in find_triggers("A man threw a hand grenade into the bar, wounding six.")}
    assert GRENADE in codes


def test_an_armed_group_fighting_police_is_no_part_of_a_protest() -> None:
    text = (
        "Hundreds protested in Bamenda on Monday. Separatist fighters later clashed with soldiers "
        "near the city's market, killing two."
    )
    ex = extract(report_from_text(text, id="s", published="2024-03-09"))
    assert {m.event_type for m in ex.incidents} >= {"Battles"}


@pytest.mark.parametrize(
    "text",
    [
        "Crowds rampaged through Kayseri overnight on Sunday, beating several Syrians and torching shops.",
        "An angry crowd chased and beat two suspected thieves in Kisumu on Monday.",
        "Crowds attacked migrants in Wamena on Monday.",
        "A mob lynched a suspected cattle thief in Kaduna on Tuesday.",
    ],
)
def test_a_crowd_turning_on_people_is_mob_violence(text: str) -> None:
    ms = extract(report_from_text(text, id="s", published="2024-03-09")).incidents
    assert [m.sub_event_type for m in ms] == ["Mob violence"]


def test_a_boxer_beating_a_champion_is_no_mob() -> None:
    text = "The boxer kept beating the champion in Lagos on Monday."
    assert extract(report_from_text(text, id="s", published="2024-03-09")).incidents == []
