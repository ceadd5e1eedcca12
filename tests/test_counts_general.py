"""Counts read by general mechanisms: each class tested on sentences written for it."""

from __future__ import annotations

import pytest

from reckon.extract.numbers import find_counts


def _read(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    out = []
    for m in find_counts(text):
        assert m.count.span is not None and m.count.span.valid_in(text)
        assert m.trigger.valid_in(text)
        out.append((m.kind, m.count.low, m.count.best, m.count.high))
    return out


def _kinds(text: str, kind: str) -> list[int | None]:
    return [m.count.best for m in find_counts(text) if m.kind == kind and not m.negated]


# the month May is not the modal "may": the count is a fact, not a possibility
MAY_MONTH = [
    ("On 18 May 2021, a farmer was shot dead near his field.", 1),
    ("In May, three traders were killed on the highway.", 3),
    ("QUETTA, May 4 - Two policemen were killed in a roadside blast.", 2),
    ("Militants killed six soldiers on May 12, the army said.", 6),
    ("Police on May 26 arrested four students outside the campus.", 4),
    ("Late in May, gunmen abducted nine passengers from a bus.", 9),
    ("By mid-May, 14 miners had died in the collapse.", 14),
    ("On Sunday 7 May, five villagers were killed by a landmine.", 5),
    ("Since May 3, eleven people have been arrested over the riot.", 11),
    ("The May 9 raid killed seven fighters, officials said.", 7),
]


@pytest.mark.parametrize(("text", "best"), MAY_MONTH)
def test_month_may_is_not_a_modal(text: str, best: int) -> None:
    assert best in [c[2] for c in _read(text)]


def test_modal_may_still_hedges() -> None:
    assert _kinds("Officials warned that dozens may be killed if the dam fails.", "killed") == []
    assert _kinds("Rescuers fear more people may die.", "killed") == []


# an age phrase names one person ("a 19-year-old"), whatever the noun after it
AGES = [
    "A 19-year-old was shot dead in the market.",
    "a 14-year-old boy was killed by a stray bullet.",
    "Soldiers shot dead a 32-year-old porter near the border.",
    "A 70-year-old died after inhaling the gas.",
    "Gunmen killed a 45-year-old shopkeeper in his store.",
    "An 8-year-old was killed when the shell hit the school.",
    "Police said a 27-year-old courier was stabbed to death.",
    "A 16-year-old student was shot dead by officers.",
    "Witnesses said a 60-year-old was beaten to death.",
    "Militiamen executed a 52-year-old herder in front of his family.",
]


@pytest.mark.parametrize("text", AGES)
def test_an_age_is_one_person(text: str) -> None:
    assert _kinds(text, "killed") == [1]


def test_ages_do_not_become_counts() -> None:
    assert _kinds("Two 20-year-old men were killed.", "killed") == [2]
    assert _kinds("The 63-year-old mayor survived; his two guards were killed.", "killed") == [2]


# negations name every kind they deny and the side they are about
NIL = [
    ("No one was killed or injured in the fire.", {"killed", "injured"}),
    ("Nobody was hurt or arrested.", {"killed", "injured", "arrested"}),
    ("No injuries or arrests were reported.", {"injured", "arrested"}),
    ("Police reported no arrests.", {"arrested"}),
    ("No arrests have been made so far.", {"arrested"}),
    ("No one was arrested.", {"arrested"}),
    ("No one was detained after the march.", {"arrested"}),
    ("There were no deaths or injuries.", {"killed", "injured"}),
    ("No one was injured, the fire brigade said.", {"killed", "injured"}),
    ("Nobody was wounded in the explosion.", {"killed", "injured"}),
]


@pytest.mark.parametrize(("text", "kinds"), NIL)
def test_negation_names_every_kind(text: str, kinds: set[str]) -> None:
    found = find_counts(text)
    assert {m.kind for m in found} == kinds
    assert all(m.negated and m.count.best == 0 for m in found)


def test_nobody_injured_says_nothing_against_told_deaths() -> None:
    found = find_counts("Two guards were killed. No one else was injured.")
    assert [(m.kind, m.count.best) for m in found if m.kind == "killed"] == [("killed", 2)]


SCOPED = [
    "One rebel was killed; there were no casualties on the government side.",
    "Two attackers died, with no casualties among the soldiers.",
    "Three militants were killed and there were no deaths among the troops.",
    "Four gunmen were shot dead; no casualties on the army's side.",
]


@pytest.mark.parametrize("text", SCOPED)
def test_a_sides_nil_has_that_side_as_victims(text: str) -> None:
    nil = [m for m in find_counts(text) if m.negated and m.kind == "killed"]
    assert nil and nil[0].victims is not None and nil[0].victims.valid_in(text)


# the victims' modifier does not cut the subject from its verb
MODIFIED = [
    ("Two people in Kabul were killed.", "killed", 2),
    ("Three men in a pickup were shot dead at the checkpoint.", "killed", 3),
    ("A driver for one of the bus companies was shot dead on Tuesday.", "killed", 1),
    ("Nine villagers who could not flee, most of them elderly, were later found dead.",
     "killed", 9),
    ("A young man suspected of theft was beaten to death by a crowd.", "killed", 1),
    ("Five students from the teachers' college were abducted on the road.", "abducted", 5),
    ("Twelve traders travelling to the market were kidnapped.", "abducted", 12),
    ("Four officers stationed at the post were wounded.", "injured", 4),
    ("Six protesters near the parliament were arrested.", "arrested", 6),
    ("Eight workers at the factory were injured in the blast.", "injured", 8),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "best"), MODIFIED)
def test_subject_with_a_modifier(text: str, kind: str, best: int) -> None:
    assert _kinds(text, kind) == [best]


def test_a_count_inside_the_modifier_is_its_own() -> None:
    # the second count is the subject of the verb, not the first
    assert _kinds("Two men who saw it said five people were killed.", "killed") == [5]


# "shot X dead", "shot him dead", the attacker killing himself
SHOT_DEAD = [
    ("One of the soldiers shot him dead in the courtyard.", 1),
    ("Gunmen shot two farmers dead near the river.", 2),
    ("The guard shot her dead at the gate.", 1),
    ("Police shot three suspects dead in a raid.", 3),
    ("An officer shoots a driver dead at a checkpoint.", 1),
    ("The bomber blew up the car, killing himself and two passers-by.", 3),
    ("A man detonated his vest, killing himself and wounding four officers.", 1),
    ("She set off the charge, killing herself.", 1),
    ("Troops shot four men dead, witnesses said.", 4),
    ("Bandits shot the village chief dead.", 1),
]


@pytest.mark.parametrize(("text", "best"), SHOT_DEAD)
def test_shot_dead_forms(text: str, best: int) -> None:
    assert _kinds(text, "killed") == [best]


# "the killing of six civilians": a noun and its victims
NOMINALS = [
    ("The UN condemned the killing of six civilians by an armed group.", "killed", 6),
    ("Rights groups denounced the killings of 11 villagers.", "killed", 11),
    ("The murder of two journalists shocked the town.", "killed", 2),
    ("Residents mourned the deaths of 12 migrants in the desert.", "killed", 12),
    ("The abduction of 20 students sparked outrage.", "abducted", 20),
    ("Parents protested the kidnapping of four pupils.", "abducted", 4),
    ("The arrest of three activists drew criticism.", "arrested", 3),
    ("The execution of five prisoners was confirmed.", "killed", 5),
    ("Police investigated the lynching of a suspected thief.", "killed", 1),
    ("The massacre of 30 villagers was blamed on the militia.", "killed", 30),
]


@pytest.mark.parametrize(("text", "kind", "best"), NOMINALS)
def test_nominal_with_victims(text: str, kind: str, best: int) -> None:
    assert _kinds(text, kind) == [best]


def test_a_remembered_killing_is_not_counted() -> None:
    assert _kinds("They marked the anniversary of the killing of 43 students.", "killed") == []
    assert _kinds("He was sentenced for the murder of two guards in 2015.", "killed") == []


# victims listed with commas add up; an appositive restates
LISTS = [
    ("A man, his wife and their son were killed.", 3),
    ("Three policemen, two soldiers and a civilian died.", 6),
    ("A teacher, two pupils and a guard were shot dead.", 4),
    ("Gunmen killed a farmer, his brother and three neighbours.", 5),
    ("Two soldiers, a medic and a driver were wounded.", 4),
    ("A nurse, a doctor and two patients died in the strike.", 4),
    ("Five guards, two drivers, and a cook were killed.", 8),
    ("The strike killed a mother, her two daughters and a neighbour.", 4),
    ("One fighter, two commanders and a recruit were killed.", 4),
    ("An imam, his son and four worshippers were shot dead.", 6),
]


@pytest.mark.parametrize(("text", "best"), LISTS)
def test_comma_lists_add_up(text: str, best: int) -> None:
    kind = "injured" if "wounded" in text else "killed"
    assert _kinds(text, kind) == [best]


def test_appositive_restates() -> None:
    assert _kinds("Two soldiers, a sergeant and a corporal, were killed.", "killed") == [2]


# victims beyond the figure: "besides the bomber"
BESIDES = [
    ("At least four soldiers were killed besides the bomber.", 5),
    ("Three guards died in addition to the attacker.", 4),
    ("Six pilgrims were killed as well as the driver.", 7),
    ("Two officers were killed along with their commander.", 3),
    ("Five people died besides the gunman.", 6),
    ("Eleven fighters were killed together with their leader.", 12),
]


@pytest.mark.parametrize(("text", "best"), BESIDES)
def test_one_more_victim(text: str, best: int) -> None:
    assert _kinds(text, "killed") == [best]


# names with digits modify the head ("3R fighters", "M23 rebels")
DIGIT_NAMES = [
    ("Four soldiers and seven 3R fighters were killed.", 11),
    ("Twelve M23 rebels were killed in the clash.", 12),
    ("Two G5 troops and three militants died.", 5),
]


@pytest.mark.parametrize(("text", "best"), DIGIT_NAMES)
def test_digit_names(text: str, best: int) -> None:
    assert _kinds(text, "killed") == [best]


# present-tense headline verbs
HEADLINES = [
    ("Mob lynches suspected thief in market town", 1),
    ("Militants behead village chief in north", 1),
    ("Crowd beats pickpocket to death", 1),
    ("Gunmen kill 4 at wedding", 4),
]


@pytest.mark.parametrize(("text", "best"), HEADLINES)
def test_headline_verbs(text: str, best: int) -> None:
    assert _kinds(text, "killed") == [best]


# violence told without a death ("were stabbed") is not read as a count of its own
NOT_HURT = [
    "Two soldiers were shot at but were not hit.",
    "Three men were shot dead at the gate.",
    "Four women were stabbed to death.",
    "Police shot two suspects on Friday.",  # active: not told as a count here
]


@pytest.mark.parametrize("text", NOT_HURT)
def test_not_an_injury_count(text: str) -> None:
    assert _kinds(text, "injured") == []


# taken to hospital, treated: injured
TREATED = [
    ("Four soldiers were taken to hospital with symptoms of poisoning.", 4),
    ("Medics treated nine fighters and two civilians for burning eyes.", 11),
    ("The Red Cross said it treated 67 people.", 67),
    ("Twelve pupils were rushed to hospital after the gas attack.", 12),
    ("Three officers were admitted to hospital.", 3),
    ("Doctors treated 15 people for smoke inhalation.", 15),
    ("Eight workers were taken to the hospital.", 8),
    ("Volunteers treated five children for shrapnel wounds.", 5),
    ("Two guards were rushed to a hospital in the capital.", 2),
    ("Paramedics treated 30 protesters at the scene.", 30),
]


@pytest.mark.parametrize(("text", "best"), TREATED)
def test_treated_people_are_injured(text: str, best: int) -> None:
    assert _kinds(text, "injured") == [best]


# gone missing (abducted), taken in for questioning (arrested)
MISSING_HELD = [
    ("Six members of one family went missing after the raid.", "abducted", 6),
    ("Three fishermen have gone missing near the border.", "abducted", 3),
    ("Two activists were taken in for questioning.", "arrested", 2),
    ("Five men were held for questioning after the blast.", "arrested", 5),
    ("A number of people had been taken in for questioning.", "arrested", 2),
]


@pytest.mark.parametrize(("text", "kind", "best"), MISSING_HELD)
def test_missing_and_held(text: str, kind: str, best: int) -> None:
    assert _kinds(text, kind) == [best]


# general forms, coded by the counting table
GENERAL_FORMS = [
    ("Two dozen people were abducted.", "abducted", (24, 24, 24)),
    ("Nearly two dozen villagers were killed.", "killed", (None, 24, 24)),
    ("More than three dozen soldiers died.", "killed", (36, 36, None)),
    ("2 dozen protesters were detained.", "arrested", (24, 24, 24)),
    ("A couple were killed in the attack.", "killed", (2, 2, 2)),
    ("A couple of guards were wounded.", "injured", (2, 2, 2)),
    ("Tens of people were arrested.", "arrested", (20, 20, None)),
    ("1-2 policemen were killed.", "killed", (1, 1, 2)),
    ("One or two guards were killed.", "killed", (1, 1, 2)),
    ("Dozens of people were killed.", "killed", (24, 24, None)),
    ("Half a dozen police officers were injured.", "injured", (6, 6, 6)),
    ("Several soldiers died.", "killed", (2, 2, None)),
    ("Up to 30 people were killed.", "killed", (None, 30, 30)),
    ("Some 20 civilians died.", "killed", (20, 20, 20)),
    ("Hundreds were arrested.", "arrested", (200, 200, None)),
]


@pytest.mark.parametrize(("text", "kind", "triple"), GENERAL_FORMS)
def test_general_forms(text: str, kind: str, triple: tuple) -> None:
    assert [(k, lo, be, hi) for k, lo, be, hi in _read(text) if k == kind] == [(kind, *triple)]
