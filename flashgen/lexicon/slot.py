"""The words around a word in its sentence: the grammatical slot it fills.

jieba tags the neighbours; the slot they make says what kind of word fits
there: a verb before an aspect particle or a pronoun object (种了树, 教我), a
classifier after a numeral (第三行), an adjective after a degree adverb
(比较少), a preposition before its object and verb (冲我笑).  :class:`Slot`
only describes the position; which reading it favours is decided above it,
in :mod:`.particles`, :mod:`.grammar` and :mod:`.twins`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dictionary
from .tagging import DEGREE, MODAL_VERBS, is_degree, is_han, is_verb, tagged, token_boundaries

#: Complements that make the word before them a verb: 数到三, 还给他, 说完.
_RESULTS = frozenset("到给完")
#: Personal pronouns: a one-character word right before one is a verb (教我).
_PERSONAL = frozenset({"我", "你", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "您"})
#: Characters of a number or an amount.
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两俩几半多少些数零〇第这那哪每各某0123456789")
#: Adverbs jieba tags as numerals: nothing is counted after them (一下子冲进, 一起干, 一路同行).
_ADVERBS_AS_NUMERALS = frozenset({"一下子", "一起", "一路", "一下", "一面"})
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

    def whole(self) -> bool:
        """Whether jieba cuts the word as a word of its own (not 家中, 着急)."""
        return {self.position, self.position + self.length} <= token_boundaries(self.sentence)

    def governs(self) -> bool:
        """Whether the word takes a noun or pronoun before the clause's verb, as a preposition does."""
        following = tagged(self.rest.removeprefix("着"))
        return (
            len(following) > 1
            and following[0][1][:1] in ("r", "n")
            and following[1][1][:1] in ("v", "l", "i")
        )

    def clause(self) -> str:
        """The text of the word's clause before it."""
        return re.split(r"[，。！？；：,.!?;:]", self.sentence[: self.position])[-1]

    def placed(self) -> bool:
        """Whether a place phrase with 在 follows the word (待在家里) or comes before it (在北京待了三天)."""
        if self.position not in token_boundaries(self.sentence):
            return False  # the end of a word (办公处在二楼)
        return self.rest[:1] == "在" or (
            "在" in self.clause() and self.rest[:1] in ("了", "着") and self.whole()
        )

    def regarded(self) -> bool:
        """Whether the word takes an object after 把 (把我当小孩) or an object and 是 (当他是朋友)."""
        following = tagged(self.rest)
        # a subject before, a pronoun after: not 当老师是我的梦想 (dāng "to be")
        called = (
            is_han(self.before[0])
            and len(following) > 1
            and following[0][1] == "r"
            and following[1][0] == "是"
        )
        return "把" in self.clause()[:-1] or called

    def after_modal(self) -> bool:
        """Whether a modal verb comes right before, alone or glued by jieba to its subject (我会)."""
        glued = self.before[0][-1:] in MODAL_VERBS and not dictionary.contains(self.before[0])
        return self.before[0] in MODAL_VERBS or glued

    def joins_nominals(self) -> bool:
        return self.before[1][:1] in ("n", "r") and self.after[1][:1] in ("n", "r")

    def graded(self) -> bool:
        """Whether a degree adverb comes right before the word (太长, 比较少)."""
        return is_degree(self.before[0])

    def compared(self) -> bool:
        """Whether the word is the predicate of a 比 comparison in its clause."""
        return "比" in self.clause() and not self.after[1].startswith("v")

    def verb_slot(self, word: str) -> bool:
        # 了 may end a sentence after an adjective (太长了); 着 and 过 follow verbs only (空着).
        aspect = self.rest[:1] in ("着", "过") or (self.rest[:1] == "了" and is_han(self.rest[1:2]))
        pronoun_object = self.after[1] == "r" and self.after[0] in _PERSONAL
        # 看看书, 数一数, 量一下; but 好好学习 is an adverb before its verb
        doubled = self.after[0] == word and not self.verb_after(len(word))
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

    def verb_after(self, skip: int) -> bool:
        """Whether the word after the next ``skip`` characters is a verb (好好学习: 学习)."""
        following = tagged(self.rest[skip:])
        return bool(following) and following[0][1].startswith("v")

    def ends_clause(self) -> bool:
        """Whether the word closes its clause, as a predicate does (a noun there is rare).

        Sentence-final particles (了, 吧, 呢 …) may follow it: 把自行车还了。
        """
        closing = self.rest.lstrip("了吧呢吗啊呀")
        return self.whole() and not is_han(closing) and bool(self.before[0])

    def dated(self) -> bool:
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
