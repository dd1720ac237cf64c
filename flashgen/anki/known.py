"""Words the learner already knows, from a word list or an Anki notes export.

Both formats come down to "the first column of each line": a plain list has
one word per line; Anki's "Notes in Plain Text" export is tab-separated with
the sort field (our Simplified field) first and ``#`` header lines.

>>> sorted(parse_known_words("#separator:tab\\n银行\\tyín háng\\n<b>出口</b>\\n\\n"))
['出口', '银行']
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..text import read_text

_TAG = re.compile(r"<[^>]*>")


def parse_known_words(text: str) -> frozenset[str]:
    """The set of first-column words of ``text``, HTML and quotes stripped."""
    words = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        first = line.split("\t", 1)[0].split(",", 1)[0]
        word = html.unescape(_TAG.sub("", first)).strip().strip('"').strip()
        if word:
            words.add(word)
    return frozenset(words)


def read_known_words(path: Path) -> frozenset[str]:
    """Read ``path`` as the reader reads articles (size limit, encodings) and parse it."""
    return parse_known_words(read_text(path))
