"""The card's last-resort English: a word of the aligned sentence that no gloss of the card's word
matches, taken for its translation on weaker evidence.

When none of a word's glosses, nor a CC-CEDICT synonym of one, is in its sentence, the translator
often wrote what a part of the word means (空置 "sit empty": 空 "empty"), what a longer word holding
it is glossed (漏洞 "vulnerability": 零日漏洞), or a WordNet synonym of a gloss (媲美 "rivals").  Each
fallback looks only among the sentence words no other word of the Chinese explains
(:func:`~.explained.free_words`), and answers only when exactly one word fits: a guess among
two would teach a wrong word half the time.
"""

from __future__ import annotations

from ..lexicon import dictionary
from ..lexicon.english_lemmas import stem_key
from ..lexicon.senses import adverb_of, clean_senses, holds_gloss
from ..lexicon.synonyms import characters
from ..lexicon.thesaurus import thesaurus
from .explained import MIN_LETTERS, free_words, one_word_glosses
from .segmentation import lexicon_split

#: Shortest sentence word a morpheme's gloss or a WordNet synonym may match: a translator's plainest
#: rendering is often a three-letter word (修复 "fix", 顶级 "top").  The characters step
#: (:func:`morpheme_equivalent`) and the longer words' glosses still want
#: :data:`~.explained.MIN_LETTERS`: a short word ("see", "old", "pay", "per") is in too many CC-CEDICT
#: glosses to be told by the characters it is written with or by a longer word's gloss.
_MIN_LETTERS = 3
#: A character more common than this (zipf: 有, 上, 向, 比, 人) is in too many words to tie an
#: English word to a card's word (有望 is not "days", 内向 not "outward").
_TELLING_ZIPF = 5.5
#: How many characters longer than a card's word a CC-CEDICT word holding it may be, to lend it
#: its English (:func:`longer_word_equivalent`: 零日漏洞 for 漏洞).
_LONGER_BY = 2
#: Shortest gloss a longer English word is taken to render by holding it (watch: birdwatchers).
_MIN_STEM_GLOSS = 5


def _renders(form: str, gloss: str) -> bool:
    """Whether a sentence word's form renders a one-word gloss: its first letters are the gloss's
    (collapsed / collapse), or it holds the gloss (birdwatchers / watch, :func:`holds_gloss`); an
    adverb in -ly only its own adjective (:func:`adverb_of`: "effectively" is not 效 "effect")."""
    if stem_key(form) == stem_key(gloss):
        return not form.endswith("ly") or gloss.endswith("ly") or adverb_of(form, gloss)
    return len(gloss) >= _MIN_STEM_GLOSS and holds_gloss(form, gloss)


def morpheme_equivalent(word: str, zh: str, en: str) -> str:
    """The one English word of ``en`` that a character or shorter word inside ``word`` glosses
    in a single word ("empty", not "give" of "to give birth"), and that no other word of ``zh``
    explains, when there is exactly one; else the one such word written with the most of
    ``word``'s characters (:func:`~flashgen.lexicon.synonyms.characters`), when one is, unless
    WordNet gives a sentence word as a synonym of a gloss (:func:`thesaurus_equivalent`); else "".

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
    glossed = one_word_glosses(sense for part in inner for sense in dictionary.all_senses(part))
    unexplained = free_words(word, zh, en, dictionary.gloss_words(word) | glossed, _MIN_LETTERS)
    found = {w.text for w in unexplained if any(_renders(f, g) for f in w.forms for g in glossed)}
    if found:
        return _only(found)
    telling = {c for c in word if dictionary.zipf(c) < _TELLING_ZIPF}
    shared = {
        w.text: len(set().union(*map(characters, w.forms)) & telling)
        for w in unexplained
        if len(w.text) >= MIN_LETTERS
    }
    most = max(shared.values(), default=0)
    best = [t for t, n in shared.items() if n == most]
    if not most or len(best) > 1:
        return ""
    # a character is in words of unrelated meanings (复: 复审 "review", 修复 "repair"): a word
    # WordNet gives as a synonym of a gloss is the better evidence (修复 "fix", not "review")
    return thesaurus_equivalent(word, zh, en) or best[0]


def longer_word_equivalent(word: str, zh: str, en: str) -> str:
    """The one English word of ``en`` that a longer CC-CEDICT word holding ``word`` glosses (two
    characters more at most) and the rest of that word does not, and that no other word of
    ``zh`` explains; else "".  CC-CEDICT often has a word's newer sense only in its compounds:
    漏洞 "leak; hole; loophole", 零日漏洞 "zero-day vulnerability"; 监管 "to supervise", 监管体制
    "regulatory system".  The rest's own glosses are set aside (刷新纪录 "to set a new record"
    does not make 刷新 "record": 纪录 is)."""
    if not dictionary.contains(word):  # a composed word: what its parts' longer words say
        found = {longer_word_equivalent(part, zh, en) for part in lexicon_split(word) if len(part) > 1}
        return _only(found - {""})
    keys: set[str] = set()
    for longer in dictionary.containing(word, len(word) + _LONGER_BY):
        if any(e.pinyin_numbered[:1].isupper() for e in dictionary.entries(longer)):
            continue  # a name's glosses are its spelling
        if any("(idiom)" in sense for sense in dictionary.all_senses(longer)):
            continue  # an idiom's gloss tells the whole, not its words (桴鼓相应 is no sense of 相应)
        rest = longer.replace(word, "")
        pieces = {rest} if dictionary.contains(rest) else set(rest)  # 体制 "system", not 制 "to regulate"
        theirs = {stem_key(g) for part in pieces for g in dictionary.gloss_words(part)}
        keys |= {stem_key(g) for g in dictionary.gloss_words(longer) if len(g) >= MIN_LETTERS} - theirs
    if not keys:
        return ""
    own = dictionary.gloss_words(word)
    keys -= {stem_key(g) for g in own}  # its own glosses did not match already
    found = {w.text for w in free_words(word, zh, en, own) if any(stem_key(f) in keys for f in w.forms)}
    return _only(found)


def thesaurus_equivalent(word: str, zh: str, en: str) -> str:
    """The one English word of ``en`` that WordNet lists as a synonym of a one-word gloss of
    ``word`` (:func:`~flashgen.lexicon.thesaurus.thesaurus`: 媲美 "to match" and "rivals"), and
    that no other word of ``zh`` explains, when there is exactly one; else "".

    The last resort for a card's English, after CC-CEDICT's own synonyms, the word's morphemes
    and its longer words found none: a translator's paraphrase.  Capitalised words inside the
    sentence are names, never taken; nor is a gloss's negation ("unusual" for "usual")."""
    if not dictionary.contains(word):  # a composed word's parts were matched one by one already
        return ""
    glossed = one_word_glosses(clean_senses(dictionary.all_senses(word)))
    keys = {stem_key(g) for g in glossed}
    own = dictionary.gloss_words(word) | glossed
    found = {
        w.text
        for w in free_words(word, zh, en, own, _MIN_LETTERS)
        if any(stem_key(s) in keys for f in w.forms for s in thesaurus(f))
    }
    return _only(found)


def _only(found: set[str]) -> str:
    """The one sentence word a fallback found, or "": of two, either may be the wrong word a learner
    would memorise, and weak evidence cannot tell which."""
    return next(iter(found)) if len(found) == 1 else ""
