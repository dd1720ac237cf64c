"""What dictionary lookups add to a cold run, as a ratio to the same run without them.

Run by hand (``python bench/dictionary_cost.py``); never part of the test suite.
Each measurement is a fresh process that reads and analyses the seed article
(``../shared``) or the demo article, as ``flashgen words`` does:

- **with**: the real pipeline, every picked term looked up in its sentence;
- **without**: the same, with ``lookup`` replaced by a stub returning a fixed
  WordInfo, so everything else (reading, jieba, alignment, ranking) still runs.

The two are alternated and the median of several runs taken.  Target: lookups
add under 0.2 s.  It also prints, in-process, the one-off cost of building the
CC-CEDICT index (paid once per install) and of loading the cached index.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RUNS = 5

CHILD = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from flashgen import pipeline
from flashgen.vocab import selection
from flashgen.options import Options
from flashgen.types import WordInfo
spent = [0.0]
real = selection.lookup
def timed(word, zh_context=None, en_context=None):
    begin = time.perf_counter()
    if sys.argv[2] == "without":
        return WordInfo(word, word, "", "", "stub")
    info = real(word, zh_context, en_context)
    spent[0] += time.perf_counter() - begin
    return info
selection.lookup = timed
options = Options()
article = pipeline.load_article(pipeline.Source(article=Path(sys.argv[1])), options)
analysis = pipeline.analyse(article, options)
print(time.perf_counter() - start, len(analysis.terms), spent[0])
"""


def article() -> Path:
    seed = SHARED / "corpus" / "seed-article.txt"
    return seed if seed.exists() else ROOT / "examples" / "demo-article.txt"


def cold_run(path: Path, mode: str) -> tuple[float, int, float]:
    """Wall seconds of a fresh process, its term count, and the seconds spent inside lookups.

    The last is the direct measure: wall times of whole runs vary by more
    than the lookups cost on a busy machine.  It includes every lazy load a
    lookup triggers (pypinyin, the CC-CEDICT index if nothing loaded it yet).
    """
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True, check=True
    )
    _, terms, spent = done.stdout.split()
    return time.perf_counter() - start, int(terms), float(spent)


def in_process_costs() -> tuple[float, float]:
    """Seconds to build the CC-CEDICT index from the data file, and to load its cache."""
    from flashgen import cache
    from flashgen.lexicon import dictionary

    start = time.perf_counter()
    dictionary._build_cedict_index()
    built = time.perf_counter() - start
    start = time.perf_counter()
    cached = cache.cached_index("cedict-v2", dictionary.cedict_file(), dictionary._build_cedict_index)
    dictionary._Index(*cached)
    return built, time.perf_counter() - start


def main() -> None:
    path = article()
    cold_run(path, "with")  # make sure every on-disk cache exists first
    with_times, without_times, inside, terms = [], [], [], 0
    for _ in range(RUNS):
        seconds, terms, spent = cold_run(path, "with")
        with_times.append(seconds)
        inside.append(spent)
        without_times.append(cold_run(path, "without")[0])
    with_lookups, without_lookups = statistics.median(with_times), statistics.median(without_times)
    spent = statistics.median(inside)
    built, loaded = in_process_costs()
    print(f"article: {path.name}, {terms} terms looked up, median of {RUNS} cold runs each")
    print(f"cold run without lookups: {without_lookups:.3f} s")
    print(f"cold run with lookups:    {with_lookups:.3f} s")
    difference = with_lookups - without_lookups
    print(f"wall-clock difference {difference:+.3f} s, ratio {with_lookups / without_lookups:.2f}")
    print(f"time inside lookups: {spent:.3f} s, {spent / without_lookups:.1%} of a run (target: < 0.2 s)")
    print(f"CC-CEDICT index: built once in {built:.2f} s, cached index loads in {loaded * 1000:.0f} ms")


if __name__ == "__main__":
    main()
