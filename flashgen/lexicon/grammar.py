"""The reading a word's grammatical slot demands, where pypinyin errs.

pypinyin reads a lone polyphonic character by its phrase data or, failing
that, by one out-of-context default (长 zhǎng, 得 dé); the words around it say
more.  jieba tags the neighbours, and the slot they make favours a reading:
得 after a verb is "de", a classifier after a numeral (第三行 háng), an
adjective after a degree adverb (比较少 shǎo).  The neutral-tone twins of a
word (东西 dōng xi / dōng xī) are left to :mod:`.twins`; the slot itself is described by :mod:`.slot`.

What a reading *is* (a verb, a noun, a modal) is read off its CC-CEDICT
senses: "to plant" is a verb, a sense with "?" is interrogative.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .particles import particle_reading
from .pinyin import normalise
from .reading import Reading
from .senses import adjectival, function_word, modal, noun_glosses, particle, starts_as_verb
from .slot import Slot

#: Bonus for the reading a grammatical slot demands: it outweighs pypinyin's
#: context-free guess (at most 1 per syllable) for 得, 地 and one-character words.
GRAMMAR = 2.0
#: Senses of an adverb of repetition or continuation: 重 chóng in 重说, 再.
_AGAIN = frozenset({"again", "once more", "anew", "afresh"})
#: A one-character word right before a verb with such a sense is that adverb;
#: weaker than pypinyin's phrase reading (还给 huán) but not its default.
_ADVERB = 0.8
#: One-character adjectives of degree that complement a verb (调高 "turn up", 调小 "turn down").
_DEGREE_COMPLEMENTS = frozenset("高低大小快慢多少长短强弱")
#: Senses of a verb that changes a degree: the verb of such a complement.
_ADJUSTING = frozenset({"to adjust", "to regulate", "to tune"})
#: Senses of a preposition of direction (冲 chòng, 朝 cháo).
_TOWARDS = frozenset({"towards", "toward", "facing"})
#: Senses of a verb of regarding: 把X当Y, 当X是Y (dàng).
_REGARD = frozenset({"to regard as", "to treat as", "to consider as", "to take for"})
#: Senses of a verb of staying put: the verb of a place phrase with 在 (待在家里 dāi, 卡在喉咙里 qiǎ).
_STAYING = frozenset({"to stay", "to remain", "to be stuck", "to be wedged", "to get stuck"})
#: Senses of a word that counts or measures: a classifier or a unit (五分 fēn "point").
_MEASURE = re.compile(r"classifier|\bunit\b")


def grammar_bonus(slot: Slot, word: str, reading: Reading, readings: Sequence[Reading]) -> float:
    """A bonus for the reading (of ``readings``) a grammatical slot demands, where pypinyin errs.

    The particles 得, 地, 为 and 着 by their neighbours (跑得快 de, 我得走 děi,
    选为 wéi); a one-character word by the kind of word its slot needs: a
    verb before an aspect particle or a pronoun object (种了树, 教我), a
    classifier or noun after a numeral (第三行), an adjective after a degree
    adverb (比较少), a preposition before its object and verb (冲我笑).  The
    reading's first sense tells what it is ("to plant" is a verb).
    """
    demanded = particle_reading(slot, word)
    if demanded is not None:
        return GRAMMAR if normalise(reading.numbered) == demanded else 0.0
    return _one_character_bonus(slot, word, reading, readings) if len(word) == 1 else 0.0


def _one_character_bonus(slot: Slot, word: str, reading: Reading, readings: Sequence[Reading]) -> float:
    after = slot.after[1]
    if slot.after[0] and modal(reading.senses) != any(modal(r.senses) for r in readings if r != reading):
        # A modal reading ("should", "must") goes before a verb; before
        # a noun the other reading is meant (应朋友的邀请 yìng).
        if after.startswith("v"):
            return GRAMMAR / 4 if modal(reading.senses) else 0.0
        if after[:1] in ("n", "r"):
            return 0.0 if modal(reading.senses) else GRAMMAR / 4
    verb_first = starts_as_verb(reading.senses)
    if slot.joins_nominals() and any(function_word(r.senses) for r in readings):  # 你和他: the conjunction hé
        return GRAMMAR if function_word(reading.senses) else 0.0
    if slot.compared():  # 比去年差了很多: the adjective, not a verb (chà, not chāi)
        return 0.0 if verb_first else GRAMMAR / 2
    # 冲我笑 chòng "towards", 把我当小孩 dàng "to regard as", 待在家里 dāi "to stay"
    for senses, fits in ((_TOWARDS, slot.governs), (_REGARD, slot.regarded), (_STAYING, slot.placed)):
        if any(senses & set(r.senses) for r in readings) and fits():
            return GRAMMAR if senses & set(reading.senses) else 0.0
    if slot.verb_slot(word):
        return GRAMMAR if verb_first else 0.0
    if slot.after_modal() and slot.whole():  # not 要好好学习
        return GRAMMAR / 2 if any(s.startswith("to ") for s in reading.senses[:4]) else 0.0
    if slot.rest.startswith(("点", "些", "一点", "一些")) and slot.whole():
        # an amount: the object of a verb (种点花 zhòng) or the degree of an adjective (好点了)
        return GRAMMAR / 2 if verb_first or adjectival(reading.senses, first=2) else 0.0
    if slot.counted() and slot.dated():
        # after a whole date or amount, a verb with its object (十号发工资 fā, not fà
        # "hair") or an adjective with its noun (一篇长文章 cháng)
        return GRAMMAR if verb_first or adjectival(reading.senses) else 0.0
    if slot.counted():
        if verb_first and not any(_MEASURE.search(s) for s in reading.senses):
            return 0.0
        counted = 0.0 if any(starts_as_verb([s], noted=True) for s in reading.senses) else GRAMMAR / 4
        classifier = GRAMMAR / 4 if any(_MEASURE.search(s) for s in reading.senses) else 0.0
        return GRAMMAR + counted + classifier  # 这只狗 zhī, not zhǐ "only"
    if slot.after[0] in _DEGREE_COMPLEMENTS and slot.rest[:1] == slot.after[0]:
        # A resultative of degree (调高, 调小): the reading that adjusts, tiáo not diào.
        return GRAMMAR if any(s in _ADJUSTING for s in reading.senses) else 0.0
    if slot.after[1].startswith("v") and any(s in _AGAIN for s in reading.senses):
        return _ADVERB
    if slot.graded():  # a stative reading: 很长 cháng "long", not zhǎng "chief"; 真行 not háng "row"
        if adjectival(reading.senses):
            return GRAMMAR / 2
        return 0.0 if verb_first or noun_glosses(reading.senses[:3]) else GRAMMAR / 4
    if slot.before[0] == "的":  # the head noun of a phrase (孔子的传 zhuàn)
        return 0.0 if verb_first else GRAMMAR / 2
    if slot.ends_clause() and not any(particle(r.senses) for r in readings):
        # the predicate: 什么时候还？ huán "to pay back", not hái "still"
        return GRAMMAR / 2 if verb_first or adjectival(reading.senses) else 0.0
    if (
        after[:1] == "n"
        and slot.before[1][:1] in ("r", "n", "d", "p", "s", "t", "f")
        and not any(function_word(r.senses) for r in readings)
    ):
        return GRAMMAR / 2 if verb_first else 0.0  # a verb with its object (教数学 jiāo)
    return 0.0
