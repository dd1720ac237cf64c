"""English lines that hold more than one sentence: aligned sentence by sentence, reported line by line.

Whoever joined a text's lines (or a translator who merged two sentences)
often leaves two sentences on one English line: "A. B." against two Chinese
lines, the first of which *A* translates, the second *B*.  Aligned whole, such
a line is a 2-1 bead at best; when a neighbour is a 1-2 bead the gold is a
2-2, which the search prices dearly, so it cuts the line's sentences apart at
the wrong place (issue 12, seventh round: on the derived sets that merge
English sentences, most of the beads cut into more beads).  So each English
line is split into its sentences by the reader's own rules
(:func:`flashgen.text.sentences.split_english`), sentences of fewer than
:data:`MIN_WORDS` words staying with their neighbour, the sentences are
aligned, and the links are joined back into links of lines
(:func:`regroup`).  A text whose lines are single sentences (what the
reader produces) is aligned exactly as before.  Chinese lines are left
whole: a Chinese line with two sentences in it is, on the shared sets,
one unit of translation more often than not (splitting them cost plain
mac-dev and pol 0.01 exact-bead F1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text.sentences import split_english
from ..types import Link

#: the fewest words a sentence of a line needs to be aligned on its own; a shorter one ("Figure 1.2.",
#: "2.", "Wang asked.", "I...") stays with the sentence before it (or, first in its line, after it)
MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")


def pieces(lines: Sequence[str], splitter: Callable[[str], list[str]]) -> tuple[list[str], list[int]]:
    """The sentences of every line (:data:`MIN_WORDS` words or more), and for each the line it comes from."""
    found: list[str] = []
    owner: list[int] = []
    for k, line in enumerate(lines):
        parts = splitter(line) if line.strip() else []
        if len(parts) > 1:
            parts = _joined(parts)
        for part in parts if len(parts) > 1 else [line]:
            found.append(part)
            owner.append(k)
    return found, owner


def _joined(parts: Sequence[str]) -> list[str]:
    """The sentences of a line, each too short one joined to the one before (or the first to the next)."""
    kept: list[str] = []
    carried = ""
    for part in parts:
        text = f"{carried} {part}" if carried else part
        if len(_WORD.findall(part)) < MIN_WORDS:
            if kept:
                kept[-1] = f"{kept[-1]} {text}"
                carried = ""
            else:
                carried = text
        else:
            kept.append(text)
            carried = ""
    if carried:
        if kept:
            kept[-1] = f"{kept[-1]} {carried}"
        else:
            kept.append(carried)
    return kept


def en_pieces(lines: Sequence[str]) -> tuple[list[str], list[int]]:
    """:func:`pieces` of English lines."""
    return pieces(lines, split_english)


def regroup(links: Sequence[Link], en_owner: Sequence[int]) -> list[Link]:
    """Links of English sentences as links of the lines they come from, in order.

    Links that share a line, and any between them, become one link; its
    score is the least of the scores of the pairs it joins (a null link
    joined to a pair adds a sentence, not evidence).  When no line was split
    the links come back as they are.
    """
    if len(en_owner) == (en_owner[-1] + 1 if en_owner else 0):
        return list(links)
    # the last link holding a sentence of each line
    last: dict[int, int] = {}
    for k, link in enumerate(links):
        for j in link.en_ids:
            last[en_owner[j]] = k
    out: list[Link] = []
    k = 0
    while k < len(links):
        end = k
        scan = k
        while scan <= end:
            link = links[scan]
            for j in link.en_ids:
                end = max(end, last[en_owner[j]])
            scan += 1
        group = links[k : end + 1]
        zh_ids = tuple(i for link in group for i in link.zh_ids)
        en_ids = tuple(dict.fromkeys(en_owner[j] for link in group for j in link.en_ids))
        scores = [link.score for link in group if link.zh_ids and link.en_ids]
        score = min(scores) if zh_ids and en_ids and scores else 0.0
        if (zh_ids and en_ids) or len(zh_ids) + len(en_ids) == 1:
            out.append(Link(zh_ids, en_ids, score))
        else:  # lines of one side only: one null link a line
            out += [Link((i,), ()) for i in zh_ids] + [Link((), (j,)) for j in en_ids]
        k = end + 1
    return out
