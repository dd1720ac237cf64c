"""Score the sentence aligner on the hand-aligned sets in ``../shared/align/``.

Every document goes through the same path as ``flashgen align --presplit``:
the two files are read one sentence per line and handed to
:func:`flashgen.align.beads.align`.  Scores follow ``../shared/align/README.md``:

- strict: precision = hits / predicted links (nulls included), recall = hits /
  gold links with both sides non-empty;
- exact-bead: precision = hits / predicted, recall = hits / gold, nulls included;

pooled over all documents of a set.  Run ``python bench/align_eval.py [SET ...]``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from flashgen.align import align, parse_links
from flashgen.types import Link

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "align"
SETS = ("mac-dev", "pol", "aca", "mag")
#: strict F1 published for MAC-dev in the Bertalign README (no published figures for the others)
PUBLISHED = {"mac-dev": {"Gale-Church": 0.485, "Hunalign": 0.610, "Vecalign": 0.863, "Bertalign": 0.911}}
TARGET = {"mac-dev": 0.85, "pol": 0.95, "aca": 0.95, "mag": 0.95}


def read_pair(zh_path: Path, en_path: Path) -> tuple[list[str], list[str]]:
    """Both files, one sentence per line, read exactly as ``flashgen align --presplit`` reads them."""
    try:
        from flashgen.text.reader import read_presplit
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


def main(names: Sequence[str]) -> int:
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to evaluate")
        return 0
    print(
        f"{'set':8} {'docs':>4} {'strict P':>8} {'R':>6} {'F1':>6} {'bead P':>7} {'R':>6} {'F1':>6}"
        f" {'target':>6} {'secs':>5}  published strict F1"
    )
    failed = False
    for name in names:
        docs = documents(name)
        started = time.perf_counter()
        total = [0, 0, 0, 0]
        for zh, en, gold in docs:
            for k, value in enumerate(counts(align(zh, en), gold)):
                total[k] += value
        seconds = time.perf_counter() - started
        hits, predicted, gold_strict, gold_all = total
        strict_p, strict_r = hits / predicted, hits / gold_strict
        bead_p, bead_r = hits / predicted, hits / gold_all
        strict = f1(strict_p, strict_r)
        published = "  ".join(f"{k} {v:.3f}" for k, v in PUBLISHED.get(name, {}).items())
        print(
            f"{name:8} {len(docs):>4} {strict_p:8.3f} {strict_r:6.3f} {strict:6.3f} {bead_p:7.3f}"
            f" {bead_r:6.3f} {f1(bead_p, bead_r):6.3f} {TARGET[name]:6.2f} {seconds:5.1f}  {published}"
        )
        failed |= strict < TARGET[name]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or SETS))
