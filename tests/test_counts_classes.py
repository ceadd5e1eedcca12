"""Counts read by general mechanisms, each class checked on sentences of our own (none taken
from any evaluation file)."""

from __future__ import annotations

import pytest

from reckon.extract.numbers import find_counts
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


# an apposition between dashes restates the counted group: no second count
DASH_APPOSITION = [
    ("Five people - three women and two men - were killed in the raid.", 5),
    ("Seven miners – four locals and three migrants – were abducted at the pit.", 7),
    ("Nine soldiers — six privates and three officers — died in the ambush.", 9),
    ("Gunmen killed four people - a teacher, his wife and two neighbours - on Sunday.", 4),
    ("Six civilians - all of them farmers - were shot dead near the border.", 6),
    ("Twelve pupils - eight girls and four boys - were wounded by the blast.", 12),
    ("Three guards - two of them foreigners - were killed at the mine.", 3),
    ("Troops arrested 20 men - mostly traders - at the market.", 20),
    ("Ten fishermen - five from each village - went missing after the attack.", 10),
    ("Two policemen - a sergeant and a constable - were injured in the clash.", 2),
]


@pytest.mark.parametrize(("text", "best"), DASH_APPOSITION)
def test_an_apposition_between_dashes_restates_the_count(text: str, best: int) -> None:
    assert [m.count.best for m in find_counts(text) if not m.negated] == [best]
