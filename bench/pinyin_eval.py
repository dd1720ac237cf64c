"""Polyphone accuracy on the CPP dev set, on its FIT and HELD-OUT halves, per kind of word.

    python bench/pinyin_eval.py [--systems pypinyin,g2pm,lookup,line] [--half held-out] [--limit N]

The data is read from ``../shared/pinyin/cpp-dev`` beside the repository (see
``bench/cpp.py`` for the split: an item is FIT when the first 8 hex digits of
the SHA-1 of its unmarked sentence are even).  Each item's marked character is
mapped to the pipeline's token that contains it (``flashgen.vocab.segmentation.segment``),
which gives its kind: a one-character word, a dictionary word (CC-CEDICT has
it), a word read from parts (CC-CEDICT lacks it) or a name (jieba tags it
nr/ns/nt, or CC-CEDICT's entries for it are all names).

Systems (each gives the syllable of the marked character):

- ``pypinyin``: pypinyin on the whole sentence, Style.TONE3, neutral_tone_with_five;
- ``g2pm``: the g2pM package (PyPI g2pM 0.1.2.5) alone;
- ``lookup``: ``flashgen.lookup(token, zh_context=sentence, position=start)``, the card word's reading;
- ``line``: ``flashgen.sentence_readings(sentence)``, the card's sentence line.

The engine's weights are fitted on the FIT half (``bench/fit_readings.py``): report the HELD-OUT one.

Labels CC-CEDICT cannot produce are counted and listed, not "fixed": a label
outside every CC-CEDICT reading of the character and of its token, and a
label of a dictionary word that differs from each of the word's CC-CEDICT
readings at that character (关系 xi4 where CC-CEDICT has guān xi).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cpp

_HAN = re.compile(r"[\u3400-\u9fff]+")


def syllables(numbered: str) -> list[str]:
    """CC-CEDICT-style numbered pinyin as lower-case syllables, ü spelled ü, erhua NOT joined."""
    return numbered.lower().replace("u:", "ü").replace("v", "ü").split()


def cedict_char_readings(char: str) -> set[str]:
    from flashgen.lexicon import dictionary

    return {s[0] for e in dictionary.entries(char) if len(s := syllables(e.pinyin_numbered)) == 1}


def cedict_word_syllables(word: str, index: int) -> set[str]:
    from flashgen.lexicon import dictionary

    return {
        s[index]
        for e in dictionary.entries(word)
        if len(s := syllables(e.pinyin_numbered)) == len(word) and not e.is_variant_only
    }


def pypinyin_sentence(sentence: str) -> list[str | None]:
    """pypinyin's reading of the whole sentence (each Han run whole), one syllable per character."""
    import pypinyin

    out: list[str | None] = [None] * len(sentence)
    for run in _HAN.finditer(sentence):
        found = pypinyin.pinyin(
            run.group(),
            style=pypinyin.Style.TONE3,
            neutral_tone_with_five=True,
            errors=lambda c: ["?"] * len(c),
        )
        for k, (reading, *_) in enumerate(found):
            out[run.start() + k] = reading.replace("v", "ü")
    return out


def _word_syllable(numbered: str, word: str, index: int) -> str | None:
    found = syllables(numbered)
    if len(found) != len(word):  # erhua joined: the characters before 儿 still line up
        return found[index] if index < len(found) else None
    return found[index]


class Systems:
    def __init__(self) -> None:
        self._g2pm = None

    def pypinyin(self, item: cpp.Item, token: str, start: int) -> str | None:
        return pypinyin_sentence(item.sentence)[item.offset]

    def lookup(self, item: cpp.Item, token: str, start: int) -> str | None:
        from flashgen import lookup

        info = lookup(token, zh_context=item.sentence, position=start)
        return _word_syllable(info.pinyin_numbered, token, item.offset - start)

    def g2pm(self, item: cpp.Item, token: str, start: int) -> str | None:
        if self._g2pm is None:
            from g2pM import G2pM

            self._g2pm = G2pM()
        return (
            str(self._g2pm(item.sentence, char_split=True)[item.offset]).replace("u:", "ü").replace("v", "ü")
        )

    def line(self, item: cpp.Item, token: str, start: int) -> str | None:
        from flashgen import sentence_readings

        return sentence_readings(item.sentence)[item.offset]


def available(name: str) -> bool:
    try:
        if name == "g2pm":
            import g2pM  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--systems", default="pypinyin,g2pm,lookup,line")
    parser.add_argument("--limit", type=int, default=0, help="only the first N items (a quick check)")
    parser.add_argument("--half", choices=("both", "fit", "held-out"), default="held-out")
    parser.add_argument("--json", type=Path, help="write every prediction here")
    parser.add_argument("--errors", type=Path, help="write the held-out misses of each system here")
    args = parser.parse_args(argv)

    items = cpp.load()
    if items is None:
        print(f"skipped: {cpp.CPP_DIR} is absent")
        return 0
    if args.limit:
        items = items[: args.limit]
    if args.half != "both":
        items = [i for i in items if i.half == args.half]
    systems = [s for s in args.systems.split(",") if s]
    missing = [s for s in systems if not available(s)]
    for name in missing:
        print(f"skipped system {name}: not installed / not present")
    systems = [s for s in systems if s not in missing]

    t0 = time.perf_counter()
    tokens = [cpp.containing_token(i.sentence, i.offset) for i in items]
    kinds = [cpp.kind_of(word, tag) for word, _, tag in tokens]
    print(f"{len(items)} items, segmented in {time.perf_counter() - t0:.1f} s")

    # Labels CC-CEDICT cannot produce
    outside, against_word, via_heteronym = [], [], 0
    import pypinyin

    for item, (word, start, _) in zip(items, tokens, strict=False):
        chars = cedict_char_readings(item.char)
        word_syls = cedict_word_syllables(word, item.offset - start) if len(word) > 1 else set()
        if item.label not in chars | word_syls:
            outside.append((item, word))
            hetero = {
                h.replace("v", "ü")
                for h in pypinyin.pinyin(
                    item.char, style=pypinyin.Style.TONE3, heteronym=True, neutral_tone_with_five=True
                )[0]
            }
            via_heteronym += item.label in hetero
        if word_syls and item.label not in word_syls:
            against_word.append((item, word, sorted(word_syls)))
    print(
        f"\nlabels outside every CC-CEDICT reading of the character and of its token: {len(outside)}"
        f" ({via_heteronym} of them among pypinyin's heteronyms of the character)"
    )
    for item, word in outside[:15]:
        print(f"  {item.char} {item.label:7} in {word}  ({item.half})  {item.sentence[:40]}")
    print(
        f"labels of a dictionary word that differ from each CC-CEDICT reading of the word there: "
        f"{len(against_word)}"
    )
    common = Counter((word, item.label, tuple(w)) for item, word, w in against_word).most_common(12)
    print(
        "  most frequent: "
        + ", ".join(f"{w} {lab} (CC-CEDICT {'/'.join(c)}) ×{n}" for (w, lab, c), n in common)
    )

    runner = Systems()
    results: dict[str, list[str | None]] = {}
    for name in systems:
        method = getattr(runner, name.replace("-", "_"))
        t = time.perf_counter()
        preds = []
        for item, (word, start, _) in zip(items, tokens, strict=False):
            try:
                preds.append(method(item, word, start))
            except Exception as error:  # a crash is a miss, and is reported
                print(f"  {name} failed on item {item.index}: {error!r}")
                preds.append(None)
        results[name] = preds
        elapsed = time.perf_counter() - t
        print(
            f"{name}: {elapsed:.1f} s for {len(items)} items ({1000 * elapsed / len(items):.2f} ms per item)"
        )

    halves = ("held-out", "fit")
    print()
    header = "| system | half | " + " | ".join(cpp.KIND_NAMES[k] for k in cpp.KINDS) + " | all |"
    print(header)
    print("|" + " --- |" * (len(cpp.KINDS) + 3))
    summary: dict[str, dict[str, dict[str, list[int]]]] = {}
    for name, preds in results.items():
        for half in halves:
            counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for item, kind, pred in zip(items, kinds, preds, strict=False):
                if item.half != half:
                    continue
                for key in (kind, "all"):
                    counts[key][0] += pred == item.label
                    counts[key][1] += 1
            summary.setdefault(name, {})[half] = dict(counts)
            cells = [
                f"{c[0] / c[1]:.4f} ({c[0]}/{c[1]})" if (c := counts.get(k)) else "—"
                for k in (*cpp.KINDS, "all")
            ]
            print(f"| {name} | {half} | " + " | ".join(cells) + " |")

    if args.json:
        rows = [
            {
                "index": i.index,
                "half": i.half,
                "char": i.char,
                "label": i.label,
                "word": w,
                "kind": k,
                **{n: results[n][j] for n in results},
            }
            for j, (i, (w, _, _), k) in enumerate(zip(items, tokens, kinds, strict=False))
        ]
        args.json.write_text(json.dumps({"summary": summary, "items": rows}, ensure_ascii=False, indent=0))
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for name, preds in results.items():
                fh.write(f"## {name}\n")
                for item, (word, _, _), kind, pred in zip(items, tokens, kinds, preds, strict=False):
                    if item.half == "held-out" and pred != item.label:
                        fh.write(
                            f"{item.index}\t{kind}\t{word}\t{item.char}\t{item.label}\t{pred}\t{item.sentence}\n"
                        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
