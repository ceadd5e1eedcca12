"""Resolve toponyms against the gazetteer, using what the report says around them.

Candidate lookup: the phonetic key of the name (see :mod:`reckon.geo.normalize`), then, when
nothing matches, a fuzzy pass (rapidfuzz ratio >= ``FUZZY_MIN`` on the keys) over the names that
share the query's consonant skeleton.

Scoring (highest wins): population (log scale), feature importance (country names, capitals),
the report's countries (named in the text, by demonym, or implied by its other toponyms;
candidates outside them are penalised), admin1 units named in context ("in Latakia province"),
nearness to the report's other places, spelling closeness and import priority (an imported or
local place beats a default one whose names tie: analysts import places to be found).

Precision (ACLED geo_precision): 1 = the town itself, 2 = near / outskirts / countryside of a
town (or an unresolved place placed at the town it is said to be near), 3 = admin1 or larger.
:func:`ucdp_where_prec` maps a location to UCDP's where_prec (1..7).
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from reckon.geo import sources
from reckon.geo.names import DEMONYMS
from reckon.geo.normalize import fold, light_key, name_key, same_admin1, skeleton
from reckon.geo.store import Gazetteer, GazetteerError, Hit, Place, default_path
from reckon.model import Location

FUZZY_MIN = 84.0
MIN_SCORE = 0.0  # below this, a candidate is too doubtful to take
NEAR_CHARS = 200  # an unresolved toponym is placed near a town named this close, same sentence

# Words that name no place however a gazetteer spells its villages (months, days, their
# abbreviations): kept as unresolved toponyms if an extractor passes them.
NOT_PLACES = frozenset(
    light_key(w)
    for w in (
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday "
        "Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Today Yesterday "
        "Tomorrow AFP Reuters"
    ).split()
)

_lock = threading.Lock()
_default: Gazetteer | None = None


def ensure_index(path: Path | None = None, *, progress: bool = False) -> Path:
    """Return the index path, building the default index first when it does not exist.

    The build runs in a child process so that its peak memory (~650 MB while reading the
    packaged JSON) is returned to the system before extraction goes on.
    """
    path = Path(path) if path else default_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with _BuildLock(path):
        if path.exists():  # another process built it while we waited
            return path
        return _build_index(path, progress=progress)


class _BuildLock:
    """An exclusive lock beside the index, so that concurrent first uses build it once."""

    def __init__(self, path: Path) -> None:
        self.lock_path = path.with_name(path.name + ".lock")
        self.fh = None

    def __enter__(self) -> None:
        try:
            import fcntl

            self.fh = open(self.lock_path, "a+b")
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):
            self.fh = None

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()


def _build_index(path: Path, *, progress: bool) -> Path:
    cmd = [sys.executable, "-m", "reckon.geo.build", str(path)]
    if progress:
        cmd.append("-v")
    res = subprocess.run(cmd, capture_output=not progress, text=True, check=False)
    if res.returncode != 0 or not path.exists():
        err = (res.stderr or "").strip().splitlines()[-1:] if not progress else []
        raise GazetteerError(f"could not build the gazetteer at {path}: {' '.join(err)}")
    if not os.environ.get("RECKON_GAZETTEER") and path == default_path():
        # indexes of older data or code in the cache are no longer used
        for old in path.parent.glob("gazetteer-*.sqlite"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass
    return path


def get_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The process-wide gazetteer (opened once; built on first use)."""
    global _default
    if path is not None:
        return Gazetteer(ensure_index(Path(path)))
    with _lock:
        if _default is None or not _default.path.exists():
            _default = Gazetteer(ensure_index())
        return _default


def set_gazetteer(gaz: Gazetteer | None) -> None:
    """Use this gazetteer for the process (tests, imports); None forgets it."""
    global _default
    with _lock:
        _default = gaz
    _resolver_cache.clear()


# ---------------------------------------------------------------------------------------
# toponym phrases

_SUFFIX_ADMIN = re.compile(
    r"\s+(province|provinces|governorate|governorates|region|state|oblast|prefecture|"
    r"department|county)$",
    re.IGNORECASE,
)
_PREFIX_ADMIN = re.compile(
    r"^(the\s+)?(province|governorate|region|state|oblast|county)\s+of\s+", re.IGNORECASE
)
_SUFFIX_NEAR = re.compile(
    r"\s+(countryside|outskirts|suburbs|area|district|countryside area|environs|vicinity|"
    r"territory|local government area|lga|county|sub-?district|cercle|commune)$",
    re.IGNORECASE,
)
_SUFFIX_TOWN = re.compile(
    r"\s+(city|town|village|camp|refugee camp|neighbourhood|neighborhood|municipality)$",
    re.IGNORECASE,
)
_PREFIX_TOWN = re.compile(r"^(the\s+)?(city|town|village)\s+of\s+", re.IGNORECASE)
_PREFIX_NEAR = re.compile(
    r"^(near|outside|outskirts of|the outskirts of|countryside of|the countryside of|"
    r"vicinity of|the vicinity of|(north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west)\s+of\s+)\s*",
    re.IGNORECASE,
)
_PREFIX_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Toponym:
    core: str  # the place name itself
    feature: str | None  # "admin1" when the phrase names a province, "city" for a town
    precision: int | None  # 2 when the phrase says near / outskirts / countryside


def parse_toponym(text: str) -> Toponym:
    """Split "Latakia province", "outskirts of Jableh", "the town of Safita" into name + hints."""
    s = " ".join(text.split()).strip(" ,.;:")
    feature: str | None = None
    precision: int | None = None
    m = _PREFIX_NEAR.match(s)
    if m and len(s) > m.end():
        s, precision = s[m.end() :], 2
    for pat in (_SUFFIX_ADMIN, _SUFFIX_ADMIN, _PREFIX_ADMIN):
        new = pat.sub("", s)
        if new != s and new:
            s, feature = new, "admin1"
    new = _SUFFIX_NEAR.sub("", s)
    if new != s and new:
        s, precision = new, 2
    for pat in (_SUFFIX_TOWN, _PREFIX_TOWN):
        new = pat.sub("", s)
        if new != s and new:
            s, feature = new, feature or "city"
    s = _PREFIX_THE.sub("", s)
    return Toponym(s, feature, precision)


# ---------------------------------------------------------------------------------------
# context


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


def _drop_borrowed(hits: list[Hit]) -> list[Hit]:
    """Drop a town found only under an alternate name when another town of the same country
    and at least half its size bears the name as its own (GeoNames lists some towns' names
    among a neighbour's alternates: "Slov'yansk" under Nikopol)."""
    owners = [h.place for h in hits if h.main and h.place.feature == "city"]
    if not owners:
        return hits
    return [
        h
        for h in hits
        if h.main
        or h.place.feature != "city"
        or not any(
            o.country == h.place.country and o.population >= 0.5 * h.place.population
            for o in owners
        )
    ]


def candidates(gaz: Gazetteer, name: str, *, always_fuzzy: bool = False) -> list[Hit]:
    """Places whose names match this name (by key, else fuzzily; with ``always_fuzzy`` the
    fuzzy matches are added to the key matches)."""
    key = name_key(name)
    if not key:
        return []
    hits = _drop_borrowed(list(gaz.lookup(key)))
    words = name.split()
    if len(words[-1]) > 4 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        # a possessive without its apostrophe ("Idlibs countryside", "Syrias")
        bare = " ".join([*words[:-1], words[-1][:-1]])
        seen = {h.place.pid for h in hits}
        ql = light_key(bare)
        hits += [
            Hit(h.place, h.matched, h.main, 0.97)
            for h in gaz.lookup(name_key(bare))
            if h.place.pid not in seen and h.matched == ql
        ]
    if (hits and not always_fuzzy) or len(key) < 4:
        return hits
    bucket = gaz.skeleton_names(skeleton(key))
    if not bucket:
        return hits
    keys = sorted({k for k, _l, _p, _m in bucket} - {key})
    matches = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5)
    out: dict[int, Hit] = {h.place.pid: h for h in hits}
    for mkey, score, _i in matches:
        for h in gaz.lookup(mkey):
            if h.place.pid not in out:
                out[h.place.pid] = Hit(h.place, h.matched, h.main, score / 100.0)
    return list(out.values())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score(hit: Hit, top: Toponym, ctx: Context, *, exclude_self: bool = False) -> float:
    p = hit.place
    if p.feature == "admin1":
        s = (
            2.0
            + (6.0 if top.feature == "admin1" else 0.0)
            - (3.0 if top.feature == "city" else 0.0)
        )
    elif p.feature == "country":
        s = 7.0
    else:
        s = 0.6 * math.log10(max(p.population, 500))
        if top.feature == "admin1":
            s -= 1.5
        if p.fcode == "PPLC":
            s += 0.5
    ql = light_key(top.core)
    countries = ctx.countries_for(ql, exclude_self=exclude_self)
    if countries:
        w = countries.get(p.country or "")
        s += 3.0 * w if w else -3.0
        if w and p.fcode == "PPLC":
            s += 1.5  # the capital of a country the report names (Damascus in a report on Syria)
    if ctx.admin1s and p.admin1 and p.feature != "country":
        if any(c == p.country and same_admin1(a, p.admin1) for c, a, _ in ctx.admin1s):
            s += 2.0
    if ctx.local and p.admin1 and p.feature != "country":
        s += max(
            (w for c, a, w in ctx.local if c == p.country and same_admin1(a, p.admin1)),
            default=0.0,
        )
    if ctx.points and p.lat is not None and p.feature in ("city", "other"):
        d = min(haversine_km(p.lat, p.lon, a, b) for a, b in ctx.points)
        if d < 1.0:
            s += 0.5  # the same place mentioned again
        elif d < 60:
            s += 1.0
        elif d < 200:
            s += 0.5
    if hit.matched == ql:
        s += 0.5
    else:
        s -= 1.5 * (1.0 - fuzz.ratio(ql, hit.matched) / 100.0)
    if hit.main:
        s += 0.2
    s -= (1.0 - hit.fuzzy) * 25.0
    s += 0.8 * p.prio
    return s


def _best(
    gaz: Gazetteer, top: Toponym, ctx: Context, *, fuzzy: bool = True, min_sim: float = 0.0
) -> tuple[Place, float, Hit] | None:
    hits = (
        candidates(gaz, top.core) if fuzzy else _drop_borrowed(list(gaz.lookup(name_key(top.core))))
    )
    if min_sim:
        ql = light_key(top.core)
        hits = [h for h in hits if fuzz.ratio(ql, h.matched) >= 100 * min_sim]
    if not hits:
        return None
    scored = sorted(
        ((score(h, top, ctx), h.place.pid, h) for h in hits), key=lambda t: (-t[0], t[1])
    )
    s, _pid, h = scored[0]
    return h.place, s, h


def _best_in_country(gaz: Gazetteer, top: Toponym, ctx: Context) -> tuple[Place, float, Hit] | None:
    """The best candidate (key or fuzzy match) inside the report's main countries."""
    if light_key(top.core) in NOT_PLACES:
        return None
    countries = ctx.countries_for(light_key(top.core), exclude_self=True)
    if not countries:
        return None
    ql = light_key(top.core)
    main = ctx.top_country(ql)
    near = (
        sources.neighbours().get(main, frozenset())
        if main and _named_only(ctx, main, ql)
        else frozenset()
    )
    hits = [
        h
        for h in candidates(gaz, top.core, always_fuzzy=True)
        if h.place.feature != "country"
        and (
            countries.get(h.place.country or "", 0.0) >= 0.75
            # a sizeable town of a neighbour under its own name ("Jenin" in a report of
            # Israeli raids)
            or ((h.place.country or "") in near and _neighbour_town(h, ql))
        )
    ]
    if not hits:
        return None

    def supported(h: Hit) -> bool:
        """A reading under another spelling (a key or fuzzy match) needs the report's other
        places around it, when the report names any."""
        p = h.place
        if h.fuzzy >= 1.0 and (h.matched == ql or not (ctx.points or ctx.admin1s)):
            return True
        if (p.country or "") in near and _neighbour_town(h, ql):
            return True
        if any(c == p.country and same_admin1(a, p.admin1) for c, a, _ in ctx.admin1s):
            return True
        return p.lat is not None and any(
            haversine_km(p.lat, p.lon, a, b) < 100 for a, b in ctx.points
        )

    hits = [h for h in hits if supported(h)]
    if not hits:
        return None
    s, _pid, h = min(
        ((score(h, top, ctx), h.place.pid, h) for h in hits), key=lambda t: (-t[0], t[1])
    )
    return h.place, s, h


_resolver_cache: dict[tuple, Location] = {}


def resolve(
    gaz: Gazetteer,
    name: str,
    ctx: Context | None = None,
    *,
    precision_hint: int | None = None,
    offset: int | None = None,
    within_town: bool = False,
) -> Location:
    """Resolve one toponym in context. Unresolved names are kept (resolved=False) with the most
    specific containing area the context gives."""
    ctx = ctx or Context()
    top = parse_toponym(name)
    if top.core != name and any(h.matched == light_key(name) for h in gaz.lookup(name_key(name))):
        # the whole phrase is a name in its own right ("Damascus Countryside", "Western Equatoria")
        top = Toponym(name, None, None)
    if within_town and offset is not None:
        # a square, street or quarter: placed at the town the sentence names
        loc = Location(name=name)
        if _place_near_town(loc, ctx, offset, precision=max(1, precision_hint or 1)):
            return loc
    ck = (id(gaz), str(gaz.path), top, ctx.key(), precision_hint, within_town)
    cached = _resolver_cache.get(ck) if offset is None else None
    if cached is not None:
        return _copy(cached, name)
    best = _best(gaz, top, ctx) if light_key(top.core) not in NOT_PLACES else None
    if best is not None and not _acceptable(best[0], best[1], best[2], top, ctx):
        # a namesake abroad: the best reading inside the report's countries, if any
        best = _best_in_country(gaz, top, ctx)
    loc = Location(name=name)
    if best is not None and _acceptable(best[0], best[1], best[2], top, ctx):
        place_to_location(gaz, best[0], loc)
        loc.resolved = True
        prec = loc.precision or 1
        if top.precision == 2 or precision_hint == 2:
            prec = max(prec, 2)
        if precision_hint and precision_hint > prec:
            prec = precision_hint
        loc.precision = prec
    else:
        part = _resolve_words(gaz, top, ctx, precision_hint) if len(_words(top.core)) > 1 else None
        if part is not None:
            _fill_from(loc, part)
        else:
            _fallback_area(gaz, loc, ctx, offset)
    if offset is None:
        if len(_resolver_cache) > 20_000:
            _resolver_cache.clear()
        _resolver_cache[ck] = _copy(loc, name)
    return loc


_DIRECTION_ADJ = frozenset(
    "northern southern eastern western central north south east west northeastern "
    "northwestern southeastern southwestern rural greater".split()
)
_PARTICLES = frozenset(
    "abu bin ibn um umm beit bayt kafr kfar tal tel tell ras wadi bir deir dayr khan jabal jebel "
    "jisr ain ayn hay qasr sheikh shaykh sidi new old upper lower saint san santa port mount "
    "lake river city town village camp dam".split()
)
_RANK = {"town": 0, "other": 0, "admin2": 1, "admin1": 2, "country": 3}


# "Abuja-Kaduna", "Kaduna–Zaria": two capitalised names joined by a hyphen or dash name a road
# or a border between them, not one place ("al-Bab", "Deir ez-Zor", "Ras al-Ain" keep theirs)
_ROUTE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*[a-z])\s?[-–—]\s?(?=[A-Z][a-z])")


def route_ends(name: str) -> list[str]:
    """The places a route name joins ("Abuja-Kaduna" -> Abuja, Kaduna); [] for other names."""

    def cut(m: re.Match[str]) -> str:
        left = m.group(1)
        if len(left) < 3 or left.lower() in _PARTICLES or left.lower() in _ARTICLES:
            return m.group(0)  # "Deir Al-Zour", "Abu-Kamal": one name
        return left + "\x00"

    parts = [p.strip() for p in _ROUTE.sub(cut, name).split("\x00")]
    return parts if len(parts) > 1 and all(len(p) >= 3 for p in parts) else []


_ARTICLES = frozenset("al el ad as ash at ar az an ed es ez en der den van von ben".split())


def _words(core: str) -> list[str]:
    """The words of a name; the two ends of a route count as separate words."""
    return [w for part in (route_ends(core) or [core]) for w in part.split()]


def _resolve_words(
    gaz: Gazetteer, top: Toponym, ctx: Context, precision_hint: int | None
) -> Location | None:
    """A toponym that does not resolve as a whole ("Saraqeb Idlib", "Western Homs", "Aleppo
    Syrian"): the most specific run of its words that resolves under its exact spelling, with
    an admin1 among the other words as its container. A dropped compass adjective makes the
    precision 2."""
    words = _words(top.core)
    countries = ctx.countries
    found: list[tuple[int, int, int, Location]] = []
    for n in range(len(words) - 1, 0, -1):
        for i in range(0, len(words) - n + 1):
            sub = " ".join(words[i : i + n])
            if sub.lower() in _DIRECTION_ADJ or sub.lower() in _PARTICLES or len(sub) < 3:
                continue
            ql = light_key(sub)
            hits = gaz.lookup(name_key(sub))
            own = any(h.matched == ql for h in hits)
            if not own and (i > 0 or len(sub.split()) < 2 or not hits):
                # under another spelling only a name's opening words ("Deir el-Zour Syria"):
                # one word, or words inside, are too loose ("Car" is no Kar, "Gulf Arab")
                continue
            got = resolve(gaz, sub, ctx)
            # a part of a name is trusted only inside the report's countries (or, when the
            # report names none, a province, a country or a well-known city under its own name)
            ok = (
                countries.get(got.iso or "", 0.0) >= 0.5
                if countries
                else got.feature in ("admin1", "country")
                or (own and any(h.place.geonameid == got.geonameid and _big(h.place) for h in hits))
            )
            if got.resolved and ok:
                found.append((_RANK.get(got.feature or "", 4), -n, i, got))
    if not found:
        return None
    found.sort(key=lambda t: t[:3])
    best = found[0][3]
    containers = [f[3] for f in found[1:] if f[3].feature == "admin1" and f[3].iso == best.iso]
    if containers and best.feature == "town" and best.admin1 != containers[0].admin1:
        # the words name a province that the town is not in: trust the province
        best = containers[0]
    prec = best.precision or 1
    if (
        any(w.lower() in _DIRECTION_ADJ for w in words)
        or top.precision == 2
        or precision_hint == 2
        or len(route_ends(top.core)) > 1
    ):
        prec = max(prec, 2)  # a compass part, or one end of a road ("Abuja-Kaduna")
    if precision_hint and precision_hint > prec:
        prec = precision_hint
    out = _copy(best, top.core)
    out.precision = prec
    return out


def _fill_from(loc: Location, got: Location) -> None:
    for f in ("country", "iso", "admin1", "admin2", "lat", "lon", "precision", "geonameid"):
        setattr(loc, f, getattr(got, f))
    loc.resolved, loc.feature = got.resolved, got.feature


def _acceptable(place: Place, s: float, hit: Hit, top: Toponym, ctx: Context) -> bool:
    """Whether the best candidate is good enough to take.

    Outside the report's countries a place is taken only when matched by its own spelling and
    well known enough to outweigh the context (so a Syrian village is never put abroad because a
    foreign place has a similar name)."""
    if place.feature == "country":
        return True
    ql = light_key(top.core)
    countries = ctx.countries_for(ql, exclude_self=True)
    main = ctx.top_country(ql)
    if (
        main
        and _named_only(ctx, main, ql)
        and (place.country or "") not in countries
        and (place.country or "") in sources.neighbours().get(main, frozenset())
        and _neighbour_town(hit, ql)
    ):
        # a report that ties itself to its country by demonyms only ("Israeli forces raided
        # Jenin"): a town of that country's neighbour, which the report does not name
        return True
    if s < MIN_SCORE:
        return False
    if hit.fuzzy < 1.0:
        # a fuzzy match only in the report's main country (or when nothing is known)
        return not countries or countries.get(place.country or "", 0.0) >= 0.5
    if not countries or (place.country or "") in countries:
        w = countries.get(place.country or "", 1.0)
        if w < 1.0 and not _big(place) and not place.prio:
            # a country the report names beside its main one (the powers in a war, a
            # neighbour): a transliteration namesake there, or a hamlet, is no reading of a
            # place in the main country ("al-Quria" is no Kur'ya in Russia)
            if hit.matched != ql:
                return False
            if w < 0.5 and place.population < FOREIGN_MIN_POP_WEAK:
                return False
        return True
    # outside the report's countries a place needs strong evidence: its own spelling (never a
    # namesake found through a transliteration key) and some size. When the report says little
    # about where it is (a demonym, one other place), a town of some thousands will do.
    support = sum(w for src, _iso, w in ctx.votes if src != ql)
    if support < 3.0:
        if hit.matched != ql:  # another spelling: only a large place ("Hodeida" for Hodeidah)
            return s >= 0.5 and _big(place) and len(name_key(top.core)) >= 5
        return s >= 0.5 and (place.population >= FOREIGN_MIN_POP_WEAK or _big(place))
    if hit.matched != ql:
        return False
    # the report is clearly about other countries: only a well-known place under its main name
    # (Moscow, Washington) or a very large one, judged without the toponym's own votes
    s = score(hit, top, ctx, exclude_self=True)
    if hit.main and _big(place):
        return s >= 1.5
    return s >= 3.5 and place.population >= FOREIGN_MIN_POP


def _neighbour_town(hit: Hit, ql: str) -> bool:
    """A neighbour's town good enough to be read for a name: under its own spelling and of
    some thousands, or under another spelling ("Jenin" for Janin) and a real town."""
    p = hit.place
    if hit.fuzzy < 1.0:
        return False
    if hit.matched == ql:
        return p.population >= FOREIGN_MIN_POP_WEAK or _big(p)
    return p.population >= NEIGHBOUR_MIN_POP_SPELLING or _big(p)


NEIGHBOUR_MIN_POP_SPELLING = 20_000


def _named_only(ctx: Context, iso: str, ql: str) -> bool:
    """Whether the report ties itself to country ``iso`` only by naming it or its people
    ("Israeli forces"), with none of its places among the report's other toponyms."""
    return not any(src and src != ql and c == iso for src, c, _w in ctx.votes)


FOREIGN_MIN_POP = 100_000  # a place this large may be named in a report on another country
FOREIGN_MIN_POP_WEAK = 5_000  # ... or this large when the report barely says where it is


def _big(place: Place) -> bool:
    """A capital, a first-order seat or a large city: places reports name from afar."""
    return place.population >= FOREIGN_MIN_POP or (place.fcode or "") in (
        "PPLC",
        "PPLA",
        "PPLG",
    )


def _copy(loc: Location, name: str) -> Location:
    return Location(
        name=name,
        span=None,
        country=loc.country,
        iso=loc.iso,
        admin1=loc.admin1,
        admin2=loc.admin2,
        lat=loc.lat,
        lon=loc.lon,
        precision=loc.precision,
        geonameid=loc.geonameid,
        resolved=loc.resolved,
        feature=loc.feature,
    )


def place_to_location(gaz: Gazetteer, p: Place, loc: Location) -> Location:
    loc.iso = p.country
    loc.country = gaz.country_name(p.country)
    loc.lat = round(p.lat, 5) if p.lat is not None else None
    loc.lon = round(p.lon, 5) if p.lon is not None else None
    loc.geonameid = p.geonameid
    if p.feature == "country":
        loc.admin1 = loc.admin2 = None
        loc.precision, loc.feature = 3, "country"
    elif p.feature == "admin1":
        loc.admin1, loc.admin2 = p.admin1, None
        loc.precision, loc.feature = 3, "admin1"
    else:
        loc.admin1, loc.admin2 = p.admin1, p.admin2
        loc.precision = 1 if p.feature != "admin2" else 2
        loc.feature = p.feature if p.feature != "city" else "town"
    return loc


_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n\s*\n")


def _sentence_break(text: str, a: int, b: int) -> bool:
    """Whether a sentence ends between offsets a and b (False when the text is unknown)."""
    return bool(text) and bool(_SENTENCE_END.search(text, a, b))


def _place_near_town(loc: Location, ctx: Context, offset: int, *, precision: int) -> bool:
    """Put an unresolved toponym at the resolved town named closest to it in the same sentence."""
    countries = ctx.countries
    near = [
        (abs(o - offset), o, m)
        for o, m in ctx.mentions
        if m.resolved
        and m.feature == "town"
        and (not countries or countries.get(m.iso or "", 0.0) >= 0.5)
        and 0 < abs(o - offset) <= NEAR_CHARS
        and not _sentence_break(ctx.text, min(o, offset), max(o, offset))
    ]
    if not near:
        return False
    m = min(near, key=lambda t: (t[0], t[1]))[2]
    loc.country, loc.iso, loc.admin1, loc.admin2 = m.country, m.iso, m.admin1, m.admin2
    loc.lat, loc.lon, loc.precision = m.lat, m.lon, precision
    loc.resolved, loc.feature = False, "unresolved"
    return True


def _fallback_area(gaz: Gazetteer, loc: Location, ctx: Context, offset: int | None) -> None:
    """Keep an unresolved toponym inside the most specific area the context gives."""
    loc.resolved = False
    loc.feature = "unresolved"
    # a resolved town mentioned close by in the text: the toponym is placed near it
    if offset is not None and _place_near_town(loc, ctx, offset, precision=2):
        return
    if ctx.admin1s:
        if offset is not None:
            iso, a1, _ = min(ctx.admin1s, key=lambda t: (abs(t[2] - offset), t[2]))
        else:
            iso, a1, _ = ctx.admin1s[0]
        unit = gaz.admin1_place(iso, a1)
        if unit is not None:
            place_to_location(gaz, unit, loc)
            loc.feature, loc.geonameid = "unresolved", None
            return
    # the one admin1 that most of the report's resolved places are in (the toponym's own votes
    # for a namesake abroad do not count)
    iso = ctx.top_country(light_key(parse_toponym(loc.name or "").core)) or ctx.top_country()
    in_country = [m.admin1 for _o, m in ctx.mentions if m.resolved and m.iso == iso and m.admin1]
    if iso and in_country:
        a1, n = Counter(in_country).most_common(1)[0]
        unit = gaz.admin1_place(iso, a1)
        if unit is not None and n / len(in_country) >= 0.6:
            place_to_location(gaz, unit, loc)
            loc.feature, loc.geonameid = "unresolved", None
            return
    if iso:
        unit = gaz.country_place(iso)
        loc.iso, loc.country = iso, gaz.country_name(iso)
        if unit is not None:
            loc.lat, loc.lon = unit.lat, unit.lon
        loc.precision = 3


def ucdp_where_prec(location: Location) -> int:
    """UCDP GED where_prec for a location.

    1 exact location, 2 within ~25 km of a known point, 3 admin2, 4 admin1, 5 a region larger
    than admin1, 6 country, 7 international waters or airspace.
    """
    name = fold(location.name or "")
    if re.search(r"\b(sea|gulf|ocean|strait|airspace|international waters)\b", name):
        if not location.admin1:
            return 7
    if location.feature == "country" or (location.iso and not location.admin1 and not location.lat):
        return 6
    if location.feature == "country":
        return 6
    if location.feature in ("admin1",) or (location.precision == 3 and location.admin1):
        return 4
    if location.precision == 3 and not location.admin1:
        return 6 if location.iso else 5
    if location.feature == "admin2":
        return 3
    if location.precision == 2:
        return 2
    if location.precision == 1 and location.resolved:
        return 1
    if location.admin2:
        return 3
    if location.admin1:
        return 4
    return 6 if location.iso else 5
