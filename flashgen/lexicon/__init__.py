"""Stage 3, the lexicon: what a card says about a word in its sentence.

The reading, the sense and the English equivalent of a word, chosen by its
sentence and the aligned English.  From the bottom up: CC-CEDICT, HSK levels
and frequencies (:mod:`.dictionary`); tone marks and the sentence's pypinyin
reading (:mod:`.pinyin`); English synonyms CC-CEDICT implies
(:mod:`.synonyms`); senses and their fit to the English (:mod:`.senses`); the
English equivalent and the senses' order on a card (:mod:`.equivalent`);
jieba's tags (:mod:`.tagging`); a word's dictionary readings
(:mod:`.reading`); the words around it (:mod:`.slot`) and the neutral-tone
twins they tell apart (:mod:`.twins`); the reading engine, which reads every
character of a sentence by fitted weights (:mod:`.engine`); the choice among
a word's readings (:mod:`.choice`); words CC-CEDICT lacks, composed from their
parts (:mod:`.composed`); and :func:`lookup`, which puts it all together
(:mod:`.word`).

Calls go one way, down that list; nothing below calls back up.

Exports :func:`lookup`, :func:`sentence_readings` and :func:`sentence_readings_with`.
"""

from .engine import sentence_readings, sentence_readings_with
from .word import lookup

__all__ = ["lookup", "sentence_readings", "sentence_readings_with"]
