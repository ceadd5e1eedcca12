"""A served store for the API and browser tests: examples/, the seed (when present) and a hostile
report, ingested once per session; users of each role with a token each."""

from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_53e2a45ead0ef75f.txt"
PASSWORD = "a long password"
ROLES = {"ada": "admin", "rita": "reviewer", "cora": "coder", "vic": "viewer"}

# our own hostile report: markup and script in the title, the text, the outlet and the URL
XSS = {
    "id": "xss-1",
    "title": "<script>window.__xss='title'</script> Gunmen kill five in Kano "
    "<img src=x onerror=\"window.__xss='title-img'\">",
    "published": "2025-03-04",
    "source": "<b onmouseover=\"window.__xss='source'\">Evil</b> Wire",
    "url": "javascript:window.__xss='url'",
    "text": "KANO, Nigeria - Gunmen killed five villagers in Kano on Monday, police said. "
    "<script>window.__xss='text'</script> Witnesses said the attackers "
    "<img src=x onerror=\"window.__xss='text-img'\"> fled on motorcycles. "
    "<a href=\"javascript:window.__xss='link'\">Read more</a>",
}


@dataclass
class Served:
    db: Path
    tokens: dict[str, str]  # user name -> API token
    has_seed: bool


def build(path: Path) -> Served:
    """Ingest examples/, the seed and the XSS report into ``path``; add users and tokens."""
    from reckon.ingest import read_paths
    from reckon.ingest.batch import ingest_items
    from reckon.store import open_store
    from reckon.store.incidents import analyse_and_store, relink
    from reckon.users import add_user, create_token

    store = open_store(path)
    hook = functools.partial(analyse_and_store, relink_now=False)
    ingest_items(store, read_paths([ROOT / "examples"]), analyse=hook)
    if SEED.is_file():
        ingest_items(store, read_paths([SEED]), analyse=hook)
    xss = path.parent / "xss.jsonl"
    xss.write_text(json.dumps(XSS) + "\n", encoding="utf-8")
    ingest_items(store, read_paths([xss]), analyse=hook)
    tokens = {}
    with store.transaction() as conn:
        relink(conn)
        for name, role in ROLES.items():
            add_user(conn, name, role, PASSWORD, actor="cli:test")
            tokens[name] = create_token(conn, name, "tests", actor="cli:test")[0]
    store.close()
    return Served(path, tokens, SEED.is_file())


def copy_db(src: Path, dst: Path) -> Path:
    """A consistent copy of a SQLite store (WAL included)."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    with b:
        a.backup(b)
    a.close()
    b.close()
    return dst
