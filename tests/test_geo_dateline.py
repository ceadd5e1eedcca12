"""The dateline: the town a report was filed from, as a clue to its country and as the town of
places the gazetteer lacks. All texts are our own."""

from __future__ import annotations

import pytest

from reckon.model import Report


def _read(text: str):
    from reckon.extract import extract
    from reckon.geocode import geocode

    rep = Report(id="t", raw=text.encode(), raw_text=text, text=text, published="2024-03-09")
    return geocode(extract(rep))


@pytest.mark.parametrize(
    ("text", "iso", "admin1"),
    [
        ("KILINOCHCHI: Hundreds of relatives of the disappeared marched to the Pallavan Kovil "
         "on Tuesday, and police beat several of them.", "LK", "Northern Province"),
        ("BIRGUNJ: Police fired tear gas at traders who had blocked the road near Sankata "
         "Chowk on Wednesday.", "NP", "Central Region"),
        ("MANDALAY, Feb 9 - Security forces opened fire on striking workers on Saturday, killing "
         "two. The shooting happened near the Yadana jetty.", "MM", "Mandalay"),
        ("JALALABAD, May 3 - A bomb exploded at the Shinwari market on Monday, killing five "
         "people.", "AF", "Nangarhar"),
        ("GOMA, DR Congo, June 4 - Gunmen killed three traders at the Virunga roundabout on "
         "Monday.", "CD", "North Kivu"),
        ("QUETTA, Pakistan, Aug 2 - Gunmen shot dead four labourers at the Sariab Road camp on "
         "Monday.", "PK", "Balochistan"),
        ("MAIDUGURI, Nigeria, Jan 4 - Gunmen stormed the Gwange ward on Monday night, killing "
         "six people.", "NG", "Borno"),
    ],
)  # fmt: skip
@pytest.mark.slow
def test_a_place_the_gazetteer_lacks_lies_in_the_dateline_town(
    text: str, iso: str, admin1: str
) -> None:
    x = _read(text)
    loc = x.incidents[0].location
    assert loc is not None
    assert (loc.iso, loc.admin1) == (iso, admin1)
    assert loc.span is not None and text[loc.span.start : loc.span.end] == loc.name


@pytest.mark.slow
def test_a_dateline_town_outweighs_a_namesake_abroad() -> None:
    # "Yadana" is another name of Adana (Turkey): a report filed from Mandalay is in Myanmar
    x = _read("MANDALAY, Feb 9 - Security forces opened fire on striking workers on Saturday, "
              "killing two. The shooting happened near the Yadana jetty.")  # fmt: skip
    loc = x.incidents[0].location
    assert loc is not None and loc.iso == "MM" and loc.resolved is False


@pytest.mark.slow
def test_the_capital_a_report_is_filed_from() -> None:
    x = _read("KATHMANDU, Nepal, March 2 - Police fired on a rally in eastern Kathmandu on "
              "Friday, killing two people.")  # fmt: skip
    loc = x.incidents[0].location
    assert loc is not None and (loc.name, loc.iso, loc.precision) == ("Kathmandu", "NP", 1)


def test_reading_the_dateline() -> None:
    from reckon.geo import build_context, get_gazetteer
    from reckon.geocode.dateline import read_dateline

    gaz = get_gazetteer()
    cases = [
        ("LAHORE, Pakistan, March 15 - Police", "LAHORE", "PK"),
        ("BIJAPUR: Armed men", "BIJAPUR", "IN"),
        ("MOSUL, Iraq, May 3 (Tigris Wire) - Clashes", "MOSUL", "IQ"),
        ("ISLAMABAD/NEW DELHI, May 7 - Missiles", "ISLAMABAD", "PK"),
        ("BAMAKO, 4 June - Gunmen", "BAMAKO", "ML"),
    ]
    for text, name, iso in cases:
        dl = read_dateline(gaz, text, build_context(gaz, text=text))
        assert dl is not None and (dl.name, dl.place.iso) == (name, iso), text
    for text in ("URGENT: 4 men kidnapped", "Police said on Monday - nothing", "On 4 May, X"):
        assert read_dateline(gaz, text, build_context(gaz, text=text)) is None
