"""The Anki note type every flashgen deck uses, and the field values of one note.

The note type is a contract with every collection a deck was ever imported
into: Anki matches it by id, and a changed field list under the same id makes
the next import conflict.  So :data:`MODEL_ID` and :data:`FIELDS` are frozen;
a different field list needs a new id (and a new name).  Templates and CSS may
change, but then :data:`NOTE_TYPE_MOD` must move forward, because Anki only
takes an imported note type's new look when it is newer than its own copy.

Fields hold HTML that Anki inserts into its web view verbatim, so every piece
of article text is escaped here, including Anki's own syntax: Anki plays any
``[sound:…]`` left in a rendered card, and ``{{c1::…}}`` becomes a cloze as
soon as a learner's own template reads the field with ``cloze:``.  Braces and
brackets therefore become character references and show as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache

import genanki

from ..lexicon import pinyin, sentence_readings_with
from ..types import Article, Term, WordInfo

#: Never change: Anki identifies the note type by this id in every collection.
MODEL_ID = 1_607_392_319
NOTE_TYPE_NAME = "flashgen Chinese vocabulary"

#: Unix time of the last change to the templates or CSS.  Anki's importer
#: replaces a note type's templates only when the incoming one is newer, so a
#: fixed value keeps re-imports from touching a learner's own tweaks until we
#: really change the look.
NOTE_TYPE_MOD = 1_795_737_800

#: Frozen field list, in order.  Simplified is first and plain text: Anki sorts,
#: searches and checks duplicates on the first field.
FIELDS = (
    "Simplified",
    "Traditional",
    "Pinyin",
    "PinyinNumbered",
    "Meaning",
    "English",
    "SentenceZh",
    "SentenceCloze",
    "SentenceEn",
    "SentencePinyin",
    "HSK",
    "Article",
    "Audio",
)

_FOOTER = """
<div class="meta">{{#HSK}}<span class="hsk">HSK {{HSK}}</span>{{/HSK}}
<span class="article">{{Article}}</span></div>
{{Audio}}"""

_READING = """
<div class="pinyin">{{Pinyin}}</div>
{{#Traditional}}<div class="trad">繁 {{Traditional}}</div>{{/Traditional}}"""

_SENTENCE_BACK = """
<div class="sentence zh">{{SentenceZh}}</div>
<div class="sentence py">{{SentencePinyin}}</div>"""

_RECOGNITION_FRONT = '<div class="kind">Recognition</div>\n<div class="hanzi">{{Simplified}}</div>'
_RECALL_FRONT = """<div class="kind">Recall</div>
<div class="meaning prompt">{{Meaning}}</div>
<div class="sentence en">{{SentenceEn}}</div>"""
_CLOZE_FRONT = """<div class="kind">Sentence cloze</div>
<div class="sentence zh cloze">{{SentenceCloze}}</div>
<div class="sentence en hint">{{SentenceEn}}</div>"""

# The cloze back shows the full sentence in place of the blanked one rather
# than repeating the front, so the learner checks the word where it stood.
_TEMPLATES = (
    {
        "name": "Recognition",
        "qfmt": _RECOGNITION_FRONT,
        "afmt": '{{FrontSide}}\n<hr id="answer">'
        + _READING
        + '\n<div class="meaning">{{Meaning}}</div>'
        + _SENTENCE_BACK
        + '\n<div class="sentence en">{{SentenceEn}}</div>'
        + _FOOTER,
    },
    {
        "name": "Recall",
        "qfmt": _RECALL_FRONT,
        "afmt": '{{FrontSide}}\n<hr id="answer">\n<div class="hanzi">{{Simplified}}</div>'
        + _READING
        + _SENTENCE_BACK
        + _FOOTER,
    },
    {
        "name": "Sentence cloze",
        "qfmt": _CLOZE_FRONT,
        "afmt": '<div class="kind">Sentence cloze</div>'
        + _SENTENCE_BACK
        + '\n<div class="sentence en hint">{{SentenceEn}}</div>\n<hr id="answer">'
        + '\n<div class="hanzi">{{Simplified}}</div>'
        + _READING
        + '\n<div class="meaning">{{Meaning}}</div>'
        + _FOOTER,
    },
)

#: Anki makes one card per template for every note.
CARDS_PER_NOTE = len(_TEMPLATES)

# Colours follow the common MDBG/Pleco convention (1 red, 2 orange, 3 green,
# 4 blue, neutral grey), lighter in night mode so they keep their contrast.
CSS = """
.card {
  --fg: #1d1d1f; --bg: #fbfbf8; --muted: #6b6b70; --rule: #d8d8d2; --mark: #fff1b8;
  --t1: #d7261e; --t2: #e07000; --t3: #218a3a; --t4: #1f5fd1; --t5: #7a7a80;
  font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
  font-size: 20px; line-height: 1.5; color: var(--fg); background: var(--bg);
  text-align: center; margin: 0; padding: 16px 14px;
}
.card.nightMode, .nightMode .card, .card.night_mode, .night_mode .card {
  --fg: #ececec; --bg: #1e1e20; --muted: #a0a0a8; --rule: #3c3c40; --mark: #5a4a10;
  --t1: #ff6b61; --t2: #ffad4d; --t3: #5fd47c; --t4: #72a7ff; --t5: #b4b4bc;
}
.kind { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.hanzi {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 64px; line-height: 1.2; margin: 12px 0 4px;
}
.pinyin { font-size: 26px; margin: 2px 0; }
.trad { font-size: 16px; color: var(--muted); }
.composed { font-size: 12px; color: var(--muted); border: 1px solid var(--rule); border-radius: 4px;
  padding: 0 5px; margin-left: 6px; white-space: nowrap; }
.meaning { font-size: 20px; margin: 10px auto 4px; max-width: 34em; }
.meaning.prompt { font-size: 24px; margin-top: 18px; }
.sentence { max-width: 34em; margin: 12px auto 0; text-align: left; }
.sentence.zh { font-size: 22px; line-height: 1.7; }
.sentence.cloze { margin-top: 20px; }
.sentence.py { font-size: 15px; color: var(--muted); margin-top: 2px; }
.sentence.en { font-size: 17px; }
.sentence.hint { color: var(--muted); }
b.term { font-weight: 700; background: var(--mark); border-radius: 3px; padding: 0 2px; }
.sentence.hint b.term { color: var(--fg); }
.blank { color: var(--t4); background: var(--mark); border-radius: 3px; padding: 0 2px; white-space: nowrap; }
hr#answer { border: 0; border-top: 1px solid var(--rule); margin: 16px 0 8px; }
.meta { margin-top: 18px; font-size: 12px; color: var(--muted); }
.meta .hsk { border: 1px solid var(--rule); border-radius: 4px; padding: 0 5px; margin-right: 8px; }
.tone1 { color: var(--t1); } .tone2 { color: var(--t2); } .tone3 { color: var(--t3); }
.tone4 { color: var(--t4); } .tone5 { color: var(--t5); }
@media (max-width: 480px) {
  .card { font-size: 18px; padding: 12px 10px; }
  .hanzi { font-size: 52px; }
  .sentence.zh { font-size: 20px; }
}
"""


@cache
def note_type() -> genanki.Model:
    """The genanki model for :data:`MODEL_ID`, built once."""
    return genanki.Model(
        MODEL_ID,
        NOTE_TYPE_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[dict(t) for t in _TEMPLATES],
        css=CSS,
    )


# Anki turns these into template syntax or media even inside escaped text.  Replaced one by one:
# ``str.translate`` looks every character up in its table, ten times slower on most text (none).
_ANKI_SYNTAX = (("{", "&#123;"), ("}", "&#125;"), ("[", "&#91;"), ("]", "&#93;"))
# Anki's reviewer typesets every card with MathJax, which looks for \( … \) and \[ … \] in the
# text after entities are decoded and across inline tags, and would run an article's \href or
# \style.  An invisible word joiner after every backslash keeps any such delimiter from forming.
_TEX_SAFE_BACKSLASH = "\\\u2060"
# \x1f separates fields in Anki's database; other controls are invisible noise.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAK = re.compile(r"[\t\n\r]+")


def escape(text: str) -> str:
    """Article text → HTML that shows exactly that text in Anki and nothing more."""
    clean = text if text.isprintable() else _CONTROL.sub("", _BREAK.sub(" ", text))  # most text: none
    escaped = html.escape(clean, quote=False)
    for char, entity in _ANKI_SYNTAX:
        escaped = escaped.replace(char, entity)
    return escaped.replace("\\", _TEX_SAFE_BACKSLASH)


def _splice(text: str, spans: list[tuple[int, int]], wrap: Callable[[str], str]) -> str:
    """Escape ``text``, with each ``(start, end)`` span rendered by ``wrap`` (given the raw span)."""
    out, pos = [], 0
    for start, end in spans:
        out += [escape(text[pos:start]), wrap(text[start:end])]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _highlight(span: str) -> str:
    return f'<b class="term">{escape(span)}</b>'


def _blank(span: str) -> str:
    return f'<span class="blank">{"＿" * len(span)}</span>'


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text``, left to right, not overlapping."""
    found: list[tuple[int, int]] = []
    at = text.find(needle) if needle else -1
    while at >= 0:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + len(needle))
    return found


def _english_span(sentence: str, equivalent: str) -> list[tuple[int, int]]:
    """The first place ``equivalent`` stands as whole words in ``sentence``, if any."""
    if not equivalent.strip():
        return []
    if sentence.isascii() and equivalent.isascii():
        return _ascii_span(sentence.lower(), equivalent.lower().split())
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, equivalent.split())) + r"(?!\w)"
    match = re.search(pattern, sentence, re.IGNORECASE)
    return [(match.start(), match.end())] if match else []


def _ascii_span(sentence: str, words: list[str]) -> list[tuple[int, int]]:
    """:func:`_english_span` of lower-case ASCII text without compiling a pattern for each card:
    the first place the words stand, whitespace between them, no word character either side."""
    at = sentence.find(words[0])
    while at >= 0:
        end = at + len(words[0]) if at == 0 or not _word_char(sentence[at - 1]) else -1
        for word in words[1:] if end >= 0 else ():
            gap = end
            while gap < len(sentence) and sentence[gap].isspace():
                gap += 1
            end = gap + len(word) if gap > end and sentence.startswith(word, gap) else -1
            if end < 0:
                break
        if end >= 0 and (end == len(sentence) or not _word_char(sentence[end])):
            return [(at, end)]
        at = sentence.find(words[0], at + 1)
    return []


def _word_char(char: str) -> bool:
    """What the pattern's ``\\w`` matches (in ASCII)."""
    return char.isalnum() or char == "_"


def pinyin_html(numbered: str) -> str:
    """'yin2 hang2' → tone-classed spans, one per syllable."""
    return " ".join(
        f'<span class="tone{tone}">{escape(syllable)}</span>' for syllable, tone in pinyin.syllables(numbered)
    )


def cloze_html(sentence: str, word: str) -> str:
    """The sentence with every occurrence of ``word`` replaced by a blank of its length.

    The blank keeps the word's length as a hint; if the word is missing from
    the sentence the blank stands alone, so the front never shows the answer.
    """
    spans = _occurrences(sentence, word)
    return _splice(sentence, spans, _blank) if spans else _blank(word)


def meaning_html(word: WordInfo) -> str:
    """The meaning, labelled when it was composed from the word's parts.

    A composed meaning is flashgen's reading of a word CC-CEDICT lacks, not a
    dictionary sense; the learner should know which one they are memorising.
    """
    label = ' <span class="composed">composed from its parts</span>' if word.composed else ""
    return escape(word.meaning) + label


def _sentence_line(zh: str, word: str, numbered: str) -> str:
    """The sentence's pinyin line, escaped, the card's ``word`` read as the card reads it
    (:func:`~flashgen.lexicon.sentence_readings_with`), so that the line never contradicts it."""
    return escape(pinyin.sentence_pinyin(zh, sentence_readings_with(zh, word, numbered.split())))


def note_fields(term: Term, article: Article) -> list[str]:
    """The values of :data:`FIELDS` for ``term`` taught from ``article``, all escaped."""
    word, example = term.word, term.example
    return [
        escape(word.simplified),
        "" if word.traditional in ("", word.simplified) else escape(word.traditional),
        pinyin_html(word.pinyin_numbered),
        escape(word.pinyin_numbered),
        meaning_html(word),
        escape(word.english),
        _splice(example.zh, _occurrences(example.zh, word.simplified), _highlight),
        cloze_html(example.zh, word.simplified),
        _splice(example.en, _english_span(example.en, word.english), _highlight),
        _sentence_line(example.zh, word.simplified, word.pinyin_numbered),
        "" if word.hsk is None else str(word.hsk),
        escape(article.title),
        "",
    ]
