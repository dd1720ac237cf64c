"""Read a bilingual article: bytes → text → layout → titles and paragraph pairs.

All file reading in flashgen happens here, so every problem a user can fix (a
missing file, binary data, a text with no Chinese) becomes one
:class:`FlashgenError` naming the file, before any other stage runs.

Languages are told apart by *script*, never by punctuation: Chinese text uses
half-width ``, : ? ( )`` as often as ``，：？（）``, and a Chinese sentence may
start with a Latin name ("Anthropic 表示…") or a quoted title ("《Tech Policy
Press》编辑…").  A piece of text is Chinese when it has more Han characters
than lowercase Latin words (names are shared, see :func:`_language`).
See ``docs/README-reader.md`` for the layouts.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .errors import FlashgenError, UsageError
from .options import Layout, Options
from .sentences import CLOSERS, HAN_RE, LATIN_WORD_RE, OPENERS, split_chinese, split_english
from .types import Article, ParagraphPair

#: Larger files are refused: a news article is well under 100 KB and a whole
#: novel under 5 MB, while reading, aligning and segmenting cost about a
#: second per MB, so refusing early keeps a stray 50 MB dump from costing minutes.
MAX_BYTES = 10 * 1024 * 1024

#: A title is a short line; anything longer is a paragraph.
_MAX_TITLE_CHARS = 200
#: Share of control characters above which decoded "text" is really binary.
_MAX_CONTROL_SHARE = 0.01

_Chunk = tuple[str, str]  # ("en" | "zh", text)

_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_MARKDOWN_LINE_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)")
_MARKDOWN_RULE_RE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_EMPHASIS_RES = (
    re.compile(r"\*\*([^*\n]+)\*\*"),
    re.compile(r"__([^_\n]+)__"),
    re.compile(r"(?<![\w*])\*([^*\s][^*\n]*)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_([^_\s][^_\n]*)_(?![\w_])"),
)
#: Where a sentence or clause may end inside a mixed line: final punctuation
#: and its closing quotes.  Over-splitting is harmless here: these pieces only
#: locate the point where one language gives way to the other.
_PIECE_END_RE = re.compile(f"[.!?…。！？；]+[{re.escape(CLOSERS)}]*")
_FINAL_PUNCTUATION = ".!?…。！？;；:：,，"


def read_article(path: Path, options: Options) -> Article:
    """Read one article file; ``options.layout`` forces a layout (AUTO detects)."""
    text = decode(_read_bytes(path), str(path))
    return parse_article(text, str(path), options.layout)


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
    if not any(LATIN_WORD_RE.search(b) for b in en_blocks):
        raise FlashgenError(f"{en_path}: no English text found")
    zh_sentences = [split_chinese(b) for b in zh_blocks]
    en_sentences = [split_english(b) for b in en_blocks]
    if len(zh_sentences) == len(en_sentences):
        pairs = [ParagraphPair(tuple(e), tuple(z)) for e, z in zip(en_sentences, zh_sentences, strict=True)]
    else:
        pairs = [ParagraphPair(_flat(en_sentences), _flat(zh_sentences))]
    return Article(en_title, zh_title, tuple(pairs), f"{zh_path} + {en_path}")


def read_presplit(zh_path: Path, en_path: Path) -> tuple[list[str], list[str]]:
    """Read two files of one sentence per line, for ``flashgen align --presplit``.

    Every line is a sentence, empty ones included, because sentence ids are
    line numbers (0-based) and must match the caller's gold alignment; only the
    line end (``\\n``, ``\\r\\n``) is removed.  A final newline does not start
    another sentence.
    """
    return _presplit_lines(zh_path), _presplit_lines(en_path)


def decode(data: bytes, source: str) -> str:
    """Bytes of a text file → str: BOM-marked UTF-8/UTF-16, else UTF-8, else GB18030.

    GB18030 is the superset of GBK and GB2312 that Chinese Windows tools save
    in; it is tried only when strict UTF-8 fails, since UTF-8 text almost
    never decodes as anything else by accident.  NUL bytes (outside UTF-16)
    or many control characters mean the file is not text at all.
    """
    codec = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    elif b"\x00" in data:
        codec = _utf16_without_bom(data)
        if not codec:
            raise FlashgenError(f"{source}: looks like binary data, not a text article")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        if codec != "utf-8":
            name = codec.upper().removesuffix("-SIG")
            raise FlashgenError(f"{source}: looks like {name} but is not valid {name} text") from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise FlashgenError(f"{source}: is neither UTF-8 nor GB18030 text") from None
    if "\x00" in text or len(_CONTROL_RE.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise FlashgenError(f"{source}: looks like binary data, not a text article")
    return text


def _utf16_without_bom(data: bytes) -> str:
    """The codec ("utf-16-le"/"utf-16-be") when NUL bytes sit where UTF-16 puts them, else "".

    Latin letters, digits, spaces and line ends in UTF-16 have one zero byte
    each, always on the same side (a Han character like 一, U+4E00, may put
    one on the other side); binary data scatters its NULs.
    """
    if len(data) % 2:
        return ""
    high, low = data[1::2].count(0), data[0::2].count(0)
    if high > 0.2 * len(data) / 2 and low < high / 4:
        return "utf-16-le"
    if low > 0.2 * len(data) / 2 and high < low / 4:
        return "utf-16-be"
    return ""


def parse_article(text: str, source: str, layout: Layout) -> Article:
    """Titles and paragraph pairs from the text of a one-file article.

    Each non-blank line is cut into its English and Chinese parts (same-line
    layout) or taken whole as one language (alternating layout); AUTO picks
    same-line when at least half the prose lines (those that do not look like
    titles) hold both languages.  Leading one-language lines are titles; the
    rest is a stream of language chunks in which each run of the first
    language is paired with the run of the other language that follows it.
    """
    if layout is Layout.PRESPLIT:
        raise UsageError(f"{source}: the presplit layout needs two files (--zh and --en)")
    lines = [line for line in _clean_lines(text) if line]
    if not lines:
        raise FlashgenError(f"{source}: has no text (empty or whitespace only)")
    if not HAN_RE.search(text):
        raise FlashgenError(f"{source}: no Chinese text found")
    if not LATIN_WORD_RE.search(text):
        raise FlashgenError(f"{source}: no English text found")
    split_lines = [_separate(line) for line in lines]
    mixed = sum(1 for chunks in split_lines if len(chunks) == 2)
    prose = sum(1 for line in lines if not _is_title_like(line))  # titles say nothing of the layout
    same_line = layout is Layout.SAME_LINE or (layout is Layout.AUTO and mixed > 0 and 2 * mixed >= prose)
    per_line = split_lines if same_line else [[(_language(line), line)] for line in lines]
    titles, body = _take_titles(per_line, same_line)
    paragraphs = _pair_chunks([chunk for chunks in body for chunk in chunks], _leading_language(body))
    if not any(p.zh for p in paragraphs):
        raise FlashgenError(f"{source}: no Chinese text found")
    if not any(p.en for p in paragraphs):
        raise FlashgenError(f"{source}: no English text found")
    return Article(titles.get("en", ""), titles.get("zh", ""), paragraphs, source)


# --- files ------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line error for what cannot be an article file."""
    try:
        if not path.exists():
            raise FlashgenError(f"{path}: no such file")
        if path.is_dir():
            raise FlashgenError(f"{path}: is a directory, not an article file")
        if not path.is_file():
            raise FlashgenError(f"{path}: is not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FlashgenError(
                f"{path}: is {size / 2**20:.1f} MB, more than the {MAX_BYTES // 2**20} MB an article may have"
            )
        data = path.read_bytes()
    except OSError as error:
        raise FlashgenError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise FlashgenError(f"{path}: has no text (empty or whitespace only)")
    return data


def _file_blocks(path: Path) -> tuple[str, list[str]]:
    """(title, paragraphs) of one language's file of a two-file article."""
    lines = _clean_lines(decode(_read_bytes(path), str(path)))
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if len(blocks) == 1:  # no blank lines: one paragraph per line
        blocks = [[line] for line in blocks[0]]
    if not blocks:
        raise FlashgenError(f"{path}: has no text (empty or whitespace only)")
    title = ""
    if len(blocks) > 1 and len(blocks[0]) == 1 and _is_title_like(blocks[0][0]):
        title = " ".join(blocks.pop(0)[0].split())
    return title, [_join_lines(b) for b in blocks]


def _presplit_lines(path: Path) -> list[str]:
    text = decode(_read_bytes(path), str(path))
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


# --- lines ------------------------------------------------------------------


def _clean_lines(text: str) -> list[str]:
    """Lines stripped of invisible characters and stray Markdown ("" = blank line)."""
    text = unicodedata.normalize("NFC", text)
    return [_strip_markdown(_INVISIBLE_RE.sub("", line)).strip() for line in text.splitlines()]


def _strip_markdown(line: str) -> str:
    """Drop heading marks, quote marks, rules and emphasis: the words stay."""
    if _MARKDOWN_RULE_RE.match(line):
        return ""
    line = _MARKDOWN_LINE_RE.sub("", line)
    for pattern in _EMPHASIS_RES:
        line = pattern.sub(r"\1", line)
    return line


def _join_lines(lines: list[str]) -> str:
    """One paragraph from its hard-wrapped lines: a space only between Latin text."""
    joined = lines[0]
    for line in lines[1:]:
        gap = " " if _is_latin_edge(joined[-1]) and _is_latin_edge(line[0]) else ""
        joined += gap + line
    return joined


def _is_latin_edge(char: str) -> bool:
    return not HAN_RE.match(char) and unicodedata.east_asian_width(char) not in "WF"


def _is_title_like(text: str) -> bool:
    """Short and without final punctuation, as headlines are."""
    core = text.rstrip(CLOSERS + " ")
    return 0 < len(text) <= _MAX_TITLE_CHARS and not (core and core[-1] in _FINAL_PUNCTUATION)


# --- languages --------------------------------------------------------------


def _language(text: str) -> str:
    """ "zh" when the text has more Han characters than lowercase Latin words.

    Capitalised words and acronyms are names ("Tech Policy Press", "CEO Andy
    Jassy") that both languages share, so only lowercase words count as
    English: "《Tech Policy Press》编辑是 Justin Hendrix。" is Chinese, "The
    word 关系 means connections." is English.
    """
    han = len(HAN_RE.findall(text))
    return "zh" if han > sum(1 for word in LATIN_WORD_RE.findall(text) if word.islower()) else "en"


def _piece_language(text: str) -> str | None:
    """Like :func:`_language`, but None for a piece with no letters at all."""
    if not HAN_RE.search(text) and not LATIN_WORD_RE.search(text):
        return None
    return _language(text)


def _separate(line: str) -> list[_Chunk]:
    """A line's language chunks, in order: one chunk, or two for a mixed line.

    The line is cut into sentence-like pieces, each labelled by script, and
    split where the fewest pieces land on the wrong side (see
    :func:`_best_cut`).  When no cut between pieces works, an English phrase
    without final punctuation may still precede or follow the Chinese
    ("Electric buses 电动公交").
    """
    if not HAN_RE.search(line):
        return [("en", line)]
    if not LATIN_WORD_RE.search(line):
        return [("zh", line)]
    pieces = list(_pieces(line))
    first, index = _best_cut([_piece_language(line[a:b]) for a, b in pieces])
    if 0 < index < len(pieces):
        return _chunks(line, pieces[index][0], first)
    cut = _unpunctuated_cut(line)
    if cut is not None:
        return _chunks(line, *cut)
    return [(first if index == len(pieces) else _other(first), line)]


def _best_cut(labels: list[str | None]) -> tuple[str, int]:
    """(first language, index of the first piece of the second) for the best cut.

    A cut's cost is the number of pieces whose label disagrees with their
    side.  Ties go to the cut with more English pieces: a Chinese piece is
    almost never labelled English, while an English sentence quoting Chinese
    ("the slogan 绿水青山就是金山银山 became policy.") may be labelled Chinese.
    The cut may fall at either end, leaving a one-language line.
    """
    best = (len(labels) + 1, 0, "en", len(labels))
    for first in ("en", "zh"):
        other = _other(first)
        wrong_before, wrong_after = 0, labels.count(first)
        for index in range(len(labels) + 1):
            english = index if first == "en" else len(labels) - index
            best = min(best, (wrong_before + wrong_after, -english, first, index))
            if index < len(labels):
                wrong_before += labels[index] == other
                wrong_after -= labels[index] == first
    return best[2], best[3]


def _other(language: str) -> str:
    return "zh" if language == "en" else "en"


def _chunks(line: str, cut: int, first: str) -> list[_Chunk]:
    parts = [(first, line[:cut].strip()), (_other(first), line[cut:].strip())]
    return [(lang, text) for lang, text in parts if text]


def _pieces(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentence-like pieces of a line, in order, lazily."""
    begin = 0
    for match in _PIECE_END_RE.finditer(line):
        end = match.end()
        if _piece_ends(line, match):
            yield begin, end
            begin = end
    if begin < len(line):
        yield begin, len(line)


def _piece_ends(line: str, match: re.Match[str]) -> bool:
    """A Chinese mark always ends a piece, and so does a half-width one after Han
    ("紧张?The …"); other marks when a space, an opener or Han follows."""
    end, start = match.end(), match.start()
    if any(ch in "。！？；" for ch in match.group()) or end == len(line):
        return True
    if start > 0 and HAN_RE.match(line[start - 1]):
        return True
    return line[end].isspace() or line[end] in OPENERS or bool(HAN_RE.match(line[end]))


def _unpunctuated_cut(line: str) -> tuple[int, str] | None:
    """(cut, first language) when English without final punctuation touches the Chinese.

    Only a Latin run with at least two words, one of them lowercase, counts as
    English (a Chinese sentence borrows names and acronyms, rarely plain
    lowercase English), and the rest must be clearly Chinese, so that an
    English sentence quoting a Chinese word stays whole.
    """
    first_han, last_han = HAN_RE.search(line), _last_han(line)
    if first_han is None or last_han is None:
        return None
    cut = line.rfind(" ", 0, first_han.start()) + 1
    if _looks_english(line[:cut]) and _clearly_chinese(line[cut:]):
        return cut, "en"
    cut = line.find(" ", last_han + 1)
    if cut >= 0 and _looks_english(line[cut:]) and _clearly_chinese(line[:cut]):
        return cut, "zh"
    return None


def _last_han(line: str) -> int | None:
    """Index of the last Han character, found by searching the reversed line."""
    match = HAN_RE.search(line[::-1])
    return None if match is None else len(line) - 1 - match.start()


def _clearly_chinese(text: str) -> bool:
    han = len(HAN_RE.findall(text))
    return han >= 2 and han >= 2 * len(LATIN_WORD_RE.findall(text))


def _looks_english(text: str) -> bool:
    words = LATIN_WORD_RE.findall(text)
    return len(words) >= 2 and any(len(w) > 1 and w.islower() for w in words)


# --- titles and paragraphs --------------------------------------------------


def _take_titles(lines: list[list[_Chunk]], same_line: bool) -> tuple[dict[str, str], list[list[_Chunk]]]:
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
            titles.get(lang, " ".join(text.split())) == " ".join(text.split())
            and len(text) <= _MAX_TITLE_CHARS
            and ((same_line and len(chunks) == 1) or _is_title_like(text))
            for lang, text in chunks
        )
        if not is_title or index == len(lines) - 1:
            return titles, lines[index:]
        for lang, text in chunks:
            titles[lang] = " ".join(text.split())
    return titles, []


def _leading_language(lines: list[list[_Chunk]]) -> str:
    """The language each paragraph starts with: the usual order of mixed lines.

    Without mixed lines (alternating layout) it is the first line's language.
    """
    orders = [chunks[0][0] for chunks in lines if len(chunks) == 2]
    if orders:
        return max(("en", "zh"), key=orders.count)
    return lines[0][0][0] if lines else "en"


def _pair_chunks(chunks: list[_Chunk], first: str) -> tuple[ParagraphPair, ...]:
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


def _flat(paragraphs: list[list[str]]) -> tuple[str, ...]:
    return tuple(sentence for paragraph in paragraphs for sentence in paragraph)
