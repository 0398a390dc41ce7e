"""Crisis detection: a question that says someone's life or safety is in danger *now*.

Such a question puts ``safety.emergency`` (110 / 120 / 119 / 12356) first, before any
legal answer. General legal words (家暴, 打官司, 被打击报复, 去年被打) must not trigger it;
violence, fire, poisoning, self-harm or a child being taken, happening now, must.
"""

from __future__ import annotations

import re

_ZH = [
    # self-harm
    r"想死|不想活|活不下去|活着没意思|自杀|轻生|寻死|割腕|跳楼|跳河|跳桥|上吊|结束(我的|自己的)?生命|"
    r"(吃|吞|喝)了?(很多|一瓶|一把|整瓶)?(安眠药|药片|农药|老鼠药|百草枯|敌敌畏)|想(去)?跳下去|不想再活",
    # violence now
    r"(正在|现在|一直|还在|又在|在)(打|砍|掐|殴打|追打|威胁要杀)我|打我.{0,4}(现在|正在|救命)|"
    r"要杀(了)?(我|我们|人)|(拿|持|提|举)(着)?(刀|斧头|棍子|枪)|砍人|掐(我)?脖子|把我(锁|关)在|"
    r"(在|正在)(打|砍|掐)(孩子|我妈|我妈妈|我爸|我老婆|我女儿|我儿子)",
    # fire, gas, poisoning, medical
    r"着火|起火|失火|烧起来|火灾|煤气泄漏|燃气泄漏|一氧化碳|煤气中毒|(喝|吃|误食|误服)了?.{0,4}(农药|毒|药)|"
    r"中毒了|昏迷|没(有)?呼吸|流了?很多血|大出血|快不行了|快死了|救命",
    # a child taken
    r"(孩子|小孩|女儿|儿子|娃)(被|让人)(抢|抱|拐|带|偷)走|(孩子|小孩|女儿|儿子)(不见了|丢了|失踪)|被绑架|绑架了",
]
_EN = [
    r"kill (myself|me)|suicid|end my life|end it all|want to die|don'?t want to live|better off dead|"
    r"hurt myself|self[- ]harm|overdos|swallowed|jump off",
    r"(is|are|keeps?) (hitting|beating|attacking|choking|stabbing|threatening to kill) (me|us|my)|"
    r"(beating|hitting) me (now|right now)|with a knife|has a (knife|gun)|going to kill|trying to kill",
    r"\bfire\b|on fire|burning|gas leak|carbon monoxide|poison|not breathing|unconscious|bleeding (a lot|badly)|"
    r"\bhelp me\b.*\bnow\b",
    r"(child|kid|son|daughter|baby) (was |has been |is )?(taken|kidnapped|abducted|snatched|missing)|kidnap",
]
_NOT_NOW_ZH = re.compile(r"去年|上个月|以前|之前|曾经|前几年|当年|小时候|能不能告|可以告吗|怎么告|如何申请|保护令")
_NOT_NOW_EN = re.compile(r"\blast (year|month|week)\b|\byears ago\b|\bused to\b|\bprotection order\b|\bcan i sue\b")
_ZH_RE = [re.compile(p) for p in _ZH]
_EN_RE = [re.compile(p, re.IGNORECASE) for p in _EN]


def is_crisis(normalised: str) -> bool:
    """True when ``normalised`` (lower-case, simplified) expresses danger to life now."""
    hit_zh = any(p.search(normalised) for p in _ZH_RE)
    hit_en = any(p.search(normalised) for p in _EN_RE)
    if not (hit_zh or hit_en):
        return False
    # a clearly past or procedural framing is a legal question, unless self-harm words appear
    self_harm = bool(_ZH_RE[0].search(normalised) or _EN_RE[0].search(normalised))
    if not self_harm and (_NOT_NOW_ZH.search(normalised) or _NOT_NOW_EN.search(normalised)):
        return False
    return True
