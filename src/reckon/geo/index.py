"""The process-wide gazetteer: built on first use (in a child process), then opened once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from reckon.geo.store import Gazetteer, GazetteerError, default_path

OLD_INDEX_DAYS = 7  # an index of other data or code is removed after this long unused

_lock = threading.Lock()
_default: Gazetteer | None = None


def ensure_index(path: Path | None = None, *, progress: bool = True) -> Path:
    """Return the index path, building the default index first when it does not exist.

    The build (about 20 s, once) prints its progress on stderr unless ``progress`` is False.
    It runs in a child process so that its peak memory (~650 MB while reading the
    packaged JSON) is returned to the system before extraction goes on.
    """
    path = Path(path) if path else default_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with _BuildLock(path):
        if path.exists():  # another process built it while we waited
            return path
        return _build_index(path, progress=progress)


class _BuildLock:
    """An exclusive lock beside the index, so that concurrent first uses build it once."""

    def __init__(self, path: Path) -> None:
        self.lock_path = path.with_name(path.name + ".lock")
        self.fh = None

    def __enter__(self) -> None:
        try:
            import fcntl

            self.fh = open(self.lock_path, "a+b")
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):
            self.fh = None

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()


def _build_index(path: Path, *, progress: bool) -> Path:
    """Build in a child process; with ``progress`` its lines ("reckon gazetteer: ...") go to
    stderr as they come, else only its one-line error when it fails."""
    cmd = [sys.executable, "-m", "reckon.geo.build", str(path)]
    if progress:
        cmd.append("-v")
    res = subprocess.run(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=None if progress else subprocess.PIPE,
        text=True,
        check=False,
    )
    if res.returncode != 0 or not path.exists():
        err = (res.stderr or "").strip().splitlines()[-1:]
        raise GazetteerError(f"could not build the gazetteer at {path} {' '.join(err)}".strip())
    if not os.environ.get("RECKON_GAZETTEER") and path == default_path():
        # indexes of other data or code in the cache: removed once unused for a week (another
        # checkout of another version sharing the cache would otherwise rebuild in turn)
        now = time.time()
        for old in path.parent.glob("gazetteer-*.sqlite"):
            if old != path:
                try:
                    st = old.stat()
                    if now - max(st.st_mtime, st.st_atime) > OLD_INDEX_DAYS * 86400:
                        old.unlink()
                except OSError:
                    pass
    return path


def get_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The process-wide gazetteer (opened once; built on first use)."""
    global _default
    if path is not None:
        return Gazetteer(ensure_index(Path(path)))
    with _lock:
        if _default is None or not _default.path.exists():
            _default = Gazetteer(ensure_index())
        return _default


def set_gazetteer(gaz: Gazetteer | None) -> None:
    """Use this gazetteer for the process (tests, imports); None forgets it."""
    global _default
    with _lock:
        _default = gaz
    from reckon.geo.resolver import _resolver_cache

    _resolver_cache.clear()


# ---------------------------------------------------------------------------------------
