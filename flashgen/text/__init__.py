"""Stage 1, text: an article's bytes in, its title and paired paragraphs of sentences out.

The only stage that reads the article from disk.  It decodes the bytes
(:mod:`.decoding`), tells the two languages apart by script and finds the
layout (:mod:`.languages`), splits sentences (:mod:`.sentences`) and returns an
:class:`~flashgen.types.Article` (:mod:`.reader`).

Exports :func:`read_article`, :func:`read_two_files`, :func:`read_presplit`
and :func:`parse_article` (the same on text already in memory); where a
layout can be read more than one way, :func:`read_layouts` and
:func:`parse_layouts` give every plausible reading, likeliest first.
:func:`read_text` reads any other text file (a word list) with the same
checks and decoding.
"""

from .files import read_text
from .reader import (
    parse_article,
    parse_layouts,
    read_article,
    read_layouts,
    read_presplit,
    read_two_files,
)

__all__ = [
    "parse_article",
    "parse_layouts",
    "read_article",
    "read_layouts",
    "read_presplit",
    "read_text",
    "read_two_files",
]
