"""Ranking candidate terms: which may be terms at all, their scores, their best examples.

A candidate is judged first (:func:`judge`): whether it can be a card at all
(:func:`is_term`: no meaning glued from characters the English does not
confirm, no one-off verb with a result complement) and what the aligned English
says of it (translated, confirmed as a unit, a known word in a new sense).  It
is then scored (:mod:`.scoring`) and given the pair it is best taught from.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import cache

from ..lexicon import dictionary
from ..types import SentencePair
from .candidates import Candidate
from .evidence import ArticleEnglish, article_translation, in_new_sense, part_translation, unit_translation
from .scoring import KNOWN_LEVEL, easy, score
from .segmentation import English, composed_by_character, translated_in

#: Characters that, after a one-character verb, say how its action ends
#: (resultative: 修好 "repair well", 换成 "change into") or where it goes
#: (directional: 标出 "mark out"): the verb is the word to learn.
_COMPLEMENTS = frozenset("好成完到掉住走开见懂光满透清尽错坏倒足够会惯饱死出进上下起回过来去") | {
    a + b for a in "上下进出回过起开" for b in "来去"
}
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
    if (dictionary.hsk_level(verb) or KNOWN_LEVEL + 1) > KNOWN_LEVEL or not senses[0].startswith("to "):
        return False
    return bool(set(dictionary.english_lemmas(senses[0])) & dictionary.gloss_words(verb))


def _has_verb_sense(word: str) -> bool:
    return any(s.startswith("to ") for s in dictionary.all_senses(word))


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
        translated = _translated_pairs(candidate, english, apart=False) or _translated_pairs(
            candidate, english, apart=True
        )
        translation = (
            "" if translated else article_translation(candidate.text, candidate.pair_ids, pairs, article)
        )
        if translation:  # the article shows what it means: a unit the English confirms
            translated = set(candidate.pair_ids)
        elif not translated:
            translation, shown = unit_translation(candidate.text, candidate.pair_ids, pairs)
            translated = set(shown)
        # parts the English renders show the word is there as a unit, not what it means: a
        # term, not a translated one (no "in English" points, the card's meaning its parts')
        unit = bool(translated) or bool(part_translation(candidate.text, candidate.pair_ids, pairs))
        if not is_term(candidate, unit):
            continue
        unmet = easy(candidate.text) and any(in_new_sense(candidate.text, pairs[i].en) for i in translated)
        judged.append(Judged(candidate, frozenset(translated), translation, unmet))
    return judged


def _translated_pairs(candidate: Candidate, english: Sequence[English], apart: bool) -> set[int]:
    """The pairs whose English holds the candidate's translation; the words of a hyphenated
    English compound ("start-up", "laid-off") are the last evidence, taken only where no pair
    has the translation as words of its own: a headline's "stoppage-time" is no better example
    of 补时 than a sentence's "stoppage time"."""
    return {i for i in set(candidate.pair_ids) if translated_in(candidate.text, english[i], apart)}


def rank(
    candidates: Sequence[Candidate], pairs: Sequence[SentencePair], min_confidence: float
) -> list[Ranked]:
    """Candidates scoring at least :data:`MIN_SCORE`, best first; ties keep the
    order of first occurrence; candidates that are no terms (:func:`is_term`)
    are left out.  Words seen only inside longer terms (``inner``) are ranked among the
    others, a weight below them (:data:`~.scoring.WEIGHTS`): ranked after every other term,
    the hard word of a phrase used once (下岗 in 下岗工人, 造价 in 工程造价) never reached a
    card when the article had sixty others."""
    ranked = []
    for j in judge(candidates, pairs):
        points, reasons = score(j.candidate, bool(j.translated), j.new_sense)
        if points >= MIN_SCORE:
            example = best_example(j.candidate, pairs, j.translated, min_confidence)
            ranked.append(Ranked(j.candidate, round(points, 3), reasons, example, j.translation))
    return sorted(ranked, key=lambda r: (-r.score, r.candidate.first))
