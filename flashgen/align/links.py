"""Links as text: the ``[i,j]:[k]`` lines of ``flashgen align --presplit`` and of the gold sets."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Link

_LINK_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def format_links(links: Sequence[Link]) -> str:
    """Links as ``[i,j]:[k]`` lines, Chinese ids first (the ``--presplit`` output)."""
    return "".join(f"[{_ids(link.zh_ids)}]:[{_ids(link.en_ids)}]\n" for link in links)


def parse_links(text: str) -> list[Link]:
    """Read ``[i,j]:[k]`` lines back into links (score 0); blank lines are skipped."""
    links = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LINK_LINE.match(line)
        if match is None:
            raise ValueError(f"line {number}: not a link: {line!r}")
        zh, en = (tuple(int(x) for x in group.split(",") if x.strip()) for group in match.groups())
        links.append(Link(zh, en))
    return links


def _ids(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids)
