"""Tone marks, tone numbers and the citation reading of whole sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashgen.lexicon.pinyin import marks, numbered, sentence_pinyin, sentence_syllables, syllables


@pytest.mark.parametrize(
    ("numbered_form", "marked"),
    [
        ("yin2 hang2", "yín háng"),
        ("nu:3 er2", "nǚ ér"),
        ("lv4 se4", "lǜ sè"),
        ("lüe4", "lüè"),
        ("gou3", "gǒu"),
        ("gui4", "guì"),
        ("liu2", "liú"),
        ("na3 r5", "nǎr"),
        ("yi1 hui4 r5", "yī huìr"),
        ("Bei3 jing1", "Běi jīng"),
        ("Ou1 zhou1", "Ōu zhōu"),
        ("de5", "de"),
        ("er4", "èr"),
    ],
)
def test_marks_go_on_the_right_vowel(numbered_form: str, marked: str) -> None:
    assert marks(numbered_form) == marked


def test_numbered_reverses_marks_with_neutral_as_five() -> None:
    assert numbered("dōng xi") == "dong1 xi5"
    assert numbered("nǚ ér") == "nü3 er2"
    assert numbered("Běi jīng") == "Bei3 jing1"


def test_syllables_carry_their_tone_for_the_card_colours() -> None:
    assert syllables("dong1 xi5") == [("dōng", 1), ("xi", 5)]
    assert syllables("zhe4 r5") == [("zhèr", 4)]


_INITIALS = [
    "",
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "zh",
    "ch",
    "sh",
    "r",
    "z",
    "c",
    "s",
]
_FINALS = [
    "a",
    "o",
    "e",
    "ai",
    "ei",
    "ao",
    "ou",
    "an",
    "en",
    "ang",
    "eng",
    "ong",
    "i",
    "ia",
    "ie",
    "iao",
    "iu",
    "ian",
    "in",
    "iang",
    "ing",
    "iong",
    "u",
    "ua",
    "uo",
    "uai",
    "ui",
    "uan",
    "un",
    "uang",
    "ü",
    "üe",
    "er",
]


@given(
    st.lists(st.tuples(st.sampled_from(_INITIALS), st.sampled_from(_FINALS), st.integers(1, 5)), min_size=1)
)
def test_marks_and_numbered_round_trip(parts: list[tuple[str, str, int]]) -> None:
    reading = " ".join(f"{initial}{final}{tone}" for initial, final, tone in parts)
    assert numbered(marks(reading)) == reading
    assert [tone for _, tone in syllables(reading)] == [tone for _, _, tone in parts]


def test_one_and_not_keep_their_citation_tones() -> None:
    assert sentence_pinyin("我有一个问题。") == "wǒ yǒu yī gè wèn tí."
    assert sentence_pinyin("上课不要玩手机") == "shàng kè bù yào wán shǒu jī"


def test_no_third_tone_sandhi() -> None:
    assert sentence_pinyin("你好") == "nǐ hǎo"


def test_sentence_reading_uses_phrase_context() -> None:
    assert sentence_pinyin("银行行长说") == "yín háng háng zhǎng shuō"


def test_punctuation_latin_and_digits_are_kept() -> None:
    assert (
        sentence_pinyin("“AI 模型”在2010年（大约）出现。") == '"AI mó xíng" zài 2010 nián (dà yuē) chū xiàn.'
    )


def test_sentence_syllables_are_indexed_like_the_string() -> None:
    sentence = "Anthropic 的模型"
    readings = sentence_syllables(sentence)
    assert len(readings) == len(sentence)
    assert readings[sentence.index("模")] == "mo2"
    assert readings[0] is None


def test_erhua_joins_its_syllable_but_a_full_er_stays() -> None:
    assert sentence_pinyin("你去哪儿？") == "nǐ qù nǎr?"
    assert sentence_pinyin("我的女儿") == "wǒ de nǚ ér"


@given(st.text())
def test_sentence_pinyin_reads_any_text(text: str) -> None:
    """Characters pypinyin cannot read (compatibility ideographs, rare extensions) pass through."""
    assert isinstance(sentence_pinyin(text), str)


#: Pieces to build sentences from: phrases of pypinyin's table cut at odd places, polyphones,
#: characters it cannot read, erhua, Latin and punctuation (issue 19: reading word by word).
_PIECES = [
    "银行行长",
    "长江大桥",
    "重庆",
    "还是",
    "还书",
    "快乐",
    "乐曲",
    "一会儿",
    "哪儿",
    "行",
    "长",
    "得",
    "了",
    "着",
    "地",
    "中华人民共和国",
    "人民共和",
    "华人",
    "𠀾",
    "㐀",
    "鑫",
    "AI",
    "3",
    "，",
    "。",
    " ",
]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_sentence_syllables_equal_pypinyin_reading_each_han_run_whole(pieces: list[str]) -> None:
    """Each word of pypinyin's segmentation is read once and remembered: the readings must be
    those of ``pypinyin.pinyin`` on the whole run, as they were."""
    import re

    from flashgen.data import pypinyin
    from flashgen.lexicon.pinyin import _CITATION, _HAN, _is_erhua, _unread, normalise

    sentence = "".join(pieces)
    reader = pypinyin()
    expected: list[str | None] = [None] * len(sentence)
    for run in _HAN.finditer(sentence):
        found = reader.pinyin(
            run.group(), style=reader.Style.TONE3, neutral_tone_with_five=True, errors=_unread
        )
        for offset, (char, (reading, *_)) in enumerate(zip(run.group(), found, strict=True)):
            if not reading.startswith("?"):
                expected[run.start() + offset] = _CITATION.get(char, normalise(reading))
    for at in (m.start() for m in re.finditer("儿", sentence)):
        if at > 0 and _is_erhua(sentence[max(0, at - 3) : at + 1]):
            expected[at] = "r5"
    assert sentence_syllables(sentence) == tuple(expected)


def test_words_read_from_pypinyin_tables_as_pypinyin_reads_them() -> None:
    """The words :func:`_word_syllables` and :func:`plain_syllables` read from pypinyin's tables
    (every twentieth phrase and character, and a phrase with a character after it) read as
    ``pypinyin.pinyin`` and ``lazy_pinyin`` read them: checked on all 47,000 phrases and 42,000
    characters when written."""
    from flashgen.data import pypinyin
    from flashgen.lexicon.pinyin import _table_syllables, _unread, plain_syllables

    reader = pypinyin()
    phrases = sorted(reader.converter.PHRASES_DICT.keys())[::20]
    chars = [chr(code) for code in sorted(reader.converter.PINYIN_DICT)][::20]
    for word in [*phrases, *chars, *(p + c for p, c in zip(phrases, chars, strict=False))]:
        found = reader.pinyin(word, style=reader.Style.TONE3, neutral_tone_with_five=True, errors=_unread)
        assert _table_syllables(reader, word) in (None, tuple(r for r, *_ in found)), word
        assert plain_syllables(word) == reader.lazy_pinyin(word), word
    assert plain_syllables("AI模型") == reader.lazy_pinyin("AI模型")


@given(st.lists(st.sampled_from([*_PIECES, "中国人民", "人民银", "银行行长", "长江大桥", "〇"]), max_size=12))
def test_segmentation_is_pypinyins(pieces: list[str]) -> None:
    """flashgen's cut of a text into pypinyin's pieces is pypinyin's own (``simpleseg.seg``)."""
    from flashgen.data import pypinyin
    from flashgen.lexicon.pinyin import _segment

    text = "".join(pieces)
    assert _segment(text) == list(pypinyin().seg.simpleseg.seg(text))
