"""The vocabulary picker: whole terms, no noise, the learner's level, a stable order.

Article cases live in tests/cases/picker/*.json (our own articles in several
domains, with the terms a teacher would pick).  A key entry "a|b" accepts
either form of a term (联赛 or 联赛冠军).  "never" lists tokens that must not
become cards (grammar, numbers); the optional "junk" lists words a teacher
would reject that a picker could plausibly offer (verb phrases, place
phrases, meanings glued from single characters): precision, not just recall.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashgen.align import align_article
from flashgen.lexicon import dictionary
from flashgen.options import Options
from flashgen.text import read_article
from flashgen.types import SentencePair, Term
from flashgen.vocab.candidates import is_phrase
from flashgen.vocab.compounds import merge_dictionary_words, repeated_compounds
from flashgen.vocab.evidence import part_translation
from flashgen.vocab.ranking import verb_with_result
from flashgen.vocab.scoring import reads_as_adverb
from flashgen.vocab.segmentation import English, Token, is_han, lexicon_split, repair
from flashgen.vocab.selection import pick_terms

from ..paths import cases_file, shared_file

CASES = sorted(cases_file(__file__, "picker").glob("*.json"))

EXPORT_RULES = [
    ("政府进一步收紧了芯片出口管制。", "The government further tightened export controls on chips."),
    ("新的出口管制将于下月生效。", "The new export controls take effect next month."),
    (
        "企业必须遵守出口管制规定，否则将面临罚款。",
        "Companies must comply with export control rules or face fines.",
    ),
    ("议会正在讨论涉及国家安全的法案。", "Parliament is debating a bill that touches on national security."),
]
CITY_NEWS = [
    (
        "北京市政府周一宣布，将在颐和园附近修建新的地铁站。",
        "The Beijing city government announced on Monday that it will build a new metro station "
        "near the Summer Palace.",
    ),
    (
        "市长李明表示，地铁站预计两年后投入使用，缓解周边交通拥堵。",
        "Mayor Li Ming said the station is expected to open in two years "
        "and ease traffic congestion in the area.",
    ),
]


def pairs_of(rows: list[tuple[str, str]] | list[list[str]]) -> list[SentencePair]:
    return [SentencePair(zh, en, (i,), (i,), 1.0) for i, (zh, en) in enumerate(rows)]


def words(terms: list[Term]) -> list[str]:
    return [t.word.simplified for t in terms]


def assert_clean_cards(terms: list[Term]) -> None:
    for term in terms:
        assert is_han(term.word.simplified), term.word.simplified
        assert term.word.pinyin and term.word.meaning, term.word.simplified
        assert term.count >= 1 and term.example.zh


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_article_case_finds_key_terms_and_no_noise(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    terms = pick_terms(pairs_of(case["pairs"]), Options())
    picked = set(words(terms))
    missing = [k for k in case["key"] if not any(alt in picked for alt in k.split("|"))]
    assert len(case["key"]) - len(missing) >= case["min_key"], f"missing {missing}"
    assert not picked & set(case["never"])
    assert not picked & set(case.get("junk", [])), "junk picked"
    assert_clean_cards(terms)


def test_seed_article_meets_the_teachers_list() -> None:
    article_path = shared_file("corpus", "seed-article.txt")
    gold = json.loads(shared_file("gold", "seed-terms.json").read_text(encoding="utf-8"))
    pairs = align_article(read_article(article_path, Options()))
    terms = pick_terms(pairs, Options())
    picked = set(words(terms))
    key = [k["term"] for k in gold["key"]]
    assert sum(k in picked for k in key) >= 14, [k for k in key if k not in picked]
    assert not picked & set(gold["never"])
    assert 20 <= len(terms) <= 80
    assert_clean_cards(terms)


def test_repeated_split_compound_is_one_term_and_its_parts_are_not_counted() -> None:
    terms = {t.word.simplified: t for t in pick_terms(pairs_of(EXPORT_RULES), Options())}
    assert terms["出口管制"].count == 3
    assert "管制" not in terms
    assert "国家安全" in terms  # CC-CEDICT word across jieba's tokens in some contexts


def test_dictionary_words_are_joined_across_tokens_but_not_through_grammar() -> None:
    joined = merge_dictionary_words([Token("国家", "n"), Token("安全", "an"), Token("法案", "n")])
    assert [t.text for t in joined] == ["国家安全", "法案"]
    assert joined[0].parts == (Token("国家", "n"), Token("安全", "an"))
    assert [t.text for t in merge_dictionary_words([Token("不", "d"), Token("受", "v")])] == ["不", "受"]


def test_glued_and_descriptive_tokens_are_resplit() -> None:
    assert [t.text for t in repair([Token("强制执行函在", "n")])] == ["强制执行", "函", "在"]
    assert [t.text for t in repair([Token("美国政府", "nt")])] == ["美国", "政府"]
    assert [t.text for t in repair([Token("老艺人", "n")])] == ["老", "艺人"]
    # a person's name jieba's HMM found stays whole
    assert [t.text for t in repair([Token("李明华", "nr")])] == ["李明华"]


def test_repetition_joins_modifier_and_head_but_not_clauses_or_fillers() -> None:
    def joined(first: Token, head: Token, english: str) -> bool:
        sentences = [[first, head], [first, head]]
        return (first.text, head.text) in repeated_compounds(sentences, [English.of(english)] * 2)

    assert joined(Token("出口", "vn"), Token("管制", "vn"), "new export controls")
    # two verbs need the English phrase: 出口/管制 tagged as verbs
    assert joined(Token("出口", "v"), Token("管制", "v"), "new export controls")
    assert not joined(Token("出口", "v"), Token("管制", "v"), "exports are under control")
    # noun + verb is a clause, verb + noun a verb phrase, even when the English follows word for word
    assert not joined(Token("模型", "n"), Token("下线", "n"), "took the models offline")
    assert not joined(Token("审查", "v"), Token("代码", "n"), "review code")
    # a head the English never translates is a filler (补时 "stoppage time" + 阶段 "stage")
    assert not joined(Token("补时", "n"), Token("阶段", "n"), "in stoppage time")


def test_locality_phrases_are_not_terms() -> None:
    # a word CC-CEDICT lacks ending in a locality word; jieba's place words ending in one
    assert is_phrase(Token("镇上", "v"))
    assert is_phrase(Token("赛后", "t"))
    assert is_phrase(Token("村里", "s"))
    assert not is_phrase(Token("地下水", "n"))
    # CC-CEDICT's 无意中 "accidentally" is 无意 plus a locality word: not joined
    joined = merge_dictionary_words([Token("无意", "n"), Token("中", "f")])
    assert [t.text for t in joined] == ["无意", "中"]


def test_modal_and_adverb_phrases_are_not_terms() -> None:
    assert is_phrase(Token("难以避免", "l"))
    for glued in ("要耗", "作响"):
        rows = [(f"电池的电量{glued}在路上。", "The battery's charge is used up on the road.")] * 2
        assert glued not in words(pick_terms(pairs_of(rows), Options()))


def test_meanings_glued_from_characters_need_the_english() -> None:
    # 煤烟 is two characters CC-CEDICT lacks: "coal" + "cigarette" unless the English says so
    rows = [("他们的读数显示，煤烟浓度很高。", "Their readings showed high soot levels.")]
    assert "煤烟" not in words(pick_terms(pairs_of(rows), Options()))
    rows = [("他们的读数显示，煤烟浓度很高。", "Their readings showed high levels of coal smoke.")]
    assert "煤烟" in words(pick_terms(pairs_of(rows), Options()))
    # a unit needs the unglossed character's English to be a word CC-CEDICT writes with it:
    # "sample size" (量) is 样本量, "storage fell" is no 蓄水量
    rows = [("专家提醒，这项研究的样本量较小。", "Experts cautioned that the study's sample size was small.")]
    assert "样本量" in words(pick_terms(pairs_of(rows), Options()))
    rows = [
        (
            "今年夏天干旱严重，水库蓄水量降至历史低点。",
            "Drought hit this summer, and reservoir storage fell to a record low.",
        )
    ]
    assert "蓄水量" not in words(pick_terms(pairs_of(rows), Options()))
    rows = [("县里民宿的入住率超过九成。", "Occupancy rates at the county's guesthouses topped 90 percent.")]
    assert "入住率" in words(pick_terms(pairs_of(rows), Options()))  # a noun by its ending


def test_a_jieba_word_the_english_renders_is_a_term() -> None:
    # 冷库: CC-CEDICT lacks it; "cold" glosses 冷 and "storage" is WordNet's for 库 "storehouse"
    rows = [
        (
            "不少水产商提前把鱼货存进冷库，以保证供应。",
            "Many seafood traders have put fish into cold storage in advance to keep supplies going.",
        )
    ]
    assert "冷库" in words(pick_terms(pairs_of(rows), Options()))
    # one part rendered ("nets" for 网 of 网具) takes two pairs: once, it is a phrase's word
    first = (
        "渔民们趁着休渔把网具搬上岸修补。",
        "Fishermen are using the break to haul their nets ashore for mending.",
    )
    second = ("违规的渔船将被没收网具。", "Boats that break the rules will have their nets confiscated.")
    assert "网具" not in words(pick_terms(pairs_of([first]), Options()))
    assert "网具" in words(pick_terms(pairs_of([first, second]), Options()))


def test_an_english_compound_word_renders_a_jieba_word_once() -> None:
    # one English word written with a part's gloss, hyphenated or closed, is the unit's rendering
    rows = [("农民改种耐旱的小米。", "Farmers switched to drought-tolerant millet.")]
    assert "耐旱" in words(pick_terms(pairs_of(rows), Options()))
    rows = [("春天，融水让河流上涨。", "In spring, meltwater swells the rivers.")]
    assert "融水" in words(pick_terms(pairs_of(rows), Options()))
    # a number phrase is no unit, however the English writes it
    plan = pairs_of([("他们制定了五年规划。", "They drew up a five-year plan.")])
    assert not part_translation("五年", [0], plan)
    # a word that merely starts like a gloss is no compound: "frequently" renders 频 alone, once
    rows = [("近年来，电动车火灾频发。", "In recent years e-bike fires have occurred frequently.")]
    assert "频发" not in words(pick_terms(pairs_of(rows), Options()))


def test_verbs_with_a_result_are_phrases_unless_the_verb_is_hard() -> None:
    assert verb_with_result("修好") and verb_with_result("换成") and verb_with_result("停下来")
    assert not verb_with_result("绕过")  # 绕 is HSK 5: "to bypass" is worth a card
    assert not verb_with_result("耗尽")  # "to deplete" says more than 耗 "to consume"
    assert not verb_with_result("举动")  # a noun


def test_adverbs_are_told_by_their_glosses() -> None:
    assert reads_as_adverb("无意中") and reads_as_adverb("差点")
    assert not reads_as_adverb("无意") and not reads_as_adverb("一帆风顺")


def test_names_are_left_out_unless_asked_for() -> None:
    default = words(pick_terms(pairs_of(CITY_NEWS), Options()))
    with_names = words(pick_terms(pairs_of(CITY_NEWS), Options(include_names=True)))
    assert "交通拥堵" in default
    for name in ("北京市", "颐和园", "李明"):
        assert name not in default
    assert "颐和园" in with_names


def test_level_and_known_words_are_left_out() -> None:
    case = json.loads((CASES[0]).read_text(encoding="utf-8"))
    pairs = pairs_of(case["pairs"])
    everything = words(pick_terms(pairs, Options()))
    advanced = pick_terms(pairs, Options(level=6))
    assert advanced and all((dictionary.hsk_level(t.word.simplified) or 7) > 6 for t in advanced)
    known = frozenset(everything[:3])
    assert not known & set(words(pick_terms(pairs, Options(known=known))))


def test_max_words_takes_the_head_of_the_same_ranking() -> None:
    case = json.loads((CASES[0]).read_text(encoding="utf-8"))
    pairs = pairs_of(case["pairs"])
    full = words(pick_terms(pairs, Options()))
    assert words(pick_terms(pairs, Options(max_words=5))) == full[:5]


def test_single_characters_only_when_advanced_and_uncommon() -> None:
    for path in CASES:
        case = json.loads(path.read_text(encoding="utf-8"))
        for term in pick_terms(pairs_of(case["pairs"]), Options()):
            if len(term.word.simplified) == 1:
                assert (dictionary.hsk_level(term.word.simplified) or 0) >= 5


def test_example_prefers_confident_alignment() -> None:
    rows = [
        ("出口管制影响很大。", "Export controls matter."),
        ("出口管制收紧了。", "Export controls tightened."),
    ]
    pairs = [
        SentencePair(zh, en, (i,), (i,), score)
        for i, ((zh, en), score) in enumerate(zip(rows, (0.2, 0.9), strict=True))
    ]
    term = next(t for t in pick_terms(pairs, Options()) if t.word.simplified == "出口管制")
    assert term.example == pairs[1]


EXPORT_ROWS = [
    ("出口管制影响很大。", "Export controls matter."),
    ("出口管制收紧了。", "Export controls tightened."),
]


def export_pairs(score: float, english: bool = True) -> list[SentencePair]:
    """Both rows of :data:`EXPORT_ROWS` aligned at ``score``, or left unaligned."""
    return [
        SentencePair(zh, en if english else "", (i,), (i,) if english else (), score)
        for i, (zh, en) in enumerate(EXPORT_ROWS)
    ]


@pytest.mark.parametrize(
    "pairs",
    [export_pairs(Options().min_confidence - 0.01), export_pairs(0.0, english=False)],
    ids=["doubtful", "unaligned"],
)
def test_a_term_with_no_confident_pair_keeps_its_chinese_without_english(pairs: list[SentencePair]) -> None:
    """Issue 12: an English sentence below ``min_confidence`` never reaches a card, but the terms stay."""
    terms = pick_terms(pairs, Options())
    assert "收紧" in words(terms)
    for term in terms:
        assert term.example.zh in [zh for zh, _ in EXPORT_ROWS]
        assert (term.example.en, term.example.en_ids) == ("", ())
        assert term.word.meaning and term.word.english == ""


def test_an_example_at_the_threshold_keeps_its_english() -> None:
    pairs = export_pairs(Options().min_confidence)
    term = next(t for t in pick_terms(pairs, Options()) if t.word.simplified == "出口管制")
    assert term.example in pairs


def test_output_is_deterministic() -> None:
    pairs = pairs_of(EXPORT_RULES + CITY_NEWS)
    first = pick_terms(pairs, Options())
    assert first == pick_terms(pairs, Options())


@given(st.text(max_size=20))
def test_lexicon_split_covers_the_word(word: str) -> None:
    assert "".join(lexicon_split(word)) == word


@settings(max_examples=40)
@given(st.lists(st.tuples(st.text(max_size=60), st.text(max_size=60)), max_size=4), st.integers(1, 10))
def test_picker_never_crashes_and_keeps_its_promises(rows: list[tuple[str, str]], max_words: int) -> None:
    terms = pick_terms(pairs_of(rows), Options(max_words=max_words))
    assert len(terms) <= max_words
    assert len(set(words(terms))) == len(terms)
    assert all(is_han(w) for w in words(terms))
