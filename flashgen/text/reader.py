"""Read a bilingual article: file → text → layout → titles and paragraph pairs.

All file reading in flashgen happens here, so every problem a user can fix (a
missing file, binary data, a text with no Chinese) becomes one
:class:`FlashgenError` naming the file, before any other stage runs.  Bytes
become clean text in :mod:`flashgen.text.decoding`; lines are told apart by
script in :mod:`flashgen.text.languages`; this module finds the layout, the titles
and which paragraphs translate each other.  See ``docs/reader.md``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import FlashgenError, UsageError
from ..options import Layout, Options
from ..types import Article, ParagraphPair, two_file_source
from .decoding import clean_lines, decode
from .files import NO_TEXT, read_bytes
from .languages import Chunk, join_lines, language, separate
from .sentences import CLOSERS, FINALS, HAN_RE, LATIN_WORD_RE, split_chinese, split_english

#: Hiragana and katakana, and the share of them among CJK characters above which a text is Japanese.
_KANA_RE = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_KANA_SHARE = 0.1
#: A title is a short line; anything longer is a paragraph.
_MAX_TITLE_CHARS = 200
#: A line ending in one of these is a sentence or clause, not a headline.
_NOT_TITLE_ENDS = FINALS + ";；:：,，"


def read_article(path: Path, options: Options) -> Article:
    """Read one article file; ``options.layout`` forces a layout (AUTO detects)."""
    return read_layouts(path, options)[0]


def read_layouts(path: Path, options: Options) -> tuple[Article, ...]:
    """Every plausible reading of one article file's layout, the likeliest first.

    See :func:`parse_layouts`; the caller that can align them chooses.
    """
    return parse_layouts(decode(read_bytes(path), str(path)), str(path), options.layout)


def read_two_files(zh_path: Path, en_path: Path, options: Options) -> Article:
    """Read an article given as a Chinese file and an English file.

    Paragraphs are separated by blank lines (a file without blank lines has
    one paragraph per line).  A first short paragraph of one line without
    final punctuation is that file's title.  When the two files have different
    numbers of paragraphs, the paragraphs cannot be trusted to correspond, so
    the whole text becomes one paragraph pair and the aligner pairs sentences.
    ``options`` is accepted for symmetry with :func:`read_article`.
    """
    del options  # the layout is given by having two files
    zh_title, zh_blocks = _file_blocks(zh_path)
    en_title, en_blocks = _file_blocks(en_path)
    if not any(HAN_RE.search(b) for b in zh_blocks):
        swapped = any(HAN_RE.search(b) for b in en_blocks)
        hint = " (are --zh and --en swapped?)" if swapped else ""
        raise FlashgenError(f"{zh_path}: no Chinese text found{hint}")
    _refuse_japanese(str(zh_path), "".join(zh_blocks))
    if not any(LATIN_WORD_RE.search(b) for b in en_blocks):
        raise FlashgenError(f"{en_path}: no English text found")
    zh_sentences = [split_chinese(b) for b in zh_blocks]
    en_sentences = [split_english(b) for b in en_blocks]
    if len(zh_sentences) == len(en_sentences):
        pairs = [ParagraphPair(tuple(e), tuple(z)) for e, z in zip(en_sentences, zh_sentences, strict=True)]
    else:
        pairs = [ParagraphPair(_flat(en_sentences), _flat(zh_sentences))]
    return Article(en_title, zh_title, tuple(pairs), two_file_source(zh_path, en_path))


def read_presplit(zh_path: Path, en_path: Path) -> tuple[list[str], list[str]]:
    """Read two files of one sentence per line, for ``flashgen align --presplit``.

    Every line is a sentence, empty ones included, because sentence ids are
    line numbers (0-based) and must match the caller's gold alignment; only the
    line end (``\\n``, ``\\r\\n``) is removed.  A final newline does not start
    another sentence.
    """
    return _presplit_lines(zh_path), _presplit_lines(en_path)


def parse_article(text: str, source: str, layout: Layout) -> Article:
    """Titles and paragraph pairs from the text of a one-file article (its likeliest reading)."""
    return parse_layouts(text, source, layout)[0]


def parse_layouts(text: str, source: str, layout: Layout) -> tuple[Article, ...]:
    """The plausible readings of a one-file article's layout, the likeliest first.

    Each non-blank line is cut into its English and Chinese parts (same-line
    layout) or taken whole as one language (alternating layout); AUTO picks
    same-line when at least half the prose lines (those that do not look like
    titles) hold both languages.  Leading one-language lines are titles; the
    rest is a stream of language chunks in which each run of the first
    language is paired with the run of the other language that follows it.

    In the alternating layout which line starts a paragraph depends on how many
    lines the headline takes, and punctuation cannot always tell: an English
    headline over a Chinese one that ends in "？" looks like a title followed by
    a paragraph, and every pair after it would be shifted by one line.  So the
    readings with none, one or two leading lines as titles follow the likeliest
    one, for a caller that can align them to choose (``pipeline.load_article``).
    """
    if layout is Layout.PRESPLIT:
        raise UsageError(f"{source}: the presplit layout needs two files (--zh and --en)")
    lines = [line for line in clean_lines(text) if line]
    if not lines:
        raise FlashgenError(f"{source}: {NO_TEXT}")
    _require_languages(source, bool(HAN_RE.search(text)), bool(LATIN_WORD_RE.search(text)))
    _refuse_japanese(source, text)
    split_lines = [separate(line) for line in lines]
    same_line = _is_same_line(lines, split_lines, layout)
    per_line = split_lines if same_line else [[(language(line), line)] for line in lines]
    titles, body = _take_titles(per_line, same_line)
    likeliest = _article(titles, body, source)
    _require_languages(
        source, any(p.zh for p in likeliest.paragraphs), any(p.en for p in likeliest.paragraphs)
    )
    readings = [likeliest]
    for count in () if same_line else (0, 1, 2):
        other = _titled(per_line, count, source)
        if other is not None and other not in readings:
            readings.append(other)
    return tuple(readings)


def _article(titles: dict[str, str], body: list[list[Chunk]], source: str) -> Article:
    paragraphs = _pair_chunks([chunk for chunks in body for chunk in chunks], _leading_language(body))
    return Article(titles.get("en", ""), titles.get("zh", ""), paragraphs, source)


def _titled(lines: list[list[Chunk]], count: int, source: str) -> Article | None:
    """The reading with the first ``count`` lines as titles, if they can be (one per language)."""
    head, body = lines[:count], lines[count:]
    languages = [chunks[0][0] for chunks in head]
    if not body or len(set(languages)) < count or any(len(c[0][1]) > _MAX_TITLE_CHARS for c in head):
        return None
    article = _article({chunks[0][0]: _squeezed(chunks[0][1]) for chunks in head}, body, source)
    return article if all(p.en and p.zh for p in article.paragraphs[:1]) else None


def _require_languages(source: str, has_zh: bool, has_en: bool) -> None:
    """Refuse an article that lacks a language: there would be nothing to pair."""
    if not has_zh:
        raise FlashgenError(f"{source}: no Chinese text found")
    if not has_en:
        raise FlashgenError(f"{source}: no English text found")


def _refuse_japanese(source: str, text: str) -> None:
    """Refuse Japanese: its kanji pass for Chinese, and jieba would cut it into nonsense terms.

    Chinese text quotes a kana name now and then; Japanese prose is full of kana.
    """
    kana = len(_KANA_RE.findall(text))
    if kana > _KANA_SHARE * (kana + len(HAN_RE.findall(text))):
        raise FlashgenError(f"{source}: the text looks Japanese (it is full of kana), not Chinese")


def _is_same_line(lines: list[str], split_lines: list[list[Chunk]], layout: Layout) -> bool:
    """Whether each line holds a paragraph in both languages (see :func:`parse_article`)."""
    if layout is not Layout.AUTO:
        return layout is Layout.SAME_LINE
    mixed = sum(1 for chunks in split_lines if len(chunks) == 2)
    prose = sum(1 for line in lines if not _is_title_like(line))  # titles say nothing of the layout
    return mixed > 0 and 2 * mixed >= prose


# --- files ------------------------------------------------------------------


def _file_blocks(path: Path) -> tuple[str, list[str]]:
    """(title, paragraphs) of one language's file of a two-file article."""
    blocks = _blocks(clean_lines(decode(read_bytes(path), str(path))))
    if not blocks:
        raise FlashgenError(f"{path}: {NO_TEXT}")
    title = ""
    if len(blocks) > 1 and len(blocks[0]) == 1 and _is_title_like(blocks[0][0]):
        title = _squeezed(blocks.pop(0)[0])
    return title, [join_lines(b) for b in blocks]


def _blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped into paragraphs at blank lines; without any, one paragraph per line."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    return [[line] for line in blocks[0]] if len(blocks) == 1 else blocks


def _presplit_lines(path: Path) -> list[str]:
    text = decode(read_bytes(path), str(path))
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


# --- titles and paragraphs --------------------------------------------------


def _is_title_like(text: str) -> bool:
    """Short and without final punctuation, as headlines are."""
    core = text.rstrip(CLOSERS + " ")
    return 0 < len(text) <= _MAX_TITLE_CHARS and not (core and core[-1] in _NOT_TITLE_ENDS)


def _take_titles(lines: list[list[Chunk]], same_line: bool) -> tuple[dict[str, str], list[list[Chunk]]]:
    """Split leading title lines off: at most one distinct title per language.

    A title may be repeated (the seed layout gives the English title twice).
    In the same-line layout any one-language line before the first paragraph
    is a title; otherwise a title must also look like one (short, without
    final punctuation), or it would swallow an untitled article's first
    paragraph.
    """
    titles: dict[str, str] = {}
    for index, chunks in enumerate(lines):
        is_title = all(
            titles.get(lang, _squeezed(text)) == _squeezed(text)
            and len(text) <= _MAX_TITLE_CHARS
            and ((same_line and len(chunks) == 1) or _is_title_like(text))
            for lang, text in chunks
        )
        if not is_title or index == len(lines) - 1:
            return titles, lines[index:]
        for lang, text in chunks:
            titles[lang] = _squeezed(text)
    return titles, []


def _leading_language(lines: list[list[Chunk]]) -> str:
    """The language each paragraph starts with: the usual order of mixed lines.

    Without mixed lines (alternating layout) it is the first line's language.
    """
    orders = [chunks[0][0] for chunks in lines if len(chunks) == 2]
    if orders:
        return max(("en", "zh"), key=orders.count)
    return lines[0][0][0] if lines else "en"


def _pair_chunks(chunks: list[Chunk], first: str) -> tuple[ParagraphPair, ...]:
    """Pair each run of the ``first`` language with the run of the other after it."""
    runs: list[dict[str, list[str]]] = []
    previous = ""
    for lang, text in chunks:
        if not runs or (lang == first and previous != first):
            runs.append({"en": [], "zh": []})
        split = split_chinese if lang == "zh" else split_english
        runs[-1][lang].extend(split(text))
        previous = lang
    return tuple(ParagraphPair(tuple(run["en"]), tuple(run["zh"])) for run in runs)


def _squeezed(text: str) -> str:
    """Whitespace runs as single spaces, so a repeated title compares equal."""
    return " ".join(text.split())


def _flat(paragraphs: list[list[str]]) -> tuple[str, ...]:
    return tuple(sentence for paragraph in paragraphs for sentence in paragraph)
