"""What a report says that helps place its toponyms: its countries, provinces and places."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reckon.geo.candidates import _best
from reckon.geo.names import DEMONYMS
from reckon.geo.normalize import light_key, name_key
from reckon.geo.store import Gazetteer, Place
from reckon.geo.toponym import Toponym, parse_toponym
from reckon.model import Location


@dataclass(slots=True)
class Context:
    """What the report says that helps place a toponym."""

    votes: list[tuple[str, str, float]] = field(default_factory=list)  # (source key, iso, weight)
    admin1s: list[tuple[str, str, int]] = field(default_factory=list)  # (iso, admin1, offset)
    points: list[tuple[float, float]] = field(default_factory=list)
    mentions: list[tuple[int, Location]] = field(default_factory=list)  # (offset, resolved)
    # admin1s of the places named around the toponym being placed: (iso, admin1, bonus)
    local: list[tuple[str, str, float]] = field(default_factory=list)
    text: str = ""  # the text offsets point into (for sentence boundaries)
    _weights: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def countries(self) -> dict[str, float]:
        """The report's countries, iso -> weight in (0, 1] (1 = the most supported)."""
        return self.countries_for("")

    def countries_for(self, source: str, *, exclude_self: bool = False) -> dict[str, float]:
        """Country weights as seen when placing the toponym ``source``; with ``exclude_self``
        the votes that this toponym cast itself do not count."""
        ck = f"-{source}" if exclude_self else source
        got = self._weights.get(ck)
        if got is None:
            tally: Counter = Counter()
            for src, iso, w in self.votes:
                if not (exclude_self and src == source):
                    tally[iso] += w
            got = {}
            if tally:
                top = max(tally.values())
                got = {c: v / top for c, v in sorted(tally.items()) if v / top >= 0.2}
            self._weights[ck] = got
        return got

    def add_vote(self, source: str, iso: str, weight: float) -> None:
        self.votes.append((source, iso, weight))
        self._weights.clear()

    def key(self) -> tuple:
        return (
            tuple(sorted(self.votes)),
            tuple((a, b) for a, b, _ in self.admin1s),
            tuple(self.points[:8]),
            tuple(self.local),
        )

    def top_country(self, source: str = "") -> str | None:
        """The most supported country (with ``source``: not counting that toponym's votes)."""
        c = self.countries_for(source, exclude_self=True) if source else self.countries
        if not c:
            return None
        return max(sorted(c), key=lambda k: c[k])


_country_re_cache: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}


def _country_pattern(gaz: Gazetteer) -> tuple[re.Pattern[str], dict[str, str]]:
    got = _country_re_cache.get(id(gaz))
    if got:
        return got
    from reckon.geo.names import COUNTRY_ABBREVIATIONS, COUNTRY_ALIASES

    table: dict[str, str] = {}
    for iso, name in gaz.countries():
        table[name] = iso
    for iso, aliases in COUNTRY_ALIASES.items():
        for a in aliases:
            table[a] = iso
    for a, iso in COUNTRY_ABBREVIATIONS.items():
        table[a] = iso
    for dem, iso in DEMONYMS.items():
        table[dem] = iso
    alts = sorted(table, key=len, reverse=True)
    # "Syrias" (a possessive whose apostrophe was lost) counts as "Syria"
    pat = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")s?(?![\w-])")
    _country_re_cache[id(gaz)] = (pat, table)
    return pat, table


# "in Syria", "in northern Syria", "across eastern Syria", "inside Syria's": where events happen
# (not "a group banned in Russia", a line some outlets add to every name of a group)
_LOCATIVE_BEFORE = re.compile(
    r"(?<!banned )(?<!outlawed )(?<!prohibited )(?<!illegal )"
    r"\b(?:in|inside|across|throughout|into)\s+(?:the\s+)?(?:(?:war-torn|rebel-held|central|"
    r"neighbou?ring|(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?)\s+)?$",
    re.IGNORECASE,
)


def countries_in_text(gaz: Gazetteer, text: str) -> Counter:
    """Countries named in a text (2 per mention, at most 6) or implied by a demonym (1 per
    mention, at most 2: "Russian drones" says less about where than "in Russia"). A country
    named as where things happen ("in northern Syria", "across Syria") counts 1.5 more per
    mention, at most 4.5: a report that names Russia as an actor and tells of strikes in Syria
    is about Syria."""
    pat, table = _country_pattern(gaz)
    named: Counter = Counter()
    demonym: Counter = Counter()
    located: Counter = Counter()
    for m in pat.finditer(text):
        word = m.group(1)
        (demonym if word in DEMONYMS else named)[table[word]] += 1
        if word not in DEMONYMS and _LOCATIVE_BEFORE.search(
            text, max(0, m.start() - 40), m.start()
        ):
            located[table[word]] += 1
    out: Counter = Counter()
    for iso, n in named.items():
        out[iso] += min(2.0 * n, 6.0)
    for iso, n in located.items():
        out[iso] += min(1.5 * n, 4.5)
    for iso, n in demonym.items():
        out[iso] += min(1.0 * n, 2.0)
    return out


_ADMIN_CUE = re.compile(
    r"(?:(?:provinces?|governorates?|regions?|states?|oblasts?|departments?)\s+of\s+(?:the\s+)?"
    r"(?P<pre>[A-Z][\w'’‘-]+(?:\s+[A-Z][\w'’‘-]+)?(?:\s*(?:,|and|or)\s+[A-Z][\w'’‘-]+"
    r"(?:\s+[A-Z][\w'’‘-]+)?)*))"
    r"|(?P<post>[A-Z][\w'’‘-]+(?:\s+[A-Z][\w'’‘-]+)?(?:\s*(?:,|and|or)\s+[A-Z][\w'’‘-]+"
    r"(?:\s+[A-Z][\w'’‘-]+)?)*)\s+(?:provinces?|governorates?|regions?|states?|oblasts?|"
    r"departments?|countryside)\b"
)
_SPLIT_LIST = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*")


def admin1_cues(text: str) -> list[tuple[str, int]]:
    """Names said to be provinces in the text: "in Latakia and Tartus provinces" -> both."""
    out = []
    for m in _ADMIN_CUE.finditer(text):
        group = "pre" if m.group("pre") else "post"
        chunk = m.group(group)
        base = m.start(group)
        for part in _SPLIT_LIST.split(chunk):
            part = part.strip()
            if part and part[0].isupper():
                out.append((part, base + max(0, chunk.find(part))))
    return out


def build_context(
    gaz: Gazetteer,
    text: str = "",
    names: list[tuple[str, int]] | None = None,
    country_hint: str | None = None,
) -> Context:
    """Context from a report's text and its toponyms ((name, offset) pairs)."""
    ctx = Context()
    if text:
        for iso, w in sorted(countries_in_text(gaz, text).items()):
            ctx.add_vote("", iso, w)
    names = names or []
    # toponyms vote for the country of their best context-free reading
    tops: list[tuple[int, Place]] = []
    per_name: Counter = Counter()
    for name, off in names:
        top = parse_toponym(name)
        # a reading spelled exactly as written outranks a phonetic one for voting
        best = _best(gaz, top, Context(), fuzzy=False, min_sim=1.0) or _best(
            gaz, top, Context(), fuzzy=False
        )
        if best is None:
            continue
        place, sc, hit = best
        tops.append((off, place))
        src = light_key(top.core)
        if not place.country or sc <= 2.0 or per_name[src] >= 2:
            continue
        per_name[src] += 1
        exact = hit.matched == src
        if place.feature == "country" and text:
            continue  # already counted from the text
        if place.feature == "admin1" and _admin1_elsewhere(gaz, top.core, place):
            continue  # "Plateau" (Nigeria's or Benin's): the other places decide
        if place.feature in ("country", "admin1") and exact:
            ctx.add_vote(src, place.country, 2.0)
            if place.feature == "admin1" and place.admin1:
                ctx.admin1s.append((place.country, place.admin1, off))
        else:
            weak = 0.5 if len(name_key(top.core)) >= 5 else 0.25
            # a hamlet of no recorded population, or a name borne by towns in several countries
            # (Santa Rosa, Bolivar), says little about the report's country
            small = place.population < 1000 and not place.prio
            if exact and _widespread(gaz, top.core):
                small = True
            ctx.add_vote(src, place.country, (0.5 if small else 1.0) if exact else weak)
    if country_hint:
        iso = _country_iso(gaz, country_hint)
        if iso:
            ctx.add_vote("", iso, 10.0 + sum(w for _s, _i, w in ctx.votes))
    # admin1 units named as provinces in the text
    for name, off in admin1_cues(text):
        best = _best(gaz, Toponym(name, "admin1", None), ctx)
        if best and best[0].feature == "admin1" and best[0].admin1:
            if (best[0].country or "", best[0].admin1, off) not in ctx.admin1s:
                ctx.admin1s.append((best[0].country or "", best[0].admin1, off))
    # points of the report's places that fit its countries
    countries = ctx.countries
    for _off, place in tops:
        if place.lat is not None and (not countries or countries.get(place.country, 0) >= 0.5):
            if place.feature in ("city", "other"):
                ctx.points.append((place.lat, place.lon))
    return ctx


def _widespread(gaz: Gazetteer, name: str) -> bool:
    """Whether towns of three or more countries bear this very name."""
    ql = light_key(name)
    return len({h.place.country for h in gaz.lookup(name_key(name)) if h.matched == ql}) >= 3


def _admin1_elsewhere(gaz: Gazetteer, name: str, place: Place) -> bool:
    """Whether another country has a first-level unit of this very name."""
    ql = light_key(name)
    return any(
        h.place.feature == "admin1" and h.place.country != place.country and h.matched == ql
        for h in gaz.lookup(name_key(name))
    )


def _country_iso(gaz: Gazetteer, hint: str) -> str | None:
    hint = hint.strip()
    if len(hint) == 2 and hint.isalpha():
        return hint.upper()
    for h in gaz.lookup(name_key(hint)):
        if h.place.feature == "country":
            return h.place.country
    return None


# ---------------------------------------------------------------------------------------
# candidates and scoring
