"""The English equivalent: the words of the aligned sentence that translate a term.

The card highlights them, so a wrong one teaches a wrong word.  The span is
the contiguous 1-4 words that best match the chosen senses
(:mod:`flashgen.lexicon.senses` matching: same lemma, a gloss inside a derived
word, another form of the same stem), with three guards, each against a
kind of error seen on real articles:

- **it must render a gloss, not share a stray word with it**: the matched
  gloss words cover at least half of one alternative of a sense (目睹 "to see
  at first hand" is not "first"; 控股 "to own a controlling number of shares"
  is not "owned"), or a name the gloss spells (特朗普 "Trump");
- **a composed word's parts are rendered in order** ("effectively forced" is
  not 强制+执+行 "force + execute + effective");
- **never an antonym**: a gloss inside a negated English word (寻常 "usual" in
  "unusual") is no match;
- **never a piece of a proper name**: inside a run of capitalised words
  ("New York", "Hubble Space Telescope") only the run's last word, its
  generic head, may match, unless the whole name does.

When nothing matches directly, a synonym that CC-CEDICT lists beside a gloss
(:mod:`flashgen.lexicon.synonyms`: 温馨 "warm" and the sentence's "cozy")
gives a one-word equivalent.

The sentence's words are read for matching by :mod:`.english_forms` (lemmas, compounds written
as one word or two); which sense leads the card is :mod:`.sense_order`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import cache, lru_cache

from ..memo import per_article
from .dictionary import STOPWORDS, lemma
from .english_forms import (
    BREAK,
    closed_compounds,
    hyphenated_glosses,
    sentence_lemma,
    undoubled,
)
from .english_lemmas import ENGLISH_WORD, american, silent_e, stem_key
from .senses import match_word, negates, sense_alternatives
from .synonyms import characters, synonyms
from .thesaurus import opposes

#: Longest English equivalent, in words ("wake-up call", "national security").
MAX_SPAN = 4


#: The cost of an unmatched content word inside an English equivalent.
_GAP = 1.0


#: A derived word holding a part's gloss, for a composed word (cybersecurity for 网络安全).
_COMPOUND = 1.5


#: Words of the best-fitting sense outweigh those of the senses after it.
_LESSER_SENSE = 0.75


#: A synonym's match: weak evidence, used only when no gloss matches.
_SYNONYM = 0.5


#: A sentence word with at most this many CC-CEDICT synonyms is specific: a synonym of any gloss word.
_SPECIFIC = 3


#: Small words inside a name ("Academy of Sciences", "Bank of England").
_NAME_LINKS = frozenset({"of", "the", "and", "for", "de"})


#: Particles of English phrasal verbs, taken into the span when a sense has them ("run out", "pass on").
_PARTICLES = frozenset({"up", "out", "off", "down", "back", "away", "over", "on"})


#: Small words an equivalent never starts with: articles and the infinitive's "to".
_NO_LEAD = frozenset({"a", "an", "the", "to"})


#: A headline in Title Case is no run of names.
_TITLE_CASE_SHARE = 0.6


#: How far apart, as shares of their sentences, a Chinese word and an English word may stand and
#: still be taken for each other's translation on weak evidence (a synonym, a morpheme's gloss).
#: Word order differs between the languages (a Chinese verb after its time and place,
#: 在最后两公里完成反超, the English one before them, "overtook … in the final two kilometres":
#: half a sentence apart), but rarely by more: among the morpheme fallback's answers on the
#: development articles, the right ones stood at most 0.48 apart, the one wrong one beyond 0.7
#: (超时 "times"); the middle of that gap.
_FARTHEST = 0.6


def places_in(word: str, zh: str) -> tuple[float, ...]:
    """Where ``word`` stands in ``zh``: each occurrence's middle, as a share of the sentence."""
    starts, at = [], zh.find(word) if word else -1
    while at >= 0:
        starts.append(at)
        at = zh.find(word, at + len(word))  # not overlapping, as re.finditer finds them
    return tuple((at + len(word) / 2) / len(zh) for at in starts)


def far_apart(places: Sequence[float], at: int, words: int) -> bool:
    """Whether the English word ``at`` of ``words`` stands more than :data:`_FARTHEST` of the
    sentence away from every one of ``places`` (:func:`places_in`; none known: not far)."""
    where = (at + 0.5) / words
    return bool(places) and all(abs(place - where) > _FARTHEST for place in places)


#: How much nearer the word's place (a share of the sentence) a span must stand to win a tie:
#: word order differs between the languages, so only a clear difference tells.
_NEARER = 0.15


def _fits_better(fit: tuple[float, float], than: tuple[float, float]) -> bool:
    """Whether a span that scores as well as another fits better: it renders a larger share of a
    gloss (less a word for each unmatched word inside it), or as large a share and stands clearly
    nearer (by :data:`_NEARER`) the word's place."""
    return fit[0] > than[0] or (fit[0] == than[0] and fit[1] > than[1] + _NEARER)


def _distance(places: Sequence[float], start: int, end: int, words: int) -> float:
    """How far the middle of the English words ``start``..``end`` of ``words`` stands from the
    nearest of ``places`` (:func:`places_in`), as a share of the sentence; 0 when none is known."""
    where = (start + end + 1) / 2 / words
    return min((abs(place - where) for place in places), default=0.0)


@dataclass(frozen=True)
class Span:
    """A run of words of the English sentence and how well it translates a term."""

    text: str
    score: float


def english_span(
    senses: Sequence[str],
    en_context: str,
    parts: bool = False,
    skip: Set[str] = frozenset(),
    word: str = "",
    places: Sequence[float] = (),
) -> Span:
    """The contiguous 1-4 words of ``en_context`` that best translate ``senses``.

    ``senses`` come best first: words of the first count fully, words of the
    others a little less, so 出口 "an exit" next to "exit ... leave" picks
    "exit".  A span must begin and end on a matching word; unmatched content
    words inside it cost a point, so "export control" beats "export" for
    出口管制.  With ``parts`` the senses are the best senses of a composed
    word's parts (网络, 安全), which count alike; and a derived word holding a
    part's gloss counts half again, since English often renders the whole
    compound as one word: "cybersecurity" for 网络安全.  Sentence words whose
    lemma starts like a key in ``skip`` (its first six letters: another word of
    the Chinese sentence translates them) never match.  The text keeps the
    sentence's own casing and inflection.  ``word``, the Chinese word, vets a synonym, and
    ``places``, where it stands in its Chinese sentence (:func:`places_in`), places one
    (:func:`_synonym_span`) and, of two spans that fit as well, takes the nearer (存款 "bank
    deposit": "deposit balances", not "the bank's employees" earlier in the sentence).
    """
    wanted: dict[str, float] = {}
    part_of: dict[str, int] = {}  # with ``parts``: which part a gloss word renders
    alternatives: list[frozenset[str]] = []
    for rank, sense in enumerate(senses):
        for alternative in sense_alternatives(sense):
            alternatives.append(frozenset(undoubled(g) for g in alternative))
            for gloss in alternative:
                wanted.setdefault(undoubled(gloss), 1.0 if rank == 0 or parts else _LESSER_SENSE)
                part_of.setdefault(undoubled(gloss), rank)
    proper = {lemma(w.lower()) for sense in senses for w in ENGLISH_WORD.findall(sense) if w[:1].isupper()}
    phrases = {} if parts else _two_word_phrases(tuple(senses))
    words, lemmas, verbs, hidden = _read_sentence(en_context)
    derived = _COMPOUND if parts else 1.0
    # a participle may be glossed as itself ("hidden", "broken") or by its verb ("hide"), a plural
    # that is also a verb ("leaves") by its noun or its verb

    @cache  # a lemma recurs, and is often the same either way
    def best_gloss(word_lemma: str) -> tuple[float, str]:
        return _best_gloss(word_lemma, wanted, derived)

    matches = [
        (0.0, "") if stem_key(lem) in skip else max(best_gloss(lem), best_gloss(verb))
        for lem, verb in zip(lemmas, verbs, strict=True)
    ]
    matches = closed_compounds(matches, words, en_context, wanted, skip)
    # only where the word matches nothing as a whole ("star-rated" holds "star" as a compound does)
    joint = {i: m for i, m in hyphenated_glosses(words, wanted, skip).items() if not matches[i][0]}
    for i, (weight, glosses) in joint.items():
        matches[i] = (weight, glosses[0])
    best, bounds, best_fit = Span("", 0.0), (0, 0), (0.0, -1.0)
    for start in range(len(words)):
        if not matches[start][0]:
            continue
        total, part, gaps = 0.0, 0, 0
        matched: set[str] = set()
        for end in range(start, min(start + MAX_SPAN, len(words))):
            if end > start and BREAK.search(en_context, words[end - 1].end(), words[end].start()):
                break  # a translation of one word does not run across a clause's punctuation
            weight, gloss = matches[end]
            total += weight or (0.0 if lemmas[end] in STOPWORDS else -_GAP)
            gaps += not weight and lemmas[end] not in STOPWORDS
            if gloss:
                if parts and part_of[gloss] < part:  # parts are rendered in order, or not at all
                    break
                part = part_of[gloss]
                matched.update(joint[end][1] if end in joint else (gloss,))
            if not weight or total <= 0 or total < best.score:
                continue
            if not (matched & proper or _covers(matched, alternatives)):
                continue
            # of two spans that fit as well, the one rendering more of a gloss with no word between
            # ("farmers" for 农户 "farmer household; farmer", not "households"; 水泵 "water pump" is
            # "pump", not "water left to pump"), then the one clearly nearer the word's place
            fit = (_rendered_share(matched, alternatives) - gaps, -_distance(places, start, end, len(words)))
            if total == best.score and not _fits_better(fit, best_fit):
                continue
            if any(hidden[start : end + 1]) and not (
                _whole_name(hidden, start, end) or _renders_phrase(matched, alternatives)
            ):
                continue
            # one word of a two-word gloss and, beside it in the gloss's order, a synonym of the other:
            # 医疗费 "medical expenses": "medical costs"; 停产 "to stop production": "halt production"
            # (the one word alone often is the English: 太阳能 "solar energy", "solar capacity")
            other, side = _missing_word(matched, alternatives, phrases)
            beside = end + 1 if side > 0 else start - 1
            first, last = start, end
            if (
                other
                and 0 <= beside < len(words)
                and other in synonyms(lemmas[beside]) | synonyms(verbs[beside])
                and not opposes((lemmas[beside], verbs[beside]), {other})
            ):
                first, last = min(start, beside), max(end, beside)
            best, bounds = Span(en_context[words[first].start() : words[last].end()], total), (first, last)
            best_fit = fit
    if best.text:
        start, end = bounds
        if end + 1 < len(words) and _takes_particle(senses, matches[end][1], words[end + 1].group()):
            end += 1
        start -= _lead(senses, words[max(0, start - 2) : start + 1])
        best = Span(en_context[words[start].start() : words[end].end()], best.score)
        return best
    barred = [
        h or stem_key(lem) in skip or far_apart(places, i, len(words))
        for i, (h, lem) in enumerate(zip(hidden, lemmas, strict=True))
    ]
    whole = {g for alternative in alternatives if len(alternative) == 1 for g in alternative}
    return _synonym_span(wanted, words, lemmas, barred, en_context, whole, word)


#: English sentences whose words :func:`_read_sentence` keeps: a card's sentence is read for each
#: of its terms and their parts.
_SENTENCES = 1024


@per_article
@lru_cache(maxsize=_SENTENCES)
def _read_sentence(
    en_context: str,
) -> tuple[tuple[re.Match[str], ...], tuple[str, ...], tuple[str, ...], tuple[bool, ...]]:
    """The sentence's words, their lemmas for matching (:func:`~.english_forms.sentence_lemma`),
    their plain lemmas (a participle's verb), and which are inside a name (:func:`_inside_names`)."""
    words = tuple(ENGLISH_WORD.finditer(en_context))
    lemmas = tuple(sentence_lemma(w.group()) for w in words)
    verbs = tuple(lemma(american(w.group().lower())) for w in words)
    return words, lemmas, verbs, tuple(_inside_names([w.group() for w in words]))


def _takes_particle(senses: Sequence[str], gloss: str, word: str) -> bool:
    """Whether ``word`` is a particle a sense has after ``gloss``: 告罄 "to run out" ("run" + "out")."""
    particle = word.lower()
    if particle not in _PARTICLES:
        return False
    phrase = re.compile(rf"\b{re.escape(gloss)}\w* {particle}\b")
    return any(phrase.search(sense) for sense in senses)


@cache
def _two_word_phrases(senses: tuple[str, ...]) -> dict[frozenset[str], tuple[str, str]]:
    """The alternatives of ``senses`` of two content words, each with its words in order:
    "medical expenses" (medical, expenses), "to stop production" (stop, production)."""
    found = {}
    for sense in senses:
        for text in re.sub(r"\([^)]*\)", " ", sense).split(";"):
            words = [w for w in ENGLISH_WORD.findall(text.lower()) if w not in STOPWORDS]
            if len(words) == 2:
                first, second = (undoubled(sentence_lemma(w)) for w in words)
                found[frozenset({first, second})] = (first, second)
    return found


def _missing_word(
    matched: set[str], alternatives: Sequence[frozenset[str]], phrases: dict[frozenset[str], tuple[str, str]]
) -> tuple[str, int]:
    """When all a span renders of the senses is one word of two-word alternatives: the other
    word, and on which side of the span it would stand (1 after, -1 before); else ("", 0)."""
    covered = [a for a in alternatives if matched & a and 2 * len(matched & a) >= len(a)]
    if not covered or any(a not in phrases or len(matched & a) != 1 for a in covered):
        return "", 0
    wanted = {(phrases[a][1], 1) if phrases[a][0] in matched else (phrases[a][0], -1) for a in covered}
    return wanted.pop() if len(wanted) == 1 else ("", 0)


def _lead(senses: Sequence[str], words: Sequence[re.Match[str]]) -> int:
    """How many small words (stopwords, which never match on their own) before the span's first
    word, the last of ``words``, a sense has with it: 不再 "no longer", 当场 "on the spot", 失控
    "out of control"; never from an article or "to" ("the rules", "to add" stay "rules", "add")."""
    *before, first = [w.group().lower() for w in words]
    for k in range(len(before), 0, -1):
        run = before[-k:]
        if run[0] in _NO_LEAD or not all(w in STOPWORDS for w in run):
            continue
        phrase = " ".join([*run, first])
        if any(_leads_a_phrase(sense.lower(), phrase) for sense in senses):
            return k
    return 0


def _leads_a_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` at its start or after a space or "(", and ends at a word
    boundary: ``re.search(rf"(?:^|[ (]){re.escape(phrase)}\\b", text)`` without compiling a pattern
    for each phrase (:func:`_lead` asks a few hundred distinct ones per batch of articles)."""
    ends_in_word = _is_word_char(phrase[-1:])
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or text[at - 1] in " (") and ends_in_word != _is_word_char(text[end : end + 1]):
            return True
        at = text.find(phrase, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    """Whether ``char`` is one that ``\\w`` matches in a str pattern ("" is not)."""
    return char.isalnum() or char == "_"


def _best_gloss(word_lemma: str, wanted: dict[str, float], derived: float) -> tuple[float, str]:
    """The weight and gloss word of the best match of one sentence word, (0, "") for none."""
    if word_lemma in STOPWORDS:
        return 0.0, ""
    best = (0.0, "")
    for gloss, weight in wanted.items():
        score = match_word(gloss, word_lemma)
        if not score:  # most glosses: it cannot beat even no match
            continue
        score *= weight
        score *= derived if gloss != word_lemma and gloss in word_lemma else 1.0
        if score > best[0]:
            best = (score, gloss)
    return best


def _rendered_share(matched: set[str], alternatives: Sequence[frozenset[str]]) -> float:
    """The largest share of one alternative's words that the matched gloss words render."""
    return max((len(matched & a) / len(a) for a in alternatives if a), default=0.0)


def _covers(matched: set[str], alternatives: Sequence[frozenset[str]]) -> bool:
    """Whether the matched gloss words render at least half of some alternative."""
    return any(2 * len(matched & a) >= len(a) for a in alternatives if matched & a)


def _inside_names(words: Sequence[str]) -> list[bool]:
    """For each word, whether it is inside a run of capitalised words and not its last word."""
    capital = [w[:1].isupper() for w in words]
    if not words or sum(capital) >= _TITLE_CASE_SHARE * len(words):
        return [False] * len(words)
    # "Academy of the Sciences": a name's small words belong to it when capitals surround them
    joined = list(capital)
    for i, word in enumerate(words):
        if word in _NAME_LINKS and i and joined[i - 1]:
            after = next((j for j in range(i + 1, len(words)) if words[j] not in _NAME_LINKS), None)
            joined[i] = after is not None and capital[after]
    return [
        joined[i] and i + 1 < len(words) and joined[i + 1] and (i > 0 or words[i].lower() not in STOPWORDS)
        for i in range(len(words))
    ]


def _renders_phrase(matched: set[str], alternatives: Sequence[frozenset[str]]) -> bool:
    """Whether the matched gloss words are every word of an alternative of two words or more: a
    name's words that translate a term whole ("Human Resources" of "Ministry of Human Resources
    and Social Security" for 人力资源 "human resources"), where one shared word ("New" of "New
    York") is a coincidence."""
    return any(len(a) > 1 and a <= matched for a in alternatives)


def _whole_name(hidden: Sequence[bool], start: int, end: int) -> bool:
    """Whether words start..end are a whole capitalised run (a name matched whole: New York)."""
    return (start == 0 or not hidden[start - 1]) and not hidden[end]


def _synonym_span(
    wanted: dict[str, float],
    words: Sequence[re.Match[str]],
    lemmas: Sequence[str],
    hidden: Sequence[bool],
    text: str,
    whole: Set[str] = frozenset(),
    chinese: str = "",
) -> Span:
    """The one sentence word CC-CEDICT lists as a synonym of a gloss word, best weighted, first on ties.

    A synonym of a gloss word that is a whole alternative on its own (``whole``: 引发 "to
    trigger" beside "sparked") is taken; one of a word inside a phrase ("make" of "to make up for
    lost sleep", "put" of "to put up collateral", "time" of "every time") meets the many senses of
    light words ("see", "buy", "month") and is taken only when CC-CEDICT also writes the sentence
    word with a character of the Chinese word ``chinese`` (:func:`~.synonyms.characters`), or the
    word has few synonyms of its own, a specific word ("spartan" for 简朴 "simple and unadorned").
    Without ``chinese`` every gloss word counts.  ``hidden`` bars words: a name's, another word's,
    and one standing far from the Chinese word's place in its sentence (:func:`far_apart`), which
    a synonym, weak evidence, does not outweigh: 划算 "to weigh (pros and cons)" at the end of its
    sentence is not "scale" of "farms grain on a large scale" at the start of the English."""
    best = Span("", 0.0)
    for i, word_lemma in enumerate(lemmas):
        if word_lemma in STOPWORDS or hidden[i] or len(word_lemma) < 3:
            continue
        if any(negates(word_lemma, g) for g in wanted):  # "unusual" is no synonym of "ordinary; usual"
            continue
        forms = (word_lemma, lemma(words[i].group().lower()), silent_e(words[i].group()))
        if opposes(forms, wanted.keys()):  # "fall" is no synonym of 兴起 "to rise" (of "rise and fall")
            continue
        related = synonyms(forms[0]) | synonyms(forms[1]) | synonyms(forms[2])  # reduced: reduce
        loose = not chinese or len(related) <= _SPECIFIC or bool(set(chinese) & characters(word_lemma))
        weight = max((w for g, w in wanted.items() if g in related and (loose or g in whole)), default=0.0)
        weight *= _SYNONYM
        if weight > best.score:
            best = Span(text[words[i].start() : words[i].end()], weight)
    return best
