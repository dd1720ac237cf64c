"""The grammatical slot of a word in its sentence, and the reading it demands.

pypinyin reads a lone polyphonic character by its phrase data or, failing
that, by one out-of-context default (长 zhǎng, 得 dé); the words around it say
more.  jieba tags the neighbours, and the slot they make favours a reading:
得 after a verb is "de", a classifier after a numeral (第三行 háng), an
adjective after a degree adverb (比较少 shǎo).  The neutral-tone twins of a
word (东西 dōng xi / dōng xī) are left to :mod:`flashgen.twins`.

What a reading *is* (a verb, a noun, a modal) is read off its CC-CEDICT
senses: "to plant" is a verb, a sense with "?" is interrogative.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import dictionary
from .particles import particle_reading
from .pinyin import normalise
from .senses import adjectival, function_word, modal, noun_glosses, particle, starts_as_verb
from .tagging import (
    DEGREE,
    MODAL_VERBS,
    is_degree,
    is_han,
    is_verb,
    tagged,
    token_boundaries,
)

if TYPE_CHECKING:
    from .choice import Reading

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
#: Complements that make the word before them a verb: 数到三, 还给他, 说完.
_RESULTS = frozenset("到给完")
#: Personal pronouns: a one-character word right before one is a verb (教我).
_PERSONAL = frozenset({"我", "你", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "您"})
#: Senses of a preposition of direction (冲 chòng, 朝 cháo).
_TOWARDS = frozenset({"towards", "toward", "facing"})
#: Senses of a verb of regarding: 把X当Y, 当X是Y (dàng).
_REGARD = frozenset({"to regard as", "to treat as", "to consider as", "to take for"})
#: Senses of a verb of staying put: the verb of a place phrase with 在 (待在家里 dāi, 卡在喉咙里 qiǎ).
_STAYING = frozenset({"to stay", "to remain", "to be stuck", "to be wedged", "to get stuck"})
#: Characters of a number or an amount.
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两俩几半多少些数零〇第这那哪每各某0123456789")
#: Adverbs jieba tags as numerals: nothing is counted after them (一下子冲进, 一起干, 一路同行).
_ADVERBS_AS_NUMERALS = frozenset({"一下子", "一起", "一路", "一下", "一面"})
#: Senses of a word that counts or measures: a classifier or a unit (五分 fēn "point").
_MEASURE = re.compile(r"classifier|\bunit\b")
#: Characters after which a one-character word is counted (这种, 每行, 几种).
DETERMINERS = frozenset("这那哪每某各几两一二三四五六七八九十百千第")


@dataclass(frozen=True)
class Slot:
    """The words around a word's position, tagged by jieba, for grammar cues."""

    before: tuple[str, str]  # (word, part-of-speech flag); ("", "") at the start
    before2: tuple[str, str]
    after: tuple[str, str]  # ("", "") at the end
    rest: str  # the sentence text after the word
    question: bool
    sentence: str
    position: int
    length: int

    @staticmethod
    def of(zh_context: str, position: int, length: int) -> Slot:
        none = ("", "")
        tagged_before = [none, none, *tagged(zh_context[:position])]
        tagged_after = [*tagged(zh_context[position + length :]), none]
        return Slot(
            before=tagged_before[-1],
            before2=tagged_before[-2],
            after=tagged_after[0],
            rest=zh_context[position + length :],
            question=any(q in zh_context for q in "?？吗"),
            sentence=zh_context,
            position=position,
            length=length,
        )

    def grammar_bonus(self, word: str, reading: Reading, readings: Sequence[Reading]) -> float:
        """A bonus for the reading (of ``readings``) a grammatical slot demands, where pypinyin errs.

        The particles 得, 地, 为 and 着 by their neighbours (跑得快 de, 我得走 děi,
        选为 wéi); a one-character word by the kind of word its slot needs: a
        verb before an aspect particle or a pronoun object (种了树, 教我), a
        classifier or noun after a numeral (第三行), an adjective after a degree
        adverb (比较少), a preposition before its object and verb (冲我笑).  The
        reading's first sense tells what it is ("to plant" is a verb).
        """
        demanded = particle_reading(self, word)
        if demanded is not None:
            return GRAMMAR if normalise(reading.numbered) == demanded else 0.0
        return self._one_character_bonus(word, reading, readings) if len(word) == 1 else 0.0

    def _whole(self) -> bool:
        """Whether jieba cuts the word as a word of its own (not 家中, 着急)."""
        return {self.position, self.position + self.length} <= token_boundaries(self.sentence)

    def _one_character_bonus(self, word: str, reading: Reading, readings: Sequence[Reading]) -> float:
        after = self.after[1]
        if self.after[0] and modal(reading.senses) != any(modal(r.senses) for r in readings if r != reading):
            # A modal reading ("should", "must") goes before a verb; before
            # a noun the other reading is meant (应朋友的邀请 yìng).
            if after.startswith("v"):
                return GRAMMAR / 4 if modal(reading.senses) else 0.0
            if after[:1] in ("n", "r"):
                return 0.0 if modal(reading.senses) else GRAMMAR / 4
        verb_first = starts_as_verb(reading.senses)
        if self._joins_nominals() and any(
            function_word(r.senses) for r in readings
        ):  # 你和他: the conjunction hé
            return GRAMMAR if function_word(reading.senses) else 0.0
        if self._compared():  # 比去年差了很多: the adjective, not a verb (chà, not chāi)
            return 0.0 if verb_first else GRAMMAR / 2
        # 冲我笑 chòng "towards", 把我当小孩 dàng "to regard as", 待在家里 dāi "to stay"
        for senses, fits in ((_TOWARDS, self._governs), (_REGARD, self._regarded), (_STAYING, self._placed)):
            if any(senses & set(r.senses) for r in readings) and fits():
                return GRAMMAR if senses & set(reading.senses) else 0.0
        if self._verb_slot(word):
            return GRAMMAR if verb_first else 0.0
        if self._after_modal() and self._whole():  # not 要好好学习
            return GRAMMAR / 2 if any(s.startswith("to ") for s in reading.senses[:4]) else 0.0
        if self.rest.startswith(("点", "些", "一点", "一些")) and self._whole():
            # an amount: the object of a verb (种点花 zhòng) or the degree of an adjective (好点了)
            return GRAMMAR / 2 if verb_first or adjectival(reading.senses, first=2) else 0.0
        if self.counted() and self._dated():
            # after a whole date or amount, a verb with its object (十号发工资 fā, not fà
            # "hair") or an adjective with its noun (一篇长文章 cháng)
            return GRAMMAR if verb_first or adjectival(reading.senses) else 0.0
        if self.counted():
            if verb_first and not any(_MEASURE.search(s) for s in reading.senses):
                return 0.0
            counted = 0.0 if any(starts_as_verb([s], noted=True) for s in reading.senses) else GRAMMAR / 4
            classifier = GRAMMAR / 4 if any(_MEASURE.search(s) for s in reading.senses) else 0.0
            return GRAMMAR + counted + classifier  # 这只狗 zhī, not zhǐ "only"
        if self.after[0] in _DEGREE_COMPLEMENTS and self.rest[:1] == self.after[0]:
            # A resultative of degree (调高, 调小): the reading that adjusts, tiáo not diào.
            return GRAMMAR if any(s in _ADJUSTING for s in reading.senses) else 0.0
        if self.after[1].startswith("v") and any(s in _AGAIN for s in reading.senses):
            return _ADVERB
        if self.graded():  # a stative reading: 很长 cháng "long", not zhǎng "chief"; 真行 not háng "row"
            if adjectival(reading.senses):
                return GRAMMAR / 2
            return 0.0 if verb_first or noun_glosses(reading.senses[:3]) else GRAMMAR / 4
        if self.before[0] == "的":  # the head noun of a phrase (孔子的传 zhuàn)
            return 0.0 if verb_first else GRAMMAR / 2
        if self._ends_clause() and not any(particle(r.senses) for r in readings):
            # the predicate: 什么时候还？ huán "to pay back", not hái "still"
            return GRAMMAR / 2 if verb_first or adjectival(reading.senses) else 0.0
        if (
            after[:1] == "n"
            and self.before[1][:1] in ("r", "n", "d", "p", "s", "t", "f")
            and not any(function_word(r.senses) for r in readings)
        ):
            return GRAMMAR / 2 if verb_first else 0.0  # a verb with its object (教数学 jiāo)
        return 0.0

    def _governs(self) -> bool:
        """Whether the word takes a noun or pronoun before the clause's verb, as a preposition does."""
        following = tagged(self.rest.removeprefix("着"))
        return (
            len(following) > 1
            and following[0][1][:1] in ("r", "n")
            and following[1][1][:1] in ("v", "l", "i")
        )

    def _clause(self) -> str:
        """The text of the word's clause before it."""
        return re.split(r"[，。！？；：,.!?;:]", self.sentence[: self.position])[-1]

    def _placed(self) -> bool:
        """Whether a place phrase with 在 follows the word (待在家里) or comes before it (在北京待了三天)."""
        if self.position not in token_boundaries(self.sentence):
            return False  # the end of a word (办公处在二楼)
        return self.rest[:1] == "在" or (
            "在" in self._clause() and self.rest[:1] in ("了", "着") and self._whole()
        )

    def _regarded(self) -> bool:
        """Whether the word takes an object after 把 (把我当小孩) or an object and 是 (当他是朋友)."""
        following = tagged(self.rest)
        # a subject before, a pronoun after: not 当老师是我的梦想 (dāng "to be")
        called = (
            is_han(self.before[0])
            and len(following) > 1
            and following[0][1] == "r"
            and following[1][0] == "是"
        )
        return "把" in self._clause()[:-1] or called

    def _after_modal(self) -> bool:
        """Whether a modal verb comes right before, alone or glued by jieba to its subject (我会)."""
        glued = self.before[0][-1:] in MODAL_VERBS and not dictionary.contains(self.before[0])
        return self.before[0] in MODAL_VERBS or glued

    def _joins_nominals(self) -> bool:
        return self.before[1][:1] in ("n", "r") and self.after[1][:1] in ("n", "r")

    def graded(self) -> bool:
        """Whether a degree adverb comes right before the word (太长, 比较少)."""
        return is_degree(self.before[0])

    def _compared(self) -> bool:
        """Whether the word is the predicate of a 比 comparison in its clause."""
        return "比" in self._clause() and not self.after[1].startswith("v")

    def _verb_slot(self, word: str) -> bool:
        # 了 may end a sentence after an adjective (太长了); 着 and 过 follow verbs only (空着).
        aspect = self.rest[:1] in ("着", "过") or (self.rest[:1] == "了" and is_han(self.rest[1:2]))
        pronoun_object = self.after[1] == "r" and self.after[0] in _PERSONAL
        # 看看书, 数一数, 量一下; but 好好学习 is an adverb before its verb
        doubled = self.after[0] == word and not self._verb_after(len(word))
        reduplicated = self.rest.startswith(("一" + word, "一下")) or doubled
        # the verb of the thing named after it: 扇扇子, 钉钉子, 种种子
        tool = self.after[0] in (word + "子", word + "儿") and self.after[1][:1] == "n"
        # a result or goal complement: 数到三, 还给他
        complement = self.rest[:1] in _RESULTS and self.after[0][:1] == self.rest[:1]
        return (
            (aspect and self.before[0][-1:] not in DEGREE)
            or pronoun_object
            or reduplicated
            or complement
            or tool
        )

    def _verb_after(self, skip: int) -> bool:
        """Whether the word after the next ``skip`` characters is a verb (好好学习: 学习)."""
        following = tagged(self.rest[skip:])
        return bool(following) and following[0][1].startswith("v")

    def _ends_clause(self) -> bool:
        """Whether the word closes its clause, as a predicate does (a noun there is rare).

        Sentence-final particles (了, 吧, 呢 …) may follow it: 把自行车还了。
        """
        closing = self.rest.lstrip("了吧呢吗啊呀")
        return self._whole() and not is_han(closing) and bool(self.before[0])

    def _dated(self) -> bool:
        """Whether a numeral with its classifier (十号, 三个) comes before and a noun object after."""
        counted = self.before[1] == "m" and not all(c in DETERMINERS for c in self.before[0])
        noun = self.after[1][:1] == "n" or self.after[1] == "vn"
        # a dictionary noun, not jieba's glue or a verb it tags as a noun (回老家 "to go home")
        return counted and noun and dictionary.contains(self.after[0]) and not is_verb(self.after[0], "")

    def counted(self) -> bool:
        def counts(tagged: tuple[str, str]) -> bool:
            numbered = tagged[1] == "t" and tagged[0][:1] in DETERMINERS  # 放了七天假
            # jieba tags a few directions as numerals (向左/m 转): a number has a numeral in it
            amount = tagged[1] in ("m", "mq") and any(c in _NUMERALS for c in tagged[0])
            amount = amount and tagged[0] not in _ADVERBS_AS_NUMERALS
            return amount or tagged[1] == "q" or tagged[0][-1:] in DETERMINERS or numbered

        # jieba tags some classifiers as nouns (这条/r 条/n): a lone one after a demonstrative counts
        classifier = len(self.before[0]) == 1 and self.before[1] in ("n", "q") and counts(self.before2)
        return counts(self.before) or classifier or (self.before[1] == "a" and counts(self.before2))
