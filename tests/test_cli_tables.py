"""Tables show every count kind a record holds, with distinct marks for "no upper bound" and
"not told" (issue 14)."""

from __future__ import annotations

from linkfixtures import mention, report
from reckon.commands.extract import _table
from reckon.commands.link import render_incidents
from reckon.commands.tables import LEGEND, count_cell, count_short, other_counts
from reckon.link import link_extractions
from reckon.model import Count, Extraction


def test_count_marks_are_distinct() -> None:
    assert count_cell(Count(12, 12, None)) == "12/12/+"
    assert count_cell(Count(None, 5, 5)) == "?/5/5"
    assert count_cell(Count(0, 0, 0)) == "0/0/0"
    assert count_cell(None) == "not told"
    assert count_short(Count(4, 4, 4)) == "4"
    assert count_short(Count(24, 24, None)) == "24 (24..+)"
    assert count_short(Count(None, 5, 5)) == "5 (?..5)"
    assert count_short(None) == "not told"
    assert len({count_cell(Count(3, 3, None)), count_cell(None)}) == 2


def _extraction() -> Extraction:
    text = (
        "Police arrested 14 protesters in Baniyas on Friday. Gunmen abducted two traders "
        "near Odesa the same day."
    )
    r = report("tab-1", text, "2025-05-10", "Coast Monitor")
    riot = mention(r, "Riots", "Violent demonstration", "2025-05-09", "Baniyas")
    riot.arrested = Count(14, 14, 14)
    abd = mention(r, "Violence against civilians", "Abduction/forced disappearance", "2025-05-09",
                  "Odesa")  # fmt: skip
    abd.abducted = Count(2, 2, None)
    return Extraction(r, incidents=[riot, abd])


def test_extract_table_shows_arrested_and_abducted() -> None:
    out = _table(_extraction())
    riot, abd = (line for line in out.splitlines() if line.startswith("  incident"))
    assert "killed=not told" in riot and "arrested=14" in riot and "abducted" not in riot
    assert "abducted=2 (2..+)" in abd and "arrested" not in abd
    assert LEGEND in out


def test_incidents_table_shows_other_counts_and_legend() -> None:
    incs = link_extractions([_extraction()])
    text = render_incidents(incs, "table")
    assert "other counts" in text.splitlines()[0]
    assert "arrested 14" in text and "abducted 2 (2..+)" in text
    assert "not told" in text and LEGEND in text
    assert {other_counts(i) for i in incs} == {"arrested 14", "abducted 2 (2..+)"}


def test_incidents_csv_and_jsonl_carry_every_count_kind() -> None:
    incs = link_extractions([_extraction()])
    header = render_incidents(incs, "csv").splitlines()[0].split(",")
    for kind in ("fatalities", "injured", "abducted", "arrested"):
        assert {f"{kind}_low", f"{kind}_best", f"{kind}_high"} <= set(header)
