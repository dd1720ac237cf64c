"""A prototype reading engine (issue #11): one scorer for the characters of a sentence and the card word.

**Not wired into** :func:`flashgen.lookup` **and not exported**: it misses the
issue's bar (``docs/reading_model.md`` has the figures).  It sits at the top
of the lexicon, above :mod:`.word`, because today's rule-based ``lookup`` is
one of its features.

Every Han character of a sentence gets candidate readings and a log-linear
score per candidate; the weights are fitted on data (``bench/fit_readings.py``,
on the FIT halves of the CPP dev set and of the project's polyphone cases) and
kept in ``bench/reading_weights.json``.  Nothing here is a hand rule
about a particular character; the only hand-set parts are the candidate gate,
the sentence length called short, and the weight of the aligned English (no
data set with English was at hand to fit it).

Candidates for a character (never a reading CC-CEDICT does not list):

- the readings of the character's own CC-CEDICT entries (names lower-cased),
- the syllable at that place of every CC-CEDICT reading of the token holding it
  (关系 gives 系 xi5),
- pypinyin's heteronyms, only for a character CC-CEDICT lacks;
- a reading whose own entries are all vulgar, dated / archaic or Taiwan-only
  (鸟 diǎo, 草 cào, 比 bī) is dropped unless the aligned English confirms one of
  its senses or the token's dictionary reading needs it.

Evidence (features, see :func:`candidates`): pypinyin's whole-sentence reading
(told apart from its out-of-context default), the g2pM polyphone model's
probability among the candidates (when the optional ``g2pM`` package and numpy
are installed: ``pip install g2pM==0.1.2.5 numpy``), the CC-CEDICT readings of the
token and of longer dictionary words around it, a frequency prior per reading
(CC-CEDICT words that read the character so, weighted by jieba's counts), what
kind of word the reading is (particle, classifier, verb, adjective, noun, name)
crossed with jieba's tags of the token and of its neighbours, surname readings
inside a name, and today's rule-based ``lookup`` (:func:`rules_voice`) crossed
with what tells when to trust it: the kind of token (one character, dictionary
word, word read from parts), whether a slot or grammar rule fired, whether the
word has neutral-tone twins, whether the sentence is short (everyday text, where
g2pM is weak), and whether the rules stand alone against pypinyin and g2pM.

Decoding: a token CC-CEDICT lists takes the dictionary reading with the best
summed log-probability of its syllables, so the card word and the sentence line
agree and both are a dictionary reading; other tokens are read per character.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flashgen import data
from flashgen.data import pypinyin
from flashgen.lexicon import dictionary
from flashgen.lexicon.choice import evidence
from flashgen.lexicon.pinyin import normalise, sentence_syllables
from flashgen.lexicon.reading import readings
from flashgen.lexicon.senses import adjectival, clean_senses, content_lemmas, sense_score
from flashgen.lexicon.word import locate, lookup

WEIGHTS_FILE = "reading_weights.json"
#: The aligned English's weight: hand-set, as no data set with English was at hand to fit it.
ENGLISH_WEIGHT = 3.0
_HAN = re.compile(r"[\u3400-\u9fff]")
_VULGAR = re.compile(r"\b(vulgar|penis|vagina|cunt|fuck\w*)\b|[屌屄肏]")
_DATED = re.compile(
    r"\((old|archaic|literary|classical|ancient|in imperial China)\b|^(old|archaic|ancient) "
    r"|^\(Tw\)|^Taiwan variant|^\(Taiwan\)"
)
_NAME_TAGS = ("nr", "ns", "nt")
#: A sentence this short is everyday text, unlike the encyclopaedia sentences g2pM learnt from.
SHORT = 20
TAG_CLASSES = ("n", "v", "a", "d", "m", "q", "u", "p", "r", "c", "f", "t", "y", "name", "punct", "other")
KINDS = ("particle", "classifier", "verb", "adj", "noun", "name", "none")


def syllables(numbered: str) -> list[str]:
    """CC-CEDICT-style numbered pinyin as lower-case syllables, ü spelled ü, erhua not joined."""
    return numbered.lower().replace("u:", "ü").replace("v", "ü").split()


# ---------------------------------------------------------------- dictionary facts


@dataclass(frozen=True)
class CharReading:
    """One reading of a character with what its own CC-CEDICT entries say of it."""

    reading: str
    senses: tuple[str, ...]
    kind: str
    surname: bool  # one of its entries is "surname ..."
    name_only: bool  # every entry with this reading is a name
    gated: bool  # every sense is vulgar, dated/archaic or Taiwan-only


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
        clean = clean_senses(list(senses))
        surname = any(s.startswith("surname ") for e in entries for s in e.senses)
        name_only = not common
        every = [s for e in entries for s in e.senses]  # a surname reading is no archaism (沈 shěn)
        gated = bool(every) and all(_VULGAR.search(s) or _DATED.search(s) for s in every)
        result[reading] = CharReading(reading, senses, _kind(clean, name_only), surname, name_only, gated)
    return result


def _kind(senses: Sequence[str], name_only: bool) -> str:
    if name_only:
        return "name"
    if not senses:
        return "none"
    first = senses[0]
    if "particle" in first or "marker" in first:
        return "particle"
    if first.startswith("classifier"):
        return "classifier"
    if first.startswith("to "):
        return "verb"
    if adjectival(list(senses), first=1):
        return "adj"
    return "noun"


@cache
def word_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """CC-CEDICT readings of a word of several characters, one syllable per character."""
    found = []
    for entry in dictionary.entries(word):
        if entry.is_variant_only and len(dictionary.entries(word)) > 1:
            continue
        s = tuple(syllables(entry.pinyin_numbered))
        if len(s) == len(word) and s not in found:
            found.append(s)
    return tuple(found)


@cache
def _heteronyms(char: str) -> tuple[str, ...]:
    found = pypinyin().pinyin(char, style=pypinyin().Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    return tuple(normalise(h) for h in found[0] if h[-1:].isdigit())


@cache
def _default(char: str) -> str | None:
    return sentence_syllables(char)[0]


# ---------------------------------------------------------------- weights and prior


@cache
def _model() -> dict[str, Any]:
    try:
        return json.loads((Path(__file__).parent / WEIGHTS_FILE).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except OSError:
        return {"prior": {}, "models": {}}


def model_name() -> str:
    """ "g2pm" when the g2pM package is installed (and weights for it are shipped), else "plain".

    ``FLASHGEN_READING_MODEL=plain`` forces the model without g2pM (for comparisons).
    """
    models = _model()["models"]
    forced = os.environ.get("FLASHGEN_READING_MODEL")
    if forced in ("g2pm", "plain"):
        return forced
    return "g2pm" if g2pm_available() and "g2pm" in models else "plain"


def weights() -> dict[str, float]:
    return dict(_model()["models"].get(model_name(), {}))


def prior(char: str) -> dict[str, float]:
    """log P(reading | character) from CC-CEDICT words weighted by jieba's counts (shipped table)."""
    return dict(_model()["prior"].get(char, {}))


def build_prior(smoothing: float = 1.0) -> dict[str, dict[str, float]]:
    """The prior table, for every character with several candidate readings (run at fit time).

    Each CC-CEDICT word of two or more characters votes for the reading it
    gives each of its characters, with weight log(2 + its jieba count); a
    character's own entries add one vote per reading.  So 鸟 is niǎo (小鸟,
    鸟类 …), and 了 is split between liǎo (了解) and le (为了, 除了 …).
    """
    index = dictionary._cedict()
    votes: dict[str, dict[str, float]] = {}
    for word in index.headwords:
        if not word or not all(_HAN.match(c) for c in word):
            continue
        if len(word) == 1:
            for own in char_readings(word):
                votes.setdefault(word, {}).setdefault(own, 0.0)
                votes[word][own] += 1.0
            continue
        weight = math.log(2 + dictionary.frequency(word))
        for reading in word_readings(word):
            for char, syllable in zip(word, reading, strict=True):
                votes.setdefault(char, {}).setdefault(syllable, 0.0)
                votes[char][syllable] += weight / len(word_readings(word))
    table = {}
    for char, counts in votes.items():
        mine = set(char_readings(char))
        if len(mine) < 2:
            continue
        keys = mine | set(counts)
        total = sum(counts.values()) + smoothing * len(keys)
        table[char] = {r: round(math.log((counts.get(r, 0.0) + smoothing) / total), 3) for r in sorted(keys)}
    return table


# ---------------------------------------------------------------- g2pM (optional)


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
def g2pm_logits(sentence: str) -> dict[int, dict[str, float]]:
    """g2pM's class logits at each character its dictionary calls polyphonic, by reading."""
    import numpy as np

    model = _g2pm()
    positions = [i for i, c in enumerate(sentence) if len(model.cedict.get(c, ())) > 1]
    if not positions:
        return {}
    unk = model.char2idx["<UNK>"]
    ids = [model.char2idx["시"], *(model.char2idx.get(c, unk) for c in sentence), model.char2idx["끝"]]
    inputs = np.array([ids], dtype=np.int32)
    lengths = [len(ids)]
    fw = model.get_embedding(inputs)
    bw = model.get_embedding(model.reverse_sequence(inputs, lengths))
    fw_state = bw_state = None
    fw_h, bw_h = [], []
    for t in range(len(ids)):
        fw_state = model.fw_lstm_cell(fw[:, t, :], fw_state)
        bw_state = model.bw_lstm_cell(bw[:, t, :], bw_state)
        fw_h.append(fw_state[0])
        bw_h.append(bw_state[0])
    forward = np.stack(fw_h, axis=1)
    backward = model.reverse_sequence(np.stack(bw_h, axis=1), lengths)
    hidden = np.concatenate([forward, backward], axis=2)[0]
    logits = model.fc_layer(hidden[[p + 1 for p in positions]])
    classes = _g2pm_classes()
    result = {}
    for row, p in zip(logits, positions, strict=True):
        options = model.cedict[sentence[p]]
        result[p] = {normalise(o): float(row[classes[o]]) for o in options if o in classes}
    return result


@cache
def _g2pm_classes() -> dict[str, int]:
    return {pron: idx for idx, pron in _g2pm().idx2class.items()}


@cache
def g2pm_fixed(char: str) -> str | None:
    """g2pM's one reading of a character its dictionary does not call polyphonic."""
    options = _g2pm().cedict.get(char)
    return normalise(options[0]) if options and len(options) == 1 else None


# ---------------------------------------------------------------- tokens and features


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    tag: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tokens_of(sentence: str) -> list[Token]:
    """jieba's part-of-speech segmentation (without HMM guesses) as positioned tokens."""
    found, at = [], 0
    for pair in data.jieba_posseg().cut(sentence, HMM=False):
        found.append(Token(pair.word, at, pair.flag))
        at += len(pair.word)
    return found


def _tag_class(token: Token | None) -> str:
    if token is None:
        return "punct"
    tag = token.tag
    if tag.startswith(_NAME_TAGS):
        return "name"
    if not _HAN.match(token.text[:1]):
        return "punct"
    head = tag[:1]
    return head if head in TAG_CLASSES else "other"


@dataclass(frozen=True)
class Candidate:
    reading: str
    features: dict[str, float]


def _agree(words: Iterable[tuple[str, int]], reading: str) -> tuple[bool, bool]:
    """(every, some) of the dictionary readings of ``words`` (word, index of our character) agree."""
    heard = [{r[index] for r in word_readings(word)} for word, index in words if word_readings(word)]
    every = any(s == {reading} for s in heard)
    some = any(reading in s for s in heard)
    return every, some


def candidates(
    sentence: str, position: int, tokens: Sequence[Token], english: Set[str] = frozenset()
) -> list[Candidate]:
    """Candidate readings of the character at ``position`` with their features."""
    char = sentence[position]
    index = next(i for i, t in enumerate(tokens) if t.start <= position < t.end)
    token = tokens[index]
    own = char_readings(char)
    word = token.text if len(token.text) > 1 else ""
    in_word = {r[position - token.start] for r in word_readings(word)} if word else set()
    options = set(own) | in_word
    if not options:
        options = set(_heteronyms(char))
    if not options:
        return []
    confirmed = {r for r in options if r in own and any(sense_score(s, english) > 0 for s in own[r].senses)}
    kept = {r for r in options if not (r in own and own[r].gated) or r in in_word or r in confirmed}
    options = kept or options
    if len(options) == 1:  # nothing to choose: no evidence needed (most characters)
        return [Candidate(next(iter(options)), {})]

    heard = sentence_syllables(sentence)[position]
    default = _default(char)
    use_g2pm = g2pm_available() and model_name() == "g2pm"
    logits = g2pm_logits(sentence).get(position, {}) if use_g2pm else {}
    fixed = g2pm_fixed(char) if use_g2pm and not logits else None
    known = {r: logits[r] for r in options if r in logits}
    if known:
        top = max(known.values())
        norm = top + math.log(sum(math.exp(v - top) for v in known.values()))
    table = prior(char)
    g2pm_pick = max(known, key=known.__getitem__) if known else fixed
    # dictionary words around: longer ones made of whole tokens, shorter ones inside the token, any crossing
    starts = {t.start for t in tokens} | {len(sentence)}
    ends = {t.end for t in tokens} | {0}
    outer, inner, crossing = [], [], []
    for length in (2, 3, 4):
        for s in range(max(0, position - length + 1), min(position, len(sentence) - length) + 1):
            text = sentence[s : s + length]
            if (s, s + length) == (token.start, token.end) or not word_readings(text):
                continue
            pair = (text, position - s)
            if s in starts and s + length in ends and (s < token.start or s + length > token.end):
                outer.append(pair)
            elif token.start <= s and s + length <= token.end:
                inner.append(pair)
            else:
                crossing.append(pair)
    voice = rules_voice(token.text, sentence)
    rule = voice.syllables[position - token.start] if voice.syllables else None
    size = "single" if len(token.text) == 1 else "word" if word_readings(token.text) else "parts"
    short = len(sentence) <= SHORT
    alone = rule is not None and rule != heard and (g2pm_pick is None or rule != g2pm_pick)
    previous = tokens[index - 1] if index > 0 else None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    first_of_name = token.tag.startswith(_NAME_TAGS) and position == token.start
    found = []
    for reading in sorted(options):
        info = own.get(reading)
        kind = info.kind if info else "none"
        f: dict[str, float] = {}
        if heard == reading:
            f["pyp_context" if reading != default else "pyp_default"] = 1.0
        if default == reading:
            f["default"] = 1.0
        if known:
            f["g2pm_logp"] = max((known[reading] - norm) if reading in known else -10.0, -10.0)
            f["g2pm_top"] = 1.0 if reading in known and known[reading] == top else 0.0
        elif fixed is not None and fixed == reading:
            f["g2pm_fixed"] = 1.0
        if table:
            f["prior"] = table.get(reading, min(table.values()))
        if word:
            every, some = _agree([(word, position - token.start)], reading)
            if every:
                f["word_every"] = 1.0
            elif some:
                f["word_some"] = 1.0
        for name, words in (("outer", outer), ("inner", inner), ("crossing", crossing)):
            every, some = _agree(words, reading)
            if every:
                f[f"{name}_every"] = 1.0
            elif some:
                f[f"{name}_some"] = 1.0
        if info is None:
            f["not_own"] = 1.0
        elif info.name_only:
            f["name_only"] = 1.0
        if info is not None and info.surname and first_of_name:
            f["surname_in_name"] = 1.0
        if rule == reading:  # today's flashgen.lookup (choice.choose and its slot cues) as one more voice
            f[f"rules|{size}"] = 1.0
            if voice.fired:
                f[f"rules|fired|{size}"] = 1.0
            if voice.twins:
                f["rules|twins"] = 1.0
            if short:
                f["rules|short"] = 1.0
            if alone:  # the rules against both pypinyin and g2pM (a g2pm feature: the plain model lacks it)
                f["g2pm|rules_alone|short" if short else "g2pm|rules_alone"] = 1.0
        if known and short:
            f["g2pm_logp|short"] = f["g2pm_logp"]
        if known and voice.twins:
            f["g2pm_logp|twins"] = f["g2pm_logp"]
        if reading.endswith("5"):
            f["neutral"] = 1.0
        if len(token.text) == 1:
            f[f"k:{kind}|self:{_tag_class(token)}"] = 1.0
            f[f"k:{kind}|prev:{_tag_class(previous)}"] = 1.0
            f[f"k:{kind}|next:{_tag_class(following)}"] = 1.0
        else:
            f[f"k:{kind}|inword"] = 1.0
        if reading in confirmed:
            f["english"] = 1.0
        found.append(Candidate(reading, f))
    return found


@dataclass(frozen=True)
class RuleVoice:
    """Today's rule-based ``lookup`` of a token in its sentence, and what its choice rested on."""

    syllables: tuple[str, ...]  # one per character, () when it cannot be lined up
    fired: bool  # a slot, grammar or compound rule moved some reading (a rule, not pypinyin alone)
    twins: bool  # the token has neutral-tone twins (东西 dōng xi / dōng xī)


@cache
def rules_voice(word: str, sentence: str) -> RuleVoice:
    """Today's ``flashgen.lookup`` reading of a token in its sentence, with its grounds."""
    if not _HAN.match(word[:1]):
        return RuleVoice((), False, False)
    found = tuple(syllables(lookup(word, zh_context=sentence).pinyin_numbered))
    options = readings(word)
    fired = twins = False
    if len(options) > 1:
        position = locate(word, sentence)
        grounds = evidence(word, options, frozenset(), sentence, position)
        fired = any(g.grammar != 0 for g in grounds)
        spelled = [normalise(r.numbered).split() for r in options]
        twins = any(_neutral_twin(a, b) for a in spelled for b in spelled)
    return RuleVoice(found if len(found) == len(word) else (), fired, twins)


def _neutral_twin(neutral: list[str], full: list[str]) -> bool:
    return (
        len(neutral) == len(full)
        and neutral != full
        and all(n == f or (n[:-1] == f[:-1] and n[-1] == "5") for n, f in zip(neutral, full, strict=True))
    )


def _scores(cands: Sequence[Candidate], w: dict[str, float]) -> list[float]:
    raw = [
        sum(w.get(k, 0.0) * v for k, v in c.features.items() if k != "english")
        + ENGLISH_WEIGHT * c.features.get("english", 0.0)
        for c in cands
    ]
    top = max(raw)
    norm = top + math.log(sum(math.exp(s - top) for s in raw))
    return [s - norm for s in raw]


def _distributions(
    sentence: str, tokens: Sequence[Token], english: Set[str], span: range | None = None
) -> dict[int, dict[str, float]]:
    """log P(reading) for each Han character of the sentence (or of ``span``)."""
    w = weights()
    result = {}
    for position in span if span is not None else range(len(sentence)):
        if not _HAN.match(sentence[position]):
            continue
        cands = candidates(sentence, position, tokens, english)
        if cands:
            result[position] = dict(zip((c.reading for c in cands), _scores(cands, w), strict=True))
    return result


def _decode(
    text: str, start: int, dists: dict[int, dict[str, float]], english: Set[str] = frozenset()
) -> tuple[str | None, ...]:
    """The token's reading: its best CC-CEDICT reading if it has any, else each character's best."""
    options = word_readings(text) if len(text) > 1 else ()
    if options and all(start + i in dists for i in range(len(text))):

        def total(reading: tuple[str, ...]) -> float:
            score = sum(dists[start + i].get(s, -30.0) for i, s in enumerate(reading))
            if english and _word_confirmed(text, reading, english):
                score += ENGLISH_WEIGHT
            return score

        return max(options, key=total)
    return tuple(max(d, key=d.__getitem__) if (d := dists.get(start + i)) else None for i in range(len(text)))


def _word_confirmed(word: str, reading: tuple[str, ...], english: Set[str]) -> bool:
    return any(
        tuple(syllables(e.pinyin_numbered)) == reading and any(sense_score(s, english) > 0 for s in e.senses)
        for e in dictionary.entries(word)
    )


# ---------------------------------------------------------------- the two entry points


@cache
def sentence_readings(zh: str) -> tuple[str | None, ...]:
    """One numbered syllable per character of ``zh`` (None where it is not Han).

    >>> sentence_readings("银行行长。")
    ('yin2', 'hang2', 'hang2', 'zhang3', None)
    """
    return _sentence_readings(zh, frozenset())


def _sentence_readings(zh: str, english: frozenset[str]) -> tuple[str | None, ...]:
    tokens = tokens_of(zh)
    dists = _distributions(zh, tokens, english)
    result: list[str | None] = [None] * len(zh)
    if os.environ.get("FLASHGEN_READING_DECODE") == "free":  # measurement only: no word constraint
        return tuple(max(d, key=d.__getitem__) if (d := dists.get(i)) else None for i in range(len(zh)))
    for token in tokens:
        result[token.start : token.end] = _decode(token.text, token.start, dists, english)
    return tuple(result)


def lookup_reading(word: str, zh_context: str | None = None, en_context: str | None = None) -> str:
    """The numbered reading of the card word ``word`` in its sentence (a CC-CEDICT reading when it has one).

    The word is read as a token of its sentence (found as :func:`flashgen.lookup.locate`
    finds it); without a sentence, or when the word is not in it, it is read alone.
    """
    english = frozenset(content_lemmas(en_context)) if en_context else frozenset()
    options = word_readings(word) if len(word) > 1 else tuple((r,) for r in char_readings(word))
    if len(options) == 1 and len(word) > 1:
        return normalise(" ".join(options[0]))
    position = locate(word, zh_context) if zh_context else None
    sentence = zh_context if zh_context and position is not None else word
    position = position or 0
    tokens = _with_word(tokens_of(sentence), word, position, _tag_of(word))
    dists = _distributions(sentence, tokens, english, range(position, position + len(word)))
    decoded = _decode(word, position, dists, english)
    return normalise(" ".join(s or "?" for s in decoded))


def _tag_of(word: str) -> str:
    return str(data.jieba_posseg().word_tag_tab.get(word, "x" if len(word) == 1 else "n"))


def _with_word(tokens: list[Token], word: str, position: int, tag: str) -> list[Token]:
    """The sentence's tokens with ``word`` at ``position`` as one token (the tokens it cuts, trimmed)."""
    end = position + len(word)
    result = []
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
    return result
