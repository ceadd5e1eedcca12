"""Partitions read what the serial reader reads; Parquet in (reports) and out (incidents)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from reckon.cli import main
from reckon.ingest import IngestError, read_paths
from reckon.scale.partitions import Options, Partition, plan, read
from reckon.scale.synthetic import PLACES, iter_synthetic_reports, synthetic_reports


def _key(x):
    if isinstance(x, IngestError):
        return ("error", x.origin, x.reason)
    return ("report", x.id, x.origin, x.content_hash, x.text, x.title, x.published, x.source)


def _parquet(path, rows, group):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows)
    pq.write_table(table, path, row_group_size=group)


@pytest.fixture()
def inputs(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    rows = synthetic_reports(90, seed=3, per_day=30)
    lines = [json.dumps({k: v for k, v in r.items() if k != "cluster"}) for r in rows[:60]]
    lines[7] = "{not json"  # a malformed line keeps its line number in the error
    lines.insert(20, "")  # blank lines are skipped
    (d / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "sub" / "note.txt").write_text(rows[60]["text"], encoding="utf-8")
    (d / "sub" / "empty.txt").write_text("", encoding="utf-8")
    _parquet(d / "b.parquet", [{"id": r["id"], "text": r["text"], "title": r["title"],
                                "published": r["published"], "source": r["source"]}
                               for r in rows[61:]], group=7)  # fmt: skip
    return d


def test_partitions_read_exactly_what_read_paths_reads(inputs):
    paths = [str(inputs), str(inputs / "missing.jsonl")]
    want = [_key(x) for x in read_paths(paths)]
    got = []
    parts = list(plan(paths, per=9))
    assert {p.kind for p in parts if isinstance(p, Partition)} == {"jsonl", "parquet", "files"}
    for p in parts:
        got.extend(_key(x) for x in (read(p, Options()) if isinstance(p, Partition) else [p]))
    assert got == want
    assert ("error", f"{inputs / 'a.jsonl'}:8", got[7][2]) in got


def test_parquet_reports_read_like_jsonl(inputs):
    reps = [x for x in read_paths([inputs / "b.parquet"]) if not isinstance(x, IngestError)]
    assert len(reps) == 29
    assert reps[0].id == "syn-0000062" and reps[0].origin.endswith("b.parquet#1")
    bad = inputs / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    (err,) = list(read_paths([bad]))
    assert isinstance(err, IngestError) and "Parquet" in err.reason


def test_synthetic_reports_are_deterministic_and_use_known_towns():
    a = [json.dumps(r) for r in iter_synthetic_reports(300, seed=5)]
    assert a == [json.dumps(r) for r in synthetic_reports(300, seed=5)]
    assert a != [json.dumps(r) for r in synthetic_reports(300, seed=6)]
    towns = {t for t, _, _ in PLACES}
    rows = synthetic_reports(300, seed=5)
    assert len({r["cluster"] for r in rows}) < 300  # several reports tell one incident
    assert sum(any(t in r["text"] for t in towns) for r in rows) > 200


def test_parquet_export_loads_in_pandas_with_the_rows_of_the_jsonl_export(tmp_path):
    pd = pytest.importorskip("pandas")
    src = tmp_path / "r.jsonl"
    rows = synthetic_reports(80, seed=8, per_day=40)
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(src), "--db", db]).exit_code == 0
    r = runner.invoke(main, ["export", "--db", db, "--format", "jsonl", "-o", str(tmp_path / "e")])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in (tmp_path / "e").read_text().splitlines()]
    incs = {x["id"]: x for x in recs if x["record"] == "incident"}
    out = tmp_path / "pq"
    for _ in range(2):  # writing over an earlier export replaces it
        r = runner.invoke(main, ["export", "--db", db, "--format", "parquet", "-o", str(out)])
        assert r.exit_code == 0, r.output
    df = pd.read_parquet(out / "incidents")
    assert sorted(df["id"]) == sorted(incs)
    for row in df.itertuples():
        want = incs[row.id]
        assert json.loads(row.record) == {k: v for k, v in want.items() if k != "record"}
        assert row.event_type == want["event_type"]
        assert row.date_start == (want["date"] or {}).get("start")
        f = want["fatalities"] or {}
        assert (None if pd.isna(row.fatalities_best) else row.fatalities_best) == f.get("best")
        assert str(row.year) == ((want["date"] or {}).get("start") or "unknown")[:7].split("-")[0]
        assert str(row.country) == ((want["location"] or {}).get("country") or "unknown")
    men = pd.read_parquet(out / "mentions")
    assert len(men) == sum(len(x["mentions"]) for x in incs.values())
    assert set(men["incident_id"]) == set(incs)
    assert sorted(p.name for p in out.iterdir()) == ["incidents", "mentions"]


def test_parquet_export_needs_a_directory(tmp_path):
    r = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "x.db"), "--format", "parquet"])
    assert r.exit_code != 0
