"""Shared fixtures. Keep small: most helpers live in modules the tests import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty collection of the official Anki library, closed afterwards."""
    anki = pytest.importorskip("anki.collection")
    col = anki.Collection(str(tmp_path / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()
