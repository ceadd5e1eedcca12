"""``reckon serve``: the HTTP API and the web app over the store."""

from __future__ import annotations

import os

import click

from reckon.commands.options import db_option, open_db


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on."
)
@click.option("--public", is_flag=True, help="Let anyone read (not write) without logging in.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Server processes (each opens the store and keeps its own caches).",
)
@click.option("--log-level", default="warning", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="What the server logs on stderr (info: one line per request).")  # fmt: skip
def serve_cmd(
    db: str | None, host: str, port: int, public: bool, workers: int, log_level: str
) -> None:
    """Serve the JSON API (/api, described at /api/openapi.json) and the web app.

    Nothing is readable without logging in unless --public; add users with
    'reckon users add NAME --role ROLE'. Put a TLS proxy in front for anything but localhost
    (session cookies are marked Secure when the proxy says https).
    """
    import uvicorn

    from reckon.serve import create_app

    store = open_db(db, create=True)  # migrates (race-safe); fails early with a clear message
    click.echo(
        f"reckon serve: {store.display_url} on http://{host}:{port}/"
        + (" (public read-only viewing)" if public else ""),
        err=True,
    )
    common = {"host": host, "port": port, "log_level": log_level, "proxy_headers": True,
              "server_header": False, **_fast()}  # fmt: skip
    if workers == 1:
        uvicorn.run(create_app(store, public=public), **common)  # type: ignore[arg-type]
        return
    store.close()
    os.environ["RECKON_DB"] = store.url
    os.environ["RECKON_SERVE_PUBLIC"] = "1" if public else "0"
    uvicorn.run("reckon.serve:factory", factory=True, workers=workers, **common)  # type: ignore[arg-type]


def _fast() -> dict[str, str]:
    """uvloop's event loop and httptools' HTTP parser (C) where installed; else asyncio, h11."""
    out = {}
    try:
        import uvloop  # noqa: F401

        out["loop"] = "uvloop"
    except ImportError:  # pragma: no cover - pinned, but optional for the server to run
        pass
    try:
        import httptools  # noqa: F401

        out["http"] = "httptools"
    except ImportError:  # pragma: no cover
        pass
    return out


COMMANDS = [serve_cmd]
