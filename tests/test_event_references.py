"""A definite event noun ('the offensive', 'the violence', 'the operation') told after an incident
refers back to it; a capital where it is condemned is no second battlefield. Own sentences."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

CASES = [
    "Rebels attacked army positions near Goma on Monday, killing ten soldiers. In Kinshasa, the government condemned the offensive.",
    "Militants stormed a police post near Bannu on Friday, killing four officers. In Islamabad, the interior minister said the operation had been planned abroad.",
    "Gunmen killed six villagers near Bokkos on Sunday. In Abuja, the president said the violence would not go unpunished.",
    "Troops clashed with insurgents near Palma on Tuesday, leaving eight dead. In Maputo, officials said the incursion had been repelled.",
]


@pytest.mark.parametrize("text", CASES)
def test_a_definite_event_noun_refers_back(text: str) -> None:
    ms = extract(report_from_text(text, id="s", published="2024-03-09")).incidents
    assert len(ms) == 1, [(m.sub_event_type, m.location and m.location.name) for m in ms]
