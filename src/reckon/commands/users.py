"""``reckon users``: add users, list them, change roles and passwords, disable and enable."""

from __future__ import annotations

import sys

import click

from reckon.audit import cli_actor
from reckon.commands.options import db_option, open_db
from reckon.users import ROLES, UserError


def read_password(confirm: bool = True) -> str:
    """A password from a prompt (a terminal) or the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=confirm)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    password = line.rstrip("\r\n")
    if not password:
        raise click.ClickException("no password on standard input")
    return password


def _run(db: str | None, fn, create: bool = False):  # type: ignore[no-untyped-def]
    store = open_db(db, create=create)
    try:
        with store.transaction() as conn:
            return fn(conn)
    except UserError as e:
        raise click.ClickException(str(e)) from None
    finally:
        store.close()


@click.group("users")
def users_cmd() -> None:
    """Users of the web app and API, and their roles (viewer, coder, reviewer, admin)."""


@users_cmd.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
@db_option
def add_cmd(name: str, role: str, db: str | None) -> None:
    """Add user NAME; the password is read from a prompt, or from standard input.

    Creates the store when it does not exist yet (users may come before reports)."""
    from reckon.users import add_user

    password = read_password()
    user = _run(db, lambda c: add_user(c, name, role, password, actor=cli_actor()), create=True)
    click.echo(f"added {user.name} ({user.role})")


@users_cmd.command("list")
@db_option
def list_cmd(db: str | None) -> None:
    """List users with their roles."""
    from reckon.users import list_users

    for u in _run(db, list_users):
        click.echo(f"{u.name}\t{u.role}\t{'active' if u.active else 'disabled'}")


@users_cmd.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@db_option
def role_cmd(name: str, role: str, db: str | None) -> None:
    """Give user NAME the role ROLE."""
    from reckon.users import set_role

    user = _run(db, lambda c: set_role(c, name, role, actor=cli_actor()))
    click.echo(f"{user.name} is now {user.role}")


@users_cmd.command("passwd")
@click.argument("name")
@db_option
def passwd_cmd(name: str, db: str | None) -> None:
    """Set user NAME's password (from a prompt or standard input); ends their sessions."""
    from reckon.users import set_password

    password = read_password()
    _run(db, lambda c: set_password(c, name, password, actor=cli_actor()))
    click.echo(f"password of {name} changed")


@users_cmd.command("disable")
@click.argument("name")
@db_option
def disable_cmd(name: str, db: str | None) -> None:
    """Disable user NAME (their sessions and tokens stop working)."""
    from reckon.users import set_active

    _run(db, lambda c: set_active(c, name, False, actor=cli_actor()))
    click.echo(f"{name} disabled")


@users_cmd.command("enable")
@click.argument("name")
@db_option
def enable_cmd(name: str, db: str | None) -> None:
    """Enable user NAME again."""
    from reckon.users import set_active

    _run(db, lambda c: set_active(c, name, True, actor=cli_actor()))
    click.echo(f"{name} enabled")


COMMANDS = [users_cmd]
