"""Telling English from Chinese by script, and cutting a mixed line in two.

Languages are told apart by *script*, never by punctuation: Chinese text uses
half-width ``, : ? ( )`` as often as ``，：？（）``, and a Chinese sentence may
start with a Latin name ("Anthropic 表示…") or a quoted title ("《Tech Policy
Press》编辑…").  A piece of text is Chinese when it has more Han characters
than lowercase Latin words (names are shared, see :func:`language`).

The reader needs this to label a whole line (alternating layout), to find
where a same-line paragraph turns from one language to the other, and to
join hard-wrapped lines with a space only where the script wants one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .sentences import CLOSERS, FINALS, HAN_RE, LATIN_WORD_RE, OPENERS

#: A piece of a line in one language: ("en" | "zh", text).
Chunk = tuple[str, str]

#: Where a sentence or clause may end inside a mixed line: final punctuation
#: and its closing quotes.  Over-splitting is harmless here: these pieces only
#: locate the point where one language gives way to the other.
_PIECE_END_RE = re.compile(f"[{FINALS}；]+[{re.escape(CLOSERS)}]*")


def language(text: str) -> str:
    """ "zh" when the text has more Han characters than lowercase Latin words.

    Capitalised words and acronyms are names ("Tech Policy Press", "CEO Andy
    Jassy") that both languages share, so only lowercase words count as
    English: "《Tech Policy Press》编辑是 Justin Hendrix。" is Chinese, "The
    word 关系 means connections." is English.
    """
    han = len(HAN_RE.findall(text))
    return "zh" if han > sum(1 for word in LATIN_WORD_RE.findall(text) if word.islower()) else "en"


def separate(line: str) -> list[Chunk]:
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


def join_lines(lines: list[str]) -> str:
    """One paragraph from its hard-wrapped lines: a space only between Latin text.

    A line break inside Chinese is no word break, so it must not become a space.
    """
    joined = lines[0]
    for line in lines[1:]:
        gap = " " if _is_latin_edge(joined[-1]) and _is_latin_edge(line[0]) else ""
        joined += gap + line
    return joined


def _is_latin_edge(char: str) -> bool:
    return not HAN_RE.match(char) and unicodedata.east_asian_width(char) not in "WF"


def _piece_language(text: str) -> str | None:
    """Like :func:`language`, but None for a piece with no letters at all."""
    if not HAN_RE.search(text) and not LATIN_WORD_RE.search(text):
        return None
    return language(text)


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


def _other(lang: str) -> str:
    return "zh" if lang == "en" else "en"


def _chunks(line: str, cut: int, first: str) -> list[Chunk]:
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
