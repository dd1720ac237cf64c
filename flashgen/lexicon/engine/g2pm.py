"""g2pM's polyphone model, asked only for sentences the cheaper evidence leaves in doubt.

g2pM (PyPI ``g2pM`` 0.1.2.5, Apache-2.0) is the one-layer BiLSTM of the CPP
paper, its weights and tables pickled inside the wheel.  It needs numpy, whose
import alone costs about a twelfth of jieba's start-up, so nothing here is
imported until a sentence is in doubt.

Its ``__call__`` decodes each polyphonic character to one reading, and its
``G2pM`` object unpickles a whole character dictionary (10 ms) and steps each
direction of the network in its own dozen numpy calls per character.  The
engine needs the whole distribution over g2pM's readings, so it runs g2pM's
own weights here: the per-character input products in one stacked call (each
row the very product g2pM computes, so the same float32 rounding), both
directions stepped together, and only the polyphonic part of g2pM's
dictionary, cached on disk (:func:`flashgen.cache.cached_index`).  The
log-probabilities equal g2pM's to 1e-12 on every CPP dev sentence
(``tests/lexicon/test_readings.py`` checks a sample against g2pM itself).
"""

from __future__ import annotations

import math
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from ... import data
from ...cache import cached_index
from ...memo import per_article
from ..pinyin import normalise

#: g2pM's start, end and unknown tokens.
_BOS, _EOS, _UNKNOWN = "시", "끝", "<UNK>"
#: (polyphonic characters with g2pM's readings of each, character ids, reading classes)
_Tables = tuple[dict[str, list[str]], dict[str, int], dict[str, int]]


@cache
def available() -> bool:
    """Whether g2pM and numpy are installed (the engine reads without them, less well)."""
    try:
        import g2pM  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def _unpickle(name: str) -> Any:
    with data.package_file("g2pM", name).open("rb") as fh:  # g2pM's own files, trusted as its code
        return pickle.load(fh)


def _build_tables() -> _Tables:
    readings = _unpickle("digest_cedict.pkl")
    polyphones = {char: list(found) for char, found in readings.items() if len(found) > 1}
    return polyphones, dict(_unpickle("char2idx.pkl")), dict(_unpickle("class2idx.pkl"))


def _is_tables(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and all(isinstance(part, dict) for part in value)


@cache
def _tables() -> _Tables:
    source: Path = data.package_file("g2pM", "digest_cedict.pkl")
    return cached_index("g2pm-tables-v1", source, _build_tables, _is_tables)


class _Network:
    """g2pM's BiLSTM and its two-layer classifier, with g2pM's arithmetic (float32 weights; the
    recurrent state in float64, as g2pM's zero initial state makes it)."""

    def __init__(self) -> None:
        import numpy as np

        state = _unpickle("np_ckpt.pkl")
        self.embedding = state["embedding.weight"]
        # transposed views, multiplied as g2pM multiplies them
        self.input = (state["lstm.weight_ih_l0"].T, state["lstm.weight_ih_l0_reverse"].T)
        self.input_bias = (state["lstm.bias_ih_l0"], state["lstm.bias_ih_l0_reverse"])
        recurrent = (state["lstm.weight_hh_l0"].T, state["lstm.weight_hh_l0_reverse"].T)
        self.recurrent = np.stack(recurrent).astype(np.float64)  # (direction, hidden, 4 × hidden)
        self.recurrent_bias = np.stack([state["lstm.bias_hh_l0"], state["lstm.bias_hh_l0_reverse"]])
        self.hidden_layer = (state["logit_layer.0.weight"].T, state["logit_layer.0.bias"])
        self.output_layer = (state["logit_layer.2.weight"].T, state["logit_layer.2.bias"])

    def logits(self, ids: list[int], rows: list[int]) -> Any:
        """The classifier's logits at ``rows`` of the sequence ``ids`` (start and end tokens included)."""
        import numpy as np

        embedded = self.embedding[ids][:, None, :]  # (time, 1, input): one row per product, as g2pM
        forward = np.matmul(embedded, self.input[0])[:, 0, :] + self.input_bias[0]
        backward = np.matmul(embedded, self.input[1])[:, 0, :] + self.input_bias[1]
        steps = np.stack([forward, backward[::-1]], axis=1).astype(np.float64)  # (time, direction, 4h)
        size = self.recurrent.shape[1]
        h = np.zeros((2, 1, size))
        c = np.zeros((2, size))
        states = np.empty((len(ids), 2, size))
        for t, step in enumerate(steps):
            gates = step + (np.matmul(h, self.recurrent)[:, 0, :] + self.recurrent_bias)
            sigmoid = 1 / (1 + np.exp(-gates))  # input, forget, (unused), output
            c = sigmoid[:, size : 2 * size] * c + sigmoid[:, :size] * np.tanh(gates[:, 2 * size : 3 * size])
            states[t] = sigmoid[:, 3 * size :] * np.tanh(c)
            h = states[t][:, None, :]
        hidden = np.concatenate([states[:, 0], states[::-1, 1]], axis=1)[rows]
        first = np.matmul(hidden, self.hidden_layer[0]) + self.hidden_layer[1]
        return np.matmul(first * (first > 0), self.output_layer[0]) + self.output_layer[1]


@cache
def _network() -> _Network:
    return _Network()


@per_article
@cache
def log_probabilities(sentence: str) -> dict[int, dict[str, float]]:
    """g2pM's log-probabilities over its own readings at each character it calls polyphonic."""
    polyphones, char_ids, classes = _tables()
    positions = [i for i, c in enumerate(sentence) if c in polyphones]
    if not positions:
        return {}
    unknown = char_ids[_UNKNOWN]
    ids = [char_ids[_BOS], *(char_ids.get(c, unknown) for c in sentence), char_ids[_EOS]]
    logits = _network().logits(ids, [p + 1 for p in positions])
    result = {}
    for row, p in zip(logits, positions, strict=True):
        known = {normalise(o): float(row[classes[o]]) for o in polyphones[sentence[p]] if o in classes}
        top = max(known.values())
        total = top + math.log(sum(math.exp(v - top) for v in known.values()))
        result[p] = {r: v - total for r, v in known.items()}
    return result
