"""How fast the sentence aligner is, after the shared data is loaded.

Prints wall-clock figures for the two budgets of issue 3 and, because machines
differ, each one as a ratio to a baseline measured in the same run: jieba
segmenting the same Chinese text, which every run of the pipeline pays anyway.

- a 100-pair article (the first 100 gold links of ``aca``), first sight of its
  words and again with warm word caches: budget 100 ms;
- all of ``mac-dev`` (6 literary chapters, 1463 / 1951 sentences): budget 5 s.

Run ``python bench/align_speed.py``; needs ``../shared/align/``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from align_eval import SHARED, documents

from flashgen import dictionary
from flashgen.align import align
from flashgen.data import jieba_tokenizer


def load_data() -> float:
    """Load jieba, CC-CEDICT and pypinyin once, as any run does; seconds taken."""
    started = time.perf_counter()
    jieba_tokenizer()
    dictionary.contains("中")
    from pypinyin import lazy_pinyin

    lazy_pinyin("中")
    return time.perf_counter() - started


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def segment(sentences: list[str]) -> None:
    for sentence in sentences:
        list(jieba_tokenizer().cut(sentence))


def report(label: str, taken: float, baseline: float, budget: float) -> None:
    verdict = "ok" if taken < budget else "OVER BUDGET"
    print(f"{label:34} {taken * 1000:8.1f} ms  {taken / baseline:5.1f}× segmentation"
          f"  (budget {budget * 1000:.0f} ms: {verdict})")


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED}: not found; nothing to measure")
        return 0
    print(f"loading jieba, CC-CEDICT, pypinyin: {load_data():.2f} s (not counted)")

    zh, en, gold = documents("aca")[0]
    links = gold[:100]
    article_zh = zh[: max(i for link in links for i in link.zh_ids) + 1]
    article_en = en[: max(j for link in links for j in link.en_ids) + 1]
    baseline = seconds(lambda: segment(article_zh))
    report(f"100-pair article ({len(article_zh)}/{len(article_en)}), cold",
           seconds(lambda: align(article_zh, article_en)), baseline, 0.1)
    report("100-pair article, warm word caches", seconds(lambda: align(article_zh, article_en)), baseline, 0.1)

    mac = documents("mac-dev")
    baseline = seconds(lambda: [segment(doc_zh) for doc_zh, _, _ in mac])
    taken = seconds(lambda: [align(doc_zh, doc_en) for doc_zh, doc_en, _ in mac])
    report("all of mac-dev (6 chapters)", taken, baseline, 5.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
