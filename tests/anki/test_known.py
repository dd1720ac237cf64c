"""Known-word files: plain lists and Anki "Notes in Plain Text" exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashgen.anki.known import parse_known_words, read_known_words
from flashgen.errors import FlashgenError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("银行\n出口\n", {"银行", "出口"}),
        ("#separator:tab\n#html:true\n银行\tyín háng\tbank\n", {"银行"}),
        ("<b>出口</b>\tchū kǒu\n\n  \n", {"出口"}),
        ('"管制",guǎn zhì\n', {"管制"}),
        ("", set()),
    ],
)
def test_parse_known_words(text: str, expected: set[str]) -> None:
    assert parse_known_words(text) == expected


def test_read_known_words_reports_the_file(tmp_path: Path) -> None:
    with pytest.raises(FlashgenError, match=r"missing\.txt"):
        read_known_words(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage\xff")
    with pytest.raises(FlashgenError, match=r"bad\.txt"):
        read_known_words(bad)
