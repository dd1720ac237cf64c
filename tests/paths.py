"""Where the tests find their files.

The repository's own examples and case files are always there.  The shared
seed data (an article, its gold alignment and key terms) lives beside a
clone of the project, in ``../shared``, and is not part of it: tests that need
it skip, saying in plain words what is missing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file of the shared seed data; the test is skipped, saying so, when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"needs the project's shared seed data ({'/'.join(parts)}), which sits beside a clone "
            "of the project in a folder named 'shared'; this checkout has none"
        )
    return path


def cases_file(test_file: str, *parts: str) -> Path:
    """A case file in the ``cases`` folder beside the test module ``test_file`` (its ``__file__``)."""
    return Path(test_file).parent.joinpath("cases", *parts)


def load_cases(test_file: str, *parts: str) -> Any:
    """The JSON content of a case file beside the test module ``test_file``."""
    return json.loads(cases_file(test_file, *parts).read_text(encoding="utf-8"))
