"""The reading engine: one scorer for every Han character of a sentence, and so for the card word.

Each character gets candidate readings, each candidate a score that sums
weighted evidence; a softmax over a character's candidates gives log
P(reading).  The weights are fitted on data (``bench/fit_readings.py``: the
FIT halves of the CPP dev set and of the project's case files).  No rule here
is about a particular character or slot.  One job per module, from the top:

- :mod:`.scoring`: the softmax, the doubt that asks g2pM, a token's decoding
  to one of its CC-CEDICT readings, and the entry points
  :func:`sentence_readings` (a sentence's line), :func:`sentence_readings_with` (a card's, its
  word read as the card reads it) and
  :func:`reading_scores` (the card word, for :mod:`..choice`);
- :mod:`.evidence`: the features of each candidate, computed the same way for
  the fit and at run time;
- :mod:`.g2pm`: the g2pM polyphone model, loaded (with numpy) only when a
  sentence is in doubt;
- :mod:`.candidates`: which readings compete (CC-CEDICT's, with the vulgar,
  archaic and Taiwan-only ones gated) and what the dictionary says of each;
- :mod:`.tokens`: jieba's words, with the card word made one token;
- :mod:`.weights`: the shipped prior and weights.

How it reads, what it was fitted on and how well it does on held-out data:
docs/reading_model.md.
"""

from .scoring import DOUBT, ENGLISH_WEIGHT, reading_scores, sentence_readings, sentence_readings_with

__all__ = ["DOUBT", "ENGLISH_WEIGHT", "reading_scores", "sentence_readings", "sentence_readings_with"]
