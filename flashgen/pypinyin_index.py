"""pypinyin's phrase and character readings as flat indexes.

``import pypinyin`` executes two generated modules that build its tables
entry by entry: 47,000 phrases (50 ms) and 42,000 characters (25 ms), a
third of a cold build's time beyond jieba's own start-up.  The same tables
are cached by :mod:`flashgen.cache` (and shipped), and :func:`flashgen.data.pypinyin`
puts them in place of those two modules before pypinyin imports them, so
pypinyin itself, its segmenter and its converter run unchanged on the very
same data.  The phrase table keeps each entry's readings as one string and
decodes it when pypinyin asks for that phrase; its sorted phrases also answer
the segmenter's prefix questions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Container, Iterator, KeysView, Mapping
from itertools import islice
from typing import Any

#: A phrase's readings: syllables apart by tabs, a syllable's alternatives by commas.
_SYLLABLES, _ALTERNATIVES = "\t", ","


class PhraseTable(Mapping[str, list[list[str]]]):
    """pypinyin's ``PHRASES_DICT`` (phrase → one list of readings per character), read-only.

    The phrases stay one sorted list, bisected: no 47,000-entry dict is built
    at start.  The same list answers the prefix questions of pypinyin's
    segmenter (:class:`Prefixes`), which would otherwise build a set of every
    prefix of every phrase as it is imported: while ``importing`` is set,
    :meth:`keys` shows that training nothing.
    """

    def __init__(self, phrases: str, readings: str) -> None:
        self._phrases = phrases.split("\n")  # sorted (build_phrase_index)
        self._readings = readings.split("\n")
        self._found: dict[str, int | None] = {}  # each string asked: its phrase's index, if any
        self.importing = False

    def _index(self, phrase: object) -> int | None:
        if not isinstance(phrase, str):
            return None
        at = self._found.get(phrase, -1)
        if at == -1:
            at = bisect_left(self._phrases, phrase)
            at = self._found[phrase] = at if at < len(self._phrases) and self._phrases[at] == phrase else None
        return at

    def __getitem__(self, phrase: str) -> list[list[str]]:
        at = self._index(phrase)
        if at is None:
            raise KeyError(phrase)
        return [alternatives.split(_ALTERNATIVES) for alternatives in self._readings[at].split(_SYLLABLES)]

    def __contains__(self, phrase: object) -> bool:
        return self._index(phrase) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._phrases)

    def __len__(self) -> int:
        return len(self._phrases)

    def keys(self) -> KeysView[str]:
        """The phrases; none while pypinyin is imported (its segmenter's training, see above)."""
        return KeysView({} if self.importing else self)

    def copy(self) -> PhraseTable:
        """pypinyin copies its tables at import so that users may extend them; this one is never extended."""
        return self

    def prefixes(self) -> Prefixes:
        """The set of the phrases' non-empty prefixes, as pypinyin's segmenter asks it."""
        return Prefixes(self._phrases)


class Prefixes:
    """Every non-empty prefix of a sorted list of phrases, answered by bisection.

    Stands for the ``set`` inside pypinyin's ``mmseg.PrefixSet``, which
    only tests membership and, when a user adds phrases, adds their prefixes.
    """

    def __init__(self, phrases: list[str]) -> None:
        self._phrases = phrases
        self._known: dict[object, bool] = {}  # each string asked (the segmenter asks the same few often)

    def __contains__(self, prefix: object) -> bool:
        known = self._known.get(prefix)
        if known is None:
            known = self._known[prefix] = isinstance(prefix, str) and self._starts_a_phrase(prefix)
        return known

    def _starts_a_phrase(self, prefix: str) -> bool:
        at = bisect_left(self._phrases, prefix)
        return bool(prefix) and at < len(self._phrases) and self._phrases[at].startswith(prefix)

    def add(self, prefix: str) -> None:
        self._known[prefix] = True


def segment(
    text: str, is_han: Callable[[str], bool], prefixes: Container[str], phrases: Container[str]
) -> list[str]:
    """pypinyin's segmentation (``pypinyin.seg.simpleseg.seg`` with its strict ``mmseg`` segmenter):
    runs of Han and other characters, each Han run cut into its longest phrases from the left.

    The same pieces, without a generator and two method calls per character: where no phrase starts
    at a character it stands alone, and where the whole rest of the run starts a phrase without
    holding one, pypinyin leaves every character of that rest alone.
    """
    pieces: list[str] = []
    for run in _runs(text, is_han):
        if not run or not is_han(run[0]):
            pieces.append(run)
            continue
        start, size = 0, len(run)
        while start < size:
            best = end = start  # the end of the longest phrase from start, of the prefixes
            while end < size and run[start : end + 1] in prefixes:
                end += 1
                if run[start:end] in phrases:
                    best = end
            if best > start:
                pieces.append(run[start:best])
                start = best
            elif end == size:
                pieces.extend(run[start:])
                break
            else:
                pieces.append(run[start])
                start += 1
    return pieces


def _runs(text: str, is_han: Callable[[str], bool]) -> list[str]:
    """``simpleseg.simple_seg``: the text as alternating runs of Han and other characters ([""] for "")."""
    runs: list[str] = []
    start = 0
    for at in range(1, len(text)):
        if is_han(text[at]) != is_han(text[at - 1]):
            runs.append(text[start:at])
            start = at
    runs.append(text[start:])
    return runs


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
