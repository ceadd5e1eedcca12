"""Offline gazetteer and transliteration-aware place resolution (see reckon.geocode)."""

from reckon.geo.normalize import admin1_key, light_key, name_key, same_admin1
from reckon.geo.resolver import (
    Context,
    build_context,
    ensure_index,
    get_gazetteer,
    parse_toponym,
    resolve,
    set_gazetteer,
    ucdp_where_prec,
)
from reckon.geo.store import Gazetteer, GazetteerError, default_path

normalize_toponym = name_key  # the key the linker compares toponyms by

__all__ = [
    "Context",
    "Gazetteer",
    "GazetteerError",
    "admin1_key",
    "build_context",
    "default_path",
    "ensure_index",
    "get_gazetteer",
    "light_key",
    "name_key",
    "normalize_toponym",
    "parse_toponym",
    "resolve",
    "same_admin1",
    "set_gazetteer",
    "ucdp_where_prec",
]
