"""From evidence to readings: the softmax per character, the doubt that asks g2pM, the token's decoding.

A character's candidates are scored by the fitted weights and a softmax gives
log P(reading).  Where some character's best reading is below :data:`DOUBT`,
the sentence is read again with g2pM's evidence and the weights fitted with
it.  A token CC-CEDICT lists then takes its dictionary reading with the best
summed log-probability, so the sentence line never spells a word in a way
CC-CEDICT does not, and the card word (read as one token of its sentence)
agrees with its line.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence, Set
from functools import cache

from ...memo import per_article
from ..reading import Reading
from . import g2pm, weights
from .candidates import syllables, word_readings
from .evidence import Candidate, add_g2pm, candidates, readable_positions
from .tokens import Token, tokens_for, tokens_of

#: The aligned English's weight for a reading whose senses it confirms (:mod:`..choice`): hand-set,
#: as no data set with English was at hand to fit it.  Here the English only lets a gated reading in.
ENGLISH_WEIGHT = 5.0
#: Below this probability of its best reading (by the cheap evidence), a character is in doubt,
#: and the sentence is read by g2pM too.  Chosen on the FIT halves (``bench/fit_readings.py``).
DOUBT = 0.9


def log_probabilities(cands: Sequence[Candidate], weighting: Mapping[str, float]) -> dict[str, float]:
    """The softmax of the candidates' weighted evidence, as log-probabilities."""
    if len(cands) == 1:  # most characters: nothing to weigh
        return {cands[0].reading: 0.0}
    weight = weighting.get
    # a list, not a generator, summed: the same additions in the same order, a third faster
    raw = [sum([weight(k, 0.0) * v for k, v in c.features.items()]) for c in cands]
    top = max(raw)
    norm = top + math.log(sum(math.exp(s - top) for s in raw))
    return {c.reading: s - norm for c, s in zip(cands, raw, strict=True)}


def distributions(
    sentence: str, tokens: Sequence[Token], english: Set[str], span: range, alone: bool = False
) -> dict[int, dict[str, float]]:
    """log P(reading) of each Han character of ``span``; g2pM is asked only when one is in doubt.

    Never for a word read ``alone`` (no sentence): g2pM reads context, and there is none.
    """
    cands = candidates(sentence, tokens, span, english)
    plain = weights.model()["plain"]
    result = {p: log_probabilities(c, plain) for p, c in cands.items()}
    if _in_doubt(result) and not alone and g2pm.available():
        return _with_g2pm(sentence, cands)
    return result


def _with_g2pm(sentence: str, cands: Mapping[int, Sequence[Candidate]]) -> dict[int, dict[str, float]]:
    """The distributions again with g2pM's log-probabilities among the evidence, weighed by the
    weights fitted with them."""
    heard = g2pm.log_probabilities(sentence)
    for p, c in cands.items():
        if len(c) > 1 and p in heard:
            add_g2pm(c, heard[p])
    return {p: log_probabilities(c, weights.model()["g2pm"]) for p, c in cands.items()}


def decode(text: str, start: int, dists: Mapping[int, Mapping[str, float]]) -> tuple[str | None, ...]:
    """The token's reading: its best CC-CEDICT reading if it has any, else each character's best."""
    options = word_readings(text) if len(text) > 1 else ()
    if options and all(start + i in dists for i in range(len(text))):
        return max(options, key=lambda r: sum(dists[start + i].get(s, -30.0) for i, s in enumerate(r)))
    return tuple(max(d, key=d.__getitem__) if (d := dists.get(start + i)) else None for i in range(len(text)))


@per_article
@cache
def sentence_readings(zh: str) -> tuple[str | None, ...]:
    """One numbered syllable per character of ``zh`` (None where it is not Han; erhua 儿 "r5").

    >>> sentence_readings("银行行长。")
    ('yin2', 'hang2', 'hang2', 'zhang3', None)

    :func:`decode` reads a word with one dictionary reading, each of its characters with
    candidates, by that reading whatever their distributions: those are worked out only to
    learn whether one of them is in doubt, and not once another character already is.
    """
    tokens = tokens_of(zh)
    readable = readable_positions(zh, tokens)
    fixed: dict[int, tuple[str, ...]] = {}  # such a word's start: its reading
    for token in tokens:
        spelled = word_readings(token.text) if len(token.text) > 1 else ()
        if len(spelled) == 1 and all(p in readable for p in range(token.start, token.end)):
            fixed[token.start] = spelled[0]
    dists = _line_distributions(
        zh, tokens, [p for t in tokens if t.start in fixed for p in range(t.start, t.end)]
    )
    result: list[str | None] = [None] * len(zh)
    for token in tokens:
        reading = fixed.get(token.start)
        result[token.start : token.end] = reading or decode(token.text, token.start, dists)
    return tuple(result)


def sentence_readings_with(zh: str, word: str, syllables: Sequence[str]) -> tuple[str | None, ...]:
    """:func:`sentence_readings`, with ``word`` read as ``syllables`` where the sentence's tokens
    hold it whole: as one or several whole tokens, or inside one (师傅 in 老师傅).

    A card's word is read with the aligned English too (公道 *gōng dào* "justice"), which the line
    does not see; the card's line says what the card teaches.  Where the word's characters stand
    across a token's edge they are not the word (行业 in 进行|业务) and keep the line's reading; so
    does a word whose syllables are not one per character (erhua joined).
    """
    readings = list(sentence_readings(zh))
    if len(syllables) != len(word):
        return tuple(readings)
    for start in _held_whole(tokens_of(zh), word):
        readings[start : start + len(word)] = syllables
    return tuple(readings)


def _held_whole(tokens: Sequence[Token], word: str) -> list[int]:
    """Where ``word`` starts inside one token, or as a run of whole tokens."""
    starts = []
    for i, token in enumerate(tokens):
        at = token.text.find(word)
        while at >= 0:
            starts.append(token.start + at)
            at = token.text.find(word, at + len(word))
        run = token.text
        for following in tokens[i + 1 :]:
            if len(run) >= len(word):
                break
            run += following.text
        if run == word and len(token.text) < len(word):
            starts.append(token.start)
    return starts


def _line_distributions(
    sentence: str, tokens: Sequence[Token], fixed: Sequence[int]
) -> dict[int, dict[str, float]]:
    """:func:`distributions` over the whole sentence without English, but for the characters of
    ``fixed`` (words read by their one reading) only whether one of them is in doubt, and that
    only while no other character is: the others' distributions are the same numbers."""
    plain = weights.model()["plain"]
    kept = frozenset(fixed)
    cands = candidates(sentence, tokens, [p for p in range(len(sentence)) if p not in kept])
    result = {p: log_probabilities(c, plain) for p, c in cands.items()}
    if not _in_doubt(result):
        rest = candidates(sentence, tokens, fixed)
        if not _in_doubt({p: log_probabilities(c, plain) for p, c in rest.items()}):
            return result
    return _with_g2pm(sentence, cands) if g2pm.available() else result


def _in_doubt(dists: Mapping[int, Mapping[str, float]]) -> bool:
    """Whether some character's best reading is below :data:`DOUBT` (g2pM is then asked)."""
    return any(len(d) > 1 and max(d.values()) < math.log(DOUBT) for d in dists.values())


def reading_scores(
    word: str, options: Sequence[Reading], sentence: str | None, position: int, english: Set[str]
) -> list[float]:
    """The summed log-probability of each of the word's ``options`` at ``position`` in ``sentence``
    (None: the word read alone)."""
    text = sentence or word
    tokens = tokens_for(text, word, position)
    dists = distributions(text, tokens, english, range(position, position + len(word)), sentence is None)
    scores = []
    for option in options:
        spelled = syllables(option.numbered)
        if len(spelled) != len(word):
            scores.append(-math.inf)
            continue
        scores.append(sum(dists.get(position + i, {}).get(s, -30.0) for i, s in enumerate(spelled)))
    return scores
