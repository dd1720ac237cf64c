"""Sentences the translator dropped: telling them from the sentences a bead really holds.

The bead search prices a dropped sentence left alone (a null link) against
the same sentence glued onto its neighbour's bead, and with dictionary
evidence alone the glue usually wins: the glued sentence is unexplained
either way, and a merge costs less than a null because true 1-2 beads whose
second sentence no gloss explains are common in literary translation.
Cheaper nulls find more dropped sentences but break as many true beads.

What separates the two is a handful of facts about the sentence at the edge
of a bead's many-sentence side (:class:`OrphanFeatures`, read by
:meth:`.scorer.BeadScorer.orphan`): how much of it the other side explains,
whether it explains anything of the other side its side-mates do not, how
the bead's length fits with and without it, and what the bead search itself
paid to keep it, the punctuation and numbers it brings that the other side
lacks, and how much surer of the bead the confidence is without it.  A
logistic over them, fitted by ``python bench/align_fit.py --orphans`` on the
first halves of the shared sets and sets derived from them that drop and
merge sentences, gives the chance that the sentence is an orphan; the bead search
(:mod:`.beads`) splits it off when that chance reaches ``Weights.split``.
Articles have a model of their own and split more readily
(``article.ARTICLE_WEIGHTS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .confidence import logistic


@dataclass(frozen=True)
class OrphanFeatures:
    """A sentence at the edge of a bead's many-sentence side, as the orphan model sees it."""

    #: the share of the sentence the other side of the bead leaves unexplained
    uncovered: float
    #: the share of the other side's words that only this sentence explains
    own: float
    #: log(1 + weighted words of the sentence that could have matched)
    evidence: float
    #: Gale–Church length cost of the bead with the sentence, less without it (unweighted)
    length: float
    #: what the bead costs with the sentence, less without it and less leaving it alone
    margin: float
    #: sentences in the bead
    size: int
    #: the mean share of the bead's other sentences left unexplained once it is split off
    rest: float
    #: the sentence's share of its side's bytes in the bead
    share: float
    #: ``uncovered`` times ``evidence``: many words, none explained
    silent: float
    #: the confidence (:mod:`.confidence`, as log-odds) of the rest of the bead, less the whole bead's
    gain: float
    #: punctuation marks (:func:`.features.marks`) the two sides disagree on with the sentence, less without
    marks: int
    #: numbers written in the sentence that the other side lacks
    stray_figures: int
    #: numbers of the other side that only this sentence holds
    own_figures: int


#: intercept, then one weight per field of :class:`OrphanFeatures`, in order: the flat path's model
#: (``align()``, ``--presplit``; splits from ``Weights.split`` 0.92), fitted by ``python
#: bench/align_fit.py --orphans`` on the ends of the beads the flat search makes in the first half of
#: every document of the four shared sets, plain and derived with seed 1.  Its label is what the split
#: is for, more links exactly right: the sentence is a gold null link, *or* the rest of the bead is a
#: gold link (the search glued a neighbour's sentence onto a true link), 710 of 4 706 bead ends
#: against 459 gold nulls.  At 0.92 it finds a fifth more of the dropped sentences than a model of
#: gold nulls alone and leaves the plain sets where they were but one link of mag (fifth round,
#: docs/alignment.md).
COEFFICIENTS = (
    3.545,
    -4.438,
    -3.545,
    -0.876,
    -0.151,
    1.411,
    -0.153,
    -1.842,
    -0.370,
    1.676,
    0.864,
    0.516,
    0.552,
    -1.201,
)
#: the articles' model (``article.ARTICLE_WEIGHTS``, split from 0.7): fitted on gold null links among
#: the ends of beads of the same first halves aligned flat and as articles (the fourth round's).
#: Refitted on articles' bead ends with the label above, it is no better for articles (first halves:
#: mean drop-set exact-bead F1 .849 at 0.8, .850 with this one at 0.7, plain halves equal or lower).
ARTICLE_COEFFICIENTS = (
    0.142,
    -4.266,
    -5.319,
    -0.703,
    -0.017,
    0.454,
    -0.111,
    -1.304,
    -0.478,
    1.916,
    0.835,
    0.546,
    0.691,
    -0.999,
)


def orphan_chance(features: OrphanFeatures, coefficients: Sequence[float] | None = None) -> float:
    """The chance that the sentence has no counterpart in the bead: a logistic over its features.

    ``coefficients`` (``Weights.orphans``) default to :data:`COEFFICIENTS`;
    ``bench/align_fit.py --orphans`` tries freshly fitted ones through the
    whole aligner the same way.
    """
    return logistic(features, COEFFICIENTS if coefficients is None else coefficients)
