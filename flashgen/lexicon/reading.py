"""A word's candidate readings: what CC-CEDICT lists for it, one :class:`Reading` each.

Only these ever compete (a card must never teach a reading the dictionary
does not have).  Entries with the same syllables are merged, so a reading
carries every sense CC-CEDICT gives it, and with them what the choice needs
to know: whether it is a name, whether it only points at another reading,
whether CC-CEDICT lists classifiers for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import dictionary
from .pinyin import normalise, sentence_syllables
from .senses import clean_senses, cross_reference


@dataclass(frozen=True)
class Reading:
    """One reading of a headword with the senses CC-CEDICT gives it."""

    numbered: str
    traditional: str
    senses: tuple[str, ...]
    is_name: bool
    #: CC-CEDICT only points at another reading of the same word (过来 guo4 lai5 "see 过来 guo4 lai2").
    borrowed: bool = False
    #: CC-CEDICT lists classifiers for it (生意 shēng yi "business; CL:笔"): a noun in everyday use.
    counted: bool = False
    #: One of its senses refers the reader to another reading of the same word (老公 lǎo gong
    #: "(coll.) eunuch; see also 老公[lao3 gong1]"): that one is the main entry.
    defers: bool = False
    #: Vulgar: every sense CC-CEDICT gives it is marked vulgar or slang, or it is a variant of a
    #: vulgar word (鸟 diǎo "variant of 屌", 草 cào "variant of 肏", 比 bī "euphemistic variant of
    #: 屄").  A card shows it only when the aligned English asks for it.
    vulgar: bool = False


#: How CC-CEDICT marks a vulgar or slang sense.
_VULGAR = re.compile(r"\((vulgar|slang)\)|\bvulgar\b|euphemistic variant|\bto fuck\b")


@cache
def readings(word: str) -> tuple[Reading, ...]:
    """Distinct readings of ``word`` in CC-CEDICT, common words before names.

    Entries sharing a reading are merged; a capitalised (name) reading counts
    as a name only when no common entry has the same syllables.
    """
    merged: dict[str, Reading] = {}
    for entry in dictionary.entries(word):
        own = tuple(clean_senses(entry.senses))
        senses = own or _referenced_senses(entry.senses)
        if not senses:
            continue
        key = normalise(entry.pinyin_numbered)
        counted = any(part.startswith("CL:") for s in entry.senses for part in s.split("; "))
        defers = any((cross_reference(s) or ("",))[0] == word for s in entry.senses)
        borrowed = defers and not own
        vulgar = all(_VULGAR.search(s) for s in senses) or _points_to_vulgar(entry.senses)
        found = Reading(
            entry.pinyin_numbered,
            entry.traditional,
            senses,
            entry.is_name,
            borrowed,
            counted,
            defers,
            vulgar,
        )
        known = merged.get(key)
        if known is None:
            merged[key] = found
        elif known.is_name and not entry.is_name:
            merged[key] = _merge(found, known)
        else:
            merged[key] = _merge(known, found)
    return tuple(sorted(merged.values(), key=lambda r: r.is_name))


def _points_to_vulgar(senses: Sequence[str]) -> bool:
    """Whether a sense makes the entry a variant of a word CC-CEDICT marks vulgar or slang."""
    for sense in senses:
        target = cross_reference(sense) if "variant of" in sense else None
        if target is not None and any(
            _VULGAR.search(s) for e in dictionary.entries(target[0]) for s in e.senses
        ):
            return True
    return False


def _merge(first: Reading, second: Reading) -> Reading:
    """Two entries with the same reading as one: the first's spelling, both their senses."""
    return Reading(
        first.numbered,
        first.traditional,
        first.senses + second.senses,
        first.is_name and second.is_name,
        first.borrowed and second.borrowed,
        first.counted or second.counted,
        first.defers or second.defers,
        first.vulgar and second.vulgar,
    )


def _referenced_senses(senses: Sequence[str]) -> tuple[str, ...]:
    """The senses of the word a variant-only entry points at (一点儿 → 一点 "a little")."""
    for sense in senses:
        target = cross_reference(sense)
        if target is None:
            continue
        word, reading = target
        found = [e for e in dictionary.entries(word) if normalise(e.pinyin_numbered) == normalise(reading)]
        return tuple(s for e in found for s in clean_senses(e.senses))
    return ()


def senses_heard(char: str, zh_context: str, position: int) -> tuple[str, ...] | None:
    """The senses of the reading pypinyin's phrase data gives the one-character word ``char`` at
    ``position`` of ``zh_context`` (还 hái "still" in 村里还组织了培训, huán "to pay back" in 把钱还给),
    when it has several readings and that one is among them; else None (any may be meant).

    Cheap evidence, not the reading engine's: it only keeps a function word's other reading
    from claiming English words (:func:`flashgen.vocab.explained.others_english`)."""
    candidates = readings(char)
    heard = sentence_syllables(zh_context)[position] if len(candidates) > 1 else None
    fitting = [r for r in candidates if heard and normalise(r.numbered) == normalise(heard)]
    return tuple(s for r in fitting for s in r.senses) if fitting else None
