"""Crisis detection: a question that says someone's life or safety is in danger *now*.

Such a question puts ``safety.emergency`` (110 / 120 / 119 / 12356) first, before any
legal answer. The rules run on normalised text (lower case, simplified, written Cantonese
read as Mandarin, see :mod:`.normalize`), so 拿著刀 and 屋企著火 read as 拿着刀 and 家着火.
Four kinds of rule:

* **Wanting to die** (想死, 不想活了, I want to kill myself, I'm going to jump): always a
  crisis, except in set phrases that only mean "fed up" (想死的心都有了, 想死你了).
* **Danger words** (self-harm acts, weapons, fire, gas, poisoning, not breathing, a child
  taken, being locked in, a threat to kill): a crisis unless the question is plainly about
  the past or about the law (去年被打, 家暴能起诉离婚吗, food poisoning — can I claim?, 老板说再闹
  就弄死我，还敢去仲裁吗).
* **Violence verbs** (打我, hitting me) only count with a sign that it is happening now.
  A strong sign (正在, 救命, 躲在, right now, please help) is enough; a weak one (现在, 刚才,
  今晚) is not when the message says the violence is habitual (经常, 一喝醉就, keeps) or that
  the person is safe now (他出差了不在家, not now, she's safe).
* **Pinyin**: the same dangers typed in toneless pinyin, matched on whole syllables.
"""

from __future__ import annotations

import re

from .pinyin import split_pinyin


class _Lazy:
    """A regular expression compiled on first use: a Chinese question never pays for the
    English and pinyin rules (compiling all of them costs milliseconds at start-up)."""

    __slots__ = ("_pattern", "_compiled")

    def __init__(self, pattern: str):
        self._pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern)
        return self._compiled.search(text)

_HAS_CJK = re.compile(r"[\u3400-\u9fff]")
_HAS_LATIN = re.compile(r"[a-z]")
_KIN = r"(?:孩子|小孩|女儿|儿子|娃|宝宝|闺女|孙子|孙女|小孙子|外孙|小朋友|婴儿|女孩|男孩)"
_ZH_INTENT = _Lazy(
    r"(?:想|要|准备|打算|只想|好想|真想|不如|干脆)(?:去)?(?:死(?!的心|你|您|了你|我了)|自杀|轻生|寻死|跳楼|跳河|"
    r"跳江|跳海|跳桥|上吊|割腕|割脉|结束(?:自己|我)?的?生命)|"
    r"不想(?:再)?活|活不下去|活着(?:真|还)?没(?:意思|意义|盼头)|活够了|一死了之|死了算了|不如死了|"
    r"了结(?:自己|我自己)|写好了?遗书|撑不下去了|想不开|活着(?:太|好|真)?(?:累|痛苦)|不如去死|去死算了|"
    r"(?:站在|在|爬上|坐在)(?:楼顶|天台|桥上|窗台|楼上|阳台).{0,8}(?:跳|下去)|想跳下去|要跳下去|服药自尽|"
    r"绳子.{0,4}(?:准备|买|挂)好|(?:准备|买)好了?(?:绳子|安眠药|农药|木炭)|"
    r"一了百了|(?:想|要)(?:彻底)?解脱|结束这一切|同归于尽|自焚|(?:往|在)?身上(?:浇|泼|倒)(?:了)?汽油|"
    r"(?:把|将).{0,4}药.{0,3}(?:都|全)(?:吃|吞|喝)了|和这个世界告别|跟大家告别|永别了")
_DOSE = r"(?:很多|好多|大量|一大把|一整?[瓶把盒板包]|整[瓶盒板包]|半[瓶盒]|几十[片粒颗])?"
_POISON = r"(?:安眠药|药片|农药|老鼠药|毒鼠强|百草枯|敌敌畏|毒药|洗洁精|消毒液|八四|84|漂白水|漂白剂|除草剂|杀虫剂)"
_ZH_DANGER = _Lazy(
    # self-harm acts, also by someone else
    r"自杀|轻生|割腕|割脉|割了?(?:手腕|动脉)|跳楼|跳河|跳江|跳桥|上吊|烧炭|自残|"
    rf"(?:吃|吞|喝|服|误食|误服|误喝|误吃)(?:下|了|掉)?{_DOSE}(?:的)?{_POISON}|"
    # weapons and killing, threats to kill
    r"(?:拿|持|提|举|掏|握|抄)(?:着|出|了|起)?(?:刀|菜刀|斧头|棍子|铁棍|枪|砍刀|匕首|剪刀|水果刀)|砍人|捅人|捅了|杀人|"
    r"(?:打|砍|捅|掐|弄|整|烧)死(?:我|人|你|孩子|我们)|(?:被|让人)(?:捅|砍)(?:了|伤)|打断(?:我|你)的?(?:腿|手)|"
    r"要杀(?:了)?(?:我|我们|你|人|全家|孩子)|(?:威胁|扬言)(?:要)?杀|杀了我|"
    r"掐(?:我|住我|着我)?(?:的)?脖子|把我(?:锁|关|绑)在|(?:锁|关|困)在.{0,10}(?:出不去|不让(?:我)?出|逃不出)|"
    r"(?:想|要)杀(?:了)?(?:他|她|他们|那个)|"
    # fire, gas, poisoning, medical
    r"着火|起火|失火|火灾|烧起来|冒烟|浓烟|放火|纵火|[煤燃]气(?:泄[漏露]|漏了)|天然气泄[漏露]|[煤燃][气汽]味|"
    r"煤汽泄|一氧化碳|煤气中毒|喝药|服毒|(?:喝|吃)(?:了)?(?:毒|药)(?:了|自杀)|"
    r"昏迷|没(?:有)?(?:了)?呼吸|没(?:有)?心跳|大出血|流了?很多血|血流不止|止不住血|快不行了|(?<![累饿烦气热笑])快死了|"
    r"晕过去|晕倒|倒地不起|口吐白沫|抽搐|救命|救救我|快来人|"
    r"流血不止|一直(?:在)?流血|(?:头|脸|身上)(?:破了|在流血|全是血)|满(?:身|脸|头)是血|"
    r"被车撞|出车祸|溺水|掉(?:进|到)?(?:水|河|井|湖|江)里|落水|触电|心脏病发|心梗|中风|脑梗|"
    r"(?:电梯|屋里|房间|火里|楼里|车里)被困|被困在|困在(?:电梯|火|屋|楼|车)|"
    r"爬(?:上|到)(?:了)?(?:塔吊|楼顶|高楼|桥上|脚手架|吊车|电线杆|广告牌)|"
    r"(?:浇|泼|倒|拿着?|提着?)(?:了)?(?:一桶)?汽油|"
    r"(?:挖掘机|铲车|推土机|勾机).{0,20}(?:人|我妈|我爸|老人|孩子|家人).{0,6}(?:还在|在)(?:里面|屋里|房子里)|"
    r"(?:人|我妈|我爸|老人|孩子|家人)(?:还在|在)(?:里面|屋里|房子里).{0,20}(?:挖掘机|铲车|推土机|勾机|强拆)|"
    # a child taken
    rf"{_KIN}.{{0,10}}?(?:被|让|叫)(?:人|陌生人|人贩子|别人|坏人|一个人|两个人|几个人)?(?:抢|抱|拐|偷|绑|拽|拉|拖)(?:走|上|进)|"
    rf"(?:抢|抱|拐|偷)走了?(?:我的?|我家)?{_KIN}|把(?:我的?|我家)?{_KIN}(?:抢|抱|拐|偷|带|拉|拽)(?:走|上车)|"
    rf"(?:陌生人|人贩子|坏人|不认识的人).{{0,8}}(?:抢|抱|拐|偷|带|拉|拽)(?:走|上车)|"
    rf"{_KIN}(?:不见了|丢了|走丢了|失踪|找不到了)|绑架|绑走|人贩子|被拐")
_ZH_VIOLENCE = _Lazy(
    r"(?:打|砍|捅|掐|勒|踢|殴打|追打|追砍|揍|砸|追)(?:着)?(?:我|我们|人|孩子|我妈|我妈妈|我爸|我老婆|我女儿|我儿子|"
    r"我老公|我媳妇|老人)|砸门|撬门|踹门|闯进")
#: Strong signs that it is happening now: enough on their own.
_ZH_NOW_STRONG = _Lazy(r"正在|正再|此刻|这会儿|还在(?:打|砸|追|砍)|又在(?:打|砸)|一直在(?:打|砸)|躲在|快来|门外|"
                            r"冲进|救救|救命|在打我|在砸|快报警|快救")
#: Weaker signs: a crisis unless the message says it is habitual or over.
_ZH_NOW = _Lazy(r"现在|马上|刚才|刚刚|今晚|赶紧|怎么办啊|今天晚上|就在")
_ZH_NOT_NOW = _Lazy(
    r"去年|前年|上个月|上周|上次|以前|之前|曾经|前几年|那年|当年|小时候|几年前|多年前|好几次|经常|"
    r"能不能告|可以告吗|怎么告|起诉|赔|保护令|担责|判几年|判刑|算不算|犯法吗|违法吗|合法吗|"
    r"保险|追责|责任|打官司|律师|仲裁|复议|工伤|上访|信访|投诉|举报")
#: The violence is a habit, or the person is safe for now: a weak sign of "now" is not enough.
_ZH_CALM = _Lazy(r"经常|总是|老是|每次|动不动|一喝(?:醉|酒|多)?就|喝了酒就|喝完酒|好几次|不在家|出差|已经走了|"
                      r"走了以后|搬出来|搬走了|住在娘家|现在安全|已经安全|没事了|好多了|治好了|出院了|已经放")

_EN_INTENT = _Lazy(
    r"kill(?:ing)? myself|suicid|end(?:ing)? (?:my|it) (?:life|all)|\bwant to die\b|\bwanna die\b|"
    r"don'?t want to (?:live|be alive)|no reason to live|better off dead|hurt(?:ing)? myself|harm(?:ing)? myself|"
    r"self[- ]harm|cut(?:ting)? myself|can'?t go on|no point (?:in )?living|take my (?:own )?life|"
    r"(?:thinking about|thought of) (?:dying|ending it)|"
    r"(?:want to|wanna|going to|gonna|about to|i'?ll|i will|decided to) end (?:it|everything|my life)\b(?! with)|"
    r"(?:going to|gonna|about to|want to|wanna|i'?ll|i will) jump\b(?! (?:through|the queue|to conclusion|ship))")
_EN_DANGER = _Lazy(
    r"overdos|(?:took|swallowed|taken|downed) (?:a (?:whole |full |entire )?(?:lot|bunch|bottle|handful|box|pack|packet|strip)"
    r" of|all (?:my|the|of (?:my|the))|too many|so many) (?:\w+ ){0,2}(?:pills|tablets|medicine|meds|painkillers)|"
    r"swallowed (?:\w+ ){0,4}(?:pills|tablets|poison|pesticide|bleach)|drank (?:\w+ ){0,3}(?:bleach|pesticide|poison)|slit (?:my|his|her) wrist|jump(?:ing)? off|"
    r"with a (?:knife|gun|weapon|machete|axe)|(?:has|holding|pulled) a (?:knife|gun)|going to kill|trying to kill|"
    r"threaten\w* to kill|will kill (?:me|us)|"
    r"(?:house|home|building|flat|apartment|room|kitchen|car) (?:is )?on fire|caught fire|there'?s a fire|"
    r"a fire in (?:my|our|the)|fire broke out|smoke everywhere|full of smoke|gas leak|carbon monoxide|poisoned|"
    r"(?:not|isn'?t|is not|stopped|aren'?t|not even) breathing|unconscious|passed out|"
    r"bleeding (?:a lot|badly|heavily)|won'?t stop bleeding|"
    r"kidnap|abduct|(?:took|grabbed|snatched|taken) (?:my|a|our|the) (?:little )?(?:child|kid|son|daughter|baby|girl|boy)|"
    r"(?:kill|murder) me\b|stabbed|someone (?:is )?breaking in|broke into my (?:house|home|flat)|"
    r"(?:is|are|'s|keeps?) bleeding|drowning|drowned|electrocuted|hit by a (?:car|truck|bus)|car (?:crash|accident)|"
    r"\bstroke\b|seizure|trapped (?:in|inside|under)|(?:pour|poured|pouring|holding|carrying) (?:\w+ )?(?:petrol|gasoline)|"
    r"set (?:himself|herself|myself) on fire|climbed (?:up |onto |on )?(?:a |the )?(?:crane|roof|bridge|tower)|"
    r"say(?:ing)? goodbye (?:to everyone|forever)|plan to die|"
    r"(?:bulldozer|excavator|digger).{0,80}(?:still )?(?:inside|in the house)|still inside.{0,60}(?:bulldozer|excavator|demoli)|"
    r"smell(?:s)? (?:of )?gas|heart attack|can'?t breathe|call (?:an )?ambulance|"
    r"(?:choking|strangling|choked|strangled) (?:me|her|him|my)\b|"
    r"(?:they|he|she)(?:'ll| will| would|'d| are going to|'re going to| is going to|'s going to) (?:hurt|kill|beat) (?:me|us)|"
    r"(?:locked|held|trapped) (?:me )?(?:in|inside) (?:a|the|his|their) (?:room|car|basement|warehouse|house|flat)|"
    r"(?:child|kid|son|daughter|baby) (?:is |has gone |went |was )?(?:missing|taken|snatched)|locked me (?:in|up)")
_EN_VIOLENCE = _Lazy(
    r"(?:is|are|keeps?|'s|he'?s|she'?s|they'?re) "
    r"(?:hitting|beating|attacking|choking|stabbing|strangling|kicking|hurting)"
    r" (?:me|us|my|her|him|the)")
_EN_NOW_STRONG = _Lazy(r"right now|please help|help me|\bhelp!|outside my door|breaking in|hiding|\bhurry|"
                            r"\bjust (?:went|left|took|grabbed)|come back|coming back")
_EN_NOW = _Lazy(r"\bnow\b|tonight|\burgent")
_EN_NOT_NOW = _Lazy(
    r"\blast (?:year|month|week|time)\b|\bago\b|\bused to\b|protection order|\bsue\b|compensation|\bclaim\b|"
    r"food poisoning|\blegal\b|\billegal\b|lawsuit|\bcourt\b|several times|\bkeeps?\b.*\bcan i\b")
_EN_CALM = _Lazy(r"\bnot (?:right )?now\b|\bkeeps?\b|\bregularly\b|\busually\b|\bwhenever\b|\bevery time\b|"
                      r"\b(?:i'?m|she'?s|he'?s|we'?re|is|am|are) safe\b|not in danger|\bleft him\b|\bleft her\b")

# The same dangers typed in pinyin, matched on whole syllables ("hai zi shang xue" holds no
# "zi sha"); people in a hurry type pinyin. Syllables are compared unfuzzed (zh, ch, sh kept).
_KIN_PY = r"(?:hai zi|xiao hai|er zi|nv er|nu er|bao bao|wa|sun zi|sun nv|nv hai|nan hai)"
_POISON_PY = (r"(?:nong yao|an mian yao|du shu qiang|lao shu yao|bai cao ku|di di wei|du yao|xiao du ye|"
              r"xi jie jing|yao pian|piao bai (?:shui|ji))")
_JUMP_PY = r"tiao (?:lou|he|jiang|hai|qiao|xia qu|xia lai|xia)"
_JUMP_ALONE_PY = r"tiao (?:lou|jiang|qiao|xia qu)"
_PINYIN_INTENT = _Lazy(
    r"\b(?:bu xiang (?:zai )?huo|huo bu xia qu|huo zhe mei yi si|yi si liao zhi|si le suan le|"
    r"(?:wo xiang|wo yao|hao xiang|zhen xiang|zhun bei|da suan|xiang|yao) (?:qu )?"
    r"(?:si|zi sha|qing sheng|shang diao|ge wan|" + _JUMP_PY + r")|zi sha|qing sheng|xiang bu kai|"
    r"(?:zai|zhan zai|pa shang|zuo zai) (?:lou ding|tian tai|qiao shang|chuang tai|yang tai) .{0,20}?\btiao|"
    + _JUMP_ALONE_PY + r"|ge (?:le )?shou wan|shang diao|shao tan)\b")
_PINYIN_DANGER = _Lazy(
    r"\b(?:(?:zheng zai|xian zai|zai|you zai|hai zai) (?:da|kan|sha|qia|zhui|za|tong) (?:wo|ren|hai zi|wo ma)|"
    r"(?:da|kan|nong|qia|tong) si (?:wo|ren|ni)|jiu ming|jiu jiu wo|kuai lai ren|"
    r"zhao huo|shi huo|mao yan|nong yan|"
    r"(?:mei|ran|tian ran) qi (?:xie (?:lou|lu)|lou le)|mei qi wei|yi yang hua tan|"
    r"(?:he|chi|tun|fu|wu he|wu chi|wu shi|wu fu) (?:le |xia |diao )?(?:hen duo |hao duo |yi ping |yi zheng ping |"
    r"zheng ping |da liang |yi ba |ban ping )?(?:de )?" + _POISON_PY + r"|"
    r"(?:na|chi|ju|tao) (?:zhe |chu |le )?(?:cai dao|dao|qiang|fu tou|kan dao|bi shou|jian dao)|sha ren|"
    r"(?:yao|xiang) sha (?:le )?(?:wo|ni|ta|ren)|sha le wo|"
    r"hun mi|mei (?:you )?(?:le )?hu xi|mei (?:you )?xin tiao|liu le hen duo xue|xue liu bu zhi|da chu xue|"
    r"yun guo qu|kou tu bai mo|"
    + _KIN_PY + r" (?:bei |rang )?(?:ren |mo sheng ren |ren fan zi )?(?:qiang|bao|guai|tou|bang|la|zhuai) (?:zou|shang che)|"
    r"(?:qiang|bao|guai|tou) zou (?:le )?(?:wo )?(?:de )?" + _KIN_PY + r"|" + _KIN_PY + r" (?:bu jian le|zou diu le|shi zong)|"
    r"bang jia|ren fan zi|bei guai)\b")
_PINYIN_NOT_NOW = _Lazy(r"\b(?:qu nian|yi qian|shang ci|shang ge yue|ceng jing|peichang|pei chang|qi su|"
                             r"can liu|bao xian|ze ren|gong shang|tou su|zhong cai)\b")


def is_crisis(normalised: str) -> bool:
    """True when ``normalised`` (lower-case, simplified) expresses danger to life now."""
    text = normalised
    zh = _HAS_CJK.search(text) is not None
    en = _HAS_LATIN.search(text) is not None

    def found(zh_rule: _Lazy, en_rule: _Lazy) -> bool:
        return bool((zh and zh_rule.search(text)) or (en and en_rule.search(text)))

    if found(_ZH_INTENT, _EN_INTENT):
        return True
    syllables = _syllables(text) if en else ""
    if syllables:
        if _PINYIN_INTENT.search(syllables):
            return True
        if _PINYIN_DANGER.search(syllables) and not _PINYIN_NOT_NOW.search(syllables):
            return True
    violence = found(_ZH_VIOLENCE, _EN_VIOLENCE)
    danger = found(_ZH_DANGER, _EN_DANGER)
    if not (violence or danger):
        return False
    calm = found(_ZH_CALM, _EN_CALM)
    if found(_ZH_NOW_STRONG, _EN_NOW_STRONG) or (found(_ZH_NOW, _EN_NOW) and not calm):
        if not _past_only(text):
            return True
    return danger and not (calm or found(_ZH_NOT_NOW, _EN_NOT_NOW))


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
