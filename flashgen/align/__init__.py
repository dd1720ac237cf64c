"""Stage 2, alignment: which Chinese sentences translate which English ones.

Sentence features (:mod:`.features`) are priced bead by bead (:mod:`.cost`,
through :mod:`.scorer`) in a dynamic programme (:mod:`.beads`) searched in a
window around an anchor skeleton (:mod:`.window`); a sentence at a bead's
edge that the translator seems to have dropped is split off as a null link
(:mod:`.nulls`); a second pass adds what the text itself teaches
(:mod:`.learned`).  Each link's confidence is the fitted chance that it is
exactly right (:mod:`.confidence`).  :mod:`.article` aligns an article
paragraph pair by paragraph pair; :mod:`.links` reads and writes the
``[i,j]:[k]`` format.

Exports :func:`align` (two lists of sentences to links), :func:`align_article`
(an article to sentence pairs with a confidence), :func:`format_links` and
:func:`parse_links`; and, for the benchmarks that measure and fit the
aligner (``bench/align_*.py``), the sentence features, the bead search on
them with its weights (:func:`align_features`, :func:`scored_beads`,
:func:`orphan_candidates`), an article's blocks and what they are measured
against (:func:`text_stats`), and the two fitted models.
"""

from .article import (
    ARTICLE_WEIGHTS,
    DROPPING_WEIGHTS,
    align_article,
    article_blocks,
    block_spans,
    drops_sentences,
)
from .beads import (
    FLAT_DROPPING_WEIGHTS,
    align,
    align_features,
    align_lines,
    orphan_candidates,
    scored_beads,
)
from .confidence import BeadFeatures, bead_confidence
from .cost import DEFAULT_WEIGHTS, TextStats, Weights, text_stats
from .features import EnSentence, ZhSentence, en_features, zh_features
from .links import format_links, parse_links
from .nulls import OrphanFeatures, orphan_chance

__all__ = [
    "ARTICLE_WEIGHTS",
    "DEFAULT_WEIGHTS",
    "DROPPING_WEIGHTS",
    "FLAT_DROPPING_WEIGHTS",
    "BeadFeatures",
    "EnSentence",
    "OrphanFeatures",
    "TextStats",
    "Weights",
    "ZhSentence",
    "align",
    "align_article",
    "align_features",
    "align_lines",
    "article_blocks",
    "bead_confidence",
    "block_spans",
    "drops_sentences",
    "en_features",
    "format_links",
    "orphan_candidates",
    "orphan_chance",
    "parse_links",
    "scored_beads",
    "text_stats",
    "zh_features",
]
