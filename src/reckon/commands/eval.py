"""``reckon eval GOLD.jsonl``: run the pipeline on gold reports and score it.

The pipeline runs in-process (``reckon.ingest.report_from_text`` -> ``reckon.extract.extract`` ->
``reckon.geocode.geocode``); the scoring is :mod:`reckon.evaluate`. Reports whose gold rows carry
a ``cluster`` are also linked (``reckon.link.link_extractions``) and scored pairwise.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from reckon.commands.options import quiet_option
from reckon.evaluate import (
    EvalResult,
    LinkScore,
    pairwise_link_scores,
    score,
    score_wikievents,
    split_part,
)
from reckon.progress import progress

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


class GoldError(click.ClickException):
    """A gold file that cannot be read, named in the message."""


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL gold file; a bad line raises :class:`GoldError` naming file and line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: cannot read ({e})") from None
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        if not isinstance(row, dict):
            raise GoldError(f"{path}:{n}: expected a JSON object per line")
        rows.append(row)
    if not rows:
        raise GoldError(f"{path}: no rows")
    return rows


def detect_format(rows: Sequence[dict[str, Any]]) -> str:
    """``gold`` (reckon schema), ``fakes`` (main incident, crowd-coded date and place),
    ``ucdp`` (weakly labelled headlines) or ``wikievents`` (token-level event annotation, scored
    for event detection only)."""
    first = rows[0]
    if "event_mentions" in first and "tokens" in first:
        return "wikievents"
    if any(r.get("weak_labels") for r in rows):
        return "ucdp"
    if any(r.get("main_incident_only") for r in rows):
        return "fakes"
    return "gold"


def _check_rows(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    for n, r in enumerate(rows, 1):
        if not isinstance(r.get("text"), str):
            raise GoldError(f"{path}: row {n} has no 'text' string")
        if not isinstance(r.get("incidents", []), list):
            raise GoldError(f"{path}: row {n} has 'incidents' that is not a list")


def _pipeline() -> tuple[Callable[..., Any], Callable[[Any], Any], Callable[[Any], Any] | None]:
    try:
        from reckon.extract import extract
        from reckon.ingest import report_from_text
    except ImportError as e:
        raise click.ClickException(f"the extraction pipeline is not available: {e}") from None
    except Exception as e:  # a broken module: say which, without a traceback
        raise click.ClickException(f"the extraction pipeline failed to load: {e!r}") from None
    try:
        from reckon.geocode import geocode
    except ModuleNotFoundError:
        return report_from_text, extract, None
    except Exception as e:
        raise click.ClickException(f"reckon.geocode failed to load: {e!r}") from None
    return report_from_text, extract, geocode


def run_pipeline(
    rows: Sequence[dict[str, Any]],
    *,
    published_from_gold: bool = True,
    do_geocode: bool = True,
    on_report: Callable[[], None] | None = None,
) -> tuple[list[Any | None], list[tuple[str, str]]]:
    """Extractions for each gold row (``None`` where the pipeline failed) and the failures.

    ``on_report()`` is called after each row (progress).
    """
    report_from_text, extract, geocode = _pipeline()
    out: list[Any | None] = []
    failures: list[tuple[str, str]] = []
    cache: dict[tuple[Any, ...], Any] = {}
    for r in rows:
        rid = str(r.get("id"))
        published = r.get("published") if published_from_gold else None
        key = (rid, r.get("text"), r.get("title"), published, r.get("source"))
        if key in cache:  # a gold file may code one article several times
            out.append(cache[key])
            if on_report is not None:
                on_report()
            continue
        try:
            report = report_from_text(
                r["text"],
                id=rid,
                title=r.get("title"),
                published=published,
                source=r.get("source"),
                url=r.get("url"),
            )
            ex = extract(report)
            if do_geocode and geocode is not None:
                ex = geocode(ex)
        except Exception as e:  # a pipeline bug must not hide the other reports' scores
            failures.append((rid, f"{type(e).__name__}: {e}"))
            ex = None
        cache[key] = ex
        out.append(ex)
        if on_report is not None:
            on_report()
    return out, failures


def link_score(rows: Sequence[dict[str, Any]], extractions: Sequence[Any | None]) -> LinkScore:
    """Pairwise linking agreement over the rows that carry a ``cluster``."""
    from reckon.link import link_extractions

    gold = {str(r["id"]): str(r["cluster"]) for r in rows if r.get("cluster")}
    exs = [x for r, x in zip(rows, extractions, strict=True) if r.get("cluster") and x is not None]
    incidents = link_extractions(exs)
    groups: list[list[str]] = []
    for inc in incidents:
        ids = [m.report_id for m in inc.mentions if m.report_id]
        if not ids:
            ids = [str(x["id"]) for x in inc.provenance.get("reports", []) if "id" in x]
        groups.append(ids)
    return pairwise_link_scores(gold, groups)


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


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False), metavar="GOLD.jsonl")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the metrics as one JSON object (no table)."
)
@click.option("--errors", is_flag=True, help="List every mismatch: report, field, gold, predicted.")
@click.option(
    "--published-from-gold/--no-published-from-gold",
    default=True,
    show_default=True,
    help="Give the pipeline each gold row's publication date (relative dates resolve on it).",
)
@click.option(
    "--geocode/--no-geocode",
    "do_geocode",
    default=True,
    show_default=True,
    help="Resolve places with the gazetteer before scoring (place metrics need it).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), metavar="N", help="Score only the first N rows."
)
@click.option(
    "--part",
    type=click.Choice(["all", "learn", "measure"]),
    default="all",
    show_default=True,
    help="Score only one part of the gold file: 'learn' (ids ending in an odd number) or "
    "'measure' (even); see README, Measuring quality.",
)
@quiet_option
def eval_cmd(
    gold: Path,
    as_json: bool,
    errors: bool,
    published_from_gold: bool,
    do_geocode: bool,
    limit: int | None,
    part: str,
    quiet: bool,
) -> None:
    """Run extraction on the reports of GOLD.jsonl and score it against their gold records.

    Reads the reckon gold schema, FA-KES rows (main incident: date and place), UCDP headline
    rows (weak labels) and WikiEvents documents (event detection only); the format is detected
    from the keys. Progress goes to stderr.
    """
    rows = load_gold(gold)
    fmt = detect_format(rows)
    if part != "all":
        rows = [r for r in rows if split_part(r.get("id", r.get("doc_id"))) == part]
        if not rows:
            raise GoldError(f"{gold}: no rows in the {part} part")
    if limit:
        rows = rows[:limit]
    if fmt == "wikievents":
        rows = [{**r, "id": r.get("doc_id"), "published": None} for r in rows]
    _check_rows(gold, rows)
    t0 = time.perf_counter()
    quiet_or_env = False if quiet else None
    with progress(total=len(rows), unit="reports", label="eval", enabled=quiet_or_env) as bar:
        extractions, failures = run_pipeline(
            rows,
            published_from_gold=published_from_gold,
            do_geocode=do_geocode,
            on_report=bar.advance,
        )
    seconds = time.perf_counter() - t0
    preds = [None if x is None else x.as_dict() for x in extractions]
    if fmt == "wikievents":
        result = EvalResult()
        for r, p in zip(rows, preds, strict=True):
            result.merge(score_wikievents(r, p))
        if not errors:
            result.errors.clear()
    else:
        result = score(rows, preds, errors=errors)

    linking: LinkScore | None = None
    linking_note: str | None = None
    if any(r.get("cluster") for r in rows):
        try:
            linking = link_score(rows, extractions)
        except ImportError as e:
            linking_note = f"reckon.link is not available yet ({e}); pairwise F1 not measured"

    if as_json:
        out = {"gold": str(gold), "format": fmt, "seconds": round(seconds, 2), **result.as_dict()}
        out["linking"] = linking.as_dict() if linking else None
        if linking_note:
            out["linking_note"] = linking_note
        out["failures"] = [{"report": r, "error": m} for r, m in failures]
        if errors:
            out["errors"] = [m.as_dict() for m in result.errors]
        click.echo(json.dumps(out, ensure_ascii=False, sort_keys=True))
        return
    click.echo(
        render_table(
            result,
            fmt=fmt,
            gold_path=str(gold) if part == "all" else f"{gold} [{part} part]",
            linking=linking,
            linking_note=linking_note,
            failures=failures,
            seconds=seconds,
        )
    )
    if errors:
        click.echo(render_errors(result))
    if failures:
        print(f"reckon eval: {len(failures)} report(s) failed in the pipeline", file=sys.stderr)


COMMANDS = [eval_cmd]
