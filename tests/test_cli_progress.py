"""Progress of ``reckon ingest`` / ``extract`` on stderr (issue 14, acceptance 5).

Time is simulated: ``reckon.progress.clock`` is replaced by a clock that moves a fixed step at
each reading, so the test says how often lines come in simulated seconds, never in real ones.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reckon import progress as progress_mod
from reckon.cli import main

PLACES = ("Djibo", "Boni", "Sake", "Kherson", "Damboa", "Omdurman")


class SteppingClock:
    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _reports(d: Path, n: int) -> Path:
    d.mkdir()
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        (d / f"{i:03d}.txt").write_text(
            f"Clash near {place}, report {i}\n"
            f"Gunmen attacked a checkpoint near {place} on Sunday, killing {i % 9 + 2} soldiers, "
            f"officials said (item {i}).\n",
            encoding="utf-8",
        )
    return d


@pytest.fixture
def simulated(monkeypatch: pytest.MonkeyPatch) -> SteppingClock:
    monkeypatch.delenv("RECKON_PROGRESS", raising=False)
    clock = SteppingClock(0.25)
    monkeypatch.setattr(progress_mod, "clock", clock)
    return clock


def _seconds(stderr: str) -> list[int]:
    return [int(m.group(1)) for m in re.finditer(r"^reckon: ingest: .*, (\d+) s$", stderr, re.M)]


def test_ingest_of_300_reports_reports_progress_at_least_every_5_s(
    tmp_path: Path, simulated: SteppingClock
) -> None:
    d = _reports(tmp_path / "news", 300)
    r = CliRunner().invoke(main, ["ingest", str(d), "--db", str(tmp_path / "p.db"), "--no-analyse"])
    assert r.exit_code == 0, r.output
    assert r.stdout.count("\nstored r-") == 299 and "300 stored" in r.stdout
    secs = _seconds(r.stderr)
    assert len(secs) >= 10, r.stderr
    gaps = [b - a for a, b in zip([0, *secs], secs, strict=False)]
    assert max(gaps) <= 5, (gaps, r.stderr)
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("reckon: ingest: 300 reports, ") and "reports/s" in last
    assert "reckon:" not in r.stdout  # progress never on stdout


def test_quiet_and_environment_silence_progress(
    tmp_path: Path, simulated: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = _reports(tmp_path / "news", 40)
    r = CliRunner().invoke(
        main, ["ingest", str(d), "--db", str(tmp_path / "q.db"), "--no-analyse", "--quiet"]
    )
    assert r.exit_code == 0 and r.stderr == ""
    monkeypatch.setenv("RECKON_PROGRESS", "0")
    r = CliRunner().invoke(main, ["ingest", str(d), "--db", str(tmp_path / "e.db"), "--no-analyse"])
    assert r.exit_code == 0 and r.stderr == ""


def test_rejected_inputs_still_named_when_quiet(tmp_path: Path, simulated: SteppingClock) -> None:
    d = _reports(tmp_path / "news", 3)
    (d / "empty.txt").write_bytes(b"")
    r = CliRunner().invoke(
        main, ["ingest", str(d), "--db", str(tmp_path / "r.db"), "--no-analyse", "-q"]
    )
    assert r.exit_code == 1
    assert r.stderr.startswith("reckon: rejected ") and "empty.txt" in r.stderr


@pytest.mark.slow
def test_extract_prints_progress_on_stderr_only(tmp_path: Path, simulated: SteppingClock) -> None:
    d = _reports(tmp_path / "news", 12)
    r = CliRunner().invoke(main, ["extract", str(d), "--published", "2025-05-06"])
    assert r.exit_code == 0, r.output
    assert len(r.stdout.splitlines()) == 12 and r.stdout.startswith('{"id": "r-')
    assert re.search(r"^reckon: extract: 12 reports, [\d.]+ reports/s, \d+ s$", r.stderr, re.M)
