"""The foundation's commands end to end: ingest, reports, show, raw, demo (issue 2 acceptance)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from reckon.cli import main

RECKON = [sys.executable, "-m", "reckon"]
SEED_TITLE = "Syria's Government Claims End of Military Operation Amidst High Casualties"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("RECKON_DB", None)
    return env


# -- acceptance 2 and 3: the seed ----------------------------------------------------------


def test_seed_ingest_reports_raw_show(seed_path: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "seed.db")
    r = run("ingest", str(seed_path), "--published", "2025-03-10", "--db", db)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("stored r-") and lines[0].endswith(SEED_TITLE)
    assert lines[-1] == "1 stored, 0 already stored, 0 rejected"
    rid = lines[0].split()[1]

    r = run("reports", "--db", db, "--format", "jsonl")
    (line,) = r.stdout.splitlines()
    rec = json.loads(line)
    assert rec["id"] == rid and rec["title"] == SEED_TITLE and rec["published"] == "2025-03-10"
    assert rec["removed"] == {"repeated_headline": 1, "repeated_paragraph": 5, "boilerplate": 0}
    assert rec["paragraphs"] == 8
    raw_text = seed_path.read_text(encoding="utf-8")
    for para in {ln.strip() for ln in raw_text.splitlines() if ln.strip()}:
        assert rec["text"].count(para) == 1
    assert set(rec) == {
        "id", "title", "published", "source", "url", "origin", "content_hash",
        "paragraphs", "removed", "text",
    }  # fmt: skip

    r = run("raw", rid, "--db", db)
    assert r.stdout_bytes == seed_path.read_bytes()

    r = run("show", rid, "--db", db)
    assert "--- cleaned text ---" in r.stdout and "[repeated_paragraph]" in r.stdout
    assert (
        "removed:      1 repeated headline, 5 repeated paragraphs, 0 boilerplate lines" in r.stdout
    )

    # acceptance 3: again, nothing added, and it says so
    r = run("ingest", str(seed_path), "--published", "2025-03-10", "--db", db)
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == f"already stored {rid} {seed_path}: nothing added"
    assert r.stdout.splitlines()[-1] == "0 stored, 1 already stored, 0 rejected"
    assert len(run("reports", "--db", db, "--format", "jsonl").stdout.splitlines()) == 1


def test_reports_table_show_unknown_and_dispatch(tmp_path: Path, examples_dir: Path) -> None:
    db = str(tmp_path / "e.db")
    assert run("ingest", str(examples_dir), "--db", db).exit_code == 0
    table = run("reports", "--db", db).stdout.splitlines()
    assert table[0].split()[:2] == ["id", "published"] and len(table) == 8
    r = CliRunner().invoke(main, ["show", "r-000000000000", "--db", db])
    assert r.exit_code == 1 and "nothing with id r-000000000000" in r.output
    assert "Traceback" not in r.output

    from reckon.commands import ingest as cmd

    cmd.register_show("inc-", lambda store, item_id: f"incident {item_id} from {store.dialect}")
    try:
        assert run("show", "inc-42", "--db", db).stdout == "incident inc-42 from sqlite\n"
    finally:
        cmd.SHOW_HANDLERS.pop()


def test_stdin_and_defaults(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    body = b"Gunmen Raid Village Near Djibo\nGunmen killed nine villagers near Djibo on Sunday."
    r = run("ingest", "-", "--db", db, "--source", "Desk", "--url", "https://d.example", input=body)
    assert r.exit_code == 0 and r.stdout.startswith("stored r-")
    rec = json.loads(run("reports", "--db", db, "--format", "jsonl").stdout)
    assert (rec["source"], rec["url"], rec["origin"]) == ("Desk", "https://d.example", "<stdin>")


def test_bad_published_is_a_usage_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["ingest", "x.txt", "--published", "last week"])
    assert r.exit_code == 2 and "Invalid value for '--published'" in r.output


def test_demo_is_deterministic(tmp_path: Path) -> None:
    a = run("demo")
    b = run("demo")
    assert a.exit_code == 0 and a.stdout == b.stdout
    assert a.stdout.startswith("reckon demo: 7 example reports")
    assert "Shelling Kills Seven Civilians in Kherson as Strikes Intensify" in a.stdout
    assert "removed 1 repeated headline, 3 repeated paragraphs" in a.stdout
    db = str(tmp_path / "demo.db")
    assert run("demo", "--db", db).stdout == a.stdout
    assert run("demo", "--db", db).stdout == a.stdout  # second time: already stored, same view


# -- acceptance 4: a directory of bad inputs -------------------------------------------------


def _bad_inputs(d: Path) -> None:
    rnd = random.Random(7)
    (d / "binary.bin").write_bytes(bytes(rnd.randrange(256) for _ in range(4096)) + b"\x00")
    (d / "empty.txt").write_bytes(b"")
    (d / "latin1.txt").write_bytes(
        "Explosion \u00e0 Gao\n\nUne explosion a tu\u00e9 trois personnes pr\u00e8s du march\u00e9 "
        "de Gao mardi, selon des sources s\u00e9curitaires.".encode("latin-1")
    )
    line = b"Shelling continued overnight in the eastern districts, residents said.\n"
    with (d / "huge.txt").open("wb") as f:
        block = line * 1000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            f.write(block)
    good1 = {"id": "j-1", "text": "Two people were killed in a blast in Bamako on Monday."}
    good2 = {"id": "j-3", "text": "Clashes in Kidal left five dead.", "title": "Kidal clashes"}
    (d / "wire.jsonl").write_text(
        json.dumps(good1) + '\n{"id": "j-2", "text": broken\n' + json.dumps(good2) + "\n"
    )
    (d / "deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>"
    )
    (d / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Desk</title>'
        "<item><title>Raid in Tillaberi</title><pubDate>Tue, 07 Jan 2025 10:00:00 GMT</pubDate>"
        "<description>Gunmen killed four soldiers in Tillaberi on Monday.</description></item>"
        "<item><title>Ambush near Menaka</title><description>An ambush near Menaka killed "
        "six soldiers on Sunday.</description></item></channel></rss>"
    )


def test_bad_input_directory(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    _bad_inputs(d)
    db = tmp_path / "bad.db"
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("wb") as fo, err.open("wb") as fe:
        p = subprocess.Popen(
            [*RECKON, "ingest", str(d), "--db", str(db)], stdout=fo, stderr=fe, env=_env()
        )
        _, status, usage = os.wait4(p.pid, 0)
    stdout, stderr = out.read_text(), err.read_text()
    assert os.waitstatus_to_exitcode(status) == 1
    peak_mb = usage.ru_maxrss / 1024  # Linux: kilobytes
    print(f"peak memory of the bad-input run: {peak_mb:.0f} MB")
    assert peak_mb < 1024
    assert "Traceback" not in stdout + stderr
    rejected = stderr.splitlines()
    huge = (d / "huge.txt").stat().st_size
    assert sorted(rejected) == sorted(
        [
            f"reckon: rejected {d / 'binary.bin'}: binary file (contains NUL bytes)",
            f"reckon: rejected {d / 'deep.html'}: HTML nested too deeply (over 2,000 levels)",
            f"reckon: rejected {d / 'empty.txt'}: empty file",
            f"reckon: rejected {d / 'huge.txt'}: too large ({huge:,} bytes; limit "
            "10,000,000 bytes, see --max-bytes)",
            f"reckon: rejected {d / 'wire.jsonl'}:2: malformed JSON (Expecting value at column 23)",
        ]
    )
    stored = [ln for ln in stdout.splitlines() if ln.startswith("stored ")]
    titles = sorted(ln.split(" ", 2)[2] for ln in stored)
    assert titles == sorted(
        [
            "Ambush near Menaka",
            "Explosion \u00e0 Gao",
            "(no title)",
            "Kidal clashes",
            "Raid in Tillaberi",
        ]
    )
    assert stdout.splitlines()[-1] == "5 stored, 0 already stored, 5 rejected"
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (5,)
    assert con.execute("SELECT encoding FROM reports WHERE title LIKE 'Explosion%'").fetchone() == (
        "cp1252",
    )
    con.close()


# -- acceptance 5: SIGKILL mid-batch ------------------------------------------------------


def test_sigkill_mid_batch_keeps_every_reported_report(tmp_path: Path) -> None:
    d = tmp_path / "many"
    d.mkdir()
    n = 2000
    for i in range(n):
        (d / f"r{i:05d}.txt").write_text(
            f"Clash Near Town Number {i}\nFighting near town number {i} killed {i % 17} people "
            f"on Monday, officials said; {i * 7919 % 10007} families fled.\n"
        )
    db = tmp_path / "kill.db"
    p = subprocess.Popen(
        [*RECKON, "ingest", str(d), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert p.stdout is not None
    printed: list[str] = []
    for raw in p.stdout:
        line = raw.decode()
        if line.startswith("stored "):
            printed.append(line.split()[1])
        if len(printed) >= 40:
            break
    p.send_signal(signal.SIGKILL)
    rest = p.stdout.read().decode()  # whatever it wrote before dying
    p.wait()
    assert p.returncode == -signal.SIGKILL
    printed += [ln.split()[1] for ln in rest.splitlines() if ln.startswith("stored ")]
    assert 40 <= len(printed) < n, "the process must be killed mid-batch"

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    ids = {row[0] for row in con.execute("SELECT id FROM reports")}
    con.close()
    assert set(printed) <= ids
    assert len(ids) - len(printed) <= 1  # at most the report committed while being killed

    # and the batch resumes: what was stored is skipped, the rest is added
    r = subprocess.run(
        [*RECKON, "ingest", str(d), "--db", str(db)], capture_output=True, text=True, env=_env()
    )
    assert r.returncode == 0
    assert (
        r.stdout.splitlines()[-1] == f"{n - len(ids)} stored, {len(ids)} already stored, 0 rejected"
    )


def test_raw_bytes_kept_for_utf16_and_cp1252(tmp_path: Path) -> None:
    db = str(tmp_path / "enc.db")
    files = {
        "u16.txt": "\ufeffClashes in Mopti\nFighting in Mopti killed three on Friday.".encode(
            "utf-16"
        ),
        "win.txt": "Attaque \u00e0 S\u00e9gou\nL\u2019attaque a tu\u00e9 deux soldats.".encode(
            "cp1252"
        ),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    r = run("ingest", str(tmp_path / "u16.txt"), str(tmp_path / "win.txt"), "--db", db)
    assert r.exit_code == 0
    ids = [ln.split()[1] for ln in r.stdout.splitlines() if ln.startswith("stored ")]
    for rid, data in zip(ids, files.values(), strict=True):
        assert run("raw", rid, "--db", db).stdout_bytes == data
    recs = [
        json.loads(ln) for ln in run("reports", "--db", db, "--format", "jsonl").stdout.splitlines()
    ]
    assert [x["title"] for x in recs] == ["Clashes in Mopti", "Attaque \u00e0 S\u00e9gou"]


def test_postgresql_and_sqlite_list_the_same(
    pg_url: str, tmp_path: Path, examples_dir: Path
) -> None:
    outputs = []
    for db in (str(tmp_path / "same.db"), pg_url):
        assert run("ingest", str(examples_dir), "--db", db).exit_code == 0
        outputs.append(run("reports", "--db", db, "--format", "jsonl").stdout)
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 7
