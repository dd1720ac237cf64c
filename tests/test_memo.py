"""Memo tables of one article (:mod:`flashgen.memo`): forgotten between the articles of a batch."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from flashgen import data, memo, pipeline
from flashgen.align.features import zh_features
from flashgen.options import Options
from flashgen.pipeline import Source, build_decks

from .paths import EXAMPLES


def test_an_article_memo_is_emptied_for_the_next_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "_FORGET", [])  # this test's table only
    calls: list[str] = []

    @memo.per_article
    @cache
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert length("一句话") == length("一句话") == 3 and calls == ["一句话"]
    memo.next_article()
    assert length.cache_info().currsize == 0
    assert length("一句话") == 3 and calls == ["一句话"] * 2  # worked out again, to the same value


def test_a_batch_forgets_before_each_article_and_each_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two articles, two decks: four moments to forget, the first article's sentences gone when the
    second is read (a batch of 42 held about 45 MB of such answers at its end)."""
    events: list[str] = []

    def forget() -> None:
        events.append("forget")
        memo.next_article()

    def step(_name: str, step: str) -> None:
        events.append(step if step != "reading" else f"reading {zh_features.cache_info().currsize}")

    monkeypatch.setattr(pipeline, "next_article", forget)
    sources = [Source(article=EXAMPLES / name) for name in ("demo-article.txt", "alternating-article.txt")]
    build_decks(sources, tmp_path, Options(), on_step=step)
    assert events == ["forget", "reading 0", "analysing"] * 2 + ["writing", "forget", "forget"]


def test_jieba_forgets_its_remembered_sentences_with_the_article() -> None:
    """The word graph and route of each block cut; the fragments' counts stay (words recur)."""
    tokenizer = data.jieba_tokenizer()
    table = tokenizer.FREQ
    first = tokenizer.lcut("银行行长说，长江大桥长一千米。")
    assert "长江大桥长一千米" in table._dags and "长江大桥长一千米" in table._routes
    memo.next_article()
    assert not table._dags and not table._routes
    assert tokenizer.lcut("银行行长说，长江大桥长一千米。") == first
