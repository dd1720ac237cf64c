"""Write the English thesaurus the package ships (``flashgen/indexes/thesaurus-v2.txt.gz``) from WordNet 3.0.

Run at development time only, on WordNet's database files (Debian's ``wordnet-base`` package,
unpacked anywhere: ``apt-get download wordnet-base && dpkg -x wordnet-base_*.deb /tmp/wn``):

    python bench/build_thesaurus.py /tmp/wn/usr/share/wordnet

Nothing reads WordNet at run time: the table it writes is all flashgen uses
(:mod:`flashgen.lexicon.thesaurus`), shipped with WordNet's licence beside it
(``flashgen/indexes/WORDNET-LICENSE``).  For each one-word English lemma, its
synonyms: the other one-word lemmas of its most frequent synsets (``--senses``,
in WordNet's order of frequency), and with ``--similar`` the lemmas of the
adjective synsets WordNet marks similar to them, with ``--derived`` the words
derivationally related to it ("urge": urging).  Only synonyms that CC-CEDICT's
glosses use are kept (they are compared with a card's glosses), so the file stays small.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import defaultdict
from pathlib import Path

from flashgen.lexicon.dictionary import LOWER_WORD, cedict_rows, lemma

OUT = Path(__file__).resolve().parents[1] / "flashgen" / "indexes" / "thesaurus-v2.txt.gz"
ANTONYMS = Path(__file__).resolve().parents[1] / "flashgen" / "indexes" / "antonyms-v1.txt.gz"
_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def _synsets(folder: Path) -> dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, int, int]]]]:
    """(pos, offset) → its lemmas, and its pointers (symbol, offset, pos, source word, target word)."""
    found = {}
    for name, pos in _POS.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, count = fields[0], int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            words = [re.sub(r"\(.*\)$", "", w) for w in words]  # adjective markers: "(a)", "(p)"
            at = 4 + 2 * count
            pointers = []
            for i in range(int(fields[at])):
                symbol, target, target_pos, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                pointers.append(
                    (
                        symbol,
                        target,
                        "a" if target_pos == "s" else target_pos,
                        int(numbers[:2], 16),
                        int(numbers[2:], 16),
                    )
                )
            found[(pos, offset)] = (words, pointers)
    return found


def _senses(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """lemma → its synsets per part of speech, most frequent first: [(pos, offset), …] by pos."""
    senses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, pos in _POS.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            count, pointers = int(fields[2]), int(fields[3])
            offsets = fields[6 + pointers : 6 + pointers + count]
            senses[fields[0]] += [(pos, o) for o in offsets]
    return senses


def _gloss_vocabulary() -> set[str]:
    words: set[str] = set()
    for _, _, pinyin, glosses in cedict_rows():
        if not pinyin[:1].isupper():
            words.update(LOWER_WORD.findall(glosses.lower()))
    return words | {lemma(w) for w in words}


def build(
    folder: Path, senses_per_pos: int, similar: bool, derived: bool, parts: str = "nvar"
) -> dict[str, set[str]]:
    synsets, senses = _synsets(folder), _senses(folder)
    vocabulary = _gloss_vocabulary()
    table: dict[str, set[str]] = {}
    for word, synset_ids in senses.items():
        if not _WORD.match(word):
            continue
        kept: dict[str, int] = defaultdict(int)
        related: set[str] = set()
        for pos, offset in synset_ids:
            kept[pos] += 1
            if kept[pos] > senses_per_pos or pos not in parts:
                continue
            words, pointers = synsets[(pos, offset)]
            related.update(words)
            for symbol, target, target_pos, source, aim in pointers:
                if similar and symbol == "&":
                    related.update(synsets[(target_pos, target)][0])
                if derived and symbol == "+" and (source == 0 or words[source - 1] == word):
                    targets = synsets[(target_pos, target)][0]
                    related.update(targets if aim == 0 else [targets[aim - 1]])
        values = {
            w for w in related if w != word and _WORD.match(w) and (w in vocabulary or lemma(w) in vocabulary)
        }
        if values:
            table[word] = values
    return table


def antonyms(folder: Path, indirect: bool, vocabulary: set[str] | None = None) -> dict[str, set[str]]:
    """For each one-word lemma, its WordNet antonyms ("fall": rise, …) in any sense: the direct
    antonyms (pointer ``!``, between two words), and with ``indirect`` those of the adjectives
    WordNet marks similar ("dry" to "wet": "damp", "soggy" …, and back).  Symmetric; only words
    CC-CEDICT's glosses use are kept."""
    synsets = _synsets(folder)
    vocabulary = _gloss_vocabulary() if vocabulary is None else vocabulary
    table: dict[str, set[str]] = defaultdict(set)

    def pair(a: str, b: str) -> None:
        if a != b and _WORD.match(a) and _WORD.match(b):
            table[a].add(b)
            table[b].add(a)

    for (pos, _), (words, pointers) in synsets.items():
        for symbol, target, target_pos, source, aim in pointers:
            if symbol != "!":
                continue
            targets = synsets[(target_pos, target)][0]
            for a in words if source == 0 else [words[source - 1]]:
                for b in targets if aim == 0 else [targets[aim - 1]]:
                    pair(a, b)
                    if indirect and pos == "a":  # the head's antonym is its satellites' antonym too
                        for similar, other, other_pos, _, _ in synsets[(target_pos, target)][1]:
                            if similar == "&":
                                for c in synsets[(other_pos, other)][0]:
                                    pair(a, c)
                        for similar, other, other_pos, _, _ in pointers:
                            if similar == "&":
                                for c in synsets[(other_pos, other)][0]:
                                    pair(c, b)
    return {
        k: {w for w in v if w in vocabulary or lemma(w) in vocabulary}
        for k, v in table.items()
        if k in vocabulary or lemma(k) in vocabulary
    }


def _write(table: dict[str, set[str]], out: Path) -> None:
    table = {k: v for k, v in table.items() if v}
    text = "\n".join(sorted(f"{k} {' '.join(sorted(v))}" for k, v in table.items()))
    out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{out}: {len(table)} words, {out.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet 3.0's dict folder (data.noun, index.noun …)")
    parser.add_argument(
        "--senses", type=int, default=999, help="synsets per part of speech, most frequent first"
    )
    parser.add_argument("--similar", action="store_true", help="also adjectives' similar-to synsets")
    parser.add_argument("--derived", action="store_true", help="also derivationally related words")
    parser.add_argument("--parts", default="nva", help="parts of speech: n, v, a (adjectives), r (adverbs)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--antonyms", type=Path, nargs="?", const=ANTONYMS, help="write the antonym table instead"
    )
    parser.add_argument("--indirect", action="store_true", help="antonyms: also of similar adjectives")
    args = parser.parse_args()
    if args.antonyms:
        _write(antonyms(args.wordnet, args.indirect), args.antonyms)
        return
    _write(build(args.wordnet, args.senses, args.similar, args.derived, args.parts), args.out)


if __name__ == "__main__":
    main()
