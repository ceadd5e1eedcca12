"""Rebuild ``src/reckon/extract/data/screen.json``, the learned incident screen
(:mod:`reckon.extract.screen`).

    .venv/bin/python tools/train_screen.py [--shared ../shared/eval]

Data: the LEARNING part (ids ending in an odd digit, :func:`reckon.evaluate.split.split_part`)
of ``wide.dev.gold.jsonl`` and ``dev.gold.jsonl``. The measuring parts, the project's own
``tests/fixtures/reader`` sets and every other shared file are never read here.

Each report is read by the rules with the screen off; each incident read after the report's
first (the lead incident is always kept: a title alone or a one-line note has nothing else to go
by, and real headlines lost their only incident when it was screened) becomes one example
with the screen's features, labelled 1 when it pairs with a gold incident of its report (place
and date compatible, any type: :func:`reckon.evaluate.matching.match_incidents`) and 0 otherwise.
The model is an L2-regularised logistic regression fitted by L-BFGS from zero weights. The
regularisation strength and the threshold are chosen by 5-fold cross-validation over reports
(fold = rank of the report id mod 5) to maximise the incident F1 the out-of-fold decisions give, with the threshold at most 0.5:
the screen drops only incidents it judges more likely unreal than real.
Weights are rounded to 4 decimals and written with sorted keys, so a rebuild from the same data
and code is byte-identical. Progress and the cross-validated figures go to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

os.environ["RECKON_SCREEN"] = "0"

from reckon.evaluate.matching import match_incidents  # noqa: E402
from reckon.evaluate.split import split_part  # noqa: E402
from reckon.extract import screen  # noqa: E402
from reckon.extract.pipeline import extract_many  # noqa: E402
from reckon.geocode import geocode  # noqa: E402
from reckon.ingest import report_from_text  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src/reckon/extract/data/screen.json"
FILES = ("wide.dev.gold.jsonl", "dev.gold.jsonl")
C_GRID = (0.1, 0.3, 1.0, 3.0)


def examples(
    shared: Path,
) -> tuple[list[dict[str, float]], list[int], list[str], int, tuple[int, int]]:
    """Features, labels and report ids of every incident read after a report's first; the
    gold incident count; and how many first incidents were read and real (always kept)."""
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    n_gold = 0
    first_read = first_real = 0
    for name in FILES:
        rows = [json.loads(line) for line in (shared / name).open(encoding="utf-8") if line.strip()]
        rows = [r for r in rows if split_part(str(r.get("id"))) == "learn"]
        print(f"train_screen: {name}: {len(rows)} learning reports", file=sys.stderr)
        reports = [
            report_from_text(
                r["text"], id=str(r["id"]), title=r.get("title"), published=r.get("published"),
                source=r.get("source"), url=r.get("url"),
            )
            for r in rows
        ]
        for r, ex in zip(rows, extract_many(reports), strict=True):
            text = ex.report.text or ""
            fs = [screen.features(text, ex.incidents, i) for i in range(len(ex.incidents))]
            pred = [m.as_dict() for m in geocode(ex).incidents]
            gold = list(r.get("incidents") or [])
            n_gold += len(gold)
            # a real incident whose place the reader missed is still real: the screen must not
            # learn to drop incidents for want of a place
            placed = [
                dict(p, location=p.get("location") or _gold_place(gold, p)) for p in pred
            ]
            hit = {j for _i, j in match_incidents(gold, placed, require_type=False)}
            for j, f in enumerate(fs):
                if j == 0 or screen._told_deaths(ex.incidents[j]):  # never screened (screen.apply)
                    first_read += 1
                    first_real += j in hit
                    continue
                feats.append(f)
                labels.append(1 if j in hit else 0)
                groups.append(str(r["id"]))
    return feats, labels, groups, n_gold, (first_read, first_real)


def _gold_place(gold: list[dict], pred: dict) -> dict | None:
    """For an unplaced prediction, the place of the first gold incident (labels only)."""
    return next((g.get("location") for g in gold if g.get("location")), None)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Weights (bias last) of an L2 logistic regression; the bias is not penalised."""
    xb = np.hstack([x, np.ones((x.shape[0], 1))])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        eps = 1e-12
        nll = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        reg = 0.5 / c * np.sum(w[:-1] ** 2)
        grad = xb.T @ (p - y)
        grad[:-1] += w[:-1] / c
        return float(nll + reg), grad

    res = minimize(loss, np.zeros(xb.shape[1]), jac=True, method="L-BFGS-B",
                   options={"maxiter": 2000})
    return res.x


def f1_at(p: np.ndarray, y: np.ndarray, n_gold: int, t: float, first: tuple[int, int]) -> float:
    keep = p >= t
    tp = int(np.sum(keep & (y == 1))) + first[1]
    fp = int(np.sum(keep & (y == 0))) + first[0] - first[1]
    return 2 * tp / max(1, 2 * tp + fp + (n_gold - tp))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    feats, labels, groups, n_gold, first = examples(args.shared)
    names = sorted({k for f in feats for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f in feats])
    y = np.array(labels, dtype=float)
    ids = sorted(set(groups))
    fold = np.array([ids.index(g) % 5 for g in groups])
    print(f"train_screen: {first[0]} lead incidents kept; {len(y)} more read, {int(y.sum())} real, {n_gold} gold, "
          f"{len(names)} features", file=sys.stderr)
    base = f1_at(np.ones(len(y)), y, n_gold, 0.5, first)
    best = (base, 1.0, 0.0)
    for c in C_GRID:
        oof = np.zeros(len(y))
        for k in range(5):
            tr, te = fold != k, fold == k
            w = fit(x[tr], y[tr], c)
            oof[te] = 1.0 / (1.0 + np.exp(-(x[te] @ w[:-1] + w[-1])))
        for t in np.arange(0.05, 0.51, 0.05):  # never drop what it judges more likely real
            s = f1_at(oof, y, n_gold, float(t), first)
            if s > best[0] + 1e-9:
                best = (s, c, round(float(t), 2))
    f1, c, t = best
    print(f"train_screen: cross-validated incident F1 {base:.3f} without the screen, "
          f"{f1:.3f} with it (C={c}, threshold={t})", file=sys.stderr)
    w = fit(x, y, c)
    weights = {k: round(float(v), 4) for k, v in zip(names, w[:-1], strict=True) if round(float(v), 4)}
    model = {
        "about": "reckon incident screen; rebuild: python tools/train_screen.py",
        "trained_on": "learning part (odd ids) of wide.dev.gold.jsonl and dev.gold.jsonl",
        "examples": len(y),
        "keep_first": True,
        "cv_f1_without": round(base, 4),
        "cv_f1_with": round(f1, 4),
        "c": c,
        "threshold": t if f1 > base else 0.0,
        "bias": round(float(w[-1]), 4),
        "weights": weights,
    }
    args.output.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"train_screen: wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
