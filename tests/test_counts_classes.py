"""Counts read by general mechanisms, each class checked on sentences of our own (none taken
from any evaluation file)."""

from __future__ import annotations

import pytest

from reckon.extract.tolls import is_toll_clause

# "across" a place that is no name (the hills, the street) spreads fire or fighting, not a toll
ACROSS_NO_NAME = [
    "Shells set fields alight that burned across the nearby slopes, injuring three farmers.",
    "Fire spread across the surrounding hills and lightly wounded two people.",
    "The gunmen walked across the market square and shot dead a trader.",
    "A rocket landed across the road from the clinic, killing two nurses.",
    "Smoke drifted across the old quarter after the blast wounded five shoppers.",
    "Running battles raged across the main avenue; one protester was killed.",
    "Shrapnel flew across the courtyard and hurt four pupils.",
    "The mob chased him across the bridge and beat him to death.",
    "Rubble was scattered across the lane where two children died.",
    "A drone crossed the border and struck a car across the river, killing its driver.",
]
ACROSS_A_NAME = [
    "At least 40 people were killed across Sudan in the past week.",
    "Strikes killed 12 civilians across Donetsk on Monday.",
    "Nine soldiers were killed across the country in a series of ambushes.",
    "Clashes killed 30 people across the region.",
]


@pytest.mark.parametrize("clause", ACROSS_NO_NAME)
def test_across_a_common_place_is_no_toll(clause: str) -> None:
    pos = next(
        i
        for i, ch in enumerate(clause)
        if ch.isdigit()
        or clause[i:]
        .lower()
        .startswith(("three", "two", "one", "five", "four", "its", "him", "a "))
    )
    assert not is_toll_clause(clause, pos)


@pytest.mark.parametrize("clause", ACROSS_A_NAME)
def test_across_a_named_area_is_a_toll(clause: str) -> None:
    assert is_toll_clause(clause, 0)
