"""What a report says that helps place its toponyms: its countries, provinces and places."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reckon.geo.candidates import _best, _big, _drop_borrowed, score
from reckon.geo.clues import clue_votes
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


def country_mentions(gaz: Gazetteer, text: str) -> tuple[Counter, Counter, Counter]:
    """Mentions of countries in a text: (named, named as where things happen, by demonym)."""
    key = (id(gaz), text)
    got = _mentions_memo.get(key)
    if got is None:
        got = _country_mentions(gaz, text)
        if len(_mentions_memo) > 32:
            _mentions_memo.clear()
        _mentions_memo[key] = got
    return Counter(got[0]), Counter(got[1]), Counter(got[2])


_mentions_memo: dict[tuple[int, str], tuple[Counter, Counter, Counter]] = {}


def _country_mentions(gaz: Gazetteer, text: str) -> tuple[Counter, Counter, Counter]:
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
    return named, located, demonym


def countries_in_text(gaz: Gazetteer, text: str) -> Counter:
    """Countries named in a text (2 per mention, at most 6) or implied by a demonym (1 per
    mention, at most 2: "Russian drones" says less about where than "in Russia"). A country
    named as where things happen ("in northern Syria", "across Syria") counts 1.5 more per
    mention, at most 4.5: a report that names Russia as an actor and tells of strikes in Syria
    is about Syria."""
    named, located, demonym = country_mentions(gaz, text)
    out: Counter = Counter()
    for iso, n in named.items():
        out[iso] += min(2.0 * n, 6.0)
    for iso, n in located.items():
        out[iso] += min(1.5 * n, 4.5)
    for iso, n in demonym.items():
        out[iso] += min(1.0 * n, 2.0)
    return out


_CUE_NAMES = (
    r"[A-Z][\w'’‘-]+(?:\s+[A-Z][\w'’‘-]+)?(?:\s*(?:,|and|or)\s+[A-Z][\w'’‘-]+"
    r"(?:\s+[A-Z][\w'’‘-]+)?)*"
)
_CUE_WORDS = r"(?:provinces?|governorates?|regions?|states?|oblasts?|departments?)"
_ADMIN_CUE_PRE = re.compile(rf"{_CUE_WORDS}\s+of\s+(?:the\s+)?(?P<names>{_CUE_NAMES})")
_ADMIN_CUE_POST = re.compile(rf"(?P<names>{_CUE_NAMES})\s+(?:{_CUE_WORDS[3:-1]}|countryside)\b")
_SPLIT_LIST = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*")


def admin1_cues(text: str) -> list[tuple[str, int]]:
    """Names said to be provinces in the text: "in Latakia and Tartus provinces" -> both;
    "the Colombian department of Bolivar" -> Bolivar (a demonym is no province)."""
    found: dict[int, str] = {}
    for pat in (_ADMIN_CUE_PRE, _ADMIN_CUE_POST):
        for m in pat.finditer(text):
            chunk = m.group("names")
            base = m.start("names")
            for part in _SPLIT_LIST.split(chunk):
                part = part.strip()
                if part and part[0].isupper() and part not in DEMONYMS:
                    found.setdefault(base + max(0, chunk.find(part)), part)
    out = [(name, off) for off, name in sorted(found.items())]
    return out


def build_context(
    gaz: Gazetteer,
    text: str = "",
    names: list[tuple[str, int]] | None = None,
    country_hint: str | None = None,
    *,
    source: str | None = None,
    day: str | None = None,
) -> Context:
    """Context from a report's text and its toponyms ((name, offset) pairs).

    The report's countries are read from every clue together: countries and demonyms named in
    the text, named groups and forces, administrative words, the outlet (``source``), and the
    toponyms. Each toponym votes for the country of its *coherent* reading: of the countries
    where it has a namesake, the one the other clues and the other toponyms support most; its
    most populous namesake only breaks ties."""
    ctx = Context()
    # what decides between a toponym's namesakes: where the text says things happen, the
    # groups and administrative words it names, its outlet; a country named as an actor
    # ("drones Russia launched") or by a demonym only a little
    prior: Counter = Counter()
    if text:
        clues = clue_votes(text, source=source, day=day)
        for iso, w in sorted((countries_in_text(gaz, text) + clues).items()):
            ctx.add_vote("", iso, w)
        named, located, demonym = country_mentions(gaz, text)
        prior += clues
        for iso, n in located.items():
            prior[iso] += min(1.5 * n, 4.5)
        for iso, n in named.items():
            prior[iso] += min(0.5 * n, 1.0)
        for iso, n in demonym.items():
            prior[iso] += min(0.5 * n, 1.0)
    names = names or []
    readings: list[tuple[str, int, Toponym, dict[str, tuple[float, Place, float, bool]]]] = []
    for name, off in names:
        top = parse_toponym(name)
        by_country = _readings(gaz, top)
        if by_country:
            readings.append((name, off, top, by_country))
    # the support of each country: the clues, plus every toponym that has a reading there
    support: Counter = Counter(prior)
    seen_src: set[str] = set()
    for _name, _off, top, by_country in readings:
        src = light_key(top.core)
        if src in seen_src:
            continue
        seen_src.add(src)
        if text and any(v[1].feature == "country" and v[3] for v in by_country.values()):
            continue  # a country's name: read from the text, as an actor or as where
        for c, (q, _p, _sc, _x) in by_country.items():
            support[c] += q
    tops: list[tuple[int, Place]] = []
    per_name: Counter = Counter()
    for _name, off, top, by_country in readings:
        src = light_key(top.core)
        # the coherent reading: the best-supported country, then the namesake's own weight
        # and context-free score (population)
        c = max(sorted(by_country), key=lambda k: (support[k], by_country[k][0], by_country[k][2]))
        q, place, sc, exact = by_country[c]
        tops.append((off, place))
        if (sc <= 2.0 and not exact) or per_name[src] >= 2:
            continue
        per_name[src] += 1
        if place.feature == "country" and text:
            continue  # already counted from the text
        if place.feature == "admin1" and _admin1_elsewhere(gaz, top.core, place):
            continue  # "Plateau" (Nigeria's or Benin's): the other places decide
        ctx.add_vote(src, c, q)
        if place.feature == "admin1" and place.admin1 and exact:
            ctx.admin1s.append((c, place.admin1, off))
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


def _readings(gaz: Gazetteer, top: Toponym) -> dict[str, tuple[float, Place, float, bool]]:
    """A toponym's readings per country: (vote weight, place, context-free score, spelled as
    written) of its best namesake there. A country or province under its own name weighs 2, as
    does a capital, a first-order seat or a city of 100,000; a town 1 (0.5 for a hamlet, or a name borne by towns of three or more countries), a reading
    under another spelling 0.5 (0.25 for a short name)."""
    ql = light_key(top.core)
    hits = _drop_borrowed(list(gaz.lookup(name_key(top.core))))
    if not hits:
        return {}
    widespread = None
    empty = Context()
    out: dict[str, tuple[float, Place, float, bool]] = {}
    for h in hits:
        p = h.place
        if not p.country:
            continue
        sc = score(h, top, empty)
        exact = h.matched == ql
        if p.feature in ("country", "admin1") and exact:
            q = 2.0
        elif exact and _big(p):
            q = 2.0  # a capital, a first-order seat or a city of 100,000: named from afar
        elif exact:
            small = p.population < 1000 and not p.prio and p.feature != "admin2"
            if not small:
                if widespread is None:
                    widespread = _widespread(gaz, top.core)
                small = widespread
            q = 0.5 if small else 1.0
        else:
            q = 0.5 if len(name_key(top.core)) >= 5 else 0.25
        old = out.get(p.country)
        if old is None or (q, sc) > (old[0], old[2]):
            out[p.country] = (q, p, sc, exact)
    return out
