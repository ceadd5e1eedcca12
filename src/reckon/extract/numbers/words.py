"""Word lists for counts: number words, qualifiers, person and thing nouns, auxiliaries."""

from __future__ import annotations

from reckon.lexicon import load_table

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

# count words (lexicon file count_words.tsv): vague quantities as (low, best, high) and the
# qualifier phrases that bound a number
_COUNT_WORDS = load_table("count_words.tsv")


def _bound(v: str) -> int | None:
    return None if v in {"", "-"} else int(v)


_VAGUE_PLURALS = {
    r["words"]: (_bound(r["low"]), _bound(r["best"]), _bound(r["high"]))
    for r in _COUNT_WORDS
    if r["class"] == "vague_plural"
}
_VAGUE_SEVERAL = {r["words"] for r in _COUNT_WORDS if r["class"] == "several"}
_PREFIXES = sorted(
    [
        (tuple(r["words"].split()), r["class"])
        for r in _COUNT_WORDS
        if r["class"] in {"at_least", "about", "at_most"}
    ],
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
    "sept", "oct", "nov", "dec", "may/month",
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
    "thief", "thieves", "pickpocket", "pickpockets", "captain", "captains", "lieutenant",
    "sergeant", "sergeants", "colonel", "corporal", "secretary", "president", "candidate",
    "candidates", "bishop", "sheikh", "chieftain", "nun", "monk", "cook", "cooks", "chef",
    "porters", "porter", "headmen", "kolbars",
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
    "burns", "beating", "stoning", "hacking", "burning", "stabbing", "shoot", "shoots", "beats", "stabs", "hacks",
    "stones", "clubs", "tortures", "lynches",
    "shooting",
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
