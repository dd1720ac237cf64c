"""The whole run: article sources in, decks out, one library call per CLI command.

:func:`analyse` is the pure core (article → aligned pairs → terms).  The other
functions are the edges that read files (through :mod:`flashgen.text`) and
write decks (through :mod:`flashgen.anki`).  Every data set is loaded once per
process behind :mod:`flashgen.data`, so a batch of articles pays the loading
cost once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import text
from .align import align, align_article, format_links
from .errors import FlashgenError
from .memo import next_article
from .options import Options
from .types import Article, SentencePair, Term, two_file_source
from .vocab import select_terms

#: Paragraphs aligned to choose between readings of a layout: a shifted pairing shows at once.
_LAYOUT_PROBE = 8
#: Readings of a layout :func:`_aligned` keeps the pairs of (the alternating layout has three).
_LAYOUT_READINGS = 4
#: File name (without .apkg) of the deck that ``--combine`` writes.
COMBINED_STEM = "flashgen-combined"


@dataclass(frozen=True)
class Source:
    """Where one article comes from: one file, or a Chinese and an English file."""

    article: Path | None = None
    zh: Path | None = None
    en: Path | None = None

    @property
    def name(self) -> str:
        """How the progress bar names this source."""
        return str(self.article) if self.article else two_file_source(self.zh, self.en)


@dataclass(frozen=True)
class Analysis:
    """An article with its alignment, its picked terms and what known words took out."""

    article: Article
    pairs: tuple[SentencePair, ...]
    terms: tuple[Term, ...]
    skipped_known: int = 0


@dataclass(frozen=True)
class BuildReport:
    """What one article contributed to a build, for the summary table."""

    title: str
    deck_path: Path
    terms: int
    cards: int
    skipped_known: int
    seconds: float
    #: Article files whose deck, of the same title, this build's deck file replaced.
    replaced: tuple[str, ...] = ()


def analyse(article: Article, options: Options) -> Analysis:
    """Align ``article`` and pick its terms (pure: no files, no terminal)."""
    pairs = _aligned(article)
    selection = select_terms(pairs, options)
    if not selection.terms and not selection.skipped_known:
        raise FlashgenError(f"{article.source}: no Chinese word worth a card was found")
    return Analysis(article, pairs, tuple(selection.terms), selection.skipped_known)


def load_article(source: Source, options: Options) -> Article:
    """Read one article from its source file(s), in the reading of its layout that translates best."""
    if source.article is not None:
        return likeliest_layout(text.read_layouts(source.article, options))
    assert source.zh is not None and source.en is not None
    return text.read_two_files(source.zh, source.en, options)


def likeliest_layout(readings: Sequence[Article]) -> Article:
    """The reading of an article's layout whose paragraphs translate each other best.

    Only the alternating layout has several (how many lines the headline
    takes).  A paragraph paired with its neighbour's translation leaves its
    sentences unexplained, so the share of sentences in confident pairs over
    the first few paragraphs tells the readings apart; a tie keeps the
    reader's likeliest.
    """
    if len(readings) == 1:
        return readings[0]
    return max(readings, key=lambda a: _translated_share(replace(a, paragraphs=a.paragraphs[:_LAYOUT_PROBE])))


def _translated_share(article: Article) -> float:
    """The share of an article's sentences that are in pairs, weighted by the pairs' confidence."""
    pairs = _aligned(article)
    sentences = sum(len(p.zh_ids) + len(p.en_ids) for p in pairs)
    return sum(p.score * (len(p.zh_ids) + len(p.en_ids)) for p in pairs) / max(sentences, 1)


@lru_cache(maxsize=_LAYOUT_READINGS)
def _aligned(article: Article) -> tuple[SentencePair, ...]:
    """The article's pairs, kept for the few articles last aligned: an article no longer than the
    layout probe is aligned whole by :func:`likeliest_layout`, and again by :func:`analyse`."""
    return tuple(align_article(article))


def expand_sources(paths: Iterable[Path]) -> list[Source]:
    """One Source per article path; a folder stands for the ``.txt`` files in it."""
    sources: list[Source] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise FlashgenError(f"{path}: folder holds no .txt article")
            sources.extend(Source(article=p) for p in found)
        else:
            sources.append(Source(article=path))
    return sources


def build_decks(
    sources: Sequence[Source],
    out_dir: Path,
    options: Options,
    combine: bool = False,
    on_step: Callable[[str, str], None] | None = None,
) -> list[BuildReport]:
    """Build one deck per source (or one combined deck) in ``out_dir``.

    The output directory is checked first and all articles are read and
    analysed before anything is written, so a bad output directory fails fast
    and an unreadable article in a batch leaves no partial set of decks behind.
    ``on_step`` is told each step of each source: ``(name, "reading")``, then
    ``"analysing"``, then ``"writing"`` (the CLI shows it, so a long article
    is not a silent minute).
    """
    from . import anki  # the deck writer and genanki: only for the runs that write decks

    step = on_step or (lambda _name, _step: None)
    anki.prepare_output_dir(out_dir)
    analyses, seconds = [], []
    for source in sources:
        start = time.perf_counter()
        next_article()
        step(source.name, "reading")
        article = load_article(source, options)
        step(source.name, "analysing")
        analyses.append(analyse(article, options))
        seconds.append(time.perf_counter() - start)
    step(out_dir.name, "writing")
    written = _write_decks(analyses, out_dir, options, combine)
    return [
        BuildReport(
            a.article.title,
            path,
            len(a.terms),
            anki.CARDS_PER_NOTE * len(a.terms),
            a.skipped_known,
            secs,
            replaced,
        )
        for a, (path, replaced), secs in zip(analyses, written, seconds, strict=True)
    ]


def _write_decks(
    analyses: Sequence[Analysis], out_dir: Path, options: Options, combine: bool
) -> list[tuple[Path, tuple[str, ...]]]:
    """Write the decks: where each analysis went, and which other articles' deck that file held."""
    from . import anki

    groups = (
        [(out_dir / f"{COMBINED_STEM}.apkg", list(analyses))]
        if combine
        else [(path, [a]) for path, a in zip(_deck_paths(out_dir, analyses), analyses, strict=True)]
    )
    written = []
    for path, group in groups:
        next_article()  # what the deck before asked of its sentences: this one asks of others
        ours = {a.article.source_name for a in group}
        replaced = tuple(sorted(anki.deck_sources(path) - ours))
        anki.write_deck([(a.article, a.terms) for a in group], path, options)
        written += [(path, replaced)] * len(group)
    return written


def _deck_paths(out_dir: Path, analyses: Sequence[Analysis]) -> list[Path]:
    taken: set[Path] = set()
    return [_deck_path(out_dir, a.article, taken) for a in analyses]


def _deck_path(out_dir: Path, article: Article, taken: set[Path]) -> Path:
    """``out_dir/<slug>.apkg``, numbered when two articles of one batch share a title."""
    from . import anki

    stem = anki.slugify(article.title)
    path = out_dir / f"{stem}.apkg"
    number = 2
    while path in taken:
        path = out_dir / f"{stem}-{number}.apkg"
        number += 1
    taken.add(path)
    return path


def analyse_source(source: Source, options: Options) -> Analysis:
    """Read and analyse one article (``flashgen words`` and ``flashgen align``)."""
    return analyse(load_article(source, options), options)


def align_source(source: Source, options: Options) -> tuple[SentencePair, ...]:
    """Read one article and pair its sentences (``flashgen align``)."""
    return _aligned(load_article(source, options))


def align_presplit(zh_path: Path, en_path: Path) -> str:
    """Align two one-sentence-per-line files; the ``[i,j]:[k]`` link lines."""
    zh, en = text.read_presplit(zh_path, en_path)
    return format_links(align(zh, en))


def term_record(term: Term) -> dict[str, object]:
    """A term as the JSON object of ``flashgen words --json`` (a public contract)."""
    word = term.word
    return {
        "simplified": word.simplified,
        "traditional": word.traditional,
        "pinyin": word.pinyin,
        "pinyin_numbered": word.pinyin_numbered,
        "meaning": word.meaning,
        "english": word.english,
        "sentence_zh": term.example.zh,
        "sentence_en": term.example.en,
        "hsk": word.hsk,
        "count": term.count,
    }


def pair_record(pair: SentencePair) -> dict[str, object]:
    """A sentence pair as the JSON object of ``flashgen align --json`` (a public contract)."""
    return {
        "zh": pair.zh,
        "en": pair.en,
        "zh_ids": list(pair.zh_ids),
        "en_ids": list(pair.en_ids),
        "score": round(pair.score, 4),
    }
