"""ACLED event type and sub-type of a clause from its triggers and the types of its actors, by the
codebook's precedence rules (a strike from the air stays Explosions/Remote violence even when
civilians die; an armed attack on state forces is a Battle; armed violence against civilians is
Violence against civilians)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reckon.extract.events import Trigger

from reckon.extract.codes import (  # the trigger codes
    _F,
    ABDUCT,
    AGREE,
    AIR,
    ARREST,
    ATTACK,
    CAPTURE,
    CHANGE,
    CHEM,
    CLASH,
    DISPERSE,
    DISRUPT,
    FIRE_ON,
    GRENADE,
    HQ,
    IED,
    KILL,
    LOOT,
    MASSACRE,
    MOB,
    OTHER,
    PROTEST,
    REGAIN,
    RIOT,
    SEXUAL,
    SHELL,
    SUICIDE,
    TRANSFER,
    WOUND,
)

# Actor-type groups used by classification.
ARMED = {
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "External/Other forces",
}
NONSTATE = {"Rebel group", "Political militia", "Identity militia"}
STATEISH = {"State forces", "External/Other forces"}


_EXECUTION_VERBS = {
    "shot dead",
    "gunned down",
    "executed",
    "beheaded",
    "shot and killed",
    "stabbed",
    "hacked to death",
    "murdered",
}


WEAK = 0.45  # a reading from deaths alone: an event only where none was told before
# verbs that say someone did the killing (where "died" does not)
_AGENTIVE_KILL = {"killed", "kill", "kills", "murdered", "slain", "shot dead", "gunned down"}


@dataclass(slots=True)
class Decision:
    event_type: str
    sub_event_type: str
    strength: float  # 0-1: how sure the trigger evidence is
    key: Trigger | None  # the trigger that decided


# a disrupted weapons use told by the weapons taken ("seized 20 rifles", "recovered explosives")
_SEIZURE = re.compile(r"(?:seized|confiscated|recovered|impounded|uncovered|found|discovered)\b", _F)

# the Other triggers that tell a security measure or a movement of forces, and those that tell an
# operation (which stays Other)
_SECURITY_MEASURE = re.compile(r"curfew|state of|lockdown|blockade", _F)
_OPERATION = re.compile(r"security operation|tasked with", _F)

_INFRASTRUCTURE = re.compile(r"(?:destroyed|blew up|sabotaged|demolished|wrecked) (?!(?:\w+ ){0,3}(?:homes|houses|shops))", _F)


def classify(
    triggers: list[Trigger],
    perp_types: set[str],
    target_types: set[str],
    *,
    protest_context: bool = False,
    has_deaths: bool = False,
    has_victims: bool = False,
    stateish_present: bool = False,
    violent_report: bool = False,
) -> Decision | None:
    """ACLED (type, sub-type) for one clause from its triggers and actor types, or None."""
    by: dict[str, Trigger] = {}
    for t in triggers:
        by.setdefault(t.code, t)
    has = by.__contains__

    def d(et: str, st: str, code: str, strength: float = 0.8) -> Decision:
        return Decision(et, st, strength, by.get(code))

    seizure = has(DISRUPT) and _SEIZURE.match(by[DISRUPT].text) is not None
    if seizure and (has(ARREST) or has(CLASH) or has(ABDUCT) or (has(KILL) and has_deaths)):
        # "arrested five suspects and seized weapons", "recovered rifles from the bodies of the
        # attackers": the arrest or the fight is the event, the weapons a detail of it
        del by[DISRUPT]
        seizure = False
    armed_perp = bool(perp_types & ARMED)
    civ_target = "Civilians" in target_types
    armed_target = bool(target_types & ARMED)
    if civ_target and perp_types and perp_types <= STATEISH and target_types & ARMED <= perp_types:
        # "a boy was shot dead during an operation by federal and civil police": a second force
        # of the perpetrator's own kind is its partner, not a side fired on
        armed_target = False

    if has(CHEM):
        return d("Explosions/Remote violence", "Chemical weapon", CHEM, 0.9)
    if has(DISRUPT) and not (
        has_deaths and by[DISRUPT].text.lower() in ("foiled", "thwarted") and armed_target
    ):
        # weapons seized are an event of their own where nothing else is told before them
        return d("Strategic developments", "Disrupted weapons use", DISRUPT, WEAK if seizure else 0.85)
    if has(DISRUPT):
        # "two militiamen and a soldier were killed in a foiled attack on a post": a fight
        return d("Battles", "Armed clash", DISRUPT, 0.7)
    if has(SUICIDE):
        return d("Explosions/Remote violence", "Suicide bomb", SUICIDE, 0.95)
    if has(TRANSFER) and (perp_types | target_types) & ARMED:
        # territory changes hands between armed sides ("the team won unopposed" is no transfer)
        return d("Strategic developments", "Non-violent transfer of territory", TRANSFER, 0.8)
    if (has(REGAIN) or has(CAPTURE)) and not has(ABDUCT):
        code = REGAIN if has(REGAIN) else CAPTURE
        if has(REGAIN) and (stateish_present or not perp_types & NONSTATE):
            return d("Battles", "Government regains territory", code, 0.85)
        if "External/Other forces" in perp_types and not perp_types & NONSTATE:
            # a foreign army taking villages ("Russian forces captured Loknia"): fighting
            return d("Battles", "Armed clash", code, 0.75)
        if perp_types & STATEISH and not perp_types & NONSTATE:
            return d("Battles", "Government regains territory", code, 0.8)
        return d("Battles", "Non-state actor overtakes territory", code, 0.8)
    if has(TRANSFER) and (perp_types | target_types) & ARMED:
        return d("Strategic developments", "Non-violent transfer of territory", TRANSFER, 0.8)
    if has(AIR):
        return d("Explosions/Remote violence", "Air/drone strike", AIR, 0.9)
    if has(SHELL):
        return d("Explosions/Remote violence", "Shelling/artillery/missile attack", SHELL, 0.9)
    if has(IED):
        return d("Explosions/Remote violence", "Remote explosive/landmine/IED", IED, 0.9)
    if has(GRENADE):
        return d("Explosions/Remote violence", "Grenade", GRENADE, 0.9)
    if has(PROTEST) or protest_context:
        key = PROTEST if has(PROTEST) else next(iter(by), PROTEST)
        if (
            (has(RIOT) or has(MOB))
            and perp_types & {"Rioters", "Protesters"}
            and not (perp_types & STATEISH)
        ):
            return d("Riots", "Violent demonstration", key, 0.8)
        if (
            (has(KILL) or has(FIRE_ON))
            and (has_deaths or has(WOUND) or has(FIRE_ON))
            and not (has(DISPERSE) and not has_deaths)
            and not (target_types & STATEISH and not target_types & {"Protesters", "Civilians"})
            # "a police officer was killed as protesters clashed with police": a riot
            and not (has(CLASH) and target_types & STATEISH)
        ):
            if has(KILL) or has(WOUND) or has_deaths:
                return d("Protests", "Excessive force against protesters", key, 0.85)
        if has(RIOT) or has(MOB):
            return d("Riots", "Violent demonstration", key, 0.8)
        if has(CLASH) and not has(DISPERSE):
            # "protesters clashed with police": the demonstrators fought, a violent one
            return d("Riots", "Violent demonstration", CLASH, 0.75)
        if has(DISPERSE) or has(ARREST) or has(FIRE_ON):
            return d("Protests", "Protest with intervention", key, 0.85)
        if has(PROTEST):
            return d("Protests", "Peaceful protest", PROTEST, 0.75)
    if has(MOB):
        if by[MOB].text.lower().startswith(
            ("beat ", "stoned ", "hacked ", "killed ", "attacked ")
        ) and perp_types & (STATEISH | {"Rebel group", "Political militia"}):
            # "two men on a motorbike beat a journalist": armed men's beating is an attack, a
            # crowd's (or vigilantes') a mob's
            return d("Violence against civilians", "Attack", MOB, 0.75)
        return d("Riots", "Mob violence", MOB, 0.85)
    if (has(KILL) or has(ATTACK)) and perp_types and perp_types <= {"Rioters"}:
        return d("Riots", "Mob violence", KILL if has(KILL) else ATTACK, 0.7)
    if has(SEXUAL):
        return d("Violence against civilians", "Sexual violence", SEXUAL, 0.9)
    if has(ABDUCT) and not (has(KILL) and has_deaths and not has(CLASH)):
        return d("Violence against civilians", "Abduction/forced disappearance", ABDUCT, 0.85)
    if has(CLASH):
        if has(MASSACRE) and not armed_target:
            return d("Violence against civilians", "Attack", MASSACRE, 0.75)
        sides = perp_types | target_types
        if (has(RIOT) or has(MOB)) and perp_types and perp_types <= {"Rioters", "Protesters"}:
            # "supporters clashed with police, hurling rocks": a crowd's violence
            return d("Riots", "Violent demonstration", RIOT if has(RIOT) else MOB, 0.7)
        if (
            "Rioters" in sides
            and (sides & STATEISH or stateish_present)
            and not sides & NONSTATE
            and not by[CLASH].text.lower().startswith("ambush")
        ):
            # "supporters of the jailed leader clashed with police": a violent demonstration
            return d("Riots", "Violent demonstration", CLASH, 0.7)
        if (
            by[CLASH].text.lower().startswith("ambush")
            and civ_target
            and not armed_target
            and (has(KILL) or has_deaths or has_victims)
        ):
            # "two aid workers were shot dead in an ambush on their vehicle"
            return d("Violence against civilians", "Attack", KILL if has(KILL) else CLASH, 0.7)
        return d("Battles", "Armed clash", CLASH, 0.85)
    if has(MASSACRE):
        return d("Violence against civilians", "Attack", MASSACRE, 0.8)
    crowd = bool(perp_types) and perp_types <= {"Rioters", "Civilians", "Protesters"}
    if (
        has(RIOT)
        and not perp_types & NONSTATE
        and (
            "Rioters" in perp_types
            or crowd
            or has(DISPERSE)
            or (not perp_types and stateish_present)
        )
    ):
        # "youths torched cars and fired fireworks at riot police", "young men throwing stones
        # at soldiers, who answered with tear gas": the crowd's violence is the event
        if civ_target and not target_types & STATEISH and not has(DISPERSE):
            # "villagers set fire to houses of Coptic families": a crowd that turns on people
            return d("Riots", "Mob violence", RIOT, 0.7)
        return d("Riots", "Violent demonstration", RIOT, 0.7)
    if has(DISPERSE) and not has_deaths:
        return d("Protests", "Protest with intervention", DISPERSE, 0.6)
    if has(ARREST) and not has_deaths:
        return d("Strategic developments", "Arrests", ARREST, 0.8)
    if has(KILL) or has(ATTACK) or (has(WOUND) and armed_perp):
        key = KILL if has(KILL) else (ATTACK if has(ATTACK) else WOUND)
        if armed_target and (armed_perp or not civ_target):
            if not civ_target or armed_perp:
                return d("Battles", "Armed clash", key, 0.7)
        if armed_perp and (civ_target or has_victims):
            return d("Violence against civilians", "Attack", key, 0.75)
        if has(FIRE_ON) and has_deaths and armed_perp and not target_types and not has(CLASH):
            # "border guards opened fire on a group of porters, killing one": fire opened on
            # people no one calls armed
            return d("Violence against civilians", "Attack", key, 0.55)
        if has(KILL) and has_deaths and not target_types and perp_types & NONSTATE:
            # "Herders kill 10 in Kogi": a militia's unnamed dead are taken to be civilians
            return d("Violence against civilians", "Attack", key, 0.55)
        if civ_target and has(ATTACK) and (has_deaths or has_victims or has(WOUND)):
            return d("Violence against civilians", "Attack", key, 0.6)
        executed = has(KILL) and by[KILL].text.lower() in _EXECUTION_VERBS
        if civ_target and has_deaths and executed:
            return d("Violence against civilians", "Attack", key, 0.55)
        if has(ATTACK) and has_deaths and not armed_target and not perp_types:
            return d("Violence against civilians", "Attack", key, 0.5)
        if civ_target and has(KILL) and (has(ATTACK) or armed_perp):
            return d("Violence against civilians", "Attack", key, 0.6)
        if (
            has(KILL)
            and has_deaths
            and (
                violent_report
                or by[KILL].text.lower() in _AGENTIVE_KILL
                # "found dead with machete wounds": the trigger itself tells of violence
                or by[KILL].text.lower().startswith("found ")
            )
            and not armed_target
            and not armed_perp
        ):
            # "Eight killed in Kashmir" in a report of gunmen and raids, "Two men are killed in
            # Morelia": killed by someone
            return d("Violence against civilians", "Attack", key, WEAK)
    if has(RIOT) and perp_types and not armed_perp:
        return d("Riots", "Violent demonstration", RIOT, 0.7)
    infrastructure = has(LOOT) and _INFRASTRUCTURE.match(by[LOOT].text) is not None
    if has(LOOT) and armed_perp and by[LOOT].text.lower().startswith(("blew up", "bombed")):
        # "rebels blew up a stretch of pipeline": property destroyed with explosives
        return d("Explosions/Remote violence", "Remote explosive/landmine/IED", LOOT, 0.75)
    if (has(LOOT) and (armed_perp or not infrastructure)) or (has(RIOT) and armed_perp):
        # a mast or a bridge destroyed is armed violence only by an armed side ("workers
        # destroyed the old bridge" is building work)
        return d("Strategic developments", "Looting/property destruction", LOOT, 0.8)
    if has(RIOT):
        return d("Riots", "Violent demonstration", RIOT, 0.7)
    if has(ARREST):
        return d("Strategic developments", "Arrests", ARREST, 0.8)
    if has(AGREE):
        return d("Strategic developments", "Agreement", AGREE, 0.75)
    if has(CHANGE):
        return d("Strategic developments", "Change to group/activity", CHANGE, 0.75)
    if has(HQ) and (perp_types | target_types) & ARMED:
        # an armed side sets up a base ("the minister opened a bus headquarters" is none)
        return d("Strategic developments", "Headquarters or base established", HQ, 0.8)
    if has(OTHER):
        others = [t.text for t in triggers if t.code == OTHER]
        if any(_SECURITY_MEASURE.search(x) for x in others) and not any(
            _OPERATION.search(x) for x in others
        ):
            # a curfew, a state of emergency: a security measure, a change to the activity of
            # the authorities (ACLED); troops sent stay Other, the response to an event just told
            return d("Strategic developments", "Change to group/activity", OTHER, 0.6)
        # leaflets or banners found beside an attack are its detail, an event only by themselves
        grave = "grave" in by[OTHER].text.lower() or "burial" in by[OTHER].text.lower()
        weak = not grave and not any(_OPERATION.search(x) for x in others)
        return d("Strategic developments", "Other", OTHER, WEAK if weak else 0.6)
    if has(DISPERSE):
        return d("Protests", "Protest with intervention", DISPERSE, 0.5)
    return None
