"""Fit the reading engine's prior and weights (flashgen/lexicon/engine/) on FIT halves only.

    python bench/fit_readings.py [--reuse] [--dry-run] [--setting CASE,L2,DEBIAS,KNOWING,NEWS]

The FIT set is the FIT half of CPP dev (``bench/cpp.py``), the FIT halves of the project's
case files (``bench/cases.py``: the old polyphone cases and the everyday case files) and the FIT
half of the news lines (``cases.news_lines``: each judged character of a sentence line, read with
the line's own tokens); every split hashes the sentence, and the HELD-OUT halves are never read
here.  Evaluate them with ``python bench/pinyin_eval.py`` and ``python bench/polyphone_cases.py``.

1. The prior per reading, from CC-CEDICT and jieba's counts (no labelled data).
2. The runtime features (the very code of ``evidence.candidates``, and g2pM's) of the marked
   character of every CPP FIT item and of each character of every FIT case's word.
3. The weight of a project case against a CPP item (so that a few hundred everyday cases are
   not drowned by 5,000 encyclopaedia sentences) and the L2 strength, by 5-fold cross-validation
   inside the FIT set.  ``--setting`` forces a setting instead, with two more weights the grid
   keeps at 1 and 1: the share of the case weight kept by the case files written knowing a
   failure (``cases.WRITTEN_KNOWING``: they over-sample a rare reading on purpose) and the weight
   of a news-line character (the thirteenth round's trials of both: docs/reading_model.md).
   The case files of ``cases.NOT_FITTED`` are bars only: their FIT halves are not read.
4. Two weight sets on the whole FIT set with that setting: ``plain`` (without g2pM) and
   ``g2pm``; then the doubt threshold (``scoring.DOUBT``): the share of FIT sentences that would
   load g2pM, and the accuracy, at each threshold.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cases
import cpp

from flashgen.lexicon import dictionary
from flashgen.lexicon.engine import candidates, evidence, g2pm, weights
from flashgen.lexicon.engine.tokens import Token, tokens_for, tokens_of
from flashgen.lexicon.pinyin import numbered
from flashgen.lexicon.tagging import is_han
from flashgen.lexicon.word import locate

FEATURES = cpp.REPO / ".cache-dev" / "fit-features.pickle"


@dataclasses.dataclass(frozen=True)
class Setting:
    """How the FIT sources are weighed against each other, and the L2 strength."""

    case_weight: float  # a project case against a CPP item
    l2: float
    debiasing: float  # 0: the data's mix of readings; 1: the prior's (:func:`debiased`)
    knowing: float  # the share of the case weight kept by a case file written knowing a failure
    news: float  # a news-line character against a CPP item


#: The settings cross-validated (the shipped weights' fit chose the first); a news-line character
#: weighs as a CPP item in each (the thirteenth round's choice: docs/reading_model.md).
GRID = (
    Setting(6.0, 1e-4, 0.0, 1.0, 1.0),
    Setting(6.0, 1e-4, 0.5, 1.0, 1.0),
    Setting(6.0, 1e-4, 1.0, 1.0, 1.0),
    Setting(6.0, 3e-4, 0.5, 1.0, 1.0),
)
#: The criterion's sources, each with the example sources it counts: CPP, the old case files and
#: the everyday cases (those written knowing a failure among them).
CRITERION = {"cpp": ("cpp",), "case": ("case",), "everyday": ("everyday", "knowing")}

#: One example: the candidates' features, the gold's index, the source, the item, its sentence
#: (None for a word read alone).
Example = tuple[list[dict[str, float]], int, str, int, str | None]


def build_prior(smoothing: float = 1.0) -> dict[str, dict[str, float]]:
    """log P(reading | character) for every character with several readings of its own.

    Each CC-CEDICT word of two or more characters votes for the reading it gives each of its
    characters, with weight log(2 + its jieba count); a character's own entries add one vote
    per reading.  So 鸟 is niǎo (小鸟, 鸟类 …), and 了 is split between liǎo (了解) and le.
    """
    votes: dict[str, dict[str, float]] = {}
    for word in dictionary._cedict().headwords:
        if not word or not all(map(is_han, word)):
            continue
        if len(word) == 1:
            for own in candidates.char_readings(word):
                votes.setdefault(word, {}).setdefault(own, 0.0)
                votes[word][own] += 1.0
            continue
        spelled = candidates.word_readings(word)
        weight = math.log(2 + dictionary.frequency(word))
        for reading in spelled:
            for char, syllable in zip(word, reading, strict=True):
                votes.setdefault(char, {}).setdefault(syllable, 0.0)
                votes[char][syllable] += weight / len(spelled)
    table = {}
    for char, counts in votes.items():
        mine = set(candidates.char_readings(char))
        if len(mine) < 2:
            continue
        keys = mine | set(counts)
        total = sum(counts.values()) + smoothing * len(keys)
        table[char] = {r: round(math.log((counts.get(r, 0.0) + smoothing) / total), 3) for r in sorted(keys)}
    return table


def _example(
    sentence: str, position: int, tokens: tuple[Token, ...], label: str, alone: bool = False
) -> list | None:
    """The candidates' features at ``position`` (g2pM's added unless the word is read alone) and the
    gold's index; None if the gold is not among the candidates."""
    cands = evidence.candidates(sentence, tokens, [position]).get(position, [])
    found = [c.reading for c in cands]
    if label not in found:
        return None
    if len(cands) > 1 and not alone:
        evidence.add_g2pm(cands, g2pm.log_probabilities(sentence).get(position, {}))
    return [[c.features for c in cands], found.index(label)]


def cpp_examples(items: list[cpp.Item]) -> tuple[list[Example], int]:
    found, lost = [], 0
    for n, item in enumerate(items):
        got = _example(item.sentence, item.offset, tokens_of(item.sentence), item.label)
        if got is None:
            lost += 1
        elif len(got[0]) > 1:
            found.append((got[0], got[1], "cpp", n, item.sentence))
    return found, lost


def case_examples(fit_cases: list[cases.Case]) -> tuple[list[Example], int]:
    found, lost = [], 0
    for n, case in enumerate(fit_cases):
        sentence = case.sentence or case.word
        position = locate(case.word, sentence)
        gold = candidates.syllables(numbered(case.pinyin))
        if position is None or len(gold) != len(case.word):
            lost += 1
            continue
        tokens = tokens_for(sentence, case.word, position)
        for i, label in enumerate(gold):
            got = _example(sentence, position + i, tokens, label, case.sentence is None)
            if got is None:
                lost += 1
            elif len(got[0]) > 1:
                found.append((got[0], got[1], _source(case.kind), n, case.sentence))
    return found, lost


def _source(kind: str) -> str:
    if kind in cases.WRITTEN_KNOWING:
        return "knowing"
    return "everyday" if kind in cases.SOURCES else "case"


def news_examples(readings: list[cases.LineReading]) -> tuple[list[Example], int]:
    """Each judged character of a news line, with the line's own tokens (as ``sentence_readings``
    reads it); a sentence's characters share a fold."""
    found, lost = [], 0
    sentences = {s: n for n, s in enumerate(dict.fromkeys(r.sentence for r in readings))}
    for r in readings:
        got = _example(r.sentence, r.position, tokens_of(r.sentence), r.reading)
        if got is None:
            lost += 1
        elif len(got[0]) > 1:
            found.append((got[0], got[1], "news", sentences[r.sentence], r.sentence))
    return found, lost


def example_weights(
    examples: list[Example], setting: Setting, prior: dict[str, dict[str, float]]
) -> np.ndarray:
    """Each example's weight in the fit under ``setting``."""
    per_source = {
        "cpp": 1.0,
        "case": setting.case_weight,
        "everyday": setting.case_weight,
        "knowing": setting.case_weight * setting.knowing,
        "news": setting.news,
    }
    source = [e[2] for e in examples]
    return np.array([per_source[s] for s in source]) * debiased(examples, prior, setting.debiasing)


class Design:
    """Every candidate of every example as one row of a sparse matrix, grouped by example."""

    def __init__(self, feats: list[list[dict[str, float]]], gold: list[int], names: list[str]) -> None:
        index = {n: i for i, n in enumerate(names)}
        sizes = np.array([len(c) for c in feats])
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self.group = np.repeat(np.arange(len(feats)), sizes)
        self.rows_n, self.cols_n = int(sizes.sum()), len(names)
        rows, cols, vals = [], [], []
        row = 0
        for cands in feats:
            for f in cands:
                for k, v in f.items():
                    if k in index:
                        rows.append(row)
                        cols.append(index[k])
                        vals.append(v)
                row += 1
        self.rows, self.cols, self.vals = np.array(rows), np.array(cols), np.array(vals, dtype=np.float64)
        self.gold_rows = self.starts + np.array(gold)

    def scores(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=self.vals * w[self.cols], minlength=self.rows_n)

    def probabilities(self, w: np.ndarray) -> np.ndarray:
        s = self.scores(w)
        s = s - np.maximum.reduceat(s, self.starts)[self.group]
        p = np.exp(s)
        return np.asarray(p / np.add.reduceat(p, self.starts)[self.group])

    def gradient(self, residual: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=self.vals * residual[self.rows], minlength=self.cols_n)

    def correct(self, w: np.ndarray) -> np.ndarray:
        s = self.scores(w)
        return np.asarray(s[self.gold_rows] >= np.maximum.reduceat(s, self.starts))


def design_of(examples: list[Example], names: list[str]) -> Design:
    return Design([e[0] for e in examples], [e[1] for e in examples], names)


def fit(design: Design, weight: np.ndarray, l2: float, steps: int = 1200) -> np.ndarray:
    """Conditional logit by Adam on the weighted mean negative log-likelihood plus l2 * |w|^2."""
    d = design.cols_n
    w, m, v = np.zeros(d), np.zeros(d), np.zeros(d)
    share = weight / weight.sum()
    rate, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        residual = design.probabilities(w) * share[design.group]
        residual[design.gold_rows] -= share
        grad = design.gradient(residual) + 2 * l2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad**2
        w -= rate * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return w


def debiased(examples: list[Example], prior: dict[str, dict[str, float]], alpha: float) -> np.ndarray:
    """A weight per example that undoes, for each character, the data's choice of readings.

    Test cases are written to exercise the rare reading (half of the 好 cases are hào), and CPP
    samples sentences per reading, so fitted as they are they teach the rare reading too often.
    An example is weighted by (P_prior(gold) / its share among that character's examples of its
    source) ** ``alpha``, scaled to mean 1 per character and source: 0 leaves the data as it is,
    1 gives each character the prior's mix of readings (cross-validated, :func:`cross_validate`).
    """
    keys = []
    for feats, gold, source, _, _ in examples:
        tag = next((k for k in feats[gold] if k.startswith("c:")), "")
        keys.append((source, tag[2:3], tag[3 : tag.find("|")]) if tag else None)
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for key in keys:
        if key is not None:
            counts.setdefault(key[:2], {}).setdefault(key[2], 0)
            counts[key[:2]][key[2]] += 1
    raw = np.ones(len(examples))
    for i, key in enumerate(keys):
        if key is not None and key[1] in prior:
            share = counts[key[:2]][key[2]] / sum(counts[key[:2]].values())
            raw[i] = (math.exp(prior[key[1]].get(key[2], -10.0)) / share) ** alpha
    for group in counts:
        members = [i for i, key in enumerate(keys) if key is not None and key[:2] == group]
        raw[members] /= raw[members].mean()
    return raw


def cross_validate(examples: list[Example], names: list[str], prior: dict[str, dict[str, float]]) -> Setting:
    """The setting of ``GRID`` with the best mean cross-validated accuracy on the sources of
    ``CRITERION`` (the everyday cases are the nearest to running text, so they are what can tell how
    far to undo the others' over-sampling of rare readings).  The news lines' accuracy is printed
    too: with a news weight of 0 it is that of weights that never saw them."""
    source = np.array([e[2] for e in examples])
    folds = np.array([e[3] % 5 for e in examples])  # a case's (a line's) characters share a fold
    best, best_score = GRID[0], -1.0
    for setting in GRID:
        weight = example_weights(examples, setting, prior)
        right = np.zeros(len(examples), dtype=bool)
        for k in range(5):
            train = [e for e, f in zip(examples, folds, strict=True) if f != k]
            test = [e for e, f in zip(examples, folds, strict=True) if f == k]
            w = fit(design_of(train, names), weight[folds != k], setting.l2, steps=500)
            right[folds == k] = design_of(test, names).correct(w)
        groups = {**CRITERION, "news": ("news",)}
        by_source = {name: right[np.isin(source, members)].mean() for name, members in groups.items()}
        shown = ", ".join(f"{k} {v:.4f}" for k, v in by_source.items())
        print(f"    {setting}: CV accuracy {shown}", flush=True)
        score = sum(by_source[name] for name in CRITERION) / len(CRITERION)
        if score > best_score:
            best, best_score = setting, score
    return best


def in_doubt(examples: list[Example], plain: dict[str, float], threshold: float) -> set[str]:
    """The sentences where the plain model's best reading of some example is below ``threshold``
    (never a word read alone, which g2pM does not read)."""
    doubtful = set()
    for feats, _, _, _, sentence in examples:
        scores = [sum(plain.get(k, 0.0) * v for k, v in f.items() if not k.startswith("g2pm")) for f in feats]
        top = max(scores)
        if sentence is not None and 1 / sum(math.exp(s - top) for s in scores) < threshold:
            doubtful.add(sentence)
    return doubtful


def doubt_table(examples: list[Example], plain: dict[str, float], g2pm: dict[str, float]) -> None:
    """For each threshold: the share of FIT sentences g2pM would be loaded for, and the accuracy."""
    sentences = {e[4] for e in examples}
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95, 0.99):
        doubtful = in_doubt(examples, plain, threshold)
        right = 0
        for feats, gold, _, _, sentence in examples:
            w = g2pm if sentence in doubtful else plain
            scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f in feats]
            right += scores[gold] >= max(scores)
        print(
            f"    DOUBT {threshold}: g2pM loaded for {len(doubtful) / len(sentences):.1%} of FIT sentences,"
            f" accuracy on FIT {right / len(examples):.4f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true", help="reuse the features of the last run")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the weights")
    parser.add_argument("--setting", help="CASE,L2,DEBIAS,KNOWING,NEWS: fit with it, no cross-validation")
    args = parser.parse_args(argv)
    items = cpp.load()
    if items is None:
        print(f"skipped: {cpp.CPP_DIR} is absent")
        return 0
    fit_items = [i for i in items if i.half == "fit"]  # the HELD-OUT halves are never used here
    fit_cases = [c for c in cases.load() if c.half == "fit" and c.kind not in cases.NOT_FITTED]
    fit_lines = [r for r in cases.news_lines() if r.half == "fit"]

    t = time.perf_counter()
    model: dict[str, object] = {
        "about": "flashgen reading engine: prior from CC-CEDICT x jieba counts; weights fitted by "
        "bench/fit_readings.py on the FIT halves (sha1(sentence)[:8] even) of CPP dev and of "
        "tests/lexicon/cases (polyphones/*, everyday*.json, news_lines.json by the "
        "setting's news weight, as bench/cases.py lists them)",
        "prior": build_prior(),
        "plain": {},
        "g2pm": {},
    }
    print(f"prior in {time.perf_counter() - t:.1f} s")
    weights.model.cache_clear()
    weights.model = lambda: model  # type: ignore[assignment,misc]

    if args.reuse and FEATURES.is_file():
        examples = pickle.loads(FEATURES.read_bytes())
    else:
        t = time.perf_counter()
        from_cpp, lost_cpp = cpp_examples(fit_items)
        from_cases, lost_cases = case_examples(fit_cases)
        from_lines, lost_lines = news_examples(fit_lines)
        examples = from_cpp + from_cases + from_lines
        print(
            f"{len(from_cpp)} CPP FIT examples with a choice ({lost_cpp} labels outside the candidates), "
            f"{len(from_cases)} from {len(fit_cases)} FIT cases ({lost_cases} outside), "
            f"{len(from_lines)} from {len(fit_lines)} FIT news-line characters ({lost_lines} outside), "
            f"in {time.perf_counter() - t:.0f} s",
            flush=True,
        )
        FEATURES.parent.mkdir(exist_ok=True)
        FEATURES.write_bytes(pickle.dumps(examples))

    everything = sorted({k for e in examples for f in e[0] for k in f})
    plain_names = [n for n in everything if not n.startswith("g2pm")]
    prior = model["prior"]
    if args.setting:
        setting = Setting(*(float(v) for v in args.setting.split(",")))
    else:
        print(f"[g2pm] {len(everything)} features; cross-validating the setting inside the FIT set")
        setting = cross_validate(examples, everything, prior)  # type: ignore[arg-type]
    weight = example_weights(examples, setting, prior)  # type: ignore[arg-type]
    for name, names in (("plain", plain_names), ("g2pm", everything)):
        design = design_of(examples, names)
        w = fit(design, weight, setting.l2)
        accuracy = design.correct(w).mean()
        print(f"[{name}] {setting}; FIT {accuracy:.4f}")
        model[name] = {n: round(float(v), 3) for n, v in zip(names, w, strict=True) if abs(v) >= 0.005}
        top = sorted(model[name].items(), key=lambda kv: -abs(kv[1]))[:16]  # type: ignore[union-attr]
        print("   largest weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in top))
    model["fitted_with"] = dataclasses.asdict(setting)
    doubt_table(examples, model["plain"], model["g2pm"])  # type: ignore[arg-type]
    if not args.dry_run:
        weights.WEIGHTS_FILE.write_text(
            json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        print(f"wrote {weights.WEIGHTS_FILE} ({weights.WEIGHTS_FILE.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
