"""``reckon audit``: verify the hash chain of the audit log, and read it."""

from __future__ import annotations

import json

import click

from reckon.commands.options import db_option, open_db


@click.group("audit")
def audit_cmd() -> None:
    """The append-only, hash-chained log of every write."""


@audit_cmd.command("verify")
@db_option
def verify_cmd(db: str | None) -> None:
    """Check every entry's hash and link; name the first broken entry and exit 1 if any."""
    from reckon.audit import verify

    store = open_db(db)
    try:
        with store.transaction() as conn:
            result = verify(conn)
    finally:
        store.close()
    if not result.ok:
        click.echo(f"reckon: {result.line()}", err=True)
        raise SystemExit(1)
    click.echo(result.line())


@audit_cmd.command("log")
@db_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Entries to show."
)
@click.option("--action", default=None, help="Only this action (ingest, correct, merge, ...).")
@click.option("--target", default=None, help="Only entries about this id or user.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table: one line per entry; jsonl: every field, before and after included.",
)
def log_cmd(db: str | None, limit: int, action: str | None, target: str | None, fmt: str) -> None:
    """The newest entries first."""
    from reckon.audit import entries

    store = open_db(db)
    try:
        with store.transaction() as conn:
            rows = entries(conn, limit=limit, action=action, target=target, newest_first=True)
    finally:
        store.close()
    for e in rows:
        if fmt == "jsonl":
            click.echo(json.dumps(e.as_dict(), ensure_ascii=False, sort_keys=True))
        else:
            click.echo(f"{e.seq}\t{e.at}\t{e.actor}\t{e.action}\t{e.target}")


COMMANDS = [audit_cmd]
