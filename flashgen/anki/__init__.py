"""Stage 5, Anki: the terms of one or more articles out as an ``.apkg`` deck.

The frozen note type and the HTML of its fields (:mod:`.note_type`), decks
written atomically with stable GUIDs and the words already carded in earlier
decks (:mod:`.deck`), and the learner's known-word lists (:mod:`.known`).
The only stage that writes files.

Exports :func:`write_deck`, :func:`prepare_output_dir`, :func:`slugify`,
:func:`carded_words`, :func:`deck_sources`, :func:`read_known_words` and :data:`CARDS_PER_NOTE`.
"""

from ..data import import_genanki

# genanki first, through the helper that imports it without asyncio: every way into this stage
# (the CLI's word lists, the pipeline's decks, a library user) passes here before .deck and
# .note_type import it
import_genanki()

from .deck import prepare_output_dir, slugify, write_deck  # noqa: E402
from .known import read_known_words  # noqa: E402
from .note_type import CARDS_PER_NOTE  # noqa: E402
from .packages import carded_words, deck_sources  # noqa: E402

__all__ = [
    "CARDS_PER_NOTE",
    "carded_words",
    "deck_sources",
    "prepare_output_dir",
    "read_known_words",
    "slugify",
    "write_deck",
]
