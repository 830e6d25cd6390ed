"""Colloquial words said plainly before a question is read: 啥 is 什么 (有啥园区, 有没有啥),
咋/咋样 are 怎么/怎么样, what is being built (在修什么) between two places is a crossing, a
particle that closes a question (呗, 呢, 呀, 啊, 嘛) says nothing the reading needs, 是…吧？ is
a yes-or-no, "X rather than Y" asks X; a command naming a kind ("name the parks in Qidong",
列出…) is the question "which …"; "which crossings are tunnels" is asked as "which tunnels are
crossings"; a kind asked with a date in a search box's words is said as the grammar's question
(dated.py). The answer keeps the question as the analyst typed it."""

from __future__ import annotations

import re

from queries.ask.dated import dated_plainly

_SAID = ((re.compile(r"啥"), "什么"), (re.compile(r"咋样"), "怎么样"), (re.compile(r"咋"), "怎么"),
         (re.compile(r"(?<![南苏锡])通(?:的|了)车"), "通车"),  # 先通的车, 通了车没有: 通车
         # "between the Suzhou side and Nantong": the place itself, one of the two a "between"
         # joins ("on the Nantong side" keeps its side: where on the route)
         (re.compile(r"\b(between|and) the ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) side\b"),
          r"\1 \2"),
         # 是在泗阳县吧？: a guess put to be confirmed is a yes-or-no question
         (re.compile(r"(?<=[是在有属].)(.*?)吧(?=\s*[?？]\s*$)"), r"\1吗"),
         # "does the zone's strategy tell Nantong to learn from": what Nantong learns from (who
         # says so is the source's, not a second subject)
         (re.compile(r"\b(does|do|did) (?:the |its |their )?[\w' -]{2,40}? (?:tell|tells|ask|asks|"
                     r"want|wants|expect|expects|urge|urges|require|requires|direct|directs|"
                     r"encourage|encourages) ([A-Z][\w-]*(?: [A-Z][\w-]*)?) to\b"), r"\1 \2"),
         # 哪几个原有园区: the parks it was made of (原有, 原来的 say when, not which)
         (re.compile(r"(?<=[几哪些个])(?:原有的?|原来的?|原先的?|此前的?|之前的?|先前的?)"
                     r"(?=[\u4e00-\u9fff])"), ""),
         # 苏通科技产业园的开发公司股东: the park's own developer's shareholders, not only
         # firms ("the development company's shareholders" the same)
         (re.compile(r"(?:的)?(?:开发|合资|平台|运营|项目)(?:公司|主体)(?:的)?(?=(?:几个|有几个|哪几个|哪些|的)?股东|股比|股权|持股|出资方)"),
          "的"),
         (re.compile(r"\b(?:the |its |their )?(?:development|joint[- ]venture|jv|platform|"
                     r"operating) (?:company|firm|vehicle)(?:'s| s)? "
                     r"(?=shareholders?\b|owners\b|equity\b)",
                     re.I), "the "),
         # "who are the Sutong park's shareholders": the shareholders of it
         (re.compile(r"\b(who|which [a-z]+|what [a-z]+) (are|were|is|was) (?:the )?"
                     r"(?P<of>[A-Z][\w'-]*(?: [\w'-]+){0,5}?)['’]s? (?P<role>shareholders|owners|"
                     r"co-builders|builders|developers|backers|investors|partners|members)\b"),
          r"\1 \2 the \g<role> of \g<of>"),
         # 最早建成的过江大桥是哪座: which one was the first (the superlative said first)
         (re.compile(r"^(?P<sup>最早|最晚|最先|最后)(?P<verb>建成|通车|开通|设立|成立|启动|开工|获批)"
                     r"的(?P<what>[^，,？?哪]{1,12}?)是哪(?P<m>[座个条家所项处])"),
          r"哪\g<m>\g<what>\g<sup>\g<verb>"),
         # "Is A bigger than B?", A比B大吗: which of the two is bigger (both sizes), not
         # whether a relation ties them
         (re.compile(r"^\s*(?:is|was|are|were)\s+(?P<a>[^?]+?)\s+(?P<adj>bigger|larger|smaller|"
                     r"longer|shorter|older|newer)\s+than\s+(?P<b>[^?]+?)\s*[?？.]*\s*$", re.I),
          r"Which is \g<adj>, \g<a> or \g<b>?"),
         (re.compile(r"^\s*(?P<a>[^，,？?比]{2,30}?)比(?P<b>[^，,？?比]{2,30}?)(?:要|更)?"
                     r"(?P<adj>大|小|长|短|早|晚|老)(?:吗|么|不|没有|一些吗|些吗)?\s*[?？]\s*$"),
          r"\g<a>和\g<b>哪个更\g<adj>？"),
         # "where could a biomedicine company set up in Nantong": the parks there that
         # host the industry (生物医药企业去南通落户选哪个园区 the same)
         (re.compile(r"^\s*where (?:could|can|should|would|might|to) (?:a |an |our |my |we |i )?"
                     r"(?P<ind>[a-z][\w' -]*?) (?:company|companies|firm|firms|maker|makers|"
                     r"manufacturer|manufacturers|plant|business|supplier|suppliers|project) "
                     r"(?:set up|locate|go|invest|build|expand|open)(?: a plant| a factory| "
                     r"shop)? in (?P<place>[^?]+?)\s*[?？.]*\s*$", re.I),
          r"Which parks in \g<place> host \g<ind>?"),
         (re.compile(r"^\s*(?P<ind>[\u4e00-\u9fff]{2,8}?)(?:企业|公司|项目|厂)(?:想|要|准备|打算)?"
                     r"(?:去|到|在)(?P<place>[\u4e00-\u9fff]{2,6}?)(?:落户|落地|投资|建厂|设厂|选址|"
                     r"布局)(?:的话)?[，,]?\s*(?:可以|应该|适合|能)?(?:去|选|落在|放在)?"
                     r"(?:哪里|哪儿|哪个园区|哪些园区|哪个开发区)\s*[?？]?\s*$"),
          r"\g<place>哪些园区有\g<ind>？"),
         # "counting the ones that aren't built yet": every state, not a negation
         (re.compile(r",?\s*\b(?:counting|including|even) (?:the ones|those|ones)(?: that| which)? "
                     r"(?:aren't|are not|haven't been|have not been|isn't|is not) "
                     r"(?:built|open|opened|finished|running)(?: yet)?\b", re.I),
          ", open or planned"),
         # 张靖皋大桥开工了吗, 是否已开工建设: whether building began is what its status says
         (re.compile(r"^(?P<x>[^，,？?]{2,30}?)(?:是否|有没有)?(?:已经?|已)?(?:开工|动工)(?:建设)?了?"
                     r"(?:吗|没有|没|了没)\s*[?？]\s*$|^(?P<y>[^，,？?]{2,30}?)是否已?经?(?:开工|动工)"
                     r"(?:建设)?了?\s*[?？]\s*$"),
          lambda m: f"{m.group('x') or m.group('y')}的状态是什么？"),
         # "parks that list automotive as an industry": the parks hosting it (a listing is
         # how the graph records it)
         (re.compile(r"\b(?P<v>list|lists|listed|name|names|named|count|counts) "
                     r"(?P<x>[a-z][\w' -]*?) as (?:an? |one of (?:its|their) |its |their )?"
                     r"(?:(?:lead|leading|main|key|core|pillar|focus) )?(?:industry|industries|"
                     r"sector|sectors|focus|focuses|specialty|specialties)\b", re.I),
          lambda m: ("hosted " if m.group("v").endswith("ed") else "host ") + m.group("x")),
         # "Whose chain is energy storage?": the places that have it
         (re.compile(r"\bwhose (?:industrial |industry )?(?:chain|industry|cluster|sector|"
                     r"specialty|specialism) is (?P<x>[^?,;]+?)(?=\s*[?,;]|\s*$)", re.I),
          r"which places have \g<x>"),
         # "Parks with auto parts as a lead industry?": those that have it
         (re.compile(r"\b(?:with|having) (?P<x>[a-z][\w' -]*?) as (?:an? |one of (?:its|their) |"
                     r"its |their )?(?:(?:lead|leading|main|key|core|pillar|focus|priority) )?"
                     r"(?:industry|industries|sector|sectors|specialty|specialties)\b", re.I),
          r"that have \g<x>"),
         # "When and by whom was X approved?", X于何时、经哪些部门批准设立: who did it, and when
         (re.compile(r"^\s*when and by whom (?:was|were|is|are) (?P<x>.+?) (?P<v>approved|set up|"
                     r"established|proposed|built|founded|launched|formed|co-built)\s*[?？.]*\s*$",
                     re.I), r"Who \g<v> \g<x>, and when?"),
         (re.compile(r"^(?P<x>[^，,？?、]{2,40}?)(?:是)?(?:于|在)?(?:何时|什么时候|哪一?年)[、，,和及]\s*"
                     r"(?P<by>(?:经|由|被)(?:哪些|哪个|哪几个|哪家|谁)[\u4e00-\u9fff]{0,4}?)"
                     r"(?P<v>批准设立|批准成立|批准|设立|成立|组建|建设|共建|提出)(?:的)?\s*[？?]?\s*$"),
          r"\g<x>是\g<by>\g<v>的，何时\g<v>的？"),
         # "Who built the Sutong park, the first cross-river park?": a name said again in other
         # words after it (an appositive) asks nothing more
         (re.compile(r"^(?P<q>\s*(?i:who|which|what|when|where|how|is|are|was|were|does|do|did)\b"
                     r"[^,?]{4,120}?),\s+(?:(?:the|a|an|its|their)\s(?!ones?\b)|"
                     r"[A-Z][\w-]*['’]s\s)(?![^?]*\b(?i:which|what|who|when|where|how|whether|"
                     r"and|or|but|that|is|are|was|were|has|have|does|do|did)\b)[^,?]{2,60}?"
                     r"\s*(?P<end>[?？.]*)\s*$"), r"\g<q>\g<end>"),
         # a figure read elsewhere, then how many the graph records (南通日报说南通有4个国家级
         # 经开区 这里记了几个, "I read that Nantong has 4 ETDZs. How many does the graph
         # record?"): the count asked, not the claim's number
         (re.compile(r"^(?:[^，,。？?\s]{0,12}?(?:说|称|报道|讲|写|提到)|听说|据说|我看到|看到)?\s*"
                     r"(?P<s>[^，,。？?\s]{1,20}?)(?:有|共有|一共有)\s?(?:\d+|[一二三四五六七八九十两]+)\s?"
                     r"(?P<m>个|家|座|条|所|项|处)(?P<k>[^，,。？?\s]{1,16}?)[，,。\s]+"
                     r"(?:你们这里|你这里|这里面|这里|你们这|你这|你们|数据里|图里|库里|系统里|这个库|这边)?\s?(?:到底|究竟|实际上?|一共)?"
                     r"\s?(?:记|收录|录入|登记|有|记录)了?(?:几|多少)(?:个|家|座|条|所|项|处)?\s*[？?]?\s*$"),
          r"\g<s>有几\g<m>\g<k>？"),
         (re.compile(r"^\s*(?:(?:i|we)(?:'ve)? (?:read|heard|saw|seen|was told|were told)"
                     r"(?: somewhere)?|(?:our|the|my|a) (?:copy|draft|story|report|piece|source)"
                     r" (?:says|claims|states|has it))(?: that)? (?P<s>[A-Z][\w' -]*?) "
                     r"(?:has|have|had) "
                     r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen) "
                     r"(?P<k>[^.?!;]+?)\s*[.!;,]\s*"
                     r"how many (?:does|do|did) (?:the graph|the data|the dataset|the database|"
                     r"the record|the records|you|it|this tool|estuary) (?:actually |really )?"
                     r"(?:record|hold|have|list|show|count|track)\s*[?？.]*\s*$", re.I),
          r"How many \g<k> does \g<s> have?"),
         # a state put to be checked ("Confirm the railway is already in service."): asked
         (re.compile(r"^\s*(?:confirm|check|verify|is it (?:true|correct|right))(?: that)?\s*:?\s+"
                     r"(?P<x>.+?)\s+(?P<v>is|are)\s+(?P<s>(?:already |now |still |currently )?"
                     r"(?:open|opened|in service|in operation|operating|running|under construction|"
                     r"planned|being built|finished|completed))\s*[.?!]*\s*$", re.I),
          lambda m: f"{m.group('v').capitalize()} {m.group('x')} {m.group('s')}?"),
         # "Any semiconductor park in Nantong?": is there any (a yes or no, then the ones)
         (re.compile(r"^\s*any (?=[a-z])(?P<rest>[^?.]+?)\s*[?.]?\s*$", re.I),
          r"Is there any \g<rest>?"),
         # "members on file", "partners on record": what the graph holds, said of the list
         (re.compile(r"(?<=[a-z])\s+(?:on file|on record|in the records?|in the dataset|in the "
                     r"data)\b(?=\s*(?:[,;?.]|and\b|$))", re.I), ""),
         # …的高铁、隧道，一共有几个项目: the kinds said are counted, 项目 no kind of its own
         (re.compile(r"^(?P<pre>[^？?]*、[^？?]*?[\u4e00-\u9fff])(?P<n>[，,]?\s*(?:一共|总共|共|"
                     r"合计)?(?:有)?(?:几个|多少个))(?:项目|工程|东西)(?=\s*[？?]?\s*$)"),
          r"\g<pre>\g<n>"),
         # "how many pieces of infrastructure": the things counted, not their pieces
         (re.compile(r"\b(?:pieces|items|bits) of (?=[a-z])", re.I), ""),
         # "does the dataset track / cover": what the graph holds
         (re.compile(r"\b(does|do) (?:the |your |this )?(?:dataset|data set|database|data|graph|"
                     r"tool|system) (?:track|cover|list|record|contain|include|know about|"
                     r"have on file)\b", re.I), r"\1 the graph hold"),
         # a size asked of each of a kind (启东的园区各有多大, "how big are the parks in
         # Qidong"): which ones there are, and each one's size beside the list
         (re.compile(r"^(?P<what>[^哪？?，,。]{1,24}?的[\u4e00-\u9fff]{1,8}?)(?:的)?(?:面积|长度|规模)?"
                     r"(?:各自|各|分别|都)(?:有|是)?(?P<how>多大|多长|多少平方公里|多少公里|多少米)"
                     r"(?=\s*[?？]?\s*$)"), r"\g<what>有哪些，各\g<how>"),
         (re.compile(r"^\s*how (?P<how>big|large|long) are (?:the |all the )?"
                     r"(?P<what>[a-z][a-z' -]*?s) (?P<where>(?:in|of|on|at|across|near|around|"
                     r"between|that|which) [^?]+?)\s*(?=[?]?\s*$)", re.I),
          r"Which \g<what> are \g<where>, and how \g<how> are they"),
         # "rugao etdz n hai'an etdz": n is "and" typed short
         (re.compile(r"(?<=[A-Za-z']) n (?=[A-Za-z])"), " and "),
         # "crossings on the Nantong side": those in Nantong
         (re.compile(r"\bon the ([A-Z][\w-]*(?: [A-Z][\w-]*)?) (?:side|bank|end)\b"), r"in \1"),
         # "tunnels rather than bridges", 隧道而不是大桥: the first is asked, the other not
         (re.compile(r",?\s+(?:rather than|instead of)\s+[a-z][a-z -]*?(?=\s*[?？.!]*\s*$)",
                     re.I), ""),
         (re.compile(r"[，,]?\s*(?:而不是|而非)\s*[\u4e00-\u9fff]{1,8}(?=\s*[?？。!！]*\s*$)"), ""),
         # what is being built between two places is a crossing or a line: 之间在修什么
         (re.compile(r"(之间|中间)(?:在|正在)(?:修|建|造|铺)(?:些)?(?:什么|哪些)(?:项目|工程)?"
                     r"(?=\s*[?？。!！]*\s*$)"), r"\1有哪些在建的通道"),
         (re.compile(r"(之间|中间)(?:修|建|造|铺)(?:了|好了|成了)(?:些)?(?:什么|哪些)(?:项目|工程)?"
                     r"(?=\s*[?？。!！]*\s*$)"), r"\1有哪些通道"))
# A request said as a command ("name the counties under Nantong", "show me the parks in
# Qidong", 列出启东的园区) is the question "which …" / "…有哪些" (not "tell me about X": an
# overview, overview.py). Only where nothing else in it asks.
_COMMAND_EN = re.compile(r"^\s*(?:please\s+|can you\s+|could you\s+)?(?:name|list|show(?: me)?|"
                         r"give me|get me|tell me|find(?: me)?|enumerate|identify)\s+"
                         r"(?:(?:all|every one)\s+(?:of\s+)?)?(?:the\s+)?(?!about\b)(?=[a-z])",
                         re.I)
_COMMAND_ZH = re.compile(r"^\s*(?:请|麻烦)?(?:帮我|给我)?(?:列出|列一下|列举|列个|盘点)(?:一下)?"
                         r"(?:所有的?|全部的?)?")
ASKING = re.compile(r"哪|什么|谁|几|多少|吗|是否|有没有|何种|何时|如何|"
                     r"\b(?:which|what|who|where|when|how|if|whether)\b", re.I)
# Who is asking and why, said before a colon (我写报告要用：…, "for my report: …"): the scene,
# not the question (its 报告 would otherwise read as asking about documents)
_PREAMBLE = re.compile(r"^\s*(?:我|我们|咱们|咱|本人|(?:for|in) (?:my|our|a)\b|"
                       r"i'm|i am|we're|we are)[^：:？?\n]{0,24}[：:]\s*", re.I)
# ... or as a sentence of its own before the question ("I'm trying to map the models the
# article holds up for Nantong. Which places …"): it asks nothing
_SCENE_SENTENCE = re.compile(r"^\s*(?:i'm|i am|we're|we are|i've been|we've been|i'd like to|"
                             r"i want to|for (?:my|our|a) [a-z]+|"
                             # "We supply auto parts.", "Our client makes …."
                             r"we|our [a-z]+|my [a-z]+)\b"
                             # (not a figure stated to be checked: "Our copy says X has 3 …")
                             r"(?![^.?!？。]{0,60}\b(?:has|have|had) (?:\d+|two|three|four|"
                             r"five|six|seven|eight|nine|ten)\b)[^.?!？。]{0,140}[.。]\s+", re.I)
# ... and said after the question ("…? we've got a few suppliers thinking about moving",
# …？我们这边有几家药企想过去看看): the scene again, where it asks nothing
_SCENE_AFTER = re.compile(r"(?<=[?？])\s*(?:we|we've|we're|i|i'm|i've|my|our|just|asking|"
                          r"thinking|looking|for (?:a|my|our)\b|我们|我|咱们|咱|想|有几家|有家)"
                          r"[^?？]*$", re.I)


# ... or a count's scope said after it (…？配套浦东的那几个也算上): the count is of every one
# the graph records, those included
_ALSO_COUNTED = re.compile(r"(?<=[?？])\s*[^?？]{1,20}(?:也算上|也算进去|也算在内|也包括|都算上|"
                           r"也要算|包括在内)\s*[。.!！]?\s*$")


# ... or where the asker stands, said first (咱们长江口这一片，…): the area the graph is about
_HERE = re.compile(r"^\s*(?:咱们|我们|咱)[\u4e00-\u9fff]{0,8}?"
                   r"(?:这一片|这一带|这片|这一块|这块|这边)(?:儿|里)?[，,]\s*")
# ... or the part of a text the asker reads in (在“探索各方利益平衡机制”这一部分，…, "In the
# section on balancing interests, …"): where it is read, not what is asked
_SECTION = re.compile(r"^\s*(?:在|关于)[“\"《「]?[^，,？?]{2,24}?[”\"》」]?(?:这一?|那一?)"
                      r"(?:部分|节|章|段)(?:里|中|当中|里面)?[，,]\s*|"
                      r"^\s*in the (?:article's |plan's )?(?:section|part|chapter) (?:on|about) "
                      r"[^,?]{3,60},\s*", re.I)
# a list of kind words said to be counted too (…，桥、隧道、铁路都算上，…): the kind asked, whole
_KINDS_INCLUDED = re.compile(r"[，,]\s*(?P<kinds>[\u4e00-\u9fff]{1,4}"
                             r"(?:、[\u4e00-\u9fff]{1,4}){1,5})(?:这些|等)?(?:都|也)(?:要)?(?:算上|算进去|算在内|包括在内|算)"
                             r"(?=\s*[，,。？?])")


# 跑到启东去建园区: 到启东建园区 (跑 says only that they went); 上海有哪些企业到启东建园区:
# which Shanghai firms (the place before 有哪些 says whose firms, where they went follows)
_WENT = ((re.compile(r"跑(?=到|去)"), ""),
         (re.compile(r"(到[\u4e00-\u9fff]{2,6}?)去(?=[建投办设开搞落])"), r"\1"),
         (re.compile(r"^(\s*[\u4e00-\u9fff]{2,4})有哪些(企业|公司|单位|机构|集团)"
                     r"(?=(?:到|去|在)[\u4e00-\u9fff])"), r"哪些\1\2"),
         # 中新集团（即苏州工业园区的开发主体）: a gloss saying who it is, not asked
         (re.compile(r"\s*[（(](?:即|也就是|i\.e\.,?|that is,?)\s*[^）)]{1,40}[）)]", re.I), ""),
         # 浦东在启东那边挂钩的园区: the parks in 启东 paired with 浦东 (启东跟浦东挂钩的园区)
         (re.compile(r"^(\s*[\u4e00-\u9fff]{2,6}?)在([\u4e00-\u9fff]{2,6}?)(?:那边|这边|那儿|那里)?"
                     r"(挂钩|结对|对接|配套|协同)的"), r"\2跟\1\3的"),
         # "phase II of the Shanghai-Nantong railway": the line's phase II, as its name says it
         (re.compile(r"\bphase (ii|2|two) of (?:the )?([A-Z][\w–-]*(?: [A-Z][\w–-]*)* "
                     r"(?:[Rr]ailway|[Ll]ine))", re.I), r"\2 phase II"),
         # "How many rail lines, open or planned, serve X": every state, said between commas
         (re.compile(r",\s*(?:whether\s+)?(?:open|opened|built|existing|running|operating)\s+"
                     r"(?:or|and|and/or)\s+(?:still\s+)?(?:planned|proposed|unbuilt|not|"
                     r"being built|under construction)\s*,\s*", re.I), " "),
         # 主要搞哪几块: which sectors (块 said for 板块 at the question's end)
         (re.compile(r"哪几块(?=\s*(?:[？?。]|$))"), "哪几块产业"),
         # 签过什么协议没有, 搞过什么合作没有: whether they did (签过协议吗)
         (re.compile(r"(过|了)什么([\u4e00-\u9fff]{1,6}?)没有(?=\s*(?:[？?。，,]|$))"), r"\1\2吗"))


# 是不是一直通到嘉定？还是说只修到太仓就停了？: the other way it may be, after a yes-or-no
# question that settles both
_ALTERNATIVE = re.compile(r"(?<=[？?])\s*还是说?[^？?]*[？?]?\s*$")
# …？还在修的、只是规划的先别算进去啊: what the question's own condition leaves out, said again
_LEFT_OUT = re.compile(r"(?<=[？?])\s*[^？?]{1,30}?(?:先|就)?(?:别|不要|不用)(?:算|列)"
                       r"(?:进去|在内|上|进来|出来|了)?[啊吧哦呀哈]?\s*[。.!！]?\s*$")
# "…? Don't count the bridge.": a kind kept out, said after the question
_DONT_COUNT = re.compile(r"(?<=[?？])\s*(?:please\s+)?(?:don'?t|do not|no need to)\s+"
                         r"(?:count|include)\s+(?P<what>(?:the\s+)?[a-z][a-z -]{1,30}?)"
                         r"\s*[.!]?\s*$|"
                         # "…? Railways themselves don't count."
                         r"(?<=[?？])\s*(?P<what2>(?:the\s+)?[a-z][a-z -]{1,30}?)\s+"
                         r"(?:themselves\s+)?(?:don'?t|do not|doesn'?t|does not|shouldn'?t)\s+"
                         r"(?:count|need counting|need to be counted)\s*[.!]?\s*$", re.I)
# … — <a gloss that asks nothing> (an em dash, never a hyphen in a name)
_DASH_TAIL = re.compile(r"(?:\s+[—–]{1,2}\s+|\s*——\s*)(?P<tail>[^?？—–]{3,80}?)\s*[?？.]?\s*$")
_YES_NO_ZH = re.compile(r"是不是|是否|吗\s*[？?]\s*$|有没有")


def without_scene(question: str) -> str:
    """The question without what is said around it rather than asked (the same text if it
    says none): who asks and why, before or after it; where the asker stands (咱们…这一片，);
    a gloss after an em dash; kinds said to be counted too; what its condition leaves out,
    said again (…先别算进去); the other answer a yes-or-no settles (还是说…). A kind left out
    in a sentence after it ("Don't count the bridge.") is said in it, and the loose ways of
    `_WENT` are said plainly (上海有哪些企业跑到启东去建园区: 哪些上海企业到启东建园区)."""
    for pattern, said in _WENT:
        question = pattern.sub(said, question)
    question = _kind_then_which(question) or question
    dont = _DONT_COUNT.search(question)  # "…? Don't count the bridge.": said in the question
    if dont is not None:
        what = dont.group("what") or dont.group("what2")
        question = f"{question[:dont.start()].rstrip(' ?？')}, not counting {what}?"
    left_out = _LEFT_OUT.search(question)  # …？还在修的、只是规划的先别算进去啊
    if left_out is not None:
        question = question[:left_out.start()]
    tail = _DASH_TAIL.search(question)  # "Which alliances is X part of — the YRD ones and
    if tail is not None and not ASKING.search(tail.group("tail")) and ASKING.search(
            question[:tail.start()]):  # the cross-river ones alike?": a gloss on the kind
        question = question[:tail.start()] + "?"
    other = _ALTERNATIVE.search(question)
    if other is not None and _YES_NO_ZH.search(question[:other.start()]):
        question = question[:other.start()]
    out = _PREAMBLE.sub("", question) if ASKING.search(_PREAMBLE.sub("", question)) else question
    said = _SCENE_SENTENCE.match(out)  # "I'm trying to map the models the article holds up
    if said is not None and not ASKING.search(said.group(0)) and ASKING.search(  # for X."
            out[said.end():]):
        out = out[said.end():]
    out = _HERE.sub("", out) if ASKING.search(_HERE.sub("", out)) else out
    out = _SECTION.sub("", out) if ASKING.search(_SECTION.sub("", out)) else out
    out = _kinds_included(out)
    return _scene_after(out)


# ... and in English after the question (…? Rail, bridges, whatever exists or is planned.)
_KINDS_AFTER = re.compile(r"(?<=[?？])\s*(?P<kinds>[A-Za-z][A-Za-z -]*(?:\s*(?:,|/|\bor\b|\band\b)"
                          r"\s*[A-Za-z][A-Za-z -]*?){1,5}?)(?:,?\s*(?:whatever|anything|everything|"
                          r"all of (?:it|them)|etc)\b[^?？]*)?\s*[.!]?\s*$", re.I)


def _kinds_included(question: str) -> str:
    from queries.ask.reading import label_word_set

    words = label_word_set()
    found = _KINDS_INCLUDED.search(question)
    if found is not None and all(k in words for k in found.group("kinds").split("、")):
        return question[:found.start()] + question[found.end():]
    found = _KINDS_AFTER.search(question)
    if found is None:
        return question
    said = [k.strip().casefold() for k in re.split(r",|/|\bor\b|\band\b", found.group("kinds"),
                                                   flags=re.I) if k.strip()]
    before = question[:found.start()].casefold()
    named = any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", before)
                for w in words if w.isascii())
    if named and all(k in words for k in said):  # (no kind named before: these are it)
        return question[:found.start()]
    return question


def _scene_after(question: str) -> str:
    scope = _ALSO_COUNTED.search(question)
    if scope is not None and re.search(r"几|多少|how many", question):
        return question[:scope.start()]
    found = _SCENE_AFTER.search(question)
    if found is None:
        return question
    tail = found.group(0).strip()
    # (我们这边有几家药企想过去看看: 几 there is "a few", in a statement about the asker)
    asks = [w for w in ASKING.findall(tail) if not (w == "几" and re.match(r"我|咱", tail))]
    about_me = re.match(r"(?:我|咱|we\b|we've|we're|i\b|i'm|i've|my\b|our\b)", tail, re.I)
    if asks or re.search(r"[吗呢?？]\s*$", tail) or (_names_a_kind(tail) and not about_me):
        return question  # (…? looking for the cities: the kind asked, said again)
    return question[:found.start()]


# A remark that sources disagree (几个来源说法都不一样吧, "sources seem to differ"): the figure
# is what is asked; its answer shows the source it rests on (and the description the others).
_REMARKS = (
    re.compile(r"[，,。\s]+(?:好像|可能|感觉|我看)?(?:几个|各个|不同|各家|有的|网上)?(?:来源|资料|报道|"
               r"数据|说法|媒体)(?:的)?(?:说法|口径|数字)?(?:都|好像|似乎|可能)?(?:不一样|不一致|"
               r"不同|有出入|打架|对不上)(?:吧|吗|啊|呢)?\s*[?？。!！]*\s*$"),
    re.compile(r"(?<=[?.!])\s*(?:the |different |various |my )?sources (?:seem to |all |"
               r"i found )?(?:disagree|differ|vary|don't agree|do not agree|give different"
               r"[^?.!]*)[^?.!]*[?.!]*\s*$", re.I),
)


def without_remarks(question: str) -> str:
    """The question without a remark that asks nothing (see `_REMARKS`)."""
    for pattern in _REMARKS:
        question = pattern.sub("", question)
    return question


_CLOSING = re.compile(r"(?:呗|呢|呀|啊|嘛|哈|啦)+(?=\s*[?？!！。.]*\s*$)")
# 桥啊、隧道啊、铁路啊，都有哪些: a particle after each thing listed is the speaker's breath,
# not a word of the list (the last item read as 铁路啊 named nothing, and the kinds were lost)
_LISTED = re.compile(r"(?<=[\u4e00-\u9fff])(?:啊|呀|啦)(?=\s*[、，,])")
# (桥啊铁路啊一共有几条, no mark between them: the things so listed, after a mark or 的)
_LISTED_RUN = re.compile(r"(?<=[，,、：:的])((?:[\u4e00-\u9fff]{1,4}?(?:啊|呀|啦)){2,})")


def _listed_run(found: re.Match[str]) -> str:
    return "、".join(w for w in re.split(r"啊|呀|啦", found.group(1)) if w)


def plain(question: str) -> str:
    """The question with its colloquial words said plainly (the same text if it has none)."""
    out = without_remarks(question)
    for pattern, said in _SAID:
        out = pattern.sub(said, out)
    out = _CLOSING.sub("", out)
    out = _LISTED_RUN.sub(_listed_run, out)
    out = _LISTED.sub("", out)
    out = without_scene(out)
    out = _commanded(out) or _nominal(out) or out
    out = _kind_said_last(out) or out
    out = _kind_counted_first(out) or out
    out = dated_plainly(out) or out  # "Co-built parks set up since 2020?"
    return out if out.strip() else question


_WHICH_ARE = re.compile(r"^\s*(?P<ask>which|what)\s+(?:of\s+the\s+)?(?P<set>[a-z][a-z -]*?)\s+"
                        r"(?P<be>are|is)\s+(?:the\s+)?(?P<kind>[a-z][a-z -]*?)\s*[?？.!]*\s*$",
                        re.I)
_WHICH_ARE_ZH = re.compile(r"^\s*(?P<pre>[\u4e00-\u9fff]{0,6}?)(?P<ask>哪些|哪几[个条座])"
                           r"(?P<set>[\u4e00-\u9fff]{2,8}?)是"
                           r"(?P<kind>[\u4e00-\u9fff]{1,6}?)\s*[?？。!！]*\s*$")


def _kind_said_last(question: str) -> str | None:
    """"Which crossings are tunnels", 哪些过江通道是隧道: a kind word that names a value
    (tunnels, 县级市) said as what the things are, said first as the kind asked ("which
    tunnels are crossings"), where the reading keeps to it; else None."""
    from queries.ask.lexicon import lexicon

    def said(word: str) -> str:  # (national-level is national level)
        return word.lower().replace("-", " ")

    words = {said(w) for kind in lexicon().kinds for w in kind.words}
    found = _WHICH_ARE.match(question) or _WHICH_ARE_ZH.match(question)
    if found is None or said(found.group("kind")) not in words:
        return None
    if said(found.group("set")) in words:
        return None  # "which bridges are railways": two values, not a set and a value
    kind = found.group("kind")
    if question.isascii():
        if not kind.lower().endswith("s"):  # a value said of them: "… are national-level"
            return f"{found.group('ask')} {kind} {found.group('set')}?"
        return f"{found.group('ask')} {kind} {found.group('be')} {found.group('set')}?"
    if kind.endswith("的"):  # 南通哪些园区是国家级的: 南通哪些国家级园区
        pre = found.group("pre")
        pre = f"{pre}有" if pre and not pre.endswith("有") else pre
        return f"{pre}{found.group('ask')}{kind[:-1]}{found.group('set')}"
    return f"{found.group('pre')}{found.group('ask')}{kind}是{found.group('set')}"


_COUNTED_FIRST = re.compile(r"^\s*(?P<kind>[\u4e00-\u9fff]{1,6}?)(?:一共|总共|共计|共)(?:有)?"
                            r"(?P<n>几[个项条家座所]?|多少[个项条家座所]?)\s*[?？。]*\s*$")


# 协同区里面挂进去的园区，目前就哪几个: the kind said, then asked after a comma
_KIND_THEN_WHICH = re.compile(r"^(?P<pre>[^，,？?]{2,40}?的)(?P<kind>[\u4e00-\u9fff]{1,4})[，,]\s*"
                              r"(?:目前|现在|到底|具体)?(?:(?P<state>[^，,？?的]{1,10}?)的)?(?:就|都)?"
                              r"(?:是|有)?(?:哪几个|哪些|哪几家|哪几条|哪几座|哪几项)(?:呢|啊)?\s*[？?]?\s*$")


def _kind_then_which(question: str) -> str | None:
    """…的园区，目前就哪几个: asked as …的园区有哪些; else None."""
    from queries.ask.reading import label_word_set

    found = _KIND_THEN_WHICH.match(question)
    if found is None or not any(found.group("kind").endswith(w) for w in label_word_set()):
        return None
    state = found.group("state") or ""  # (…的大桥，已经通车的有哪几座: those open)
    return f"{found.group('pre')}{found.group('kind')}有哪些{state}？"


def _kind_counted_first(question: str) -> str | None:
    """机制共几项, 园区一共多少个: a bare kind word counted after it is said, as the grammar's
    一共有几项机制; else None (南通共有几个园区 names a place, not a kind)."""
    from queries.ask.reading import label_word_set

    found = _COUNTED_FIRST.match(question)
    if found is None or found.group("kind") not in label_word_set():
        return None
    return f"一共有{found.group('n')}{found.group('kind')}"


def _commanded(question: str) -> str | None:
    """A command said as a question ("name the parks in Qidong" -> "which parks in Qidong";
    列出启东的园区 -> 启东的园区有哪些), or None."""
    found = _COMMAND_EN.match(question) or _COMMAND_ZH.match(question)
    rest = question[found.end():] if found is not None else ""
    if not rest.strip() or ASKING.search(rest) or not _names_a_kind(rest):
        return None  # "show me Qidong", "tell me if …": no list asked
    return "which " + rest if rest.isascii() else _END.sub("", rest) + "有哪些"


# a list asked by its kind alone, with no asking word ("Rail links between A and B, open or
# planned?", "Bridges across to Chongming?"): which of that kind
_NOMINAL = re.compile(r"^\s*(?P<np>(?:[a-z][\w-]* ){0,2}[a-z]+s)\s+(?:between|in|from|linking|"
                      r"connecting|across|along|near|around|at|into|to)\b", re.I)


def _nominal(question: str) -> str | None:
    """The kind said first with no asking word, said as "which <kind> …", or None."""
    found = _NOMINAL.match(question)
    if found is None or ASKING.search(question) or not _names_a_kind(found.group("np")) or \
            re.search(r"\b(?:is|are|was|were|does|do|did|has|have|can)\b", question, re.I):
        return None
    return "Which " + question.lstrip()


def _names_a_kind(text: str) -> bool:
    """Whether the text says a kind of thing (parks, 园区, county-level cities)."""
    from queries.ask.reading import label_words

    low = text.lower()
    return any((re.search(rf"(?<![a-z]){re.escape(str(w))}(?![a-z])", low) if str(w).isascii()
                else str(w) in low) for w, _ in label_words() if len(str(w)) > 1)


# A-not-A of a one-character verb (过不过, 通不通, 连没连): 有没有 and 是不是 are read as they are
_EITHER = re.compile(r"(?!有没有|是不是)([\u4e00-\u9fff])([不没])\1")
_END = re.compile(r"[\s?？!！。.]*$")


def asked_plainly(question: str) -> str | None:
    """An A-not-A question said with 吗 (北沿江高铁过不过如皋 -> 北沿江高铁过如皋吗), or None;
    tried where the question as typed is not read."""
    found = _EITHER.search(question)
    if found is None:
        return None
    said = question[:found.start()] + found.group(1) + question[found.end():]
    return _END.sub("", said) + "吗"
