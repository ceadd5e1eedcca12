"""Reactions: statements, condemnations, investigations, announcements, appeals, denials, claims.

A reaction is something an actor says or sets up about violence; it is never a violent event and
never carries a casualty figure. Generic attribution ("..., police said") is not a reaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_F = re.IGNORECASE

# (kind, pattern) in priority order; the first that matches a clause decides its kind.
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "investigation",
        re.compile(
            r"\b(?:(?:opened|launched|ordered|announced|set up|formed|established) (?:an? |the )?"
            r"(?:\w+ ){0,3}(?:investigation|inquiry|probe|fact-finding committee)|"
            r"committee (?:to investigate|of inquiry)|"
            r"(?:was|were|is|are|it was|it is|they were) investigating|investigations? "
            r"(?:into|were|was|are|is) (?:\w+ ){0,4}(?:under ?way|launched|opened|ongoing)|"
            r"(?:would|will|vowed to|promised to|pledged to|pledging to) investigate|"
            r"investigating (?:the|who|whether|reports))",
            _F,
        ),
    ),
    (
        "claim",
        re.compile(
            r"\bclaimed (?:responsibility|to have|that it|that (?:\"|“)?more than|the attack)|"
            r"\bsaid (?:it|they) (?:was|were) "
            r"behind|\bsaid (?:in a statement )?that it (?:was|had been) behind|"
            # "said on Wednesday that its fighters had captured the town", "said that a strike
            # it carried out killed ...": a side telling of its own action
            r"\bsaid (?:on \w+ |late on \w+ |in a statement )?that (?:(?:its|their) (?:fighters|forces|troops|"
            r"units|men)|it|they) (?:had |have )?(?:captured|seized|taken|struck|hit|"
            r"carried out|targeted|shot down|destroyed|repelled)\b|"
            r"\bsaid (?:on \w+ )?that (?:an?|the) (?:air ?)?(?:strike|raid|operation|attack) it "
            r"(?:had )?(?:carried out|conducted|launched)|"
            r"\blater said it had (?:targeted|struck|attacked)",
            _F,
        ),
    ),
    (
        "denial",
        re.compile(
            r"\b(?:denied|denies|deny|denying|rejected (?:the |a )?(?:charge|accusation|claim|"
            r"allegation)s?|dismissed (?:the )?(?:accusation|claim|allegation)s?)\b",
            _F,
        ),
    ),
    (
        "condemnation",
        re.compile(
            r"\b(?:condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|deplor(?:ed|es)|"
            r"criticis(?:ed|es)|criticiz(?:ed|es)|"
            r"express(?:es|ed)? (?:its |their |our |his |her )?(?:deep |grave |serious )?"
            r"(?:alarm|outrage|shock|horror|concern)|"
            r"called the (?:\w+ ){1,3}an? (?:\w+ ){0,3}(?:violation|crime|massacre|atrocity)|"
            r"accused (?:[\w-]+ ){1,6}of (?:systematically |deliberately )?(?:planning|targeting|killing|"
            r"committing|war crimes))",
            _F,
        ),
    ),
    (
        "appeal",
        re.compile(
            # in any tense: NGO statements speak in the present ("We call on", "urges")
            r"\b(?:call(?:s|ed|ing)? (?:on|for|upon)|urg(?:e|es|ed|ing)|"
            r"appeal(?:s|ed|ing)? (?:to|for)|appealed|renew(?:s|ed)? (?:calls|its call|their call|our call)|"
            r"warn(?:ed|ing) (?:residents|people|citizens|all|against))\b",
            _F,
        ),
    ),
    ("demand", re.compile(r"\b(?:demanded|demands? that)\b", _F)),
    (
        "announcement",
        re.compile(
            r"\b(?:announced|declared (?:a |an |three |two |the )?(?:\w+ )?(?:days? of mourning|"
            r"end|state|conclusion|curfew)|has declared|declared an end)\b",
            _F,
        ),
    ),
    (
        "statement",
        re.compile(
            r"\b(?:said (?:it|they|he|she|the (?:group|force|army|military|ministry)) "
            r"(?:had (?:struck|targeted|acted|carried out|hit)|would|remained|was committed|"
            r"is committed|wanted|was (?:deeply )?(?:alarmed|concerned|working))|welcomed|vowed|"
            r"pledged(?! allegiance| loyalty)|(?<!been )promised(?! by)|stated|"
            r"(?:was|were|is|are|said it was) (?:deeply )?(?:alarmed|"
            r"concerned)|"
            r"said (?:both|the|its) (?:strikes?|attacks?|raids?|operation) (?:targeted|were aimed|"
            r"(?:was|were) (?:intended|meant|aimed)))",
            _F,
        ),
    ),
]

# Words that make a clause a narration of violence rather than an actor's reaction when they
# come before the reaction verb (e.g. "gunmen ... killed ... and denied ..." is rare).
_SUBJECT_STOP = re.compile(r"[,;:\"“”]|\b(?:and|while|but|as|after)\b", _F)

_ACTOR = re.compile(
    r"((?:(?:the|a|an|one of the|its|their)\s+)?(?:[\w'’().-]+\s+){0,7}?[\w'’().-]+)\s*$", _F
)
_POST_ACTOR = re.compile(
    r"\s*(?:,\s*)?(?:(?:said|stated|added)\s+)?((?:an?|the)\s+(?:[\w'’-]+\s+){0,5}"
    r"(?:spokes(?:man|woman|person)|official|ministry|minister|statement|source|army|military|"
    r"police|group|president|governor)(?:\s+(?:of|for)\s+[\w'’ -]{1,30}?)?)\b",
    _F,
)


@dataclass(frozen=True, slots=True)
class ReactionMention:
    kind: str
    actor: str | None
    start: int  # evidence span (absolute offsets)
    end: int
    verb_start: int
    verb_end: int


def _actor_before(text: str, clause_start: int, verb_start: int) -> tuple[str | None, int]:
    seg = text[clause_start:verb_start]
    # the subject is the stretch after the last clause break
    cut = 0
    for m in _SUBJECT_STOP.finditer(seg):
        cut = m.end()
    sub = seg[cut:].strip()
    vm = _VERBISH.search(sub)
    if vm:
        sub = sub[: vm.start()].strip()
    # drop trailing auxiliaries / adverbs: "has", "had", "later", "also"
    sub = re.sub(
        r"(?:\s+(?:has|have|had|also|later|then|quickly|swiftly|immediately|"
        r"on \w+|formally|publicly|strongly))+$",
        "",
        sub,
        flags=_F,
    )
    sub = re.sub(
        r"^(?:in light of [^,]*|meanwhile|separately|on \w+|late on \w+)\s*", "", sub, flags=_F
    ).strip()
    if not sub or len(sub) > 90:
        return None, verb_start
    if not re.search(r"[A-Za-z]", sub):
        return None, verb_start
    start = clause_start + seg.rfind(sub) if sub in seg else verb_start
    return sub, start


_VERBISH = re.compile(
    r"\b(?:announced|said|says|stated|has|have|had|was|were|is|are|did|set up|launched|opened|"
    r"ordered|expressed|expresses|reported|told|called|calls|call|urged|urges|urge|appealed|"
    r"condemned|condemns|denied|demanded|vowed|"
    r"pledged|promised|welcomed)\b",
    _F,
)
_NEGATED = re.compile(
    r"\b(?:no|not|never|nobody|none|neither)\b(?:\s+\w+){0,2}\s*$|"
    r"\b(?:did|does|has|have|had)n[o']t\s+(?:\w+\s+)?$",
    _F,
)


def _sentence_subject(text: str, sentence_start: int, limit: int) -> str | None:
    """The sentence's opening noun phrase, up to its first verb ("The UN envoy said ...")."""
    seg = text[sentence_start:limit]
    m = _VERBISH.search(seg)
    if not m:
        # "President Gustavo Petro suspended talks ... and declared a state of emergency"
        cap = _CAPITALISED_SUBJECT.match(seg)
        return cap.group(1).strip() if cap else None
    sub = seg[: m.start()].strip(" ,")
    if not sub or len(sub.split()) > 8 or not re.match(r"[A-Z]", sub) or _PRONOUN.match(sub):
        return None
    return sub


_CAPITALISED_SUBJECT = re.compile(r"\s*((?:The\s+)?(?:[A-Z][\w'’.-]+\s+){1,5})(?=[a-z]+(?:ed|s)\b)")
_LEAD_IN = re.compile(
    r"^(?:in a (?:written |separate )?statement|separately|meanwhile|on \w+|late on \w+|"
    r"earlier|later)[^,]{0,40},\s*",
    _F,
)
_RELATIVE = re.compile(r"\b(?:who|which)\s+(?:had\s+|has\s+|have\s+)?$", _F)
_NAMED_KINDS = ("investigation", "claim", "denial")
_PRONOUN = re.compile(r"^(?:it|he|she|they|we|i|this|that|which|who)$", _F)


def find_reactions(
    text: str, start: int, end: int, *, sentence_start: int | None = None
) -> list[ReactionMention]:
    """Reactions in the clause ``text[start:end]``: at most one per clause."""
    seg = text[start:end]
    # investigations, claims and denials are named for what they are; among the other (spoken)
    # reactions the first one in the clause gives the kind
    found = [(kind, m) for kind, pat in _KINDS if (m := pat.search(seg))]
    ranked = [x for x in found if x[0] in _NAMED_KINDS] + sorted(
        (x for x in found if x[0] not in _NAMED_KINDS), key=lambda x: x[1].start()
    )
    for kind, m in ranked:
        pm = None
        vs, ve = start + m.start(), start + m.end()
        if _NEGATED.search(text[max(start, vs - 30) : vs]):
            continue
        if _RELATIVE.search(text, max(start, vs - 12), vs):
            continue  # "a warlord who had demanded protection levies": a description
        actor, astart = _actor_before(text, start, vs)
        if actor is None or _PRONOUN.match(actor):
            # quote attribution: '"...," stated a defense ministry spokesperson'
            pm = _POST_ACTOR.match(text, ve, end) if kind == "statement" else None
            if pm:
                actor = pm.group(1)
                if sentence_start is not None:
                    astart = sentence_start
            elif sentence_start is not None and actor is None:
                actor = _sentence_subject(text, sentence_start, vs)
                astart = vs
            elif sentence_start is not None and actor is not None:
                actor, _ = _actor_before(text, sentence_start, start)
                if actor is not None and _PRONOUN.match(actor):
                    actor = None
                astart = vs
            else:
                astart = vs
        if actor:
            # "In a statement on Tuesday, the army said": the army
            actor = _LEAD_IN.sub("", actor).strip() or actor
        ev_start = min(astart, vs)
        ev_end = end
        while ev_end > ev_start and text[ev_end - 1] in " .,;:":
            ev_end -= 1
        return [ReactionMention(kind, actor, ev_start, ev_end, vs, ve)]
    return []
