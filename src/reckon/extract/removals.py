"""Abduction told by a verb of taking someone away: a trigger for :mod:`reckon.extract.events`."""

from __future__ import annotations

import re

from reckon.extract import heads  # the actor-head lexicon (data)
from reckon.extract.events import _F, ABDUCT, Trigger

# Abduction told by a verb of taking away whose object is a person ("carried away 15 villagers",
# "marched 20 students into the forest", "took 12 passengers hostage", "snatched a businessman"):
# the verb, then within six words a person noun of the actor-head lexicon, then (except for
# "snatched", "seized", "grabbed") a complement of removal. Cattle or cars taken away are no abduction.
_REMOVAL_VERB = re.compile(
    r"(?<![\w-])(?:carried|took|taken|led|dragged|whisked|marched|herded|bundled|frog-?marched|"
    r"forced|snatched|seized|grabbed|picked up)(?![\w-])",
    _F,
)
_REMOVAL_END = re.compile(
    r"\b(?:away|off|hostages?|captives?|into\s+(?:the\s+)?(?:bush|forest|woods|captivity|"
    r"(?:an?\s+|their\s+|\w+\s+)?(?:waiting\s+)?(?:car|vehicle|van|truck|lorry|pick-?up)s?)|"
    r"from\s+(?:(?:his|her|their|the|a|several|two|three|four|\d+)\s+)?(?:home|house|homes|houses|"
    r"bed|beds|farm|farms|shop|office|villages?|streets?|camps?|schools?|market|mosque|church)|"
    r"to\s+(?:an?\s+)?unknown\s+(?:destination|location|place))\b",
    _F,
)


# the passive: "a student activist was taken from a tea stall by plain-clothes men"
_REMOVED = re.compile(
    r"(?<![\w-])(?:was|were|had been|have been|has been)\s+(?:forcibly\s+)?(?:taken|snatched|"
    r"seized|picked up|dragged|led|whisked|carried|bundled|marched)\s+(?:away|off|from|into)\b",
    _F,
)


def removals(text: str, start: int, end: int) -> list[Trigger]:
    out: list[Trigger] = []
    for m in _REMOVED.finditer(text, start, end):
        before = text[max(start, m.start() - 60) : m.start()]
        words = " ".join(before.split()[-6:])
        if any(heads.head_type(h.group(0)) for h in heads.lexicon().pattern.finditer(words)):
            out.append(Trigger(ABDUCT, m.start(), m.end(), m.group(0)))
    for m in _REMOVAL_VERB.finditer(text, start, end):
        window = text[m.end() : min(end, m.end() + 90)]
        words = re.match(r"(?:\s+[\w'’-]+){1,7}", window)
        if not words:
            continue
        # the direct object: the words before the first preposition ("took away cattle from
        # herders" takes cattle, not herders)
        obj = re.split(r"\s(?:from|at(?!\s+(?:least|most)\b)|in|near|on|of|with|to|into|outside|for|through)\b", words.group(0))[0]
        person = next(
            (h for h in heads.lexicon().pattern.finditer(obj) if heads.head_type(h.group(0))),
            None,
        )
        if person is None:
            continue
        stop = m.end() + words.end()
        if m.group(0).lower() in ("snatched", "seized", "grabbed"):
            out.append(Trigger(ABDUCT, m.start(), m.end(), m.group(0)))
            continue
        tail = _REMOVAL_END.search(text, m.end(), min(end, stop + 45))
        if tail is None:
            continue
        # "forced ... into" needs a vehicle or the bush: "forced residents to flee" is no abduction
        if m.group(0).lower() == "forced" and not tail.group(0).lower().startswith(("into", "to")):
            continue
        out.append(Trigger(ABDUCT, m.start(), tail.end(), text[m.start() : tail.end()]))
    return out
