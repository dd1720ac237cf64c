"""How fast the sentence aligner is, after the shared data is loaded.

Prints, for the two budgets of issue 3, wall-clock and CPU time (the CPU time
is what counts on a shared machine, where other processes stretch the wall
clock) and, because machines differ, the ratio to a baseline measured in the
same run: jieba segmenting the same Chinese text, which every run pays anyway.

- a 100-pair article (the first 100 gold links of ``aca``): as one flat
  ``align()`` call (the ``--presplit`` path, two passes), first sight of its
  words and with warm word caches, for information; and the next 100 links as
  an :class:`Article` of 4-link paragraphs through ``align_article`` (the path
  of a real article, its words seen for the first time): budget 100 ms;
- all of ``mac-dev`` (6 literary chapters, 1463 / 1951 sentences): budget 5 s.

Run ``python bench/align_speed.py``; needs ``../shared/align/``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence

from align_eval import SHARED, documents

from flashgen.align import align, align_article
from flashgen.data import jieba_tokenizer
from flashgen.lexicon import dictionary
from flashgen.types import Article, Link, ParagraphPair


def load_data() -> float:
    """Load jieba, CC-CEDICT and pypinyin once, as any run does; seconds taken."""
    started = time.perf_counter()
    jieba_tokenizer()
    dictionary.contains("中")
    from pypinyin import lazy_pinyin

    lazy_pinyin("中")
    return time.perf_counter() - started


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) taken by ``action``."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def segment(sentences: Sequence[str]) -> int:
    """Segment every sentence with jieba (the baseline); the number of words found."""
    return sum(len(list(jieba_tokenizer().cut(sentence))) for sentence in sentences)


def report(
    label: str, taken: tuple[float, float], baseline: tuple[float, float], budget: float | None
) -> None:
    """One line: times, ratio to the baseline and, when there is a budget, the verdict."""
    wall, cpu = taken
    verdict = ""
    if budget is not None:
        verdict = f"  (budget {budget * 1000:.0f} ms: {'ok' if cpu < budget else 'OVER BUDGET'})"
    print(
        f"{label:40} wall {wall * 1000:7.1f} ms  cpu {cpu * 1000:7.1f} ms"
        f"  {cpu / baseline[1]:5.1f}× segmentation{verdict}"
    )


def as_article(zh: Sequence[str], en: Sequence[str], links: Sequence[Link]) -> Article:
    """The linked sentences as an article of 4-link paragraphs, as the reader would give it."""
    paragraphs = []
    for start in range(0, len(links), 4):
        group = links[start : start + 4]
        paragraphs.append(
            ParagraphPair(
                en=tuple(en[j] for link in group for j in link.en_ids),
                zh=tuple(zh[i] for link in group for i in link.zh_ids),
            )
        )
    return Article("", "", tuple(paragraphs))


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to measure")
        return 0
    print(f"loading jieba, CC-CEDICT, pypinyin: {load_data():.2f} s (not counted)")

    zh, en, gold = documents("aca")[0]
    links = gold[:100]
    flat_zh = zh[: max(i for link in links for i in link.zh_ids) + 1]
    flat_en = en[: max(j for link in links for j in link.en_ids) + 1]
    baseline = timed(lambda: segment(flat_zh))
    size = f"({len(flat_zh)}/{len(flat_en)})"
    report(f"100-pair align() {size}, cold", timed(lambda: align(flat_zh, flat_en)), baseline, None)
    report(f"100-pair align() {size}, warm", timed(lambda: align(flat_zh, flat_en)), baseline, None)
    article = as_article(zh, en, gold[100:200])  # words not seen yet: a cold run, as in the CLI
    report("100-pair align_article(), 25 paragraphs", timed(lambda: align_article(article)), baseline, 0.1)

    mac = documents("mac-dev")
    baseline = timed(lambda: [segment(doc_zh) for doc_zh, _, _ in mac])
    taken = timed(lambda: [align(doc_zh, doc_en) for doc_zh, doc_en, _ in mac])
    report("all of mac-dev (6 chapters)", taken, baseline, 5.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
