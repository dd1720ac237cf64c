"""Where the bead search looks: an anchor skeleton and the band around it.

A dynamic programme over every pair of positions would cost the product of
the two texts' lengths.  Instead, near-certain 1-1 links found through rare
shared words (an inverted index of English lemmas, then the heaviest chain
monotone on both sides, less the anchors that stray from their neighbours'
line) fix a skeleton, and the search runs in a narrow window around it, so
aligning grows linearly with the text.  The second pass searches only near
the first pass's path (:func:`path_window`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from ..types import Link
from .features import EnSentence, ZhSentence

#: half-width, in English sentences, of the bead search's window around the anchor chain (``Weights.window``)
SEARCH_WIDTH = 4
#: anchor candidates kept per Chinese sentence, and the least normalised weight they need
_TOPK = 1
_MIN_ANCHOR = 0.5
#: the anchor pass looks this far from the diagonal (a quarter of the text, at most this many
#: sentences), and ignores words found in more than this many English sentences of that band
_MAX_BAND = 500
_MAX_HITS = 30
#: an anchor further than this many English sentences (plus this share of the distance to
#: its nearer neighbour) off the line between its neighbours is dropped as a stray
_STRAY_SLACK = 2
_STRAY_SHARE = 0.5
#: between anchors k sentences apart the DP window widens by this share of k
_GAP_REACH = 0.5


def anchor_chain(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], width: int = SEARCH_WIDTH
) -> list[tuple[int, int]]:
    """The heaviest monotone chain of strong 1-1 candidate pairs (i, j); none for a short text.

    A text no longer than the search window (``width``) needs no skeleton to
    find its way, and is too short for the anchors amid a run that give the
    byte ratio (:func:`.cost.anchored_ratio`): the one rule both uses follow.
    """
    n, m = len(zh), len(en)
    if max(n, m) <= width:
        return []
    postings: dict[str, list[int]] = {}
    for j, english in enumerate(en):
        for token in english.tokens:
            postings.setdefault(token, []).append(j)
    # The band allows for drift from the diagonal; a word hitting more than
    # ``common`` English sentences in it is too common to anchor anything.
    # Both are capped so that the pass stays linear on book-length texts.
    band = max(10, min(int(0.25 * max(n, m)), _MAX_BAND))
    common = max(3, min(m // 10, _MAX_HITS))
    candidates: list[tuple[int, int, float]] = []
    for i, sentence in enumerate(zh):
        centre = (i + 0.5) * m / n
        scores: dict[int, float] = {}
        for word in sentence.words:
            hits = _hits_near(word, postings, centre - band, centre + band, common)
            if not hits:
                continue
            weight = math.log(1 + m / len(hits))
            for j in hits:
                scores[j] = scores.get(j, 0.0) + weight
        norm = len(sentence.words) + 2
        # ties go to the nearer English sentence, so the result never depends on hash order
        ranked = sorted(scores.items(), key=lambda item: (-item[1], abs(item[0] - centre)))[:_TOPK]
        candidates += [(i, j, s / norm) for j, s in ranked if s / norm >= _MIN_ANCHOR]
    return _without_outliers(_heaviest_chain(candidates, m), n, m)


def _hits_near(
    word: frozenset[str], postings: dict[str, list[int]], lo: float, hi: float, most: int
) -> set[int]:
    """English sentences in ``lo..hi`` holding one of ``word``'s lemmas; empty if more than ``most``."""
    hits: set[int] = set()
    for token in word:
        found = postings.get(token)
        if found:
            start, end = bisect_left(found, lo), bisect_right(found, hi)
            if end - start > most:
                return set()
            hits.update(found[start:end])
    return hits if len(hits) <= most else set()


def _heaviest_chain(candidates: list[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """Max-weight chain strictly increasing in both i and j (Fenwick tree over j)."""
    tree: list[tuple[float, int]] = [(0.0, -1)] * (m + 1)
    best: list[float] = []
    back: list[int] = []

    def query(j: int) -> tuple[float, int]:  # best chain ending at an English id < j
        found = (0.0, -1)
        while j > 0:
            found = max(found, tree[j])
            j -= j & -j
        return found

    def update(j: int, value: tuple[float, int]) -> None:
        j += 1
        while j <= m:
            tree[j] = max(tree[j], value)
            j += j & -j

    row_start = 0
    for k, (i, j, score) in enumerate(candidates):
        if i != candidates[row_start][0]:  # a new row: publish the previous one
            for r in range(row_start, k):
                update(candidates[r][1], (best[r], r))
            row_start = k
        value, previous = query(j)
        best.append(value + score)
        back.append(previous)
    if not candidates:
        return []
    end = max(range(len(best)), key=best.__getitem__)
    chain = []
    while end >= 0:
        chain.append(candidates[end][:2])
        end = back[end]
    return chain[::-1]


def _without_outliers(chain: list[tuple[int, int]], n: int, m: int) -> list[tuple[int, int]]:
    """Drop anchors that stray from the line through their neighbours.

    A short sentence of common words ("Trinket said: ...") can outweigh its
    true partner and pull the chain, and with it the DP window, a dozen
    sentences off course; an anchor that its neighbours do not vouch for is
    more likely such a stray than a real jump.  Repeated until stable.
    """
    points = [(-1, -1), *chain, (n, m)]
    while True:
        kept = [points[0]]
        for (i, j), (i1, j1) in pairwise(points[1:]):
            i0, j0 = kept[-1]
            expected = j0 + (j1 - j0) * (i - i0) / (i1 - i0)
            if abs(j - expected) <= _STRAY_SLACK + _STRAY_SHARE * min(i - i0, i1 - i):
                kept.append((i, j))
        kept.append(points[-1])
        if len(kept) == len(points):
            return kept[1:-1]
        points = kept


def window(chain: list[tuple[int, int]], n: int, m: int, width: int) -> list[tuple[int, int]]:
    """For each lattice row i (0..n), the range of English positions the DP explores."""
    points = [(0.0, 0.0)] + [(i + 0.5, j + 0.5) for i, j in chain] + [(float(n), float(m))]
    rows: list[tuple[int, int]] = []
    k = 0
    for i in range(n + 1):
        while k + 1 < len(points) - 1 and points[k + 1][0] <= i:
            k += 1
        (x0, y0), (x1, y1) = points[k], points[k + 1]
        centre = y0 + (y1 - y0) * (i - x0) / (x1 - x0) if x1 > x0 else y1
        # far from any anchor the path may stray further from the straight line
        reach = width + min(3 * width, int(_GAP_REACH * max(x1 - x0, y1 - y0)))
        rows.append((max(0, math.floor(centre) - reach), min(m, math.ceil(centre) + reach)))
    return _connected(rows, m)


def path_window(links: Sequence[Link], doubtful: set[int], m: int, width: int) -> list[tuple[int, int]]:
    """For each lattice row, where ``links`` pass, widened by ``width`` at the ends of doubtful links."""
    n = sum(len(link.zh_ids) for link in links)
    rows = [(m, 0)] * (n + 1)
    rows[0] = (0, 0)
    i = j = 0
    for k, link in enumerate(links):
        if k in doubtful:  # its start may move
            lo, hi = rows[i]
            rows[i] = (min(lo, j - width), max(hi, j + width))
        i, j = i + len(link.zh_ids), j + len(link.en_ids)
        reach = width if k in doubtful else 0  # and so may its end
        lo, hi = rows[i]
        rows[i] = (min(lo, j - reach), max(hi, j + reach))
    return _connected([(max(0, lo), min(m, hi)) for lo, hi in rows], m)


def _connected(rows: list[tuple[int, int]], m: int) -> list[tuple[int, int]]:
    """The window widened so that a path runs from (0, 0) to (n, m) through it."""
    n = len(rows) - 1
    rows[0] = (0, rows[0][1])
    rows[n] = (rows[n][0], m)
    # Both bounds must rise monotonically and each row must reach the next
    # row's first cell, or the lattice falls apart.
    for i in range(1, n + 1):
        rows[i] = (rows[i][0], max(rows[i][1], rows[i - 1][1]))
    for i in range(n - 1, -1, -1):
        lo, hi = rows[i]
        rows[i] = (min(lo, rows[i + 1][0]), max(hi, rows[i + 1][0]))
    return rows
