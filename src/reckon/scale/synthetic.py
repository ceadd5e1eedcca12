"""Synthetic reports for benchmarks and scale tests, written from templates of our own.

``synthetic_reports(n, seed=...)`` returns ``n`` short reports (dicts with the JSONL fields
``id, title, text, published, source`` plus ``cluster``, the id of the incident the report tells)
that tell incidents at 274 real towns in 22 countries. Each incident is told by one to four reports
in different voices (wire, local press, an NGO statement, a coder's note, a headline), which
disagree the way real reports do: one gives the town and another only the province, one counts
"at least 4" and another 5, one says "on Tuesday" and another "on 7 May". About one report in
twenty is a syndicated copy of another with a different outlet.

Output depends only on ``n``, ``seed`` and ``per_day``: the same arguments give the same
reports, byte for byte. Incidents are spread over ``n / per_day`` days, so a larger ``n`` means
a longer period at the same density, as in a backfill of an archive.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

__all__ = ["PLACES", "synthetic_reports", "write_jsonl"]


def _load_places() -> tuple[tuple[str, str, str], ...]:
    text = (Path(__file__).with_name("data") / "places.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((t, a, c) for t, a, c in rows)


# town, admin1 as a reader would name it, country (all resolvable by the default gazetteer)
PLACES: tuple[tuple[str, str, str], ...] = _load_places()

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")  # fmt: skip

OUTLETS = (
    "Continental Wire", "Daily Ledger", "The Morning Post", "Frontline Radio", "Regional Herald",
    "City Courier", "Evening Star", "News Agency Plus", "Open Press", "The Observer Weekly",
    "Channel Seven", "Border Times",
)  # fmt: skip
NGOS = ("Relief Watch", "Civilians First", "Humanitarian Monitor", "Rights Network")

# kind -> (title noun, lead-sentence templates per voice). Slots: {who} {whom} {n} {nw} {where}
# {when}. Each kind is told with its own verbs so that reports of different kinds differ.
KINDS: dict[str, dict[str, Any]] = {
    "clash": {
        "noun": ("clashes", "fighting", "gun battle"),
        "who": ("Soldiers", "Troops", "Security forces", "Government forces"),
        "whom": ("militants", "rebel fighters", "insurgents", "armed group fighters"),
        "lead": (
            "{who} and {whom} clashed {where} {when}, leaving {n} people dead, officials said.",
            "{n} combatants were killed when {who_l} fought {whom} {where} {when}.",
            "Heavy fighting between {who_l} and {whom} {where} {when} killed {nw} people, "
            "according to a military source.",
            "A gun battle broke out {where} {when} as {whom} attacked an army post; {n} people "
            "died in the exchange of fire.",
        ),
    },
    "attack": {
        "noun": ("attack", "massacre", "killings"),
        "who": ("Gunmen", "Armed men", "Suspected militants", "Unidentified attackers"),
        "whom": ("villagers", "civilians", "farmers", "traders"),
        "lead": (
            "{who} killed {n} {whom} {where} {when}, local officials said.",
            "{who} on motorbikes stormed a village {where} {when} and shot dead {nw} {whom}.",
            "At least {n} {whom} were killed {where} {when} when {who_l} opened fire on a market.",
            "{nw} {whom} were shot dead by {who_l} {where} {when}, residents said.",
        ),
    },
    "shelling": {
        "noun": ("shelling", "artillery strike", "rocket attack"),
        "who": ("Artillery shells", "Rockets", "Mortar rounds"),
        "whom": ("residents", "civilians", "people"),
        "lead": (
            "{who} slammed into residential streets {where} {when}, killing {n} {whom}.",
            "Shelling {where} {when} killed {nw} {whom} and damaged a hospital, officials said.",
            "{n} {whom} died {where} {when} when rockets hit a bus station.",
        ),
    },
    "airstrike": {
        "noun": ("air strike", "drone strike", "air raid"),
        "who": ("Warplanes", "A military drone", "Fighter jets"),
        "whom": ("people", "civilians", "fighters"),
        "lead": (
            "An air strike {where} {when} killed {n} {whom}, witnesses said.",
            "{who} bombed a compound {where} {when}, killing {nw} {whom}.",
            "A drone strike hit a vehicle {where} {when}; {n} {whom} were killed.",
        ),
    },
    "bomb": {
        "noun": ("bombing", "roadside bomb", "explosion"),
        "who": ("A roadside bomb", "An improvised explosive device", "A bomb hidden in a cart"),
        "whom": ("soldiers", "police officers", "passengers"),
        "lead": (
            "{who} exploded {where} {when}, killing {n} {whom}.",
            "{n} {whom} were killed {where} {when} when a roadside bomb struck their convoy.",
            "A bomb blast {where} {when} killed {nw} {whom}, police said.",
        ),
    },
    "abduction": {
        "noun": ("abduction", "kidnapping", "mass kidnapping"),
        "who": ("Gunmen", "Armed bandits", "Kidnappers"),
        "whom": ("students", "passengers", "villagers", "farmers"),
        "lead": (
            "{who} abducted {n} {whom} {where} {when}, police said.",
            "{nw} {whom} were kidnapped {where} {when} by {who_l}.",
            "{who} seized {n} {whom} from their homes {where} {when}.",
        ),
    },
    "protest": {
        "noun": ("protest", "march", "demonstration"),
        "who": ("Hundreds of residents", "Traders", "Students", "Teachers"),
        "whom": ("the authorities", "the governor", "rising prices"),
        "lead": (
            "{who} marched peacefully {where} {when} to protest against {whom}.",
            "{who} staged a demonstration {where} {when}, demanding action from {whom}.",
            "A peaceful protest against {whom} drew {who_l} into the streets {where} {when}.",
        ),
    },
}

DETAILS = (
    "Several houses were set on fire before the attackers withdrew.",
    "The wounded were taken to the main hospital.",
    "Residents said the gunfire lasted for about two hours.",
    "Roads out of the town were closed for the rest of the day.",
    "Markets stayed shut the next morning.",
    "Relatives buried the dead the same evening.",
    "Local radio said reinforcements arrived after nightfall.",
    "Mobile networks in the area were down, which slowed the news.",
    "Witnesses described panic as people ran for cover.",
    "A curfew was announced by the local administration.",
    "The area has been tense for several weeks.",
    "Aid workers said families were sheltering in a school.",
    "No group has claimed responsibility so far.",
    "The regional governor called an emergency meeting.",
    "Several vehicles were burned.",
    "Displaced families arrived in the town by evening.",
)
ATTRIBUTIONS = (
    "a local official told reporters",
    "a health worker said by telephone",
    "a spokesman for the regional administration said",
    "two residents said",
    "a security source said",
    "a community leader said",
)
LOCAL_OPENINGS = (
    "Residents of {town} are mourning after a deadly day.",
    "Fear has gripped {town} after yesterday's violence.",
    "Shops in {town} remained closed as news spread.",
    "The people of {town} woke to grim news.",
)


def _when(rng: random.Random, day: date, published: date, voice: str) -> str:
    """The day as this report says it: a weekday, a date, 'yesterday', or a full date."""
    if voice == "coder":
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"
    gap = (published - day).days
    r = rng.random()
    if gap == 1 and r < 0.25:
        return "yesterday"
    if gap == 0 and r < 0.25:
        return "today" if rng.random() < 0.3 else "on " + WEEKDAYS[day.weekday()]
    if r < 0.6 and 0 < gap < 6:
        return "on " + WEEKDAYS[day.weekday()]
    return f"on {day.day} {MONTHS[day.month - 1]}"


def _where(rng: random.Random, town: str, admin1: str, country: str, level: str) -> str:
    if level == "admin1":
        return rng.choice(
            (
                f"in {country}'s {admin1} region",
                f"in the {admin1} region of {country}",
                f"in {admin1} province, {country}",
            )
        )
    return rng.choice(
        (
            f"in {town}, {country}",
            f"in the town of {town} in {country}",
            f"in {town} in {country}'s {admin1} region",
            f"in {town} ({admin1}, {country})",
        )
    )


def _figure(rng: random.Random, n: int) -> tuple[str, str]:
    """The count as one report tells it: digits and words; sometimes a lower bound or one less."""
    r = rng.random()
    m = n
    if r < 0.15 and n > 2:
        m = n - 1
    elif r < 0.25:
        m = n + 1
    words = NUMBER_WORDS[m] if m < len(NUMBER_WORDS) else str(m)
    return str(m), words


def _report(
    rng: random.Random, inc: dict[str, Any], voice: str, published: date, level: str
) -> tuple[str, str, str]:
    """(title, text, source) of one report of incident ``inc`` in ``voice``."""
    kind = KINDS[inc["kind"]]
    town, admin1, country = inc["place"]
    where = _where(rng, town, admin1, country, level)
    when = _when(rng, inc["day"], published, voice)
    n, nw = _figure(rng, inc["n"])
    who = rng.choice(kind["who"])
    slots = {
        "who": who,
        "who_l": who[0].lower() + who[1:],
        "whom": rng.choice(kind["whom"]),
        "n": n,
        "nw": nw,
        "where": where,
        "when": when,
    }
    lead = rng.choice(kind["lead"]).format(**slots)
    lead = lead[0].upper() + lead[1:]
    noun = rng.choice(kind["noun"])
    place_name = town if level == "town" else admin1
    toll = {"protest": f"{noun} in {place_name}", "abduction": f"{n} seized in {place_name}"}.get(
        inc["kind"], f"{n} dead in {noun} in {place_name}"
    )
    details = rng.sample(DETAILS, 2)
    if voice == "coder":
        tail = "" if inc["kind"] == "protest" else f" Fatalities: {n}."
        return "", f"{lead}{tail}", "coder note"
    if voice == "headline":
        return toll[0].upper() + toll[1:], lead, rng.choice(OUTLETS)
    if voice == "ngo":
        org = rng.choice(NGOS)
        title = f"{org} condemns {noun} in {admin1}"
        text = (
            f"{org} is alarmed by reports from {country}. {lead} {details[0]} "
            f"{org} calls on all parties to protect civilians."
        )
        return title, text, org
    if voice == "local":
        opening = rng.choice(LOCAL_OPENINGS).format(town=place_name)
        title = f"{place_name}: {toll}"
        return title, f"{opening} {lead} {details[0]} {details[1]}", rng.choice(OUTLETS)
    attribution = rng.choice(ATTRIBUTIONS)
    title = toll[0].upper() + toll[1:]
    text = f"{lead} {details[0]} This was confirmed later, {attribution}. {details[1]}"
    return title, text, rng.choice(OUTLETS)


def synthetic_reports(
    n: int = 20_000, *, seed: int = 13, per_day: int = 200, start: date = date(2024, 1, 1)
) -> list[dict[str, Any]]:
    """``n`` synthetic reports (JSONL fields plus ``cluster``), deterministic for the arguments."""
    return list(iter_synthetic_reports(n, seed=seed, per_day=per_day, start=start))


def iter_synthetic_reports(
    n: int = 20_000, *, seed: int = 13, per_day: int = 200, start: date = date(2024, 1, 1)
) -> Iterator[dict[str, Any]]:
    """Like :func:`synthetic_reports`, one report at a time (constant memory)."""
    rng = random.Random(seed)
    days = max(1, n // max(1, per_day))
    kinds = sorted(KINDS)
    voices = ("wire", "local", "ngo", "coder", "headline")
    made = 0
    inc_no = 0
    while made < n:
        inc_no += 1
        kind = rng.choice(kinds)
        inc = {
            "kind": kind,
            "place": rng.choice(PLACES),
            "day": start + timedelta(days=rng.randrange(days)),
            "n": 0 if kind == "protest" else rng.randint(2, 12),
        }
        k = min(n - made, rng.choice((1, 1, 2, 2, 3, 4)))
        told: list[tuple[str, str, str, str]] = []
        for j in range(k):
            published = inc["day"] + timedelta(days=rng.choice((0, 1, 1, 2)))
            if told and rng.random() < 0.05:  # a syndicated copy under another outlet
                title, text, _src, _pub = told[0]
                source = rng.choice([o for o in OUTLETS if o != _src])
                published = date.fromisoformat(_pub)
            else:
                voice = voices[(inc_no + j) % len(voices)] if j else rng.choice(voices)
                level = "admin1" if j and rng.random() < 0.25 else "town"
                title, text, source = _report(rng, inc, voice, published, level)
            told.append((title, text, source, published.isoformat()))
            made += 1
            yield {
                "id": f"syn-{made:07d}",
                "title": title,
                "text": text,
                "published": published.isoformat(),
                "source": source,
                "cluster": f"inc-{inc_no:07d}",
            }


def write_jsonl(path: str | Path, n: int, *, seed: int = 13, per_day: int = 200) -> int:
    """Write ``n`` synthetic reports as JSONL to ``path``; returns ``n``."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for rec in iter_synthetic_reports(n, seed=seed, per_day=per_day):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n
