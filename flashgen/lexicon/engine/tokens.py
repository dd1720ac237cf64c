"""The words a sentence is read by: jieba's segmentation, with the card word made one token.

The evidence of :mod:`.evidence` is about the token holding a character (its
dictionary readings, its tag) and its neighbours, so the token boundaries
decide what a character is read as part of.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ... import data
from ...memo import per_article
from .. import dictionary
from ..tagging import NAME_TAGS


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    tag: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


#: The longest CC-CEDICT word a word it lacks is cut into (:func:`pieces`).
_LONGEST_PIECE = 4


@per_article
@cache
def tokens_of(sentence: str) -> tuple[Token, ...]:
    """jieba's part-of-speech segmentation (without HMM guesses) as positioned tokens, a word
    CC-CEDICT lacks cut into its dictionary pieces (:func:`pieces`)."""
    found, at = [], 0
    for pair in data.jieba_posseg().cut(sentence, HMM=False):
        found += pieces(Token(pair.word, at, pair.flag))
        at += len(pair.word)
    return tuple(found)


def pieces(token: Token) -> list[Token]:
    """A word CC-CEDICT lacks (jieba's 倔强地, 静静地), as its longest dictionary words from the left
    and single characters, each with jieba's tag: so that 地 is read as the particle after 倔强, with
    the evidence of a word of its own, rather than as an unknown word's last syllable.  Names keep
    their one token (a surname is read at the start of one)."""
    text = token.text
    if len(text) < 2 or dictionary.contains(text) or token.tag.startswith(NAME_TAGS):
        return [token]
    tags = data.jieba_posseg().word_tag_tab
    found, at = [], token.start
    for piece in dictionary.longest_pieces(text, dictionary.contains, _LONGEST_PIECE):
        found.append(Token(piece, at, str(tags.get(piece, "x"))))
        at += len(piece)
    return found


def tokens_for(sentence: str, word: str, position: int) -> tuple[Token, ...]:
    """The tokens to read ``word`` at ``position`` by: jieba's, with the word made one token
    (出口 + 管制 read as 出口管制; 生意 inside 做生意 read as 生意).

    But a part of a token CC-CEDICT lacks (管制 of a composed 出口管制) is read inside that
    token, as the sentence line reads it, so that the card word's parts and its line agree.
    """
    tokens = tokens_of(sentence)
    end = position + len(word)
    enclosing = next((t for t in tokens if t.start <= position and end <= t.end), None)
    if not dictionary.contains(word) or (enclosing is not None and enclosing.text == word):
        return tokens  # a word CC-CEDICT lacks is read by its pieces, as its line reads it
    tag = str(data.jieba_posseg().word_tag_tab.get(word, "x" if len(word) == 1 else "n"))
    result: list[Token] = []
    for t in tokens:
        if t.end <= position or t.start >= end:
            result.append(t)
            continue
        if t.start < position:
            result.append(Token(t.text[: position - t.start], t.start, t.tag))
        if not result or result[-1].start != position:
            result.append(Token(word, position, tag))
        if t.end > end:
            result.append(Token(t.text[end - t.start :], end, t.tag))
    return tuple(result)
