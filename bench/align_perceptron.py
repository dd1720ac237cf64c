"""Fit the bead search's prices by an averaged structured perceptron (issue 12, ninth and tenth rounds).

The cost of a bead (:mod:`flashgen.align.cost`) is a weighted sum: its lexical
cost, its Gale–Church length cost, the shape price per extra sentence and per
many-to-many bead, the quotation and question endings, the punctuation marks
the two sides disagree on, and, for a sentence left alone, a null price on top
of what of it stays unexplained.  Those weights (the fields of
:class:`~flashgen.align.Weights` the cost is linear in) were shaped by hand,
one at a time.  Here they are fitted together, discriminatively: each block
of a paragraphed article (:func:`align_drops.as_article`) is aligned with the
current weights by the search itself (orphan splits off, so the search's own
path is judged), and when its path differs from the gold beads the weights
move by the difference of the two paths' feature sums (gold cheaper,
prediction dearer).  The average of the weights over all steps is kept.

The weight of a null sentence's unexplained share is held at 1, as in the
cost, which fixes the scale; every weight is kept ≥ 0, so the search's
pruning (a bead's shape price is a lower bound on its cost) still holds.

Fitted on the first halves of the four sets (``align_drops.half``), plain
and derived with ``align_drops.FIT_SEED``; scored on the first halves and,
with ``--held-out``, on the second halves with seeds 1–5, which it never saw.

The tenth round adds three features the aligner does not price (:class:`Prices`:
``shortfall``, ``stretch``, ``stray``), each an attempt to tell a dropped
sentence glued onto a bead from the free second half of a true split.
``--fields`` names the weights that move (by default the aligner's own, as in
the ninth round); ``--shortfall``, ``--stretch`` and ``--stray`` set where the
new ones start, and with ``--epochs 0`` score them as they are.

Run ``python bench/align_perceptron.py [--epochs 5] [--rate 0.02] [--fields lexical,...,shortfall]
[--held-out]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from dataclasses import fields as fields_of
from typing import Any

from align_drops import (
    FIT_SEED,
    VARIANTS,
    Doc,
    as_article,
    cached_en,
    cached_zh,
    derived_set,
    paragraphs,
    print_means,
    tally,
)
from align_eval import SETS, SHARED

from flashgen.align import (
    ARTICLE_WEIGHTS,
    EnSentence,
    TextStats,
    Weights,
    ZhSentence,
    article,
    article_blocks,
    beads,
    block_spans,
    text_stats,
)
from flashgen.align.beads import align_once
from flashgen.align.cost import MAX_MARKS, uncovered
from flashgen.align.fragments import en_pieces, regroup
from flashgen.align.scorer import BEADS, BeadScorer
from flashgen.align.scorer import _numbers as numbers
from flashgen.types import Link

#: the fields of :class:`Weights` the bead cost is linear in, in the order of :func:`phi`
FIELDS = (
    "lexical",
    "length",
    "merge",
    "many",
    "quote",
    "question",
    "marks",
    "null",
    "shortfall",
    "stretch",
    "stray",
)
#: the fields the aligner's own cost prices (:class:`Weights`): what moves unless ``--fields`` says otherwise
PRICED = FIELDS[:8]

Span = tuple[int, int, int, int]


@dataclass(frozen=True)
class Prices(Weights):
    """:class:`Weights` with the tenth round's bead features, which the aligner does not price.

    Each tries to tell a dropped sentence glued onto a bead from the second
    half of a true split, which the ninth round found the cost's features
    cannot: ``shortfall`` prices :func:`shortfall`, ``stretch`` :func:`stretch`,
    ``stray`` :func:`stray`.  At 0 the cost is the aligner's.
    """

    shortfall: float = 0.0
    stretch: float = 0.0
    stray: float = 0.0


class Scorer(BeadScorer):
    """:class:`BeadScorer` whose bead cost adds the features of :class:`Prices`.

    Put in the aligner's place for this benchmark only (:func:`main`), so that
    the search, the articles' blocks and the confidence read one cost.
    """

    def cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        price = super().cost(i0, i1, j0, j1)
        w = self.weights
        if not isinstance(w, Prices) or i0 == i1 or j0 == j1:
            return price
        bead = (i0, i1, j0, j1)
        return (
            price
            + w.shortfall * shortfall(self, *bead)
            + w.stretch * stretch(self, *bead)
            + w.stray * stray(self, *bead)
        )


def shortfall(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> float:
    """How far the sentences of the bead's many-sentence side(s) explain less than their share.

    Each sentence of a side of several is expected to explain, on its own
    (words its side-mates do not explain), a part of what the bead explains
    of the other side in proportion to its bytes.  A sentence the translator
    dropped, glued on, explains nothing of its own whatever its length; the
    second half of a true split explains its part of a long sentence.  Summed
    over the side's sentences, as a share of the other side's weighted words
    (0 for a 1-1 bead).
    """
    found = 0.0
    if j1 - j0 > 1:
        rows = [[scorer.mask(i, j)[0] for j in range(j0, j1)] for i in range(i0, i1)]
        found += _shortfall(rows, scorer.en_bytes[j0 : j1 + 1], sum(scorer.evidence.zh_total[i0:i1]))
    if i1 - i0 > 1:
        rows = [[scorer.mask(i, j)[1] for i in range(i0, i1)] for j in range(j0, j1)]
        found += _shortfall(rows, scorer.zh_bytes[i0 : i1 + 1], sum(scorer.evidence.en_total[j0:j1]))
    return found


def _shortfall(rows: Sequence[Sequence[int]], offsets: Sequence[int], total: int) -> float:
    """:func:`shortfall` of one side: ``rows[m][k]`` the bits of the other side's sentence ``m`` that
    this side's sentence ``k`` explains, ``offsets`` running byte sums, ``total`` the other side's weight."""
    if not total:
        return 0.0
    explained = sum(_union(row).bit_count() for row in rows)
    size = max(1, offsets[-1] - offsets[0])
    short = 0.0
    for k in range(len(offsets) - 1):
        alone = sum((row[k] & ~_union(row[:k] + row[k + 1 :])).bit_count() for row in rows)
        short += max(0.0, explained * (offsets[k + 1] - offsets[k]) / size - alone)
    return short / total


def _union(masks: Sequence[int]) -> int:
    found = 0
    for mask in masks:
        found |= mask
    return found


def stray(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> float:
    """The numbers in digits a many-sentence side holds that the other side lacks, at most three.

    A glued-on sentence brings its own figures, which nothing in the bead
    translates; the second half of a split renders figures its other side
    holds.  Only a side of several sentences pays: in a 1-1 bead a figure
    written in words on one side (一千多 / 1,000) cost aca pairs (fourth round).
    """
    found = 0
    if j1 - j0 > 1:
        theirs = frozenset().union(*(numbers(scorer.zh[i]) for i in range(i0, i1)))
        found += sum(len(scorer.en[j].figures - theirs) for j in range(j0, j1))
    if i1 - i0 > 1:
        theirs = frozenset().union(*(scorer.en[j].figures for j in range(j0, j1)))
        found += sum(len(scorer.zh[i].figures - theirs) for i in range(i0, i1))
    return float(min(MAX_MARKS, found))


def stretch(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> float:
    """How much worse the bead's lengths agree with each end sentence of a many-sentence side.

    A sentence the translator dropped, glued onto its neighbour's bead, makes
    that side too long for the other; the second half of a true split makes
    it the right length.  Unlike the length cost, which a free translation's
    1-1 pays too, this is paid only for a sentence a side could do without
    (0 for a 1-1 bead).
    """
    whole = scorer.length(i0, i1, j0, j1)
    ends = []
    if j1 - j0 > 1:
        ends += [(i0, i1, j0 + 1, j1), (i0, i1, j0, j1 - 1)]
    if i1 - i0 > 1:
        ends += [(i0 + 1, i1, j0, j1), (i0, i1 - 1, j0, j1)]
    return sum(max(0.0, whole - scorer.length(*rest)) for rest in ends)


@dataclass(frozen=True)
class Block:
    """One block of an article as the search sees it, with its gold beads in the block's own ids."""

    zh: Sequence[ZhSentence]
    en: Sequence[EnSentence]
    stats: TextStats
    #: gold beads with the English as sentences: a merged line's bead holds all of its sentences
    gold: tuple[Span, ...]
    #: True for a block of a plain set (no sentence dropped or merged on purpose)
    plain: bool
    #: for each English sentence, the line (block-local) it comes from
    owner: tuple[int, ...]


def blocks(doc: Doc, plain: bool) -> list[Block]:
    """A document's article blocks (:func:`align_drops.as_article`), English lines cut into sentences.

    A gold link's English is every sentence of its lines, so a merged line's
    gold bead holds all of its sentences, as the search must find it.
    """
    zh_text, en_text, gold = doc
    article = as_article(doc)
    lines = article_blocks(article)
    cut = [en_pieces(block_en) for _, block_en in lines]
    spans = block_spans([(block_zh, parts) for (block_zh, _), (parts, _) in zip(lines, cut, strict=True)])
    owner: list[int] = []
    base = 0
    for (_, block_en), (_, line_of) in zip(lines, cut, strict=True):
        owner += [base + k for k in line_of]
        base += len(block_en)
    sentences: dict[int, list[int]] = {}
    for piece, line in enumerate(owner):
        sentences.setdefault(line, []).append(piece)
    zh = [cached_zh(s) for block_zh, _ in lines for s in block_zh]
    en = [cached_en(s) for parts, _ in cut for s in parts]
    stats = text_stats(zh, en)
    # a gold link in article ids, English as sentences: (zh start, zh end, en start, en end)
    gold_spans: list[Span] = []
    zi = ej = 0
    for link in gold:
        en_ids = [p for line in link.en_ids for p in sentences.get(line, [])]
        a, b = len(link.zh_ids), len(en_ids)
        gold_spans.append((zi, zi + a, ej, ej + b))
        zi, ej = zi + a, ej + b
    found = []
    for i0, i1, j0, j1 in spans:
        mine = tuple(
            (a - i0, b - i0, c - j0, d - j0)
            for a, b, c, d in gold_spans
            if i0 <= a and b <= i1 and j0 <= c and d <= j1
        )
        local = tuple(line - owner[j0] for line in owner[j0:j1])
        found.append(Block(zh[i0:i1], en[j0:j1], stats.block(i0, i1, j0, j1), mine, plain, local))
    assert len(zh_text) == len(zh) and len(en_text) == base
    return found


def phi(scorer: BeadScorer, span: Span) -> tuple[list[float], float]:
    """The bead's features in the order of :data:`FIELDS`, and its fixed part (a null's unexplained share)."""
    i0, i1, j0, j1 = span
    if i0 == i1 or j0 == j1:
        totals = scorer.evidence.en_total[j0:j1] if i0 == i1 else scorer.evidence.zh_total[i0:i1]
        fixed = sum(uncovered(0, total, scorer.weights) for total in totals)
        return [0.0] * 7 + [float(len(totals)), 0.0, 0.0, 0.0], fixed
    a, b = i1 - i0, j1 - j0
    zh_end, en_end = scorer.zh_ending[i1 - 1], scorer.en_ending[j1 - 1]
    return [
        sum(scorer._parts(i0, i1, j0, j1)),
        scorer.length(i0, i1, j0, j1),
        float(a + b - 2),
        float(a > 1 and b > 1),
        float(zh_end.closes_quote and not en_end.closes_quote),
        float(zh_end.asks and not en_end.asks),
        float(min(MAX_MARKS, scorer.marks(i0, i1, j0, j1))),
        0.0,
        shortfall(scorer, i0, i1, j0, j1),
        stretch(scorer, i0, i1, j0, j1),
        stray(scorer, i0, i1, j0, j1),
    ], 0.0


def path_features(block: Block, spans: Sequence[Span], weights: Weights) -> list[float]:
    scorer = BeadScorer(block.zh, block.en, weights, block.stats)
    total = [0.0] * len(FIELDS)
    for span in spans:
        for k, value in enumerate(phi(scorer, span)[0]):
            total[k] += value
    return total


def decode(block: Block, weights: Weights) -> list[Span]:
    """The search's own path through the block (no orphan splits: ``weights.split`` is above 1)."""
    out: list[Span] = []
    zi = ej = 0
    for link, _ in align_once(block.zh, block.en, weights, block.stats):
        out.append((zi, zi + len(link.zh_ids), ej, ej + len(link.en_ids)))
        zi, ej = zi + len(link.zh_ids), ej + len(link.en_ids)
    return out


def as_lines(spans: Sequence[Span], owner: Sequence[int]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads of sentences as the links of lines a reader gets (:func:`.fragments.regroup`)."""
    links = [Link(tuple(range(i0, i1)), tuple(range(j0, j1))) for i0, i1, j0, j1 in spans]
    return [(link.zh_ids, link.en_ids) for link in regroup(links, owner)]


#: the shapes a bead may take in the search, nulls included
_SHAPES = ((1, 0), (0, 1), *BEADS)
#: the most sentences a gold bead may hold for its splits into the search's beads to be enumerated
_MAX_ENUMERATED = 8


def gold_path(block: Block, weights: Weights) -> list[Span]:
    """The cheapest path of the search's beads that reads as the gold links of lines.

    A line of several English sentences that translates several Chinese ones
    is one gold link, but the search may find it as beads of single
    sentences that share the line: any such split of the gold bead is as
    right as the bead itself, so the cheapest one under the current weights
    is the target (a latent-variable perceptron).
    """
    scorer = BeadScorer(block.zh, block.en, weights, block.stats)
    path: list[Span] = []
    for span in block.gold:
        options = _splits(span) if sum(_size(span)) <= _MAX_ENUMERATED else [[span]]
        whole = as_lines([span], block.owner)
        valid = [option for option in options if as_lines(option, block.owner) == whole] or [[span]]
        path += min(valid, key=lambda option: sum(_price(scorer, s, weights) for s in option))
    return path


def _size(span: Span) -> tuple[int, int]:
    return span[1] - span[0], span[3] - span[2]


def _splits(span: Span) -> list[list[Span]]:
    """Every path of the search's bead shapes from one corner of ``span`` to the other."""
    i0, i1, j0, j1 = span
    if (i0, j0) == (i1, j1):
        return [[]]
    found = []
    for a, b in _SHAPES:
        if i0 + a <= i1 and j0 + b <= j1:
            found += [[(i0, i0 + a, j0, j0 + b), *rest] for rest in _splits((i0 + a, i1, j0 + b, j1))]
    return found


def _price(scorer: BeadScorer, span: Span, weights: Weights) -> float:
    values, fixed = phi(scorer, span)
    return fixed + sum(float(getattr(weights, f)) * v for f, v in zip(FIELDS, values, strict=True))


def with_vector(weights: Weights, vector: Sequence[float]) -> Weights:
    fields: dict[str, Any] = dict(zip(FIELDS, vector, strict=True))
    return replace(weights, **fields)


def fit(
    train: Sequence[Block],
    start: Weights,
    epochs: int,
    rate: float,
    plain_rate: float,
    free: Sequence[str] = PRICED,
    seed: int = 0,
) -> Weights:
    """The averaged perceptron: a step per block whose path is not the gold one.

    A block of a plain set steps ``plain_rate`` times as far: the plain sets
    are what a fit that trades them for dropped sentences found must not lose.
    Only the weights named in ``free`` move; the others keep ``start``'s.
    """
    moves = [1.0 if f in free else 0.0 for f in FIELDS]
    w = [float(getattr(start, f)) for f in FIELDS]
    total = [0.0] * len(w)
    steps = 0
    order = list(range(len(train)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        wrong = 0
        for k in order:
            block = train[k]
            weights = replace(with_vector(start, w), split=2.0)
            predicted = decode(block, weights)
            if as_lines(predicted, block.owner) != as_lines(block.gold, block.owner):
                wrong += 1
                gold_f = path_features(block, gold_path(block, weights), weights)
                pred_f = path_features(block, predicted, weights)
                step = rate * (plain_rate if block.plain else 1.0)
                w = [
                    max(0.0, x - m * step * (g - p))
                    for x, m, g, p in zip(w, moves, gold_f, pred_f, strict=True)
                ]
            total = [t + x for t, x in zip(total, w, strict=True)]
            steps += 1
        average = [t / steps for t in total]
        print(
            f"epoch {epoch + 1}: {wrong} of {len(train)} blocks wrong;  average "
            + "  ".join(f"{f} {x:.3f}" for f, x in zip(FIELDS, average, strict=True)),
            flush=True,
        )
    return with_vector(start, [t / steps for t in total]) if steps else start


def report(weights: Weights, which: int, seeds: Sequence[int]) -> None:
    """Each plain set's exact-bead F1 as an article, and the derived sets' means (:func:`print_means`)."""
    aligner = paragraphs(weights)
    means: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for name in SETS:
        plain = tally(derived_set(name, "plain", FIT_SEED, which), aligner)
        print(f"  half {which} plain {name:8} bead F1 {plain.bead()[2]:.4f}", flush=True)
        for variant in VARIANTS:
            for seed in seeds:
                t = tally(derived_set(name, variant, seed, which), aligner)
                means.setdefault((f"half {which}", variant), []).append((t.bead()[2], t.null_recall()))
    print_means(means)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=0.02)
    parser.add_argument("--plain-rate", type=float, default=1.0, help="step of a plain block, in --rate")
    parser.add_argument("--split", type=float, default=ARTICLE_WEIGHTS.split, help="orphan split when scored")
    parser.add_argument("--fields", default=",".join(PRICED), help="the weights that move, comma-separated")
    parser.add_argument("--shortfall", type=float, default=0.0, help="the shortfall weight to start from")
    parser.add_argument("--stretch", type=float, default=0.0, help="the stretch weight to start from")
    parser.add_argument("--stray", type=float, default=0.0, help="the stray weight to start from")
    parser.add_argument("--baseline", action="store_true", help="also score the weights in use")
    parser.add_argument("--held-out", action="store_true", help="also score the second halves, seeds 1-5")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to fit")
        return 0
    train = [
        block
        for name in SETS
        for variant in ("plain", *VARIANTS)
        for doc in derived_set(name, variant, FIT_SEED, 1)
        for block in blocks(doc, variant == "plain")
    ]
    print(f"{len(train)} blocks to fit on", flush=True)
    beads.BeadScorer = Scorer
    article.BeadScorer = Scorer
    fields: dict[str, Any] = {f.name: getattr(ARTICLE_WEIGHTS, f.name) for f in fields_of(Weights)}
    start = Prices(**fields, shortfall=args.shortfall, stretch=args.stretch, stray=args.stray)
    free = args.fields.split(",")
    fitted = replace(fit(train, start, args.epochs, args.rate, args.plain_rate, free), split=args.split)
    print("fitted: " + ", ".join(f"{f}={getattr(fitted, f):.3f}" for f in FIELDS), flush=True)
    for label, weights in (("now", ARTICLE_WEIGHTS), ("fitted", fitted))[0 if args.baseline else 1 :]:
        print(label, flush=True)
        report(weights, 1, [FIT_SEED])
        if args.held_out:
            report(weights, 2, [1, 2, 3, 4, 5])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
