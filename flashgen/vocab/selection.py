"""The vocabulary picker: an article's aligned pairs in, the terms to card out.

Three steps, each cheap next to loading jieba: collect candidate terms
(:mod:`flashgen.vocab.candidates`), drop what this learner does not want (names,
their HSK levels, known words), rank the rest (:mod:`flashgen.vocab.ranking`).
Only then are the top terms looked up in context, so the costly reading and
sense choice runs once per card, not once per occurrence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lexicon import dictionary
from ..lexicon.composed import uncapitalised
from ..lexicon.equivalent import english_span
from ..lexicon.word import lookup
from ..options import Options
from ..types import SentencePair, Term, WordInfo
from .candidates import Candidate, collect
from .evidence import surface
from .explained import others_english, translates_another_word
from .last_resort import longer_word_equivalent, morpheme_equivalent, thesaurus_equivalent
from .ranking import rank


def is_wanted(candidate: Candidate, options: Options) -> bool:
    """Whether the learner's options keep this candidate at all."""
    if candidate.is_name and not options.include_names:
        return False
    if candidate.text in options.known:
        return False
    level = dictionary.hsk_level(candidate.text)
    return level is None or level > options.level


def shown_example(pair: SentencePair, min_confidence: float) -> SentencePair:
    """The example pair as a card shows it: without its English if the alignment is below ``min_confidence``.

    A wrong translation beside a sentence is the worst thing a card can
    teach, and a pair the aligner doubts is often one (a dropped sentence glued
    onto a neighbour's translation): the Chinese sentence still shows the
    word in use.  The word's meaning is then read without the English too.
    """
    return pair if pair.score >= min_confidence else replace(pair, en="", en_ids=())


def with_article_translation(word: WordInfo, translation: str, sentence_en: str) -> WordInfo:
    """The card with the English the article shows the word means (:mod:`.evidence`): its
    equivalent when the dictionary's glosses found none, and its meaning when the dictionary
    lacks the word and the meaning is only glued from parts (度假村 "resort", not "holiday + village")."""
    shown = surface(translation, sentence_en) if translation else ""
    if not shown:
        return word
    if word.composed and word.meaning.lower() != word.english.lower():
        return replace(word, meaning=uncapitalised(shown, sentence_en), english=shown)
    return word if word.english else replace(word, english=shown)


def with_own_english(word: WordInfo, example: SentencePair) -> WordInfo:
    """The card with an English equivalent that translates this word and no other of its sentence.

    An equivalent that only another word of the Chinese sentence explains (遏制 "curb" given
    "raises", which 加息 "to raise interest rates" explains) is searched again without the
    words the others explain; a card still without one takes the English a morpheme of the
    word gives (空置 "empty": 空), :func:`~flashgen.vocab.last_resort.morpheme_equivalent`, or a
    longer dictionary word holding it, and last the one sentence word WordNet lists as a synonym
    of a one-word gloss (媲美 "to match": "rivals"), :func:`~flashgen.vocab.last_resort.thesaurus_equivalent`.
    A composed word's English already renders its parts in order.
    """
    if not word.composed and translates_another_word(word.simplified, example.zh, word.english):
        skip = others_english(word.simplified, example.zh)
        word = replace(
            word,
            english=english_span(word.meaning.split("; "), example.en, skip=skip, word=word.simplified).text,
        )
    if word.english or not example.en:
        return word
    if english := morpheme_equivalent(word.simplified, example.zh, example.en):
        return replace(word, english=english)
    if shown := longer_word_equivalent(word.simplified, example.zh, example.en):
        # a meaning glued from parts gives way to the English the dictionary's longer words back
        # (监管机构 "regulator", not "oversee + mechanism")
        meaning = uncapitalised(shown, example.en) if word.composed else word.meaning
        return replace(word, english=shown, meaning=meaning)
    return replace(word, english=thesaurus_equivalent(word.simplified, example.zh, example.en))


@dataclass(frozen=True)
class Selection:
    """The picked terms, and how many candidates were left out as already known."""

    terms: list[Term]
    skipped_known: int


def pick_terms(pairs: Sequence[SentencePair], options: Options) -> list[Term]:
    """The article's terms to card, best first, at most ``options.max_words``.

    See :func:`select_terms`, which also reports what the learner's known
    words took out.
    """
    return select_terms(pairs, options).terms


def select_terms(pairs: Sequence[SentencePair], options: Options) -> Selection:
    """The article's terms to card, best first, at most ``options.max_words``.

    ``pairs`` are the article's aligned sentence pairs in text order (title
    first).  Each term comes with its best example pair and its occurrences in
    the article.  A term the dictionary cannot give a meaning for, or finds to
    be a name when names are not wanted, is passed over for the next one.  A
    term whose best pair is aligned below ``options.min_confidence`` is kept,
    taught from its Chinese sentence alone (:func:`shown_example`).
    """
    candidates = collect(pairs)
    wanted = [c for c in candidates if is_wanted(c, options)]
    unfiltered = replace(options, known=frozenset())
    skipped = sum(c.text in options.known and is_wanted(c, unfiltered) for c in candidates)
    terms: list[Term] = []
    for ranked in rank(wanted, pairs, options.min_confidence):
        if len(terms) >= options.max_words:
            break
        example = shown_example(pairs[ranked.example], options.min_confidence)
        word = lookup(ranked.candidate.text, zh_context=example.zh, en_context=example.en)
        word = with_article_translation(word, ranked.translation, example.en)
        word = with_own_english(word, example)
        if not word.meaning or (word.is_name and not options.include_names):
            continue
        terms.append(Term(word, example, ranked.candidate.count, ranked.score, ranked.reasons))
    return Selection(terms, skipped)
