"""Segmentation of one sentence into words a learner could study.

jieba is a good segmenter but a poor lexicographer for learners.  It glues
unknown character runs (函在), and tags common words as names (博客/nr)
and names as common words.  This module holds the word-level tools the picker
builds on: the lexicon (CC-CEDICT and jieba's dictionary), name detection,
English translation matching, and jieba's tokens repaired where its HMM
invented a word (强制执行函在 → 强制执行 / 函 / 在).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..data import jieba_posseg
from ..lexicon import dictionary
from ..lexicon.english_lemmas import ENGLISH_WORD, STEM_LETTERS, sentence_lemmas, stem_key
from ..lexicon.tagging import MODAL_VERBS, NAME_TAGS
from ..memo import per_article
from ..text.sentences import HAN

#: jieba tags of words that never become cards: pronouns (r), particles (u*, y, e, o),
#: prepositions (p), conjunctions (c), numerals and classifiers (m, q, mq),
#: punctuation and symbols (x, w), affixes (h, k), Latin words (eng), single
#: characters of ambiguous role (zg).
_FUNCTION_TAGS = ("r", "u", "y", "e", "o", "p", "c", "m", "q", "x", "w", "h", "k", "eng", "zg")
#: jieba's tag of locality words (上, 中, 后, 以来): a word before one makes a
#: place or time phrase (镇上 "in town", 赛后 "after the match"), not a term.
LOCALITY_TAG = "f"
_HAN_ONLY = re.compile(f"[{HAN}]+")
#: Zipf of everyday words (about one in 100,000 words of text).
EVERYDAY_ZIPF = 5.0


_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")


@dataclass(frozen=True)
class English:
    """An English sentence reduced to what translation matching needs.

    ``compounds`` holds, for each hyphenated compound, the lemmas of its words (content words
    only) and of the compound written closed: "laid-off" gives {laid, off} and {laidoff},
    "start-up" {start} and {startup}, as CC-CEDICT may gloss them (下岗 "to be laid off",
    初创公司 "startup company").
    """

    lemmas: tuple[str, ...]
    words: frozenset[str]
    stems: frozenset[str]
    compounds: tuple[frozenset[str], ...] = ()
    lowercase: frozenset[str] = frozenset()  # lemmas of the words not capitalised inside the sentence

    @staticmethod
    @per_article
    @cache
    def of(text: str) -> English:
        """The sentence's lemmas, once per sentence: compounds and ranking both ask."""
        lemmas = tuple(sentence_lemmas(text))
        compounds = tuple(
            frozenset(sentence_lemmas(spelled)) - dictionary.STOPWORDS
            for word in _HYPHENATED.findall(text.lower())
            for spelled in (word.replace("-", " "), word.replace("-", ""))
        )
        written = ENGLISH_WORD.findall(text)
        lowercase = [w for w in written[1:] if not w[:1].isupper()]  # the first may be a name's
        return English(
            lemmas,
            frozenset(lemmas),
            frozenset(stem_key(w) for w in lemmas if len(w) >= STEM_LETTERS),
            tuple(c for c in compounds if c),
            frozenset(sentence_lemmas(" ".join(lowercase))),
        )

    def translates(self, glosses: frozenset[str], apart: bool = False) -> bool:
        """Whether any of the gloss words (lemmas) occurs here, stems compared; with ``apart``,
        also whether the glosses hold every word of a hyphenated compound (:attr:`compounds`):
        "laid-off" renders 下岗 "to be laid off", "high-powered" does not render 功率 "power"."""
        return any(
            g in self.words or (len(g) >= STEM_LETTERS and stem_key(g) in self.stems) for g in glosses
        ) or (apart and any(c <= glosses for c in self.compounds))


@dataclass(frozen=True)
class Token:
    """One segmented word with its jieba part-of-speech tag.

    ``parts`` holds the tokens a compound was merged from (empty for jieba's
    own tokens), so later stages can tell a recovered compound from a word.
    """

    text: str
    tag: str
    parts: tuple[Token, ...] = ()


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
    return token.tag.startswith(NAME_TAGS) and not _made_of_common_words(token.text)


@cache
def common_glosses(word: str) -> frozenset[str]:
    """The gloss words of the entries CC-CEDICT lists ``word`` under as a common word (not a name)."""
    return (
        frozenset(
            lemma
            for entry in dictionary.entries(word)
            if not entry.is_name
            for sense in entry.senses
            for lemma in dictionary.english_lemmas(dictionary.NOTE_RE.sub(" ", sense))
        )
        - dictionary.STOPWORDS
    )


def is_name_in(token: Token, english: English) -> bool:
    """Whether a token is a name in this sentence (:func:`is_name`), unless CC-CEDICT lists it as
    both a name and a common word and the aligned English holds the common word's gloss: jieba
    tags 苗圃 "plant nursery" (also an actress's name) as a person's name beside "nurseries"."""
    if not is_name(token):
        return False
    if not dictionary.contains(token.text):
        return not rendered_in_lowercase(token.text, english)
    return dictionary_name(token.text) is not None or not english.translates(common_glosses(token.text))


def rendered_in_lowercase(word: str, english: English) -> bool:
    """Whether English words written lowercase translate every part of a word jieba's dictionary
    lists and CC-CEDICT lacks (治沙/ns "sand control", 麦草/nr "wheat straw"): a name is
    transliterated or capitalised ("Black Rock" 黑石; the sentence's first word, which may be a
    name's, does not count), so jieba's name tag on such a word is wrong.  jieba's HMM glue is
    no word at all (连光 "even light")."""
    if dictionary.frequency(word) == 0:
        return False
    parts = [dictionary.gloss_words(p) for p in lexicon_split(word)]
    return len(parts) > 1 and all(glosses & english.lowercase for glosses in parts)


def _made_of_common_words(word: str) -> bool:
    """jieba's dictionary lists phrases with a name tag (卫冕冠军/nr "defending
    champion"); a name is not a run of ordinary dictionary words."""
    pieces = lexicon_split(word)
    return len(pieces) > 1 and all(len(p) > 1 and dictionary_name(p) is False for p in pieces)


@cache
def lexicon_split(word: str) -> tuple[str, ...]:
    """Forward maximum matching of ``word`` against the lexicon, in pieces shorter
    than ``word`` itself (single characters as fallback)."""
    return dictionary.longest_pieces(word, in_lexicon, 8)


@cache
def english_evidence(word: str) -> tuple[frozenset[str], ...]:
    """Gloss-word sets that must all meet an English sentence for the word to be
    translated there: the word's own glosses, or each part's for a compound."""
    own = dictionary.gloss_words(word)
    if own:
        return (own,)
    parts = tuple(dictionary.gloss_words(p) for p in lexicon_split(word))
    return tuple(p for p in parts if p) if len(parts) > 1 else ()


def translated_in(word: str, english: English, apart: bool = False) -> bool:
    """Whether the English sentence contains the word's translation (``apart``: the words of its
    hyphenated compounds too, :meth:`English.translates`)."""
    evidence = english_evidence(word)
    return bool(evidence) and all(english.translates(glosses, apart) for glosses in evidence)


@cache
def composed_by_character(word: str) -> bool:
    """Whether a card could only give the word a meaning glued from single
    characters' first senses (煤烟 "coal cigarette", 作响 "do echo"): CC-CEDICT
    lacks it and some part of it is one character.  Such a card is word salad
    unless the aligned English confirms every part."""
    return not dictionary.contains(word) and any(len(p) == 1 for p in lexicon_split(word))


def tag_of(word: str) -> str:
    """jieba's dictionary tag of a word it lists (a guess for the others)."""
    return str(jieba_posseg().word_tag_tab.get(word, "x" if len(word) == 1 else "n"))


def _needs_resplit(token: Token) -> bool:
    """Whether a token CC-CEDICT lacks is better taught as the words inside it.

    The lexicon must find a word of two or more characters inside, and the
    token must be one of: made up by jieba (unknown to its dictionary too:
    its HMM glues unknown runs, 强制执行函在); or an organisation tag on a
    description (美国政府 "the US government").  Two-character glue (要耗 "want / use
    up") stays whole: its single characters would make poorer cards still, and ranking
    drops it unknown.
    """
    if len(token.text) < 3 or not is_han(token.text) or dictionary.contains(token.text):
        return False
    pieces = lexicon_split(token.text)
    if len(pieces) < 2 or all(len(p) == 1 for p in pieces):
        return False
    invented = dictionary.frequency(token.text) == 0 and not token.tag.startswith(("nr", "ns"))
    return invented or token.tag.startswith("nt")


def _modified_word(token: Token) -> bool:
    """A common one-character modifier before a dictionary word, CC-CEDICT lacking the whole:
    老艺人 "old artist" (艺人 is the word to learn), and an adjective before a noun even where
    the lexicon would cut elsewhere (新品种 "new variety", not 新品 / 种)."""
    text = token.text
    if len(text) < 3 or not is_han(text) or dictionary.contains(text):
        return False
    if dictionary.zipf(text[0]) < EVERYDAY_ZIPF or not dictionary.contains(text[1:]):
        return False
    adjective = tag_of(text[0]).startswith("a") and token.tag.startswith("n")
    return adjective or lexicon_split(text) == (text[0], text[1:])


#: Aspect particles jieba glues onto a verb (洋溢着, 坍缩了, 经历过).
_ASPECT = "着了过"


def _aspect_glued(token: Token) -> bool:
    """A verb with an aspect particle jieba keeps as one word (洋溢着 "brimming with"): CC-CEDICT
    lacks the whole and lists the verb.  Words the dictionary lists whole stay (绕过, 为了, 除了)."""
    text = token.text
    return (
        len(text) >= 3
        and text[-1] in _ASPECT
        and is_han(text)
        and not dictionary.contains(text)
        and dictionary.contains(text[:-1])
    )


#: Particles and complement markers that end a verb's word inside jieba's phrases (吃过饭, 变得复杂).
_GRAMMAR_INSIDE = frozenset("了着过得")
#: jieba's tags of adverbs, which make a phrase of the verb after them (纷纷议论 "discuss one after another").
_ADVERB_TAG = "d"


def _grammar_glued(token: Token) -> bool:
    """A phrase jieba's dictionary lists and CC-CEDICT lacks with grammar inside or in front:
    a particle or complement marker after its first word (吃过饭, 翻了一番, 变得 / 复杂), or an
    adverb or modal verb before a word (纷纷 / 议论, 难以 / 避免).  Its words are what to count:
    left whole, the phrase is no term and hides the word the learner needs (复杂, 议论, 避免)."""
    text = token.text
    if len(text) < 3 or not is_han(text) or dictionary.contains(text):
        return False
    pieces = lexicon_split(text)
    if len(pieces) < 2 or all(len(p) == 1 for p in pieces):
        return False
    inside = any(p in _GRAMMAR_INSIDE for p in pieces[1:]) or any(
        len(p) > 1 and p[-1] == "得" for p in pieces[:-1]
    )
    leading = len(pieces[0]) > 1 and (pieces[0] in MODAL_VERBS or tag_of(pieces[0]).startswith(_ADVERB_TAG))
    return inside or leading


def repair(tokens: Iterable[Token]) -> list[Token]:
    """Re-split glued and description-like tokens (see :func:`_needs_resplit`) and phrases with
    grammar inside (:func:`_grammar_glued`), and take aspect particles off the verbs jieba glued
    them to (:func:`_aspect_glued`)."""
    repaired: list[Token] = []
    for token in tokens:
        if _aspect_glued(token):
            repaired += [Token(token.text[:-1], tag_of(token.text[:-1])), Token(token.text[-1], "ul")]
        elif _modified_word(token):
            repaired += [
                Token(token.text[0], tag_of(token.text[0])),
                Token(token.text[1:], tag_of(token.text[1:])),
            ]
        elif _needs_resplit(token) or _grammar_glued(token):
            repaired.extend(Token(piece, tag_of(piece)) for piece in lexicon_split(token.text))
        else:
            repaired.append(token)
    return repaired


def segment(text: str) -> list[Token]:
    """jieba's part-of-speech segmentation of one sentence, repaired."""
    return repair(Token(w.word, w.flag) for w in jieba_posseg().cut(text))
