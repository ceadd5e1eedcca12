"""Lexicons as data: the word lists the reader and the geocoder share.

Each list is a tab-separated file under ``data/`` whose leading ``#`` lines say where it comes
from; this module only loads them (cached) into typed records. Nothing here knows any report.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Group", "groups", "load_table", "load_words"]


def load_table(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>`` as dicts (header row after the ``#`` comment lines)."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


@lru_cache(maxsize=64)
def load_words(name: str) -> tuple[str, ...]:
    """The entries of a one-entry-a-line list ``data/<name>`` (``#`` lines are comments)."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@dataclass(frozen=True, slots=True)
class Group:
    """A named armed group or force."""

    name: str
    aliases: tuple[str, ...]
    type: str
    countries: tuple[str, ...]
    valid_from: str | None
    valid_to: str | None
    note: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def valid_on(self, day: str | None) -> bool:
        """Does this entry hold on ``day`` (ISO date; ``None``: undated, every entry holds)?"""
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


@lru_cache(maxsize=1)
def groups() -> tuple[Group, ...]:
    """Every entry of ``groups.tsv``, in file order."""
    out = []
    for r in load_table("groups.tsv"):
        out.append(
            Group(
                name=r["name"],
                aliases=tuple(a for a in r["aliases"].split("|") if a),
                type=r["type"],
                countries=tuple(c for c in r["countries"].split("|") if c),
                valid_from=r["from"] or None,
                valid_to=r["to"] or None,
                note=r["note"],
            )
        )
    return tuple(out)
