"""Progress of long work, on stderr only.

One small mechanism shared by ``ingest``, ``extract``, ``eval``, the gazetteer build and the
distributed engine::

    from reckon.progress import progress

    with progress(total=len(items), unit="reports", label="ingest") as p:
        for item in items:
            ...
            p.advance()            # one more done (advance(n) for n)
        p.note("linking incidents")  # an informational line, shown above the bar

What it prints depends on where stderr goes:

- **a terminal**: one bar redrawn in place (``ingest [####....] 120/300 reports 24.1 reports/s
  ETA 7 s``), at most ten times a second, first drawn after half a second so instant commands
  do not flash; at the end it is left as the final line.
- **anything else** (a file, a pipe, a test runner): a line every ``interval`` seconds (default
  2) — ``reckon: ingest: 120/300 reports (40%), 24.1 reports/s, 5 s`` — and a closing line,
  nothing at all for work that ends before the first interval.

A background thread re-emits the status every interval (every second on a terminal) so that a
single slow item (a model load, a gazetteer build) still shows life. With an injected ``clock``
there is no thread: call :meth:`Progress.tick` yourself (tests do).

Nothing is printed when ``enabled=False`` (a command's ``--quiet``) or when ``$RECKON_PROGRESS``
is ``0``/``off``/``no``. A progress opened while another is running (the gazetteer build inside
an ingest) inherits its ``enabled`` unless told otherwise; on a terminal the outer bar steps aside
until the inner one ends.

:meth:`Progress.echo` prints a line that must be seen whatever the setting (a rejected input on
stderr, a result on stdout) without garbling the bar. Nothing here ever writes to stdout except
``echo(..., err=False)``.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["Progress", "active", "echo", "progress"]

DEFAULT_INTERVAL = 2.0  # seconds between lines when stderr is not a terminal
_TTY_REFRESH = 0.1  # shortest time between two redraws of a bar
_TTY_DELAY = 0.5  # a bar is first drawn this long after the start
_TTY_HEARTBEAT = 1.0
_BAR_WIDTH = 24

#: The clock every progress reads unless given its own (seconds, monotonic). Tests may replace
#: it; the background heartbeat runs only with the real :func:`time.monotonic`.
clock: Callable[[], float] = time.monotonic

_STACK: list[Progress] = []
_LOCK = threading.RLock()


def _env_enabled() -> bool:
    return os.environ.get("RECKON_PROGRESS", "").strip().lower() not in {"0", "off", "no", "false"}


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    s = int(seconds + 0.5)
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    if m < 60:
        return f"{m} min {s:02d} s"
    h, m = divmod(m, 60)
    return f"{h} h {m:02d} min"


class Progress:
    """The state of one piece of long work; made by :func:`progress`, not directly."""

    def __init__(
        self,
        total: int | None,
        unit: str,
        label: str,
        *,
        enabled: bool,
        stream: TextIO,
        interval: float,
        clock: Callable[[], float],
    ) -> None:
        self.total = total
        self.unit = unit
        self.label = label
        self.enabled = enabled
        self.count = 0
        self._stream = stream
        self._tty = _is_tty(stream)
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._last_emit = self._start
        self._emitted = False  # a line or a bar was written
        self._last_count = -1  # the count the last line showed (not on a terminal)
        self._drawn = False  # a bar is on screen now (terminal only)
        self._suspended = False  # a nested progress owns the terminal line
        self._closed = False

    # -- public -------------------------------------------------------------------------------

    def advance(self, n: int = 1) -> None:
        """Record ``n`` more units done; prints when it is time to."""
        with _LOCK:
            self.count += n
            self._maybe_emit()

    def set_total(self, total: int | None) -> None:
        """Set (or learn late) how many units there are in all."""
        with _LOCK:
            self.total = total

    def note(self, text: str) -> None:
        """An informational line on stderr (above the bar); nothing when progress is off."""
        if self.enabled:
            self._write_line(f"reckon: {self.label}: {text}" if self.label else f"reckon: {text}")

    def echo(self, text: str, *, err: bool = False) -> None:
        """A line that is always printed (stdout, or stderr with ``err``), never garbling the bar."""
        echo(text, err=err)

    def tick(self) -> None:
        """Print the status if it is time, even when nothing advanced (the heartbeat's call)."""
        with _LOCK:
            self._maybe_emit()

    @property
    def elapsed(self) -> float:
        """Seconds since the start, by this progress's clock."""
        return self._clock() - self._start

    def status(self) -> str:
        """The status as one plain line (what a non-terminal line says, without the prefix)."""
        elapsed = self.elapsed
        rate = self.count / elapsed if elapsed > 0 else 0.0
        parts = [f"{self.count}/{self.total} {self.unit}" if self.total else f"{self.count} {self.unit}"]
        if self.total:
            parts[0] += f" ({100 * self.count // self.total}%)"
        parts.append(f"{rate:.1f} {self.unit}/s")
        parts.append(_duration(elapsed))
        return ", ".join(parts)

    # -- internals ----------------------------------------------------------------------------

    def _bar(self) -> str:
        elapsed = self.elapsed
        rate = self.count / elapsed if elapsed > 0 else 0.0
        head = f"{self.label} " if self.label else ""
        if self.total:
            done = min(self.count, self.total)
            fill = _BAR_WIDTH * done // self.total
            bar = "[" + "#" * fill + "." * (_BAR_WIDTH - fill) + "] "
            counts = f"{self.count}/{self.total} {self.unit}"
            left = ""
            if 0 < self.count < self.total and rate > 0:
                left = f"  ETA {_duration((self.total - self.count) / rate)}"
        else:
            bar, counts, left = "", f"{self.count} {self.unit}", ""
        text = f"{head}{bar}{counts}  {rate:.1f} {self.unit}/s  {_duration(elapsed)}{left}"
        width = shutil.get_terminal_size((80, 24)).columns - 1
        return text[:width]

    def _maybe_emit(self, *, force: bool = False) -> None:
        if not self.enabled or self._closed or self._suspended:
            return
        now = self._clock()
        if self._tty:
            if not force and now - self._start < _TTY_DELAY:
                return
            if force or now - self._last_emit >= _TTY_REFRESH or not self._drawn:
                self._draw()
                self._last_emit = now
        elif force or now - self._last_emit >= self._interval:
            head = f"reckon: {self.label}: " if self.label else "reckon: "
            self._write_raw(head + self.status() + "\n")
            self._emitted = True
            self._last_emit = now
            self._last_count = self.count

    def _draw(self) -> None:
        self._write_raw("\r" + self._bar() + "\x1b[K")
        self._drawn = self._emitted = True

    def _clear(self) -> None:
        if self._drawn:
            self._write_raw("\r\x1b[K")
            self._drawn = False

    def _write_line(self, line: str) -> None:
        with _LOCK:
            redraw = self._tty and self._drawn
            self._clear()
            self._write_raw(line + "\n")
            if redraw:
                self._draw()

    def _write_raw(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):
            self.enabled = False  # stderr went away: stop trying, never fail the work

    def _finish(self) -> None:
        with _LOCK:
            if self.enabled and self._emitted:
                if self._tty:
                    self._draw()
                    self._write_raw("\n")
                    self._drawn = False
                elif self.count != self._last_count or self._clock() - self._last_emit >= 1.0:
                    self._maybe_emit(force=True)  # the closing line, unless it would repeat
            self._closed = True


def active() -> Progress | None:
    """The innermost running progress, if any (for code that wants to add a note to it)."""
    with _LOCK:
        return _STACK[-1] if _STACK else None


def echo(text: str, *, err: bool = False) -> None:
    """Print a line on stdout (or stderr) without garbling a bar being drawn on the terminal."""
    with _LOCK:
        out = sys.stderr if err else sys.stdout
        if err or _is_tty(out):  # the line lands where a bar may be drawn: clear it first;
            for p in _STACK:  # it is drawn again below the line at the next advance or tick
                p._clear()
        out.write(text + "\n")
        out.flush()


def _module_clock() -> Callable[[], float]:
    return clock


def _heartbeat(p: Progress, stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        p.tick()


@contextmanager
def progress(
    total: int | None = None,
    unit: str = "reports",
    label: str = "",
    *,
    enabled: bool | None = None,
    stream: TextIO | None = None,
    interval: float = DEFAULT_INTERVAL,
    clock: Callable[[], float] | None = None,
) -> Iterator[Progress]:
    """Show the progress of the work done inside the block on stderr.

    ``total`` is the number of units when known (a bar and an ETA), else None (a count and a
    rate). ``enabled`` None means: as the enclosing progress, else on unless
    ``$RECKON_PROGRESS`` is ``0``. ``stream`` defaults to ``sys.stderr`` at entry; ``clock``
    (seconds, monotonic) defaults to the module's ``clock`` (:func:`time.monotonic`); any other
    clock turns off the background heartbeat.
    """
    with _LOCK:
        outer = _STACK[-1] if _STACK else None
    if enabled is None:
        enabled = outer.enabled if outer is not None else _env_enabled()
    p = Progress(
        total,
        unit,
        label,
        enabled=enabled,
        stream=stream if stream is not None else sys.stderr,
        interval=interval,
        clock=clock or _module_clock(),
    )
    with _LOCK:
        if outer is not None and outer._tty and p._tty and p.enabled:
            outer._clear()
            outer._suspended = True
        _STACK.append(p)
    stop = threading.Event()
    beat: threading.Thread | None = None
    if p.enabled and p._clock is time.monotonic:
        every = _TTY_HEARTBEAT if p._tty else interval
        beat = threading.Thread(target=_heartbeat, args=(p, stop, every), daemon=True)
        beat.start()
    try:
        yield p
    finally:
        stop.set()
        if beat is not None:
            beat.join()
        p._finish()
        with _LOCK:
            if p in _STACK:
                _STACK.remove(p)
            if outer is not None and outer._suspended:
                outer._suspended = False
                outer._maybe_emit(force=outer._emitted)
