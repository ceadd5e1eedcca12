"""The sides of an event as ACLED codes them, once its type is known.

The clause gives each actor a role from word order (who acted, who was hit); the event's
sub-type then settles the roles and types of demonstrations: protesters are a party to a
peaceful protest and the target of its repression, where the forces that broke it up are the
perpetrator; demonstrators who turn violent, and crowds that attack people, are rioters.
"""

from __future__ import annotations

import re

_STATEISH = ("State forces", "External/Other forces")
_CROWD = ("Civilians", "Rioters", "Protesters")


_ARMED_EVENTS = ("Violence against civilians", "Explosions/Remote violence", "Battles")
# "an unidentified man", "unknown men": armed men not named, a political militia (ACLED)
_UNNAMED = re.compile(r"\b(?:unidentified|unknown|masked|armed|hooded)\b", re.IGNORECASE)


def settle(
    event_type: str, sub_type: str | None, atype: str, role: str, phrase: str = ""
) -> tuple[str, str]:
    """The (role, type) of an actor of type ``atype`` given ``role`` by its clause, in an event
    of ``event_type`` / ``sub_type``; ``phrase`` is the actor's words."""
    if event_type in _ARMED_EVENTS and atype == "Civilians" and role == "perpetrator":
        # civilians do not attack, shell or fight (ACLED): unnamed attackers are a militia,
        # civilians read as the subject of the clause are its victims ("23 passengers ...")
        if _UNNAMED.search(phrase):
            return role, "Political militia"
        return "target", atype
    if event_type == "Protests":
        peaceful = sub_type == "Peaceful protest"
        if atype in _STATEISH:
            return ("party" if peaceful else "perpetrator"), atype
        if atype in _CROWD:
            # the people at a protest are its protesters ("a crowd", "students", "nine people")
            return ("party" if peaceful else "target"), "Protesters"
        return role, atype
    if event_type == "Riots":
        if atype in ("Rioters", "Protesters"):
            return "perpetrator", "Rioters"
        if atype == "Civilians" and role in ("perpetrator", "party"):
            return "perpetrator", "Rioters"  # villagers who lynch, residents who riot
        if sub_type == "Violent demonstration" and atype in _STATEISH:
            return "target", atype  # the forces rioters throw stones at
    return role, atype


_F = re.IGNORECASE
# "according to the regional military administration", "citing police sources"
_ACCORDING_BEFORE = re.compile(
    r"\b(?:according\s+to|citing|quoting|quoted\s+by|cited\s+by|reported\s+by)\s+"
    r"(?:(?:an?|the|one|two|local|several|some|senior|other|[\w-]+['’]s?)\s+){0,4}$",
    _F,
)
# ", said a police spokesman", "..., a police officer at the scene told reporters"
_SAID_BEFORE = re.compile(
    r"[,\"”]\s*(?:said|says|told|added)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$", _F
)
# "police sources", "an army spokesman", "the military administration": the force names a speaker
_SPEAKER_AFTER = re.compile(
    r"\s+(?:spokes(?:man|woman|person|people)|sources?|statement|communiqu[eé]|"
    r"administration|ministry|department|press\s+(?:office|service)|media\s+(?:office|wing)|"
    r"public\s+relations)\b",
    _F,
)
# "volunteers who run the kitchen said", "residents, who asked not to be named, said"
_RELATIVE_SAID = re.compile(
    r",?\s+(?:who|which|that)\s+[^.;:]{0,80}?\b(?:said|says|told|reported)\b", _F
)


# "two residents and a health worker said": one of the speakers named together
_AND_SAID = re.compile(
    r"\s+(?:and|or)\s+(?:an?\s+|the\s+|other\s+|two\s+|several\s+)?(?:[\w'’-]+\s+){1,3}?"
    r"(?:said|say|says|told|reported)\b",
    _F,
)


def is_source(text: str, start: int, end: int, floor: int, ceil: int) -> bool:
    """Is the actor phrase ``text[start:end]`` (in the clause ``[floor, ceil)``) the source of
    the report rather than a side: a speaker, a medium of reported speech?"""
    before = text[max(floor, start - 60) : start]
    if _ACCORDING_BEFORE.search(before) or _SAID_BEFORE.search(before):
        return True
    if _SPEAKER_AFTER.match(text, end, ceil):
        return True
    return bool(_RELATIVE_SAID.match(text, end, ceil) or _AND_SAID.match(text, end, ceil))


# "<actor> stopped a group of <actor>", "<actor> dragged the <actor>": the second is an object
_VERB_THEN_OBJECT = re.compile(
    r"\s+(?:[a-z]+ly\s+)?"
    r"(?!(?:allied|aligned|backed|linked|affiliated|armed|based|stationed|deployed|based)\b)"
    r"(?:rounded\s+up|lined\s+up|[a-z]{3,}ed|took|held|hit|shot|beat|caught|struck|drove|led|"
    r"threw|stole)\s+"
    r"(?:(?:a|an|the|some|several|dozens|hundreds|scores|group|groups|number|of|\d+|two|three|"
    r"four|five|six|seven|eight|nine|ten)\s+){0,4}",
)


def object_of_verb(text: str, subject_end: int, start: int) -> bool:
    """Is the actor at ``start`` the object of a verb whose subject is the actor that ends at
    ``subject_end`` (only a verb and the object's determiners between them)?"""
    if subject_end >= start:
        return False
    m = _VERB_THEN_OBJECT.match(text, subject_end, start)
    return bool(m and m.end() == start)
