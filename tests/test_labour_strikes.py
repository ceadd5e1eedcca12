"""A labour strike is no air strike: held, staged, called or joined, told beside a protest, or
'a strike by workers'. Military strikes stay strikes. Sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract.events import AIR, find_triggers

LABOUR = [
    "Hundreds of nurses held a strike and protest outside the ministry in Colombo.",
    "Teachers staged a three-day strike in Harare on Monday.",
    "Unions called for a general strike in Lagos on Friday.",
    "A strike by miners shut the mine in Potosi on Monday.",
    "Doctors began an indefinite strike in Nairobi on Tuesday.",
    "Transport workers joined the strike in Kathmandu on Wednesday.",
    "Students held a rally and strike against fee rises in Dhaka.",
    "The union suspended its strike in Accra on Sunday.",
]

MILITARY = [
    "Israeli jets launched a strike on a house in Rafah on Monday, killing six.",
    "A drone strike hit a car near Mir Ali on Sunday, killing two militants.",
    "The army carried out a strike on rebel positions near Lashio on Friday.",
]


@pytest.mark.parametrize("sentence", LABOUR)
def test_a_labour_strike_is_no_air_strike(sentence: str) -> None:
    assert not any(t.code == AIR for t in find_triggers(sentence))


@pytest.mark.parametrize("sentence", MILITARY)
def test_a_military_strike_stays_one(sentence: str) -> None:
    assert any(t.code == AIR for t in find_triggers(sentence))
