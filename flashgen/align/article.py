"""An article's sentence pairs: each block of paragraphs aligned on its own, ids over the whole text.

The reader keeps the paragraphs it could pair; aligning inside each pair
keeps one translator's liberty in one paragraph from shifting the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..types import Article, Link, SentencePair
from .beads import align_once
from .confidence import BeadFeatures, bead_confidence
from .cost import DEFAULT_WEIGHTS, TextStats, Weights, null_share, prefers_cheaper, text_stats
from .features import EnSentence, ZhSentence, en_features, with_learned, zh_features
from .fragments import en_pieces, regroup
from .learned import MAX_COST, learn
from .nulls import ARTICLE_COEFFICIENTS
from .scorer import BeadScorer

#: a link in article ids, the block it was aligned in, and what its confidence was read from
_Found = tuple[Link, int, BeadFeatures | None]

#: An article leaves a sentence alone more readily than a flat text (a null bead costs 0.8, not
#: 1.2): a null inside a paragraph block cannot make the rest of the text drift, since the next
#: block starts afresh, whereas in a flat text a cheap null lets a run of links slide (mac-dev
#: loses 0.01–0.05).  Chosen on mac-dev and pol and their seed-1 drop sets as articles: 0.8 finds
#: 0.2–0.25 more of the dropped sentences (exact-bead F1 +0.01–0.05) for −0.003 on plain mac-dev
#: and +0.002 on plain pol; 0.6 costs plain mac-dev 0.02.  It splits a sentence off a bead from an
#: orphan chance of 0.7 (flat text 0.92), read by the articles' own orphan model (:mod:`.nulls`): a
#: sentence glued onto its neighbour's bead gives a card's word an English that does not translate it.
ARTICLE_WEIGHTS = replace(DEFAULT_WEIGHTS, null=0.8, split=0.7, orphans=ARTICLE_COEFFICIENTS)
#: The prices of an article that drops sentences (:func:`drops_sentences`): lexical evidence, length
#: and shapes cheaper against a sentence's unexplained share, so nulls are cheaper.  The ninth round's
#: perceptron fit (``bench/align_perceptron.py --epochs 6 --rate 0.01 --plain-rate 2``) of the five
#: prices it moved most, the ending and punctuation prices as in ``ARTICLE_WEIGHTS``.  It finds more
#: dropped sentences, and on plain text costs the true 1-2 beads whose second half the dictionary does
#: not explain: the whole plain sets as articles at these prices, mac-dev .894 → .875, pol .974 → .963.
DROPPING_WEIGHTS = replace(ARTICLE_WEIGHTS, lexical=0.869, length=0.094, merge=0.363, many=0.129, null=0.304)
#: intercept, then the weights of the byte-ratio skew (:func:`.cost.ratio_skew`) and of the share of
#: links the first alignment leaves alone (the columns of :func:`.cost.prefers_cheaper` this path does
#: not use weigh 0): a logistic fitted (``bench/align_docprices.py``) on the first
#: halves of the four shared sets, plain and with sentences dropped (seed 1), whole and cut into
#: articles of 20, 40 and 80 links, to say whether the cheaper prices align a text better.
DROPPING_COEFFICIENTS = (-0.3131, 2.2083, 0.0, 3.6055, 0.0, 0.0)


def align_article(article: Article, weights: Weights | None = None) -> list[SentencePair]:
    """Pair an article's sentences, title first, ids counted over the whole article.

    Each block of paragraphs (:func:`article_blocks`) is aligned on its own,
    measured against the whole article (word rarity and byte ratio,
    :class:`.cost.TextStats`), in one pass: the paragraphs already pin down what the second pass of
    :func:`.beads.align_features` would settle (on the development sets cut
    into paragraphs it moved F1 by ±0.002 and cost a third more time).
    The prices are ``ARTICLE_WEIGHTS``, or ``DROPPING_WEIGHTS`` where the
    first alignment shows a text that drops sentences (:func:`drops_sentences`;
    then the text is aligned again), unless ``weights`` says otherwise: a
    benchmark tries other prices that way.
    """
    lines = article_blocks(article)
    # a line of several English sentences is aligned sentence by sentence (:mod:`.fragments`)
    split = [en_pieces(block_en) for _, block_en in lines]
    blocks = [(block_zh, parts) for (block_zh, _), (parts, _) in zip(lines, split, strict=True)]
    en_owner, base = [], 0
    for (_, block_en), (_, owner) in zip(lines, split, strict=True):
        en_owner += [base + k for k in owner]
        base += len(block_en)
    zh_all = [s for block_zh, _ in blocks for s in block_zh]
    en_all = [s for _, block_en in blocks for s in block_en]
    en_lines = [s for _, block_en in lines for s in block_en]
    zh = [zh_features(s) for s in zh_all]
    en = [en_features(s) for s in en_all]
    stats = text_stats(zh, en)
    spans = block_spans(blocks)
    chosen = weights or ARTICLE_WEIGHTS
    found = _aligned(zh, en, spans, chosen, stats)
    if weights is None and drops_sentences(zh, en, stats, found):
        chosen = DROPPING_WEIGHTS
        found = _aligned(zh, en, spans, chosen, stats)
    links = regroup(_taught_scores(found, spans, zh, en, chosen, stats), en_owner)
    return [
        SentencePair(
            zh="".join(zh_all[i] for i in link.zh_ids),
            en=" ".join(en_lines[j] for j in link.en_ids),
            zh_ids=link.zh_ids,
            en_ids=link.en_ids,
            score=link.score,
        )
        for link in links
    ]


def _aligned(
    zh: Sequence[ZhSentence],
    en: Sequence[EnSentence],
    spans: Sequence[tuple[int, int, int, int]],
    weights: Weights,
    stats: TextStats,
) -> list[_Found]:
    """Every block aligned on its own, measured against the whole article, its links in article ids.

    The titles are a block of their own: the layout pairs them, but a headline may be
    rewritten rather than translated, so their confidence is measured like any pair's.
    """
    found: list[_Found] = []
    for block, (i0, i1, j0, j1) in enumerate(spans):
        for link, features in align_once(zh[i0:i1], en[j0:j1], weights, stats.block(i0, i1, j0, j1)):
            found.append((_moved(link, i0, j0), block, features))
    return found


def drops_sentences(
    zh: Sequence[ZhSentence], en: Sequence[EnSentence], stats: TextStats, found: Sequence[_Found]
) -> bool:
    """Whether the article, aligned at today's prices, is better aligned at ``DROPPING_WEIGHTS``.

    :func:`.cost.prefers_cheaper` with the articles' coefficients, on the
    share of the first alignment's links that leave a sentence alone.
    """
    nulls = null_share([features for _, _, features in found])
    return prefers_cheaper(zh, en, stats, nulls, DROPPING_COEFFICIENTS)


def _taught_scores(
    found: Sequence[_Found],
    spans: Sequence[tuple[int, int, int, int]],
    zh: Sequence[ZhSentence],
    en: Sequence[EnSentence],
    weights: Weights,
    stats: TextStats,
) -> list[Link]:
    """The links, read again with what the article teaches where a block holds a word it teaches.

    The confidence is fitted on flat alignments, whose second pass adds the
    words the text itself teaches (:mod:`.learned`: names, a translator's
    favourite renderings) to the dictionary; an article's blocks are aligned
    once, so without this its pairs read as less explained than the same
    pairs aligned flat (the seed article's two 2-1 beads: 0.74 against
    0.82–0.83), and right pairs lose their English on a card.  A block where
    the first pass left a sentence alone or made a bead of three sentences
    or more is aligned again with the new words, so that a name the
    dictionary lacks (贝索斯 → *Bezos*) keeps its sentence from being taken
    for one the translator dropped (:mod:`.nulls`); in the others only the
    confidence is read again.  Blocks without a taught word are left alone:
    the new words change nothing there but the weights of the others, slightly.
    """
    learned = learn([link for link, _, features in found if features and features.cost <= MAX_COST], zh, en)
    if not learned:
        return [link for link, _, _ in found]
    # a sentence without a taught word keeps its features: zh_features made them with nothing learned
    taught = [s if learned.keys().isdisjoint(s.terms) else with_learned(s, learned) for s in zh]
    stats = stats.with_zh(taught)
    links: list[Link] = []
    for block, (i0, i1, j0, j1) in enumerate(spans):
        mine = [(link, features) for link, at, features in found if at == block]
        if not any(learned.keys() & zh[i].terms for i in range(i0, i1)):
            links += [link for link, _ in mine]
            continue
        block_stats = stats.block(i0, i1, j0, j1)
        if any(features is None or features.extra for _, features in mine):
            again = align_once(taught[i0:i1], en[j0:j1], weights, block_stats)
            links += [_moved(link, i0, j0) for link, _ in again]
            continue
        scorer = BeadScorer(taught[i0:i1], en[j0:j1], weights, block_stats)
        for link, _ in mine:
            read = scorer.features(
                link.zh_ids[0] - i0, link.zh_ids[-1] + 1 - i0, link.en_ids[0] - j0, link.en_ids[-1] + 1 - j0
            )
            links.append(Link(link.zh_ids, link.en_ids, bead_confidence(read)))
    return links


def _moved(link: Link, i0: int, j0: int) -> Link:
    """A block's link in article ids."""
    return Link(tuple(i0 + i for i in link.zh_ids), tuple(j0 + j for j in link.en_ids), link.score)


def article_blocks(article: Article) -> list[tuple[list[str], list[str]]]:
    """The stretches of text :func:`align_article` aligns one by one, in order: the titles, then paragraphs.

    The titles are a block even when one or both are missing (then a short
    or an empty one), so the paragraphs' blocks follow it in every article.
    """
    title_zh = [article.title_zh] if article.title_zh else []
    title_en = [article.title_en] if article.title_en else []
    return [(title_zh, title_en), *_paragraph_blocks(article)]


def _paragraph_blocks(article: Article) -> list[tuple[list[str], list[str]]]:
    """Paired paragraphs, or runs around unpaired ones.

    A paragraph with one side empty means the reader could not pair
    paragraphs there; all consecutive such paragraphs are merged with their
    paired neighbours into one block so the sentence DP sorts them out.
    """
    blocks: list[tuple[list[str], list[str]]] = []
    open_block = False
    for paragraph in article.paragraphs:
        one_sided = not paragraph.zh or not paragraph.en
        if blocks and (one_sided or open_block):
            blocks[-1][0].extend(paragraph.zh)
            blocks[-1][1].extend(paragraph.en)
        else:
            blocks.append((list(paragraph.zh), list(paragraph.en)))
        open_block = one_sided
    return blocks


def block_spans(blocks: Sequence[tuple[list[str], list[str]]]) -> list[tuple[int, int, int, int]]:
    """Where each block's sentences sit in the article: (zh start, zh end, en start, en end)."""
    spans = []
    zh_base = en_base = 0
    for block_zh, block_en in blocks:
        spans.append((zh_base, zh_base + len(block_zh), en_base, en_base + len(block_en)))
        zh_base, en_base = zh_base + len(block_zh), en_base + len(block_en)
    return spans
