"""The structural particles 得, 地, 为, 着 and 了, read by their neighbours.

pypinyin reads them by phrase or by one default (得 dé, 着 zhe); their slot
decides: 得 after a verb or adjective is "de" (跑得快), between a subject and
a verb "děi" (我得走); 地 after an adverbial is "de" (慢慢地); 为 after a
one-character verb is "wéi" (选为); 着 after a verb is "zhe", as a result
"zháo" (睡不着).
"""

from __future__ import annotations

from .slot import Slot
from .tagging import DEGREE, DEGREE_WORDS, is_adjective, is_han, is_reduplicated, is_verb, token_boundaries


def particle_reading(slot: Slot, word: str) -> str | None:
    """The reading (numbered) of 得, 地, 为 or 着 that its slot demands, None if it does not decide."""
    before, after = slot.before[1], slot.after[1]
    if word == "得" and slot.after[0]:
        complement = slot.after[0][:1] in DEGREE or slot.after[0] in DEGREE_WORDS
        if before[:1] in ("v", "a") or complement or is_adjective(slot.before[0]):  # 高兴得跳
            return "de5"
        subject = before[:1] in ("r", "n", "d", "t", "")
        if subject and slot.after[0][:1] not in "了着过到" and is_han(slot.rest):
            return "dei3"
    adverbial = after[:1] in ("v", "l", "i") and before[:1] not in ("", "m", "q", "p", "f", "u")
    if word == "地" and (adverbial or is_reduplicated(slot.before[0])):  # 高兴地跳, 慢慢地黑了
        return "de5"
    if word == "为" and len(slot.before[0]) == 1 and is_verb(*slot.before):
        return "wei2"
    if word == "为" and before[:1] in ("r", "n", "d") and after[:1] in ("r", "n"):
        # 选他为队长 wéi "as" ends the clause with its noun; 为人民服务 wèi "for" goes on
        named = after[:1] == "n" and not is_han(slot.rest[len(slot.after[0]) :])
        return "wei2" if named else "wei4"
    if word == "着":
        return _zhe_reading(slot)
    if word == "了":
        return _le_reading(slot)
    return None


def _zhe_reading(slot: Slot) -> str | None:
    """着 on its own after a word is the aspect particle (穿着, 下着雨: zhe); as
    a potential or completed result of a verb it is zháo "to reach" (睡不着, 睡着了)."""
    if not slot.before[0] or slot.position + slot.length not in token_boundaries(slot.sentence):
        return None  # 着急, 着火: the start of a word
    potential = slot.before[0] in ("不", "得") and is_verb(*slot.before2)
    if potential or (slot.rest[:1] == "了" and is_verb(*slot.before)):
        return "zhao2"
    return "zhe5"


def _le_reading(slot: Slot) -> str | None:
    """了 on its own after a word is the particle le (吃了饭, 下雨了, 送了我一束花); after 得 or 不
    that follow a verb, the potential complement liǎo "to manage" (吃不了, 受得了)."""
    if not slot.before[0] or slot.position + slot.length not in token_boundaries(slot.sentence):
        return None  # 了解, 了不起: the start of a word
    if slot.before[0] in ("不", "得") and is_verb(*slot.before2):
        return "liao3"
    return "le5"
