"""Lexicons as data: the word lists the reader and the geocoder share.

Each list is a tab-separated file under ``data/`` whose leading ``#`` lines say where it comes
from; this module only loads them (cached) into typed records. Nothing here knows any report.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "Group",
    "admin_unit_countries",
    "admin_unit_levels",
    "demonyms",
    "groups",
    "groups_in",
    "load_table",
    "load_words",
    "outlets",
]


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


@lru_cache(maxsize=1)
def admin_unit_levels() -> dict[str, int]:
    """Administrative unit words ("province", "LGA", "cercle") -> the level they usually name."""
    return {r["word"].lower(): int(r["level"]) for r in load_table("admin_units.tsv")}


@lru_cache(maxsize=1)
def admin_unit_countries() -> dict[str, tuple[str, ...]]:
    """Administrative unit words -> the countries that use them (empty: too common to tell)."""
    return {
        r["word"].lower(): tuple(c for c in r["countries"].split("|") if c)
        for r in load_table("admin_units.tsv")
    }


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonyms ("Burkinabe", "Malian") -> ISO 3166-1 alpha-2."""
    return {r["demonym"]: r["country"] for r in load_table("demonyms.tsv")}


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """News outlets -> the country they are based in (only outlets of one country)."""
    return {r["outlet"].lower(): r["country"] for r in load_table("outlets.tsv") if r["country"]}


_PARTICLE = re.compile(r"(?<![\w-])([aeAE])([lsdnrtz]{1,2}-)")


def _case_variants(name: str) -> set[str]:
    """A name as written at the start of a sentence and with its Arabic article in either case
    ("al-Qaeda in the Arabian Peninsula", "Al-Qaeda in the Arabian Peninsula"; "Hayat Tahrir
    al-Sham", "Hayat Tahrir Al-Sham")."""
    out = {name, name[:1].upper() + name[1:]}
    for n in list(out):
        out.add(_PARTICLE.sub(lambda m: m.group(1).upper() + m.group(2), n))
        out.add(_PARTICLE.sub(lambda m: m.group(1).lower() + m.group(2), n))
    return out


@lru_cache(maxsize=1)
def _group_pattern() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, list[Group]]]:
    """Two patterns over every group name and alias (those written with capitals match
    case-sensitively, the others in any case) and the groups each name stands for."""
    by_name: dict[str, list[Group]] = {}
    for g in groups():
        for n in g.names:
            by_name.setdefault(n.lower(), []).append(g)
    cased = sorted(
        {v for g in groups() for n in g.names if n != n.lower() for v in _case_variants(n)},
        key=len,
        reverse=True,
    )
    lower = sorted({n for g in groups() for n in g.names if n == n.lower()}, key=len, reverse=True)

    def alt(names: list[str]) -> str:
        return "|".join(re.escape(n) for n in names) or "(?!)"

    return (
        re.compile(rf"(?<![\w-])(?:{alt(cased)})(?![\w-])"),
        re.compile(rf"(?<![\w-])(?:{alt(lower)})(?![\w-])", re.IGNORECASE),
        by_name,
    )


def groups_in(text: str, day: str | None = None) -> list[tuple[int, int, Group]]:
    """Named groups in a text as (start, end, group), valid on ``day``, in text order."""
    cased, lower, by_name = _group_pattern()
    out: list[tuple[int, int, Group]] = []
    for pat in (cased, lower):
        for m in pat.finditer(text):
            for g in by_name.get(m.group(0).lower(), []):
                if g.valid_on(day):
                    out.append((m.start(), m.end(), g))
    out.sort(key=lambda t: (t[0], -t[1], t[2].name))
    return out
