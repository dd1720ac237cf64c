"""The reading engine: the sentence line, the card word's reading in its place, everyday readings."""

from __future__ import annotations

from typing import Any

import pytest

from flashgen import lookup, sentence_readings
from flashgen.lexicon import dictionary
from flashgen.lexicon.pinyin import normalise, numbered, sentence_pinyin

from ..paths import load_cases

#: Fresh everyday cases (tests/lexicon/cases/everyday_fresh.json), written before the engine read
#: them; its FIT half is fitted on.  The bar is the HELD-OUT half's measured accuracy through
#: ``lookup`` (98 of 100 with the thirteenth round's weights, fitted with the news lines; 97 with the
#: eleventh round's: docs/reading_model.md),
#: so a refit that loses ground on sentences nobody tuned for shows up.
FRESH = load_cases(__file__, "everyday_fresh.json")["cases"]
FRESH_HELD_OUT_ACCURACY = 0.98
#: Everyday running text (tests/lexicon/cases/everyday_running.json): the frequent polyphones in their
#: natural proportions, written before the engine read them; its FIT half is fitted on.  The bar is the
#: HELD-OUT half's measured accuracy through ``lookup`` (137 of 139 when the weights were last fitted).
RUNNING = load_cases(__file__, "everyday_running.json")["cases"]
RUNNING_HELD_OUT_ACCURACY = 0.978
#: A second such file with the everyday kinds missed before (累不累, 曾先生, 比往年少, 待了) and more words
#: read alone (189 of 198 held-out when the weights were last fitted).
RUNNING2 = load_cases(__file__, "everyday_running2.json")["cases"]
RUNNING2_HELD_OUT_ACCURACY = 0.954
#: A third such file (ninth round), new sentences of the kinds still missed (a surname before a title,
#: 转, 背着, 系, 觉, 得), written and split before the engine read it (99 of 106 held-out when the weights
#: were last fitted).
RUNNING3 = load_cases(__file__, "everyday_running3.json")["cases"]
RUNNING3_HELD_OUT_ACCURACY = 0.933
#: 没 méi after a time word (我今天没吃早饭, where g2pM says mò) and mò inside words; written knowing the
#: failure, so its held-out half (19 of 19) is a regression bar, not an estimate.
NEGATION = load_cases(__file__, "everyday_negation.json")["cases"]
#: A one-character word before a title (曾老师 zēng, 给老师 gěi), written knowing 曾阿姨 was read céng: its
#: held-out half (12 of 16 when the weights were last fitted) is a regression bar, not an estimate.
SURNAMES = load_cases(__file__, "everyday_surnames.json")["cases"]
#: 应 yīng "should" before a verb (不应触发, where g2pM says yìng) and yìng inside words, written knowing
#: the failure: its held-out half (23 of 26 when the weights were last fitted) is a regression bar.
YING = load_cases(__file__, "everyday_ying.json")["cases"]
#: A fourth everyday file (eleventh round), not chosen for known misses, written before the engine read
#: it: 77 of 81 held-out before the eleventh refit (the unbiased estimate), 76 after it, 77 after the
#: thirteenth.
RUNNING4 = load_cases(__file__, "everyday_running4.json")["cases"]
#: A fifth everyday file (twelfth round), not chosen for known misses, written before the engine read
#: it: 86 of 89 held-out before it was fitted on (the unbiased estimate), 86 after the thirteenth refit.
RUNNING5 = load_cases(__file__, "everyday_running5.json")["cases"]
#: A sixth everyday file (fifteenth round), not chosen for known misses, written before the engine read
#: it: 62 of 63 held-out with the thirteenth and the fifteenth rounds' weights (the unbiased estimate).
#: It is not fitted on (``bench/cases.py``'s ``NOT_FITTED``): its refit lowered held-out figures.
RUNNING6 = load_cases(__file__, "everyday_running6.json")["cases"]
#: A seventh everyday file (read14 round), weighted toward the constructions issue 11 names as weak (a
#: separable word's two characters apart, an adjective after a degree adverb or as a predicate, a verb
#: before a complement), written before the engine read it: 82 of 95 held-out with the sixteenth
#: round's weights (the unbiased estimate) and with this round's.  Not fitted on (``NOT_FITTED``): its
#: refit lowered held-out figures.
RUNNING7 = load_cases(__file__, "everyday_running7.json")["cases"]
#: One family each (eleventh and twelfth rounds), written knowing the failure: regression bars at the
#: held-out accuracy measured with the shipped weights.  dei2's bar is 4 of 5, one below the eleventh
#: round's weights: every refit that fits the news lines loses that case, and the lead chose +11 news
#: syllables, +5 CPP items and +1 in each unbiased everyday file over it (docs/reading_model.md).
FAMILIES = {
    name: (load_cases(__file__, f"everyday_{name}.json")["cases"], bar)
    for name, bar in [
        ("zhuan", 1.0),
        ("bei", 0.857),
        ("jiao", 1.0),
        ("ji", 0.875),
        ("kong", 1.0),
        ("zhi", 1.0),
        ("dei", 0.9),
        ("haishi", 1.0),
        ("zeng", 1.0),
        ("huan", 1.0),
        ("zhong", 1.0),
        ("yingverb", 0.888),
        ("shu", 0.8),
        ("gan", 0.666),
        ("xiang", 1.0),
        ("cha", 0.75),
        ("bei2", 0.333),
        ("dei2", 0.8),
        ("neutral", 1.0),
        # a bar only, not fitted on (bench/cases.py NOT_FITTED): 25 of 37 with the shipped weights
        ("verb_aspect", 0.675),
    ]
}
#: Alone, the prior decides, and it counts particles (得 de): a strict xfail.  教 alone (jiāo) is a near
#: tie (P ≈ 0.5) that refits have flipped both ways; it reads jiāo with the ninth round's weights.
#: The sentence lines of the picker's development articles (running news text): every character with a
#: choice, its reading judged by hand before the engine's readings were looked at (thirteenth round).
#: The bar is the HELD-OUT half's measured share of right syllables through ``sentence_readings``
#: (727 of 745 with the thirteenth round's weights, 716 with the eleventh's), so a refit that
#: misreads news lines shows up.
NEWS_LINES = load_cases(__file__, "news_lines.json")["sentences"]
NEWS_LINES_HELD_OUT_ACCURACY = 0.975
#: The common polyphones and everyday words built on them, read alone (issue 11: "with no context,
#: lookup returns the everyday reading"); written before lookup read them, not fitted on.
ALONE = load_cases(__file__, "lookup_alone.json")["cases"]
ALONE_MISSES = {
    "得": "de: alone, the particle's reading outweighs dé",
}


def test_one_syllable_per_character_none_where_not_han() -> None:
    found = sentence_readings("我有AI模型，很好。")
    assert len(found) == len("我有AI模型，很好。")
    assert found[2] is found[3] is found[6] is found[9] is None
    assert sentence_readings("银行行长。") == ("yin2", "hang2", "hang2", "zhang3", None)


def test_erhua_is_its_own_r5_syllable() -> None:
    assert sentence_readings("你去哪儿？")[2:4] == ("na3", "r5")


@pytest.mark.parametrize(
    ("sentence", "char", "reading"),
    [
        ("我吃了他的饭。", "了", "le5"),
        ("我会做菜。", "会", "hui4"),
        ("他消失在人群中。", "中", "zhong1"),
        ("门口停着一辆车。", "车", "che1"),
        ("比赛的结果是三比一。", "比", "bi3"),
        ("天上飞过一群鸟。", "鸟", "niao3"),
    ],
)
def test_the_sentence_line_reads_the_issue_examples(sentence: str, char: str, reading: str) -> None:
    assert sentence_readings(sentence)[sentence.index(char)] == reading


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("他终于到了北京。", "le5"),
        ("我们到了！", "le5"),
        ("价格涨到了一百元。", "le5"),
        ("他走路很快，一下子就到了。", "le5"),
        ("春天到了。", "le5"),
        ("这件事我忘不了。", "liao3"),
    ],
)
def test_a_word_jieba_never_counts_does_not_outvote_the_particle(sentence: str, reading: str) -> None:
    """CC-CEDICT's 到了 dào liǎo "at last" is whole tokens in every 到 + 了; jieba's dictionary lacks it,
    and the fitted evidence tells such words from those it counts (不了 bù liǎo)."""
    assert sentence_readings(sentence)[sentence.rindex("了")] == reading


def test_position_picks_the_occurrence() -> None:
    sentence = "我们排成两行，这样就行。"
    assert lookup("行", zh_context=sentence, position=5).pinyin == "háng"
    assert lookup("行", zh_context=sentence, position=10).pinyin == "xíng"


def test_the_card_line_is_the_engines_reading() -> None:
    sentence = "我吃了他的饭。"
    assert sentence_pinyin(sentence, sentence_readings(sentence)) == "wǒ chī le tā de fàn."


def test_a_word_and_its_line_are_dictionary_readings() -> None:
    """Never a reading CC-CEDICT does not list: each dictionary word of the line reads as an entry of it."""
    sentence = "这座新建的跨海大桥全长五十五公里，是目前世界上最长的跨海大桥。"
    found = sentence_readings(sentence)
    for word in ("大桥", "公里", "世界", "目前"):
        at = sentence.index(word)
        spelled = " ".join(s or "" for s in found[at : at + len(word)])
        assert spelled in {normalise(e.pinyin_numbered) for e in dictionary.entries(word)}


@pytest.mark.parametrize(
    ("cases", "bar"),
    [
        (FRESH, FRESH_HELD_OUT_ACCURACY),
        (RUNNING, RUNNING_HELD_OUT_ACCURACY),
        (RUNNING2, RUNNING2_HELD_OUT_ACCURACY),
        (RUNNING3, RUNNING3_HELD_OUT_ACCURACY),
        (NEGATION, 1.0),
        (SURNAMES, 0.75),
        (YING, 0.88),
        (RUNNING4, 0.95),
        (RUNNING5, 0.966),
        (RUNNING6, 0.984),
        (RUNNING7, 0.863),
        *FAMILIES.values(),
    ],
    ids=[
        "fresh",
        "running",
        "running2",
        "running3",
        "negation",
        "surnames",
        "ying",
        "running4",
        "running5",
        "running6",
        "running7",
        *FAMILIES,
    ],
)
def test_everyday_cases_held_out(cases: list[dict[str, Any]], bar: float) -> None:
    held_out = [c for c in cases if c["half"] == "held-out"]
    wrong = [
        f"{c['word']} in {c['sentence']}: {got} (want {c['pinyin']})"
        for c in held_out
        if (got := lookup(c["word"], zh_context=c["sentence"]).pinyin) != c["pinyin"]
    ]
    assert 1 - len(wrong) / len(held_out) >= bar, "\n".join(wrong)


def test_news_lines_held_out() -> None:
    judged = [(e["sentence"], p, r) for e in NEWS_LINES if e["half"] == "held-out" for p, r in e["readings"]]
    wrong = [
        f"{s[p]} at {p} in {s}: {got} (want {r})"
        for s, p, r in judged
        if (got := sentence_readings(s)[p]) != r
    ]
    assert 1 - len(wrong) / len(judged) >= NEWS_LINES_HELD_OUT_ACCURACY, "\n".join(wrong)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=c["word"],
            marks=[pytest.mark.xfail(strict=True, reason=reason)]
            if (reason := ALONE_MISSES.get(c["word"]))
            else [],
        )
        for c in FRESH + RUNNING2 + ALONE
        if c["sentence"] is None
    ],
)
def test_alone_a_word_gets_its_everyday_reading(case: dict[str, Any]) -> None:
    assert numbered(lookup(case["word"]).pinyin) == numbered(case["pinyin"])


def test_g2pm_distribution_is_g2pms_own() -> None:
    """The engine runs g2pM's weights itself; its log-probabilities must be g2pM's (to 1e-9)."""
    pytest.importorskip("numpy")
    g2p = pytest.importorskip("g2pM")
    import math

    import numpy as np

    from flashgen.lexicon.engine import g2pm

    model = g2p.G2pM()
    classes = {pron: index for index, pron in model.idx2class.items()}
    sentences = [c["sentence"] for c in FRESH if c.get("sentence")][:30]
    for sentence in sentences:
        ids = [model.char2idx.get(c, model.char2idx["<UNK>"]) for c in sentence]
        ids = np.array([[model.char2idx["시"], *ids, model.char2idx["끝"]]])
        forward_in = model.get_embedding(ids)
        backward_in = model.get_embedding(model.reverse_sequence(ids, [ids.shape[1]]))
        fw = bw = None
        forward, backward = [], []
        for t in range(ids.shape[1]):
            fw = model.fw_lstm_cell(forward_in[:, t, :], fw)
            bw = model.bw_lstm_cell(backward_in[:, t, :], bw)
            forward.append(fw[0])
            backward.append(bw[0])
        hidden = np.concatenate(
            [np.stack(forward, 1), model.reverse_sequence(np.stack(backward, 1), [ids.shape[1]])], 2
        )[0]
        found = g2pm.log_probabilities(sentence)
        for p, dist in found.items():
            row = model.fc_layer(hidden[p + 1 : p + 2])[0]
            known = {normalise(o): float(row[classes[o]]) for o in model.cedict[sentence[p]] if o in classes}
            total = math.log(sum(math.exp(v) for v in known.values()))
            assert all(abs(dist[r] - (v - total)) < 1e-9 for r, v in known.items()), (sentence, p)
        assert set(found) == {i for i, c in enumerate(sentence) if len(model.cedict.get(c, ())) > 1}
