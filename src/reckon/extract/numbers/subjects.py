"""Reading stages keyed on the count: subjects of passive and intransitive triggers."""

from __future__ import annotations

from reckon.extract.numbers.cues import (
    _trigger_at,
)
from reckon.extract.numbers.phrases import (
    _SING_DET,
    _chain,
    _scan_head,
    _skip_said,
)
from reckon.extract.numbers.quantity import (
    _quantity_at,
)
from reckon.extract.numbers.state import (
    _Sent,
)
from reckon.extract.numbers.tokens import (
    _Toks,
)
from reckon.extract.numbers.words import (
    _AUX,
    _BE,
    _COLLECTIVE,
    _MODALS,
)
from reckon.model import Count


def _elliptic_passive(tk: _Toks, ci: int, t1: int) -> bool:
    """ "A boy was killed and his mother wounded": the second verb shares the first's 'was'."""
    if tk.word(ci - 1) != "and":
        return False
    nxt = tk.word(t1)
    if nxt and (
        nxt[0].isdigit() or nxt in _SING_DET or nxt in {"him", "her", "them", "the", "two", "three"}
    ):
        return False  # "... and his son killed two guards": an active verb with an object
    return any(tk.w[y] in _BE for y in range(max(0, ci - 8), ci - 1))


def _headline_singular(tk: _Toks, i: int, end: int):
    """Headline style "Civilian killed in ...", "Police officer shot dead": one victim."""
    if not (i == 0 or tk.w[i - 1] in {":", "|", ".", ";", "-", "–", "—"}):
        return None
    if not tk.raw[i][:1].isupper():
        return None
    kind, j, h = _scan_head(tk, i, end, singular=True)
    if kind != "person" or h is None or h - i > 3 or tk.w[h].endswith("s"):
        return None
    if tk.w[h] in _COLLECTIVE:
        return None
    t = _trigger_at(tk, h + 1)
    if t is None or t[2] not in {"act", "intr"} or tk.word(t[0])[:1].isdigit():
        return None
    if _quantity_at(tk, t[0], True) is not None or tk.word(t[0]) in _SING_DET:
        return None
    return Count(1, 1, 1, "exact", tk.span(i, h + 1)), i, h + 1, (i, h + 1), None


_MODIFIER_OPEN = {"who", "that", "in", "from", "for", "at", "on", "inside", "near", "with",
                  "aboard", "travelling", "traveling", "riding", "working", "living",
                  "suspected", "accused", "employed", "stationed", "based"}  # fmt: skip
_NOT_AFTER_BE = {"who", "that", "which", "had", "has", "have", "and", "it", "there", "he", "she",
                 "they", "we", "i", "whose", "whom", "what", "or"}  # fmt: skip
_REPORTED = {"said", "says", "say", "told", "tell", "added", "according", "reported"}


def _verb_after_modifier(tk: _Toks, j: int, end: int) -> tuple[int, tuple[int, str, str]] | None:
    """The passive or intransitive trigger of a subject whose head is followed by a modifier
    (a relative clause, a participle, a place): (index, trigger) or None."""
    k = j + 1 if tk.word(j) == "," and tk.word(j + 1) in {"who", "most", "many", "all"} else j
    if tk.word(k) not in _MODIFIER_OPEN and not (tk.word(j) == "," and k == j + 1):
        return None
    for y in range(k, min(end, k + 18)):
        w = tk.w[y]
        if w in {";", ":", "(", ")"} or w in _REPORTED:
            return None
        q = _quantity_at(tk, y)
        if q is not None and tk.word(q.j) not in {"of", "-"} and tk.word(y - 1) not in {"of"}:
            return None  # another count: its own subject
        if w in _BE and tk.word(y - 1) not in _NOT_AFTER_BE:
            z = y + 1
            while z < end and tk.w[z] in _AUX:
                z += 1
            t = _trigger_at(tk, z) if z < end else None
            if t is not None and t[2] in {"act", "intr", "act_person"}:
                return z, t
            return None
    return None


def _besides(tk: _Toks, t1: int, end: int) -> int | None:
    """ "killed besides the bomber", "died along with their commander": one more victim."""
    k = t1
    w, w1, w2 = tk.word(k), tk.word(k + 1), tk.word(k + 2)
    if w == "besides" or w == "plus":
        k += 1
    elif (w, w1, w2) in {("in", "addition", "to"), ("as", "well", "as")}:
        k += 3
    elif (w, w1) in {("along", "with"), ("together", "with")}:
        k += 2
    else:
        return None
    if tk.word(k) not in {"the", "their", "its", "his", "her", "a", "an"}:
        return None
    kind, _j, h = _scan_head(tk, k + 1, end, singular=True)
    if kind != "person" or h is None or tk.w[h].endswith("s"):
        return None
    return h


def subjects(st: _Sent) -> None:
    """4) subjects before a passive / intransitive trigger; counts before a noun trigger."""
    tk = st.tk
    out, used, of_wounded = st.out, st.used, st.of_wounded
    emit, clause_end = st.emit, st.clause_end
    i = 0
    while i < tk.n:
        if used[i] or not (tk.w[i][0].isalnum()):
            i += 1
            continue
        ce = clause_end(i)
        ch = _chain(tk, i, ce, strict=False, bare=False, after_trigger=False)
        if ch is None:
            ch = _headline_singular(tk, i, ce)
        if ch is None:
            i += 1
            continue
        count, ci, cj, head, pkind = ch
        # skip auxiliaries / adverbs
        x = cj
        hyp = False
        while x < ce and (tk.w[x] in _AUX or tk.w[x] in _MODALS or tk.w[x] == ","):
            if tk.w[x] in _MODALS and not (
                tk.w[x] in {"may", "might", "could"} and tk.word(x + 1) == "have"
            ):
                hyp = True
            if tk.w[x] == ",":
                y = _skip_said(tk, x, ce)
                if y != x:
                    x = y
                    continue
            if tk.w[x] == "," and (
                tk.word(x + 1) not in _AUX
                or (count.span is not None and count.span.text.lower() in _SING_DET)
            ):
                break
            x += 1
        t = _trigger_at(tk, x) if x < ce else None
        if pkind is not None:
            # "many of the wounded": a count of the group itself; "one of the wounded
            # succumbed" counts a death; "11 of the injured were police officers" is a
            # subset, not a count
            if t is not None and t[1] == "killed" and t[2] in {"intr", "act"} and not hyp:
                n = len(out)
                emit("killed", count, ci, cj, head, x, t[0], hedge_from=ci)
                of_wounded.update(id(m) for m in out[n:])
                i = t[0]
                continue
            if count.qualifier != "vague":
                stop = t[0] if t is not None else cj
                for y in range(ci, stop):
                    used[y] = True
                i = stop
                continue
            emit(pkind, count, ci, cj, head, cj - 1, cj)
            i = cj
            continue
        if t is None and (not hyp or tk.word(cj) in {"who", "that"}):
            # "Two people in Kabul were killed", "Nine villagers who could not flee, most of
            # them elderly, were found dead": the verb after the victims' modifier
            found = _verb_after_modifier(tk, cj, ce)
            if found is not None:
                x, t = found
                hyp = False  # a modal inside the modifier ("who could not flee") is its own
        if t is None or hyp:
            # a count directly followed by a noun trigger: "five deaths", "a dozen bodies"
            i += 1
            continue
        t1, kind, role = t
        if role == "toll" or role == "base":
            i += 1
            continue
        if role == "noun" and x != cj:
            i += 1
            continue
        if role in {"act", "act_person", "ger"} and x == cj and role != "act":
            i += 1
            continue
        if role == "act_person" and head is None:
            i += 1
            continue
        if (
            role in {"act", "act_person"}
            and x == cj
            and (
                used[x]
                or (count.span is not None and count.span.text.lower() in _SING_DET)
                or _chain(tk, t1, ce, strict=False, bare=False, after_trigger=True) is not None
            )
            and not _elliptic_passive(tk, ci, t1)
        ):
            i += 1  # "A suicide bomber killed four people": the subject is the killer
            continue
        if (
            role == "act"
            and x == cj
            and head is None
            and tk.word(x + 1)
            and (_quantity_at(tk, x + 1, True) is not None or tk.word(x + 1) in _SING_DET)
        ):
            i += 1  # "two killed three" is not a subject count
            continue
        if (
            role == "noun"
            and kind == "killed"
            and tk.w[x] == "lives"
            and tk.word(x + 1) not in {"were", "was", "have", "had", "lost"}
        ):
            i += 1
            continue
        if (
            role == "noun"
            and count.best == 1
            and (head is None or (count.span is not None and count.span.text.lower() in _SING_DET))
        ):
            i += 1
            continue
        extra = _besides(tk, t1, ce) if kind == "killed" else None
        if extra is not None:
            # "four soldiers were killed besides the bomber": the bomber is one more
            count = Count(
                *(None if v is None else v + 1 for v in (count.low, count.best, count.high)),
                count.qualifier,
                count.span,
            )
        emit(kind, count, ci, cj, head, x, t1)
        i = max(cj, i + 1)


def bare_plurals(st: _Sent, trigs: list[tuple[int, int, str, str]]) -> None:
    """5) plural nouns with no number: "medics reported deaths" -> 2/2/None."""
    tk = st.tk
    used = st.used
    emit = st.emit
    for t0, t1, kind, role in trigs:
        if role != "noun" or any(used[t0:t1]) or tk.w[t0] not in {"deaths", "fatalities"}:
            continue
        prev = tk.word(t0 - 1)
        prev2 = tk.word(t0 - 2)
        if prev in {"the", "of", "any", "no", "those", "these", "their", "its", "on", "for",
                    "about", "how", "whose", "what"} or prev2 in {"number", "figures", "word"}:  # fmt: skip
            continue
        if tk.word(t1) in {"of", "toll"} or (t0 > 0 and tk.w[t0 - 1][:1].isdigit()):
            continue
        if any(tk.word(x) in {"number", "figures", "figure", "tally", "count"}
               for x in range(t0 - 4, t0)):  # fmt: skip
            continue
        c = Count(2, 2, None, "vague", tk.span(t0, t1))
        emit(kind, c, t0, t1, None, t0, t1, hedge_from=t0)
