"""Killing told by a verb and its result around the victim ("shot a man dead", "hacked four
villagers to death", "burnt three women alive"), and fire opened on people no one calls armed.
Sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.extract.events import KILL, find_triggers
from reckon.ingest import report_from_text

KILLINGS = [
    "Soldiers shot a man dead in Jenin on 1 March.",
    "Gunmen shot two traders dead outside a bank in Aba on Monday.",
    "Militiamen burnt three women alive in a village near Djugu on Friday.",
    "Attackers stabbed a priest to death in his parish in Kaduna on Wednesday.",
    "Fighters burned two farmers alive near Tillaberi on Saturday.",
    "Bandits shot the village head dead in Zurmi on Monday.",
    "Herders hacked four villagers to death near Bokkos on Sunday.",
    "Militants beheaded a chief and burned his sons alive near Palma.",
]


@pytest.mark.parametrize("sentence", KILLINGS)
def test_split_verb_and_result_is_a_killing(sentence: str) -> None:
    assert any(t.code == KILL for t in find_triggers(sentence))


def test_a_ball_shot_into_a_corner_is_no_killing() -> None:
    assert not any(t.code == KILL for t in find_triggers("The striker shot the ball into the corner."))


@pytest.mark.slow
@pytest.mark.parametrize("sentence", KILLINGS[:7])
def test_the_incident_is_an_attack_on_civilians(sentence: str) -> None:
    ex = extract(report_from_text(sentence, id="s", published="2024-03-09"))
    assert [m.sub_event_type for m in ex.incidents] == ["Attack"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "On 11 March, border guards opened fire on a group of porters near Sardasht, killing one.",
        "Soldiers opened fire on a car at a checkpoint near Hebron on Friday, killing the driver.",
        "Police opened fire on a minibus near Mutare on Sunday, killing two.",
    ],
)
def test_fire_opened_on_unarmed_people_is_an_attack(sentence: str) -> None:
    ex = extract(report_from_text(sentence, id="s", published="2024-03-09"))
    assert [(m.event_type, m.sub_event_type) for m in ex.incidents] == [
        ("Violence against civilians", "Attack")
    ]
