"""Roles read from the dependency parse (``reckon.extract.syntax``), on sentences of our own."""

from __future__ import annotations

import pytest

from reckon.extract import syntax


def _roles(sentence: str, trigger: str) -> dict[str, str]:
    i = sentence.index(trigger)
    args = syntax.arguments(sentence, (0, len(sentence)), (i, i + len(trigger)))
    return {sentence[a.head[0] : a.head[1]]: a.role for a in args}


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # active subject and object
        ("Rebels attacked an army post near the border.", "attacked",
         {"Rebels": "perpetrator", "post": "target"}),
        # passive with an agent
        ("A farmer was shot dead by three masked men outside Kisumu.", "shot",
         {"farmer": "target", "men": "perpetrator"}),
        # a participle clause takes the subject of the verb it hangs on
        ("Gunmen opened fire on a minibus in Jos, killing six passengers.", "killing",
         {"Gunmen": "perpetrator", "passengers": "target"}),
        # coordination: both conjuncts undergo the event
        ("Four policemen and two guards were killed in the raid.", "killed",
         {"policemen": "target", "guards": "target"}),
        # a verb of dying: its subject is the victim
        ("Witnesses said two traders died at the market.", "died", {"traders": "target"}),
        # an event noun: "of" is its victim, "by" its doer
        ("Activists condemned the abduction of a journalist by militiamen.", "abduction",
         {"journalist": "target", "militiamen": "perpetrator"}),
        # the noun as the object of a verb of doing
        ("Insurgents carried out an attack on a police station.", "attack",
         {"Insurgents": "perpetrator", "station": "target"}),
        # a possessive doer
        ("The army's shelling of the camp lasted hours.", "shelling",
         {"army": "perpetrator", "camp": "target"}),
        # a participle modifying its victim
        ("Villagers killed by soldiers were buried on Sunday.", "killed",
         {"Villagers": "target", "soldiers": "perpetrator"}),
        # a passive without its auxiliary, as headlines and posts write it
        ("Two farmers abducted near Gusau on Sunday by gunmen in a bus.", "abducted",
         {"farmers": "target", "gunmen": "perpetrator"}),
        # "between": both sides are parties
        ("Fighting broke out between two clans over a well.", "Fighting", {"clans": "party"}),
    ],
)
def test_roles_from_the_parse(sentence: str, trigger: str, expected: dict[str, str]) -> None:
    got = _roles(sentence, trigger)
    for word, role in expected.items():
        assert got.get(word) == role, (sentence, got)


def test_role_of_an_actor_phrase_by_its_head_word() -> None:
    s = "Two members of a local militia raped a woman near the camp."
    i = s.index("raped")
    args = syntax.arguments(s, (0, len(s)), (i, i + 5))
    assert syntax.role_of(args, 0, s.index(" raped")) == "perpetrator"
    militia = s.index("local militia")
    assert syntax.role_of(args, militia, militia + len("local militia")) == "perpetrator"
    assert syntax.role_of(args, s.index("a woman"), s.index(" near")) == "target"
    assert syntax.role_of(args, s.index("camp"), s.index("camp") + 4) is None


def test_trigger_outside_the_sentence_gives_nothing() -> None:
    s = "Rebels attacked a post."
    assert syntax.arguments(s, (0, 10), (11, 19)) == []


def test_parses_are_deterministic() -> None:
    s = "Soldiers shot two protesters in the capital."
    a = _roles(s, "shot")
    syntax.forget()
    assert _roles(s, "shot") == a


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Bandits stormed the village of Dankade on Monday night. "
         "They carried away at least 12 people.", "Bandits"),
        ("Armed men arrived at the school in two pickups. They abducted 30 pupils.", "Armed men"),
        ("Al-Shabaab fighters entered Bulo Hawo at dawn. They killed four elders.", "Al-Shabaab"),
        ("Militiamen surrounded the camp near Djugu. They shot dead seven displaced people.",
         "Militiamen"),
        ("Soldiers raided the market in Kidal on Friday. They arrested nine traders.", "Soldiers"),
        ("Gunmen on motorcycles reached the church during mass. "
         "They opened fire on worshippers, killing five.", "Gunmen"),
        ("Jihadists ambushed a patrol near Menaka. They killed six soldiers.", "Jihadists"),
        ("Rebels attacked the convoy near Bambari. They burned three trucks.", "Rebels"),
        ("Insurgents set up a checkpoint outside Diffa. They beheaded two herders.", "Insurgents"),
        ("Cultists invaded a hostel in Port Harcourt. They shot two students dead.",
         "Cultists"),
    ],
)
def test_a_pronoun_perpetrator_stands_for_the_armed_actor_before(text: str, who: str) -> None:
    from reckon.extract import extract
    from reckon.ingest import report_from_text

    ex = extract(report_from_text(text, published="2024-03-09"))
    perps = [a.text for i in ex.incidents for a in i.actors if a.role == "perpetrator"]
    assert any(who in p for p in perps), (text, [(i.sub_event_type, i.actors) for i in ex.incidents])
