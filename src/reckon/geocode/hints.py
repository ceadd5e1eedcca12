"""What the words around a toponym say: "near X", "X province", "X square"."""

from __future__ import annotations

import re

_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\boutside|\boutskirts\s+of|\bedge\s+of|\bcountryside\s+of|\bvicinity\s+of|"
    r"\bsuburbs?\s+of|\bclose\s+to|\brural|\bvillages\s+(?:in|near|of|around)|\bvillage\s+(?:in|near|around)|\bkm\s+(?:from|of)|\bkilometres?\s+(?:from|of)|"
    r"\bkilometers?\s+(?:from|of)|\bmiles?\s+(?:from|of)|"
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"\s+(?:of|outskirts\s+of|countryside\s+of))"
    r"\s+(?:the\s+)?(?:(?:town|city|village|district)\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR_AFTER = re.compile(
    r"^['’]?s?\s+(?:countryside|outskirts|suburbs|environs|district|territory|"
    r"local\s+government\s+area|LGA|county|sub-?district|cercle|commune|municipality|area)\b",
    re.IGNORECASE,
)
_LOCAL_AFTER = re.compile(
    r"^\s+(?:square|street|road|neighbou?rhood|quarter|market|hospital|mosque|church|"
    r"roundabout|bridge|camp|prison)\b",
    re.IGNORECASE,
)
_ADMIN_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|state|oblast|department)s?\b", re.IGNORECASE
)
_ADMIN_BEFORE = re.compile(
    r"\b(?:province|governorate|region|state|oblast|department)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _phrase_hints(
    text: str, start: int, end: int, admin_offsets: set[int]
) -> tuple[str, int | None]:
    """Suffix to add to the name ("province") and precision hint from the words around it."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 30]
    suffix = ""
    prec = None
    if start in admin_offsets or _ADMIN_AFTER.match(after) or _ADMIN_BEFORE.search(before):
        suffix = " province"
    if _NEAR_BEFORE.search(before) or _NEAR_AFTER.match(after):
        prec = 2
    return suffix, prec
