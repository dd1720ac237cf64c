"""A candidate term's score: evidence a teacher weighs, each a feature, summed by weight.

A term earns its card by three things:

- **salience**: it matters in *this* article — used several times, or rarer
  in general than its use here suggests (keyness against general frequency);
- **difficulty**: an intermediate learner does not know it yet — high or no
  HSK level, general frequency below everyday words;
- **usefulness**: it is a real word worth memorising — in the dictionary or a
  compound of dictionary words, its translation visible in the aligned English,
  not so rare that nobody uses it.

Scores are sums of small, readable features (:func:`features`) times
:data:`WEIGHTS`, so the reasons shown in the ``flashgen words`` table explain
the order.  The weights were set on our own test articles
(tests/vocab/cases/picker) and checked on the seed article;
``bench/fit_ranking.py`` fits them on the development articles, and does no
better (docs/vocabulary.md).
"""

from __future__ import annotations

import math
from functools import cache

from ..lexicon import dictionary
from ..lexicon.senses import starts_as_verb
from .candidates import Candidate
from .segmentation import EVERYDAY_ZIPF, english_evidence, lexicon_split

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
    "time": -1.2,  # fitted by bench/fit_ranking.py with the development articles of the fifth round
    # a word seen only inside a longer term used once (电信诈骗's 诈骗): scanned on the development
    # articles (eighth round), −0.6 to −1.0 keep the same key terms, −0.4 costs the seed 撤销
    "inner": -0.8,
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
#: adverbs (d), time words (t), locality words (f).  A time word counts once more ("time"):
#: of the 14 the development lists carded, none was a key term (本月, 近日, 此前, 近年来 junk) but
#: 中暑 "to suffer heatstroke", which jieba tags as one and CC-CEDICT glosses as a verb.
_MINOR_TAGS = ("d", "t", "f")
#: A CC-CEDICT word the HSK lacks this common (zipf) is taken as transparent: on the
#: development articles and picker cases no key term is, 变得 and 不能 (junk) are.
_EVERYDAY_UNLISTED = 4.5
#: The highest HSK level an intermediate learner is taken to know.
KNOWN_LEVEL = 4


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
    → 5: the parts are known, the term is not yet); so for an everyday word
    the HSK leaves out as the sum of its parts (变得 "to become": 变 2 + 得 2
    → 3).  None: unlisted."""
    level = dictionary.hsk_level(word)
    if level is not None or (dictionary.contains(word) and dictionary.zipf(word) < _EVERYDAY_UNLISTED):
        return level
    levels = [dictionary.hsk_level(p) for p in lexicon_split(word)]
    if not levels or None in levels:
        return None
    return min(7, max(lv for lv in levels if lv is not None) + 1)


def easy(word: str) -> bool:
    """A word an intermediate learner knows: HSK 1-4, or everyday (zipf above 5)."""
    level = dictionary.hsk_level(word)
    return (level is not None and level <= KNOWN_LEVEL) or dictionary.zipf(word) > _COMMON_ZIPF


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
        "time": float(candidate.tag.startswith("t") and not starts_as_verb(dictionary.all_senses(word))),
        "inner": float(candidate.inner),
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
    if candidate.inner:
        reasons.append("inside a longer term")
    return points, tuple(reasons)
