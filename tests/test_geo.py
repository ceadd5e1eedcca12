"""Geocoding: keys, phrase parsing, the default gazetteer, imports, the stage API and the CLI."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reckon.geo import Gazetteer, GazetteerError, same_admin1, ucdp_where_prec
from reckon.geo.imports import detect_kind, import_files
from reckon.geo.normalize import admin1_key, light_key, name_key
from reckon.geo.resolver import haversine_km, parse_toponym
from reckon.geo.sources import iter_json_object
from reckon.model import Extraction, Location, Report, Span

FIXTURES = Path(__file__).parent / "fixtures" / "geo"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# -- keys ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ["Jableh", "Jablah", "Jebleh"],
        ["Tartous", "Tartus", "Tartouss", "Ţarţūs"],
        ["Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr", "Dayr al-Zawr"],
        ["Sweida", "Suwayda", "As-Suwayda"],
        ["al-Mayadin", "Mayadeen", "Al Mayādīn"],
        ["Hudaydah", "Hodeidah", "Hodeida", "al-Hodeidah"],
        ["al-Mukhtareyah", "Al Mukhtariyah"],
        ["Banias", "Baniyas"],
        ["Raqqa", "Ar-Raqqah"],
        ["Daraa", "Dar'a", "Dar‘ā"],
    ],
)
def test_transliteration_variants_share_a_key(variants: list[str]) -> None:
    assert len({name_key(v) for v in variants}) == 1, [name_key(v) for v in variants]


def test_light_key_drops_articles_marks_and_doubles() -> None:
    assert light_key("Al-Lattakia") == light_key("Latakia") == "latakia"
    assert light_key("Ma‘arrat al-Nu'man") == light_key("Maarat Numan")
    assert name_key("") == ""


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tartus", "Tartous", True),
        ("Daraa", "Dar'a", True),
        ("Al Hasakah", "Hasakah", True),
        ("Muhafazat al Hudaydah", "Al Hudaydah", True),
        ("Ta'izz", "Taiz", True),
        ("Northern Darfur", "North Darfur", True),
        ("Shamal Kurdufan", "North Kordofan", True),
        ("Nord Kivu", "North Kivu", True),
        ("Dimashq", "Damascus", True),
        ("Basra Governorate", "Basra", True),
        ("Kiev", "Kyiv", True),
        ("Rif-dimashq", "Rif Dimashq", True),
        ("Latakia", "Tartus", False),
        ("North Darfur", "South Darfur", False),
        ("East Darfur", "West Darfur", False),
        ("Kyiv City", "Kyiv", False),
        ("Hama", "Homs", False),
        (None, "Homs", False),
    ],
)
def test_same_admin1(a: str | None, b: str | None, same: bool) -> None:
    assert same_admin1(a, b) is same
    assert admin1_key("Latakia Governorate") == admin1_key("Latakia")


@pytest.mark.parametrize(
    ("text", "core", "feature", "precision"),
    [
        ("Latakia province", "Latakia", "admin1", None),
        ("the province of Idlib", "Idlib", "admin1", None),
        ("outskirts of Jableh", "Jableh", None, 2),
        ("Homs countryside", "Homs", None, 2),
        ("south of Aleppo", "Aleppo", None, 2),
        ("the town of Safita", "Safita", "city", None),
        ("North Kordofan", "North Kordofan", None, None),
        ("South Sudan", "South Sudan", None, None),
    ],
)
def test_parse_toponym(text: str, core: str, feature: str | None, precision: int | None) -> None:
    t = parse_toponym(text)
    assert (t.core, t.feature, t.precision) == (core, feature, precision)


def test_ucdp_where_prec() -> None:
    town = Location("Jableh", iso="SY", admin1="Latakia", lat=35.4, lon=35.9, precision=1,
                    resolved=True, feature="town")  # fmt: skip
    near = Location("near Jableh", iso="SY", admin1="Latakia", lat=35.4, lon=35.9, precision=2,
                    resolved=True, feature="town")  # fmt: skip
    prov = Location("Latakia province", iso="SY", admin1="Latakia", lat=35.5, lon=35.8,
                    precision=3, resolved=True, feature="admin1")  # fmt: skip
    country = Location("Syria", iso="SY", lat=33.5, lon=36.3, precision=3, resolved=True,
                       feature="country")  # fmt: skip
    sea = Location("the Red Sea", precision=3)
    assert [ucdp_where_prec(x) for x in (town, near, prov, country, sea)] == [1, 2, 4, 6, 7]


def test_streaming_json_reader(tmp_path: Path) -> None:
    data = {str(i): {"name": f"Place {i}", "alt": ["x" * (i % 7), "ü"]} for i in range(300)}
    p = tmp_path / "d.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    assert dict(iter_json_object(p, chunk_size=64)) == data
    bad = tmp_path / "bad.json"
    bad.write_text('{"1": {"name": "x"', encoding="utf-8")
    with pytest.raises(GazetteerError, match="bad.json"):
        list(iter_json_object(bad, chunk_size=8))


# -- a small index made only of the fixtures (fast) ------------------------------------------


@pytest.fixture()
def mini_index(tmp_path: Path) -> Path:
    path = tmp_path / "mini.sqlite"
    import_files(
        path,
        [FIXTURES / n for n in ("admin1CodesASCII.txt", "admin2Codes.txt", "SY.zip",
                                "alternateNamesV2.txt", "local_additions.csv")],
    )  # fmt: skip
    return path


def test_detect_kind() -> None:
    kinds = {n: detect_kind(FIXTURES / n) for n in (
        "SY.txt", "SY.zip", "admin1CodesASCII.txt", "admin2Codes.txt", "alternateNamesV2.txt",
        "local_additions.csv")}  # fmt: skip
    assert kinds == {
        "SY.txt": "geonames",
        "SY.zip": "geonames",
        "admin1CodesASCII.txt": "admin1",
        "admin2Codes.txt": "admin2",
        "alternateNamesV2.txt": "altnames",
        "local_additions.csv": "csv",
    }


def test_imports_into_an_empty_index(mini_index: Path) -> None:
    gaz = Gazetteer(mini_index)
    hits = gaz.lookup(name_key("al-Mukhtareyah"))
    assert [(h.place.name, h.place.country, h.place.admin1, h.place.admin2) for h in hits] == [
        ("Al Mukhtariyah", "SY", "Latakia", "Jableh District")
    ]
    # alternate names file: English name added, link and Arabic script skipped
    assert [h.place.geonameid for h in gaz.lookup(name_key("Fictiyeh"))] == [900000003]
    # local CSV: country by name, admin1 by variant spelling, alternate names split on |
    (h,) = gaz.lookup(name_key("Mazaira'a"))
    assert (h.place.source, h.place.admin1, h.place.prio) == ("local", "Latakia", 2)
    (w,) = gaz.lookup(name_key("Wadi Tastun"))
    assert (w.place.country, w.place.admin1, w.place.admin2) == ("SY", "Tartus", "Safita")
    # class T (hill) is not imported by default
    assert gaz.lookup(name_key("Ras al Bassit Hills")) == ()


def test_reimport_replaces_by_geonameid(mini_index: Path) -> None:
    import_files(mini_index, [FIXTURES / "SY.txt"])
    gaz = Gazetteer(mini_index)
    assert len(gaz.lookup(name_key("Al Mukhtariyah"))) == 1


def test_bad_import_inputs_name_the_file(tmp_path: Path) -> None:
    bad_csv = tmp_path / "places.csv"
    bad_csv.write_text("name,lat\nX,1\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"places\.csv.*missing column"):
        import_files(tmp_path / "i.sqlite", [bad_csv])
    bad_country = tmp_path / "c.csv"
    bad_country.write_text("name,lat,lon,country\nX,1,2,Narnia\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"c\.csv:2: unknown country"):
        import_files(tmp_path / "i.sqlite", [bad_country])
    junk = tmp_path / "junk.txt"
    junk.write_text("hello world\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="unrecognised gazetteer file"):
        import_files(tmp_path / "i.sqlite", [junk])
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer(tmp_path / "missing.sqlite")


def test_cli_lookup_and_errors(mini_index: Path, tmp_path: Path) -> None:
    from reckon.cli import main

    runner = CliRunner()
    res = runner.invoke(main, ["gazetteer", "lookup", "--index", str(mini_index),
                               "Al-Mukhtariya", "--country", "SY"])  # fmt: skip
    assert res.exit_code == 0, res.output
    out = json.loads(res.output.splitlines()[0])
    assert (out["admin1"], out["resolved"], out["geonameid"]) == ("Latakia", True, 900000001)
    res = runner.invoke(main, ["gazetteer", "import", "--index", str(mini_index),
                               str(tmp_path / "nope.txt")])  # fmt: skip
    assert res.exit_code != 0 and "nope.txt" in res.output and "Traceback" not in res.output
    res = runner.invoke(main, ["gazetteer", "info", "--index", str(mini_index)])
    assert res.exit_code == 0 and "places.city" in res.output


# -- the default gazetteer (built once per machine, cached) ----------------------------------


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    from reckon.geo import get_gazetteer

    return get_gazetteer()


def _near(loc: Location, lat: float, lon: float, km: float = 10.0) -> bool:
    return loc.lat is not None and haversine_km(loc.lat, loc.lon, lat, lon) <= km


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "admin1", "lat", "lon"),
    [
        ("Jableh", "Latakia", 35.36, 35.92),
        ("Jablah", "Latakia", 35.36, 35.92),
        ("Jebleh", "Latakia", 35.36, 35.92),
        ("Tartous", "Tartus", 34.89, 35.89),
        ("Tartouss", "Tartus", 34.89, 35.89),
        ("Lattakia", "Latakia", 35.53, 35.79),
        ("Al-Ladhiqiyah", "Latakia", 35.53, 35.79),
        ("Deir al-Zour", "Deir ez-Zor", 35.34, 40.14),
        ("Dayr az Zawr", "Deir ez-Zor", 35.34, 40.14),
        ("Sweida", "As-Suwayda", 32.71, 36.57),
        ("Mayadeen", "Deir ez-Zor", 35.02, 40.45),
        ("Hodeidah", "Al Hudaydah", 14.80, 42.95),
    ],
)
def test_spelling_variants_resolve(gaz: Gazetteer, name: str, admin1: str, lat: float,
                                   lon: float) -> None:  # fmt: skip
    from reckon.geocode import geocode_name

    loc = geocode_name(name, context=["Syria", "Yemen"], gazetteer=gaz)
    assert loc.resolved and same_admin1(loc.admin1, admin1), loc
    assert _near(loc, lat, lon), loc
    assert loc.precision == 1 and loc.feature == "town"


@pytest.mark.slow
def test_precision_and_admin1_phrases(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode_name

    prov = geocode_name("Latakia province", gazetteer=gaz)
    assert (prov.feature, prov.precision, prov.iso, prov.admin1) == ("admin1", 3, "SY", "Latakia")
    near = geocode_name("outskirts of Jableh", gazetteer=gaz)
    assert near.precision == 2 and _near(near, 35.36, 35.92)
    hinted = geocode_name("Jableh", precision_hint=2, gazetteer=gaz)
    assert hinted.precision == 2
    country = geocode_name("DR Congo", gazetteer=gaz)
    assert (country.iso, country.feature, country.precision) == ("CD", "country", 3)
    region = geocode_name("Kyiv region", gazetteer=gaz)
    assert (region.iso, region.admin1, region.precision) == ("UA", "Kyiv", 3)


@pytest.mark.slow
def test_context_decides_between_namesakes(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode_name

    text = "Sudanese paramilitaries looted the market of Bara, North Kordofan, on Friday."
    bara = geocode_name("Bara", context=[text], gazetteer=gaz)
    assert (bara.iso, bara.admin1) == ("SD", "North Kordofan")
    damascus = geocode_name("Damascus", context=["Shelling hit Damascus, Syria, today."],
                            gazetteer=gaz)  # fmt: skip
    assert damascus.iso == "SY"


def _extraction(text: str, names: list[str]) -> Extraction:
    report = Report(id="t", raw=text.encode(), raw_text=text, text=text)
    places = [
        Location(name=n, span=Span.of(text, m.start(), m.end()))
        for n in names
        for m in re.finditer(re.escape(n), text)
    ]
    places.sort(key=lambda p: p.span.start if p.span else 0)
    return Extraction(report=report, places=places)


OUR_REPORT = (
    "Fighting spread across Syria's coast on Friday. Gunmen attacked a checkpoint near Jableh, "
    "killing four officers, and troops later deployed to villages in the provinces of Latakia "
    "and Tartus, including al-Mukhtareyah and Beit Qasrouni. The operation in Latakia and "
    "Tartus ended on Monday."
)


@pytest.mark.slow
def test_geocode_stage_on_our_report(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode

    ex = _extraction(OUR_REPORT, ["Syria", "Jableh", "Latakia", "Tartus", "al-Mukhtareyah",
                                  "Beit Qasrouni"])  # fmt: skip
    assert geocode(ex, gazetteer=gaz) is ex
    by = {}
    for p in ex.places:
        by.setdefault(p.name, []).append(p)
    (jableh,) = by["Jableh"]
    assert jableh.precision == 2 and jableh.admin1 == "Latakia" and _near(jableh, 35.36, 35.92)
    assert all(p.feature == "admin1" and p.precision == 3 for p in by["Latakia"] + by["Tartus"])
    for village in by["al-Mukhtareyah"] + by["Beit Qasrouni"]:
        assert village.iso == "SY" and village.admin1 in ("Latakia", "Tartus"), village
        assert not village.resolved and village.feature == "unresolved"


@pytest.mark.slow
def test_import_makes_the_village_resolvable(gaz: Gazetteer, tmp_path: Path) -> None:
    from reckon.geocode import geocode

    copy = tmp_path / "gaz.sqlite"
    shutil.copyfile(gaz.path, copy)
    import_files(copy, [FIXTURES / "SY.txt"])
    local = Gazetteer(copy)
    ex = _extraction(OUR_REPORT, ["Syria", "Latakia", "Tartus", "al-Mukhtareyah"])
    geocode(ex, gazetteer=local)
    (v,) = [p for p in ex.places if p.name == "al-Mukhtareyah"]
    assert (v.resolved, v.geonameid, v.admin1, v.precision) == (True, 900000001, "Latakia", 1)
    local.close()


@pytest.mark.slow
def test_seed_acceptance(gaz: Gazetteer) -> None:
    seed = SHARED / "seed" / "000_53e2a45ead0ef75f.txt"
    if not seed.exists():
        pytest.skip("shared seed not available")
    from reckon.geocode import geocode

    text = seed.read_text(encoding="utf-8")
    ex = _extraction(text, ["Jableh", "Latakia", "Tartous", "al-Mukhtareyah", "al-Mazairaa"])
    geocode(ex, gazetteer=gaz)
    for p in ex.places:
        assert p.iso == "SY", p
        if p.name == "Jableh":
            assert p.precision == 1 and p.admin1 == "Latakia" and _near(p, 35.36, 35.92)
        elif p.name in ("Latakia", "Tartous"):
            assert p.feature == "admin1" and p.precision == 3
        else:
            assert p.admin1 in ("Latakia", "Tartus")


@pytest.mark.slow
def test_dev_gold_quality(gaz: Gazetteer) -> None:
    path = SHARED / "eval" / "dev.gold.jsonl"
    if not path.exists():
        pytest.skip("shared dev gold not available")
    from reckon.geocode import geocode_name

    n = ok1 = n25 = ok25 = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = f"{row.get('title') or ''}\n{row['text']}"
        for inc in row["incidents"]:
            g = inc.get("location") or {}
            if not g.get("name"):
                continue
            loc = geocode_name(g["name"], context=[text], gazetteer=gaz)
            n += 1
            ok1 += same_admin1(loc.admin1, g.get("admin1"))
            if g.get("lat") is not None:
                n25 += 1
                ok25 += _near(loc, g["lat"], g["lon"], 25.0)
    assert ok1 / n >= 0.90 and ok25 / n25 >= 0.85, (ok1 / n, ok25 / n25)


def test_phrase_segments() -> None:
    from reckon.geocode import phrase_segments

    assert phrase_segments("Gobara, 15km Northwest of Gwoza, Gwoza LGA") == [
        "Gobara",
        "Gwoza",
        "Gwoza LGA",
    ]
    assert phrase_segments("Khak-e Safid District of Farah Province") == [
        "Khak-e Safid District",
        "Farah Province",
    ]
    assert phrase_segments("several areas") == []


@pytest.mark.slow
def test_descriptive_phrase_resolves_inside_its_container(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode_name

    loc = geocode_name("a village near Jableh in Latakia province", gazetteer=gaz)
    assert (loc.iso, loc.admin1, loc.precision) == ("SY", "Latakia", 2) and _near(loc, 35.36, 35.92)
    unknown = geocode_name("Qaryat Zzyzx Unknownia village in Tartous province", gazetteer=gaz)
    assert (unknown.iso, unknown.admin1, unknown.resolved) == ("SY", "Tartus", False)


@pytest.mark.slow
def test_state_suffix_and_squares_in_the_stage(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode

    text = "A bomb went off in a market in Dikwa, Borno State, on Monday."
    ex = _extraction(text, ["Dikwa", "Borno"])
    geocode(ex, gazetteer=gaz)
    got = {p.name: p for p in ex.places}
    assert (got["Borno"].iso, got["Borno"].feature) == ("NG", "admin1")
    assert (got["Dikwa"].iso, got["Dikwa"].admin1, got["Dikwa"].precision) == ("NG", "Borno", 1)
    text = "Protesters filled Tahrir Qasr square in the city of Sweida, in southern Syria."
    ex = _extraction(text, ["Tahrir Qasr", "Sweida", "Syria"])
    geocode(ex, gazetteer=gaz)
    square = next(p for p in ex.places if p.name == "Tahrir Qasr")
    assert (square.iso, square.admin1, square.resolved, square.precision) == (
        "SY",
        "As-Suwayda",
        False,
        1,
    )
    assert _near(square, 32.71, 36.57)


def test_same_admin1_keeps_compass_units_apart() -> None:
    assert not same_admin1("Kavango East", "Kavango West")
    assert not same_admin1("Northeast", "Northwest")
    assert same_admin1("Nurestan", "Nuristan") and same_admin1("Dahuk", "Duhok")
    assert not same_admin1("Tshopo", "Tshuapa")


def test_index_location_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reckon.geo.store import cache_dir, default_path

    monkeypatch.setenv("RECKON_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert default_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv("RECKON_GAZETTEER")
    monkeypatch.setenv("RECKON_CACHE_DIR", str(tmp_path / "cache"))
    assert default_path().parent == tmp_path / "cache"
    assert default_path().name.startswith("gazetteer-")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("RECKON_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    assert cache_dir().name == "reckon-cache"


@pytest.mark.slow
def test_names_with_extra_words(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode_name

    ctx = ["Syria"]
    town = geocode_name("Saraqeb Idlib", context=ctx, gazetteer=gaz)
    assert (town.iso, town.admin1, town.precision, town.feature) == ("SY", "Idlib", 1, "town")
    west = geocode_name("Western Homs", context=ctx, gazetteer=gaz)
    assert (west.admin1, west.precision) == ("Homs", 2)
    assert geocode_name("Idlibs", context=ctx, gazetteer=gaz).admin1 == "Idlib"
    # a part of a name is never taken abroad
    dam = geocode_name("Tishreen dam", context=ctx, gazetteer=gaz)
    assert dam.iso == "SY" and not dam.resolved
    # a world capital named in a report about Syria keeps its own country
    assert geocode_name("Moscow", context=["Aleppo", "Syria", "Idlib"], gazetteer=gaz).iso == "RU"


@pytest.mark.slow
def test_months_are_not_places(gaz: Gazetteer) -> None:
    from reckon.geocode import geocode_name

    loc = geocode_name("Oct", context=["Fighting in Aleppo, Syria, killed six people."],
                       gazetteer=gaz)  # fmt: skip
    assert not loc.resolved and loc.iso == "SY"
