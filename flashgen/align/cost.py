"""How much a bead of sentences costs.

A *bead* links ``a`` consecutive Chinese sentences to ``b`` consecutive English
ones.  Its cost (lower is better) adds four pieces of evidence:

- **lexical**: a sentence is *covered* by the other side of the bead in
  proportion to how many of its words (:mod:`flashgen.align.features`) find a
  partner there; every sentence pays for what stays unexplained.  Costing
  sentence by sentence (not bead by bead) keeps a 1-2 bead and the 1-1 + 0-1
  beads it could be split into comparable.
- **length**: Gale–Church on UTF-8 bytes (a Han character is three bytes, so
  byte lengths of a translation pair are close), with the ratio measured on the
  text being aligned, over its anchors amid a run (:func:`anchored_ratio`), which
  the sentences a translator dropped do not skew.
- **prior**: a fixed price per bead shape; translators split and merge, but
  rarely.
- **ending**: a price when the Chinese end of the bead closes a quotation (or
  asks a question) and the English end does not: dialogue boundaries are the
  ones translators of fiction keep.

The pair evidence the dynamic programme needs is two bit masks per sentence
pair (:func:`pair_masks`), so a bead's cost is a few ORs and popcounts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from .features import Ending, EnSentence, ZhSentence
from .window import SEARCH_WIDTH, anchor_chain

#: the most a single rare word can weigh against common ones (in bits)
_MAX_WEIGHT = 4


@dataclass(frozen=True)
class Evidence:
    """How much each word of each sentence counts, as runs of bits.

    A word that occurs in few sentences of its text is strong evidence when it
    matches, a word found everywhere is weak; a word of weight ``w`` owns ``w``
    bits, so the weighted share of matched words is a popcount.
    """

    zh_bits: tuple[tuple[int, ...], ...]
    en_bits: tuple[tuple[int, ...], ...]
    zh_total: tuple[int, ...]
    en_total: tuple[int, ...]

    def with_zh(self, zh: Sequence[ZhSentence]) -> Evidence:
        """The same English, the Chinese weighed afresh (its words changed: what the text taught)."""
        zh_bits = _bit_runs([s.words for s in zh])
        zh_total = tuple(sum(b.bit_count() for b in runs) for runs in zh_bits)
        return Evidence(zh_bits, self.en_bits, zh_total, self.en_total)


def evidence(zh: Sequence[ZhSentence], en: Sequence[EnSentence]) -> Evidence:
    """Weigh every word by its rarity on its own side (1..4, an inverse document frequency)."""
    zh_bits = _bit_runs([s.words for s in zh])
    en_bits = _bit_runs([s.tokens for s in en])
    return Evidence(
        zh_bits,
        en_bits,
        tuple(sum(b.bit_count() for b in runs) for runs in zh_bits),
        tuple(sum(b.bit_count() for b in runs) for runs in en_bits),
    )


def _bit_runs(sentences: Sequence[Sequence[Hashable]]) -> tuple[tuple[int, ...], ...]:
    frequency = Counter(item for sentence in sentences for item in sentence)
    size = len(sentences) + 1
    widths = {
        item: min(_MAX_WEIGHT, max(1, round(math.log(size / (f + 0.5))))) for item, f in frequency.items()
    }
    runs = []
    for sentence in sentences:
        offset, row = 0, []
        for item in sentence:
            width = widths[item]
            row.append(((1 << width) - 1) << offset)
            offset += width
        runs.append(tuple(row))
    return tuple(runs)


@dataclass(frozen=True)
class TextStats:
    """What a text's beads are measured against: how rare each word is, and the byte ratio.

    An article is aligned paragraph block by paragraph block, but both are
    properties of the whole text: in a block of four sentences every word
    looks rare, and a block that lost a sentence to the translator has a
    byte ratio skewed by that very loss, so a dropped sentence glued onto a
    neighbour looks the right length.  Measured over the article and sliced
    per block (:meth:`block`), they leave a dropped sentence alone more often
    (``bench/align_drops.py --paragraphs``).
    """

    evidence: Evidence
    ratio: float

    def with_zh(self, zh: Sequence[ZhSentence]) -> TextStats:
        """The same stats, the Chinese weighed afresh (:meth:`Evidence.with_zh`)."""
        return TextStats(self.evidence.with_zh(zh), self.ratio)

    def block(self, i0: int, i1: int, j0: int, j1: int) -> TextStats:
        """The stats of the sentences zh[i0:i1] and en[j0:j1], measured on the whole text."""
        e = self.evidence
        sliced = Evidence(e.zh_bits[i0:i1], e.en_bits[j0:j1], e.zh_total[i0:i1], e.en_total[j0:j1])
        return TextStats(sliced, self.ratio)


#: the fewest anchor pairs whose byte ratio stands for the text's (:func:`anchored_ratio`)
MIN_RATIO_ANCHORS = 5


def text_stats(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], chain: Sequence[tuple[int, int]] | None = None
) -> TextStats:
    """:class:`TextStats` of a text: :func:`evidence` and :func:`anchored_ratio`.

    ``chain`` is the text's anchor chain (:func:`.window.anchor_chain`) when
    the caller has it; otherwise it is found here.
    """
    if chain is None:
        chain = anchor_chain(zh, en)
    return TextStats(evidence(zh, en), anchored_ratio(zh, en, chain))


def anchored_ratio(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], chain: Sequence[tuple[int, int]]
) -> float:
    """English bytes per Chinese byte over the anchors amid a run of them, if there are enough.

    The ratio over the whole text (:func:`byte_ratio`) is skewed by every
    sentence the translator dropped or added: an English text that lost one
    sentence in eight has an eighth fewer bytes, so a Chinese sentence left
    without its English, glued onto its neighbour's bead, looks the right
    length.  An anchor (:func:`.window.anchor_chain`) whose neighbours in the
    chain are the pairs just before and just after it is a 1-1 link, whatever
    was dropped elsewhere; a lone anchor is often one half of a 1-2 bead,
    which would pull the ratio down (on pol, by 13 %).  Fewer than
    :data:`MIN_RATIO_ANCHORS` such anchors: the whole text's ratio.
    """
    pairs = set(chain)
    amid = [(i, j) for i, j in chain if (i - 1, j - 1) in pairs and (i + 1, j + 1) in pairs]
    if len(amid) >= MIN_RATIO_ANCHORS:
        zh_bytes = sum(zh[i].size for i, _ in amid)
        en_bytes = sum(en[j].size for _, j in amid)
        if zh_bytes and en_bytes:
            return en_bytes / zh_bytes
    return byte_ratio(zh, en)


def word_index(zh: ZhSentence, zh_bits: Sequence[int]) -> dict[str, int]:
    """English lemma → bit runs of the Chinese words that may translate to it."""
    index: dict[str, int] = {}
    for word, bits in zip(zh.words, zh_bits, strict=True):
        for lemma in word:
            index[lemma] = index.get(lemma, 0) | bits
    return index


def pair_masks(index: dict[str, int], en: EnSentence, en_bits: Sequence[int]) -> tuple[int, int]:
    """Which Chinese words find a translation in ``en``, and which English tokens are explained.

    ``index`` is the Chinese sentence's :func:`word_index`.  The masks set the
    bit runs of the matched words (see :class:`Evidence`); masks of one
    sentence against several of the other side OR together, which is how
    multi-sentence beads are scored.
    """
    zh_mask = en_mask = 0
    for token, bits in zip(en.tokens, en_bits, strict=True):
        found = index.get(token)
        if found:
            zh_mask |= found
            en_mask |= bits
    return zh_mask, en_mask


@dataclass(frozen=True)
class Weights:
    """The few global parameters of the cost, tuned on the development sets only."""

    lexical: float = 1.0
    length: float = 0.1
    #: variance of the byte-length difference per byte (Gale–Church's s²)
    variance: float = 7.0
    #: pseudo-count pulling the coverage of a sentence with few known words towards ``base_coverage``
    smoothing: float = 1.0
    base_coverage: float = 0.15
    #: cost of leaving one sentence unaligned (on top of it being uncovered)
    null: float = 1.2
    #: least chance of being a dropped sentence (:mod:`flashgen.align.nulls`) at which a sentence at
    #: the end of a bead's many-sentence side is split off as a null link; above 1 never
    split: float = 0.92
    #: the orphan model's coefficients (:mod:`flashgen.align.nulls`); None for its fitted ones
    orphans: tuple[float, ...] | None = None
    #: extra cost per sentence beyond the first on either side of a bead
    merge: float = 0.5
    #: extra cost of a many-to-many bead (2-2, 2-3, 3-2): rare, and noise makes them look good
    many: float = 0.5
    #: cost of a bead whose Chinese ends a quotation, or a question, and whose English does not
    quote: float = 0.6
    question: float = 0.3
    #: cost per punctuation mark (:func:`.features.marks`) the two sides of a bead disagree on, of at
    #: most :data:`MAX_MARKS`
    marks: float = 0.1
    #: half-width, in English sentences, of the DP's search window around the anchor chain
    window: int = SEARCH_WIDTH
    #: ... and of the second pass's window around the first pass's path
    refine: int = 3


DEFAULT_WEIGHTS = Weights()
#: the most punctuation marks a bead pays for (``Weights.marks``): a long quotation in one side only
#: says no more than a short one
MAX_MARKS = 3


def uncovered(matched: int, total: int, weights: Weights) -> float:
    """The share of a sentence's words left unexplained, smoothed for short sentences."""
    return 1.0 - (matched + weights.smoothing * weights.base_coverage) / (total + weights.smoothing)


def ending_cost(zh: Ending, en: Ending, weights: Weights) -> float:
    """What it costs that the English end of a bead drops how its Chinese end closes.

    One-sided on purpose: an English translation often adds a closing quote
    or a question the Chinese lacks (reported speech, a rhetorical turn), but
    a Chinese line of dialogue or question rarely ends mid-sentence in English.
    """
    return (weights.quote if zh.closes_quote and not en.closes_quote else 0.0) + (
        weights.question if zh.asks and not en.asks else 0.0
    )


def length_cost(zh_bytes: int, en_bytes: int, ratio: float, weights: Weights) -> float:
    """Gale–Church: minus log of the two-tailed probability of this length difference."""
    expected = zh_bytes * ratio
    mean = (expected + en_bytes) / 2
    if mean <= 0:
        return 0.0
    delta = abs(en_bytes - expected) / math.sqrt(2 * weights.variance * mean)
    return -math.log(math.erfc(delta) + 1e-300)  # the tiny term keeps log finite far out


def byte_ratio(zh: Iterable[ZhSentence], en: Iterable[EnSentence]) -> float:
    """English bytes per Chinese byte over the whole text (1.0 when either side is empty)."""
    zh_total = sum(s.size for s in zh)
    en_total = sum(s.size for s in en)
    return en_total / zh_total if zh_total and en_total else 1.0


def ratio_skew(zh: Sequence[ZhSentence], en: Sequence[EnSentence], stats: TextStats) -> float:
    """How far the whole text's byte ratio strays from its anchors' (``stats.ratio``), as ``|log|``.

    The anchors amid a run are 1-1 pairs whatever the translator dropped
    (:func:`anchored_ratio`); the whole text's ratio loses the bytes of every
    sentence dropped on one side.  So a text that drops sentences shows it
    over the whole document, even where no single bead does.  0 when the
    text has too few anchors for a ratio of its own.
    """
    return abs(math.log(byte_ratio(zh, en) / stats.ratio))


def null_share(features: Sequence[object | None]) -> float:
    """The share of an alignment's links that leave a sentence alone: each link's confidence
    features, None for such a link (:func:`prefers_cheaper`'s ``nulls``)."""
    return sum(f is None for f in features) / max(1, len(features))


def prefers_cheaper(
    zh: Sequence[ZhSentence],
    en: Sequence[EnSentence],
    stats: TextStats,
    nulls: float,
    coefficients: tuple[float, ...],
) -> bool:
    """Whether a text, aligned once at today's prices, is better aligned at its path's cheaper ones.

    Every price that finds more dropped sentences costs plain text its true
    1-2 beads (issue 12, rounds one to ten), but a translation that drops
    sentences shows it over the whole document even where no single bead
    does: its byte ratio strays from its anchors' (:func:`ratio_skew`), and
    the first alignment leaves more sentences alone (``nulls``: the share of
    its links that do).  A short text's skew and share are noisier, so each
    is also read scaled by the square root of its Chinese sentences, beside
    the log of their number.  ``coefficients`` are the intercept and the
    weights of skew, skew·√n, nulls, nulls·√n and log n, fitted per path
    (``bench/align_docprices.py [--flat]``): articles and flat text leave
    sentences alone at different prices, so the same share means different
    things, and each path keeps the columns that chose its prices best.
    """
    skew, root = ratio_skew(zh, en, stats), math.sqrt(max(1, len(zh)))
    columns = (skew, skew * root, nulls, nulls * root, math.log(max(1, len(zh))))
    intercept, *weights = coefficients
    return intercept + sum(w * c for w, c in zip(weights, columns, strict=True)) >= 0.0
