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


#: Pairs the aligner scores below this are not used as a card's example: a
#: sentence shown with the wrong translation teaches the wrong meaning.
MIN_EXAMPLE_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Options:
    """Everything a run can be told.

    - ``layout``: see :class:`Layout`.
    - ``level``: leave out words of HSK levels 1..level (0 keeps all).
    - ``known``: words the learner already knows (simplified forms).
    - ``max_words``: at most this many terms per article (must be ≥ 1).
    - ``include_names``: keep person, place and organisation names.
    - ``min_confidence``: alignment score a pair needs to be a card's example.
    - ``deck_parent``: Anki parent deck; decks are named ``<parent>::<title>``.
    """

    layout: Layout = Layout.AUTO
    level: int = 0
    known: frozenset[str] = field(default_factory=frozenset)
    max_words: int = 60
    include_names: bool = False
    min_confidence: float = MIN_EXAMPLE_CONFIDENCE
    deck_parent: str = "flashgen"
