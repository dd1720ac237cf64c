"""What the aligner knows of a sentence: the English each of its words may translate to.

Each Chinese word carries the set of English lemmas it may translate to
(CC-CEDICT glosses, per-character glosses for unknown words, the toneless
pinyin of names, digits, Latin-script tokens, and what the text itself
taught, see :mod:`flashgen.align.learned`); each English sentence its
lemmas, numbers and Latin tokens, and how it ends (a quotation closed, a
question asked).  Features are computed once per sentence
(:func:`zh_features`, :func:`en_features`), so the dynamic programme only
compares sets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..data import jieba_tokenizer
from ..lexicon import dictionary
from ..lexicon.forms import PAST_FORMS, PLURAL_FORMS
from ..lexicon.pinyin import plain_syllables
from ..memo import per_article
from ..text.sentences import HAN_RE

#: Gloss words that occur in so many CC-CEDICT entries that they say nothing
#: about the English (``surname Chen`` would match every "surname").
_GLOSS_NOISE = frozenset({"surname", "variant", "classifier", "particle", "used", "see", "abbr", "sb", "sth"})
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# a closing quotation mark or question mark, perhaps followed by closing punctuation
_ZH_CLOSES_QUOTE = re.compile(r"[”」』\"][\s。！？!?.…]*$")
_ZH_ASKS = re.compile(r"[？?][”」』\"\s]*$")
# after a word or punctuation, so that an apostrophe opening a word does not count
_EN_CLOSES_QUOTE = re.compile(r"[.!?,;:…\-—–\w]\s*['’\"”]\s*$")
_EN_ASKS = re.compile(r"\?[\s'’\"”]*$")
#: one pattern per kind of mark (:func:`marks`), applied to NFKC-folded text
_MARKS = tuple(re.compile(p) for p in (r"[()]", r"[“「『‘]|(?:^|(?<=[\s(\[—]))[\"']", r":", r"\?", r"!"))
#: how many kinds of mark :func:`marks` counts
MARK_KINDS = len(_MARKS)
_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
#: what the aligner adds to :mod:`flashgen.lexicon.forms`: forms of literary narrative that would
#: be ambiguous in the picker's news English ("lay", "bit", "bore"), which the aligner can afford
#: since it reduces glosses and English alike, and plurals as its stemmer leaves them ("wives": wiv)
_NARRATIVE_FORMS = """
said:say come:come lay:lie bore:bear born:bear beat:beat bit:bite people:person
wiv:wife kniv:knife liv:life leav:leave thiev:thief
"""
_IRREGULAR = PAST_FORMS | PLURAL_FORMS | dict(pair.split(":") for pair in _NARRATIVE_FORMS.split())


@dataclass(frozen=True)
class ZhSentence:
    """A Chinese sentence as the aligner sees it.

    ``terms`` are its distinct jieba words (what in-document learning counts);
    ``words`` holds, for each distinct content word, the English lemmas it may
    stand for; a word with no known translation is left out, so coverage is
    measured only over words that could have been matched.
    """

    size: int
    terms: tuple[str, ...]
    words: tuple[frozenset[str], ...]
    ending: Ending
    #: :func:`marks`
    marks: tuple[int, ...] = (0,) * MARK_KINDS
    #: the numbers written in digits (thousands separators removed)
    figures: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EnSentence:
    """An English sentence as the aligner sees it: byte size and distinct content lemmas."""

    size: int
    tokens: tuple[str, ...]
    ending: Ending
    #: :func:`marks`
    marks: tuple[int, ...] = (0,) * MARK_KINDS
    #: the numbers written in digits (thousands separators removed)
    figures: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Ending:
    """How a sentence ends, which a translation keeps: closing a quotation, asking a question.

    In fiction, where a line of dialogue ends is the surest boundary a
    translator leaves in place.
    """

    closes_quote: bool
    asks: bool


#: Sentences whose features are remembered: an alternating article is aligned once per reading of its
#: layout (``pipeline.likeliest_layout``), and those readings share almost every sentence.
_REMEMBERED = 4096


@per_article
@lru_cache(maxsize=_REMEMBERED)
def zh_features(sentence: str) -> ZhSentence:
    """Tokenise a Chinese sentence with jieba and gather each word's English lemmas."""
    tokens = (token.strip() for token in jieba_tokenizer().cut(sentence.lower()))
    terms = tuple(sorted({t for t in tokens if HAN_RE.search(t) or _LATIN.search(t) or _DIGITS.search(t)}))
    ending = Ending(bool(_ZH_CLOSES_QUOTE.search(sentence)), bool(_ZH_ASKS.search(sentence)))
    size = len(sentence.encode("utf-8", "replace"))
    figures = frozenset(_number_keys(sentence))
    return with_learned(ZhSentence(size, terms, (), ending, marks(sentence), figures), {})


def with_learned(sentence: ZhSentence, learned: Mapping[str, frozenset[str]]) -> ZhSentence:
    """The sentence with its words' translations widened by ``learned`` (term → English lemmas)."""
    words = {
        translations(term) | learned[term] if term in learned else translations(term)
        for term in sentence.terms
    }
    words.discard(frozenset())
    return replace(sentence, words=tuple(sorted(words, key=sorted)))


@per_article
@lru_cache(maxsize=_REMEMBERED)
def en_features(sentence: str) -> EnSentence:
    """The distinct content lemmas and numbers of an English sentence."""
    tokens = _english_keys(sentence)
    ending = Ending(bool(_EN_CLOSES_QUOTE.search(sentence)), bool(_EN_ASKS.search(sentence)))
    size = len(sentence.encode("utf-8", "replace"))
    figures = frozenset(_number_keys(sentence))
    return EnSentence(size, tuple(sorted(tokens)), ending, marks(sentence), figures)


def marks(sentence: str) -> tuple[int, ...]:
    """How many of each punctuation mark a translation keeps the sentence has.

    Parentheses, quotations (where they open, so an apostrophe is not one),
    colons, question and exclamation marks, counted alike in both scripts
    (full-width forms folded; semicolons and dashes, which translators add
    and drop freely, are left out).  A bead whose two sides disagree on them
    pays for it (``Weights.marks``), and a sentence the translator dropped,
    glued onto its neighbour's bead, often brings marks the other side lacks
    (:mod:`.nulls`).  On the shared sets, a gold pair and its neighbour's
    English disagree on parentheses 7 % against 27 % of the time (academic
    prose), on quotations 8 % against 27 % (fiction).
    """
    folded = unicodedata.normalize("NFKC", sentence)
    return tuple(len(pattern.findall(folded)) for pattern in _MARKS)


@cache
def translations(token: str) -> frozenset[str]:
    """English lemmas (as keys) a jieba token may be rendered by; none for punctuation."""
    token = token.strip()
    if not token:
        return frozenset()
    if not HAN_RE.search(token):
        return frozenset(_english_keys(token))
    found = {_base(w) for w in dictionary.gloss_words(token) - _GLOSS_NOISE}
    number = _chinese_number(token)
    if number is not None:
        found.add(str(number))
    if not found or not dictionary.contains(token):
        found |= _name_keys(token)
    if not found:
        for char in token:
            found |= {_base(w) for w in dictionary.gloss_words(char) - _GLOSS_NOISE}
    return frozenset(found)


def _english_keys(text: str) -> set[str]:
    """The keys Latin-script text is matched by: content lemmas at their base, and numbers.

    English sentences and the Latin tokens of Chinese ones (names, acronyms,
    figures) go through this one function, so both sides reduce alike.
    """
    keys = {_base(w) for w in dictionary.english_lemmas(text) if w not in dictionary.STOPWORDS}
    return keys | _number_keys(text)


def _base(lemma: str) -> str:
    """An irregular form's base ("said" → "say"), anything else as it is.

    Applied to glosses and English alike, so an ambiguous form ("left") merely
    merges two senses on both sides.
    """
    return _IRREGULAR.get(lemma, lemma)


def _name_keys(token: str) -> set[str]:
    """Toneless pinyin a translator would write for a name: whole, surname, given name.

    陈清扬 → chenqingyang, chen, qingyang.  Lemmatised like English words so
    both sides reduce the same way.
    """
    syllables = [s for s in plain_syllables(token) if s.isalpha() and s.isascii()]
    if not syllables or len(syllables) > 4:
        return set()
    keys = {"".join(syllables)}
    if len(syllables) > 1:
        keys |= {syllables[0], "".join(syllables[1:])}
    return {dictionary.lemma(k) for k in keys if len(k) > 1}


def _number_keys(text: str) -> set[str]:
    """Digit strings with thousands separators removed ("1,200" → "1200")."""
    return {m.group().replace(",", "") for m in _DIGITS.finditer(unicodedata.normalize("NFKC", text))}


def _chinese_number(token: str) -> int | None:
    """The value of a plain Chinese numeral (二十三 → 23), None for anything else."""
    if not token or any(c not in _ZH_DIGITS and c not in _ZH_UNITS for c in token):
        return None
    total, section, digit = 0, 0, 0
    for char in token:
        if char in _ZH_DIGITS:
            digit = _ZH_DIGITS[char]
            continue
        unit = _ZH_UNITS[char]
        if unit >= 10_000:
            total += (section + digit) * unit
            section = 0
        else:
            section += (digit or 1) * unit
        digit = 0
    return total + section + digit
