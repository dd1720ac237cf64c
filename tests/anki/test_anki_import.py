"""Decks as the official Anki library imports and renders them (issue 6 and 7)."""

from __future__ import annotations

import html
import re
import time
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from flashgen.anki.deck import slugify, write_deck
from flashgen.anki.note_type import NOTE_TYPE_NAME
from flashgen.options import Options

from ..paths import EXAMPLES, cases_file, shared_file
from .helpers import build, import_deck, load_case, make_term, notes_by_word, text_only

pytest.importorskip("anki.collection")

TEMPLATE_ERROR = re.compile(r"template has a problem|templates/errors|front of this card is blank", re.I)


def _rendered(card: Any) -> tuple[str, str]:
    question, answer = card.question(), card.answer()
    assert not TEMPLATE_ERROR.search(question + answer)
    return question, answer


def test_deck_imports_with_three_rendered_cards_per_note(tmp_path: Path, collection: Any) -> None:
    article, terms = load_case("deck_library.json")
    log = import_deck(collection, build(tmp_path / "library.apkg", article, terms))
    assert log["new"] == len(terms)
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert f"flashgen::{article.title}" in names
    notes = notes_by_word(collection)
    assert set(notes) == {t.word.simplified for t in terms}
    for term in terms:
        note = notes[term.word.simplified]
        assert note.note_type()["name"] == NOTE_TYPE_NAME
        assert set(note.tags) == {
            "flashgen",
            slugify(article.title),
            f"hsk{term.word.hsk}" if term.word.hsk else "hsk-none",
        }
        cards = {card.template()["name"]: card for card in note.cards()}
        assert set(cards) == {"Recognition", "Recall", "Sentence cloze"}
        for card in cards.values():
            assert collection.decks.name(card.did) == f"flashgen::{article.title}"
            question, answer = (text_only(side) for side in _rendered(card))
            assert question and answer
            assert term.word.simplified in answer and term.word.meaning in answer
            assert term.example.zh in answer  # the whole sentence is on every back


def test_cloze_front_hides_the_term_and_shows_its_sentence(tmp_path: Path, collection: Any) -> None:
    article, terms = load_case("deck_library.json")
    import_deck(collection, build(tmp_path / "library.apkg", article, terms))
    for term in terms:
        note = notes_by_word(collection)[term.word.simplified]
        cloze = next(c for c in note.cards() if c.template()["name"] == "Sentence cloze")
        question = text_only(_rendered(cloze)[0])
        assert term.word.simplified not in question
        for rest in term.example.zh.split(term.word.simplified):
            assert rest in question
        assert term.example.en in question


def test_a_term_without_english_renders_on_every_card(tmp_path: Path, collection: Any) -> None:
    """A term taught from its Chinese sentence alone (no confident pair, issue 12) still gets three cards."""
    article, terms = load_case("deck_library.json")
    bare = replace(terms[0], example=replace(terms[0].example, en="", en_ids=()))
    import_deck(collection, build(tmp_path / "library.apkg", article, [bare, *terms[1:]]))
    note = notes_by_word(collection)[bare.word.simplified]
    assert note["SentenceEn"] == ""
    cards = {card.template()["name"]: card for card in note.cards()}
    assert set(cards) == {"Recognition", "Recall", "Sentence cloze"}
    for card in cards.values():
        question, answer = (text_only(side) for side in _rendered(card))
        assert question and answer
        assert bare.word.meaning in answer and bare.example.zh in answer
        assert terms[0].example.en not in question + answer
    assert bare.word.simplified not in text_only(_rendered(cards["Sentence cloze"])[0])


def test_pinyin_is_tone_coloured(tmp_path: Path, collection: Any) -> None:
    article, terms = load_case("deck_library.json")
    import_deck(collection, build(tmp_path / "library.apkg", article, terms))
    answers = "".join(
        _rendered(card)[1] for nid in collection.find_notes("") for card in collection.get_note(nid).cards()
    )
    for tone in range(1, 6):
        assert f'class="tone{tone}"' in answers
    assert ".tone1" in answers  # the note type's CSS comes with the card


def test_combined_deck_has_a_subdeck_per_article_and_cards_in_term_order(
    tmp_path: Path, collection: Any
) -> None:
    first, first_terms = load_case("deck_library.json")
    second, second_terms = load_case("deck_payloads.json")
    apkg = tmp_path / "combined.apkg"
    write_deck([(first, first_terms), (second, second_terms)], apkg, Options())
    assert import_deck(collection, apkg)["new"] == len(first_terms) + len(second_terms)
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert {f"flashgen::{first.title}", f"flashgen::{second.title}"} <= names
    cards = sorted(
        (collection.get_card(cid) for cid in collection.find_cards("")), key=lambda c: (c.due, c.ord)
    )
    words = list(dict.fromkeys(card.note()["Simplified"] for card in cards))
    assert words == [t.word.simplified for t in (*first_terms, *second_terms)]


def _review(collection: Any) -> Any:
    """Answer the first card due "Good", then push it to review in 10 days, as a learner would."""
    from anki.scheduler.v3 import CardAnswer

    (deck,) = (d for d in collection.decks.all_names_and_ids() if d.name.startswith("flashgen::"))
    collection.decks.select(deck.id)
    queued = collection.sched.get_queued_cards().cards[0]
    card = collection.get_card(queued.card.id)
    card.start_timer()
    collection.sched.answer_card(
        collection.sched.build_answer(card=card, states=queued.states, rating=CardAnswer.GOOD)
    )
    collection.sched.set_due_date([card.id], "10!")
    return collection.get_card(card.id)


def _state(card: Any) -> tuple[int, ...]:
    return (card.id, card.nid, card.did, card.type, card.queue, card.due, card.ivl, card.reps)


def test_reimport_updates_in_place_and_keeps_reviews(
    tmp_path: Path, collection: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, terms = load_case("deck_library.json")
    path = build(tmp_path / "library.apkg", article, terms)
    import_deck(collection, path)
    reviewed = _review(collection)
    assert reviewed.ivl == 10 and reviewed.reps == 1
    before = collection.get_note(reviewed.nid)

    unchanged = import_deck(collection, build(path, article, terms))
    assert unchanged["new"] == 0 and unchanged["updated"] == 0

    # one English word of the reviewed term's sentence changes, in a later run
    index = next(i for i, t in enumerate(terms) if t.word.simplified == before["Simplified"])
    first_word = terms[index].example.en.split()[0]
    edited_en = terms[index].example.en.replace(first_word, "So", 1)
    edited = replace(terms[index], example=replace(terms[index].example, en=edited_en))
    later = time.time() + 60
    monkeypatch.setattr(time, "time", lambda: later)
    log = import_deck(collection, build(path, article, [*terms[:index], edited, *terms[index + 1 :]]))

    assert log["new"] == 0 and log["updated"] == 1
    assert collection.note_count() == len(terms)
    assert [m.name for m in collection.models.all_names_and_ids()].count(NOTE_TYPE_NAME) == 1
    note = collection.get_note(reviewed.nid)
    assert note.guid == before.guid
    assert note["SentenceEn"].startswith("So ")
    assert _state(collection.get_card(reviewed.id)) == _state(reviewed)


def test_same_word_from_another_article_is_the_same_note(
    tmp_path: Path, collection: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later build for another article updates the note: newest example wins."""
    article, terms = load_case("deck_library.json")
    import_deck(collection, build(tmp_path / "a.apkg", article, terms))
    other_article, other_terms = load_case("deck_payloads.json")
    again = make_term(
        "安静", "an1 jing4", "quiet", "街上很安静。", "The street was quiet.", english="quiet", hsk=2
    )
    later = time.time() + 60
    monkeypatch.setattr(time, "time", lambda: later)
    log = import_deck(collection, build(tmp_path / "b.apkg", other_article, [*other_terms, again]))
    assert log["new"] == len(other_terms) and log["updated"] == 1
    assert "街上很" in notes_by_word(collection)["安静"]["SentenceZh"]


PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{c1::x}}",
    "{{Simplified}}",
    "[sound:x.mp3]",
)
CARD_MARKUP = {"style": {()}, "div": {("class",)}, "span": {("class",)}, "b": {("class",)}, "hr": {("id",)}}


class _Markup(HTMLParser):
    """Every tag and attribute name in a rendered card."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[tuple[str, tuple[str, ...]]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add((tag, tuple(name for name, _ in attrs)))


def _shown_with_nothing_live(collection: Any) -> str:
    """All rendered cards' text, after checking they hold only our own markup and no media."""
    assert collection.media.check().missing == []
    shown = ""
    for nid in collection.find_notes(""):
        for card in collection.get_note(nid).cards():
            for side in _rendered(card):
                markup = _Markup()
                markup.feed(side)
                assert all(attrs in CARD_MARKUP.get(tag, set()) for tag, attrs in markup.found), markup.found
                assert "{{" not in side and "[sound:" not in side
                shown += text_only(side)
            assert not card.question_av_tags() and not card.answer_av_tags()
    return shown


def test_article_payloads_never_render_live(tmp_path: Path, collection: Any) -> None:
    article, terms = load_case("deck_payloads.json")
    import_deck(collection, build(tmp_path / "payloads.apkg", article, terms))
    shown = _shown_with_nothing_live(collection)
    for payload in PAYLOADS:
        assert payload in shown  # the learner sees it as plain text
    # MathJax typesets what it finds between \( \) or \[ \] in the decoded text: none may form
    assert "\\href" in shown.replace("\u2060", "")
    assert not any(delimiter in shown for delimiter in ("\\(", "\\)", "\\[", "\\]"))


def _cli_build(article: Path, out: Path) -> Path:
    """``flashgen build ARTICLE -o OUT`` in process; the deck's path."""
    cli = pytest.importorskip("flashgen.cli")
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, ["build", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (apkg,) = out.glob("*.apkg")
    assert apkg.name in result.output
    return apkg


def test_example_deck_builds_end_to_end(tmp_path: Path, collection: Any) -> None:
    example = EXAMPLES / "demo-article.txt"
    if not example.exists():
        pytest.skip("examples/demo-article.txt is not there yet")
    log = import_deck(collection, _cli_build(example, tmp_path / "decks"))
    assert log["new"] > 0 and log["new"] == collection.note_count()
    for nid in collection.find_notes(""):
        note = collection.get_note(nid)
        assert len(note.cards()) == 3
        # SentenceEn is empty where the aligner is not sure of the pair (issue 12)
        for field in ("Simplified", "Pinyin", "Meaning", "SentenceZh", "SentenceCloze"):
            assert note[field], f"{note['Simplified']}: empty {field}"
        for card in note.cards():
            question, answer = (text_only(side) for side in _rendered(card))
            assert question and answer
            if card.template()["name"] == "Sentence cloze":
                assert note["Simplified"] not in question


def test_seed_article_edit_updates_notes_and_keeps_reviews(
    tmp_path: Path, collection: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = shared_file("corpus", "seed-article.txt")
    out = tmp_path / "decks"
    apkg = _cli_build(seed, out)
    import_deck(collection, apkg)
    reviewed = _review(collection)
    before = collection.note_count()
    shown = collection.get_note(reviewed.nid)["SentenceEn"]
    sentence = html.unescape(re.sub(r"<[^>]+>", "", shown))
    plain = html.unescape(re.sub(r"<b class=\"term\">.*?</b>", " ", shown))
    word = next(w for w in re.findall(r"\b[a-z]{4,}\b", plain))
    text = seed.read_text(encoding="utf-8")
    assert sentence in text
    edited = tmp_path / "seed-edited.txt"  # one English word of the reviewed card's sentence changes
    edited.write_text(
        text.replace(sentence, re.sub(rf"\b{word}\b", "elsewhere", sentence, count=1), 1), encoding="utf-8"
    )

    later = time.time() + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert _cli_build(edited, out) == apkg
    log = import_deck(collection, apkg)
    # the picker may choose another example for the word; either way the note is updated in place
    assert log["new"] == 0 and log["updated"] >= 1
    assert collection.note_count() == before
    assert _state(collection.get_card(reviewed.id)) == _state(reviewed)


def test_article_carrying_payloads_builds_a_deck_that_renders_them_as_text(
    tmp_path: Path, collection: Any
) -> None:
    """The same payloads, this time through the whole pipeline from an article file."""
    article = cases_file(__file__, "payload-article.txt")
    import_deck(collection, _cli_build(article, tmp_path / "decks"))
    assert collection.note_count() > 0
    shown = _shown_with_nothing_live(collection)
    assert any(payload in shown for payload in PAYLOADS)  # shown as the plain text it is


def test_parent_deck_is_configurable(tmp_path: Path, collection: Any) -> None:
    cli = pytest.importorskip("flashgen.cli")
    from typer.testing import CliRunner

    example = EXAMPLES / "demo-article.txt"
    out = tmp_path / "decks"
    result = CliRunner().invoke(cli.app, ["build", str(example), "-o", str(out), "--parent", "Chinese::News"])
    assert result.exit_code == 0, result.output
    import_deck(collection, next(out.glob("*.apkg")))
    names = {deck.name for deck in collection.decks.all_names_and_ids()}
    assert any(name.startswith("Chinese::News::") for name in names), names
