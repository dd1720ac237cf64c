"""What the article itself shows a word means: where the dictionary cannot say, and where
a word the learner knows is used in a sense they have not met (质量 "mass", not "quality").

CC-CEDICT lacks many words a news article uses (度假村 "resort", 咖啡师
"barista", 坍缩 "collapse"), and a meaning glued from their parts ("holiday +
village") is a poor card.  A translated article holds better evidence: an
English word that occurs in exactly the pairs where the Chinese word does,
and that no other word of those sentences explains, is its translation.  Two
occurrences at least, so that the coincidence of one sentence proves nothing.

A word used once can still be confirmed as a unit, by its shape in the English:
two adjacent English words in the Chinese order, one rendering a part of the word
and the other rendered by nothing else in the sentence (主教练 "head coach",
入住率 "occupancy rates", 样本量 "sample size").  The unexplained word is what the
part the dictionary cannot gloss means here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from math import comb

from ..lexicon import dictionary
from ..lexicon.english_lemmas import content_lemmas, sentence_lemmas, stem_key
from ..lexicon.senses import clean_senses, sense_alternatives, sense_score
from ..lexicon.synonyms import characters
from ..lexicon.thesaurus import thesaurus
from ..memo import per_article
from ..types import SentencePair
from .explained import MIN_LETTERS, free_words, one_word_glosses, unclaimed, word_forms
from .segmentation import English, composed_by_character, lexicon_split, tag_of

#: A leading note naming a field: "(physics) mass", "(computing) cache".
_DOMAIN = re.compile(r"^\((?!of |Tw|coll|literary|old|dialect|abbr)[a-z ]+\) ")
#: A possessive's ending after a word (the word's closing apostrophe is stripped with the punctuation).
_POSSESSIVE = re.compile(r"'s$")
#: The article has at least this many times as many pairs as the word occurs in.
_MIN_CONTRAST = 3
#: The highest chance (:func:`_by_chance`) at which an English word's company with a Chinese
#: word is taken for a translation.
_CHANCE = 0.01
#: Endings only nouns have ("occupancy", "salinity", "shortage"): a part of an English compound noun.
_NOUN_ENDINGS = ("ancy", "ency", "tion", "sion", "ment", "ness", "ity", "ship", "age")
#: jieba's dictionary count from which a word CC-CEDICT lacks is taken for a real word
#: (:func:`part_translation`); jieba lists rare and made-up words at 1-3.
_REAL_COUNT = 10
#: A word one of whose parts the English renders is a unit when it does so in this many pairs:
#: once, "leather" beside 皮制 or "brain" beside 脑部 is a phrase's word, not a term's.
_MIN_PAIRS = 2
#: The shortest word a closed English compound is taken to be written with (:func:`_pieces`).
_MIN_PIECE = 3
#: jieba's tags of numerals and particles: no part of a unit (:func:`_has_grammar`).  Suffixes and
#: classifiers are (社会科学家 "social scientist", 吸毒者 "drug addict", 高层次 "higher level").
_GRAMMAR_TAGS = ("m", "u")


@dataclass(frozen=True)
class ArticleEnglish:
    """The article's English as translation keys: per pair, and the pairs each key occurs in.

    Built once per article, so that asking for every candidate stays linear in the text.
    """

    keys: tuple[frozenset[str], ...]
    pairs_of: dict[str, frozenset[int]]

    @staticmethod
    def of(pairs: Sequence[SentencePair]) -> ArticleEnglish:
        keys = tuple(
            frozenset(stem_key(w) for w in English.of(pair.en).words - dictionary.STOPWORDS) for pair in pairs
        )
        where: dict[str, set[int]] = {}
        for index, found in enumerate(keys):
            for key in found:
                where.setdefault(key, set()).add(index)
        return ArticleEnglish(keys, {key: frozenset(ids) for key, ids in where.items()})


def article_translation(
    word: str, pair_ids: Sequence[int], pairs: Sequence[SentencePair], english: ArticleEnglish
) -> str:
    """The English word (a lemma's first letters) found in exactly the pairs holding ``word`` and
    explained by no other word of their Chinese, when there is one such word; else, for a word
    whose card would otherwise be glued from single characters (:func:`composed_by_character`:
    a phrase of two words has its words' meanings), the one English word that keeps it company
    beyond chance (:func:`_in_company`); else ""."""
    where = frozenset(pair_ids)
    if len(where) < 2:
        return ""
    found = []
    if len(where) * _MIN_CONTRAST <= len(pairs):  # in most pairs, exactly there is proof of nothing
        first = english.keys[min(where)]
        found = [
            key
            for key in sorted(first)
            if len(key) >= MIN_LETTERS
            and english.pairs_of[key] == where
            and unclaimed(key, word, [pairs[i].zh for i in where])
        ]
    if found or not composed_by_character(word):
        return found[0] if len(found) == 1 else ""
    return _in_company(word, where, pairs, english)


def _in_company(
    word: str, where: frozenset[int], pairs: Sequence[SentencePair], english: ArticleEnglish
) -> str:
    """The English word in two or more of the pairs holding ``word`` (``where``) that is least
    likely there by chance (:func:`_by_chance`, at most :data:`_CHANCE`) and that no other word of
    their Chinese explains, when one is strictly the least likely; else "".  A translator varies
    the words (白化 "bleaching" in five of its six pairs) and a topic word fills more than a third
    of the pairs, where an English word in exactly its pairs is too strict a test.  A part's own
    gloss renders the part, not the word (经济社会 is no "economic")."""
    parts = {stem_key(g) for part in lexicon_split(word) for g in dictionary.gloss_words(part)}
    # written lowercase: a capitalised word inside the sentence is a name's ("Cape", "Dutch")
    lowercase = {stem_key(w) for i in where for w in English.of(pairs[i].en).lowercase}
    keys = frozenset().union(*(english.keys[i] for i in where)) & lowercase
    chance = []
    for key in sorted(keys - parts):
        both = len(english.pairs_of[key] & where)
        if len(key) >= MIN_LETTERS and both >= 2:
            chance.append((_by_chance(len(pairs), len(english.pairs_of[key]), len(where), both), key))
    zh = [pairs[i].zh for i in where]
    telling = [(p, key) for p, key in sorted(chance) if p <= _CHANCE and unclaimed(key, word, zh)]
    if not telling or (len(telling) > 1 and telling[1][0] == telling[0][0]):
        return ""
    return telling[0][1]


def _by_chance(pairs: int, with_key: int, with_word: int, both: int) -> float:
    """The chance that an English word in ``with_key`` of the article's ``pairs`` pairs is in
    ``both`` or more of the ``with_word`` pairs holding the Chinese word, were the two unrelated
    (the hypergeometric tail)."""
    top = min(with_key, with_word)
    ways = sum(comb(with_key, x) * comb(pairs - with_key, with_word - x) for x in range(both, top + 1))
    return ways / comb(pairs, with_word)


def unit_translation(
    word: str, pair_ids: Sequence[int], pairs: Sequence[SentencePair]
) -> tuple[str, frozenset[int]]:
    """For a word CC-CEDICT lacks, the English that renders it as a unit (the words' keys,
    space-separated: "head coach") and the pairs showing it; ("", ∅) when none does.

    The word is cut in a dictionary word and one character (主 / 教练, 入住 / 率, and two
    characters: 冰 / 芯 "ice cores", 转 / 岗 "switch jobs"): the words whose meaning would
    otherwise be glued from a character
    (:func:`~flashgen.vocab.segmentation.composed_by_character`); a phrase of two longer
    words is told by its parts' own glosses.  Two adjacent English words render the two
    parts in the Chinese order: one by a gloss (first letters compared), the other a content
    word of four letters or more, no adverb, that no other word of the Chinese sentence explains.
    """
    if dictionary.contains(word) or _has_grammar(word):
        return "", frozenset()
    found: dict[str, set[int]] = {}
    for parts in _two_words(word):
        glosses = [frozenset(stem_key(g) for g in dictionary.gloss_words(p)) for p in parts]
        for index in dict.fromkeys(pair_ids):
            lemmas = sentence_lemmas(pairs[index].en)
            for a, b in pairwise(lemmas):
                if any(w in dictionary.STOPWORDS or not w.isalpha() or w.endswith("ly") for w in (a, b)):
                    continue
                keys = (stem_key(a), stem_key(b))
                rendered = [k in g for k, g in zip(keys, glosses, strict=True)]
                if rendered.count(True) != 1:  # both rendered: its parts are translated, no unit needed
                    continue
                unglossed = rendered.index(False)
                other = keys[unglossed]
                # a word CC-CEDICT writes with the part's characters ("size" with 量), one the other
                # part glosses too (下半 "second half") or a noun by its ending ("occupancy" of 入住率),
                # not whatever stands there: 蓄水量 is not "storage fell", 领跑者 not "pace throughout"
                tied = (
                    set(parts[unglossed]) & characters((a, b)[unglossed])
                    or other in glosses[1 - unglossed]
                    or (a, b)[unglossed].endswith(_NOUN_ENDINGS)
                )
                if tied and len(other) >= MIN_LETTERS and unclaimed(other, word, [pairs[index].zh]):
                    found.setdefault(" ".join(keys), set()).add(index)
    if not found:
        return "", frozenset()
    key = max(found, key=lambda k: len(found[k]))
    return key, frozenset(found[key])


def part_translation(word: str, pair_ids: Sequence[int], pairs: Sequence[SentencePair]) -> frozenset[int]:
    """For a word jieba's dictionary lists and CC-CEDICT lacks, with a one-character part (冷库,
    网具: :func:`~flashgen.vocab.segmentation.composed_by_character`), the pairs showing it is a
    unit; ∅ when none does.  A pair shows it when its English renders every part, each by a word
    of a one-word gloss or a WordNet synonym of one (库 "storehouse": "cold storage"); when one
    English compound word renders a part by one of its pieces (:func:`_compound_renders`: the
    translator wrote one word for the unit, "drought-tolerant" for 耐旱); or, in two
    pairs at least, one part ("nets" for 网具 "net + tool" in both its sentences): a translator
    drops what the Chinese word says twice, but once, "leather" beside 皮制 or "brain" beside 脑部
    is a phrase's word.  A rendering word is one :func:`~.explained.free_words` leaves: near the word's
    place, explained by no other word of the sentence.

    jieba's dictionary, not its HMM, must list the word with a real count (:data:`_REAL_COUNT`):
    characters jieba glued on the fly are no word, whatever the English holds.  The card's
    meaning is still composed from the parts, labelled as such where no English span renders
    them all (:func:`~flashgen.lexicon.composed.compose`): the English confirms that the word
    is a term, not what every part means."""
    if not composed_by_character(word) or dictionary.frequency(word) < _REAL_COUNT or _has_grammar(word):
        return frozenset()
    parts = [_part_keys(p) for p in lexicon_split(word)]
    own = frozenset().union(*parts)
    every, some = set(), set()
    for index in dict.fromkeys(pair_ids):
        pair = pairs[index]
        words = free_words(word, pair.zh, pair.en, own)
        free = {stem_key(f) for w in words for f in w.forms}
        rendered = [bool(free & keys) for keys in parts]
        if all(rendered) or any(_compound_renders(w.text, own) for w in words):
            every.add(index)
        if any(rendered):
            some.add(index)
    return frozenset(every or (some if len(some) >= _MIN_PAIRS else ()))


def _compound_renders(text: str, keys: frozenset[str]) -> bool:
    """Whether an English compound word renders a part by one of its pieces: hyphenated
    ("drought-tolerant" for 耐旱) or closed ("meltwater" for 融水)."""
    return any(stem_key(f) in keys for piece in _pieces(text) for f in word_forms(piece))


def _pieces(text: str) -> list[str]:
    """The pieces of an English compound word that are words of their own: the hyphenated word's
    pieces, or the two words a closed one is written with, each of three letters or more and
    known to WordNet (melt / water; not re / ignite, nor frequent / ly, which are one word)."""
    lower = text.lower()
    if "-" in lower:
        return [p for p in lower.split("-") if len(p) >= MIN_LETTERS]
    cuts = range(_MIN_PIECE, len(lower) - _MIN_PIECE + 1)
    halves = [(lower[:k], lower[k:]) for k in cuts]
    known = [h for h in halves if all(thesaurus(half) for half in h)]
    return [piece for h in known for piece in h if len(piece) >= MIN_LETTERS]


@cache
def _part_keys(part: str) -> frozenset[str]:
    """The keys of a part's one-word glosses, and of the WordNet synonyms of those of its first
    entry (库 "warehouse; storehouse": storage): a card composed of the part shows that entry's
    sense unconfirmed, so a synonym of another's would confirm what the card does not say (局's
    first entry is 侷 "narrow", not "office", whose synonym "bureau" is no evidence for it)."""
    glossed = one_word_glosses(clean_senses(dictionary.all_senses(part)))
    entries = dictionary.entries(part)
    first = one_word_glosses(clean_senses(entries[0].senses)) if entries else set()
    return frozenset({stem_key(g) for g in glossed} | {stem_key(s) for g in first for s in thesaurus(g)})


def _has_grammar(word: str) -> bool:
    """Whether a part of ``word`` is a numeral or a particle (五 / 年 "five-year", 一 / 大 "through
    innovation", 系统 / 地 "systematically"): a number phrase or grammar, never a unit."""
    return any(tag_of(part).startswith(_GRAMMAR_TAGS) for part in lexicon_split(word))


def _two_words(word: str) -> list[tuple[str, str]]:
    """The ways to cut ``word`` in a dictionary word and a single character (two characters: the
    one way, 冰 / 芯)."""
    cuts = [1, len(word) - 1] if len(word) > 2 else [1]
    return [
        (word[:i], word[i:]) for i in cuts if dictionary.contains(word[:i]) and dictionary.contains(word[i:])
    ]


def surface(key: str, sentence: str) -> str:
    """The sentence's own words for a translation ``key`` ("baristas" for barista, "head coach"
    for the keys "head coach"), or ""."""
    wanted = key.split()
    # a possessive's ending is no part of the word: "submersible's" shows "submersible"
    words = [_POSSESSIVE.sub("", w.strip(".,;:!?\"'()“”")) for w in sentence.replace("\u2019", "'").split()]
    for start in range(len(words) - len(wanted) + 1):
        span = words[start : start + len(wanted)]
        keys = [[stem_key(w) for w in sentence_lemmas(bare)] for bare in span]
        if keys == [[k] for k in wanted]:
            return " ".join(span)
    return ""


@per_article
@cache
def in_new_sense(word: str, sentence_en: str) -> bool:
    """Whether the English confirms a specialised sense of ``word`` and not its first one:
    质量 next to "mass" is used as "(physics) mass", not "quality".

    Specialised: CC-CEDICT marks it with a leading domain note, and the English holds every word
    of one of its alternatives (游客 "(online gaming) guest player" is not confirmed by "guests").
    Senses without a note are often one meaning split into synonyms (终于 "at last; finally").
    """
    senses = clean_senses(dictionary.all_senses(word))
    english = content_lemmas(sentence_en)
    if len(senses) < 2 or sense_score(senses[0], english):
        return False
    return any(
        _DOMAIN.match(sense) and any(a <= english for a in sense_alternatives(sense)) for sense in senses[1:]
    )
