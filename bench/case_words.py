"""Turn hand-written readings into case-file entries, with jieba and CC-CEDICT only (never the engine).

Each input line is ``sentence|character|reading``: the reading of the character, written by hand
before any engine reads the sentence.  The word of the case is the ``tokens_of`` token holding the
character, spelled as the CC-CEDICT reading of that word with that syllable at that place; where the
token has no such reading the word is the character itself (as ``lookup(character, zh_context=…)``
makes it a token of its own), and the character must then have that reading in CC-CEDICT.  Printed:
every line rejected (the character twice, a sentence of another case file, a reading CC-CEDICT lacks)
and every line kept with a remark (a token read as its character, a word with several readings).

    python bench/case_words.py drafts.txt > cases.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import CASES_DIR
from cpp import half_of

from flashgen.lexicon import dictionary, pinyin
from flashgen.lexicon.engine.tokens import tokens_of


def _sentences() -> set[str]:
    found = set()
    for path in CASES_DIR.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        # case files list "cases"; the news lines list "sentences" (each with its "sentence")
        listed = data.get("cases", []) + data.get("sentences", []) if isinstance(data, dict) else data
        for case in listed:
            found.add(case.get("sentence") or case.get("zh") or "")
    return found


def _same(a: str, b: str) -> bool:
    return a.lower().replace("u:", "v") == b.lower().replace("u:", "v")


def main(path: str) -> None:
    seen, kept = _sentences(), []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        sentence, char, want = line.split("|")
        if sentence.count(char) != 1 or sentence in seen:
            print("REJECTED (character twice, or another file's sentence):", line, file=sys.stderr)
            continue
        at = sentence.index(char)
        token = next(t for t in tokens_of(sentence) if t.start <= at < t.end)
        place, syllable = at - token.start, pinyin.numbered(want)
        readings = sorted(
            {
                e.pinyin_numbered.lower()
                for e in dictionary.entries(token.text)
                if len(e.pinyin_numbered.split()) == len(token.text)
                and _same(e.pinyin_numbered.split()[place], syllable)
            }
        )
        if readings:
            word, spelled = token.text, pinyin.marks(readings[0])
            if len(readings) > 1:
                print("SEVERAL:", line, readings, file=sys.stderr)
        elif any(_same(e.pinyin_numbered, syllable) for e in dictionary.entries(char)):
            word, spelled = char, want
            if token.text != char:
                print("CHARACTER AS WORD:", line, token.text, file=sys.stderr)
        else:
            print("REJECTED (not a CC-CEDICT reading):", line, token.text, file=sys.stderr)
            continue
        seen.add(sentence)
        kept.append({"word": word, "sentence": sentence, "pinyin": spelled, "half": half_of(sentence)})
    json.dump(kept, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
