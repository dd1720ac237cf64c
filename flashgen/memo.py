"""Memo tables kept for one article only, forgotten when a batch moves on to the next article.

A build remembers many answers in ``functools`` caches.  Those keyed by a word, a lemma or a
gloss are asked again by the next article (the same common words come back), so they are kept
for the whole run.  Those keyed by a sentence (its tokens, features, English words, reading line)
or a word within one sentence almost never are: over the seed and forty article cases, not one of
their answers served a later article.  Kept, they only grew: a batch of 42 articles held about
36 MB of them at its end, a quarter of a single build's peak memory.  Such a table registers
itself here (:func:`per_article`), and the pipeline calls :func:`next_article` before each
article it reads and each deck it writes.

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
