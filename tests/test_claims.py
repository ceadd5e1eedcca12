"""A perpetrator named by its claim in a later sentence, and group names however capitalised."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.extract.actors import find_actors
from reckon.ingest import report_from_text


def _perpetrators(text: str) -> list[str]:
    ex = extract(report_from_text(text, published="2024-05-08"))
    return [a.text for i in ex.incidents for a in i.actors if a.role == "perpetrator"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("A roadside bomb killed three soldiers near Kismayo on Monday. "
         "Al-Shabaab (AS) later claimed the attack.", "Al-Shabaab"),
        ("An explosion tore through a bus in Quetta, killing six workers. "
         "The Balochistan Liberation Army (BLA) has claimed the bombing.",
         "Balochistan Liberation Army"),
        ("Rockets hit an army base near Metula on Tuesday, wounding two soldiers. "
         "Hezbollah said it had fired a barrage of rockets at the base.", "Hezbollah"),
        ("A drone struck a fuel depot in Bryansk overnight. "
         "Ukrainian forces said they had struck the depot.", "Ukrainian forces"),
        ("Mortar shells landed on a market in Goma, killing four traders. "
         "M23 rebels said they had shelled army positions nearby.", "M23 rebels"),
        ("A suicide car bomb hit a checkpoint in Lawdar, killing four soldiers. "
         "Al-Qaeda in the Arabian Peninsula (AQAP) subsequently claimed responsibility.",
         "Al-Qaeda in the Arabian Peninsula"),
    ],
)
def test_a_claim_names_the_perpetrator(text: str, who: str) -> None:
    assert any(who in p for p in _perpetrators(text)), _perpetrators(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Al-Qaeda in the Arabian Peninsula said so.", "Al-Qaeda in the Arabian Peninsula"),
        ("Fighters of Hayat Tahrir Al-Sham advanced.", "Hayat Tahrir Al-Sham"),
        ("Fighters of Hayat Tahrir al-Sham advanced.", "Hayat Tahrir al-Sham"),
    ],
)
def test_group_names_match_in_either_case_of_their_article(text: str, name: str) -> None:
    assert name in [a.text for a in find_actors(text, 0, len(text))]
