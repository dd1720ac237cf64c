"""Fit the ranking's weights (``flashgen.vocab.scoring.WEIGHTS``) on the development articles.

Run by hand (``python bench/fit_ranking.py``); never part of the test suite.  Every candidate
that may be a term (``ranking.judge``, names left out as by default) of the development
articles (``tests/vocab/cases/articles`` marked DEVELOPMENT) and the picker cases
(``tests/vocab/cases/picker``) is one example: its :func:`~flashgen.vocab.scoring.features`,
labelled 1 when it is on the teacher's key list.  The held-out articles are never read.

A logistic regression (L2, Newton's method) gives one weight per feature and a bias.  The
score a term is ranked by is that logit; the threshold is set so the development articles
keep as many cards as the weights in use give them (same budget, a different order), so the
figure compared is how many key terms a budget of cards holds.

Printed: the weights, the threshold, and leave-one-article-out recall at each article's card
budget for the weights in use and for the fitted ones (each article scored by weights fitted
on the others).  ``--write`` prints the lines to paste into ``flashgen/vocab/scoring.py``.
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from flashgen.options import Options
from flashgen.types import SentencePair
from flashgen.vocab.candidates import collect
from flashgen.vocab.ranking import MIN_SCORE, judge
from flashgen.vocab.scoring import WEIGHTS, features
from flashgen.vocab.selection import is_wanted

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "vocab" / "cases"
#: L2 penalty on the weights (not the bias): the examples are few.
_PENALTY = 1.0
_BIAS = "bias"
#: A candidate on a case's junk list counts this many times: it is a card a teacher rejects,
#: where an unlisted candidate is only one the teacher did not choose.
_JUNK_WEIGHT = float(sys.argv[sys.argv.index("--junk") + 1]) if "--junk" in sys.argv else 5.0


@dataclass
class Example:
    article: str
    word: str
    features: dict[str, float]
    key: bool
    junk: bool = False


def pairs_of(rows: list[list[str]]) -> list[SentencePair]:
    return [SentencePair(zh, en, (i,), (i,), 1.0) for i, (zh, en) in enumerate(rows)]


def key_words(case: dict[str, object]) -> set[str]:
    keys = case["key"]
    assert isinstance(keys, list)
    return {a for k in keys for a in (k["term"] if isinstance(k, dict) else k).split("|")}


def development_cases() -> dict[str, dict[str, object]]:
    found = {}
    for path in sorted((CASES / "articles").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        if not re.search(r"HELD-OUT", case["about"]):
            found[path.stem] = case
    for path in sorted((CASES / "picker").glob("*.json")):
        found["picker/" + path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return found


def examples(name: str, case: dict[str, object]) -> list[Example]:
    rows = case["pairs"]
    assert isinstance(rows, list)
    pairs = pairs_of(rows)
    keys = key_words(case)
    junk = set(case.get("junk", [])) | set(case.get("never", []))  # type: ignore[arg-type]
    wanted = [c for c in collect(pairs) if is_wanted(c, Options())]
    return [
        Example(
            name,
            j.candidate.text,
            features(j.candidate, bool(j.translated), j.new_sense),
            j.candidate.text in keys,
            j.candidate.text in junk,
        )
        for j in judge(wanted, pairs)
    ]


def linear(weights: dict[str, float], x: dict[str, float]) -> float:
    return weights.get(_BIAS, 0.0) + sum(weights.get(k, 0.0) * v for k, v in x.items())


def fit(data: list[Example], names: list[str]) -> dict[str, float]:
    """Logistic regression by Newton's method (a handful of features: the Hessian is small)."""
    columns = [_BIAS, *names]
    w = dict.fromkeys(columns, 0.0)
    for _ in range(30):
        grad = dict.fromkeys(columns, 0.0)
        hess = {(a, b): 0.0 for a in columns for b in columns}
        for e in data:
            x = {_BIAS: 1.0, **e.features}
            p = 1.0 / (1.0 + math.exp(-linear(w, e.features)))
            weight = _JUNK_WEIGHT if e.junk else 1.0
            for a in columns:
                xa = x.get(a, 0.0)
                if not xa:
                    continue
                grad[a] += weight * (p - e.key) * xa
                for b in columns:
                    hess[a, b] += weight * p * (1 - p) * xa * x.get(b, 0.0)
        for a in names:
            grad[a] += _PENALTY * w[a]
            hess[a, a] += _PENALTY
        step = solve([[hess[a, b] for b in columns] for a in columns], [grad[a] for a in columns])
        w = {a: w[a] - s for a, s in zip(columns, step, strict=True)}
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    rows = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        if abs(rows[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] if abs(rows[i][i]) > 1e-12 else 0.0 for i in range(n)]


def budget(data: list[Example], weights: dict[str, float], threshold: float, cap: int) -> dict[str, int]:
    """Cards per article: candidates at or above the threshold, at most ``cap``."""
    counts: dict[str, int] = {}
    for e in data:
        counts[e.article] = counts.get(e.article, 0) + (linear(weights, e.features) >= threshold)
    return {a: min(cap, n) for a, n in counts.items()}


def keys_in_budget(data: list[Example], weights: dict[str, float], cards: dict[str, int]) -> int:
    found = 0
    for article, n in cards.items():
        ranked = sorted((e for e in data if e.article == article), key=lambda e: -linear(weights, e.features))
        found += sum(e.key for e in ranked[:n])
    return found


def threshold_for(data: list[Example], weights: dict[str, float], total: int, cap: int) -> float:
    """The score threshold at which the articles keep ``total`` cards between them."""
    scores = sorted({round(linear(weights, e.features), 4) for e in data}, reverse=True)
    best = scores[-1]
    for t in scores:
        if sum(budget(data, weights, t, cap).values()) <= total:
            best = t
        else:
            break
    return best


def main(write: bool) -> None:
    cap = Options().max_words
    data = [e for name, case in development_cases().items() for e in examples(name, case)]
    names = sorted({k for e in data for k in e.features})
    in_use = {k: WEIGHTS.get(k, 0.0) for k in names}
    cards = budget(data, in_use, MIN_SCORE, cap)
    keys = sum(e.key for e in data)
    print(f"{len(data)} candidates, {keys} key terms among them, {sum(cards.values())} cards in use")
    articles = sorted(cards)
    held_in_use = held_fitted = 0
    for article in articles:
        train = [e for e in data if e.article != article]
        test = [e for e in data if e.article == article]
        w = fit(train, names)
        held_in_use += keys_in_budget(test, in_use, {article: cards[article]})
        held_fitted += keys_in_budget(test, w, {article: cards[article]})
    print(f"leave-one-article-out, key terms within each article's budget: in use {held_in_use}, ", end="")
    print(f"fitted {held_fitted}")
    weights = fit(data, names)
    threshold = threshold_for(data, weights, sum(cards.values()), cap)
    fitted_cards = budget(data, weights, threshold, cap)
    found, found_in_use = keys_in_budget(data, weights, fitted_cards), keys_in_budget(data, in_use, cards)
    print(f"threshold {threshold:.3f}: {sum(fitted_cards.values())} cards, ", end="")
    print(f"key terms within them {found} (in use: {found_in_use})")
    for name in [_BIAS, *names]:
        print(f"    {name:<12} {weights[name]:7.3f}   (in use {WEIGHTS.get(name, 0.0):5.2f})")
    if write:
        print("WEIGHTS = {")
        for name in names:
            print(f'    "{name}": {weights[name]:.3f},')
        print("}")
        print(f"_BIAS = {weights[_BIAS]:.3f}")
        print(f"MIN_SCORE = {threshold:.3f}")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
