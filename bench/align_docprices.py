"""Choose the bead prices per document from what a first alignment shows (issue 12, eleventh round).

Every round so far met one frontier: cheaper nulls find more dropped
sentences on the derived sets but cost the plain ones, whose true 1-2 beads
lose their free half.  The plain sets rarely drop a sentence and the derived
sets drop about 12 %, so whether a text drops sentences may be visible over
the whole document even where no single bead shows it.  Here a document is
aligned as an article (:func:`align_drops.paragraphs`) at today's prices;
a few document-level features are read off that first alignment
(:class:`DocFeatures`); a logistic regression fitted on the first halves
(plain and derived with ``align_drops.FIT_SEED``) says whether the document
drops sentences; where it says so, the document is aligned again at cheaper
prices (by default the ninth round's perceptron vector).

Rule set before the second halves were looked at (the ninth round's): ship
only if the derived first halves improve and every plain first half, as an
article, stays within 0.002 of now.  Then the second halves (seeds 1–5) and
the plain sets whole are reported.

Run ``python bench/align_docprices.py [--cache FILE] [--held-out]``.
"""

from __future__ import annotations

import argparse
import math
import pickle
import sys
from collections.abc import Sequence
from dataclasses import astuple, dataclass, replace
from pathlib import Path

from align_drops import FIT_SEED, VARIANTS, Doc, as_article, cached_en, cached_zh, derived_set, paragraphs
from align_eval import SETS, SHARED, Tally

from flashgen.align import ARTICLE_WEIGHTS, Weights, article_blocks, bead_confidence, block_spans, text_stats
from flashgen.align.beads import align_once
from flashgen.align.cost import byte_ratio
from flashgen.align.fragments import en_pieces
from flashgen.types import Link

#: the ninth round's perceptron fit (rate 0.01, plain step 2, six epochs), the other prices as now
CHEAP = replace(ARTICLE_WEIGHTS, lexical=0.869, length=0.094, merge=0.363, many=0.129, null=0.304)


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


def doc_features(doc: Doc) -> DocFeatures:
    """:class:`DocFeatures` of a document aligned as an article at today's prices (first pass)."""
    lines = article_blocks(as_article(doc))
    blocks = [(zh, en_pieces(en)[0]) for zh, en in lines]
    zh = [cached_zh(s) for block_zh, _ in blocks for s in block_zh]
    en = [cached_en(s) for _, block_en in blocks for s in block_en]
    stats = text_stats(zh, en)
    beads = [
        bead
        for i0, i1, j0, j1 in block_spans(blocks)
        for bead in align_once(zh[i0:i1], en[j0:j1], ARTICLE_WEIGHTS, stats.block(i0, i1, j0, j1))
    ]
    pairs = [features for _, features in beads if features is not None]
    n = max(1, len(pairs))
    return DocFeatures(
        skew=abs(math.log(byte_ratio(zh, en) / stats.ratio)) if zh and en else 0.0,
        nulls=sum(features is None for _, features in beads) / max(1, len(beads)),
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


def rows(which: int, seeds: Sequence[int], cheap: Weights, plain_only: bool = False) -> list[Row]:
    now_aligner, cheap_aligner = paragraphs(), paragraphs(cheap)
    found = []
    for name in SETS:
        for variant in ("plain",) if plain_only else ("plain", *VARIANTS):
            for seed in seeds if variant != "plain" else seeds[:1]:
                for doc in derived_set(name, variant, seed, which):
                    found.append(
                        Row(
                            name,
                            variant,
                            seed,
                            which,
                            doc_features(doc),
                            doc[2],
                            now_aligner(doc),
                            cheap_aligner(doc),
                        )
                    )
                print(f"  half {which} {name}/{variant} seed {seed}", flush=True)
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


@dataclass(frozen=True)
class Model:
    """A logistic over standardized :class:`DocFeatures`: the chance that a document drops sentences."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    fields: tuple[int, ...]

    def chance(self, features: DocFeatures) -> float:
        values = astuple(features)
        z = self.coefficients[0] + sum(
            w * (values[k] - m) / s
            for w, k, m, s in zip(self.coefficients[1:], self.fields, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z))


def gains(r: Row) -> bool:
    """Whether the cheaper prices align the document better (exact-bead hits less links predicted)."""
    now, cheap = Tally(), Tally()
    now.add(r.now, r.gold)
    cheap.add(r.cheap, r.gold)
    return cheap.bead()[2] > now.bead()[2]


def fit_model(train: Sequence[Row], fields: Sequence[int], ridge: float, label: str = "drops") -> Model:
    values = [[astuple(r.features)[k] for k in fields] for r in train]
    mean = [sum(col) / len(col) for col in zip(*values, strict=True)]
    scale = [
        max(1e-9, math.sqrt(sum((v - m) ** 2 for v in col) / len(col)))
        for col, m in zip(zip(*values, strict=True), mean, strict=True)
    ]
    x = [[(v - m) / s for v, m, s in zip(row, mean, scale, strict=True)] for row in values]
    y = [r.variant != "plain" if label == "drops" else gains(r) for r in train]
    coefficients = logistic_fit(x, y, ridge)
    return Model(tuple(mean), tuple(scale), tuple(coefficients), tuple(fields))


def score(found: Sequence[Row], choose: dict[int, bool]) -> dict[tuple[str, str, int], Tally]:
    """Each (set, variant, seed)'s tally with every document aligned at the prices chosen for it."""
    tallies: dict[tuple[str, str, int], Tally] = {}
    for k, r in enumerate(found):
        tallies.setdefault((r.name, r.variant, r.seed), Tally()).add(r.cheap if choose[k] else r.now, r.gold)
    return tallies


def summary(label: str, found: Sequence[Row], choose: dict[int, bool]) -> None:
    tallies = score(found, choose)
    derived = [t for (_, v, _), t in tallies.items() if v != "plain"]
    drop = [t for (_, v, _), t in tallies.items() if v in ("en-drop", "zh-drop")]
    merge = [t for (_, v, _), t in tallies.items() if v == "en-merge"]
    plain = {n: t.bead()[2] for (n, v, _), t in tallies.items() if v == "plain"}
    cheap = sum(choose.values())

    def mean(ts: Sequence[Tally]) -> str:
        return f"{sum(t.bead()[2] for t in ts) / len(ts):.4f} / {sum(t.null_recall() for t in ts) / len(ts):.3f}"

    plain_docs = [k for k, r in enumerate(found) if r.variant == "plain"]
    print(
        f"{label:34} derived {mean(derived)}  drop {mean(drop)}  merge {mean(merge)}  plain "
        + " ".join(f"{n} {f:.3f}" for n, f in plain.items())
        + f"  cheap docs {cheap}/{len(found)} (plain {sum(choose[k] for k in plain_docs)}/{len(plain_docs)})",
        flush=True,
    )


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/align_docprices"))
    parser.add_argument("--held-out", action="store_true", help="also score the second halves, seeds 1-5")
    parser.add_argument("--compute", default="", help="only compute and keep the rows of this half")
    parser.add_argument("--show", action="store_true", help="print every fitting document's features")
    parser.add_argument("--label", choices=("drops", "gains"), default="drops", help="what the model predicts")
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to fit")
        return 0
    if args.compute:
        cached(args.cache, int(args.compute))
        return 0
    train = cached(args.cache, 1)
    names = [f.name for f in fields_of_features()]
    every = {k: False for k in range(len(train))}
    summary("now", train, every)
    summary("cheap everywhere", train, {k: True for k in every})
    summary("oracle (cheap on derived)", train, {k: r.variant != "plain" for k, r in enumerate(train)})
    for r in train if args.show else ():
        print(f"  {r.name:8} {r.variant:9} " + " ".join(f"{n} {v:.3f}" for n, v in zip(names, astuple(r.features), strict=True)))
    models = {
        "all": tuple(range(len(names))),
        "skew+nulls": (0, 1),
        "skew+nulls+idle": (0, 1, 2),
        **{n: (k,) for k, n in enumerate(names)},
    }
    for label, fields in models.items():
        model = fit_model(train, fields, args.ridge, args.label)
        choose = {k: model.chance(r.features) >= args.threshold for k, r in enumerate(train)}
        summary(f"model {label}", train, choose)
        print("   coefficients " + " ".join(f"{c:.3f}" for c in model.coefficients), flush=True)
    if args.held_out:
        held = cached(args.cache, 2)
        whole = cached(args.cache, 0)
        for label, fields in CHOSEN:
            model = fit_model(train, fields, args.ridge, label)
            print(f"held out: {label} on " + ",".join(names[k] for k in fields), flush=True)
            for found in (held, whole):
                summary(f"  half {found[0].half} now", found, {k: False for k in range(len(found))})
                summary(
                    f"  half {found[0].half} chosen",
                    found,
                    {k: model.chance(r.features) >= args.threshold for k, r in enumerate(found)},
                )
    return 0


#: the fits the rule chose on the first halves (the best derived F1 among those that keep the plain
#: first halves; the tie broken by the fewest features), then the runner-up of the other label
CHOSEN = (("drops", (0,)), ("gains", (0, 1, 2)))


def cached(stem: Path, which: int) -> list[Row]:
    """The rows of one half (first: seed 1; second: seeds 1-5), computed once and kept in a file."""
    path = stem.with_suffix(f".half{which}.pickle")
    if path.exists():
        found: list[Row] = pickle.loads(path.read_bytes())
        return found
    found = rows(which, [FIT_SEED] if which != 2 else [1, 2, 3, 4, 5], CHEAP, plain_only=which == 0)
    path.write_bytes(pickle.dumps(found))
    return found


def fields_of_features():  # type: ignore[no-untyped-def]
    from dataclasses import fields

    return fields(DocFeatures)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
