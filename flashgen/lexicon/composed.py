"""Words CC-CEDICT lacks (出口管制, 主教练), read and glossed from the dictionary words they split into.

The split is the one whose parts the aligned English confirms, each part
read and glossed the way :func:`flashgen.lexicon.lookup` reads a whole word;
the English span that renders every part is the word's meaning, otherwise the
parts' own glosses joined by " + ", labelled as a composition.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, permutations

from .. import data
from ..memo import per_article
from ..types import WordInfo
from . import dictionary
from .choice import choose, syllables_heard
from .dictionary import STOPWORDS, lemma
from .english_lemmas import content_lemmas, plain_adjective, stem_key
from .equivalent import Span, english_span, far_apart, places_in
from .pinyin import marks, normalise, sentence_syllables
from .reading import Reading, readings
from .sense_order import rank_senses, stray
from .senses import (
    common_sense,
    noun_glosses,
    sense_score,
    short_gloss,
)

_NOTE = re.compile(r"\([^)]*\)")
_ARTICLE = re.compile(r"^(a|an|the) ")
#: An English word, hyphenated ones whole.
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
#: Endings of English nouns, the form the head of a composed word takes.
_NOUN_ENDINGS = ("ty", "ment", "ness", "ance", "ence", "ship")


@dataclass(frozen=True)
class _Part:
    """One dictionary word of a composed word, read and glossed in context."""

    text: str
    reading: Reading | None
    sense: str  # the sense the English confirms, else the first common one; "" when unknown
    confirmed: bool  # whether the aligned English confirms the sense


def compose(
    word: str,
    zh_context: str | None,
    position: int | None,
    english: Set[str],
    en_context: str,
) -> WordInfo:
    """A word CC-CEDICT lacks, read and glossed from the dictionary words it splits into.

    The split is the one whose parts the aligned English confirms (主+教练
    next to "head coach", not 主教+练 "bishop practice"), else the one jieba
    makes, else the one with fewer and commoner parts.  When the English has a
    span that renders every part, that span is the meaning ("labor
    relations"); otherwise the meaning is the parts' short glosses joined by
    " + ", so that the learner sees a composition, not a dictionary sense
    ("sample + capacity").
    """
    parts = _best_split(word, english, zh_context, position)
    numbered = _unstressed(word, " ".join(_syllables(p, zh_context, position, parts) for p in parts))
    senses = [p.sense for p in parts if p.sense]
    places = places_in(word, zh_context) if zh_context else ()
    span = (
        english_span(senses, en_context, parts=True, word=word, places=places)
        if en_context and senses
        else Span("", 0.0)
    )
    rendered = _rendering(parts, span.text, zh_context, position, en_context)
    shown = rendered
    if not shown and _renders_all(parts, span.text):
        # every part rendered, but a span far from the word's place is another word's
        far = (
            zh_context is not None
            and position is not None
            and _far_from(span.text, en_context, word, zh_context, position)
        )
        shown = "" if far else span.text
    # not confirmed as a whole: the parts' own meanings, shown as parts ("of chief importance +
    # assignment" for 首要任务), never passed off as the word's sense
    literal = " + ".join(_gloss(p, english, head=i == len(parts) - 1) for i, p in enumerate(parts))
    return WordInfo(
        simplified=word,
        traditional="".join(p.reading.traditional if p.reading else p.text for p in parts),
        pinyin=marks(numbered),
        pinyin_numbered=numbered,
        meaning=uncapitalised(rendered, en_context) or literal,
        english=shown,
        hsk=dictionary.hsk_level(word),
        composed=True,
    )


def uncapitalised(rendered: str, en_context: str) -> str:
    """The English span as a meaning: lower case where only the sentence's start capitalised it
    ("Labor relations" opening a sentence), a name's capitals kept ("every Saturday")."""
    opening = en_context.lstrip("\"'“‘(").startswith(rendered)
    if opening and rendered[:1].isupper() and rendered[1:2].islower():
        return rendered[0].lower() + rendered[1:]
    return rendered


def _best_split(word: str, english: Set[str], zh_context: str | None, position: int | None) -> list[_Part]:
    """The split of ``word`` into dictionary words that the English, jieba and frequency favour."""
    jieba_split = tuple(data.jieba_tokenizer().cut(word, HMM=False))

    @cache  # the same part at the same offset recurs in many splits
    def part(text: str, offset: int) -> _Part:
        return _part(text, english, zh_context, None if position is None else position + offset)

    def parts(split: tuple[str, ...]) -> list[_Part]:
        offsets = list(accumulate((len(t) for t in split), initial=0))
        return [part(t, offsets[i]) for i, t in enumerate(split)]

    def key(split: tuple[str, ...]) -> tuple[int, int, bool, float]:
        # a lone character the English does not confirm is a guess (监 "jail" in 监+管+机构):
        # it costs what a confirmed one earns
        confirmed = sum(len(p.text) if p.confirmed else -(len(p.text) == 1) for p in parts(split))
        # jieba's own split is trusted unless it leaves a lone character that
        # a split into words alone avoids (老年人+口 "mouth", where 老年+人口 is "elderly population")
        words = -len(split) * len(word) - sum(len(t) == 1 for t in split)
        return confirmed, words, split == jieba_split, min(dictionary.zipf(t) for t in split)

    return parts(max(_splits(word), key=key))


def _splits(word: str) -> list[tuple[str, ...]]:
    """Every way to cut ``word`` into CC-CEDICT words (single characters always allowed), itself excluded."""
    return [split for split in _cuts(word) if split != (word,)] or [tuple(word)]


@cache
def _cuts(text: str) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for cut in range(1, len(text) + 1):
        head, rest = text[:cut], text[cut:]
        if cut == 1 or readings(head):
            found += [(head, *tail) for tail in _cuts(rest)] if rest else [(head,)]
    return found


def _part(text: str, english: Set[str], zh_context: str | None, at: int | None) -> _Part:
    """One part read at offset ``at`` of the sentence, with the sense the English confirms or a common one."""
    reading = _reading(text, english, zh_context, at)
    ranked = rank_senses(reading.senses, english, complete=False) if reading else []
    # a stray word of a long gloss confirms nothing (期 "classifier for issues of a periodical,
    # courses of study" beside "a new study")
    confirmed = bool(ranked) and sense_score(ranked[0], english) > 0 and not stray(ranked[0], english)
    sense = ranked[0] if confirmed else common_sense(reading.senses) if reading else ""
    return _Part(text, reading, sense, confirmed)


def _reading(text: str, english: Set[str], zh_context: str | None, at: int | None) -> Reading | None:
    """A part's reading, chosen by the reading engine as the sentence line reads it, and for a
    part of several characters by the English too.

    A word's senses are its own, and the English picks between its readings as it does for any
    word (平整土地 "levelling the land": 土地 *tǔ dì* "land", not *tǔ di* "local god").  A single
    character's glosses are many and loose, and the English translates the whole word, so one
    matches by chance (空 *kòng* "space" inside "airspace", where 空域 is *kōng yù*): there the
    engine's reading in the word stands alone.
    """
    candidates = readings(text)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    return choose(text, candidates, english if len(text) > 1 else frozenset(), zh_context, at)


def _syllables(part: _Part, zh_context: str | None, position: int | None, parts: list[_Part]) -> str:
    if part.reading is not None:
        return normalise(part.reading.numbered)
    # a character CC-CEDICT lacks: the sentence's (or pypinyin's own) reading
    at = None if position is None else position + sum(len(p.text) for p in parts[: parts.index(part)])
    heard = syllables_heard(part.text, zh_context, at)
    return " ".join(h or r or part.text for h, r in zip(heard, sentence_syllables(part.text), strict=True))


def _rendering(
    parts: list[_Part], span: str, zh_context: str | None, position: int | None, en_context: str
) -> str:
    """The English span that renders the whole word, or "".

    A span renders it when it confirms every part, or is one derived word
    holding a part's gloss ("cybersecurity" for 网络+安全).  When it renders all
    but a first or last part, the English word next to it on that side is
    taken for that part if no other word of the Chinese sentence explains it:
    English compounds run in the same order ("head coach" for 主+教练, "sample
    size" for 样本+量).
    """
    if not span:
        return ""
    lemmas = content_lemmas(span)
    # a hyphenated word renders a part with each of its words ("star-rated" renders 星级 "star rating")
    pieces = lemmas | content_lemmas(span.replace("-", " "))
    missing = [i for i, p in enumerate(parts) if not (p.sense and sense_score(p.sense, pieces) > 0)]
    # one English word deriving from a part's gloss: cybersecurity, cyberattack (not "dormitory");
    # a modifier's only as a compound does, holding it inside (强制 "force": "enforcement"), not
    # as the gloss's own derivative ("teachers" is 教育 "to teach"'s, not 教育局's)
    glossed = any(lemmas <= content_lemmas(p.sense) for p in parts)
    derived = " " not in span and not glossed and (missing in ([], [0]) or _renders_all(parts, span))
    if derived or (not missing and _distinct_words(parts, pieces)):
        return span
    if not missing:  # a word confirming two parts renders one: the other is the first or last
        ends = (len(parts) - 1, 0)
        missing = [next((i for i in ends if _distinct_words(parts[:i] + parts[i + 1 :], pieces)), -1)]
    if len(missing) != 1 or missing[0] not in (0, len(parts) - 1) or zh_context is None or position is None:
        return ""
    neighbour = _neighbour_word(en_context, span, before=missing[0] == 0)
    length = sum(len(p.text) for p in parts)
    explained = _sentence_glosses(zh_context[:position] + "，" + zh_context[position + length :])
    # "executive" is explained by 执行官 "executive officer" as by "execute": stems compared
    if neighbour is None or _function_word(neighbour) or _stem(neighbour) in explained:
        return ""
    # a span rendering some parts only, far from the word's place, is another word's ("fish" of
    # "juvenile fish" is 幼鱼's, at the end of the sentence, not 休渔's, at its start); one that
    # renders them all is the word's wherever the English puts it ("rural areas" for 农村地区)
    if _far_from(span, en_context, "".join(p.text for p in parts), zh_context, position):
        return ""
    return f"{neighbour} {span}" if missing[0] == 0 else f"{span} {neighbour}"


def _far_from(span: str, en_context: str, word: str, zh_context: str, position: int) -> bool:
    """Whether ``span`` stands in ``en_context`` far from ``word`` at ``position`` of ``zh_context``
    (:func:`~flashgen.lexicon.equivalent.far_apart`); no span is far from anything."""
    found = re.search(rf"(?<![A-Za-z]){re.escape(span)}(?![A-Za-z])", en_context) if span else None
    if found is None:
        return False
    place = (position + len(word) / 2) / len(zh_context)
    return far_apart(
        (place,), len(_WORD.findall(en_context[: found.start()])), len(_WORD.findall(en_context))
    )


def _distinct_words(parts: list[_Part], lemmas: Set[str]) -> bool:
    """Whether each part is confirmed by a word of its own: one word confirming two parts renders
    one of them (水土流失 is not "soil" because 水土 "water and soil" and 流失 "(of soil etc) to wash
    away" both name soil)."""
    confirming = [{w for w in lemmas if sense_score(p.sense, {w}) > 0} for p in parts]
    return any(
        all(w in found for w, found in zip(chosen, confirming, strict=True))
        for chosen in permutations(lemmas, len(parts))
    )


def _renders_all(parts: list[_Part], span: str) -> bool:
    """Whether the span renders the word: it confirms the head (last part), or it is one word
    derived from a part's gloss ("enforcement" for 强制+执行).  A modifier's alone ("chief" of
    首要任务 in "chief executive") translates another word; the head's ("exciting" for 令人+兴奋)
    this one."""
    lemmas = content_lemmas(span)
    # a gloss inside a longer word, not at its start: "enforcement", not "effectively"
    if " " not in span and any(g in w[1:] for p in parts for g in content_lemmas(p.sense) for w in lemmas):
        return True
    head = parts[-1]
    return bool(head.sense) and sense_score(head.sense, lemmas) > 0


#: Adverbs of time, place and frequency and prepositions: never a part of an English compound
#: (主动攻击 is not "rarely attack": the sentence's 很少 says "rarely", outside the word).
_NOT_NOUN_WORDS = """
later earlier soon again already still then now here yet ever never often always once twice
rarely seldom sometimes usually frequently occasionally hardly barely scarcely
throughout behind ahead together away back off across along around beyond within without
against among between during after before since until upon
"""
_NOT_NOUNS = frozenset(_NOT_NOUN_WORDS.split())


def _function_word(word: str) -> bool:
    """Whether an English word cannot be a part of a compound ("organising committee later" is not
    组委会): a stop word or one of :data:`_NOT_NOUNS` (an adverb in -ly can: "freely choose")."""
    lower = word.lower()
    return lemma(lower) in STOPWORDS or lower in _NOT_NOUNS


def _neighbour_word(en_context: str, span: str, before: bool) -> str | None:
    """The English word right before (or after) ``span`` in the sentence, if any."""
    found = re.search(rf"(?<![A-Za-z]){re.escape(span)}(?![A-Za-z])", en_context)  # "buy", not in "buyers"
    if found is None:
        return None
    at = found.start()
    side = en_context[:at] if before else en_context[at + len(span) :]
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", side)
    adjacent = re.search(r"[A-Za-z-]+\s*$" if before else r"^\s*[A-Za-z-]+", side)
    if not words or adjacent is None:
        return None
    return str(words[-1] if before else words[0])


@per_article
@cache
def _sentence_glosses(text: str) -> frozenset[str]:
    """Gloss stems of the words of a Chinese text, and of the words inside them (执行 in
    执行官, which CC-CEDICT lacks): what its English translation may contain."""
    words = data.jieba_tokenizer().cut_for_search(text, HMM=False)
    return frozenset(_stem(g) for w in words for g in dictionary.gloss_words(w))


def _stem(word: str) -> str:
    """A word's lemma cut to its first letters, so that derivations meet (execute / executive)."""
    return stem_key(lemma(word.lower()))


def _gloss(part: _Part, english: Set[str], head: bool) -> str:
    """A part's gloss in a literal composition: the confirmed alternative, else a form that composes.

    The head (last part) takes a noun ("choice", not "to select"); a modifier
    a plain adjective ("free") or a one-word noun ("village", not "rustic").
    """
    if part.reading is None:
        return part.text
    if part.confirmed:
        return short_gloss(part.sense, english)
    glosses = (a for s in part.reading.senses[:3] for a in s.split(";"))
    options = [_ARTICLE.sub("", _NOTE.sub("", a).strip()) for a in glosses]
    options = [a for a in options if a and not a.startswith(("CL:", "abbr", "surname", "classifier"))]
    single = [a for a in options if " " not in a and a.isalpha()]
    if head:  # a noun: "safety" rather than "safe", "choice" rather than "to select"
        nouns = [a for a in single if a.endswith(_NOUN_ENDINGS)] + [a for a in single if noun_glosses([a])]
        ranked = nouns + [a.removeprefix("to ") for a in options]
    else:
        ranked = [a for a in single if plain_adjective(a)] + [a for a in single if noun_glosses([a])] + single
    return ranked[0] if ranked else short_gloss(part.sense, english)


#: Characters CC-CEDICT reads unstressed inside a word: the potential
#: complement's 不/得 (看不见 kàn bu jiàn, 数不清) and the erhua suffix 儿.
_UNSTRESSED = {"不": "bu5", "得": "de5", "儿": "r5"}


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
