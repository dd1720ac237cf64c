"""Every bundled or packaged data set, loaded lazily behind one helper.

Loading costs time (jieba's dictionary alone is about half a second), so
nothing is read at import.  Each loader is memoised with ``functools.cache``:
the first caller pays, later callers share the result, and a batch run over
many articles loads everything once.

Derived indexes are cached on disk in the user's cache directory
(``FLASHGEN_CACHE_DIR`` overrides it), keyed by the source file's size and
modification time, so a changed data package rebuilds them.  They are
written beside their final name and renamed over it
(:func:`replace_atomically`, which the deck writer shares), so a run never
reads half an index another run is writing.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import hashlib
import io
import logging
import marshal
import os
import secrets
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

T = TypeVar("T")

#: Bump when the shape of a cached index changes.
CACHE_FORMAT = 1


def cache_dir() -> Path | None:
    """The per-user directory for derived indexes and jieba's model cache.

    None when it cannot be created or written (a read-only home, a bad
    ``FLASHGEN_CACHE_DIR``): the caches are an optimisation, so a run then
    builds what it needs in memory instead of failing.
    """
    override = os.environ.get("FLASHGEN_CACHE_DIR")
    path = Path(override) if override else Path(platformdirs.user_cache_dir("flashgen"))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK | os.X_OK) else None


def cached_index(name: str, source: Path, build: Callable[[], T]) -> T:
    """Return ``build()``, memoised on disk as a marshal file keyed by ``source``.

    marshal loads plain dicts of strings several times faster than pickle,
    which keeps the dictionary's cost in a cold run small.  A cache that cannot
    be read or written is rebuilt silently: it is an optimisation, never a
    requirement.
    """
    directory = cache_dir()
    if directory is None:
        return build()
    stat = source.stat()
    key = f"{CACHE_FORMAT}:{source}:{stat.st_size}:{stat.st_mtime_ns}"
    path = directory / f"{name}-{hashlib.sha1(key.encode()).hexdigest()[:12]}.marshal"
    try:
        with path.open("rb") as fh:
            return marshal.load(fh)  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    payload = marshal.dumps(value)  # type: ignore[arg-type]
    with contextlib.suppress(OSError):
        replace_atomically(path, lambda tmp: tmp.write_bytes(payload))
    return value


def replace_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Run ``write`` on a fresh file beside ``path``, then rename it over ``path``.

    Whoever reads ``path`` (a later run, Anki) finds the old file or the new
    one, never half of one, and a failed or interrupted write leaves the old
    file in place.  The temporary name does not embed ``path.name``: a long CJK
    name plus a suffix could pass the file system's 255-byte limit.
    """
    tmp = path.with_name(f".flashgen-{secrets.token_hex(6)}.tmp")
    try:
        write(tmp)
        with tmp.open("rb") as written:  # on disk before it replaces the old file
            os.fsync(written.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def package_file(package: str, relative: str) -> Path:
    """The path of a data file shipped inside an installed package."""
    return Path(str(resources.files(package).joinpath(relative)))


@cache
def jieba_tokenizer() -> Any:
    """jieba's default tokenizer, initialised quietly with a per-user cache.

    jieba logs its loading progress to stderr and caches its model in a shared
    ``/tmp`` file by default; we silence the one and move the other (unless
    the user's cache directory is unusable).
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    directory = cache_dir()
    if directory is not None:
        tokenizer.tmp_dir = str(directory)
    tokenizer.initialize()
    return tokenizer


@cache
def pypinyin() -> Any:
    """The pypinyin module, imported with the cycle collector paused.

    Its import builds tables of 400,000 phrases that hold no reference
    cycles; meanwhile the collector would walk the growing heap again and
    again, nearly doubling the import's cost (0.23 s → 0.13 s here).  The
    objects alive then (these tables and jieba's, loaded for the whole run)
    are frozen after one collection, so that later collections skip them.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        import pypinyin
    finally:
        gc.collect()  # so that only live objects are frozen, never garbage
        gc.freeze()
        if paused:
            gc.enable()
    return pypinyin


@cache
def jieba_posseg() -> Any:
    """jieba's part-of-speech tokenizer sharing the default tokenizer's dictionary.

    Importing ``jieba.posseg`` builds a tokenizer that re-reads jieba's whole
    dictionary text for its tags, which costs as much as loading jieba itself.
    We let that import read an empty file and load the same word → tag table
    from our own on-disk index instead.
    """
    tokenizer = jieba_tokenizer()
    tokenizer.get_dict_file = lambda: io.BytesIO(b"")
    try:
        from jieba import posseg
    finally:
        del tokenizer.get_dict_file  # the class's method shows through again
    dict_path = package_file("jieba", "dict.txt")
    words, tags, names = cached_index("jieba-tags-v2", dict_path, lambda: _word_tags(dict_path))
    posseg.dt.word_tag_tab = TagTable(words.split("\n"), tags, names.split("\n"))
    return posseg.dt


def _word_tags(dict_path: Path) -> tuple[str, str, str]:
    """jieba's ``word freq tag`` lines as (sorted words, one tag code per word, tag names)."""
    table: dict[str, str] = {}
    with dict_path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, tag = line.split()
            table[word] = tag
    words = sorted(table)
    names = sorted(set(table.values()))
    codes = {name: chr(i) for i, name in enumerate(names)}
    return "\n".join(words), "".join(codes[table[w]] for w in words), "\n".join(names)


class TagTable(dict[str, str]):
    """jieba's word → part-of-speech table, answered by bisection in a sorted list.

    Building a 350,000-entry dict at every start costs a few tenths of a
    second, more than all of flashgen's own work on an article; splitting one
    cached string and bisecting costs a few milliseconds.  jieba's POS
    tokenizer only calls ``get`` (and ``update`` for user dictionaries, which
    land in the dict itself).
    """

    def __init__(self, words: list[str], tags: str, names: list[str]) -> None:
        super().__init__()
        self._words, self._tags, self._names = words, tags, names

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        i = bisect.bisect_left(self._words, word)
        if i < len(self._words) and self._words[i] == word:
            return self._names[ord(self._tags[i])]
        return default
