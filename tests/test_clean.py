"""Cleaning: headline, repeats, boilerplate, normalisation, offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.clean import clean, count_removed, is_boilerplate, looks_like_headline, normalise

SEED_TITLE = "Syria's Government Claims End of Military Operation Amidst High Casualties"

LONG_A = (
    "Rescue teams worked through the night in the eastern district after the strike flattened "
    "two apartment blocks, and the local governor said the toll was likely to rise further."
)
LONG_B = (
    "Officials in the provincial capital said the market had been closed for two days before "
    "the attack, but traders had returned on Monday morning to sell vegetables and fuel."
)


def _check_offsets(raw: str, cleaned) -> None:
    for span in cleaned.paragraphs:
        assert span.valid_in(cleaned.text)
    for r in cleaned.removed:
        assert raw[r.raw_start : r.raw_end] == r.text


def test_seed_article(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    c = clean(raw)
    assert c.title == SEED_TITLE
    assert count_removed(c.removed) == {
        "repeated_headline": 1,
        "repeated_paragraph": 5,
        "boilerplate": 0,
    }
    assert len(c.paragraphs) == 8
    assert c.paragraphs[0].text.startswith("Following intense military operations")
    assert c.paragraphs[1].text.startswith("Syria's defense ministry announced the conclusion")
    assert c.text.startswith(SEED_TITLE + "\n\n")
    assert c.text.count(SEED_TITLE) == 1
    # each distinct paragraph exactly once
    for line in {ln.strip() for ln in raw.splitlines() if ln.strip()}:
        assert c.text.count(line) == 1, line[:60]
    _check_offsets(raw, c)
    # every repeat points at the raw start of a kept copy with the same text
    firsts = {r.raw_start for r in c.removed if r.kind == "headline"}
    for r in c.removed:
        if r.kind == "repeated_paragraph":
            assert raw.startswith(r.text, r.duplicate_of)
        if r.kind == "repeated_headline":
            assert r.duplicate_of in firsts


def test_given_title_wins_and_its_lines_go() -> None:
    raw = "Shelling in Kharkiv\nFive people were killed in Kharkiv on Tuesday.\nShelling in Kharkiv"
    c = clean(raw, title="Five Killed as Shells Hit Kharkiv")
    assert c.title == "Five Killed as Shells Hit Kharkiv"
    assert c.text.startswith("Five Killed as Shells Hit Kharkiv\n\n")
    # "Shelling in Kharkiv" is not the given title: an exact repeat, removed as a paragraph repeat
    assert [r.kind for r in c.removed] == ["repeated_paragraph"]
    raw2 = "Five Killed as Shells Hit Kharkiv\n" + LONG_A
    c2 = clean(raw2, title="Five killed as shells hit Kharkiv")
    assert [r.kind for r in c2.removed] == ["headline"]
    assert [p.text for p in c2.paragraphs] == [LONG_A]


def test_near_exact_repeat_removed_similar_kept() -> None:
    near = LONG_A.replace("further.", "further")  # one character off
    similar = LONG_A.replace("eastern district", "western suburbs").replace("two", "three")
    raw = "\n".join([LONG_A, LONG_B, near, similar])
    c = clean(raw)
    kinds = [(r.kind, r.duplicate_of) for r in c.removed]
    assert kinds == [("repeated_paragraph", 0)]
    assert [p.text for p in c.paragraphs] == [LONG_A, LONG_B, similar]


def test_short_similar_sentences_are_kept() -> None:
    raw = "Two soldiers were killed in Gao.\nTwo soldiers were killed in Kidal.\nTwo soldiers were killed in Gao."
    c = clean(raw)
    assert [p.text for p in c.paragraphs] == [
        "Two soldiers were killed in Gao.",
        "Two soldiers were killed in Kidal.",
    ]
    assert c.title is None


def test_repeat_matching_ignores_case_quotes_and_spacing() -> None:
    a = "\u201cWe will not leave,\u201d said the mayor of Sake on Monday \u2014 after the blast."
    b = '"we will  not leave," said the mayor of Sake on Monday - after the blast.'
    c = clean(a + "\n" + b)
    assert len(c.paragraphs) == 1 and c.removed[0].kind == "repeated_paragraph"


def test_boilerplate_lines() -> None:
    raw = "\n".join(
        [
            "By Amani Kabila",
            LONG_A,
            "Advertisement",
            "Read more: Fighting displaces thousands",
            "Share this article",
            "Follow us on social media for the latest updates.",
            "Sign up for our newsletter to get the briefing every morning.",
            "\u00a9 2025 Example News. All rights reserved.",
            "By Monday, 12 people had died in the town.",
        ]
    )
    c = clean(raw)
    assert count_removed(c.removed)["boilerplate"] == 7
    assert [p.text for p in c.paragraphs] == [LONG_A, "By Monday, 12 people had died in the town."]
    _check_offsets(raw, c)


def test_boilerplate_predicate() -> None:
    assert is_boilerplate("By JANE DOE and John Roe, Reuters")
    assert is_boilerplate("Copyright 2024 Foo Media")
    assert not is_boilerplate("Email exchanges seen by reporters show the order was given.")
    assert not is_boilerplate("Related attacks killed four people.")
    assert not is_boilerplate("by the river bank")
    assert not is_boilerplate("By " + "x " * 80)


def test_headline_predicate() -> None:
    assert looks_like_headline("Bomb blast at market near Goma kills 12")
    assert not looks_like_headline("Five people died.")
    assert not looks_like_headline("BEIRUT")
    assert not looks_like_headline("word " * 40)


def test_first_line_headline_without_repeat() -> None:
    raw = "Gunmen Kill Four in Northern Village\n\n" + LONG_A + "\n\n" + LONG_B
    c = clean(raw)
    assert c.title == "Gunmen Kill Four in Northern Village"
    assert len(c.paragraphs) == 2
    assert [r.kind for r in c.removed] == ["headline"]


def test_normalisation() -> None:
    raw = "Cafe\u0301 owners\u00a0in\tGoma said\u200b the   market was closed."
    c = clean(raw)
    assert c.text == "Caf\u00e9 owners in Goma said the market was closed."
    assert normalise("  a \r\n b\u00ad ") == "a b"
    assert clean("line one.\r\nline two.\r\n").text == "line one.\n\nline two."


def test_hard_wrapped_paragraphs_are_joined() -> None:
    para1 = (
        "Armed men attacked a checkpoint on the road to Djibo early on Sunday,\n"
        "killing three gendarmes and wounding five others, a security source said\n"
        "on condition of anonymity because he was not allowed to speak to press."
    )
    para2 = (
        "The attackers fled towards the border before reinforcements could arrive\n"
        "from the town, the source added, and a search was under way on Monday in\n"
        "the surrounding villages, where residents reported hearing gunfire."
    )
    raw = para1 + "\n\n" + para2 + "\n"
    c = clean(raw)
    assert len(c.paragraphs) == 2
    assert c.paragraphs[0].text == " ".join(para1.split())


def test_empty_and_deterministic(seed_path: Path) -> None:
    assert clean("").text == "" and clean(" \n\n ").paragraphs == []
    raw = seed_path.read_text(encoding="utf-8")
    assert clean(raw) == clean(raw)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Headline Of The Day Here", LONG_A, LONG_B, "Read more", "", "  x y z.  "])
        | st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
        max_size=12,
    )
)
def test_offsets_always_valid(lines: list[str]) -> None:
    raw = "\n".join(lines)
    c = clean(raw)
    _check_offsets(raw, c)
    kept = c.text.split("\n\n") if c.text else []
    if c.title:
        assert kept[0] == c.title
        kept = kept[1:]
    assert [p.text for p in c.paragraphs] == kept
