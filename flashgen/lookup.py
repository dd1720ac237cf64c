"""``lookup``: a word's reading, meaning and English equivalent in its sentence.

Most words have one CC-CEDICT reading and need no choice.  For the others,
only the readings CC-CEDICT lists compete, on this evidence, strongest first:

1. pypinyin's reading of the *whole* Chinese sentence (its phrase data sees
   银行行长 as yín háng háng zhǎng) at the word's position, corrected by the
   dictionary words around a one-character word and by its grammatical slot
   (得 after a verb is "de", a classifier after a numeral: 第三行 háng);
2. the aligned English sentence, which confirms a sense and so the reading
   that carries it (地方 dì fāng "local" next to "local government");
3. for the neutral-tone variants of a word, which pypinyin cannot tell apart
   (东西 dōng xi "thing" / 东西长十公里 dōng xī), the slot again, then the
   reading in common use.

A word the dictionary lacks (出口管制) is composed from its longest dictionary
parts, each part read and glossed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from . import data, dictionary
from .pinyin import marks, normalise, sentence_syllables
from .senses import (
    Span,
    clean_senses,
    content_lemmas,
    cross_reference,
    english_span,
    noun_glosses,
    rank_senses,
    sense_score,
    short_gloss,
)
from .types import WordInfo

#: Senses shown on a card: enough to place the word, few enough to read.
MAX_SENSES = 4


@dataclass(frozen=True)
class _Reading:
    """One reading of a headword with the senses CC-CEDICT gives it."""

    numbered: str
    traditional: str
    senses: tuple[str, ...]
    is_name: bool


def lookup(word: str, zh_context: str | None = None, en_context: str | None = None) -> WordInfo:
    """Reading, meaning, English equivalent, traditional form and HSK level of ``word`` in context.

    ``zh_context`` is the Chinese sentence the word occurs in, ``en_context``
    its aligned English; either may be omitted, and the result is then the
    word's most common dictionary reading and senses.
    """
    english = content_lemmas(en_context) if en_context else set()
    readings = _readings(word)
    if len(readings) == 1:  # most words: nothing to choose, no need to read the sentence
        best = readings[0]
    else:
        position = locate(word, zh_context) if zh_context else None
        if not readings:
            return _composed(word, zh_context, position, english, en_context or "")
        best = _choose(word, readings, english, zh_context, position)
    senses = rank_senses(best.senses, english)[:MAX_SENSES]
    span = english_span(senses, en_context) if en_context else Span("", 0.0)
    return WordInfo(
        simplified=word,
        traditional=best.traditional,
        pinyin=marks(normalise(best.numbered, keep_case=best.is_name)),
        pinyin_numbered=normalise(best.numbered, keep_case=best.is_name),
        meaning="; ".join(senses),
        english=span.text,
        hsk=dictionary.hsk_level(word),
        is_name=best.is_name,
    )


@cache
def _readings(word: str) -> tuple[_Reading, ...]:
    """Distinct readings of ``word`` in CC-CEDICT, common words before names.

    Entries sharing a reading are merged; a capitalised (name) reading counts
    as a name only when no common entry has the same syllables.
    """
    merged: dict[str, _Reading] = {}
    for entry in dictionary.entries(word):
        senses = tuple(clean_senses(entry.senses)) or _referenced_senses(entry.senses)
        if not senses:
            continue
        key = normalise(entry.pinyin_numbered)
        known = merged.get(key)
        if known is None:
            merged[key] = _Reading(entry.pinyin_numbered, entry.traditional, senses, entry.is_name)
        elif known.is_name and not entry.is_name:
            merged[key] = _Reading(entry.pinyin_numbered, entry.traditional, senses + known.senses, False)
        else:
            merged[key] = _Reading(known.numbered, known.traditional, known.senses + senses, known.is_name)
    return tuple(sorted(merged.values(), key=lambda r: r.is_name))


def _referenced_senses(senses: Sequence[str]) -> tuple[str, ...]:
    """The senses of the word a variant-only entry points at (一点儿 → 一点 "a little")."""
    for sense in senses:
        target = cross_reference(sense)
        if target is None:
            continue
        word, reading = target
        found = [e for e in dictionary.entries(word) if normalise(e.pinyin_numbered) == normalise(reading)]
        return tuple(s for e in found for s in clean_senses(e.senses))
    return ()


def _agreement(reading: str, heard: Sequence[str | None], weight: float = 1.0) -> float:
    """How well a dictionary reading agrees with the sentence's syllables.

    pypinyin spells the neutral-tone variants of a word with full tones
    (东西 always "dōng xī"), so a neutral syllable of the dictionary agrees as
    well as an exact one; the tie is left to the English and the slot.
    """
    score = 0.0
    for syllable, sentence in zip(normalise(reading).split(), heard, strict=False):
        if sentence is None:
            continue
        if syllable == sentence or (syllable[:-1] == sentence[:-1] and syllable[-1] == "5"):
            score += weight
        elif syllable[:-1] == sentence[:-1]:
            score += weight / 4
    return score


def _heard(word: str, zh_context: str | None, position: int | None) -> Sequence[str | None]:
    """pypinyin's syllables for the word in its sentence (None where unknown).

    Its phrases may cross jieba's word boundaries; they are kept, because
    they are mostly collocations it reads right (系好 jì hǎo, 上他的当 dàng),
    though not always (去年少 is read through 年少 "nián shào").
    """
    if zh_context is None or position is None:
        return [None] * len(word)
    return sentence_syllables(zh_context)[position : position + len(word)]


def _choose(
    word: str,
    readings: Sequence[_Reading],
    english: set[str],
    zh_context: str | None,
    position: int | None,
) -> _Reading:
    """The reading the sentence supports best.

    Order of evidence: agreement with the sentence's syllables (plus the
    particle / verb / classifier slot, which corrects pypinyin), then the
    English, then the slot's preference between neutral-tone variants, then
    common words over names.
    """
    heard = _heard(word, zh_context, position)
    slots = _Slot.of(zh_context, position, len(word)) if zh_context and position is not None else None
    # A lone character pypinyin read as it reads it out of context is weak
    # evidence: its default (长 zhǎng) ignores the sentence.
    weight = _DEFAULT_WEIGHT if len(word) == 1 and tuple(heard) == sentence_syllables(word) else 1.0

    compounds = (
        _compound_readings(word, zh_context, position) if zh_context and position is not None else set()
    )

    def score(reading: _Reading) -> tuple[float, float, float, bool]:
        fit = max((sense_score(s, english) for s in reading.senses), default=0.0)
        grammar = slots.grammar_bonus(word, reading) if slots else 0.0
        grammar += _GRAMMAR if normalise(reading.numbered) in compounds else 0.0
        if slots:
            neutral = slots.neutral_preference(word, reading, readings)
        else:
            neutral = _default_neutral(reading, readings)
        dated = _DATED if all(_DATED_SENSE.search(s) for s in reading.senses) else 0.0
        return (
            _agreement(reading.numbered, heard, weight) + grammar - dated,
            fit,
            neutral,
            not reading.is_name,
        )

    return max(readings, key=score)


def _composed(
    word: str,
    zh_context: str | None,
    position: int | None,
    english: set[str],
    en_context: str,
) -> WordInfo:
    """A word CC-CEDICT lacks: read and glossed from its longest dictionary parts."""
    parts: list[tuple[str, _Reading | None]] = []
    syllables: list[str] = []
    offset = 0
    for part in dictionary.longest_matches(word):
        readings = _readings(part)
        at = None if position is None else position + offset
        chosen = (
            readings[0]
            if len(readings) == 1
            else _choose(part, readings, english, zh_context, at)
            if readings
            else None
        )
        if chosen is not None:
            syllables.append(normalise(chosen.numbered))
        else:  # a character CC-CEDICT lacks: the sentence's (or pypinyin's own) reading
            heard = _heard(part, zh_context, at)
            syllables += [h or r or part for h, r in zip(heard, sentence_syllables(part), strict=True)]
        parts.append((part, chosen))
        offset += len(part)
    numbered = _unstressed(word, " ".join(syllables))
    best_senses = [rank_senses(r.senses, english)[0] for _, r in parts if r is not None]
    span = english_span(best_senses, en_context) if en_context else Span("", 0.0)
    literal = " ".join(short_gloss(sense, english) for sense in best_senses)
    # The aligned English confirms the composition when it matches every part,
    # or renders the whole compound as one derived word (cybersecurity).
    one_word = " " not in span.text and span.text.lower() not in literal.split()
    confirmed = bool(span.text) and (span.score >= len(best_senses) or one_word)
    meaning = span.text.lower() if confirmed and span.text.lower() != literal else ""
    meaning = f"{meaning}; {literal}" if meaning else literal
    return WordInfo(
        simplified=word,
        traditional="".join(r.traditional if r is not None else part for part, r in parts),
        pinyin=marks(numbered),
        pinyin_numbered=numbered,
        meaning=meaning,
        english=span.text,
        hsk=dictionary.hsk_level(word),
        composed=True,
        in_dictionary=False,
    )


#: Characters CC-CEDICT reads unstressed inside a word: the potential
#: complement's 不/得 (看不见 kàn bu jiàn, 数不清) and the erhua suffix 儿.
_UNSTRESSED = {"不": "bu5", "得": "de5", "儿": "r5"}


def _compound_readings(word: str, zh_context: str, position: int) -> set[str]:
    """How CC-CEDICT reads a one-character word inside the dictionary words around it.

    受了重伤: 重伤 is "zhòng shāng", so 重 is zhòng here.  Only words whose
    entries agree on the character's reading count, and only words made of
    whole jieba tokens: 去年少 holds 年少 "nián shào", but it is 去年 + 少.
    """
    if len(word) != 1:
        return set()
    boundaries = _token_boundaries(zh_context)
    found = set()
    for start in range(max(0, position - 2), position + 1):
        for stop in range(max(position + 1, start + 2), min(len(zh_context), start + 4) + 1):
            if start not in boundaries or stop not in boundaries:
                continue
            readings = {
                normalise(e.pinyin_numbered).split()[position - start]
                for e in _plain_entries(zh_context[start:stop])
            }
            if len(readings) == 1:
                found |= readings
    return found


@cache
def _token_boundaries(zh_context: str) -> frozenset[int]:
    """The offsets where jieba (without HMM guesses) starts or ends a word."""
    ends = accumulate(len(token) for token in data.jieba_tokenizer().cut(zh_context, HMM=False))
    return frozenset([0, *ends])


def _plain_entries(word: str) -> list[dictionary.Entry]:
    """Entries of a word whose syllables line up with its characters (names too: 明朝 Míng cháo)."""
    return [
        e
        for e in dictionary.entries(word)
        if not e.is_variant_only and len(normalise(e.pinyin_numbered).split()) == len(word)
    ]


def _unstressed(word: str, reading: str) -> str:
    """``reading`` of a composed word with its infix 不/得 and suffix 儿 unstressed."""
    syllables = reading.split()
    if len(syllables) != len(word):
        return reading
    if len(word) == 3 and word[1] in "不得":
        syllables[1] = _UNSTRESSED[word[1]]
    if len(word) > 1 and word[-1] == "儿":
        syllables[-1] = _UNSTRESSED["儿"]
    return normalise(" ".join(syllables))


def locate(word: str, zh_context: str) -> int | None:
    """The offset of ``word`` in the sentence, preferring an occurrence jieba cuts as a whole word.

    A sentence may hold the characters of a one-character word inside other
    words (行 in 银行 and in 不行); the occurrence that is a word of its own is
    the one meant.
    """
    first = zh_context.find(word)
    if first < 0 or zh_context.find(word, first + 1) < 0:
        return None if first < 0 else first
    at = 0
    for token in data.jieba_tokenizer().cut(zh_context, HMM=False):
        if token == word:
            return at
        at += len(token)
    return first


@dataclass(frozen=True)
class _Slot:
    """The words around a word's position, tagged by jieba, for grammar cues."""

    before: tuple[str, str]  # (word, part-of-speech flag); ("", "") at the start
    before2: tuple[str, str]
    after: tuple[str, str]  # ("", "") at the end
    rest: str  # the sentence text after the word
    question: bool
    sentence: str
    position: int
    length: int

    @staticmethod
    def of(zh_context: str, position: int, length: int) -> _Slot:
        none = ("", "")
        tagged_before = [none, none, *_tagged(zh_context[:position])]
        tagged_after = [*_tagged(zh_context[position + length :]), none]
        return _Slot(
            before=tagged_before[-1],
            before2=tagged_before[-2],
            after=tagged_after[0],
            rest=zh_context[position + length :],
            question=any(q in zh_context for q in "?？吗"),
            sentence=zh_context,
            position=position,
            length=length,
        )

    def grammar_bonus(self, word: str, reading: _Reading) -> float:
        """A bonus for the reading a grammatical slot demands, where pypinyin often errs.

        - 得 after a verb or adjective is the complement particle (跑得快, de);
          so it is before a degree adverb (病得很厉害); between a subject and a
          verb it is the modal "must" (我得走, děi).
        - 地 between an adverbial and a verb is the adverbial particle (高兴地跳, de).
        - 为 right after a one-character verb is "as" (选为, wéi); between a
          subject and its object it is "for" (我们为人民服务, wèi).
        - Otherwise a one-character word is read by its slot: a verb before
          an aspect particle, a pronoun object, 一下 or in reduplication (种了树,
          教我, 量一下, 数一数); a noun or classifier after a numeral or demonstrative
          (第三行, 这种, 一个好觉), best one with no verb sense at all
          (三百公里长 cháng); an adjective after a degree adverb (比较少); an
          adverb of repetition before a verb (重说 chóng).
          The reading's first sense tells what it is ("to plant" is a verb).
        """
        particle = self._particle_bonus(word, normalise(reading.numbered))
        if particle is not None:
            return particle
        return self._one_character_bonus(word, reading) if len(word) == 1 else 0.0

    def _particle_bonus(self, word: str, syllable: str) -> float | None:
        """The bonus for 得, 地 and 为 when their slot decides them, else None."""
        before, after = self.before[1], self.after[1]
        if word == "得" and self.after[0]:
            complement = self.after[0][:1] in _DEGREE or self.after[0] in _DEGREE_WORDS
            if before[:1] in ("v", "a") or complement:
                return _GRAMMAR if syllable == "de5" else 0.0
            subject = before[:1] in ("r", "n", "d", "")
            if subject and self.after[0][:1] not in "了着过到" and _is_han(self.rest):
                return _GRAMMAR if syllable == "dei3" else 0.0
        if word == "地" and after.startswith("v") and before[:1] not in ("", "m", "q", "p", "f", "u"):
            return _GRAMMAR if syllable == "de5" else 0.0
        if word == "为" and len(self.before[0]) == 1 and _is_verb(*self.before):
            return _GRAMMAR if syllable == "wei2" else 0.0
        if word == "为" and before[:1] in ("r", "n", "d") and after[:1] in ("r", "n"):
            return _GRAMMAR if syllable == "wei4" else 0.0
        return None

    def _one_character_bonus(self, word: str, reading: _Reading) -> float:
        after = self.after[1]
        if self.after[0] and _is_modal(reading) != any(_is_modal(r) for r in _readings(word) if r != reading):
            # A modal reading ("should", "must") goes before a verb; before
            # a noun the other reading is meant (应朋友的邀请 yìng).
            if after.startswith("v"):
                return _GRAMMAR / 2 if _is_modal(reading) else 0.0
            if after[:1] in ("n", "r"):
                return 0.0 if _is_modal(reading) else _GRAMMAR / 2
        verb_first = reading.senses[0].startswith("to ")
        if self._compared():  # 比去年差了很多: the adjective, not a verb (chà, not chāi)
            return 0.0 if verb_first else _GRAMMAR / 2
        if self._verb_slot(word):
            return _GRAMMAR if verb_first else 0.0
        if self._counted_slot():
            if verb_first and not any("classifier" in s for s in reading.senses):
                return 0.0
            return _GRAMMAR + (0.0 if any(s.startswith("to ") for s in reading.senses) else _GRAMMAR / 4)
        if self.after[1].startswith("v") and any(s in _AGAIN for s in reading.senses):
            return _ADVERB
        if self.graded():
            return 0.0 if verb_first else _GRAMMAR / 2
        if self.before[0] == "的":  # the head noun of a phrase (孔子的传 zhuàn)
            return 0.0 if verb_first else _GRAMMAR / 2
        if (
            after[:1] == "n"
            and self.before[1][:1] in ("r", "n", "d", "p", "s", "t")
            and not _has_function_sense(word)
        ):
            return _GRAMMAR / 2 if verb_first else 0.0  # a verb with its object (教数学 jiāo)
        return 0.0

    def graded(self) -> bool:
        """Whether a degree adverb comes right before the word (太长, 比较少)."""
        return self.before[0][-1:] in _DEGREE or self.before[0] in _DEGREE_WORDS

    def _compared(self) -> bool:
        """Whether the word is the predicate of a 比 comparison in its clause."""
        clause = re.split(r"[，。！？；：,.!?;:]", self.sentence[: self.position])[-1]
        return "比" in clause and not self.after[1].startswith("v")

    def _verb_slot(self, word: str) -> bool:
        aspect = self.rest[:1] in ("了", "着", "过") and _is_han(self.rest[1:2])
        pronoun_object = self.after[1] == "r" and self.after[0] in _PERSONAL
        reduplicated = self.rest.startswith(("一" + word, word, "一下"))
        return (aspect and self.before[0][-1:] not in _DEGREE) or pronoun_object or reduplicated

    def _counted_slot(self) -> bool:
        def counts(tagged: tuple[str, str]) -> bool:
            return tagged[1] in ("m", "q", "mq") or tagged[0][-1:] in _DETERMINERS

        return counts(self.before) or (self.before[1] == "a" and counts(self.before2))

    def neutral_preference(self, word: str, reading: _Reading, readings: Sequence[_Reading]) -> float:
        """Between a word's full-tone and neutral-tone readings (东西 dōng xī / dōng xi).

        Cues, in order: a reading with an interrogative sense ("how much?")
        in a question and only there; a verb-suffix reading (起来, 过去) after a
        verb or adjective (暖和起来); after a modal verb (不能大意), an adverb
        or an adjective the neutral, descriptive word (太大意, 一时大意, 粗心大意,
        很有精神); as the first part of a longer word or before the noun or
        adjective it modifies, the literal full-tone reading (地方政府,
        东西长); after a numeral or quantifier the reading glossed by nouns
        (很多地道 dì dào "tunnel", 很多东西 dōng xi "thing").  Then a reading
        whose senses share words with the glosses of the sentence's other
        nouns (地方 "... central administration" beside 中央 "central").
        Otherwise the reading CC-CEDICT describes with more senses, which is
        the one in common use (东西 "thing; stuff; person").
        """
        pairs, is_neutral = _neutral_pairs(reading, readings)
        if not pairs:
            return 0.0
        interrogative = any("?" in s for s in reading.senses)
        if interrogative or any("?" in s for r in pairs for s in r.senses):
            return 4.0 if interrogative == self.question else 0.0
        suffix = _is_verb_suffix(reading)
        if suffix or any(_is_verb_suffix(r) for r in pairs):
            return 3.0 if suffix == (self.before[1][:1] in ("v", "a")) else 0.0
        if self.before[0] in _MODAL_WORDS:
            return 2.0 if is_neutral else 0.0
        graded = self.before[0] == "有" and (
            self.before2[0][-1:] in _DEGREE or self.before2[0] in _DEGREE_WORDS
        )
        if (
            graded
            or self.before[0][-1:] in _DEGREE
            or self.before[0] in _DEGREE_WORDS
            or self.before[1] in ("a", "d")
        ):
            return 2.0 if is_neutral else 0.0
        if self._modifies_next(word):
            return 2.0 if not is_neutral else 0.0
        if self._counted_slot() and not self.rest.startswith("的"):  # a noun: 很多地道 "tunnel"
            nouns, other_nouns = noun_glosses(reading.senses), max(noun_glosses(r.senses) for r in pairs)
            if nouns != other_nouns:
                return 2.0 if nouns > other_nouns else 0.0
        neighbours = _neighbour_glosses(self.sentence, self.position, self.length)
        mine = max(sense_score(s, neighbours) for s in reading.senses)
        theirs = max(sense_score(s, neighbours) for r in pairs for s in r.senses)
        if mine != theirs:
            return 1.5 if mine > theirs else 0.0
        return _default_neutral(reading, readings)

    def _modifies_next(self, word: str) -> bool:
        longer = any(
            dictionary.contains(word + self.rest[:n]) or dictionary.frequency(word + self.rest[:n]) > 0
            for n in (1, 2)
            if len(self.rest) >= n
        )
        nominal = self.after[1][:1] in ("n", "a") or (
            self.after[1].startswith("v") and not _is_verb(self.after[0], "")
        )  # jieba tags 走向 "direction; trend" a verb; CC-CEDICT's first sense is a noun
        return longer or (nominal and self.rest[:1] == self.after[0][:1])


#: Bonus for the reading a grammatical slot demands: it outweighs pypinyin's
#: context-free guess (at most 1 per syllable) for 得, 地 and one-character words.
_GRAMMAR = 2.0
#: A reading all of whose senses are dated (大夫 dà fū "senior official (in
#: imperial China)") needs this much more evidence than the living one (dài fu "doctor").
_DATED = 1.5
_DATED_SENSE = re.compile(
    r"\((old|archaic|literary|classical|ancient|in imperial China)\b|^(old|archaic|ancient) "
)
#: The weight of pypinyin's out-of-context default for a lone character.
_DEFAULT_WEIGHT = 0.4
#: Senses of a conjunction or preposition: such a word before a noun is not a verb with its object.
_FUNCTION = frozenset(
    {"and", "with", "for", "by", "at", "in", "from", "than", "because of", "together with", "or"}
)
#: Modal verbs, after which a neutral-tone pair is the descriptive word (不能大意).
_MODAL_WORDS = frozenset({"能", "不能", "会", "不会", "可以", "要", "不要", "别", "应该", "必须"})
#: Senses of a modal verb.
_MODAL = frozenset({"should", "must", "ought to", "to have to", "have to", "need to"})
#: Senses of an adverb of repetition or continuation: 重 chóng in 重说, 再.
_AGAIN = frozenset({"again", "once more", "anew", "afresh"})
#: A one-character word right before a verb with such a sense is that adverb;
#: weaker than pypinyin's phrase reading (还给 huán) but not its default.
_ADVERB = 0.8
#: Degree adverbs make a following word an adjective (太难了 nán, not nàn).
_DEGREE = frozenset("太很真更最挺")
_DEGREE_WORDS = frozenset({"有点", "有些", "非常", "十分", "比较", "特别", "相当", "不太", "这么", "那么"})
#: Personal pronouns: a one-character word right before one is a verb (教我).
_PERSONAL = frozenset({"我", "你", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "您"})
#: Characters after which a one-character word is counted (这种, 每行, 几种).
_DETERMINERS = frozenset("这那哪每某各几两一二三四五六七八九十百千第")


def _neutral_pairs(reading: _Reading, readings: Sequence[_Reading]) -> tuple[list[_Reading], bool]:
    """The readings that differ from ``reading`` only in neutral tones, and whether it is the neutral one."""
    mine = normalise(reading.numbered).split()
    neutral_of = [r for r in readings if _neutral_variant(mine, normalise(r.numbered).split())]
    full_of = [r for r in readings if _neutral_variant(normalise(r.numbered).split(), mine)]
    return neutral_of + full_of, bool(neutral_of)


def _default_neutral(reading: _Reading, readings: Sequence[_Reading]) -> float:
    """Without context, the reading CC-CEDICT describes with more senses (the neutral one on a tie).

    The full-tone twin of a neutral-tone word is usually a literal or dated
    sense with a short entry (故事 gù shì "old practice"), the word in common
    use has the longer one (故事 gù shi "narrative; story; tale").
    """
    pairs, is_neutral = _neutral_pairs(reading, readings)
    if not pairs:
        return 0.0
    others = max(len(r.senses) for r in pairs)
    return 1.0 if len(reading.senses) > others or (len(reading.senses) == others and is_neutral) else 0.0


def _neutral_variant(neutral: list[str], full: list[str]) -> bool:
    """Whether ``neutral`` is ``full`` with some syllables in the neutral tone."""
    return (
        len(neutral) == len(full)
        and neutral != full
        and all(n == f or (n[:-1] == f[:-1] and n[-1] == "5") for n, f in zip(neutral, full, strict=True))
    )


@cache
def _neighbour_glosses(zh_context: str, position: int, length: int) -> frozenset[str]:
    """Gloss words of the sentence's other nouns: weak, English-free evidence of a sense.

    Nouns only: the glosses of prepositions and verbs ("away from", "to
    live") are too general to tell senses apart.
    """
    words = _tagged(zh_context[:position]) + _tagged(zh_context[position + length :])
    return frozenset().union(*(dictionary.gloss_words(w) for w, flag in words if flag.startswith("n")))


def _has_function_sense(word: str) -> bool:
    """Whether a reading of ``word`` is a conjunction or preposition (和 "and", 为 "for")."""
    return any(
        s.split(";")[0].strip() in _FUNCTION or s.startswith("(joining")
        for r in _readings(word)
        for s in r.senses[:3]
    )


def _is_modal(reading: _Reading) -> bool:
    """Whether a reading is first of all a modal verb: 应 yīng "should", 得 děi "must"."""
    return any(s in _MODAL for s in reading.senses[:3])


def _is_verb_suffix(reading: _Reading) -> bool:
    """起来 qi lai "(after a verb) ...": the neutral reading used as a complement."""
    return any(s.startswith(("(after a verb", "(verb suffix", "(verb complement")) for s in reading.senses)


def _is_verb(word: str, flag: str) -> bool:
    """jieba's tag, or for words it tags otherwise (选 "zg"), CC-CEDICT's first sense."""
    if flag.startswith("v"):
        return True
    return any(r.senses[0].startswith("to ") for r in _readings(word))


def _is_han(text: str) -> bool:
    return bool(text) and "\u3400" <= text[0] <= "\u9fff"


def _tagged(text: str) -> list[tuple[str, str]]:
    """jieba's (word, flag) pairs without its HMM guesses, which merge unknown names."""
    return [(pair.word, pair.flag) for pair in data.jieba_posseg().cut(text, HMM=False) if pair.word.strip()]
