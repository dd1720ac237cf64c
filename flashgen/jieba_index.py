"""jieba's dictionary as one flat index: sorted words with their counts and tags.

jieba keeps its 500,000 words in a dict it rebuilds from its dictionary text
(or unpickles from a cache in a shared temporary directory) at every start.
The same table as one sorted string and two arrays, bisected, is built once
and cached by :mod:`flashgen.cache`; :class:`FreqTable` and :class:`TagTable`
answer jieba's questions from it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from itertools import pairwise
from math import log
from pathlib import Path
from typing import Any


class JiebaTable:
    """jieba's dictionary as flashgen caches it: its words, sorted, each with its
    count and part-of-speech tag.

    One index, built in one pass, serves both jieba's frequency table
    (:class:`FreqTable`) and its tag table (:class:`TagTable`); the words are
    split out of one string once and shared.
    """

    def __init__(self, words: str, counts: bytes, total: int, tags: str, names: str) -> None:
        self.words = words.split("\n")
        self.counts = array("I")
        self.counts.frombytes(counts)
        self.total = total
        self.tags = tags  # one character per word: the index of its tag in ``names``
        self.names = names.split("\n")


def build_jieba_index(dict_path: Path) -> tuple[str, bytes, int, str, str]:
    """jieba's ``word count tag`` lines as (sorted words, their counts, the total,
    one tag code per word, the tag names).

    The counts and the total are what ``jieba.Tokenizer.gen_pfdict`` reads
    (the last line of a repeated word wins), the tags what ``jieba.posseg``
    reads.  The prefixes jieba's table also lists are not stored: the sorted
    words answer for them (:class:`FreqTable`).
    """
    text = dict_path.read_bytes().decode("utf-8")
    fields = text.split()
    if len(fields) == 3 * (text.count("\n") + (not text.endswith("\n"))):
        # Every line is "word count tag", as jieba requires: take the columns at once.
        words, counts, tags = fields[0::3], fields[1::3], fields[2::3]
    else:  # blank lines or stray spaces: line by line, as jieba reads it
        words, counts, tags = [], [], []
        for raw in text.split("\n"):
            if line := raw.strip(" \t\n\r\x0b\x0c"):
                word, count, tag = line.split(" ")
                words.append(word)
                counts.append(count)
                tags.append(tag)
    # Sorted by word, file order kept among equal words: the last of each run is the one jieba keeps.
    order = sorted(range(len(words)), key=words.__getitem__)
    keep = [i for i, j in pairwise(order) if words[i] != words[j]] + order[-1:]
    names = sorted(set(tags))
    codes = {name: chr(i) for i, name in enumerate(names)}
    return (
        "\n".join([words[i] for i in keep]),
        array("I", [int(counts[i]) for i in keep]).tobytes(),
        sum(map(int, counts)),
        "".join([codes[tags[i]] for i in keep]),
        "\n".join(names),
    )


def is_jieba_index(value: Any) -> bool:
    """Whether a loaded value has the shape :func:`build_jieba_index` gives."""
    if not (isinstance(value, tuple) and len(value) == 5):
        return False
    words, counts, total, tags, names = value
    if not (
        isinstance(words, str)
        and isinstance(counts, bytes)
        and isinstance(total, int)
        and isinstance(tags, str)
        and isinstance(names, str)
    ):
        return False
    size = words.count("\n") + 1
    return len(counts) == size * array("I").itemsize and len(tags) == size and total > 0


class FreqTable(Mapping[str, int]):
    """jieba's word → count table (``Tokenizer.FREQ``), answered by bisection.

    jieba's table holds every word with its count and every prefix of a word
    with 0 (so that a fragment not in it ends the search for longer words).
    Loading it as a 500,000-entry dict costs about a quarter of a second at
    every start, more than all of flashgen's own work on an article; here the
    sorted words answer instead: the first word not below a fragment is the
    fragment itself (its count), starts with it (a prefix: 0), or neither (not
    in the table).  jieba reads the table with ``in``, ``[]`` and ``get``, and
    asks about the same few fragments again and again (the seed article: 15,600
    questions, 1,800 fragments), so each answer is kept in a dict consulted
    first: a long text costs about what jieba's own dict costs.  Words jieba
    adds (``add_word``, user dictionaries) go into that dict too.
    """

    def __init__(self, table: JiebaTable) -> None:
        self._words, self._counts, self._size = table.words, table.counts, len(table.words)
        self._known: dict[str, int | None] = {}  # fragment → count, None when not in the table
        self._added: dict[str, int] = {}
        # each block's word graph and route, for its next cut (a sentence is cut several times:
        # for the aligner, the picker's tokens, the reading engine's, each word's neighbours)
        self._dags: dict[str, dict[int, list[int]]] = {}
        self._routes: dict[str, tuple[dict[int, list[int]], int, dict[int, tuple[float, int]]]] = {}

    def _find(self, word: str) -> int | None:
        at = bisect_left(self._words, word)
        count: int | None = None
        if at < self._size:
            found = self._words[at]
            if found == word:
                count = self._counts[at]
            elif word and found.startswith(word):
                count = 0
        self._known[word] = count
        return count

    # jieba asks in a tight loop: one dict lookup, and one call only for a new fragment.
    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        count = self._known.get(word, -1)
        if count == -1:
            count = self._find(word)
        return default if count is None else count

    def __contains__(self, word: object) -> bool:
        count = self._known.get(word, -1)  # type: ignore[call-overload]
        if count == -1:
            count = self._find(word)  # type: ignore[arg-type]
        return count is not None

    def __getitem__(self, word: str) -> int:
        count = self._known.get(word, -1)
        if count == -1:
            count = self._find(word)
        if count is None:
            raise KeyError(word)
        return count

    def dag(self, sentence: str) -> dict[int, list[int]]:
        """``jieba.Tokenizer.get_DAG`` over this table: for each start, where the dictionary's words
        from there end (the start alone if none).  The same loop, without two method calls per
        fragment: jieba builds one for every sentence it cuts, several times per sentence."""
        remembered = self._dags.get(sentence)
        if remembered is not None:
            return remembered  # jieba only reads it
        known, find, size = self._known, self._find, len(sentence)
        dag: dict[int, list[int]] = {}
        for start in range(size):
            ends = []
            end = start
            fragment = sentence[start]
            while end < size:
                count = known.get(fragment, -1)
                if count == -1:
                    count = find(fragment)
                if count is None:
                    break
                if count:
                    ends.append(end)
                end += 1
                fragment = sentence[start : end + 1]
            dag[start] = ends or [start]
        _remember(self._dags, sentence, dag)
        return dag

    def route(
        self, sentence: str, dag: Mapping[int, list[int]], route: dict[int, tuple[float, int]], total: int
    ) -> None:
        """``jieba.Tokenizer.calc`` over this table: the likeliest way through ``dag``, by the
        same arithmetic, with one dict lookup per word instead of a method call: the route
        remembered for this block when ``dag`` is its remembered graph and the total unchanged."""
        remembered = self._routes.get(sentence)
        if remembered is not None and remembered[0] is dag and remembered[1] == total:
            route.update(remembered[2])
            return
        known, size = self._known, len(sentence)
        route[size] = (0, 0)
        logtotal = log(total)
        for start in range(size - 1, -1, -1):
            options = [
                (log(known.get(sentence[start : end + 1]) or 1) - logtotal + route[end + 1][0], end)
                for end in dag[start]
            ]
            # most starts begin one word only: its option, without max's comparisons
            route[start] = options[0] if len(options) == 1 else max(options)
        if self._dags.get(sentence) is dag:
            _remember(self._routes, sentence, (dag, total, dict(route)))

    def __setitem__(self, word: str, count: int) -> None:
        self._known[word] = self._added[word] = count
        self.forget_blocks()  # a new word changes the graphs and routes

    def forget_blocks(self) -> None:
        """Forget the remembered graphs and routes (the fragments' counts stay: words recur)."""
        self._dags.clear()
        self._routes.clear()

    def __len__(self) -> int:
        return len(self.as_dict())

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_dict())

    def as_dict(self) -> dict[str, int]:
        """The same table as a plain dict, as ``jieba.Tokenizer.gen_pfdict`` builds it."""
        plain = {word[:end]: 0 for word in self._words for end in range(1, len(word))}
        plain.update(zip(self._words, self._counts, strict=True))
        plain.update(self._added)
        return plain


#: Blocks whose graph and route are remembered: the passes over one article's sentences, not a book's.
_BLOCKS = 4096


def _remember(memo: dict[str, Any], block: str, value: Any) -> None:
    """Keep ``value`` for ``block``, forgetting the oldest block beyond :data:`_BLOCKS`."""
    if len(memo) >= _BLOCKS:
        del memo[next(iter(memo))]
    memo[block] = value


class TagTable(dict[str, str]):
    """jieba's word → part-of-speech table, answered by bisection in the shared word list.

    Building a 350,000-entry dict at every start costs a few tenths of a
    second; bisecting the words :class:`JiebaTable` already holds costs
    nothing at start.  jieba's POS tokenizer only calls ``get`` (and
    ``update`` for user dictionaries, which land in the dict itself).
    """

    def __init__(self, table: JiebaTable) -> None:
        super().__init__()
        self._table = table
        self._found: dict[str, str | None] = {}  # each word asked: its tag in the table, if any

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        tag = self._found.get(word, "")
        if tag == "":
            tag = self._found[word] = self._find(word)
        return default if tag is None else tag

    def _find(self, word: str) -> str | None:
        table = self._table
        at = bisect_left(table.words, word)
        if at < len(table.words) and table.words[at] == word:
            code = ord(table.tags[at])
            if code < len(table.names):
                return table.names[code]
        return None
