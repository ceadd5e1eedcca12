"""One clause's decision: its actors' roles and its ACLED event type and sub-type."""

from __future__ import annotations

import re
from functools import lru_cache

from reckon.extract import actors as actors_mod
from reckon.extract import events as ev
from reckon.extract import frames, heads, syntax, victims
from reckon.extract import roles as sides
from reckon.extract.cues import _F, _WEAK
from reckon.extract.segment import (
    Clause,
)
from reckon.extract.tolls import RAISING
from reckon.model import (
    Actor,
    Span,
)

_DET_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|first|second|latest|last|its|their)\s+(?:[\w-]+\s+)?$", _F
)


_SUBJECT_OF_VERB = re.compile(
    r"\s+(?:(?!(?:was|were|been|being|is|are|had|have|has)\b)[\w-]+\s+){0,2}?"
    r"(?:attacked|killed|shot|opened fire|stormed|raided|abducted|"
    r"kidnapped|fired|shelled|struck|ambushed|bombed|torched|looted|seized|captured|clashed|"
    r"overran|burned|set fire|launched)\b",
    _F,
)


# verbs whose subject undergoes the event: "three villagers died", "a guard perished"
_UNACCUSATIVE = re.compile(r"died|dies|die|dead|perished|succumbed", _F)


_SUBORDINATE_SUBJECT = re.compile(r"\b(?:when|as|after)\s+(?:the\s+)?$", _F)


_GENERIC_CODES = {ev.KILL, ev.ATTACK, ev.WOUND, ev.FIRE_ON, ev.DISPERSE, ev.MASSACRE}


_SOURCE_AFTER = re.compile(
    # "..., police said", "local officials and a security source said"
    r"\s*(?:,\s*)?(?:(?:(?:and|or)\s+(?:an?\s+|the\s+|other\s+)?(?:[\w-]+\s+){0,3}?)?(?:sources?|"
    r"officials?|residents|witnesses|medics|activists|officers|"
    r"spokes(?:man|woman|person)(?:\s+[A-Z][\w'’.-]+){0,3})\s+)?"
    # "officials in Damascus said"
    r"(?:(?:in|from)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+)?"
    r"(?:said|says|told|reported|added|confirmed|claimed|quoted)\b",
    _F,
)


_PASSIVE_VICTIM = re.compile(
    r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|abducted|kidnapped|"
    r"shot|arrested|detained|beaten|stabbed|hacked|lynched|burned|burnt|raped|tortured|"
    r"executed|beheaded|assaulted|attacked|seized|taken)\b|"
    r"\b(?:died|perished|succumbed|lost their lives)\b|"
    # "a patrol came under attack", "the convoy was targeted"
    r"\b(?:came|come|comes|coming)\s+under\b|\b(?:was|were)\s+targeted\b",
    _F,
)


_WEAPONS = {
    "jet",
    "jets",
    "warplane",
    "warplanes",
    "aircraft",
    "drone",
    "drones",
    "artillery",
    "missile",
    "missiles",
}


_REPORTING = re.compile(
    r"\b(?:said|says|reported|report|told|described|describe|accused|alleged|claimed)\b", _F
)


_CIVILIAN_OBJECT = re.compile(
    r"\b(?:village|villages|market|funeral|mourners|church|mosque|school|hospital|camp for "
    r"displaced|displacement (?:site|camp)|homes?|houses?|minibus|bus|farmers|villagers|"
    r"civilians|worshippers|residents|family|families|wedding)\b",
    _F,
)


_ARMED_OBJECT = re.compile(
    r"\b(?:army|military|police|security|checkpoint|base|post|position|convoy|patrol|barracks|"
    r"outpost|soldiers|troops|forces|station|camp|peacekeepers|garrison)\b",
    _F,
)


_NON_VIOLENT_CODES = (ev.OTHER, ev.HQ, ev.TRANSFER, ev.AGREE, ev.CHANGE)


_DEPLOYED_AFTER = re.compile(
    r"\s+(?:presence\s+)?(?:was|were|had been|has been|have been|is being|are being)\s+"
    r"(?:\w+\s+)?(?:deployed|sent|dispatched|stationed|positioned|redeployed)\b",
    _F,
)


_VIOLENT_CODES = (ev.KILL, ev.ATTACK, ev.ABDUCT, ev.MASSACRE)


# deeds that take a weapon or a captive: their doer is armed
_ARMED_DEED = re.compile(
    r"\b(?:shot|shoot|shooting|gunned|opened fire|fired|abduct\w*|kidnap\w*|beheaded|detonated|"
    r"blew (?:himself|herself|themselves) up|explosives? (?:belt|vest)s?)\b",
    _F,
)


# an actor right after a violent verb is its object, whatever verb comes later in the clause
_OBJECT_OF_VIOLENCE = re.compile(
    r"\b(?:killed|killing|murdered|shot(?:\s+dead)?|gunned\s+down|hacked\s+to\s+death|attacked|attacking|abducted|abducting|kidnapped|"
    r"kidnapping|wounded|wounding|injured|injuring|beheaded|executed)\s+"
    r"(?:(?:a|an|the|two|three|four|five|several|some|his|her|their|local|\d+)\s+){0,2}$",
    re.IGNORECASE,
)


def _role_actors(
    text: str,
    cl: Clause,
    trig: ev.Trigger,
    acts: list[actors_mod.ActorMention],
    subordinate: bool = False,
    parsed: list[syntax.Argument] | None = None,
) -> tuple[list[tuple[actors_mod.ActorMention, str]], set[str], set[str]]:
    """Each actor's role in the clause. With ``subordinate``, the armed subject of a
    'when'/'as' clause after the event is its perpetrator (tried only where the clause would
    otherwise tell no event)."""
    roles: list[tuple[actors_mod.ActorMention, str]] = []
    perp: set[str] = set()
    targ: set[str] = set()
    passive = bool(
        re.search(
            r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$",
            text[max(cl.start, trig.start - 25) : trig.start],
        )
    )
    for a in acts:
        # "Alawite families reported instances of kidnapping": a community telling of what was
        # done to it is the victim, where "residents said gunmen killed five" is only a source
        community_victim = (
            trig.code in (ev.ABDUCT, ev.MASSACRE, ev.KILL, ev.SEXUAL)
            and a.type == "Civilians"
            and a.end <= trig.start
            and actors_mod.identity_group(a.text)
        )
        if (
            _SOURCE_AFTER.match(text, a.end)
            or sides.is_source(text, a.start, a.end, cl.start, cl.end)
        ) and not community_victim:
            continue  # "..., police said", "according to the police": the source of the report
        if re.search(r"\s[-–—:]\s+$", text[max(cl.start, a.start - 4) : a.start]) and not text[
            a.end : cl.end
        ].strip(" .'\""):
            continue  # "Taliban killed in Afghan north - police": a headline's source
        if a.start < trig.end and trig.start < a.end:
            # the weapon or force named by the trigger itself ("Russian artillery shelled")
            if trig.code in _NON_VIOLENT_CODES:
                role = "party"  # "a heavy military presence was deployed": no one is struck
            elif (
                a.head in _WEAPONS
                or heads.is_instrument(a.head)
                or a.end <= trig.end
                and a.type in ("Rioters", "Protesters")
            ):
                role = "perpetrator"
            else:
                role = "target"
        elif a.end <= trig.start and _REPORTING.search(text[a.end : trig.start]):
            if not community_victim:
                continue  # "residents said gunmen killed five": a source, not a side
            role = "target"
        elif a.end <= trig.start:
            between = text[a.end : trig.start]
            if (
                passive or _PASSIVE_VICTIM.search(between) or _UNACCUSATIVE.fullmatch(trig.text)
            ) and not actors_mod.BY_BEFORE.search(
                text[max(cl.start, a.start - 22) : a.start]
            ):
                role = "target"
            elif re.search(
                r"\b(?:on|against|at|targeting|into)\s+(?!(?:monday|tuesday|wednesday|thursday|"
                r"friday|saturday|sunday|the night|the morning|the evening|\d)\b)(?:\w+\s+){0,3}$",
                text[max(cl.start, a.start - 25) : a.start],
                _F,
            ):
                role = "target"
            elif len(between) > 120:
                role = "party"
            elif _OBJECT_OF_VIOLENCE.search(text, max(cl.start, a.start - 40), a.start):
                role = "target"  # "herders killed a farmer and abducted his sons": the farmer
            elif roles and sides.object_of_verb(text, roles[-1][0].end, a.start):
                role = "target"  # "fighters stopped a group of families and opened fire"
            else:
                role = "perpetrator"
        else:
            before = text[max(cl.start, a.start - 22) : a.start]
            if _SUBJECT_OF_VERB.match(text, a.end):
                role = "perpetrator"  # "... were killed when gunmen attacked the village"
            elif subordinate and _SUBORDINATE_SUBJECT.search(before) and a.type != "Civilians":
                # "... were killed when masked attackers burst into their home": the armed
                # subject of the clause that tells how the victims died
                role = "perpetrator"
            elif re.search(r"\bfrom\s+$", before) and trig.code in (ev.REGAIN, ev.CAPTURE):
                role = "target"  # "retook the village from Kurdish fighters"
            elif actors_mod.BY_BEFORE.search(before) or re.search(r"\bfrom\s+$", before):
                role = "perpetrator"
            elif re.search(
                r"\b(?:backed|supported|aided|joined)\s+by\s+$",
                text[max(cl.start, a.start - 20) : a.start],
            ):
                role = "perpetrator"
            elif re.search(r"\bwith\s+$", before) and trig.code == ev.CLASH:
                role = "party"
            else:
                role = "target"
        if parsed and not (a.start < trig.end and trig.start < a.end):
            # the parse of the sentence, where it tells this actor's role, wins over word order
            role = syntax.role_of(parsed, a.start, a.end) or role
        if (
            role == "perpetrator"
            and a.type == "Civilians"
            and trig.code in _VIOLENT_CODES
            and actors_mod.identity_group(a.text)
        ):
            # herders or tribesmen who kill, attack or abduct act as an identity militia (ACLED)
            a = actors_mod.ActorMention(a.start, a.end, a.text, "Identity militia", a.head)
        elif role == "perpetrator" and a.type == "Civilians" and _ARMED_DEED.search(trig.text):
            # people who shoot, open fire or abduct are an unidentified armed group (ACLED
            # codes them as a political militia): "two men shot dead a bus driver"
            a = actors_mod.ActorMention(a.start, a.end, a.text, "Political militia", a.head)
        roles.append((a, role))
        if role == "perpetrator":
            perp.add(a.type)
        elif role == "target":
            targ.add(a.type)
    return roles, perp, targ


_ARMED_CONTEXT = re.compile(
    r"\b(?:shot|gunned|gunmen|gunman|gunfire|stabbed|hacked|executed|beheaded|murdered|"
    r"assassinated|militants|fighters|attackers|assailants|bodies|insurgents|rebels|jihadists|"
    r"bandits|machetes?|gunshot wounds?|bullet wounds?|stab wounds?|wounds of (?:machete|bullets?|"
    r"knife)|by (?:[\w-]+ )?(?:fire|gunfire|bullets?|snipers?))\b",
    _F,
)


_VIOLENT_REPORT = re.compile(
    r"\b(?:gunmen|gunman|militants?|insurgents?|rebels?|jihadists?|militias?|militiamen|bandits|"
    r"terrorists?|attack(?:ed|s|ers)?|assailants|bomb(?:ing|ed|s)?|blast|shell(?:ing|ed)|"
    r"air ?strikes?|drone strikes?|clash(?:es|ed)|fighting|gunfire|ambush(?:ed)?|insurgency|"
    r"raid(?:ed|s)?|massacre|killings|violence|gun(?:s|ned|ning)? down|shells|rockets|"
    r"missiles?|mortars?|artillery|explosives?)\b",
    _F,
)


@lru_cache(maxsize=4)
def _violent_report(text: str) -> bool:
    """Does the report tell of armed violence anywhere (not of accidents or disease)?"""
    return bool(_VIOLENT_REPORT.search(text))


def _decide(
    text: str,
    cl: Clause,
    triggers: list[ev.Trigger],
    counts: list,
    sentence: tuple[int, int] | None = None,
    subordinate: bool = False,
) -> tuple[ev.Decision | None, list[Actor]]:
    if not triggers:
        return None, []
    acts = actors_mod.find_actors(text, cl.start, cl.end)
    raising = RAISING.search(text, cl.start, cl.end)
    if raising is not None:  # "..., raising the number of civilians killed to 120"
        acts = [a for a in acts if a.start < raising.start()]

    # the first "strong" trigger anchors roles
    def nominal(t: ev.Trigger) -> bool:
        return bool(_DET_BEFORE.search(text, max(cl.start, t.start - 20), t.start))

    strong = [t for t in triggers if t.code in ev.STRONG and t.code != ev.WOUND]
    main = next(
        (t for t in strong if t.code not in _GENERIC_CODES),
        next((t for t in strong if not nominal(t)), strong[0] if strong else triggers[0]),
    )
    roles, perp, targ = _role_actors(text, cl, main, acts, subordinate)
    if (
        sentence
        and "perpetrator" not in {r for _, r in roles}
        and syntax.PRONOUN.search(text, cl.start, main.start)
    ):
        # word order left a side unknown: read the roles from the parse of the sentence (the
        # anchoring trigger's arguments first, then the clause's other triggers')
        parsed = [
            a
            for t in [main, *(t for t in triggers if t is not main)]
            for a in syntax.arguments(text, (cl.start, cl.end), (t.start, t.end))
        ]
        roles, perp, targ = _role_actors(text, cl, main, acts, subordinate, parsed)
        if not perp:
            # "They carried away 15 people": a pronoun subject stands for the armed actor of
            # the sentences before it
            ante = syntax.antecedent(text, sentence, parsed, actors_mod.find_actors, ev.ARMED)
            if ante is not None:
                roles.append((ante, "perpetrator"))
                perp = {ante.type}
    # forces sent somewhere ("a heavy army presence was deployed") are a party, not a side hit
    calm = [t for t in triggers if t.code in _NON_VIOLENT_CODES]
    for i, (a, r) in enumerate(roles):
        if r != "party" and (
            any(t.start < a.end and a.start < t.end for t in calm)
            or _DEPLOYED_AFTER.match(text, a.end, cl.end)
        ):
            roles[i] = (a, "party")
    perp = {a.type for a, r in roles if r == "perpetrator"}
    targ = {a.type for a, r in roles if r == "target"}
    has_deaths = any(
        c.kind == "killed" and not c.negated and (c.count.best or 0) > 0 for c in counts
    )
    has_victims = any(c.victims is not None for c in counts)
    for c in counts:
        if c.victims is not None:
            va = actors_mod.find_actors(text, c.victims.start, c.victims.end)
            for a in va:
                targ.add(a.type)
    ctext = text[cl.start : cl.end]
    codes = {t.code for t in triggers}
    if (ev.ATTACK in codes or ev.KILL in codes) and not targ:
        tail = text[main.end : cl.end][:80]
        if _ARMED_OBJECT.search(tail) and not _CIVILIAN_OBJECT.search(tail[:30]):
            targ.add("State forces")
        elif _CIVILIAN_OBJECT.search(tail):
            targ.add("Civilians")
    protest_ctx = ev.PROTEST in codes or any(a.type == "Protesters" for a in acts)
    if protest_ctx and ev.RIOT in codes or ev.MOB in codes:
        for i, (a, r) in enumerate(roles):
            if a.type in ("Civilians", "Protesters") and r == "perpetrator":
                roles[i] = (actors_mod.ActorMention(a.start, a.end, a.text, "Rioters", a.head), r)
    decision = ev.classify(
        triggers,
        perp,
        targ,
        protest_context=protest_ctx,
        has_deaths=has_deaths,
        has_victims=has_victims,
        stateish_present=any(a.type in ev.STATEISH for a in acts),
        violent_report=_violent_report(text),
    )
    if decision is None:
        return None, []
    if (
        decision.event_type == "Battles"
        and decision.key is not None
        and decision.key.code == ev.CLASH
        and not has_deaths
        and all(a.type == "Civilians" for a in acts)
        and not _ARMED_CONTEXT.search(text, *(sentence or (cl.start, cl.end)))
        and not frames.names_force(text)
    ):
        # "the bus driver is fighting with everyone", "a bloody battle for customers": a fight
        # in a report that names no armed men, crowd or weapon anywhere is no armed clash
        return None, []
    # KILL/ATTACK without any armed actor or weapon: not a conflict event (accidents etc.)
    tail = text[main.end : cl.end][:80]
    armed_object = bool(_ARMED_OBJECT.search(tail)) and not _CIVILIAN_OBJECT.search(tail[:30])
    civ_object = bool(_CIVILIAN_OBJECT.search(tail))
    if (
        decision.key is not None
        and decision.key.code in (ev.KILL, ev.ATTACK, ev.WOUND)
        and decision.event_type != "Riots"
    ):
        if decision.event_type == "Battles" and ev.ATTACK in codes and armed_object:
            pass
        elif (
            decision.event_type == "Violence against civilians"
            and (civ_object or (ev.ATTACK in codes and "Civilians" in targ))
            and (has_deaths or any(c.kind == "injured" and (c.count.best or 0) > 0 for c in counts))
        ):
            pass
        elif decision.strength <= _WEAK:
            pass  # a reading from deaths alone, made only with context or a killing verb
        elif not (perp & ev.ARMED) and (targ & ev.ARMED) and not _ARMED_CONTEXT.search(ctext):
            # "At least 30 Taliban killed": armed men's deaths are the conflict's, though
            # the clause names no attacker; a weak reading, a figure where an event was told
            decision = ev.Decision(
                decision.event_type, decision.sub_event_type, _WEAK, decision.key
            )
        elif not (perp & ev.ARMED) and not _ARMED_CONTEXT.search(
            # the armed side may be told in another clause of the sentence ("were killed
            # when gunmen burst into their house")
            text, *(sentence or (cl.start, cl.end))
        ):
            return None, []
    et = decision.event_type
    out: list[Actor] = []
    for a, role in roles:
        if et in ("Strategic developments",) and decision.sub_event_type not in (
            "Arrests",
            "Looting/property destruction",
            "Disrupted weapons use",
        ):
            role = "party"
        elif et == "Battles" and decision.sub_event_type == "Armed clash" and main.code == ev.CLASH:
            if re.search(r"\bbetween\b", text[cl.start : main.start + 60]) or role == "party":
                role = "party"
            if a.type == "Civilians" and any(
                c.kind == "killed" and c.count.span is not None
                and c.count.span.start <= a.start < c.count.span.end + 2
                for c in counts
            ):
                # "fighting broke out between two clans ..., leaving six people dead": the dead
                # are the fight's toll, not a side of it
                continue
            if a.type == "Civilians" and actors_mod.identity_group(a.text):
                # "clashes between herders and farmers": a community that fights is an identity
                # militia (ACLED)
                a = actors_mod.ActorMention(a.start, a.end, a.text, "Identity militia", a.head)
        out.append(Actor(a.text, role, a.type, Span(a.start, a.end, a.text)))
    if et != "Strategic developments" or decision.sub_event_type == "Arrests":
        # "shot a money changer": a victim whose noun no lexicon lists
        for v in victims.object_victims(text, cl.start, cl.end, [(a.start, a.end) for a in acts]):
            out.append(Actor(v.text, "target", v.type, Span(v.start, v.end, v.text)))
    return decision, out


_INTERVENTION = ("Protest with intervention", "Excessive force against protesters")
