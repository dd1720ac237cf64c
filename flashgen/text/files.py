"""Text files read safely: regular files only, bounded in size, decoded like every article.

Every file flashgen reads as text (articles, known-word lists) goes through
here, so the limits are the same everywhere: a FIFO or ``/dev/zero`` never
blocks or fills memory, and a 50 MB dump is refused before it is read.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import FlashgenError
from .decoding import decode

#: Larger files are refused: a news article is well under 100 KB and a whole
#: novel under 5 MB, while reading, aligning and segmenting cost about a
#: second per MB, so refusing early keeps a stray 50 MB dump from costing minutes.
MAX_BYTES = 10 * 1024 * 1024

#: What a file over :data:`MAX_BYTES` is told.
_TOO_LARGE = f"more than the {MAX_BYTES // 2**20} MB a text file may have"
#: What an empty file, or one of whitespace only, is told.
NO_TEXT = "has no text (empty or whitespace only)"


def read_text(path: Path) -> str:
    """A text file's content, with the checks and decoding articles get (word lists use it).

    Only regular files are read (a FIFO or ``/dev/zero`` would never end), at
    most :data:`MAX_BYTES`, in any of the encodings :func:`decode` knows.
    """
    return decode(_bounded_bytes(path), str(path))


def read_bytes(path: Path) -> bytes:
    """An article file's bytes, or a one-line error for what cannot be an article file."""
    data = _bounded_bytes(path)
    if not data.strip():
        raise FlashgenError(f"{path}: {NO_TEXT}")
    return data


def _bounded_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`, or a one-line error naming it."""
    try:
        if not path.exists():
            raise FlashgenError(f"{path}: no such file")
        if path.is_dir():
            raise FlashgenError(f"{path}: is a directory, not a text file")
        if not path.is_file():
            raise FlashgenError(f"{path}: is not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FlashgenError(f"{path}: is {size / 2**20:.1f} MB, {_TOO_LARGE}")
        with path.open("rb") as file:  # the file may have grown since stat
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise FlashgenError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise FlashgenError(f"{path}: is {_TOO_LARGE}")
    return data
