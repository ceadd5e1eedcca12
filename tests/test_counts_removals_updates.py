"""Abductions told by a verb of taking people away, and a death toll told again as it rises:
sentences and reports of our own (none taken from any evaluation file)."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.extract.numbers import find_counts
from reckon.ingest import report_from_text


def _abducted(text: str) -> list[int | None]:
    return [m.count.best for m in find_counts(text) if m.kind == "abducted"]


# a verb of taking people away, with "away"/"off", "into" a vehicle or the bush, or "hostage"
TAKEN_AWAY = [
    ("Bandits carried away at least 15 people including a village head.", 15),
    ("Gunmen took away a dozen villagers after the raid.", 12),
    ("Armed men forced seven young people, the youngest aged 16, into two vans.", 7),
    ("Gunmen marched 16 students and a teacher into the bush.", 17),
    ("Militants took 12 passengers hostage at the roadblock.", 12),
    ("Six fishermen were taken away by pirates off the coast.", 6),
    ("Raiders herded 30 villagers into the forest before dawn.", 30),
    ("The rebels dragged two aid workers from their car and drove off.", 2),
    ("Kidnappers whisked away three engineers from the quarry.", 3),
    ("Fighters carried off nine women from the market.", 9),
]
NOT_TAKEN_AWAY = [
    "Rescuers took 12 people to hospital.",
    "Soldiers forced residents to flee their homes.",
    "Thousands of protesters marched on parliament.",
    "Police took 40 protesters into custody.",
]


@pytest.mark.parametrize(("text", "best"), TAKEN_AWAY)
def test_people_taken_away_are_abducted(text: str, best: int) -> None:
    assert _abducted(text) == [best]


@pytest.mark.parametrize("text", NOT_TAKEN_AWAY)
def test_other_takings_are_no_abduction(text: str) -> None:
    assert _abducted(text) == []


def _deaths(text: str) -> list[int | None]:
    ex = extract(report_from_text(text, id="own", published="2024-05-10"))
    return [i.fatalities.best if i.fatalities else None for i in ex.incidents]


# a toll told again as it rises replaces the figures told before it, even on a later day
RISING_TOLL = [
    ("Gunmen killed five villagers in Gusau on Monday. The death toll later rose to 12 after seven "
     "more bodies were found.", 12),
    ("A car bomb killed eight people at a checkpoint in Mogadishu on Sunday. The toll has since "
     "risen to 15, hospital officials said.", 15),
    ("Militants ambushed a convoy near Djibo on Friday, killing 20 soldiers. By Saturday the death "
     "toll had climbed to 33.", 33),
    ("An air strike hit a market in Tabqa on Monday, killing nine civilians. Rescuers later pulled "
     "four more bodies from the rubble, bringing the death toll to 13.", 13),
    ("A suicide bomber struck a mosque in Peshawar on Friday, killing at least 30. The number of "
     "dead rose to 44 on Saturday.", 44),
    ("Gunmen opened fire at a bus station in Jos on Monday, killing three people. Two of the "
     "wounded later died, raising the toll to five.", 5),
    ("A landmine killed four farmers near Kidal on Tuesday. The toll rose to six when two of the "
     "injured died in hospital.", 6),
    ("Rebels attacked a village near Beni on Sunday, killing 11 people. The toll climbed to 18 as "
     "more bodies were recovered.", 18),
    ("A bomb went off in a bus in Quetta on Wednesday, killing six passengers. The death toll has "
     "risen to eight.", 8),
]  # fmt: skip


@pytest.mark.parametrize(("text", "best"), RISING_TOLL)
def test_a_rising_toll_replaces_the_first_figure(text: str, best: int) -> None:
    assert _deaths(text) == [best]


def test_a_toll_since_a_date_stays_a_toll() -> None:
    ex = extract(
        report_from_text(
            "Gunmen killed four traders in Maiduguri on Monday. The toll from attacks in the "
            "state since January has risen to 300.",
            id="own",
            published="2024-05-10",
        )
    )
    assert [i.fatalities.best if i.fatalities else None for i in ex.incidents] == [4]
