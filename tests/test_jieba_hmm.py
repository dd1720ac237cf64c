"""flashgen's POS HMM decoder must give jieba's own answer on every string (issue 19).

The decoder replaces ``jieba.posseg.viterbi`` for speed only: any difference
would change tokens, terms and decks.  It is compared with jieba's on
characters the model knows, characters it does not know, Latin letters and
punctuation, in runs as long as jieba feeds it; and on the sentences of the
example articles through the whole POS tokenizer.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
from jieba.posseg.viterbi import viterbi as jieba_viterbi

from flashgen import data
from flashgen.jieba_hmm import viterbi

from .paths import EXAMPLES

#: Characters of the model (a spread of its 6,000), a few it lacks, and non-Han ones.
MODEL_CHARS = sorted(char_state_tab_P)[::40]
ALPHABET = MODEL_CHARS + list("鑫犇龘𠀀丶") + list("aZ9，。・ ")
MODEL: tuple[Any, ...] = (char_state_tab_P, start_P, trans_P, emit_P)


@settings(max_examples=600)
@given(st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=14))
def test_same_path_and_probability_as_jieba(text: str) -> None:
    assert viterbi(text, *MODEL) == jieba_viterbi(text, *MODEL)


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(MODEL_CHARS[:12]), min_size=1, max_size=30))
def test_same_answer_on_runs_of_few_characters(text: str) -> None:
    """Few characters: long runs of the same few states."""
    assert viterbi(text, *MODEL) == jieba_viterbi(text, *MODEL)


def test_posseg_uses_it_and_cuts_the_examples_as_jieba_does(monkeypatch: Any) -> None:
    import jieba.posseg

    tokenizer = data.jieba_posseg()
    assert jieba.posseg.viterbi is viterbi
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    lines = [line for line in text.splitlines() if line.strip()]
    ours = [[(w.word, w.flag) for w in tokenizer.cut(line)] for line in lines]
    monkeypatch.setattr(jieba.posseg, "viterbi", jieba_viterbi)
    assert ours == [[(w.word, w.flag) for w in tokenizer.cut(line)] for line in lines]
