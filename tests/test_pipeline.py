"""The whole pure pipeline on arbitrary text: an analysis or a FlashgenError, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashgen.errors import FlashgenError
from flashgen.options import Layout, Options
from flashgen.pipeline import analyse
from flashgen.text import parse_article

#: Pieces of real bilingual prose mixed with hostile text, so that many draws reach the aligner
#: and the picker instead of stopping at "no Chinese text found".
_PIECES = st.sampled_from(
    [
        "The city opened a new library. ",
        "市政府开放了一座新图书馆。",
        "Export controls were tightened on Friday. ",
        "周五,出口管制进一步收紧。",
        "Dr. Li said: “It works.” ",
        "李博士说:“有效。”",
        "<script>alert(1)</script>",
        "{{c1::x}} [sound:x.mp3]",
        "\u202eRTL\u202c",
        "😀",
        "\x00\x07",
        "\n",
        "\n\n",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=25).map("".join)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from(list(Layout)))
def test_any_text_gives_an_analysis_or_a_user_error(text: str, layout: Layout) -> None:
    try:
        article = parse_article(text, "fuzz.txt", layout)
    except FlashgenError as error:
        assert "fuzz.txt" in str(error) and "\n" not in str(error)
        return
    try:
        analysis = analyse(article, Options(max_words=10))
    except FlashgenError as error:  # nothing worth a card in it
        assert "fuzz.txt" in str(error) and "\n" not in str(error)
        return
    assert 1 <= len(analysis.terms) <= 10
    zh_count = bool(article.title_zh) + sum(len(p.zh) for p in article.paragraphs)
    en_count = bool(article.title_en) + sum(len(p.en) for p in article.paragraphs)
    assert [i for pair in analysis.pairs for i in pair.zh_ids] == list(range(zh_count))
    assert [j for pair in analysis.pairs for j in pair.en_ids] == list(range(en_count))
    for term in analysis.terms:
        assert term.word.simplified in term.example.zh
        assert term.word.pinyin and term.word.meaning
