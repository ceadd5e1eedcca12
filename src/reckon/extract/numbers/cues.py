"""Cue words: the triggers that make a number a casualty figure, negations and hedges."""

from __future__ import annotations

import re

from reckon.extract.numbers.tokens import (
    _Toks,
)
from reckon.extract.numbers.words import (
    _MODALS,
)
from reckon.lexicon import load_table

# trigger phrases (tokens, kind, role) from the lexicon file count_triggers.tsv, whose header says
# what each role means; the "of" nouns ("the killing of six") are read by verbs.nominals
_ROLE_AS = {"removal": "act_person"}
_TRIGGER_TABLE: list[tuple[str, str, str]] = [
    (r["phrase"], r["kind"], _ROLE_AS.get(r["role"], r["role"]))
    for r in load_table("count_triggers.tsv")
    if r["role"] != "of"
]
# verbs of taking people away ("carried away", "marched"): abductions with a removal complement
REMOVAL: frozenset[str] = frozenset(
    r["phrase"] for r in load_table("count_triggers.tsv") if r["role"] == "removal"
)
NOMINALS: dict[str, str] = {
    r["phrase"]: r["kind"] for r in load_table("count_triggers.tsv") if r["role"] == "of"
}

_TRIGGERS: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
for _p, _k, _r in _TRIGGER_TABLE:
    _toks = tuple(_p.split())
    _TRIGGERS.setdefault(_toks[0], []).append((_toks, _k, _r))
for _lst in _TRIGGERS.values():
    _lst.sort(key=lambda x: -len(x[0]))

# cheap pre-filter: a sentence without any of these stems has no count
_STEMS = re.compile(
    r"\b(?:kill|murder|massac|execut|assassin|slaughter|slain|martyr|lynch|behead|decapitat|alive"
    r"|dead|death|died|perish"
    r"|succumb|drown|li(?:fe|ves)|fatalit|bod(?:y|ies)|corpse|toll|injur|wound|hurt|maim|hospital|gun|die"
    r"|treated|condition|vomit|breath|lost|abduct|kidnap|disappear|hostage|seiz|picked up|snatch"
    r"|arrest|detain|apprehend|rounded up|rounding up|custody|casualt|gunned|shot|harm|alive"
    r"|unhurt|unharmed|missing|questioning|carri|took|taken|taking|led away|dragg|whisk|march|herded|bundled|forced"
    r"|frogmarch)",
    re.IGNORECASE,
)


# negations
_NEG_RE = re.compile(
    r"\b(?:(?P<who>no\s+one|no-one|nobody|none)(?:\s+(?:of\s+(?:the|them|those)(?:\s+[a-z-]+){0,2}))?"
    r"(?:\s+(?:else|other|more|more\s+people|was|were|has|have|had|been|is|are|reportedly|"
    r"seriously|badly|killed\s+or|injured\s+or|wounded\s+or|hurt\s+or|died\s+or)){0,4}"
    r"\s+(?P<v1>killed|hurt|injured|wounded|harmed|died|dead|arrested|detained)"
    r"|(?:there\s+(?:were|was|have\s+been|had\s+been)\s+)?\bno\s+(?:(?:immediate|reported|"
    r"other|further|civilian|human|serious|major|new)\s+)?"
    r"(?P<v2>casualties|casualty|fatalities|fatality|deaths|death|injuries|injury|dead|one\s+dead|"
    r"one\s+injured|one\s+killed|one\s+hurt|loss\s+of\s+life|lives\s+lost|victims|arrests)"
    r"(?!\s+(?:toll|figures?|numbers?|count|tally|word))"
    r"|without\s+(?:any\s+)?(?P<v3>casualties|loss\s+of\s+life|injuries|fatalities)"
    r"|(?P<v4>escaped\s+unhurt|escaped\s+unharmed|were\s+unhurt|was\s+unhurt))\b",
    re.IGNORECASE,
)
_NEG_KINDS = {
    "killed": ("killed",), "died": ("killed",), "dead": ("killed",), "fatalities": ("killed",),
    "fatality": ("killed",), "deaths": ("killed",), "death": ("killed",),
    "loss of life": ("killed",), "lives lost": ("killed",), "one dead": ("killed",),
    "one killed": ("killed",), "injured": ("injured",), "wounded": ("injured",),
    "injuries": ("injured",), "injury": ("injured",), "one injured": ("injured",),
    "hurt": ("killed", "injured"), "harmed": ("killed", "injured"),
    "one hurt": ("killed", "injured"), "casualties": ("killed", "injured"),
    "casualty": ("killed", "injured"), "victims": ("killed", "injured"),
    "escaped unhurt": ("killed", "injured"), "escaped unharmed": ("killed", "injured"),
    "were unhurt": ("killed", "injured"), "was unhurt": ("killed", "injured"),
    "arrested": ("arrested",), "detained": ("arrested",), "arrests": ("arrested",),
}  # fmt: skip
# "no one was killed or injured", "no injuries or arrests": each kind named is nil
_NEG_OR_KINDS = {
    "killed": "killed", "died": "killed", "dead": "killed", "deaths": "killed",
    "fatalities": "killed", "injured": "injured", "wounded": "injured", "injuries": "injured",
    "hurt": "injured", "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
}  # fmt: skip
_NEG_OR_AFTER = re.compile(
    r"\s+(?:or|and|nor)\s+(?:any\s+)?(arrests|injuries|deaths|fatalities|killed|injured|wounded"
    r"|hurt|arrested|detained)\b",
    re.IGNORECASE,
)
# "no casualties on the government side", "no deaths among the troops": one side's figure
_NEG_SCOPE = re.compile(
    r"\s+(?:on\s+(?:the|their|its|our|either)\s+(?:[\w'-]+\s+){0,2}?sides?"
    r"|among\s+(?:the\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,2}?[\w'-]+)\b",
    re.IGNORECASE,
)
# a negation inside these is not a statement that nobody was hurt
_NEG_BLOCK_BEFORE = re.compile(
    r"(?:whether|if|not\s+(?:say|said|clear|known|immediately\s+clear)|unclear|unknown|"
    r"no\s+word\s+on|not\s+know|ensure|make\s+sure|so\s+that|to\s+ensure)[^.;]{0,40}$",
    re.IGNORECASE,
)

_HEDGE_DENY = {"denied", "denies", "deny", "denying", "rejected", "rejects", "refuted", "disputed"}
_HEDGE_THREAT = {"threatened", "threatens", "threaten", "threatening", "vowed", "vows",
                 "vow", "pledged", "warned", "warns", "threat", "threats", "ultimatum"}  # fmt: skip
# "claimed to have killed", "claims that it killed" (not "claimed responsibility for")
_CLAIM_NEXT = {"to", "that", "it", "they", "he", "she", "having", "its", "their"}
_HEDGE_CLAIM = {"claimed", "claims", "claim", "claiming", "boasted"}


def _trigger_at(tk: _Toks, i: int) -> tuple[int, str, str] | None:
    """(end index, kind, role) of the longest trigger phrase starting at token i."""
    cands = _TRIGGERS.get(tk.word(i))
    if not cands:
        return None
    for toks, kind, role in cands:
        n = len(toks)
        if all(tk.word(i + k) == toks[k] for k in range(1, n)):
            return i + n, kind, role
    return None


def _hedge(tk: _Toks, lo: int, t: int) -> tuple[str | None, bool]:
    """(hedge, hypothetical) from the words before token t back to the clause start lo."""
    hyp = False
    comma = False
    for k in range(t - 1, max(lo, t - 12) - 1, -1):
        w = tk.w[k]
        if w in {";"}:
            break
        if w == ",":
            comma = True
        if w in _HEDGE_DENY:
            return "denied", False
        if w in _HEDGE_THREAT and not comma:
            # "who had threatened to attack the town, stormed it and killed five": the threat
            # is the aside; the killing happened
            return "threat", False
        if w in _HEDGE_CLAIM and tk.word(k + 1) in _CLAIM_NEXT:
            return "claimed", False
        if (
            k >= t - 3
            and w in _MODALS
            and tk.word(k + 1) != "not"
            # "up to 50 people may have been killed": an uncertain past, not a future
            and not (w in {"may", "might", "could"} and tk.word(k + 1) == "have")
        ):
            hyp = True
        if k >= t - 4 and w in {"if", "unless", "whether", "risk", "danger"}:
            hyp = True
    return None, hyp
