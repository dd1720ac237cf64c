"""Score the aligner on translations that drop and merge sentences (issue 12).

Real translations leave sentences out; the hand-aligned sets of
``../shared/align/`` almost never do, so this bench derives sets that do, with
a fixed seed, and fixes their gold to match:

- ``en-drop``: 10–15 % of the English sentences removed at random; the
  remaining ids are renumbered, a link that loses all its English becomes one
  ``[i]:[]`` per Chinese sentence, a ``[]:[j]`` link of a removed ``j`` goes;
- ``zh-drop``: the same on the Chinese side;
- ``en-merge``: about 12 % of the English dropped, then about 25 % of the
  adjacent English pairs joined into one sentence (their text concatenated;
  the links holding the two halves, and any Chinese-only links between them,
  become one link).

Every document is aligned flat through :func:`flashgen.align.align_features`
(the ``--presplit`` path) and, with ``--paragraphs``, as an article of
paragraphs of 4 gold links through :func:`flashgen.align.align_article`, so
dropped sentences also sit at paragraph edges.  Scores are
:mod:`align_eval`'s (:class:`align_eval.Tally`: exact-bead and strict F1, the
share of gold null links found exactly, and a reliability table: for
predicted pairs with both sides, by confidence, the share exactly right).

Run ``python bench/align_drops.py [--seeds 1,2,3] [--paragraphs] [SET/VARIANT ...]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from align_eval import SETS, SHARED, Tally, documents, print_reliability

from flashgen.align import (
    EnSentence,
    Weights,
    ZhSentence,
    align_article,
    align_lines,
    en_features,
    zh_features,
)
from flashgen.types import Article, Link, ParagraphPair

VARIANTS = ("en-drop", "zh-drop", "en-merge")
#: the sets the aligner's null prices and confidence were fitted on (the "fit" column); the others
#: are held out.  The orphan model and the price of punctuation marks were fitted on the first half
#: of every document of the four sets: ``--half 2`` is their held-out check.
FIT_SETS = ("mac-dev", "pol")
FIT_SEED = 1

Doc = tuple[list[str], list[str], list[Link]]


# ---------------------------------------------------------------- deriving the sets


def _flip(links: Iterable[Link]) -> list[Link]:
    """Links with the two sides swapped (so one function edits either side)."""
    return [Link(link.en_ids, link.zh_ids, link.score) for link in links]


def drop(sentences: Sequence[str], links: Sequence[Link], gone: set[int]) -> tuple[list[str], list[Link]]:
    """Remove the ``zh_ids`` sentences ``gone`` (the side to edit is the links' first one).

    Ids are renumbered; a link left with nothing on this side becomes one null
    link per sentence of the other side, in order; a link with nothing left
    at all disappears.
    """
    new_id = {}
    for old in range(len(sentences)):
        if old not in gone:
            new_id[old] = len(new_id)
    fixed: list[Link] = []
    for link in links:
        mine = tuple(new_id[i] for i in link.zh_ids if i not in gone)
        if mine:
            fixed.append(Link(mine, link.en_ids))
        elif link.zh_ids:  # it lost all of this side: its other side stands alone
            fixed += [Link((), (j,)) for j in link.en_ids]
        else:
            fixed.append(link)
    return [s for k, s in enumerate(sentences) if k not in gone], fixed


def merge(sentences: Sequence[str], links: Sequence[Link], starts: set[int]) -> tuple[list[str], list[Link]]:
    """Join sentence ``k`` and ``k + 1`` for each ``k`` in ``starts`` (disjoint pairs), on the first side.

    The joined sentence is both texts with a space between; the links that
    held the two halves, and any links between them with nothing on this
    side, become one link.
    """
    new_id, text = [], []
    for k, sentence in enumerate(sentences):
        if k - 1 in starts:
            text[-1] = f"{text[-1]} {sentence}"
            new_id.append(len(text) - 1)
        else:
            new_id.append(len(text))
            text.append(sentence)
    fixed: list[Link] = []
    open_id = -1  # the renumbered id the last link with this side ended on
    pending: list[Link] = []  # links with nothing on this side since then
    for link in links:
        mine = tuple(dict.fromkeys(new_id[i] for i in link.zh_ids))
        if not mine:
            pending.append(link)
            continue
        if mine[0] == open_id:  # continues the previous link's last sentence: one link
            last = fixed.pop()
            others = [*last.en_ids, *(j for p in pending for j in p.en_ids), *link.en_ids]
            fixed.append(Link(tuple(dict.fromkeys((*last.zh_ids, *mine))), tuple(others)))
        else:
            fixed += pending
            fixed.append(Link(mine, link.en_ids))
        pending = []
        open_id = mine[-1]
    return text, fixed + pending


def derive(doc: Doc, variant: str, seed: int) -> Doc:
    """One document of a derived set; the same (document, variant, seed) always gives the same one."""
    zh, en, gold = doc
    rng = random.Random(f"{seed}/{variant}/{len(zh)}/{len(en)}/{zh[:1]}")
    side_en = variant.startswith("en")
    mine, theirs, links = (en, zh, _flip(gold)) if side_en else (zh, en, list(gold))
    rate = 0.12 if variant == "en-merge" else rng.uniform(0.10, 0.15)
    mine, links = drop(mine, links, set(rng.sample(range(len(mine)), round(rate * len(mine)))))
    if variant == "en-merge":
        starts: set[int] = set()
        candidates = list(range(len(mine) - 1))
        rng.shuffle(candidates)
        for k in candidates:
            if len(starts) >= round(0.25 * (len(mine) - 1)):
                break
            if not {k - 1, k, k + 1} & starts:
                starts.add(k)
        mine, links = merge(mine, links, starts)
    return (list(theirs), list(mine), _flip(links)) if side_en else (list(mine), list(theirs), links)


def half(doc: Doc, which: int) -> Doc:
    """The first (``which`` 1) or second (2) half of a document's gold links, ids from 0.

    Three of the four sets are one document each, so a model fitted on some
    documents and checked on others is fitted on the first half of every
    document and checked on the second halves (``--half``).
    """
    cut = len(doc[2]) // 2
    return piece(doc, 0, cut) if which == 1 else piece(doc, cut, len(doc[2]))


def piece(doc: Doc, start: int, stop: int) -> Doc:
    """The document made of its gold links ``start`` to ``stop`` (and their sentences), ids from 0."""
    zh, en, gold = doc
    links = gold[start:stop]
    i0 = sum(len(link.zh_ids) for link in gold[:start])
    j0 = sum(len(link.en_ids) for link in gold[:start])
    i1 = i0 + sum(len(link.zh_ids) for link in links)
    j1 = j0 + sum(len(link.en_ids) for link in links)
    moved = [Link(tuple(i - i0 for i in link.zh_ids), tuple(j - j0 for j in link.en_ids)) for link in links]
    return zh[i0:i1], en[j0:j1], moved


@cache
def _base(name: str, which: int) -> tuple[Doc, ...]:
    docs = documents(name)
    return tuple(docs if not which else (half(doc, which) for doc in docs))


def derived_set(name: str, variant: str, seed: int, which: int = 0) -> list[Doc]:
    """Every document of a shared set, derived (``variant`` "plain" leaves it as it is).

    ``which`` 1 or 2 keeps only the first or second half of every document (:func:`half`).
    """
    if variant == "plain":
        return list(_base(name, which))
    return [derive(doc, variant, seed) for doc in _base(name, which)]


# ---------------------------------------------------------------- scoring


Aligner = Callable[[Doc], list[Link]]


@cache
def cached_zh(sentence: str) -> ZhSentence:
    """A sentence's features, computed once however many derived sets hold it."""
    return zh_features(sentence)


@cache
def cached_en(sentence: str) -> EnSentence:
    """See :func:`cached_zh`."""
    return en_features(sentence)


def flat(weights: Weights | None = None) -> Aligner:
    """Align a document as ``flashgen align --presplit`` does, features computed once per sentence.

    ``weights`` None: the prices the text chooses for itself (:func:`flashgen.align.align_features`).
    """
    return lambda doc: align_lines(doc[0], doc[1], weights, cached_zh, cached_en)


def as_article(doc: Doc) -> Article:
    """A document as an article of paragraphs of 4 gold links (dropped sentences at their edges)."""
    zh, en, gold = doc
    groups = [gold[k : k + 4] for k in range(0, len(gold), 4)]
    return Article(
        "",
        "",
        tuple(
            ParagraphPair(
                en=tuple(en[j] for link in group for j in link.en_ids),
                zh=tuple(zh[i] for link in group for i in link.zh_ids),
            )
            for group in groups
        ),
    )


def paragraphs(weights: Weights | None = None) -> Aligner:
    """Align a document as an article (:func:`as_article`) through ``align_article``.

    ``weights`` None: the prices the article chooses for itself (:func:`flashgen.align.drops_sentences`).
    """
    return lambda doc: [Link(p.zh_ids, p.en_ids, p.score) for p in align_article(as_article(doc), weights)]


def tally(docs: Iterable[Doc], aligner: Aligner) -> Tally:
    total = Tally()
    for doc in docs:
        total.add(aligner(doc), doc[2])
    return total


def print_means(means: dict[tuple[str, str], list[tuple[float, float]]]) -> None:
    """The mean over derived sets of exact-bead F1 and of dropped sentences found, per mode.

    The headline figures of each round; each set and seed counts once,
    whatever its size, as the figures in ``docs/alignment.md`` have always
    been taken.
    """
    for mode in dict.fromkeys(mode for mode, _ in means):
        groups = {
            "drop": [x for (m, v), xs in means.items() if m == mode and v != "en-merge" for x in xs],
            "merge": [x for (m, v), xs in means.items() if m == mode and v == "en-merge" for x in xs],
        }
        groups["all"] = groups["drop"] + groups["merge"]
        cells = [
            f"{label} F1 {sum(f for f, _ in xs) / len(xs):.4f} found {sum(n for _, n in xs) / len(xs):.3f}"
            for label, xs in groups.items()
            if xs
        ]
        print(f"mean of the derived sets, {mode}: " + ";  ".join(cells))


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="SET/VARIANT, e.g. pol/en-drop (default: all)")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--paragraphs", action="store_true", help="also align as paragraphed articles")
    parser.add_argument(
        "--half", type=int, default=0, choices=(0, 1, 2), help="only this half of every document"
    )
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to evaluate")
        return 0
    seeds = [int(s) for s in args.seeds.split(",")]
    wanted = args.sets or [f"{name}/{variant}" for name in SETS for variant in ("plain", *VARIANTS)]
    modes: list[tuple[str, Aligner]] = [("flat", flat())]
    if args.paragraphs:
        modes.append(("para", paragraphs()))
    print(
        f"{'set':18} {'seed':>4} {'mode':4} {'fit?':4} {'links':>6} {'nulls':>5} {'bead F1':>7} {'strict':>6}"
        f" {'nulls found':>11} {'null P':>6} {'≥0.5 right':>10} {'≥0.9 right':>10}"
    )
    pools: dict[str, list[Tally]] = {"fitted on": [], "held out": [], "plain": []}
    # (mode, variant) → (exact-bead F1, share of dropped sentences found) of each derived set
    means: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for spec in wanted:
        name, variant = spec.split("/")
        for seed in seeds if variant != "plain" else seeds[:1]:
            docs = derived_set(name, variant, seed, args.half)
            for mode, aligner in modes:
                t = tally(docs, aligner)
                fit = name in FIT_SETS and seed == FIT_SEED and variant != "plain"
                pools["plain" if variant == "plain" else "fitted on" if fit else "held out"].append(t)
                if variant != "plain":
                    means.setdefault((mode, variant), []).append((t.bead()[2], t.null_recall()))
                above5, above9 = t.right_above(0.5), t.right_above(0.9)
                print(
                    f"{spec:18} {seed if variant != 'plain' else '-':>4} {mode:4} {'fit' if fit else '':4}"
                    f" {t.gold_all:6} {t.gold_nulls:5} {t.bead()[2]:7.3f} {t.strict()[2]:6.3f}"
                    f" {t.null_recall():11.3f} {t.null_precision():6.3f}"
                    f" {above5[0]:6.3f}/{above5[1]:<4} {above9[0]:6.3f}/{above9[1]:<4}",
                    flush=True,
                )
    print_means(means)
    for label, pooled in pools.items():
        if pooled:
            print_reliability(
                f"{label} ({'derived sets' if label != 'plain' else 'the shared sets'})",
                [x for t in pooled for x in t.scored],
                [x for t in pooled for x in t.disjoint],
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
