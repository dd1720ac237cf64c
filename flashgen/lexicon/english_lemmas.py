"""An English word's lemma as CC-CEDICT's glosses write it, and the lemmas of a sentence.

The senses (:mod:`.senses`) and the English equivalent (:mod:`.equivalent`) compare the
article's English with CC-CEDICT's glosses word by word, so both sides must be read alike:
British spellings in American ("theatre": theater), the silent e an ending took off put back
("making": make), an irregular plural's singular ("leaves": leaf, "fishermen": fisherman) and
a comparative's plain adjective ("highest": high) beside the word.  Each change is made only
where CC-CEDICT's glosses back it, so that "promise", "specimen" or "farmer" stay as they are.
These lemmas build on the dictionary's light stem (:func:`.dictionary.lemma`), which its
gloss words and the aligner use as it is (:func:`.dictionary.english_lemmas`).
"""

from __future__ import annotations

import re
from functools import cache

from .dictionary import LOWER_WORD, STOPWORDS, lemma
from .forms import PLURAL_FORMS, ends_in_eed
from .synonyms import synonyms

#: English words sharing this many first letters count as one word when telling which word of a
#: Chinese sentence an English word translates ("retaliatory" translates 报复 "to retaliate",
#: "executive" 执行 "to execute"): the keys of :func:`stem_key`.
STEM_LETTERS = 6
#: An English word as a sentence writes it, hyphens and apostrophes inside it ("lay-offs", "one's").
ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
#: Plain English adjectives that no ending gives away: the senses of the
#: stative readings a degree adverb selects (很长 cháng "long", 很重 zhòng "heavy").
_PLAIN_ADJECTIVE_WORDS = """
bad big bitter brave bright broad busy calm cheap clean cold cool dark dear deep difficult dirty
dry early easy empty fake false far fast fat few fierce fine firm free full good great happy hard
heavy high hot idle kind large late lean light little long loose loud low many much narrow near new
odd old poor proud quick quiet raw rich right ripe rough rude sad safe shallow sharp short slow
small smooth soft sour straight strange strong sure sweet tall thick thin tight tired true vacant
warm weak weary wet wide wise wrong young
"""
_PLAIN_ADJECTIVES = frozenset(_PLAIN_ADJECTIVE_WORDS.split())

#: British spellings and their American forms, which CC-CEDICT's glosses use: each ending with
#: the inflections it takes, and the ending's American and British forms in the base word
#: (colour, centre, fibre, recognise, analyse, defence, travelled).
_BRITISH = (
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|er|ers|ite|ites|able|hood|ful)?$"), "or", "our"),
    (re.compile(r"(?<=[a-z]{2})tre(s|d)?$"), "ter", "tre"),
    (re.compile(r"(?<=[a-z]{2})bre(s|d)?$"), "ber", "bre"),
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$"), "ize", "ise"),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing)$"), "yze", "yse"),
    (re.compile(r"(?<=[a-z]{2})ence(s)?$"), "ense", "ence"),
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), "l", "ll"),
)


@cache
def american(word: str) -> str:
    """A lower-case English word in American spelling when it is British, else itself.

    News English is often British, CC-CEDICT American: "theatre" would never meet the gloss
    "theater", nor "recognised" "to recognize".  A spelling is changed only when CC-CEDICT
    knows the American base word (it glosses short entries with it: "recognize", "travel")
    and not the British one, so that "promise", "science", "filled" stay as they are.
    """
    for british, us, gb in _BRITISH:
        found = british.search(word)
        if found is None:
            continue
        stem, ending = word[: found.start()], found.group(1) or ""
        if not synonyms(stem + us) or synonyms(stem + gb):
            continue
        if us.endswith("e") and ending[:1] in ("e", "i", "a"):  # recognize + ed: recognized
            us = us[:-1]
        return stem + us + ("ed" if ending == "d" else ending)  # centred: centered
    return word


@cache
def english_lemma(word: str) -> str:
    """A lower-case word's lemma in American spelling (:func:`american`), with the silent e that
    -ing or -ed took off put back when CC-CEDICT glosses with the word that has it and not
    with the one without (making: make, raising: raise; planned: plan, united: unit stay).
    A word in -eed is its own lemma (breed, exceed, as "breeding" and "exceeded" are), or the
    verb in -ee it is the past of when CC-CEDICT glosses with that and not with it (agreed: agree,
    freed: free)."""
    us = american(word)
    if ends_in_eed(us):
        return us[:-1] if synonyms(us[:-1]) and not synonyms(us) else us
    base = lemma(us)
    restore = base != word and word.endswith(("ing", "ed")) and not base.endswith("e")
    return base + "e" if restore and synonyms(base + "e") and not synonyms(base) else base


def silent_e(word: str) -> str:
    """The verb with the silent e an -ed or -ing ending took off ("reduced": reduce), where the
    light stemmer leaves it off ("reduc") because CC-CEDICT's glosses hold both; else ""."""
    lower = word.lower()
    base = lemma(american(lower))
    if base == lower or base.endswith("e") or not lower.endswith(("ed", "ing")):
        return ""
    return base + "e"


def base_form(word: str, word_lemma: str) -> str:
    """The singular of an irregular plural ``word``, else the plain adjective a comparative or
    superlative ``word_lemma`` is of (:func:`positive_degree`), else ``word_lemma``: "leaves":
    leaf, "bacteria": bacterium, "highest": high; a compound of -men too (:func:`man_singular`)."""
    return PLURAL_FORMS.get(word) or man_singular(word) or positive_degree(word_lemma)


@cache
def man_singular(word: str) -> str:
    """The singular of a compound in -men ("fishermen": fisherman, "herdsmen": herdsman), else "".

    English makes such compounds freely, so no list holds them all, and CC-CEDICT glosses with
    the singular (渔民 "fisherman"): the light stemmer would leave "fishermen" matching none.  A
    word is taken for one only when CC-CEDICT glosses with that singular, so that "specimen" or
    "abdomen", which are no plurals, stay as they are.
    """
    if len(word) <= len("women") or not word.endswith("men"):
        return ""
    singular = word[:-3] + "man"
    return singular if synonyms(singular) else ""


def sentence_lemmas(text: str) -> list[str]:
    """The lemmas of an English sentence (:func:`english_lemma`)."""
    return [english_lemma(w) for w in LOWER_WORD.findall(text.lower())]


def content_lemmas(text: str) -> set[str]:
    """The lemmas of ``text`` that can be evidence of a translation (no stray letters: U.S., one's),
    with the base forms of its irregular plurals and comparatives beside them (:func:`base_form`:
    "leaves" is leave and leaf, "highest" highest and high)."""
    return set(_content_lemmas(text))  # the caller's own set


@cache  # a card's English sentence is read for its word, its parts, its neighbours' senses
def _content_lemmas(text: str) -> frozenset[str]:
    words = LOWER_WORD.findall(text.lower())
    # a hyphenated word's own words too: "lay-offs" holds 裁员's "lay off"
    words += [piece for w in words if "-" in w for piece in w.split("-")]
    # and the word closed up, as the other spelling writes it: "stop-gap" is "stopgap"
    words += [unhyphenated(w) for w in words if "-" in w]
    lemmas = [english_lemma(w) for w in words]
    found = {*lemmas, *(base_form(w, lem) for w, lem in zip(words, lemmas, strict=True))}
    return frozenset({w for w in found if len(w) > 1} - STOPWORDS)


def unhyphenated(word: str) -> str:
    """``word`` closed up: English writes many compounds either way ("stop-gap", "stopgap";
    "e-mail", "email"), and CC-CEDICT's spelling need not be the article's."""
    return word.replace("-", "")


def plain_adjective(word: str) -> bool:
    """Whether ``word`` is a plain English adjective ("free", "new"), the form a modifier takes."""
    return word in _PLAIN_ADJECTIVES


def positive_degree(word: str) -> str:
    """The plain adjective (:func:`plain_adjective`) a comparative or superlative is of, else ``word``:
    "higher", "highest": high; "hotter": hot; "easier": easy; "wider": wide; not "farmer", "bitter".

    Only the plain adjectives: an ending "-er" is far more often a noun's ("farmer", "order").
    """
    if word in _PLAIN_ADJECTIVES:
        return word
    for ending in ("est", "er"):
        stem = word.removesuffix(ending)
        if stem == word or len(stem) < 2:
            continue
        bases = [stem, stem + "e"]  # high-er, wide-r
        if len(stem) > 2 and stem[-1] == stem[-2]:  # hott-er
            bases.append(stem[:-1])
        if stem.endswith("i"):  # easi-er
            bases.append(stem[:-1] + "y")
        found = next((base for base in bases if base in _PLAIN_ADJECTIVES), None)
        if found:
            return found
    return word


def stem_key(word_lemma: str) -> str:
    """A lemma compared by its first :data:`STEM_LETTERS` letters (collapse / collapsed)."""
    return word_lemma[:STEM_LETTERS]
