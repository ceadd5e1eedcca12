"""Which day dates an incident: a full date beats a weekday; a weekday naming a gathering
('after Friday prayers') is no date; the day of an accusation is not the day of the deed.
Sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow


def _dates(text: str, published: str) -> list[str | None]:
    ms = extract(report_from_text(text, id="s", published=published)).incidents
    return [m.date.start if m.date else None for m in ms]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Security forces killed 66 people after Friday prayers in Zahedan on 30 September 2022.", "2022-09-30"),
        ("Gunmen attacked worshippers leaving Sunday mass in Owo on 5 June 2022, killing 40.", "2022-06-05"),
        ("Police shot dead two traders at the Saturday market in Aba on 1 October 2022.", "2022-10-01"),
    ],
)
def test_the_written_date_wins_over_a_gathering_weekday(text: str, day: str) -> None:
    assert _dates(text, "2022-10-12") == [day]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a mosque after Friday prayers in Kano, killing three.",
        "Soldiers fired on worshippers leaving Sunday mass in Beni, killing two.",
    ],
)
def test_a_gathering_weekday_alone_dates_nothing(text: str) -> None:
    assert _dates(text, "2022-10-12") == [None]


def test_the_day_of_an_accusation_is_not_the_day_of_the_deed() -> None:
    text = "Residents accused soldiers on Wednesday of killing four herders near Djibo."
    assert _dates(text, "2022-10-12") != ["2022-10-12"]
