"""How good the cards are on articles: key terms picked, junk, meanings, English equivalents.

Run by hand (``python bench/vocab_eval.py [-v]``); never part of the test suite.  For each
set of articles it prints, with default options (``flashgen words``' code path):

- **recall**: the teacher's key terms among the cards;
- **junk**: cards on the case's "junk" or "never" list, as a share of all cards;
- **meaning**: key terms picked whose *first* sense on the card holds the expected English
  (or a listed synonym): the card must lead with the sense the article uses;
- **english ok**: key terms picked whose highlighted English equivalent holds it;
- **empty english**: cards, of all cards, with no English equivalent;
- **pinyin ok**: key terms picked, of those whose case gives the citation pinyin (for the
  first spelling of the term), whose card has exactly that pinyin.

Sets: ``tests/vocab/cases/articles`` split by the word "DEVELOPMENT" or "HELD-OUT" in
each file's "about" (held-out articles are for reporting only, never for tuning; those
written for the second round, "second round" in their "about", are a set of their own:
nobody has seen flashgen's output on them before their figure was first taken; development
articles of the third round, "third round", are reported apart as ``dev3``, those of the fifth
round as ``dev5``, those of the eighth, "eighth round dev", as ``dev8``, those of the ninth,
"ninth round dev", as ``dev9``, those with "dev10 set" in their "about" as ``dev10`` and with
"dev11 set" as ``dev11``, with "dev12 set" as ``dev12``, with "dev13 set" as ``dev13``, with
"dev14 set" as ``dev14``, with "dev15 set" as ``dev15`` and with "dev16 set" as ``dev16``; held-out
articles of the fourth round, "fourth round", as ``held-out4``, of the fifth, "fifth round",
as ``held-out5``, of the sixth, "sixth round", as ``held-out6``, of the seventh,
"seventh round", as ``held-out7``, of the eighth, "eighth round", as ``held-out8``, of the
ninth, "ninth round", as ``held-out9``, of the tenth, "tenth round", as ``held-out10``, and of
the eleventh, "eleventh round", as ``held-out11``), the
picker cases (``tests/vocab/cases/picker``: no expected English) and the seed article
(``../shared``; skipped when absent, read and aligned as ``flashgen words`` does).
``-v`` lists the misses of the development sets; for the held-out sets it prints only how
many key terms were lost at each stage (:func:`lost_at`), never which.  ``--dev`` leaves the
held-out sets out altogether: the run to use while tuning.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from flashgen.align import align_article
from flashgen.lexicon.dictionary import all_senses
from flashgen.lexicon.english_forms import sentence_lemma
from flashgen.lexicon.senses import clean_senses
from flashgen.options import Options
from flashgen.text import read_article
from flashgen.types import SentencePair, Term
from flashgen.vocab import pick_terms
from flashgen.vocab.candidates import article_tokens, collect
from flashgen.vocab.ranking import judge, rank
from flashgen.vocab.scoring import easy
from flashgen.vocab.selection import is_wanted

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "vocab" / "cases"
SHARED = ROOT.parent / "shared"


@dataclass
class Tally:
    """Counts summed over the articles of one set."""

    keys: int = 0
    picked_keys: int = 0
    graded: int = 0  # picked key terms with an expected English
    meaning_ok: int = 0
    english_ok: int = 0
    cards: int = 0
    junk: int = 0
    empty: int = 0
    pinyin_graded: int = 0
    pinyin_ok: int = 0
    misses: list[str] = field(default_factory=list)
    lost: Counter[str] = field(default_factory=Counter)

    def row(self, name: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{a:3}/{b:<3} {100 * a / b:5.1f}%" if b else "      –      "

        return (
            f"{name:<10} recall {pct(self.picked_keys, self.keys)}  junk {pct(self.junk, self.cards)}  "
            f"meaning {pct(self.meaning_ok, self.graded)}  english ok {pct(self.english_ok, self.graded)}  "
            f"empty english {pct(self.empty, self.cards)}"
            + (f"  pinyin ok {pct(self.pinyin_ok, self.pinyin_graded)}" if self.pinyin_graded else "")
        )


def _words(text: str) -> list[str]:
    """Light lemmas, as the equivalent's matching takes them (emitted, overtook: emit, overtake)."""
    return [sentence_lemma(w) for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)]


def holds(text: str, expected: list[str]) -> bool:
    """Whether ``text`` holds one of the expected English phrases, words compared as light lemmas."""
    words = " " + " ".join(_words(text)) + " "
    return any(f" {' '.join(_words(e))} " in words for e in expected if _words(e))


def first_sense(term: Term) -> str:
    """The first sense the card shows: a composed meaning is one sense."""
    meaning = term.word.meaning
    senses = sorted(clean_senses(all_senses(term.word.simplified)), key=len, reverse=True)
    return next((s for s in senses if meaning.startswith(s)), meaning)


def lost_at(alternatives: list[str], pairs: list[SentencePair]) -> str:
    """The stage a key term the cards lack was lost at (the first that explains it):

    - ``glue``: no token is the term, one holds it (jieba's 洋溢着);
    - ``split``: no token is the term, it spans several (a compound the segmenter cut);
    - ``filtered``: a token, but no candidate (a name, a piece, grammar);
    - ``no term``: a candidate judged no term whatever it scores (``ranking.is_term``);
    - ``known word``: a candidate scored out that a learner is taken to know;
    - ``scored out``: another candidate scored out;
    - ``cap``: ranked, but past the cap or dropped at lookup.
    """
    tokens = {t.text for sentence in article_tokens(pairs) for t in sentence}
    if not tokens & set(alternatives):
        return "glue" if any(a in t for a in alternatives for t in tokens) else "split"
    candidates = [c for c in collect(pairs) if c.text in alternatives and is_wanted(c, Options())]
    if not candidates:
        return "filtered"
    if not judge(candidates, pairs):
        return "no term"
    if not any(r.candidate.text in alternatives for r in rank(candidates, pairs, Options().min_confidence)):
        return "known word" if all(easy(c.text) for c in candidates) else "scored out"
    return "cap"


def grade(tally: Tally, name: str, pairs: list[SentencePair], case: dict[str, object]) -> None:
    terms = pick_terms(pairs, Options())
    by_word = {t.word.simplified: t for t in terms}
    bad = set(case.get("junk", [])) | set(case.get("never", []))  # type: ignore[arg-type]
    tally.cards += len(terms)
    tally.empty += sum(not t.word.english for t in terms)
    tally.junk += sum(w in bad for w in by_word)
    tally.misses += [f"{name}: junk {w}" for w in by_word if w in bad]
    for key in case["key"]:  # type: ignore[attr-defined]
        term_text, expected = (key["term"], key.get("english")) if isinstance(key, dict) else (key, None)
        alternatives = term_text.split("|")
        found = next((by_word[a] for a in alternatives if a in by_word), None)
        tally.keys += 1
        if found is None:
            stage = lost_at(alternatives, pairs)
            tally.lost[stage] += 1
            tally.misses.append(f"{name}: missing {term_text} ({stage})")
            continue
        tally.picked_keys += 1
        if isinstance(key, dict) and key.get("pinyin") and found.word.simplified == alternatives[0]:
            tally.pinyin_graded += 1
            tally.pinyin_ok += found.word.pinyin == key["pinyin"]
            if found.word.pinyin != key["pinyin"]:
                want = key["pinyin"]
                tally.misses.append(f"{name}: pinyin {term_text} {found.word.pinyin!r} (want {want})")
        if expected:
            tally.graded += 1
            sense = first_sense(found)
            tally.meaning_ok += holds(sense, expected)
            tally.english_ok += holds(found.word.english, expected)
            if not holds(sense, expected):
                tally.misses.append(f"{name}: meaning {term_text} {sense!r} (want {expected[0]})")
            if not holds(found.word.english, expected):
                tally.misses.append(
                    f"{name}: english {term_text} {found.word.english!r} (want {expected[0]})"
                )


def pairs_of(rows: list[list[str]]) -> list[SentencePair]:
    return [SentencePair(zh, en, (i,), (i,), 1.0) for i, (zh, en) in enumerate(rows)]


def main(verbose: bool, dev_only: bool) -> None:
    sets: dict[str, Tally] = {
        "dev": Tally(),
        "dev3": Tally(),
        "dev5": Tally(),
        "dev8": Tally(),
        "dev9": Tally(),
        "dev10": Tally(),
        "dev11": Tally(),
        "dev12": Tally(),
        "dev13": Tally(),
        "dev14": Tally(),
        "dev15": Tally(),
        "dev16": Tally(),
        "held-out": Tally(),
        "held-out2": Tally(),
        "held-out4": Tally(),
        "held-out5": Tally(),
        "held-out6": Tally(),
        "held-out7": Tally(),
        "held-out8": Tally(),
        "held-out9": Tally(),
        "held-out10": Tally(),
        "held-out11": Tally(),
        "picker": Tally(),
    }
    for path in sorted((CASES / "articles").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        dev_rounds = {
            "third round": "dev3",
            "fifth round": "dev5",
            "eighth round dev": "dev8",
            "ninth round dev": "dev9",
            "dev10 set": "dev10",
            "dev11 set": "dev11",
            "dev12 set": "dev12",
            "dev13 set": "dev13",
            "dev14 set": "dev14",
            "dev15 set": "dev15",
            "dev16 set": "dev16",
        }
        which = next((t for r, t in dev_rounds.items() if r in case["about"]), "dev")
        if re.search(r"HELD-OUT", case["about"]):
            if dev_only:
                continue
            rounds = {
                "second round": "held-out2",
                "fourth round": "held-out4",
                "fifth round": "held-out5",
                "sixth round": "held-out6",
                "seventh round": "held-out7",
                "eighth round": "held-out8",
                "ninth round": "held-out9",
                "tenth round": "held-out10",
                "eleventh round": "held-out11",
            }
            which = next((t for r, t in rounds.items() if r in case["about"]), "held-out")
        grade(sets[which], path.stem, pairs_of(case["pairs"]), case)
    for path in sorted((CASES / "picker").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        grade(sets["picker"], path.stem, pairs_of(case["pairs"]), case)
    seed = SHARED / "corpus" / "seed-article.txt"
    if seed.exists():
        gold = json.loads((SHARED / "gold" / "seed-terms.json").read_text(encoding="utf-8"))
        sets["seed"] = Tally()
        grade(sets["seed"], "seed", align_article(read_article(seed, Options())), gold)
    else:
        print("seed: ../shared absent, skipped")
    for name, tally in sets.items():
        if not tally.cards:
            continue
        print(tally.row(name))
        if name.startswith("held-out"):
            print(f"    recall lost at: {dict(sorted(tally.lost.items())) or 'nothing'}")
        elif verbose:
            print("".join(f"    {m}\n" for m in tally.misses), end="")


if __name__ == "__main__":
    main("-v" in sys.argv[1:], "--dev" in sys.argv[1:])
