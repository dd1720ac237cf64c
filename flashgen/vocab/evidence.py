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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from math import comb

from ..data import jieba_tokenizer
from ..lexicon import dictionary
from ..lexicon.equivalent import far_apart, marked, places_in, sentence_lemma
from ..lexicon.reading import senses_heard
from ..lexicon.senses import (
    adverb_of,
    clean_senses,
    content_lemmas,
    holds_gloss,
    negates,
    root,
    sense_alternatives,
    sense_score,
    sentence_lemmas,
    silent_e,
)
from ..lexicon.synonyms import characters
from ..lexicon.thesaurus import opposes, thesaurus
from ..memo import per_article
from ..types import SentencePair
from .segmentation import ENGLISH_WORD, English, composed_by_character, lexicon_split, tag_of

#: A leading note naming a field: "(physics) mass", "(computing) cache".
_DOMAIN = re.compile(r"^\((?!of |Tw|coll|literary|old|dialect|abbr)[a-z ]+\) ")
#: Shortest English lemma taken as a translation (no "use", "new").
_MIN_LETTERS = 4
#: A character more common than this (zipf: 有, 上, 向, 比, 人) is in too many words to tie an
#: English word to a card's word (有望 is not "days", 内向 not "outward").
_TELLING_ZIPF = 5.5
#: How many characters longer than a card's word a CC-CEDICT word holding it may be, to lend it
#: its English (:func:`longer_word_equivalent`: 零日漏洞 for 漏洞).
_LONGER_BY = 2
#: A possessive's ending after a word (the word's closing apostrophe is stripped with the punctuation).
_POSSESSIVE = re.compile(r"'s$")
#: The article has at least this many times as many pairs as the word occurs in.
_MIN_CONTRAST = 3
#: The highest chance (:func:`_by_chance`) at which an English word's company with a Chinese
#: word is taken for a translation.
_CHANCE = 0.01
#: English words sharing this many first letters are one word here, as in :mod:`.segmentation`.
_STEM_LETTERS = 6
#: Endings only nouns have ("occupancy", "salinity", "shortage"): a part of an English compound noun.
_NOUN_ENDINGS = ("ancy", "ency", "tion", "sion", "ment", "ness", "ity", "ship", "age")
#: Shortest gloss a longer English word is taken to render by holding it (watch: birdwatchers).
_MIN_STEM_GLOSS = 5
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
#: The longest dictionary word looked for around a word (图书管理员 holds 图书).
_LONGEST_WORD = 6


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
            frozenset(_key(w) for w in English.of(pair.en).words - dictionary.STOPWORDS) for pair in pairs
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
            if len(key) >= _MIN_LETTERS
            and english.pairs_of[key] == where
            and _unexplained(key, word, [pairs[i].zh for i in where])
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
    parts = {_key(g) for part in lexicon_split(word) for g in dictionary.gloss_words(part)}
    # written lowercase: a capitalised word inside the sentence is a name's ("Cape", "Dutch")
    lowercase = {_key(w) for i in where for w in English.of(pairs[i].en).lowercase}
    keys = frozenset().union(*(english.keys[i] for i in where)) & lowercase
    chance = []
    for key in sorted(keys - parts):
        both = len(english.pairs_of[key] & where)
        if len(key) >= _MIN_LETTERS and both >= 2:
            chance.append((_by_chance(len(pairs), len(english.pairs_of[key]), len(where), both), key))
    zh = [pairs[i].zh for i in where]
    telling = [(p, key) for p, key in sorted(chance) if p <= _CHANCE and _unexplained(key, word, zh)]
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
        glosses = [frozenset(_key(g) for g in dictionary.gloss_words(p)) for p in parts]
        for index in dict.fromkeys(pair_ids):
            lemmas = sentence_lemmas(pairs[index].en)
            for a, b in pairwise(lemmas):
                if any(w in dictionary.STOPWORDS or not w.isalpha() or w.endswith("ly") for w in (a, b)):
                    continue
                keys = (_key(a), _key(b))
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
                if tied and len(other) >= _MIN_LETTERS and _unexplained(other, word, [pairs[index].zh]):
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
    is a phrase's word.  A rendering word is one :func:`_free_words` leaves: near the word's
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
        words = _free_words(word, pair.zh, pair.en, own)
        free = {_key(f) for w in words for f in w.forms}
        rendered = [bool(free & keys) for keys in parts]
        if all(rendered) or any(_compound_renders(w.text, own) for w in words):
            every.add(index)
        if any(rendered):
            some.add(index)
    return frozenset(every or (some if len(some) >= _MIN_PAIRS else ()))


def _compound_renders(text: str, keys: frozenset[str]) -> bool:
    """Whether an English compound word renders a part by one of its pieces: hyphenated
    ("drought-tolerant" for 耐旱) or closed ("meltwater" for 融水)."""
    return any(_key(f) in keys for piece in _pieces(text) for f in _forms(piece))


def _pieces(text: str) -> list[str]:
    """The pieces of an English compound word that are words of their own: the hyphenated word's
    pieces, or the two words a closed one is written with, each of three letters or more and
    known to WordNet (melt / water; not re / ignite, nor frequent / ly, which are one word)."""
    lower = text.lower()
    if "-" in lower:
        return [p for p in lower.split("-") if len(p) >= _MIN_LETTERS]
    cuts = range(_MIN_PIECE, len(lower) - _MIN_PIECE + 1)
    halves = [(lower[:k], lower[k:]) for k in cuts]
    return [p for h in halves if all(thesaurus(p) for p in h) for p in h if len(p) >= _MIN_LETTERS]


@cache
def _part_keys(part: str) -> frozenset[str]:
    """The keys of a part's one-word glosses, and of the WordNet synonyms of those of its first
    entry (库 "warehouse; storehouse": storage): a card composed of the part shows that entry's
    sense unconfirmed, so a synonym of another's would confirm what the card does not say (局's
    first entry is 侷 "narrow", not "office", whose synonym "bureau" is no evidence for it)."""
    glossed = _one_word_glosses(clean_senses(dictionary.all_senses(part)))
    entries = dictionary.entries(part)
    first = _one_word_glosses(clean_senses(entries[0].senses)) if entries else set()
    return frozenset({_key(g) for g in glossed} | {_key(s) for g in first for s in thesaurus(g)})


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


def _one_word_glosses(senses: Iterable[str]) -> set[str]:
    """The glosses of ``senses`` that are one word: a word of a phrase ("see" of "to see at first
    hand") says too little of the Chinese word to be its English."""
    alternatives = (a for sense in senses for a in sense_alternatives(sense))
    return {g for alternative in alternatives if len(alternative) == 1 for g in alternative}


@dataclass(frozen=True)
class _EnglishWord:
    """A word of the English sentence that may be a card's last-resort equivalent."""

    text: str  # as the sentence writes it: the card highlights it
    forms: frozenset[str]  # its base forms, as glosses, synonyms and characters are keyed


@cache  # each fallback reads the same sentence words
def _forms(text: str) -> frozenset[str]:
    """The base forms of a sentence word each table may list it under: as written, the light and
    the matching lemma ("rewritten": rewrite), and the verb with its silent e ("reduced": reduce)."""
    lower = text.lower()
    found = {lower, dictionary.lemma(lower), sentence_lemma(text), silent_e(text), *sentence_lemmas(text)}
    return frozenset(found - {""})


def _free_words(word: str, zh: str, en: str, own: frozenset[str] | set[str]) -> list[_EnglishWord]:
    """The words of ``en`` that may translate ``word`` (of ``zh``, glossed ``own``) when none of its
    glosses is in the sentence: what each last-resort fallback (a morpheme's gloss, a longer word's,
    a WordNet synonym's) looks for its match among.

    Left out, whatever the fallback: a capitalised word inside the sentence (a name's, never taken);
    a word of fewer than four letters or a stop word (too light to be a term's English); a word another
    word of ``zh`` explains (:func:`others_english`); a gloss's negation or WordNet antonym ("unusual"
    for "usual", "fall" for 兴起 "to rise"); and a word standing far from ``word``'s place in the
    sentence (:func:`~flashgen.lexicon.equivalent.far_apart`), which translates a word there."""
    explained = others_english(word, zh)
    places = places_in(word, zh)
    words = list(ENGLISH_WORD.finditer(en))
    found = []
    for at, match in enumerate(words):
        text = match.group()
        forms = _forms(text)
        if (at and text[:1].isupper()) or len(text) < _MIN_LETTERS or far_apart(places, at, len(words)):
            continue
        if forms & dictionary.STOPWORDS or any(_key(f) in explained for f in forms):
            continue
        if any(negates(f, g) for f in forms for g in own) or opposes(forms, own):
            continue
        found.append(_EnglishWord(text, forms))
    return found


def _renders(form: str, gloss: str) -> bool:
    """Whether a sentence word's form renders a one-word gloss: its first letters are the gloss's
    (collapsed / collapse), or it holds the gloss (birdwatchers / watch, :func:`holds_gloss`); an
    adverb in -ly only its own adjective (:func:`adverb_of`: "effectively" is not 效 "effect")."""
    if _key(form) == _key(gloss):
        return not form.endswith("ly") or gloss.endswith("ly") or adverb_of(form, gloss)
    return len(gloss) >= _MIN_STEM_GLOSS and holds_gloss(form, gloss)


def morpheme_equivalent(word: str, zh: str, en: str) -> str:
    """The one English word of ``en`` that a character or shorter word inside ``word`` glosses
    in a single word ("empty", not "give" of "to give birth"), and that no other word of ``zh``
    explains, when there is exactly one; else the one such word written with the most of
    ``word``'s characters (:func:`~flashgen.lexicon.synonyms.characters`), when one is; else "".

    The last resort for a card's English, when no gloss of the word itself is in the sentence:
    a translator often renders a word by one of its morphemes' meanings (空置 "sit empty": 空
    "empty"; 庞大 "this large": 大 "large"; 经营者 "operators": 经营 "to operate"), or by a word
    CC-CEDICT uses for another word of the same characters (反超 "overtook": 超车 "to overtake";
    产量 "yields": 产 and 量 in words glossed "yield").  The words the rest of the sentence
    explains are set aside first, so that a character's many glosses only meet what is left;
    capitalised words inside the sentence are names, never taken.
    """
    if not dictionary.contains(word):  # a composed word's parts were matched one by one already
        return ""
    inner = {word[i:j] for i in range(len(word)) for j in range(i + 1, len(word) + 1)} - {word}
    glossed = _one_word_glosses(sense for part in inner for sense in dictionary.all_senses(part))
    unexplained = _free_words(word, zh, en, dictionary.gloss_words(word) | glossed)
    found = {w.text for w in unexplained if any(_renders(f, g) for f in w.forms for g in glossed)}
    if found:
        return found.pop() if len(found) == 1 else ""
    telling = {c for c in word if dictionary.zipf(c) < _TELLING_ZIPF}
    shared = {w.text: len(set().union(*map(characters, w.forms)) & telling) for w in unexplained}
    most = max(shared.values(), default=0)
    best = [t for t, n in shared.items() if n == most]
    return best[0] if most and len(best) == 1 else ""


def longer_word_equivalent(word: str, zh: str, en: str) -> str:
    """The one English word of ``en`` that a longer CC-CEDICT word holding ``word`` glosses (two
    characters more at most) and the rest of that word does not, and that no other word of
    ``zh`` explains; else "".  CC-CEDICT often has a word's newer sense only in its compounds:
    漏洞 "leak; hole; loophole", 零日漏洞 "zero-day vulnerability"; 监管 "to supervise", 监管体制
    "regulatory system".  The rest's own glosses are set aside (刷新纪录 "to set a new record"
    does not make 刷新 "record": 纪录 is)."""
    if not dictionary.contains(word):  # a composed word: what its parts' longer words say
        found = {longer_word_equivalent(part, zh, en) for part in lexicon_split(word) if len(part) > 1}
        found.discard("")
        return found.pop() if len(found) == 1 else ""
    keys: set[str] = set()
    for longer in dictionary.containing(word, len(word) + _LONGER_BY):
        if any(e.pinyin_numbered[:1].isupper() for e in dictionary.entries(longer)):
            continue  # a name's glosses are its spelling
        if any("(idiom)" in sense for sense in dictionary.all_senses(longer)):
            continue  # an idiom's gloss tells the whole, not its words (桴鼓相应 is no sense of 相应)
        rest = longer.replace(word, "")
        pieces = {rest} if dictionary.contains(rest) else set(rest)  # 体制 "system", not 制 "to regulate"
        theirs = {_key(g) for part in pieces for g in dictionary.gloss_words(part)}
        keys |= {_key(g) for g in dictionary.gloss_words(longer) if len(g) >= _MIN_LETTERS} - theirs
    if not keys:
        return ""
    own = dictionary.gloss_words(word)
    keys -= {_key(g) for g in own}  # its own glosses did not match already
    found = {w.text for w in _free_words(word, zh, en, own) if any(_key(f) in keys for f in w.forms)}
    return found.pop() if len(found) == 1 else ""


def translates_another_word(word: str, zh: str, english: str) -> bool:
    """Whether every content word of ``english``, a card's English equivalent, glosses another
    word of the sentence ``zh`` in one of its forms ("older": old, 老人's) and none glosses
    ``word``: it is that word's translation, not this one's (遏制 "curb" is not "raises", which
    加息 "to raise interest rates" explains).  A match through a loose synonym or a stray gloss
    word would teach the wrong English."""
    explained = others_english(word, zh)
    words = [content_lemmas(w) for w in english.split()]
    return any(words) and all(
        any(_key(f) in explained or _key(root(f)) in explained for f in forms) for forms in words if forms
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
    return _keys(dictionary.sense_words(s for s in heard if _everyday(s)))


@cache
def _gloss_keys(word: str, claiming: bool = False) -> frozenset[str]:
    """The keys of ``word``'s glosses, with the glosses' roots, so that 入侵 "to invade" explains
    "invasive" (once per word: a word is in many sentences).  With ``claiming``, only those of
    the glosses by which ``word`` may claim an English word of its sentence (:func:`_claiming`)."""
    return _keys(_claiming(word) if claiming else dictionary.gloss_words(word))


def _keys(glosses: Iterable[str]) -> frozenset[str]:
    """The keys (:func:`_key`) of gloss words and of their roots."""
    return frozenset(_key(k) for g in glosses for k in (g, root(g)))


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


def _key(lemma: str) -> str:
    """A lemma compared by its first letters, as the picker compares translations (collapse / collapsed)."""
    return lemma[:_STEM_LETTERS]


def _unexplained(key: str, word: str, sentences: Sequence[str]) -> bool:
    """Whether no other word of the Chinese sentences has a gloss starting like ``key``."""
    for sentence in sentences:
        for token in jieba_tokenizer().cut(sentence.replace(word, "，"), HMM=False):
            if any(_key(g) == key for g in _claiming(token)):
                return False
    return True


def surface(key: str, sentence: str) -> str:
    """The sentence's own words for a translation ``key`` ("baristas" for barista, "head coach"
    for the keys "head coach"), or ""."""
    wanted = key.split()
    # a possessive's ending is no part of the word: "submersible's" shows "submersible"
    words = [_POSSESSIVE.sub("", w.strip(".,;:!?\"'()“”")) for w in sentence.replace("\u2019", "'").split()]
    for start in range(len(words) - len(wanted) + 1):
        span = words[start : start + len(wanted)]
        keys = [[_key(w) for w in sentence_lemmas(bare)] for bare in span]
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


def thesaurus_equivalent(word: str, zh: str, en: str) -> str:
    """The one English word of ``en`` that WordNet lists as a synonym of a one-word gloss of
    ``word`` (:func:`~flashgen.lexicon.thesaurus.thesaurus`: 媲美 "to match" and "rivals"), and
    that no other word of ``zh`` explains, when there is exactly one; else "".

    The last resort for a card's English, after CC-CEDICT's own synonyms, the word's morphemes
    and its longer words found none: a translator's paraphrase.  Capitalised words inside the
    sentence are names, never taken; nor is a gloss's negation ("unusual" for "usual")."""
    if not dictionary.contains(word):  # a composed word's parts were matched one by one already
        return ""
    glossed = _one_word_glosses(clean_senses(dictionary.all_senses(word)))
    keys = {_key(g) for g in glossed}
    own = dictionary.gloss_words(word) | glossed
    found = {
        w.text
        for w in _free_words(word, zh, en, own)
        if any(_key(s) in keys for f in w.forms for s in thesaurus(f))
    }
    return found.pop() if len(found) == 1 else ""
