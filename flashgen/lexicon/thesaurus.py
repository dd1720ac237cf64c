"""English synonyms from WordNet 3.0: the paraphrases CC-CEDICT does not link.

A translator often renders a word by a synonym no CC-CEDICT entry glosses it with: 媲美 "to
match" as "rivals", 呼吁 "to appeal" as "urged".  WordNet lists such words in one synset ("rival":
match, equal …).  The table (``flashgen/indexes/thesaurus-v2.txt.gz``, written by
``bench/build_thesaurus.py``, WordNet's licence in ``flashgen/indexes/WORDNET-LICENSE``) gives
each one-word English lemma the lemmas of its most frequent synsets that CC-CEDICT's glosses use.
It is read only when a card found no English by cheaper evidence, once per run.

A second, smaller table (``flashgen/indexes/antonyms-v1.txt.gz``, the same script) gives WordNet's
antonyms ("fall": rise): CC-CEDICT lists both words of a coordination ("to rise and fall") as
synonyms, so a synonym, a character or a paraphrase may be a gloss's opposite, and a card's English
is never one (:func:`opposes`).
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Iterable, Set
from functools import cache

from ..data import package_file
from .dictionary import lemma

#: The shipped table: one line per lemma, "lemma synonym synonym …", the lines sorted.
TABLE = "indexes/thesaurus-v2.txt.gz"
#: WordNet's antonyms, in the same form: "lemma antonym antonym …".
ANTONYMS = "indexes/antonyms-v1.txt.gz"


@cache
def _lines(table: str = TABLE) -> list[str]:
    return gzip.decompress(package_file("flashgen", table).read_bytes()).decode("utf-8").split("\n")


@cache
def thesaurus(word: str) -> frozenset[str]:
    """The WordNet synonyms of an English lemma in its base form ("rival": match, equal …)."""
    return _related(word, TABLE)


@cache
def antonyms(word: str) -> frozenset[str]:
    """WordNet's antonyms of an English lemma in its base form, and their light lemmas
    (:func:`~.dictionary.lemma`, as glosses are compared): "fall": rise."""
    found = _related(word, ANTONYMS)
    return found | {lemma(w) for w in found}


def opposes(forms: Iterable[str], glosses: Set[str]) -> bool:
    """Whether WordNet lists one of ``forms``, an English word's base forms, as the antonym of one
    of ``glosses``, a card's gloss words (lemmas): "fall" is never 兴起 "to rise".  A word the
    glosses hold themselves opposes nothing (涨跌 "rise and fall" is "fall" too)."""
    forms = {f for f in forms if f}
    return not forms & glosses and any(antonyms(f) & glosses for f in forms)


def _related(word: str, table: str) -> frozenset[str]:
    if not word:
        return frozenset()
    lines, head = _lines(table), word + " "
    at = bisect_left(lines, head)
    return (
        frozenset(lines[at][len(head) :].split())
        if at < len(lines) and lines[at].startswith(head)
        else frozenset()
    )
