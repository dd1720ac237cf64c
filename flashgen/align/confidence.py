"""How sure the aligner is of a link: the chance that it is exactly right.

A card shows a word's sentence *and* its translation, so a wrong pair is the
worst thing an alignment can give a learner; ``Options.min_confidence`` keeps
pairs below it off the cards.  That only works if the score means what it
says: among pairs scored at least ``p``, a share of about ``p`` must be
exactly right.  The score is a logistic over a few features of the bead
(:class:`BeadFeatures`, read by :meth:`.scorer.BeadScorer.features`), fitted
by ``python bench/align_fit.py`` on the mac-dev and pol development sets and
on sets derived from them that drop and merge sentences
(``bench/align_drops.py``), and checked on aca, mag and other random seeds it
never saw.

Cost per sentence alone (the score before issue 12) cannot tell a good 1-1
bead from a 1-1 bead with a sentence the translator dropped glued on: the
glued sentence costs about as much per sentence as a loosely translated one.
What gives it away is that one sentence of the bead is left almost entirely
unexplained (``worst``) or explains nothing its side-mates do not (``idle``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class BeadFeatures:
    """What a link's confidence is read from."""

    #: the bead's cost per sentence (:mod:`.cost`)
    cost: float
    #: the largest share of a sentence of the bead that the other side leaves unexplained
    worst: float
    #: the Gale–Church length cost, unweighted
    length: float
    #: sentences beyond a 1-1 bead
    extra: int
    #: sentences of a many-sentence side that explain nothing their side-mates do not
    idle: int
    #: log(1 + words per sentence that could have matched, on the poorer side): how much evidence there is
    evidence: float


#: intercept, then one weight per field of :class:`BeadFeatures`, in order (bench/align_fit.py),
#: fitted on flat alignments; refitted with article pairs too, more pairs ≥ 0.8 were wholly wrong.
COEFFICIENTS = (6.884, -1.450, -4.024, -0.211, -0.415, -0.467, -0.273)


def bead_confidence(features: BeadFeatures, coefficients: Sequence[float] = COEFFICIENTS) -> float:
    """The chance that the bead is exactly right: a logistic over its features."""
    return logistic(features, coefficients)


def log_odds(features: object, coefficients: Sequence[float]) -> float:
    """``z`` of :func:`logistic`: intercept (``coefficients[0]``) + weights · the fields of ``features``."""
    values = vars(features).values()
    return float(coefficients[0] + sum(w * x for w, x in zip(coefficients[1:], values, strict=True)))


def logistic(features: object, coefficients: Sequence[float]) -> float:
    """``1 / (1 + e^-z)`` with ``z`` = intercept (``coefficients[0]``) + weights · the fields of ``features``.

    Both of the aligner's fitted models are read through it (this module and
    :mod:`.nulls`), and ``bench/align_fit.py`` fits them to it.  ``features``
    is a dataclass of plain numbers, read in field order; its ``__dict__``
    holds them in that order, without the deep copy ``astuple`` makes (every
    link of every text is scored, articles twice).
    """
    z = log_odds(features, coefficients)
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
