"""The head-noun lexicons of actors: actor heads with their ACLED type, and instruments.

Both lists are data (``reckon/lexicon/data/actor_heads.tsv`` and ``instruments.tsv``); this module
expands their forms (regular plurals) and builds one pattern over all heads, longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reckon.lexicon import load_table


def plural(word: str) -> str:
    """The regular English plural of the last word of ``word`` ("gunman" -> "gunmen")."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(?:s|sh|ch|x|z)$", word):
        return word + "es"
    return word + "s"


@dataclass(frozen=True, slots=True)
class HeadLexicon:
    types: dict[str, str]  # form (lower case) -> ACLED actor type; instruments map to ""
    needs_modifier: frozenset[str]
    instruments: frozenset[str]
    pattern: re.Pattern[str]


def _forms(head: str, flag: str) -> list[str]:
    return [head] if flag == "-" else [head, plural(head)]


@lru_cache(maxsize=1)
def lexicon() -> HeadLexicon:
    """The actor heads and instruments, loaded once."""
    types: dict[str, str] = {}
    needs_mod: set[str] = set()
    for r in load_table("actor_heads.tsv"):
        for f in _forms(r["head"].lower(), r["forms"]):
            types.setdefault(f, r["type"])
            if r["forms"] == "mod":
                needs_mod.add(f)
    instruments: set[str] = set()
    for r in load_table("instruments.tsv"):
        for f in _forms(r["head"].lower(), r["forms"]):
            if f not in types:
                instruments.add(f)
                types[f] = ""
    alts = sorted(types, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alts)
    pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)
    return HeadLexicon(types, frozenset(needs_mod), frozenset(instruments), pattern)


def head_type(head: str) -> str | None:
    """The type of a head form ("" for an instrument; ``None`` for an unknown word)."""
    return lexicon().types.get(" ".join(head.lower().split()))


def is_instrument(head: str) -> bool:
    """Is ``head`` a weapon, vehicle or fire ("drone", "artillery", "gunfire")?"""
    return " ".join(head.lower().split()) in lexicon().instruments
