"""``lookup``: a word's reading, meaning and level, chosen for its context.

PROVISIONAL: first-entry reading and all senses; to be replaced by context-aware
reading and sense choice (pinyin.py, senses.py).
"""

from __future__ import annotations

from . import dictionary
from .pinyin import marks
from .types import WordInfo


def lookup(word: str, zh_context: str | None = None, en_context: str | None = None) -> WordInfo:
    """Reading, meaning, traditional form and HSK level of ``word`` in context."""
    found = [e for e in dictionary.entries(word) if not e.is_variant_only]
    if found:
        entry = found[0]
        numbered = entry.pinyin_numbered.lower()
        return WordInfo(
            simplified=word,
            traditional=entry.traditional,
            pinyin=marks(numbered),
            pinyin_numbered=numbered,
            meaning="; ".join(s for s in entry.senses if not s.startswith("CL:")),
            hsk=dictionary.hsk_level(word),
            is_name=entry.is_name,
        )
    from pypinyin import Style, lazy_pinyin

    numbered = " ".join(lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True))
    return WordInfo(word, word, marks(numbered), numbered, "", hsk=dictionary.hsk_level(word), in_dictionary=False)
