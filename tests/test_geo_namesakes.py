"""Issue 11, acceptance 3: no incident is placed in a country that no toponym, actor, demonym or
dateline of its report points to. Each report below names a place with namesakes on other
continents (Santa Cruz, Tame, Hays, Kani, Bor ...) and says where it is only through its other
words: a group, a state force, a demonym, an administrative word, a province, a dateline. All
texts are our own."""

from __future__ import annotations

import pytest

from reckon.model import Report

CASES = [
    # (text, the countries the report points to)
    ("Fighters of al-Shabaab attacked an army base in Bardere on Monday, killing four soldiers.",
     {"SO", "KE"}),
    ("Unknown gunmen killed three farmers in Kasuwa village, Zamfara State, on Sunday.", {"NG"}),
    ("JNIM militants ambushed a patrol of the Burkinabe army near Koumbri on Friday, killing 12 "
     "soldiers.", {"BF", "ML", "NE", "BJ", "TG"}),
    ("Russian drones struck a fuel depot in Pavlohrad, Dnipropetrovsk oblast, on Tuesday night, "
     "injuring three people.", {"UA", "RU"}),
    ("Police fired tear gas at protesters in Santa Cruz on Thursday as Bolivian truckers blocked "
     "highways.", {"BO"}),
    ("The Tatmadaw shelled Kani township in Sagaing region on Sunday, killing five villagers.",
     {"MM"}),
    ("Imbonerakure members beat two opposition activists in Kirundo on Saturday.", {"BI"}),
    ("ELN guerrillas attacked a police station in Tame, Arauca, on Monday, killing two officers.",
     {"CO", "VE"}),
    ("Houthi forces shelled residential areas of Hays district on Wednesday, killing a child.",
     {"YE"}),
    ("Gunmen killed 11 people at a bar in Celaya, Guanajuato, on Saturday night, Mexican police "
     "said.", {"MX"}),
    ("Clashes between FACA soldiers and rebels in Bambari left six dead on Friday.", {"CF"}),
    ("Armed Fulani herders attacked Maikatako village in Bokkos LGA on Sunday, killing 15.",
     {"NG"}),
    ("A landmine killed two soldiers near Tal Tamr in Hasakah countryside, the SDF said.", {"SY"}),
    ("Suspected ADF rebels killed nine civilians in Mamove, Beni territory, on Thursday.",
     {"CD", "UG"}),
    ("Murle raiders attacked cattle camps near Bor (Bor South county, Jonglei) on Friday, killing "
     "17 herders.", {"SS"}),
    ("MANDALAY, Feb 9 - Security forces opened fire on striking workers on Saturday, killing two. "
     "The shooting happened near the Yadana jetty.", {"MM"}),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "pointed"), CASES)
def test_no_incident_in_a_country_nothing_points_to(text: str, pointed: set[str]) -> None:
    from reckon.extract import extract
    from reckon.geocode import geocode

    rep = Report(id="t", raw=text.encode(), raw_text=text, text=text, published="2024-03-09")
    x = geocode(extract(rep))
    assert x.incidents, text
    for inc in x.incidents:
        loc = inc.location
        assert loc is not None and loc.iso in pointed, (text, loc)
