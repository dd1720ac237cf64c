"""The plain, frozen values that flow from one pipeline stage to the next.

``Article`` (reader) → ``SentencePair`` (aligner) → ``Term`` (picker) → deck.
Each stage is a pure function of these values, so any stage can be tested,
replaced or run on its own (``flashgen align``, ``flashgen words``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True)
class ParagraphPair:
    """One paragraph in both languages, already split into sentences."""

    en: tuple[str, ...]
    zh: tuple[str, ...]


#: How the source of an article given as two files names them: ``zh.txt + en.txt``.
TWO_FILES = " + "


def two_file_source(zh: object, en: object) -> str:
    """The source name of an article read from a Chinese and an English file."""
    return f"{zh}{TWO_FILES}{en}"


@dataclass(frozen=True)
class Article:
    """A bilingual article as the reader found it.

    ``source`` names the file(s) it came from, for error messages.  Titles may
    be empty when the text has none; :attr:`title` picks the one to show.
    """

    title_en: str
    title_zh: str
    paragraphs: tuple[ParagraphPair, ...]
    source: str = ""

    @property
    def title(self) -> str:
        """The English title, else the Chinese one, else its file's name without the extension."""
        return self.title_en or self.title_zh or PurePath(self.source_name).stem or "Untitled article"

    @property
    def source_name(self) -> str:
        """The name of its (first) file, without the folder.

        ``story.txt`` and ``/home/me/story.txt`` are the same article: it makes
        the same deck, however its path was typed.
        """
        return PurePath(self.source.split(TWO_FILES)[0]).name if self.source else ""


@dataclass(frozen=True)
class Link:
    """One bead of an alignment: sentence ids on each side (either may be empty)."""

    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    score: float = 0.0


@dataclass(frozen=True)
class SentencePair:
    """Aligned text: Chinese sentence(s) with the English that translates them.

    Ids are positions in the whole article's sentence lists (titles first), so
    a pair can be traced back; ``score`` is the aligner's confidence in 0..1.
    """

    zh: str
    en: str
    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class WordInfo:
    """What the dictionary says a word means *here*: reading, sense, level.

    ``pinyin`` uses tone marks with syllables separated by single spaces;
    ``pinyin_numbered`` the same syllables with tone digits (5 = neutral).
    ``english`` is the span of the aligned English sentence that translates the
    word ("" when no context was given or nothing matched).  ``composed`` marks
    a meaning built from the word's parts because the dictionary lacks it.
    """

    simplified: str
    traditional: str
    pinyin: str
    pinyin_numbered: str
    meaning: str
    english: str = ""
    hsk: int | None = None
    is_name: bool = False
    composed: bool = False


@dataclass(frozen=True)
class Term:
    """A picked vocabulary item with the example it is taught from."""

    word: WordInfo
    example: SentencePair
    count: int
    score: float
    reasons: tuple[str, ...] = ()
