"""Ranking candidate terms: salience here, difficulty, usefulness.

A term earns its card by three things a teacher weighs:

- **salience**: it matters in *this* article — used several times, or rarer
  in general than its use here suggests (keyness against general frequency);
- **difficulty**: an intermediate learner does not know it yet — high or no
  HSK level, general frequency below everyday words;
- **usefulness**: it is a real word worth memorising — in the dictionary or a
  compound of dictionary words, its translation visible in the aligned English,
  not so rare that nobody uses it.

Scores are sums of small, readable terms so the reasons shown in the
``flashgen words`` table explain the order.  Weights were set on our own test
articles (tests/vocab/cases/picker) and checked on the seed article.
"""

from __future__ import annotations

import math
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import cache

from ..lexicon import dictionary
from ..types import SentencePair
from .candidates import Candidate
from .evidence import ArticleEnglish, article_translation, in_new_sense, unit_translation
from .segmentation import (
    EVERYDAY_ZIPF,
    English,
    composed_by_character,
    english_evidence,
    lexicon_split,
    translated_in,
)

#: How much each feature (:func:`features`) counts.
WEIGHTS = {
    "salience": 1.0,
    "rarity": 1.0,
    "hsk1": -3.0,
    "hsk2": -2.5,
    "hsk3": -1.5,
    "hsk4": -0.5,
    "hsk5": 0.6,
    "hsk6": 0.9,
    "hsk7": 1.0,
    "unlisted": 0.8,
    "compound": 0.3,
    "translated": 0.7,
    "unusable": -2.0,
    "minor": -1.0,
}
#: Zipf range of the words worth learning from an article: below everyday
#: vocabulary (≥ 5) and above the obscure (< 2.5).
_COMMON_ZIPF, _OBSCURE_ZIPF = EVERYDAY_ZIPF, 2.5
#: Points per zipf below everyday words.  Kept small: rarity alone (a one-off
#: idiom) should not outrank the words the article keeps using.
_RARITY_SLOPE = 0.3
#: Below this zipf a word is called rare in the reasons shown to the user.
_RARE_ZIPF = 3.5
#: A compound missing from jieba's counts is taken as this much rarer than its rarest part.
_COMPOUND_RARITY = 1.0
#: jieba gives words it lists without a real count this frequency; it is not evidence.
_PLACEHOLDER_ZIPF = 2.0
#: Parts of speech that are grammar or circumstance more than vocabulary:
#: adverbs (d), time words (t), locality words (f).
_MINOR_TAGS = ("d", "t", "f")
#: Characters that, after a one-character verb, say how its action ends
#: (resultative: 修好 "repair well", 换成 "change into") or where it goes
#: (directional: 标出 "mark out"): the verb is the word to learn.
_COMPLEMENTS = frozenset("好成完到掉住走开见懂光满透清尽错坏倒足够会惯饱死出进上下起回过来去") | {
    a + b for a in "上下进出回过起开" for b in "来去"
}
#: The highest HSK level an intermediate learner is taken to know.
_KNOWN_LEVEL = 4
#: Below this score a term has no reason to be carded beyond being a word
#: (an everyday word, or a rare one used once with no translation in sight).
MIN_SCORE = 1.0
#: A Chinese example longer than this many characters is hard to study from.
LONG_SENTENCE = 60


@dataclass(frozen=True)
class Ranked:
    """A candidate with its score, the reasons for it and its best example."""

    candidate: Candidate
    score: float
    reasons: tuple[str, ...]
    example: int
    translation: str = ""  # the English lemma the article shows it means (:mod:`.evidence`), if any


@cache
def general_zipf(word: str) -> float:
    """The word's general frequency (zipf), estimated for compounds jieba lacks."""
    zipf = dictionary.zipf(word)
    pieces = lexicon_split(word)
    if zipf >= _PLACEHOLDER_ZIPF or len(pieces) < 2 or not is_usable(word):
        return zipf
    return max(0.0, min(dictionary.zipf(p) for p in pieces) - _COMPOUND_RARITY)


@cache
def difficulty_level(word: str) -> int | None:
    """The HSK level a word is as hard as: its own, or for a compound neither
    the HSK nor CC-CEDICT lists, one above its hardest part (网络 4 + 安全 2
    → 5: the parts are known, the term is not yet).  None: unlisted."""
    level = dictionary.hsk_level(word)
    if level is not None or dictionary.contains(word):
        return level
    levels = [dictionary.hsk_level(p) for p in lexicon_split(word)]
    if not levels or None in levels:
        return None
    return min(7, max(lv for lv in levels if lv is not None) + 1)


def easy(word: str) -> bool:
    """A word an intermediate learner knows: HSK 1-4, or everyday (zipf above 5)."""
    level = dictionary.hsk_level(word)
    return (level is not None and level <= _KNOWN_LEVEL) or dictionary.zipf(word) > _COMMON_ZIPF


@cache
def is_usable(word: str) -> bool:
    """Whether a card can teach the word: CC-CEDICT has it, or it is made of
    CC-CEDICT words (a meaning can be composed) and is more than two single
    characters jieba's HMM glued together (检测出微塑料 → 出微)."""
    if dictionary.contains(word):
        return True
    if len(english_evidence(word)) < 2:
        return False
    return dictionary.frequency(word) > 0 or any(len(p) > 1 for p in lexicon_split(word))


@cache
def verb_with_result(word: str) -> bool:
    """Whether the word is a verb plus a resultative or directional complement
    that means what the verb means (修好 "to repair", 换成 "to exchange for",
    停下来 "to stop"): a phrase the learner reads from its verb, not a new
    word.  CC-CEDICT must list it with a verb's first sense sharing the
    verb's glosses, and the verb be one an intermediate learner knows
    (HSK 1-4): a harder verb makes a word worth learning whole (绕过 "to
    bypass"), and so does a new meaning (耗尽 "to deplete").  A verb and
    complement CC-CEDICT does not list at all (剪成 "cut into") is a phrase.
    """
    verb, complement = word[:1], word[1:]
    if complement not in _COMPLEMENTS or not _has_verb_sense(verb):
        return False
    senses = dictionary.all_senses(word)
    if not senses:
        return True
    if (dictionary.hsk_level(verb) or _KNOWN_LEVEL + 1) > _KNOWN_LEVEL or not senses[0].startswith("to "):
        return False
    return bool(set(dictionary.english_lemmas(senses[0])) & dictionary.gloss_words(verb))


def _has_verb_sense(word: str) -> bool:
    return any(s.startswith("to ") for s in dictionary.all_senses(word))


@cache
def reads_as_adverb(word: str) -> bool:
    """Whether the dictionary's senses make the word an adverb whatever
    jieba's tag says (无意中 "accidentally", 差点 "nearly; almost"): at least
    half its senses are -ly words or negations, none is a verb."""
    senses = [dictionary.NOTE_RE.sub("", s).strip() for s in dictionary.all_senses(word)]
    senses = [s for s in senses if s]
    if not senses or any(s.startswith("to ") for s in senses):
        return False
    adverbial = sum(s.startswith("not ") or (len(s.split()) <= 2 and s.endswith("ly")) for s in senses)
    return 2 * adverbial >= len(senses)


def is_term(candidate: Candidate, translated: bool) -> bool:
    """Whether a candidate may be carded at all, whatever it scores.

    Not a meaning glued from single characters that the English does not
    confirm (:func:`composed_by_character`), and not a one-off verb with a
    result complement (:func:`verb_with_result`): those are productive, a
    term only where the writer keeps using one.
    """
    word = candidate.text
    if composed_by_character(word) and not translated:
        return False
    return candidate.count > 1 or not verb_with_result(word)


def best_example(
    candidate: Candidate, pairs: Sequence[SentencePair], translated: Set[int], min_confidence: float
) -> int:
    """Index of the pair to teach the term from.

    Prefer, in order: alignment at least ``min_confidence`` (a wrong
    translation teaches a wrong meaning), the term's translation visible in the
    English (``translated`` holds those pairs' indexes), a sentence not too
    long to study, then the first occurrence.
    """

    def preference(index: int) -> tuple[bool, bool, int, int]:
        pair = pairs[index]
        return (
            pair.score < min_confidence,
            index not in translated,
            max(0, len(pair.zh) - LONG_SENTENCE),
            index,
        )

    return min(dict.fromkeys(candidate.pair_ids), key=preference)


def _repetition_weight(zipf: float) -> float:
    """How much repetition in the article says about a word: much for a rare
    word (a writer who repeats 护栏 is writing about guardrails), little for an
    everyday one (政府 recurs in any news story)."""
    return min(1.0, max(0.25, (_COMMON_ZIPF + 1.0 - zipf) / 2.0))


def _salience(count: int, zipf: float) -> float:
    """Points for being used here: about one for the first use, and one per
    doubling of the uses after it, discounted for everyday words.

    The first use is discounted less than the repetitions: how common a word
    is counts once, in :func:`_rarity_points` (a single 撤销 "to revoke" is
    still a word of this article).  Doublings rather than counts, so that a
    repeated domain word (漏洞 ×2) outranks a one-off rarity without a topic
    word (出口管制 ×5) drowning the rest.
    """
    weight = _repetition_weight(zipf)
    return min(1.0, weight + 0.25) + math.log2(count) * weight


def _rarity_points(zipf: float) -> float:
    if zipf > _COMMON_ZIPF:
        return -1.5 * (zipf - _COMMON_ZIPF)
    if zipf < _OBSCURE_ZIPF:
        return -1.0 * (_OBSCURE_ZIPF - zipf)
    return _RARITY_SLOPE * (_COMMON_ZIPF - zipf)


def _level_reason(level: int | None) -> str:
    if level is None:
        return "not in HSK"
    return "HSK 7-9" if level >= 7 else f"HSK {level}"


def features(candidate: Candidate, translated: bool, new_sense: bool = False) -> dict[str, float]:
    """The evidence a term's score weighs (:data:`WEIGHTS`), each a number a reader can check.

    A known word used in a sense the learner has not met (``new_sense``:
    质量 "mass", not "quality") counts as a word outside the HSK lists, neither
    easy nor common: that sense is new vocabulary.
    """
    word = candidate.text
    zipf = general_zipf(word)
    level = None if new_sense else difficulty_level(word)
    rarity = _rarity_points(zipf)
    return {
        "salience": _salience(candidate.count, zipf),
        "rarity": max(0.0, rarity) if new_sense else rarity,
        _level_feature(level): 1.0,
        "compound": float(candidate.compound),
        "translated": float(translated),
        "unusable": float(not is_usable(word)),
        "minor": float(candidate.tag.startswith(_MINOR_TAGS) or reads_as_adverb(word)),
    }


def _level_feature(level: int | None) -> str:
    return "unlisted" if level is None else f"hsk{level}"


def score(candidate: Candidate, translated: bool, new_sense: bool = False) -> tuple[float, tuple[str, ...]]:
    """The candidate's score (:func:`features` weighed by :data:`WEIGHTS`) and the short
    reasons a user sees for it."""
    word = candidate.text
    zipf = general_zipf(word)
    points = sum(
        WEIGHTS.get(name, 0.0) * value for name, value in features(candidate, translated, new_sense).items()
    )
    reasons = [f"×{candidate.count} here"] if candidate.count > 1 else []
    reasons.append("new sense" if new_sense else _level_reason(dictionary.hsk_level(word)))
    if zipf < _RARE_ZIPF:
        reasons.append(f"rare: zipf {zipf:.1f}")
    elif zipf > _COMMON_ZIPF:
        reasons.append(f"common: zipf {zipf:.1f}")
    if candidate.compound:
        reasons.append("compound")
    if translated:
        reasons.append("in English")
    if not is_usable(word):
        reasons.append("unknown word")
    return points, tuple(reasons)


@dataclass(frozen=True)
class Judged:
    """A candidate that may be a term, with what the English says of it."""

    candidate: Candidate
    translated: frozenset[int]  # the pairs whose English holds its translation
    translation: str  # the English lemma the article shows it means (:mod:`.evidence`), if any
    new_sense: bool  # a known word in a sense the learner has not met


def judge(candidates: Sequence[Candidate], pairs: Sequence[SentencePair]) -> list[Judged]:
    """The candidates that may be terms (:func:`is_term`), with the English's evidence on each."""
    english = [English.of(pair.en) for pair in pairs]
    article = ArticleEnglish.of(pairs)
    judged = []
    for candidate in candidates:
        translated = {i for i in set(candidate.pair_ids) if translated_in(candidate.text, english[i])}
        translation = (
            "" if translated else article_translation(candidate.text, candidate.pair_ids, pairs, article)
        )
        if translation:  # the article shows what it means: a unit the English confirms
            translated = set(candidate.pair_ids)
        elif not translated:
            translation, shown = unit_translation(candidate.text, candidate.pair_ids, pairs)
            translated = set(shown)
        if not is_term(candidate, bool(translated)):
            continue
        unmet = easy(candidate.text) and any(in_new_sense(candidate.text, pairs[i].en) for i in translated)
        judged.append(Judged(candidate, frozenset(translated), translation, unmet))
    return judged


def rank(
    candidates: Sequence[Candidate], pairs: Sequence[SentencePair], min_confidence: float
) -> list[Ranked]:
    """Candidates scoring at least :data:`MIN_SCORE`, best first; ties keep the
    order of first occurrence; candidates that are no terms (:func:`is_term`)
    are left out."""
    ranked = []
    for j in judge(candidates, pairs):
        points, reasons = score(j.candidate, bool(j.translated), j.new_sense)
        if points >= MIN_SCORE:
            example = best_example(j.candidate, pairs, j.translated, min_confidence)
            ranked.append(Ranked(j.candidate, round(points, 3), reasons, example, j.translation))
    return sorted(ranked, key=lambda r: (-r.score, r.candidate.first))
