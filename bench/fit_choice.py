"""Fit the three weights of the reading choice on data, and report them on data not fitted on.

``flashgen.lexicon.choice`` weighs its evidence with a few numbers: how much
pypinyin's reading of the word alone counts (``USUAL_WEIGHT``, a prior for the
reading in common use), how much pypinyin's sentence reading counts when it is
only its out-of-context default (``_DEFAULT_WEIGHT``), and how much a
grammatical slot counts (``GRAMMAR``, which scales every slot bonus).  They
were set by hand; this script searches a grid of them on the FIT halves of
CPP dev (``bench/cpp.py``) and of the project's polyphone cases
(``bench/cases.py``), weighing the two sources equally, and prints the
accuracy of the best and of the current weights on both halves.  Everyday
readings (``tests/lexicon/cases/everyday.json``) are reported, never fitted.

    python bench/fit_choice.py            # about ten minutes on two cores
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases as project_cases
import cpp

from flashgen import lookup
from flashgen.lexicon import choice, grammar
from flashgen.lexicon.pinyin import normalise

GRID = {
    "USUAL_WEIGHT": (0.0, 0.1, 0.2, 0.3, 0.6, 1.0),
    "_DEFAULT_WEIGHT": (0.2, 0.4, 0.7, 1.0),
    "GRAMMAR": (1.0, 1.5, 2.0, 3.0),
}
EVERYDAY = cpp.REPO / "tests" / "lexicon" / "cases" / "everyday.json"


def set_weights(usual: float, default: float, slot: float) -> None:
    choice.USUAL_WEIGHT, choice._DEFAULT_WEIGHT = usual, default
    choice.GRAMMAR = grammar.GRAMMAR = slot


def cpp_accuracy(items: list[tuple[cpp.Item, str, int]]) -> float:
    right = 0
    for item, token, start in items:
        syllables = normalise(lookup(token, zh_context=item.sentence).pinyin_numbered).split()
        index = item.offset - start
        right += index < len(syllables) and syllables[index] == normalise(item.label)
    return right / max(1, len(items))


def case_accuracy(found: list[project_cases.Case]) -> float:
    return sum(lookup(c.word, zh_context=c.sentence).pinyin == c.pinyin for c in found) / max(1, len(found))


def everyday_accuracy() -> float:
    found = json.loads(EVERYDAY.read_text(encoding="utf-8"))["cases"]
    return sum(lookup(c["word"], zh_context=c["sentence"]).pinyin == c["pinyin"] for c in found) / len(found)


def main() -> int:
    items = cpp.load()
    if items is None:
        print("skipped: needs ../shared/pinyin/cpp-dev beside the project")
        return 0
    tokens = {half: [] for half in ("fit", "held-out")}  # type: dict[str, list[tuple[cpp.Item, str, int]]]
    for item in items:
        token, start, _ = cpp.containing_token(item.sentence, item.offset)
        tokens[item.half].append((item, token, start))
    found = project_cases.load()
    by_half = {half: [c for c in found if c.half == half] for half in ("fit", "held-out")}
    current = (choice.USUAL_WEIGHT, choice._DEFAULT_WEIGHT, grammar.GRAMMAR)
    results = []
    begin = time.perf_counter()
    for weights in itertools.product(*GRID.values()):
        set_weights(*weights)
        scores = (cpp_accuracy(tokens["fit"]), case_accuracy(by_half["fit"]))
        results.append(((scores[0] + scores[1]) / 2, weights, scores))
        print(f"{weights}: CPP fit {scores[0]:.4f}, cases fit {scores[1]:.4f}", flush=True)

    # the best mean; among equals, the weights nearest today's, so a tie changes nothing
    def preference(result: tuple[float, tuple[float, ...], tuple[float, float]]) -> tuple[float, float]:
        distance = sum(abs(a - b) for a, b in zip(result[1], current, strict=True))
        return round(result[0], 6), -distance

    best = max(results, key=preference)
    print(f"\nsearched {len(results)} weightings in {time.perf_counter() - begin:.0f} s")
    print(
        "| weights (usual, default, grammar) | CPP fit | CPP held-out | cases fit | cases held-out |", end=""
    )
    print(" everyday |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, weights in (("current", current), ("best on FIT", best[1])):
        set_weights(*weights)
        row = [
            cpp_accuracy(tokens["fit"]),
            cpp_accuracy(tokens["held-out"]),
            case_accuracy(by_half["fit"]),
            case_accuracy(by_half["held-out"]),
            everyday_accuracy(),
        ]
        print(f"| {label} {weights} | " + " | ".join(f"{x:.4f}" for x in row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
