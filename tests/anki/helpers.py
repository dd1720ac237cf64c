"""Hand-made terms and the official Anki library, for the deck tests.

Terms are built directly (no pipeline) so a deck test fails only for the
deck builder's faults.  Importing follows /work/shared/tools/anki_check.py:
``Collection.import_anki_package`` with the default "update if newer".
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from flashgen.anki.deck import write_deck
from flashgen.lexicon.pinyin import marks
from flashgen.options import Options
from flashgen.types import Article, ParagraphPair, SentencePair, Term, WordInfo

from ..paths import cases_file

CASES = cases_file(__file__)

_STYLE = re.compile(r"<(style|script)\b[^>]*>.*?</\1>", re.S | re.I)
_INLINE_TAG = re.compile(r"</?(?:span|b)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


def make_term(
    simplified: str,
    pinyin_numbered: str,
    meaning: str,
    zh: str,
    en: str,
    *,
    english: str = "",
    hsk: int | None = None,
    traditional: str = "",
) -> Term:
    word = WordInfo(
        simplified=simplified,
        traditional=traditional or simplified,
        pinyin=marks(pinyin_numbered),
        pinyin_numbered=pinyin_numbered,
        meaning=meaning,
        english=english,
        hsk=hsk,
    )
    return Term(word=word, example=SentencePair(zh, en, (0,), (0,), 0.9), count=1, score=1.0)


def make_article(title: str, terms: list[Term]) -> Article:
    """An article whose paragraphs are the terms' example sentences."""
    paragraphs = tuple(ParagraphPair((t.example.en,), (t.example.zh,)) for t in terms)
    return Article(title_en=title, title_zh="", paragraphs=paragraphs, source="test.txt")


def load_case(name: str) -> tuple[Article, list[Term]]:
    """A case file: ``{"title": ..., "terms": [{make_term keywords}, ...]}``."""
    case = json.loads((CASES / name).read_text(encoding="utf-8"))
    terms = [make_term(**spec) for spec in case["terms"]]
    return make_article(case["title"], terms), terms


def build(path: Path, article: Article, terms: list[Term], options: Options | None = None) -> Path:
    write_deck([(article, terms)], path, options or Options())
    return path


def import_deck(col: Any, apkg: Path) -> dict[str, int]:
    """Import like Anki's default dialog does; return the import log's counts."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False, with_deck_configs=False)
    log = col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options)).log
    return {key: len(getattr(log, key)) for key in ("new", "updated", "duplicate", "conflicting")}


def text_only(card_html: str) -> str:
    """Rendered card HTML → the text a learner sees."""
    text = html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", _STYLE.sub("", card_html))))
    return " ".join(text.split())


def notes_by_word(col: Any) -> dict[str, Any]:
    notes = (col.get_note(nid) for nid in col.find_notes(""))
    return {note["Simplified"]: note for note in notes}
