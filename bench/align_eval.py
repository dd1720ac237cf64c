"""Score the sentence aligner on the hand-aligned sets in ``../shared/align/``.

Every document goes through the same path as ``flashgen align --presplit``:
the two files are read one sentence per line and handed to
:func:`flashgen.align.align`.  Scores follow ``../shared/align/README.md``:

- strict: precision = hits / predicted links (nulls included), recall = hits /
  gold links with both sides non-empty;
- exact-bead: precision = hits / predicted, recall = hits / gold, nulls included;

pooled over all documents of a set; then a reliability table of the
confidence (:class:`Tally`, :func:`print_reliability`): for predicted pairs
with both sides, by score, the share exactly right.  ``bench/align_drops.py``
scores derived sets that drop and merge sentences the same way.

Run ``python bench/align_eval.py [SET ...]``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flashgen.align import align, parse_links
from flashgen.types import Link

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "align"
SETS = ("mac-dev", "pol", "aca", "mag")
#: strict F1 published for MAC-dev in the Bertalign README (no published figures for the others)
PUBLISHED = {"mac-dev": {"Gale-Church": 0.485, "Hunalign": 0.610, "Vecalign": 0.863, "Bertalign": 0.911}}
TARGET = {"mac-dev": 0.85, "pol": 0.95, "aca": 0.95, "mag": 0.95}
#: confidence bins of the reliability table (lower edges), and the thresholds it sums up
BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95)
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)


def read_pair(zh_path: Path, en_path: Path) -> tuple[list[str], list[str]]:
    """Both files, one sentence per line, read exactly as ``flashgen align --presplit`` reads them."""
    try:
        from flashgen.text import read_presplit
    except ImportError:  # the reader is not there yet: the same rule, every line a sentence
        return (
            zh_path.read_text(encoding="utf-8").splitlines(),
            en_path.read_text(encoding="utf-8").splitlines(),
        )
    return read_presplit(zh_path, en_path)


def documents(name: str) -> list[tuple[list[str], list[str], list[Link]]]:
    """(zh sentences, en sentences, gold links) for every document of a set."""
    root = SHARED / name
    found = []
    for gold in sorted((root / "gold").glob("*.align")):
        zh, en = read_pair(root / "zh" / gold.stem, root / "en" / gold.stem)
        found.append((zh, en, parse_links(gold.read_text(encoding="utf-8"))))
    return found


def counts(predicted: Sequence[Link], gold: Sequence[Link]) -> tuple[int, int, int, int]:
    """(hits, predicted links, gold links with both sides, all gold links)."""
    key = {(link.zh_ids, link.en_ids) for link in gold}
    hits = sum((link.zh_ids, link.en_ids) in key for link in predicted)
    return hits, len(predicted), sum(bool(g.zh_ids and g.en_ids) for g in gold), len(gold)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Tally:
    """What a set's alignments add up to, pooled over its documents."""

    hits: int = 0
    predicted: int = 0
    gold_strict: int = 0
    gold_all: int = 0
    gold_nulls: int = 0
    nulls_found: int = 0
    predicted_nulls: int = 0
    #: (confidence, exactly right) of every predicted pair with both sides
    scored: list[tuple[float, bool]] = field(default_factory=list)
    #: the confidence of every predicted pair whose English holds none of its Chinese's gold translation
    disjoint: list[float] = field(default_factory=list)

    def add(self, predicted: Sequence[Link], gold: Sequence[Link]) -> None:
        hits, links, gold_strict, gold_all = counts(predicted, gold)
        self.hits += hits
        self.predicted += links
        self.gold_strict += gold_strict
        self.gold_all += gold_all
        key = {(link.zh_ids, link.en_ids) for link in gold}
        nulls = {(g.zh_ids, g.en_ids) for g in gold if not (g.zh_ids and g.en_ids)}
        self.gold_nulls += len(nulls)
        self.nulls_found += sum((p.zh_ids, p.en_ids) in nulls for p in predicted)
        self.predicted_nulls += sum(not (p.zh_ids and p.en_ids) for p in predicted)
        pairs = [p for p in predicted if p.zh_ids and p.en_ids]
        self.scored += [(p.score, (p.zh_ids, p.en_ids) in key) for p in pairs]
        translation = {i: set(g.en_ids) for g in gold for i in g.zh_ids}
        self.disjoint += [
            p.score for p in pairs if not set(p.en_ids) & set().union(*(translation[i] for i in p.zh_ids))
        ]

    def strict(self) -> tuple[float, float, float]:
        """Strict precision, recall and F1."""
        precision, recall = self.hits / max(1, self.predicted), self.hits / max(1, self.gold_strict)
        return precision, recall, f1(precision, recall)

    def bead(self) -> tuple[float, float, float]:
        """Exact-bead precision, recall and F1."""
        precision, recall = self.hits / max(1, self.predicted), self.hits / max(1, self.gold_all)
        return precision, recall, f1(precision, recall)

    def null_recall(self) -> float:
        return self.nulls_found / self.gold_nulls if self.gold_nulls else 1.0

    def null_precision(self) -> float:
        return self.nulls_found / self.predicted_nulls if self.predicted_nulls else 1.0

    def right_above(self, threshold: float) -> tuple[float, int]:
        """(share exactly right, how many) of the pairs scored at least ``threshold``."""
        above = [ok for score, ok in self.scored if score >= threshold]
        return (sum(above) / len(above) if above else 1.0), len(above)


def print_reliability(
    label: str, scored: Sequence[tuple[float, bool]], disjoint: Sequence[float] | None = None
) -> None:
    """The reliability table of (confidence, exactly right) pairs: per bin, then above each threshold.

    With ``disjoint`` (:attr:`Tally.disjoint`), also the share of pairs whose
    English holds none of the right translation: a card's worst example.
    """
    wrong = "" if disjoint is None else ", share wholly wrong"
    print(f"\nreliability, {label}: confidence bin → pairs, share exactly right, mean confidence{wrong}")
    for lo, hi in zip(BINS, (*BINS[1:], 1.01), strict=True):
        inside = [(s, ok) for s, ok in scored if lo <= s < hi]
        if inside:
            right = sum(ok for _, ok in inside) / len(inside)
            mean = sum(s for s, _ in inside) / len(inside)
            line = f"  {lo:.2f}–{min(hi, 1.0):.2f}  {len(inside):6}  {right:6.3f}  {mean:6.3f}"
            if disjoint is not None:
                line += f"  {sum(lo <= s < hi for s in disjoint) / len(inside):6.3f}"
            print(line)
    cells = []
    for t in THRESHOLDS:
        above = [ok for s, ok in scored if s >= t]
        cell = f"≥{t}: {sum(above) / max(1, len(above)):.3f} of {len(above)}"
        if disjoint is not None:
            cell += f" ({sum(s >= t for s in disjoint) / max(1, len(above)):.4f} wholly wrong)"
        cells.append(cell)
    print("  " + "  ".join(cells))


def main(names: Sequence[str]) -> int:
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to evaluate")
        return 0
    print(
        f"{'set':8} {'docs':>4} {'strict P':>8} {'R':>6} {'F1':>6} {'bead P':>7} {'R':>6} {'F1':>6}"
        f" {'target':>6} {'secs':>5}  published strict F1"
    )
    failed = False
    scored: list[tuple[float, bool]] = []
    disjoint: list[float] = []
    for name in names:
        docs = documents(name)
        started = time.perf_counter()
        total = Tally()
        for zh, en, gold in docs:
            total.add(align(zh, en), gold)
        seconds = time.perf_counter() - started
        strict_p, strict_r, strict = total.strict()
        bead_p, bead_r, bead = total.bead()
        published = "  ".join(f"{k} {v:.3f}" for k, v in PUBLISHED.get(name, {}).items())
        print(
            f"{name:8} {len(docs):>4} {strict_p:8.3f} {strict_r:6.3f} {strict:6.3f} {bead_p:7.3f}"
            f" {bead_r:6.3f} {bead:6.3f} {TARGET[name]:6.2f} {seconds:5.1f}  {published}"
        )
        failed |= strict < TARGET[name]
        scored += total.scored
        disjoint += total.disjoint
    print_reliability(", ".join(names), scored, disjoint)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or SETS))
