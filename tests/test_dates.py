"""Time expressions resolved against a fixed publication day (never the machine clock)."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reckon.extract.dates as dates_mod
from reckon.extract.dates import find_dateline, find_dates, resolve

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

PUB = "2025-03-10"  # a Monday

# (text, first expression found, start, end)
TABLE = [
    ("The attack took place on Tuesday.", "on Tuesday", "2025-03-04", "2025-03-04"),
    ("Officials spoke on Monday.", "on Monday", "2025-03-10", "2025-03-10"),  # same day
    ("It began last Thursday.", "last Thursday", "2025-03-06", "2025-03-06"),
    ("It was quiet last Monday.", "last Monday", "2025-03-03", "2025-03-03"),
    ("Over 300 have died since last Thursday.", "since last Thursday", "2025-03-06", "2025-03-10"),
    ("The raid happened overnight on Sunday.", "overnight on Sunday", "2025-03-09", "2025-03-10"),
    ("Jets struck overnight.", "overnight", "2025-03-09", "2025-03-10"),
    ("Fighting raged over the weekend.", "over the weekend", "2025-03-08", "2025-03-09"),
    ("Sunday's strikes hit a school.", "Sunday's", "2025-03-09", "2025-03-09"),
    ("A bomb went off on Tuesday evening.", "on Tuesday evening", "2025-03-04", "2025-03-04"),
    ("Gunmen struck late on Friday.", "late on Friday", "2025-03-07", "2025-03-07"),
    ("Shots were fired in the early hours of Sunday.", "in the early hours of Sunday",
     "2025-03-09", "2025-03-09"),
    ("Clashes erupted on Thursday and Friday.", "on Thursday and Friday", "2025-03-06", "2025-03-07"),
    ("Protesters gathered today.", "today", "2025-03-10", "2025-03-10"),
    ("Troops moved in this morning.", "this morning", "2025-03-10", "2025-03-10"),
    ("The convoy was ambushed yesterday.", "yesterday", "2025-03-09", "2025-03-09"),
    ("Two men were killed last night.", "last night", "2025-03-09", "2025-03-10"),
    ("The village was raided three days ago.", "three days ago", "2025-03-07", "2025-03-07"),
    ("Dozens were detained last week.", "last week", "2025-03-03", "2025-03-09"),
    ("A base was set up this week.", "this week", "2025-03-10", "2025-03-10"),
    ("Hundreds died earlier this month.", "earlier this month", "2025-03-01", "2025-03-09"),
    ("Looting was reported last month.", "last month", "2025-02-01", "2025-02-28"),
    ("The market was hit on March 7.", "on March 7", "2025-03-07", "2025-03-07"),
    ("The market was hit on 7 March 2025.", "on 7 March 2025", "2025-03-07", "2025-03-07"),
    ("The market was hit on March 7, 2024.", "on March 7, 2024", "2024-03-07", "2024-03-07"),
    ("Violence peaked in March 2025.", "in March 2025", "2025-03-01", "2025-03-31"),
    ("Violence peaked in late February 2025.", "in late February 2025", "2025-02-21", "2025-02-28"),
    ("Assad fell in December.", "in December", "2024-12-01", "2024-12-31"),
    ("The campaign began in early March.", "in early March", "2025-03-01", "2025-03-10"),
    ("The bombing happened in 2013.", "in 2013", "2013-01-01", "2013-12-31"),
    ("The war has killed thousands since 2011.", "since 2011", "2011-01-01", "2025-03-10"),
    ("Dozens have died since the start of the month.", "since the start of the month",
     "2025-03-01", "2025-03-10"),
    ("Strikes continued since the start of the year.", "since the start of the year",
     "2025-01-01", "2025-03-10"),
    ("Dozens were killed in the past 24 hours.", "in the past 24 hours", "2025-03-09", "2025-03-10"),
    ("Elections will be held next year.", "next year", "2026-01-01", "2026-12-31"),
    ("Talks resume next Monday.", "next Monday", "2025-03-17", "2025-03-17"),
    ("The report came out on 2025-02-14.", "2025-02-14", "2025-02-14", "2025-02-14"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expr", "start", "end"), TABLE)
def test_find_dates_against_publication(text: str, expr: str, start: str, end: str) -> None:
    found = find_dates(text, published=PUB)
    assert found, text
    d = found[0]
    assert d.span is not None and d.span.text == expr and d.span.valid_in(text)
    assert (d.start, d.end) == (start, end)
    assert d.resolved


def test_early_march_interval() -> None:
    # "early March" is days 1-10 of the month
    assert resolve("in early March", PUB) == ("2025-03-01", "2025-03-10")
    assert resolve("in mid-February", PUB) == ("2025-02-11", "2025-02-20")


def test_weekday_rule_around_the_week() -> None:
    # the most recent such day on or before publication; "last" is strictly before
    pub = "2025-03-13"  # Thursday
    expected = {
        "Monday": "2025-03-10", "Tuesday": "2025-03-11", "Wednesday": "2025-03-12",
        "Thursday": "2025-03-13", "Friday": "2025-03-07", "Saturday": "2025-03-08",
        "Sunday": "2025-03-09",
    }  # fmt: skip
    for day, iso in expected.items():
        assert resolve(f"on {day}", pub) == (iso, iso), day
    assert resolve("last Thursday", pub) == ("2025-03-06", "2025-03-06")


def test_chained_expressions_use_the_previous_date() -> None:
    text = (
        "The army said on Wednesday that it had taken the town the previous day. "
        "Hours later, drones struck a convoy. Two days later the town fell again."
    )
    found = find_dates(text, published="2025-11-20")  # a Thursday
    got = [(d.span.text, d.start, d.end, d.note) for d in found]
    assert got == [
        ("on Wednesday", "2025-11-19", "2025-11-19", "relative to publication date"),
        ("the previous day", "2025-11-18", "2025-11-18", "relative to previous date"),
        ("Hours later", "2025-11-18", "2025-11-18", "relative to previous date"),
        ("Two days later", "2025-11-20", "2025-11-20", "relative to previous date"),
    ]


def test_days_after_dates_the_earlier_event() -> None:
    text = "Troops retook the town on Wednesday, two days after rebels overran it."
    found = find_dates(text, published="2025-03-13")
    assert [(d.start, d.end) for d in found] == [
        ("2025-03-12", "2025-03-12"),
        ("2025-03-10", "2025-03-10"),
    ]


def test_anchor_kwarg() -> None:
    assert resolve("the next day", None, anchor="2025-06-18") == ("2025-06-19", "2025-06-19")
    assert resolve("hours later", None, anchor="2025-06-18") == ("2025-06-18", "2025-06-18")


def test_absolute_date_anchors_chain_without_publication() -> None:
    text = "On 18 June 2025, fighters attacked the camp. The next day they withdrew."
    found = find_dates(text)
    assert [(d.start, d.end, d.resolved) for d in found] == [
        ("2025-06-18", "2025-06-18", True),
        ("2025-06-19", "2025-06-19", True),
    ]


RELATIVE = [
    "on Tuesday", "last Thursday", "yesterday", "today", "overnight", "over the weekend",
    "last week", "earlier this month", "in December", "on March 7", "three days ago",
    "since last Thursday", "this morning", "Sunday's",
]  # fmt: skip


@pytest.mark.parametrize("expr", RELATIVE)
def test_unresolved_without_publication_date(expr: str) -> None:
    text = f"Something happened {expr}."
    found = find_dates(text)
    assert len(found) == 1
    d = found[0]
    assert (d.start, d.end, d.resolved, d.note) == (None, None, False, "no publication date")
    assert d.span is not None and d.span.valid_in(text)
    assert resolve(expr, None) == (None, None)


class _NoClockDate(_dt.date):
    @classmethod
    def today(cls):  # type: ignore[override]
        raise AssertionError("dates must never read the machine clock")


def test_never_reads_the_machine_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates_mod, "date", _NoClockDate)
    text = "On Tuesday gunmen attacked; yesterday and today more clashes; last week and in May too."
    with_pub = find_dates(text, published=PUB)
    assert all(d.resolved for d in with_pub)
    without = find_dates(text)
    today = _dt.date.today().isoformat()
    assert all(d.start is None and d.end is None for d in without)
    assert all(today not in (d.start, d.end) for d in with_pub)
    assert find_dateline(text) is None
    src = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(dates_mod.__file__).parent.glob("*.py")))
    assert "today()" not in src and ".now(" not in src and "time.time" not in src


MUST_NOT = [
    "The town has been under siege for over a decade.",
    "The truce ended a week-long feud between the clans.",
    "The fighting went on for three days.",
    "A 12-year-old boy was among the wounded.",
    "The curfew runs from 6pm to 6am.",
    "The convoy was hit on Highway 5.",
    "After a three-week offensive the town fell.",
    "Two days of clashes left the district in ruins.",
    "The army says it may march on the capital.",
    "Prices rose by 40 percent.",
]


@pytest.mark.parametrize("text", MUST_NOT)
def test_durations_and_ages_are_not_dates(text: str) -> None:
    assert find_dates(text, published=PUB) == []


def test_since_without_publication_is_open_ended() -> None:
    d = find_dates("Thousands have died since 2009.")[0]
    assert (d.start, d.end) == ("2009-01-01", None)


def test_spans_absolute_with_range() -> None:
    text = "Header text on Friday. Body: the raid on Sunday killed two."
    start = text.index("Body")
    found = find_dates(text, start, published=PUB)
    assert [d.span.text for d in found] == ["on Sunday"]
    assert found[0].span.start > start and found[0].span.valid_in(text)


def test_find_dateline() -> None:
    assert find_dateline("BEIRUT, 10 March 2025 (Reuters) - Gunmen attacked a checkpoint.") == (
        "2025-03-10"
    )
    assert find_dateline("DAMASCUS, March 10, 2025 - Shelling resumed on Monday.") == "2025-03-10"
    body = "x " * 200 + "The attack on 3 May 2024 and the raid on 9 June 2024 were linked."
    assert find_dateline(body) == "2024-06-09"
    assert find_dateline("Gunmen attacked on Tuesday, killing three.") is None
    assert find_dateline("The war began in March 2011.") is None


def test_bad_inputs_name_themselves() -> None:
    with pytest.raises(ValueError, match="published"):
        find_dates("on Monday", published="10/03/2025")
    with pytest.raises(TypeError, match="find_dates"):
        find_dates(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="find_dateline"):
        find_dateline(3)  # type: ignore[arg-type]


def test_deterministic() -> None:
    text = "On Tuesday and last week, and since December, and two days earlier."
    assert find_dates(text, published=PUB) == find_dates(text, published=PUB)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, PUB, "2024-02-29"]))
def test_arbitrary_text_never_crashes(text: str, published: str | None) -> None:
    for d in find_dates(text, published=published):
        assert d.span is not None and d.span.valid_in(text)
        if d.start and d.end:
            assert d.start <= d.end


def test_gold_evidence_dates_rate() -> None:
    """Dates found inside the gold evidence strings match the gold incident date."""
    path = SHARED / "eval" / "dev.gold.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/dev.gold.jsonl is not present")
    total = hit = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        found = find_dates(text, published=row.get("published"))
        for inc in row.get("incidents", []):
            gold = inc.get("date")
            if not gold:
                continue
            inside = []
            for ev in inc.get("evidence", []):
                at = text.find(ev)
                if at >= 0:
                    inside += [d for d in found if at <= d.span.start < at + len(ev)]
            if not inside:
                continue  # the date is given elsewhere in the report: the caller's job
            total += 1
            hit += (inside[0].start, inside[0].end) == (gold["start"], gold["end"])
    rate = hit / total
    print(f"\ndates inside gold evidence matching gold: {hit}/{total} = {rate:.3f}")
    assert rate >= 0.97


@pytest.mark.parametrize(
    ("text", "iso", "span"),
    [
        ("Tue 11 Mar 2025 Shelling hits a market. Shells struck a market.", "2025-03-11",
         "11 Mar 2025"),
        ("Market shelled in the north\n\nPublished March 11 2025 Shells struck a market.",
         "2025-03-11", "March 11 2025"),
        ("11.03.2025Get short URL Shells struck a market.", "2025-03-11", "11.03.2025"),
        ("11-03-2025 Shells struck a market.", "2025-03-11", "11-03-2025"),
        ("Date of publication 11 March 2025 Shells struck a market.", "2025-03-11",
         "11 March 2025"),
        ("Tuesday 11 March 2025 Shells struck a market.", "2025-03-11", "11 March 2025"),
    ],
)  # fmt: skip
def test_header_date(text: str, iso: str, span: str) -> None:
    from reckon.extract.dates import header_date

    got = header_date(text)
    assert got is not None and (got.start, got.end, got.span and got.span.text) == (iso, iso, span)


@pytest.mark.parametrize(
    "text",
    [
        "Shells struck a market on March 11 2025, killing three.",
        "3.5 million people have fled since 2011.",
        "Market shelled\n\nWitnesses said shells struck it on 11 March 2025.",
    ],
)
def test_no_header_date(text: str) -> None:
    from reckon.extract.dates import header_date

    assert header_date(text) is None
