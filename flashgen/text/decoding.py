"""Bytes of a text file → clean lines of text.

Users save articles from browsers, Word, Notepad and Chinese Windows tools,
so the same words arrive as UTF-8, UTF-16 with or without a byte-order mark,
or GB18030, sprinkled with zero-width spaces and Markdown.  This module turns
all of them into the same NFC text, and refuses what is not text at all, so
that the reader deals only with layout.  It knows nothing of files: the
caller reads them and names the source in errors.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import FlashgenError

#: Share of control characters above which decoded "text" is really binary.
_MAX_CONTROL_SHARE = 0.01

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


def clean_lines(text: str) -> list[str]:
    """NFC lines stripped of invisible characters and stray Markdown ("" = blank line).

    Zero-width spaces and bidirectional controls would otherwise split words
    for the segmenter and make equal titles compare unequal.
    """
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
