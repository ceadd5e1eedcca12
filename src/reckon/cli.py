"""The ``reckon`` command line: a thin layer over the library.

Each pipeline stage keeps its commands in ``reckon.commands.<stage>``; a module listed in
``COMMAND_MODULES`` exposes ``COMMANDS``, a list of click commands added to the root group.
"""

from __future__ import annotations

import importlib

import click

from reckon import __version__

COMMAND_MODULES: tuple[str, ...] = (
    "reckon.commands.ingest",
    "reckon.commands.link",
    "reckon.commands.geo",
    "reckon.commands.eval",
    "reckon.commands.extract",
    "reckon.commands.serve",
    "reckon.commands.users",
    "reckon.commands.tokens",
    "reckon.commands.audit",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reckon")
def main() -> None:
    """reckon: reports of armed violence in, an auditable incident record out."""


for _name in COMMAND_MODULES:
    for _cmd in importlib.import_module(_name).COMMANDS:
        main.add_command(_cmd)
