"""The project's polyphone cases per kind and half, and the everyday readings, read by each system.

    python bench/polyphone_cases.py [--half held-out|fit|both] [--misses]

The cases are tests/lexicon/cases/polyphones/*.json, split as ``bench/cases.py``
says; ``bench/fit_readings.py`` fits on the FIT half only, so the HELD-OUT half
is the honest figure.  Systems, each judged on the whole word's reading:

- ``lookup``: today's ``flashgen.lookup(word, zh_context=sentence)``;
- ``pypinyin``: pypinyin on the whole sentence at the word's place;
- ``g2pm``: g2pM (if installed) on the whole sentence at the word's place;
- ``engine``: ``engine.lookup_reading(word, sentence)``;
- ``engine-line``: ``engine.sentence_readings(sentence)`` at the word's place.
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
import reading_engine as engine

from flashgen.lexicon import lookup
from flashgen.lexicon.pinyin import marks, normalise, sentence_syllables
from flashgen.lexicon.word import locate

#: (text, the character, its expected numbered reading): issue 11's everyday list, alone and in sentences.
EVERYDAY = [
    ("说", "说", "shuo1"),
    ("要", "要", "yao4"),
    ("还", "还", "hai2"),
    ("都", "都", "dou1"),
    ("着", "着", "zhe5"),
    ("重", "重", "zhong4"),
    ("鸟", "鸟", "niao3"),
    ("行", "行", "xing2"),
    ("看", "看", "kan4"),
    ("草", "草", "cao3"),
    ("我吃了他的饭", "了", "le5"),
    ("我会做菜", "会", "hui4"),
    ("你和他", "和", "he2"),
    ("人群中", "中", "zhong1"),
    ("好机会", "好", "hao3"),
    ("一辆车", "车", "che1"),
    ("这个更好", "更", "geng4"),
    ("更", "更", "geng4"),
    ("这条路长五公里", "长", "chang2"),
    ("三比一", "比", "bi3"),
    ("比分是三比一", "比", "bi3"),
    ("一群鸟", "鸟", "niao3"),
    ("树上有一只鸟", "鸟", "niao3"),
    ("地上长满了草", "草", "cao3"),
]

SYSTEMS = ("lookup", "pypinyin", "g2pm", "engine", "engine-line")


class Readers:
    def __init__(self) -> None:
        self._g2pm: Any = None

    def read(self, system: str, word: str, sentence: str) -> str:
        """The system's marked reading of ``word`` in ``sentence``."""
        if system == "lookup":
            return lookup(word, zh_context=sentence).pinyin
        if system == "engine":
            return marks(engine.lookup_reading(word, sentence))
        at = locate(word, sentence)
        if at is None:
            return "?"
        if system == "pypinyin":
            found = sentence_syllables(sentence)[at : at + len(word)]
        elif system == "engine-line":
            found = engine.sentence_readings(sentence)[at : at + len(word)]
        else:
            if self._g2pm is None:
                from g2pM import G2pM

                self._g2pm = G2pM()
            found = [str(s) for s in self._g2pm(sentence, char_split=True)[at : at + len(word)]]
        return marks(normalise(" ".join(s or "?" for s in found)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("both", "fit", "held-out"), default="held-out")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--misses", action="store_true", help="list the engine's misses")
    args = parser.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    if "g2pm" in systems and not engine.g2pm_available():
        systems.remove("g2pm")
    print(f"engine model: {engine.model_name()}")
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
            if system == "engine" and got != case.pinyin:
                today = readers.read("lookup", case.word, case.sentence)
                misses.append(
                    f"{case.half} {case.kind} {case.word} {case.sentence} want {case.pinyin}"
                    f" engine {got} lookup {today}"
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

    print("\neveryday: text, character, expected, lookup, engine sentence_readings, engine lookup_reading")
    good = 0
    for text, char, expected in EVERYDAY:
        at = text.index(char)
        line = engine.sentence_readings(text)[at]
        card = engine.lookup_reading(char, text) if len(text) > 1 else engine.lookup_reading(char)
        today = lookup(char, zh_context=text if len(text) > 1 else None).pinyin_numbered
        ok = line == expected == card
        good += ok
        print(f"  {'ok ' if ok else 'BAD'} {text:10} {char} {expected:7} {today:7} {line} {card}")
    print(f"{good} of {len(EVERYDAY)} everyday readings right through the engine")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
