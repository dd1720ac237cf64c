"""Stage 4, vocabulary: the terms of an article worth a card, best first.

jieba's segmentation repaired (:mod:`.segmentation`), whole terms recovered
(:mod:`.compounds`), pieces of numbers, negated words and names not counted
(:mod:`.occurrences`), everything a learner does not need filtered out
(:mod:`.candidates`), what the article itself shows a word means
(:mod:`.evidence`), the rest scored by salience, difficulty and usefulness
(:mod:`.scoring`) and ranked (:mod:`.ranking`), and each term looked up in its
best example (:mod:`.selection`).

Exports :func:`select_terms` (the terms with what was left out and why) and
:func:`pick_terms` (the terms alone).
"""

from .selection import Selection, pick_terms, select_terms

__all__ = ["Selection", "pick_terms", "select_terms"]
