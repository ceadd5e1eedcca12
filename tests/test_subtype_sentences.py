"""Every ACLED sub-event type, told in plain sentences of our own (two per sub-type): the reader
gives exactly one incident of that sub-type for each."""

from __future__ import annotations

from pathlib import Path

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

_ROWS = [
    line.rstrip("\n").split("\t")
    for line in (Path(__file__).parent / "fixtures/reader/subtype_sentences.tsv").open(encoding="utf-8")
    if line.strip() and not line.startswith("#")
]


def test_all_25_sub_types_are_covered() -> None:
    assert len({sub for sub, _ in _ROWS}) == 25


@pytest.mark.parametrize(("sub", "sentence"), _ROWS)
def test_one_incident_of_the_sub_type(sub: str, sentence: str) -> None:
    ms = extract(report_from_text(sentence, id="s", published="2024-03-09")).incidents
    assert [m.sub_event_type for m in ms] == [sub]
