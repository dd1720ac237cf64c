"""``lookup``: a word's reading, meaning and English equivalent in its sentence.

The reading is chosen among the word's CC-CEDICT readings by
:mod:`flashgen.readings`; the senses of that reading are ranked, and its
English equivalent found, by the aligned English (:mod:`flashgen.senses`).
A word the dictionary lacks (出口管制) is composed from its longest dictionary
parts, each part read and glossed the same way.
"""

from __future__ import annotations

from collections.abc import Set

from . import dictionary
from .pinyin import marks, normalise, sentence_syllables
from .readings import Reading, choose, locate, readings, syllables_heard
from .senses import Span, content_lemmas, english_span, rank_senses, short_gloss
from .types import WordInfo

#: Senses shown on a card: enough to place the word, few enough to read.
MAX_SENSES = 4


def lookup(word: str, zh_context: str | None = None, en_context: str | None = None) -> WordInfo:
    """Reading, meaning, English equivalent, traditional form and HSK level of ``word`` in context.

    ``zh_context`` is the Chinese sentence the word occurs in, ``en_context``
    its aligned English; either may be omitted, and the result is then the
    word's most common dictionary reading and senses.
    """
    english = content_lemmas(en_context) if en_context else set()
    candidates = readings(word)
    if len(candidates) == 1:  # most words: nothing to choose, no need to read the sentence
        best = candidates[0]
    else:
        position = locate(word, zh_context) if zh_context else None
        if not candidates:
            return _composed(word, zh_context, position, english, en_context or "")
        best = choose(word, candidates, english, zh_context, position)
    senses = rank_senses(best.senses, english)[:MAX_SENSES]
    span = english_span(senses, en_context) if en_context else Span("", 0.0)
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


def _composed(
    word: str,
    zh_context: str | None,
    position: int | None,
    english: Set[str],
    en_context: str,
) -> WordInfo:
    """A word CC-CEDICT lacks: read and glossed from its longest dictionary parts."""
    parts: list[tuple[str, Reading | None]] = []
    syllables: list[str] = []
    offset = 0
    for part in dictionary.longest_matches(word):
        candidates = readings(part)
        at = None if position is None else position + offset
        chosen = (
            candidates[0]
            if len(candidates) == 1
            else choose(part, candidates, english, zh_context, at)
            if candidates
            else None
        )
        if chosen is not None:
            syllables.append(normalise(chosen.numbered))
        else:  # a character CC-CEDICT lacks: the sentence's (or pypinyin's own) reading
            heard = syllables_heard(part, zh_context, at)
            syllables += [h or r or part for h, r in zip(heard, sentence_syllables(part), strict=True)]
        parts.append((part, chosen))
        offset += len(part)
    numbered = _unstressed(word, " ".join(syllables))
    best_senses = [rank_senses(r.senses, english)[0] for _, r in parts if r is not None]
    span = english_span(best_senses, en_context, parts=True) if en_context else Span("", 0.0)
    literal = " ".join(short_gloss(sense, english) for sense in best_senses)
    # The aligned English confirms the composition when it matches every part,
    # or renders the whole compound as one derived word (cybersecurity).
    one_word = " " not in span.text and span.text.lower() not in literal.split()
    confirmed = bool(span.text) and (span.score >= len(best_senses) or one_word)
    meaning = span.text.lower() if confirmed and span.text.lower() != literal else ""
    meaning = f"{meaning}; {literal}" if meaning else literal
    return WordInfo(
        simplified=word,
        traditional="".join(r.traditional if r is not None else part for part, r in parts),
        pinyin=marks(numbered),
        pinyin_numbered=numbered,
        meaning=meaning,
        english=span.text,
        hsk=dictionary.hsk_level(word),
        composed=True,
        in_dictionary=False,
    )


#: Characters CC-CEDICT reads unstressed inside a word: the potential
#: complement's 不/得 (看不见 kàn bu jiàn, 数不清) and the erhua suffix 儿.
_UNSTRESSED = {"不": "bu5", "得": "de5", "儿": "r5"}


def _unstressed(word: str, reading: str) -> str:
    """``reading`` of a composed word with its infix 不/得 and suffix 儿 unstressed."""
    syllables = reading.split()
    if len(syllables) != len(word):
        return reading
    if len(word) == 3 and word[1] in "不得":
        syllables[1] = _UNSTRESSED[word[1]]
    if len(word) > 1 and word[-1] == "儿":
        syllables[-1] = _UNSTRESSED["儿"]
    return normalise(" ".join(syllables))
