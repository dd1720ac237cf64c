"""English synonyms from WordNet 3.0: the paraphrases CC-CEDICT does not link.

A translator often renders a word by a synonym no CC-CEDICT entry glosses it with: 媲美 "to
match" as "rivals", 呼吁 "to appeal" as "urged".  WordNet lists such words in one synset ("rival":
match, equal …).  The table (``flashgen/indexes/thesaurus-v1.txt.gz``, written by
``bench/build_thesaurus.py``, WordNet's licence in ``flashgen/indexes/WORDNET-LICENSE``) gives
each one-word English lemma the lemmas of its most frequent synsets that CC-CEDICT's glosses use.
It is read only when a card found no English by cheaper evidence, once per run.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from functools import cache

from ..data import package_file

#: The shipped table: one line per lemma, "lemma synonym synonym …", the lines sorted.
TABLE = "indexes/thesaurus-v1.txt.gz"


@cache
def _lines() -> list[str]:
    return gzip.decompress(package_file("flashgen", TABLE).read_bytes()).decode("utf-8").split("\n")


@cache
def thesaurus(word: str) -> frozenset[str]:
    """The WordNet synonyms of an English lemma in its base form ("rival": match, equal …)."""
    if not word:
        return frozenset()
    lines, head = _lines(), word + " "
    at = bisect_left(lines, head)
    return (
        frozenset(lines[at][len(head) :].split())
        if at < len(lines) and lines[at].startswith(head)
        else frozenset()
    )
