"""``lookup``: a word's reading, meaning and English equivalent in its sentence.

The reading is chosen among the word's CC-CEDICT readings by
:mod:`flashgen.lexicon.choice`; the senses of that reading are ranked, and its
English equivalent found, by the aligned English (:mod:`flashgen.lexicon.senses`).
A word the dictionary lacks (出口管制, 主教练) is composed from its parts
(:mod:`flashgen.lexicon.composed`).
"""

from __future__ import annotations

from .. import data
from ..types import WordInfo
from . import dictionary
from .choice import choose
from .composed import compose
from .english_lemmas import content_lemmas
from .equivalent import Span, english_span, places_in
from .pinyin import marks, normalise
from .reading import readings
from .sense_order import rank_senses

#: Senses shown on a card: enough to place the word, few enough to read.
MAX_SENSES = 4


def lookup(
    word: str, zh_context: str | None = None, en_context: str | None = None, position: int | None = None
) -> WordInfo:
    """Reading, meaning, English equivalent, traditional form and HSK level of ``word`` in context.

    ``zh_context`` is the Chinese sentence the word occurs in, ``en_context``
    its aligned English; either may be omitted, and the result is then the
    word's everyday dictionary reading and senses.  ``position`` is the
    character offset of this occurrence in ``zh_context``, for a word that
    occurs twice (by default, the occurrence jieba cuts as a word).
    """
    english = content_lemmas(en_context) if en_context else set()
    candidates = readings(word)
    if len(candidates) == 1:  # most words: nothing to choose, no need to read the sentence
        best = candidates[0]
    else:
        if zh_context is None:
            position = None
        elif position is None or zh_context[position : position + len(word)] != word:
            position = locate(word, zh_context)
        if not candidates:
            return compose(word, zh_context, position, english, en_context or "")
        best = choose(word, candidates, english, zh_context, position)
    senses = rank_senses(best.senses, english)[:MAX_SENSES]
    places = places_in(word, zh_context) if zh_context else ()
    span = english_span(senses, en_context, word=word, places=places) if en_context else Span("", 0.0)
    return WordInfo(
        simplified=word,
        traditional=best.traditional,
        pinyin=marks(normalise(best.numbered)),
        pinyin_numbered=normalise(best.numbered),
        meaning="; ".join(senses),
        english=span.text,
        hsk=dictionary.hsk_level(word),
        is_name=best.is_name,
    )


def locate(word: str, zh_context: str) -> int | None:
    """The offset of ``word`` in the sentence, preferring an occurrence jieba cuts as a whole word.

    A sentence may hold the characters of a one-character word inside other
    words (行 in 银行 and in 不行); the occurrence that is a word of its own is
    the one meant.
    """
    first = zh_context.find(word)
    if first < 0 or zh_context.find(word, first + 1) < 0:
        return None if first < 0 else first
    at = 0
    for token in data.jieba_tokenizer().cut(zh_context, HMM=False):
        if token == word:
            return at
        at += len(token)
    return first
