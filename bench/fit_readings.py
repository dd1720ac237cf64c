"""Fit the reading engine's weights (bench/reading_engine.py) on a combined FIT set.

    python bench/fit_readings.py [--reuse] [--dry-run]

The FIT set is the FIT half of CPP dev (``bench/cpp.py``) plus the FIT half of
the project's polyphone cases (``bench/cases.py``); both splits hash the
sentence, so the HELD-OUT halves are never read here.  Evaluate them with
``python bench/pinyin_eval.py`` and ``python bench/polyphone_cases.py``.

1. Builds the frequency prior per reading from CC-CEDICT and jieba's counts
   (no labelled data) and writes it to ``bench/reading_weights.json``.
2. Computes the runtime features (the very code of ``engine.candidates``) of
   the marked character of every CPP FIT item and of each character of the
   word of every FIT case, once, with g2pM.
3. Chooses by 5-fold cross-validation inside the FIT set (folds by item):
   the weight of a project case against a CPP item (so that 400 cases are not
   drowned by 5,000 CPP items), the L2 strength, and whether CPP items inside
   a word with neutral-tone twins are fitted on (CPP writes full tones where
   CC-CEDICT, and the cards, have the neutral one).  The criterion is the
   mean of the two sources' cross-validated accuracies.
4. Fits the chosen setting on the whole FIT set, twice: with the g2pM features
   ("g2pm", the model cross-validated) and without them ("plain", no numpy at
   run time, the same setting), and writes both.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cases
import cpp
import reading_engine as engine

from flashgen.lexicon.pinyin import numbered

OUT = Path(engine.__file__).parent / engine.WEIGHTS_FILE
FEATURES = cpp.REPO / ".cache-dev" / "fit-features.pickle"

#: One example: the candidates' features, the gold's index, the source, the item, whether in a twin word.
Example = tuple[list[dict[str, float]], int, str, int, bool]


def cpp_examples(items: list[cpp.Item]) -> tuple[list[Example], int]:
    found, unreachable = [], 0
    for n, item in enumerate(items):
        tokens = engine.tokens_of(item.sentence)
        token = next(t for t in tokens if t.start <= item.offset < t.end)
        cands = engine.candidates(item.sentence, item.offset, tokens)
        readings = [c.reading for c in cands]
        if item.label not in readings:
            unreachable += 1
            continue
        if len(cands) < 2:
            continue
        twins = engine.rules_voice(token.text, item.sentence).twins
        found.append(([c.features for c in cands], readings.index(item.label), "cpp", n, twins))
    return found, unreachable


def case_examples(fit_cases: list[cases.Case]) -> tuple[list[Example], int]:
    found, unreachable = [], 0
    for n, case in enumerate(fit_cases):
        gold = engine.syllables(numbered(case.pinyin))
        position = engine.locate(case.word, case.sentence)
        if position is None or len(gold) != len(case.word):
            unreachable += 1
            continue
        tokens = engine._with_word(
            engine.tokens_of(case.sentence), case.word, position, engine._tag_of(case.word)
        )
        twins = engine.rules_voice(case.word, case.sentence).twins
        for i, label in enumerate(gold):
            cands = engine.candidates(case.sentence, position + i, tokens)
            readings = [c.reading for c in cands]
            if label not in readings:
                unreachable += 1
                continue
            if len(cands) >= 2:
                found.append(([c.features for c in cands], readings.index(label), "case", n, twins))
    return found, unreachable


class Design:
    """Every candidate of every example as one row of a dense matrix, grouped by example."""

    def __init__(self, feats: list[list[dict[str, float]]], gold: list[int], names: list[str]) -> None:
        index = {n: i for i, n in enumerate(names)}
        sizes = np.array([len(c) for c in feats])
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.group = np.repeat(np.arange(len(feats)), sizes)
        self.x = np.zeros((int(sizes.sum()), len(names)), dtype=np.float32)
        row = 0
        for cands in feats:
            for f in cands:
                for k, v in f.items():
                    if k in index:
                        self.x[row, index[k]] = v
                row += 1
        self.gold_rows = self.starts + np.array(gold)

    def subset(self, keep: np.ndarray) -> Design:
        part = object.__new__(Design)
        rows = keep[self.group]
        sizes = np.bincount(self.group, minlength=len(keep))[keep]
        part.x = self.x[rows]
        part.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        part.group = np.repeat(np.arange(len(sizes)), sizes)
        gold_offset = (self.gold_rows - self.starts)[keep]
        part.gold_rows = part.starts + gold_offset
        return part

    def probabilities(self, w: np.ndarray) -> np.ndarray:
        s = self.x @ w
        s = s - np.maximum.reduceat(s, self.starts)[self.group]
        p = np.exp(s)
        return np.asarray(p / np.add.reduceat(p, self.starts)[self.group])

    def correct(self, w: np.ndarray) -> np.ndarray:
        s = self.x @ w
        best = np.maximum.reduceat(s, self.starts)
        return np.asarray(s[self.gold_rows] >= best)


def fit(design: Design, weight: np.ndarray, l2: float, steps: int = 1500) -> np.ndarray:
    """Conditional logit by Adam on the weighted mean negative log-likelihood plus l2 * |w|^2."""
    d = design.x.shape[1]
    w, m, v = np.zeros(d), np.zeros(d), np.zeros(d)
    share = weight / weight.sum()
    rate, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        residual = design.probabilities(w) * share[design.group]
        residual[design.gold_rows] -= share
        grad = design.x.T @ residual + 2 * l2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad**2
        w -= rate * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return w


def cross_validate(
    examples: list[Example], names: list[str], grid: list[tuple[float, float, bool]]
) -> tuple[float, float, bool]:
    """The (case weight, l2, fit CPP twins) of ``grid`` with the best mean of per-source CV accuracy."""
    design = Design([e[0] for e in examples], [e[1] for e in examples], names)
    source = np.array([e[2] for e in examples])
    twins = np.array([e[4] for e in examples])
    folds = np.array([e[3] % 5 for e in examples])  # an item's characters share a fold
    best, best_score = grid[0], -1.0
    for case_weight, l2, keep_twins in grid:
        weight = np.where(source == "case", case_weight, 1.0)
        use = (source == "case") | ~twins | keep_twins
        right = np.zeros(len(examples), dtype=bool)
        for k in range(5):
            train, test = (folds != k) & use, folds == k
            w = fit(design.subset(train), weight[train], l2, steps=600)
            right[test] = design.subset(test).correct(w)
        on_cpp, on_cases = right[source == "cpp"].mean(), right[source == "case"].mean()
        score = (on_cpp + on_cases) / 2
        print(
            f"    case weight {case_weight:g}, l2 {l2:g}, CPP twins {'kept' if keep_twins else 'dropped'}:"
            f" CV accuracy CPP {on_cpp:.4f}, cases {on_cases:.4f}, mean {score:.4f}",
            flush=True,
        )
        if score > best_score:
            best, best_score = (case_weight, l2, keep_twins), score
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true", help="reuse the features of the last run")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the weights")
    args = parser.parse_args(argv)
    items = cpp.load()
    if items is None:
        print(f"skipped: {cpp.CPP_DIR} is absent")
        return 0
    fit_items = [i for i in items if i.half == "fit"]  # the HELD-OUT halves are never used here
    fit_cases = [c for c in cases.load() if c.half == "fit"]

    t = time.perf_counter()
    table = engine.build_prior()
    print(f"prior for {len(table)} characters in {time.perf_counter() - t:.1f} s")
    model: dict[str, object] = {
        "about": "flashgen reading engine weights; fitted by bench/fit_readings.py on the FIT halves of "
        "CPP dev and of tests/lexicon/cases/polyphones (sha1(sentence)[:8] even); "
        "prior from CC-CEDICT x jieba counts",
        "prior": table,
        "models": {},
    }
    if not args.dry_run:
        OUT.parent.mkdir(exist_ok=True)
        OUT.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    engine._model.cache_clear()
    engine._model = lambda: model  # type: ignore[assignment,misc]
    os.environ["FLASHGEN_READING_MODEL"] = "g2pm"  # the features with g2pM's; "plain" drops those

    if args.reuse and FEATURES.is_file():
        examples = pickle.loads(FEATURES.read_bytes())
    else:
        t = time.perf_counter()
        from_cpp, lost_cpp = cpp_examples(fit_items)
        from_cases, lost_cases = case_examples(fit_cases)
        examples = from_cpp + from_cases
        print(
            f"{len(from_cpp)} CPP FIT examples with a choice ({lost_cpp} labels outside the candidates), "
            f"{len(from_cases)} from {len(fit_cases)} FIT cases ({lost_cases} outside), "
            f"in {time.perf_counter() - t:.0f} s",
            flush=True,
        )
        FEATURES.parent.mkdir(exist_ok=True)
        FEATURES.write_bytes(pickle.dumps(examples))

    everything = sorted({k for e in examples for f in e[0] for k in f if k != "english"})
    grid = list(itertools.product((1.0, 2.0, 3.0, 5.0), (1e-3,), (True, False)))
    models = {}
    for name in ("g2pm", "plain"):
        names = [n for n in everything if name == "g2pm" or not n.startswith("g2pm")]
        if name == "g2pm":
            print(f"[{name}] {len(names)} features; cross-validating inside the FIT set")
            case_weight, l2, keep_twins = cross_validate(examples, names, grid)
        else:  # the fallback model takes the g2pm model's setting (one cross-validation is enough)
            print(f"[{name}] {len(names)} features; the g2pm model's setting")
        use = [e for e in examples if e[2] == "case" or not e[4] or keep_twins]
        design = Design([e[0] for e in use], [e[1] for e in use], names)
        weight = np.array([case_weight if e[2] == "case" else 1.0 for e in use])
        w = fit(design, weight, l2)
        print(
            f"[{name}] chosen: case weight {case_weight:g}, l2 {l2:g}, CPP twins "
            f"{'kept' if keep_twins else 'dropped'}; accuracy on what it was fitted on "
            f"{design.correct(w).mean():.4f}"
        )
        models[name] = {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) >= 1e-4}
        top = sorted(models[name].items(), key=lambda kv: -abs(kv[1]))[:24]
        print("   largest weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in top))
        model[f"fit_{name}"] = {"case_weight": case_weight, "l2": l2, "cpp_twins": keep_twins}
    model["models"] = models
    if not args.dry_run:
        OUT.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
