"""pypinyin's phrase and character readings as flat indexes.

``import pypinyin`` executes two generated modules that build its tables
entry by entry: 47,000 phrases (50 ms) and 42,000 characters (25 ms), a
third of a cold build's time beyond jieba's own start-up.  The same tables
are cached by :mod:`flashgen.cache` (and shipped), and :func:`flashgen.data.pypinyin`
puts them in place of those two modules before pypinyin imports them, so
pypinyin itself, its segmenter and its converter run unchanged on the very
same data.  The phrase table keeps each entry's readings as one string and
decodes it when pypinyin asks for that phrase.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

#: A phrase's readings: syllables apart by tabs, a syllable's alternatives by commas.
_SYLLABLES, _ALTERNATIVES = "\t", ","


class PhraseTable(Mapping[str, list[list[str]]]):
    """pypinyin's ``PHRASES_DICT`` (phrase → one list of readings per character), read-only."""

    def __init__(self, phrases: str, readings: str) -> None:
        self._encoded = dict(zip(phrases.split("\n"), readings.split("\n"), strict=True))

    def __getitem__(self, phrase: str) -> list[list[str]]:
        return [alternatives.split(_ALTERNATIVES) for alternatives in self._encoded[phrase].split(_SYLLABLES)]

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._encoded

    def __iter__(self) -> Iterator[str]:
        return iter(self._encoded)

    def __len__(self) -> int:
        return len(self._encoded)

    def copy(self) -> PhraseTable:
        """pypinyin copies its tables at import so that users may extend them; this one is never extended."""
        return self


def build_phrase_index(phrases: Mapping[str, list[list[str]]]) -> tuple[str, str]:
    """pypinyin's phrase table as (phrases, their encoded readings), one line each."""
    keys = sorted(phrases)
    encoded = (_SYLLABLES.join(_ALTERNATIVES.join(alts) for alts in phrases[key]) for key in keys)
    return "\n".join(keys), "\n".join(encoded)


def is_phrase_index(value: Any) -> bool:
    """The shape :func:`build_phrase_index` gives: two texts with as many lines."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(part, str) for part in value)
        and value[0].count("\n") == value[1].count("\n")
    )


def is_char_index(value: Any) -> bool:
    """The shape of pypinyin's character table: code point → comma-separated readings.

    Its content is vouched for by the cache's digest; the first entries show its shape.
    """
    return (
        isinstance(value, dict)
        and len(value) > 0
        and all(
            type(code) is int and isinstance(readings, str) for code, readings in islice(value.items(), 16)
        )
    )
