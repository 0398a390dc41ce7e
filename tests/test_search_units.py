"""Unit tests of the search pieces: normalisation, segmentation, pinyin, synonyms, crisis
rules, abstention on plainly off-topic questions, and the language of the answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rightsbot.core.loader import default_content_dir, read_content
from rightsbot.search import SearchIndex
from rightsbot.search.crisis import is_crisis
from rightsbot.search.normalize import chinese_number, normalise
from rightsbot.search.pinyin import fuzz_syllable, split_pinyin
from rightsbot.search.segment import Segmenter
from rightsbot.search.synonyms import SynonymMap, read_synonyms
from rightsbot.search.tokenize import bigrams, english_words, looks_like_pinyin

CONTENT = default_content_dir()


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    kb, problems = read_content(CONTENT)
    assert kb is not None and not problems
    return SearchIndex(kb)


# -- normalisation ------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("上訪要去哪裡登記", "上访要去哪里登记"),
    ("ＡＢＣ  Def", "abc def"),
    ("退1赔3", "退一赔三"),
    ("60天内", "六十天内"),
    ("买到过期的零食能赔拾倍不", "买到过期的零食能赔十倍不"),
    ("500元", "五百元"),
    ("打110报警", "打110报警"),
    ("12315投诉", "12315投诉"),
    ("n+1和2n", "n+1和2n"),
    ("  spaced \t out \n", "spaced out"),
])
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    # written Cantonese read as Mandarin
    ("我喺廣州返工，老細成兩個月冇出糧", "我在广州上班,老板成两个月没有发工资"),
    ("佢而家揸住刀喺門口", "他现在拿着刀在门口"),
    ("可唔可以搵律師", "可不可以找律师"),
    # 著 is 着 in traditional text, but not in the 著名 words
    ("拿著", "拿着"), ("屋企著火", "家着火"), ("著名作家", "著名作家"), ("显著", "显著"),
    # Mandarin words that look Cantonese are left alone
    ("劳动仲裁委", "劳动仲裁委"), ("劳动仲才", "劳动仲才"), ("就系统而言", "就系统而言"), ("而家里人不同意", "而家里人不同意"),
])
def test_cantonese_and_traditional(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (0, 7, 10, 15, 20, 60, 105, 120)] == [
        "〇", "七", "十", "十五", "二十", "六十", "一百零五", "一百二十"]


# -- segmentation and channels -----------------------------------------------------

def test_segmenter_uses_dictionary_and_domain_words() -> None:
    plain = Segmenter()
    assert plain.cut("老板欠我三个月工资不给") == ("老板", "欠", "我", "三个", "月", "工资", "不", "给")
    taught = Segmenter({"劳动仲裁": 2000})
    assert "劳动仲裁" in taught.cut("去劳动仲裁")
    assert "仲裁" in taught.cut_for_search("劳动仲裁")


def test_channels() -> None:
    assert bigrams("工资拖欠") == ["工资", "资拖", "拖欠"]
    assert bigrams("欠") == ["欠"]
    assert english_words("My boss hasn't paid the wages") == english_words("boss paid wage") == ["boss", "paid", "wag"]


# -- pinyin ----------------------------------------------------------------------------

def test_fuzzy_syllables() -> None:
    assert fuzz_syllable("zhong") == "zon"
    assert fuzz_syllable("shang") == "san"
    assert fuzz_syllable("gong") == "gon"
    assert split_pinyin("tuoqian") == ["tuo", "qian"]
    assert split_pinyin("hello") is None
    assert looks_like_pinyin("laoban bu gei gongzi")
    assert not looks_like_pinyin("my boss did not pay me")


@pytest.mark.parametrize("typed, expected", [
    ("laoban bu gei gongzi zenmeban", "老板不给工资怎么办"),
    ("xinfang dafu bu manyi", "信访答复不满意"),
    ("guojia peichang shenqing qixian", "国家赔偿申请期限"),
    ("minggaoguan", "民告官"),
    ("tiaojie", "调解"),
])
def test_pinyin_read_back_into_chinese(index: SearchIndex, typed: str, expected: str) -> None:
    assert index.read_pinyin(typed) == expected


def test_pinyin_with_punctuation_against_words(index: SearchIndex) -> None:
    assert index.read_pinyin("laoban qian gongzi, zenme ban?") == "老板欠工资,怎么办?"


@pytest.mark.parametrize("typed, expected", [
    ("got fakuan 45 days ago, too late for fuyi?", "got 罚款 45 days ago, too late for 复议?"),
    ("my employer doesn't pay shebao", "my employer doesn't pay 社保"),
    ("does this count as gongshang", "does this count as 工伤"),
    # English words that also read as pinyin stay English; so do words the knowledge base uses
    ("women and children in china", "women and children in china"),
    ("the guide says to change the date", "the guide says to change the date"),
])
def test_pinyin_words_inside_english_read_as_the_knowledge_bases_words(index: SearchIndex, typed: str,
                                                                      expected: str) -> None:
    assert index.read_pinyin(typed) == expected


def test_english_with_pinyin_terms_is_answered_in_english(index: SearchIndex) -> None:
    result = index.search("My employer doesn't pay shebao for me. Where do I report?")
    assert result.lang == "en" and result.best == "labor.social-insurance"


def test_homophone_typos_repaired(index: SearchIndex) -> None:
    assert index.fix_typos("劳动仲材") == "劳动仲裁"
    assert index.fix_typos("行政复仪") == "行政复议"
    assert index.fix_typos("信访局不给登计") == "信访局不给登记"
    assert index.fix_typos("复议要交费吗") == "复议要交费吗"  # correct text untouched
    # a typo that makes another real word, repaired by the longer word around it
    assert index.fix_typos("诉讼实效过了") == "诉讼时效过了"
    assert index.fix_typos("举报以后被打击抱负") == "举报以后被打击报复"
    # correct text that sounds like a knowledge-base word is left alone
    for text in ("给住建局打电话", "卫健局不批", "公司不签合同", "以前的工资", "我们去镇政府要文件"):
        assert index.fix_typos(text) == text


# -- synonyms --------------------------------------------------------------------------

def test_synonyms_expand_both_languages() -> None:
    synonyms = SynonymMap((("讨薪", "拖欠工资"), ("上访", "信访"), ("fired", "dismissal"), ("laid off", "dismissal")))
    assert synonyms.expand("去哪里讨薪") == "去哪里讨薪 拖欠工资"
    assert synonyms.expand("i was laid off") == "i was laid off dismissal"
    assert synonyms.expand("firedog") == "firedog"  # English variants match whole words only
    assert synonyms.expand("上访和信访") == "上访和信访"  # canonical already there


def test_shipped_synonyms_are_valid() -> None:
    synonyms, problems = read_synonyms(CONTENT)
    assert problems == []
    assert len(synonyms.pairs) > 300


def _content_with_synonyms(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "content"
    (root / "search").mkdir(parents=True)
    (root / "search" / "synonyms.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("text, message", [
    ("synonyms:\n  zh:\n    信访: [上访, 上访]\n", "listed twice"),
    ("synonyms:\n  zh:\n    信访: [信访]\n", "canonical word itself"),
    ("synonyms:\n  zh:\n    信访: [petition]\n", "no Chinese"),
    ("synonyms:\n  en:\n    petition: [上访]\n", "not English"),
    ("synonyms:\n  zh:\n    信访: []\n", "at least 1"),
    ("synonyms:\n  fr:\n    a: [b]\n", "unknown field"),
    ("synonym:\n  zh: {}\n", "unknown field"),
    ("synonyms:\n  zh:\n    信访: [上访]\noutside:\n  zh: [公积金, 公积金]\n", "listed twice under outside"),
    ("synonyms:\n  zh:\n    信访: [上访]\noutside:\n  zh: [visa]\n", "wrong language"),
])
def test_synonym_problems_are_reported(tmp_path: Path, text: str, message: str) -> None:
    _, problems = read_synonyms(_content_with_synonyms(tmp_path, text))
    assert any(message in p.message for p in problems), problems
    assert all(p.line >= 1 for p in problems)


def test_validate_reports_synonym_problems(tmp_path: Path, cli) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    (root / "search" / "synonyms.yaml").write_text("synonyms:\n  zh:\n    信访: [信访]\n", encoding="utf-8")
    run = cli("validate", str(root))
    assert run.code == 1
    assert "synonyms.yaml:3:" in run.out


# -- crisis rules ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "他现在在打我", "老公正在打我，救命", "我不想活了", "真的不想再活下去了", "好想死",
    "有人拿着刀在门口", "家里着火了", "煤气泄漏了怎么办", "我儿子刚才误喝了农药",
    "有人把我孩子抢走了", "女儿被人拐走了", "孩子不见了", "我妈吃了一瓶安眠药",
    "I want to kill myself", "my husband is beating me right now", "there's a man with a knife outside my door",
    "my house is on fire", "someone grabbed my kid", "He is choking me, please help",
    "wo bu xiang huo le",
    # traditional and written Cantonese
    "佢而家揸住刀喺門口", "屋企煤氣洩漏，好大陣味", "我真係唔想活落去", "個細路誤食咗老鼠藥",
    # pinyin
    "wo xiang tiao lou", "ta na zhe dao zai men kou", "wo chi le yi ping an mian yao", "haizi bei ren bao zou le",
    "jiali zhaohuo le, kuai lai ren", "zhan zai tian tai shang xiang tiao xia qu",
    # typos and loose wording
    "他正再砸门", "我吞了一整盒安眠药", "我女儿在公园被一个陌生人抱走了", "我被他们锁在仓库里出不去", "站在天台上想跳下去",
    "活着太累了，绳子都买好了",
    # English
    "I am going to jump off the bridge tonight", "he says he will kill me if I leave the room", "my baby is not breathing",
    "I swallowed a whole bottle of sleeping pills", "I want to end it all tonight", "he was choking me and he is coming back",
    # accidents, fuel, climbing to jump, people inside a house being pulled down
    "我爸被车撞了躺在路上", "孩子掉进河里了", "工友爬上塔吊说不给工资就跳下来", "他往身上浇了汽油要点火",
    "挖掘机已经开过来了，我妈还在屋里", "我被困在电梯里好久了", "头破了一直在流血", "我想一了百了",
    "my father was hit by a car and is lying on the road", "he poured petrol on himself", "my son is drowning",
    "the excavator is pulling down the house and my grandmother is still inside",
    # means ready, farewells, bodies that do not respond, people held now (rules and model)
    "药我都准备好了，今晚就吃", "等我走了，帮我照顾好我妈", "我爸倒在地上叫不醒", "娃把百草枯喝了",
    "宿舍楼道全是烟，我们下不去", "讨债的把我锁在屋里不让出去", "I have the pills in front of me",
    "she fell off the ladder and is not moving", "there's blood all over the floor and it won't stop",
])
def test_crisis_detected(index: SearchIndex, text: str) -> None:
    result = index.search(text)
    assert result.crisis, text
    assert result.hits[0].entry_id == "safety.emergency"
    assert not result.abstained


@pytest.mark.parametrize("text", [
    "打官司要多少钱", "因为举报被打击报复了", "老公家暴怎么办", "老公经常打我，怎么申请人身安全保护令",
    "家暴能起诉离婚吗", "去年被人打了还能告吗", "被讨债公司关起来不让走，后来跑出来了，能报警吗",
    "吃了餐馆的饭食物中毒了怎么赔", "拆迁队打人砸东西", "心理援助热线是多少",
    "Can my boss fire me for being pregnant?", "I was fired last week",
    "Food poisoning from a restaurant, what can I claim?", "Please help me, my boss has not paid me",
    "My husband has hit me several times. Can a court order him to stay away from me?",
    # alarming words that are not an emergency now
    "烦得想死的心都有了，仲裁怎么还没结果", "他以前经常打我，现在已经搬出来住了，能申请保护令吗",
    "老公一喝酒就动手，现在他去外地打工了，我想先准备证据", "包工头扬言谁再讨薪就打死谁，我们还能申请仲裁吗",
    "上个月厂里着火我被烧伤，能算工伤吗", "气死我了，老板又扣工资", "蔬菜农药残留超标怎么投诉",
    "nongyao canliu chao biao zenme tousu", "zuotian mai de qihuo kui le",
    "my ex used to hit me but I am safe now, how do I get a protection order",
    "This delay is killing me, when will the arbitration award come", "I jumped at the chance to sue, was that a mistake?",
    "I took my pills this morning, can my employer ask about my illness?",
    "出车祸了对方全责，保险怎么赔", "同事上班触电了，能认定工伤吗", "爬上塔吊讨薪违法吗", "车祸责任认定不服怎么办",
    "My colleague was electrocuted at work last year, is it a work injury?",
    # hyperbole, stories, talked down, past and healed
    "想你想死了", "加班加到要死，能要加班费吗", "小说里主角被逼得跳楼，现实中讨薪走什么途径",
    "my boss will kill me if I'm late again", "工友前几天说要去跳楼讨薪，被我劝住了，总包要负责吗",
    "上个月被人推倒头上流了好多血，缝了五针，现在已经康复了，能起诉吗",
])
def test_not_crisis(text: str) -> None:
    assert not is_crisis(normalise(text)), text


# -- abstention and language ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "今天北京天气怎么样", "What's the weather like tomorrow?", "红烧肉怎么做好吃", "How do I cook dumplings?",
    "asdfgh jkl", "啊啊啊啊啊", "87654321", "42", "hello", "你好", "🙂🙂🙂", "？？？",
    "离婚的时候房子怎么分", "追尾事故谁全责", "炒股亏了三十万", "实用新型专利怎么申请", "How do I extend my tourist visa?",
    # near the domain, but matters the knowledge base does not cover
    "公积金怎么提取", "护照丢了怎么补办", "驾照扣分了怎么处理", "个税怎么退", "how do I renew my visa",
])
def test_off_topic_abstains(index: SearchIndex, text: str) -> None:
    result = index.search(text)
    assert result.abstained and not result.crisis, (text, result.hits[:1])
    assert result.best is None


WAGES = ("labor.wage-arrears", "labor.migrant-wages")


@pytest.mark.parametrize("text, expected, lang", [
    ("老板欠我三个月工资不给", WAGES, "zh"),
    ("上訪要去哪裡登記", ("petition.filing", "petition.acceptance"), "zh"),
    ("公司拖欠工姿", WAGES, "zh"),
    ("民告官有没有时间限制", ("admin-litigation.deadline",), "zh"),
    ("my boss hasn't paid me for two months", WAGES, "en"),
    ("laoban bu gei gongzi zenmeban", WAGES, "zh"),
    ("我的boss不给我发工资", WAGES, "zh"),
    ("How do I apply for 法律援助?", ("legal-aid.apply",), "en"),
])
def test_people_type_the_way_they_speak(index: SearchIndex, text: str, expected: tuple[str, ...], lang: str) -> None:
    result = index.search(text)
    assert result.best in expected, (text, result.hits[:3])
    assert result.lang == lang


def test_outside_words_do_not_block_entries_that_use_them(index: SearchIndex) -> None:
    assert "公积金" in index.synonyms.outside
    result = index.search("怎么申请法律援助")
    assert not result.abstained and result.best == "legal-aid.apply"


def test_emergency_entry_yields_to_legal_entries_when_not_a_crisis(index: SearchIndex) -> None:
    result = index.search("去年在工地被人打伤了，派出所一直不立案怎么办")
    assert not result.crisis and result.best == "criminal.police-report", result.hits[:3]


def test_hits_are_ranked_and_bounded(index: SearchIndex) -> None:
    result = index.search("复议")
    assert 1 <= len(result.hits) <= 5
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.entry_id for h in result.hits}) == len(result.hits)


def test_long_query_scores_only_its_rarest_terms() -> None:
    from collections import Counter

    from rightsbot.search.bm25 import BM25

    common = [f"w{i}" for i in range(BM25.MAX_QUERY_TERMS + 10)]
    docs = [Counter(common + ["rare"]), *(Counter(common) for _ in range(5))]
    bm25 = BM25(docs)
    scores = bm25.scores(common + ["rare"])
    assert max(scores, key=scores.__getitem__) == 0  # the rare term is kept
    assert bm25.scores(common + ["rare"]) == scores  # deterministic
