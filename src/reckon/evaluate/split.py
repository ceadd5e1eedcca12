"""The split rule of the gold files: which rows may be learnt from and which are only measured."""

from __future__ import annotations

import re


def split_part(row_id: object) -> str:
    """The part of a gold file a row belongs to: ``"learn"`` or ``"measure"``.

    The rule, fixed once (issue 10): the last run of digits in the row's id decides; odd numbers
    are the learning part (rules, lexicons and training may look at them), even numbers the
    measuring part (only ever scored). ``wda-001`` learns, ``wda-002`` measures. An id without
    digits is measured.
    """
    digits = re.findall(r"\d+", str(row_id))
    if digits and int(digits[-1]) % 2 == 1:
        return "learn"
    return "measure"
