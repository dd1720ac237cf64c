"""The reading engine: one scorer for every Han character of a sentence, and so for the card word.

Each character gets candidate readings, each candidate a score that sums
weighted evidence; a softmax over a character's candidates gives log
P(reading).  The weights are fitted on data (``bench/fit_readings.py``: the
FIT halves of the CPP dev set and of the project's case files) and ship in
``reading_weights.json`` beside this module.  No rule here is about a
particular character or slot: the evidence is generic, the data says how much
each piece counts.

Candidates (never a reading CC-CEDICT does not list for the word):

- the readings of the character's own CC-CEDICT entries,
- the syllable at that place of every CC-CEDICT reading of the token holding
  it (关系 gives 系 xi5),
- pypinyin's heteronyms, only for a character CC-CEDICT lacks;
- a reading whose entries are all vulgar, archaic or Taiwan-only (鸟 diǎo,
  草 cào) is dropped unless the aligned English confirms it or the token's
  dictionary reading needs it.

Evidence: pypinyin's whole-sentence reading (told apart from its
out-of-context default); a prior per reading (CC-CEDICT words that read the
character so, weighted by jieba's counts: 鸟 is niǎo unless the sentence says
otherwise); the CC-CEDICT readings of the token and of dictionary words
around, inside or across it; what kind of word the reading is (particle,
classifier, verb, adjective, noun, name) crossed with jieba's tags of the
token and its neighbours and with the neighbouring function words; the
neutral-tone twins' slot preference (:mod:`.twins`); and, only where that
cheaper evidence leaves a character in doubt, the g2pM polyphone model's
probability (a small BiLSTM; it needs numpy, whose import costs about a
fifth of jieba's start-up: a fifth of CPP's sentences are in doubt, but most
of a news article's are, so a build usually pays it; docs/reading_model.md).

A token CC-CEDICT lists takes the dictionary reading with the best summed
log-probability, so the card word and the sentence line agree.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from .. import data
from . import dictionary
from .pinyin import normalise, sentence_syllables
from .reading import Reading, readings
from .senses import adjectival, clean_senses, sense_score
from .slot import Slot
from .twins import neutral_preference, word_slot_bonus

WEIGHTS_FILE = Path(__file__).with_name("reading_weights.json")
#: The aligned English's weight for a reading whose senses it confirms (:mod:`.choice`): hand-set,
#: as no data set with English was at hand to fit it.  Here the English only lets a gated reading in.
ENGLISH_WEIGHT = 5.0
#: Below this probability of its best reading (by the cheap evidence), a character is in doubt,
#: and the sentence is read by g2pM too.  Chosen on the FIT halves (``bench/fit_readings.py``).
DOUBT = 0.9
_HAN = re.compile(r"[\u3400-\u9fff]")
_GATED = re.compile(
    r"\b(vulgar|penis|vagina|cunt|fuck\w*)\b|[屌屄肏]|euphemistic variant"
    r"|\((old|archaic|literary|classical|ancient|in imperial China)\b|^(old|archaic|ancient) "
    r"|^\(Tw\)|^Taiwan variant|^\(Taiwan\)"
)
_NAME_TAGS = ("nr", "ns", "nt")
_TAG_CLASSES = frozenset("nvadmqupcrfty")
#: Neighbouring words frequent enough to be learnt one by one (aspect and structural particles,
#: negations, degree adverbs, modal verbs, classifiers, determiners).
_FUNCTION_WORDS = frozenset("了着过的得地在给到一不没很太更最会要能把被个这那些点吗呢吧啊") | frozenset(
    {"可以", "应该", "已经", "非常", "比较", "一个", "一些", "一点"}
)


def syllables(numbered: str) -> tuple[str, ...]:
    """CC-CEDICT-style numbered pinyin as lower-case syllables, ü spelled ü, erhua NOT joined."""
    return tuple(numbered.lower().replace("u:", "ü").replace("v", "ü").split())


# ---------------------------------------------------------------- dictionary facts


@dataclass(frozen=True)
class CharReading:
    """One reading of a character with what its own CC-CEDICT entries say of it."""

    surname: bool  # one of its entries is "surname ..."
    name_only: bool  # every entry with this reading is a name
    gated: bool  # every sense is vulgar, archaic or Taiwan-only
    senses: tuple[str, ...]

    @cached_property
    def kinds(self) -> frozenset[str]:
        """Particle, classifier, verb, adj, noun, name or none (read only for a character with a choice)."""
        return _kinds(clean_senses(list(self.senses)), self.name_only)


@cache
def char_readings(char: str) -> dict[str, CharReading]:
    """The readings of a single character's own CC-CEDICT entries."""
    grouped: dict[str, list[dictionary.Entry]] = {}
    for entry in dictionary.entries(char):
        found = syllables(entry.pinyin_numbered)
        if len(found) == 1:
            grouped.setdefault(found[0], []).append(entry)
    result = {}
    for reading, entries in grouped.items():
        common = [e for e in entries if not e.is_name]
        senses = tuple(s for e in (common or entries) for s in e.senses)
        every = [s for e in entries for s in e.senses]  # a surname reading is no archaism (沈 shěn)
        result[reading] = CharReading(
            any(s.startswith("surname ") for s in every),
            not common,
            bool(every) and all(_GATED.search(s) for s in every),
            senses,
        )
    return result


def _kinds(senses: Sequence[str], name_only: bool) -> frozenset[str]:
    """What kinds of word a reading makes, read off its CC-CEDICT senses (a reading may be several)."""
    if name_only:
        return frozenset({"name"})
    found = set()
    if any("particle" in s or "marker" in s for s in senses):
        found.add("particle")
    if any(s.startswith("classifier") for s in senses):
        found.add("classifier")
    if any(s.startswith("to ") for s in senses[:5]):
        found.add("verb")
    if adjectival(list(senses), first=2):
        found.add("adj")
    if senses and (not found or not senses[0].startswith(("to ", "classifier"))):
        found.add("noun")  # "noun" stands for any other first sense (an adverb, a noun)
    return frozenset(found or {"none"})


@cache
def word_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """CC-CEDICT readings of a word of several characters, one syllable per character."""
    found: list[tuple[str, ...]] = []
    entries = dictionary.entries(word)
    for entry in entries:
        spelled = syllables(entry.pinyin_numbered)
        usable = (not entry.is_variant_only or len(entries) == 1) and len(spelled) == len(word)
        if usable and spelled not in found:
            found.append(spelled)
    return tuple(found)


@cache
def _heteronyms(char: str) -> tuple[str, ...]:
    reader = data.pypinyin()
    found = reader.pinyin(char, style=reader.Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    return tuple(normalise(h) for h in found[0] if h[-1:].isdigit())


# ---------------------------------------------------------------- weights


@cache
def model() -> Mapping[str, Any]:
    """The shipped prior and weights (``prior``: log P(reading | character); ``plain`` and ``g2pm``)."""
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# ---------------------------------------------------------------- g2pM, loaded only when in doubt


@cache
def g2pm_available() -> bool:
    try:
        import g2pM  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def _g2pm() -> Any:
    from g2pM import G2pM

    return G2pM()


@cache
def g2pm_log_probabilities(sentence: str) -> dict[int, dict[str, float]]:
    """g2pM's log-probabilities over its own readings at each character it calls polyphonic.

    Its network run once over the sentence (its ``__call__`` decodes to one
    reading; the candidates here need the whole distribution).
    """
    import numpy as np

    g = _g2pm()
    positions = [i for i, c in enumerate(sentence) if len(g.cedict.get(c, ())) > 1]
    if not positions:
        return {}
    unknown = g.char2idx["<UNK>"]
    ids = np.array([[g.char2idx["시"], *(g.char2idx.get(c, unknown) for c in sentence), g.char2idx["끝"]]])
    lengths = [ids.shape[1]]
    forward_in = g.get_embedding(ids)
    backward_in = g.get_embedding(g.reverse_sequence(ids, lengths))
    forward_state = backward_state = None
    forward, backward = [], []
    for t in range(ids.shape[1]):
        forward_state = g.fw_lstm_cell(forward_in[:, t, :], forward_state)
        backward_state = g.bw_lstm_cell(backward_in[:, t, :], backward_state)
        forward.append(forward_state[0])
        backward.append(backward_state[0])
    hidden = np.concatenate(
        [np.stack(forward, axis=1), g.reverse_sequence(np.stack(backward, axis=1), lengths)], axis=2
    )[0]
    logits = g.fc_layer(hidden[[p + 1 for p in positions]])
    classes = _g2pm_classes()
    result = {}
    for row, p in zip(logits, positions, strict=True):
        known = {normalise(o): float(row[classes[o]]) for o in g.cedict[sentence[p]] if o in classes}
        top = max(known.values())
        total = top + math.log(sum(math.exp(v - top) for v in known.values()))
        result[p] = {r: v - total for r, v in known.items()}
    return result


@cache
def _g2pm_classes() -> dict[str, int]:
    return {pron: index for index, pron in _g2pm().idx2class.items()}


# ---------------------------------------------------------------- tokens and features


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    tag: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@cache
def tokens_of(sentence: str) -> tuple[Token, ...]:
    """jieba's part-of-speech segmentation (without HMM guesses) as positioned tokens."""
    found, at = [], 0
    for pair in data.jieba_posseg().cut(sentence, HMM=False):
        found.append(Token(pair.word, at, pair.flag))
        at += len(pair.word)
    return tuple(found)


def tokens_for(sentence: str, word: str, position: int) -> tuple[Token, ...]:
    """The tokens to read ``word`` at ``position`` by: jieba's, with the word made one token
    (出口 + 管制 read as 出口管制; 生意 inside 做生意 read as 生意).

    But a part of a token CC-CEDICT lacks (管制 of a composed 出口管制) is read inside that
    token, as the sentence line reads it, so that the card word's parts and its line agree.
    """
    tokens = tokens_of(sentence)
    end = position + len(word)
    enclosing = next((t for t in tokens if t.start <= position and end <= t.end), None)
    if enclosing is not None and (enclosing.text == word or not dictionary.entries(enclosing.text)):
        return tokens
    tag = str(data.jieba_posseg().word_tag_tab.get(word, "x" if len(word) == 1 else "n"))
    result: list[Token] = []
    for t in tokens:
        if t.end <= position or t.start >= end:
            result.append(t)
            continue
        if t.start < position:
            result.append(Token(t.text[: position - t.start], t.start, t.tag))
        if not result or result[-1].start != position:
            result.append(Token(word, position, tag))
        if t.end > end:
            result.append(Token(t.text[end - t.start :], end, t.tag))
    return tuple(result)


def _tag_class(token: Token | None) -> str:
    if token is None or not _HAN.match(token.text[:1]):
        return "punct"
    if token.tag.startswith(_NAME_TAGS):
        return "name"
    return token.tag[:1] if token.tag[:1] in _TAG_CLASSES else "other"


def _neighbour(token: Token | None, fine: bool = False) -> str:
    """A neighbouring token as evidence: a function word (``fine``: any one-character word) itself,
    else its tag."""
    if token is not None and (token.text in _FUNCTION_WORDS or (fine and len(token.text) == 1)):
        return token.text
    return _tag_class(token)


@dataclass(frozen=True)
class Candidate:
    reading: str
    features: dict[str, float]


def _agree(words: Iterable[tuple[str, int]], reading: str) -> tuple[bool, bool]:
    """(every, some): whether the dictionary readings of some of ``words`` all / partly read ``reading``."""
    heard = [{r[index] for r in word_readings(word)} for word, index in words if word_readings(word)]
    return any(s == {reading} for s in heard), any(reading in s for s in heard)


def _around(
    sentence: str, position: int, token: Token, tokens: Sequence[Token]
) -> dict[str, list[tuple[str, int]]]:
    """Dictionary words of 2-4 characters holding ``position``: longer than the token (made of whole
    tokens), inside it, or crossing its edges; each with the character's index in it."""
    starts = {t.start for t in tokens} | {len(sentence)}
    ends = {t.end for t in tokens} | {0}
    found: dict[str, list[tuple[str, int]]] = {"outer": [], "inner": [], "crossing": []}
    for length in (2, 3, 4):
        for s in range(max(0, position - length + 1), min(position, len(sentence) - length) + 1):
            text = sentence[s : s + length]
            if (s, s + length) == (token.start, token.end) or not word_readings(text):
                continue
            if s in starts and s + length in ends and (s < token.start or s + length > token.end):
                found["outer"].append((text, position - s))
            elif token.start <= s and s + length <= token.end:
                found["inner"].append((text, position - s))
            else:
                found["crossing"].append((text, position - s))
    return found


@cache
def _slot(sentence: str, start: int, length: int) -> Slot:
    return Slot.of(sentence, start, length)


def _twin_preference(sentence: str, token: Token, position: int, reading: str) -> float:
    """The neutral-tone twins' (and word-kind) slot preference for the token's readings with this syllable."""
    options = readings(token.text)
    if len(options) < 2:
        return 0.0
    slot = _slot(sentence, token.start, len(token.text))
    best = 0.0
    for option in options:
        spelled = syllables(option.numbered)
        if len(spelled) == len(token.text) and spelled[position - token.start] == reading:
            bonus = neutral_preference(slot, token.text, option, options)
            if len(token.text) > 1:
                bonus += word_slot_bonus(slot, option, options)
            best = max(best, bonus)
    return best


def candidates(
    sentence: str, position: int, tokens: Sequence[Token], english: Set[str] = frozenset()
) -> list[Candidate]:
    """Candidate readings of the character at ``position`` with their features (g2pM's excepted)."""
    char = sentence[position]
    index = next(i for i, t in enumerate(tokens) if t.start <= position < t.end)
    token = tokens[index]
    own = char_readings(char)
    word = token.text if len(token.text) > 1 else ""
    in_word = {r[position - token.start] for r in word_readings(word)} if word else set()
    options = (set(own) | in_word) or set(_heteronyms(char))
    gated = {r for r in options if r in own and own[r].gated and r not in in_word}
    if gated and english:  # a gated reading is let in by the English alone
        gated = {r for r in gated if not any(sense_score(s, english) > 0 for s in own[r].senses)}
    kept = options - gated
    options = kept or options
    if len(options) < 2:  # nothing to choose (most characters)
        return [Candidate(r, {}) for r in options]

    heard = sentence_syllables(sentence)[position]
    default = sentence_syllables(char)[0]
    prior = model()["prior"].get(char, {})
    around = _around(sentence, position, token, tokens)
    previous = tokens[index - 1] if index > 0 else None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    first_of_name = token.tag.startswith(_NAME_TAGS) and position == token.start
    found = []
    for reading in sorted(options):
        info = own.get(reading)
        kinds = info.kinds if info else frozenset({"none"})
        f: dict[str, float] = {}
        if heard == reading:
            f["pyp_context" if reading != default else "pyp_default"] = 1.0
            # pypinyin's phrase may cross the words jieba sees (好学生 read through 好学 hào xué)
            if reading != default and _agree(around["crossing"], reading)[1]:
                f["pyp_crossing"] = 1.0
        if default == reading:
            f["default"] = 1.0
        if prior:
            f["prior"] = prior.get(reading, min(prior.values()))
        if word:
            every, some = _agree([(word, position - token.start)], reading)
            if every or some:
                f["word_every" if every else "word_some"] = 1.0
        for name, words in around.items():
            every, some = _agree(words, reading)
            if every or some:
                f[f"{name}_every" if every else f"{name}_some"] = 1.0
        if info is None:
            f["not_own"] = 1.0
        elif info.name_only:
            f["name_only"] = 1.0
        if info is not None and info.surname and first_of_name:
            f["surname_in_name"] = 1.0
        if reading.endswith("5"):
            f["neutral"] = 1.0
        if word and (twin := _twin_preference(sentence, token, position, reading)):
            f["twins"] = twin
        if word:
            f[f"k:{'|'.join(sorted(kinds))}|inword"] = 1.0
            fine = [f"inword:{word}"]
        else:
            self_tag = f"self:{token.tag[:2]}"
            before = tokens[index - 2] if index > 1 else None
            after = tokens[index + 2] if index + 2 < len(tokens) else None
            coarse = [
                self_tag,
                f"prev:{_neighbour(previous)}",
                f"next:{_neighbour(following)}",
                f"prev2:{_neighbour(before)}",
                f"next2:{_neighbour(after)}",
            ]
            # what kind of word fits here, learnt for every character at once
            f.update((f"k:{kind}|{c}", 1.0) for kind in kinds for c in coarse)
            fine = [
                self_tag,
                f"prev:{_neighbour(previous, fine=True)}",
                f"next:{_neighbour(following, fine=True)}",
            ]
        # and for this character's own readings in context, as far as the data has seen them (no
        # bare bias: the prior says how common a reading is; case files over-sample the rare ones)
        f.update((f"c:{char}{reading}|{c}", 1.0) for c in fine)
        found.append(Candidate(reading, f))
    return found


def add_g2pm(cands: Sequence[Candidate], log_probabilities: Mapping[str, float]) -> None:
    """Add g2pM's evidence to a character's candidates (its log-probability among them, clipped)."""
    known = {c.reading: log_probabilities[c.reading] for c in cands if c.reading in log_probabilities}
    if not known:
        return
    top = max(known.values())
    norm = top + math.log(sum(math.exp(v - top) for v in known.values()))
    for c in cands:
        c.features["g2pm_logp"] = max(known[c.reading] - norm, -10.0) if c.reading in known else -10.0
        c.features["g2pm_top"] = 1.0 if known.get(c.reading) == top else 0.0


def log_probabilities(cands: Sequence[Candidate], weights: Mapping[str, float]) -> dict[str, float]:
    """The softmax of the candidates' weighted evidence, as log-probabilities."""
    raw = [sum(weights.get(k, 0.0) * v for k, v in c.features.items()) for c in cands]
    top = max(raw)
    norm = top + math.log(sum(math.exp(s - top) for s in raw))
    return {c.reading: s - norm for c, s in zip(cands, raw, strict=True)}


def distributions(
    sentence: str, tokens: Sequence[Token], english: Set[str], span: range, alone: bool = False
) -> dict[int, dict[str, float]]:
    """log P(reading) of each Han character of ``span``; g2pM is asked only when one is in doubt.

    Never for a word read ``alone`` (no sentence): g2pM reads context, and there is none.
    """
    cands = {p: candidates(sentence, p, tokens, english) for p in span if _HAN.match(sentence[p])}
    cands = {p: c for p, c in cands.items() if c}
    plain = model()["plain"]
    result = {p: log_probabilities(c, plain) for p, c in cands.items()}
    doubt = any(len(d) > 1 and max(d.values()) < math.log(DOUBT) for d in result.values())
    if doubt and not alone and g2pm_available():
        heard = g2pm_log_probabilities(sentence)
        for p, c in cands.items():
            if len(c) > 1 and p in heard:
                add_g2pm(c, heard[p])
        result = {p: log_probabilities(c, model()["g2pm"]) for p, c in cands.items()}
    return result


def decode(text: str, start: int, dists: Mapping[int, Mapping[str, float]]) -> tuple[str | None, ...]:
    """The token's reading: its best CC-CEDICT reading if it has any, else each character's best."""
    options = word_readings(text) if len(text) > 1 else ()
    if options and all(start + i in dists for i in range(len(text))):
        return max(options, key=lambda r: sum(dists[start + i].get(s, -30.0) for i, s in enumerate(r)))
    return tuple(max(d, key=d.__getitem__) if (d := dists.get(start + i)) else None for i in range(len(text)))


# ---------------------------------------------------------------- the entry points


@cache
def sentence_readings(zh: str) -> tuple[str | None, ...]:
    """One numbered syllable per character of ``zh`` (None where it is not Han; erhua 儿 "r5").

    >>> sentence_readings("银行行长。")
    ('yin2', 'hang2', 'hang2', 'zhang3', None)
    """
    tokens = tokens_of(zh)
    dists = distributions(zh, tokens, frozenset(), range(len(zh)))
    result: list[str | None] = [None] * len(zh)
    for token in tokens:
        result[token.start : token.end] = decode(token.text, token.start, dists)
    return tuple(result)


def reading_scores(
    word: str, options: Sequence[Reading], sentence: str | None, position: int, english: Set[str]
) -> list[float]:
    """The summed log-probability of each of the word's ``options`` at ``position`` in ``sentence``
    (None: the word read alone)."""
    text = sentence or word
    tokens = tokens_for(text, word, position)
    dists = distributions(text, tokens, english, range(position, position + len(word)), sentence is None)
    scores = []
    for option in options:
        spelled = syllables(option.numbered)
        if len(spelled) != len(word):
            scores.append(-math.inf)
            continue
        scores.append(sum(dists.get(position + i, {}).get(s, -30.0) for i, s in enumerate(spelled)))
    return scores
