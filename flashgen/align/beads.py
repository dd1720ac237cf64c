"""Sentence alignment: which Chinese sentences translate which English ones.

:func:`align` works in three steps, each linear in the length of the text:

1. **Anchors.**  Every Chinese sentence is compared, through an inverted index
   of English lemmas, with the English sentences in a wide band around the
   diagonal; rare shared words weigh most.  The heaviest chain of candidate
   pairs that is monotone on both sides, less the anchors that stray from
   their neighbours' line, is a skeleton of near-certain 1-1 links.
2. **Beads.**  A dynamic programme over beads of up to four sentences a side
   (1-0, 0-1, 1-1, 1-2, 2-1, 1-3, 3-1, 2-2, 1-4, 4-1, 2-3, 3-2) runs in a narrow
   window around the skeleton, pricing each bead with
   :mod:`flashgen.align.beads.cost`.
3. **What the text teaches.**  The confident links of step 2 show which
   Chinese words keep company with which English ones (names above all,
   :mod:`flashgen.align.beads.learned`); with them as extra dictionary entries the
   programme runs again near the first path, where a learned pair straddles
   a boundary.

Each link carries a confidence in 0..1 (see :func:`_confidence`): roughly
the chance that the link is exactly right, so ``Options.min_confidence`` = 0.5
keeps pairs that are more likely right than wrong.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import accumulate

from ..types import Link
from .cost import (
    DEFAULT_WEIGHTS,
    Weights,
    byte_ratio,
    ending_cost,
    evidence,
    length_cost,
    pair_masks,
    uncovered,
    word_index,
)
from .features import EnSentence, ZhSentence, en_features, with_learned, zh_features
from .learned import learn, straddled
from .window import anchor_chain, path_window, window

#: Bead shapes (Chinese sentences, English sentences) besides the two null ones.
BEADS = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2))
#: cost per sentence at which a bead is as likely wrong as right, and how sharply that turns
_CONFIDENCE_MIDPOINT = 1.23
_CONFIDENCE_SLOPE = 5.8


def align(zh: Sequence[str], en: Sequence[str]) -> list[Link]:
    """Align two lists of sentences; every sentence ends up in exactly one link, in order.

    Ids are 0-based positions in ``zh`` and ``en``; a link with one side empty
    marks a sentence with no counterpart.
    """
    return align_features([zh_features(s) for s in zh], [en_features(s) for s in en])


def align_features(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights = DEFAULT_WEIGHTS
) -> list[Link]:
    """:func:`align` on precomputed sentence features (lets a benchmark tune ``weights``).

    Aligns twice.  What the first alignment's confident links teach about the
    text's own vocabulary (:mod:`flashgen.align.beads.learned`: names, a
    translator's favourite words) is evidence for the second, which only
    revisits the links a learned pair straddles, near the first path: the new
    words settle where a boundary falls; the first pass has found the way.
    """
    links = align_once(zh, en, weights)
    learned = learn(links, zh, en)
    doubtful = straddled(learned, links, zh, en)
    if not doubtful:
        return links
    taught = [with_learned(s, learned) for s in zh]
    return _best_path(_BeadScorer(taught, en, weights), path_window(links, doubtful, len(en), weights.refine))


def align_once(zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights) -> list[Link]:
    if not zh or not en:
        return [Link((i,), ()) for i in range(len(zh))] + [Link((), (j,)) for j in range(len(en))]
    # a text shorter than the window needs no anchors to find its way
    chain = anchor_chain(zh, en) if max(len(zh), len(en)) > weights.window else []
    return _best_path(_BeadScorer(zh, en, weights), window(chain, len(zh), len(en), weights.window))


# ---------------------------------------------------------------- pass 2: beads


class _BeadScorer:
    """Prices beads, sharing work between the many beads that overlap.

    A bead's lexical cost is a sum over its sentences of "how much of this
    sentence the other side leaves unexplained"; each such term depends only
    on the sentence and the range of the other side, so it is computed once
    and reused by every bead shape that contains it.
    """

    def __init__(self, zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights) -> None:
        self.zh, self.en, self.weights = zh, en, weights
        self.ratio = byte_ratio(zh, en)
        self.evidence = evidence(zh, en)
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
            matched = 0
            for j in range(j0, j1):
                matched |= self.mask(i, j)[0]
            total = self.evidence.zh_total[i]
            found = self.zh_parts[key] = uncovered(matched.bit_count(), total, self.weights)
        return found

    def en_part(self, j: int, i0: int, i1: int) -> float:
        """What of English sentence ``j`` the Chinese sentences ``i0:i1`` leave unexplained."""
        key = (j, i0, i1)
        found = self.en_parts.get(key)
        if found is None:
            matched = 0
            for i in range(i0, i1):
                matched |= self.mask(i, j)[1]
            total = self.evidence.en_total[j]
            found = self.en_parts[key] = uncovered(matched.bit_count(), total, self.weights)
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
        zh_bytes = self.zh_bytes[i1] - self.zh_bytes[i0]
        en_bytes = self.en_bytes[j1] - self.en_bytes[j0]
        return (
            w.lexical * lexical
            + w.length * length_cost(zh_bytes, en_bytes, self.ratio, w)
            + self.shape[(i1 - i0, j1 - j0)]
            + ending_cost(self.zh_ending[i1 - 1], self.en_ending[j1 - 1], w)
        )


def _alone_costs(totals: Sequence[int], weights: Weights) -> list[float]:
    """Running sums of what leaving each sentence unaligned costs, so a null bead is one subtraction."""
    return list(accumulate((uncovered(0, total, weights) + weights.null for total in totals), initial=0.0))


def _best_path(scorer: _BeadScorer, window: list[tuple[int, int]]) -> list[Link]:
    """The cheapest sequence of beads through the windowed lattice, as links."""
    n = len(window) - 1
    inf = math.inf
    cost: list[list[float]] = []
    move: list[list[tuple[int, int]]] = []
    # The likeliest shapes first, so pruning starts early; every term of a
    # bead's cost is non-negative, so its shape price is a lower bound.
    floor = {(1, 0): 0.0, (0, 1): 0.0, **scorer.shape}
    shapes = [(a, b, floor[(a, b)]) for a, b in ((1, 1), (1, 0), (0, 1), *BEADS[1:])]
    price = scorer.cost
    for i in range(n + 1):
        lo, hi = window[i]
        row_cost = [inf] * (hi - lo + 1)
        row_move = [(0, 0)] * (hi - lo + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row_cost[0] = 0.0
                continue
            best, best_move = inf, (0, 0)
            for a, b, least in shapes:
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                plo, phi = window[pi]
                if not plo <= pj <= phi:
                    continue
                before = (row_cost if a == 0 else cost[pi])[pj - plo]
                if before + least >= best:  # cannot win: skip pricing the bead
                    continue
                total = before + price(pi, i, pj, j)
                if total < best:
                    best, best_move = total, (a, b)
            row_cost[j - lo] = best
            row_move[j - lo] = best_move
        cost.append(row_cost)
        move.append(row_move)
    return _trace_back(scorer, window, move)


def _trace_back(
    scorer: _BeadScorer, window: list[tuple[int, int]], move: list[list[tuple[int, int]]]
) -> list[Link]:
    """Follow the best moves back from the last cell of the lattice, as links in text order."""
    links: list[Link] = []
    i = len(window) - 1
    j = window[i][1]
    while i > 0 or j > 0:
        a, b = move[i][j - window[i][0]]
        if not a and not b:
            raise RuntimeError("aligner lattice is disconnected")  # a bug, never the input's fault
        links.append(_link(scorer, i - a, i, j - b, j))
        i, j = i - a, j - b
    return links[::-1]


def _link(scorer: _BeadScorer, i0: int, i1: int, j0: int, j1: int) -> Link:
    return Link(tuple(range(i0, i1)), tuple(range(j0, j1)), _confidence(scorer, i0, i1, j0, j1))


def _confidence(scorer: _BeadScorer, i0: int, i1: int, j0: int, j1: int) -> float:
    """The chance that this bead is exactly right, from its cost per sentence.

    A logistic fitted on the development sets (see docs/alignment.md):
    beads costing under about 0.7 per sentence were right 98% of the time,
    those over 1.2 fewer than half.  Null links get 0: nothing to teach from.
    """
    if i0 == i1 or j0 == j1:
        return 0.0
    per_sentence = scorer.cost(i0, i1, j0, j1) / ((i1 - i0) + (j1 - j0))
    return 1.0 / (1.0 + math.exp(_CONFIDENCE_SLOPE * (per_sentence - _CONFIDENCE_MIDPOINT)))
