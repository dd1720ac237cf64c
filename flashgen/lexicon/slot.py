"""The words around a word in its sentence: the slot it fills, for the neutral-tone twins.

jieba tags the neighbours; :mod:`.twins` reads off them which of a word's
neutral-tone twins fits (东西 dōng xi after a verb, dōng xī before 长), and
the reading engine weighs that as one piece of evidence among others.
:class:`Slot` only describes the position.
"""

from __future__ import annotations

from dataclasses import dataclass

from .tagging import is_degree, tagged

#: Characters of a number or an amount.
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两俩几半多少些数零〇第这那哪每各某0123456789")
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

    def graded(self) -> bool:
        """Whether a degree adverb comes right before the word (太长, 比较少)."""
        return is_degree(self.before[0])

    def counted(self) -> bool:
        """Whether a numeral, a classifier or a demonstrative comes right before (这种, 每行, 很多)."""

        def counts(tagged: tuple[str, str]) -> bool:
            # jieba tags a few directions as numerals (向左/m 转): a number has a numeral in it
            amount = tagged[1] in ("m", "mq") and any(c in _NUMERALS for c in tagged[0])
            return amount or tagged[1] == "q" or tagged[0][-1:] in DETERMINERS

        # jieba tags some classifiers as nouns (这条/r 条/n): a lone one after a demonstrative counts
        classifier = len(self.before[0]) == 1 and self.before[1] in ("n", "q") and counts(self.before2)
        return counts(self.before) or classifier or (self.before[1] == "a" and counts(self.before2))
