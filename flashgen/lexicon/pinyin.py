"""Pinyin: tone marks and tone numbers, and the citation reading of a sentence.

Policy (what a learner should memorise): *citation* readings as dictionaries
print them.  一 and 不 keep their own tones (yī, bù) and no third-tone sandhi is
applied, because sandhi depends on the neighbouring word and a card shows the
word alone.  The neutral tone is tone 5 and carries no mark.  ü is written
"ü" in both forms ("lǜ sè", "lü4 se4"); erhua is one syllable ("nǎr", "nar3").

Sentence readings come from pypinyin, which reads a whole run of Han
characters with its phrase data (so 银行行长 is "yín háng háng zhǎng", not a
string of single-character guesses).  pypinyin leaves tone sandhi off unless a
sandhi mixin is used, but its phrase data spells a few 一/不 phrases with
their spoken tones (一个 "yí gè"); :func:`sentence_syllables` puts those back,
and reads 儿 as the erhua suffix where CC-CEDICT does (哪儿 "nǎr", not "nǎ ér").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..data import pypinyin
from ..memo import per_article
from ..pypinyin_index import segment
from ..text.sentences import HAN

_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
_UNMARK = {marked: (vowel, tone + 1) for vowel, row in _MARKS.items() for tone, marked in enumerate(row)}
_NUMBERED = re.compile(r"([A-Za-zü:]+?)([1-5])")
_HAN = re.compile(f"[{HAN}]+")
#: Full-width punctuation shown on the card back in its ASCII form.
_PUNCTUATION = str.maketrans("，。！？；：（）、“”‘’《》「」", ',.!?;:(),""\'\'""""')
_OPENING = frozenset("“‘《「（([")
#: A Latin word or number (kept whole), a run of spaces, or any one other character.
_PIECE = re.compile(r"[A-Za-z0-9]+(?:[.,'’-][A-Za-z0-9]+)*|\s+|.")
#: Characters whose phrase spellings in pypinyin carry tone sandhi.
_CITATION = {"一": "yi1", "不": "bu4"}


@cache  # about 1,500 syllables, marked for every character of every card's sentence
def _mark_syllable(syllable: str) -> str:
    """'hang2' → 'háng'; 'nar3' → 'nǎr'; 'r5' → 'r'; anything else unchanged."""
    match = _NUMBERED.fullmatch(syllable)
    if match is None:
        return syllable
    body, tone = match.group(1).replace("u:", "ü").replace("v", "ü").replace("V", "Ü"), int(match.group(2))
    lower = body.lower()
    if tone == 5:
        return body
    # The standard rule: a or e takes the mark, o in "ou", else the last vowel.
    for vowel in ("a", "e", "ou"):
        if vowel in lower:
            index = lower.index(vowel)
            break
    else:
        index = max(lower.rfind(v) for v in "iouü")
    if index < 0:  # syllabic m / n / ng (呣, 嗯) have no vowel to mark
        return body
    marked = _MARKS[lower[index]][tone - 1]
    if body[index].isupper():
        marked = marked.upper()
    return body[:index] + marked + body[index + 1 :]


def marks(numbered: str) -> str:
    """'yin2 hang2' → 'yín háng' (accepts u:, v or ü for ü; erhua 'na3 r5' → 'nǎr')."""
    return " ".join(_mark_syllable(s) for s in _join_erhua(numbered.split()))


def _join_erhua(syllables: list[str]) -> list[str]:
    """CC-CEDICT writes erhua as a separate 'r5'; a learner reads one syllable."""
    joined: list[str] = []
    for syllable in syllables:
        if syllable.lower() == "r5" and joined and _NUMBERED.fullmatch(joined[-1]):
            previous = joined.pop()
            syllable = previous[:-1] + "r" + previous[-1]
        joined.append(syllable)
    return joined


def _number_syllable(syllable: str) -> str:
    tone, letters = 5, []
    for char in unicodedata.normalize("NFC", syllable):
        base = _UNMARK.get(char.lower())
        if base is None:
            letters.append(char)
            continue
        vowel, tone = base
        letters.append(vowel.upper() if char.isupper() else vowel)
    return "".join(letters) + str(tone)


def numbered(marked: str) -> str:
    """'yín háng' → 'yin2 hang2'; a syllable without a mark is neutral (tone 5)."""
    return " ".join(_number_syllable(s) for s in marked.split())


def syllables(pinyin_numbered: str) -> list[tuple[str, int]]:
    """Each syllable with tone marks and its tone 1..5, for tone-coloured cards.

    >>> syllables("nu:3 er2 na3 r5")
    [('nǚ', 3), ('ér', 2), ('nǎr', 3)]
    """
    found = []
    for syllable in _join_erhua(pinyin_numbered.split()):
        match = _NUMBERED.fullmatch(syllable)
        tone = int(match.group(2)) if match else 5
        found.append((_mark_syllable(syllable), tone))
    return found


@cache  # asked for every reading of every character the engine weighs
def normalise(numbered_reading: str) -> str:
    """One spelling for comparisons and output: 'ü', erhua joined, lower case.

    Lower case for names too (CC-CEDICT's "Te4 lang3 pu3" is "te4 lang3 pu3"):
    a card teaches the citation reading, and whether a word is a name is
    carried by ``WordInfo.is_name``, not by the spelling.
    """
    spelled = numbered_reading.lower().replace("u:", "ü").replace("v", "ü")
    return " ".join(_join_erhua(spelled.split()))


@per_article  # keyed by a sentence: the claim check asks it of every sentence of an article
@cache
def sentence_syllables(zh_sentence: str) -> tuple[str | None, ...]:
    """The citation reading of each character of ``zh_sentence`` (None if not Han).

    Each run of Han characters goes to pypinyin's segmenter whole so its
    phrase data sees the context; the result is indexed like the string, so a
    word found at offset i reads ``result[i:i + len(word)]``.
    """
    readings: list[str | None] = [None] * len(zh_sentence)
    for run in _HAN.finditer(zh_sentence):
        found = [reading for word in _segment(run.group()) for reading in _word_syllables(word)]
        for offset, (char, reading) in enumerate(zip(run.group(), found, strict=True)):
            if not reading.startswith(_UNREAD):
                readings[run.start() + offset] = _CITATION.get(char, normalise(reading))
    at = zh_sentence.find("儿", 1)
    while at > 0:  # str.find: most sentences hold none, and need no loop over their characters
        if _is_erhua(zh_sentence[max(0, at - 3) : at + 1]):
            readings[at] = "r5"
        at = zh_sentence.find("儿", at + 1)
    return tuple(readings)


def _segment(text: str) -> list[str]:
    """pypinyin's segmentation of ``text`` (``pypinyin.seg.simpleseg.seg``), by
    :func:`flashgen.pypinyin_index.segment` over the segmenter's own prefixes and phrases."""
    mmseg = pypinyin().seg.mmseg
    if not getattr(mmseg.seg, "_no_non_phrases", False):  # not the strict segmenter it was written for
        return list(pypinyin().seg.simpleseg.seg(text))
    return segment(text, _is_hans, mmseg.seg._prefix_set._set, mmseg.PHRASES_DICT)


@cache
def _is_hans(char: str) -> bool:
    """Whether pypinyin's segmenter takes ``char`` for Han."""
    return pypinyin().seg.simpleseg.RE_HANS.match(char) is not None


@cache
def _word_syllables(word: str) -> tuple[str, ...]:
    """pypinyin's readings of one word of its own segmentation (a phrase of its table, a character,
    or a run it cannot read), each the first of its list.  pypinyin reads each such word on its
    own, the same in every sentence: what ``pinyin(sentence)`` gives, read once per word.

    pypinyin's own reading of a word (segmenting it again, copying its phrase entry, restyling
    each syllable through a chain of converters) is read here from the same tables, each syllable
    restyled once per process (:func:`_tone3`); anything out of the ordinary (a character or a
    syllable pypinyin cannot read) goes to pypinyin itself.
    """
    reader = pypinyin()
    found = _table_syllables(reader, word)
    if found is None:
        styled = reader.pinyin(word, style=reader.Style.TONE3, neutral_tone_with_five=True, errors=_unread)
        return tuple(reading for reading, *_ in styled)
    return found


def plain_syllables(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text)`` (toneless syllables, anything else as it is), read from
    pypinyin's tables as :func:`_word_syllables` reads them."""
    reader = pypinyin()
    found = _table_syllables(reader, text, plain=True)
    return list(found) if found is not None else list(reader.lazy_pinyin(text))


def _table_syllables(reader: Any, word: str, plain: bool = False) -> tuple[str, ...] | None:
    """What :func:`_word_syllables` (``plain``: :func:`plain_syllables`) reads from pypinyin's
    tables, None where pypinyin's own path differs."""
    style = _plain if plain else _tone3
    tables = reader.converter
    found: list[str] = []
    for piece in _segment(word):
        if not tables.RE_HANS.match(piece):
            return None
        phrase = tables.PHRASES_DICT.get(piece)
        if phrase is not None:
            raw = [item[0] for item in phrase]
        elif all(ord(char) in tables.PINYIN_DICT for char in piece):
            raw = [tables.PINYIN_DICT[ord(char)].split(",")[0] for char in piece]
        else:
            return None
        found += map(style, raw)
    return tuple(found) if all(found) else None


@cache  # about 1,500 tone-marked syllables
def _tone3(syllable: str) -> str:
    """pypinyin's TONE3 style of one tone-marked syllable, the neutral tone as 5."""
    reader = pypinyin()
    converter = reader.converter.UltimateConverter(neutral_tone_with_five=True)
    return str(converter.convert_style("", syllable, style=reader.Style.TONE3, strict=True))


@cache
def _plain(syllable: str) -> str:
    """pypinyin's NORMAL style (no tone) of one tone-marked syllable."""
    reader = pypinyin()
    converter = reader.converter.UltimateConverter()
    return str(converter.convert_style("", syllable, style=reader.Style.NORMAL, strict=True))


def phrase_reading(word: str) -> str | None:
    """pypinyin's reading of ``word`` when its phrase data (curated for common usage) lists it, else None."""
    phrases = pypinyin().constants.PHRASES_DICT
    return " ".join(s or "" for s in sentence_syllables(word)) if word in phrases else None


def _is_erhua(text: str) -> bool:
    """Whether the 儿 ending ``text`` is an erhua suffix: a CC-CEDICT word ending in it reads "r5"."""
    from . import dictionary

    for start in range(len(text) - 1):
        for entry in dictionary.entries(text[start:]):
            if entry.pinyin_numbered.lower().endswith(" r5"):
                return True
    return False


#: What pypinyin gives a character it has no reading for (it appends a tone digit).
_UNREAD = "?"


def _unread(chars: str) -> list[str]:
    """pypinyin's fallback for characters it has no reading for: one mark each.

    A mark rather than None, which pypinyin's tone styles cannot process.
    """
    return [_UNREAD] * len(chars)


def sentence_pinyin(zh_sentence: str, readings: Sequence[str | None] | None = None) -> str:
    """Tone-mark pinyin of a whole sentence for the card back.

    ``readings`` gives one numbered syllable per character (None where not
    Han): the card passes the reading engine's (``flashgen.sentence_readings``);
    by default, pypinyin's.  Syllables are separated by spaces; punctuation is
    shown in its ASCII form, attached to the word before it (opening quotes and
    brackets to the word after); Latin words and numbers pass through as they are.

    >>> sentence_pinyin("我有一个AI模型，“很好”。")
    'wǒ yǒu yī gè AI mó xíng, "hěn hǎo".'
    """
    if readings is None:
        readings = sentence_syllables(zh_sentence)
    words: list[str] = []
    opening = ""
    for piece in _PIECE.finditer(zh_sentence):
        text = piece.group()
        reading = readings[piece.start()]
        if text.isspace():
            continue
        if reading == "r5" and words:  # erhua joins its syllable: 哪儿 nǎr
            words[-1] += "r"
        elif reading is not None or text[0].isalnum():
            words.append(opening + (_mark_syllable(reading) if reading is not None else text))
            opening = ""
        elif text in _OPENING:
            opening += text.translate(_PUNCTUATION)
        elif words:
            words[-1] += text.translate(_PUNCTUATION)
        else:
            opening += text.translate(_PUNCTUATION)
    if opening:
        words.append(opening)
    return " ".join(words)
