"""Pinyin conversions. PROVISIONAL: numbered → tone marks only."""

from __future__ import annotations

import re

_MARKS = {"a": "āáǎàa", "e": "ēéěèe", "i": "īíǐìi", "o": "ōóǒòo", "u": "ūúǔùu", "ü": "ǖǘǚǜü"}


def _mark_syllable(syllable: str) -> str:
    match = re.fullmatch(r"([a-zü:v]+?)([1-5])", syllable, re.IGNORECASE)
    if not match:
        return syllable
    body, tone = match.group(1).replace("u:", "ü").replace("v", "ü"), int(match.group(2))
    lower = body.lower()
    for vowel in ("a", "e", "ou"):
        if vowel in lower:
            i = lower.index(vowel)
            break
    else:
        i = max(lower.rfind(v) for v in "aeiouü")
    if i < 0:
        return body
    return body[:i] + _MARKS[lower[i]][tone - 1] + body[i + 1 :]


def marks(numbered: str) -> str:
    """'yin2 hang2' → 'yín háng'."""
    return " ".join(_mark_syllable(s) for s in numbered.split())
