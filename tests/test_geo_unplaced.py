"""An incident the reader found no place for takes the town the text opens with; a place left
with no country at all is kept near that town. The NER often misses a town at a sentence start
("Kisumu residents blocked ...") or in a hashtag. All texts are our own."""

from __future__ import annotations

import pytest

from reckon.model import Extraction, Location, Mention, Report

pytestmark = pytest.mark.slow

CASES = [
    # (text, the incident's country, admin1 words the place's admin1 must contain)
    ("Kisumu residents blocked roads with burning tyres on Tuesday and police shot dead two "
     "protesters.", "KE", "Kisumu"),
    ("Goma was tense on Friday after a shell killed four people at a market.", "CD", "Kivu"),
    ("Mombasa traders stoned police on Monday; one man was shot dead.", "KE", "Mombasa"),
    ("Kunduz fell to Taliban fighters on Sunday after clashes that killed 12 soldiers.", "AF",
     "Kunduz"),
    ("Bulawayo is burning. Youths torched a bus and police fired live rounds, killing one.",
     "ZW", "Bulawayo"),
    ("Quetta remained shut on Wednesday after a blast killed six policemen the day before.",
     "PK", "Balochistan"),
    ("Students beat a guard to death inside a dormitory at Rajshahi University (Rajshahi) on "
     "Sunday.", "BD", "Rajshahi"),
    ("#Tripoli tonight: heavy gunfire between rival brigades near the airport road, two dead.",
     "LY", "Tripoli"),
    ("Lagos was gripped by violence on Saturday as thugs stabbed two voters to death.", "NG",
     "Lagos"),
    ("Nablus youths clashed with soldiers overnight; a teenager was shot dead.", "PS", ""),
]  # fmt: skip


@pytest.mark.parametrize(("text", "iso", "admin1"), CASES)
def test_an_incident_the_reader_left_unplaced_takes_the_opening_town(
    text: str, iso: str, admin1: str
) -> None:
    from reckon.extract import extract
    from reckon.geocode import geocode

    rep = Report(id="t", raw=text.encode(), raw_text=text, text=text, published="2024-03-09")
    x = geocode(extract(rep))
    assert x.incidents, text
    for inc in x.incidents:
        loc = inc.location
        assert loc is not None and loc.iso == iso, (text, loc)
        assert admin1 in (loc.admin1 or ""), (text, loc)
        assert loc.span is None or text[loc.span.start : loc.span.end] == loc.name


def test_the_opening_town_is_a_whole_name_not_a_word_of_a_longer_one() -> None:
    from reckon.geo import get_gazetteer
    from reckon.geocode.unplaced import opening_town

    text = "A guard was beaten inside Fazlul Huq Muslim Hall at the university in Khulna on Friday."
    rep = Report(id="t", raw=text.encode(), raw_text=text, text=text)
    got = opening_town(get_gazetteer(), Extraction(report=rep))
    assert got is not None and got[1] == "Khulna"


def test_a_countryless_square_is_kept_near_the_opening_town() -> None:
    from reckon.geocode import geocode
    from reckon.model import Span

    text = "Porto Alegre tonight: riot police fired tear gas at marchers at Xyzzyplatz square."
    rep = Report(id="t", raw=text.encode(), raw_text=text, text=text)
    a = text.index("Xyzzyplatz")
    loc = Location(name="Xyzzyplatz", span=Span.of(text, a, a + 10))
    x = geocode(Extraction(report=rep, incidents=[Mention("Protests", "Excessive force against protesters", location=loc)], places=[loc]))
    got = x.incidents[0].location
    assert got is not None and got.iso == "BR" and got.admin1 == "Rio Grande do Sul"
    assert got.precision == 2 and not got.resolved
