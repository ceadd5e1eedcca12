"""Options shared by several commands (one name, one metavar and one help text each), and
:func:`open_db`, the one way a command opens the store.

Every command that takes one of these takes it from here, so ``reckon X --help`` says the same
thing for ``--db`` (or ``--published``, ``--source``, ``--quiet``, ``-o``) whatever X is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from reckon.store import Store

__all__ = [
    "DB_HELP",
    "date_option",
    "db_option",
    "open_db",
    "format_option",
    "output_option",
    "parse_published_option",
    "published_option",
    "quiet_option",
    "source_option",
    "url_option",
]

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = (
    "The store: a SQLite file or a postgresql:// URL "
    "(default: $RECKON_DB, else reckon.db in the working directory)."
)


def parse_published_option(
    _ctx: click.Context | None, _param: click.Parameter | None, value: str | None
) -> str | None:
    """``--published``'s callback: ``YYYY-MM-DD`` (or any date it can read), else a usage error."""
    from reckon.ingest.report import parse_published

    try:
        return parse_published(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def open_db(db: str | None, *, create: bool = True) -> Store:
    """Open the store named by ``--db`` (or ``$RECKON_DB``, else ``./reckon.db``).

    Commands that only read (or change what is already there) pass ``create=False``: a missing
    store is then a one-line error naming it, and nothing is created (no SQLite file, no tables
    in an empty PostgreSQL database). Only commands that add reports (``ingest``, ``demo``)
    create a store. Any failure to open is one line.
    """
    import sqlalchemy as sa

    from reckon.store import StoreError, database_url, open_store

    try:
        if not create:
            url = sa.make_url(database_url(db))
            path = url.database
            if url.get_backend_name() == "sqlite" and path not in (None, "", ":memory:"):
                if not Path(path).is_file():
                    raise click.ClickException(_NO_STORE.format(where=path))
            else:
                probe = open_store(db, migrate=False)
                try:
                    empty = probe.schema_revision() is None
                finally:
                    probe.close()
                if empty:
                    raise click.ClickException(_NO_STORE.format(where=probe.display_url))
        return open_store(db)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    except sa.exc.SQLAlchemyError as e:  # e.g. PostgreSQL not reachable while probing
        msg = " ".join(str(getattr(e, "orig", None) or e).split())
        where = sa.make_url(database_url(db)).render_as_string(hide_password=True)
        raise click.ClickException(f"cannot open database {where}: {msg}") from None


_NO_STORE = "no reckon store at {where} (reckon ingest creates one; --db or $RECKON_DB names another)"


db_option = click.option("--db", metavar="FILE|URL", default=None, help=DB_HELP)

published_option = click.option(
    "--published",
    metavar="DATE",
    default=None,
    callback=parse_published_option,
    help="Publication date (YYYY-MM-DD) for reports that carry none; relative dates "
    "('on Sunday') are resolved against it.",
)

source_option = click.option(
    "--source", metavar="NAME", default=None, help="Source (outlet) name for reports that carry none."
)

url_option = click.option("--url", metavar="URL", default=None, help="URL for reports that carry none.")

quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress on stderr (results and errors are still printed).",
)

def date_option(name: str, dest: str, help: str) -> Callable[[F], F]:
    """A ``DATE`` option (``--from``, ``--to``) read like ``--published``, passed as ``dest``."""
    return click.option(
        name, dest, metavar="DATE", default=None, callback=parse_published_option, help=help
    )


output_option = click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(writable=True),  # a directory for `export --format parquet`
    default=None,
    help="Write to FILE instead of standard output.",
)


def format_option(choices: list[str], default: str | None, help: str) -> Callable[[F], F]:
    """``--format`` with the command's own choices; ``help`` says what each choice prints."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        required=default is None,
        show_default=default is not None,
        help=help,
    )
