"""The actors factor: actor types and families, names alike, and the crowds of protests."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from reckon.lexicon import load_words
from reckon.link.places import _norm_text
from reckon.model import Actor, Mention

# Perpetrator types one outlet tells apart and another does not: unidentified gunmen (Political
# militia), herders or a clan (Identity militia) and a named insurgency (Rebel group) are all
# non-state armed groups; a state's own forces and another state's (External/Other forces).
ACTOR_FAMILY = {
    "Rebel group": "armed group",
    "Political militia": "armed group",
    "Identity militia": "armed group",
    "State forces": "state",
    "External/Other forces": "state",
    "Protesters": "crowd",
    "Rioters": "crowd",
}


def _actor_norm(a: Actor) -> str:
    return _norm_text(a.text)


CROWD_TYPES = ("Protesters", "Rioters")
CROWDS_APART = 0.1  # two protests of other crowds ("students" / "drivers")
# words after which an actor's phrase no longer names its people ("teachers marching in X")
_HEAD_END = {
    "in", "at", "from", "of", "who", "that", "which", "on", "near", "with", "for", "to",
    "outside", "inside", "across", "over", "against", "after", "during", "and", "or",
}  # fmt: skip


@lru_cache(maxsize=4096)
def crowd_head(text: str) -> str:
    """The head noun of a crowd's phrase, singular ("Rioting students" -> "student", "garment
    workers demanding wages" -> "worker")."""
    words: list[str] = []
    ws = _norm_text(text).split()
    for i, w in enumerate(ws):
        if w == "of" and words and words[-1].rstrip("s") in _generic_crowds():
            return crowd_head(" ".join(ws[i + 1 :]))  # "hundreds of traders": the traders
        if w in _HEAD_END or (i > 0 and w.endswith("ing")):
            break
        words.append(w)
    head = words[-1] if words else ""
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


@lru_cache(maxsize=1)
def _generic_crowds() -> frozenset[str]:
    return frozenset(load_words("crowd_generic.txt"))


def crowds_apart(a: Mention, b: Mention) -> bool:
    """Whether two mentions name their crowds (protesters, rioters) by heads that tell who they
    are, and no such head in common: "students" and "drivers" are two crowds, "students" and
    "demonstrators" may be one."""
    heads = []
    for m in (a, b):
        hs = {crowd_head(x.text) for x in m.actors if x.type in CROWD_TYPES}
        hs -= _generic_crowds() | {""}
        if not hs:
            return False
        heads.append(hs)
    return not (heads[0] & heads[1])


def crowds_shared(a: Mention, b: Mention) -> bool:
    """Whether two mentions name one crowd: a telling head in common ("students" / "university
    students"), or crowds named alike."""
    ca = [x for x in a.actors if x.type in CROWD_TYPES]
    cb = [x for x in b.actors if x.type in CROWD_TYPES]
    ha = {crowd_head(x.text) for x in ca} - _generic_crowds() - {""}
    hb = {crowd_head(x.text) for x in cb} - _generic_crowds() - {""}
    if ha & hb:
        return True
    return any(
        fuzz.token_set_ratio(_actor_norm(x), _actor_norm(y), score_cutoff=80)
        for x in ca
        for y in cb
    )


def actor_score(a: Mention, b: Mention) -> tuple[float, str | None]:
    if not a.actors or not b.actors:
        return 0.5, None
    if crowds_apart(a, b):
        return CROWDS_APART, None
    ta = {x.type for x in a.actors if x.type}
    tb = {x.type for x in b.actors if x.type}
    similar = any(  # some two actors are named alike (token set ratio >= 80)
        fuzz.token_set_ratio(_actor_norm(x), _actor_norm(y), score_cutoff=80)
        for x in a.actors
        for y in b.actors
    )
    pa = {x.type for x in a.actors if x.type and x.role == "perpetrator"}
    pb = {x.type for x in b.actors if x.type and x.role == "perpetrator"}
    fa = {ACTOR_FAMILY.get(t, t) for t in pa}
    fb = {ACTOR_FAMILY.get(t, t) for t in pb}
    # the other's perpetrators among this one's actors in another role are one side of the
    # same fight told from the other side (police breaking up a protest / rioters; troops
    # attacked / troops attacking)
    sides_a = {ACTOR_FAMILY.get(t, t) for t in ta} - {"Civilians"}
    sides_b = {ACTOR_FAMILY.get(t, t) for t in tb} - {"Civilians"}
    reversed_roles = bool((fa & sides_b) or (fb & sides_a))
    if pa and pb and not (fa & fb) and not similar and not reversed_roles:
        return 0.1, None
    s = 0.3 + 0.7 * (len(ta & tb) / len(ta | tb)) if (ta or tb) else 0.5
    if similar:
        s += 0.2
    return min(1.0, s), None
