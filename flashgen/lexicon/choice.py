"""Which of a word's dictionary readings fits the sentence it is in.

Only the readings CC-CEDICT lists compete (a card must never teach a reading
the dictionary does not have), on this evidence, strongest first:

1. pypinyin's reading of the *whole* Chinese sentence (its phrase data sees
   银行行长 as yín háng háng zhǎng) at the word's position, corrected by the
   dictionary words around a one-character word and by its grammatical slot
   (:mod:`flashgen.lexicon.grammar`);
2. the aligned English sentence, which confirms a sense and so the reading
   that carries it (地方 dì fāng "local" next to "local government");
3. for the neutral-tone twins of a word, which pypinyin cannot tell apart
   (东西 dōng xi "thing" / 东西长十公里 dōng xī), the slot again, then the
   reading in common use;
4. common words over names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass

from . import dictionary
from .grammar import GRAMMAR, grammar_bonus
from .pinyin import normalise, sentence_syllables
from .reading import Reading
from .senses import sense_score
from .slot import DETERMINERS, Slot
from .tagging import token_boundaries
from .twins import default_neutral, neutral_preference, word_slot_bonus

#: A reading all of whose senses are dated (大夫 dà fū "senior official (in
#: imperial China)") needs this much more evidence than the living one (dài fu "doctor");
#: so does one CC-CEDICT marks as Taiwan's only (尽数 "(Tw)" jǐn shù, 分子 fèn zi "Taiwan
#: variant of 份子"): cards teach the mainland reading.
_DATED = 1.5
_DATED_SENSE = re.compile(
    r"\((old|archaic|literary|classical|ancient|in imperial China)\b|^(old|archaic|ancient) "
    r"|^\(Tw\)|^Taiwan variant"
    r"|\b1\d{3}-\d{2,4}\b"  # a term of a bygone period: "cabinet ministers between 1912-1927"
)
#: Demonstratives before a numeral and classifier (这一行, 每一种).
_DEMONSTRATIVES = frozenset("这那哪每各某")
#: The weight of pypinyin's out-of-context default for a lone character when it is all the sentence
#: tells (its reading there is its default).
_DEFAULT_WEIGHT = 0.2
#: The weight of the reading in most common use (pypinyin's reading of the word alone: 鸟 niǎo, not
#: diǎo; 说 shuō, not shuì), whatever the sentence: a prior, so that weak or no evidence leaves the
#: everyday reading.  Fitted with the other weights on half of CPP dev and half of our polyphone
#: cases (``bench/fit_choice.py``).
USUAL_WEIGHT = 0.1


@dataclass(frozen=True)
class Evidence:
    """What the rules say of one candidate reading (see :func:`choose` for the order)."""

    agreement: float  # with pypinyin's reading of the whole sentence
    usual: float  # with pypinyin's reading of the word alone: the reading in most common use
    grammar: float  # the slot, the dictionary words around, 姓, a bound reading
    dated: float  # a penalty for dated, Taiwan-only or misplaced bound readings
    fit: float  # the aligned English's support
    neutral: float  # the slot's (or the common use's) preference between neutral-tone twins
    common: bool  # not a name

    def key(self) -> tuple[float, float, float, float, bool]:
        total = self.agreement + self.usual + self.grammar - self.dated
        return (total, self.fit, self.neutral, self.usual, self.common)  # ties go to the usual reading


def choose(
    word: str,
    candidates: Sequence[Reading],
    english: Set[str],
    zh_context: str | None,
    position: int | None,
) -> Reading:
    """The reading among ``candidates`` (``word``'s readings) the sentence supports best.

    Order of evidence: agreement with the sentence's syllables (plus the
    particle / verb / classifier slot, which corrects pypinyin), then the
    English, then the slot's preference between neutral-tone variants, then
    common words over names.
    """
    found = evidence(word, candidates, english, zh_context, position)
    # a vulgar reading only where the English asks for it, unless the word has no other
    allowed = [(r, e) for r, e in zip(candidates, found, strict=True) if not r.vulgar or e.fit > 0]
    return max(allowed or zip(candidates, found, strict=True), key=lambda pair: pair[1].key())[0]


def evidence(
    word: str,
    candidates: Sequence[Reading],
    english: Set[str],
    zh_context: str | None,
    position: int | None,
) -> list[Evidence]:
    """The rules' evidence for each of ``candidates``, in their order."""
    heard = syllables_heard(word, zh_context, position)
    usual = sentence_syllables(word)
    slot = Slot.of(zh_context, position, len(word)) if zh_context and position is not None else None
    # A lone character pypinyin read as it reads it out of context is weak
    # evidence: its default (长 zhǎng) ignores the sentence.
    weight = _DEFAULT_WEIGHT if len(word) == 1 and tuple(heard) == usual else 1.0
    compounds = (
        _compound_readings(word, zh_context, position) if zh_context and position is not None else set()
    )

    def score(reading: Reading) -> Evidence:
        fit = max((sense_score(s, english) for s in reading.senses), default=0.0)
        grammar = grammar_bonus(slot, word, reading, candidates) if slot else 0.0
        grammar += word_slot_bonus(slot, reading, candidates) if slot and len(word) > 1 else 0.0
        grammar += GRAMMAR if _within(reading, compounds) else 0.0
        grammar += GRAMMAR if slot and slot.before[0] == "姓" and _surname(reading) else 0.0
        if slot:
            neutral = neutral_preference(slot, word, reading, candidates)
        else:
            neutral = default_neutral(word, reading, candidates)
        dated = _DATED if all(_DATED_SENSE.search(s) for s in reading.senses) else 0.0
        if reading.bound:  # 恶 ě "used in 恶心": the reading inside that word, demoted elsewhere
            inside = _inside(reading.bound, word, zh_context, position)
            grammar += GRAMMAR if inside else 0.0
            dated += 0.0 if inside or reading.bound in (zh_context or "") else _DATED
        return Evidence(
            _agreement(reading.numbered, heard, weight),
            _agreement(reading.numbered, usual, USUAL_WEIGHT / len(word)),
            grammar,
            dated,
            fit,
            neutral,
            not reading.is_name,
        )

    return [score(reading) for reading in candidates]


def _inside(longer: str, word: str, zh_context: str | None, position: int | None) -> bool:
    """Whether the word at ``position`` is part of an occurrence of ``longer`` in the sentence."""
    if zh_context is None or position is None:
        return False
    start = zh_context.find(longer, max(0, position - len(longer) + len(word)))
    return 0 <= start <= position and position + len(word) <= start + len(longer)


def _surname(reading: Reading) -> bool:
    """Whether a reading is a surname: after 姓 "to be surnamed" only one is (姓曾 zēng, not céng "once")."""
    return any(sense.startswith("surname ") for sense in reading.senses)


def _agreement(reading: str, heard: Sequence[str | None], weight: float = 1.0) -> float:
    """How well a dictionary reading agrees with the sentence's syllables.

    pypinyin spells the neutral-tone variants of a word with full tones
    (东西 always "dōng xī"), so a neutral syllable of the dictionary agrees as
    well as an exact one; the tie is left to the English and the slot.
    """
    score = 0.0
    for syllable, sentence in zip(normalise(reading).split(), heard, strict=False):
        if sentence is None:
            continue
        if syllable == sentence or (syllable[:-1] == sentence[:-1] and syllable[-1] == "5"):
            score += weight
        elif syllable[:-1] == sentence[:-1]:
            score += weight / 4
    return score


def syllables_heard(word: str, zh_context: str | None, position: int | None) -> Sequence[str | None]:
    """pypinyin's syllables for the word in its sentence (None where unknown).

    Its phrases may cross jieba's word boundaries; they are kept, because
    they are mostly collocations it reads right (系好 jì hǎo, 上他的当 dàng),
    though not always (去年少 is read through 年少 "nián shào").
    """
    if zh_context is None or position is None:
        return [None] * len(word)
    return sentence_syllables(zh_context)[position : position + len(word)]


def _compound_readings(word: str, zh_context: str, position: int) -> set[str]:
    """How CC-CEDICT reads ``word`` inside the longer dictionary words around it.

    受了重伤: 重伤 is "zhòng shāng", so 重 is zhòng here; 利害关系 is "lì hài
    guān xi", so 利害 is lì hài.  Only words whose entries agree on the
    word's reading count, and only words made of whole jieba tokens: 去年少
    holds 年少 "nián shào", but it is 去年 + 少.
    """
    boundaries = token_boundaries(zh_context)
    end = position + len(word)
    found = set()
    for start in range(max(0, position - 2), position + 1):
        for stop in range(max(end, start + len(word) + 1), min(len(zh_context), start + len(word) + 3) + 1):
            if start not in boundaries or stop not in boundaries or _demonstrated(zh_context, start):
                continue
            heard = {
                " ".join(normalise(e.pinyin_numbered).split()[position - start : end - start])
                for e in _plain_entries(zh_context[start:stop])
            }
            if len(heard) == 1:
                found |= heard
    return found


def _within(reading: Reading, compounds: Set[str]) -> bool:
    """Whether ``reading`` is how the longer words around read the word.

    A longer word's neutral tone is no evidence against a full one: idioms are
    spelled with full tones (粗心大意 … dà yì, where 大意 alone is dà yi "careless").
    """
    mine = normalise(reading.numbered)
    if " " not in mine:
        return mine in compounds
    return any(_agreement(mine, c.split()) == len(c.split()) for c in compounds)


def _demonstrated(zh_context: str, start: int) -> bool:
    """Whether a numeral at ``start`` follows a demonstrative, counting the noun after it.

    这一行 is "this line of work" (háng), not the word 一行 xíng "a delegation"
    of 他们一行五人.
    """
    return start > 0 and zh_context[start] in DETERMINERS and zh_context[start - 1] in _DEMONSTRATIVES


def _plain_entries(word: str) -> list[dictionary.Entry]:
    """Entries of a word whose syllables line up with its characters (names too: 明朝 Míng cháo)."""
    return [
        e
        for e in dictionary.entries(word)
        if not e.is_variant_only and len(normalise(e.pinyin_numbered).split()) == len(word)
    ]
