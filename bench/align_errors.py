"""What the aligner gets wrong on texts that drop and merge sentences, sorted into kinds (issue 12).

Every document of a derived set (``bench/align_drops.py``) is aligned as an
article of paragraphs of 4 gold links (the path a card's sentences take), and
its links are cut into *regions*: the shortest stretches whose two ends the
aligner and the gold agree on.  A region where they differ is one error, of
one kind (:func:`kind`):

- ``orphan glued``: a gold null link (a sentence the translator dropped) is in
  the region and the aligner left no sentence alone there;
- ``orphan found, neighbour wrong``: both left a sentence alone there, but not
  the same sentences, or the beads around it differ;
- ``false null``: the aligner left alone a sentence the gold pairs;
- ``merge split``: a gold many-sentence bead read as more beads, no null involved;
- ``neighbours merged``: gold beads read as fewer;
- ``boundary shifted``: as many beads, their boundary elsewhere;

with ``+ cascade`` when the region spans three gold links or more.  Only the
first halves (``--half 1``, the default) are looked at: the second halves are
the held-out check.

With ``--flat`` the documents are aligned flat, as ``flashgen align --presplit`` does.

Run ``python bench/align_errors.py [--half 1] [--seeds 1] [--flat] [--show N] [SET/VARIANT ...]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence

from align_drops import VARIANTS, Doc, derived_set, flat, paragraphs
from align_eval import SETS, SHARED

from flashgen.types import Link

Region = tuple[list[Link], list[Link]]


def _ends(links: Sequence[Link]) -> list[tuple[int, int]]:
    """The (Chinese, English) sentence counts after each link: where its boundaries fall."""
    i = j = 0
    ends = []
    for link in links:
        i, j = i + len(link.zh_ids), j + len(link.en_ids)
        ends.append((i, j))
    return ends


def regions(predicted: Sequence[Link], gold: Sequence[Link]) -> list[Region]:
    """The stretches between boundaries both alignments share, where they differ (gold, predicted)."""
    shared = set(_ends(predicted)) & set(_ends(gold))
    found: list[Region] = []
    run_p: list[Link] = []
    run_g: list[Link] = []
    p_ends, g_ends = _ends(predicted), _ends(gold)
    p = g = 0
    while p < len(predicted) or g < len(gold):
        # advance whichever side is behind; a null link leaves (i, j) ordering ambiguous, so
        # take gold first on ties: both stop at the next shared boundary anyway
        if g < len(gold) and (p >= len(predicted) or g_ends[g] <= p_ends[p]):
            run_g.append(gold[g])
            g += 1
        else:
            run_p.append(predicted[p])
            p += 1
        edge_g = g_ends[g - 1] if g else (0, 0)
        edge_p = p_ends[p - 1] if p else (0, 0)
        if edge_g == edge_p and edge_g in shared and run_g and run_p:
            if [(x.zh_ids, x.en_ids) for x in run_g] != [(x.zh_ids, x.en_ids) for x in run_p]:
                found.append((run_g, run_p))
            run_g, run_p = [], []
    return found


def _null(link: Link) -> bool:
    return not (link.zh_ids and link.en_ids)


def _clean_glue(region: Region) -> bool:
    """Whether splitting the gold's orphans off the ends of the predicted beads gives the gold exactly.

    Such an error is one the orphan model (:mod:`flashgen.align.nulls`) could
    fix alone; any other needs the bead search to draw other boundaries.
    """
    gold, predicted = region
    pairs = [(g.zh_ids, g.en_ids) for g in gold if not _null(g)]
    orphan_zh = {i for g in gold if _null(g) for i in g.zh_ids}
    orphan_en = {j for g in gold if _null(g) for j in g.en_ids}
    pairs_got = [link for link in predicted if not _null(link)]
    rebuilt = [(_trim(link.zh_ids, orphan_zh), _trim(link.en_ids, orphan_en)) for link in pairs_got]
    return rebuilt == pairs


def _trim(ids: Sequence[int], orphans: set[int]) -> tuple[int, ...]:
    """``ids`` less the orphans at either end (never all of them)."""
    kept = list(ids)
    while len(kept) > 1 and kept[-1] in orphans:
        kept.pop()
    while len(kept) > 1 and kept[0] in orphans:
        kept.pop(0)
    return tuple(kept)


def kind(region: Region) -> str:
    """Which kind of error a region is (see the module's docstring)."""
    gold, predicted = region
    gold_nulls, predicted_nulls = sum(map(_null, gold)), sum(map(_null, predicted))
    if gold_nulls and not predicted_nulls:
        name = "orphan glued" + ("" if _clean_glue(region) else " (not at an edge)")
    elif gold_nulls:
        name = "orphan found, neighbour wrong"
    elif predicted_nulls:
        name = "false null"
    elif len(predicted) > len(gold):
        name = "merge split"
    elif len(predicted) < len(gold):
        name = "neighbours merged"
    else:
        name = "boundary shifted"
    return name + (" + cascade" if len(gold) >= 3 else "")


def _show(doc: Doc, region: Region) -> str:
    zh, en, _ = doc
    lines = []
    for label, links in (("gold", region[0]), ("got ", region[1])):
        for link in links:
            lines.append(f"  {label} {list(link.zh_ids)}:{list(link.en_ids)} {link.score:.2f}")
    ids_zh = sorted({i for links in region for link in links for i in link.zh_ids})
    ids_en = sorted({j for links in region for link in links for j in link.en_ids})
    lines += [f"    zh{i}: {zh[i][:90]}" for i in ids_zh] + [f"    en{j}: {en[j][:120]}" for j in ids_en]
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="SET/VARIANT (default: every set, every variant)")
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--half", type=int, default=1, choices=(0, 1, 2))
    parser.add_argument("--show", type=int, default=0, help="print this many errors of each kind")
    parser.add_argument("--flat", action="store_true", help="align flat (--presplit), not as articles")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to analyse")
        return 0
    wanted = args.sets or [f"{name}/{variant}" for name in SETS for variant in VARIANTS]
    aligner = flat() if args.flat else paragraphs()
    total: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for spec in wanted:
        name, variant = spec.split("/")
        kinds: Counter[str] = Counter()
        for seed in (int(s) for s in args.seeds.split(",")):
            for doc in derived_set(name, variant, seed, args.half):
                for region in regions(aligner(doc), doc[2]):
                    k = kind(region)
                    kinds[k] += 1
                    if shown[k] < args.show:
                        shown[k] += 1
                        print(f"--- {spec} seed {seed}: {k}\n{_show(doc, region)}")
        total += kinds
        print(f"{spec:18} " + "  ".join(f"{k}: {n}" for k, n in kinds.most_common()), flush=True)
    print("\nall: " + "  ".join(f"{k}: {n}" for k, n in total.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
