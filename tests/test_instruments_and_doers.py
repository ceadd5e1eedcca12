"""The weapon named as instrument decides the sub-type ("struck a car with a drone"); an explosive
belt or vest is a suicide bombing; an operation that arrests is no clash; people who shoot or
abduct are an unidentified armed group. Sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow


def _read(sentence: str):
    return extract(report_from_text(sentence, id="s", published="2024-03-09")).incidents


@pytest.mark.parametrize(
    "sentence",
    [
        "US forces struck a car with a drone in Baghdad on Wednesday night, killing three men.",
        "The army hit a rebel camp with drones near Lashio on Monday, killing six fighters.",
        "Turkish forces targeted a vehicle using a drone near Qamishli on Friday, killing two.",
        "Troops attacked the hideout with armed drones near Kidal on Sunday.",
    ],
)
def test_a_drone_as_instrument_is_a_drone_strike(sentence: str) -> None:
    assert [m.sub_event_type for m in _read(sentence)] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A man detonated an explosive belt at a checkpoint in Grozny on Thursday, wounding two officers.",
        "A woman wearing an explosive vest blew up a market in Maiduguri on Sunday, killing 12.",
        "A teenager detonated himself at a mosque gate in Peshawar on Friday, killing four.",
    ],
)
def test_explosive_belts_and_vests_are_suicide_bombs(sentence: str) -> None:
    ms = _read(sentence)
    assert [m.sub_event_type for m in ms] == ["Suicide bomb"]
    assert [a.type for a in ms[0].actors if a.role == "perpetrator"] == ["Political militia"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Counter-terrorism police arrested 7 suspected militants during intelligence-based operations in Sargodha on Monday.",
        "Police arrested four suspects in a security operation in Mombasa on Friday.",
    ],
)
def test_an_operation_that_arrests_is_an_arrest(sentence: str) -> None:
    assert [m.sub_event_type for m in _read(sentence)] == ["Arrests"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two men shot dead a bus driver in Villa Nueva on Tuesday.",
        "Unknown men opened fire on a minibus near Tumaco on Sunday, killing two passengers.",
        "Two men on a motorbike shot a trader dead in Kumasi on Friday.",
        "Three men abducted a pastor from his home in Kajuru on Monday.",
    ],
)
def test_people_who_shoot_or_abduct_are_an_armed_group(sentence: str) -> None:
    ms = _read(sentence)
    assert len(ms) == 1
    assert [a.type for a in ms[0].actors if a.role == "perpetrator"] == ["Political militia"]
    assert ms[0].event_type == "Violence against civilians"
