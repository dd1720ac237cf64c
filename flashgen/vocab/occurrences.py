"""Which occurrences of a token are the word itself, not a piece of something larger.

jieba cuts what a learner reads as one unit into pieces, and a piece that
happens to be a dictionary word then makes a card the article never used:

- **a piece of a number phrase**: 31 / 年前 "31 years ago" is not 年前 "end of
  the year"; the unit after a numeral belongs to the number;
- **a negated adjective the English translates as one word**: 不 / 寻常 is
  "unusual", and a card 寻常 "usual" would teach its antonym;
- **a piece of a name**: 李 / 明说 (the researcher 李明 "said"), 国家 /
  空间科学 / 中心 inside an institute's name, 华信 / 控股集团 "Huaxin Holdings Group".

Such occurrences are not counted; a word whose every occurrence is a piece is
no candidate.  Each test reads the tokens around the occurrence only.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import dictionary
from ..lexicon.senses import negates
from ..lexicon.tagging import NAME_TAGS
from .segmentation import English, Token, is_name, tag_of

#: Negations that make one English word with the adjective after them (不寻常 "unusual").
_NEGATORS = frozenset("不非无未")
#: Heads of institution names: a run of nouns ending in one, after a name, is a name.
_INSTITUTIONS = (
    "集团",
    "公司",
    "中心",
    "银行",
    "研究所",
    "研究院",
    "大学",
    "学院",
    "委员会",
    "协会",
    "基金会",
    "实验室",
    "科学院",
)
#: Tags of the words an institution's name is made of.
_NOMINAL = ("n", "l", "vn", "j")
#: Characters of numerals written in Chinese or digits.
_NUMERALS = frozenset("0123456789〇零一二三四五六七八九十百千万亿两几数")


def is_piece(tokens: Sequence[Token], at: int, english: English) -> bool:
    """Whether ``tokens[at]`` is a piece of a number phrase, a negated word or a name here."""
    return _after_numeral(tokens, at) or _negated(tokens, at, english) or _inside_name(tokens, at)


def _after_numeral(tokens: Sequence[Token], at: int) -> bool:
    """31 / 年前, 三 / 天后: a unit or classifier right after a numeral belongs to the number."""
    if at == 0 or not tokens[at - 1].text or tokens[at - 1].text[-1] not in _NUMERALS:
        return False
    return tag_of(tokens[at].text[0]).startswith(("m", "q"))


def _negated(tokens: Sequence[Token], at: int, english: English) -> bool:
    """不 / 寻常 next to "unusual": the English makes the negation part of the word."""
    if at == 0 or tokens[at - 1].text not in _NEGATORS:
        return False
    glosses = dictionary.gloss_words(tokens[at].text)
    return any(negates(word, gloss) for word in english.words for gloss in glosses)


def _inside_name(tokens: Sequence[Token], at: int) -> bool:
    """李 / 明说: the first character after a lone surname is the given name; and a word in a run
    of nouns that follows a name and ends in an institution's head (国家 / 空间科学 / 中心)."""
    token = tokens[at]
    before = tokens[at - 1] if at else None
    if before is not None and len(before.text) == 1 and before.tag.startswith("nr") and len(token.text) == 2:
        return True
    end = at
    while not tokens[end].text.endswith(_INSTITUTIONS):
        end += 1
        if end == len(tokens) or not tokens[end].tag.startswith(_NOMINAL):
            return False
    start = at - 1
    while start >= 0 and tokens[start].tag.startswith(_NOMINAL) and not _named(tokens[start]):
        start -= 1
    return start >= 0 and _named(tokens[start])


def _named(token: Token) -> bool:
    """A name, or jieba's organisation or proper-noun tag (华信/nz)."""
    return token.tag.startswith((*NAME_TAGS, "nz")) or is_name(token)
