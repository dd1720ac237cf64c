"""The prototype reading engine (flashgen/lexicon/engine.py, not wired into lookup: docs/reading_model.md).

Its accuracy is measured by the bench scripts on held-out data, not here; these
tests hold what any version must keep, with or without the optional g2pM.
"""

from __future__ import annotations

import pytest

from flashgen.lexicon import dictionary, engine

SENTENCES = ["银行行长今天宣布了新的利率。", "他把书还给我了，AI 很好。", "一群鸟飞过，比分是三比一。"]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_one_syllable_per_character_and_none_for_the_rest(sentence: str) -> None:
    readings = engine.sentence_readings(sentence)
    assert len(readings) == len(sentence)
    for char, reading in zip(sentence, readings, strict=True):
        assert (reading is None) == (not "\u3400" <= char <= "\u9fff")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_reading_is_one_cc_cedict_gives_the_character_or_its_word(sentence: str) -> None:
    readings = engine.sentence_readings(sentence)
    for token in engine.tokens_of(sentence):
        for i, char in enumerate(token.text):
            reading = readings[token.start + i]
            if reading is None or not dictionary.entries(char):
                continue
            in_word = {r[i] for r in engine.word_readings(token.text)} if len(token.text) > 1 else set()
            assert reading in set(engine.char_readings(char)) | in_word, (token.text, char, reading)


def test_vulgar_readings_need_the_english() -> None:
    assert engine.sentence_readings("一群鸟")[2] == "niao3"
    assert engine.sentence_readings("三比一")[1] == "bi3"


def test_the_weights_say_what_they_were_fitted_on() -> None:
    about = engine._model()["about"]
    assert "CPP dev" in about and "polyphones" in about
    assert engine.weights(), "no weights for the engine's model"
