"""The project's reading cases per kind and half, read by each system.

    python bench/polyphone_cases.py [--half held-out|fit|both] [--misses]

The cases are those of ``bench/cases.py`` (the old polyphone cases per kind, issue 11's everyday
cases, the fresh everyday cases), split FIT / HELD-OUT by the hash of the sentence;
``bench/fit_readings.py`` fits on the FIT halves only, so the HELD-OUT figures are the honest
ones.  Systems, each judged on the whole word's reading:

- ``lookup``: ``flashgen.lookup(word, zh_context=sentence)`` (the word alone when there is none);
- ``line``: ``flashgen.sentence_readings(sentence)`` at the word's place;
- ``pypinyin``: pypinyin on the whole sentence at the word's place;
- ``g2pm``: g2pM (if installed) on the whole sentence at the word's place.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cases

from flashgen import lookup, sentence_readings
from flashgen.lexicon.engine import g2pm
from flashgen.lexicon.pinyin import marks, normalise, sentence_syllables
from flashgen.lexicon.word import locate

SYSTEMS = ("lookup", "line", "pypinyin", "g2pm")


class Readers:
    def __init__(self) -> None:
        self._g2pm: Any = None

    def read(self, system: str, word: str, sentence: str | None) -> str:
        """The system's marked reading of ``word`` in ``sentence`` (alone when None)."""
        if system == "lookup":
            return lookup(word, zh_context=sentence).pinyin
        text = sentence or word
        at = locate(word, text)
        if at is None:
            return "?"
        if system == "pypinyin":
            found = sentence_syllables(text)[at : at + len(word)]
        elif system == "line":
            found = sentence_readings(text)[at : at + len(word)]
        else:
            if self._g2pm is None:
                from g2pM import G2pM

                self._g2pm = G2pM()
            found = [str(s) for s in self._g2pm(text, char_split=True)[at : at + len(word)]]
        return marks(normalise(" ".join(s or "?" for s in found)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("both", "fit", "held-out"), default="held-out")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--misses", action="store_true", help="list the misses of lookup")
    args = parser.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s and (s != "g2pm" or g2pm.available())]
    readers = Readers()
    halves = ("held-out", "fit") if args.half == "both" else (args.half,)
    found = [c for c in cases.load() if c.half in halves]
    right: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for case in found:
        for system in systems:
            got = readers.read(system, case.word, case.sentence)
            for kind in (case.kind, "all"):
                cell = right[(system, case.half, kind)]
                cell[0] += got == case.pinyin
                cell[1] += 1
            if system == "lookup" and got != case.pinyin:
                misses.append(
                    f"{case.half} {case.kind} {case.word} {case.sentence} want {case.pinyin} got {got}"
                )
    kinds = [*cases.kinds(found), "all"]
    print("| system | half | " + " | ".join(kinds) + " |")
    print("|" + " --- |" * (len(kinds) + 2))
    for half in halves:
        for system in systems:
            cells = [
                f"{c[0] / c[1]:.3f} ({c[0]}/{c[1]})" if (c := right.get((system, half, k))) else "—"
                for k in kinds
            ]
            print(f"| {system} | {half} | " + " | ".join(cells) + " |")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
