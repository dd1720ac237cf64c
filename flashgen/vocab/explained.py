"""What the other words of a Chinese sentence explain in its English, and which English words
they leave free to translate a card's word.

Both the article's evidence that a word is a unit (:mod:`.evidence`) and the card's last-resort
English (:mod:`.last_resort`) take an English word for a word's translation only when no other
word of the sentence may be translated by it: 加息 "to raise interest rates" claims "raises", so
遏制 cannot.  One module says what a sentence's other words claim, so that every fallback and
every piece of evidence sets the same words aside.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..data import jieba_tokenizer
from ..lexicon import dictionary
from ..lexicon.english_forms import sentence_lemma
from ..lexicon.english_lemmas import ENGLISH_WORD, content_lemmas, sentence_lemmas, silent_e, stem_key
from ..lexicon.equivalent import far_apart, places_in
from ..lexicon.reading import senses_heard
from ..lexicon.sense_order import marked
from ..lexicon.senses import negates, root, sense_alternatives
from ..lexicon.thesaurus import opposes
from ..memo import per_article

#: Shortest English lemma taken as a translation (no "use", "new").
MIN_LETTERS = 4
#: The longest dictionary word looked for around a word (图书管理员 holds 图书).
_LONGEST_WORD = 6


def one_word_glosses(senses: Iterable[str]) -> set[str]:
    """The glosses of ``senses`` that are one word: a word of a phrase ("see" of "to see at first
    hand") says too little of the Chinese word to be its English."""
    alternatives = (a for sense in senses for a in sense_alternatives(sense))
    return {g for alternative in alternatives if len(alternative) == 1 for g in alternative}


@dataclass(frozen=True)
class EnglishWord:
    """A word of the English sentence that may be a card's last-resort equivalent."""

    text: str  # as the sentence writes it: the card highlights it
    forms: frozenset[str]  # its base forms, as glosses, synonyms and characters are keyed


@cache  # each fallback reads the same sentence words
def word_forms(text: str) -> frozenset[str]:
    """The base forms of a sentence word each table may list it under: as written, the light and
    the matching lemma ("rewritten": rewrite), and the verb with its silent e ("reduced": reduce)."""
    lower = text.lower()
    found = {lower, dictionary.lemma(lower), sentence_lemma(text), silent_e(text), *sentence_lemmas(text)}
    return frozenset(found - {""})


def free_words(
    word: str, zh: str, en: str, own: frozenset[str] | set[str], min_letters: int = MIN_LETTERS
) -> list[EnglishWord]:
    """The words of ``en`` that may translate ``word`` (of ``zh``, glossed ``own``) when none of its
    glosses is in the sentence: what each last-resort fallback (a morpheme's gloss, a longer word's,
    a WordNet synonym's) looks for its match among.

    Left out, whatever the fallback: a capitalised word inside the sentence (a name's, never taken);
    a word of fewer than ``min_letters`` letters (four unless a fallback asks for fewer) or a stop word
    (too light to be a term's English); a word another word of ``zh`` explains (:func:`others_english`);
    a gloss's negation or WordNet antonym ("unusual" for "usual", "fall" for 兴起 "to rise"); and a
    word standing far from ``word``'s place in the sentence
    (:func:`~flashgen.lexicon.equivalent.far_apart`), which translates a word there."""
    explained = others_english(word, zh)
    places = places_in(word, zh)
    words = list(ENGLISH_WORD.finditer(en))
    found = []
    for at, match in enumerate(words):
        text = match.group()
        forms = word_forms(text)
        if (at and text[:1].isupper()) or len(text) < min_letters or far_apart(places, at, len(words)):
            continue
        if forms & dictionary.STOPWORDS or any(stem_key(f) in explained for f in forms):
            continue
        if any(negates(f, g) for f in forms for g in own) or opposes(forms, own):
            continue
        found.append(EnglishWord(text, forms))
    return found


def translates_another_word(word: str, zh: str, english: str) -> bool:
    """Whether every content word of ``english``, a card's English equivalent, glosses another
    word of the sentence ``zh`` in one of its forms ("older": old, 老人's) and none glosses
    ``word``: it is that word's translation, not this one's (遏制 "curb" is not "raises", which
    加息 "to raise interest rates" explains).  A match through a loose synonym or a stray gloss
    word would teach the wrong English."""
    explained = others_english(word, zh)
    words = [content_lemmas(w) for w in english.split()]
    return any(words) and all(
        any(stem_key(f) in explained or stem_key(root(f)) in explained for f in forms)
        for forms in words
        if forms
    )


@per_article
@cache
def others_english(word: str, zh: str) -> frozenset[str]:
    """What the other words of the sentence ``zh`` may be translated by: their glosses' keys
    (first six letters), less those of ``word``'s own glosses."""
    explained: set[str] = set()
    for token, at in _other_tokens(word, zh):
        explained.update(_claim_keys(token, zh, at))
    for longer in _containing_words(word, zh):
        explained.update(_gloss_keys(longer, claiming=True))
    return frozenset(explained - _gloss_keys(word))


def _other_tokens(word: str, zh: str) -> list[tuple[str, int]]:
    """The words of ``zh`` outside the occurrences of ``word``, as jieba cuts them (its HMM
    off), each with where it starts in ``zh``."""
    found, start = [], 0
    for piece in zh.split(word):
        at = start
        for token in jieba_tokenizer().cut(piece, HMM=False):
            found.append((token, at))
            at += len(token)
        start += len(piece) + len(word)
    return found


def _claim_keys(token: str, zh: str, at: int) -> frozenset[str]:
    """The keys of the English words ``token``, at ``at`` of ``zh``, may translate: a character
    of several readings by the senses of the reading the sentence gives it (还 hái "still" does
    not explain "paid", as huán "to pay back" would; 的 de is not dí "really and truly")."""
    heard = senses_heard(token, zh, at) if len(token) == 1 else None
    if heard is None:
        return _gloss_keys(token, claiming=True)
    return _heard_keys(heard)


@cache
def _heard_keys(heard: tuple[str, ...]) -> frozenset[str]:
    """The keys of the everyday senses of one reading (:func:`_claim_keys`): worked out once per
    reading, as a function word such as 还 or 的 is heard in most sentences."""
    return _keys(dictionary.sense_words(s for s in heard if _everyday(s)))


@cache
def _gloss_keys(word: str, claiming: bool = False) -> frozenset[str]:
    """The keys of ``word``'s glosses, with the glosses' roots, so that 入侵 "to invade" explains
    "invasive" (once per word: a word is in many sentences).  With ``claiming``, only those of
    the glosses by which ``word`` may claim an English word of its sentence (:func:`_claiming`)."""
    return _keys(_claiming(word) if claiming else dictionary.gloss_words(word))


def _keys(glosses: Iterable[str]) -> frozenset[str]:
    """The keys (:func:`stem_key`) of gloss words and of their roots."""
    return frozenset(stem_key(k) for g in glosses for k in (g, root(g)))


@cache
def _claiming(word: str) -> frozenset[str]:
    """The gloss words (:func:`~flashgen.lexicon.dictionary.gloss_words`) of ``word``'s senses
    that may translate it in an everyday sentence: not a classifier's description of what it
    counts (季 "classifier for seasonal crop yields" does not make "yields" 季's, it is 产量's),
    nor a sense marked literary, archaic or dialect (将 "(literary) to lead" does not make
    "leading" 将's in 一家头部平台 … 将在三个月内: the platform is "leading", 将 is "will")."""
    return dictionary.sense_words(s for s in dictionary.all_senses(word) if _everyday(s))


def _everyday(sense: str) -> bool:
    """Whether a sense may be what a word of an everyday sentence says (:func:`_claiming`)."""
    return not sense.startswith("classifier") and not marked(sense)


def _containing_words(word: str, zh: str) -> set[str]:
    """The longer dictionary words of ``zh`` that hold an occurrence of ``word``: their English is
    theirs ("librarian" is 图书管理员's, "library" 图书馆's), not a translation of 图书."""
    found = set()
    for at in (i for i in range(len(zh)) if zh.startswith(word, i)):
        for start in range(max(0, at - _LONGEST_WORD + len(word)), at + 1):
            for end in range(at + len(word), min(len(zh), start + _LONGEST_WORD) + 1):
                if not dictionary.starts_word(zh[start:end]):
                    break  # nor does any longer piece from this start make a word
                if end - start > len(word) and dictionary.contains(zh[start:end]):
                    found.add(zh[start:end])
    return found


def unclaimed(key: str, word: str, sentences: Sequence[str]) -> bool:
    """Whether no other word of the Chinese sentences has a gloss starting like ``key``."""
    for sentence in sentences:
        for token, _ in _other_tokens(word, sentence):
            if any(stem_key(g) == key for g in _claiming(token)):
                return False
    return True
