"""Which of a word's senses the aligned English confirms, and in what order the card lists them.

The card leads with its first sense, so a learner memorises the sense the article uses only if
that one comes first: 质量 beside "mass" is "(physics) mass", not "quality".  The evidence for a
sense (its gloss words in the sentence, how completely, a synonym's, a register mark) is read
here; where in the sentence its words stand is the English equivalent's concern
(:mod:`.equivalent`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import cache

from ..memo import per_article
from .senses import distinct_senses, match_word, sense_alternatives, sense_score
from .synonyms import synonyms
from .thesaurus import thesaurus

#: Notes that mark a sense a learner should not meet first: register, age, region.
_MARKED = re.compile(
    r"\((?:vulgar|slang|Internet slang|archaic|old|dated|obsolete|dialect|literary|derog\.|euphemism)[^)]*\)"
    # "old name for", "archaic variant of": not "old man" (老人), "old friend", "old age"
    r"|^(?:old|archaic) (?:variant|name|term|form|spelling|way of writing)s?\b",
    re.IGNORECASE,
)


def marked(sense: str) -> bool:
    """Whether CC-CEDICT marks ``sense`` vulgar, slang, archaic, dated, dialect or literary: one a
    learner should not meet first, nor a word of an everyday sentence be read in."""
    return _MARKED.search(sense) is not None


@dataclass(frozen=True)
class SenseEvidence:
    """What the aligned English says of one sense: the features senses are ranked by."""

    direct: float  # gloss words the sentence holds (:func:`~.senses.sense_score`)
    coverage: float  # the largest share of one alternative's words it holds
    related: int  # gloss words with a CC-CEDICT synonym in the sentence, when none matches
    paraphrased: int  # alternatives a WordNet synonym of a sentence word renders (:func:`_paraphrased`)
    marked: bool  # vulgar, slang, archaic, dialect or literary


def sense_evidence(sense: str, english: Set[str], complete: bool = True) -> SenseEvidence:
    """The evidence for ``sense`` in a sentence given as its content lemmas (:func:`rank_senses`).

    A marked sense counts as matched only on an exact match, every word of one of its
    alternatives in the English (风情 is not "amorous feelings" because the sentence says
    "feelings"), and no sense on a stray word (:func:`stray`); without ``complete`` neither
    the coverage nor stray words are weighed (a composed word's part is one word of a phrase).
    """
    direct = sense_score(sense, english)
    is_marked = marked(sense)
    if direct and is_marked and not _exact(sense, english):
        direct = 0.0
    if direct and complete and stray(sense, english):
        direct = 0.0
    related = 0 if direct or not english else _related(sense, english)
    coverage = _coverage(sense, english) if direct and complete else 0.0
    paraphrased = _paraphrased(sense, frozenset(english)) if english else 0
    return SenseEvidence(direct, coverage, related, paraphrased, is_marked)


def rank_senses(senses: Sequence[str], english: Set[str], complete: bool = True) -> list[str]:
    """``senses`` ordered for the card, no gloss twice (:func:`distinct_senses`): those the
    English confirms first (best first, the more completely confirmed first on a tie), then
    those a synonym of a sentence word confirms (CC-CEDICT's, then, on a tie, WordNet's:
    吸引力 beside "attraction" is "attractiveness", not "attractive force", which the stem of
    "attraction" matches as well), then the rest in dictionary order (CC-CEDICT lists the common
    senses first), senses marked vulgar, slang, archaic, dialect or literary last.

    Without ``complete`` a tie keeps the dictionary's order: a composed word's
    part takes the sense it lists first, which composes best (强制 "to force").

    The order is lexicographic, not a weighted sum: a conditional logit over the same
    evidence and the sense's place in the entry, fitted on the development articles'
    key terms (``python bench/fit_ranking.py --senses``), picks the right first sense no
    more often when each article is left out of its fit.
    """

    def key(item: tuple[int, str]) -> tuple[float, float, int, int, bool, int]:
        index, sense = item
        found = sense_evidence(sense, english, complete)
        return (-found.direct, -found.coverage, -found.related, -found.paraphrased, found.marked, index)

    return distinct_senses(sense for _, sense in sorted(enumerate(senses), key=key))


def _coverage(sense: str, english: Set[str]) -> float:
    """The largest share of an alternative's words the English holds: on a tie, the sense it
    confirms more completely comes first (越狱 "to jailbreak" before "to break out of prison"
    next to "jailbreaking")."""
    return max((len(a & english) / len(a) for a in sense_alternatives(sense)), default=0.0)


def _paraphrased(sense: str, english: frozenset[str]) -> int:
    """How many alternatives of ``sense`` a WordNet synonym of a sentence word renders, at least half
    of the alternative's words (the bar of :func:`stray`): a translator's paraphrase no gloss
    word matches ("attraction" for 吸引力 "attractiveness")."""
    found = _wordnet_words(english)
    return sum(2 * len(a & found) >= len(a) for a in sense_alternatives(sense))


@per_article
@cache  # every sense of every word of a sentence asks for the same sentence's synonyms
def _wordnet_words(english: frozenset[str]) -> frozenset[str]:
    """The WordNet synonyms of the sentence's lemmas that are not sentence words themselves: a word
    the sentence holds is direct evidence, weighed before."""
    return frozenset(s for w in english for s in thesaurus(w)) - english


def _exact(sense: str, english: Set[str]) -> bool:
    return any(a <= english for a in sense_alternatives(sense))


def _related(sense: str, english: Set[str]) -> int:
    """How many gloss words of ``sense`` have a synonym among the sentence's lemmas."""
    return sum(bool(synonyms(g) & english) for alternative in sense_alternatives(sense) for g in alternative)


def stray(sense: str, english: Set[str]) -> bool:
    """Whether the English meets the sense's glosses only in a stray word: less than half of every
    alternative, the bar an English equivalent must pass (:func:`~.equivalent.english_span`).
    叹为观止 is not "to acclaim as the peak of perfection" beside "snow-capped peaks", nor 目睹 "to
    see at first hand" beside "for the first time".  A match in a note alone ("to cast (light)") is
    not judged here."""
    shares = [
        sum(any(match_word(g, w) for w in english) for g in a) / len(a) for a in sense_alternatives(sense)
    ]
    return any(shares) and 2 * max(shares) < 1
