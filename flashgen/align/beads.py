"""The bead search: which Chinese sentences translate which English ones.

:func:`align` works in four steps, each linear in the length of the text:

1. **Anchors.**  Every Chinese sentence is compared, through an inverted index
   of English lemmas, with the English sentences in a wide band around the
   diagonal; rare shared words weigh most.  The heaviest chain of candidate
   pairs that is monotone on both sides, less the anchors that stray from
   their neighbours' line, is a skeleton of near-certain 1-1 links
   (:mod:`flashgen.align.window`).
2. **Beads.**  A dynamic programme over beads of up to four sentences a side
   (1-0, 0-1, 1-1, 1-2, 2-1, 1-3, 3-1, 2-2, 1-4, 4-1, 2-3, 3-2) runs in a narrow
   window around the skeleton, pricing each bead with
   :mod:`flashgen.align.cost` through :class:`~flashgen.align.scorer.BeadScorer`.
3. **Orphans.**  A sentence at an end of a bead's many-sentence side that the
   orphan model (:mod:`flashgen.align.nulls`) judges dropped by the translator
   is split off as a null link: the search itself, on dictionary evidence,
   would rather glue it onto a neighbour than leave it alone.
4. **What the text teaches.**  The cheap links of step 2 show which Chinese
   words keep company with which English ones (names above all,
   :mod:`flashgen.align.learned`); with them as extra dictionary entries the
   programme runs again near the first path, where a learned pair straddles
   a boundary.

Each link carries a confidence in 0..1 (:mod:`flashgen.align.confidence`):
the chance that the link is exactly right, calibrated on gold sets that drop
and merge sentences.  Null links score 0: nothing to teach from.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..types import Link
from .confidence import BeadFeatures, bead_confidence
from .cost import DEFAULT_WEIGHTS, TextStats, Weights, null_share, prefers_cheaper, text_stats
from .features import EnSentence, ZhSentence, en_features, with_learned, zh_features
from .fragments import en_pieces, regroup
from .learned import MAX_COST, learn, straddled
from .nulls import OrphanFeatures, orphan_chance
from .scorer import BEADS, BeadScorer
from .window import anchor_chain, path_window, window

#: a link, and what its confidence was read from (None for a null link)
Bead = tuple[Link, BeadFeatures | None]
#: a bead as the sentences it spans: (zh start, zh end, en start, en end)
Span = tuple[int, int, int, int]
#: the most sentences a bead may hold for its edges to be weighed as orphans (a 1-4 or a 2-3)
_MAX_SPLIT_SIZE = 5
#: The flat path's prices for a text that drops sentences (:func:`align_features`): today's, but a null
#: costs 0.4, not 1.2.  Chosen on the first halves flat (``bench/align_docprices.py --flat --cheap``)
#: among null prices of 0.2, 0.4, 0.6 and 0.8 with today's lexical, length and shape prices, and of
#: 0.1–0.76 with the articles' cheaper ones (``article.DROPPING_WEIGHTS``).  Paid everywhere they cost
#: the true 1-2 beads of plain text as every cheap null does (plain mac-dev first half .882 → .819).
FLAT_DROPPING_WEIGHTS = replace(DEFAULT_WEIGHTS, null=0.4)
#: :func:`.cost.prefers_cheaper`'s coefficients on the flat path: intercept, then skew, skew·√n, nulls,
#: nulls·√n, log n.  Fitted like ``article.DROPPING_COEFFICIENTS`` on the first halves aligned flat;
#: the null share alone chose best there (a short flat text has too few anchors for a skew).
FLAT_DROPPING_COEFFICIENTS = (-0.3383, 0.0, 0.0, 13.4494, 0.0, 0.0)


def align(zh: Sequence[str], en: Sequence[str]) -> list[Link]:
    """Align two lists of sentences; every sentence ends up in exactly one link, in order.

    Ids are 0-based positions in ``zh`` and ``en``; a link with one side empty
    marks a sentence with no counterpart.  A line holding several sentences
    is aligned sentence by sentence (:mod:`.fragments`).
    """
    return align_lines(zh, en)


def align_lines(
    zh: Sequence[str],
    en: Sequence[str],
    weights: Weights | None = None,
    zh_read: Callable[[str], ZhSentence] = zh_features,
    en_read: Callable[[str], EnSentence] = en_features,
) -> list[Link]:
    """:func:`align` with other weights, or features read through a cache (a benchmark's)."""
    en_parts, en_owner = en_pieces(en)
    links = align_features([zh_read(s) for s in zh], [en_read(s) for s in en_parts], weights)
    return regroup(links, en_owner)


def align_features(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights | None = None
) -> list[Link]:
    """:func:`align` on precomputed sentence features (lets a benchmark tune ``weights``).

    The prices are ``DEFAULT_WEIGHTS``, or ``FLAT_DROPPING_WEIGHTS`` where the
    first alignment shows a text that drops sentences
    (:func:`.cost.prefers_cheaper`; then the text is aligned again), unless
    ``weights`` says otherwise.
    """
    if weights is not None:
        return [link for link, _ in scored_beads(zh, en, weights)]
    beads, stats = _scored(zh, en, DEFAULT_WEIGHTS)
    nulls = null_share([features for _, features in beads])
    if stats is not None and prefers_cheaper(zh, en, stats, nulls, FLAT_DROPPING_COEFFICIENTS):
        beads, _ = _scored(zh, en, FLAT_DROPPING_WEIGHTS)
    return [link for link, _ in beads]


def scored_beads(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights = DEFAULT_WEIGHTS
) -> list[Bead]:
    """The links at ``weights``, with what each link's confidence was read from (None for null links).

    Aligns twice.  What the first alignment's cheapest links teach about the
    text's own vocabulary (:mod:`flashgen.align.learned`: names, a
    translator's favourite words) is evidence for the second, which only
    revisits the links a learned pair straddles, near the first path: the new
    words settle where a boundary falls; the first pass has found the way.
    The features are what :mod:`flashgen.align.confidence` is fitted on
    (``bench/align_fit.py``).  Learning is gated on the cost, not on the
    confidence, so what is learned does not move when the confidence is refitted.
    """
    return _scored(zh, en, weights)[0]


def _scored(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights
) -> tuple[list[Bead], TextStats | None]:
    """:func:`scored_beads`, with the stats the first pass measured against (None when a side is empty)."""
    beads, stats = _first_pass(zh, en, weights)
    if stats is None:
        return beads, None
    links = [link for link, _ in beads]
    sure = [link for link, features in beads if features and features.cost <= MAX_COST]
    learned = learn(sure, zh, en)
    doubtful = straddled(learned, links, zh, en)
    if not doubtful:
        return beads, stats
    taught = [with_learned(s, learned) for s in zh]
    scorer = BeadScorer(taught, en, weights, stats.with_zh(taught))
    return _best_path(scorer, path_window(links, doubtful, len(en), weights.refine)), stats


def align_once(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights, stats: TextStats | None = None
) -> list[Bead]:
    """One pass of the bead search, without what the text teaches (what an article's paragraphs need).

    ``stats`` (word rarity, byte ratio) default to the two lists' own; an
    article's block passes the whole article's (:class:`.cost.TextStats`).
    """
    return _first_pass(zh, en, weights, stats)[0]


def _first_pass(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], weights: Weights, stats: TextStats | None = None
) -> tuple[list[Bead], TextStats | None]:
    """:func:`align_once`, with the stats it measured the beads against (None when a side is empty).

    The anchor chain is found once: it steers the search's window and, when
    ``stats`` are not given, gives the byte ratio (:func:`.cost.text_stats`).
    """
    if not zh or not en:
        nulls = [Link((i,), ()) for i in range(len(zh))] + [Link((), (j,)) for j in range(len(en))]
        return [(link, None) for link in nulls], None
    chain = anchor_chain(zh, en, weights.window)
    if stats is None:
        stats = text_stats(zh, en, chain)
    scorer = BeadScorer(zh, en, weights, stats)
    return _best_path(scorer, window(chain, len(zh), len(en), weights.window)), stats


def orphan_candidates(
    zh: Sequence[ZhSentence],
    en: Sequence[EnSentence],
    links: Sequence[Link],
    weights: Weights = DEFAULT_WEIGHTS,
    stats: TextStats | None = None,
) -> list[tuple[Link, bool, int, OrphanFeatures]]:
    """For each end of each link's many-sentence side: (link, English?, sentence id, orphan features).

    The sentences the orphan model (:mod:`flashgen.align.nulls`) weighs, and
    what it is fitted on (``bench/align_fit.py --orphans``); ``stats`` as for
    :func:`align_once`.
    """
    scorer = BeadScorer(zh, en, weights, stats)
    found = []
    for link in links:
        if not link.zh_ids or not link.en_ids:
            continue
        i0, i1, j0, j1 = link.zh_ids[0], link.zh_ids[-1] + 1, link.en_ids[0], link.en_ids[-1] + 1
        for english, ids in ((True, link.en_ids), (False, link.zh_ids)):
            if not _weighed(i0, i1, j0, j1, english):
                continue
            for last in (True, False):
                features = scorer.orphan(i0, i1, j0, j1, english, last)
                found.append((link, english, ids[-1] if last else ids[0], features))
    return found


# ---------------------------------------------------------------- the dynamic programme


def _best_path(scorer: BeadScorer, window: list[tuple[int, int]]) -> list[Bead]:
    """The cheapest sequence of beads through the windowed lattice, as links with their features."""
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
    scorer: BeadScorer, window: list[tuple[int, int]], move: list[list[tuple[int, int]]]
) -> list[Bead]:
    """Follow the best moves back from the last cell of the lattice, as links in text order.

    Then sentences the orphan model (:mod:`flashgen.align.nulls`) judges dropped
    by the translator are split off the edges of their beads.
    """
    spans: list[Span] = []
    i = len(window) - 1
    j = window[i][1]
    while i > 0 or j > 0:
        a, b = move[i][j - window[i][0]]
        if not a and not b:
            raise RuntimeError("aligner lattice is disconnected")  # a bug, never the input's fault
        spans.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    return [_bead(scorer, *piece) for span in reversed(spans) for piece in _split_orphans(scorer, *span)]


def _weighed(i0: int, i1: int, j0: int, j1: int, english: bool) -> bool:
    """Whether the orphan model weighs the ends of the bead's English (or Chinese) side.

    Only a side of two sentences or more, so that the sentence split off
    leaves a bead behind, and a bead of at most five sentences: the shapes
    the orphan model was fitted on (:func:`orphan_candidates`).
    """
    return (j1 - j0 if english else i1 - i0) > 1 and (i1 - i0) + (j1 - j0) <= _MAX_SPLIT_SIZE


def _split_orphans(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> list[Span]:
    """The bead, less the sentences at the ends of its many-sentence side that are likelier dropped.

    Each split-off sentence becomes a null link of its own, before or after
    what remains, so the links stay in text order.  The ends are weighed one
    after another, each on what the earlier splits left of the bead.
    """
    before: list[Span] = []
    after: list[Span] = []
    for english, last in ((True, True), (True, False), (False, True), (False, False)):
        if not _weighed(i0, i1, j0, j1, english):
            continue
        chance = orphan_chance(scorer.orphan(i0, i1, j0, j1, english, last), scorer.weights.orphans)
        if chance < scorer.weights.split:
            continue
        if english and last:
            after.insert(0, (i1, i1, j1 - 1, j1))
            j1 -= 1
        elif english:
            before.append((i0, i0, j0, j0 + 1))
            j0 += 1
        elif last:
            after.insert(0, (i1 - 1, i1, j1, j1))
            i1 -= 1
        else:
            before.append((i0, i0 + 1, j0, j0))
            i0 += 1
    return [*before, (i0, i1, j0, j1), *after]


def _bead(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> Bead:
    """The link, with its confidence and what that was read from.  Null links score 0: nothing to teach."""
    zh_ids, en_ids = tuple(range(i0, i1)), tuple(range(j0, j1))
    if i0 == i1 or j0 == j1:
        return Link(zh_ids, en_ids, 0.0), None
    features = scorer.features(i0, i1, j0, j1)
    return Link(zh_ids, en_ids, bead_confidence(features)), features
