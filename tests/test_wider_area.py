"""A happening set across unnamed areas does not take the town the sentence before named: it
takes the report's own place (the one it names most), as a follow-up told without a place does
not."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text


def _places(text: str) -> list[tuple[str, str | None]]:
    ex = extract(report_from_text(text, published="2024-03-09"))
    return [(m.sub_event_type, m.location.name if m.location else None) for m in ex.incidents]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Violence spread in Ituri province this week. Rebels ambushed an army patrol in Bunia "
         "on Monday, killing two soldiers. Afterwards troops were sent to several districts, "
         "with reports of looting by soldiers. Ituri province has seen years of unrest.", "Bunia"),
        ("Tension is high in Cabo Delgado province. Insurgents ambushed a convoy in Macomia on "
         "Friday, killing three soldiers. Troops deployed across neighbouring villages were "
         "accused of looting. Cabo Delgado province's governor called for calm.", "Macomia"),
        ("Unrest gripped Tigray region this month. Militiamen attacked a checkpoint in Adigrat, "
         "killing four police officers. Afterwards soldiers looted shops in other areas, "
         "residents said. Tigray region remains tense.", "Adigrat"),
    ],
)
def test_looting_across_unnamed_areas_is_not_at_the_town_before(text: str, town: str) -> None:
    places = _places(text)
    looting = [p for st, p in places if st == "Looting/property destruction"]
    assert looting and all(p != town for p in looting), places


def test_a_follow_up_without_a_place_still_takes_the_town_before() -> None:
    text = ("Violence spread in Ituri province this week. Gunmen attacked the market in Bunia on "
            "Monday, killing two traders. They then looted shops and burned stalls. Ituri "
            "province has seen years of unrest.")
    places = _places(text)
    assert all(p == "Bunia" for st, p in places if st == "Looting/property destruction"), places
