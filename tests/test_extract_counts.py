"""Counts through the whole reader: a figure told after its incident belongs to it.

Every example text here is written for these tests.
"""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow


def _incidents(text: str, title: str | None = None):
    x = extract(report_from_text(text, title=title, published="2025-06-11"))
    return x.incidents


def _figures(text: str, title: str | None = None) -> list[tuple[int | None, int | None]]:
    return [
        (
            i.fatalities.best if i.fatalities is not None else None,
            i.injured.best if i.injured is not None else None,
        )
        for i in _incidents(text, title)
    ]


# the toll in the next sentence, told with its own verb and no attacker, is the incident's
FOLLOWING_TOLL = [
    ("A roadside bomb hit an army truck near Galkayo on Monday. Three soldiers were killed and "
     "two wounded.", (3, 2)),
    ("An improvised explosive device exploded under a minibus outside Jalalabad on Tuesday. "
     "Four passengers died and six were injured.", (4, 6)),
    ("Gunmen opened fire on worshippers at a mosque in Kano on Friday. Seven people were killed, "
     "eleven wounded.", (7, 11)),
    ("A suicide bomber struck a police checkpoint in Mosul on Sunday. Five policemen died.",
     (5, None)),
    ("Rebels attacked an army base near Beni on Wednesday. Two soldiers were killed and four "
     "injured, the army said.", (2, 4)),
    ("A drone strike hit a house in Marib province on Thursday. Six civilians were killed.",
     (6, None)),
    ("Militants ambushed a convoy on the road to Diffa on Saturday. Nine soldiers were killed.",
     (9, None)),
    ("A landmine exploded under a tractor near Tessit on Monday. Two farmers died, witnesses "
     "said.", (2, None)),
    ("Shelling hit a market in Avdiivka on Tuesday morning. Eight people were killed and 15 "
     "wounded.", (8, 15)),
    ("A grenade was thrown into a bar in Bujumbura on Saturday night. One person died and 12 "
     "were hurt.", (1, 12)),
    ("BREAKING: Car bomb hit a bus station in Quetta minutes ago. Witnesses say 4 passengers "
     "dead, 7 injured.", (4, 7)),
    ("UPDATE: Mortar rounds struck a camp near Tawila this morning. Medics say 3 children dead, "
     "5 injured.", (3, 5)),
    ("A bomb went off at a bus stop in Maiduguri on Friday. Residents said 6 commuters dead.",
     (6, None)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "figures"), FOLLOWING_TOLL)
def test_a_following_toll_belongs_to_the_incident(text: str, figures: tuple) -> None:
    assert _figures(text) == [figures]


def test_arrests_after_an_attack_stay_their_own_event() -> None:
    text = (
        "A crowd beat a man to death at a market in Gusau on Saturday, police said. Three "
        "suspects have since been arrested."
    )
    types = {i.sub_event_type for i in _incidents(text)}
    assert "Arrests" in types


# per-side figures add up, in one sentence or told one after the other
SIDES = [
    ("Two soldiers were killed and three wounded on Tuesday in a firefight with rebels near "
     "Bunia, the army said. Five rebels were killed in the clash, the army added. The rebels "
     "took up arms in 1998.", 7),
    ("Police fought bandits outside Kaura on Friday; three officers were killed. Six bandits died "
     "in the clash, police said. The gang has operated in the area since 2015.", 9),
    ("Three policemen were killed on Monday when gunmen attacked a checkpoint in Zamfara. "
     "Officers killed four of the attackers in the gunfight, police said.", 7),
    ("Government troops clashed with militants near Palma on Friday. Six soldiers and nine "
     "militants were killed.", 15),
    ("Fighting broke out between two clans in Beledweyne on Sunday. Four people from one clan and "
     "three from the other were killed.", 7),
    ("Militants attacked an army post near Djibo on Saturday, killing seven soldiers. The army "
     "said 12 militants were killed in the fighting.", 19),
    ("Rebels ambushed a patrol near Rutshuru on Wednesday. Three soldiers died in the ambush, and "
     "the army said two rebels were also killed.", 5),
    ("Soldiers and jihadists clashed near Mopti on Thursday, leaving four soldiers dead. Eleven "
     "jihadists were killed in the clash, the ministry said.", 15),
    ("Police clashed with armed robbers in Kisumu on Monday. Two officers were killed and three "
     "robbers were shot dead.", 5),
    ("Militiamen attacked a border post near Kidal on Sunday and two guards were killed. Three "
     "militiamen died in the fighting, officials said. The militia was formed in 2012.", 5),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dead"), SIDES)
def test_per_side_figures_add_up(text: str, dead: int) -> None:
    assert [i.fatalities.best if i.fatalities else None for i in _incidents(text)] == [dead]


# a title that repeats the body's figure is one figure, not two
TITLE_AND_BODY = [
    ("Aleppo bomb blast kills six", "A car bomb exploded in a market in Aleppo on Tuesday, "
     "killing six people, a monitor said.", 6),
    ("Six killed in Aleppo car bomb", "A car bomb exploded in a market in Aleppo on Tuesday and "
     "six people were killed.", 6),
    ("Gunmen kill 4 at Kumasi bakery", "Two men on a motorbike opened fire on a bakery in Kumasi "
     "on Friday, killing four customers.", 4),
    ("Five shot dead in Duran", "Gunmen stormed a house in Duran on Friday and shot dead five "
     "people, police said.", 5),
    ("Roadside bomb kills three soldiers in Kunar", "A roadside bomb struck an army vehicle in "
     "Kunar province on Monday. Three soldiers were killed.", 3),
    ("Two Turkish soldiers killed in clash with PKK", "Two soldiers were killed on Tuesday in a "
     "firefight with PKK militants in Semdinli, the ministry said.", 2),
    ("Mob lynches man in Sokoto", "A mob beat a man to death at a market in Sokoto on Saturday, "
     "police said.", 1),
    ("Airstrike kills 11 in Idlib", "Warplanes struck a market in Idlib on Sunday, killing 11 "
     "civilians, rescuers said.", 11),
    ("Clashes kill 32 in Tripoli", "Rival armed factions clashed in central Tripoli on Saturday. "
     "The fighting killed 32 people and wounded 159.", 32),
    ("Bomb kills 3 in Quetta", "A bomb exploded near a police van in Quetta on Monday, killing "
     "three officers.", 3),
]  # fmt: skip


@pytest.mark.parametrize(("title", "body", "dead"), TITLE_AND_BODY)
def test_title_and_body_figure_counted_once(title: str, body: str, dead: int) -> None:
    assert [i.fatalities.best if i.fatalities else None for i in _incidents(body, title)] == [dead]
