"""Shared fixtures. Keep small: most helpers live in modules the tests import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests check outcomes, never time: an example that happens to load a dictionary on a busy
# machine must not fail on hypothesis's 200 ms deadline (speed is measured in bench/).
settings.register_profile("flashgen", deadline=None)
settings.load_profile("flashgen")


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty collection of the official Anki library, closed afterwards."""
    anki = pytest.importorskip("anki.collection")
    col = anki.Collection(str(tmp_path / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()
