"""Whole terms from jieba's pieces: dictionary words across tokens, and
compounds the article itself proves by repetition (出口 / 管制 → 出口管制).

A learner studies 出口管制 "export control", not 出口 and 管制 apart, and
jieba's dictionary does not list it.  Two kinds of evidence join tokens:
CC-CEDICT listing the run as one headword, and the article repeating a pair
that has a compound's shape, with the aligned English backing it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from ..lexicon import dictionary
from ..lexicon.synonyms import synonyms
from ..lexicon.tagging import NAME_TAGS
from .segmentation import (
    LOCALITY_TAG,
    English,
    Token,
    in_lexicon,
    is_function_tag,
    is_han,
    is_name,
    lexicon_split,
    tag_of,
)

#: Tags of words that can modify a following head in a compound term
#: (noun, verbal noun, adjectival noun, adjective, distinguishing word).
_MODIFIER_TAGS = ("n", "vn", "an", "a", "b")
#: Compounds found only by repetition stay this short: most Chinese terms have
#: at most four characters, longer runs repeated in one article are phrases
#: (安全研究人员 "security researchers") whose parts make better cards.
MAX_REPEATED_COMPOUND = 4
#: Dictionary words are matched across at most this many jieba tokens.
_MAX_MERGE_TOKENS = 4


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
    return Token(text, tag_of(text) if in_lexicon(text) else parts[-1].tag, flat)


def _ends_in_locality(run: Sequence[Token]) -> bool:
    """A word and a locality word after it make an adverbial or place phrase,
    even where CC-CEDICT lists it (无意 / 中 "accidentally", 历史 / 上 "in history")."""
    return run[-1].tag.startswith(LOCALITY_TAG) and not run[0].tag.startswith(LOCALITY_TAG)


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
        end = next((j for j in range(run, i + 1, -1) if _is_dictionary_run(tokens[i:j])), i + 1)
        merged.append(_merged(tokens[i:end]) if end - i > 1 else tokens[i])
        i = end
    return merged


def _is_dictionary_run(run: Sequence[Token]) -> bool:
    return not _ends_in_locality(run) and dictionary.contains("".join(t.text for t in run))


def _first_sense_is_verb(word: str) -> bool:
    senses = [s for s in dictionary.all_senses(word) if not s.startswith("CL:")]
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
        and not token.tag.startswith(NAME_TAGS)
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


def _verb_pair(first: Token, head: Token) -> bool:
    """A verb followed by a verb (not a verbal noun as subject: 研究/vn 发现 "study finds")."""
    return first.tag == "v" and head.tag.startswith("v")


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


def merge_pairs(tokens: Sequence[Token], pairs: frozenset[tuple[str, str]]) -> list[Token]:
    """Join adjacent tokens listed in ``pairs``, left to right."""
    merged: list[Token] = []
    for token in tokens:
        if merged and (merged[-1].text, token.text) in pairs:
            merged[-1] = _merged([merged[-1], token])
        else:
            merged.append(token)
    return merged


#: A phrase used this often is the article's own term, transparent or not (出口管制 ×5 "export control").
_TERM_REPEATS = 3
#: The highest HSK level of the words a transparent phrase is made of.
_KNOWN_LEVEL = 5
#: English words between the renderings of a phrase's two parts ("bank's employees").
_MAX_GAP = 2


def split_transparent(sentences: Sequence[Sequence[Token]], english: Sequence[English]) -> list[list[Token]]:
    """Each sentence with its transparent phrases cut back into their words.

    A phrase is transparent when CC-CEDICT lacks it, it is two words of two or more
    characters after a known modifier (:func:`_phrase_parts`), and the aligned English
    renders each word on its own, in order (客户数据 "customer data", "data
    security" for 数据安全): its meaning is the sum of its words, and its
    words make the cards.
    A phrase the writer keeps using is the article's term and stays whole.
    """
    counts = Counter(t.text for tokens in sentences for t in tokens)
    split: list[list[Token]] = []
    for tokens, en in zip(sentences, english, strict=True):
        out: list[Token] = []
        for token in tokens:
            parts = _phrase_parts(token.text)
            if parts and counts[token.text] < _TERM_REPEATS and rendered_in_order(parts, en):
                out += [Token(p, tag_of(p)) for p in parts]
            else:
                out.append(token)
        split.append(out)
    return split


def _phrase_parts(word: str) -> tuple[str, ...] | None:
    """The two words of two or more characters a phrase CC-CEDICT lacks is made of, when the
    learner knows the first, else None.

    The modifier decides: after a hard one the two are learned together (临床 / 试验
    "clinical trial", 强制 / 执行 "enforcement", 首要 / 任务 "top priority").  After a known
    one, a noun + noun phrase is the sum of its words, and the head is the word to learn
    whatever its level (银行 / 职员 "bank staff", 医学 / 期刊 "medical journal"); a head
    naming an action or state is learned with its modifier (出口 / 管制 "export control",
    交通 / 拥堵 "traffic congestion") unless the learner knows both words (数据 / 安全).
    """
    if not is_han(word) or dictionary.contains(word):
        return None
    parts = lexicon_split(word)
    if len(parts) != 2 or min(len(p) for p in parts) < 2 or not _known(parts[0]):
        return None
    return parts if _known(parts[1]) or tag_of(parts[1]) == "n" else None


def _known(word: str) -> bool:
    """A word an intermediate learner has studied: HSK 1-5 (临床 "clinical", HSK 7-9, is not)."""
    level = dictionary.hsk_level(word)
    return level is not None and level <= _KNOWN_LEVEL


def rendered_in_order(parts: Sequence[str], english: English) -> bool:
    """Whether English words render the first part, then (a word or two later) the second."""
    first, head = (dictionary.gloss_words(p) for p in parts)
    at = [i for i, w in enumerate(english.lemmas) if _renders(w, first)]
    return any(_renders(w, head) for i in at for w in english.lemmas[i + 1 : i + 2 + _MAX_GAP])


def _renders(word: str, glosses: frozenset[str]) -> bool:
    """A gloss word, one sharing its first six letters (telecom / telecommunications), or a synonym."""
    return (
        word in glosses
        or any(len(g) >= 6 and g[:6] == word[:6] for g in glosses)
        or bool(synonyms(word) & glosses)
    )
