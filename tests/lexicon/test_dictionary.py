"""CC-CEDICT index, HSK levels and the English lemmas used as evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashgen import cache
from flashgen.lexicon import dictionary


def test_every_reading_of_a_headword_is_kept() -> None:
    readings = {e.pinyin_numbered for e in dictionary.entries("行")}
    assert {"hang2", "xing2"} <= readings
    assert [e.pinyin_numbered for e in dictionary.entries("地方")] == ["di4 fang1", "di4 fang5"]


def test_entries_carry_traditional_forms_and_senses() -> None:
    (entry,) = dictionary.entries("银行")
    assert entry.traditional == "銀行"
    assert "bank" in entry.senses


def test_names_and_variants_are_recognised() -> None:
    assert all(e.is_name for e in dictionary.entries("特朗普"))
    assert any(e.is_variant_only for e in dictionary.entries("一点儿"))


def test_contains_is_exact() -> None:
    assert dictionary.contains("银行")
    assert not dictionary.contains("银行行")
    assert not dictionary.contains("出口管制")
    assert dictionary.entries("出口管制") == ()


def test_starts_word_is_whether_a_headword_starts_with_the_text() -> None:
    headwords = dictionary._cedict().headwords
    texts = ["图书", "图书管", "图书管理员", "图书管理员们", "的发", "了", "", "龘龘", "银行行长", "ＡＢ"]
    texts += [w[:cut] for w in headwords[::2003] for cut in range(1, len(w) + 2)]
    texts += [w[:-1] + "龘" for w in headwords[::4001] if len(w) > 1]
    for text in texts:
        assert dictionary.starts_word(text) == any(w.startswith(text) for w in headwords), text


@given(st.data())
@settings(max_examples=300)
def test_containing_is_a_scan_of_the_headwords(draw: st.DataObject) -> None:
    """``containing`` looks only at the headwords holding the word's rarest character: the same
    headwords, in the same order, as a scan of all of them (a piece of a headword, or any text)."""
    headwords = dictionary._cedict().headwords
    source = draw.draw(st.sampled_from(headwords) | st.text(alphabet="的不中国人银行学龘Ａ", min_size=1))
    start = draw.draw(st.integers(0, len(source) - 1))
    word = source[start : draw.draw(st.integers(start + 1, len(source)))]
    longest = len(word) + draw.draw(st.integers(0, 4))
    expected = [w for w in headwords if word in w and w != word and len(w) <= longest]
    assert dictionary.containing(word, longest) == expected


def test_gloss_words_are_lemmatised_content_words() -> None:
    words = dictionary.gloss_words("出口")
    assert {"export", "exit"} <= words
    assert not words & dictionary.STOPWORDS


def test_lemma_matches_inflections() -> None:
    assert dictionary.english_lemmas("Exports exported exporting") == ["export", "export", "export"]
    assert dictionary.lemma("policies") == "policy"
    assert dictionary.lemma("class") == "class"
    assert dictionary.lemma("prices") == dictionary.lemma("price")
    assert dictionary.lemma("watches") == dictionary.lemma("watch")


@pytest.mark.parametrize(
    "plural, singular",
    [
        ("viruses", "virus"),
        ("buses", "bus"),
        ("bonuses", "bonus"),
        ("campuses", "campus"),
        ("focuses", "focus"),
        ("gases", "gas"),
        ("statuses", "status"),
        ("censuses", "census"),
        ("surpluses", "surplus"),
        ("heroes", "hero"),
        ("potatoes", "potato"),
        ("causes", "cause"),
        ("houses", "house"),
        ("uses", "use"),
        ("bases", "base"),
        ("cases", "case"),
        ("doses", "dose"),
        ("shoes", "shoe"),
    ],
)
def test_an_es_plural_meets_its_singular(plural: str, singular: str) -> None:
    """-es after an -s or -o goes when the glosses know the stem and not the stem with an e
    (viruses: virus), else only the -s does (causes: cause)."""
    assert dictionary.lemma(plural) == dictionary.lemma(singular)


def test_levels_and_frequency() -> None:
    assert dictionary.hsk_level("学习") == 1
    assert dictionary.hsk_level("出口管制") is None
    assert dictionary.zipf("的") > dictionary.zipf("护栏") > 0


def test_index_is_rebuilt_into_a_fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHGEN_CACHE_DIR", str(tmp_path))
    index = dictionary._Index(*dictionary._build_cedict_index())
    assert index.record("银行").startswith("銀行\tyin2 hang2\t")
    assert index.position("不存在的词语") == -1
    cached = cache.cached_index("cedict-test", dictionary.cedict_file(), dictionary._build_cedict_index)
    assert dictionary._Index(*cached).record("地方") == index.record("地方")
    assert list(tmp_path.glob("cedict-test-*.marshal"))
