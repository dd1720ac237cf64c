"""Terms → one .apkg file, written so that re-importing it never costs a review.

Anki recognises a note it already has by its GUID and, with its default
import options, takes the incoming fields only when the incoming note's
modification time is newer than its own.  So:

- a note's GUID is a hash of the headword (plus the reading when CC-CEDICT
  knows several), never of its fields: the same word met in another article,
  or after the article changed, is the same note and keeps its history;
- a note whose fields and tags differ from the deck previously written at the
  same path gets the current time, so Anki updates it; a note that has not
  changed keeps the previous deck's time, so re-importing an unchanged rebuild
  changes nothing (and does not overwrite a learner's own edits).

The package is written beside its final path and renamed over it, so a run
that fails or is interrupted leaves the previous deck intact; a file that is
not one of our decks is never overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path

import genanki

from ..cache import replace_atomically
from ..errors import FlashgenError
from ..lexicon import dictionary, pinyin
from ..options import Options
from ..types import Article, Term, WordInfo
from .note_type import MODEL_ID, NOTE_TYPE_MOD, note_fields, note_type
from .packages import FIELD_SEPARATOR, SOURCE_NOTE, StoredNote, forget_read_decks, stored_notes

MAX_SLUG_LENGTH = 80
#: File systems limit a name to 255 bytes; a slug of 80 characters from CJK Extension B (4 bytes
#: each in UTF-8) would pass it with ".apkg", so the slug is cut by bytes as well.
MAX_SLUG_BYTES = 200
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)


def slugify(title: str) -> str:
    """A file stem for ``title`` that is safe on every common file system.

    Letters and digits of any script are kept (a Chinese title gives a Chinese
    file name, which every current OS handles; transliterating would lose
    it), lower-cased after NFKC so full-width forms fold; everything else
    becomes one hyphen.  That leaves no separators, dots, control characters
    or trailing spaces to escape the output directory.  80 characters keep the
    name under the 255-byte limit even for CJK (3 bytes each in UTF-8).
    """
    text = unicodedata.normalize("NFKC", title).lower()
    kept = "".join(c if c.isalnum() or unicodedata.category(c)[0] == "M" else "-" for c in text)
    slug = re.sub(r"-{2,}", "-", kept).strip("-")[:MAX_SLUG_LENGTH]
    while len(slug.encode()) > MAX_SLUG_BYTES:
        slug = slug[:-1]
    slug = slug.rstrip("-")
    if not slug:
        return "article"
    return f"{slug}-article" if slug in _WINDOWS_RESERVED else slug


def _deck_component(text: str) -> str:
    """One level of a deck name: printable, single-spaced, with no ``::`` of its own."""
    printable = "".join(c if c.isprintable() else " " for c in text)
    return re.sub(r":{2,}", ":", " ".join(printable.split())).strip(": ")


def deck_name(title: str, options: Options) -> str:
    """``<parent>::<title>``; the title cannot add levels of its own."""
    parents = [c for c in map(_deck_component, options.deck_parent.split("::")) if c]
    return "::".join([*parents, _deck_component(title) or "Untitled article"])


def deck_id(name: str) -> int:
    """A stable id for a deck name, in the range genanki recommends."""
    digest = hashlib.sha256(f"flashgen-deck:{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_guid(word: WordInfo) -> str:
    """The note's identity: the headword, plus the reading only for words that have several."""
    readings = {pinyin.normalise(entry.pinyin_numbered) for entry in dictionary.entries(word.simplified)}
    if len(readings) > 1:
        return str(genanki.guid_for("flashgen", word.simplified, pinyin.normalise(word.pinyin_numbered)))
    return str(genanki.guid_for("flashgen", word.simplified))


def note_tags(word: WordInfo, article: Article) -> list[str]:
    """Tags to browse by in Anki: ours, the article's slug, and the word's HSK level."""
    return ["flashgen", slugify(article.title), "hsk-none" if word.hsk is None else f"hsk{word.hsk}"]


def write_deck(sections: Sequence[tuple[Article, Sequence[Term]]], path: Path, options: Options) -> int:
    """Write every section into one .apkg at ``path``; return the number of notes.

    Each article is its own deck ``<parent>::<title>``.  A word taught by two
    sections is one note (GUIDs are per word), placed with the first.
    """
    decks = _assemble(sections, options)
    notes = [note for deck in decks for note in deck.notes]
    previous = _check_target(path)
    now = int(time.time())
    mods = {note.guid: _note_mod(previous.get(note.guid), note, now) for note in notes}
    try:
        replace_atomically(path, lambda tmp: _write_package(decks, mods, now, tmp))
        forget_read_decks()
    except (OSError, sqlite3.Error) as error:  # a full disk shows as either
        reason = getattr(error, "strerror", None) or error
        raise FlashgenError(f"{path}: cannot write the deck ({reason})") from error
    except UnicodeEncodeError:
        raise FlashgenError(
            f"{path}: this system cannot spell the file name (a non-UTF-8 locale: try LANG=C.UTF-8)"
        ) from None
    return len(notes)


def _assemble(sections: Sequence[tuple[Article, Sequence[Term]]], options: Options) -> list[genanki.Deck]:
    """One genanki deck per deck name, each term a note; new cards come in term order."""
    decks: dict[str, genanki.Deck] = {}
    seen: set[str] = set()
    for article, terms in sections:
        name = deck_name(article.title, options)
        deck = decks.setdefault(name, genanki.Deck(deck_id(name), name, SOURCE_NOTE + article.source_name))
        deck.add_model(note_type())
        for term in terms:
            guid = note_guid(term.word)
            if guid in seen:
                continue
            seen.add(guid)
            fields, tags = note_fields(term, article), note_tags(term.word, article)
            deck.add_note(genanki.Note(model=note_type(), fields=fields, tags=tags, guid=guid, due=len(seen)))
    return list(decks.values())


def _note_mod(stored: StoredNote | None, note: genanki.Note, now: int) -> int:
    """Keep the previous time for an unchanged note; otherwise be newer than it."""
    if stored is None:
        return now
    if stored.fields == FIELD_SEPARATOR.join(note.fields) and set(stored.tags) == set(note.tags):
        return stored.mod
    return max(now, stored.mod + 1)


def prepare_output_dir(directory: Path) -> None:
    """Create ``directory`` if needed; fail with a one-line error if decks cannot go there."""
    if directory.exists() and not directory.is_dir():
        raise FlashgenError(f"{directory}: output directory is a file")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FlashgenError(f"{directory}: cannot create the output directory ({error.strerror})") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise FlashgenError(f"{directory}: output directory is not writable")


def _check_target(path: Path) -> dict[str, StoredNote]:
    """Fail early on an unusable output path; return the notes of the deck it replaces."""
    prepare_output_dir(path.parent)
    if path.is_dir():
        raise FlashgenError(f"{path}: is a directory, not a deck file")
    if not path.exists():
        return {}
    if not path.is_file():
        raise FlashgenError(f"{path}: exists and is not a regular file; not overwriting it")
    stored = stored_notes(path)
    if stored is None:
        raise FlashgenError(f"{path}: exists and is not a flashgen deck; not overwriting it")
    return stored


def _write_package(decks: list[genanki.Deck], mods: dict[str, int], now: int, target: Path) -> None:
    """genanki's package, with per-note times and the note type's own time.

    genanki stamps every note and the note type with one time; Anki decides
    what to update by those times, so they are set here after genanki wrote
    its tables (see the module docstring).
    """
    with tempfile.TemporaryDirectory(prefix="flashgen-") as tmp:
        database = Path(tmp) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            cursor = connection.cursor()
            # a throw-away file: crash safety comes from the rename, not from SQLite
            cursor.execute("PRAGMA journal_mode = OFF")
            cursor.execute("PRAGMA synchronous = OFF")
            genanki.Package(decks).write_to_db(cursor, now, itertools.count(now * 1000))
            cursor.executemany("UPDATE notes SET mod = ? WHERE guid = ?", [(m, g) for g, m in mods.items()])
            (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
            models = json.loads(models_json)
            models[str(MODEL_ID)]["mod"] = NOTE_TYPE_MOD
            cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))
            connection.commit()
        finally:
            connection.close()
        package = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)
        try:
            package.write(database, "collection.anki2")
            package.writestr("media", "{}")
        except BaseException:
            # closing while a member is half written raises ValueError, which would
            # replace the KeyboardInterrupt (or disk error) that stopped the write
            with contextlib.suppress(ValueError, OSError):
                package.close()
            raise
        package.close()
