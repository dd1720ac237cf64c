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
   1×, 4× and 16× its size.  Target: 16× the input in at most 20× the time.
4. **batch**: the extra cost of each further article in one process, as a share
   of a cold single build.  Target ≤ 5 %.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOOR = [sys.executable, "-c", "import jieba; jieba.initialize()"]
FLASHGEN = [sys.executable, "-m", "flashgen"]


def run(command: list[str], cache: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process (with ``cache`` as its cache directory)."""
    import time

    env = {**os.environ, "FLASHGEN_CACHE_DIR": str(cache)} if cache else None
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(
            f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def median_of(command: list[str], runs: int) -> tuple[float, float]:
    results = [run(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def alternated(a: list[str], b: list[str], runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median time and peak memory of ``a`` and ``b``, run alternately."""
    ra, rb = [], []
    for _ in range(runs):
        ra.append(run(a))
        rb.append(run(b))
    return (
        (statistics.median(r[0] for r in ra), max(r[1] for r in ra)),
        (statistics.median(r[0] for r in rb), max(r[1] for r in rb)),
    )


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


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "decks"
        source = article()
        build = [*FLASHGEN, "build", str(source), "-o", str(out)]
        # A private cache directory: the user's own caches neither help nor suffer.
        os.environ["FLASHGEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        run(FLOOR)  # jieba's own model cache, in the system's temporary directory
        run(build)  # first run fills the on-disk caches, as any user's first run does
        (floor_t, floor_mb), (build_t, build_mb) = alternated(FLOOR, build, runs)
        print(f"article: {source.name}")
        print(f"floor (import jieba; initialize): {floor_t:.3f} s, {floor_mb:.0f} MB")
        print(f"cold build:                       {build_t:.3f} s, {build_mb:.0f} MB")
        print(f"ratio cold build / floor: {build_t / floor_t:.2f}  (target ≤ 1.0, aim 0.8)")
        print(f"peak memory: {build_mb:.0f} MB  (target ≤ 216 MB)")
        for name, args in (
            ("words --json", ["words", str(source), "--json"]),
            ("align --json", ["align", str(source), "--json"]),
            ("--help", ["--help"]),
        ):
            command_t, _ = median_of([*FLASHGEN, *args], runs)
            print(f"{name:13s} {command_t:.3f} s = {command_t / floor_t:.2f}× the floor")

        firsts = [run(build, Path(tmp) / f"empty-cache-{i}") for i in range(max(3, runs // 2))]
        first_t, first_mb = statistics.median(r[0] for r in firsts), max(r[1] for r in firsts)
        print(
            f"first run (empty cache): {first_t:.3f} s, {first_mb:.0f} MB = {first_t / build_t:.2f}× "
            f"a cold build with caches, {first_t / floor_t:.2f}× the floor"
        )

        others = sorted((ROOT / "examples").glob("*.txt"))
        batch = [*FLASHGEN, "build", str(source), *map(str, others), "-o", str(out)]
        batch_t, _ = median_of(batch, max(3, runs // 2))
        extra = (batch_t - build_t) / max(len(others), 1)
        print(
            f"batch of {1 + len(others)}: {batch_t:.3f} s; each extra article costs "
            f"{extra / build_t:.1%} of a cold single build  (target ≤ 5%)"
        )

        if not (SHARED / "align" / "mac-dev").exists():
            print("growth: skipped (../shared/align/mac-dev absent)")
            return
        base_t = base_mb = 0.0
        for times in (1, 4, 16):
            zh, en = write_mac_dev(times, Path(tmp))
            t, mb = median_of(
                [*FLASHGEN, "build", "--zh", str(zh), "--en", str(en), "-o", str(out)], 1 if times > 1 else 3
            )
            if times == 1:
                base_t, base_mb = t, mb
            print(
                f"growth {times:>2}×: {t:7.2f} s ({t / base_t:5.2f}× the 1× time), "
                f"{mb:5.0f} MB ({mb / base_mb:4.2f}× the 1× memory)"
            )
        print("target: 16× the input in at most 20× the time")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
