"""``reckon tokens``: API tokens for scripts (a token acts with its user's role)."""

from __future__ import annotations

import click

from reckon.audit import cli_actor
from reckon.commands.options import db_option
from reckon.commands.users import _run


@click.group("tokens")
def tokens_cmd() -> None:
    """API tokens: send as 'Authorization: Bearer TOKEN'."""


@tokens_cmd.command("create")
@click.argument("name")
@click.option("--label", default=None, help="What the token is for.")
@db_option
def create_cmd(name: str, label: str | None, db: str | None) -> None:
    """Create a token for user NAME and print it (shown this once; only its hash is kept)."""
    from reckon.users import create_token

    token, rec = _run(db, lambda c: create_token(c, name, label, actor=cli_actor()))
    click.echo(f"token {rec.id} for {rec.user}:", err=True)
    click.echo(token)


@tokens_cmd.command("list")
@click.argument("name", required=False)
@db_option
def list_cmd(name: str | None, db: str | None) -> None:
    """List tokens (of user NAME, or all): id, user, prefix, label, created, revoked."""
    from reckon.users import list_tokens

    for t in _run(db, lambda c: list_tokens(c, name)):
        click.echo(
            f"{t.id}\t{t.user}\t{t.prefix}…\t{t.label or '-'}\t{t.created_at}\t"
            f"{'revoked ' + t.revoked_at if t.revoked_at else 'active'}"
        )


@tokens_cmd.command("revoke")
@click.argument("token_id", type=int)
@db_option
def revoke_cmd(token_id: int, db: str | None) -> None:
    """Revoke token TOKEN_ID."""
    from reckon.users import revoke_token

    _run(db, lambda c: revoke_token(c, token_id, actor=cli_actor()))
    click.echo(f"token {token_id} revoked")


COMMANDS = [tokens_cmd]
