"""Stage 2, alignment: which Chinese sentences translate which English ones.

Sentence features (:mod:`.features`) are priced bead by bead (:mod:`.cost`)
in a dynamic programme (:mod:`.beads`) searched in a window around an anchor
skeleton (:mod:`.window`); a second pass adds what the text itself teaches
(:mod:`.learned`).  :mod:`.article` aligns an article paragraph pair by
paragraph pair; :mod:`.links` reads and writes the ``[i,j]:[k]`` format.

Exports :func:`align` (two lists of sentences to links), :func:`align_article`
(an article to sentence pairs with a confidence), :func:`format_links` and
:func:`parse_links`.
"""

from .article import align_article
from .beads import align
from .links import format_links, parse_links

__all__ = ["align", "align_article", "format_links", "parse_links"]
