"""A translator's paraphrase that CC-CEDICT does not link is found through WordNet's synonyms
(``flashgen/indexes/thesaurus-v2.txt.gz``), the last resort for a card's English; and never one
of WordNet's antonyms of a gloss (``flashgen/indexes/antonyms-v1.txt.gz``)."""

from __future__ import annotations

import gzip
from typing import Any

import pytest

from flashgen.data import package_file
from flashgen.lexicon.thesaurus import ANTONYMS, TABLE, antonyms, opposes, thesaurus
from flashgen.lexicon.word import lookup
from flashgen.types import SentencePair
from flashgen.vocab.selection import with_own_english

from ..paths import load_cases

CASES: list[dict[str, Any]] = load_cases(__file__, "thesaurus.json")["cases"]
#: Never an antonym of a gloss; a plural in -es meets its singular (ninth round).
GUARDED: list[dict[str, Any]] = [
    *load_cases(__file__, "antonyms.json")["cases"],
    *load_cases(__file__, "es_plurals.json")["cases"],
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["word"])
def test_a_paraphrase_wordnet_links_to_a_gloss_is_the_english(case: dict[str, Any]) -> None:
    pair = SentencePair(case["zh"], case["en"], (0,), (0,), 1.0)
    card = with_own_english(lookup(case["word"], case["zh"], case["en"]), pair)
    assert card.english == case["english"], case["why"]


@pytest.mark.parametrize("case", GUARDED, ids=lambda c: f"{c['word']}-{c['english'] or 'empty'}")
def test_never_an_antonym_and_a_plural_meets_its_singular(case: dict[str, Any]) -> None:
    pair = SentencePair(case["zh"], case["en"], (0,), (0,), 1.0)
    card = with_own_english(lookup(case["word"], case["zh"], case["en"]), pair)
    assert card.english == case["english"], case["why"]


def test_the_antonym_table_is_small_and_opposes_only_a_word_not_glossed() -> None:
    lines = gzip.decompress(package_file("flashgen", ANTONYMS).read_bytes()).decode("utf-8").split("\n")
    assert lines == sorted(lines) and all(" " in line for line in lines)
    assert "rise" in antonyms("fall") and "fall" in antonyms("rise")
    assert opposes(["fall"], {"rise", "spring"}) and not opposes(["fall"], {"rise", "fall"})
    assert not opposes(["climb"], {"rise"}) and not opposes([""], {"rise"})


def test_the_table_is_small_sorted_and_licensed() -> None:
    path = package_file("flashgen", TABLE)
    assert path.stat().st_size < 2_000_000
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    assert lines == sorted(lines) and all(" " in line for line in lines)
    assert "Princeton University" in package_file("flashgen", "indexes/WORDNET-LICENSE").read_text()
    assert {"match", "equal"} <= thesaurus("rival")
    assert thesaurus("rivalry") != thesaurus("rival")  # a key is matched whole, not as a prefix
    assert thesaurus("zzzz") == frozenset() and thesaurus("") == frozenset()
