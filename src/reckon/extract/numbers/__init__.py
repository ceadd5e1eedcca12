"""Casualty counts: how many were killed, injured, abducted or arrested, as low / best / high.

Pure functions over plain text, no model. ``find_counts`` reads a text sentence by sentence,
finds the words that make a number a casualty figure (``killed``, ``deaths``, ``wounded``,
``abducted``, ``detained`` ...), links them to the number phrase and the victims, and returns
:class:`CountMention` records whose spans are absolute offsets into the text.

Counting follows the table in the gold README: ``"at least 5"`` -> 5/5/None, ``"up to 5"`` ->
None/5/5, ``"between 5 and 8"`` -> 5/5/8, ``"several"`` -> 2/2/None, ``"a dozen"`` -> 12/12/12,
``"dozens"`` -> 24/24/None, ``"scores"`` -> 40, ``"hundreds"`` -> 200, ``"thousands"`` -> 2000,
``"no one was killed"`` -> 0/0/0 (``negated``).

Victim groups joined by "and" add up ("three soldiers and two civilians were killed" = 5),
subsets do not ("18 people were killed, six of them civilians" = 18; "including five children").
Denials and threats come back with ``hedged`` set so the caller can leave them out;
hypotheticals ("could be killed") are not returned at all. Numbers that are not counts of people
(ages, times, years, roads, money, percentages, ordinals, tanks and houses) are never counted.
"""

from __future__ import annotations

from reckon.extract.numbers.mention import CountMention
from reckon.extract.numbers.quantity import add_counts, parse_quantity
from reckon.extract.numbers.reader import find_counts

__all__ = ["CountMention", "add_counts", "find_counts", "parse_quantity"]
