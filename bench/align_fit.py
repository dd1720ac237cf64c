"""Fit the aligner's two logistics: the confidence and the orphan model (:mod:`flashgen.align.nulls`).

Aligns the fitting sets (``align_drops.FIT_SETS``: mac-dev and pol as they
are, and their drop and merge variants with ``FIT_SEED``), records for every
predicted pair its :class:`~flashgen.align.BeadFeatures` and whether it is
exactly a gold link, and fits a logistic regression by Newton's method (a few
features, a few thousand pairs: no library needed).  Prints the coefficients
to paste into ``flashgen/align/confidence.py`` and the reliability of the
current and the fitted score on the held-out sets (aca, mag, other seeds).

With ``--orphans``, fits the flat path's orphan model (``nulls.COEFFICIENTS``)
the same way on the ends of the many-sentence beads the search makes, on the
first half of every document of the four sets (``align_drops.half``), then
tries split thresholds (``Weights.split``) with the fitted coefficients; with
``--orphans --articles`` the articles' model (``nulls.ARTICLE_COEFFICIENTS``)
on the beads of paragraphed articles.  The second halves are scored by
``python bench/align_drops.py --half 2``.

Run ``python bench/align_fit.py [--orphans [--articles]]``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import astuple, replace

from align_drops import (
    FIT_SEED,
    FIT_SETS,
    SETS,
    SHARED,
    VARIANTS,
    Doc,
    as_article,
    cached_en,
    cached_zh,
    derived_set,
    flat,
    paragraphs,
    tally,
)
from align_eval import print_reliability

import flashgen.align.confidence
from flashgen.align import (
    ARTICLE_WEIGHTS,
    DEFAULT_WEIGHTS,
    BeadFeatures,
    OrphanFeatures,
    TextStats,
    Weights,
    align_features,
    article_blocks,
    bead_confidence,
    block_spans,
    orphan_candidates,
    orphan_chance,
    scored_beads,
    text_stats,
)
from flashgen.types import Link

Sample = tuple[tuple[float, ...], bool]
Ids = tuple[int, ...]
#: a little L2 pull towards zero, so a feature rare in the fitting data cannot run away
RIDGE = 1.0


def samples(name: str, variant: str, seed: int) -> list[Sample]:
    """(features, exactly right) of every predicted pair of a (derived) set."""
    found = []
    for zh, en, gold in derived_set(name, variant, seed):
        key = {(link.zh_ids, link.en_ids) for link in gold}
        for link, features in scored_beads([cached_zh(s) for s in zh], [cached_en(s) for s in en]):
            if features is not None:
                found.append((astuple(features), (link.zh_ids, link.en_ids) in key))
    return found


def orphan_samples(name: str, variant: str, seed: int, which: int = 0, path: str = "flat") -> list[Sample]:
    """(orphan features, whether splitting helps) of the ends of every predicted many-sentence bead.

    Aligned without splitting, so the model learns from the beads the search
    makes: flat (``path`` "flat", the ``--presplit`` path) or as paragraphed
    articles ("para"), whose small blocks price a sentence left alone lower
    (``ARTICLE_WEIGHTS``).  The label is :func:`_split_gain` > 0: what the
    split is for, more links exactly right, not only "the sentence is a gold
    null link".
    """
    found = []
    weights = replace(DEFAULT_WEIGHTS if path == "flat" else ARTICLE_WEIGHTS, split=2.0)
    for doc in derived_set(name, variant, seed, which):
        zh, en, gold = doc
        golden = {(link.zh_ids, link.en_ids) for link in gold}
        zh_f, en_f = [cached_zh(s) for s in zh], [cached_en(s) for s in en]
        for (i0, i1, j0, j1), links, whole in _unsplit_blocks(doc, path, weights):
            for link, english, k, features in orphan_candidates(
                zh_f[i0:i1], en_f[j0:j1], links, weights, whole
            ):
                found.append((astuple(features), _split_gain(link, english, k, (i0, j0), golden) > 0))
    return found


def _unsplit_blocks(
    doc: Doc, path: str, weights: Weights
) -> list[tuple[tuple[int, int, int, int], list[Link], TextStats | None]]:
    """The blocks ``path`` aligns, each with its links in block ids and what it is measured against.

    Flat: one block.  As an article: the blocks ``align_article`` aligns one by
    one, measured against the whole article (whose sentences are the
    document's, in order).
    """
    zh, en, _ = doc
    zh_f, en_f = [cached_zh(s) for s in zh], [cached_en(s) for s in en]
    if path == "flat":
        return [((0, len(zh), 0, len(en)), align_features(zh_f, en_f, weights), None)]
    links = paragraphs(weights)(doc)
    stats = text_stats(zh_f, en_f)
    blocks = []
    for i0, i1, j0, j1 in block_spans(article_blocks(as_article(doc))):
        inside = [
            Link(tuple(i - i0 for i in link.zh_ids), tuple(j - j0 for j in link.en_ids), link.score)
            for link in links
            if all(i0 <= i < i1 for i in link.zh_ids) and all(j0 <= j < j1 for j in link.en_ids)
        ]
        blocks.append(((i0, i1, j0, j1), inside, stats.block(i0, i1, j0, j1)))
    return blocks


def _split_gain(link: Link, english: bool, k: int, at: tuple[int, int], gold: set[tuple[Ids, Ids]]) -> int:
    """How many more links are exactly right once sentence ``k`` is split off the block's ``link``.

    The sentence alone is right when the translator dropped it (a gold null
    link); the rest of the bead is right when the search had glued a
    neighbour's sentence onto a true link.  The whole bead, if it was right,
    is lost.
    """
    i0, j0 = at
    zh_ids = tuple(i0 + i for i in link.zh_ids)
    en_ids = tuple(j0 + j for j in link.en_ids)
    if english:
        alone: tuple[Ids, Ids] = ((), (j0 + k,))
        rest = (zh_ids, tuple(j for j in en_ids if j != j0 + k))
    else:
        alone = ((i0 + k,), ())
        rest = (tuple(i for i in zh_ids if i != i0 + k), en_ids)
    return (alone in gold) + (rest in gold) - ((zh_ids, en_ids) in gold)


def fit(data: Sequence[Sample], rounds: int = 30) -> tuple[float, ...]:
    """Logistic regression (intercept first) by Newton's method with a small ridge."""
    size = len(data[0][0]) + 1
    w = [0.0] * size
    for _ in range(rounds):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for x, y in data:
            row = (1.0, *x)
            p = 1.0 / (
                1.0 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, row, strict=True)))))
            )
            for a in range(size):
                gradient[a] += (p - y) * row[a]
                for b in range(size):
                    hessian[a][b] += p * (1 - p) * row[a] * row[b]
        for a in range(1, size):
            gradient[a] += RIDGE * w[a]
            hessian[a][a] += RIDGE
        step = _solve(hessian, gradient)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return tuple(w)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    rows = [[*matrix[k], vector[k]] for k in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col and rows[r][col]:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[k][n] / rows[k][k] for k in range(n)]


def table(label: str, data: Sequence[Sample], coefficients: Sequence[float]) -> None:
    """Reliability of the confidence with these coefficients on these samples."""
    scored = [(bead_confidence(BeadFeatures(*x), coefficients), ok) for x, ok in data]  # type: ignore[arg-type]
    print_reliability(f"{label}, {len(scored)} pairs", scored)


def main(argv: Sequence[str]) -> int:
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to fit")
        return 0
    if "--orphans" in argv:
        return fit_orphans("para" if "--articles" in argv else "flat")
    fitting = [s for name in FIT_SETS for v in ("plain", *VARIANTS) for s in samples(name, v, FIT_SEED)]
    coefficients = fit(fitting)
    print("COEFFICIENTS = (" + ", ".join(f"{c:.3f}" for c in coefficients) + ")")
    held = [
        s
        for name in SETS
        for v in VARIANTS
        for seed in (2, 3)
        if name not in FIT_SETS or seed != FIT_SEED
        for s in samples(name, v, seed)
    ]
    plain = [s for name in SETS if name not in FIT_SETS for s in samples(name, "plain", 0)]
    for label, coef in (("current", flashgen.align.confidence.COEFFICIENTS), ("fitted", coefficients)):
        for what, data in (("fitted on", fitting), ("held-out derived", held), ("held-out plain", plain)):
            table(f"{label} score, {what}", data, coef)
    return 0


def fit_orphans(path: str) -> int:
    """Fit the orphan model of ``path`` ("flat" or "para") on the first half of every document of the
    four sets (``align_drops.half``), plain and derived with ``FIT_SEED``, on that path's bead ends; then
    its split thresholds on that path: the best mean exact-bead F1 of the fitting halves' drop sets among
    thresholds that leave the plain fitting halves' strict F1 where the current model leaves it.
    ``python bench/align_drops.py --half 2`` scores the second halves, never looked at."""
    data = [
        s for name in SETS for v in ("plain", *VARIANTS) for s in orphan_samples(name, v, FIT_SEED, 1, path)
    ]
    coefficients = fit(data)
    name = "COEFFICIENTS" if path == "flat" else "ARTICLE_COEFFICIENTS"
    print(f"{len(data)} candidates, {sum(ok for _, ok in data)} worth splitting off")
    print(f"nulls.{name} = (" + ", ".join(f"{c:.3f}" for c in coefficients) + ")")
    _orphan_table(data, coefficients)
    base = DEFAULT_WEIGHTS if path == "flat" else ARTICLE_WEIGHTS
    make = flat if path == "flat" else paragraphs
    for label, thresholds in (("current", (None,)), ("fitted", (2.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4))):
        for threshold in thresholds:
            weights = base if threshold is None else replace(base, split=threshold, orphans=coefficients)
            aligner = make(weights)
            plain, drops = [], []
            for set_name in SETS:
                for variant in ("plain", *VARIANTS):
                    t = tally(derived_set(set_name, variant, FIT_SEED, 1), aligner)
                    if variant == "plain":
                        plain.append(f"{set_name} {t.strict()[2]:.3f}")
                    else:
                        drops.append((t.bead()[2], t.null_recall()))
            mean_f1 = sum(f for f, _ in drops) / len(drops)
            found = sum(r for _, r in drops) / len(drops)
            print(
                f"{label} {path} split ≥ {weights.split}: drop F1 {mean_f1:.4f} found {found:.3f}  plain "
                + "  ".join(plain),
                flush=True,
            )
    return 0


def _orphan_table(data: Sequence[Sample], coefficients: tuple[float, ...]) -> None:
    for t in (0.5, 0.7, 0.9):
        chosen = [ok for x, ok in data if orphan_chance(OrphanFeatures(*x), coefficients) >= t]  # type: ignore[arg-type]
        print(f"  chance ≥ {t}: {len(chosen)} split, {sum(chosen)} of them worth it")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
