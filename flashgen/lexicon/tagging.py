"""jieba's part-of-speech tags, and the word classes read off them or off CC-CEDICT.

The slot cues of :mod:`flashgen.lexicon.twins` ask the same questions of the
words around a neutral-tone twin: is it a verb, a degree adverb?  jieba's tags
answer most; where it tags a word otherwise (选 "zg"), the word's first
CC-CEDICT sense does.
"""

from __future__ import annotations

from functools import cache
from itertools import accumulate

from .. import data
from ..memo import per_article
from . import dictionary
from .senses import clean_senses

#: jieba's tags of names (person, place, organisation).
NAME_TAGS = ("nr", "ns", "nt")
#: Degree adverbs: a neutral-tone twin after one is the descriptive word (太大意 dà yi).
DEGREE = frozenset("太很真更最挺")
DEGREE_WORDS = frozenset({"有点", "有些", "非常", "十分", "比较", "特别", "相当", "不太", "这么", "那么"})
#: Modal verbs: a neutral-tone twin after one is the descriptive word (不能大意 dà yi), and a
#: word the dictionary lacks that starts with one is a phrase, not a card (要做, 能用).
MODAL_VERBS = frozenset(
    {*"能会要别想敢肯该可应愿需", "不能", "不会", "不要", "不想"}
    | {"可以", "应该", "必须", "愿意", "需要", "能够"}
)


@cache
def is_verb(word: str, flag: str) -> bool:
    """jieba's tag, or for words it tags otherwise (选 "zg"), an entry whose first sense is a verb."""
    if flag.startswith("v"):
        return True
    return any(
        senses[0].startswith("to ") for e in dictionary.entries(word) if (senses := clean_senses(e.senses))
    )


def is_degree(word: str) -> bool:
    """Whether a word is (or ends in) a degree adverb: 很, 太, 比较."""
    return word[-1:] in DEGREE or word in DEGREE_WORDS


@per_article
@cache
def token_boundaries(zh_context: str) -> frozenset[int]:
    """The offsets where jieba (without HMM guesses) starts or ends a word."""
    ends = accumulate(len(token) for token in data.jieba_tokenizer().cut(zh_context, HMM=False))
    return frozenset([0, *ends])


def is_han(text: str) -> bool:
    """Whether ``text`` starts with a Han character (a word, not punctuation or Latin)."""
    return bool(text) and "\u3400" <= text[0] <= "\u9fff"


def tagged(text: str) -> list[tuple[str, str]]:
    """jieba's (word, flag) pairs without its HMM guesses, which merge unknown names."""
    return [(pair.word, pair.flag) for pair in data.jieba_posseg().cut(text, HMM=False) if pair.word.strip()]
