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

import re
from dataclasses import dataclass

from text_to_num import text2num

from reckon.model import Count, Span

_KIND_ORDER = {"killed": 0, "injured": 1, "abducted": 2, "arrested": 3}

__all__ = ["CountMention", "add_counts", "find_counts", "parse_quantity"]


@dataclass(frozen=True)
class CountMention:
    kind: str  # "killed" | "injured" | "abducted" | "arrested"
    count: Count
    victims: Span | None
    trigger: Span
    negated: bool = False
    hedged: str | None = None  # "denied" | "threat" | "claimed" | None
    sentence: Span | None = None


# --------------------------------------------------------------------------------------------
# lexicons

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_NUMWORDS = set(_UNITS) | set(_SCALES)

# vague quantities: (low, best, high)
_VAGUE_PLURALS = {
    "dozens": (24, 24, None),
    "scores": (40, 40, None),
    "hundreds": (200, 200, None),
    "thousands": (2000, 2000, None),
    "millions": (2_000_000, 2_000_000, None),
}
_VAGUE_SEVERAL = {"several", "multiple", "numerous", "many", "various"}

_AT_LEAST = [
    ("at", "least"), ("more", "than"), ("over",), ("no", "fewer", "than"),
    ("no", "less", "than"), ("not", "less", "than"), ("upwards", "of"), ("in", "excess", "of"),
    ("a", "minimum", "of"), ("at", "a", "minimum"), ("well", "over"), ("over", "a"),
]  # fmt: skip
_ABOUT = [
    ("about",), ("some",), ("around",), ("roughly",), ("approximately",), ("an", "estimated"),
    ("estimated",), ("an", "approximate"), ("circa",), ("approx",),
]  # fmt: skip
_AT_MOST = [
    ("up", "to"), ("as", "many", "as"), ("nearly",), ("almost",), ("close", "to"),
    ("fewer", "than"), ("less", "than"), ("under",), ("no", "more", "than"), ("at", "most"),
    ("a", "maximum", "of"), ("just", "under"),
]  # fmt: skip
_PREFIXES = sorted(
    [(p, "at_least") for p in _AT_LEAST if p != ("over", "a")]
    + [(p, "about") for p in _ABOUT]
    + [(p, "at_most") for p in _AT_MOST],
    key=lambda x: -len(x[0]),
)

_PREFIX_INDEX: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _pq in _PREFIXES:
    _PREFIX_INDEX.setdefault(_pq[0][0], []).append(_pq)
_CORE_START = (
    set(_UNITS)
    | set(_VAGUE_PLURALS)
    | _VAGUE_SEVERAL
    | {"a", "half", "dozen", "tens", "hundreds", "both"}
)

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip

_PERSON = {
    "people", "persons", "person", "civilians", "civilian", "men", "man", "women", "woman",
    "children", "child", "kids", "boys", "boy", "girls", "girl", "babies", "baby", "infants",
    "infant", "toddler", "teenagers", "teenager", "youths", "youth", "adults", "soldiers",
    "soldier", "troops", "servicemen", "serviceman", "servicemembers", "officers", "officer",
    "policemen", "policeman", "policewomen", "police", "personnel", "guards", "guard",
    "fighters", "fighter", "militants", "militant", "rebels", "rebel", "insurgents",
    "insurgent", "gunmen", "gunman", "attackers", "attacker", "assailants", "assailant",
    "jihadists", "jihadist", "militiamen", "militiaman", "combatants", "combatant", "members",
    "member", "recruits", "recruit", "villagers", "villager", "residents", "resident",
    "farmers", "farmer", "herders", "herder", "shepherds", "shepherd", "traders", "trader",
    "workers", "worker", "journalists", "journalist", "reporters", "reporter", "doctors",
    "doctor", "nurses", "nurse", "medics", "medic", "paramedics", "paramedic", "patients",
    "patient", "students", "student", "pupils", "pupil", "teachers", "teacher", "worshippers",
    "worshipper", "pilgrims", "pilgrim", "passengers", "passenger", "drivers", "driver",
    "passers", "bystanders", "bystander", "protesters", "protester", "protestors",
    "demonstrators", "demonstrator", "mourners", "refugees", "refugee", "migrants", "migrant",
    "detainees", "detainee", "prisoners", "prisoner", "inmates", "inmate", "suspects",
    "suspect", "hostages", "hostage", "victims", "victim", "relatives", "relative", "sons",
    "son", "daughters", "daughter", "wife", "wives", "husband", "husbands", "brothers",
    "brother", "sisters", "sister", "father", "mother", "parents", "cousin", "cousins",
    "elders", "elder", "leaders", "leader", "commanders", "commander", "officials", "official",
    "councillors", "councillor", "councilor", "mayor", "chief", "activists", "activist",
    "staff", "staffers", "employees", "employee", "volunteers", "volunteer", "peacekeepers",
    "peacekeeper", "crew", "associates", "associate", "supporters", "citizens", "citizen",
    "nationals", "national", "foreigners", "foreigner", "tourists", "tourist", "contractors",
    "contractor", "engineers", "engineer", "agents", "agent", "cadets", "cadet", "conscripts",
    "guerrillas", "guerrilla", "bandits", "bandit", "kidnappers", "kidnapper", "smugglers",
    "gang", "mercenaries", "mercenary", "settlers", "settler", "family", "families",
    "individuals", "individual", "others", "other", "miners", "miner", "fishermen",
    "fisherman", "labourers", "laborers", "labourer", "clerics", "cleric", "imam", "priest",
    "priests", "monks", "nuns", "lawyers", "lawyer", "judges", "judge", "clients", "customers",
    "shoppers", "vendors", "vendor", "rider", "riders", "pedestrians", "pedestrian", "fans",
    "spectators", "guests", "worshiper", "worshipers", "survivors", "siblings", "grandchildren", "grandson", "granddaughter", "nephew",
    "niece", "uncle", "aunt", "girlfriend", "boyfriend", "neighbour", "neighbours", "neighbor",
    "neighbors", "friends", "friend", "colleagues", "colleague", "veterans", "veteran",
    "pilots", "pilot", "sailors", "sailor", "marines", "marine", "paratroopers", "gendarmes",
    "gendarme", "policewoman", "deputy", "deputies", "lawmaker", "lawmakers", "mp", "mps",
    "minister", "governor", "ambassador", "diplomat", "diplomats", "envoy", "spokesman",
    "herdsmen", "herdsman", "tribesmen", "tribesman", "clansmen", "kinsmen", "boatmen",
    "loyalists", "loyalist", "defectors", "defector", "informants", "informant", "collaborators",
}  # fmt: skip
_PERSON_SUFFIXES = ("ers", "ors", "ists", "men", "ians", "ants", "ents", "ees", "eers", "ites")
# -er / -or words that are not people ("the number of", "a senior official")
_NOT_AGENT = {
    "number", "border", "order", "water", "shelter", "center", "centre", "quarter", "tower",
    "power", "river", "corner", "letter", "matter", "chamber", "container", "computer",
    "helicopter", "tanker", "trailer", "sector", "corridor", "floor", "door", "motor",
    "tractor", "reactor", "generator", "summer", "winter", "after", "other", "later", "never",
    "under", "over", "either", "neither", "rather", "together", "whether", "however", "former",
    "danger", "anger", "hunger", "murder", "manner", "dinner", "paper", "poster", "banner",
    "cluster", "theater", "theatre", "barrier", "carrier", "cancer", "senior", "junior",
    "major", "interior", "exterior", "superior", "inferior", "latter", "upper", "lower",
    "inner", "outer", "super", "error", "honor", "honour", "labor", "labour", "rumor",
    "rumour", "terror", "horror", "favor", "favour", "color", "colour", "vapor", "armor",
    "armour", "mirror", "monitor", "counter", "encounter", "disaster", "chapter", "meter",
    "metre", "liter", "litre", "character", "register", "further", "proper",
    "weather", "leather", "silver", "copper", "cover", "offer", "powder",
    "ladder", "thunder", "wonder", "shoulder", "finger", "prior", "tenor",
    "factor", "vector",
}  # fmt: skip
# singular nouns for a group, not one person ("the crew died")
_COLLECTIVE = {
    "people", "men", "women", "children", "police", "troops", "crew", "family", "staff",
    "personnel", "gang", "other", "others",
}  # fmt: skip
_PERSON_SING_SUFFIXES = ("man", "woman", "ist", "ian", "eer", "ee")

_THINGS = {
    "vehicles", "vehicle", "cars", "car", "trucks", "truck", "tankers", "tanker", "tanks",
    "tank", "vans", "van", "buses", "bus", "houses", "house", "homes", "home", "buildings",
    "building", "shops", "shop", "stores", "drones", "drone", "missiles", "missile",
    "rockets", "rocket", "shells", "shell", "rounds", "round", "bombs", "bomb", "weapons",
    "weapon", "rifles", "rifle", "guns", "gun", "villages", "village", "towns", "town",
    "cities", "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile",
    "metres", "meters", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
    "years", "year", "decades", "decade", "minutes", "minute", "seconds", "percent",
    "dollars", "euros", "pounds", "barrels", "tonnes", "tons", "votes", "times", "sheep",
    "cattle", "goats", "cows", "camels", "animals", "livestock", "head", "acres", "hectares",
    "boats", "boat", "ships", "ship", "aircraft", "planes", "plane", "helicopters",
    "helicopter", "jets", "jet", "positions", "posts", "checkpoints", "checkpoint", "bases",
    "base", "outposts", "targets", "sites", "schools", "school", "hospitals", "hospital",
    "mosques", "mosque", "churches", "church", "roads", "road", "bridges", "bridge",
    "motorcycles", "motorcycle", "pickups", "vests", "devices", "device", "mines", "mine",
    "tents", "shelters", "wells", "farms", "fields", "crops", "warehouses", "markets",
    "storeys", "floors", "points", "goals", "it", "locations", "areas",
    "districts", "provinces", "kg", "litres", "liters", "barrel", "ammunition",
    "territory", "gas", "food", "money", "cash",
}  # fmt: skip

_TO_DEATH_VERBS = {
    "stabbed", "beat", "beaten", "stoned", "hacked", "burned", "burnt", "shot", "clubbed",
    "bludgeoned", "tortured", "starved", "kicked", "lynched", "crushed", "buried", "burn",
    "burns", "beating", "stoning", "hacking", "burning", "stabbing",
}  # fmt: skip

_PARTITIVE_PRON = {"them", "those", "whom", "these", "us", "which"}

_STOP = {
    "in", "on", "at", "of", "from", "to", "by", "with", "near", "during", "after", "before",
    "when", "while", "as", "across", "inside", "outside", "around", "along", "among",
    "including", "into", "onto", "over", "under", "for", "against", "since", "until",
    "between", "who", "which", "that", "whom", "whose", "and", "or", "but", "were", "was",
    "is", "are", "be", "been", "being", "had", "has", "have", "said", "says", "say", "the",
    "a", "an", "this", "these", "those", "there", "their", "his", "her", "its", "our",
    "where", "than", "then", "so", "if", "also", "not", "no", "later", "earlier", "yesterday",
    "today", "overnight", "through", "throughout", "via", "per", "amid", "amongst",
    "toward", "towards", "despite", "without", "within", "about", "according", "following",
    "could", "would", "will", "may", "might", "should", "must", "can", "did", "do", "does",
}  # fmt: skip

# between a subject count and its (passive / intransitive) trigger
_AUX = {
    "were", "was", "is", "are", "been", "being", "be", "had", "has", "have", "also",
    "reportedly", "reported", "later", "since", "all", "both", "each", "then", "lightly",
    "slightly", "seriously", "critically", "badly", "severely", "fatally", "mortally",
    "allegedly", "initially", "subsequently", "apparently", "confirmed", "believed", "now",
    "already", "who", "that", "said", "to", "thought", "known", "found", "left", "eventually", "instantly", "immediately", "either", "got", "get", "just",
    "feared", "likely", "presumed",
}  # fmt: skip
_MODALS = {"could", "would", "might", "may", "will", "should", "must", "can", "shall"}
_BE = {"were", "was", "is", "are", "been", "being", "be", "get", "got", "gets"}

# trigger phrases: (tokens, kind, role). Roles:
#   act  - verb / participle: takes an object after it when not passive ("killed five")
#          and closes a subject count before it ("five were killed", "five killed")
#   ger  - gerund: takes an object ("killing five")
#   intr - closes a subject count only ("five died", "six dead", "lost their lives")
#   noun - a noun after the count ("five deaths", "a dozen bodies")
#   base - infinitive: only counted with a threat or a denial ("threatened to kill ten")
#   toll - "death toll ... rose to N"
_TRIGGER_TABLE: list[tuple[str, str, str]] = []


def _t(phrases: str, kind: str, role: str) -> None:
    for p in phrases.split("|"):
        _TRIGGER_TABLE.append((p.strip(), kind, role))


_t(
    "killed|murdered|massacred|executed|assassinated|slaughtered|slain|martyred|lynched|"
    "beheaded|decapitated|burned alive|burnt alive",
    "killed",
    "act",
)
_t("shot dead|shot and killed|gunned down|shot to death|cut down", "killed", "act")
_t("gun down|guns down", "killed", "act")
_t("gunning down", "killed", "ger")
_t("die|dies", "killed", "intr")
for _v in ("beat", "beaten", "stoned", "hacked", "burned", "burnt", "stabbed", "tortured",
           "clubbed", "bludgeoned", "lynched", "starved", "crushed", "trampled"):  # fmt: skip
    _t(f"{_v} to death", "killed", "act")
_t(
    "claimed the lives of|cost the lives of|took the lives of|claiming the lives of",
    "killed",
    "act",
)
_t(
    "killing|murdering|massacring|executing|assassinating|slaughtering|shooting dead|beheading",
    "killed",
    "ger",
)
_t("kill|murder|massacre|execute|assassinate|slaughter", "killed", "base")
_t("kills|murders|massacres|executes|assassinates|slaughters|shoots dead", "killed", "act")
_t("died|perished|succumbed|dead|drowned", "killed", "intr")
_t(
    "lost their lives|lost his life|lost her life|lost their life|lives were lost|lives lost",
    "killed",
    "intr",
)
_t("deaths|fatalities|bodies|corpses|dead bodies|lives", "killed", "noun")
_t("death toll|toll", "killed", "toll")
_t("injured|wounded|hurt|maimed", "injured", "act")
_t("injuring|wounding|maiming", "injured", "ger")
_t("injure|wound|maim", "injured", "base")
_t("injures|wounds|maims", "injured", "act")
_t(
    "hospitalised|hospitalized|treated for|in critical condition|in serious condition"
    "|in a critical condition|in a serious condition|vomiting|struggling to breathe"
    "|lost a leg|lost an arm|lost a limb|lost an eye|lost his leg|lost her leg|lost limbs"
    "|lost legs|suffered injuries|sustained injuries|suffered wounds|suffered burns",
    "injured",
    "intr",
)
_t(
    "injuries|cases of breathing difficulties|cases of suffocation|cases of poisoning",
    "injured",
    "noun",
)
_t(
    "abducted|kidnapped|disappeared|forcibly disappeared|taken hostage|held hostage",
    "abducted",
    "act",
)
_t("seized|picked up|snatched", "abducted", "act_person")
_t("abducting|kidnapping|seizing|snatching", "abducted", "ger")
_t("abduct|kidnap", "abducted", "base")
_t("abducts|kidnaps", "abducted", "act")
_t("abductions|kidnappings", "abducted", "noun")
_t("arrested|detained|apprehended|rounded up", "arrested", "act")
_t("taken into custody|held in custody", "arrested", "intr")
_t("arresting|detaining|rounding up", "arrested", "ger")
_t("arrest|detain", "arrested", "base")
_t("detains", "arrested", "act")
_t("arrests|detentions", "arrested", "noun")

_TRIGGERS: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
for _p, _k, _r in _TRIGGER_TABLE:
    _toks = tuple(_p.split())
    _TRIGGERS.setdefault(_toks[0], []).append((_toks, _k, _r))
for _lst in _TRIGGERS.values():
    _lst.sort(key=lambda x: -len(x[0]))

# cheap pre-filter: a sentence without any of these stems has no count
_STEMS = re.compile(
    r"\b(?:kill|murder|massac|execut|assassin|slaughter|slain|martyr|lynch|behead|decapitat|alive"
    r"|dead|death|died|perish"
    r"|succumb|drown|li(?:fe|ves)|fatalit|bod(?:y|ies)|corpse|toll|injur|wound|hurt|maim|hospital|gun|die"
    r"|treated|condition|vomit|breath|lost|abduct|kidnap|disappear|hostage|seiz|picked up|snatch"
    r"|arrest|detain|apprehend|rounded up|rounding up|custody|casualt|gunned|shot|harm|alive"
    r"|unhurt|unharmed)",
    re.IGNORECASE,
)

_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_SENT_RE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"'”’)\]]*(?=\s|$)|\n|$)")
_INT_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")

# negations
_NEG_RE = re.compile(
    r"\b(?:(?P<who>no\s+one|no-one|nobody|none)(?:\s+(?:of\s+(?:the|them|those)(?:\s+[a-z-]+){0,2}))?"
    r"(?:\s+(?:else|other|more|more\s+people|was|were|has|have|had|been|is|are|reportedly|"
    r"seriously|badly|killed\s+or|injured\s+or|wounded\s+or|hurt\s+or|died\s+or)){0,4}"
    r"\s+(?P<v1>killed|hurt|injured|wounded|harmed|died|dead)"
    r"|(?:there\s+(?:were|was|have\s+been|had\s+been)\s+)?\bno\s+(?:(?:immediate|reported|"
    r"other|further|civilian|human|serious|major|new)\s+)?"
    r"(?P<v2>casualties|casualty|fatalities|fatality|deaths|death|injuries|injury|dead|one\s+dead|"
    r"one\s+injured|one\s+killed|one\s+hurt|loss\s+of\s+life|lives\s+lost|victims)"
    r"(?!\s+(?:toll|figures?|numbers?|count|tally|word))"
    r"|without\s+(?:any\s+)?(?P<v3>casualties|loss\s+of\s+life|injuries|fatalities)"
    r"|(?P<v4>escaped\s+unhurt|escaped\s+unharmed|were\s+unhurt|was\s+unhurt))\b",
    re.IGNORECASE,
)
_NEG_KINDS = {
    "killed": ("killed",), "died": ("killed",), "dead": ("killed",), "fatalities": ("killed",),
    "fatality": ("killed",), "deaths": ("killed",), "death": ("killed",),
    "loss of life": ("killed",), "lives lost": ("killed",), "one dead": ("killed",),
    "one killed": ("killed",), "injured": ("injured",), "wounded": ("injured",),
    "injuries": ("injured",), "injury": ("injured",), "one injured": ("injured",),
    "hurt": ("killed", "injured"), "harmed": ("killed", "injured"),
    "one hurt": ("killed", "injured"), "casualties": ("killed", "injured"),
    "casualty": ("killed", "injured"), "victims": ("killed", "injured"),
    "escaped unhurt": ("killed", "injured"), "escaped unharmed": ("killed", "injured"),
    "were unhurt": ("killed", "injured"), "was unhurt": ("killed", "injured"),
}  # fmt: skip
# a negation inside these is not a statement that nobody was hurt
_NEG_BLOCK_BEFORE = re.compile(
    r"(?:whether|if|not\s+(?:say|said|clear|known|immediately\s+clear)|unclear|unknown|"
    r"no\s+word\s+on|not\s+know|ensure|make\s+sure|so\s+that|to\s+ensure)[^.;]{0,40}$",
    re.IGNORECASE,
)

_HEDGE_DENY = {"denied", "denies", "deny", "denying", "rejected", "rejects", "refuted", "disputed"}
_HEDGE_THREAT = {"threatened", "threatens", "threaten", "threatening", "vowed", "vows",
                 "vow", "pledged", "warned", "warns", "threat", "threats", "ultimatum"}  # fmt: skip
# "claimed to have killed", "claims that it killed" (not "claimed responsibility for")
_CLAIM_NEXT = {"to", "that", "it", "they", "he", "she", "having", "its", "their"}
_HEDGE_CLAIM = {"claimed", "claims", "claim", "claiming", "boasted"}


# --------------------------------------------------------------------------------------------
# tokens


class _Toks:
    """Tokens of one sentence: lower-cased words with absolute offsets."""

    __slots__ = ("w", "s", "e", "raw", "n", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        w: list[str] = []
        s: list[int] = []
        e: list[int] = []
        raw: list[str] = []
        for m in _TOKEN_RE.finditer(text, start, end):
            t = m.group()
            raw.append(t)
            w.append(t.lower().replace("’", "'"))
            s.append(m.start())
            e.append(m.end())
        self.w, self.s, self.e, self.raw, self.n = w, s, e, raw, len(w)

    def word(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.s[i] == self.e[i - 1]

    def span(self, i: int, j: int) -> Span:
        return Span.of(self.text, self.s[i], self.e[j - 1])


def _is_person(w: str, singular: bool = False) -> bool:
    if w in _THINGS:
        return False
    if w in _PERSON:
        return True
    if len(w) < 5 or not w.isalpha():
        return False
    suf = _PERSON_SING_SUFFIXES if singular else _PERSON_SUFFIXES
    if singular:
        return w.endswith(suf) or (w.endswith(("er", "or")) and w not in _NOT_AGENT)
    return w.endswith(suf)


def _trigger_at(tk: _Toks, i: int) -> tuple[int, str, str] | None:
    """(end index, kind, role) of the longest trigger phrase starting at token i."""
    cands = _TRIGGERS.get(tk.word(i))
    if not cands:
        return None
    for toks, kind, role in cands:
        n = len(toks)
        if all(tk.word(i + k) == toks[k] for k in range(1, n)):
            return i + n, kind, role
    return None


# --------------------------------------------------------------------------------------------
# quantities


@dataclass(frozen=True, slots=True)
class _Q:
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    i: int  # first token
    j: int  # one past the last token
    numeric: bool  # an explicit number (digits or words), not a vague word


def _int_token(tk: _Toks, i: int) -> int | None:
    """Value of a digit token that can be a count of people, else None."""
    t = tk.w[i]
    if not t[0].isdigit() or not _INT_RE.fullmatch(t):
        return None
    nxt, prv = tk.word(i + 1), tk.word(i - 1)
    # glued to letters: 50C, 36th, M5, 1990s
    if i + 1 < tk.n and tk.glued(i + 1) and (nxt[:1].isalpha() or nxt in {"%", ":"}):
        return None
    if i > 0 and tk.glued(i) and (prv[:1].isalpha() or prv in {"$", "£", "€", "#", "/", "."}):
        return None
    if prv in {"$", "£", "€", "us$", "no", "no.", "number", "#"}:
        return None
    if nxt in {"%", "percent", "pm", "am", "a.m", "p.m", "gmt", "utc", "o'clock", "bc", "ad"}:
        return None
    if nxt == "per" and tk.word(i + 2) in {"cent", "day"}:
        return None
    if nxt == "-" and tk.word(i + 2) in {"year", "years", "month", "day", "hour", "week"}:
        return None
    if nxt == "/" or (nxt == "." and tk.word(i + 2)[:1].isdigit()):
        return None
    if nxt in _MONTHS or prv in _MONTHS:
        return None
    if prv in {"aged", "age", "ages", "resolution", "highway", "route", "road", "article",
               "chapter", "section", "brigade", "division", "battalion", "regiment", "unit",
               "flight", "room", "km", "kilometre", "page", "line", "level", "grade", "phase",
               "zone", "sector", "gate", "block", "apartment", "building", "camp", "hill",
               "corps", "covid", "f", "su", "t", "mig", "iskander", "m"}:  # fmt: skip
        return None
    if i > 0 and tk.raw[i - 1][:1].isupper() and prv in {"resolution", "highway", "route"}:
        return None
    v = int(t.replace(",", ""))
    if "," not in t and len(t) == 4 and 1800 <= v <= 2100 and not _is_person(nxt):
        return None  # a year
    return v


def _spelled(tk: _Toks, i: int) -> tuple[int, int] | None:
    """A spelled-out number starting at token i: (value, end index)."""
    if tk.word(i) not in _UNITS:
        return None
    j = i
    parts: list[str] = []
    while j < tk.n:
        w = tk.w[j]
        if w in _NUMWORDS:
            parts.append(w)
            j += 1
        elif w == "-" and parts and parts[-1] in _TENS and tk.word(j + 1) in _UNITS:
            j += 1
        elif (
            w == "and"
            and parts
            and parts[-1] in {"hundred", "thousand"}
            and (tk.word(j + 1) in _UNITS)
        ):
            parts.append(w)
            j += 1
        else:
            break
    if len(parts) == 1:
        return _UNITS[parts[0]], j
    try:
        return int(text2num(" ".join(parts), "en")), j
    except (ValueError, TypeError):
        return _UNITS[parts[0]], i + 1


def _core(tk: _Toks, i: int, after_trigger: bool = False) -> _Q | None:
    """A number or vague quantity at token i, without qualifier."""
    w = tk.word(i)
    if not w:
        return None
    if w[0].isdigit():
        v = _int_token(tk, i)
        if v is None:
            return None
        j = i + 1
        if tk.word(j) in {"million", "thousand", "hundred"}:
            v *= _SCALES[tk.word(j)]
            j += 1
        return _Q(v, v, v, "exact", i, j, True)
    sp = _spelled(tk, i)
    if sp is not None:
        v, j = sp
        nxt = tk.word(j)
        if nxt == "-" and tk.word(j + 1) in {"year", "month", "day", "week", "hour", "storey"}:
            return None  # "twelve-year-old", "three-day"
        if w == "one" and nxt in {"another", "way", "side", "sided"}:
            return None
        return _Q(v, v, v, "exact", i, j, True)
    if w == "a" or w == "half":
        # a dozen, half a dozen, a few, a number of, a couple of, a handful of
        n1, n2 = tk.word(i + 1), tk.word(i + 2)
        if w == "half" and n1 == "a" and n2 == "dozen":
            return _Q(6, 6, 6, "about", i, i + 3, False)
        if n1 == "dozen":
            return _Q(12, 12, 12, "about", i, i + 2, False)
        if n1 == "number" and n2 == "of":
            return _Q(2, 2, None, "vague", i, i + 3, False)
        if n1 == "couple" and n2 == "of":
            return _Q(2, 2, 2, "about", i, i + 3, False)
        if n1 == "few":
            return _Q(2, 2, None, "vague", i, i + 2, False)
        if n1 == "handful" and n2 == "of":
            return _Q(2, 2, None, "vague", i, i + 3, False)
        if n1 in _SCALES and n1 != "million" and n1 != "billion":
            v = _SCALES[n1]
            return _Q(v, v, v, "exact", i, i + 2, True)
        return None
    if w == "dozen":
        return _Q(12, 12, 12, "about", i, i + 1, False)
    if w == "tens" and tk.word(i + 1) == "of" and tk.word(i + 2) == "thousands":
        return _Q(20000, 20000, None, "vague", i, i + 3, False)
    if w == "hundreds" and tk.word(i + 1) == "of" and tk.word(i + 2) == "thousands":
        return _Q(200000, 200000, None, "vague", i, i + 3, False)
    if w in _VAGUE_PLURALS:
        hurt = {"injured", "wounded", "hurt", "killed", "dead"}
        if (
            w == "scores"
            and tk.word(i + 1) != "of"
            and not after_trigger
            # "... and scores injured", "scores were wounded": people, not results
            and tk.word(i + 1) not in hurt
            and not (tk.word(i + 1) in {"were", "more"} and tk.word(i + 2) in hurt)
        ):
            return None
        lo, be, hi = _VAGUE_PLURALS[w]
        return _Q(lo, be, hi, "vague", i, i + 1, False)
    if w in _VAGUE_SEVERAL:
        nxt = tk.word(i + 1)
        if nxt in {"hundred", "thousand"}:
            v = 2 * _SCALES[nxt]
            return _Q(v, v, None, "vague", i, i + 2, False)
        if nxt == "dozen":
            return _Q(24, 24, None, "vague", i, i + 2, False)
        if w == "many" and nxt not in {"of", "people", "civilians"} and not _is_person(nxt):
            return None
        return _Q(2, 2, None, "vague", i, i + 1, False)
    if w == "both":
        return _Q(2, 2, 2, "exact", i, i + 1, False)
    return None


def _quantity_at(tk: _Toks, i: int, after_trigger: bool = False) -> _Q | None:
    """A full quantity phrase (qualifier, number, range) starting at token i."""
    w = tk.word(i)
    if w == "between" or w == "from":
        a = _core(tk, i + 1)
        if a is not None and a.numeric and tk.word(a.j) in {"and", "to", "-", "–"}:
            b = _core(tk, a.j + 1)
            if b is not None and b.numeric and b.best >= a.best:
                return _Q(a.best, a.best, b.best, "range", i, b.j, True)
        return None
    qual = None
    k = i
    for p, q in _PREFIX_INDEX.get(w, ()):
        if all(tk.word(i + n) == p[n] for n in range(1, len(p))):
            qual, k = q, i + len(p)
            break
    if qual is None and not (w[:1].isdigit() or w in _CORE_START):
        return None
    core = _core(tk, k, after_trigger)
    if core is None:
        return None
    if core.numeric and tk.word(core.j) in {"to", "-", "–", "or"}:
        b = _core(tk, core.j + 1)
        if b is not None and b.numeric and b.best > core.best:
            if tk.word(core.j) == "-" and not (tk.glued(core.j) and tk.glued(core.j + 1)):
                pass
            else:
                lo = core.best if qual != "at_most" else None
                return _Q(lo, core.best, b.best, "range", i, b.j, True)
    if qual is None:
        return core if k == i else None
    v = core.best
    if qual == "at_least":
        return _Q(v, v, None, "at_least", i, core.j, core.numeric)
    if qual == "about":
        hi = core.high if not core.numeric else v
        return _Q(v, v, hi, "about", i, core.j, core.numeric)
    return _Q(None, v, v, "at_most", i, core.j, core.numeric)


def parse_quantity(phrase: str) -> Count | None:
    """Parse a number phrase ("at least 27", "dozens", "between 5 and 8") into a Count.

    The span of the returned Count covers the words read, as offsets into ``phrase``.
    Returns None when the phrase holds no count of people (a year, an age, a time, money).
    """
    if not isinstance(phrase, str):
        raise TypeError(f"parse_quantity expects a string, got {type(phrase).__name__}: {phrase!r}")
    tk = _Toks(phrase, 0, len(phrase))
    for i in range(tk.n):
        q = _quantity_at(tk, i, after_trigger=True)
        if q is not None:
            return Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
        w = tk.word(i)
        if w in {"no", "none", "nobody", "zero"} or (w == "no" and tk.word(i + 1) == "one"):
            return Count(0, 0, 0, "none", tk.span(i, i + 1))
        if w in {"a", "an"} and tk.n == 1:
            return Count(1, 1, 1, "exact", tk.span(i, i + 1))
    return None


def add_counts(a: Count, b: Count) -> Count:
    """Sum of two victim groups: unknown bounds stay unknown."""
    low = a.low + b.low if a.low is not None and b.low is not None else None
    best = (a.best or 0) + (b.best or 0)
    high = a.high + b.high if a.high is not None and b.high is not None else None
    if a.qualifier == b.qualifier:
        qual = a.qualifier
    elif "vague" in (a.qualifier, b.qualifier):
        qual = "vague"
    elif high is None:
        qual = "at_least"
    elif low is None:
        qual = "at_most"
    else:
        qual = "range" if low != high else "about"
    # the summed phrase has no single span without the text; find_counts sets it
    return Count(
        low, best, high, qual, a.span if b.span is None else b.span if a.span is None else None
    )


# --------------------------------------------------------------------------------------------
# noun phrases with a count


@dataclass(slots=True)
class _NP:
    count: Count
    i: int  # first token of the count
    j: int  # one past the last token of the phrase
    head: tuple[int, int] | None  # victim words (token range)
    partitive_kind: str | None = None  # "many of the wounded" -> "injured"


_SING_DET = {"a", "an", "the", "his", "her", "its", "their", "another", "one", "this", "that"}
_ORD_PRON = {"third", "fourth", "fifth", "second", "sixth"}


def _age_at(tk: _Toks, k: int) -> int:
    """Length of an age phrase at k ("63-year-old", "12 - year - old"), else 0."""
    w = tk.word(k)
    if (w[:1].isdigit() or w in _UNITS) and tk.word(k + 1) == "-" and tk.word(k + 2) == "year":
        n = 3
        if tk.word(k + 3) == "-" and tk.word(k + 4) == "old":
            n = 5
        return n
    return 0


def _scan_head(tk: _Toks, j: int, end: int, singular: bool) -> tuple[str, int, int | None]:
    """After a count at j: ("person"|"thing"|"unknown"|"none", end index, head index)."""
    k = j
    mods = 0
    last_mod = None
    while k < end and k < j + 8:
        w = tk.w[k]
        a = _age_at(tk, k)
        if a:
            k += a
            mods += 1
            continue
        if w == "-" or (w == "#" and tk.glued(k + 1)):
            k += 1
            continue
        if w in _STOP or _trigger_at(tk, k) is not None or not (w[0].isalnum()):
            break
        if w[0].isdigit() or w in _UNITS:
            break
        if w.endswith("ly") and w not in {"elderly", "family", "lonely", "unruly", "burly"}:
            break  # an adverb ends the phrase: "12 initially killed"
        if w in _THINGS and not (k + 1 < end and _is_person(tk.w[k + 1], singular)):
            return "thing", k + 1, k  # ("two village elders", "bus passengers": people)
        if _is_person(w, singular):
            h = k
            # compound heads: "crew members", "police officers", "passers-by"
            while (
                h + 1 < end
                and _is_person(tk.w[h + 1], singular)
                and tk.w[h + 1] not in _STOP
                and _trigger_at(tk, h + 1) is None
            ):
                h += 1
            e = h + 1
            if tk.word(e) == "-" and tk.word(e + 1) == "by":
                e += 2
                h = e - 1
            return "person", e, h
        last_mod = k
        mods += 1
        k += 1
    if mods and last_mod is not None:
        return "unknown", last_mod + 1, last_mod
    return "none", j, None


def _skip_age(tk: _Toks, k: int) -> int:
    """Skip "in his 40s", "in their early twenties", "in her mid-30s", "aged 34" at k."""
    if tk.word(k) == "aged" and tk.word(k + 1)[:1].isdigit():
        return k + 2
    if tk.word(k) != "in" or tk.word(k + 1) not in {"his", "her", "their"}:
        return k
    m = k + 2
    while tk.word(m) in {"early", "mid", "late", "-"}:
        m += 1
    w = tk.word(m)
    if w[:1].isdigit() and tk.word(m + 1) == "s" and tk.glued(m + 1):
        return m + 2
    if w in {"teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
             "eighties"}:  # fmt: skip
        return m + 1
    return k


def _skip_pp(tk: _Toks, k: int, end: int) -> int:
    """Skip an "of ..." / "from ..." phrase after a head noun ("members of one family",
    "two women from the Zahra district of Homs") and an age ("a man in his 40s", "aged 34")."""
    k = _skip_age(tk, k)
    if tk.word(k) not in {"of", "from"}:
        return k
    m = k + 1
    while m < end and m < k + 10:
        w = tk.w[m]
        if w in {",", ";", "and", "were", "was", "had", "have", "has", "who", "in", "on", "at",
                 "near", "when", "after", "from", "by", "with", "during", "including", "(",
                 ".", "is", "are", "been"} or _trigger_at(tk, m) is not None:  # fmt: skip
            break
        if w[0].isdigit() and tk.word(k) == "from":
            return k  # "from 40 to 52"
        m += 1
    return m


_SAY = {"say", "says", "said", "according", "reportedly", "apparently", "officials", "police",
        "witnesses", "residents", "sources", "believed", "told"}  # fmt: skip


def _skip_said(tk: _Toks, x: int, end: int) -> int:
    """Skip a short parenthetical ", they say," / ", police said," at x (a comma)."""
    for y in range(x + 2, min(end, x + 7)):
        if tk.w[y] == ",":
            if any(tk.w[z] in _SAY for z in range(x + 1, y)):
                return y + 1
            return x
        if not tk.w[y][0].isalnum():
            return x
    return x


def _np_at(
    tk: _Toks, i: int, end: int, *, strict: bool, bare: bool, after_trigger: bool
) -> _NP | None:
    """A counted noun phrase starting at token i.

    strict: the head must be a person noun (ambiguous verbs like "seized").
    bare: accept a plural person noun with no number ("killed civilians") as 2/2/None.
    """
    q = _quantity_at(tk, i, after_trigger)
    w = tk.word(i)
    if q is None:
        # "a third", "the other", "another"
        if w in {"a", "the"} and tk.word(i + 1) in _ORD_PRON | {"other"}:
            nxt = tk.word(i + 2)
            if nxt in _STOP or not nxt[:1].isalnum() or _trigger_at(tk, i + 2):
                c = Count(1, 1, 1, "exact", tk.span(i, i + 2))
                return _NP(c, i, i + 2, None)
        nxt = tk.word(i + 1)
        if w == "another" and (
            _trigger_at(tk, i + 1) or nxt in _AUX or nxt in _STOP or not nxt[:1].isalnum()
        ):
            return _NP(Count(1, 1, 1, "exact", tk.span(i, i + 1)), i, i + 1, None)
        if (
            w in {"a", "an", "the", "one"}
            and tk.word(i + 1) in {"family", "household"}
            and tk.word(i + 2) == "of"
        ):
            # "killed a family of seven": the family's members are the count
            fq = _quantity_at(tk, i + 3, True)
            if fq is not None and fq.numeric and fq.best is not None and fq.best < 100:
                c = Count(fq.low, fq.best, fq.high, fq.qualifier, tk.span(fq.i, fq.j))
                return _NP(c, i, fq.j, (i + 1, i + 2))
        if w in _SING_DET:
            if _quantity_at(tk, i + 1, after_trigger) is not None:
                if w in {"his", "her", "its", "their", "the", "these", "those"}:
                    # "his two sons", "the three men"
                    inner = _np_at(tk, i + 1, end, strict=strict, bare=False,
                                   after_trigger=after_trigger)  # fmt: skip
                    if inner is not None and inner.partitive_kind is None:
                        return inner
                return None
            kind, j, h = _scan_head(tk, i + 1, end, singular=True)
            if kind == "person" and h is not None and not tk.w[h].endswith("s"):
                if tk.w[h] in _COLLECTIVE:
                    return None
                c = Count(1, 1, 1, "exact", tk.span(i, i + 1))
                return _NP(c, i, _skip_pp(tk, j, end), (i + 1, h + 1))
            return None
        if bare and w[:1].isalpha() and w not in _STOP:
            kind, j, h = _scan_head(tk, i, end, singular=True)
            if (
                kind == "person"
                and h is not None
                and h - i <= 2
                and not tk.w[h].endswith("s")
                and tk.w[h] not in _COLLECTIVE
                and tk.w[h] not in {"people", "police", "personnel", "men", "women", "children"}
            ):
                # headline style "gun down tribal elder", "kill Papuan separatist": one
                c = Count(1, 1, 1, "exact", tk.span(i, h + 1))
                return _NP(c, i, _skip_pp(tk, h + 1, end), (i, h + 1))
            kind, j, h = _scan_head(tk, i, end, singular=False)
            if (
                kind == "person"
                and h is not None
                and h - i <= 3
                and (tk.w[h].endswith(("s", "men", "people")) or tk.w[h] in {"police", "personnel"})
            ):
                c = Count(2, 2, None, "vague", tk.span(i, h + 1))
                return _NP(c, i, _skip_pp(tk, j, end), (i, h + 1))
        return None
    j = q.j
    count = Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
    nxt = tk.word(j)
    if nxt in {"of", "from", "among"}:
        # partitive: "five of them", "two of the assailants", "many of the wounded"
        k = j + 1
        if tk.word(k) in _PARTITIVE_PRON:
            return _NP(count, i, k + 1, None)
        while tk.word(k) in {"the", "its", "their", "his", "her", "those", "these"}:
            k += 1
        if _quantity_at(tk, k, after_trigger) is not None:
            return None  # "one of the three men killed": the inner count is the figure
        t = _trigger_at(tk, k)
        if t is not None and tk.word(k) in {"wounded", "injured", "dead", "killed"}:
            return _NP(count, i, k + 1, (k, k + 1), partitive_kind=t[1])
        kind, m, h = _scan_head(tk, k, end, singular=False)
        if kind == "thing" or (strict and kind == "none"):
            return None
        if kind == "none" and nxt == "of":
            return None
        return _NP(count, i, m, (k, h + 1) if h is not None else None)
    if nxt in _THINGS and not _is_person(tk.word(j + 1), q.best == 1):
        return None
    kind, m, h = _scan_head(tk, j, end, singular=q.best == 1)
    if kind == "thing":
        return None
    if strict and kind != "person":
        return None
    if kind == "none":
        if not q.numeric and q.qualifier == "vague" and tk.word(q.j - 1) == "of":
            return None  # "dozens of" followed by nothing usable
        return _NP(count, i, j, None)
    return _NP(count, i, _skip_pp(tk, m, end), (j, h + 1) if h is not None else None)


def _skip_paren(tk: _Toks, k: int, end: int) -> int:
    """Skip ", including two women," / "(...)" after a noun phrase."""
    w = tk.word(k)
    if w == "(":
        m = k + 1
        while m < end and tk.w[m] != ")":
            m += 1
        return m + 1 if m < end else k
    if w in {"including", "includes"} or (w == "among" and tk.word(k + 1) in {"them", "whom"}):
        m = k + 1 if w != "among" else k + 2
        inner = _chain(tk, m, end, strict=False, bare=True, after_trigger=False)
        if inner is not None:
            m = inner[2]
            if tk.word(m) == ",":
                m += 1
            return m
        return k
    if w == "," and tk.word(k + 1) in {"including", "among", "mostly", "most", "many", "some",
                                        "all", "mainly", "half", "both", "several"}:  # fmt: skip
        m = k + 1
        while m < end and tk.w[m] not in {",", ";", "."}:
            m += 1
        return m + 1 if m < end and tk.w[m] == "," else k
    return k


def _skip_appositive(tk: _Toks, k: int, end: int) -> int:
    """Skip ", a father and his two sons," after a counted phrase (restates it, no new count)."""
    if tk.word(k) != ",":
        return k
    m = k + 1
    n = _np_at(tk, m, end, strict=True, bare=False, after_trigger=False)
    if n is None:
        return k
    m = n.j
    while tk.word(m) == "and":
        n2 = _np_at(tk, m + 1, end, strict=True, bare=False, after_trigger=False)
        if n2 is None:
            break
        m = n2.j
    if tk.word(m) == ",":
        return m + 1
    return k


_UNKNOWN_WORDS = {"unknown", "unspecified", "undetermined", "undisclosed", "unconfirmed"}


def _chain(tk: _Toks, i: int, end: int, *, strict: bool, bare: bool, after_trigger: bool):
    """Victim groups joined by "and": returns (Count, first, end, head range, partitive_kind)."""
    first = _np_at(tk, i, end, strict=strict, bare=bare, after_trigger=after_trigger)
    if first is None:
        return None
    total = first.count
    k = first.j
    head = first.head
    if first.partitive_kind:
        return total, i, k, head, first.partitive_kind
    k = _skip_paren(tk, k, end)
    k2 = _skip_appositive(tk, k, end)
    if k2 != k:
        return total, i, k2, head, None
    while k < end:
        w = tk.word(k)
        nk = None
        if w in {"and", "&"} or (w == "," and tk.word(k + 1) == "and"):
            nk = k + 1 if w != "," else k + 2
        elif w in {"along", "together"} and tk.word(k + 1) == "with":
            nk = k + 2
        elif w == "," and tk.word(k + 1) in {"along", "together"} and tk.word(k + 2) == "with":
            nk = k + 3
        elif w == "as" and tk.word(k + 1) == "well" and tk.word(k + 2) == "as":
            nk = k + 3
        if nk is None:
            break
        if (
            tk.word(nk) in {"an", "a"}
            and tk.word(nk + 1) in _UNKNOWN_WORDS
            and tk.word(nk + 2) == "number"
            and tk.word(nk + 3) == "of"
        ):
            # "seven soldiers and an unknown number of militants": at least seven, no top
            kind, m, h = _scan_head(tk, nk + 4, end, singular=False)
            if kind == "person" and h is not None:
                total = Count(total.low, total.best, None, total.qualifier, total.span)
                head = (head[0] if head else nk + 4, h + 1)
                k = m
                continue
        nxt = _np_at(tk, nk, end, strict=True, bare=False, after_trigger=after_trigger)
        if nxt is not None and not nxt.partitive_kind:
            total = _sum(tk, total, nxt.count)
            if nxt.head is not None:
                head = (head[0] if head else nxt.head[0], nxt.head[1])
            k = _skip_paren(tk, nxt.j, end)
            total.span = tk.span(i, nxt.head[1] if nxt.head else nxt.j)
            continue
        # "several soldiers and rebels died": same group, no new number
        kind, m, h = _scan_head(tk, nk, end, singular=False)
        if (
            kind == "person"
            and h is not None
            and _quantity_at(tk, nk) is None
            and tk.word(nk) not in _SING_DET
        ):
            head = (head[0] if head else nk, h + 1)
            k = m
            continue
        break
    return total, i, k, head, None


def _sum(tk: _Toks, a: Count, b: Count) -> Count:
    c = add_counts(a, b)
    if a.span is not None and b.span is not None:
        c.span = Span.of(tk.text, min(a.span.start, b.span.start), max(a.span.end, b.span.end))
    return c


# --------------------------------------------------------------------------------------------
# hedges


def _hedge(tk: _Toks, lo: int, t: int) -> tuple[str | None, bool]:
    """(hedge, hypothetical) from the words before token t back to the clause start lo."""
    hyp = False
    comma = False
    for k in range(t - 1, max(lo, t - 12) - 1, -1):
        w = tk.w[k]
        if w in {";"}:
            break
        if w == ",":
            comma = True
        if w in _HEDGE_DENY:
            return "denied", False
        if w in _HEDGE_THREAT and not comma:
            # "who had threatened to attack the town, stormed it and killed five": the threat
            # is the aside; the killing happened
            return "threat", False
        if w in _HEDGE_CLAIM and tk.word(k + 1) in _CLAIM_NEXT:
            return "claimed", False
        if (
            k >= t - 3
            and w in _MODALS
            and tk.word(k + 1) != "not"
            # "up to 50 people may have been killed": an uncertain past, not a future
            and not (w in {"may", "might", "could"} and tk.word(k + 1) == "have")
        ):
            hyp = True
        if k >= t - 4 and w in {"if", "unless", "whether", "risk", "danger"}:
            hyp = True
    return None, hyp


# --------------------------------------------------------------------------------------------
# main entry


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _SENT_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        if e > s and text[s:e].strip():
            # trim spaces
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append((s, e))
        if m.end() >= end:
            break
    return out


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[CountMention]:
    """Every casualty count in ``text[start:end]``, in text order, spans absolute."""
    if not isinstance(text, str):
        raise TypeError(f"find_counts expects a string, got {type(text).__name__}")
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    out: list[CountMention] = []
    for s, e in _sentences(text, start, end):
        if not _STEMS.search(text, s, e):
            continue
        out.extend(_sentence_counts(text, s, e))
    out.sort(
        key=lambda m: (
            m.count.span.start if m.count.span else m.trigger.start,
            m.trigger.start,
            _KIND_ORDER[m.kind],
        )
    )
    return out


def _elliptic_passive(tk: _Toks, ci: int, t1: int) -> bool:
    """ "A boy was killed and his mother wounded": the second verb shares the first's 'was'."""
    if tk.word(ci - 1) != "and":
        return False
    nxt = tk.word(t1)
    if nxt and (
        nxt[0].isdigit() or nxt in _SING_DET or nxt in {"him", "her", "them", "the", "two", "three"}
    ):
        return False  # "... and his son killed two guards": an active verb with an object
    return any(tk.w[y] in _BE for y in range(max(0, ci - 8), ci - 1))


def _headline_singular(tk: _Toks, i: int, end: int):
    """Headline style "Civilian killed in ...", "Police officer shot dead": one victim."""
    if not (i == 0 or tk.w[i - 1] in {":", "|", ".", ";", "-", "–", "—"}):
        return None
    if not tk.raw[i][:1].isupper():
        return None
    kind, j, h = _scan_head(tk, i, end, singular=True)
    if kind != "person" or h is None or h - i > 3 or tk.w[h].endswith("s"):
        return None
    if tk.w[h] in _COLLECTIVE:
        return None
    t = _trigger_at(tk, h + 1)
    if t is None or t[2] not in {"act", "intr"} or tk.word(t[0])[:1].isdigit():
        return None
    if _quantity_at(tk, t[0], True) is not None or tk.word(t[0]) in _SING_DET:
        return None
    return Count(1, 1, 1, "exact", tk.span(i, h + 1)), i, h + 1, (i, h + 1), None


def _sentence_counts(text: str, s: int, e: int) -> list[CountMention]:
    tk = _Toks(text, s, e)
    sent = Span.of(text, s, e)
    out: list[CountMention] = []
    used = [False] * tk.n

    # clause bounds (";" splits a sentence into clauses), one pass each way
    c_start = [0] * (tk.n + 1)
    c_end = [tk.n] * (tk.n + 1)
    for k in range(1, tk.n + 1):
        c_start[k] = k if tk.w[k - 1] == ";" else c_start[k - 1]
    for k in range(tk.n - 1, -1, -1):
        c_end[k] = k if tk.w[k] == ";" else c_end[k + 1]

    def clause_start(k: int) -> int:
        return c_start[max(0, min(k, tk.n))]

    def clause_end(k: int) -> int:
        return c_end[max(0, min(k, tk.n))]

    of_wounded: set[int] = set()  # "one of the wounded died": counted only if nothing else is

    def emit(kind, count, i, j, head, t0, t1, hedge_from=None):
        if any(used[i:j]):
            return
        hedge, hyp = _hedge(tk, clause_start(hedge_from if hedge_from is not None else i),
                            hedge_from if hedge_from is not None else i)  # fmt: skip
        if hyp:
            return
        for k in list(range(i, j)) + list(range(t0, t1)):
            used[k] = True
        victims = tk.span(head[0], head[1]) if head else None
        out.append(CountMention(kind, count, victims, tk.span(t0, t1), False, hedge, sent))

    # 1) negations
    for m in _NEG_RE.finditer(text, s, e):
        before = text[max(s, m.start() - 60) : m.start()]
        if _NEG_BLOCK_BEFORE.search(before):
            continue
        grp = next(g for g in ("v1", "v2", "v3", "v4") if m.group(g))
        word = m.group(grp)
        key = " ".join(word.lower().split())
        kinds = _NEG_KINDS.get(key)
        if kinds is None:
            key2 = key.split()[-1]
            kinds = _NEG_KINDS.get(key2, ("killed",))
        gstart = m.start(grp)
        span = Span.of(text, m.start(), m.end())
        trig = Span.of(text, gstart, gstart + len(word))
        for kind in kinds:
            out.append(
                CountMention(kind, Count(0, 0, 0, "none", span), None, trig, True, None, sent)
            )
        for k in range(tk.n):
            if m.start() <= tk.s[k] < m.end():
                used[k] = True

    # locate triggers
    trigs: list[tuple[int, int, str, str]] = []
    k = 0
    while k < tk.n:
        t = _trigger_at(tk, k)
        if t is not None and not used[k]:
            trigs.append((k, t[0], t[1], t[2]))
            k = t[0]
        else:
            k += 1

    # 2) tolls: "the death toll rose to 52", "the number of people killed has risen to six"
    for t0, t1, kind, role in trigs:
        is_number_of = (
            role in {"act", "intr", "noun"}
            and kind == "killed"
            and any(tk.word(x) == "number" and tk.word(x + 1) == "of" for x in range(t0 - 4, t0))
        )
        if role != "toll" and not is_number_of:
            continue
        if role == "toll" and tk.word(t0 - 1) not in {"death", "the", "casualty", "its", "a",
                                                      "overall", "total", "final"} and t1 - t0 == 1:  # fmt: skip
            continue
        lim = min(clause_end(t0), t1 + 22)
        for x in range(t1, lim):
            w = tk.w[x]
            if w in {"to", "at", "of", "reached", "hit", "is", "was", "stood", "stands", "now",
                     "topped", "passed", "exceeded"}:  # fmt: skip
                if tk.word(x - 1) in {"up", "down"} or (w == "from"):
                    continue
                q = _quantity_at(tk, x + 1, after_trigger=True)
                if q is not None and not any(used[q.i : q.j]):
                    if tk.word(q.j) in _THINGS:
                        continue
                    c = Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
                    emit("killed", c, q.i, q.j, None, t0, t1, hedge_from=t0)
                    break

    # 3) active verbs with an object: "killing four traders and the driver"
    for t0, t1, kind, role in trigs:
        if role not in {"act", "ger", "act_person", "base"}:
            continue
        prev = tk.word(t0 - 1)
        if prev in {"the", "of", "a", "an", "for", "his", "her", "their", "its"} and role != "act":
            continue  # "the killing of"
        if prev in {"the", "of", "a", "an", "his", "her", "their", "its", "our", "my"}:
            continue  # "the executed troops", "of the wounded", "his wounds"
        passive = False
        for x in range(t0 - 1, max(-1, t0 - 4), -1):
            if tk.w[x] in _BE:
                passive = True
                break
            if tk.w[x] not in {"also", "reportedly", "allegedly", "later", "all", "since",
                               "then", "not", "already", "seriously", "badly", "critically"}:  # fmt: skip
                break
        if passive:
            continue
        strict = role == "act_person"
        if tk.word(t1) in {"'", '"', "“", "‘"}:
            t1 += 1  # "it had killed 'scores of terrorists'"
        ch = _chain(tk, t1, clause_end(t1), strict=strict, bare=role in {"act", "ger", "base"} and
                    kind != "abducted", after_trigger=True)  # fmt: skip
        if ch is None:
            continue
        count, i, j, head, _pk = ch
        # "killed a senior official responsible for ..., along with two associates"
        ce = clause_end(j)
        for x in range(j, min(ce, j + 14)):
            if _trigger_at(tk, x) is not None:
                break
            if tk.w[x] in {"along", "together"} and tk.word(x + 1) == "with":
                more = _np_at(tk, x + 2, ce, strict=True, bare=False, after_trigger=True)
                if more is not None and more.partitive_kind is None:
                    count = _sum(tk, count, more.count)
                    count.span = tk.span(i, more.j)
                    j = more.j
                break
        if role == "base" and (
            prev in {"to", "not", "never"} | _MODALS or tk.word(t0 - 2) in _MODALS
        ):
            # "threatened to kill ten" is kept as a threat; "plans to kill" is not a count;
            # a bare present tense ("gunmen kill 2 in raid", a headline) is a count
            hedge, _ = _hedge(tk, clause_start(t0), t0)
            if hedge not in {"denied", "threat", "claimed"}:
                continue
        emit(kind, count, i, j, head, t0, t1, hedge_from=t0)

    # 3b) "claimed 14 lives", "stabbed a woman to death", "burned four men alive",
    #     "arrested him"
    for k in range(tk.n):
        w = tk.w[k]
        if used[k]:
            continue
        if w in {"claimed", "claiming", "cost", "costing", "took", "taking"}:
            q = _quantity_at(tk, k + 1, after_trigger=True)
            if q is not None:
                x = q.j + (1 if tk.word(q.j) in {"civilian", "human", "more", "innocent"} else 0)
                if tk.word(x) == "lives":
                    c = Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
                    emit("killed", c, q.i, q.j, None, k, x + 1, hedge_from=k)
            continue
        if w in _TO_DEATH_VERBS and _trigger_at(tk, k) is None:
            ch = _chain(tk, k + 1, clause_end(k), strict=True, bare=False, after_trigger=True)
            if ch is not None:
                count, i, j, head, _pk = ch
                if (tk.word(j) == "to" and tk.word(j + 1) == "death") or (
                    tk.word(j) == "alive" and w.startswith(("burn", "buri", "bury"))
                ):
                    emit("killed", count, i, j, head, k, k + 1, hedge_from=k)
            continue
        t = _trigger_at(tk, k)
        if (
            t is not None
            and t[2] in {"act", "ger", "act_person"}
            and tk.word(t[0]) in {"him", "her"}
            and not any(tk.word(y) in _BE for y in range(k - 2, k))
            and tk.word(k - 1) not in {"the", "a", "an", "of"}
        ):
            c = Count(1, 1, 1, "exact", tk.span(t[0], t[0] + 1))
            emit(t[1], c, t[0], t[0] + 1, (t[0], t[0] + 1), k, t[0], hedge_from=k)

    # 3b) "the bodies of 14 men were found": the dead are counted after "bodies of"
    for t0, t1, kind, _role in trigs:
        if kind != "killed" or tk.w[t0] not in {"bodies", "corpses"} or tk.word(t1) != "of":
            continue
        ch = _chain(tk, t1 + 1, clause_end(t1 + 1), strict=True, bare=False, after_trigger=True)
        if ch is not None:
            count, i, j, head, _pk = ch
            emit("killed", count, i, j, head, t0, t1, hedge_from=t0)

    # 4) subjects before a passive / intransitive trigger; counts before a noun trigger
    i = 0
    while i < tk.n:
        if used[i] or not (tk.w[i][0].isalnum()):
            i += 1
            continue
        ce = clause_end(i)
        ch = _chain(tk, i, ce, strict=False, bare=False, after_trigger=False)
        if ch is None:
            ch = _headline_singular(tk, i, ce)
        if ch is None:
            i += 1
            continue
        count, ci, cj, head, pkind = ch
        # skip auxiliaries / adverbs
        x = cj
        hyp = False
        while x < ce and (tk.w[x] in _AUX or tk.w[x] in _MODALS or tk.w[x] == ","):
            if tk.w[x] in _MODALS and not (
                tk.w[x] in {"may", "might", "could"} and tk.word(x + 1) == "have"
            ):
                hyp = True
            if tk.w[x] == ",":
                y = _skip_said(tk, x, ce)
                if y != x:
                    x = y
                    continue
            if tk.w[x] == "," and (
                tk.word(x + 1) not in _AUX
                or (count.span is not None and count.span.text.lower() in _SING_DET)
            ):
                break
            x += 1
        t = _trigger_at(tk, x) if x < ce else None
        if pkind is not None:
            # "many of the wounded": a count of the group itself; "one of the wounded
            # succumbed" counts a death; "11 of the injured were police officers" is a
            # subset, not a count
            if t is not None and t[1] == "killed" and t[2] in {"intr", "act"} and not hyp:
                n = len(out)
                emit("killed", count, ci, cj, head, x, t[0], hedge_from=ci)
                of_wounded.update(id(m) for m in out[n:])
                i = t[0]
                continue
            if count.qualifier != "vague":
                stop = t[0] if t is not None else cj
                for y in range(ci, stop):
                    used[y] = True
                i = stop
                continue
            emit(pkind, count, ci, cj, head, cj - 1, cj)
            i = cj
            continue
        if t is None or hyp:
            # a count directly followed by a noun trigger: "five deaths", "a dozen bodies"
            i += 1
            continue
        t1, kind, role = t
        if role == "toll" or role == "base":
            i += 1
            continue
        if role == "noun" and x != cj:
            i += 1
            continue
        if role in {"act", "act_person", "ger"} and x == cj and role != "act":
            i += 1
            continue
        if role == "act_person" and head is None:
            i += 1
            continue
        if (
            role in {"act", "act_person"}
            and x == cj
            and (
                used[x]
                or (count.span is not None and count.span.text.lower() in _SING_DET)
                or _chain(tk, t1, ce, strict=False, bare=False, after_trigger=True) is not None
            )
            and not _elliptic_passive(tk, ci, t1)
        ):
            i += 1  # "A suicide bomber killed four people": the subject is the killer
            continue
        if (
            role == "act"
            and x == cj
            and head is None
            and tk.word(x + 1)
            and (_quantity_at(tk, x + 1, True) is not None or tk.word(x + 1) in _SING_DET)
        ):
            i += 1  # "two killed three" is not a subject count
            continue
        if (
            role == "noun"
            and kind == "killed"
            and tk.w[x] == "lives"
            and tk.word(x + 1) not in {"were", "was", "have", "had", "lost"}
        ):
            i += 1
            continue
        if (
            role == "noun"
            and count.best == 1
            and (head is None or (count.span is not None and count.span.text.lower() in _SING_DET))
        ):
            i += 1
            continue
        emit(kind, count, ci, cj, head, x, t1)
        i = max(cj, i + 1)

    # 5) plural nouns with no number: "medics reported deaths" -> 2/2/None
    for t0, t1, kind, role in trigs:
        if role != "noun" or any(used[t0:t1]) or tk.w[t0] not in {"deaths", "fatalities"}:
            continue
        prev = tk.word(t0 - 1)
        prev2 = tk.word(t0 - 2)
        if prev in {"the", "of", "any", "no", "those", "these", "their", "its", "on", "for",
                    "about", "how", "whose", "what"} or prev2 in {"number", "figures", "word"}:  # fmt: skip
            continue
        if tk.word(t1) in {"of", "toll"} or (t0 > 0 and tk.w[t0 - 1][:1].isdigit()):
            continue
        if any(tk.word(x) in {"number", "figures", "figure", "tally", "count"}
               for x in range(t0 - 4, t0)):  # fmt: skip
            continue
        c = Count(2, 2, None, "vague", tk.span(t0, t1))
        emit(kind, c, t0, t1, None, t0, t1, hedge_from=t0)

    if any(m.kind == "killed" and id(m) not in of_wounded for m in out):
        # "three guards had died after one of the wounded succumbed": a step of that figure
        out = [m for m in out if id(m) not in of_wounded]
    return out
