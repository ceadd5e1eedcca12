"""Roles told across the clauses of one sentence: the armed subject of a 'when' clause that tells
how victims died is the perpetrator; the subject of 'died' is a victim. Sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract import extract
from reckon.ingest import report_from_text

pytestmark = pytest.mark.slow

WHEN_CLAUSE = [
    ("Two brothers were killed on Friday when masked attackers burst into their home in Uvira.", "masked attackers"),
    ("A nurse was killed as fighters entered the clinic in Beni on Saturday.", "fighters"),
    ("A pastor died when gunmen broke into the church in Kajuru on Sunday.", "gunmen"),
    ("Three villagers died on Wednesday when assailants set upon them in Djibo.", "assailants"),
    ("A man and his son were killed when gunmen burst into their house near Homs on Tuesday.", "gunmen"),
    ("Two farmers were killed on Monday when gunmen stormed their village near Kaura.", "gunmen"),
    ("A driver was killed after militiamen stopped his lorry outside Bunia on Monday.", "militiamen"),
    ("A herder was killed after bandits cornered him near Gusau on Friday.", "bandits"),
    ("Four traders were killed when insurgents blocked the road near Mafa on Thursday.", "insurgents"),
    ("An imam was killed as armed men forced their way into the mosque in Tahoua on Friday.", "armed men"),
]


@pytest.mark.parametrize(("sentence", "perpetrator"), WHEN_CLAUSE)
def test_armed_subject_of_a_when_clause_is_the_perpetrator(sentence: str, perpetrator: str) -> None:
    ex = extract(report_from_text(sentence, id="s", published="2024-03-09"))
    assert len(ex.incidents) == 1, sentence
    m = ex.incidents[0]
    assert m.event_type == "Violence against civilians"
    perps = [a.text for a in m.actors if a.role == "perpetrator"]
    assert perps == [perpetrator]
    assert all(a.type == "Civilians" for a in m.actors if a.role == "target")


DIED = [
    "Three villagers died on Wednesday when assailants set upon them in Djibo.",
    "A pastor died when gunmen broke into the church in Kajuru on Sunday.",
    "Two fishermen died after gunmen fired on their boat near Bonny on Monday.",
    "A shepherd died when militants shelled his village near Sinjar on Friday.",
    "Five pilgrims perished when gunmen ambushed their bus near Rajouri on Sunday.",
]


@pytest.mark.parametrize("sentence", DIED)
def test_the_subject_of_died_is_a_victim(sentence: str) -> None:
    ex = extract(report_from_text(sentence, id="s", published="2024-03-09"))
    assert ex.incidents, sentence
    subject = sentence.split(" died")[0].split(" perished")[0]
    roles = {a.text: a.role for m in ex.incidents for a in m.actors}
    assert roles.get(subject) in (None, "target"), roles
    assert roles.get(subject) != "perpetrator"
