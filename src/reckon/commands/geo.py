"""``reckon gazetteer``: build, import into, query and describe the offline gazetteer."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from reckon.geo.store import GazetteerError


def _index_path(path: str | None) -> Path:
    from reckon.geo.store import default_path

    return Path(path) if path else default_path()


@click.group("gazetteer")
def gazetteer() -> None:
    """The offline gazetteer (GeoNames data; index built on first use).

    The index lives at $RECKON_GAZETTEER, else in the cache directory ($RECKON_CACHE_DIR,
    $XDG_CACHE_HOME/reckon or ~/.cache/reckon).
    """


_index_opt = click.option(
    "--index",
    "index",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    default=None,
    help="The gazetteer index (default: $RECKON_GAZETTEER, else in the cache directory).",
)


@gazetteer.command("build")
@_index_opt
@click.option("--force", is_flag=True, help="Rebuild even if the index exists (drops imports).")
def build_cmd(index: str | None, force: bool) -> None:
    """Build the default index from the packaged GeoNames data."""
    from reckon.geo.build import build_default

    path = _index_path(index)
    if path.exists() and not force:
        click.echo(f"index exists: {path} (use --force to rebuild)")
        return
    t0 = time.perf_counter()
    try:
        build_default(path)
    except (GazetteerError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"built {path} in {time.perf_counter() - t0:.1f}s")


@gazetteer.command("import")
@_index_opt
@click.option(
    "--classes",
    metavar="CLASSES",
    default="PAS",
    show_default=True,
    help="GeoNames feature classes to import from dumps (e.g. PAS, or PASHLTV for all).",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="FILE...")
def import_cmd(index: str | None, classes: str, files: tuple[str, ...]) -> None:
    """Import GeoNames dumps (XX.txt, allCountries.txt, .zip), admin1CodesASCII.txt,
    admin2Codes.txt, alternateNamesV2.txt, or a local-additions CSV with columns
    name,alternate_names,lat,lon,country,admin1,admin2,feature_type (alternate names
    separated by |). Imported places win over default ones whose names tie."""
    from reckon.geo.imports import import_files
    from reckon.geo.resolver import ensure_index

    path = _index_path(index)
    try:
        for f in files:
            if not Path(f).is_file():
                raise GazetteerError(f"no such file: {f}")
        ensure_index(path)
        results = import_files(path, [Path(f) for f in files], classes=frozenset(classes.upper()))
    except (GazetteerError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    for r in results:
        click.echo(f"{r.path}: {r.kind}, {r.added} added, {r.updated} updated, {r.skipped} skipped")


@gazetteer.command("lookup")
@_index_opt
@click.argument("name", metavar="NAME")
@click.option("--country", metavar="COUNTRY", default=None, help="Country the place is in (name or ISO code).")
@click.option(
    "--context", "context", metavar="TEXT", multiple=True, help="Other places or text of the "
    "report (repeatable)."
)
@click.option("--all", "show_all", is_flag=True, help="List every candidate with its score.")
def lookup_cmd(
    index: str | None, name: str, country: str | None, context: tuple[str, ...], show_all: bool
) -> None:
    """Resolve NAME and print the location as JSON."""
    from reckon.geo.resolver import (
        build_context,
        candidates,
        ensure_index,
        parse_toponym,
        score,
    )
    from reckon.geo.store import Gazetteer
    from reckon.geocode import geocode_name

    try:
        gaz = Gazetteer(ensure_index(_index_path(index)))
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    loc = geocode_name(name, country_hint=country, context=list(context), gazetteer=gaz)
    out = {**loc.as_dict(), "feature": loc.feature}
    click.echo(json.dumps(out, ensure_ascii=False))
    if show_all:
        ctx = build_context(gaz, text="\n".join(context), country_hint=country)
        top = parse_toponym(name)
        hits = sorted(candidates(gaz, top.core), key=lambda h: -score(h, top, ctx))
        for h in hits[:20]:
            p = h.place
            click.echo(
                f"  {score(h, top, ctx):6.2f}  {p.name} ({p.feature}) {p.country} / {p.admin1} "
                f"[{p.lat}, {p.lon}] pop {p.population} via {h.matched!r} {p.source}"
            )


@gazetteer.command("info")
@_index_opt
def info_cmd(index: str | None) -> None:
    """Where the index is and what it holds."""
    from reckon.geo.store import Gazetteer

    path = _index_path(index)
    if not path.exists():
        click.echo(f"index: {path} (not built yet; built on first use or by 'gazetteer build')")
        return
    try:
        gaz = Gazetteer(path)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"index: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    for k, v in sorted(gaz.meta().items()):
        click.echo(f"{k}: {v}")
    for k, v in sorted(gaz.stats().items()):
        click.echo(f"{k}: {v}")


COMMANDS = [gazetteer]
