"""The shared lexicons load, and every entry is well formed."""

from __future__ import annotations

import re

from reckon.lexicon import groups

ACTOR_TYPES = {
    "State forces", "Rebel group", "Political militia", "Identity militia",
    "Rioters", "Protesters", "Civilians", "External/Other forces",
}


def test_groups_are_well_formed() -> None:
    gs = groups()
    assert len(gs) > 50
    for g in gs:
        assert g.name and g.type in ACTOR_TYPES, g
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in g.countries), g
        for d in (g.valid_from, g.valid_to):
            assert d is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", d), g


def test_a_group_can_change_type_on_a_date() -> None:
    taliban = [g for g in groups() if g.name == "Taliban"]
    assert {g.type for g in taliban if g.valid_on("2020-05-01")} == {"Rebel group"}
    assert {g.type for g in taliban if g.valid_on("2022-05-01")} == {"State forces"}
