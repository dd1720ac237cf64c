"""Derived indexes cached on disk, checked before they are trusted.

Indexes are cached in the user's cache directory (``FLASHGEN_CACHE_DIR``
overrides it), keyed by the source file's path, size and modification time,
so a changed data package rebuilds them.  Each file carries a SHA-256 digest
of its content and is checked for shape when it is loaded: a damaged,
truncated or foreign file is rebuilt, never served.  Files are written beside
their final name and renamed over it (:func:`replace_atomically`, which the
deck writer shares), so a run never reads half an index another run is
writing.  Indexes of other flashgen versions, and of data files that changed
or are gone (an upgraded package, a deleted virtual environment), are pruned.

A first run would build every index (about a second in all, more than the
rest of a build), so the package ships them (``flashgen/indexes/``), built
from the data versions the release pins.  A shipped index is keyed by its
source file's name, size and SHA-256, so it serves only the very file it was
built from, and it passes the same digest and shape checks as a cache file;
any other data version builds its own, as before.  Once a run has matched a
shipped index to its source, the cache keeps only a small pointer to it, so
later runs skip the hashing and no copy of it is kept per user.
``bench/ship_indexes.py`` writes the shipped files.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

T = TypeVar("T")

#: Bump when the layout of a cache file changes; files of other formats are pruned.
CACHE_FORMAT = 2
_MAGIC = b"flashgen index\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
#: magic, digest of everything after it, length of the header, header (marshal), payload (marshal).
_HEADER_AT = len(_MAGIC) + _DIGEST_SIZE + 4
#: Names of our index files (this format and the previous, headerless one).
_INDEX_FILE = re.compile(r"[a-z][a-z0-9-]*-[0-9a-f]{12}\.marshal")
#: A temporary file of :func:`replace_atomically`; one this old was left by a killed run.
_TEMP_FILE = re.compile(r"\.flashgen-[0-9a-f]{12}\.tmp")
_STALE_TEMP_SECONDS = 3600
#: Indexes shipped in the package (see the module's docstring).
SHIPPED_DIR = Path(__file__).with_name("indexes")
#: A cache file holding ``(_POINTER, meta)`` stands for the shipped index built from ``meta``'s source.
_POINTER = "flashgen: the shipped index"
#: jieba's own model caches, which earlier versions let jieba write here.
_JIEBA_CACHE = re.compile(r"jieba(\.u[0-9a-f]{32})?\.cache")


def cache_dir() -> Path | None:
    """The per-user directory for derived indexes.

    None when it cannot be created or written (a read-only home, a bad
    ``FLASHGEN_CACHE_DIR``), or when others could plant files in it (a
    world-writable directory such as ``/tmp``, or one owned by another user):
    the caches are an optimisation, so a run then builds what it needs in
    memory instead of failing.
    """
    override = os.environ.get("FLASHGEN_CACHE_DIR")
    path = Path(override) if override else Path(platformdirs.user_cache_dir("flashgen"))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return None
    if not _private(info) or not os.access(path, os.W_OK | os.X_OK):
        return None
    return path


def _private(info: os.stat_result) -> bool:
    """Whether a directory with this status is one only this user can plant files in."""
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & stat.S_IWOTH:
        return False
    getuid = getattr(os, "getuid", None)  # absent on Windows, where the profile's ACLs decide
    return getuid is None or info.st_uid == getuid()


def cached_index(
    name: str, source: Path, build: Callable[[], T], check: Callable[[Any], bool] | None = None
) -> T:
    """Return ``build()``, memoised on disk as a marshal file keyed by ``source``.

    marshal loads plain strings and bytes several times faster than pickle,
    which keeps the dictionaries' cost in a cold run small.  The file is used
    only when its digest matches its content, its header names this very
    source (path, size, modification time) and ``check`` accepts the loaded
    value's shape; otherwise it is rebuilt.  A cache that cannot be read or
    written costs time, never a failure: it is an optimisation.
    """
    try:
        meta = _source_meta(name, source)
    except OSError:
        return build()
    directory = cache_dir()
    path = None
    if directory is not None:
        _prune(directory)
        key = hashlib.sha1(repr(meta).encode()).hexdigest()[:12]
        path = directory / f"{name}-{key}.marshal"
        found = _load(path, meta, None)
        served = _served(name, found[0], check) if found is not None else None
        if served is not None:
            return served[0]  # type: ignore[no-any-return]
    shipped_meta = _shipped_meta(name, source)
    shipped = _load(SHIPPED_DIR / f"{name}.marshal", shipped_meta, check) if shipped_meta else None
    value = shipped[0] if shipped is not None else build()
    if path is not None:
        with contextlib.suppress(OSError, ValueError):  # a full disk, a directory in the way, ...
            content = _encode(meta, (_POINTER, shipped_meta) if shipped is not None else value)
            replace_atomically(path, lambda tmp: tmp.write_bytes(content), durable=False)
    return value


def _served(name: str, stored: Any, check: Callable[[Any], bool] | None) -> tuple[Any] | None:
    """``(index,)`` from what a sound cache file holds: the index, or a pointer to the shipped one."""
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _POINTER:
        return _load(SHIPPED_DIR / f"{name}.marshal", stored[1], check)
    return (stored,) if check is None or check(stored) else None


def _source_meta(name: str, source: Path) -> tuple[int, int, str, str, int, int]:
    """What a cache file must have been built from: format, marshal version, index, source."""
    info = source.stat()
    return (CACHE_FORMAT, marshal.version, name, str(source), info.st_size, info.st_mtime_ns)


def _encode(meta: tuple[Any, ...], value: Any) -> bytes:
    header = marshal.dumps(meta)
    body = len(header).to_bytes(4, "little") + header + marshal.dumps(value)
    return _MAGIC + hashlib.sha256(body).digest() + body


def _header(data: bytes | memoryview) -> Any:
    """The header (a marshalled tuple) of a cache file's first bytes; ValueError if it has none."""
    if bytes(data[: len(_MAGIC)]) != _MAGIC or len(data) < _HEADER_AT:
        raise ValueError("not a flashgen index")
    size = int.from_bytes(data[_HEADER_AT - 4 : _HEADER_AT], "little")
    return marshal.loads(data[_HEADER_AT : _HEADER_AT + size]), _HEADER_AT + size


def _load(path: Path, meta: tuple[Any, ...], check: Callable[[Any], bool] | None) -> tuple[Any] | None:
    """``(value,)`` from a sound index file built from ``meta``'s source, None otherwise."""
    try:
        data = memoryview(path.read_bytes())
    except OSError:  # missing, unreadable, a directory
        return None
    try:
        header, start = _header(data)
        if header != meta:
            return None
        digest = data[len(_MAGIC) : len(_MAGIC) + _DIGEST_SIZE]
        if hashlib.sha256(data[len(_MAGIC) + _DIGEST_SIZE :]).digest() != digest:
            return None
        value = marshal.loads(data[start:])
        if check is not None and not check(value):
            return None
    except Exception:  # any damage at all: rebuild, never fail and never serve it
        return None
    return (value,)


def _shipped_meta(name: str, source: Path) -> tuple[int, int, str, str, int, str] | None:
    """What a shipped index must be built from: these very bytes, wherever they are installed."""
    try:
        info = source.stat()
        size, digest = _content_digest(source, info.st_size, info.st_mtime_ns)
    except OSError:
        return None
    return (CACHE_FORMAT, marshal.version, name, source.name, size, digest)


@cache
def _content_digest(source: Path, size: int, mtime_ns: int) -> tuple[int, str]:
    """The length and SHA-256 of ``source``'s bytes, once per process and version of the file
    (``size``, ``mtime_ns``): a first run would otherwise hash the CC-CEDICT file for each of the
    five indexes built from it."""
    content = source.read_bytes()
    return len(content), hashlib.sha256(content).hexdigest()


def ship(cache_file: Path, directory: Path) -> Path:
    """Write the index in the sound cache file ``cache_file`` as a shipped index in ``directory``.

    Only for making a release (``bench/ship_indexes.py``).  Returns the path written;
    ValueError for a damaged file or a source that is gone.
    """
    header, _ = _header(cache_file.read_bytes())
    name, source = header[2], Path(header[3])
    found = _load(cache_file, header, None)
    shipped_meta = _shipped_meta(name, source)
    if found is None or shipped_meta is None:
        raise ValueError(f"{cache_file}: not a sound index of an existing source")
    shipped = directory / f"{name}.marshal"
    content = _encode(shipped_meta, found[0])
    replace_atomically(shipped, lambda tmp: tmp.write_bytes(content))
    return shipped


@cache
def _prune(directory: Path) -> None:
    """Delete what a run will never read again: indexes of another format or of a
    data file that changed or is gone, jieba's old model caches, and temporary
    files a killed run left behind.  Once per directory and process."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            if _INDEX_FILE.fullmatch(entry.name):
                stale = _stale_index(Path(entry.path))
            elif _TEMP_FILE.fullmatch(entry.name):
                stale = entry.stat().st_mtime < time.time() - _STALE_TEMP_SECONDS
            else:
                stale = _JIEBA_CACHE.fullmatch(entry.name) is not None
            if stale:
                os.unlink(entry.path)


def _stale_index(path: Path) -> bool:
    """Whether an index file is of another format, or its source changed or is gone."""
    with path.open("rb") as fh:
        start = fh.read(_HEADER_AT)
        if len(start) == _HEADER_AT:  # a header is a few hundred bytes: a bigger length is damage
            start += fh.read(min(int.from_bytes(start[-4:], "little"), 1 << 16))
    try:
        header, _ = _header(start)
        fmt, _marshal, _name, source, size, mtime_ns = header
        if fmt != CACHE_FORMAT:
            return True
        info = os.stat(source)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False  # cannot tell (a source on an unmounted disk): keep it
    except Exception:
        return True  # no header (the previous format) or a damaged one
    return bool((info.st_size, info.st_mtime_ns) != (size, mtime_ns))


def replace_atomically(path: Path, write: Callable[[Path], object], durable: bool = True) -> None:
    """Run ``write`` on a fresh file beside ``path``, then rename it over ``path``.

    Whoever reads ``path`` (a later run, Anki) finds the old file or the new
    one, never half of one, and a failed or interrupted write leaves the old
    file in place and no temporary file.  ``durable`` flushes the new file to
    disk before the rename, so that a crash cannot leave an empty deck; caches
    skip it, since their digest catches such a file and they are rebuilt.
    The temporary name does not embed ``path.name``: a long CJK name plus a
    suffix could pass the file system's 255-byte limit.
    """
    tmp = path.with_name(f".flashgen-{secrets.token_hex(6)}.tmp")
    try:
        write(tmp)
        if durable:
            with tmp.open("rb") as written:  # on disk before it replaces the old file
                os.fsync(written.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
