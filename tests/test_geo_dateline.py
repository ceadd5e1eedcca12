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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("KATHMANDU, Nepal, May 3 - Police fired tear gas at protesters in Sinamangal on "
         "Friday. Clashes also broke out elsewhere in Kathmandu.", 27.70, 85.32),
        ("DHAKA, May 3 - Police fired tear gas at protesters in Shantinagar on Friday, injuring "
         "20. Similar clashes were reported elsewhere in Dhaka.", 23.71, 90.41),
    ],
)  # fmt: skip
def test_a_quarter_of_the_capital_a_report_is_filed_from(text: str, lat: float, lon: float) -> None:
    # the report's places put the quarter in the capital's province: it lies at the capital
    # (not at the seat of a namesake province elsewhere)
    loc = _read(text).incidents[0].location
    assert loc is not None and loc.lat is not None and loc.lon is not None
    assert abs(loc.lat - lat) < 0.05 and abs(loc.lon - lon) < 0.05
    assert loc.precision == 2 and loc.resolved is False


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("A mob in western Kenya lynched two suspected thieves on Sunday, police said.\n\n"
         "The men were caught at a market in Kakamega town and beaten before officers arrived.",
         "Kakamega", "Kakamega"),
        ("Soldiers opened fire on protesters in northern Nigeria on Friday, killing three.\n\n"
         "The shooting happened outside the emir's palace in Zaria, witnesses said.",
         "Zaria", "Kaduna"),
    ],
)  # fmt: skip
def test_a_country_wide_incident_takes_the_one_town_the_report_names(
    text: str, name: str, admin1: str
) -> None:
    loc = _read(text).incidents[0].location
    assert loc is not None and (loc.name, loc.admin1) == (name, admin1)
    assert loc.span is not None and text[loc.span.start : loc.span.end] == name


def test_two_towns_leave_a_country_wide_incident_where_it_is() -> None:
    from reckon.geocode.dateline import country_to_only_town
    from reckon.model import Extraction, Location, Mention, Span

    text = "Protests spread across Kenya. Crowds gathered in Kisumu and Eldoret."
    rep = Report(id="t", raw=text.encode(), raw_text=text, text=text)

    def town(name: str) -> Location:
        a = text.index(name)
        return Location(name=name, span=Span.of(text, a, a + len(name)), iso="KE",
                        resolved=True, feature="town")  # fmt: skip

    kenya = Location(name="Kenya", span=Span.of(text, 23, 28), iso="KE", feature="country")
    x = Extraction(report=rep, incidents=[Mention("Protests", "Peaceful protest", location=kenya)])
    x.places = [kenya, town("Kisumu"), town("Eldoret")]
    country_to_only_town(x, None)
    assert x.incidents[0].location is kenya
    x.places = [kenya, town("Kisumu")]
    country_to_only_town(x, None)
    loc = x.incidents[0].location
    assert loc is not None and loc.name == "Kisumu"
