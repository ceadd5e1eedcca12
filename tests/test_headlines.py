"""A headline alone: dated by its publication (that day or the one before), suicide blasts are
suicide bombs. Headlines of our own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

HEADLINES = [
    ("Gunmen abduct 30 villagers in Zamfara", "Abduction/forced disappearance"),
    ("Suicide blast kills 9 at army base in Baidoa", "Suicide bomb"),
    ("Drone strike kills four in North Waziristan", "Air/drone strike"),
    ("Bandits kill 12 farmers in Katsina", "Attack"),
    ("Police fire tear gas at opposition rally in Nairobi", "Protest with intervention"),
    ("Soldiers fire rockets at rebel positions near Goma", "Shelling/artillery/missile attack"),
]


@pytest.mark.parametrize(("headline", "sub"), HEADLINES)
def test_a_headline_alone_is_dated_by_its_publication(headline: str, sub: str) -> None:
    ms = extract(report_from_text(headline, id="h", published="2024-03-09")).incidents
    assert [m.sub_event_type for m in ms] == [sub]
    assert (ms[0].date.start, ms[0].date.end) == ("2024-03-08", "2024-03-09")
    assert "headline" in (ms[0].date.note or "")


def test_a_sentence_with_its_full_stop_is_no_headline() -> None:
    ms = extract(report_from_text("Bandits killed 12 farmers in Katsina.", id="h", published="2024-03-09")).incidents
    assert ms and ms[0].date is None


def test_a_long_report_is_not_dated_by_its_publication() -> None:
    text = (
        "Bandits killed 12 farmers in Katsina, residents said. The attackers came on motorcycles "
        "and burned several homes before fleeing into the forest, according to a local official "
        "who asked not to be named because he was not authorised to speak to the press."
    )
    ms = extract(report_from_text(text, id="h", published="2024-03-09")).incidents
    assert ms and all(m.date is None for m in ms)
