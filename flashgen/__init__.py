"""flashgen: a bilingual English–Chinese article in, an Anki deck out.

>>> from flashgen import lookup
>>> lookup("行长", zh_context="银行行长今天发表了讲话。").pinyin
'háng zhǎng'
"""

from __future__ import annotations

from .lexicon import lookup
from .options import Layout, Options
from .types import Article, Link, ParagraphPair, SentencePair, Term, WordInfo

__version__ = "0.1.0"

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
]
