"""Commands that only read never create a store (issue 14, acceptance 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reckon.cli import main

READ_ONLY = [
    ["show", "x"],
    ["incidents"],
    ["incidents", "--format", "csv"],
    ["incidents", "relink"],
    ["incidents", "merge", "inc-a", "inc-b"],
    ["reports"],
    ["raw", "r-0"],
    ["tally"],
    ["export", "--format", "acled-csv"],
]


@pytest.mark.parametrize("args", [["show", "x"], ["incidents"]])
def test_in_an_empty_folder_one_line_and_no_file(tmp_path: Path, args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "RECKON_DB"}
    p = subprocess.run(
        [sys.executable, "-m", "reckon", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode != 0
    assert p.stdout == ""
    lines = p.stderr.splitlines()
    assert len(lines) == 1, p.stderr
    assert str(tmp_path / "reckon.db") in lines[0] and "no reckon store" in lines[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: " ".join(a))
def test_every_read_only_command_refuses_a_missing_store(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "nothing-here.db"
    r = CliRunner().invoke(main, [*args[:1], "--db", str(db), *args[1:]])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.strip().splitlines() == [
        f"Error: no reckon store at {db} (reckon ingest creates one; --db or $RECKON_DB names "
        "another)"
    ]
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_db_from_the_environment_is_named_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("RECKON_DB", str(db))
    r = CliRunner().invoke(main, ["tally"])
    assert r.exit_code == 1 and str(db) in r.stderr and not db.exists()


def test_ingest_creates_and_then_reads_work(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    src = tmp_path / "a.txt"
    src.write_text("Clash near Boni\nGunmen attacked a post near Boni on Sunday.\n", "utf-8")
    r = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "--no-analyse", "-q"])
    assert r.exit_code == 0 and db.is_file()
    r = CliRunner().invoke(main, ["reports", "--db", str(db)])
    assert r.exit_code == 0 and "Clash near Boni" in r.stdout
