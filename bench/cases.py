"""The project's polyphone cases (tests/lexicon/cases/polyphones/*.json), split FIT / HELD-OUT.

Shared by ``bench/fit_readings.py`` and ``bench/polyphone_cases.py``.  Each
kind file ({"word", "sentence", "pinyin"} cases) is split the way CPP dev is
(``bench/cpp.py``): a case is FIT when the first 8 hex digits of the SHA-1 of
its sentence (UTF-8) read as an even integer, else HELD-OUT.  The kind is the
file's name (characters, particles, words, neutral_tone, names).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpp import REPO, half_of

CASES_DIR = REPO / "tests" / "lexicon" / "cases" / "polyphones"


@dataclass(frozen=True)
class Case:
    kind: str
    word: str
    sentence: str
    pinyin: str  # tone marks, as the card shows it
    half: str  # "fit" or "held-out"


def load(directory: Path = CASES_DIR) -> list[Case]:
    found = []
    for path in sorted(directory.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            found.append(
                Case(path.stem, case["word"], case["sentence"], case["pinyin"], half_of(case["sentence"]))
            )
    return found


def kinds(cases: list[Case]) -> list[str]:
    return sorted({c.kind for c in cases})
