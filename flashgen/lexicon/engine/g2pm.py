"""g2pM's polyphone model, asked only for sentences the cheaper evidence leaves in doubt.

g2pM (PyPI ``g2pM`` 0.1.2.5, Apache-2.0) is the BiLSTM of the CPP paper, its
weights inside the wheel.  It needs numpy, whose import alone costs about a
twelfth of jieba's start-up, so nothing here is imported until a sentence is
in doubt.  Its ``__call__`` decodes each polyphonic character to one reading;
the engine needs the whole distribution over the readings g2pM's own
dictionary lists, so the network is run here.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from ..pinyin import normalise


@cache
def available() -> bool:
    """Whether g2pM and numpy are installed (the engine reads without them, less well)."""
    try:
        import g2pM  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def _g2pm() -> Any:
    from g2pM import G2pM

    return G2pM()


@cache
def log_probabilities(sentence: str) -> dict[int, dict[str, float]]:
    """g2pM's log-probabilities over its own readings at each character it calls polyphonic."""
    import numpy as np

    g = _g2pm()
    positions = [i for i, c in enumerate(sentence) if len(g.cedict.get(c, ())) > 1]
    if not positions:
        return {}
    unknown = g.char2idx["<UNK>"]
    ids = np.array([[g.char2idx["시"], *(g.char2idx.get(c, unknown) for c in sentence), g.char2idx["끝"]]])
    lengths = [ids.shape[1]]
    forward_in = g.get_embedding(ids)
    backward_in = g.get_embedding(g.reverse_sequence(ids, lengths))
    forward_state = backward_state = None
    forward, backward = [], []
    for t in range(ids.shape[1]):
        forward_state = g.fw_lstm_cell(forward_in[:, t, :], forward_state)
        backward_state = g.bw_lstm_cell(backward_in[:, t, :], backward_state)
        forward.append(forward_state[0])
        backward.append(backward_state[0])
    hidden = np.concatenate(
        [np.stack(forward, axis=1), g.reverse_sequence(np.stack(backward, axis=1), lengths)], axis=2
    )[0]
    logits = g.fc_layer(hidden[[p + 1 for p in positions]])
    classes = _classes()
    result = {}
    for row, p in zip(logits, positions, strict=True):
        known = {normalise(o): float(row[classes[o]]) for o in g.cedict[sentence[p]] if o in classes}
        top = max(known.values())
        total = top + math.log(sum(math.exp(v - top) for v in known.values()))
        result[p] = {r: v - total for r, v in known.items()}
    return result


@cache
def _classes() -> dict[str, int]:
    return {pron: index for index, pron in _g2pm().idx2class.items()}
