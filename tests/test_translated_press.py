"""Translated local press and military communiques: 'neutralised', 'eliminated', a body found
with wounds. Sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.extract.events import KILL, find_triggers
from reckon.ingest import report_from_text


@pytest.mark.parametrize(
    "sentence",
    [
        "The forces of defence and security have neutralised about fifteen terrorists near Arbinda.",
        "The army eliminated three bandits during a patrol near Tsafe on Monday.",
        "Troops neutralized several armed elements in the forest of Kambi.",
        "A man was found dead with wounds of machete in the commune of Kimbanseke.",
        "Two women were found murdered with gunshot wounds near Tumaco on Sunday.",
    ],
)
def test_killing_in_other_words(sentence: str) -> None:
    assert any(t.code == KILL for t in find_triggers(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The company eliminated 300 jobs in Lagos on Monday.",
        "The team neutralised the threat of the opposing striker.",
        "The body of a man was found dead in a river in Kisumu on Sunday.",
    ],
)
def test_no_killing(sentence: str) -> None:
    assert not any(t.code == KILL and t.text.lower().startswith(("neutral", "elimin", "found"))
                   for t in find_triggers(sentence))


@pytest.mark.slow
def test_a_body_found_with_wounds_is_an_attack() -> None:
    text = "A man of about 40 years was found dead with wounds of machete in Kimbanseke on Sunday."
    ms = extract(report_from_text(text, id="p", published="2024-03-09")).incidents
    assert [m.sub_event_type for m in ms] == ["Attack"]
