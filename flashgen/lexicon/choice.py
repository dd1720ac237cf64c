"""Which of a word's dictionary readings fits the sentence it is in.

Only the readings CC-CEDICT lists compete (a card must never teach a reading
the dictionary does not have).  The sentence is read by :mod:`.engine`, whose
weights are fitted on data; each reading scores the summed log-probability of
its syllables there, plus the aligned English's support for its senses
(地方 dì fāng "local" next to "local government").  A vulgar reading is
taught only where the English asks for it; on a tie, a common word beats a name.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from . import engine
from .reading import Reading
from .senses import sense_score


def choose(
    word: str,
    candidates: Sequence[Reading],
    english: Set[str],
    zh_context: str | None,
    position: int | None,
) -> Reading:
    """The reading among ``candidates`` (``word``'s readings) the sentence and the English support best.

    Without a sentence (or when the word is not in it) the word is read alone,
    which gives its everyday reading (说 shuō, 鸟 niǎo).
    """
    sentence, at = (zh_context, position) if zh_context and position is not None else (None, 0)
    scores = engine.reading_scores(word, candidates, sentence, at, english)
    fits = [any(sense_score(s, english) > 0 for s in r.senses) for r in candidates]
    ranked = [
        (score + engine.ENGLISH_WEIGHT * fit, not reading.is_name, reading, fit)
        for score, reading, fit in zip(scores, candidates, fits, strict=True)
    ]
    allowed = [entry for entry in ranked if not entry[2].vulgar or entry[3]] or ranked
    return max(allowed, key=lambda entry: entry[:2])[2]


def syllables_heard(word: str, zh_context: str | None, position: int | None) -> Sequence[str | None]:
    """The engine's syllables for the word in its sentence (None where unknown)."""
    if zh_context is None or position is None:
        return [None] * len(word)
    return engine.sentence_readings(zh_context)[position : position + len(word)]
