"""Translations a text teaches about itself: in-document lexical bootstrapping.

A dictionary knows neither the names of a novel's characters nor the way its
translator renders them (韦小宝 → *Trinket*), and literary translators often
choose an English word no gloss lists.  But a text repeats its names and key
words, so after a first alignment the confident links themselves show which
Chinese words keep company with which English lemmas.  Like Hunalign's second
pass, :func:`learn` counts, over those links, how often a Chinese word and an
English lemma fall in the same bead against how often each occurs at all (the
Dice coefficient), and keeps only pairs that are both frequent together and
rarely apart; the aligner then runs again with them as extra dictionary
entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..types import Link
from .features import EnSentence, ZhSentence, translations

#: only links costing at most this per sentence teach anything: cheap links are the sure ones
#: (the cost at which the aligner's confidence used to read 0.7; a threshold on the cost keeps
#: what is learned independent of how the confidence is calibrated)
MAX_COST = 1.084
#: a pair must meet in at least this many links ...
MIN_TOGETHER = 2
#: ... and its Dice coefficient (2·together / (count zh + count en)) reach this
MIN_DICE = 0.5
#: a pair straddles links at most this far apart: a boundary moves a sentence or two, not a page
NEAR = 2


def learn(
    links: Sequence[Link], zh: Sequence[ZhSentence], en: Sequence[EnSentence]
) -> dict[str, frozenset[str]]:
    """Chinese word → English lemmas it keeps company with in ``links`` (the confident ones).

    The caller picks the links to learn from (:data:`MAX_COST`); null links teach nothing.
    """
    beads = [
        (
            {term for i in link.zh_ids for term in zh[i].terms},
            {token for j in link.en_ids for token in en[j].tokens},
        )
        for link in links
        if link.zh_ids and link.en_ids
    ]
    zh_count = Counter(term for terms, _ in beads for term in terms)
    en_count = Counter(lemma for _, lemmas in beads for lemma in lemmas)
    together: Counter[tuple[str, str]] = Counter()
    for terms, lemmas in beads:
        # Only words the dictionary leaves unexplained in this link pair up, only
        # words seen in as many links as a pair needs, and no single characters
        # (too many senses to learn one from a handful of links).
        glossed = {term: translations(term) & lemmas for term in terms}
        explained = set().union(*glossed.values())
        loose = [lemma for lemma in lemmas - explained if en_count[lemma] >= MIN_TOGETHER]
        together.update(
            (term, lemma)
            for term, found in glossed.items()
            if not found and zh_count[term] >= MIN_TOGETHER and len(term) > 1
            for lemma in loose
        )
    learned: dict[str, set[str]] = {}
    for (term, lemma), count in together.items():
        if count >= MIN_TOGETHER and 2 * count >= MIN_DICE * (zh_count[term] + en_count[lemma]):
            learned.setdefault(term, set()).add(lemma)
    return {term: frozenset(lemmas) for term, lemmas in learned.items()}


def straddled(
    learned: Mapping[str, frozenset[str]],
    links: Sequence[Link],
    zh: Sequence[ZhSentence],
    en: Sequence[EnSentence],
) -> set[int]:
    """Positions in ``links`` a learned pair straddles: its Chinese word in one, its English in a near one.

    Only such a pair argues for moving a boundary, and only the links from
    one end of it to the other (a pair met inside one link merely confirms
    it; one met a page apart is two mentions of a name): the rest need not
    be aligned again.
    """
    if not learned:
        return set()
    home: dict[str, list[int]] = {}
    for k, link in enumerate(links):
        for j in link.en_ids:
            for token in en[j].tokens:
                home.setdefault(token, []).append(k)
    found: set[int] = set()
    for k, link in enumerate(links):
        for i in link.zh_ids:
            for term in zh[i].terms:
                for lemma in learned.get(term, ()):
                    for other in home.get(lemma, ()):
                        if other != k and abs(other - k) <= NEAR:
                            found.update(range(min(k, other), max(k, other) + 1))
    return found
