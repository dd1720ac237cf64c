"""The CPP dev set (../shared/pinyin/cpp-dev), its FIT / HELD-OUT split, and word kinds.

Shared by ``bench/pinyin_eval.py`` and ``bench/fit_readings.py``.  The data is
read in place from the ``shared`` folder beside the repository and never
copied into it; when the folder is absent, :func:`load` returns None and the
callers skip.

The split is deterministic and documented: an item belongs to the FIT half
when the first 8 hex digits of the SHA-1 of its sentence (the UTF-8 text with
the two ▁ marks removed) read as an integer are even, else to the HELD-OUT
half.  Hashing the sentence (not the line number) keeps every copy of a
sentence in the same half.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

MARK = "\u2581"
REPO = Path(__file__).resolve().parent.parent
CPP_DIR = REPO.parent / "shared" / "pinyin" / "cpp-dev"

KINDS = ("single", "dict", "parts", "name")
KIND_NAMES = {
    "single": "one-character word",
    "dict": "dictionary word (CC-CEDICT)",
    "parts": "word read from parts (not in CC-CEDICT)",
    "name": "name",
}


@dataclass(frozen=True)
class Item:
    index: int  # line number in dev.sent, from 0
    sentence: str  # without the marks
    offset: int  # of the marked character
    label: str  # numbered pinyin, ü spelled "ü" (CPP writes lu:4)
    half: str  # "fit" or "held-out"

    @property
    def char(self) -> str:
        return self.sentence[self.offset]


def half_of(sentence: str) -> str:
    digest = hashlib.sha1(sentence.encode("utf-8")).hexdigest()
    return "fit" if int(digest[:8], 16) % 2 == 0 else "held-out"


def normalise_label(label: str) -> str:
    return label.strip().lower().replace("u:", "ü").replace("v", "ü")


def load(directory: Path = CPP_DIR) -> list[Item] | None:
    sent, lb = directory / "dev.sent", directory / "dev.lb"
    if not (sent.is_file() and lb.is_file()):
        return None
    items = []
    lines = sent.read_text(encoding="utf-8").splitlines()
    labels = lb.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(labels), "dev.sent and dev.lb differ in length"
    for i, (line, label) in enumerate(zip(lines, labels, strict=False)):
        offset = line.index(MARK)
        assert line[offset + 2] == MARK, f"line {i}: the mark should enclose one character"
        sentence = line.replace(MARK, "")
        items.append(Item(i, sentence, offset, normalise_label(label), half_of(sentence)))
    return items


def containing_token(sentence: str, offset: int) -> tuple[str, int, str]:
    """The pipeline's token (flashgen.vocab.segmentation.segment) holding ``offset``: text, start, tag."""
    from flashgen.vocab.segmentation import segment

    at = 0
    for token in segment(sentence):
        if at <= offset < at + len(token.text):
            return token.text, at, token.tag
        at += len(token.text)
    raise ValueError(f"offset {offset} not covered by the tokens of {sentence!r}")


_NAME_TAGS = ("nr", "ns", "nt")


def kind_of(word: str, tag: str) -> str:
    """single / dict / parts / name (a name by jieba's tag or by CC-CEDICT entries that are all names)."""
    from flashgen.lexicon import dictionary

    found = dictionary.entries(word)
    if tag.startswith(_NAME_TAGS) or (found and all(e.is_name for e in found) and len(word) > 1):
        return "name"
    if len(word) == 1:
        return "single"
    return "dict" if found else "parts"
