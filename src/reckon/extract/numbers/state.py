"""The reading state of one sentence, shared by the reading stages."""

from __future__ import annotations

from reckon.extract.numbers.cues import _hedge
from reckon.extract.numbers.mention import CountMention
from reckon.extract.numbers.tokens import _Toks
from reckon.model import Count, Span


class _Sent:
    """One sentence being read: its tokens, clause bounds, the tokens already used and the
    counts found so far."""

    __slots__ = ("tk", "text", "s", "e", "sent", "out", "used", "of_wounded", "_cs", "_ce")

    def __init__(self, text: str, s: int, e: int) -> None:
        tk = _Toks(text, s, e)
        self.tk, self.text, self.s, self.e = tk, text, s, e
        self.sent = Span.of(text, s, e)
        self.out: list[CountMention] = []
        self.used = [False] * tk.n
        # "one of the wounded died": counted only if nothing else is
        self.of_wounded: set[int] = set()
        # clause bounds (";" splits a sentence into clauses), one pass each way
        c_start = [0] * (tk.n + 1)
        c_end = [tk.n] * (tk.n + 1)
        for k in range(1, tk.n + 1):
            c_start[k] = k if tk.w[k - 1] == ";" else c_start[k - 1]
        for k in range(tk.n - 1, -1, -1):
            c_end[k] = k if tk.w[k] == ";" else c_end[k + 1]
        self._cs, self._ce = c_start, c_end

    def clause_start(self, k: int) -> int:
        return self._cs[max(0, min(k, self.tk.n))]

    def clause_end(self, k: int) -> int:
        return self._ce[max(0, min(k, self.tk.n))]

    def emit(
        self,
        kind: str,
        count: Count,
        i: int,
        j: int,
        head: tuple[int, int] | None,
        t0: int,
        t1: int,
        hedge_from: int | None = None,
    ) -> None:
        """Record a count over tokens i..j with its trigger t0..t1, unless its tokens are
        taken or it is hypothetical."""
        tk, used = self.tk, self.used
        if any(used[i:j]):
            return
        hedge, hyp = _hedge(tk, self.clause_start(hedge_from if hedge_from is not None else i),
                            hedge_from if hedge_from is not None else i)  # fmt: skip
        if hyp:
            return
        for k in list(range(i, j)) + list(range(t0, t1)):
            used[k] = True
        victims = tk.span(head[0], head[1]) if head else None
        self.out.append(
            CountMention(kind, count, victims, tk.span(t0, t1), False, hedge, self.sent)
        )
