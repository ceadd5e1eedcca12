"""What a count reading returns: one casualty figure tied to its words."""

from __future__ import annotations

from dataclasses import dataclass

from reckon.model import Count, Span


@dataclass(frozen=True)
class CountMention:
    kind: str  # "killed" | "injured" | "abducted" | "arrested"
    count: Count
    victims: Span | None
    trigger: Span
    negated: bool = False
    hedged: str | None = None  # "denied" | "threat" | "claimed" | None
    sentence: Span | None = None
