"""Pricing beads for the bead search, and reading what the fitted models need from them.

:class:`BeadScorer` holds what every bead of one text shares (word weights,
the byte ratio, the masks of sentence pairs) so that the dynamic programme of
:mod:`.beads` prices each bead with a few lookups.  The same pieces describe
a finished bead to the two fitted models: its confidence
(:meth:`BeadScorer.features`, :mod:`.confidence`) and the chance that a
sentence at its edge was dropped by the translator (:meth:`BeadScorer.orphan`,
:mod:`.nulls`); reading them here keeps the models' features and the cost the
search minimised the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from itertools import accumulate

from .confidence import COEFFICIENTS, BeadFeatures, log_odds
from .cost import (
    MAX_MARKS,
    TextStats,
    Weights,
    ending_cost,
    length_cost,
    pair_masks,
    text_stats,
    uncovered,
    word_index,
)
from .features import MARK_KINDS, EnSentence, ZhSentence
from .nulls import OrphanFeatures

#: bits a kind of punctuation mark takes in a packed count (:func:`_packed`)
_MARK_BITS = 16
#: Bead shapes (Chinese sentences, English sentences) besides the two null ones.
BEADS = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2))


class BeadScorer:
    """Prices beads, sharing work between the many beads that overlap.

    A bead's lexical cost is a sum over its sentences of "how much of this
    sentence the other side leaves unexplained"; each such term depends only
    on the sentence and the range of the other side, so it is computed once
    and reused by every bead shape that contains it.
    """

    def __init__(
        self,
        zh: Sequence[ZhSentence],
        en: Sequence[EnSentence],
        weights: Weights,
        stats: TextStats | None = None,
    ) -> None:
        """``stats`` default to those of ``zh`` and ``en``; an article's block passes the article's."""
        self.zh, self.en, self.weights = zh, en, weights
        stats = text_stats(zh, en) if stats is None else stats
        self.ratio = stats.ratio
        self.evidence = stats.evidence
        self.indexes = [word_index(s, bits) for s, bits in zip(zh, self.evidence.zh_bits, strict=True)]
        self.masks: dict[tuple[int, int], tuple[int, int]] = {}
        self.zh_parts: dict[tuple[int, int, int], float] = {}
        self.en_parts: dict[tuple[int, int, int], float] = {}
        self.zh_bytes = list(accumulate((s.size for s in zh), initial=0))
        self.en_bytes = list(accumulate((s.size for s in en), initial=0))
        self.zh_alone = _alone_costs(self.evidence.zh_total, weights)
        self.en_alone = _alone_costs(self.evidence.en_total, weights)
        self.shape = {
            (a, b): weights.merge * (a + b - 2) + (weights.many if a > 1 and b > 1 else 0.0) for a, b in BEADS
        }
        # running sums of the punctuation marks, packed 16 bits a kind (:func:`_packed`), so that a
        # bead's marks are one subtraction a side
        self.zh_marks = list(accumulate((_packed(s.marks) for s in zh), initial=0))
        self.en_marks = list(accumulate((_packed(s.marks) for s in en), initial=0))
        self.read: dict[tuple[int, int, int, int], BeadFeatures] = {}
        self.zh_ending = [s.ending for s in zh]
        self.en_ending = [s.ending for s in en]

    def mask(self, i: int, j: int) -> tuple[int, int]:
        """:func:`pair_masks` of Chinese sentence ``i`` and English sentence ``j``, computed once."""
        found = self.masks.get((i, j))
        if found is None:
            found = self.masks[(i, j)] = pair_masks(self.indexes[i], self.en[j], self.evidence.en_bits[j])
        return found

    def zh_part(self, i: int, j0: int, j1: int) -> float:
        """What of Chinese sentence ``i`` the English sentences ``j0:j1`` leave unexplained."""
        key = (i, j0, j1)
        found = self.zh_parts.get(key)
        if found is None:
            matched = self._matched_zh(i, j0, j1).bit_count()
            found = self.zh_parts[key] = uncovered(matched, self.evidence.zh_total[i], self.weights)
        return found

    def en_part(self, j: int, i0: int, i1: int) -> float:
        """What of English sentence ``j`` the Chinese sentences ``i0:i1`` leave unexplained."""
        key = (j, i0, i1)
        found = self.en_parts.get(key)
        if found is None:
            matched = self._matched_en(j, i0, i1).bit_count()
            found = self.en_parts[key] = uncovered(matched, self.evidence.en_total[j], self.weights)
        return found

    def cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Cost of the bead zh[i0:i1] ↔ en[j0:j1]."""
        if i0 == i1:
            return self.en_alone[j1] - self.en_alone[j0]
        if j0 == j1:
            return self.zh_alone[i1] - self.zh_alone[i0]
        w = self.weights
        lexical = 0.0
        zh_parts, en_parts = self.zh_parts, self.en_parts
        for i in range(i0, i1):
            part = zh_parts.get((i, j0, j1))
            lexical += self.zh_part(i, j0, j1) if part is None else part
        for j in range(j0, j1):
            part = en_parts.get((j, i0, i1))
            lexical += self.en_part(j, i0, i1) if part is None else part
        return (
            w.lexical * lexical
            + w.length * self.length(i0, i1, j0, j1)
            + self.shape[(i1 - i0, j1 - j0)]
            + ending_cost(self.zh_ending[i1 - 1], self.en_ending[j1 - 1], w)
            + self.marks_cost(i0, i1, j0, j1)
        )

    def marks_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """What the bead pays for the punctuation marks its two sides disagree on (``Weights.marks``)."""
        zh = self.zh_marks[i1] - self.zh_marks[i0]
        en = self.en_marks[j1] - self.en_marks[j0]
        return 0.0 if zh == en else self.weights.marks * min(MAX_MARKS, _mismatch(zh, en))

    def length(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The Gale–Church length cost of the bead zh[i0:i1] ↔ en[j0:j1], unweighted."""
        zh_bytes = self.zh_bytes[i1] - self.zh_bytes[i0]
        en_bytes = self.en_bytes[j1] - self.en_bytes[j0]
        return length_cost(zh_bytes, en_bytes, self.ratio, self.weights)

    def features(self, i0: int, i1: int, j0: int, j1: int) -> BeadFeatures:
        """What the confidence of the bead zh[i0:i1] ↔ en[j0:j1] is read from (both sides non-empty).

        Remembered: the orphan model reads a bead's features with and without
        each end sentence, and the bead that stays is read again for its link.
        """
        key = (i0, i1, j0, j1)
        found = self.read.get(key)
        if found is None:
            found = self.read[key] = self._features(i0, i1, j0, j1)
        return found

    def _features(self, i0: int, i1: int, j0: int, j1: int) -> BeadFeatures:
        size = (i1 - i0) + (j1 - j0)
        return BeadFeatures(
            cost=self.cost(i0, i1, j0, j1) / size,
            worst=max(self._parts(i0, i1, j0, j1)),
            length=self.length(i0, i1, j0, j1),
            extra=size - 2,
            idle=self.idle(i0, i1, j0, j1),
            evidence=math.log1p(
                min(sum(self.evidence.zh_total[i0:i1]), sum(self.evidence.en_total[j0:j1])) / size
            ),
        )

    def orphan(self, i0: int, i1: int, j0: int, j1: int, english: bool, last: bool) -> OrphanFeatures:
        """What the orphan model reads about the first or last English (or Chinese) sentence of a bead."""
        if english:
            k = j1 - 1 if last else j0
            rest = (i0, i1, j0, j1 - 1) if last else (i0, i1, j0 + 1, j1)
            theirs = set().union(*(_numbers(self.zh[i]) for i in range(i0, i1)))
            mates = set().union(*(self.en[j].figures for j in range(rest[2], rest[3])))
            stray, own_figures = self.en[k].figures - theirs, (self.en[k].figures & theirs) - mates
            uncovered_share = self.en_part(k, i0, i1)
            own = sum(
                (self.mask(i, k)[0] & ~self._matched_zh(i, rest[2], rest[3])).bit_count()
                for i in range(i0, i1)
            )
            other_total = sum(self.evidence.zh_total[i0:i1])
            total = self.evidence.en_total[k]
            alone = self.en_alone[k + 1] - self.en_alone[k]
            share = self.en[k].size / max(1, self.en_bytes[j1] - self.en_bytes[j0])
        else:
            k = i1 - 1 if last else i0
            rest = (i0, i1 - 1, j0, j1) if last else (i0 + 1, i1, j0, j1)
            theirs = set().union(*(self.en[j].figures for j in range(j0, j1)))
            mates = set().union(*(_numbers(self.zh[i]) for i in range(rest[0], rest[1])))
            # only numbers in digits count as stray: a numeral (一, 两) is as often a word
            stray, own_figures = self.zh[k].figures - theirs, (_numbers(self.zh[k]) & theirs) - mates
            uncovered_share = self.zh_part(k, j0, j1)
            own = sum(
                (self.mask(k, j)[1] & ~self._matched_en(j, rest[0], rest[1])).bit_count()
                for j in range(j0, j1)
            )
            other_total = sum(self.evidence.en_total[j0:j1])
            total = self.evidence.zh_total[k]
            alone = self.zh_alone[k + 1] - self.zh_alone[k]
            share = self.zh[k].size / max(1, self.zh_bytes[i1] - self.zh_bytes[i0])
        rest_parts = self._parts(*rest)
        return OrphanFeatures(
            uncovered=uncovered_share,
            own=own / max(1, other_total),
            evidence=math.log1p(total),
            length=self.length(i0, i1, j0, j1) - self.length(*rest),
            margin=self.cost(i0, i1, j0, j1) - self.cost(*rest) - alone,
            size=(i1 - i0) + (j1 - j0),
            rest=sum(rest_parts) / len(rest_parts),
            share=share,
            silent=uncovered_share * math.log1p(total),
            gain=log_odds(self.features(*rest), COEFFICIENTS)
            - log_odds(self.features(i0, i1, j0, j1), COEFFICIENTS),
            marks=self.marks(i0, i1, j0, j1) - self.marks(*rest),
            stray_figures=len(stray),
            own_figures=len(own_figures),
        )

    def marks(self, i0: int, i1: int, j0: int, j1: int) -> int:
        """How many punctuation marks (:func:`.features.marks`) the two sides of the bead disagree on."""
        return _mismatch(self.zh_marks[i1] - self.zh_marks[i0], self.en_marks[j1] - self.en_marks[j0])

    def idle(self, i0: int, i1: int, j0: int, j1: int) -> int:
        """How many sentences of the bead's many-sentence side(s) explain nothing their side-mates do not.

        A sentence the translator dropped, glued onto its neighbour's bead,
        may share a common word or two with the other side, but only words
        its neighbour already explains; a sentence that truly belongs, the
        second half of a split, explains something of its own.
        """
        idle = 0
        if j1 - j0 > 1:
            masks = [[self.mask(i, j)[0] for j in range(j0, j1)] for i in range(i0, i1)]
            idle += sum(not any(_own(row, k) for row in masks) for k in range(j1 - j0))
        if i1 - i0 > 1:
            masks = [[self.mask(i, j)[1] for i in range(i0, i1)] for j in range(j0, j1)]
            idle += sum(not any(_own(row, k) for row in masks) for k in range(i1 - i0))
        return idle

    def _parts(self, i0: int, i1: int, j0: int, j1: int) -> list[float]:
        """What the other side leaves unexplained of each sentence of the bead, Chinese first."""
        return [self.zh_part(i, j0, j1) for i in range(i0, i1)] + [
            self.en_part(j, i0, i1) for j in range(j0, j1)
        ]

    def _matched_zh(self, i: int, j0: int, j1: int) -> int:
        """The bits of Chinese sentence ``i`` that English sentences ``j0:j1`` explain."""
        matched = 0
        for j in range(j0, j1):
            matched |= self.mask(i, j)[0]
        return matched

    def _matched_en(self, j: int, i0: int, i1: int) -> int:
        """The bits of English sentence ``j`` that Chinese sentences ``i0:i1`` explain."""
        matched = 0
        for i in range(i0, i1):
            matched |= self.mask(i, j)[1]
        return matched


def _packed(counts: Sequence[int]) -> int:
    """Counts of marks as one number, 16 bits a kind (a text has fewer than 65 536 of a kind).

    Running sums of packed counts subtract kind by kind without borrowing.
    """
    return sum(count << (_MARK_BITS * k) for k, count in enumerate(counts))


@cache
def _mismatch(zh: int, en: int) -> int:
    """How many marks two packed counts (:func:`_packed`) differ by, kind by kind.

    Remembered: a text has few distinct patterns of marks, and the bead
    search asks about most of its beads.
    """
    mask = (1 << _MARK_BITS) - 1
    return sum(
        abs((zh >> shift & mask) - (en >> shift & mask))
        for shift in range(0, _MARK_BITS * MARK_KINDS, _MARK_BITS)
    )


def _numbers(sentence: ZhSentence) -> frozenset[str]:
    """The numbers a Chinese sentence holds, in digits or as numerals (二十三 → 23)."""
    return sentence.figures | {key for word in sentence.words for key in word if key.isdigit()}


def _own(masks: Sequence[int], k: int) -> int:
    """The bits of ``masks[k]`` no other mask has."""
    others = 0
    for m, mask in enumerate(masks):
        if m != k:
            others |= mask
    return masks[k] & ~others


def _alone_costs(totals: Sequence[int], weights: Weights) -> list[float]:
    """Running sums of what leaving each sentence unaligned costs, so a null bead is one subtraction."""
    return list(accumulate((uncovered(0, total, weights) + weights.null for total in totals), initial=0.0))
