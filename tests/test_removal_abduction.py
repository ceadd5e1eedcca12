"""Abduction told by a verb of taking away whose object is a person (reckon.extract.events).
Sentences of our own; cattle, weapons, towns and the wounded carried to hospital are no abduction."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.extract.events import ABDUCT, find_triggers
from reckon.ingest import report_from_text

ABDUCTIONS = [
    "Bandits carried away at least 15 villagers from Kufana on Saturday night.",
    "Gunmen took away three nurses from the clinic in Kajuru on Monday.",
    "Armed men marched 20 students into the forest near Kuriga on Thursday.",
    "Militants whisked away two engineers from a construction site near Mandera on Tuesday.",
    "Suspected herders led away four farmers from their fields in Agatu on Friday.",
    "Rebels took 12 passengers hostage on the road to Butembo on Sunday.",
    "Gunmen seized 30 worshippers from a church in Kaduna on Sunday.",
    "Kidnappers snatched a businessman outside his home in Aba on Monday.",
    "Fighters dragged away three men from the market in Bardera on Wednesday.",
    "They carried away at least 15 people including my uncle and his two wives.",
    "Armed men burst into a party in Fresnillo on Sunday and forced seven young people into two vans.",
    "On 20 March, a student activist was taken from a tea stall in Chittagong by plain-clothes men.",
    "Gunmen picked up a village chief from his home in Kajuru on Monday.",
    "Two aid workers were whisked away by gunmen near Mopti on Friday.",
]

NOT_ABDUCTIONS = [
    "Militants took away cattle and goats from herders near Gao on Friday.",
    "Police seized weapons and drugs in a raid in Kano on Monday.",
    "Residents carried away the wounded to hospital in Beni.",
    "Troops forced residents to flee their homes in Sittwe on Monday.",
    "Thousands marched through Nairobi on Saturday to protest tax rises.",
    "The striker took the ball away from two defenders and scored.",
    "The children were taken to hospital in Goma on Monday.",
    "Rescuers took the injured from the scene to hospital in Beni on Monday.",
]


@pytest.mark.parametrize("sentence", ABDUCTIONS)
def test_taking_a_person_away_is_an_abduction_trigger(sentence: str) -> None:
    assert any(t.code == ABDUCT for t in find_triggers(sentence)), sentence


@pytest.mark.parametrize("sentence", NOT_ABDUCTIONS)
def test_taking_things_or_moving_people_is_not(sentence: str) -> None:
    assert not any(t.code == ABDUCT for t in find_triggers(sentence)), sentence


@pytest.mark.slow
@pytest.mark.parametrize("sentence", ABDUCTIONS[:9])
def test_the_incident_is_an_abduction(sentence: str) -> None:
    ex = extract(report_from_text(sentence, id="s", published="2024-03-09"))
    assert [m.sub_event_type for m in ex.incidents] == ["Abduction/forced disappearance"]
    assert any(a.role == "target" and a.type == "Civilians" for a in ex.incidents[0].actors)
