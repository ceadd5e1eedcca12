"""How tables print counts: one mark for "no upper bound", another for "not told".

``low/best/high`` cells (``reckon incidents``) and ``best (low..high)`` cells (``reckon extract
--format table``) share the same marks, explained by :data:`LEGEND`:

- ``+``: no upper bound ("at least 12" is ``12/12/+``);
- ``?``: that end was not said ("up to 5" is ``?/5/5``);
- ``not told``: the report gives no figure of that kind at all (not the same as ``0/0/0``,
  "no one was killed").
"""

from __future__ import annotations

from reckon.model import Count

__all__ = ["COUNT_KINDS", "LEGEND", "NOT_TOLD", "count_cell", "count_short", "other_counts"]

NOT_TOLD = "not told"
UNBOUNDED = "+"
UNKNOWN = "?"
LEGEND = "'+' = no upper bound, '?' = that end not said, 'not told' = no figure given"

#: The count kinds an incident or a mention holds, as (attribute, label).
COUNT_KINDS: tuple[tuple[str, str], ...] = (
    ("fatalities", "killed"),
    ("injured", "injured"),
    ("abducted", "abducted"),
    ("arrested", "arrested"),
)


def _end(v: int | None, missing: str) -> str:
    return missing if v is None else str(v)


def count_cell(c: Count | None) -> str:
    """``low/best/high``: ``12/12/+``, ``?/5/5``, ``0/0/0``; ``not told`` when there is none."""
    if c is None:
        return NOT_TOLD
    return "/".join(
        (_end(c.low, UNKNOWN), _end(c.best, UNKNOWN), _end(c.high, UNBOUNDED))
    )


def count_short(c: Count | None) -> str:
    """``5`` when exact, else ``best (low..high)``: ``12 (12..+)``, ``5 (?..5)``."""
    if c is None:
        return NOT_TOLD
    if c.low == c.best == c.high and c.best is not None:
        return str(c.best)
    return f"{_end(c.best, UNKNOWN)} ({_end(c.low, UNKNOWN)}..{_end(c.high, UNBOUNDED)})"


def other_counts(record: object) -> str:
    """The non-fatality counts a record holds: ``injured 23, abducted 2 (2..+)``; '' if none."""
    parts = []
    for attr, label in COUNT_KINDS[1:]:
        c = getattr(record, attr, None)
        if c is not None:
            parts.append(f"{label} {count_short(c)}")
    return ", ".join(parts)
