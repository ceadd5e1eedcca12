"""Casualty counts: the counting table, victim sums, negations, hedges and numbers that are not counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.extract.numbers import CountMention, add_counts, find_counts, parse_quantity
from reckon.model import Count

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _triples(text: str, kind: str | None = None) -> list[tuple]:
    out = []
    for m in find_counts(text):
        if kind is None or m.kind == kind:
            out.append((m.kind, m.count.low, m.count.best, m.count.high))
    return out


# --------------------------------------------------------------------------------------------
# parse_quantity: every row of the counting table

COUNTING_TABLE = [
    ("5", (5, 5, 5)),
    ("five", (5, 5, 5)),
    ("at least 5", (5, 5, None)),
    ("more than 5", (5, 5, None)),
    ("over 5", (5, 5, None)),
    ("about 5", (5, 5, 5)),
    ("some 5", (5, 5, 5)),
    ("around 5", (5, 5, 5)),
    ("up to 5", (None, 5, 5)),
    ("as many as 5", (None, 5, 5)),
    ("nearly 5", (None, 5, 5)),
    ("almost 5", (None, 5, 5)),
    ("between 5 and 8", (5, 5, 8)),
    ("5 to 8", (5, 5, 8)),
    ("5-8", (5, 5, 8)),
    ("several", (2, 2, None)),
    ("a number of", (2, 2, None)),
    ("multiple", (2, 2, None)),
    ("a dozen", (12, 12, 12)),
    ("dozens", (24, 24, None)),
    ("scores of", (40, 40, None)),
    ("hundreds", (200, 200, None)),
    ("thousands", (2000, 2000, None)),
    ("no one", (0, 0, 0)),
]

MORE_QUANTITIES = [
    ("at least 27", (27, 27, None)),
    ("over 1,400", (1400, 1400, None)),
    ("twenty-three", (23, 23, 23)),
    ("twenty three", (23, 23, 23)),
    ("one hundred and twenty", (120, 120, 120)),
    ("between nine and 12", (9, 9, 12)),
    ("30 to 60", (30, 30, 60)),
    ("more than 35,000", (35000, 35000, None)),
    ("some 150,000", (150000, 150000, 150000)),
    ("at least a dozen", (12, 12, None)),
    ("nearly a dozen", (None, 12, 12)),
    ("half a dozen", (6, 6, 6)),
    ("two or three", (2, 2, 3)),
    ("tens of thousands", (20000, 20000, None)),
    ("several hundred", (200, 200, None)),
    ("fewer than 10", (None, 10, 10)),
    ("both", (2, 2, 2)),
]


@pytest.mark.parametrize(("phrase", "expected"), COUNTING_TABLE + MORE_QUANTITIES)
def test_parse_quantity(phrase: str, expected: tuple) -> None:
    c = parse_quantity(phrase)
    assert c is not None, phrase
    assert (c.low, c.best, c.high) == expected
    assert c.span is not None and c.span.valid_in(phrase)


@pytest.mark.parametrize(
    "phrase",
    ["in 2024", "6pm", "10:30", "a 12-year-old", "Highway 5", "Resolution 2254", "$5 million",
     "40 percent", "12%", "the 36th brigade", "M5", "in December", "50C"],
)  # fmt: skip
def test_parse_quantity_rejects_non_counts(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_parse_quantity_bad_input_names_it() -> None:
    with pytest.raises(TypeError, match="parse_quantity"):
        parse_quantity(42)  # type: ignore[arg-type]


def test_add_counts_keeps_unbounded_bounds() -> None:
    c = add_counts(Count(3, 3, 3), Count(2, 2, None, "vague"))
    assert (c.low, c.best, c.high) == (5, 5, None)
    assert c.qualifier == "vague"
    c = add_counts(Count(None, 5, 5, "at_most"), Count(1, 1, 1))
    assert (c.low, c.best, c.high, c.qualifier) == (None, 6, 6, "at_most")
    c = add_counts(Count(5, 5, 8, "range"), Count(1, 1, 1))
    assert (c.low, c.best, c.high, c.qualifier) == (6, 6, 9, "range")


# --------------------------------------------------------------------------------------------
# find_counts: one sentence each, what is found

CASES = [
    # plain numbers, both voices
    ("Nine people were killed when a truck bomb went off near the market.", [("killed", 9, 9, 9)]),
    ("The shelling killed 14 villagers and wounded 30 others.",
     [("killed", 14, 14, 14), ("injured", 30, 30, 30)]),
    ("Gunmen stormed the village at night, killing twenty-three farmers.", [("killed", 23, 23, 23)]),
    ("At least 27 people died in the fire that followed the strike.", [("killed", 27, 27, None)]),
    ("More than 40 fighters were reported killed in the clashes.", [("killed", 40, 40, None)]),
    ("Up to 15 civilians may have been among the victims, but 6 were confirmed dead.",
     [("killed", 6, 6, 6)]),
    ("Medics said about 20 people were wounded.", [("injured", 20, 20, 20)]),
    ("As many as 7 miners were hurt.", [("injured", None, 7, 7)]),
    ("Between 11 and 15 people were killed, officials said.", [("killed", 11, 11, 15)]),
    ("4-6 guards were killed at the gate.", [("killed", 4, 4, 6)]),
    ("The raid left 12 dead and 40 wounded.", [("killed", 12, 12, 12), ("injured", 40, 40, 40)]),
    ("The blast left six people dead.", [("killed", 6, 6, 6)]),
    ("Rescuers recovered a dozen bodies from the rubble.", [("killed", 12, 12, 12)]),
    ("Dozens of people were wounded when the bridge was shelled.", [("injured", 24, 24, None)]),
    ("The bombing killed scores of worshippers.", [("killed", 40, 40, None)]),
    ("Hundreds of civilians have died in the siege.", [("killed", 200, 200, None)]),
    ("Thousands were killed in the fighting.", [("killed", 2000, 2000, None)]),
    ("Several soldiers were injured in the ambush.", [("injured", 2, 2, None)]),
    ("Troops killed a number of insurgents in the hills.", [("killed", 2, 2, None)]),
    ("The strike caused multiple deaths among the crew.", [("killed", 2, 2, None)]),
    ("Nurses at the clinic reported deaths from the gas.", [("killed", 2, 2, None)]),
    ("The militia executed five prisoners on Friday.", [("killed", 5, 5, 5)]),
    ("Two teachers were shot dead outside the school.", [("killed", 2, 2, 2)]),
    ("Four fishermen lost their lives when the boat was hit.", [("killed", 4, 4, 4)]),
    ("A wounded shepherd later succumbed in hospital.", []),
    ("The attack has claimed the lives of at least 31 people.", [("killed", 31, 31, None)]),
    ("The death toll from the quake of violence rose to 57, officials said.", [("killed", 57, 57, 57)]),
    ("The number of people killed in the raid has risen to nine.", [("killed", 9, 9, 9)]),
    # "one", "a", "an"
    ("A drone hit the car, killing one and injuring another.",
     [("killed", 1, 1, 1), ("injured", 1, 1, 1)]),
    ("Police said a mob beat to death a young herder.", [("killed", 1, 1, 1)]),
    ("Shelling killed an elderly woman in her garden.", [("killed", 1, 1, 1)]),
    ("A police officer was wounded in the exchange of fire.", [("injured", 1, 1, 1)]),
    # sums over victim groups
    ("Three soldiers and two civilians were killed in the blast.", [("killed", 5, 5, 5)]),
    ("The strike killed two nurses and a driver.", [("killed", 3, 3, 3)]),
    ("The bombs killed two and wounded five.", [("killed", 2, 2, 2), ("injured", 5, 5, 5)]),
    ("Gunmen killing two and wounding five fled on foot.", [("killed", 2, 2, 2), ("injured", 5, 5, 5)]),
    ("Masked men abducted a shopkeeper and his two sons on the road.", [("abducted", 3, 3, 3)]),
    ("Rockets killed a farmer and his wife.", [("killed", 2, 2, 2)]),
    ("Three guards and several attackers were killed.", [("killed", 5, 5, None)]),
    # subsets are not added
    ("At least 18 people were killed, six of them children.", [("killed", 18, 18, None)]),
    ("Seven people, including two women, were injured.", [("injured", 7, 7, 7)]),
    ("The raid killed ten members of one clan, a grandfather and his three grandsons.",
     [("killed", 10, 10, 10)]),
    ("Airstrikes killed 30 people, including 12 children, the ministry said.", [("killed", 30, 30, 30)]),
    ("Two men, who were later killed in the raid, had been warned.", [("killed", 2, 2, 2)]),
    ("By nightfall 12 were initially reported killed.", [("killed", 12, 12, 12)]),
    # abducted / arrested
    ("Bandits kidnapped 14 students from their dormitory.", [("abducted", 14, 14, 14)]),
    ("Eight aid workers were taken hostage near the border.", [("abducted", 8, 8, 8)]),
    ("Militiamen seized two journalists at a checkpoint.", [("abducted", 2, 2, 2)]),
    ("Police arrested 16 suspects in overnight raids.", [("arrested", 16, 16, 16)]),
    ("Security forces detained around 30 protesters.", [("arrested", 30, 30, 30)]),
    ("Eleven men were rounded up after the attack.", [("arrested", 11, 11, 11)]),
    ("Two suspects were taken into custody on Sunday.", [("arrested", 2, 2, 2)]),
    ("Troops broke up the sit-in, detaining four of them.", [("arrested", 4, 4, 4)]),
    # headlines: present tense, bare singular victims
    ("Car bomb kills 9, wounds 20 in northern town", [("killed", 9, 9, 9), ("injured", 20, 20, 20)]),
    ("Gunmen kill 3 farmers in raid on village", [("killed", 3, 3, 3)]),
    ("Journalist killed in shelling of eastern district", [("killed", 1, 1, 1)]),
    ("Police officer shot dead at checkpoint", [("killed", 1, 1, 1)]),
    ("The rebels plan to kill 20 hostages.", []),
    ("He succumbed to his wounds in hospital.", []),
    # other ways of telling a death
    ("The blast claimed 14 lives and left more than 50 injured.",
     [("killed", 14, 14, 14), ("injured", 50, 50, None)]),
    ("Unknown assailants stabbed a woman to death near the mosque.", [("killed", 1, 1, 1)]),
    ("Soldiers burned four villagers alive in their homes.", [("killed", 4, 4, 4)]),
    ("The police arrested him on Tuesday.", [("arrested", 1, 1, 1)]),
    ("A family of five was killed when the house collapsed.", [("killed", 5, 5, 5)]),
    ("Officials put the death toll at 23, with dozens more injured.",
     [("killed", 23, 23, 23), ("injured", 24, 24, None)]),
    ("The group claimed responsibility for the attack that killed 12 soldiers.",
     [("killed", 12, 12, 12)]),
    ("Protesters demanded the release of a colleague who, they say, was picked up by agents.",
     [("abducted", 1, 1, 1)]),
    ("Two women from the Zahra district of Homs were abducted on their way to work.",
     [("abducted", 2, 2, 2)]),
    ("Three men, police said, were shot dead at the market.", [("killed", 3, 3, 3)]),
    ("The toll rose from 40 to 52.", [("killed", 52, 52, 52)]),
    # partitive of the wounded
    ("Doctors said many of the wounded were in a serious state.", [("injured", 2, 2, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_counts(text: str, expected: list[tuple]) -> None:
    assert _triples(text) == expected


# negations: Count 0/0/0 with negated=True
NEGATIONS = [
    ("No one was killed in the attack.", {"killed"}),
    ("Nobody died, the governor said.", {"killed"}),
    ("There were no fatalities.", {"killed"}),
    ("No fatalities.", {"killed"}),
    ("There were no casualties.", {"killed", "injured"}),
    ("No casualties were reported.", {"killed", "injured"}),
    ("No one was hurt.", {"killed", "injured"}),
    ("No injuries were reported.", {"injured"}),
    # nobody injured: nobody killed either, unless the text tells of deaths (hedged "implied")
    ("No one was injured in the blast.", {"injured", "killed"}),
]


@pytest.mark.parametrize(("text", "kinds"), NEGATIONS)
def test_negations(text: str, kinds: set[str]) -> None:
    found = find_counts(text)
    assert {m.kind for m in found} == kinds
    for m in found:
        assert m.negated
        assert (m.count.low, m.count.best, m.count.high) == (0, 0, 0)
        assert m.count.span is not None and m.count.span.valid_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "The statement did not say whether anyone was hurt.",
        "There was no word on casualties from the raid.",
        "It was not clear whether anyone was killed.",
        "The group gave no figures for the dead.",
    ],
)
def test_non_negations(text: str) -> None:
    assert find_counts(text) == []


# hedges: denials and threats are returned with hedged set, hypotheticals are not returned
def test_denial_is_hedged() -> None:
    found = find_counts("The army denied killing 12 villagers in the raid.")
    assert [(m.kind, m.count.best, m.hedged) for m in found] == [("killed", 12, "denied")]


def test_threat_is_hedged() -> None:
    found = find_counts("The kidnappers threatened to kill the 9 hostages.")
    assert [(m.kind, m.count.best, m.hedged) for m in found] == [("killed", 9, "threat")]


def test_claim_is_hedged() -> None:
    found = find_counts("The rebels claimed to have killed 40 soldiers.")
    assert [(m.kind, m.count.best, m.hedged) for m in found] == [("killed", 40, "claimed")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials warned that as many as 50 people could be killed if the dam fails.",
        "The number of dead could rise.",
        "Up to 200 workers would be detained under the new law.",
    ],
)
def test_hypotheticals_are_not_counts(text: str) -> None:
    assert _triples(text, "killed") == [] and _triples(text, "arrested") == []


# must not count: ages, times, years, roads, money, percentages, ordinals, things, ...
MUST_NOT = [
    "A 12-year-old boy was among those who fled the village.",
    "The curfew runs from 6pm to 6am and starts at 10:30 on Friday.",
    "The strike happened in 2024, in December, during the offensive.",
    "The convoy was hit on Highway 5 near the M5 junction.",
    "The town has been under siege for over a decade.",
    "Prices rose 40 percent and 12% of homes lost power.",
    "The government pledged $5 million to rebuild 200 houses.",
    "The council cited Resolution 2254 in its statement.",
    "The 36th brigade took the third hill on the 2nd of the month.",
    "Drones struck two army tanks and destroyed 15 cars.",
    "His two sons were at school when the shelling began.",
    "The striker absolutely killed it on Friday, scoring three goals.",
    "Air defences shot down 52 of the 64 drones.",
    "The court sentenced three men to death for the bombing.",
    "Rebels seized two towns and 30 vehicles.",
    "The talks involved 40 delegates from six countries.",
    "None of the injuries were life-threatening, doctors said.",
    "Maduro, the successor of leader Hugo Chavez, who died in 2013, spoke on Monday.",
    "Eleven of the injured were police officers.",
]


@pytest.mark.parametrize("text", MUST_NOT)
def test_must_not_count(text: str) -> None:
    assert find_counts(text) == []


def test_update_of_an_earlier_count_is_not_new() -> None:
    text = "Officials said three guards had died after one of the wounded succumbed overnight."
    assert _triples(text) == [("killed", 3, 3, 3)]


def test_spans_are_absolute_and_exact() -> None:
    text = (
        "Intro paragraph with no figures. Later, gunmen killed 7 port workers and wounded 3. "
        "No one else was hurt."
    )
    start = text.index("Later")
    found = find_counts(text, start)
    assert [m.kind for m in found] == ["killed", "injured", "killed", "injured"]
    for m in found:
        assert isinstance(m, CountMention)
        for span in (m.count.span, m.trigger, m.sentence, m.victims):
            if span is not None:
                assert span.valid_in(text)
                assert span.start >= start
    assert found[0].victims is not None and found[0].victims.text == "port workers"
    assert found[0].trigger.text == "killed"
    assert found[0].count.span.text == "7"
    # a range that stops before the second sentence
    only = find_counts(text, start, text.index("No one"))
    assert [m.kind for m in only] == ["killed", "injured"]


def test_text_order_and_determinism() -> None:
    text = (
        "Two shepherds were killed on Sunday. The next day, a mine wounded four children. "
        "Police arrested three suspects."
    )
    a = find_counts(text)
    b = find_counts(text)
    assert a == b
    starts = [m.count.span.start for m in a]
    assert starts == sorted(starts)
    assert [m.kind for m in a] == ["killed", "injured", "arrested"]


def test_bad_input_names_it() -> None:
    with pytest.raises(TypeError, match="find_counts"):
        find_counts(None)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for m in find_counts(text):
        assert m.kind in {"killed", "injured", "abducted", "arrested"}
        for span in (m.count.span, m.trigger, m.sentence, m.victims):
            if span is not None:
                assert span.valid_in(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "killed",
                "three",
                "at least",
                "people",
                "were",
                "and",
                "wounded",
                "12",
                "dozens",
                "of",
                "no one",
                "was",
                "hurt",
                ",",
                ".",
                "the",
                "denied",
                "a",
                "man",
                "1,400",
            ]
        ),  # fmt: skip
        max_size=25,
    )
)
def test_word_salad_spans_valid(words: list[str]) -> None:
    text = " ".join(words)
    for m in find_counts(text):
        assert m.count.span is None or m.count.span.valid_in(text)
        assert m.trigger.valid_in(text)
        assert m.count.best is not None and m.count.best >= 0


# --------------------------------------------------------------------------------------------
# the gold evidence strings


def _fatalities(evidence: list[str]) -> int | None:
    """Fatalities best from the evidence strings of one incident, as a caller would combine them.

    Victim groups add up; a second figure for the same victims (a toll, bodies, or the same
    victim noun from another source) is an alternative, and the lowest alternative is kept.
    """
    groups: list[list[CountMention]] = []
    negated = False
    for ev in evidence:
        for m in find_counts(ev):
            if m.kind != "killed" or m.hedged in ("denied", "threat"):
                continue
            if m.negated:
                negated = True
                continue
            head = m.victims.text.split()[-1].lower() if m.victims else None
            restates = m.trigger.text.lower() in {"toll", "death toll", "bodies"}
            for g in groups:
                g_heads = {x.victims.text.split()[-1].lower() for x in g if x.victims}
                if restates or (head is not None and head in g_heads):
                    g.append(m)
                    break
            else:
                groups.append([m])
    if groups:
        return sum(min(x.count.best or 0 for x in g) for g in groups)
    return 0 if negated else None


def test_gold_evidence_fatalities_rate() -> None:
    path = SHARED / "eval" / "dev.gold.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/dev.gold.jsonl is not present")
    total = hit = 0
    none_total = invented = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for inc in row.get("incidents", []):
            gold = inc.get("fatalities")
            pred = _fatalities(inc.get("evidence", []))
            if gold is None:
                none_total += 1
                invented += pred is not None
                continue
            total += 1
            hit += pred == gold.get("best")
    rate = hit / total
    no_invent = 1 - invented / none_total
    print(f"\nfatalities best exact on gold evidence: {hit}/{total} = {rate:.3f}")
    print(f"no death toll invented where gold has none: {no_invent:.3f} ({none_total})")
    assert rate >= 0.93
    assert no_invent >= 0.97
