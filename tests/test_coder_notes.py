"""Coder-style notes ("On 4 April 2022, in X (Y), ...") read long after the day they tell: a day
written in full tells an event, not history. Notes of our own, read with a publication date two
years later."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

NOTES = [
    "On 4 April 2022, in Tillaberi (Tillaberi), unidentified gunmen killed 3 civilians. Fatalities: 3.",
    "On 12 May 2023, Fulani militia attacked Kwall village (Bassa, Plateau), killing 5 people and burning 20 houses.",
    "On 7 June 2021, the ADF killed 11 civilians with machetes in Mapou (Beni, North Kivu).",
    "On 2 February 2024, clashes between SNA and Al Shabaab in Bal'ad (Middle Shabelle) left 4 soldiers and 7 militants dead.",
    "On 19 August 2022, police fired live ammunition at demonstrators in Nairobi (Nairobi), killing 1 protester.",
    "On 3 March 2023, villagers lynched a suspected thief in Kano (Kano). 1 fatality.",
    "On 28 October 2022, Russian forces shelled Kherson city (Kherson). 2 civilians were killed and 5 injured.",
    "On 15 January 2024, an IED detonated near a military vehicle in Gao (Gao), wounding 3 soldiers. No fatalities reported.",
    "On 9 September 2023, armed men abducted 14 passengers near Zurmi (Zamfara).",
    "On 21 November 2022, around 200 people protested in Lilongwe (Central Region) against rising prices.",
    "On 6 July 2023, members of the Ambazonian separatist forces attacked a gendarmerie post in Batibo (Momo, North-West), killing 2 gendarmes.",
    "On 30 April 2024, a Ukrainian drone struck an oil depot in Belgorod (Belgorod). No casualties reported.",
]


@pytest.mark.parametrize("note", NOTES)
def test_a_note_read_late_still_tells_its_incident(note: str) -> None:
    ms = extract(report_from_text(note, id="n", published="2024-06-01")).incidents
    assert len(ms) == 1, note
    day = ms[0].date.start if ms[0].date else None
    assert day is not None and day < "2024-06-01"


def test_a_bare_past_year_is_still_history() -> None:
    text = "In 2019, gunmen killed 50 people in the same village, residents recalled."
    ms = extract(report_from_text(text, id="n", published="2024-06-01")).incidents
    assert ms == []
