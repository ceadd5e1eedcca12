"""What the incident and report pages show, assembled from the library's records, and the
conversion of the correction forms into the values ``reckon.store.review`` validates."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from reckon.link import count_to_json
from reckon.model import Incident
from reckon.serve.render import Mark, css_name, highlight
from reckon.store import Store
from reckon.store.review import COUNT_FIELDS, ReviewError, field_value, need

# which evidence fields support which incident field (the rows of the incident page)
EVIDENCE_OF = {
    "event_type": ("event", "clause"),
    "date": ("date",),
    "location": ("location",),
    "actors": ("actor",),
    "fatalities": ("fatalities",),
    "injured": ("injured",),
    "abducted": ("abducted",),
    "arrested": ("arrested",),
}
LABELS = {"event_type": "event type", "date": "date", "location": "place", "actors": "actors",
          "fatalities": "fatalities", "injured": "injured", "abducted": "abducted",
          "arrested": "arrested"}  # fmt: skip


def show(field: str, value: Any) -> str:
    """A field's JSON value as one line of text."""
    if value is None:
        return "not reported" if field in COUNT_FIELDS else "unknown"
    if field == "event_type":
        return f"{value['event_type']} / {value['sub_event_type']}"
    if field == "date":
        s, e = value.get("start"), value.get("end")
        return s if s == e or not e else f"{s} to {e}"
    if field == "location":
        where = ", ".join(str(value[k]) for k in ("name", "admin2", "admin1", "country")
                          if value.get(k))  # fmt: skip
        if value.get("lat") is not None:
            where += f" ({value['lat']:.4f}, {value['lon']:.4f}; precision {value.get('precision') or '?'})"
        return where
    if field == "actors":
        return "; ".join(f"{a['text']} ({a['role']}, {a.get('type') or 'type unknown'})"
                         for a in value) or "none named"  # fmt: skip
    hi = "unbounded" if value.get("high") is None else value["high"]
    lo = "unknown" if value.get("low") is None else value["low"]
    return f"{value['best']} (low {lo}, high {hi})"


def incident_view(store: Store, inc: Incident) -> dict[str, Any]:
    prov = inc.provenance
    members = prov.get("members", [])
    review = prov.get("review") or {}
    texts = report_texts(store, [r["id"] for r in prov.get("reports", [])])
    evidence: dict[str, list[dict[str, Any]]] = {f: [] for f in EVIDENCE_OF}
    marks: dict[str, list[Mark]] = {rid: [] for rid in texts}
    broken = 0
    n = 0
    for m, mem in zip(inc.mentions, members, strict=False):
        rid, key = mem["report_id"], mem["mention"]
        rep = texts.get(rid)
        for ev in m.evidence:
            ok = rep is not None and rep[ev.start : ev.end] == ev.text
            if not ok:
                broken += 1
                continue
            n += 1
            anchor = f"ev-{n}"
            marks[rid].append(Mark(ev.start, ev.end, ev.field, f"{ev.field} ({key})", anchor))
            for f, kinds in EVIDENCE_OF.items():
                if ev.field in kinds:
                    evidence[f].append({"anchor": anchor, "text": ev.text, "mention": key,
                                        "report": rid, "kind": ev.field})  # fmt: skip
    machine = review.get("machine", {})
    fields = []
    for f in EVIDENCE_OF:
        value = field_value(inc, f)
        row = {"field": f, "label": LABELS[f], "value": value, "shown": show(f, value),
               "corrected": f in machine, "machine": show(f, machine.get(f)) if f in machine else None,
               "evidence": evidence[f], "figure": None, "claims": []}  # fmt: skip
        kind = COUNT_FIELDS.get(f)
        fig = (prov.get("figures") or {}).get(kind) if kind else None
        if fig:
            row["figure"] = fig
            for c in fig.get("claims", []):
                sp = c.get("span") or {}
                anchor = next((e["anchor"] for e in evidence[f] if e["mention"] == c["mention"]
                               and e["text"] == sp.get("text")), None)  # fmt: skip
                status = ("retained" if c["mention"] in fig.get("retained", [])
                          else "set aside: " + str(fig.get("set_aside", {}).get(c["mention"], "")))  # fmt: skip
                row["claims"].append({**c, "anchor": anchor, "status": status})
        if f in COUNT_FIELDS and value is None and not fig and not row["corrected"]:
            row["shown"] = "not reported"
        fields.append(row)
    reports = []
    copies = prov.get("copies", {})
    for r in prov.get("reports", []):
        rep = texts.get(r["id"])
        reports.append({
            **r, "copy_info": copies.get(r["id"]),
            "html": highlight(rep, marks.get(r["id"], [])) if rep is not None else Markup(""),
            "fields": sorted({css_name(m.field) for m in marks.get(r["id"], [])}),
        })  # fmt: skip
    score, why = need(inc)
    return {
        "inc": inc, "fields": fields, "reports": reports, "members": members,
        "mentions": list(zip(inc.mentions, members, strict=False)),
        "review": review, "need": score, "why": why, "broken_spans": broken,
        "form": {f["field"]: f["value"] for f in fields}, "COUNT_FIELDS": COUNT_FIELDS,
        "count_json": count_to_json,
    }  # fmt: skip


def report_texts(store: Store, ids: list[str]) -> dict[str, str]:
    """The cleaned texts of these reports (one query; no raw bytes loaded)."""
    import sqlalchemy as sa

    from reckon.store import reports

    if not ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(reports.c.id, reports.c.text).where(reports.c.id.in_(ids)))
        return {r.id: r.text for r in rows}


def report_view(rec: dict[str, Any]) -> dict[str, Any]:
    text = rec["text"]
    marks: list[Mark] = []
    n = 0
    for kind in ("mentions", "tolls", "reactions"):
        for item in rec["read"][kind]:
            for ev in item.get("evidence", []):
                if text[ev["start"] : ev["end"]] != ev["text"]:
                    continue
                n += 1
                label = f"{ev['field']} ({item['key']}, {kind[:-1]})"
                marks.append(Mark(ev["start"], ev["end"], ev["field"], label, f"ev-{n}"))
    return {"rep": rec, "html": highlight(text, marks),
            "fields": sorted({css_name(m.field) for m in marks})}  # fmt: skip


def form_value(field: str, form: dict[str, str]) -> Any:
    """The JSON value of a correction form (validated afterwards by ``review.validate``)."""
    if field == "event_type":
        et, _, st = form.get("type", "").partition("|")
        return {"event_type": et, "sub_event_type": st}
    if field == "date":
        return {"start": form.get("start"), "end": form.get("end") or form.get("start")}
    if field == "location":
        if form.get("none"):
            return None
        return {k: form.get(k) or None
                for k in ("name", "country", "admin1", "admin2", "lat", "lon", "precision")}  # fmt: skip
    if field == "actors":
        actors = []
        for line in form.get("actors", "").splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3:
                raise ReviewError("each actor line is: role | type | name")
            actors.append({"role": parts[0], "type": parts[1] or None, "text": parts[2]})
        return actors
    if field in COUNT_FIELDS:
        if form.get("none"):
            return None
        return {k: form.get(k) or None for k in ("low", "best", "high")}
    raise ReviewError(f"unknown field {field!r}")
