"""One options object for a whole run, instead of keywords threaded through calls.

The CLI builds an :class:`Options` from its flags; library users build one
directly.  Every stage reads the fields it needs and ignores the rest, so a new
option touches the CLI, this class and the one stage that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Layout(str, Enum):
    """How the two languages are arranged in an article file.

    ``AUTO`` detects the layout; the others force one when detection guesses
    wrong.
    """

    AUTO = "auto"
    #: each line one paragraph, English then Chinese (or Chinese then English)
    SAME_LINE = "same-line"
    #: an English paragraph, then its Chinese, and so on (blank lines optional)
    ALTERNATING = "alternating"
    #: two files, one per language, one sentence per line, already aligned by line count
    PRESPLIT = "presplit"


#: A card shows its example's English only when the aligner scores the pair at
#: least this (the chance that the pair is exactly right): a sentence shown
#: with the wrong translation teaches the wrong meaning.  Below it the card
#: keeps the Chinese sentence alone.  On held-out sets that drop sentences,
#: 0.9 % of the pairs scored ≥ 0.8 hold none of the right English (1.9 % at
#: 0.7, 3.0 % at 0.5; ``bench/align_drops.py --paragraphs``, docs/alignment.md).
MIN_EXAMPLE_CONFIDENCE = 0.8


@dataclass(frozen=True)
class Options:
    """Everything a run can be told.

    - ``layout``: see :class:`Layout`.
    - ``level``: leave out words of HSK levels 1..level (0 keeps all).
    - ``known``: words the learner already knows (simplified forms).
    - ``max_words``: at most this many terms per article (must be ≥ 1).
    - ``include_names``: keep person, place and organisation names.
    - ``min_confidence``: alignment score a pair needs for its English to be on a card
      (a term whose pairs all score lower is taught from its Chinese sentence alone).
    - ``deck_parent``: Anki parent deck; decks are named ``<parent>::<title>``.
    """

    layout: Layout = Layout.AUTO
    level: int = 0
    known: frozenset[str] = field(default_factory=frozenset)
    max_words: int = 60
    include_names: bool = False
    min_confidence: float = MIN_EXAMPLE_CONFIDENCE
    deck_parent: str = "flashgen"
