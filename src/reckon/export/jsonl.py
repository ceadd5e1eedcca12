"""JSONL with full provenance: one incident a line (members, claims, spans, link scores, rule),
then one line per cumulative toll (``"record": "toll"``), never mixed into incident figures, then
one line per reaction (``"record": "reaction"``): statements, condemnations, investigations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from reckon.link import incident_to_json, reaction_to_json, toll_to_json
from reckon.model import Incident, Reaction, Toll


def write_jsonl(
    incidents: Iterable[Incident],
    out: TextIO,
    tolls: Iterable[Toll] = (),
    reactions: Iterable[Reaction] = (),
) -> int:
    n = 0
    for inc in incidents:
        out.write(json.dumps({"record": "incident", **incident_to_json(inc)}, ensure_ascii=False))
        out.write("\n")
        n += 1
    for t in tolls:
        out.write(json.dumps({"record": "toll", **toll_to_json(t)}, ensure_ascii=False))
        out.write("\n")
        n += 1
    for r in reactions:
        out.write(json.dumps({"record": "reaction", **reaction_to_json(r)}, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
