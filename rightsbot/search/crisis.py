"""Crisis detection: a question that says someone's life or safety is in danger *now*.

Such a question puts ``safety.emergency`` (110 / 120 / 119 / 12356) first, before any
legal answer. Three kinds of rule, checked on normalised text (lower case, simplified):

* **Wanting to die** (想死, 不想活了, I want to kill myself): always a crisis.
* **Danger words** (self-harm acts, violence, weapons, fire, gas, poisoning, not breathing,
  a child taken): a crisis unless the question is plainly about the past or about the law
  (去年被打, 家暴能起诉离婚吗, food poisoning — can I claim?).
* **Violence verbs** (打我, hitting me) only count with a sign that it is happening now
  (正在, 现在, 躲在, right now, please help): 老公经常打我 is a legal question,
  他现在在打我 is not.
"""

from __future__ import annotations

import re

from .pinyin import split_pinyin

_KIN = r"(?:孩子|小孩|女儿|儿子|娃|宝宝|闺女|孙子|孙女|小孙子|外孙)"
_ZH_INTENT = re.compile(
    r"(?:想|要|准备|打算|只想|好想|真想|不如|干脆)(?:去)?(?:死|自杀|轻生|寻死|跳楼|跳河|跳江|上吊|割腕|结束(?:自己|我)?的?生命)|"
    r"不想(?:再)?活|活不下去|活着(?:真|还)?没(?:意思|意义|盼头)|活够了|一死了之|死了算了|不如死了|"
    r"了结(?:自己|我自己)|写好了?遗书|撑不下去了|想不开|活着(?:太)?(?:累|痛苦)|不想活|不如去死|去死算了|"
    r"(?:站在|在|爬上)(?:楼顶|天台|桥上|窗台).{0,6}(?:跳|下去)|想跳下去|割脉|服药自尽")
_ZH_DANGER = re.compile(
    # self-harm acts, also by someone else
    r"自杀|轻生|割腕|跳楼|跳河|跳江|跳桥|上吊|烧炭|自残|"
    r"(?:吃|吞|喝|服|误食|误服|误喝|误吃)了?(?:很多|一瓶|一把|整瓶|半瓶|大量|好多)?(?:的)?"
    r"(?:安眠药|药片|农药|老鼠药|毒鼠强|百草枯|敌敌畏|毒药|洗洁精|消毒液|84)|"
    # weapons and killing
    r"(?:拿|持|提|举|掏|握)(?:着|出|了)?(?:刀|菜刀|斧头|棍子|铁棍|枪|砍刀|匕首|剪刀)|砍人|捅人|捅了|杀人|"
    r"(?:打|砍|捅|掐|弄|整)死(?:我|人|你|孩子|我们)|(?:被|让人)(?:捅|砍)(?:了|伤)|"
    r"要杀(?:了)?(?:我|我们|你|人|全家|孩子)|(?:威胁|扬言)(?:要)?杀|杀了我|"
    r"掐(?:我|住我|着我)?(?:的)?脖子|把我(?:锁|关|绑)在|(?:锁|关)在.{0,8}(?:出不去|不让(?:我)?出)|"
    r"(?:想|要)杀(?:了)?(?:他|她|他们|那个)|"
    # fire, gas, poisoning, medical
    r"着火|起火|失火|火灾|烧起来|冒烟|浓烟|放火|纵火|煤气泄漏|燃气泄漏|天然气泄漏|煤气味|一氧化碳|煤气中毒|"
    r"喝药|服毒|(?:喝|吃)(?:了)?(?:毒|药)(?:了|自杀)|"
    r"昏迷|没(?:有)?(?:了)?呼吸|没有心跳|大出血|流了?很多血|血流不止|快不行了|快死了|晕过去|晕倒|倒地不起|"
    r"口吐白沫|抽搐|救命|救救我|快来人|"
    # a child taken
    rf"{_KIN}(?:被|让|叫)(?:人|陌生人|人贩子|别人)?(?:抢|抱|拐|偷|绑|拽|拉|拖)(?:走|上车)|"
    rf"(?:抢|抱|拐|偷)走了?(?:我的?|我家)?{_KIN}|把(?:我的?|我家)?{_KIN}(?:抢|抱|拐|偷|带|拉|拽)(?:走|上车)|"
    rf"{_KIN}(?:不见了|丢了|走丢了|失踪|找不到了)|绑架|绑走|人贩子|被拐")
_ZH_VIOLENCE = re.compile(
    r"(?:打|砍|捅|掐|勒|踢|殴打|追打|追砍|揍|砸)(?:我|我们|人|孩子|我妈|我妈妈|我爸|我老婆|我女儿|我儿子|"
    r"我老公|我媳妇|老人)|砸门|撬门|踹门|闯进")
_ZH_NOW = re.compile(r"正在|现在|此刻|马上|这会儿|刚才|刚刚|还在|又在|一直在|躲在|快来|门外|门口|冲进|救救|救命|"
                     r"在打|今晚|赶紧|怎么办啊|快")
_ZH_NOT_NOW = re.compile(
    r"去年|前年|上个月|上周|上次|以前|之前|曾经|前几年|那年|当年|小时候|几年前|多年前|好几次|经常|"
    r"能不能告|可以告吗|怎么告|起诉|赔|保护令|担责|判几年|判刑|算不算|犯法吗|违法吗|合法吗|"
    r"保险|追责|责任|打官司|律师")

_EN_INTENT = re.compile(
    r"kill(?:ing)? myself|suicid|end(?:ing)? (?:my|it) (?:life|all)|\bwant to die\b|\bwanna die\b|"
    r"don'?t want to (?:live|be alive)|no reason to live|better off dead|hurt(?:ing)? myself|harm(?:ing)? myself|"
    r"self[- ]harm|cut(?:ting)? myself|can'?t go on|no point (?:in )?living|take my (?:own )?life|"
    r"(?:thinking about|thought of) (?:dying|ending it)")
_EN_DANGER = re.compile(
    r"overdos|took (?:a lot of|all (?:my|the)|too many) pills|swallowed (?:pills|poison|pesticide|bleach)|"
    r"drank (?:bleach|pesticide|poison)|slit (?:my|his|her) wrist|jump(?:ing)? off|"
    r"with a (?:knife|gun|weapon|machete|axe)|(?:has|holding|pulled) a (?:knife|gun)|going to kill|trying to kill|"
    r"threaten\w* to kill|will kill (?:me|us)|"
    r"(?:house|home|building|flat|apartment|room|kitchen|car) (?:is )?on fire|caught fire|there'?s a fire|"
    r"fire broke out|smoke everywhere|gas leak|carbon monoxide|poisoned|"
    r"not breathing|stopped breathing|unconscious|passed out|bleeding (?:a lot|badly|heavily)|won'?t stop bleeding|"
    r"kidnap|abduct|(?:took|grabbed|snatched|taken) my (?:child|kid|son|daughter|baby)|"
    r"(?:kill|murder) me\b|stabbed|someone (?:is )?breaking in|broke into my (?:house|home|flat)|"
    r"smell(?:s)? (?:of )?gas|heart attack|can'?t breathe|call (?:an )?ambulance|"
    r"(?:child|kid|son|daughter|baby) (?:is |has gone |went |was )?(?:missing|taken|snatched)|locked me (?:in|up)")
_EN_VIOLENCE = re.compile(
    r"(?:is|are|keeps?|'s|he'?s|she'?s|they'?re) "
    r"(?:hitting|beating|attacking|choking|stabbing|strangling|kicking|hurting)"
    r" (?:me|us|my|her|him|the)")
_EN_NOW = re.compile(r"right now|\bnow\b|please help|help me|\bhelp!|outside my door|breaking in|hiding|tonight|"
                     r"\burgent|hurry")
_EN_NOT_NOW = re.compile(
    r"\blast (?:year|month|week|time)\b|\bago\b|\bused to\b|protection order|\bsue\b|compensation|\bclaim\b|"
    r"food poisoning|\blegal\b|\billegal\b|lawsuit|\bcourt\b|several times|\bkeeps?\b.*\bcan i\b")

# The same dangers typed in pinyin, matched on whole syllables ("hai zi shang xue" holds no
# "zi sha"); people in a hurry type pinyin.
_KIN_PY = r"(?:hai zi|xiao hai|er zi|nv er|nu er|bao bao|wa)"
_PINYIN_INTENT = re.compile(
    r"\b(?:bu xiang (?:zai )?huo|huo bu xia qu|(?:wo xiang|wo yao|hao xiang|zhen xiang) (?:qu )?"
    r"(?:si|zi sha|tiao lou|shang diao)|zi sha|qing sheng|xiang bu kai)\b")
_PINYIN_DANGER = re.compile(
    r"\b(?:(?:zheng zai|xian zai|zai) (?:da|kan|sha|qia) wo|(?:da|kan|nong) si wo|jiu ming|jiu jiu wo|zhao huo|"
    r"mei qi xie lou|ran qi xie lou|(?:he|chi) (?:le )?(?:nong yao|an mian yao|du shu|bai cao ku)|nong yao|"
    r"an mian yao|na zhe dao|" + _KIN_PY + r" (?:bei )?(?:qiang|bao|guai|tou) zou|"
    r"(?:qiang|bao|guai|tou) zou (?:le )?(?:wo )?(?:de )?" + _KIN_PY + r"|bang jia)\b")


def is_crisis(normalised: str) -> bool:
    """True when ``normalised`` (lower-case, simplified) expresses danger to life now."""
    text = normalised
    if _ZH_INTENT.search(text) or _EN_INTENT.search(text):
        return True
    syllables = _syllables(text)
    if syllables and (_PINYIN_INTENT.search(syllables) or _PINYIN_DANGER.search(syllables)):
        return True
    now = bool(_ZH_NOW.search(text) or _EN_NOW.search(text))
    if _ZH_VIOLENCE.search(text) or _EN_VIOLENCE.search(text):
        if now and not _past_only(text):
            return True
    if _ZH_DANGER.search(text) or _EN_DANGER.search(text):
        if now and not _past_only(text):
            return True
        return not (_ZH_NOT_NOW.search(text) or _EN_NOT_NOW.search(text))
    return False


def _syllables(text: str) -> str:
    """The pinyin syllables of ``text``, space-separated, when its Latin words are mostly pinyin."""
    words = re.findall(r"[a-z]+", text)
    if not words:
        return ""
    split = [split_pinyin(w) for w in words]
    if sum(1 for parts in split if parts) < 0.7 * len(words):
        return ""
    return " ".join(" ".join(parts) if parts else word for word, parts in zip(words, split))


def _past_only(text: str) -> bool:
    """Clearly about the past: a time word, and no word of the present."""
    past = re.search(r"去年|前年|上个月|上周|上次|以前|之前|曾经|前几年|几年前|多年前|"
                     r"\blast (?:year|month|week|time)\b|\byears ago\b|\bused to\b", text)
    present = re.search(r"正在|此刻|这会儿|救命|快来|right now|please help", text)
    return bool(past) and not present
