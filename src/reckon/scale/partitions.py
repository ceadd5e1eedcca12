"""Cutting ingest inputs into partitions that workers read on their own.

:func:`plan` walks the paths as :func:`reckon.ingest.read_paths` does (directories recursively in
sorted order, hidden names skipped) and yields, in input order:

- ``jsonl`` partitions: a range of lines of one JSONL file (byte offsets and the number of its
  first line, so errors still say ``path:LINE``);
- ``parquet`` partitions: row groups of one Parquet file;
- ``files`` partitions: a few other files (text, HTML, JSON, feeds), read whole;
- an :class:`IngestError` for a path that cannot be read at all.

:func:`read` turns a partition back into what ``read_paths`` would have yielded for that part of
the input: the same reports (same ids, texts and origins) and the same errors.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from reckon.ingest import DEFAULT_MAX_BYTES, IngestError, read_bytes, read_paths
from reckon.model import Report

__all__ = ["Options", "Partition", "plan", "read"]

_JSONL = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class Options:
    """What the caller fills in for reports that lack it (as ``reckon ingest`` options)."""

    published: str | None = None
    source: str | None = None
    url: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Partition:
    """One worker's share of the input; ``size`` is how many reports it holds (about)."""

    index: int
    kind: str  # "jsonl" | "parquet" | "files"
    paths: tuple[str, ...]
    start: int = 0  # jsonl: byte offset of the first line
    end: int = 0  # jsonl: byte offset after the last line
    first_line: int = 1  # jsonl: number of the first line
    groups: tuple[int, ...] = ()  # parquet: row groups
    size: int = 0


def _files(path: Path) -> Iterator[Path | IngestError]:
    try:
        if path.is_dir():
            for entry in sorted(os.scandir(path), key=lambda e: e.name):
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    yield from _files(Path(entry.path))
                else:
                    yield Path(entry.path)  # the reader says why a non-file is refused
            return
    except OSError as e:
        yield IngestError(str(path), f"cannot read ({e.strerror or e})")
        return
    yield path


def _line_ranges(path: Path, per: int) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, first line, lines) of runs of ``per`` lines of a file."""
    start, line, count, pos = 0, 1, 0, 0
    with path.open("rb") as f:
        for raw in iter(lambda: f.readline(1 << 20), b""):
            pos += len(raw)
            if raw.endswith(b"\n") or len(raw) < (1 << 20):
                count += 1
                if count >= per:
                    yield start, pos, line, count
                    start, line, count = pos, line + count, 0
    if count:
        yield start, pos, line, count


def plan(paths: Iterable[str], per: int = 200) -> Iterator[Partition | IngestError]:
    """Partitions of about ``per`` reports each, in input order (see module doc)."""
    index = 0
    batch: list[str] = []

    def flush() -> Iterator[Partition]:
        nonlocal index, batch
        if batch:
            yield Partition(index, "files", tuple(batch), size=len(batch))
            index += 1
            batch = []

    for p in paths:
        if str(p) == "-":
            yield IngestError("<stdin>", "reading stdin is not supported with --engine dask")
            continue
        for f in _files(Path(p)):
            if isinstance(f, IngestError):
                yield from flush()
                yield f
                continue
            suffix = f.suffix.lower()
            kind = "jsonl" if suffix in _JSONL else "parquet" if suffix == ".parquet" else ""
            try:
                regular = f.is_file() and f.stat().st_size > 0
            except OSError:
                regular = False
            if not kind or not regular:
                batch.append(str(f))
                if len(batch) >= max(1, per // 20):
                    yield from flush()
                continue
            yield from flush()
            if kind == "jsonl":
                for start, end, first, n in _line_ranges(f, per):
                    yield Partition(index, "jsonl", (str(f),), start, end, first, size=n)
                    index += 1
            else:
                try:
                    from reckon.ingest.parquet import row_groups

                    sizes = row_groups(f)
                except Exception:  # not Parquet: the reader says so on the worker
                    sizes = [0]
                groups: list[int] = []
                rows = 0
                for g, n in enumerate(sizes):
                    groups.append(g)
                    rows += n
                    if rows >= per or g == len(sizes) - 1:
                        yield Partition(
                            index, "parquet", (str(f),), groups=tuple(groups), size=rows
                        )
                        index += 1
                        groups, rows = [], 0
    yield from flush()


def _shift(item: Report | IngestError, path: str, offset: int) -> Report | IngestError:
    """Renumber ``path:N`` origins of a JSONL chunk to the file's own line numbers."""
    origin = item.origin if isinstance(item, IngestError) else item.origin
    if not origin or not origin.startswith(path + ":"):
        return item
    n = origin[len(path) + 1 :]
    if not n.isdigit():
        return item
    new = f"{path}:{int(n) + offset}"
    if isinstance(item, IngestError):
        return IngestError(new, item.reason)
    return replace(item, origin=new)


def read(part: Partition, opts: Options) -> Iterator[Report | IngestError]:
    """What ``read_paths`` yields for this part of the input."""
    if part.kind == "files":
        yield from read_paths(
            part.paths,
            published=opts.published,
            source=opts.source,
            url=opts.url,
            max_bytes=opts.max_bytes,
        )
        return
    path = part.paths[0]
    if part.kind == "parquet":
        from reckon.ingest.parquet import read_parquet

        yield from read_parquet(
            path,
            published=opts.published,
            source=opts.source,
            url=opts.url,
            max_bytes=opts.max_bytes,
            groups=list(part.groups),
        )
        return
    try:
        with open(path, "rb") as f:
            f.seek(part.start)
            data = f.read(part.end - part.start)
    except OSError as e:
        yield IngestError(path, f"cannot read ({e.strerror or e})")
        return
    offset = part.first_line - 1
    if part.first_line > 1:  # a blank first line: a byte-order mark counts only on line 1
        data, offset = b"\n" + data, offset - 1
    items = read_bytes(
        data,
        path,
        kind="jsonl",
        published=opts.published,
        source=opts.source,
        url=opts.url,
        max_bytes=opts.max_bytes,
    )
    for item in items:
        if isinstance(item, IngestError) and item.reason.startswith("empty file"):
            if part.first_line > 1:
                continue  # a chunk of blank lines inside a file
        yield _shift(item, path, offset)
