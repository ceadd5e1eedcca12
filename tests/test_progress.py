"""reckon.progress: lines on a non-terminal, a bar on a terminal, silence when not wanted.

Time is an injected clock: nothing here depends on how fast the machine is.
"""

from __future__ import annotations

import io
import re

import pytest

from reckon import progress as progress_mod
from reckon.progress import progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture(autouse=True)
def _progress_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RECKON_PROGRESS", raising=False)


def test_non_terminal_prints_a_line_each_interval_and_a_closing_line() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(
        total=10, unit="reports", label="ingest", stream=err, clock=clock, interval=3.0
    ) as p:
        for _ in range(10):
            clock.now += 1.0
            p.advance()
    lines = err.getvalue().splitlines()
    # 10 s of work, a line every 3 s (at 3, 6, 9) and the closing line at 10
    assert lines == [
        "reckon: ingest: 3/10 reports (30%), 1.0 reports/s, 3 s",
        "reckon: ingest: 6/10 reports (60%), 1.0 reports/s, 6 s",
        "reckon: ingest: 9/10 reports (90%), 1.0 reports/s, 9 s",
        "reckon: ingest: 10/10 reports (100%), 1.0 reports/s, 10 s",
    ]


def test_default_interval_is_two_seconds() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(total=5, stream=err, clock=clock) as p:
        for _ in range(5):
            clock.now += 1.0
            p.advance()
    assert [ln.rsplit(", ", 1)[1] for ln in err.getvalue().splitlines()] == ["2 s", "4 s", "5 s"]


def test_short_work_prints_nothing() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(total=3, stream=err, clock=clock) as p:
        clock.now += 0.5
        p.advance(3)
    assert err.getvalue() == ""


def test_unknown_total_gives_count_and_rate() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(unit="places", label="gazetteer build", stream=err, clock=clock) as p:
        clock.now += 4.0
        p.advance(2000)
    assert err.getvalue().splitlines()[0] == (
        "reckon: gazetteer build: 2000 places, 500.0 places/s, 4 s"
    )


def test_tick_shows_life_while_one_item_stalls() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(total=2, stream=err, clock=clock, label="ingest") as p:
        for _ in range(4):  # one slow item: nothing advances for 12 s
            clock.now += 3.0
            p.tick()
        gaps = len(err.getvalue().splitlines())
        p.advance(2)
    assert gaps == 4
    assert "0/2 reports (0%)" in err.getvalue().splitlines()[0]


def test_lines_never_more_than_an_interval_apart_in_simulated_time() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(total=300, stream=err, clock=clock, label="ingest", interval=4.0) as p:
        for i in range(300):
            clock.now += 0.05 if i % 7 else 1.3  # uneven work
            p.advance()
            p.tick()
    secs = [int(m.group(1)) for m in re.finditer(r", (\d+) s$", err.getvalue(), re.M)]
    assert len(secs) >= 10
    assert all(b - a <= 5 for a, b in zip([0, *secs], secs, strict=False))


def test_disabled_prints_nothing_and_nested_progress_inherits() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(total=5, stream=err, clock=clock, enabled=False) as p:
        with progress(unit="places", stream=err, clock=clock) as inner:
            assert inner.enabled is False
            clock.now += 10
            inner.advance(5)
            inner.note("building")
        p.note("linking")
        p.advance(5)
    assert err.getvalue() == ""


def test_environment_turns_progress_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECKON_PROGRESS", "0")
    clock, err = Clock(), Stream(tty=False)
    with progress(total=1, stream=err, clock=clock) as p:
        clock.now += 10
        p.advance()
    assert p.enabled is False and err.getvalue() == ""


def test_terminal_draws_one_bar_in_place_with_rate() -> None:
    clock, err = Clock(), Stream(tty=True)
    with progress(total=4, label="extract", stream=err, clock=clock) as p:
        clock.now += 0.2
        p.advance()  # before the first-draw delay: nothing
        assert err.getvalue() == ""
        clock.now += 0.8
        p.advance()
        p.note("a note")
        clock.now += 1.0
        p.advance(2)
    out = err.getvalue()
    assert out.startswith("\rextract [")
    assert "2/4 reports  2.0 reports/s" in out
    assert "ETA 1 s" in out
    assert "\r\x1b[Kreckon: extract: a note\n" in out  # the bar cleared, the note, the bar again
    assert out.endswith("4/4 reports  2.0 reports/s  2 s\x1b[K\n")


def test_echo_keeps_the_bar_out_of_other_output(capsys: pytest.CaptureFixture[str]) -> None:
    clock, err = Clock(), Stream(tty=True)
    with progress(total=2, stream=err, clock=clock) as p:
        clock.now += 1
        p.advance()
        p.echo("stored r-1 a title")
        p.echo("reckon: rejected x: empty", err=True)
        p.advance()
    got = capsys.readouterr()
    assert (got.out, got.err) == ("stored r-1 a title\n", "reckon: rejected x: empty\n")
    # stdout is no terminal here: the bar stays for it; before the stderr line it is cleared,
    # and it comes back as the last thing on the terminal
    text = err.getvalue()
    assert text.count("\r\x1b[K") == 1
    assert text.endswith("2/2 reports  2.0 reports/s  1 s\x1b[K\n")


def test_nested_bar_takes_the_line_and_gives_it_back() -> None:
    clock, err = Clock(), Stream(tty=True)
    with progress(total=2, label="ingest", stream=err, clock=clock) as outer:
        clock.now += 1
        outer.advance()
        with progress(total=10, unit="places", label="gazetteer", stream=err, clock=clock) as g:
            clock.now += 1
            g.advance(10)
            outer.advance()  # the outer bar stays quiet while the inner one runs
        assert not outer._suspended
    text = err.getvalue()
    assert "gazetteer [" in text and text.count("\n") == 2
    assert progress_mod.active() is None


def test_closing_line_is_not_a_repeat() -> None:
    clock, err = Clock(), Stream(tty=False)
    with progress(total=4, stream=err, clock=clock) as p:
        clock.now += 2.0
        p.advance(4)  # a line at 2 s says 4/4; the end comes right after
        clock.now += 0.1
    assert len(err.getvalue().splitlines()) == 1
