"""An article pairs the same in every layout, whatever its headline's punctuation.

In the alternating layout a headline that ends in a question mark on one
side only looked like a paragraph, and every pair after it was shifted by one
line: each card's English then translated the paragraph before its Chinese.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashgen.align import align_article
from flashgen.options import Options
from flashgen.pipeline import Source, load_article
from flashgen.text import read_article
from flashgen.types import Article

from .paths import EXAMPLES, SHARED

ARTICLES = [EXAMPLES / "demo-article.txt", EXAMPLES / "alternating-article.txt"]
SEED = SHARED / "corpus" / "seed-article.txt"


def _pairs(article: Article) -> list[tuple[str, str]]:
    return [(p.zh, p.en) for p in align_article(article)]


def _alternating(article: Article, title_en: str, title_zh: str, blank_lines: bool) -> str:
    """The article written one language per line, English first, under the given headline."""
    lines = [title_en, title_zh]
    for paragraph in article.paragraphs:
        lines += [" ".join(paragraph.en), "".join(paragraph.zh)]
    return ("\n\n" if blank_lines else "\n").join(lines) + "\n"


def _headlines(article: Article) -> dict[str, tuple[str, str]]:
    en, zh = article.title_en.rstrip("?？"), article.title_zh.rstrip("?？")
    return {
        "plain": (en, zh),
        "Chinese asks": (en, zh + "？"),
        "English asks": (en + "?", zh),
        "both ask": (en + "?", zh + "？"),
    }


@pytest.mark.parametrize("path", [*ARTICLES, *([SEED] if SEED.is_file() else [])], ids=lambda p: p.name)
@pytest.mark.parametrize("headline", ["plain", "Chinese asks", "English asks", "both ask"])
@pytest.mark.parametrize("blank_lines", [False, True], ids=["packed", "spaced"])
def test_alternating_layout_pairs_as_the_original(
    path: Path, headline: str, blank_lines: bool, tmp_path: Path
) -> None:
    original = read_article(path, Options())
    title_en, title_zh = _headlines(original)[headline]
    rewritten = tmp_path / "article.txt"
    rewritten.write_text(_alternating(original, title_en, title_zh, blank_lines), encoding="utf-8")
    article = load_article(Source(article=rewritten), Options())
    expected = _pairs(original)[1:]  # the body: the headline changed
    body = [
        pair for pair in _pairs(article) if pair[0] not in (title_zh, "") or pair[1] not in (title_en, "")
    ]
    assert [p for p in body if p[0] != title_zh and p[1] != title_en] == expected
