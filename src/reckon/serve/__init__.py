"""``reckon serve``: the JSON API and the web app over a store (one ASGI app, FastAPI).

Library first::

    from reckon.serve import create_app
    from reckon.store import open_store

    app = create_app(open_store("reckon.db"), public=False)   # any ASGI server runs it

``reckon serve`` runs it with uvicorn. Modules: ``app`` (the app, security headers, body limit,
errors), ``auth`` and ``deps`` (sessions, tokens, roles, CSRF, login limits), ``index`` (the
cached incident summaries behind lists, the map and the timeline), ``queries`` (what the API and
pages read), ``api_read`` / ``api_write`` (the JSON API), ``pages`` and ``render`` (the web app),
``templates/`` and ``static/`` (vendored Leaflet, Leaflet.markercluster, topojson-client and
world-atlas country outlines; licences in NOTICE).
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "factory"]


def create_app(store: Any, *, public: bool = False, max_bytes: int | None = None) -> Any:
    """The ASGI app over an open ``reckon.store.Store``."""
    from reckon.ingest import DEFAULT_MAX_BYTES
    from reckon.serve.app import create_app as make

    return make(store, public=public, max_bytes=max_bytes or DEFAULT_MAX_BYTES)


def factory() -> Any:
    """For ``uvicorn --factory reckon.serve:factory`` (each worker process opens the store):
    ``$RECKON_DB``, ``$RECKON_SERVE_PUBLIC`` (1 for read-only viewing without a login)."""
    import os

    from reckon.store import open_store

    return create_app(
        open_store(os.environ.get("RECKON_DB") or None),
        public=os.environ.get("RECKON_SERVE_PUBLIC") == "1",
    )
