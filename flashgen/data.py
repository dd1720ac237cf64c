"""Every bundled or packaged data set, loaded lazily behind one helper.

Loading costs time (jieba's dictionary alone is about half a second), so
nothing is read at import.  Each loader is memoised with ``functools.cache``:
the first caller pays, later callers share the result, and a batch run over
many articles loads everything once.

Derived indexes are cached on disk in the user's cache directory
(``FLASHGEN_CACHE_DIR`` overrides it), keyed by the source file's path, size
and modification time, so a changed data package rebuilds them.  Each file
carries a SHA-256 digest of its content and is checked for shape when it is
loaded: a damaged, truncated or foreign file is rebuilt, never served.  Files
are written beside their final name and renamed over it
(:func:`replace_atomically`, which the deck writer shares), so a run never
reads half an index another run is writing.  Indexes of other flashgen
versions, and of data files that changed or are gone (an upgraded package, a
deleted virtual environment), are pruned.

jieba's own model cache is never used: its word-frequency table is one of
our indexes, set on ``jieba.dt``, so jieba neither reads its dictionary text
nor touches a file in a shared temporary directory.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import logging
import marshal
import os
import re
import secrets
import stat
import sys
import time
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import resources
from itertools import pairwise
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
    directory = cache_dir()
    if directory is None:
        return build()
    _prune(directory)
    try:
        meta = _source_meta(name, source)
    except OSError:
        return build()
    key = hashlib.sha1(repr(meta).encode()).hexdigest()[:12]
    path = directory / f"{name}-{key}.marshal"
    found = _load(path, meta, check)
    if found is not None:
        return found[0]  # type: ignore[no-any-return]
    value = build()
    with contextlib.suppress(OSError, ValueError):  # a full disk, a directory in the way, ...
        content = _encode(meta, value)
        replace_atomically(path, lambda tmp: tmp.write_bytes(content), durable=False)
    return value


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
    """``(value,)`` from a sound cache file built from ``meta``'s source, None otherwise."""
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


def package_file(package: str, relative: str) -> Path:
    """The path of a data file shipped inside an installed package."""
    return Path(str(resources.files(package).joinpath(relative)))


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


def _import_jieba() -> Any:
    """``import jieba``, refusing it ``pkg_resources``.

    jieba imports ``pkg_resources`` only to locate its own data files, which
    costs 0.15-0.2 s; without it, jieba opens them beside its module, the same
    files.  The refusal lasts for this import only, and only when nothing has
    imported ``pkg_resources`` already.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    refuse = "pkg_resources" not in sys.modules
    if refuse:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails: ImportError
    try:
        import jieba
    finally:
        if refuse and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def jieba_tokenizer() -> Any:
    """jieba's default tokenizer, initialised quietly from our own index.

    ``jieba.initialize()`` would load its 500,000-entry frequency dict from a
    model cache in a shared temporary directory (anyone on the machine can
    plant one there) or re-read its dictionary text.  We set the same table,
    as a :class:`FreqTable` over our cached index, and mark the tokenizer
    initialised: jieba then reads no file at all.  A tokenizer the caller
    already initialised (a user dictionary) is left as it is.
    """
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized:
            table = jieba_table()
            tokenizer.FREQ = FreqTable(table)
            tokenizer.total = table.total
            tokenizer.initialized = True
    return tokenizer


@cache
def jieba_posseg() -> Any:
    """jieba's part-of-speech tokenizer sharing the default tokenizer's dictionary.

    Importing ``jieba.posseg`` builds a tokenizer that re-reads jieba's whole
    dictionary text for its tags, which costs as much as loading jieba itself.
    We let that import read an empty file and answer the same word → tag
    table from our own index instead.
    """
    tokenizer = jieba_tokenizer()
    tokenizer.get_dict_file = lambda: io.BytesIO(b"")
    try:
        from jieba import posseg
    finally:
        del tokenizer.get_dict_file  # the class's method shows through again
    posseg.dt.word_tag_tab = TagTable(jieba_table())
    return posseg.dt


class JiebaTable:
    """jieba's dictionary as flashgen caches it: its words, sorted, each with its
    count and part-of-speech tag.

    One index, built in one pass, serves both jieba's frequency table
    (:class:`FreqTable`) and its tag table (:class:`TagTable`); the words are
    split out of one string once and shared.
    """

    def __init__(self, words: str, counts: bytes, total: int, tags: str, names: str) -> None:
        self.words = words.split("\n")
        self.counts = array("I")
        self.counts.frombytes(counts)
        self.total = total
        self.tags = tags  # one character per word: the index of its tag in ``names``
        self.names = names.split("\n")


@cache
def jieba_table() -> JiebaTable:
    """jieba's dictionary from our cached index (built from ``dict.txt`` when missing)."""
    _import_jieba()  # locating jieba's files imports it: without pkg_resources
    dict_path = package_file("jieba", "dict.txt")
    return JiebaTable(
        *cached_index("jieba-v3", dict_path, lambda: build_jieba_index(dict_path), _is_jieba_index)
    )


def build_jieba_index(dict_path: Path) -> tuple[str, bytes, int, str, str]:
    """jieba's ``word count tag`` lines as (sorted words, their counts, the total,
    one tag code per word, the tag names).

    The counts and the total are what ``jieba.Tokenizer.gen_pfdict`` reads
    (the last line of a repeated word wins), the tags what ``jieba.posseg``
    reads.  The prefixes jieba's table also lists are not stored: the sorted
    words answer for them (:class:`FreqTable`).
    """
    text = dict_path.read_bytes().decode("utf-8")
    fields = text.split()
    if len(fields) == 3 * (text.count("\n") + (not text.endswith("\n"))):
        # Every line is "word count tag", as jieba requires: take the columns at once.
        words, counts, tags = fields[0::3], fields[1::3], fields[2::3]
    else:  # blank lines or stray spaces: line by line, as jieba reads it
        words, counts, tags = [], [], []
        for raw in text.split("\n"):
            if line := raw.strip(" \t\n\r\x0b\x0c"):
                word, count, tag = line.split(" ")
                words.append(word)
                counts.append(count)
                tags.append(tag)
    # Sorted by word, file order kept among equal words: the last of each run is the one jieba keeps.
    order = sorted(range(len(words)), key=words.__getitem__)
    keep = [i for i, j in pairwise(order) if words[i] != words[j]] + order[-1:]
    names = sorted(set(tags))
    codes = {name: chr(i) for i, name in enumerate(names)}
    return (
        "\n".join([words[i] for i in keep]),
        array("I", [int(counts[i]) for i in keep]).tobytes(),
        sum(map(int, counts)),
        "".join([codes[tags[i]] for i in keep]),
        "\n".join(names),
    )


def _is_jieba_index(value: Any) -> bool:
    """Whether a loaded value has the shape :func:`build_jieba_index` gives."""
    if not (isinstance(value, tuple) and len(value) == 5):
        return False
    words, counts, total, tags, names = value
    if not (
        isinstance(words, str)
        and isinstance(counts, bytes)
        and isinstance(total, int)
        and isinstance(tags, str)
        and isinstance(names, str)
    ):
        return False
    size = words.count("\n") + 1
    return len(counts) == size * array("I").itemsize and len(tags) == size and total > 0


class FreqTable(Mapping[str, int]):
    """jieba's word → count table (``Tokenizer.FREQ``), answered by bisection.

    jieba's table holds every word with its count and every prefix of a word
    with 0 (so that a fragment not in it ends the search for longer words).
    Loading it as a 500,000-entry dict costs about a quarter of a second at
    every start, more than all of flashgen's own work on an article; here the
    sorted words answer instead: the first word not below a fragment is the
    fragment itself (its count), starts with it (a prefix: 0), or neither (not
    in the table).  jieba reads the table with ``in``, ``[]`` and ``get``, and
    asks about the same few fragments again and again (the seed article: 15,600
    questions, 1,800 fragments), so each answer is kept in a dict consulted
    first: a long text costs about what jieba's own dict costs.  Words jieba
    adds (``add_word``, user dictionaries) go into that dict too.
    """

    def __init__(self, table: JiebaTable) -> None:
        self._words, self._counts, self._size = table.words, table.counts, len(table.words)
        self._known: dict[str, int | None] = {}  # fragment → count, None when not in the table
        self._added: dict[str, int] = {}

    def _find(self, word: str) -> int | None:
        at = bisect_left(self._words, word)
        count: int | None = None
        if at < self._size:
            found = self._words[at]
            if found == word:
                count = self._counts[at]
            elif word and found.startswith(word):
                count = 0
        self._known[word] = count
        return count

    # jieba asks in a tight loop: one dict lookup, and one call only for a new fragment.
    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        count = self._known.get(word, -1)
        if count == -1:
            count = self._find(word)
        return default if count is None else count

    def __contains__(self, word: object) -> bool:
        count = self._known.get(word, -1)  # type: ignore[call-overload]
        if count == -1:
            count = self._find(word)  # type: ignore[arg-type]
        return count is not None

    def __getitem__(self, word: str) -> int:
        count = self._known.get(word, -1)
        if count == -1:
            count = self._find(word)
        if count is None:
            raise KeyError(word)
        return count

    def __setitem__(self, word: str, count: int) -> None:
        self._known[word] = self._added[word] = count

    def __len__(self) -> int:
        return len(self.as_dict())

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_dict())

    def as_dict(self) -> dict[str, int]:
        """The same table as a plain dict, as ``jieba.Tokenizer.gen_pfdict`` builds it."""
        plain = {word[:end]: 0 for word in self._words for end in range(1, len(word))}
        plain.update(zip(self._words, self._counts, strict=True))
        plain.update(self._added)
        return plain


class TagTable(dict[str, str]):
    """jieba's word → part-of-speech table, answered by bisection in the shared word list.

    Building a 350,000-entry dict at every start costs a few tenths of a
    second; bisecting the words :class:`JiebaTable` already holds costs
    nothing at start.  jieba's POS tokenizer only calls ``get`` (and
    ``update`` for user dictionaries, which land in the dict itself).
    """

    def __init__(self, table: JiebaTable) -> None:
        super().__init__()
        self._table = table

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        table = self._table
        at = bisect_left(table.words, word)
        if at < len(table.words) and table.words[at] == word:
            code = ord(table.tags[at])
            if code < len(table.names):
                return table.names[code]
        return default
