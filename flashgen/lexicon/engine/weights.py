"""The engine's fitted numbers: a prior per reading and two weight sets, shipped as package data.

``reading_weights.json`` beside the ``lexicon`` package is written by
``bench/fit_readings.py`` (FIT halves only; docs/reading_model.md says what
was fitted on what): ``prior`` is log P(reading | character), ``plain`` the
weights of the evidence without g2pM, ``g2pm`` those with it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

WEIGHTS_FILE = Path(__file__).parent.with_name("reading_weights.json")


@cache
def model() -> Mapping[str, Any]:
    """The shipped prior and weights (``prior``: log P(reading | character); ``plain`` and ``g2pm``)."""
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
