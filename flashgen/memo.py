"""Memo tables kept for one article only, forgotten when a batch moves on to the next article.

A build remembers many answers in ``functools`` caches.  Those keyed by a word, a lemma or a
gloss are asked again by the next article (the same common words come back), so they are kept
for the whole run.  Those keyed by a sentence (its tokens, features, English words, reading line,
jieba's word graph) or by what one sentence pairs up (a gloss with a word of its English, a
string of its Chinese) seldom are, and kept they only grew: in a batch of the seed and 41
article cases they held about 45 MB at its end, the batch's peak (242 MB, against 146 MB for one
article).  Forgotten, the batch works out about 11,000 of their 135,000 answers again (of
``senses.match_word`` 5,000 of 99,000, 2 µs each; of the engine's ``word_readings``, 5,800 of
26,000, 0.4 µs each, mostly a deck's reading line asking what its article's analysis asked), some
13 ms in all.  Such a table registers itself here (:func:`per_article`), and the pipeline calls
:func:`next_article` before each article it reads and each deck it writes.

Forgetting changes no answer: every registered table memoises a pure function, so a question
asked again is worked out again, to the same value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar


class Clearable(Protocol):
    """A memoised function (``functools.cache``, ``lru_cache``): what :func:`per_article` takes."""

    def cache_clear(self) -> None: ...


Memoised = TypeVar("Memoised", bound=Clearable)

#: How to forget each registered table, in the order they registered.
_FORGET: list[Callable[[], None]] = []


def per_article(memoised: Memoised) -> Memoised:
    """Register a memoised function whose answers serve one article (a decorator, placed over
    ``@cache`` or ``@lru_cache``): :func:`next_article` empties it."""
    forget_per_article(memoised.cache_clear)
    return memoised


def forget_per_article(forget: Callable[[], None]) -> None:
    """Register ``forget``, which empties a memo table that is not a ``functools`` cache."""
    _FORGET.append(forget)


def next_article() -> None:
    """Forget every answer kept for the article before: the next one will not ask it again."""
    for forget in _FORGET:
        forget()
