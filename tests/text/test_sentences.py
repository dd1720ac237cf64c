"""Sentence splitting, driven by tests/cases/sentences.json, plus invariants."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashgen.text.sentences import split_chinese, split_english

from ..paths import load_cases

CASES = load_cases(__file__, "sentences.json")


@pytest.mark.parametrize("case", CASES["english"], ids=lambda c: c["name"])
def test_split_english(case: dict[str, Any]) -> None:
    assert split_english(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", CASES["chinese"], ids=lambda c: c["name"])
def test_split_chinese(case: dict[str, Any]) -> None:
    assert split_chinese(case["text"]) == case["expected"]


_PIECES = [
    *("Dr. ", "U.S. ", "The ", "a.m. ", "3.5 ", "...", "…", "“", "”", '"', "(", ")", "（", "）", "《", "》"),
    *(
        "。",
        "！",
        "？",
        "?",
        "!",
        ". ",
        "。”",
        ".” ",
        "公交车",
        "安静",
        "Chen ",
        "\n",
        "\t",
        " ",
        "😀",
        "مرحبا",
    ),
]
_text = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(_PIECES)), max_size=60).map("".join)


def _letters(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=400)
@given(text=_text)
def test_splitting_loses_and_invents_nothing(text: str) -> None:
    """Sentences are non-empty, trimmed, and together hold exactly the input's characters."""
    for split in (split_english, split_chinese):
        sentences = split(text)
        assert all(s and s == s.strip() for s in sentences)
        assert _letters("".join(sentences)) == _letters(text)


def test_splitting_is_linear_on_pathological_lines() -> None:
    """Inputs that make backtracking regexes quadratic finish at once here."""
    lines = [
        "(" * 200_000,
        "《" * 200_000 + "。" * 200_000,
        "." * 400_000,
        "Mr. A. " * 60_000,
        '。"' * 200_000,
    ]
    for text in lines:
        assert _letters("".join(split_english(text))) == _letters(text)
        assert _letters("".join(split_chinese(text))) == _letters(text)
