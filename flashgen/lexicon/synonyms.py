"""English synonyms read off CC-CEDICT: words that gloss the same Chinese entry.

A translator rarely uses the dictionary's own gloss: 温馨 is glossed "warm",
the article says "cozy"; 简朴 "simple and unadorned", the article "spartan".
CC-CEDICT itself links such words: 舒适 is "cozy; snug", 清苦 "poor and simple;
spartan; austere".  Two English words are taken as synonyms when one short
entry (a few senses, each of a few words) lists both.  The relation is broad
(it is built from every entry), so a match through it is weak evidence: it
only decides when no gloss matches the sentence directly.

The same file says which characters an English word is written with: :func:`characters`
gives those of the headwords a one-word gloss names ("overtake": 超车, 赶超 …), so that a
sentence word can be tied to a card's word by a shared character (反超 "overtook").

The indexes are built once per install from the CC-CEDICT file and cached like
the dictionary's own (:func:`flashgen.cache.cached_index`), as flat sorted
strings so that a cold run loads it in milliseconds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..cache import cached_index
from .dictionary import LOWER_WORD, NOTE_RE, STOPWORDS, cedict_file, cedict_rows, lemma
from .forms import ends_in_eed

#: An entry with more senses than this mixes unrelated meanings (反复 "repeatedly; to upend").
_MAX_SENSES = 4
#: Two words joined like this are two synonyms ("poor and simple"); otherwise a phrase
#: of several words is a description ("guest room"), not a synonym of each word.
_COORDINATION = re.compile(r"^(?:to |a |an )?([a-z-]+) (?:and|or) ([a-z-]+)$")


def _gloss_lemmas(gloss: str) -> list[str]:
    """A gloss's words that are synonyms of the entry: one word, or the two of a coordination."""
    text = NOTE_RE.sub(" ", gloss).strip().lower()
    pair = _COORDINATION.match(text)
    # a gloss is a base form: its -eed is the word's own (breed, exceed), never a past tense
    words = [w if ends_in_eed(w) else lemma(w) for w in (pair.groups() if pair else LOWER_WORD.findall(text))]
    words = [w for w in words if w not in STOPWORDS and len(w) > 2]
    return words if len(words) == 1 or pair else []


def _build() -> tuple[str, str]:
    related: dict[str, set[str]] = {}
    for _, _, pinyin, glosses in cedict_rows():
        if pinyin[:1].isupper():  # names gloss nothing alike
            continue
        senses = [s for s in glosses.split("/") if s and not s.startswith(("CL:", "variant", "see "))]
        if not 1 < len(senses) <= _MAX_SENSES:
            continue
        words = {w for sense in senses for gloss in sense.split(";") for w in _gloss_lemmas(gloss)}
        for word in words:
            related.setdefault(word, set()).update(words - {word})
    keys = sorted(related)
    return "\n".join(keys), "\n".join(" ".join(sorted(related[k])) for k in keys)


def _is_index(value: object) -> bool:
    """The shape :func:`_build` gives: two texts with a line each per headword."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(part, str) for part in value)
        and value[0].count("\n") == value[1].count("\n")
    )


@cache
def _index() -> tuple[list[str], list[str]]:
    keys, values = cached_index("synonyms-v6", cedict_file(), _build, _is_index)
    return keys.split("\n"), values.split("\n")


@cache
def synonyms(word_lemma: str) -> frozenset[str]:
    """The lemmas CC-CEDICT lists beside ``word_lemma`` in a short entry (cozy → warm, snug …)."""
    keys, values = _index()
    at = bisect_left(keys, word_lemma)
    if at < len(keys) and keys[at] == word_lemma:
        return frozenset(values[at].split())
    return frozenset()


def _build_characters() -> tuple[str, str]:
    written: dict[str, set[str]] = {}
    for _, simplified, pinyin, glosses in cedict_rows():
        if pinyin[:1].isupper():
            continue
        for sense in glosses.split("/"):
            if sense.startswith(("CL:", "variant", "see ")):
                continue
            for word in {w for gloss in sense.split(";") for w in _gloss_lemmas(gloss)}:
                written.setdefault(word, set()).update(simplified)
    keys = sorted(written)
    return "\n".join(keys), "\n".join("".join(sorted(written[k])) for k in keys)


@cache
def _characters_index() -> tuple[list[str], list[str]]:
    keys, values = cached_index("characters-v3", cedict_file(), _build_characters, _is_index)
    return keys.split("\n"), values.split("\n")


@cache
def characters(word_lemma: str) -> frozenset[str]:
    """The characters of the CC-CEDICT words that a one-word gloss ``word_lemma`` names
    ("overtake": 超, 车, 赶 …), names left out."""
    keys, values = _characters_index()
    at = bisect_left(keys, word_lemma)
    return frozenset(values[at]) if at < len(keys) and keys[at] == word_lemma else frozenset()
