"""Which dictionary sense the aligned English confirms, and which words translate the term.

A CC-CEDICT entry lists every sense of a word (出口: "an exit", "to speak",
"to export"); the card should lead with the one the article uses.  The
aligned English sentence is the evidence: a sense whose content words occur
in it ("export" in "an obscure export control directive") fits, and the words
of the sentence that matched are the term's English equivalent, which the
card highlights.  Matching is on the lemmas of :mod:`.english_lemmas`; no translation model
is needed.

The senses also say what kind of word a reading is ("to plant" a verb,
"long" an adjective, "and" a conjunction), which the reading rules of
:mod:`flashgen.lexicon.grammar` need; crude English tests do, without a tagger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set
from functools import cache

from ..memo import per_article
from .dictionary import STOPWORDS, is_cross_reference
from .english_lemmas import plain_adjective, sentence_lemmas, unhyphenated

#: CC-CEDICT's inline references "繁|简[pin1 yin1]" shown as the simplified form.
_REFERENCE = re.compile(r"(?:[^\s|\[\]()]+\|)?([^\s|\[\]()]+)\[[^\]]*\]")
_TARGET = re.compile(r"(?:[^\s|\[\]()]+\|)?([^\s|\[\]()]+)\[([^\]]*)\]")
_CLASSIFIERS = re.compile(r"\s*\(CL:[^)]*\)")
_NOTE = re.compile(r"\([^)]*\)")
_TAIWAN = re.compile(r"\s*\(?Taiwan pr\. \[[^\]]*\]\)?")
#: Endings of English adjectives ("regional", "generous", "authentic").
_ADJECTIVE_ENDINGS = (
    "al",
    "ous",
    "ic",
    "ive",
    "ful",
    "less",
    "able",
    "ible",
    "ent",
    "ant",
    "ine",
    "ish",
    "ed",
    "ly",
)
#: Common English nouns and quantifiers with an adjective's ending.
_NOT_ADJECTIVE_WORDS = """
several general capital animal individual signal offal festival hospital journal metal rival total
proposal arrival approval material official principal criminal ritual manual element student patient
agent talent event content tent
"""
_NOT_ADJECTIVES = frozenset(_NOT_ADJECTIVE_WORDS.split())
#: A sentence word shorter than the gloss word it sits in ("security" in a
#: gloss "cybersecurity") counts for this much.
_PARTIAL = 0.5
#: Shortest gloss word matched inside a longer sentence word.
_MIN_STEM = 5
#: Another derivation of the same stem (retaliate / retaliatory).
_STEM = 0.75


def clean_senses(raw: Iterable[str]) -> list[str]:
    """The senses worth showing: no classifier lists, cross-references or Taiwan readings."""
    shown = []
    for sense in raw:
        sense = _CLASSIFIERS.sub("", _TAIWAN.sub("", sense))
        sense = "; ".join(part for part in sense.split("; ") if not part.startswith("CL:")).strip(" ;")
        if not sense or is_cross_reference(sense):  # pointers teach nothing on a card
            continue
        shown.append(_REFERENCE.sub(r"\1", sense))
    return shown


def distinct_senses(senses: Iterable[str]) -> list[str]:
    """``senses`` with no gloss shown twice, the first copy kept (issue 11).

    A character's traditional variants are separate CC-CEDICT entries with the
    same senses (個 and 箇 for 个, 說 and 説 for 说), and a pronoun is glossed
    "this" as a pronoun and again as a bound form (这): a card lists each
    gloss once.  Glosses are compared without their notes, so "(bound form)
    this" repeats "(pronoun) this"; a gloss that is only a note
    ("(classifier used before a noun …)") is compared whole.  A sense left
    with no gloss is dropped.
    """
    seen: set[str] = set()
    shown = []
    for sense in senses:
        kept = []
        for gloss in sense.split("; "):
            key = " ".join(_NOTE.sub(" ", gloss).lower().split()) or gloss
            if key not in seen:
                seen.add(key)
                kept.append(gloss)
        if kept:
            shown.append("; ".join(kept))
    return shown


def cross_reference(sense: str) -> tuple[str, str] | None:
    """The (simplified, reading) a cross-reference sense points at, e.g. 一点儿 → ("一点", "yi1 dian3")."""
    if not is_cross_reference(sense):
        return None
    match = _TARGET.search(sense)
    return (match.group(1), match.group(2)) if match else None


def noun_glosses(senses: Iterable[str]) -> int:
    """How many glosses are one English noun, judged by form ("tunnel"; not "to dig", "authentic").

    Crude on purpose: it only has to tell a noun reading from an adjective
    one (地道 dì dào "tunnel" / dì dao "authentic") without a tagger.
    """
    count = 0
    for sense in senses:
        for gloss in sense.split("; "):
            words = _NOTE.sub("", gloss).strip().removeprefix("a ").removeprefix("an ").split()
            if len(words) != 1 or not words[0].isalpha():  # a phrase, or only a note: "(onom.)"
                continue
            if not (words[0].endswith(_ADJECTIVE_ENDINGS) and words[0] not in _NOT_ADJECTIVES):
                count += 1
    return count


def adjectival(senses: Sequence[str], first: int = 3) -> bool:
    """Whether one of the ``first`` senses is a one-word English adjective ("long", "tired", "regional").

    Like :func:`noun_glosses`, crude on purpose: it tells the stative reading
    of a character (长 cháng "length; long") from the others (zhǎng "chief;
    head; elder; to grow") without an English tagger.
    """
    for sense in senses[:first]:
        for gloss in sense.split("; "):
            words = _NOTE.sub("", gloss).strip().split()
            if len(words) == 1 and (plain_adjective(words[0]) or _derived_adjective(words[0])):
                return True
    return False


_ADVERBIAL = re.compile(r"to (the|a|an|some|this|that) ")


def starts_as_verb(senses: Sequence[str]) -> bool:
    """Whether the first sense is a verb: "to plant", or a coverb glossed "to" (给 gěi).

    Not an adverbial phrase glossed with "to" ("to the greatest extent": 尽 jǐn,
    not jìn "to use up").
    """
    first = senses[0] if senses else ""
    return (first == "to" or first.startswith("to ")) and not _ADVERBIAL.match(first)


def _derived_adjective(word: str) -> bool:
    """ "regional", "tired"; not an adverb ("frequently") or a quantifier ("several")."""
    return (
        len(word) >= _MIN_STEM
        and word.endswith(_ADJECTIVE_ENDINGS)
        and not word.endswith("ly")
        and word not in _NOT_ADJECTIVES
    )


def _plain_lemmas(gloss: str) -> set[str]:
    """A gloss's content lemmas, as written: no base forms beside them, so that each alternative
    keeps its own count of words (:func:`sense_alternatives`)."""
    return {w for w in sentence_lemmas(gloss) if len(w) > 1} - STOPWORDS


@cache  # a sense is scored against every sentence its word and its parts meet
def _sense_lemmas(sense: str) -> tuple[frozenset[str], frozenset[str]]:
    """Content lemmas of a sense outside and inside its parenthesised notes."""
    main, notes = _plain_lemmas(_NOTE.sub(" ", sense)), _plain_lemmas(" ".join(_NOTE.findall(sense)))
    return frozenset(main), frozenset(notes)


def _match(gloss: str, english: Set[str]) -> float:
    """How well a gloss word is found among the sentence's lemmas.

    1 for the same lemma, and for a gloss word inside a derived sentence word
    (force → enforcement, security → cybersecurity), which is how English often
    renders a Chinese compound; 0.75 for another form of the same stem
    (retaliate → retaliatory); half for a sentence word inside a gloss word.
    """
    if gloss in english or ("-" in gloss and unhyphenated(gloss) in english):  # "stop-gap" / "stopgap"
        return 1.0
    # the sentence's words as one text, searched at C speed (no gloss word spans a line)
    joined = "\n" + "\n".join(english) if len(gloss) >= _MIN_STEM and "\n" not in gloss else None
    if joined is not None and gloss in joined and any(holds_gloss(word, gloss) for word in english):
        return 1.0
    if joined is None and len(gloss) >= _MIN_STEM and any(holds_gloss(word, gloss) for word in english):
        return 1.0
    stem = joined is None or "\n" + gloss[: _MIN_STEM + 1] in joined  # some word starts the same
    if len(gloss) > _MIN_STEM and stem and any(_same_stem(gloss, word) for word in english):
        return _STEM
    if any(len(word) >= _MIN_STEM and word in gloss and not negates(gloss, word) for word in english):
        return _PARTIAL
    return 0.0


def holds_gloss(word: str, gloss: str) -> bool:
    """Whether an English word holds a gloss word, as a derived or compound word renders it
    (force → enforcement, security → cybersecurity).  An adverb in -ly holds only the word it is
    made from ("effective" → "effectively", "basic" → "basically"): 生效 "to take effect" is not
    "effectively", which says "in effect", nor 效率 "efficiency"'s "efficient" "efficiently"."""
    if gloss not in word:
        return False
    return not word.endswith("ly") or gloss.endswith("ly") or any(word.endswith(a) for a in _adverbs(gloss))


def _match_one(gloss: str, word_lemma: str) -> float:
    """:func:`_match` against one sentence word (its set of one, without building it)."""
    if gloss == word_lemma or (len(gloss) >= _MIN_STEM and holds_gloss(word_lemma, gloss)):
        return 1.0
    if len(gloss) > _MIN_STEM and _same_stem(gloss, word_lemma):
        return _STEM
    if len(word_lemma) >= _MIN_STEM and word_lemma in gloss:
        return _PARTIAL
    return 0.0


#: Prefixes that negate an English word: "usual" inside "unusual" is its antonym.
_NEGATIONS = ("un", "in", "im", "ir", "il", "dis", "non", "non-")
#: Derivational endings stripped to compare roots (dense / density, thick / thickness).
_DERIVATIONS = ("ness", "ity", "ment", "ation", "ion", "ive", "ous", "al", "ly", "e")


@per_article
@cache  # the same gloss and sentence word meet again and again across a card's senses
def match_word(gloss: str, word_lemma: str) -> float:
    """How well one sentence word renders one gloss word (:func:`_match`), antonyms and roots judged.

    A gloss inside a negated word is its antonym, no match (寻常 "usual", "unusual"), as is a
    word whose negation is the gloss (不当 "improper", "proper"); another derivation of the same
    root counts as another form of the stem (密度 "density", "dense").
    """
    if unhyphenated(gloss) == unhyphenated(word_lemma):  # one spelling or the other: "stop-gap", "stopgap"
        return 1.0
    # and the other way round: "proper" is no part of 不当 "improper"
    if negates(word_lemma, gloss) or negates(gloss, word_lemma):
        return 0.0
    found = _match_one(gloss, word_lemma)
    if not found and gloss[:3] == word_lemma[:3] and root(gloss) == root(word_lemma):
        return _STEM
    return found


def negates(word_lemma: str, gloss: str) -> bool:
    """Whether the English word is the gloss word negated ("unusual" for "usual")."""
    return gloss != word_lemma and any(word_lemma == p + gloss for p in _NEGATIONS)


#: Latin verbs whose nouns and adjectives change the stem's end (invade / invasion, invasive;
#: reclaim / reclamation; reduce / reduction; emit / emission): each derived ending, its verb's.
_STEM_CHANGES = (
    ("asion", "ade"),
    ("asive", "ade"),
    ("ision", "ide"),
    ("isive", "ide"),
    ("usion", "ude"),
    ("usive", "ude"),
    ("ission", "it"),
    ("issive", "it"),
    ("eption", "eive"),
    ("eptive", "eive"),
    ("uction", "uce"),
    ("uctive", "uce"),
    ("ription", "ribe"),
    ("umption", "ume"),
    ("amation", "aim"),
    ("ification", "ify"),
    ("ention", "ain"),
    ("olution", "olve"),
)


def root(word: str) -> str:
    """A lemma without its derivational ending, a Latin stem change undone: invasive, invasion
    and invade are "invad", density and dense "dens", reclamation and reclaim "reclaim"."""
    for ending, verb in _STEM_CHANGES:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            word = word[: -len(ending)] + verb
            break
    for ending in _DERIVATIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@cache  # as :func:`_sense_lemmas`
def sense_alternatives(sense: str) -> tuple[frozenset[str], ...]:
    """The content lemmas of each alternative of a sense ("safety; security"), notes left out."""
    found = [frozenset(_plain_lemmas(_NOTE.sub(" ", a))) for a in sense.split(";")]
    return tuple(a for a in found if a)


def _same_stem(a: str, b: str) -> bool:
    """Whether two words share a long common prefix (investigate / investigation)."""
    if a[: _MIN_STEM + 1] != b[: _MIN_STEM + 1] or len(a) <= _MIN_STEM:
        return False  # most pairs, at once: the prefix below is this long
    if a.endswith("ly") != b.endswith("ly"):  # an adverb's stem is its adjective's, no other word's
        adverb, other = (a, b) if a.endswith("ly") else (b, a)
        return adverb_of(adverb, other)
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= _MIN_STEM + 1 and common >= 0.8 * shorter


def adverb_of(adverb: str, word: str) -> bool:
    """Whether ``adverb`` (in -ly) is made from ``word``: effective → effectively, basic →
    basically, full → fully, probable → probably, true → truly, voluntary → voluntarily; never
    a noun's or verb's other derivative (effect, 生效 "to take effect", is not "effectively",
    which says "in effect")."""
    return adverb in _adverbs(word)


def _adverbs(word: str) -> tuple[str, ...]:
    """The forms an adverb made from ``word`` takes (:func:`adverb_of`)."""
    return word + "ly", word + "ally", word + "y", word[:-1] + "y", word[:-1] + "ly", word[:-1] + "ily"


def sense_score(sense: str, english: Set[str]) -> float:
    """How well ``sense`` fits an English sentence given as its content lemmas.

    Each matching gloss word counts once; words in parenthesised notes
    ("(computing)") count half, since they describe rather than translate.
    """
    main, notes = _sense_lemmas(sense)
    return sum(_match(g, english) for g in main) + 0.5 * sum(_match(g, english) for g in notes - main)


def common_sense(senses: Sequence[str]) -> str:
    """The first sense in common use: not a surname, abbreviation, dated or bound-form sense."""
    for sense in senses:
        if not re.match(r"\(|abbr|surname|classifier|old |archaic ", sense):
            return sense
    return senses[0] if senses else ""


def short_gloss(sense: str, english: Set[str]) -> str:
    """The one alternative of a sense ("safety; security") that fits best, without notes or "to"."""
    alternatives = [_NOTE.sub("", a).strip() for a in sense.split(";")]
    best = max(alternatives, key=lambda a: (sense_score(a, english), -alternatives.index(a)))
    return best.removeprefix("to ").strip() or sense
