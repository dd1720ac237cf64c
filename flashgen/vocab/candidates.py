"""Candidate terms of an article: segmentation, compounds, filters.

1. segment each sentence and repair jieba's glue (:mod:`flashgen.vocab.segmentation`);
2. merge runs of tokens that together form a dictionary word (误入 / 歧途),
   then adjacent pairs of content words repeated in the article that look like
   a compound term rather than a phrase (出口 / 管制 → 出口管制,
   :mod:`flashgen.vocab.compounds`);
3. keep the tokens a learner could want as cards, counting each occurrence once:
   the parts of a merged compound are not counted again, and neither are the
   pieces of a number phrase, a negated word or a name (:mod:`flashgen.vocab.occurrences`).

Everything here is pure and deterministic: the same pairs give the same
candidates in the same (first-occurrence) order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..lexicon import dictionary
from ..lexicon.tagging import MODAL_VERBS
from ..types import SentencePair
from .compounds import (
    merge_dictionary_words,
    merge_pairs,
    rendered_in_order,
    repeated_compounds,
    split_transparent,
)
from .occurrences import is_piece
from .segmentation import (
    LOCALITY_TAG,
    English,
    Token,
    is_function_tag,
    is_han,
    is_name_in,
    lexicon_split,
    segment,
    tag_of,
    translated_in,
)

#: jieba's tags of idioms and time words, whose words are no terms of their own (:func:`inner_words`).
_WHOLE_TAGS = ("i", "t")
#: jieba's tag of fixed expressions (习用语) and CC-CEDICT's note on idioms (:func:`_set_phrase`).
_SET_PHRASE_TAG = "l"
_IDIOM_NOTE = "(idiom)"
#: A single character is a card only below this zipf (and at HSK 5 or above).
_SINGLE_CHARACTER_ZIPF = 4.5


@dataclass
class Candidate:
    """A word seen in the article, with where it was seen.

    ``pair_ids`` are indexes into the article's pairs, one per occurrence, in
    text order; ``first`` is the occurrence's global token position, used to
    break ties deterministically.
    """

    text: str
    tag: str
    first: int
    is_name: bool
    compound: bool
    pair_ids: list[int] = field(default_factory=list)
    inner: bool = False  # seen only inside longer terms (:func:`inner_words`)

    @property
    def count(self) -> int:
        """Occurrences in the article (outside longer terms that were kept)."""
        return len(self.pair_ids)


def article_tokens(pairs: Sequence[SentencePair]) -> list[list[Token]]:
    """Each pair's Chinese as terms: segmented, repaired, compounds recovered."""
    english = [English.of(pair.en) for pair in pairs]
    sentences = [merge_dictionary_words(segment(pair.zh)) for pair in pairs]
    compounds = repeated_compounds(sentences, english)
    return split_transparent([merge_pairs(tokens, compounds) for tokens in sentences], english)


def is_phrase(token: Token) -> bool:
    """Whether a word is a phrase jieba's dictionary lists as one word.

    - a place phrase: jieba's place word ending in a locality word (村里 "in
      the village", 空中 "in the air"), CC-CEDICT listing it or not;
    - a word CC-CEDICT lacks that ends in a locality word (赛后 "after the
      match", 今年以来 "since this year") or starts with a modal verb or an
      adverb (难以避免 "hard to avoid").

    Compounds this module joined were vetted when joined.
    """
    if token.parts:
        return False
    if token.tag.startswith("s") and tag_of(token.text[-1]).startswith(LOCALITY_TAG):
        return True
    if dictionary.contains(token.text):
        return False
    pieces = lexicon_split(token.text)
    return len(pieces) > 1 and (
        tag_of(pieces[-1]).startswith(LOCALITY_TAG)
        or pieces[0] in MODAL_VERBS
        or tag_of(pieces[0]).startswith("d")
    )


def is_card_worthy(token: Token) -> bool:
    """Whether a token could be a card at all, before ranking.

    Never grammar, numbers, punctuation, Latin or phrases (:func:`is_phrase`).
    Single characters are kept only when the HSK lists them at level 5 or
    above and they are uncommon (zipf < 4.5): a learner rarely wants 函, 令 or
    拖 alone, and the common ones (说, 大) are known long before an article
    like this.
    """
    if not is_han(token.text) or is_function_tag(token.tag):
        return False
    if len(token.text) == 1:
        level = dictionary.hsk_level(token.text)
        return level is not None and level >= 5 and dictionary.zipf(token.text) < _SINGLE_CHARACTER_ZIPF
    return not is_phrase(token)


def inner_words(token: Token, english: English) -> tuple[Token, ...]:
    """The words of two or more characters a term of two such words is made of (电信 / 诈骗 in
    电信诈骗 "telecom fraud", 赔偿 / 标准 in jieba's 赔偿标准): a teacher often lists the part
    (诈骗 "fraud", 赔偿 "compensation") where jieba or the dictionary keeps the phrase whole.
    A CC-CEDICT word jieba keeps whole is one word, not two (原汁原味 "authentic", 后继无人),
    unless the aligned English renders its two words one by one, in order: CC-CEDICT lists
    transparent phrases too (预警系统 "warning systems", 技术规范 "technical specification",
    改革开放 "reform and opening up"), and their words are what a teacher lists; not a set
    phrase (:func:`_set_phrase`).  An idiom jieba lists (不堪重负) is one word; a time phrase
    (上个世纪 "last century") holds no term."""
    if token.tag.startswith(_WHOLE_TAGS):
        return ()
    if token.parts:
        parts = tuple(Token(p.text, p.tag) for p in token.parts)
    else:
        parts = tuple(Token(p, tag_of(p)) for p in lexicon_split(token.text))
    if len(parts) != 2 or min(len(p.text) for p in parts) < 2:
        return ()
    if token.parts or not dictionary.contains(token.text):
        return parts
    return parts if not _set_phrase(token) and rendered_in_order([p.text for p in parts], english) else ()


def _set_phrase(token: Token) -> bool:
    """A set phrase: an idiom to CC-CEDICT or a fixed expression to jieba (攻坚克难, 哈哈大笑,
    有所不同), whose words are no terms even where the English follows them word by word."""
    return token.tag.startswith(_SET_PHRASE_TAG) or any(
        _IDIOM_NOTE in sense for sense in dictionary.all_senses(token.text)
    )


def collect(pairs: Sequence[SentencePair]) -> list[Candidate]:
    """Every card-worthy term of the article with its occurrences, in first-occurrence order;
    after them the words seen only inside longer terms (:func:`inner_words`), marked ``inner``:
    inside a term used once, or inside a repeated one whose English renders the word alone
    somewhere (用电负荷 "the load on the power grid": 负荷).  A term the writer repeats and the
    English renders as a unit (出口管制 "export controls") is the article's term, not its parts."""
    found: dict[str, Candidate] = {}
    inner: dict[str, Candidate] = {}
    hosts: dict[str, set[str]] = {}
    alone: set[str] = set()
    position = 0
    for pair_id, tokens in enumerate(article_tokens(pairs)):
        for at, token in enumerate(tokens):
            position += 1
            english = English.of(pairs[pair_id].en)
            if not is_card_worthy(token) or is_piece(tokens, at, english):
                continue
            name = is_name_in(token, english)
            _occurrence(found, token, name, position, pair_id)
            if not name:
                parts = inner_words(token, english)
                for part in filter(is_card_worthy, parts):
                    _occurrence(inner, part, is_name_in(part, english), position, pair_id)
                    hosts.setdefault(part.text, set()).add(token.text)
                    if _rendered_alone(part.text, parts, english):
                        alone.add(part.text)
    for text, candidate in inner.items():
        if text not in found and (text in alone or any(found[host].count == 1 for host in hosts[text])):
            found[text] = replace(candidate, inner=True)
    return list(found.values())


def _rendered_alone(part: str, parts: Sequence[Token], english: English) -> bool:
    """Whether the English translates ``part`` but not the phrase it is in, word by word in
    order: "the load on the power grid" for 用电负荷 is 负荷 "load", and "export controls" is
    出口管制 whole."""
    return translated_in(part, english) and not rendered_in_order([p.text for p in parts], english)


def _occurrence(found: dict[str, Candidate], token: Token, name: bool, position: int, pair_id: int) -> None:
    """Count one occurrence; a word the English shows as a common word once is no name (苗圃)."""
    candidate = found.get(token.text)
    if candidate is None:
        candidate = Candidate(token.text, token.tag, position, name, bool(token.parts))
        found[token.text] = candidate
    candidate.is_name = candidate.is_name and name
    candidate.pair_ids.append(pair_id)
