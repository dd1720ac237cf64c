"""The engine's fitted numbers: a prior per reading and two weight sets, shipped as package data.

``reading_weights.json`` beside the ``lexicon`` package is written by
``bench/fit_readings.py`` (FIT halves only; docs/reading_model.md says what
was fitted on what): ``prior`` is log P(reading | character), ``plain`` the
weights of the evidence without g2pM, ``g2pm`` those with it.  The JSON is
for people and diffs; a run reads it once into the user's cache as marshal
(:func:`flashgen.cache.cached_index`), a quarter of the JSON's parse time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ...cache import cached_index

WEIGHTS_FILE = Path(__file__).parent.with_name("reading_weights.json")
_PARTS = ("prior", "plain", "g2pm")


def _read() -> dict[str, Any]:
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _is_model(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(part), dict) for part in _PARTS)


@cache
def model() -> Mapping[str, Any]:
    """The shipped prior and weights (``prior``: log P(reading | character); ``plain`` and ``g2pm``)."""
    return cached_index("reading-weights-v1", WEIGHTS_FILE, _read, _is_model)
