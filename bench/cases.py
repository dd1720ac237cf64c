"""The project's reading cases, split FIT / HELD-OUT.

Shared by ``bench/fit_readings.py`` and ``bench/polyphone_cases.py``.  Five sources, each
{"word", "sentence", "pinyin"} cases:

- ``tests/lexicon/cases/polyphones/*.json``: written for the old rules; the kind is the file's
  name (characters, particles, words, neutral_tone, names);
- ``tests/lexicon/cases/everyday.json``: issue 11's everyday readings (kind "everyday");
- ``tests/lexicon/cases/everyday_fresh.json``: fresh everyday cases, written before the engine
  read them, short and news-like (kind "fresh"); a case without a sentence is the word alone;
- ``tests/lexicon/cases/everyday_particles.json``: everyday particles, adverbs and verbs (了 after 到,
  不了, 着, 得, 地 …), written after a fresh check found 到了 read *dào liǎo* (kind "everyday-particles");
- ``tests/lexicon/cases/everyday_running.json``: short everyday sentences over the most frequent
  polyphones of running text in their natural proportions, written before the engine read them, so
  that everyday usage is not drowned by Wikipedia and the rare readings of the old cases (kind
  "everyday-running");
- ``tests/lexicon/cases/everyday_running2.json``: a second such file (eighth round), with the everyday
  kinds missed before (累不累, 背着书包, 曾先生, 比往年少, 待了) and more words read alone, written
  before the engine read it (kind "everyday-running2");
- ``tests/lexicon/cases/everyday_running3.json``: a third such file (ninth round), new sentences of the
  kinds still missed (a surname before a title, 转, 背, 乐得, 系, 觉, 教, 得, 比 … 少), written before the
  engine read it (kind "everyday-running3");
- ``tests/lexicon/cases/everyday_running4.json``: a fourth such file (eleventh round), new everyday sentences
  over about 95 frequent polyphones, not chosen for known misses, written before the engine read it
  (kind "everyday-running4");
- ``tests/lexicon/cases/everyday_running5.json``: a fifth such file (twelfth round), 177 new everyday
  sentences over about 70 frequent polyphones, not chosen for known misses, written before the engine read it
  (kind "everyday-running5");
- ``tests/lexicon/cases/everyday_running6.json``: a sixth such file (fifteenth round), 147 new everyday
  sentences over about 90 polyphones in their common senses, not chosen for known misses, written before
  the engine read it (kind "everyday-running6");
- ``tests/lexicon/cases/everyday_running7.json``: a seventh such file (read14 round), 200 new everyday
  sentences over about 75 polyphones, weighted toward the constructions issue 11 names as weak (a separable
  verb and its object apart, an adjective after a degree adverb or as a predicate, a verb before a
  complement or aspect particle), written before the engine read it (kind "everyday-running7");
- ``tests/lexicon/cases/everyday_surnames.json``: a surname before a title (曾老师 zēng, 单主任 shàn) and
  other one-character words before one (给老师 gěi), written after 曾阿姨 was seen read céng (kind
  "everyday-surnames");
- ``tests/lexicon/cases/everyday_ying.json``: 应 yīng "should" before a verb (不应触发, 理应) and 应 yìng
  inside words, written after 不应触发 was seen read yìng (kind "everyday-ying");
- ``tests/lexicon/cases/everyday_{zhuan,bei,jiao,ji,kong,zhi,dei,haishi,zeng}.json`` (eleventh round): one
  family each, written knowing the engine missed it (kinds "everyday-zhuan" …): 转 zhuàn turning vs zhuǎn;
  背 bēi carrying vs bèi; 觉 jiào sleep (睡个好觉, 午觉) vs jué; 系 jì tying vs xì; 空 kòng free time vs kōng;
  只 zhī the classifier vs zhǐ; 得 děi "must" vs de / dé; 还是 hái shi (CC-CEDICT's only reading) vs 还 huán
  near 是; 曾 zēng after a verb before a title vs céng;
- ``tests/lexicon/cases/everyday_{huan,zhong,yingverb,shu,gan,xiang,cha,bei2,dei2}.json`` (twelfth round): one
  family each, written knowing the engine missed it (kinds "everyday-huan" …): 还 huán giving back vs hái;
  中 zhòng hitting, winning vs zhōng; 应 yìng as a verb (应邀, 没应, 应聘, 应对) vs yīng; 数 shǔ counting vs
  shù; 干 gàn doing vs gān; 相 xiàng photo, appearance vs xiāng; 差 chā difference vs chà; 背 bēi
  carrying (背着 + an object) vs bèi; 得 děi must vs de / dé; and ``everyday_neutral.json``, words whose
  CC-CEDICT reading has a neutral syllable (东西, 朋友, 头发, 关系; kind "everyday-neutral");
- ``tests/lexicon/cases/everyday_verb_aspect.json`` (sixteenth round): one-character verbs before
  了/着/过 or a complement (结 jiē / jié, 落 luò / là, 削 xiāo, 背 bēi / bèi, 倒 dǎo / dào …), written
  knowing running6's FIT half missed 结了, 落了, 削了 (kind "everyday-verb-aspect"; a bar, not fitted);
- ``tests/lexicon/cases/everyday_negation.json``: 没 méi as a word (after a time word, 怎么, 还) and
  没 mò inside words, written after 他今天没来 was seen read mò (kind "everyday-negation").

The kinds of ``WRITTEN_KNOWING`` were written knowing the engine missed them: their rare readings are
over-sampled on purpose, so the fit may weigh them less (``bench/fit_readings.py``).

One source is not word cases but a sentence line: ``tests/lexicon/cases/news_lines.json`` (thirteenth
round), the hand-judged reading of every character with a choice in the sentences of the picker's
development articles (running news text), read by ``flashgen.sentence_readings`` (:func:`news_lines`).

Each is split the way CPP dev is (``bench/cpp.py``): a case is FIT when the first 8 hex digits
of the SHA-1 of its sentence (UTF-8; the word when there is none) read as an even integer,
else HELD-OUT.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpp import REPO, half_of

CASES_DIR = REPO / "tests" / "lexicon" / "cases"
SOURCES = {
    "everyday": CASES_DIR / "everyday.json",
    "fresh": CASES_DIR / "everyday_fresh.json",
    "everyday-particles": CASES_DIR / "everyday_particles.json",
    "everyday-running": CASES_DIR / "everyday_running.json",
    "everyday-running2": CASES_DIR / "everyday_running2.json",
    "everyday-running3": CASES_DIR / "everyday_running3.json",
    "everyday-running4": CASES_DIR / "everyday_running4.json",
    "everyday-running5": CASES_DIR / "everyday_running5.json",
    "everyday-running6": CASES_DIR / "everyday_running6.json",
    "everyday-running7": CASES_DIR / "everyday_running7.json",
    "everyday-surnames": CASES_DIR / "everyday_surnames.json",
    "everyday-ying": CASES_DIR / "everyday_ying.json",
    "everyday-negation": CASES_DIR / "everyday_negation.json",
    "everyday-zhuan": CASES_DIR / "everyday_zhuan.json",
    "everyday-bei": CASES_DIR / "everyday_bei.json",
    "everyday-jiao": CASES_DIR / "everyday_jiao.json",
    "everyday-ji": CASES_DIR / "everyday_ji.json",
    "everyday-kong": CASES_DIR / "everyday_kong.json",
    "everyday-zhi": CASES_DIR / "everyday_zhi.json",
    "everyday-dei": CASES_DIR / "everyday_dei.json",
    "everyday-haishi": CASES_DIR / "everyday_haishi.json",
    "everyday-zeng": CASES_DIR / "everyday_zeng.json",
    "everyday-huan": CASES_DIR / "everyday_huan.json",
    "everyday-zhong": CASES_DIR / "everyday_zhong.json",
    "everyday-yingverb": CASES_DIR / "everyday_yingverb.json",
    "everyday-shu": CASES_DIR / "everyday_shu.json",
    "everyday-gan": CASES_DIR / "everyday_gan.json",
    "everyday-xiang": CASES_DIR / "everyday_xiang.json",
    "everyday-cha": CASES_DIR / "everyday_cha.json",
    "everyday-bei2": CASES_DIR / "everyday_bei2.json",
    "everyday-dei2": CASES_DIR / "everyday_dei2.json",
    "everyday-neutral": CASES_DIR / "everyday_neutral.json",
    "everyday-verb-aspect": CASES_DIR / "everyday_verb_aspect.json",
}

#: Kinds written knowing the failure (regression bars, not estimates), each over-sampling a rare reading.
WRITTEN_KNOWING = frozenset(
    {"everyday-particles", "everyday-surnames", "everyday-ying", "everyday-negation"}
    | {f"everyday-{n}" for n in ("zhuan", "bei", "jiao", "ji", "kong", "zhi", "dei", "haishi", "zeng")}
    | {f"everyday-{n}" for n in ("huan", "zhong", "yingverb", "shu", "gan", "xiang", "cha", "bei2", "dei2")}
    | {"everyday-neutral", "everyday-verb-aspect"}
)
#: Kinds kept as bars but not fitted on.  running6's refit lowered held-out figures (its own held-out
#: half 62 -> 60 / 63, running5 86 -> 85, CPP dev 4691 / 4694 -> 4689 / 4691: docs/reading_model.md,
#: fifteenth round), so the shipped weights are fitted without it and it stays an unbiased check.
#: verb-aspect's refit (sixteenth round) gained on its own held-out half but lowered running2 (193 -> 190
#: / 198), zhuan and the old characters, so it too is a bar only.  running7's refit (read14 round) lowered
#: news, CPP dev, running, running2 and zhuan by one or two items and gained nothing on its own held-out
#: half (docs/reading_model.md), so it too is a bar only.
NOT_FITTED = frozenset({"everyday-running6", "everyday-verb-aspect", "everyday-running7"})
NEWS_LINES = CASES_DIR / "news_lines.json"


@dataclass(frozen=True)
class LineReading:
    """The judged reading of one character of a sentence line (the news-line source)."""

    sentence: str
    position: int
    reading: str  # numbered syllable, as sentence_readings gives it
    half: str


@dataclass(frozen=True)
class Case:
    kind: str
    word: str
    sentence: str | None  # None: the word alone
    pinyin: str  # tone marks, as the card shows it
    half: str  # "fit" or "held-out"


def _read(path: Path, kind: str) -> list[Case]:
    return [
        Case(kind, c["word"], c["sentence"], c["pinyin"], half_of(c["sentence"] or c["word"]))
        for c in json.loads(path.read_text(encoding="utf-8"))["cases"]
    ]


def load() -> list[Case]:
    found = [c for path in sorted((CASES_DIR / "polyphones").glob("*.json")) for c in _read(path, path.stem)]
    for kind, path in SOURCES.items():
        found += _read(path, kind)
    return found


def news_lines() -> list[LineReading]:
    """Every judged character of ``news_lines.json``, split by the hash of its sentence."""
    return [
        LineReading(entry["sentence"], position, reading, half_of(entry["sentence"]))
        for entry in json.loads(NEWS_LINES.read_text(encoding="utf-8"))["sentences"]
        for position, reading in entry["readings"]
    ]


def kinds(cases: list[Case]) -> list[str]:
    return sorted({c.kind for c in cases}, key=lambda k: (k in SOURCES, k))
