"""The plain-text report of ``reckon eval``: the metric table (each metric with its label, value
and numerator / denominator, then linking and pipeline failures) and the list of mismatches.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reckon.evaluate.linking import LinkScore
from reckon.evaluate.results import EvalResult

# Metrics in display order, with the label printed in the table.
METRIC_LABELS: tuple[tuple[str, str], ...] = (
    ("incident_precision", "incident precision"),
    ("incident_recall", "incident recall"),
    ("incident_f1", "incident F1"),
    ("main_incident_found", "main incident found"),
    ("event_type_accuracy", "event type accuracy"),
    ("sub_event_type_accuracy", "sub-type accuracy"),
    ("ucdp_type_compatible", "UCDP type of violence compatible"),
    ("perpetrator_type_agreement", "perpetrator type agreement (matched)"),
    ("perpetrator_type_set_exact", "perpetrator types exact set (matched)"),
    ("target_type_agreement", "target type agreement (matched)"),
    ("target_type_set_exact", "target types exact set (matched)"),
    ("actor_types_all_right", "actor types all right (matched)"),
    ("no_event_reports_empty", "reports with no event: none found"),
    ("fatalities_best_exact", "fatalities best exact"),
    ("fatalities_interval_coverage", "fatalities interval coverage"),
    ("fatalities_null_kept", "fatalities null kept null"),
    ("reports_with_death_toll_best_exact", "reports with a death toll: best exact"),
    ("reports_without_death_toll_none_invented", "reports without a death toll: none invented"),
    ("injured_best_exact", "injured best exact"),
    ("abducted_best_exact", "abducted best exact"),
    ("arrested_best_exact", "arrested best exact"),
    ("toll_precision", "toll precision"),
    ("toll_recall", "toll recall"),
    ("tolls_counted_as_incidents", "tolls counted as incidents (count)"),
    ("reaction_precision", "reaction precision"),
    ("reaction_recall", "reaction recall"),
    ("reaction_kind_exact", "reaction kind exact (matched)"),
    ("date_exact", "date exact"),
    ("date_within_1d", "date within 1 day"),
    ("country_accuracy", "country accuracy"),
    ("admin1_accuracy", "admin1 accuracy"),
    ("within_25km", "within 25 km"),
    ("precision_agreement", "place precision agreement"),
    ("admin1_any_incident", "admin1 of any predicted incident (diagnostic)"),
    ("wikievents_doc_detection", "docs with attack/death/injury: incident found"),
    ("wikievents_violent_sentence_recall", "attack/death/injury sentences with evidence"),
    ("wikievents_incident_precision", "incidents in an annotated event sentence"),
)


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def render_table(
    result: EvalResult,
    *,
    fmt: str,
    gold_path: str,
    linking: LinkScore | None,
    linking_note: str | None,
    failures: Sequence[tuple[str, str]],
    seconds: float,
) -> str:
    metrics = result.metrics()
    c = result.counts
    lines = [
        f"gold: {gold_path} ({fmt}; {result.reports} reports; {seconds:.1f} s)",
    ]
    if c.full_rows:
        lines.append(
            f"incidents: gold {c.gold_incidents}, predicted {c.pred_incidents}, "
            f"matched {c.matched_incidents}"
        )
    if c.main_rows:
        lines.append(
            f"main-incident rows: {c.main_rows} (the highest-confidence predicted incident is "
            "scored against the one gold incident)"
        )
    if c.full_rows:
        lines.append(
            f"tolls: gold {c.gold_tolls}, predicted {c.pred_tolls}, matched {c.matched_tolls}; "
            f"reactions: gold {c.gold_reactions}, predicted {c.pred_reactions}, "
            f"matched {c.matched_reactions}"
        )
    if fmt == "ucdp":
        lines.append("note: UCDP headline labels are weak (headlines often cover several events)")
    lines.append("")
    width = max(len(label) for _, label in METRIC_LABELS) + 2
    lines.append(f"{'metric':<{width}}{'value':>7}  n/d")
    for key, label in METRIC_LABELS:
        if key not in metrics:
            continue
        v = metrics[key]
        if key == "tolls_counted_as_incidents":
            lines.append(
                f"{label:<{width}}{int(v or 0):>7}  ({c.reports_with_toll_as_incident} reports)"
            )
            continue
        ratio = result.ratios.get(key)
        nd = ""
        if ratio is not None and ratio.den:
            nd = f"{ratio.num:g}/{ratio.den:g}"
        elif key.startswith("incident_"):
            num = c.matched_incidents
            nd = f"{num}/{c.pred_incidents if key == 'incident_precision' else c.gold_incidents}"
            if key == "incident_f1":
                nd = ""
        elif key.startswith("toll_"):
            nd = f"{c.matched_tolls}/{c.pred_tolls if key == 'toll_precision' else c.gold_tolls}"
        elif key.startswith("reaction_"):
            den = c.pred_reactions if key == "reaction_precision" else c.gold_reactions
            nd = f"{c.matched_reactions}/{den}"
        lines.append(f"{label:<{width}}{_fmt(v):>7}  {nd}")
    if linking is not None:
        lines += [
            "",
            f"linking (pairs of cluster reports: {linking.pairs}): precision "
            f"{_fmt(linking.precision)}, recall {_fmt(linking.recall)}, F1 {_fmt(linking.f1)} "
            f"(tp {linking.tp}, fp {linking.fp}, fn {linking.fn})",
        ]
    elif linking_note:
        lines += ["", f"linking: {linking_note}"]
    if failures:
        lines += ["", f"pipeline failures: {len(failures)} (scored as empty extractions)"]
        by_msg: dict[str, list[str]] = {}
        for rid, msg in failures:
            by_msg.setdefault(msg, []).append(rid)
        for msg, rids in sorted(by_msg.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            more = f" and {len(rids) - 5} more" if len(rids) > 5 else ""
            lines.append(f"  {msg}: {', '.join(rids[:5])}{more}")
    return "\n".join(lines)


def _short(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def render_errors(result: EvalResult) -> str:
    lines = ["", f"mismatches: {len(result.errors)}", "report\tfield\tgold\tpredicted"]
    for m in result.errors:
        lines.append(f"{m.report}\t{m.field}\t{_short(m.gold)}\t{_short(m.predicted)}")
    return "\n".join(lines)
