"""What deck files already hold: our notes in an earlier deck, the articles it came from.

Updating a deck keeps each unchanged note's time (see :mod:`.deck`), and
``--skip-built`` leaves out the words carded in earlier decks; both read an
``.apkg`` that may not be ours, may be damaged, or may be built to hurt (a
FIFO named ``x.apkg``, a zip bomb), so anything unexpected reads as "no deck
of ours" and nothing is inflated past :data:`MAX_COLLECTION_BYTES`.
"""

from __future__ import annotations

import contextlib
import html
import json
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import FlashgenError
from .note_type import MODEL_ID

#: A collection in a package is read for --skip-built and to update a deck; a real one of a few
#: thousand notes is a few MB, and a larger member is refused before it fills the disk (zip bomb).
MAX_COLLECTION_BYTES = 256 * 2**20
#: Anki's separator of a note's fields in its database.
FIELD_SEPARATOR = "\x1f"
#: A deck's description names the article file it was built from, so that a later build of another
#: article with the same title, which would write the same file, can say whose deck it replaces.
SOURCE_NOTE = "Built by flashgen from "


@dataclass(frozen=True)
class StoredNote:
    """A note as a previous package holds it."""

    fields: str
    tags: tuple[str, ...]
    mod: int


def _extract_collection(apkg: Path, directory: Path) -> Path | None:
    """Copy the SQLite collection out of a zip package; None if there is none to read.

    Newer Anki exports carry ``collection.anki21`` (and a stub ``.anki2``);
    the zstd-compressed ``.anki21b`` cannot be ours and is ignored.
    """
    database = directory / "collection.db"
    if not apkg.is_file():  # a FIFO named x.apkg would block the read forever
        return None
    try:
        with zipfile.ZipFile(apkg) as package:
            names = set(package.namelist())
            member = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
            if member is None or package.getinfo(member).file_size > MAX_COLLECTION_BYTES:
                return None
            with package.open(member) as source, database.open("wb") as target:
                # the size in the zip's header can lie: count what is really inflated
                copied = 0
                while chunk := source.read(2**20):
                    copied += len(chunk)
                    if copied > MAX_COLLECTION_BYTES:
                        return None
                    target.write(chunk)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error):
        return None
    return database


@contextlib.contextmanager
def _collection(apkg: Path) -> Iterator[sqlite3.Connection | None]:
    """The collection inside a package, opened read-only, or None if it has none."""
    with tempfile.TemporaryDirectory(prefix="flashgen-") as tmp:
        database = _extract_collection(apkg, Path(tmp))
        if database is None:
            yield None
            return
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            yield connection
        finally:
            connection.close()


def stored_notes(apkg: Path) -> dict[str, StoredNote] | None:
    """Our notes in ``apkg`` by GUID, or None when it is not a deck this tool wrote."""
    return _contents(apkg)[1]


def deck_sources(path: Path) -> frozenset[str]:
    """The article files the flashgen deck at ``path`` was built from (none for another file)."""
    return _contents(path)[0] if path.is_file() else frozenset()


def _contents(apkg: Path) -> tuple[frozenset[str], dict[str, StoredNote] | None]:
    """:func:`deck_sources` and :func:`stored_notes` from one reading of the package: a build
    asks the first, then writing the deck the second, of each deck it replaces, and each reading
    inflates the collection into a temporary directory.  Kept for the file's last version read
    (device, inode, size, modification time) until a deck is written (:func:`forget_read_decks`)."""
    try:
        info = apkg.stat()
    except OSError:
        return _read_contents(apkg)
    return _read_version(apkg, (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns))


@lru_cache(maxsize=1)
def _read_version(
    apkg: Path, _version: tuple[int, int, int, int]
) -> tuple[frozenset[str], dict[str, StoredNote] | None]:
    return _read_contents(apkg)


def forget_read_decks() -> None:
    """Forget what :func:`_contents` read: a deck file was just written."""
    _read_version.cache_clear()


def _read_contents(apkg: Path) -> tuple[frozenset[str], dict[str, StoredNote] | None]:
    with _collection(apkg) as connection:
        if connection is None:
            return frozenset(), None
        return _sources_in(connection), _notes_in(connection)


def _notes_in(connection: sqlite3.Connection) -> dict[str, StoredNote] | None:
    try:
        (models_json,) = connection.execute("SELECT models FROM col").fetchone()
        ours = str(MODEL_ID) in json.loads(models_json or "{}")
        rows = connection.execute("SELECT guid, flds, tags, mod FROM notes WHERE mid = ?", (MODEL_ID,))
        notes = {guid: StoredNote(fields, tuple(tags.split()), mod) for guid, fields, tags, mod in rows}
    except (sqlite3.Error, ValueError, TypeError):
        return None
    return notes if ours or notes else None


def _sources_in(connection: sqlite3.Connection) -> frozenset[str]:
    try:
        (decks_json,) = connection.execute("SELECT decks FROM col").fetchone()
        decks = json.loads(decks_json or "{}").values()
    except (sqlite3.Error, ValueError, TypeError, AttributeError):
        return frozenset()
    notes = (str(deck.get("desc", "")) for deck in decks if isinstance(deck, dict))
    return frozenset(note.removeprefix(SOURCE_NOTE) for note in notes if note.startswith(SOURCE_NOTE))


def carded_words(directory: Path) -> frozenset[str]:
    """Simplified headwords of every note of ours in the .apkg files in ``directory``.

    Files that are not our decks are skipped; a directory that does not exist
    yet simply holds no decks.
    """
    if not directory.exists():
        return frozenset()
    if not directory.is_dir():
        raise FlashgenError(f"{directory}: not a directory of decks")
    words: set[str] = set()
    for apkg in sorted(p for p in directory.glob("*.apkg") if p.is_file()):
        notes = stored_notes(apkg) or {}
        words.update(html.unescape(n.fields.split(FIELD_SEPARATOR, 1)[0]) for n in notes.values())
    return frozenset(words)
