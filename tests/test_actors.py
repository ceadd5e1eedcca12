"""Actor phrases: heads typed from the lexicon, instruments, named groups, responsibility."""

from __future__ import annotations

import pytest

from reckon.extract.actors import find_actors
from reckon.extract.attribution import responsible
from reckon.extract.heads import head_type, is_instrument, lexicon, plural

ACTOR_TYPES = {
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
}


def actors(s: str) -> list[tuple[str, str]]:
    out = find_actors(s, 0, len(s))
    for a in out:
        assert s[a.start : a.end] == a.text  # every actor is an exact span
    return [(a.text, a.type) for a in out]


def test_the_lexicons_are_well_formed() -> None:
    lex = lexicon()
    assert len(lex.types) > 300
    assert {t for t in lex.types.values() if t} <= ACTOR_TYPES
    assert {"drone", "drones", "artillery", "gunfire"} <= lex.instruments
    assert plural("gunman") == "gunmen" and plural("militia") == "militias"
    assert plural("family") == "families" and plural("passer") == "passers"
    assert head_type("Herdsmen") == "Identity militia" and head_type("spoon") is None
    assert is_instrument("mortar rounds") and not is_instrument("soldiers")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three shepherds were shot near the well.", [("Three shepherds", "Civilians")]),
        ("Later a medic was wounded at the clinic.", [("medic", "Civilians")]),
        (
            "Gunmen killed a schoolteacher's wife.",
            [("Gunmen", "Political militia"), ("wife", "Civilians")],
        ),
        ("Two clans fought over a borehole.", [("Two clans", "Identity militia")]),
        ("Armed herdsmen raided the hamlet.", [("Armed herdsmen", "Identity militia")]),
        ("Then student protesters marched.", [("protesters", "Protesters")]),
        ("Then an angry mob torched the car.", [("angry mob", "Rioters")]),
        ("There volunteer militiamen repelled the raid.", [("militiamen", "Political militia")]),
        (
            "Two pastors and a bishop were abducted.",
            [("Two pastors", "Civilians"), ("bishop", "Civilians")],
        ),
        (
            "Federal police officers detained the suspects.",
            [("Federal police officers", "State forces"), ("suspects", "Civilians")],
        ),
        (
            "Separatist fighters ambushed the army patrol.",
            [("Separatist fighters", "Rebel group"), ("army patrol", "State forces")],
        ),
    ],
)
def test_heads_are_typed_with_their_modifiers(sentence: str, expected: list) -> None:
    assert actors(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A drone struck a fuel depot.",
        "Artillery pounded the northern districts overnight.",
        "Mortar rounds landed near the stadium.",
        "S-300 missiles hit the city centre.",
        "A roadside bomb exploded on the highway.",
        "Heavy gunfire was heard across the town.",
        "Rockets rained down on the port.",
        "A helicopter gunship circled the market.",
        "An explosive device went off under a bridge.",
        "Two grenades were thrown into the bar.",
        "Tank fire destroyed the bridge.",
    ],
)
def test_a_bare_instrument_is_never_an_actor(sentence: str) -> None:
    assert actors(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Army artillery shelled the ridge.", ("Army artillery", "State forces")),
        ("Israeli warplanes struck a house.", ("Israeli warplanes", "External/Other forces")),
        ("Rebel mortars hit the barracks.", ("Rebel mortars", "Rebel group")),
        ("RSF drones targeted the power station.", ("RSF drones", "Rebel group")),
        ("Government jets bombed the market.", ("Government jets", "State forces")),
        ("Militia rockets fell on the camp.", ("Militia rockets", "Political militia")),
        ("Insurgent mortars struck the base.", ("Insurgent mortars", "Rebel group")),
        ("Coalition aircraft hit a convoy.", ("Coalition aircraft", "External/Other forces")),
        ("Police gunfire killed a boy.", ("Police gunfire", "State forces")),
        ("Military helicopters fired on the village.", ("Military helicopters", "State forces")),
    ],
)
def test_an_instrument_with_its_owner_is_the_owner(sentence: str, expected: tuple) -> None:
    assert actors(sentence)[0] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Al Shabaab claimed responsibility for the blast.", "Al Shabaab"),
        ("ISWAP said in a statement that it had carried out the raid.", "ISWAP"),
        ("The Houthis quickly claimed the attack.", "Houthis"),
        ("Witnesses spoke of chaos, blaming the army.", "army"),
        ("The governor blamed the killings on bandits.", "bandits"),
        ("Officials attributed the bombing to Islamist militants.", "Islamist militants"),
        ("The ambush was carried out by JNIM, according to a local source.", "JNIM"),
        ("Police blamed Kenya-based al Shabaab militants.", "al Shabaab militants"),
        ("Residents accused government soldiers of the killings.", "government soldiers"),
        ("The attack was claimed by the Islamic State.", "Islamic State"),
        ("The ministry blamed the attack on members of a rebel militia.", "rebel militia"),
    ],
)
def test_the_side_held_responsible(sentence: str, expected: str) -> None:
    assert [a.text for a in responsible(sentence, 0, len(sentence))] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels denied any role in the attack.",
        "Soldiers said the road was calm.",
        "She blamed the heat for the deaths of two soldiers.",
        "Farmers blamed the drought on the government's water policy.",
        "Civilians were blamed for hiding weapons.",
        "The police said a suspect had been arrested.",
        "Militants were seen leaving the town.",
        "Two gunmen were killed in the exchange.",
        "The army spokesman said nothing about the raid.",
        "Protesters blamed the president.",
    ],
)
def test_no_side_held_responsible(sentence: str) -> None:
    assert responsible(sentence, 0, len(sentence)) == []
