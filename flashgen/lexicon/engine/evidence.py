"""The evidence for each candidate reading of a character: named features the fitted weights price.

No feature is about a particular character or slot by hand: the evidence is
generic (pypinyin's whole-sentence reading, the prior, the dictionary words
around, what kind of word a reading is crossed with jieba's tags and the
neighbouring function words, the neutral-tone twins' slot preference,
g2pM's probability), and the data says how much each piece counts
(``bench/fit_readings.py`` computes the very same features for the fit).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache

from ...memo import per_article
from ..dictionary import frequency
from ..pinyin import sentence_syllables
from ..reading import readings
from ..slot import Slot
from ..tagging import NAME_TAGS, is_han
from ..twins import neutral_preference, word_slot_bonus
from . import weights
from .candidates import char_readings, options, syllables, word_readings
from .tokens import Token

_TAG_CLASSES = frozenset("nvadmqupcrfty")
#: Neighbouring words frequent enough to be learnt one by one (aspect and structural particles,
#: negations, degree adverbs, modal verbs, classifiers, determiners).
_FUNCTION_WORDS = frozenset("了着过的得地在给到一不没很太更最会要能把被个这那些点吗呢吧啊") | frozenset(
    {"可以", "应该", "已经", "非常", "比较", "一个", "一些", "一点"}
)
#: Degree adverbs: what follows one is a quality (有点长 cháng, 挺重 zhòng), not an act (长高了 zhǎng).
#: Pooled into one cue so that the rarer ones (有点 is tagged a noun, 挺 and 特别 adverbs) share the
#: evidence 很 and 太 give.
_DEGREE_ADVERBS = frozenset("很太更最挺真蛮") | frozenset(
    {"非常", "比较", "有点", "有点儿", "有些", "特别", "十分", "相当", "越来越", "更加", "格外", "稍微"}
)
#: Aspect particles: jieba joins one to the verb before it (背着), which a split word's verb may be.
_ASPECT_PARTICLES = frozenset("了着过")
#: What may stand between a verb and its object when a two-character word is split (睡一会儿觉,
#: 上了他的当, 出了几次差, 理了个发): aspect particles, 的, 个; numerals, classifiers and pronouns by tag.
_SPLIT_FILLERS = _ASPECT_PARTICLES | frozenset("的个")
_SPLIT_FILLER_TAGS = frozenset("mqr")
#: Titles and kinship terms that follow a surname (曾先生 zēng, 单老师 shàn): jieba tags such a surname
#: as a word of its own, not as a name, so the start of a name is not seen there.
_TITLES = frozenset(
    {"先生", "女士", "小姐", "太太", "夫人", "老师", "教授", "医生", "大夫", "师傅", "经理", "老板", "主任"}
    | {"校长", "局长", "部长", "市长", "院长", "厂长", "队长", "书记", "主席", "总统", "律师", "博士"}
    | {"阿姨", "叔叔", "大爷", "大妈", "奶奶", "爷爷", "同学", "同志"}
)


#: The groups of :func:`_around`, in its order, and their features' names.
_GROUPS = ("outer", "inner", "crossing")
_GROUP_FEATURES = {name: (f"{name}_every", f"{name}_some") for name in _GROUPS}
_COUNTED_FEATURES = {name: (f"{name}_counted_every", f"{name}_counted_some") for name in _GROUPS}


@dataclass(frozen=True)
class Candidate:
    reading: str
    features: dict[str, float]


def _tag_class(token: Token | None) -> str:
    if token is None or not is_han(token.text):
        return "punct"
    if token.tag.startswith(NAME_TAGS):
        return "name"
    return token.tag[:1] if token.tag[:1] in _TAG_CLASSES else "other"


def _neighbour(token: Token | None, fine: bool = False) -> str:
    """A neighbouring token as evidence: a function word (``fine``: any one-character word) itself,
    else its tag."""
    if token is not None and (token.text in _FUNCTION_WORDS or (fine and len(token.text) == 1)):
        return token.text
    return _tag_class(token)


def _heard(words: Iterable[tuple[str, int]]) -> list[set[str]]:
    """The syllables the dictionary readings of each of ``words`` give the character at its index
    (words without a reading left out): worked out once for all of a character's readings."""
    return [{r[index] for r in word_readings(word)} for word, index in words if word_readings(word)]


def _agreeing(heard: Sequence[Set[str]], reading: str) -> tuple[bool, bool]:
    """(every, some): whether the dictionary readings of some of the words whose :func:`_heard`
    syllables these are all / partly read ``reading``."""
    return any(s == {reading} for s in heard), any(reading in s for s in heard)


def _agreement(heard: Sequence[Set[str]], reading: str, names: tuple[str, str]) -> dict[str, float]:
    """The one feature a group of words gives ``reading`` (:func:`_agreeing`): the first of ``names``
    where some word's readings all read it, else the second where some word's partly do, else none."""
    every, some = _agreeing(heard, reading)
    return {names[0 if every else 1]: 1.0} if some else {}


@dataclass(frozen=True)
class _Sentence:
    """A sentence and its tokens, with what every character's evidence looks up in them."""

    text: str
    tokens: Sequence[Token]
    owner: dict[int, int]  # the index of the token holding each character
    starts: frozenset[int]  # where tokens start, and the sentence's end
    ends: frozenset[int]  # where tokens end, and the sentence's start

    @staticmethod
    def of(text: str, tokens: Sequence[Token]) -> _Sentence:
        owner: dict[int, int] = {}
        for index, token in enumerate(tokens):
            for at in range(token.start, token.end):
                owner.setdefault(at, index)
        starts = frozenset(t.start for t in tokens) | {len(text)}
        return _Sentence(text, tokens, owner, starts, frozenset(t.end for t in tokens) | {0})


def _around(sentence: _Sentence, position: int, token: Token) -> dict[str, list[tuple[str, int]]]:
    """Dictionary words of 2-4 characters holding ``position``: longer than the token (made of whole
    tokens), inside it, or crossing its edges; each with the character's index in it."""
    text, starts, ends = sentence.text, sentence.starts, sentence.ends
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in _GROUPS}
    for length in (2, 3, 4):
        for s in range(max(0, position - length + 1), min(position, len(text) - length) + 1):
            word = text[s : s + length]
            if (s, s + length) == (token.start, token.end) or not word_readings(word):
                continue
            if s in starts and s + length in ends and (s < token.start or s + length > token.end):
                found["outer"].append((word, position - s))
            elif token.start <= s and s + length <= token.end:
                found["inner"].append((word, position - s))
            else:
                found["crossing"].append((word, position - s))
    return found


@per_article
@cache
def _slot(sentence: str, start: int, length: int) -> Slot:
    return Slot.of(sentence, start, length)


def _twin_preference(sentence: str, token: Token, position: int, reading: str) -> float:
    """The neutral-tone twins' (and word-kind) slot preference for the token's readings with this syllable."""
    choices = readings(token.text)
    if len(choices) < 2:
        return 0.0
    slot = _slot(sentence, token.start, len(token.text))
    best = 0.0
    for option in choices:
        spelled = syllables(option.numbered)
        if len(spelled) == len(token.text) and spelled[position - token.start] == reading:
            bonus = neutral_preference(slot, token.text, option, choices)
            if len(token.text) > 1:
                bonus += word_slot_bonus(slot, option, choices)
            best = max(best, bonus)
    return best


def candidates(
    sentence: str, tokens: Sequence[Token], span: Iterable[int], english: Set[str] = frozenset()
) -> dict[int, list[Candidate]]:
    """The candidate readings, with their features (g2pM's excepted), of each Han character of ``span``
    that has any."""
    context = _Sentence.of(sentence, tokens)
    found = {p: _candidates_at(context, p, english) for p in span if is_han(sentence[p])}
    return {p: c for p, c in found.items() if c}


def readable_positions(sentence: str, tokens: Sequence[Token], english: Set[str] = frozenset()) -> set[int]:
    """Where :func:`candidates` over the whole sentence gives candidates (a Han character with a
    reading), without their evidence."""
    owner = _Sentence.of(sentence, tokens).owner
    found = set()
    for position, char in enumerate(sentence):
        if is_han(char):
            token = tokens[owner[position]]
            if options(char, token.text if len(token.text) > 1 else "", position - token.start, english):
                found.add(position)
    return found


def _candidates_at(context: _Sentence, position: int, english: Set[str]) -> list[Candidate]:
    sentence, tokens = context.text, context.tokens
    char = sentence[position]
    index = context.owner[position]
    token = tokens[index]
    word = token.text if len(token.text) > 1 else ""
    found = options(char, word, position - token.start, english)
    if len(found) < 2:  # nothing to choose (most characters)
        return [Candidate(r, {}) for r in found]

    own = char_readings(char)
    heard = sentence_syllables(sentence)[position]
    default = sentence_syllables(char)[0]
    prior = weights.model()["prior"].get(char, {})
    around = _around(context, position, token)
    before_title = not word and index + 1 < len(tokens) and tokens[index + 1].text in _TITLES
    # a one-character word before a title is a surname, as the start of a name jieba tags is
    first_of_name = (token.tag.startswith(NAME_TAGS) and position == token.start) or before_title
    # a word jieba counts too: one it would have cut as such, so often one in running text
    # (到了 "at last" is CC-CEDICT's alone, 到 + 了 everywhere)
    counted = {name: [(w, i) for w, i in words if frequency(w)] for name, words in around.items()}
    coarse, fine = _slot_cues(tokens, index, word)
    # what the words around say, the same for each reading: worked out once
    heard_around = {name: _heard(words) for name, words in around.items()}
    # each group of words with the names of the feature it gives a reading (:func:`_agreement`)
    in_word = _heard([(word, position - token.start)]) if word else []
    agreements = [(in_word, ("word_every", "word_some"))]
    for name in around:
        agreements += [
            (heard_around[name], _GROUP_FEATURES[name]),
            (_heard(counted[name]), _COUNTED_FEATURES[name]),
        ]
    agreements.append((_heard(_apart(tokens, index, position)), ("apart_every", "apart_some")))
    rarest = min(prior.values()) if prior else 0.0
    result = []
    for reading in found:
        info = own.get(reading)
        kinds = info.kinds if info else frozenset({"none"})
        f: dict[str, float] = {}
        if heard == reading:
            f["pyp_context" if reading != default else "pyp_default"] = 1.0
            # pypinyin's phrase may cross the words jieba sees (好学生 read through 好学 hào xué)
            if reading != default and _agreeing(heard_around["crossing"], reading)[1]:
                f["pyp_crossing"] = 1.0
        if default == reading:
            f["default"] = 1.0
        if prior:
            f["prior"] = prior.get(reading, rarest)
        for words_heard, names in agreements:
            f.update(_agreement(words_heard, reading, names))
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
        else:  # what kind of word fits here, learnt for every character at once
            f.update((f"k:{kind}|{c}", 1.0) for kind in kinds for c in coarse)
        # and for this character's own readings in context, as far as the data has seen them (no
        # bare bias: the prior says how common a reading is; case files over-sample the rare ones)
        f.update((f"c:{char}{reading}|{c}", 1.0) for c in fine)
        result.append(Candidate(reading, f))
    return result


def _slot_cues(tokens: Sequence[Token], index: int, word: str) -> tuple[list[str], list[str]]:
    """The token's slot as evidence, the same for each of its readings: coarse cues (its tag, its
    neighbours' tags or function words one and two tokens away), crossed with a reading's kind;
    fine ones (one-character neighbours themselves, the word after: 看孩子 kān, 看电视 kàn; a verb
    near), crossed with the reading itself.  Inside a word of several characters, the word is the
    one cue, and only a fine one."""
    if word:
        return [], [f"inword:{word}"]
    token = tokens[index]
    previous = tokens[index - 1] if index > 0 else None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    before = tokens[index - 2] if index > 1 else None
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    self_tag = f"self:{token.tag[:2]}"
    coarse = [
        self_tag,
        *(["after_degree"] if previous is not None and previous.text in _DEGREE_ADVERBS else []),
        f"prev:{_neighbour(previous)}",
        f"next:{_neighbour(following)}",
        f"prev2:{_neighbour(before)}",
        f"next2:{_neighbour(after)}",
    ]
    fine = [
        self_tag,
        f"prev:{_neighbour(previous, fine=True)}",
        f"next:{_neighbour(following, fine=True)}",
        *([f"next_word:{following.text}"] if following and len(following.text) > 1 else []),
        *_verbs_around(tokens, index),
    ]
    patterns = _patterns(tokens, index)
    return coarse + patterns, fine + patterns


def _is_filler(token: Token) -> bool:
    """Whether ``token`` may stand between a split word's verb and object (:data:`_SPLIT_FILLERS`)."""
    return is_han(token.text) and (token.text in _SPLIT_FILLERS or token.tag[:1] in _SPLIT_FILLER_TAGS)


def _apart(tokens: Sequence[Token], index: int, position: int, reach: int = 4) -> list[tuple[str, int]]:
    """Two-character words jieba counts whose characters stand apart here, only fillers between
    (a verb and its object: 睡一会儿觉 jiào, 上了他的当 dàng, 理了个发 fà, 着了急 zháo), each with the
    character's index in it.  The character is a word of its own, or a verb holding its aspect
    particle (jieba's 背着); the other character a word of its own.  Only fillers may stand between
    (:data:`_SPLIT_FILLERS`), so that a chance character of the clause (着 ... 衣 of 穿着一件大衣) is
    no evidence: the ninth round's wider form cost CPP items that way."""
    token = tokens[index]
    char = token.text[position - token.start]
    with_particle = len(token.text) == 2 and position == token.start and token.text[1] in _ASPECT_PARTICLES
    if len(token.text) != 1 and not with_particle:
        return []
    found = []
    for step in (1, -1) if not with_particle else (1,):
        at, crossed = index + step, with_particle
        while 0 <= at < len(tokens) and abs(at - index) <= reach and _is_filler(tokens[at]):
            at, crossed = at + step, True
        other = tokens[at].text if crossed and 0 <= at < len(tokens) else ""
        if len(other) != 1 or not is_han(other):
            continue
        word = char + other if step == 1 else other + char
        if frequency(word) and word_readings(word):
            found.append((word, 0 if step == 1 else 1))
    return found


def _patterns(tokens: Sequence[Token], index: int, reach: int = 3) -> list[str]:
    """Sentence patterns around a one-character word: A-not-A (累不累, 重不重: a yes-no question
    about a state or an act, so the everyday reading) and the compared quality after 比 in the
    clause (比往年少 shǎo)."""
    text = tokens[index].text
    following = [t.text for t in tokens[index + 1 : index + 3]]
    found = []
    if following[:2] == ["不", text] or following[:1] == [f"不{text}"]:
        found.append("a_not_a")
    at = index - 1
    while at >= 0 and index - at <= reach and is_han(tokens[at].text):
        if tokens[at].text == "比":
            found.append("after_bi")
            break
        at -= 1
    return found


def _verbs_around(tokens: Sequence[Token], index: int, reach: int = 3) -> list[str]:
    """Whether a verb comes within ``reach`` tokens before or after, inside the clause: a coverb
    heads a verb phrase (为我们做饭 wèi), a complement follows one (选他为班长 wéi)."""
    found = []
    for name, step in (("verb_before", -1), ("verb_after", 1)):
        at = index + step
        while 0 <= at < len(tokens) and abs(at - index) <= reach and is_han(tokens[at].text):
            if tokens[at].tag.startswith("v"):
                found.append(name)
                break
            at += step
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
