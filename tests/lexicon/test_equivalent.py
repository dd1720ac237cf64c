"""The English equivalent: a gloss rendered, never an antonym or a piece of a name, synonyms last."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from flashgen import lookup
from flashgen.lexicon import equivalent
from flashgen.lexicon.english_forms import sentence_lemma
from flashgen.lexicon.english_lemmas import content_lemmas, english_lemma, man_singular
from flashgen.lexicon.equivalent import english_span
from flashgen.lexicon.sense_order import rank_senses
from flashgen.lexicon.synonyms import synonyms


def test_an_antonym_is_no_equivalent() -> None:
    word = lookup("寻常", "这一现象并不寻常。", "Such an event is unusual.")
    assert word.english == ""


def test_a_piece_of_a_name_is_no_equivalent_but_its_head_may_be() -> None:
    assert english_span(["new"], "He moved to New York last year.").text == ""
    assert english_span(["telescope"], "Data from the Hubble Space Telescope.").text == "Telescope"


def test_a_stray_word_of_a_long_gloss_is_no_equivalent() -> None:
    assert english_span(["to see at first hand", "to witness"], "The first results came in.").text == ""


def test_synonyms_listed_by_the_dictionary_fill_the_gap() -> None:
    assert "warm" in synonyms("cozy")
    assert lookup("温馨", "房间处处洋溢着温馨的气息。", "Every corner brims with a cozy warmth.").english
    assert lookup("简朴", "房间陈设简朴。", "The furnishings are spartan.").english == "spartan"


def test_another_derivation_of_the_root_matches() -> None:
    assert english_span(["density"], "It becomes so dense that light cannot escape.").text == "dense"
    # a Latin stem change undone: invade / invasive, reclaim / reclamation, emit / emission
    assert english_span(["to invade"], "Staff clear the invasive cordgrass.").text == "invasive"
    assert (
        english_span(["to reclaim land"], "Land reclamation shrank the mudflats.").text == "Land reclamation"
    )
    assert english_span(["to emit"], "Emissions rose again.").text == "Emissions"


def test_marked_senses_come_first_only_on_an_exact_match() -> None:
    senses = ["(old) butler", "housekeeper"]
    assert rank_senses(senses, {"butler", "house"})[0] == "(old) butler"
    assert rank_senses(senses, {"old", "man"})[0] == "housekeeper"


def test_a_wordnet_synonym_breaks_a_tie_among_confirmed_senses() -> None:
    """ "attraction" matches the stem of "attractive force" as well as of "attractiveness"; WordNet
    lists "attractiveness" as its synonym, so 吸引力 leads with the sense the article uses."""
    senses = ["attractive force (such as gravitation)", "sex appeal", "attractiveness"]
    assert rank_senses(senses, {"town", "attraction", "charm"})[0] == "attractiveness"
    # no English: the dictionary's order
    assert rank_senses(senses, set())[0] == senses[0]


def test_no_sense_is_shown_twice() -> None:
    """Issue 11: variant entries (個/箇, 說/説, 喫) and bound-form glosses repeat senses."""
    for word in ["个", "这", "说", "为", "吃"]:
        glosses = [" ".join(g.split(")")[-1].split()) or g for g in lookup(word).meaning.split("; ")]
        assert len(glosses) == len(set(glosses)), (word, glosses)
    assert rank_senses(["to eat", "(bound form) to eat; to absorb"], set()) == ["to eat", "to absorb"]


def test_a_composed_word_is_not_cut_into_a_lone_guessed_character() -> None:
    """监 + 管 + 机构 would read "jail + control + mechanism": 监管 + 机构 is two words."""
    en = "In its statement the regulator said the controls were deficient."
    word = lookup("监管机构", "监管机构在声明中说。", en)
    assert "jail" not in word.meaning and word.meaning.startswith(("oversee", "supervis"))


def test_a_participle_matches_the_gloss_it_is_as_well_as_its_verb() -> None:
    """The sentence word "hidden" meets the gloss "hidden" (隐患 "hidden damage"), not only "hide"."""
    en = "But the rapid spread has also brought hidden dangers."
    assert english_span(["hidden damage", "a danger concealed within sth"], en).text == "hidden dangers"


def test_british_spellings_meet_the_american_glosses() -> None:
    from flashgen.lexicon.english_lemmas import american

    assert [american(w) for w in ["theatre", "recognised", "defences", "travelled"]] == [
        "theater",
        "recognized",
        "defenses",
        "traveled",
    ]
    assert [american(w) for w in ["promise", "science", "filled", "hour"]] == [
        "promise",
        "science",
        "filled",
        "hour",
    ]
    en = "The home side equalised in the sixtieth minute."
    assert english_span(["to equalize; to level the score"], en).text == "equalised"


def test_a_silent_e_taken_off_by_ing_is_put_back() -> None:
    assert english_lemma("making") == "make" and english_lemma("raising") == "raise"
    assert english_lemma("planned") == "plann" and english_lemma("united") == "unit"
    word = lookup("编造", zh_context="他编造事实。", en_context="He is making up facts.")
    assert word.meaning.startswith("to make up") and word.english == "making up"


def test_a_phrasal_verb_keeps_its_particle() -> None:
    assert (
        english_span(["to run out", "to have exhausted"], "The water had run out by noon.").text == "run out"
    )
    assert english_span(["to run"], "The water had run out by noon.").text == "run"
    assert english_span(["to pass on (blame etc)"], "They may pass on the costs.").text == "pass on"


def test_a_small_word_that_begins_the_gloss_is_in_the_span() -> None:
    """A stopword never matches on its own, so "no longer" lost its "no" (不再 "longer")."""
    assert english_span(["no longer", "no more"], "He no longer goes there.").text == "no longer"
    assert english_span(["at the scene", "on the spot"], "Some fainted on the spot.").text == "on the spot"
    assert english_span(["to go out of control"], "Prices ran out of control.").text == "out of control"
    assert english_span(["to violate the rules"], "They broke the rules.").text == "rules"  # no article
    assert english_span(["to add"], "They want to add labels.").text == "add"  # no infinitive "to"


def test_one_word_of_a_two_word_gloss_takes_the_synonym_of_the_other_beside_it() -> None:
    """医疗费 "medical expenses": "medical costs", not "medical" alone; the modifier alone stays
    the English where nothing beside it renders the head (太阳能 "solar energy": "solar")."""
    sentence = "He is seeking compensation for medical costs and lost wages."
    assert english_span(["medical expenses"], sentence).text == "medical costs"
    assert english_span(["solar energy"], "Rooftop solar capacity grew fast.").text == "solar"
    assert english_span(["to stop production"], "Plants had to halt production.").text == "halt production"


def test_english_compounds_written_apart_or_closed_meet_the_gloss() -> None:
    """海堤 "seawall" beside "sea wall"; 伪造 "to fake" beside "deepfake" (deep + fake)."""
    assert english_span(["levee", "dyke", "seawall"], "They walk on the sea wall.").text == "sea wall"
    assert english_span(["to forge", "to fake"], "It prevents deepfake content.").text == "deepfake"
    assert english_span(["seawall"], "The sea is calm.").text == ""


def test_a_compound_written_with_or_without_a_hyphen_meets_the_gloss() -> None:
    """权宜之计 "stop-gap measure" beside "stopgap": the sense the English confirms comes first,
    not "interim step" on a synonym ("pace" of "step"), and either spelling is the equivalent."""
    english = content_lemmas("Critics say the plan is only a stopgap that cannot keep pace.")
    assert rank_senses(["interim step", "stop-gap measure"], english)[0] == "stop-gap measure"
    assert english_span(["stop-gap measure"], "It is only a stopgap.").text == "stopgap"
    assert english_span(["stopgap"], "It is only a stop-gap.").text == "stop-gap"


def test_a_compound_in_men_meets_its_singular_gloss() -> None:
    """渔民 "fisherman" beside "fishermen", before "fisher folk", which "fishermen" only holds."""
    english = content_lemmas("The fishermen mended their nets on the quay.")
    assert rank_senses(["fisher folk", "fisherman"], english)[0] == "fisherman"
    assert man_singular("herdsmen") == "herdsman"
    # not a plural at all, and CC-CEDICT has no "speciman", "abdoman"
    assert man_singular("specimen") == man_singular("abdomen") == man_singular("men") == ""


def test_a_verb_whose_ending_took_a_silent_e_meets_its_synonyms() -> None:
    """The light stemmer reads "reduced" as "reduc"; its synonyms are reduce's (减弱 "to diminish")."""
    sentence = "Brain scans showed markedly reduced activity in one region."
    assert english_span(["to weaken", "to diminish"], sentence, word="减弱").text == "reduced"


def test_irregular_past_forms_meet_their_verb() -> None:
    assert english_span(["to view as", "to see as"], "The ruling was seen as a landmark.").text == "seen"
    assert english_span(["to go smoothly"], "Everything went smoothly.").text == "went smoothly"
    assert english_span(["to withstand"], "The sea wall withstood the storm.").text == "withstood"


_PHRASE_TEXT = st.text(alphabet="ab _(-é1'", max_size=24)


@given(_PHRASE_TEXT, st.text(alphabet="ab _(-é1'", min_size=1, max_size=6))
def test_a_leading_phrase_is_found_where_the_pattern_finds_it(text: str, phrase: str) -> None:
    """``_leads_a_phrase`` does without a compiled pattern per phrase what the pattern does."""
    pattern = re.compile(rf"(?:^|[ (]){re.escape(phrase)}\b")
    assert equivalent._leads_a_phrase(text, phrase) == (pattern.search(text) is not None)


@given(st.text(max_size=1))
def test_a_word_character_is_what_the_pattern_calls_one(char: str) -> None:
    """Any character (not only those of the texts above) is a word character as ``\\w`` says."""
    assert equivalent._is_word_char(char) == (re.fullmatch(r"\w", char) is not None)


def test_a_name_s_words_that_render_a_whole_phrase_gloss_are_the_equivalent() -> None:
    """One shared word of a name is a coincidence ("New" of "New York"); every word of a gloss
    of two words or more is the term translated inside the name."""
    en = "The Ministry of Human Resources and Social Security issued new rules."
    assert english_span(["human resources"], en).text == "Human Resources"
    assert english_span(["new"], "He moved to New York last year.").text == ""


def test_an_adverb_renders_only_its_own_adjective() -> None:
    # 生效 "to take effect": "effectively" is made from "effective", and says "in effect"
    assert english_span(["to take effect"], "The letter effectively ended the deal.").text == ""
    assert english_span(["voluntary"], "Users voluntarily cut their use.").text == "voluntarily"
    assert english_span(["brief"], "The star flared briefly.").text == "briefly"


def test_a_synonym_far_from_the_word_s_place_is_not_its_equivalent() -> None:
    """A synonym is weak evidence: at the other end of the sentence it translates a word there."""
    en = "Zhang farms on a large scale, and he did the sums: the new seed may not pay off this year."
    senses = ["to weigh (pros and cons)", "value for money"]
    assert english_span(senses, en, word="划算").text == "scale"  # no place known: taken
    assert english_span(senses, en, word="划算", places=(0.95,)).text == ""


def test_a_frequency_adverb_beside_a_composed_word_is_not_its_part() -> None:
    # 很少 says "rarely", outside 主动攻击: the word is not "rarely attack"
    word = lookup(
        "主动攻击",
        "江豚性情温顺，很少主动攻击人类。",
        "Finless porpoises are gentle and rarely attack humans.",
    )
    assert "rarely" not in word.meaning and "rarely" not in word.english


def test_a_possessive_meets_its_gloss() -> None:
    assert english_span(["region", "area"], "Reclamation shrank the area's mudflats.").text == "area's"


def test_of_spans_that_score_alike_the_fuller_then_the_nearer_wins() -> None:
    en = "Farmers say the households left have too little water to pump."
    assert english_span(["farmer household", "farmer"], en).text == "Farmers"
    assert (
        english_span(["to inform"], "Information was used without users being informed.", places=(0.9,)).text
        == "informed"
    )


@given(
    st.text(alphabet="监管的体制", min_size=1, max_size=20),
    st.text(alphabet="监管的", min_size=1, max_size=3),
)
def test_a_words_places_are_those_of_its_non_overlapping_matches(zh: str, word: str) -> None:
    """``places_in`` finds each occurrence as ``re.finditer`` does, without a pattern per word."""
    expected = tuple((m.start() + len(word) / 2) / len(zh) for m in re.finditer(re.escape(word), zh))
    assert equivalent.places_in(word, zh) == expected


def test_a_word_in_eed_keeps_its_stem() -> None:
    # the light stemmer took "breed" for a past tense ("bre"), so 培育 "to breed" never met "bred"
    for forms, base in (
        (("breed", "bred", "breeding", "breeds"), "breed"),
        (("exceed", "exceeded", "exceeds"), "exceed"),
        (("agree", "agreed"), "agree"),
        (("guarantee", "guaranteed"), "guarantee"),
    ):
        assert {sentence_lemma(w) for w in forms} == {base}
    assert english_span(["to breed"], "Scientists bred heat-tolerant corals.").text == "bred"
    assert english_span(["to exceed"], "Demand exceeded supply.").text == "exceeded"
    assert "surpass" in synonyms("exceed")


def test_a_hyphenated_word_renders_a_phrase_gloss() -> None:
    en = "Large-scale lay-offs have brought new problems."
    assert lookup("裁员", "大规模裁员带来了新的问题。", en).english == "lay-offs"
    en = "The government encourages laid-off workers to learn new skills."
    assert lookup("下岗", "政府鼓励下岗工人学习新技能。", en).english == "laid-off"
    # every content word of it must be a gloss word: "heat-tolerant" is not 耐热 "heat resistant"
    assert english_span(["heat resistant"], "They breed heat-tolerant strains.").text == ""
    # a composed word whose parts a hyphenated word and the next word render takes them as its meaning
    en = "Travellers turn their backs on star-rated hotels."
    assert lookup("星级酒店", "游客为何放弃星级酒店", en).meaning == "star-rated hotels"


def test_a_hyphenated_word_confirms_the_sense_it_renders() -> None:
    meaning = lookup(
        "裁员", "大规模裁员带来了新的问题。", "Large-scale lay-offs have brought new problems."
    ).meaning
    assert meaning.startswith("to lay off employees")


def test_one_english_word_does_not_render_two_parts_of_a_composed_word() -> None:
    # 水土 "water and soil" and 流失 "(of soil etc) to wash away" both name soil: "soil" renders one
    # part, and the word after it, which no other word of the sentence explains, the other
    zh, en = (
        "沿线生态脆弱，必须恢复植被，防止水土流失。",
        "The builders must restore vegetation to prevent soil erosion.",
    )
    word = lookup("水土流失", zh, en)
    assert (word.meaning, word.english) == ("soil erosion", "soil erosion")
    # no such neighbour: the parts' own meanings, shown as parts
    assert " + " in lookup("水土流失", zh, "The builders must prevent the loss of soil.").meaning


def test_a_prefixed_irregular_past_meets_its_verb() -> None:
    en = "Before moving he resold the appliances he no longer used."
    assert lookup("转卖", "他搬家前把用不上的电器统统转卖。", en).english == "resold"
    assert sentence_lemma("outgrew") == "outgrow"
    # un- makes an adjective of its own: "unsold" is not a form of a verb "unsell"
    assert sentence_lemma("unsold") == "unsold"


def test_a_word_the_gloss_negates_is_no_equivalent() -> None:
    en = "Such lenses must be fitted at a proper hospital, and poor care can lead to infection."
    assert english_span(["unsuitable", "improper", "inappropriate"], en).text == ""


def test_a_word_derived_from_a_modifiers_gloss_does_not_render_the_head() -> None:
    # "teachers" derives from 教育 "to teach"; 教育局 is the bureau, so its parts are shown as parts
    zh = "去年起，县教育局在三十所学校推行网络课堂，让城里的名师通过直播为山区学生授课。"
    en = (
        "Since last year the county education bureau has rolled out online classrooms in thirty "
        "schools, letting leading teachers in the city teach mountain students through live streams."
    )
    assert lookup("教育局", zh, en).meaning != "teachers"
    # holding the modifier's gloss inside, as a compound does, it still renders the word
    zh, en = "强制执行函已经发出。", "The enforcement notice has been sent."
    assert lookup("强制执行", zh, en).english == "enforcement"


def test_a_part_rendered_far_from_the_word_renders_another_word() -> None:
    # "fish" of "juvenile fish" is 幼鱼's, at the sentence's end; 休渔 stands at its start
    zh = "休渔期正好是许多鱼类产卵和幼鱼生长的关键时期。"
    en = "The moratorium falls in the very period when many species spawn and juvenile fish grow."
    word = lookup("休渔", zh, en)
    assert (" + " in word.meaning, word.english) == (True, "")
