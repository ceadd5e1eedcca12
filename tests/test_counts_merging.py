"""Figures of one incident told over several clauses: reports of our own (none taken from any
evaluation file) run through the whole reader."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text


def _incidents(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    ex = extract(report_from_text(text, id="own", published="2024-05-10"))
    return [
        (
            i.event_type,
            i.fatalities.best if i.fatalities else None,
            i.injured.best if i.injured else None,
            i.arrested.best if i.arrested else None,
        )
        for i in ex.incidents
    ]


# what befell a crowd, told after the demonstration, is that demonstration's figures, even where
# the clause names the spot within the scene (a neighbourhood, a landmark) after its verb
CROWD_FIGURES = [
    ("Youths burned tyres and stoned police in Conakry on Thursday. A student was shot dead in the "
     "Matoto neighbourhood and eight officers were injured.", (1, 8, None)),
    ("Thousands of teachers marched peacefully through Blantyre on Monday over unpaid salaries. "
     "Police fired tear gas near the Chichiri roundabout and arrested 18 teachers.", (None, None, 18)),
    ("Opposition supporters rallied in Lome on Friday. Police fired tear gas near the Deckon "
     "junction; a nurse said 15 people were injured.", (None, 15, None)),
    ("Protesters marched on the presidency in Bishkek on Wednesday. Police detained 40 protesters "
     "near the Ala-Too square.", (None, None, 40)),
    ("Rioters torched vehicles and looted shops in Durban on Monday. A security guard was killed at "
     "the Bridge City mall, and 70 people were arrested.", (1, None, 70)),
    ("Protesters burned tyres and blocked roads in Port-au-Prince on Wednesday. Two people were "
     "shot dead in Delmas, police said.", (2, None, None)),
    ("Hundreds of supporters of the jailed leader threw stones at police in Dakar on Friday. One man "
     "was killed in the Colobane district, rescuers said.", (1, None, None)),
    ("Football fans rioted after the match in Lubumbashi on Saturday, smashing windows and attacking "
     "police. Twelve people were injured near the stadium.", (None, 12, None)),
    ("Students stormed the rector's office in Abidjan on Tuesday. Police dispersed them with tear gas "
     "and arrested 23 students at the main gate.", (None, None, 23)),
    ("Traders blocked roads and pelted police with rocks in Kano on Tuesday. At least 30 people were "
     "arrested.", (None, None, 30)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "figures"), CROWD_FIGURES)
def test_a_crowds_figures_are_the_demonstrations(text: str, figures: tuple) -> None:
    got = _incidents(text)
    assert len(got) == 1
    assert got[0][0] in ("Riots", "Protests")
    assert got[0][1:] == figures


def test_an_armed_group_elsewhere_is_its_own_incident() -> None:
    got = _incidents(
        "Students burned tyres and threw stones at police in Lusaka on Monday over fee rises. "
        "In Ndola, gunmen shot dead two traders."
    )
    assert len(got) == 2
    assert got[0][1] is None and got[1][1] == 2
