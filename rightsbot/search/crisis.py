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
    r"(?<![到得你])(?<!得我)(?<!到我)(?:想|要|准备|打算|只想|好想|真想|不如|干脆)(?:去)?(?:死(?!的心|你|您|了你|我了)|自杀|轻生|寻死|跳楼(?!价|甩卖|大甩卖)|跳河|"
    r"跳江|跳海|跳桥|上吊|割腕|割脉|结束(?:自己|我)?的?生命)|"
    r"不想(?:再)?活|活不下去|活着(?:真|还)?没(?:意思|意义|盼头)|活够了|一死了之|死了算了|不如死了|"
    r"了结(?:自己|我自己)|写好了?遗书|撑不下去了|想不开|活着(?:太|好|真)?(?:累|痛苦)|不如去死|去死算了|"
    r"(?:站在|在|爬上|坐在)(?:楼顶|天台|桥上|窗台|楼上|阳台).{0,8}(?:跳|下去)|想跳下去|要跳下去|服药自尽|"
    r"绳子.{0,4}(?:准备|买|挂)好|(?:准备|买)好了?(?:绳子|安眠药|农药|木炭)|"
    r"一了百了|(?:想|要)(?:彻底)?解脱|结束这一切|同归于尽|自焚|(?:往|在)?身上(?:浇|泼|倒)(?:了)?汽油|"
    r"(?:把|将).{0,4}药.{0,3}(?:都|全)(?:吃|吞|喝)了|和这个世界告别|跟大家告别|永别了")
_DOSE = r"(?:很多|好多|大量|一大把|一整?[瓶把盒板包]|[整成][瓶盒板包排]|半[瓶盒]|几十[片粒颗])?"
_POISON = r"(?:安眠药|药片|农药|老鼠药|毒鼠强|百草枯|敌敌畏|毒药|洗洁精|消毒液|八四|84|漂白水|漂白剂|除草剂|杀虫剂)"
_ZH_DANGER = _Lazy(
    # self-harm acts, also by someone else
    r"自杀(?!式)|轻生|割腕|割脉|割了?(?:手腕|动脉)|跳楼(?!价|甩卖|大甩卖)|跳河|跳江|跳桥|上吊|烧炭|自残|"
    rf"(?:吃|吞|喝|服|误食|误服|误喝|误吃)(?:下|了|掉)?{_DOSE}(?:的)?{_POISON}|"
    # weapons and killing, threats to kill
    r"(?:拿|持|提|举|掏|握|抄|挥)(?:着|出|了|起)?(?:一)?(?:把)?(?:刀|菜刀|斧头|棍子|铁棍|枪|砍刀|匕首|剪刀|水果刀|铁锹|锄头|锤子|榔头)|"
    r"砍人|捅人|捅了|杀人(?![罪案犯])|"
    r"(?:打|砍|捅|掐|弄|整|烧)死(?:我|人|你|孩子|我们)|(?:被|让人)(?:捅|砍)(?:了|伤)|打断(?:我|你)的?(?:腿|手)|"
    r"要杀(?:了)?(?:我|我们|你|人|全家|孩子)|(?:威胁|扬言)(?:要)?杀|杀了我|"
    r"掐(?:我|住我|着我)?(?:的)?脖子|把我(?:锁|关|绑)在|(?:锁|关|困)在.{0,10}(?:出不去|不让(?:我)?出|逃不出)|"
    r"(?:想|要)杀(?:了)?(?:他|她|他们|那个)|"
    # fire, gas, poisoning, medical
    r"着火|起火|失火|火灾|烧起来|冒烟|浓烟|放火|纵火|[煤燃]气(?:泄[漏露]|漏了)|天然气泄[漏露]|[煤燃][气汽]味|"
    r"煤汽泄|一氧化碳|煤气中毒|喝药|服毒|(?:喝|吃)(?:了)?(?:毒|药)(?:了|自杀)|"
    r"昏迷|没(?:有)?(?:了)?呼吸|没(?:有)?心跳|大出血|流了?很多血|血流不止|止不住血|快不行了|(?<![累饿烦气热笑])快死了|"
    r"晕过去|晕倒|倒地不起|口吐白沫|抽搐|救命(?![钱稻恩药])|救救我|快来人|"
    r"从.{0,8}(?:脚手架|楼上|楼顶|高处|架子|棚架|塔吊|房顶|屋顶)上?(?:摔|掉|跌|推)下|(?:摔|掉|跌)下来了|"
    r"尾随|跟(?:了|着)我一路|一直跟着我|"
    r"被[^，。,]{0,8}(?:锁|关|困|扣)(?:在|进|到)了?(?:一个)?[^，。,]{0,4}(?:屋|房|宾馆|酒店|黑屋|仓库|地下室|宿舍|车|厂)|"
    r"(?:关|锁|困)在(?:了)?(?:一个)?[^，。,]{0,4}(?:宾馆|酒店|黑屋|仓库|地下室|园区)|小黑屋|黑监狱|出不去|"
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
    rf"{_KIN}.{{0,12}}?被[^，。,]{{0,6}}(?:抢|抱|拐|偷|绑|拽|拉|拖|带)(?:走|上|进)|"
    rf"{_KIN}.{{0,8}}(?:不见了|丢了|走丢了|失踪|找不到)|绑架(?![罪案])|绑走|人贩子|被拐")
_ZH_VIOLENCE = _Lazy(
    r"(?:打|砍|捅|掐|勒|踢|殴打|追打|追砍|揍|砸|追)(?:着|紧)?(?:我|我们|人|孩子|我妈|我妈妈|我爸|我老婆|我女儿|我儿子|"
    r"我老公|我媳妇|老人)|砸门|撬门|踹门|闯进")
_MEANS = r"(?:药|安眠药|农药|老鼠药|百草枯|敌敌畏|绳子|刀片|木炭|炭|汽油)"
#: A present danger that legal words beside it do not lessen: means prepared or taken, a
#: height and a farewell, a body that does not respond, a person held now, a child being
#: taken. Only a clearly past time or an all-clear outweighs it.
_ZH_STRONG = _Lazy(
    rf"{_MEANS}(?:我)?(?:都|已经|也)*(?:准备|买|备|放|拿)好|"
    r"(?:药|安眠药|农药|老鼠药|降压药|止痛药)(?:都|已经|全)*(?:吃|吞|喝)(?:下去|下|完|光)|"
    r"(?:一整?瓶|整瓶|一大把|一盒|几盒|好几盒|一板)[^，。,]{0,6}(?:药|安眠药)|"
    r"点(?:了|上)?(?:炭|木炭)|(?:我就|就|要)点火|(?:带|拎|提|拿|买)(?:了|着)?(?:一桶|一瓶|一壶|桶)?汽油|"
    r"(?:喝|死|跳|吃)给(?:他们|你们|他|她)看|刀片|(?:划|割)了?(?:好几|几|一)(?:道|刀)|(?:划|割)(?:伤)?(?:自己|手腕|手臂|胳膊)|"
    r"(?:写|留|写好|留下)了?(?:一封)?遗书|遗书(?:写好|已经写|放在)|"
    r"最后一次(?:发|给|留言|跟|和)|最后一条(?:消息|信息)|(?:等|如果|要是)我(?:走了|不在了|没了|死了)|我人没了|"
    r"(?:帮我|替我)照顾好?(?:孩子|我妈|我爸|爸妈|家人|女儿|儿子|老人)|(?:跟|和)这个世界(?:说|告别|再见)|世界说?声?再见|"
    r"不想再?拖累|(?:今晚|今天|现在|马上)就?(?:结束|了断)|结束一切|我(?:真的|快|已经)?撑不[住主助下]|"
    r"从(?:楼上|楼顶|天台|窗户|阳台|桥上|顶楼)(?:跳)?下去|跳下去(?:算了|一了百了|就好|的念头|这一个念头)|只剩跳|"
    r"不喘气|没(?:有)?气了|(?:叫|喊|摇)(?:他|她|也|都|了|半天)*(?:不应|不醒|没反应)|不省人事|人事不省|一动不动|"
    r"(?:全|满)(?:身|头|脸)(?:是|系|都是)?血|头上全是血|嘴唇发[紫青]|脸色发[紫青]|血止不住|止不住(?:地)?流血|"
    r"流了?(?:好多|很多|一地|一身)(?:的)?血|腿动不了|(?:倒|躺)在?地上(?:不动|不起|没反应|不喘)|醒不过来|没(?:有)?意识|"
    r"(?:按|摁)在地上打|打倒在地|把我从.{0,6}推下|躲在(?:了)?.{0,4}(?:柜子|衣柜|厕所|卫生间|床底|房间|屋里|车里|桌子)|"
    # the writer held now (someone else held, or a question about being held, is weighed below)
    r"(?:把我|把我们|我被|我们被)[^，。,]{0,8}(?:锁|关|困|扣)(?:在|进|到|上|屋|起来)|我[^，。,]{0,3}(?:被)?(?:锁|关|困)在|"
    r"不让(?:我|我们)(?:出去|出门|离开|走)|我出不去")
#: Acute states of the body or the surroundings: whatever the message goes on to ask, they
#: are an emergency unless clearly past.
_ZH_ACUTE = _Lazy(
    r"没(?:有)?反应|(?:怎么|咋)?叫(?:都|也)?不醒|喊(?:都|也)?不醒|醒不来|一直(?:在)?流血|(?:头|身上|腿|手)(?:上)?(?:一直|还在)流血|"
    r"没(?:有)?(?:了)?呼吸|呼吸不了|喘不(?:上|过)气|"
    r"(?:卷|绞)进(?:了)?(?:机器|去|搅拌)|被(?:机器)?(?:卷|绞|压|夹)(?:住|进|在)|压在(?:了)?(?:下面|底下|里面)|"
    r"扑腾|沉下去|掉(?:进|到)(?:了)?(?:水|河|井|湖|江|池塘|水库|粪池|搅拌|罐)|"
    r"吞(?:了|下|下去)?(?:一颗|一个|一块|一枚|个|颗)?(?:纽扣电池|电池|磁铁|磁珠|硬币|钉子|针|刀片|玻璃)|"
    r"(?:烧焦|焦糊)味|(?:都|全)(?:是|系)烟|烟.{0,4}(?:进来|冒进|往里)|(?:楼梯|走廊|门口).{0,4}(?:着火|烧|烟)|"
    r"汽油.{0,4}(?:浇|泼|倒)在(?:了)?身上|打火机在手|(?:我就|就)点(?:火|着|燃|了)?(?![赞评外餐菜单头名击开])|"
    r"(?:说|讲|道)声?(?:再见|拜拜|永别)|"
    r"(?:老人|爷爷|奶奶|外公|外婆|姥姥|姥爷|我爸|我妈|老爸|老妈|痴呆|孩子|小孩|儿子|女儿|娃|宝宝).{0,24}"
    r"(?:还没回来|还没找到|找不到了|找不着|走丢|走失|不见了)|"
    r"(?:把|将)(?:他|她|孩子|小孩|宝宝|娃)(?:给)?(?:抱|抢|拐|拉|拽|带)走|"
    r"(?:被|让)[^，。,]{0,10}骗到.{0,12}(?:挨打|关|收走|扣)|"
    r"(?:摔|跌|倒)(?:倒|低)?了?[^，。,]{0,4}(?:不会动|不会郁|动不了|起不来)|呼吸不到|吸不上气|喘不上气|"
    r"(?:心口|胸口)(?:好|很|特别)?(?:痛|疼).{0,8}(?:喘|呼吸)|(?:喘|呼吸).{0,8}(?:心口|胸口)(?:好|很)?(?:痛|疼)|"
    r"(?:农药|百草枯|敌敌畏|老鼠药|安眠药|毒药|洗洁精|消毒液|84)(?:给|都|全)?(?:喝|吃|吞)(?:下去|了)|每天(?:都)?挨打|(?:护照|身份证|证件)(?:被|都被)?(?:收走|扣了|没收)")
_EN_ACUTE = _Lazy(
    r"not coming (?:back )?up|fell (?:into|in) (?:the |a )?(?:river|water|tank|well|pool|lake|pit)|"
    r"\bon fire\b|smoke (?:is )?(?:coming|everywhere|filling|pouring)|"
    r"(?:child|kid|son|daughter|baby|boy|girl)\b.{0,12}(?:was |were |got |been |is being )?(?:grabbed|snatched|taken|abducted|dragged)|"
    r"bought (?:a )?rope|(?:don'?t|can'?t|cannot) see (?:any )?way out|"
    r"\block(?:s|ed)? (?:me|us) (?:in|up|inside)|(?:cannot|can'?t|won'?t let (?:me|us)) leave|"
    r"swallowed (?:a |an )?(?:button )?(?:battery|magnet|coin|needle)|"
    r"bleeding (?:a ?lot|badly|heavily|everywhere)|can'?t stop (?:the )?bleed|blood all over|"
    r"(?:dementia|alzheimer).{0,60}(?:wandered|walked out|missing|gone|lost)|wandered off|"
    r"\blost my (?:son|daughter|kid|child|baby|boy|girl)\b|"
    r"(?:someone|somebody|a man|a stranger|strangers) (?:is |are )?(?:inside|in) my (?:house|home|flat|apartment|room)|"
    r"live wire|electric shock|electrocut|throat is closing|face is swelling|allergic reaction|"
    r"under (?:the )?rubble|buried under|came down on|swallowed (?:\w+ ){0,4}(?:batter|magnet|coin)|"
    r"throat (?:is )?(?:closing|tight)|no epi-?pen|anaphyla|took (?:all of them|them all)|"
    r"(?:don'?t|do not) worry about (?:anything|me) after tonight|said my goodbyes|"
    r"pulled into (?:the|a) machine|(?:arm|hand|leg|foot) (?:is |was |got )?(?:crushed|caught in)|"
    r"having (?:a )?seizure|seizure (?:won'?t|wont) stop|(?:won'?t|wont) stop shaking|"
    r"stuck in (?:a |the )?flood|flooded .{0,30}(?:stuck|trapped)|water up to (?:the |my |our )?(?:windows|chest|neck)")
#: About a story, the news or a film, not the writer's life.
_FICTION = _Lazy(r"小说|剧本|剧情|电视剧|电影|看完|看了一部|主角|新闻|纪录片|视频里|抖音上|如果有人|假如|假设|只是想讨论|"
                 r"梦见|梦到|做梦|万一|以防|哪天|\bdreamt\b|\bdreamed\b|want to be prepared|\bin case\b|moving to|\bxin ?wen\b|\bnovel\b|\bmovie\b|\bfilm\b|"
                 r"\btv show\b|\bepisode\b|in the news")
_ZH_HEIGHT = _Lazy(r"(?:楼顶|天台|顶楼|桥上|桥边|江边|河边|海边|窗台|阳台|栏杆|塔吊|屋顶|楼边)")
_ZH_DESPAIR = _Lazy(r"跳|下去|算了|不想|最后|再见|结束|了断|没人管|求人|没意思|没用|没出路|活")
#: The danger is over: only a strong sign outweighs these.
_ZH_OVER = _Lazy(r"关过|锁过|缝了|康复|痊愈|放出来|放了我|(?:已经|现在)放了|劝住|处理好了|已经出来|才走|已经走了|没(?:什么|大)?事了|已经安全|出院了|抢救过来|救回来|救过来|抢救了(?:很久|半天|好久|一夜|几个小时)")
_EN_STRONG = _Lazy(
    r"(?:pills|tablets|rope|razor|blade|knife|gun)s? (?:are |is )?(?:in front of me|in my hand|ready|next to me|on the table)|"
    r"(?:have|got) the (?:pills|rope|gun) |(?:tonight|today|now),? i(?:'ll| will| am going to|'m going to)? end (?:it|this|everything)|"
    r"\bi end it\b|end it (?:all|tonight|now)|last (?:message|text)\b|"
    r"tell (?:my|her|his) (?:mom|mum|mother|dad|father|parents|family|kids|children|wife|husband) (?:i'?m sorry|i love|goodbye)|"
    r"goodbye (?:everyone|forever|world)|this is goodbye|suicide note|"
    r"(?:sitting|standing) on (?:the |a )?(?:edge|ledge|railing|balcony|roof|bridge)|on the (?:edge|ledge) of|"
    r"\bno way out\b|can'?t see (?:any )?way out|won'?t wake up|can'?t wake (?:him|her|them|up)|not waking up|"
    r"unresponsive|not moving|(?:lips|face) (?:are |is |turning )?(?:blue|purple)|blood everywhere|covered in blood|"
    r"(?:kid|child|son|daughter|baby|boy|girl) (?:is |has gone |went |was )?(?:missing|missng|gone)|"
    r"can'?t find (?:my|our) (?:kid|child|son|daughter|baby|little)|can'?t find (?:him|her) anywhere|"
    r"(?:locked|held|kept|trapped) (?:me|us) (?:in|inside|up)|won'?t let (?:me|us) (?:leave|out|go)")
_EN_OVER = _Lazy(r"recovered|\bhealed\b|\blast (?:year|month|week)\b|\b(?:days?|weeks?|months?|years?) ago\b|\bused to\b|now safe|was released|let me go|not in danger|"
                 r"\b(?:i'?m|she'?s|he'?s|we'?re|is|am|are) safe\b")

#: Strong signs that it is happening now: enough on their own.
_ZH_NOW_STRONG = _Lazy(r"正在|正再|此刻|这会儿|还在(?:打|砸|追|砍)|又在(?:打|砸)|一直在(?:打|砸)|躲在|快来|门外|"
                            r"冲进|救救|救命|在打我|在砸|快报警|快救|(?:打|砸|追|砍|揍)紧|偷偷(?:用|拿)?手机|借[^，。,]{0,6}的手机|趁(?:他们|人)不注意|"
                            r"手机快没电|不给(?:我)?(?:吃|喝)|有人守着")
#: Weaker signs: a crisis unless the message says it is habitual or over.
_ZH_NOW = _Lazy(r"现在|马上|刚才|刚刚|今晚|赶紧|怎么办啊|今天晚上|就在")
_ZH_NOT_NOW = _Lazy(
    r"去年|前年|上个月|上周|上次|以前|之前|曾经|前几年|那年|当年|小时候|几年前|多年前|好几次|经常|"
    r"能不能告|可以告吗|怎么告|点告|告他|告她|报警器|起诉|赔|保护令|担责|判几年|怎么判|判多久|罪|判刑|算不算|犯法吗|违法吗|合法吗|"
    r"保险|追责|责任|打官司|律师|仲裁|复议|工伤|上访|信访|投诉|举报")
#: The violence is a habit, or the person is safe for now: a weak sign of "now" is not enough.
_ZH_CALM = _Lazy(r"经常|总是|老是|每次|动不动|一喝(?:醉|酒|多)?就|喝了酒就|喝完酒|好几次|不在家|出差|已经走了|"
                      r"走了以后|搬出来|搬走了|住在娘家|现在安全|已经安全|处理好了|康复|痊愈|没(?:什么|大)?事了|好多了|治好了|出院了|已经放")

_EN_INTENT = _Lazy(
    r"kill(?:ing)? myself|suicid|end(?:ing)? (?:my|it) (?:life|all)|\b(?:want|wnt|wanna|wana|wan) (?:to )?die\b|"
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
    r"threaten\w* to kill|will kill (?:me|us)\b(?! if)|"
    r"(?:house|home|building|flat|apartment|room|kitchen|car) (?:is )?on fire|caught fire|there'?s a fire|"
    r"(?:a )?fire in (?:my|our|the) (?:building|house|home|flat|apartment|room|kitchen|dorm|factory|workshop|office)|fire broke out|smoke everywhere|full of smoke|gas leak|carbon monoxide|poisoned|"
    r"(?:not|isn'?t|is not|stopped|aren'?t|not even) breathing|unconscious|passed out|"
    r"bleeding (?:a lot|badly|heavily)|won'?t stop bleeding|"
    r"kidnap|abduct|(?:took|grabbed|snatched|taken) (?:my|a|our|the) (?:little )?(?:child|kid|son|daughter|baby|girl|boy)|"
    r"(?:kill|murder) me\b(?! if)|stabbed|someone (?:is )?breaking in|broke into my (?:house|home|flat)|"
    r"(?:is|are|'s|keeps?) bleeding|drowning|drowned|electrocuted|hit by a (?:car|truck|bus)|car (?:crash|accident)|"
    r"\bstroke\b|(?:having|had|has) a seizure|trapped (?:in|inside|under)|(?:pour|poured|pouring|holding|carrying) (?:\w+ )?(?:petrol|gasoline)|"
    r"set (?:himself|herself|myself) on fire|climbed (?:up |onto |on )?(?:a |the )?(?:crane|roof|bridge|tower)|"
    r"say(?:ing)? goodbye (?:to everyone|forever)|plan to die|"
    r"(?:bulldozer|excavator|digger).{0,80}(?:still )?(?:inside|in the house)|still inside.{0,60}(?:bulldozer|excavator|demoli)|"
    r"smell(?:s|ing)? (?:of )?gas|gas smell|heart attack|can'?t breathe|call (?:an )?ambulance|"
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
    r"food poisoning|\blegal\b|\billegal\b|lawsuit|\bcourt\b|several times|\bkeeps?\b.*\bcan i\b|work injury|"
    r"\bcount as\b|does it count|\bpractice\b|\bcoach\b|\bmatch\b|visitation|custody|"
    r"\bis (?:this|it|that) (?:domestic violence|legal|illegal|a crime)")
_EN_CALM = _Lazy(r"\bnot (?:right )?now\b|\bkeeps?\b|\bregularly\b|\busually\b|\bwhenever\b|\bevery time\b|"
                      r"\b(?:i'?m|she'?s|he'?s|we'?re|is|am|are) safe\b|not in danger|\bleft him\b|\bleft her\b|"
                      r"\bwhen (?:he|she|they)(?:'s| is| are| gets?)\b")

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
    r"(?:tun|chi|he) (?:le )?(?:yi ping|yi zheng ping|yi ba|hen duo|hao duo|yi ban|yi he|zheng ping) (?:\w+ )?yao|"
    r"jiao bu (?:xing|ying)|mei you hu xi|bu chuan qi|"
    r"bang jia|ren fan zi|bei guai)\b")
_PINYIN_NOT_NOW = _Lazy(r"\b(?:qu nian|yi qian|shang ci|shang ge yue|ceng jing|peichang|pei chang|qi su|"
                             r"can liu|bao xian|ze ren|gong shang|tou su|zhong cai)\b")


def is_story(normalised: str) -> bool:
    """True when the message is about fiction, the news or a hypothetical case, not the
    writer's own life (小说里..., 看新闻说..., 如果有人...)."""
    return _FICTION.search(normalised) is not None


def is_crisis(normalised: str) -> bool:
    """True when ``normalised`` (lower-case, simplified) expresses danger to life now."""
    text = normalised
    zh = _HAS_CJK.search(text) is not None
    en = _HAS_LATIN.search(text) is not None

    def found(zh_rule: _Lazy, en_rule: _Lazy) -> bool:
        return bool((zh and zh_rule.search(text)) or (en and en_rule.search(text)))

    if is_story(text):
        return False
    if found(_ZH_INTENT, _EN_INTENT):
        # someone else's words from days ago, talked down since, are not a danger now
        return not (_past_only(text) or found(_ZH_OVER, _EN_OVER))
    syllables = _syllables(text) if en else ""
    if syllables:
        if _PINYIN_INTENT.search(syllables):
            return True
        if _PINYIN_DANGER.search(syllables) and not _PINYIN_NOT_NOW.search(syllables):
            return True
    strong = found(_ZH_STRONG, _EN_STRONG) or found(_ZH_ACUTE, _EN_ACUTE) or (zh and _ZH_HEIGHT.search(text) is not None
                                                 and _ZH_DESPAIR.search(text) is not None)
    if strong and not _past_only(text) and not found(_ZH_OVER, _EN_OVER):
        return True
    violence = found(_ZH_VIOLENCE, _EN_VIOLENCE)
    danger = found(_ZH_DANGER, _EN_DANGER)
    if not (violence or danger):
        return False
    calm = found(_ZH_CALM, _EN_CALM) or found(_ZH_OVER, _EN_OVER)
    legal = found(_ZH_NOT_NOW, _EN_NOT_NOW)
    if found(_ZH_NOW_STRONG, _EN_NOW_STRONG) or (found(_ZH_NOW, _EN_NOW) and not calm and not legal):
        if not _past_only(text):
            return True
    return danger and not (calm or legal)


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
    past = re.search(r"去年|前年|前天|前几天|前两天|昨天|当时|上个月|上周|上次|以前|之前|曾经|前几年|几年前|多年前|[一二两三四五六七八九十几]+(?:年|个月)前|"
                     r"\blast (?:year|month|week|time)\b|\byears ago\b|\bused to\b|\byesterday\b", text)
    present = re.search(r"正在|此刻|这会儿|救命|快来|刚才|刚刚|刚把|现在|今晚|今天|right now|please help|tonight|\bnow\b", text)
    return bool(past) and not present
