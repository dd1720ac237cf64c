"""How the English sentence's words meet a term's gloss words: their lemmas for matching, and
the compounds English writes as one word or two where CC-CEDICT writes the other.

A translator's "sea wall" is CC-CEDICT's "seawall", "lay-offs" its "to lay off", "deepfake" a
word ending in its "fake": compared word by word, none would match a gloss and the card would
lose its English.  These readings of the sentence are apart from the span search
(:func:`~.equivalent.english_span`), which weighs the matches they give like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from .dictionary import STOPWORDS
from .english_lemmas import american, base_form, english_lemma, stem_key
from .forms import past_base
from .synonyms import synonyms

#: Letters of a short gloss word that an English compound may end with, and of the word before it
#: ("deepfake": deep + fake), where a gloss inside a word is otherwise matched from five letters.
_SHORT_HEAD = 4
#: Punctuation between two words that no equivalent spans ("buy, and house" is not 购房).
BREAK = re.compile(r"[,;:.!?()\[\]\"“”—–]")
#: A possessive's ending: "area's", "company’s", "riders'".
_POSSESSIVE = re.compile(r"['’]s?$")


def sentence_lemma(word: str) -> str:
    """A sentence word's lemma for matching: irregular past forms and plurals, doubled consonants
    and a plain adjective's comparative or superlative undone (新高 "new high": "highest"), and a
    possessive's ending taken off (一带 "area": "the area's", 骑手 "rider": "riders'")."""
    lower = _POSSESSIVE.sub("", word.lower())
    return past_base(american(lower)) or base_form(lower, undoubled(english_lemma(lower)))


def undoubled(word_lemma: str) -> str:
    """The lemma without the consonant doubled before -ed/-ing ("emitt" from "emitted")."""
    doubled = len(word_lemma) > 4 and word_lemma[-1] == word_lemma[-2] and word_lemma[-1] not in "aeiouls"
    return word_lemma[:-1] if doubled else word_lemma


def closed_compounds(
    matches: Sequence[tuple[float, str]],
    words: Sequence[re.Match[str]],
    text: str,
    wanted: dict[str, float],
    skip: Set[str],
) -> list[tuple[float, str]]:
    """``matches`` with the sentence words that render a gloss written as one word matched too:
    two adjacent words a gloss writes as one ("sea wall" for 海堤 "seawall", "check-in" for
    "checkin"), each for half its weight, where neither matches alone; and one word ending in a
    gloss after a word of its own ("deepfake" holds 伪造's "fake" as its head)."""
    found = list(matches)
    for i in range(len(words) - 1):
        if found[i][0] or found[i + 1][0] or BREAK.search(text, words[i].end(), words[i + 1].start()):
            continue
        first, second = words[i].group().lower(), words[i + 1].group().lower()
        if first in STOPWORDS or second in STOPWORDS:
            continue
        joined = sentence_lemma(first + second)
        if joined in wanted and stem_key(joined) not in skip:
            found[i] = found[i + 1] = (wanted[joined] / 2, joined)
    # only a gloss of _SHORT_HEAD letters or more can end a word after a head of its own
    tails = [gloss for gloss in wanted if len(gloss) >= _SHORT_HEAD]
    for i, word in enumerate(words):
        lower = word.group().lower()
        if found[i][0] or len(lower) < 2 * _SHORT_HEAD or lower in STOPWORDS:
            continue
        head = next((gloss for gloss in tails if _ends_in_gloss(lower, gloss)), None)
        if head is not None:
            found[i] = (wanted[head], head)
    return found


def hyphenated_glosses(
    words: Sequence[re.Match[str]], wanted: dict[str, float], skip: Set[str]
) -> dict[int, tuple[float, tuple[str, ...]]]:
    """The hyphenated sentence words whose every content part is a gloss word, each with its
    weight (its parts' mean) and those gloss words: the English writes a phrase gloss as one
    hyphenated word ("lay-offs" for 裁员 "to lay off employees", "laid-off" for 下岗 "to be laid
    off"), which as one word matches no gloss word, and a span must render half a gloss."""
    found = {}
    for i, word in enumerate(words):
        pieces = [p for p in word.group().lower().split("-") if p not in STOPWORDS]
        if "-" not in word.group() or len(pieces) < 2:
            continue
        # a participle is glossed as itself or as its verb ("laid" or "lay")
        forms = [(undoubled(sentence_lemma(p)), undoubled(english_lemma(p))) for p in pieces]
        glosses = tuple(next((f for f in pair if f in wanted), "") for pair in forms)
        if all(g and stem_key(g) not in skip for g in glosses):
            found[i] = (sum(wanted[g] for g in glosses) / len(glosses), glosses)
    return found


def _ends_in_gloss(word: str, gloss: str) -> bool:
    """Whether ``word`` is an English word of its own ("deep", which CC-CEDICT glosses with)
    followed by ``gloss``, both of four letters or more: "deepfake" for "fake"."""
    head = len(word) - len(gloss)
    return (
        len(gloss) >= _SHORT_HEAD
        and head >= _SHORT_HEAD
        and word.endswith(gloss)
        and bool(synonyms(word[:head]))
    )
