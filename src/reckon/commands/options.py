"""Options shared by several commands: one name, one metavar and one help text each.

Every command that takes one of these takes it from here, so ``reckon X --help`` says the same
thing for ``--db`` (or ``--published``, ``--source``, ``--quiet``, ``-o``) whatever X is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = [
    "DB_HELP",
    "db_option",
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

output_option = click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
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
