"""flashgen: a bilingual English–Chinese article in, an Anki deck out.

>>> from flashgen import lookup
>>> lookup("行长", zh_context="银行行长今天发表了讲话。").pinyin
'háng zhǎng'

The names below are imported when first used, so that ``import flashgen``
(the command's entry point imports it first) costs nothing and a Ctrl-C
during start-up meets flashgen's own handler, not a traceback.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import lookup, sentence_readings
    from .options import Layout, Options
    from .types import Article, Link, ParagraphPair, SentencePair, Term, WordInfo

__version__ = "0.1.0"

_EXPORTS = {
    "Article": ".types",
    "Layout": ".options",
    "Link": ".types",
    "Options": ".options",
    "ParagraphPair": ".types",
    "SentencePair": ".types",
    "Term": ".types",
    "WordInfo": ".types",
    "lookup": ".lexicon",
    "sentence_readings": ".lexicon",
}

__all__ = [
    "Article",
    "Layout",
    "Link",
    "Options",
    "ParagraphPair",
    "SentencePair",
    "Term",
    "WordInfo",
    "lookup",
    "sentence_readings",
]


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'flashgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value
