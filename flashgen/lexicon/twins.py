"""Neutral-tone twins: 东西 dōng xi "thing" or dōng xī "east and west".

About a hundred CC-CEDICT words have a reading with a neutral syllable and
another with its full tone (地方, 东西, 大意, 多少, 精神, 人家 …), usually
with different meanings.  pypinyin spells both with the full tone, so the
sentence's own reading cannot tell them apart; the word's slot and the
sentence's other words can.

The slot also settles other words of several characters whose readings are
different kinds of word (结果 jié guǒ "result" / jiē guǒ "to bear fruit"),
which pypinyin reads one way whatever the slot (:func:`word_slot_bonus`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from ..memo import per_article
from . import dictionary
from .pinyin import normalise, phrase_reading
from .reading import Reading
from .senses import adjectival, noun_glosses, sense_score, starts_as_verb
from .slot import Slot
from .tagging import MODAL_VERBS, is_degree, is_han, is_verb, tagged, token_boundaries

#: A slot cue for a word of several characters, strong where the slot leaves one kind of word.
_STRONG = 2.5
_WEAK = 1.0
#: jieba's tags of what may come before a predicate: a noun, pronoun, time, numeral or adverb.
_SUBJECTS = frozenset("nrtmd")
#: Glosses of a pronoun reading.
_PRONOUNS = frozenset({"he", "she", "they", "I", "me", "sb else", "other people", "others"})
_NOTE = re.compile(r"\([^)]*\)")
#: A verb jieba tags and CC-CEDICT glosses without "to" is no noun when negated (没有 "haven't").
_NEGATIONS = frozenset("不没")
#: A comparison after a predicate: 他精神多了, 好得多.
_MORE = ("多了", "得多", "了很多", "了不少")


def neutral_preference(slot: Slot, word: str, reading: Reading, readings: Sequence[Reading]) -> float:
    """Between a word's full-tone and neutral-tone readings (东西 dōng xī / dōng xi).

    Cues, in order: a reading with an interrogative sense ("how much?")
    in a question and only there; a pronoun reading as the subject (人家都说
    rén jia); a verb-suffix reading (起来, 过去) after a verb or adjective
    (暖和起来); after a modal verb or a degree adverb the neutral, descriptive
    word (不能大意, 太大意, 很有精神); as the first part of a longer word or
    before the noun or adjective it modifies, the literal full-tone reading
    (地方政府, 东西长); after another adverb or adjective the descriptive word
    again (一时大意); after a numeral or quantifier the reading glossed by
    nouns (很多地道 dì dào "tunnel").  Then a reading whose senses share words
    with the glosses of the sentence's other nouns (地方 "... central
    administration" beside 中央 "central").  Otherwise the reading CC-CEDICT
    describes with more senses, which is the one in common use (东西 "thing;
    stuff; person").
    """
    pairs, is_neutral = _neutral_pairs(reading, readings)
    if not pairs:
        return 0.0
    interrogative = any("?" in s for s in reading.senses)
    if interrogative or any("?" in s for r in pairs for s in r.senses):
        return 4.0 if interrogative == slot.question else 0.0
    pronoun = _is_pronominal(reading)
    if (pronoun or any(_is_pronominal(r) for r in pairs)) and (_subject(slot) or _pronoun_slot(slot)):
        return 3.0 if pronoun else 0.0  # 人家都说 rén jia "people", not rén jiā "household"
    suffix = _is_verb_suffix(reading)
    if suffix or any(_is_verb_suffix(r) for r in pairs):
        return 3.0 if suffix == _after_verb(slot) else 0.0
    descriptive = _descriptive(reading)
    one_descriptive = descriptive != any(_descriptive(r) for r in pairs)
    graded = slot.before[0] == "有" and is_degree(slot.before2[0])  # 很有精神
    compared = slot.rest.startswith(_MORE) and slot.before[1][:1] in _SUBJECTS  # 他精神多了
    if slot.before[0] in MODAL_VERBS or graded or compared or slot.graded():
        # 不能大意 dà yi "careless", 别下水 xià shuǐ "to go into the water"
        return 2.0 if (descriptive if one_descriptive else is_neutral) else 0.0
    if _modifies_next(slot, word):
        return 2.0 if not is_neutral else 0.0
    if slot.before[1] in ("a", "d") and one_descriptive:  # a predicate: 一时大意, 粗心大意, 好利害
        return 2.0 if descriptive else 0.0
    if slot.before[1] == "a":  # the noun an adjective qualifies: 好下场 xià chang "the end"
        return 2.0 if is_neutral else 0.0
    if slot.counted() and not slot.rest.startswith("的"):  # a noun: 很多地道 "tunnel"
        nouns, other_nouns = noun_glosses(reading.senses), max(noun_glosses(r.senses) for r in pairs)
        if nouns != other_nouns:
            return 2.0 if nouns > other_nouns else 0.0
    neighbours = _neighbour_glosses(slot.sentence, slot.position, slot.length)
    mine = max(sense_score(s, neighbours) for s in reading.senses)
    theirs = max(sense_score(s, neighbours) for r in pairs for s in r.senses)
    if mine != theirs:
        return 1.5 if mine > theirs else 0.0
    return default_neutral(word, reading, readings)


def _after_verb(slot: Slot) -> bool:
    """Whether a verb or adjective comes right before, or before an aspect 了 (笑了起来)."""
    before = slot.before2 if slot.before[0] == "了" else slot.before
    return before[1][:1] in ("v", "a")


def _descriptive(reading: Reading) -> bool:
    """A reading that can be a predicate: an adjective ("careless") or a verb ("to go into the water")."""
    return adjectival(reading.senses) or any(s.startswith("to ") for s in reading.senses[:3])


def _subject(slot: Slot) -> bool:
    """Whether the word opens its clause before an adverb or a verb."""
    return not is_han(slot.before[0]) and slot.after[1][:1] in ("d", "v")


def _pronoun_slot(slot: Slot) -> bool:
    """Whether the word owns what follows (人家的东西) or names someone after it (人家小王), uncounted."""
    return (slot.rest[:1] == "的" or slot.after[1] == "nr") and not slot.counted()


def _modifies_next(slot: Slot, word: str) -> bool:
    longer = any(
        dictionary.contains(word + slot.rest[:n]) or dictionary.frequency(word + slot.rest[:n]) > 0
        for n in (1, 2)
        if len(slot.rest) >= n
    )
    # 本事不小, 本事可不小: a negated predicate, behind a one-character adverb or not
    negated = slot.rest[:1] in _NEGATIONS or (len(slot.after[0]) == 1 and slot.rest[1:2] in _NEGATIONS)
    nominal = not negated and (
        slot.after[1][:1] in ("n", "a")
        or (
            slot.after[1].startswith("v")
            and dictionary.contains(slot.after[0])
            and not is_verb(slot.after[0], "")
        )
    )  # jieba tags 走向 "direction; trend" a verb; CC-CEDICT's first sense is a noun
    return longer or (nominal and slot.rest[:1] == slot.after[0][:1])


def default_neutral(word: str, reading: Reading, readings: Sequence[Reading]) -> float:
    """Without context, the twin in common use.

    That is the one CC-CEDICT counts with classifiers (生意 shēng yi
    "business; CL:笔", not shēng yì "life force; vitality"), else the one the
    other refers to ("see also 老公[lao3 gong1]"), else the one it describes
    with more senses: the full-tone twin of a neutral-tone word is usually a
    literal or dated sense with a short entry (故事 gù shì "old practice"), the
    word in common use has the longer one (故事 gù shi "narrative; story;
    tale").  On a tie, pypinyin's phrase data, curated for common usage,
    decides (女人 nǚ rén "woman", not nǚ ren "wife"), else the neutral one.
    """
    pairs, is_neutral = _neutral_pairs(reading, readings)
    if not pairs:
        return 0.0
    for mark in (lambda r: r.counted, lambda r: not r.defers):
        mine = mark(reading)
        if any(mark(r) != mine for r in pairs):
            return 1.0 if mine else 0.0
    others = max(len(r.senses) for r in pairs)
    if len(reading.senses) != others:
        return 1.0 if len(reading.senses) > others else 0.0
    common = phrase_reading(word)
    if common not in {normalise(r.numbered) for r in (reading, *pairs)}:
        return 1.0 if is_neutral else 0.0
    return 1.0 if normalise(reading.numbered) == common else 0.0


def _neutral_pairs(reading: Reading, readings: Sequence[Reading]) -> tuple[list[Reading], bool]:
    """The readings that differ from ``reading`` only in neutral tones, and whether it is the neutral one."""
    mine = normalise(reading.numbered).split()
    neutral_of = [r for r in readings if _neutral_variant(mine, normalise(r.numbered).split())]
    full_of = [r for r in readings if _neutral_variant(normalise(r.numbered).split(), mine)]
    return neutral_of + full_of, bool(neutral_of)


def _neutral_variant(neutral: list[str], full: list[str]) -> bool:
    """Whether ``neutral`` is ``full`` with some syllables in the neutral tone."""
    return (
        len(neutral) == len(full)
        and neutral != full
        and all(n == f or (n[:-1] == f[:-1] and n[-1] == "5") for n, f in zip(neutral, full, strict=True))
    )


@per_article
@cache
def _neighbour_glosses(zh_context: str, position: int, length: int) -> frozenset[str]:
    """Gloss words of the sentence's other nouns: weak, English-free evidence of a sense.

    Nouns only: the glosses of prepositions and verbs ("away from", "to
    live") are too general to tell senses apart.
    """
    words = tagged(zh_context[:position]) + tagged(zh_context[position + length :])
    return frozenset().union(*(dictionary.gloss_words(w) for w, flag in words if flag.startswith("n")))


def _is_pronominal(reading: Reading) -> bool:
    """人家 rén jia "other people; sb else; he, she or they; I, me": a reading used as a pronoun."""
    return any(g.strip() in _PRONOUNS for s in reading.senses for g in re.split(r"[;,]", _NOTE.sub("", s)))


def _is_verb_suffix(reading: Reading) -> bool:
    """起来 qi lai "(after a verb) ...": the neutral reading used as a complement.

    So is a neutral reading CC-CEDICT only points at its full twin with (过来
    guo4 lai5 "see guo4 lai2"): the same word, unstressed after a verb (醒过来).
    """
    unstressed = reading.borrowed and normalise(reading.numbered).endswith("5")
    suffix = any(s.startswith(("(after a verb", "(verb suffix", "(verb complement")) for s in reading.senses)
    return unstressed or suffix


def word_slot_bonus(slot: Slot, reading: Reading, readings: Sequence[Reading]) -> float:
    """A bonus for the reading of a word of several characters that its slot demands.

    pypinyin reads most words by its phrase data alone, whatever the slot, so
    the kind of word a slot needs settles what it cannot: a verb before an
    aspect particle (树结果了 jiē guǒ "to bear fruit", 教会了我 jiāo huì); an
    adverb before 地 and a verb (重重地摔 zhòng zhòng "heavily"); a verb after
    a modal verb (不要外传 wài chuán); an adjective before 的 or the noun it
    qualifies (正当权益 zhèng dàng "proper"); a noun, not a verb, after 的 or
    a classifier, and after 的 or 了 a noun rather than an adjective (双方的利害
    lì hài "stakes").  A cue counts only when it tells the readings apart.
    """

    def kind(test: Callable[[Reading], bool], bonus: float) -> float | None:
        mine = test(reading)
        return (bonus if mine else 0.0) if any(test(r) != mine for r in readings) else None

    def verb(r: Reading) -> bool:
        return any(s.startswith("to ") for s in r.senses[:3])

    def adverb(r: Reading) -> bool:
        return any(g.strip().endswith("ly") for s in r.senses[:3] for g in s.split(";"))

    cues: list[tuple[bool, Callable[[Reading], bool], float]] = [
        (_aspect(slot), verb, _STRONG),
        (slot.rest[:1] == "地" and is_han(slot.rest[1:2]), adverb, _STRONG),
        (slot.before[0] in MODAL_VERBS, verb, _WEAK * 1.5),
        (_predicate(slot), lambda r: verb(r) or adjectival(r.senses, first=2), _WEAK * 1.5),
        (_qualifies(slot), lambda r: adjectival(r.senses, first=2), _WEAK),
        (slot.before[0] == "的" or slot.counted(), lambda r: not starts_as_verb(r.senses), _WEAK),
        (slot.before[0] in ("的", "了"), lambda r: not adjectival(r.senses, first=2), _WEAK),
    ]
    for applies, test, bonus in cues:
        found = kind(test, bonus) if applies else None
        if found is not None:
            return found
    return 0.0


def _aspect(slot: Slot) -> bool:
    """Whether an aspect particle follows (not 了解) a word in a predicate's place: after
    its subject, a time or an adverb, not a verb's complement or object (走过去了, 上高中了)."""
    particle = slot.rest[:1] in ("了", "着", "过")
    whole = slot.position + slot.length + 1 in token_boundaries(slot.sentence)
    return particle and whole and (not is_han(slot.before[0]) or slot.before[1][:1] in _SUBJECTS)


def _predicate(slot: Slot) -> bool:
    """Whether the word closes its clause right after its subject or an adverb (和朋友同行, 正式开通)."""
    closing = slot.rest.lstrip("了吧呢吗啊呀")
    whole = slot.position + slot.length in token_boundaries(slot.sentence)
    return whole and not is_han(closing) and slot.before[1][:1] in ("n", "r", "t", "d")


def _qualifies(slot: Slot) -> bool:
    """Whether the word qualifies the noun after it (正当权益, 有正当的理由).

    Not a noun's own 的 (这个地方的), nor the first part of a longer word (利害关系).
    """
    word = slot.sentence[slot.position : slot.position + slot.length]
    noun_after = slot.after[1] == "n" and slot.rest[:1] == slot.after[0][:1]
    if noun_after and dictionary.contains(word + slot.after[0]):
        return False
    return bool(slot.before[0]) and slot.before[1] != "r" and (noun_after or slot.rest[:1] == "的")
