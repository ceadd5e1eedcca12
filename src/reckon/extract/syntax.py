"""Who did what to whom, read from spaCy's dependency parse of the event's sentence.

The clause rules of ``decide`` give each actor a role from word order. This component reads
the same roles from syntax wherever the parser can tell them, and the rules decide only where
it cannot:

- a violent verb: its active subject is the perpetrator, its object, its passive subject and
  the object of "on"/"against" are the targets, the agent of a passive ("shot by two armed
  men") is the perpetrator; a verb with no subject of its own takes the subject of the verb it
  hangs on ("opened fire on a bakery, killing four customers"; "stormed the village and
  killed ten"), and a participle takes the noun it modifies ("civilians killed by soldiers");
- an event noun: "of" (the rape of a girl, the killing of five soldiers), "on"/"against" are
  its targets; "by", a possessive and a noun modifier (the army's shelling, a rebel attack) its
  perpetrator; the noun as the object of a verb of doing (militants carried out an attack)
  takes that verb's subject as perpetrator, and a "by" phrase that the parser hung on that
  verb ("documented the rape of a girl ... by two members of a militia") as well;
- coordination: every conjunct of an argument shares its role ("3 soldiers and 5 militants");
- "between A and B": both sides are parties.

Only the sentences that hold an event trigger are parsed (``tok2vec`` + ``parser`` of the small
English model, no tagger, no entities), each once per process (cached by its text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reckon.extract.nlp import MODEL_NAME, ModelNotAvailable

_PARSER_EXCLUDE = ["ner", "tagger", "attribute_ruler", "lemmatizer", "senter"]
# children whose subtree is a clause of its own, never part of an argument's words
_CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"}
_NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "dative", "npadvmod"}
_TARGET_PREPS = {"on", "against", "upon", "at", "into", "targeting"}
# verbs of doing whose object noun is the event ("carried out an attack", "claimed the bombing")
_DOING = {
    "carried", "carry", "carries", "carrying", "launched", "launch", "launches", "conducted",
    "conduct", "staged", "stage", "mounted", "mount", "committed", "commit", "perpetrated",
    "executed", "unleashed", "waged", "claimed", "led", "made",
}


# predicates whose subject undergoes the event
_UNDERGONE = {
    "dead", "died", "dies", "die", "perished", "succumbed", "injured", "wounded", "hurt",
    "missing", "drowned",
}


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a trigger: its role and the character spans of its words."""

    role: str  # perpetrator | target | party
    spans: tuple[tuple[int, int], ...]  # absolute offsets of its tokens
    head: tuple[int, int]  # absolute offsets of its head word


@lru_cache(maxsize=1)
def get_parser() -> Any:
    """The small English model's parser alone (with the ``tok2vec`` it listens to)."""
    import spacy

    try:
        return spacy.load(MODEL_NAME, exclude=_PARSER_EXCLUDE)
    except OSError as exc:  # pragma: no cover - the model is a pinned requirement
        raise ModelNotAvailable(f"spaCy model {MODEL_NAME!r} is not installed") from exc


_CACHE: dict[str, Any] = {}


def parse(clause: str) -> Any:
    """The dependency parse of one clause (cached: a clause is parsed once per report)."""
    doc = _CACHE.get(clause)
    if doc is None:
        doc = _CACHE[clause] = get_parser()(clause)
    return doc


def forget() -> None:
    """Drop the parses of the last report (memory stays flat over a batch)."""
    _CACHE.clear()


def _words(tok: Any) -> list[Any]:
    """The tokens of an argument: its subtree without clauses hung on it."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in _CLAUSAL or c.dep_ == "punct":
            continue
        out.extend(_words(c))
    return out


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _trigger_head(doc: Any, a: int, b: int) -> Any | None:
    """The token of ``doc`` that heads the trigger span [a, b) (sentence offsets)."""
    toks = [t for t in doc if t.idx < b and a < t.idx + len(t.text)]
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def _subject(verb: Any, depth: int = 0) -> tuple[Any, str] | None:
    """The subject of ``verb`` (its own, or inherited from the verb it hangs on)."""
    # a passive without its auxiliary, as headlines and posts write it ("4 men kidnapped by
    # armed men"): the parser may read the subject as active, the agent tells it is not
    passive = any(
        c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in verb.children
    ) and not any(c.dep_ == "dobj" for c in verb.children)
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head, "target" if passive else "perpetrator"
            return c, "target" if passive else "perpetrator"
        if c.dep_ == "nsubjpass":
            return c, "target"
    if depth > 3:
        return None
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        # "civilians killed by soldiers": the noun a passive participle modifies undergoes it;
        # "gunmen wielding machetes": an active one with an object is done by it
        if any(c.dep_ in ("dobj", "prt") for c in verb.children):
            return verb.head, "perpetrator"
        return verb.head, "target"
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
        inherited = _subject(verb.head, depth + 1)
        if inherited is not None and inherited[1] == "perpetrator":
            return inherited
    return None


def _arg(role: str, tok: Any, base: int) -> list[Argument]:
    out = []
    for c in _conjuncts(tok):
        spans = tuple(sorted((base + w.idx, base + w.idx + len(w.text)) for w in _words(c)))
        out.append(Argument(role, spans, (base + c.idx, base + c.idx + len(c.text))))
    return out


def _preps(tok: Any, base: int, nominal: bool) -> list[Argument]:
    out: list[Argument] = []
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            out += [a for p in c.children if p.dep_ == "pobj" for a in _arg("perpetrator", p, base)]
        elif c.dep_ == "prep" and c.lower_ == "between":
            out += [a for p in c.children if p.dep_ == "pobj" for a in _arg("party", p, base)]
        elif c.dep_ == "prep" and (c.lower_ in _TARGET_PREPS or nominal and c.lower_ == "of"):
            out += [a for p in c.children if p.dep_ == "pobj" for a in _arg("target", p, base)]
        elif c.dep_ in ("dobj", "dative") and not nominal:
            out += _arg("target", c, base)
        elif nominal and c.dep_ in ("poss", "compound", "nmod") and c.i < tok.i:
            out += _arg("perpetrator", c, base)
    return out


def arguments(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> list[Argument]:
    """The arguments the parse gives the trigger ``text[trigger]`` in ``text[sentence]``."""
    s0, s1 = sentence
    if not (s0 <= trigger[0] < trigger[1] <= s1):
        return []
    doc = parse(text[s0:s1])
    t = _trigger_head(doc, trigger[0] - s0, trigger[1] - s0)
    if t is None:
        return []
    nominal = t.dep_ in _NOMINAL or t.dep_ == "compound" or (
        t.dep_ == "ROOT" and not any(c.dep_.startswith("nsubj") for c in t.children)
        and any(c.dep_ == "det" for c in t.children)
    )
    out: list[Argument] = []
    if nominal:
        out += _preps(t, s0, nominal=True)
        verb = t.head if t.head.i != t.i else None
        if verb is not None and t.dep_ in ("dobj", "pobj"):
            host = verb.head if t.dep_ == "pobj" and verb.dep_ == "prep" else verb
            if host.lower_ in _DOING and t.dep_ == "dobj":
                subj = _subject(host)
                if subj is not None and subj[1] == "perpetrator":
                    out += _arg("perpetrator", subj[0], s0)
            # a "by" phrase the parser hung on the verb rather than on the event noun
            out += [a for a in _preps(host, s0, nominal=False) if a.role == "perpetrator"]
        elif verb is not None and t.dep_ == "nsubj":
            # "an attack by gunmen on a church killed five": the verb's object was hit;
            # "fighting broke out between two clans": the sides are the verb's
            out += [a for a in _preps(verb, s0, nominal=False) if a.role != "perpetrator"]
        return _outside(out, trigger)
    subj = _subject(t)
    if subj is not None:
        # "two officers dead", "a guard died": the subject of a verb of dying undergoes it
        role = "target" if t.lower_ in _UNDERGONE else subj[1]
        out += _arg(role, subj[0], s0)
    out += _preps(t, s0, nominal=False)
    return _outside(out, trigger)


def _outside(args: list[Argument], trigger: tuple[int, int]) -> list[Argument]:
    """Arguments not headed inside the trigger itself ("opened fire": "fire" is no target)."""
    return [a for a in args if not (trigger[0] <= a.head[0] and a.head[1] <= trigger[1])]


def role_of(args: list[Argument], start: int, end: int) -> str | None:
    """The role of the actor phrase at [start, end) among ``args``: that of the argument whose
    head word it holds, else of the narrowest argument it lies in; ``None`` when none."""
    for a in args:
        if start <= a.head[0] and a.head[1] <= end:
            return a.role
    best: tuple[int, str] | None = None
    for a in args:
        inside = [sp for sp in a.spans if start <= sp[0] and sp[1] <= end]
        if inside:
            width = a.spans[-1][1] - a.spans[0][0]
            if best is None or width < best[0]:
                best = (width, a.role)
    return best[1] if best else None


# a pronoun that may stand for an actor named before: "They carried away 15 people"
PRONOUN = re.compile(r"\b(?:they|he|she)\b", re.IGNORECASE)


def antecedent(
    text: str,
    sentence: tuple[int, int],
    args: list[Argument],
    find: Callable[[str, int, int], list[Any]],
    armed: Collection[str],
) -> Any | None:
    """The actor a pronoun perpetrator of ``args`` stands for: the last armed actor named in the
    sentences before, back to the paragraph's start (at most 400 characters); ``None`` when no
    perpetrator is a pronoun or no armed actor precedes it."""
    if not any(a.role == "perpetrator" and PRONOUN.fullmatch(text, a.head[0], a.head[1])
               for a in args):
        return None
    lo = max(0, sentence[0] - 400)
    brk = text.rfind("\n\n", lo, sentence[0])
    lo = brk + 2 if brk >= 0 else lo
    before = [a for a in find(text, lo, sentence[0]) if a.type in armed]
    return before[-1] if before else None
