"""One wording for each shared option, help for every option, no internal names (issue 14)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from reckon.cli import main


def _commands(cmd: click.Command = main, path: tuple[str, ...] = ()) -> Iterator[
    tuple[tuple[str, ...], click.Command]
]:
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, (*path, name))


def _options() -> Iterator[tuple[tuple[str, ...], click.Option]]:
    for path, cmd in _commands():
        for p in cmd.params:
            if isinstance(p, click.Option):
                yield path, p


COMMANDS = [path for path, _ in _commands()]
# internal names a data editor should not meet: Class.method(), module.function, _private
INTERNAL = re.compile(r"\b[A-Z]\w+\.\w+\(|\bas_dict\b|\breckon\.(?!db\b)\w+|\b_\w+\b")


def test_every_option_has_help() -> None:
    missing = [
        f"reckon {' '.join(path)} {p.opts[0]}"
        for path, p in _options()
        if not (p.help or "").strip() and p.name not in {"help", "version"}
    ]
    assert missing == []


def test_shared_options_read_the_same_everywhere() -> None:
    seen: dict[str, set[tuple[str | None, str | None]]] = {}
    for _path, p in _options():
        if p.name in {"db", "published", "source", "url", "quiet", "output"}:
            seen.setdefault(p.opts[-1], set()).add((p.metavar, p.help))
    assert {"--db", "--published", "--source", "--quiet", "--output"} <= set(seen)
    assert {k: len(v) for k, v in seen.items()} == {k: 1 for k in seen}


def test_every_command_that_uses_the_store_takes_db_and_dates_are_date() -> None:
    for path, cmd in _commands():
        names = {p.name for p in cmd.params}
        if path and path[0] in {"ingest", "reports", "show", "raw", "incidents", "tally", "export"}:
            assert "db" in names, path
        for p in cmd.params:
            if isinstance(p, click.Option) and p.name in {"published", "date_from", "date_to"}:
                assert p.metavar == "DATE", (path, p.name)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "reckon")
def test_help_names_no_internals(path: tuple[str, ...]) -> None:
    r = CliRunner().invoke(main, [*path, "--help"], terminal_width=100)
    assert r.exit_code == 0
    assert not INTERNAL.findall(r.stdout), r.stdout
