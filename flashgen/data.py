"""Every bundled or packaged data set, loaded lazily behind one helper.

Loading costs time (jieba's dictionary alone is about half a second), so
nothing is read at import.  Each loader is memoised with ``functools.cache``:
the first caller pays, later callers share the result, and a batch run over
many articles loads everything once.  Derived indexes are cached on disk by
:mod:`flashgen.cache`.

jieba's own model cache is never used: its word-frequency table is one of
our indexes (:mod:`flashgen.jieba_index`), set on ``jieba.dt``, so jieba
neither reads its dictionary text nor touches a file in a shared temporary
directory.
"""

from __future__ import annotations

import gc
import importlib.util
import io
import logging
import sys
import types
from collections.abc import Callable
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from .cache import cached_index
from .jieba_hmm import viterbi
from .jieba_index import FreqTable, JiebaTable, TagTable, build_jieba_index, is_jieba_index
from .memo import forget_per_article
from .pypinyin_index import PhraseTable, build_phrase_index, is_char_index, is_phrase_index


def package_file(package: str, relative: str) -> Path:
    """The path of a data file shipped inside an installed package."""
    return Path(str(resources.files(package).joinpath(relative)))


@cache
def pypinyin() -> Any:
    """The pypinyin module, its tables served from our indexes, imported with the cycle collector paused.

    pypinyin's phrase and character tables come from :mod:`flashgen.pypinyin_index`
    (set in place of the modules that would build them) when pypinyin is not
    imported yet, and the sorted phrases answer its segmenter's prefix
    questions (it would build a set of 87,000 prefixes at import).  The import
    makes thousands of objects and no reference cycles; meanwhile the
    collector would walk the growing heap again and again.  The objects alive
    then (these tables and jieba's, loaded for the whole run) are frozen, so
    that later collections skip them.  No collection comes first: it would
    walk every table (up to a fiftieth of a build) and finds no garbage (a
    freeze keeps only cyclic garbage alive: reference counting frees the rest).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        phrases = None if "pypinyin" in sys.modules else _serve_pypinyin_tables()
        import pypinyin

        if phrases is not None:  # the segmenter was trained on nothing: the phrases answer its prefixes
            phrases.importing = False
            from pypinyin.seg import mmseg

            mmseg.p_set._set = phrases.prefixes()  # type: ignore[assignment]  # it only asks "in" and adds
    finally:
        gc.freeze()
        if paused:
            gc.enable()
    return pypinyin


def _serve_pypinyin_tables() -> PhraseTable | None:
    """Put pypinyin's two table modules, read from our indexes, where its import will find them;
    the phrase table served, if it is."""
    spec = importlib.util.find_spec("pypinyin")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(spec.submodule_search_locations[0])
    phrases = cached_index(
        "pypinyin-phrases-v1", folder / "phrases_dict.py", _real_phrase_index, is_phrase_index
    )
    chars = cached_index("pypinyin-chars-v1", folder / "pinyin_dict.py", _real_char_index, is_char_index)
    if "pypinyin" in sys.modules:  # an index was built: pypinyin is imported with its own tables
        return None
    phrase_table = PhraseTable(*phrases)
    phrase_table.importing = True
    for name, attribute, table in (
        ("phrases_dict", "phrases_dict", phrase_table),
        ("pinyin_dict", "pinyin_dict", chars),
    ):
        module = types.ModuleType(f"pypinyin.{name}", "served by flashgen.data from a cached index")
        setattr(module, attribute, table)
        sys.modules[module.__name__] = module
    return phrase_table


def _real_phrase_index() -> tuple[str, str]:
    from pypinyin import phrases_dict

    return build_phrase_index(phrases_dict.phrases_dict)


def _real_char_index() -> dict[int, str]:
    from pypinyin import pinyin_dict

    return dict(pinyin_dict.pinyin_dict)


def import_genanki() -> Any:
    """``import genanki``, its ``cached_property`` backport served by the standard library's.

    genanki decorates two plain methods with the backport, whose import pulls
    in ``asyncio`` (for coroutines genanki never has): a fiftieth of a build.
    ``functools.cached_property`` caches a plain method's value the same way.
    It stands in for this import only: a later ``import cached_property``
    gets the real package.
    """
    if "genanki" in sys.modules:
        return sys.modules["genanki"]
    serve = "cached_property" not in sys.modules
    if serve:
        stand_in = types.ModuleType("cached_property", "functools.cached_property, for genanki's import")
        stand_in.cached_property = cached_property  # type: ignore[attr-defined]
        sys.modules["cached_property"] = stand_in
    try:
        import genanki
    finally:
        if serve and sys.modules.get("cached_property") is stand_in:
            del sys.modules["cached_property"]
    return genanki


def _import_jieba() -> Any:
    """``import jieba``, refusing it ``pkg_resources``.

    jieba imports ``pkg_resources`` only to locate its own data files, which
    costs 0.15-0.2 s; without it, jieba opens them beside its module, the same
    files.  The refusal lasts for this import only, and only when nothing has
    imported ``pkg_resources`` already.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    refuse = "pkg_resources" not in sys.modules
    if refuse:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails: ImportError
    try:
        import jieba
    finally:
        if refuse and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def jieba_tokenizer() -> Any:
    """jieba's default tokenizer, initialised quietly from our own index.

    ``jieba.initialize()`` would load its 500,000-entry frequency dict from a
    model cache in a shared temporary directory (anyone on the machine can
    plant one there) or re-read its dictionary text.  We set the same table,
    as a :class:`FreqTable` over our cached index, and mark the tokenizer
    initialised: jieba then reads no file at all.  A tokenizer the caller
    already initialised (a user dictionary) is left as it is.
    """
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized:
            table = jieba_table()
            tokenizer.FREQ = FreqTable(table)
            tokenizer.total = table.total
            tokenizer.initialized = True
            _answer_from(tokenizer, tokenizer.FREQ)
            # a block is a sentence: the next article cuts others
            forget_per_article(tokenizer.FREQ.forget_blocks)
    return tokenizer


def _answer_from(tokenizer: Any, table: FreqTable) -> None:
    """jieba's word graph and route (``get_DAG``, ``calc``) answered by :class:`FreqTable` while
    the tokenizer reads ``table``; by jieba's own methods if someone sets another dictionary."""
    jieba_dag: Callable[[str], dict[int, list[int]]] = tokenizer.get_DAG
    jieba_calc = tokenizer.calc

    def get_dag(sentence: str) -> dict[int, list[int]]:
        ours = tokenizer.initialized and tokenizer.FREQ is table  # jieba's own initialises if need be
        return table.dag(sentence) if ours else jieba_dag(sentence)

    def calc(sentence: str, dag: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
        if tokenizer.FREQ is table:
            table.route(sentence, dag, route, tokenizer.total)
        else:
            jieba_calc(sentence, dag, route)

    tokenizer.get_DAG, tokenizer.calc = get_dag, calc


@cache
def jieba_posseg() -> Any:
    """jieba's part-of-speech tokenizer sharing the default tokenizer's dictionary.

    Importing ``jieba.posseg`` builds a tokenizer that re-reads jieba's whole
    dictionary text for its tags, which costs as much as loading jieba itself.
    We let that import read an empty file and answer the same word → tag
    table from our own index instead.  Its HMM search for unknown character
    runs is replaced by :func:`flashgen.jieba_hmm.viterbi`, the same answer
    several times faster.
    """
    tokenizer = jieba_tokenizer()
    tokenizer.get_dict_file = lambda: io.BytesIO(b"")
    try:
        from jieba import posseg
    finally:
        del tokenizer.get_dict_file  # the class's method shows through again
    posseg.dt.word_tag_tab = TagTable(jieba_table())
    posseg.viterbi = viterbi  # the name jieba's POS tokenizer calls
    return posseg.dt


@cache
def jieba_table() -> JiebaTable:
    """jieba's dictionary from our cached index (built from ``dict.txt`` when missing)."""
    _import_jieba()  # locating jieba's files imports it: without pkg_resources
    dict_path = package_file("jieba", "dict.txt")
    return JiebaTable(
        *cached_index("jieba-v3", dict_path, lambda: build_jieba_index(dict_path), is_jieba_index)
    )
