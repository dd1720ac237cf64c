"""The reader on real layouts, encodings and line ends, driven by tests/cases/reader*.json.

Each case writes real bytes to a file and reads it the way the CLI does, so
decoding, layout detection, titles and sentence splitting are tested together.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashgen.errors import FlashgenError
from flashgen.options import Layout, Options
from flashgen.text import parse_article, read_article, read_presplit, read_two_files
from flashgen.text.decoding import decode
from flashgen.text.languages import join_lines, language, separate
from flashgen.types import Article

from ..paths import EXAMPLES, SHARED, load_cases, shared_file


def _cases(name: str) -> list[dict[str, Any]]:
    return load_cases(__file__, name)["cases"]  # type: ignore[no-any-return]


def _expect(case: dict[str, Any], read: Any) -> None:
    """Check ``read()`` against a case: an error substring, or titles and paragraphs."""
    if "error" in case:
        with pytest.raises(FlashgenError) as raised:
            read()
        assert case["error"] in str(raised.value)
        assert "\n" not in str(raised.value)
        assert raised.value.exit_code == case.get("exit_code", 1)
        return
    article = read()
    assert (article.title_en, article.title_zh) == (case["title_en"], case["title_zh"])
    got = [{"en": list(p.en), "zh": list(p.zh)} for p in article.paragraphs]
    assert got == case["paragraphs"]


@pytest.mark.parametrize("case", _cases("reader.json"), ids=lambda c: c["name"])
def test_read_article(case: dict[str, Any], tmp_path: Path) -> None:
    text = case.get("line_end", "\n").join(case["lines"])
    data = bytes.fromhex(case.get("bom", "")) + text.encode(case.get("encoding", "utf-8"))
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    options = Options(layout=Layout(case.get("layout", "auto")))
    _expect(case, lambda: read_article(path, options))


@pytest.mark.parametrize("case", _cases("reader_two_files.json"), ids=lambda c: c["name"])
def test_read_two_files(case: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text(case["zh"], encoding="utf-8")
    (tmp_path / "en.txt").write_text(case["en"], encoding="utf-8")
    _expect(case, lambda: read_two_files(tmp_path / "zh.txt", tmp_path / "en.txt", Options()))


def test_presplit_keeps_every_line_as_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "zh").write_bytes("第一句。\r\n\r\n  第三句 \r\n".encode())
    (tmp_path / "en").write_bytes(codecs.BOM_UTF8 + b"One.\nTwo.\n\nFour.")
    zh, en = read_presplit(tmp_path / "zh", tmp_path / "en")
    assert zh == ["第一句。", "", "  第三句 "]
    assert en == ["One.", "Two.", "", "Four."]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "has no text"),
        (lambda p: p.write_bytes(b" \n\t\r\n"), "has no text"),
        (lambda p: p.write_bytes(bytes(range(256)) * 4), "binary"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00\xd8"), "UTF-16"),
    ],
    ids=["missing", "directory", "empty", "whitespace", "binary", "broken UTF-16"],
)
def test_unreadable_files_name_the_file(tmp_path: Path, setup: Any, message: str) -> None:
    path = tmp_path / "article.txt"
    setup(path)
    for read in (lambda: read_article(path, Options()), lambda: read_presplit(path, path)):
        with pytest.raises(FlashgenError) as raised:
            read()
        assert str(path) in str(raised.value) and message in str(raised.value)


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("flashgen.text.files.MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("The buses are quiet. 公交车很安静。\n" * 100, encoding="utf-8")
    with pytest.raises(FlashgenError, match="more than"):
        read_article(path, Options())


def test_gb18030_fallback_only_when_utf8_fails() -> None:
    text = "公交车很安静。The buses are quiet."
    assert decode(text.encode("utf-8"), "x") == text
    assert decode(text.encode("gb18030"), "x") == text


# --- real articles ----------------------------------------------------------


def test_seed_article_sentences_match_the_gold_beads() -> None:
    """Every gold snippet lies inside exactly one sentence, and no sentence holds two beads.

    The gold is independent of any splitter, so this checks the splitter cuts
    the seed where its translator did: never inside a bead, always between.
    """
    seed, gold_path = shared_file("corpus", "seed-article.txt"), shared_file("gold", "seed-alignment.json")
    article = read_article(seed, Options())
    assert article.title_en.startswith("The US government") and article.title_zh.startswith("美国政府")
    assert all(p.en and p.zh for p in article.paragraphs)
    sides = {
        "zh": [article.title_zh, *(s for p in article.paragraphs for s in p.zh)],
        "en": [article.title_en, *(s for p in article.paragraphs for s in p.en)],
    }
    beads = json.loads(gold_path.read_text(encoding="utf-8"))["beads"]
    for side, sentences in sides.items():
        owner: dict[int, int] = {}
        for bead_index, bead in enumerate(beads):
            for snippet in bead[side]:
                hits = [i for i, sentence in enumerate(sentences) if snippet in sentence]
                assert len(hits) == 1, (side, snippet, hits)
                assert owner.setdefault(hits[0], bead_index) == bead_index, (side, snippet)
        assert len(owner) == len(sentences), f"{side}: a sentence belongs to no bead"


@pytest.mark.parametrize("name", ["demo-article.txt", "alternating-article.txt"])
def test_example_articles_read_cleanly(name: str) -> None:
    article = read_article(EXAMPLES / name, Options())
    assert article.title_en and article.title_zh
    assert len(article.paragraphs) >= 8
    assert all(p.en and p.zh for p in article.paragraphs)
    en = [s for p in article.paragraphs for s in p.en]
    zh = [s for p in article.paragraphs for s in p.zh]
    assert not any(_has_han(s) for s in en)
    assert all(_has_han(s) for s in zh)


def test_demo_article_has_the_quick_start_shape() -> None:
    article = read_article(EXAMPLES / "demo-article.txt", Options())
    assert len(article.paragraphs) >= 10
    counts = {(len(p.en), len(p.zh)) for p in article.paragraphs}
    assert (1, 2) in counts and (2, 1) in counts  # the aligner needs 1-2 and 2-1 beads
    text = (EXAMPLES / "demo-article.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line]
    assert lines[0] == lines[1] == article.title_en  # the seed layout repeats the English title


def _article_paths() -> list[Path]:
    seed = SHARED / "corpus" / "seed-article.txt"
    return [EXAMPLES / "demo-article.txt", *([seed] if seed.is_file() else [])]


def _layouts(article: Article) -> dict[str, str]:
    """The same article written out in the other layouts the reader detects."""
    paragraphs = [("".join(p.zh), " ".join(p.en)) for p in article.paragraphs]
    titles = [article.title_en, article.title_zh]
    return {
        "Chinese first, spaced": "\n\n".join(titles + [f"{zh} {en}" for zh, en in paragraphs]),
        "Chinese first, unspaced": "\n".join(titles + [zh + en for zh, en in paragraphs]),
        "alternating": "\n".join(titles + [line for zh, en in paragraphs for line in (en, zh)]),
        "alternating, Chinese first": "\n\n".join(titles + [f"{zh}\n{en}" for zh, en in paragraphs]),
    }


@pytest.mark.parametrize("path", _article_paths(), ids=lambda p: p.name)
def test_every_layout_of_an_article_reads_the_same(path: Path) -> None:
    article = read_article(path, Options())
    for name, text in _layouts(article).items():
        again = parse_article(text, name, Layout.AUTO)
        assert (again.title_en, again.title_zh) == (article.title_en, article.title_zh), name
        assert again.paragraphs == article.paragraphs, name


def test_two_file_example_pairs_every_paragraph() -> None:
    article = read_two_files(EXAMPLES / "two-files" / "zh.txt", EXAMPLES / "two-files" / "en.txt", Options())
    assert article.title_en and article.title_zh and len(article.paragraphs) >= 5
    assert all(p.en and p.zh for p in article.paragraphs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《River Weekly》主编是 Mara Lind。", "zh"),  # names are shared, Han decides
        ("The word 面子 means face.", "en"),  # a quoted Chinese word stays English
        ("CEO Tim Marsh 说，NASA 的预算会增加。", "zh"),
    ],
)
def test_language_counts_han_against_lowercase_words(text: str, expected: str) -> None:
    assert language(text) == expected


def test_join_lines_puts_a_space_only_between_latin_text() -> None:
    assert (
        join_lines(["The river rose", "overnight.", "河水一夜之间", "上涨了。"])
        == "The river rose overnight.河水一夜之间上涨了。"
    )


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# --- properties -------------------------------------------------------------

_FRAGMENTS = [
    *("The ", "U.S. ", "Dr. ", "buses. ", "公交车很安静。", "“", "”", "《", "》", "(", ")", "...", "。”"),
    *("\n", "\r\n", "\t", "\u200b", "\u202e", "مرحبا", "😀", "\x00", "\x1b", "**", "_", "# ", '."', '"', "?"),
]
_mixed_text = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(_FRAGMENTS)), max_size=40).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_mixed_text, layout=st.sampled_from([Layout.AUTO, Layout.SAME_LINE, Layout.ALTERNATING]))
def test_parse_article_returns_an_article_or_a_user_error(text: str, layout: Layout) -> None:
    try:
        article = parse_article(text, "x.txt", layout)
    except FlashgenError as error:
        assert "\n" not in str(error) and str(error).startswith("x.txt: ")
        return
    assert isinstance(article, Article)
    assert any(p.en for p in article.paragraphs) and any(p.zh for p in article.paragraphs)
    assert all(s.strip() == s and s for p in article.paragraphs for s in (*p.en, *p.zh))


@settings(max_examples=300)
@given(line=_mixed_text.map(str.strip))
def test_separate_cuts_a_line_without_losing_text(line: str) -> None:
    chunks = separate(line)
    assert 1 <= len(chunks) <= 2 and len({lang for lang, _ in chunks}) == len(chunks)
    assert "".join("".join(text.split()) for _, text in chunks) == "".join(line.split())


@settings(max_examples=200)
@given(data=st.binary(max_size=400))
def test_decode_returns_text_or_a_user_error(data: bytes) -> None:
    try:
        assert isinstance(decode(data, "x.txt"), str)
    except FlashgenError as error:
        assert str(error).startswith("x.txt: ")


def test_a_long_single_line_is_read_in_linear_time() -> None:
    """Two million characters on one line: a quadratic step would not finish."""
    line = "The U.S. buses (quiet). " * 40_000 + "公交车很安静。" * 40_000
    article = parse_article(line, "long.txt", Layout.AUTO)
    assert len(article.paragraphs) == 1 and len(article.paragraphs[0].zh) == 40_000
