"""Candidates are whole words: no aspect glue, no pieces of numbers, negated words or names;
transparent phrases give their words; the article itself confirms words the dictionary lacks."""

from __future__ import annotations

from flashgen.options import Options
from flashgen.types import SentencePair
from flashgen.vocab.candidates import Candidate, collect
from flashgen.vocab.scoring import features
from flashgen.vocab.segmentation import segment
from flashgen.vocab.selection import pick_terms


def pairs_of(rows: list[tuple[str, str]]) -> list[SentencePair]:
    return [SentencePair(zh, en, (i,), (i,), 1.0) for i, (zh, en) in enumerate(rows)]


def texts(rows: list[tuple[str, str]]) -> set[str]:
    return {c.text for c in collect(pairs_of(rows))}


def test_aspect_particles_come_off_the_verb() -> None:
    assert "洋溢" in [t.text for t in segment("处处洋溢着温馨的气息")]
    assert "绕过" in [t.text for t in segment("他们绕过了防火墙")]  # a dictionary word stays whole


def test_grammar_inside_a_phrase_jieba_lists_gives_the_words() -> None:
    assert [t.text for t in segment("问题变得复杂")][-1] == "复杂"  # jieba: 变得复杂
    assert "议论" in [t.text for t in segment("大家纷纷议论着")]  # jieba: 纷纷议论
    assert "避免" in [t.text for t in segment("冲突难以避免")]  # jieba: 难以避免


def test_a_one_character_adjective_comes_off_the_noun() -> None:
    words = [t.text for t in segment("新品种亩产更高")]
    assert words[:2] == ["新", "品种"]  # jieba: 新品种; the lexicon alone would cut 新品 / 种
    assert "主教练" in [t.text for t in segment("球队主教练表示")]  # 主 is no adjective


def test_pieces_of_numbers_negated_words_and_names_are_not_candidates() -> None:
    found = texts(
        [
            ("他在31年前来到这里。", "He came here 31 years ago."),
            ("这一现象并不寻常。", "Such an event is unusual."),
            ("研究员李明说。", "said the researcher Li Ming."),
            ("对华信控股集团旗下的银行罚款。", "The bank owned by Huaxin Holdings Group was fined."),
        ]
    )
    assert not found & {"年前", "寻常", "明说", "控股集团"}


def test_a_common_word_the_english_confirms_is_no_name() -> None:
    """jieba tags 苗圃 "plant nursery" as a person's name (CC-CEDICT lists an actress too)."""
    rows = [("科研团队建立了珊瑚苗圃。", "A research team has set up coral nurseries.")]
    assert not next(c for c in collect(pairs_of(rows)) if c.text == "苗圃").is_name
    rows = [("苗圃出演了这部电影。", "Miao Pu starred in the film.")]
    assert next(c for c in collect(pairs_of(rows)) if c.text == "苗圃").is_name


def test_a_jieba_word_the_english_renders_in_lowercase_is_no_name() -> None:
    """jieba tags 治沙 "sand control" as a place; CC-CEDICT lacks it, the English renders its parts."""
    rows = [("近年来治沙更多采用灌木。", "In recent years sand control has relied more on shrubs.")]
    assert not next(c for c in collect(pairs_of(rows)) if c.text == "治沙").is_name
    # parts glossed by capitalised words are a name's: 黑石 "Black Rock"
    rows = [("记者在黑石采访了村民。", "In Black Rock the reporter talked to villagers.")]
    assert next(c for c in collect(pairs_of(rows)) if c.text == "黑石").is_name


def test_a_transparent_phrase_gives_its_words() -> None:
    rows = [("银行掌握的客户数据越来越多。", "Banks hold ever more customer data.")]
    found = texts(rows)
    assert "客户数据" not in found and {"客户", "数据"} <= found


#: Sentence pairs about something else: an article's other pairs, which a word's evidence is
#: weighed against.
_UNRELATED = [
    ("清晨六点，雾气还笼罩着山谷。", "At six in the morning, mist still hangs over the valley."),
    ("她培训村里的年轻人。", "She trains young people from the village."),
    ("客人们围坐在火塘边。", "Guests gather around the fire pit."),
    ("她最大的心愿是让更多人了解这片土地。", "Her wish is for more people to know this land."),
]


def test_the_article_confirms_a_word_the_dictionary_lacks() -> None:
    rows = [
        ("集团正在山脚下兴建一座度假村。", "A group is building a resort below the mountain."),
        ("度假村有度假村的客人。", "The resort will have its own guests."),
        *_UNRELATED,
    ]
    terms = {t.word.simplified: t.word for t in pick_terms(pairs_of(rows), Options())}
    assert terms["度假村"].meaning == "resort" and terms["度假村"].english == "resort"


def test_the_article_s_translation_is_found_in_a_possessive() -> None:
    """The first sentence says "resort's": its English is "resort", the possessive's ending no part of it."""
    from flashgen.vocab.evidence import surface

    assert surface("resort", "The resort's owners expect a busy winter.") == "resort"
    assert surface("resort", "The resorts\u2019 owners agree.") == "resorts"


def test_the_article_confirms_a_word_by_its_company_beyond_chance() -> None:
    """白化 in five pairs, "bleaching" in four of them: not exactly its pairs, but no chance."""
    rows = [
        ("珊瑚大面积白化。", "Mass bleaching hits the corals."),
        ("海水太热，珊瑚就会白化。", "When the sea is too hot, corals turn white."),
        ("白化不等于死亡。", "Bleaching does not mean death."),
        ("七成珊瑚出现白化。", "Seventy percent of corals showed bleaching."),
        ("潜水员记录白化情况。", "Divers record the bleaching."),
        *_UNRELATED,
        ("渔民把网具搬上岸。", "Fishermen haul their nets ashore."),
        ("码头上的海鲜价格开始上涨。", "Seafood prices at the docks started to rise."),
        ("当地政府发布了新规定。", "The local government issued new rules."),
        ("孩子们在操场上踢足球。", "Children play football in the playground."),
        ("老人每天早上去公园散步。", "The old man walks in the park every morning."),
    ]
    terms = {t.word.simplified: t.word for t in pick_terms(pairs_of(rows), Options())}
    assert terms["白化"].meaning == "bleaching"


def test_a_known_word_in_a_specialised_sense_is_new_vocabulary() -> None:
    from flashgen.vocab.evidence import in_new_sense

    assert in_new_sense("质量", "It had about 25 times the mass of the Sun.")
    assert not in_new_sense("质量", "The quality of the beans has improved.")
    assert not in_new_sense("终于", "The rain finally stopped.")


def test_the_english_confirms_a_word_with_a_one_character_part_as_a_unit() -> None:
    """主 / 教练 would be glued as "main + coach": the English's "head coach" is the meaning."""
    rows = [("赛后，主教练称赞了球员。", "After the match, the head coach praised the players.")]
    terms = {t.word.simplified: t.word for t in pick_terms(pairs_of(rows), Options())}
    assert terms["主教练"].meaning == "head coach" and terms["主教练"].english == "head coach"
    # two characters too: 芯 has no gloss "core", but CC-CEDICT writes words glossed "core" with it
    rows = [("科研团队钻取了冰芯。", "The research team drilled ice cores.")]
    terms = {t.word.simplified: t.word for t in pick_terms(pairs_of(rows), Options())}
    assert terms["冰芯"].meaning == "ice cores"
    slightly = [("汇率小幅走强。", "The exchange rate strengthened slightly.")]
    assert "走强" not in {t.word.simplified for t in pick_terms(pairs_of(slightly), Options())}


def test_after_a_known_modifier_the_head_is_the_word_to_learn() -> None:
    found = texts([("一名银行职员泄露了客户信息。", "A bank staff member leaked customer information.")])
    assert "银行职员" not in found and "职员" in found


def test_a_morpheme_gives_the_english_when_no_gloss_of_the_word_does() -> None:
    from flashgen.vocab.last_resort import morpheme_equivalent

    zh = "相比之下，县城几家老牌星级酒店的客房常常空置。"
    en = "By contrast, rooms at several long-established star-rated hotels in town often sit empty."
    assert morpheme_equivalent("空置", zh, en) == "empty"
    # 产 "to give birth" is no one-word gloss: "give" is not 产量's English; "yield" is written
    # with 产 and 量 (产出, 产量 …), so it is
    zh, en = "产量稍低但收成更稳。", "The crops yield less but give a surer harvest."
    assert morpheme_equivalent("产量", zh, en) == "yield"


def test_a_longer_dictionary_word_holding_the_word_lends_its_english() -> None:
    """CC-CEDICT has 漏洞's newer sense only in 零日漏洞 "zero-day vulnerability"; an idiom's gloss
    tells the whole (桴鼓相应), and a name's spells it: neither lends a word."""
    from flashgen.vocab.last_resort import longer_word_equivalent

    zh, en = "研究人员发现了这款软件的一个漏洞。", "Researchers found a vulnerability in the software."
    assert longer_word_equivalent("漏洞", zh, en) == "vulnerability"
    zh, en = "参与的用户可获得相应补贴。", "Users who take part receive subsidies."
    assert longer_word_equivalent("相应", zh, en) == ""
    # 监管体制 "regulatory system": the rest is 体制 "system" (not 制 "to regulate"); a composed
    # word (监管机构, CC-CEDICT lacks it) takes what its parts' longer words say
    zh, en = "监管机构周四发布声明。", "The regulator issued a statement on Thursday."
    assert longer_word_equivalent("监管机构", zh, en) == "regulator"


def test_an_english_word_another_chinese_word_explains_is_not_the_equivalent() -> None:
    from flashgen.vocab.explained import translates_another_word

    zh = "央行加息以遏制通胀"  # "Central bank raises interest rates to curb inflation"
    assert translates_another_word("遏制", zh, "raises")  # 加息 "to raise interest rates"
    assert not translates_another_word("遏制", zh, "curb")
    # a comparative whose plain adjective another word explains: 老人 "old people" has "older"
    zh = "每逢周末，还有志愿者为老人讲解如何使用智能手机。"
    assert translates_another_word("讲解", zh, "older")  # "volunteers also show older people how …"


def test_a_classifier_s_description_or_a_literary_sense_claims_no_english_word() -> None:
    """季 "classifier for seasonal crop yields" counts crops, it does not translate "yields"; 将
    "(literary) to lead" is "will" in an everyday sentence, not "leading"."""
    from flashgen.vocab.explained import others_english
    from flashgen.vocab.last_resort import morpheme_equivalent

    zh, en = "今年春季小麦产量下降。", "Wheat yields fell this spring."
    assert "yield" not in others_english("产量", zh)
    assert morpheme_equivalent("产量", zh, en) == "yields"
    zh = "几家头部企业将在下月公布新价格。"  # "Several leading firms will announce new prices next month."
    assert "lead" not in others_english("头部", zh)
    assert "announ" in others_english("头部", zh)  # 公布 "to announce": an everyday sense still claims


def test_a_character_of_several_readings_claims_the_english_of_the_one_it_is_read_in() -> None:
    """还 hái "still; also" is not huán "to pay back": it leaves "paid" to 发放."""
    from flashgen.lexicon.reading import senses_heard
    from flashgen.lexicon.word import lookup
    from flashgen.vocab.explained import others_english
    from flashgen.vocab.selection import with_own_english

    zh = "补贴每月按时发放，村里还组织了培训。"
    en = "The subsidies are paid on time every month, and the village also organised training."
    assert "pay" not in others_english("发放", zh)
    card = with_own_english(lookup("发放", zh, en), SentencePair(zh, en, (0,), (0,), 1.0))
    assert card.english == "paid"
    assert "to pay back" in (senses_heard("还", "他按时把钱还给了银行。", 5) or ())
    assert senses_heard("钱", "他按时把钱还给了银行。", 4) is None  # one reading: all its senses


def test_the_english_of_a_longer_word_holding_this_one_is_that_words() -> None:
    from flashgen.vocab.explained import others_english
    from flashgen.vocab.last_resort import morpheme_equivalent

    zh = "图书管理员陈梅把阅览室变成了学习的地方。"
    en = "The librarian, Mei Chen, turned the reading room into a place to learn."
    assert "librar" in others_english("图书", zh)  # 图书管理员 "librarian"
    assert morpheme_equivalent("图书", zh, en) == ""
    assert morpheme_equivalent("管理员", zh, en) == ""


def test_an_everyday_word_the_hsk_leaves_out_is_as_easy_as_its_parts() -> None:
    from flashgen.vocab.scoring import difficulty_level

    assert difficulty_level("变得") == 3  # 变 2 + 得 2: not "unlisted", a hard word
    assert difficulty_level("民宿") is None  # a rarer word the HSK lacks stays unlisted


def test_an_empty_equivalent_is_the_english_word_written_with_the_word_s_characters() -> None:
    from flashgen.vocab.last_resort import morpheme_equivalent

    zh = "李婷在最后两公里完成反超。"
    en = "Li Ting overtook the leader in the final two kilometres."
    assert morpheme_equivalent("反超", zh, en) == "overtook"  # 超车, 赶超 "to overtake"
    zh = "气象部门预测，本月下旬华北有望迎来降雨。"
    en = "The weather service says the north may see rain in the last ten days of the month."
    assert morpheme_equivalent("有望", zh, en) == ""  # 有 is in too many words to tell


def test_a_three_letter_word_and_a_wordnet_synonym_beat_a_shared_character() -> None:
    """A fallback reads three-letter words (顶级 "top": 顶 "top"); the characters step does not,
    and gives way to a WordNet synonym of a gloss: 复 is in 复审 "review" as in 修复 "to repair",
    whose synonym "fix" is the word's English.  A regression bar written knowing the failure."""
    from flashgen.vocab.last_resort import morpheme_equivalent

    zh, en = "这家公司推出了两款顶级手机。", "The company launched two top phones."
    assert morpheme_equivalent("顶级", zh, en) == "top"
    zh, en = "工程师先审查代码，再修复漏洞。", "The engineers review the code first, then fix the flaw."
    assert morpheme_equivalent("修复", zh, en) == "fix"


def test_a_morpheme_equivalent_stands_near_the_word_in_its_sentence() -> None:
    """A word a morpheme glosses at the other end of the sentence translates something else."""
    from flashgen.vocab.last_resort import morpheme_equivalent

    zh = "超时的骑手会被平台扣钱，这种事一个月发生好几次。"
    en = "Riders who are late have pay docked by the platform, which happens several times a month."
    assert morpheme_equivalent("超时", zh, en) == ""  # 时 "times", but of 好几次


def test_irregular_plurals_and_comparatives_meet_their_glosses() -> None:
    from flashgen.lexicon.equivalent import english_span

    # 叶片 "blade (of propellor); vane; leaf": the noun's irregular plural, the verb "leaves" still "leave"
    assert english_span(["leaf"], "Its leaves stand more upright.").text == "leaves"
    assert english_span(["to leave"], "She leaves the town.").text == "leaves"
    assert english_span(["bacterium"], "Drug-resistant bacteria spread.").text == "bacteria"
    # 新高 "new high": a plain adjective's comparative and superlative are the adjective
    assert english_span(["new high"], "The yield reached its highest level.").text == "highest"
    assert english_span(["deep"], "Roots draw water from deeper soil.").text == "deeper"
    assert english_span(["easy"], "It became easier to book.").text == "easier"
    assert english_span(["summer"], "A farmer tends the fields.").text == ""  # "farmer" is no comparative


def test_an_irregular_plural_confirms_its_sense() -> None:
    from flashgen.lexicon import lookup

    word = lookup("叶片", zh_context="它的叶片更挺直。", en_context="Its leaves stand more upright.")
    assert word.meaning.startswith("leaf")  # not "blade (of propellor)", CC-CEDICT's first
    assert word.english == "leaves"


def test_words_inside_a_phrase_used_once_are_candidates_below_the_phrase() -> None:
    rows = [
        ("部分信息落入电信诈骗团伙手中。", "Some information fell into the hands of telecom fraud gangs."),
        ("他呼吁提高赔偿标准。", "He called for higher compensation."),
        ("这道菜保留了原汁原味。", "The dish keeps its original flavour."),
    ]
    found = {c.text: c for c in collect(pairs_of(rows))}
    assert found["诈骗"].inner and found["赔偿"].inner
    assert not found["电信诈骗"].inner
    assert "原汁" not in found  # a CC-CEDICT word jieba keeps whole is one word
    idiom_and_time = [("上个世纪，雨水管道不堪重负。", "In the last century the drains were overwhelmed.")]
    assert not {"上个", "不堪", "重负"} & texts(idiom_and_time)
    terms = pick_terms(pairs_of(rows), Options())
    picked = [t.word.simplified for t in terms]
    assert picked.index("电信诈骗") < picked.index("诈骗")
    assert "inside a longer term" in terms[picked.index("诈骗")].reasons


def test_a_dictionary_phrase_the_english_renders_word_by_word_gives_its_words() -> None:
    """CC-CEDICT lists transparent phrases (预警系统 "early warning system"); where the English
    renders the two words one by one, in order, they are candidates of their own.  Where it
    renders the whole otherwise, the listed word stays one word (原汁原味 above)."""
    rows = [("山谷里的村庄安装了预警系统。", "The villages in the valley have installed warning systems.")]
    found = {c.text: c for c in collect(pairs_of(rows))}
    assert found["预警"].inner and found["预警系统"].count == 1
    assert "预警" not in texts(
        [("山谷里的村庄安装了预警系统。", "The villages in the valley are safer now.")]
    )
    # a set phrase stays one word however literal the English (jieba's 别无选择/l, 有所不同 "(idiom)")
    assert not {"别无", "有所"} & texts(
        [
            ("我们别无选择。", "We had no other choice."),
            ("两种方法有所不同。", "The two differ to some extent."),
        ]
    )


def test_a_repeated_phrase_is_the_term_not_its_words() -> None:
    rows = [("出口管制影响芯片贸易。", "Export controls affect the chip trade.")] * 2
    assert "管制" not in texts(rows)


def test_a_time_word_weighs_less_unless_the_dictionary_makes_it_a_verb() -> None:
    def time(word: str) -> float:
        return features(Candidate(word, "t", 0, False, False, [0]), False)["time"]

    assert time("近年来") == 1.0
    assert time("中暑") == 0.0  # "to suffer heatstroke": jieba's tag is wrong


def test_a_morpheme_meets_a_prefixed_irregular_participle_through_its_lemma() -> None:
    from flashgen.vocab.last_resort import morpheme_equivalent

    zh, en = "教科书中的这一章节或许需要改写。", "This chapter of the textbooks may need to be rewritten."
    assert morpheme_equivalent("改写", zh, en) == "rewritten"  # 写 "to write": rewrite


def test_a_hyphenated_english_compound_translates_when_nothing_else_does() -> None:
    """ "laid-off" holds 下岗's gloss "laid off", "start-up" 初创公司's "startup"; "high-powered"
    does not translate 功率 "power": every word of the compound must be in the glosses."""
    from flashgen.vocab.segmentation import English, translated_in

    laid_off = English.of("Laid-off workers learn new skills.")
    assert not translated_in("下岗", laid_off) and translated_in("下岗", laid_off, apart=True)
    assert translated_in("初创公司", English.of("A start-up in Hangzhou."), apart=True)
    assert not translated_in("功率", English.of("They use high-powered fans."), apart=True)
    rows = [
        ("政府鼓励下岗工人学习电商运营。", "The government encourages laid-off workers to learn e-commerce.")
    ]
    assert (
        "in English"
        in next(t for t in pick_terms(pairs_of(rows), Options()) if t.word.simplified == "下岗").reasons
    )


def test_a_repeated_phrase_gives_the_word_its_english_renders_alone() -> None:
    """用电负荷 ×2 is "the load on the grid" and "peak load": 负荷 is the word; 出口管制 ×2
    "export controls" renders the phrase word by word, so it gives no 管制."""
    rows = [
        ("电网用电负荷刷新纪录。", "The load on the power grid set a record."),
        ("最高用电负荷突破八千万千瓦。", "The peak load exceeded 80 million kilowatts."),
    ]
    found = {c.text: c for c in collect(pairs_of(rows))}
    assert found["负荷"].inner and found["负荷"].count == 2
    assert "管制" not in texts([("出口管制影响芯片贸易。", "Export controls affect the chip trade.")] * 2)
