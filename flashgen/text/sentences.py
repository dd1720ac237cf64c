"""Sentence splitting for English and Chinese paragraphs.

The aligner pairs sentences, so both splitters aim at the same unit: a
sentence ends at final punctuation, and the quote or bracket that closes
right after it stays with it (``."``, ``.”``, ``。”``, ``！”``, ``.)``).
Both splitters deliberately do NOT split on semicolons (``;``/``；``): a
translator keeps a semicolon as a semicolon far more often than as a full
stop, so splitting on it in one language only would create false 1-2 beads.
Nor do they split inside a short matched ``( )``/``（ ）``/``《 》``: a
parenthesis or a title is part of the sentence around it.

Everything here is linear in the length of the text (token scans and regexes
without nested quantifiers), because an article may be one enormous line.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

#: Han ideographs (CJK unified, extensions A-F, compatibility) and 〇.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN}]")
#: A run of Latin letters, accented ones included: a "word" for script shares.
LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")

#: Characters that close a quotation or bracket right after final punctuation.
CLOSERS = "\"'”’)]}»」』）》〉】"
#: Characters that open one right before the first word of a sentence.
OPENERS = "\"'“‘([{«「『（《〈【"

#: Final punctuation of either language: what may end a sentence.
FINALS = ".!?…。！？"
_MAY_END = frozenset(FINALS + CLOSERS)
_ZH_FINAL = "。！？!?…"
#: Straight quotes are left out: whether ``"`` after 。 closes the quote or
#: opens the next one depends on how many came before (see split_chinese).
_ZH_CLOSERS = CLOSERS.replace('"', "").replace("'", "")
_ZH_END_RE = re.compile(f"[{_ZH_FINAL}]+[{re.escape(_ZH_CLOSERS)}]*")
_TOKEN_RE = re.compile(r"\S+")
_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Abbreviations a name or number always follows, so a full stop after them
#: never ends a sentence ("Dr. Chen", "No. 5", "Sept. 12", "e.g. buses").
_NEVER_FINAL = _words(
    "mr mrs ms dr prof st mt ft gen sen rep gov lt col capt sgt cpl rev hon pres supt no "
    "nos vol fig pp approx vs cf e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec"
)
#: Abbreviations that may also end a sentence ("... Apple Inc. The company").
_MAYBE_FINAL = _words("inc ltd co corp jr sr bros etc plc llc dept est")
#: Words that commonly start a sentence: after "U.S." or "Inc." one of these
#: means a new sentence, anything else ("U.S. Commerce Department") does not.
_SENTENCE_STARTERS = _words(
    "a an and as at but by for from he her his how i if in it its many most my no now on "
    "one our she so some such that the their there these they this those to two we what "
    "when where while who why yet you"
)

#: A bracket pair longer than this is not a parenthetical: more likely an
#: unbalanced bracket matched with a stray one far away.
_MAX_BRACKET_SPAN = 400
_BRACKETS = {")": "(", "）": "（", "》": "《"}


def split_english(text: str) -> list[str]:
    """Split an English paragraph into sentences, whitespace collapsed.

    A token ending in final punctuation (optionally followed by closing quotes
    or brackets) ends a sentence when the next token starts a new one: an
    uppercase letter or digit, possibly after an opening quote or bracket.
    Abbreviations, initials and initialisms are handled by
    :func:`_ends_sentence`; decimals ("3.5") and domain names never contain
    whitespace, so they are never candidates.
    """
    tokens = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(text)]
    inside = _BracketSpans(text)
    sentences: list[str] = []
    current: list[str] = []
    for i, (_, token) in enumerate(tokens):
        current.append(token)
        if i + 1 == len(tokens):
            break
        if token[-1] not in _MAY_END:
            continue
        nxt_start, nxt = tokens[i + 1]
        if _ends_sentence(token, nxt) and not inside.contains(nxt_start):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences


def split_chinese(text: str) -> list[str]:
    """Split a Chinese paragraph into sentences at 。！？!?… (not ；).

    The closing quote or bracket after the mark stays with its sentence
    (``。”``, and ``。"`` when an odd number of ``"`` came before it); a mark
    inside a short ``（ ）`` or ``《 》`` does not split.  Whitespace at
    sentence edges is dropped, inner spaces (around Latin names) are kept.
    """
    inside = _BracketSpans(text)
    sentences: list[str] = []
    begin = counted = quotes = 0
    for match in _ZH_END_RE.finditer(text):
        end = match.end()
        quotes += text.count('"', counted, end)
        if text.startswith('"', end) and quotes % 2:
            end += 1
            quotes += 1
        counted = end
        opener = inside.opener_closed_at(end - 1)
        if opener is not None and text[begin:opener].strip():
            continue  # "线路（…。）已经…": the bracket closes mid-sentence
        if end < len(text) and not inside.contains(end):
            sentences.append(text[begin:end])
            begin = end
    sentences.append(text[begin:])
    return [s for s in (s.strip() for s in sentences) if s]


def _ends_sentence(token: str, nxt: str) -> bool:
    """Whether ``token`` ends a sentence, given the token that follows it."""
    core = token.rstrip(CLOSERS)
    if not core or core[-1] not in FINALS:
        return False
    following = nxt.lstrip(OPENERS)
    if not following or not (following[0].isupper() or following[0].isdigit() or HAN_RE.match(following)):
        return False
    if core[-1] != "." or core.endswith(".."):
        return True
    word = core[:-1].lstrip(OPENERS).lower()
    if word in _NEVER_FINAL:
        return False
    if word in _MAYBE_FINAL or _INITIALISM_RE.fullmatch(word):
        return following.rstrip(",;:").lower() in _SENTENCE_STARTERS
    return True


class _BracketSpans:
    """The inside of short matched brackets, for "is this cut inside one?".

    Built in one pass with a bounded stack (an opener older than
    ``_MAX_BRACKET_SPAN`` can never be matched usefully, so it is forgotten),
    queried with increasing positions by a moving pointer: linear overall.
    """

    def __init__(self, text: str) -> None:
        self._spans = _merged(_bracket_spans(text))
        self._next = 0

    def contains(self, position: int) -> bool:
        """Whether a cut before ``position`` falls inside a bracket pair.

        Ask with increasing positions only (here and in the method below).
        """
        span = self._span_reaching(position)
        return span is not None and span[0] < position <= span[1]

    def opener_closed_at(self, position: int) -> int | None:
        """Where the outermost bracket closed at ``position`` was opened, if one was."""
        span = self._span_reaching(position)
        return span[0] if span is not None and span[1] == position else None

    def _span_reaching(self, position: int) -> tuple[int, int] | None:
        """The first span that ends at or after ``position``."""
        spans = self._spans
        while self._next < len(spans) and spans[self._next][1] < position:
            self._next += 1
        return spans[self._next] if self._next < len(spans) else None


def _bracket_spans(text: str) -> Iterator[tuple[int, int]]:
    """(open, close) index pairs of matched brackets no longer than the limit."""
    pending: deque[tuple[int, str]] = deque()
    for match in re.finditer(r"[(（《)）》]", text):
        char, pos = match.group(), match.start()
        while pending and pos - pending[0][0] > _MAX_BRACKET_SPAN:
            pending.popleft()
        if char not in _BRACKETS:
            pending.append((pos, char))
        elif pending and pending[-1][1] == _BRACKETS[char]:
            yield pending.pop()[0], pos


def _merged(spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    """Nested or overlapping spans merged into sorted, disjoint ones."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
