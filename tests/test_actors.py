"""Actor phrases: heads typed from the lexicon, instruments, named groups, responsibility."""

from __future__ import annotations

import pytest

from reckon.extract.actors import BY_BEFORE, find_actors
from reckon.extract.attribution import responsible
from reckon.extract.foreign import at_war, nationality, settle_type
from reckon.extract.heads import head_type, is_instrument, lexicon, plural
from reckon.extract.roles import is_source, object_of_verb, settle
from reckon.extract.victims import object_victims

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
        ("Then student protesters marched.", [("student protesters", "Protesters")]),
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


# ---- the sides of demonstrations, settled by the event's sub-type ------------------------------


@pytest.mark.parametrize(
    ("event", "atype", "role", "expected"),
    [
        # the forces that break up a protest act; the people at it are its targets
        (
            ("Protests", "Protest with intervention"),
            "State forces",
            "target",
            ("perpetrator", "State forces"),
        ),
        (
            ("Protests", "Protest with intervention"),
            "Rioters",
            "perpetrator",
            ("target", "Protesters"),
        ),
        (
            ("Protests", "Protest with intervention"),
            "Civilians",
            "target",
            ("target", "Protesters"),
        ),
        (
            ("Protests", "Excessive force against protesters"),
            "Protesters",
            "party",
            ("target", "Protesters"),
        ),
        (
            ("Protests", "Excessive force against protesters"),
            "Civilians",
            "target",
            ("target", "Protesters"),
        ),
        # a peaceful protest has parties only
        (("Protests", "Peaceful protest"), "Protesters", "perpetrator", ("party", "Protesters")),
        (("Protests", "Peaceful protest"), "Civilians", "target", ("party", "Protesters")),
        (("Protests", "Peaceful protest"), "State forces", "target", ("party", "State forces")),
        # rioters and mobs act; their victims stay civilians
        (("Riots", "Violent demonstration"), "Protesters", "party", ("perpetrator", "Rioters")),
        (
            ("Riots", "Violent demonstration"),
            "State forces",
            "perpetrator",
            ("target", "State forces"),
        ),
        (("Riots", "Mob violence"), "Civilians", "perpetrator", ("perpetrator", "Rioters")),
        (("Riots", "Mob violence"), "Civilians", "target", ("target", "Civilians")),
        (("Riots", "Mob violence"), "Rioters", "target", ("perpetrator", "Rioters")),
        # other events keep the clause's reading
        (("Battles", "Armed clash"), "Civilians", "target", ("target", "Civilians")),
        (
            ("Violence against civilians", "Attack"),
            "Rioters",
            "perpetrator",
            ("perpetrator", "Rioters"),
        ),
    ],
)
def test_demonstrations_settle_roles(event: tuple, atype: str, role: str, expected: tuple) -> None:
    assert settle(event[0], event[1], atype, role) == expected


# ---- speakers are sources, not sides -----------------------------------------------------------


def _first_actor_is_source(sentence: str) -> bool:
    a = find_actors(sentence, 0, len(sentence))[-1]
    return is_source(sentence, a.start, a.end, 0, len(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Four died in the blast, according to the regional military administration.",
        "Six were killed, according to local officials.",
        "The toll rose to nine, citing police.",
        "Two bodies were found on the road, quoting a senior police officer.",
        "The figure was reported by residents.",
        "Three were hurt, said a police spokesman.",
        "The market was hit, the army spokesman.",
        "Two were shot, police sources.",
        "Five were abducted, the volunteers who run the shelter said",
        "Seven died, relatives, who asked not to be named, told reporters",
        "The convoy was hit twice, according to two soldiers.",
    ],
)
def test_a_speaker_is_a_source(sentence: str) -> None:
    assert _first_actor_is_source(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Witnesses said gunmen",
        "A rights group said RSF fighters",
        "Residents said a military patrol",
        "The mayor told reporters that the police",
        "The attack was carried out by insurgents",
        "Four were killed by soldiers",
        "The convoy was ambushed by militants",
        "The village was raided by bandits",
        "Shells fired by rebels",
        "Troops opened fire on protesters",
    ],
)
def test_a_side_is_not_a_source(sentence: str) -> None:
    assert not _first_actor_is_source(sentence)


# ---- state forces at home and abroad -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "atype", "country", "expected"),
    [
        ("Kenyan police officers", "External/Other forces", "KE", "State forces"),
        ("Ethiopian troops", "External/Other forces", "ET", "State forces"),
        ("Turkish soldiers", "External/Other forces", "TR", "State forces"),
        ("Iran's Revolutionary Guards", "State forces", "IR", "State forces"),
        ("Rwandan troops", "State forces", "MZ", "External/Other forces"),
        ("Ugandan soldiers", "State forces", "CD", "External/Other forces"),
        ("Pakistani forces", "State forces", "IN", "External/Other forces"),
        ("the Israel Defense Forces", "State forces", "LB", "External/Other forces"),
        ("Iran's Revolutionary Guards", "State forces", "IQ", "External/Other forces"),
        ("Chadian army units", "State forces", "NG", "External/Other forces"),
        # at war with each other: both sides are state forces
        ("Azerbaijani troops", "External/Other forces", "AM", "State forces"),
        # no nationality told, or not a state force: kept
        ("the army", "State forces", "LB", "State forces"),
        ("Turkish-backed factions", "Rebel group", "SY", "Rebel group"),
        ("Russian warplanes", "External/Other forces", None, "External/Other forces"),
    ],
)
def test_state_forces_at_home_and_abroad(phrase: str, atype: str, country, expected: str) -> None:
    names = {"Iran": "IR", "Azerbaijan": "AZ"}
    assert settle_type(atype, phrase, country, "2020-10-10", names) == expected


def test_a_war_has_dates() -> None:
    assert at_war("AZ", "AM", "2020-10-01") and not at_war("AZ", "AM", "2019-10-01")
    assert nationality("Turkish-backed factions") is None
    assert nationality("Kenyan police") == "KE"


@pytest.mark.parametrize(
    ("event", "phrase", "expected"),
    [
        ("Violence against civilians", "23 passengers", ("target", "Civilians")),
        ("Violence against civilians", "a farmer", ("target", "Civilians")),
        ("Violence against civilians", "Hazara students", ("target", "Civilians")),
        ("Explosions/Remote violence", "11 civilians", ("target", "Civilians")),
        ("Explosions/Remote violence", "two children", ("target", "Civilians")),
        ("Battles", "the villagers", ("target", "Civilians")),
        ("Violence against civilians", "an unidentified man", ("perpetrator", "Political militia")),
        ("Violence against civilians", "Unknown men", ("perpetrator", "Political militia")),
        ("Violence against civilians", "two masked men", ("perpetrator", "Political militia")),
        ("Battles", "armed residents", ("perpetrator", "Political militia")),
        # rioting villagers are rioters, not victims
        ("Riots", "villagers", ("perpetrator", "Rioters")),
    ],
)
def test_civilians_are_never_the_attackers(event: str, phrase: str, expected: tuple) -> None:
    assert settle(event, None, "Civilians", "perpetrator", phrase) == expected


# ---- passive agents, objects and victims with unlisted nouns -----------------------------------


@pytest.mark.parametrize(
    "before",
    [
        "shells fired by the paramilitary ",
        "was shot by two ",
        "were killed by ",
        "abducted by suspected ",
        "was beaten by angry ",
        "carried out by the ",
        "ambushed by heavily armed ",
        "hit by a ",
        "torched by ",
        "was stabbed by an ",
    ],
)
def test_the_agent_of_a_passive(before: str) -> None:
    assert BY_BEFORE.search(before)


@pytest.mark.parametrize(
    "before",
    ["by the end of the ", "by the time the ", "by night the ", "by the way the ", "bypass the "],
)
def test_not_a_passive_agent(before: str) -> None:
    assert not BY_BEFORE.search(before)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kuki militants torched houses.", ("Kuki militants", "Identity militia")),
        ("Then armed Meitei men abducted six.", ("armed Meitei men", "Identity militia")),
        ("Then Dinka militiamen raided the cattle camp.", ("Dinka militiamen", "Identity militia")),
        ("Then armed Pokot herders attacked.", ("armed Pokot herders", "Identity militia")),
        ("Then clan militias fought.", ("clan militias", "Identity militia")),
        ("Then Hema fighters attacked.", ("Hema fighters", "Identity militia")),
        ("Then Yazidi fighters repelled them.", ("Yazidi fighters", "Identity militia")),
        ("Then Tiv gunmen attacked.", ("Tiv gunmen", "Identity militia")),
        ("Then vigilante fighters chased them.", ("vigilante fighters", "Identity militia")),
        ("Then ethnic militias clashed.", ("ethnic militias", "Identity militia")),
        ("Then Malian soldiers arrived.", ("Malian soldiers", "State forces")),
    ],
)
def test_a_community_makes_armed_men_an_identity_militia(sentence: str, expected: tuple) -> None:
    assert actors(sentence)[0] == expected


@pytest.mark.parametrize(
    ("sentence", "first", "second", "expected"),
    [
        ("RSF fighters stopped a group of families", "fighters", "families", True),
        ("Gunmen dragged the passengers", "Gunmen", "passengers", True),
        ("Soldiers rounded up villagers", "Soldiers", "villagers", True),
        ("Militants seized two engineers", "Militants", "engineers", True),
        ("Police forced the traders", "Police", "traders", True),
        ("Bandits herded the farmers", "Bandits", "farmers", True),
        ("Troops quickly surrounded the students", "Troops", "students", True),
        ("Rebels took several workers", "Rebels", "workers", True),
        ("Attackers lined up the men", "Attackers", "men", True),
        ("Gunmen held dozens of worshippers", "Gunmen", "worshippers", True),
        ("Soldiers and militiamen", "Soldiers", "militiamen", False),
        ("Police, residents", "Police", "residents", False),
        ("Soldiers in the town said residents", "Soldiers", "residents", False),
    ],
)
def test_the_object_of_a_verb(sentence: str, first: str, second: str, expected: bool) -> None:
    subject_end = sentence.index(first) + len(first)
    assert object_of_verb(sentence, subject_end, sentence.index(second)) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen shot a money changer in Karachi.", ["money changer"]),
        ("Rebels abducted a barangay captain on Sunday.", ["barangay captain"]),
        ("Soldiers raped a 14-year-old girl near the camp.", ["14-year-old girl"]),
        ("A mob lynched a suspected cattle thief in Kaduna.", ["suspected cattle thief"]),
        ("Police arrested opposition organisers at dawn.", ["opposition organisers"]),
        ("Unknown men stabbed a night watchman.", ["night watchman"]),
        ("They kidnapped a hotel receptionist and her cousin.", ["hotel receptionist"]),
        ("Militants beheaded a village catechist.", ["village catechist"]),
        ("The gang tortured a taxi owner, residents said.", ["taxi owner"]),
        ("Men wounded a tea seller.", ["tea seller"]),
        ("They killed him on Friday.", []),
        ("The attack killed four.", []),
        ("Gunmen killed at least five in the raid.", []),
        ("Troops detained Ahmed Musa.", []),
    ],
)
def test_a_victim_with_an_unlisted_noun(sentence: str, expected: list) -> None:
    found = object_victims(sentence, 0, len(sentence), [])
    assert [v.text for v in found] == expected
    assert all(v.type == "Civilians" and sentence[v.start : v.end] == v.text for v in found)


@pytest.mark.parametrize(
    "before",
    [
        "a checkpoint manned by ",
        "a town held by ",
        "districts controlled by ",
        "a school run by ",
        "a farm owned by ",
        "a bridge guarded by ",
        "areas occupied by ",
        "a base operated by ",
        "a clinic staffed by ",
        "a road used by ",
    ],
)
def test_who_holds_a_place_is_no_agent(before: str) -> None:
    assert not BY_BEFORE.search(before)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The device was planted by separatist insurgents.", "separatist insurgents"),
        ("The rockets were fired by Houthi fighters.", "Houthi fighters"),
        ("Investigators said the bomb was detonated by ISWAP.", "ISWAP"),
        ("The raid was orchestrated by bandits.", "bandits"),
        ("The mines were laid by rebels years ago.", "rebels"),
        ("The barrage was launched by militia units.", "militia units"),
        ("The massacre was perpetrated by soldiers.", "soldiers"),
        ("The killings were committed by gunmen.", "gunmen"),
        ("The ambush was masterminded by jihadists.", "jihadists"),
        ("The charge was placed by insurgents.", "insurgents"),
    ],
)
def test_the_agent_named_responsible(sentence: str, expected: str) -> None:
    assert [a.text for a in responsible(sentence, 0, len(sentence))] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Twelve died, two residents and a health worker said",
        "Four were hurt, villagers and a local chief told reporters",
        "The toll is six, officials or a hospital source say",
        "Nine were taken, relatives and the village head reported",
        "Three died, doctors and two nurses said",
        "Five were shot, students and a teacher said",
        "Two were killed, traders and market officials said",
        "The town fell, residents and an aid worker said",
        "Seven were abducted, farmers and other witnesses told",
        "Eight were arrested, lawyers and the families said",
    ],
)
def test_speakers_named_together_are_sources(sentence: str) -> None:
    comma = sentence.index(",")
    a = find_actors(sentence, comma, len(sentence))[0]  # the first speaker after the comma
    assert is_source(sentence, a.start, a.end, 0, len(sentence))


# ---- nationality from the longest name; victims after verb phrases; separatist forces ----------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("South Sudan's army", "SS"),
        ("Sudan's army", "SD"),
        ("Central African troops", "CF"),
        ("Kenyan police", "KE"),
        ("Iran's Revolutionary Guards", "IR"),
        ("the Burkinabe army", "BF"),
        ("Congolese soldiers", "CD"),
        ("Turkish-backed factions", None),
        ("the army", None),
        ("Malian troops", "ML"),
    ],
)
def test_the_nationality_of_a_force(phrase: str, expected) -> None:
    names = {"South Sudan": "SS", "Sudan": "SD", "Iran": "IR"}
    assert nationality(phrase, names) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two men shot dead a money changer inside his shop.", ["money changer"]),
        ("Rebels shot dead a village chairman on Friday.", ["village chairman"]),
        ("A mob lynches a factory manager over a rumour.", ["factory manager"]),
        ("Attackers hacked to death a cattle herder.", ["cattle herder"]),
        ("Gunmen gunned down a local councillor's driver.", ["local councillor's driver"]),
        ("The crowd burnt alive a suspected thief.", ["suspected thief"]),
        ("Soldiers beat to death a street vendor.", ["street vendor"]),
        ("Bandits kidnap a Catholic priest near the border.", ["Catholic priest"]),
        ("Militants behead a mine guard.", ["mine guard"]),
        ("Men stabbed to death a shop assistant.", ["shop assistant"]),
    ],
)
def test_victims_after_verb_phrases(sentence: str, expected: list) -> None:
    assert [v.text for v in object_victims(sentence, 0, len(sentence), [])] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Then southern separatist forces seized the town.", "Rebel group"),
        ("Then secessionist forces attacked.", "Rebel group"),
        ("Then guerrilla units ambushed them.", "Rebel group"),
        ("Then government forces retook the town.", "State forces"),
        ("Then opposition forces advanced.", "Rebel group"),
        ("Then resistance forces ambushed a convoy.", "Rebel group"),
        ("Then militia forces fought.", "Rebel group"),
        ("Then army units advanced.", "State forces"),
        ("Then security forces responded.", "State forces"),
        ("Then federal forces arrived.", "State forces"),
    ],
)
def test_forces_typed_by_their_side(sentence: str, expected: str) -> None:
    assert actors(sentence)[0][1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two men on a motorbike opened fire.", ("Two men on a motorbike", "Political militia")),
        ("Later two men on motorcycles shot him.", ("two men on motorcycles", "Political militia")),
        ("Then a man riding a scooter threw it.", ("man riding a scooter", "Political militia")),
        (
            "Later three men on a motorcycle fled.",
            ("three men on a motorcycle", "Political militia"),
        ),
        (
            "Gunmen on motorcycles stormed the school.",
            ("Gunmen on motorcycles", "Political militia"),
        ),
        (
            "Later armed men on motorbikes arrived.",
            ("armed men on motorbikes", "Political militia"),
        ),
        (
            "Later masked men on a motorbike fired.",
            ("masked men on a motorbike", "Political militia"),
        ),
        ("Then men riding motorcycles attacked.", ("men riding motorcycles", "Political militia")),
        ("Later two men on boda bodas struck.", ("two men on boda bodas", "Political militia")),
        ("Later a gunman on a motorcycle fired.", ("gunman on a motorcycle", "Political militia")),
        # men elsewhere are no riders
        ("Later two men on the roof waved.", ("two men", "Civilians")),
    ],
)
def test_men_on_motorcycles_are_a_militia(sentence: str, expected: tuple) -> None:
    assert actors(sentence)[0] == expected
