"""Choose the bead prices per article from what a first alignment shows (issue 12, eleventh round).

Every round so far met one frontier: cheaper nulls find more dropped
sentences on the derived sets but cost the plain ones, whose true 1-2 beads
lose their free half.  The plain sets rarely drop a sentence and the derived
sets drop about 12 %, so whether a text drops sentences may be visible over
the whole document even where no single bead shows it.  Here every document
is aligned as an article (:func:`align_drops.as_article`) at today's prices
(``ARTICLE_WEIGHTS``) and at the cheaper ``DROPPING_WEIGHTS``; a few
document-level features are read off the first alignment at today's prices
(:class:`DocFeatures`, :data:`COLUMNS`); logistic regressions fitted on the
first halves (plain and derived with ``align_drops.FIT_SEED``, whole and cut
into articles of 20, 40 and 80 links) say whether the document is derived
("drops") or whether the cheaper prices align it better ("gains"), and the
document takes the prices its model says.

Rule set before the second halves were looked at (the ninth round's, at
every size): the fit with the best mean derived F1 on the first halves among
those that leave every plain first half, as an article, within 0.002 of now
(:func:`keeps`).  It is :data:`CHOSEN`, whose raw coefficients are
``flashgen.align.article.DROPPING_COEFFICIENTS``; ``--held-out`` then scores
it on the second halves (seeds 1–5), whole and cut, and on the whole plain sets.

``--flat`` does the same for the flat path (``align --presplit``, the twelfth
round): the features read off the flat alignment at ``DEFAULT_WEIGHTS``, each
document aligned flat at those and at ``FLAT_DROPPING_WEIGHTS``; its chosen
model's coefficients are ``flashgen.align.beads.FLAT_DROPPING_COEFFICIENTS``.
``--cheap null=0.4,merge=0.5`` tries other cheaper prices (how the flat
path's were chosen: each candidate scored by its best passing model).

Each document's alignments are kept in files beside ``--cache`` (``/tmp`` by
default), so the fits take seconds once they are there.  Run
``python bench/align_docprices.py [--flat] [--held-out] [--sizes 0,20,40,80] [--cheap F=V] [--cache STEM]``.
"""

from __future__ import annotations

import argparse
import math
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from align_drops import (
    FIT_SEED,
    VARIANTS,
    Aligner,
    Doc,
    as_article,
    cached_en,
    cached_zh,
    derive,
    derived_set,
    flat,
    paragraphs,
    piece,
)
from align_eval import SETS, SHARED, Tally

from flashgen.align import (
    ARTICLE_WEIGHTS,
    DEFAULT_WEIGHTS,
    DROPPING_WEIGHTS,
    FLAT_DROPPING_WEIGHTS,
    Weights,
    article_blocks,
    bead_confidence,
    block_spans,
    text_stats,
)
from flashgen.align.beads import Bead, align_once, scored_beads
from flashgen.align.cost import null_share, ratio_skew
from flashgen.align.fragments import en_pieces
from flashgen.types import Link


@dataclass(frozen=True)
class DocFeatures:
    """What a first alignment at today's prices shows of a whole document."""

    #: |log| of the whole text's byte ratio over the anchors' (a dropped sentence skews only the first)
    skew: float
    #: share of the links that leave a sentence alone
    nulls: float
    #: share of the pairs with a sentence on a many-sentence side that explains nothing of its own
    idle: float
    #: share of the pairs with more than one sentence on a side
    multi: float
    #: mean Gale–Church length cost of the pairs
    length: float
    #: share of the pairs scored below 0.5
    doubtful: float


@dataclass(frozen=True)
class Route:
    """One way through the aligner: its prices today, its cheaper ones, and how it aligns a document."""

    name: str
    now: Weights
    cheap: Weights
    aligner: Callable[[Weights], Aligner]


#: articles (``align_article``, the eleventh round) and flat text (``align --presplit``, the twelfth)
ROUTES = {
    "articles": Route("articles", ARTICLE_WEIGHTS, DROPPING_WEIGHTS, paragraphs),
    "flat": Route("flat", DEFAULT_WEIGHTS, FLAT_DROPPING_WEIGHTS, flat),
}


def doc_features(doc: Doc, route: Route) -> DocFeatures:
    """:class:`DocFeatures` of a document's first alignment at today's prices on ``route``."""
    if route.name == "flat":
        zh = [cached_zh(s) for s in doc[0]]
        en = [cached_en(s) for s in en_pieces(doc[1])[0]]
        stats = text_stats(zh, en)
        beads: list[Bead] = scored_beads(zh, en, route.now)
    else:
        blocks = [
            (block_zh, en_pieces(block_en)[0]) for block_zh, block_en in article_blocks(as_article(doc))
        ]
        zh = [cached_zh(s) for block_zh, _ in blocks for s in block_zh]
        en = [cached_en(s) for _, block_en in blocks for s in block_en]
        stats = text_stats(zh, en)
        beads = [
            bead
            for i0, i1, j0, j1 in block_spans(blocks)
            for bead in align_once(zh[i0:i1], en[j0:j1], route.now, stats.block(i0, i1, j0, j1))
        ]
    pairs = [features for _, features in beads if features is not None]
    n = max(1, len(pairs))
    return DocFeatures(
        skew=ratio_skew(zh, en, stats),
        nulls=null_share([features for _, features in beads]),
        idle=sum(f.idle > 0 for f in pairs) / n,
        multi=sum(f.extra > 0 for f in pairs) / n,
        length=sum(f.length for f in pairs) / n,
        doubtful=sum(bead_confidence(f) < 0.5 for f in pairs) / n,
    )


@dataclass(frozen=True)
class Row:
    """One document: where it comes from, its features, and its links at each price."""

    name: str
    variant: str
    seed: int
    half: int
    features: DocFeatures
    gold: list[Link]
    now: list[Link]
    cheap: list[Link]


def rows(
    which: int, seeds: Sequence[int], route: Route, plain_only: bool = False, size: int = 0
) -> list[Row]:
    """Each document of the half ``which``, or with ``size`` each piece of ``size`` gold links of it.

    Pieces stand for short articles: the first halves' documents are 80–530
    links long, an article often 20–60.  A piece is cut from the plain
    document and then derived, so its dropped sentences are its own.
    """
    now_aligner, cheap_aligner = route.aligner(route.now), route.aligner(route.cheap)
    found = []
    for name in SETS:
        for variant in ("plain",) if plain_only else ("plain", *VARIANTS):
            for seed in seeds if variant != "plain" else seeds[:1]:
                for doc in pieces(name, variant, seed, which, size):
                    found.append(
                        Row(
                            name,
                            variant,
                            seed,
                            which,
                            doc_features(doc, route),
                            doc[2],
                            now_aligner(doc),
                            cheap_aligner(doc),
                        )
                    )
                print(f"  half {which} {name}/{variant} seed {seed}", flush=True)
    return found


def pieces(name: str, variant: str, seed: int, which: int, size: int) -> list[Doc]:
    """The documents of a derived half (:func:`align_drops.derived_set`), or pieces of ``size`` links."""
    if not size:
        return derived_set(name, variant, seed, which)
    found = []
    for doc in derived_set(name, "plain", seed, which):
        for start in range(0, len(doc[2]) - size // 2, size):  # a short tail joins the piece before it
            stop = start + size if start + size + size // 2 <= len(doc[2]) else len(doc[2])
            cut = piece(doc, start, stop)
            found.append(cut if variant == "plain" else derive(cut, variant, seed))
            if stop == len(doc[2]):
                break
    return found


def logistic_fit(x: Sequence[Sequence[float]], y: Sequence[int], ridge: float = 1.0) -> list[float]:
    """Intercept and weights by Newton's method with a small ridge (features standardized first).

    The two classes weigh the same whatever their counts: the fitting set has
    three derived documents to each plain one, a proportion held-out text
    need not share, and a plain document given cheap prices costs more than
    a derived one left at today's gains.
    """
    import numpy as np

    a = np.hstack([np.ones((len(x), 1)), np.asarray(x, dtype=float)])
    t = np.asarray(y, dtype=float)
    positives = max(1.0, float(t.sum()))
    negatives = max(1.0, float(len(t) - t.sum()))
    c = np.where(t > 0, len(t) / (2 * positives), len(t) / (2 * negatives))
    w = np.zeros(a.shape[1])
    penalty = ridge * np.eye(a.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-a @ w))
        grad = a.T @ (c * (p - t)) + penalty @ w
        hess = a.T @ (a * (c * p * (1 - p))[:, None]) + penalty
        w -= np.linalg.solve(hess, grad)
    return [float(v) for v in w]


#: a model's inputs, by name: a :class:`DocFeatures` field, or one scaled by the square root of the
#: Chinese sentences (a short text's skew and null share are noisier), or the log of their number
COLUMNS: dict[str, Callable[[Row], float]] = {
    **{f.name: (lambda r, name=f.name: float(getattr(r.features, name))) for f in fields(DocFeatures)},
    "skew*sqrt n": lambda r: r.features.skew * math.sqrt(sentences(r)),
    "nulls*sqrt n": lambda r: r.features.nulls * math.sqrt(sentences(r)),
    "log n": lambda r: math.log(sentences(r)),
}
#: the columns :func:`flashgen.align.cost.prefers_cheaper` reads, in its order
LIBRARY_COLUMNS = ("skew", "skew*sqrt n", "nulls", "nulls*sqrt n", "log n")
#: the models tried: what they predict ("drops": a derived document; "gains": one the cheaper prices
#: align better) from which columns
CANDIDATES = [
    (label, columns)
    for label in ("drops", "gains")
    for columns in (
        ("skew",),
        ("nulls",),
        ("idle",),
        ("multi",),
        ("length",),
        ("doubtful",),
        ("skew*sqrt n",),
        ("skew", "skew*sqrt n"),
        ("skew", "log n"),
        ("skew*sqrt n", "log n"),
        ("skew", "nulls"),
        ("skew", "nulls", "idle"),
        ("skew*sqrt n", "nulls*sqrt n"),
        ("skew", "skew*sqrt n", "nulls", "nulls*sqrt n"),
        ("skew", "skew*sqrt n", "nulls", "nulls*sqrt n", "log n"),
        ("skew", "nulls", "idle", "multi", "length", "doubtful"),
    )
]
#: the model the rule chose on the first halves of each path (:func:`main`); its coefficients are
#: ``article.DROPPING_COEFFICIENTS`` and ``beads.FLAT_DROPPING_COEFFICIENTS``
CHOSEN = {"articles": ("gains", ("skew", "nulls")), "flat": ("gains", ("nulls",))}


def sentences(r: Row) -> int:
    """The document's Chinese sentences."""
    return max(1, sum(len(link.zh_ids) for link in r.gold))


@dataclass(frozen=True)
class Model:
    """A logistic over standardized columns (:data:`COLUMNS`): the chance the cheaper prices are right."""

    columns: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]

    def cheap(self, r: Row) -> bool:
        """Whether the document is aligned at the cheaper prices (a chance of 0.5 or more)."""
        return self.log_odds([COLUMNS[c](r) for c in self.columns]) >= 0.0

    def log_odds(self, values: Sequence[float]) -> float:
        """The log-odds of the columns' ``values`` as they are: each standardized as in the fit."""
        return self.coefficients[0] + sum(
            w * (v - m) / s
            for w, v, m, s in zip(self.coefficients[1:], values, self.mean, self.scale, strict=True)
        )

    def raw(self) -> list[float]:
        """The coefficients as :func:`flashgen.align.cost.prefers_cheaper` takes them, unstandardized.

        The intercept, then a weight for each of its columns (:data:`LIBRARY_COLUMNS`), 0 for those
        the model does not read.
        """
        weights = {c: w / s for c, w, s in zip(self.columns, self.coefficients[1:], self.scale, strict=True)}
        intercept = self.coefficients[0] - sum(
            weights[c] * m for c, m in zip(self.columns, self.mean, strict=True)
        )
        return [intercept, *(weights.get(c, 0.0) for c in LIBRARY_COLUMNS)]


def gains(r: Row) -> bool:
    """Whether the cheaper prices align the document better (exact-bead F1)."""
    now, cheap = Tally(), Tally()
    now.add(r.now, r.gold)
    cheap.add(r.cheap, r.gold)
    return cheap.bead()[2] > now.bead()[2]


def fit_model(train: Sequence[Row], columns: Sequence[str], label: str, ridge: float) -> Model:
    """A :class:`Model` of ``label`` ("drops" or "gains") on ``columns``, fitted on standardized
    columns so that the ridge weighs each alike whatever its unit."""
    values = [[COLUMNS[c](r) for c in columns] for r in train]
    mean = [sum(col) / len(col) for col in zip(*values, strict=True)]
    scale = [
        max(1e-9, math.sqrt(sum((v - m) ** 2 for v in col) / len(col)))
        for col, m in zip(zip(*values, strict=True), mean, strict=True)
    ]
    x = [[(v - m) / s for v, m, s in zip(row, mean, scale, strict=True)] for row in values]
    y = [r.variant != "plain" if label == "drops" else gains(r) for r in train]
    return Model(tuple(columns), tuple(mean), tuple(scale), tuple(logistic_fit(x, y, ridge)))


def score(found: Sequence[Row], choose: Sequence[bool]) -> dict[tuple[str, str, int], Tally]:
    """Each (set, variant, seed)'s tally with every document aligned at the prices chosen for it."""
    tallies: dict[tuple[str, str, int], Tally] = {}
    for r, cheap in zip(found, choose, strict=True):
        tallies.setdefault((r.name, r.variant, r.seed), Tally()).add(r.cheap if cheap else r.now, r.gold)
    return tallies


@dataclass(frozen=True)
class Summary:
    """Mean exact-bead F1 and share found over the derived sets (all, drop, merge), and plain F1 per set."""

    derived: tuple[float, float]
    drop: tuple[float, float]
    merge: tuple[float, float]
    plain: dict[str, float]
    cheap: int
    cheap_plain: int
    documents: int
    plain_documents: int

    def line(self) -> str:
        cells = [
            f"{label} {f:.4f} / {n:.3f}"
            for label, (f, n) in (("derived", self.derived), ("drop", self.drop), ("merge", self.merge))
            if n == n  # not NaN: the whole plain sets have no derived ones
        ]
        return (
            "  ".join(cells)
            + "  plain "
            + " ".join(f"{n} {f:.3f}" for n, f in self.plain.items())
            + f"  cheap {self.cheap}/{self.documents} (plain {self.cheap_plain}/{self.plain_documents})"
        )


def summarize(found: Sequence[Row], choose: Sequence[bool]) -> Summary:
    """The :class:`Summary` of the documents, each aligned at the prices ``choose`` gives it."""
    tallies = score(found, choose)

    def mean(keep: Callable[[str], bool]) -> tuple[float, float]:
        ts = [t for (_, v, _), t in tallies.items() if keep(v)]
        if not ts:
            return math.nan, math.nan
        return sum(t.bead()[2] for t in ts) / len(ts), sum(t.null_recall() for t in ts) / len(ts)

    plain = [cheap for r, cheap in zip(found, choose, strict=True) if r.variant == "plain"]
    return Summary(
        mean(lambda v: v != "plain"),
        mean(lambda v: v in ("en-drop", "zh-drop")),
        mean(lambda v: v == "en-merge"),
        {n: t.bead()[2] for (n, v, _), t in tallies.items() if v == "plain"},
        sum(choose),
        sum(plain),
        len(found),
        len(plain),
    )


def keeps(now: Summary, chosen: Summary, slack: float = 0.002) -> bool:
    """Whether every plain set stays within ``slack`` of now (the rule)."""
    return all(chosen.plain[name] >= f - slack - 1e-9 for name, f in now.plain.items())


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/align_docprices"))
    parser.add_argument("--held-out", action="store_true", help="also score the second halves, seeds 1-5")
    parser.add_argument("--compute", type=int, default=-1, help="only compute and keep the rows of this half")
    parser.add_argument(
        "--sizes", default="0,20,40,80", help="documents whole (0) or in pieces of so many links"
    )
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--flat", action="store_true", help="the flat path (align --presplit), not articles")
    parser.add_argument(
        "--cheap",
        default="",
        help="other cheaper prices to try, as Weights fields: null=0.304,merge=0.5 (kept apart)",
    )
    args = parser.parse_args(argv)
    route = ROUTES["flat" if args.flat else "articles"]
    tried = {key: float(value) for key, value in (item.split("=") for item in args.cheap.split(",") if item)}
    route = replace(route, cheap=replace(route.cheap, **tried))
    stem = args.cache.with_name(
        args.cache.name
        + ("" if route.name == "articles" else f".{route.name}")
        + "".join(f".{key}{value}" for key, value in tried.items())
    )
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to fit")
        return 0
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.compute >= 0:
        for size in sizes if args.compute else [0]:
            cached(stem, route, args.compute, size)
        return 0
    train = {size: cached(stem, route, 1, size) for size in sizes}
    pooled = [r for rows_ in train.values() for r in rows_]
    now = {size: summarize(found, [False] * len(found)) for size, found in train.items()}
    for size, found in train.items():
        print(f"first halves, size {size or 'whole'}:", flush=True)
        print(f"  now                {now[size].line()}")
        print(f"  cheap everywhere   {summarize(found, [True] * len(found)).line()}")
        print(f"  cheap where drops  {summarize(found, [r.variant != 'plain' for r in found]).line()}")
    for label, columns in CANDIDATES:
        model = fit_model(pooled, columns, label, args.ridge)
        chosen = {size: summarize(found, [model.cheap(r) for r in found]) for size, found in train.items()}
        passes = all(keeps(now[size], chosen[size]) for size in sizes)
        mean = sum(c.derived[0] for c in chosen.values()) / len(chosen)
        print(
            f"{label} on {', '.join(columns)}: mean derived F1 {mean:.5f}, {'passes' if passes else 'fails'}"
        )
        for size in sizes:
            print(f"  size {size or 'whole':5} {chosen[size].line()}", flush=True)
    label, columns = CHOSEN[route.name]
    model = fit_model(pooled, columns, label, args.ridge)
    print(
        f"chosen: {label} on {', '.join(columns)}; raw coefficients "
        + " ".join(f"{c:.4f}" for c in model.raw())
    )
    if args.held_out:
        for size in sizes:
            held = cached(stem, route, 2, size)
            print(f"second halves, seeds 1-5, size {size or 'whole'}:")
            print(f"  now    {summarize(held, [False] * len(held)).line()}")
            print(f"  chosen {summarize(held, [model.cheap(r) for r in held]).line()}", flush=True)
        whole = cached(stem, route, 0)
        print("the whole plain sets:")
        print(f"  now    {summarize(whole, [False] * len(whole)).line()}")
        print(f"  chosen {summarize(whole, [model.cheap(r) for r in whole]).line()}", flush=True)
    return 0


def cached(stem: Path, route: Route, which: int, size: int = 0) -> list[Row]:
    """The rows of one half (1: seed 1; 2: seeds 1-5; 0: the whole plain sets), computed once and kept."""
    path = stem.with_name(f"{stem.name}.half{which}{f'.size{size}' if size else ''}.pickle")
    if path.exists():
        found: list[Row] = pickle.loads(path.read_bytes())
        return found
    seeds = [FIT_SEED] if which != 2 else [1, 2, 3, 4, 5]
    found = rows(which, seeds, route, plain_only=which == 0, size=size)
    path.write_bytes(pickle.dumps(found))
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
