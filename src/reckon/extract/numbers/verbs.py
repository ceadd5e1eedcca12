"""Reading stages keyed on the trigger: negations, tolls, verbs with their objects."""

from __future__ import annotations

import re

from reckon.extract.numbers.cues import (
    _NEG_BLOCK_BEFORE,
    _NEG_KINDS,
    _NEG_OR_AFTER,
    _NEG_OR_KINDS,
    _NEG_RE,
    _NEG_SCOPE,
    NOMINALS,
    REMOVAL,
    _hedge,
    _trigger_at,
)
from reckon.extract.numbers.mention import CountMention
from reckon.extract.numbers.phrases import (
    _chain,
    _np_at,
    _sum,
)
from reckon.extract.numbers.quantity import (
    _quantity_at,
)
from reckon.extract.numbers.state import (
    _Sent,
)
from reckon.extract.numbers.tokens import _is_person
from reckon.extract.numbers.words import (
    _BE,
    _MODALS,
    _THINGS,
    _TO_DEATH_VERBS,
)
from reckon.model import Count, Span


def _nil_kinds(matched: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Every kind a negation names: "no one was killed or injured" -> killed and injured."""
    low = matched.lower()
    extra = [
        k
        for w in re.findall(r"\b([a-z]+)\s+or\b", low)
        for k in _NEG_KINDS.get(w, (_NEG_OR_KINDS[w],) if w in _NEG_OR_KINDS else ())
    ]
    return tuple(dict.fromkeys((*kinds, *extra)))


def _nil_scope(text: str, at: int, end: int) -> Span | None:
    """ "no casualties on the government side", "no deaths among the troops": the side a
    negation is about, so that it stands beside the other sides' figures."""
    m = _NEG_SCOPE.match(text, at, end)
    if m is None:
        return None
    words = m.group().lower().split()
    if words[-1] not in {"side", "sides"} and not _is_person(words[-1]):
        return None
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    return Span.of(text, start, m.end())


def negations(st: _Sent) -> None:
    """1) "no one was killed", "there were no casualties" -> 0/0/0."""
    tk, text, s, e, sent = st.tk, st.text, st.s, st.e, st.sent
    out, used = st.out, st.used
    # 1) negations
    for m in _NEG_RE.finditer(text, s, e):
        before = text[max(s, m.start() - 60) : m.start()]
        if _NEG_BLOCK_BEFORE.search(before):
            continue
        grp = next(g for g in ("v1", "v2", "v3", "v4") if m.group(g))
        word = m.group(grp)
        key = " ".join(word.lower().split())
        kinds = _NEG_KINDS.get(key)
        if kinds is None:
            key2 = key.split()[-1]
            kinds = _NEG_KINDS.get(key2, ("killed",))
        kinds = _nil_kinds(m.group(), kinds)
        implied = ()
        if grp == "v1" and kinds == ("injured",) and m.group("who"):
            implied = ("killed",)  # "no one was injured": nobody died either
        after = _NEG_OR_AFTER.match(text, m.end(), e)
        if after is not None:
            kinds = tuple(dict.fromkeys((*kinds, _NEG_OR_KINDS[after.group(1).lower()])))
        gstart = m.start(grp)
        span = Span.of(text, m.start(), m.end())
        trig = Span.of(text, gstart, gstart + len(word))
        victims = _nil_scope(text, m.end(), e)
        for kind in kinds:
            out.append(
                CountMention(kind, Count(0, 0, 0, "none", span), victims, trig, True, None, sent)
            )
        for kind in implied:
            if kind not in kinds:
                out.append(
                    CountMention(
                        kind, Count(0, 0, 0, "none", span), None, trig, True, "implied", sent
                    )
                )
        for k in range(tk.n):
            if m.start() <= tk.s[k] < m.end():
                used[k] = True


def tolls(st: _Sent, trigs: list[tuple[int, int, str, str]]) -> None:
    """2) "the death toll rose to 52", "the number of people killed has risen to six"."""
    tk = st.tk
    used = st.used
    emit, clause_end = st.emit, st.clause_end
    for t0, t1, kind, role in trigs:
        is_number_of = (
            role in {"act", "intr", "noun"}
            and kind == "killed"
            and any(tk.word(x) == "number" and tk.word(x + 1) == "of" for x in range(t0 - 4, t0))
        )
        if role != "toll" and not is_number_of:
            continue
        if role == "toll" and tk.word(t0 - 1) not in {"death", "the", "casualty", "its", "a",
                                                      "overall", "total", "final"} and t1 - t0 == 1:  # fmt: skip
            continue
        lim = min(clause_end(t0), t1 + 22)
        for x in range(t1, lim):
            w = tk.w[x]
            if w in {"to", "at", "of", "reached", "hit", "is", "was", "stood", "stands", "now",
                     "topped", "passed", "exceeded"}:  # fmt: skip
                if tk.word(x - 1) in {"up", "down"} or (w == "from"):
                    continue
                q = _quantity_at(tk, x + 1, after_trigger=True)
                if q is not None and not any(used[q.i : q.j]):
                    if tk.word(q.j) in _THINGS:
                        continue
                    c = Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
                    emit("killed", c, q.i, q.j, None, t0, t1, hedge_from=t0)
                    break


def objects(st: _Sent, trigs: list[tuple[int, int, str, str]]) -> None:
    """3) active verbs with an object: "killing four traders and the driver"."""
    tk = st.tk
    emit, clause_start, clause_end = st.emit, st.clause_start, st.clause_end
    for t0, t1, kind, role in trigs:
        if role not in {"act", "ger", "act_person", "base"}:
            continue
        prev = tk.word(t0 - 1)
        if prev in {"the", "of", "a", "an", "for", "his", "her", "their", "its"} and role != "act":
            continue  # "the killing of"
        if prev in {"the", "of", "a", "an", "his", "her", "their", "its", "our", "my"}:
            continue  # "the executed troops", "of the wounded", "his wounds"
        passive = False
        for x in range(t0 - 1, max(-1, t0 - 4), -1):
            if tk.w[x] in _BE:
                passive = True
                break
            if tk.w[x] not in {"also", "reportedly", "allegedly", "later", "all", "since",
                               "then", "not", "already", "seriously", "badly", "critically"}:  # fmt: skip
                break
        if passive:
            continue
        strict = role == "act_person"
        if tk.word(t1) in {"'", '"', "“", "‘"}:
            t1 += 1  # "it had killed 'scores of terrorists'"
        ch = _chain(tk, t1, clause_end(t1), strict=strict, bare=role in {"act", "ger", "base"} and
                    kind != "abducted", after_trigger=True)  # fmt: skip
        if ch is None:
            continue
        count, i, j, head, _pk = ch
        phrase = tk.span(t0, t1).text.lower()
        if phrase in REMOVAL and not phrase.endswith(("away", "off")) and not _removed(tk, j):
            continue  # "took 12 people to hospital", "forced residents to flee": no abduction
        # "killed a senior official responsible for ..., along with two associates"
        ce = clause_end(j)
        for x in range(j, min(ce, j + 14)):
            if _trigger_at(tk, x) is not None:
                break
            if tk.w[x] in {"along", "together"} and tk.word(x + 1) == "with":
                more = _np_at(tk, x + 2, ce, strict=True, bare=False, after_trigger=True)
                if more is not None and more.partitive_kind is None:
                    count = _sum(tk, count, more.count)
                    count.span = tk.span(i, more.j)
                    j = more.j
                break
        if role == "base" and (
            prev in {"to", "not", "never"} | _MODALS or tk.word(t0 - 2) in _MODALS
        ):
            # "threatened to kill ten" is kept as a threat; "plans to kill" is not a count;
            # a bare present tense ("gunmen kill 2 in raid", a headline) is a count
            hedge, _ = _hedge(tk, clause_start(t0), t0)
            if hedge not in {"denied", "threat", "claimed"}:
                continue
        emit(kind, count, i, j, head, t0, t1, hedge_from=t0)


_REMOVAL_END = {"away", "off", "into", "hostage", "hostages", "captive", "captives"}


def _removed(tk, j: int) -> bool:
    """Does a removal complement ("into the bush", "away", "hostage") follow the taken people
    (ending at token j) within a few words of an aside ("the youngest aged 16,")?"""
    for y in range(max(0, j - 1), min(tk.n, j + 8)):
        w = tk.w[y]
        if w in _REMOVAL_END:
            return not (w == "into" and tk.word(y + 1) in {"custody", "detention"})
        if w in {";", "."} or _trigger_at(tk, y) is not None:
            return False
    return False


def verb_phrases(st: _Sent) -> None:
    """3b) "claimed 14 lives", "stabbed a woman to death", "burned four men alive", "arrested him"."""
    tk = st.tk
    used = st.used
    emit, clause_end = st.emit, st.clause_end
    for k in range(tk.n):
        w = tk.w[k]
        if used[k]:
            continue
        if w in {"claimed", "claiming", "cost", "costing", "took", "taking"}:
            q = _quantity_at(tk, k + 1, after_trigger=True)
            if q is not None:
                x = q.j + (1 if tk.word(q.j) in {"civilian", "human", "more", "innocent"} else 0)
                if tk.word(x) == "lives":
                    c = Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
                    emit("killed", c, q.i, q.j, None, k, x + 1, hedge_from=k)
            continue
        if w in {"treated", "treating"} and _trigger_at(tk, k) is None:
            # "medics treated nine fighters and two civilians", "it treated 67 people"
            ch = _chain(tk, k + 1, clause_end(k), strict=True, bare=False, after_trigger=True)
            if ch is not None and ch[4] is None:
                count, i, j, head, _pk = ch
                emit("injured", count, i, j, head, k, k + 1, hedge_from=k)
            continue
        if w in _TO_DEATH_VERBS and _trigger_at(tk, k) is None:
            ch = _chain(tk, k + 1, clause_end(k), strict=True, bare=True, after_trigger=True)
            if ch is None and tk.word(k + 1) in {"him", "her"}:
                # "one of the soldiers shot him dead"
                c = Count(1, 1, 1, "exact", tk.span(k + 1, k + 2))
                ch = (c, k + 1, k + 2, (k + 1, k + 2), None)
            if ch is not None:
                count, i, j, head, _pk = ch
                if (
                    (tk.word(j) == "to" and tk.word(j + 1) == "death")
                    or (tk.word(j) == "alive" and w.startswith(("burn", "buri", "bury")))
                    or (tk.word(j) == "dead" and w.startswith("shoot"))
                    or (tk.word(j) == "dead" and w == "shot")
                ):
                    emit("killed", count, i, j, head, k, k + 1, hedge_from=k)
            continue
        t = _trigger_at(tk, k)
        if (
            t is not None
            and t[2] in {"act", "ger", "act_person"}
            and tk.word(t[0]) in {"him", "her"}
            and not any(tk.word(y) in _BE for y in range(k - 2, k))
            and tk.word(k - 1) not in {"the", "a", "an", "of"}
        ):
            c = Count(1, 1, 1, "exact", tk.span(t[0], t[0] + 1))
            emit(t[1], c, t[0], t[0] + 1, (t[0], t[0] + 1), k, t[0], hedge_from=k)


def bodies_of(st: _Sent, trigs: list[tuple[int, int, str, str]]) -> None:
    """3c) "the bodies of 14 men were found": the dead are counted after "bodies of"."""
    tk = st.tk
    emit, clause_end = st.emit, st.clause_end
    for t0, t1, kind, _role in trigs:
        if kind != "killed" or tk.w[t0] not in {"bodies", "corpses"} or tk.word(t1) != "of":
            continue
        ch = _chain(tk, t1 + 1, clause_end(t1 + 1), strict=True, bare=False, after_trigger=True)
        if ch is not None:
            count, i, j, head, _pk = ch
            emit("killed", count, i, j, head, t0, t1, hedge_from=t0)


# "the killing of six civilians", "the abduction of 20 students": a noun and its victims
_NOMINALS = NOMINALS
# a noun told as a memory is another event's figure ("the anniversary of the killing of 43")
_MEMORY = {"anniversary", "anniversaries", "commemorate", "commemorated", "commemorating",
           "marking", "marked", "memory", "remember", "remembered", "remembering", "since",
           "memorial", "trial", "convicted", "sentenced", "verdict", "accused", "charged",
           "over", "for", "in"}  # fmt: skip


def nominals(st: _Sent) -> None:
    """3d) "condemns the killing of six civilians", "the deaths of 12 migrants"."""
    tk = st.tk
    emit, clause_start, clause_end = st.emit, st.clause_start, st.clause_end
    for k in range(tk.n - 2):
        kind = _NOMINALS.get(tk.w[k])
        if kind is None or tk.w[k + 1] != "of" or st.used[k]:
            continue
        lo = clause_start(k)
        if any(tk.w[x] in _MEMORY for x in range(max(lo, k - 4), k)):
            continue
        ch = _chain(tk, k + 2, clause_end(k), strict=False, bare=False, after_trigger=True)
        if ch is None:
            continue
        count, i, j, head, pk = ch
        if pk is not None or head is None and tk.word(i) in {"the", "those", "these"}:
            continue
        emit(kind, count, i, j, head, k, k + 1, hedge_from=k)
