"""Candidate terms of an article: segmentation, repairs, compounds, filters.

jieba is a good segmenter but a poor lexicographer for learners.  It splits
terms a teacher would teach whole (出口 / 管制), glues unknown character runs
(函在), tags common words as names (博客/nr) and names as common words.  This
module turns its tokens into the *terms* of an article:

1. segment each sentence with jieba's part-of-speech tokenizer;
2. re-split tokens jieba invented (not in any dictionary) or tagged as
   organisations, when the dictionary finds words inside them
   (强制执行函在 → 强制执行 / 函 / 在, 美国政府 → 美国 / 政府);
3. merge runs of tokens that together form a dictionary word (误入 / 歧途),
   then adjacent pairs of content words repeated in the article that look like
   a compound term rather than a phrase (出口 / 管制 → 出口管制);
4. keep the tokens a learner could want as cards, counting each occurrence once:
   the parts of a merged compound are not counted again.

Everything here is pure and deterministic: the same pairs give the same
candidates in the same (first-occurrence) order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from . import dictionary
from .data import jieba_posseg
from .types import SentencePair

#: jieba tags of words that never become cards: pronouns (r), particles (u*, y, e, o),
#: prepositions (p), conjunctions (c), numerals and classifiers (m, q, mq),
#: punctuation and symbols (x, w), affixes (h, k), Latin words (eng), single
#: characters of ambiguous role (zg).
_FUNCTION_TAGS = ("r", "u", "y", "e", "o", "p", "c", "m", "q", "x", "w", "h", "k", "eng", "zg")
#: jieba tags of person, place and organisation names.
_NAME_TAGS = ("nr", "ns", "nt")
#: Tags of words that can modify a following head in a compound term
#: (noun, verbal noun, adjectival noun, adjective, distinguishing word).
_MODIFIER_TAGS = ("n", "vn", "an", "a", "b")
_HAN_ONLY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: Compounds found only by repetition stay this short: most Chinese terms have
#: at most four characters, longer runs repeated in one article are phrases
#: (安全研究人员 "security researchers") whose parts make better cards.
MAX_REPEATED_COMPOUND = 4
#: Zipf of everyday words (about one in 100,000 words of text).
EVERYDAY_ZIPF = 5.0
#: English words sharing this many leading letters count as the same word
#: ("retaliatory" translates 报复 "to retaliate"; "national" 国家 "nation").
_STEM_LETTERS = 6
#: A single character is a card only below this zipf (and at HSK 5 or above).
_SINGLE_CHARACTER_ZIPF = 4.5
#: Dictionary words are matched across at most this many jieba tokens.
_MAX_MERGE_TOKENS = 4


@dataclass(frozen=True)
class English:
    """An English sentence reduced to what translation matching needs."""

    lemmas: tuple[str, ...]
    words: frozenset[str]
    stems: frozenset[str]

    @classmethod
    def of(cls, text: str) -> English:
        lemmas = tuple(dictionary.english_lemmas(text))
        return cls(
            lemmas, frozenset(lemmas), frozenset(w[:_STEM_LETTERS] for w in lemmas if len(w) >= _STEM_LETTERS)
        )

    def translates(self, glosses: frozenset[str]) -> bool:
        """Whether any of the gloss words (lemmas) occurs here, stems compared."""
        return any(
            g in self.words or (len(g) >= _STEM_LETTERS and g[:_STEM_LETTERS] in self.stems) for g in glosses
        )


@dataclass(frozen=True)
class Token:
    """One segmented word with its jieba part-of-speech tag.

    ``parts`` holds the tokens a compound was merged from (empty for jieba's
    own tokens), so later stages can tell a recovered compound from a word.
    """

    text: str
    tag: str
    parts: tuple[Token, ...] = ()


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

    @property
    def count(self) -> int:
        """Occurrences in the article (outside longer terms that were kept)."""
        return len(self.pair_ids)


def in_lexicon(word: str) -> bool:
    """Whether CC-CEDICT or jieba's own dictionary knows ``word``."""
    return dictionary.contains(word) or dictionary.frequency(word) > 0


def is_han(text: str) -> bool:
    """Whether ``text`` consists of Chinese characters only (no Latin, digits, punctuation)."""
    return _HAN_ONLY.fullmatch(text) is not None


def is_function_tag(tag: str) -> bool:
    """Whether jieba's tag marks a word that carries grammar rather than content."""
    return tag.startswith(_FUNCTION_TAGS)


@cache
def dictionary_name(word: str) -> bool | None:
    """True if CC-CEDICT lists ``word`` only as a proper name, False if only as a
    common word, None when it does not list it or lists it as both (故宫 "the
    Forbidden City" / "former imperial palace").

    CC-CEDICT capitalises the pinyin of names (Bái gōng 白宫), which is more
    reliable than jieba's tags: jieba tags 博客 "blog" as a person's name.
    """
    found = [e.is_name for e in dictionary.entries(word) if not e.is_variant_only]
    if not found or len(set(found)) > 1:
        return None
    return found[0]


def is_name(token: Token) -> bool:
    """Whether a token is a person, place or organisation name.

    The dictionary decides when it is sure; otherwise jieba's name tags do.
    jieba's "other proper noun" tag (nz) is not trusted on its own: it tags
    plain terms such as 网络安全 and 论文 with it.
    """
    known = dictionary_name(token.text)
    if known is not None:
        # CC-CEDICT capitalises weekdays and months as English does (Zhou1 wu3 周五).
        return known and not token.tag.startswith("t")
    return token.tag.startswith(_NAME_TAGS) and not _made_of_common_words(token.text)


def _made_of_common_words(word: str) -> bool:
    """jieba's dictionary lists phrases with a name tag (卫冕冠军/nr "defending
    champion"); a name is not a run of ordinary dictionary words."""
    pieces = lexicon_split(word)
    return len(pieces) > 1 and all(len(p) > 1 and dictionary_name(p) is False for p in pieces)


@cache
def lexicon_split(word: str) -> tuple[str, ...]:
    """Forward maximum matching of ``word`` against the lexicon, in pieces shorter
    than ``word`` itself (single characters as fallback)."""
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = max(start + 1, min(len(word), start + 8, start + len(word) - 1))
        while end > start + 1 and not in_lexicon(word[start:end]):
            end -= 1
        pieces.append(word[start:end])
        start = end
    return tuple(pieces)


def _needs_resplit(token: Token) -> bool:
    """Whether a token CC-CEDICT lacks is better taught as the words inside it.

    The lexicon must find a word of two or more characters inside, and the
    token must be one of: made up by jieba (unknown to its dictionary too:
    its HMM glues unknown runs, 强制执行函在); an organisation tag on a
    description (美国政府 "the US government"); or a common one-character
    modifier before a dictionary word (老艺人 "old artist": 艺人 is the word).
    """
    if len(token.text) < 3 or not is_han(token.text) or dictionary.contains(token.text):
        return False
    pieces = lexicon_split(token.text)
    if len(pieces) < 2 or all(len(p) == 1 for p in pieces):
        return False
    invented = dictionary.frequency(token.text) == 0 and not token.tag.startswith(("nr", "ns"))
    return invented or token.tag.startswith("nt") or _is_modified_word(pieces)


def _is_modified_word(pieces: Sequence[str]) -> bool:
    return (
        len(pieces) == 2
        and len(pieces[0]) == 1
        and dictionary.zipf(pieces[0]) >= EVERYDAY_ZIPF
        and dictionary.contains(pieces[1])
    )


def _tag_of(word: str) -> str:
    return str(jieba_posseg().word_tag_tab.get(word, "x" if len(word) == 1 else "n"))


def repair(tokens: Iterable[Token]) -> list[Token]:
    """Re-split glued and description-like tokens (see :func:`_needs_resplit`)."""
    repaired: list[Token] = []
    for token in tokens:
        if _needs_resplit(token):
            repaired.extend(Token(piece, _tag_of(piece)) for piece in lexicon_split(token.text))
        else:
            repaired.append(token)
    return repaired


def segment(text: str) -> list[Token]:
    """jieba's part-of-speech segmentation of one sentence, repaired."""
    return repair(Token(w.word, w.flag) for w in jieba_posseg().cut(text))


def can_join(token: Token, affixes: bool = False) -> bool:
    """Whether a token may be part of a compound: Chinese content, not grammar.

    Adverbs (d) are grammar here: 不 / 受 must not become a term 不受.  With
    ``affixes``, jieba's prefixes (h) may join too: the dictionary vouches for
    非 / 物质 / 文化遗产 → 非物质文化遗产.  Suffixes (k) never do: 孩子们 is
    孩子 in the plural, not a word to learn.
    """
    if not is_han(token.text) or token.tag.startswith("d"):
        return False
    return not is_function_tag(token.tag) or (affixes and token.tag.startswith("h"))


def _merged(parts: Sequence[Token]) -> Token:
    text = "".join(p.text for p in parts)
    flat = tuple(q for p in parts for q in (p.parts or (p,)))
    return Token(text, _tag_of(text) if in_lexicon(text) else parts[-1].tag, flat)


def merge_dictionary_words(tokens: Sequence[Token]) -> list[Token]:
    """Join runs of whole content tokens that together are a CC-CEDICT word,
    longest first (国家 / 安全 → 国家安全, 误入 / 歧途 → 误入歧途).

    Only CC-CEDICT: jieba already weighed its own dictionary when it split the
    run, and a learner's card needs the dictionary's entry.
    """
    joinable = [can_join(t, affixes=True) for t in tokens]
    merged: list[Token] = []
    i = 0
    while i < len(tokens):
        run = i
        while run < len(tokens) and run - i < _MAX_MERGE_TOKENS and joinable[run]:
            run += 1
        end = next(
            (j for j in range(run, i + 1, -1) if dictionary.contains("".join(t.text for t in tokens[i:j]))),
            i + 1,
        )
        merged.append(_merged(tokens[i:end]) if end - i > 1 else tokens[i])
        i = end
    return merged


def _first_sense_is_verb(word: str) -> bool:
    senses = [s for e in dictionary.entries(word) for s in e.senses if not s.startswith("CL:")]
    return bool(senses) and senses[0].startswith("to ")


def is_nominal_head(token: Token) -> bool:
    """Whether a token can be the head of a noun compound.

    jieba's verbal-noun and adjectival-noun tags (管制/vn, 安全/an) say it is
    used nominally; a plain noun tag is trusted unless the dictionary's first
    sense is a verb (jieba tags 下线 "to go offline" as a noun, and 模型下线
    "take the model offline" is a clause, not a term).
    """
    if token.tag.startswith(("vn", "an", "nz")):
        return True
    return (
        token.tag.startswith("n")
        and not token.tag.startswith(_NAME_TAGS)
        and not _first_sense_is_verb(token.text)
    )


def _joinable_pair(first: Token, head: Token) -> bool:
    """Two content words of two or more characters, four at most together.

    A single character joined to a word is an affix or the generic part of a
    name (海港路 "Harbour Road"): only the dictionary may vouch for those.
    """
    return (
        can_join(first)
        and can_join(head)
        and not is_name(first)
        and not is_name(head)
        and len(first.text) + len(head.text) <= MAX_REPEATED_COMPOUND
        and min(len(first.text), len(head.text)) >= 2
    )


def _compound_shape(first: Token, head: Token) -> bool:
    """Whether two adjacent tokens look like a modifier and its nominal head."""
    return first.tag.startswith(_MODIFIER_TAGS) and is_nominal_head(head)


def _english_has_phrase(first: str, head: str, english: English) -> bool:
    """Whether the English has two adjacent words translating ``first`` then ``head``."""
    first_glosses, head_glosses = dictionary.gloss_words(first), dictionary.gloss_words(head)
    words = english.lemmas
    return any(a in first_glosses and b in head_glosses for a, b in pairwise(words))


def repeated_compounds(
    sentences: Sequence[Sequence[Token]], english: Sequence[English]
) -> frozenset[tuple[str, str]]:
    """Adjacent token pairs the article itself shows to be one term.

    Evidence is repetition: a writer who says 出口管制 five times uses it as
    one term, whatever jieba's dictionary says.  A pair repeated 2+ times is
    kept when it has a compound's shape (:func:`_compound_shape`) and its head
    is translated in the aligned English at least once (补时阶段 "stoppage
    time" is a term plus a filler noun).  Two verbs, which the shape cannot
    judge, are kept when the aligned English has the matching two-word phrase
    in two or more of their sentences ("export control" for 出口/管制 tagged as
    verbs).  ``english`` is each sentence's English.
    """
    where: dict[tuple[str, str], list[int]] = {}
    tokens_of: dict[tuple[str, str], tuple[Token, Token]] = {}
    for index, tokens in enumerate(sentences):
        for first, head in pairwise(tokens):
            if _joinable_pair(first, head):
                key = (first.text, head.text)
                where.setdefault(key, []).append(index)
                tokens_of.setdefault(key, (first, head))
    kept = set()
    for key, indexes in where.items():
        if len(indexes) < 2:
            continue
        first, head = tokens_of[key]
        if _compound_shape(first, head):
            if any(english[i].translates(dictionary.gloss_words(head.text)) for i in indexes):
                kept.add(key)
        elif (
            _verb_pair(first, head) and sum(_english_has_phrase(*key, english[i]) for i in set(indexes)) >= 2
        ):
            kept.add(key)
    return frozenset(kept)


def _verb_pair(first: Token, head: Token) -> bool:
    """A verb followed by a verb (not a verbal noun as subject: 研究/vn 发现 "study finds")."""
    return first.tag == "v" and head.tag.startswith("v")


def merge_pairs(tokens: Sequence[Token], pairs: frozenset[tuple[str, str]]) -> list[Token]:
    """Join adjacent tokens listed in ``pairs``, left to right."""
    merged: list[Token] = []
    for token in tokens:
        if merged and (merged[-1].text, token.text) in pairs:
            merged[-1] = _merged([merged[-1], token])
        else:
            merged.append(token)
    return merged


def article_tokens(pairs: Sequence[SentencePair]) -> list[list[Token]]:
    """Each pair's Chinese as terms: segmented, repaired, compounds recovered."""
    sentences = [merge_dictionary_words(segment(pair.zh)) for pair in pairs]
    compounds = repeated_compounds(sentences, [English.of(pair.en) for pair in pairs])
    return [merge_pairs(tokens, compounds) for tokens in sentences]


def is_card_worthy(token: Token) -> bool:
    """Whether a token could be a card at all, before ranking.

    Never grammar, numbers, punctuation or Latin.  Single characters are kept
    only when the HSK lists them at level 5 or above and they are uncommon
    (zipf < 4.5): a learner rarely wants 函, 令 or 拖 alone, and the common
    ones (说, 大) are known long before an article like this.
    """
    if not is_han(token.text) or is_function_tag(token.tag):
        return False
    if len(token.text) == 1:
        level = dictionary.hsk_level(token.text)
        return level is not None and level >= 5 and dictionary.zipf(token.text) < _SINGLE_CHARACTER_ZIPF
    return True


def collect(pairs: Sequence[SentencePair]) -> list[Candidate]:
    """Every card-worthy term of the article with its occurrences, in first-occurrence order."""
    found: dict[str, Candidate] = {}
    position = 0
    for pair_id, tokens in enumerate(article_tokens(pairs)):
        for token in tokens:
            position += 1
            if not is_card_worthy(token):
                continue
            candidate = found.get(token.text)
            if candidate is None:
                candidate = Candidate(token.text, token.tag, position, is_name(token), bool(token.parts))
                found[token.text] = candidate
            candidate.pair_ids.append(pair_id)
    return list(found.values())
