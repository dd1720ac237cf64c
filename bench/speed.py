"""Speed and memory of ``flashgen build``, as ratios to baselines measured in the same run.

Run by hand (``python bench/speed.py``); never part of the test suite.  It prints:

1. **cold build**: a fresh process building the seed article (``../shared``)
   or the demo article, against the floor every Chinese segmenter pays,
   ``python -c "import jieba; jieba.initialize()"``.  The two commands are
   alternated and the median of several runs taken.  Target ratio ≤ 1.0.
   ``words --json``, ``align --json`` and ``--help`` are timed against the same floor.
2. **peak memory** of that build (max RSS of the child).  Target ≤ 216 MB.
   **first run**: the same build with an empty cache directory (every derived
   index built and written), as a share of a cold build with the caches in place.
3. **growth**: all of ``../shared/align/mac-dev`` as one two-file article at
   1×, 4× and 16× its size (and 64× on request).  Target: linear, 16× the
   input in at most 20× the time.
4. **batch**: the extra cost of each further article in one process, as a share
   of a cold single build: the two examples after the seed, and the twenty article cases of
   ``tests/vocab/cases/articles`` (written as alternating files) after it, in CPU time, which
   the many articles make steadier.  Target ≤ 5 %.  The same articles cut to their first four
   pairs, in a third batch, split that cost into what an article costs whatever its length and
   what each of its sentence pairs adds.

Children run with compiled modules written and used (``PYTHONDONTWRITEBYTECODE``
dropped from their environment), as an installed package has them.  Every time
is the child's wall time; its CPU time (user + system) is printed beside it,
since on a machine shared with other work the wall times of the two commands
of a pair are slowed unequally and the CPU times much less.

``python bench/speed.py [RUNS] [--growth 64] [--quick]``: ``--growth 64`` adds
the 64× size (minutes); ``--quick`` leaves out growth altogether.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOOR = [sys.executable, "-c", "import jieba; jieba.initialize()"]
FLASHGEN = [sys.executable, "-m", "flashgen"]


@dataclass(frozen=True)
class Timing:
    """One command's median wall and CPU seconds over its runs, and its largest peak RSS (MB)."""

    wall: float
    cpu: float
    mb: float

    def ratio(self, other: Timing) -> str:
        return f"{self.wall / other.wall:.2f}× (CPU {self.cpu / other.cpu:.2f}×)"

    def __str__(self) -> str:
        return f"{self.wall:.3f} s (CPU {self.cpu:.3f} s), {self.mb:.0f} MB"


def run(command: list[str], cache: Path | None = None) -> Timing:
    """Wall and CPU seconds and peak RSS of one child process (with ``cache`` as its cache directory)."""
    import time

    # Compiled modules are written and used, as an installed package has them; an environment that
    # forbids writing them would make every run compile flashgen's sixty modules (0.05× the floor).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if cache:
        env["FLASHGEN_CACHE_DIR"] = str(cache)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(
            f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}"
        )
    return Timing(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def summary(results: list[Timing]) -> Timing:
    return Timing(
        statistics.median(r.wall for r in results),
        statistics.median(r.cpu for r in results),
        max(r.mb for r in results),
    )


def median_of(command: list[str], runs: int) -> Timing:
    return summary([run(command) for _ in range(runs)])


def alternated(a: list[str], b: list[str], runs: int) -> tuple[Timing, Timing]:
    """Median times and peak memory of ``a`` and ``b``, run alternately."""
    ta, tb = alternated_all([a, b], runs)
    return ta, tb


def alternated_all(commands: list[list[str]], runs: int) -> list[Timing]:
    """Median times and peak memory of each command, run in turn ``runs`` times."""
    results: list[list[Timing]] = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, results, strict=True):
            found.append(run(command))
    return [summary(found) for found in results]


def article() -> Path:
    seed = SHARED / "corpus" / "seed-article.txt"
    return seed if seed.exists() else ROOT / "examples" / "demo-article.txt"


def write_mac_dev(times: int, folder: Path) -> tuple[Path, Path]:
    """All mac-dev documents, repeated ``times`` times, as a two-file article."""
    docs = sorted((SHARED / "align" / "mac-dev" / "zh").iterdir())
    zh_parts, en_parts = [], []
    for _ in range(times):
        for doc in docs:
            zh_parts.append(doc.read_text(encoding="utf-8").replace("\n", ""))
            en_parts.append(
                (doc.parent.parent / "en" / doc.name).read_text(encoding="utf-8").replace("\n", " ")
            )
    zh, en = folder / f"zh-{times}.txt", folder / f"en-{times}.txt"
    zh.write_text("\n\n".join(zh_parts), encoding="utf-8")
    en.write_text("\n\n".join(en_parts), encoding="utf-8")
    return zh, en


def main(runs: int, growth: tuple[int, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "decks"
        source = article()
        build = [*FLASHGEN, "build", str(source), "-o", str(out)]
        # A private cache directory: the user's own caches neither help nor suffer.
        os.environ["FLASHGEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        run(FLOOR)  # jieba's own model cache, in the system's temporary directory
        run(build)  # first run fills the on-disk caches, as any user's first run does
        floor, cold = alternated(FLOOR, build, runs)
        print(f"article: {source.name}")
        print(f"floor (import jieba; initialize): {floor}")
        print(f"cold build:                       {cold}")
        print(f"ratio cold build / floor: {cold.ratio(floor)}  (target ≤ 1.0, aim 0.8)")
        print(f"peak memory: {cold.mb:.0f} MB  (target ≤ 216 MB)")
        for name, args in (
            ("words --json", ["words", str(source), "--json"]),
            ("align --json", ["align", str(source), "--json"]),
            ("--help", ["--help"]),
        ):
            command = median_of([*FLASHGEN, *args], runs)
            print(f"{name:13s} {command.wall:.3f} s = {command.ratio(floor)} the floor")

        first = summary([run(build, Path(tmp) / f"empty-cache-{i}") for i in range(max(3, runs // 2))])
        print(
            f"first run (empty cache): {first} = {first.ratio(cold)} a cold build with caches, "
            f"{first.ratio(floor)} the floor  (target ≤ 1.2×)"
        )

        others = sorted((ROOT / "examples").glob("*.txt"))
        batch_command = [*FLASHGEN, "build", str(source), *map(str, others), "-o", str(out)]
        single, batch = alternated(build, batch_command, max(3, runs // 2))
        extra, extra_cpu = (
            (b - s) / max(len(others), 1) for b, s in ((batch.wall, single.wall), (batch.cpu, single.cpu))
        )
        print(
            f"batch of {1 + len(others)}: {batch}; each extra article costs {extra:.3f} s "
            f"= {extra / single.wall:.1%} of a cold single build (CPU {extra_cpu / single.cpu:.1%})"
            "  (target ≤ 5%)"
        )
        cases = write_case_articles(Path(tmp) / "cases")
        shorts = write_case_articles(Path(tmp) / "short", SHORT_PAIRS)
        many = [*FLASHGEN, "build", str(source), *map(str, cases), "-o", str(out)]
        short = [*FLASHGEN, "build", str(source), *map(str, shorts), "-o", str(out)]
        single, batch, short_batch = alternated_all([build, many, short], max(3, runs // 2))
        extra_cpu = (batch.cpu - single.cpu) / max(len(cases), 1)
        print(
            f"batch of {1 + len(cases)} (+ tests/vocab/cases/articles): {batch}; each extra article costs "
            f"CPU {extra_cpu:.3f} s = {extra_cpu / single.cpu:.1%} of a cold single build  (target ≤ 5%)"
        )
        # The same articles cut to their first few pairs: what an extra article costs whatever its
        # length, and what each of its sentence pairs adds (a straight line through the two batches).
        short_cpu = (short_batch.cpu - single.cpu) / max(len(shorts), 1)
        per_pair = (extra_cpu - short_cpu) / (mean_pairs(cases) - mean_pairs(shorts))
        fixed = short_cpu - per_pair * mean_pairs(shorts)
        print(
            f"  of which: CPU {fixed:.3f} s an article = {fixed / single.cpu:.1%} of a cold single build, "
            f"and {per_pair * 1000:.1f} ms a sentence pair ({mean_pairs(cases):.1f} pairs an article; "
            f"from a batch of the same articles cut to {SHORT_PAIRS} pairs: {short_cpu:.3f} s each)"
        )
        if growth:
            grow(growth, Path(tmp), out)


#: The sentence pairs of each article case kept for the short batch (:func:`main`'s decomposition).
SHORT_PAIRS = 4


def write_case_articles(folder: Path, pairs_kept: int | None = None) -> list[Path]:
    """The picker's article cases (sentence pairs) as alternating files: more articles, a steadier
    marginal than the two examples give; with ``pairs_kept``, each cut to its first pairs."""
    folder.mkdir()
    paths = []
    for case in sorted((ROOT / "tests" / "vocab" / "cases" / "articles").glob("*.json")):
        pairs = json.loads(case.read_text(encoding="utf-8"))["pairs"][:pairs_kept]
        path = folder / f"{case.stem}.txt"
        path.write_text("\n\n".join(f"{en}\n{zh}" for zh, en in pairs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def mean_pairs(articles: list[Path]) -> float:
    """Sentence pairs an article of :func:`write_case_articles` holds, on average."""
    return statistics.mean(len(a.read_text(encoding="utf-8").strip().split("\n\n")) for a in articles)


def grow(sizes: tuple[int, ...], tmp: Path, out: Path) -> None:
    """Build mac-dev at each size: time and memory against the 1× build's."""
    if not (SHARED / "align" / "mac-dev").exists():
        print("growth: skipped (../shared/align/mac-dev absent)")
        return
    base: Timing | None = None
    for times in sizes:
        zh, en = write_mac_dev(times, tmp)
        t = median_of(
            [*FLASHGEN, "build", "--zh", str(zh), "--en", str(en), "-o", str(out)], 1 if times > 1 else 3
        )
        base = base or t
        print(
            f"growth {times:>2}×: {t.wall:7.2f} s ({t.wall / base.wall:5.2f}× the 1× time, "
            f"CPU {t.cpu / base.cpu:5.2f}×), {t.mb:5.0f} MB ({t.mb / base.mb:4.2f}× the 1× memory)"
        )
    print("target: linear (16× the input in at most 20× the time)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--growth", type=int, choices=(16, 64), default=16, help="the largest growth size")
    parser.add_argument("--quick", action="store_true", help="leave out growth")
    arguments = parser.parse_args()
    sizes = () if arguments.quick else tuple(t for t in (1, 4, 16, 64) if t <= arguments.growth)
    main(arguments.runs, sizes)
