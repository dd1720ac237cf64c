"""The deck builder without Anki: names, identities, escaping and the file it writes."""

from __future__ import annotations

import html
import json
import os
import re
import sqlite3
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashgen.anki import packages
from flashgen.anki.deck import MAX_SLUG_LENGTH, deck_name, note_guid, slugify, write_deck
from flashgen.anki.note_type import _BREAK, _CONTROL, FIELDS, MODEL_ID, escape, note_fields
from flashgen.anki.packages import carded_words
from flashgen.errors import FlashgenError
from flashgen.options import Options

from .helpers import CASES, build, load_case, make_article, make_term

SLUG_CASES = json.loads((CASES / "deck_slugs.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("title", "expected"), SLUG_CASES)
def test_slugify_cases(title: str, expected: str) -> None:
    assert slugify(title) == expected


@given(st.text())
def test_slug_is_always_a_safe_file_stem(title: str) -> None:
    slug = slugify(title)
    assert slug
    assert len(slug) <= MAX_SLUG_LENGTH
    assert len(f"{slug}.apkg".encode()) <= 255
    assert not any(c in slug for c in '/\\:*?"<>|.\x00')
    assert slug.isprintable() and slug == slug.strip(" -")
    assert Path(slug).name == slug


def test_long_title_slug_is_truncated() -> None:
    assert slugify("word " * 100) == ("word-" * 16).rstrip("-")


@given(st.text(), st.text())
def test_deck_name_title_adds_exactly_one_level(parent: str, title: str) -> None:
    name = deck_name(title, Options(deck_parent="flashgen"))
    assert name.startswith("flashgen::")
    assert name.count("::") == 1
    assert name.isprintable() and not name.endswith(" ")


def test_deck_name_keeps_a_nested_parent() -> None:
    assert deck_name("Rates rise", Options(deck_parent="Chinese::News")) == "Chinese::News::Rates rise"
    assert deck_name("a::b\tc", Options()) == "flashgen::a:b c"
    assert deck_name("  ", Options()) == "flashgen::Untitled article"


def test_escape_neutralises_html_and_anki_syntax() -> None:
    escaped = escape('<img src=x onerror="a()"> {{c1::x}} [sound:x.mp3] \x1f')
    assert "<" not in escaped and ">" not in escaped
    assert "{" not in escaped and "[" not in escaped
    assert "\x1f" not in escaped


@given(st.text(alphabet=st.sampled_from("&<>{}[]\\\"'x 中\n\x1f")) | st.text())
def test_escape_is_one_pass_of_each_escape(text: str) -> None:
    """The entities replaced one by one equal a translation table's single pass over the text."""
    table = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})
    clean = text if text.isprintable() else _CONTROL.sub("", _BREAK.sub(" ", text))
    assert escape(text) == html.escape(clean, quote=False).translate(table).replace("\\", "\\\u2060")


def test_fields_follow_the_frozen_list() -> None:
    article, terms = load_case("deck_library.json")
    fields = dict(zip(FIELDS, note_fields(terms[0], article), strict=True))
    assert fields["Simplified"] == "图书馆"
    assert fields["Traditional"] == "圖書館"
    assert fields["Pinyin"] == (
        '<span class="tone2">tú</span> <span class="tone1">shū</span> <span class="tone3">guǎn</span>'
    )
    assert fields["SentenceZh"] == '那天晚上，市<b class="term">图书馆</b>一直开到凌晨两点。'
    assert fields["SentenceCloze"] == '那天晚上，市<span class="blank">＿＿＿</span>一直开到凌晨两点。'
    assert '<b class="term">library</b>' in fields["SentenceEn"]
    assert fields["HSK"] == "1" and fields["Audio"] == ""


def test_the_sentence_line_reads_the_card_word_as_the_card_does() -> None:
    """The line alone reads 老师傅 shī fù; the card teaches 师傅 shī fu, so its line says so too."""
    term = make_term(
        "师傅", "shi1 fu5", "master", "老师傅们手把手地教年轻人。", "Old masters teach the young."
    )
    line = note_fields(term, make_article("师傅", [term]))[FIELDS.index("SentencePinyin")]
    assert line.startswith("lǎo shī fu men ")


def test_the_card_word_is_read_only_where_the_sentence_holds_it_whole() -> None:
    """进行业务 holds 行业's characters across 进行|业务: there they keep the line's reading."""
    term = make_term(
        "行业", "hang2 ye4", "industry", "这个行业正在进行业务调整。", "The industry is restructuring."
    )
    line = note_fields(term, make_article("行业", [term]))[FIELDS.index("SentencePinyin")]
    assert "zhè ge háng yè" in line and "jìn xíng yè wù" in line


def test_traditional_is_empty_when_it_is_the_simplified_form() -> None:
    article, terms = load_case("deck_library.json")
    place = next(t for t in terms if t.word.simplified == "地方")
    assert note_fields(place, article)[FIELDS.index("Traditional")] == ""


def test_guid_depends_on_the_word_not_the_sentence() -> None:
    a = make_term("安静", "an1 jing4", "quiet", "这里很安静。", "It is quiet here.")
    b = make_term("安静", "an1 jing4", "calm", "夜里很安静。", "The night is calm.")
    assert note_guid(a.word) == note_guid(b.word)


def test_guid_carries_the_reading_only_for_words_with_several() -> None:
    place = make_term("地方", "di4 fang5", "place", "好地方。", "A good place.")
    region = make_term("地方", "di4 fang1", "local", "地方政府。", "Local government.")
    assert note_guid(place.word) != note_guid(region.word)
    bank = make_term("银行", "yin2 hang2", "bank", "去银行。", "Go to the bank.")
    assert note_guid(bank.word) == note_guid(make_term("银行", "YIN2  hang2", "", "", "").word)


def _package_notes(apkg: Path, tmp_path: Path) -> list[tuple[str, str, str, int]]:
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", tmp_path)
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        return connection.execute("SELECT guid, flds, tags, mod FROM notes ORDER BY guid").fetchall()
    finally:
        connection.close()


def test_same_input_same_notes_and_unchanged_rebuild_keeps_times(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    first = _package_notes(build(tmp_path / "a.apkg", article, terms), tmp_path / "x")
    elsewhere = _package_notes(build(tmp_path / "b.apkg", article, terms), tmp_path / "y")
    assert [n[:3] for n in first] == [n[:3] for n in elsewhere]
    again = _package_notes(build(tmp_path / "a.apkg", article, terms), tmp_path / "z")
    assert again == first


def test_changed_note_gets_a_newer_time(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    path = build(tmp_path / "a.apkg", article, terms)
    before = {guid: mod for guid, _, _, mod in _package_notes(path, tmp_path / "x")}
    edited = [
        *terms[:-1],
        make_term("还书", "huan2 shu1", "to return books", "大家排队还书。", "All queued."),
    ]
    after = {guid: mod for guid, _, _, mod in _package_notes(build(path, article, edited), tmp_path / "y")}
    changed = [g for g in after if after[g] != before[g]]
    assert changed == [note_guid(edited[-1].word)]
    assert after[changed[0]] > before[changed[0]]


def test_a_replaced_deck_is_read_once_and_afresh_once_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, terms = load_case("deck_library.json")
    path = build(tmp_path / "a.apkg", article, terms)
    reads: list[Path] = []
    real = packages._read_contents
    monkeypatch.setattr(packages, "_read_contents", lambda apkg: reads.append(apkg) or real(apkg))
    assert packages.deck_sources(path) == {article.source_name}  # asked first by a build
    build(path, article, terms[:-1])  # then by writing the deck over it
    assert reads == [path]
    assert set(packages.stored_notes(path) or {}) == {note_guid(t.word) for t in terms[:-1]}
    assert reads == [path, path]


def test_combined_sections_share_one_note_per_word(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    other = make_article("Second Story", terms[:2])
    count = write_deck([(article, terms), (other, terms[:2])], tmp_path / "both.apkg", Options())
    assert count == len(terms)
    assert len(_package_notes(tmp_path / "both.apkg", tmp_path / "x")) == len(terms)


def test_refuses_to_overwrite_a_foreign_file(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    foreign = tmp_path / "notes.apkg"
    foreign.write_text("my own notes", encoding="utf-8")
    with pytest.raises(FlashgenError, match=r"notes\.apkg.*not a flashgen deck"):
        build(foreign, article, terms)
    assert foreign.read_text(encoding="utf-8") == "my own notes"
    assert list(tmp_path.iterdir()) == [foreign]


def test_refuses_to_overwrite_another_tools_deck(tmp_path: Path) -> None:
    import genanki

    model = genanki.Model(
        1_234_567, "Other", fields=[{"name": "F"}], templates=[{"name": "c", "qfmt": "{{F}}"}]
    )
    deck = genanki.Deck(1_234_568, "Other")
    deck.add_note(genanki.Note(model=model, fields=["x"]))
    other = tmp_path / "other.apkg"
    genanki.Package(deck).write_to_file(other)
    before = other.read_bytes()
    article, terms = load_case("deck_library.json")
    with pytest.raises(FlashgenError, match=r"other\.apkg"):
        build(other, article, terms)
    assert other.read_bytes() == before


def test_failed_write_keeps_the_previous_deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article, terms = load_case("deck_library.json")
    path = build(tmp_path / "a.apkg", article, terms)
    before = path.read_bytes()

    def broken(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("flashgen.anki.deck._write_package", broken)
    with pytest.raises(KeyboardInterrupt):
        build(path, article, terms[:1])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.apkg"]


def test_output_directory_that_is_a_file(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    blocker = tmp_path / "decks"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(FlashgenError, match="decks"):
        build(blocker / "a.apkg", article, terms)
    with pytest.raises(FlashgenError, match="decks"):
        build(blocker / "sub" / "a.apkg", article, terms)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere")
def test_output_directory_not_writable(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(FlashgenError, match="locked"):
        build(locked / "a.apkg", article, terms)


def test_output_path_that_is_a_directory(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    (tmp_path / "a.apkg").mkdir()
    with pytest.raises(FlashgenError, match=r"a\.apkg"):
        build(tmp_path / "a.apkg", article, terms)


def test_deck_holds_our_note_type_even_when_empty(tmp_path: Path) -> None:
    article, _ = load_case("deck_library.json")
    assert write_deck([(article, [])], tmp_path / "empty.apkg", Options()) == 0
    assert build(tmp_path / "empty.apkg", article, [])  # ours, so it may be overwritten
    with zipfile.ZipFile(tmp_path / "empty.apkg") as package:
        package.extract("collection.anki2", tmp_path)
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    (models,) = connection.execute("SELECT models FROM col").fetchone()
    connection.close()
    assert str(MODEL_ID) in json.loads(models)


def test_carded_words_reads_our_decks_only(tmp_path: Path) -> None:
    article, terms = load_case("deck_library.json")
    build(tmp_path / "a.apkg", article, terms[:2])
    build(tmp_path / "b.apkg", make_article("Other", terms[3:]), terms[3:])
    (tmp_path / "junk.apkg").write_bytes(b"PK\x03\x04 not really")
    with zipfile.ZipFile(tmp_path / "garbage.apkg", "w") as package:
        package.writestr("collection.anki2", b"not a database" * 100)
    damaged = (tmp_path / "a.apkg").read_bytes()
    middle = len(damaged) // 2
    (tmp_path / "damaged.apkg").write_bytes(damaged[:middle] + bytes(64) + damaged[middle + 64 :])
    (tmp_path / "folder.apkg").mkdir()
    (tmp_path / "notes.txt").write_text("地方", encoding="utf-8")
    assert carded_words(tmp_path) == {"图书馆", "安静", "研究", "还书"}
    assert carded_words(tmp_path / "missing") == frozenset()
    with pytest.raises(FlashgenError, match=r"notes\.txt"):
        carded_words(tmp_path / "notes.txt")


OUR_TAGS = re.compile(r'<span class="(?:tone[1-5]|blank)">|<b class="term">|</span>|</b>')


@given(st.text(min_size=1, max_size=4), st.text(), st.text(), st.text(max_size=12))
def test_fields_of_any_text_hold_only_our_markup(word: str, zh: str, en: str, english: str) -> None:
    # article text reaches the deck NFC-normalised by the reader
    word, zh = unicodedata.normalize("NFC", word), unicodedata.normalize("NFC", zh)
    term = make_term(word, "ni3 hao3", en, zh + word, en, english=english)
    for field in note_fields(term, make_article(zh, [term])):
        assert "\x1f" not in field
        assert not any(c in field for c in "{}[]")
        assert "<" not in OUR_TAGS.sub("", field) and ">" not in OUR_TAGS.sub("", field)


def test_write_error_names_the_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, terms = load_case("deck_library.json")

    def disk_full(_decks: object, _mods: object, _now: object, target: Path) -> None:
        target.write_bytes(b"half a deck")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("flashgen.anki.deck._write_package", disk_full)
    with pytest.raises(FlashgenError, match=r"a\.apkg.*No space left"):
        build(tmp_path / "a.apkg", article, terms)
    assert list(tmp_path.iterdir()) == []


def test_a_composed_meaning_is_labelled_on_the_card() -> None:
    """The learner can tell flashgen's composition from a dictionary sense."""
    zh, en = "实行出口管制。", "Export controls apply."
    term = make_term("出口管制", "chu1 kou3 guan3 zhi4", "export control", zh, en)
    article = make_article("Trade", [term])
    meaning = FIELDS.index("Meaning")
    assert "composed" not in note_fields(term, article)[meaning]
    composed = replace(term, word=replace(term.word, composed=True))
    assert note_fields(composed, article)[meaning].startswith('export control <span class="composed">')


def test_a_full_disk_under_sqlite_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full TMPDIR shows as SQLite's error, not an OSError: it is still one line, nothing left."""
    article, terms = load_case("deck_library.json")

    def full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("flashgen.anki.deck._write_package", full)
    with pytest.raises(FlashgenError, match=r"a\.apkg.*disk is full"):
        build(tmp_path / "a.apkg", article, terms)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_inside_the_zip_write_stays_an_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """zipfile's close() raises ValueError over a half-written member; the Ctrl-C must win."""
    article, terms = load_case("deck_library.json")

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("shutil.copyfileobj", interrupted)  # what ZipFile.write copies with
    with pytest.raises(KeyboardInterrupt):
        build(tmp_path / "a.apkg", article, terms)
    assert list(tmp_path.iterdir()) == []


def test_an_untitled_article_names_its_deck_by_the_file_alone(tmp_path: Path) -> None:
    """``story.txt`` and ``/abs/path/story.txt`` are one article: one deck name, one file name."""
    article, _ = load_case("deck_library.json")
    relative = replace(article, title_en="", title_zh="", source="story.txt")
    absolute = replace(relative, source=str(tmp_path / "story.txt"))
    assert relative.title == absolute.title == "story"
    assert deck_name(relative.title, Options()) == deck_name(absolute.title, Options())


_ASCII_TEXT = st.lists(st.sampled_from([*"aAbB_1 \t\n\x1c-.'", "ab", "Ab ", " b"]), max_size=16).map("".join)


@given(_ASCII_TEXT, _ASCII_TEXT)
def test_english_span_of_ascii_text_is_the_patterns(sentence: str, equivalent: str) -> None:
    """The equivalent's span in ASCII text is found without a pattern: the same as the pattern's."""
    import re

    from flashgen.anki.note_type import _english_span

    expected: list[tuple[int, int]] = []
    if equivalent.strip():
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, equivalent.split())) + r"(?!\w)"
        match = re.search(pattern, sentence, re.IGNORECASE)
        expected = [(match.start(), match.end())] if match else []
    assert _english_span(sentence, equivalent) == expected
