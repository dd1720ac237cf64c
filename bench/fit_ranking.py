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

``--senses`` fits the order of a card's senses instead (``sense_order.rank_senses``): each key
term of the development articles and the seed with an expected English, picked, whose reading
has senses that hold it and senses that do not, gives one example per (right, wrong) pair of
senses, the difference of their features (:func:`sense_features`) labelled 1 and its negation
0; the fitted weights score each sense, the best first (a conditional logit).  Printed: how
many terms lead with a right sense, in use and leave-one-article-out fitted.
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from vocab_eval import SHARED, holds

from flashgen.align import align_article
from flashgen.lexicon.english_lemmas import content_lemmas
from flashgen.lexicon.reading import readings
from flashgen.lexicon.sense_order import rank_senses, sense_evidence
from flashgen.lexicon.senses import distinct_senses
from flashgen.options import Options
from flashgen.text import read_article
from flashgen.types import SentencePair
from flashgen.vocab import pick_terms
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


def sense_features(index: int, sense: str, count: int, english: set[str]) -> dict[str, float]:
    """The evidence ``rank_senses`` orders by, and the sense's place and shape in its entry."""
    found = sense_evidence(sense, english)
    return {
        "direct": found.direct,
        "coverage": found.coverage,
        "related": min(found.related, 3),
        "paraphrased": min(found.paraphrased, 2),
        "marked": float(found.marked),
        "first": float(index == 0),
        "order": index / max(count - 1, 1),
        "words": min(len(sense.split()), 8) / 8,
        "note first": float(sense.startswith("(")),
        "verb": float(sense.startswith("to ")),
    }


@dataclass
class SenseCase:
    article: str
    word: str
    senses: list[str]
    right: list[bool]
    features: list[dict[str, float]]
    in_use_right: bool


def sense_cases(name: str, pairs: list[SentencePair], case: dict[str, object]) -> list[SenseCase]:
    """Picked key terms whose senses are partly right for the expected English."""
    terms = {t.word.simplified: t for t in pick_terms(pairs, Options())}
    found = []
    for key in case["key"]:  # type: ignore[attr-defined]
        term = next((terms[a] for a in key["term"].split("|") if a in terms), None)
        if term is None or not key.get("english"):
            continue
        word = term.word
        reading = next((r for r in readings(word.simplified) if r.numbered == word.pinyin_numbered), None)
        senses = distinct_senses(reading.senses) if reading else []
        right = [holds(s, key["english"]) for s in senses]
        if not any(right) or all(right):
            continue
        english = content_lemmas(term.example.en)
        in_use = holds(rank_senses(senses, english)[0], key["english"])
        features = [sense_features(i, s, len(senses), english) for i, s in enumerate(senses)]
        found.append(SenseCase(name, term.word.simplified, senses, right, features, in_use))
    return found


def sense_pairs(cases: list[SenseCase]) -> list[Example]:
    """One example per (right, wrong) pair of a term's senses, and its mirror."""
    data = []
    for c in cases:
        for good in (f for f, r in zip(c.features, c.right, strict=True) if r):
            for bad in (f for f, r in zip(c.features, c.right, strict=True) if not r):
                diff = {k: good[k] - bad[k] for k in good}
                data.append(Example(c.article, c.word, diff, True))
                data.append(Example(c.article, c.word, {k: -v for k, v in diff.items()}, False))
    return data


def fitted_right(c: SenseCase, weights: dict[str, float]) -> bool:
    best = max(range(len(c.senses)), key=lambda i: (linear(weights, c.features[i]), -i))
    return c.right[best]


def main_senses() -> None:
    cases = [
        c
        for name, case in development_cases().items()
        if not name.startswith("picker/")  # no expected English
        for c in sense_cases(name, pairs_of(case["pairs"]), case)  # type: ignore[arg-type]
    ]
    seed = SHARED / "corpus" / "seed-article.txt"
    if seed.exists():
        gold = json.loads((SHARED / "gold" / "seed-terms.json").read_text(encoding="utf-8"))
        cases += sense_cases("seed", align_article(read_article(seed, Options())), gold)
    names = sorted(cases[0].features[0])
    fitted = 0
    for article in sorted({c.article for c in cases}):
        weights = fit(sense_pairs([c for c in cases if c.article != article]), names)
        fitted += sum(fitted_right(c, weights) for c in cases if c.article == article)
    in_use = sum(c.in_use_right for c in cases)
    print(f"{len(cases)} key terms with right and wrong senses: first sense right in use {in_use}, ", end="")
    print(f"fitted leave-one-article-out {fitted}")
    weights = fit(sense_pairs(cases), names)
    for name in names:
        print(f"    {name:<12} {weights[name]:7.3f}")


if __name__ == "__main__":
    if "--senses" in sys.argv[1:]:
        main_senses()
    else:
        main("--write" in sys.argv[1:])
