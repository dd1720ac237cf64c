"""Which readings compete for a character: CC-CEDICT's, never one it does not list for the word.

A card must never teach a reading the dictionary lacks, so the candidates are
the readings of the character's own CC-CEDICT entries and the syllable at its
place in every CC-CEDICT reading of the token holding it (关系 gives 系 xi5);
pypinyin's heteronyms only for a character CC-CEDICT lacks.  A reading whose
entries are all vulgar, archaic or Taiwan-only (鸟 diǎo, 草 cào) is gated out
unless the token's dictionary reading needs it or the aligned English confirms
it.  This module also keeps what the entries say of each reading (a surname, a
name only, what kind of word), which :mod:`.evidence` weighs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import cache, cached_property

from ... import data
from ...memo import per_article
from .. import dictionary
from ..pinyin import normalise
from ..senses import adjectival, clean_senses, sense_score

_GATED = re.compile(
    r"\b(vulgar|penis|vagina|cunt|fuck\w*)\b|[屌屄肏]|euphemistic variant"
    r"|\((old|archaic|literary|classical|ancient|in imperial China)\b|^(old|archaic|ancient) "
    r"|^\(Tw\)|^Taiwan variant|^\(Taiwan\)"
)


def syllables(numbered: str) -> tuple[str, ...]:
    """CC-CEDICT-style numbered pinyin as lower-case syllables, ü spelled ü, erhua NOT joined."""
    return tuple(numbered.lower().replace("u:", "ü").replace("v", "ü").split())


@dataclass(frozen=True)
class CharReading:
    """One reading of a character with what its own CC-CEDICT entries say of it."""

    surname: bool  # one of its entries is "surname ..."
    name_only: bool  # every entry with this reading is a name
    gated: bool  # every sense is vulgar, archaic or Taiwan-only
    senses: tuple[str, ...]

    @cached_property
    def kinds(self) -> frozenset[str]:
        """Particle, classifier, verb, adj, noun, name or none (read only for a character with a choice)."""
        return _kinds(clean_senses(list(self.senses)), self.name_only)


@cache
def char_readings(char: str) -> dict[str, CharReading]:
    """The readings of a single character's own CC-CEDICT entries."""
    grouped: dict[str, list[dictionary.Entry]] = {}
    for entry in dictionary.entries(char):
        found = syllables(entry.pinyin_numbered)
        if len(found) == 1:
            grouped.setdefault(found[0], []).append(entry)
    result = {}
    for reading, entries in grouped.items():
        common = [e for e in entries if not e.is_name]
        senses = tuple(s for e in (common or entries) for s in e.senses)
        every = [s for e in entries for s in e.senses]  # a surname reading is no archaism (沈 shěn)
        result[reading] = CharReading(
            any(s.startswith("surname ") for s in every),
            not common,
            bool(every) and all(_GATED.search(s) for s in every),
            senses,
        )
    return result


def _kinds(senses: Sequence[str], name_only: bool) -> frozenset[str]:
    """What kinds of word a reading makes, read off its CC-CEDICT senses (a reading may be several)."""
    if name_only:
        return frozenset({"name"})
    found = set()
    if any("particle" in s or "marker" in s for s in senses):
        found.add("particle")
    if any(s.startswith("classifier") for s in senses):
        found.add("classifier")
    if any(s.startswith("to ") for s in senses[:5]):
        found.add("verb")
    if adjectival(list(senses), first=2):
        found.add("adj")
    if senses and (not found or not senses[0].startswith(("to ", "classifier"))):
        found.add("noun")  # "noun" stands for any other first sense (an adverb, a noun)
    return frozenset(found or {"none"})


@per_article
@cache
def word_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """CC-CEDICT readings of a word of several characters, one syllable per character."""
    found: list[tuple[str, ...]] = []
    entries = dictionary.entries(word)
    for entry in entries:
        spelled = syllables(entry.pinyin_numbered)
        usable = (not entry.is_variant_only or len(entries) == 1) and len(spelled) == len(word)
        if usable and spelled not in found:
            found.append(spelled)
    return tuple(found)


@cache
def _heteronyms(char: str) -> tuple[str, ...]:
    reader = data.pypinyin()
    found = reader.pinyin(char, style=reader.Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    return tuple(normalise(h) for h in found[0] if h[-1:].isdigit())


def options(char: str, word: str, index: int, english: Set[str]) -> tuple[str, ...]:
    """The readings that compete for ``char``, sorted.

    ``word`` is the token holding the character when it has several characters (else ""),
    ``index`` the character's place in it; ``english`` the aligned English's lemmas.
    """
    return _options(char, word, index, english) if english else _options_alone(char, word, index)


@cache  # without English (every sentence line) the same few questions recur
def _options_alone(char: str, word: str, index: int) -> tuple[str, ...]:
    return _options(char, word, index, frozenset())


def _options(char: str, word: str, index: int, english: Set[str]) -> tuple[str, ...]:
    own = char_readings(char)
    in_word = {r[index] for r in word_readings(word)} if word else set()
    found = (set(own) | in_word) or set(_heteronyms(char))
    gated = {r for r in found if r in own and own[r].gated and r not in in_word}
    if gated and english:  # a gated reading is let in by the English alone
        gated = {r for r in gated if not any(sense_score(s, english) > 0 for s in own[r].senses)}
    return tuple(sorted(found - gated or found))
