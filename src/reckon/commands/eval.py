"""``reckon eval GOLD.jsonl``: run the pipeline on gold reports and score it.

The pipeline runs in-process (``reckon.ingest.report_from_text`` -> ``reckon.extract.extract`` ->
``reckon.geocode.geocode``); the scoring is :mod:`reckon.evaluate`, the plain-text report
:mod:`reckon.evaluate.render`. Reports whose gold rows carry a ``cluster`` are also linked
(``reckon.link.link_extractions``) and scored pairwise.
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
from reckon.evaluate.render import render_errors, render_table
from reckon.progress import progress


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
