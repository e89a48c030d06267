"""The official Chinese labels of both templates, as data.

Each table maps a stable English key to its canonical label and the aliases met in real
reports. Nothing else in the package spells a Chinese label; matching code reads these.
Labels are compared after ``align.normalise_label`` (whitespace, numbering, brackets and
quotes removed), so aliases only need to cover wording, not punctuation.
"""

from __future__ import annotations

Labels = dict[str, tuple[str, ...]]  # key -> (canonical label, *aliases)

#: Section headings: number -> keywords, any of which identifies the heading.
SECTION_KEYWORDS: dict[int, tuple[str, ...]] = {
    1: ("总体情况", "概述"),
    2: ("主动公开政府信息情况", "主动公开政府信息", "主动公开情况"),
    3: ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请", "依申请公开"),
    4: ("行政复议", "行政诉讼"),
    5: ("存在的主要问题", "主要问题及改进", "问题及改进", "改进情况"),
    6: ("其他需要报告",),
}

#: The header and footer a web browser prints on every page of a page it saves as PDF, as
#: a whole line: the date and time (``11/26/26, 11:18 AM``, ``2026/11/26 11:18``), with the
#: page's title beside it where the text keeps the layout; the page's address, with the
#: page's number beside it (``file:///…/report.html  2/8``, ``https://…``; pdfminer gives
#: ``file`` with the ligature ``ﬁ``), run into the next page's header where a tool joins
#: each page's text to the next with no line break (PyMuPDF's ``get_text(sort=True)`` ends
#: a page's text without one: ``…report.html  2/811/27/26, 6:37 PM  …``). No report's
#: text. Text that joins a line's words by one space (pdfplumber's plain
#: ``extract_text()``, pypdfium2, markitdown) keeps one between them: after ``AM``/``PM``
#: or an address (a 24-hour time so followed may be a site's ``2021-03-27 11:37 来源：…``,
#: which the page's date is read from).
_BROWSER_DATE = (
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ ]\d{1,2}:\d{2}"
    r"(?:[ ]?[AP]M(?:[ ]+\S.*)?|(?:[ ]{2,}\S.*)?)"
)
BROWSER_FURNITURE = (
    rf"{_BROWSER_DATE}"
    rf"|(?:https?|file|\ufb01le)://\S+(?:[ ]+\d{{1,4}}/\d{{1,4}}(?:{_BROWSER_DATE})?)?"
)
#: A page header or footer left by PDF extraction, as a whole line: ``- 4 -``, ``— 4 —``,
#: ``第 3 页``, ``第3页 共5页``, ``共5页 第3页``, ``3/5``, a browser's (``BROWSER_FURNITURE``).
#: Such lines are dropped from prose and tables (a bare number is not one: it may be a
#: table's only value on its line). The leading spaces are taken once (no marker starts
#: with one): a line laid out with spaces is not tried again at each of them.
PAGE_MARKER = (
    r"\s*+(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}"
    rf"|{BROWSER_FURNITURE})\s*"
)

#: Chinese and Arabic numerals of the six section headings, and of a seventh: a report that
#: adds a section of its own before the tables numbers 其他需要报告的事项 七.
SECTION_NUMERALS: dict[str, int] = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
    "6": 6,
    "7": 7,
}

#: Title of the report, after the organisation and the year.
TITLE_KEYWORDS: tuple[str, ...] = ("信息公开", "年度报告", "年报")
#: Marks that open an item of a page's list of links (``· XX局2021年…年度报告``): a line
#: opening with one is a link to a report, never the report's own title.
LIST_BULLETS: tuple[str, ...] = ("·", "•", "●", "▪", "◆", "■")
#: Words that open a page's breadcrumb (``首页 > 政务公开 > 2021年``): a line opening with
#: one is navigation, never a title nor its end.
BREADCRUMB_OPENERS: tuple[str, ...] = ("首页", "网站首页", "当前位置", "您当前的位置", "您的位置")
#: Words of a site's page footer below the report (``主办：XX市人民政府办公室 网站标识码：…``,
#: ``京ICP备12345678号``, ``更新日期：2023-05-17``): a line holding one is no signature.
SITE_FOOTER: tuple[str, ...] = (
    "主办",
    "承办",
    "版权所有",
    "网站标识码",
    "ICP",
    "公网安备",
    "技术支持",
    "更新日期",
    "网站地图",
    "联系我们",
)
#: Words of the title that a page header repeating it on every page keeps.
RUNNING_TITLE: tuple[str, ...] = ("年度报告", "年报")
#: Words that start the report's name in a title that starts with the year: the body is
#: named between the year and the first of them (``2019年XX市人民政府办公厅政府信息公开…``).
TITLE_SUBJECTS: tuple[str, ...] = ("信息公开", "政务公开", "工作年度报告", "年度报告", "年报")
#: The word the report's name may share with the body's name (``XX区人民政府信息公开…``): it
#: belongs to the body only after a place (one of ``PLACE_ENDINGS``).
GOVERNMENT = "政府"
PLACE_ENDINGS: tuple[str, ...] = (
    "省",
    "市",
    "州",
    "盟",
    "县",
    "旗",
    "区",
    "镇",
    "乡",
    "村",
    "人民",
)
#: Endings of the places above a body that a title may leave out and its text prints
#: (``淮安市`` in ``本报告由淮安市洪泽区人民政府办公室…`` under the title ``洪泽区人民政府``).
HIGHER_PLACES: tuple[str, ...] = ("省", "自治区", "市", "州", "盟", "地区")
#: What may come right before such places: words and marks that end a phrase.
PLACE_BOUNDARIES = "由与和及是为对向经在据请、，。：:；;（(）)"
#: Words that end the text before the year in a title without being the body's name
#: (``XX局关于2020年…``).
TITLE_JOINERS: tuple[str, ...] = ("关于",)

# Metadata a text without its title still prints -------------------------------------------

#: Words of the sentence that states the report's period (``本报告所列数据的统计期限自2022年1
#: 月1日起至2022年12月31日止``): the dates after one of them, in the same sentence, are the
#: period whose year is the reporting year.
PERIOD_WORDS: tuple[str, ...] = (
    "统计期限",
    "统计时限",
    "统计期间",
    "统计时间",
    "统计区间",
    "统计周期",
    "统计范围",
    "统计时段",
    "数据统计",
    "报告期",
)
#: How a body's name ends (``…局``, ``…人民政府办公室``, ``…委员会``): a name in the text is
#: only taken when it ends so.
BODY_ENDINGS: tuple[str, ...] = (
    *("政府", "办公厅", "办公室", "办事处", "委员会", "管委会", "管理委员会"),
    *("局", "委", "办", "厅", "院", "署", "中心", "站", "所", "处", "队", "部", "馆", "会"),
)
#: Words that open a body's name without naming it (``我局``, ``本机关``, ``全县各级政府``):
#: a name that starts so is none.
NOT_A_NAME: tuple[str, ...] = ("我", "本", "该", "全", "各", "其", "上级", "有关", "相关")
#: Words that open a phrase of prose, never a body's name (``通过实验区政府门户网站``: through
#: the district's portal): a name that starts so is none.
PROSE_OPENERS: tuple[str, ...] = (
    *("通过", "经过", "依托", "利用", "借助", "按照", "根据", "依据", "依照", "围绕", "结合"),
    *("在", "对", "向", "为", "由", "将", "把", "从", "以"),
)
#: Words of a channel or a means, never in a body's name (``政府门户网站``, ``政务新媒体``).
NOT_IN_A_NAME: tuple[str, ...] = (
    "网站",
    "门户",
    "平台",
    "公众号",
    "微信",
    "微博",
    "热线",
    "新媒体",
    "专栏",
)
#: Words that start what the body did, right after its name, in the sentence that opens
#: section 一 (``2022年，XX县XX局依法做好…``): the name ends where one of them starts.
BODY_ACTIONS: tuple[str, ...] = (
    *("依法", "认真", "深入", "坚持", "严格", "全面", "继续", "积极", "按照", "围绕", "紧紧围绕"),
    *("始终", "高度重视", "进一步", "不断", "持续", "扎实", "切实", "着力", "聚焦", "紧扣"),
    *("贯彻", "落实", "根据", "以习近平", "在", "把", "将", "坚决", "大力", "主动", "充分"),
    *("结合", "对照", "共", "累计", "全年", "深化", "强化", "加强", "推进", "做好", "牢固"),
)

#: A site's metadata block above a report, as a page or a converter prints it: a label,
#: a colon or a cell border, its value. By what the value tells: ``title`` the report's
#: title, ``organisation`` the body that published it, ``published`` the date (labels in
#: order of preference); the ``other`` labels only end the value before them.
PAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("名称", "标题", "文章标题", "信息名称", "题名"),
    "organisation": ("发布机构", "发文机关", "发布单位", "发文单位"),
    "published": ("发布日期", "发布时间", "成文日期", "发文日期"),
    "other": (
        "索引号",
        "主题分类",
        "信息分类",
        "体裁分类",
        "组配分类",
        "文号",
        "发文字号",
        "文件编号",
        "来源",
        "信息来源",
        "栏目",
        "作者",
        "时间",
        "日期",
        "生效日期",
        "废止日期",
        "有效性",
        "主题词",
        "关键词",
        "服务对象",
        "公开方式",
        "公开范围",
        "公开时限",
        "浏览次数",
        "点击数",
        "字号",
        "当前位置",
        "您现在的位置",
        "原文链接",
        "本地目录",
    ),
}
#: Lines of a page or an extraction that name no body, though short and plain: never an
#: organisation (compared whole, spaces removed).
PAGE_FURNITURE: tuple[str, ...] = (
    "正文",
    "全文",
    "首页",
    "目录",
    "打印",
    "关闭",
    "返回",
    "分享",
    "收藏",
    "附件",
    "下载",
    "字体",
    "大中小",
    "文字版",
    "全真版",
    "详情",
)

# Section 二 -------------------------------------------------------------------------------

PROACTIVE_ROWS: dict[str, Labels] = {
    "2019": {
        "rules": ("规章",),
        "normative_documents": ("规范性文件", "行政规范性文件"),
        "licensing": ("行政许可",),
        "other_services": ("其他对外管理服务事项", "其他对外管理服务"),
        "penalties": ("行政处罚",),
        "coercive_measures": ("行政强制",),
        "fees": ("行政事业性收费",),
        "procurement": ("政府集中采购",),
    },
    "2021": {
        "rules": ("规章",),
        "normative_documents": ("行政规范性文件", "规范性文件"),
        "licensing": ("行政许可",),
        "penalties": ("行政处罚",),
        "coercive_measures": ("行政强制",),
        "fees": ("行政事业性收费",),
    },
}

#: Column headers of section 二, per template. ``amount`` is 采购总金额 in 2019 and
#: 本年收费金额 in 2021; ``decisions`` keeps its meaning across both.
PROACTIVE_COLUMNS: dict[str, Labels] = {
    "2019": {
        "made": ("本年新制作数量",),
        "published": ("本年新公开数量",),
        "total_published": ("对外公开总数量",),
        "previous_items": ("上一年项目数量",),
        "change": ("本年增/减", "本年增减"),
        "decisions": ("处理决定数量", "本年处理决定数量"),
        "projects": ("采购项目数量",),
        "amount": ("采购总金额",),
    },
    "2021": {
        "issued": ("本年制发件数",),
        "repealed": ("本年废止件数",),
        "in_force": ("现行有效件数",),
        "decisions": ("本年处理决定数量", "处理决定数量"),
        "amount": ("本年收费金额",),
    },
}

#: Words a section 二 sub-table's header prints besides its columns' names (its first
#: column's): with those, what may come before a first row's label run into it.
PROACTIVE_HEADER_WORDS: tuple[str, ...] = ("信息内容",)

#: Words of a note a section 二 cell prints under its count (``22（其中修订 16 件）``,
#: ``55（含自然失效 29 件）``) that name the cell's column: a rule or document revised or
#: expired leaves the ones in force, so it counts among those repealed; one newly made is
#: issued. A note naming two columns names none (``tables/sections/lifted.py``).
PROACTIVE_NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "2021": {
        "repealed": ("废止", "废除", "失效", "修订", "修改"),
        "issued": ("新制定", "新制发", "新出台"),
    },
}

#: Section 二 as printed: sub-tables of (article, column keys, row keys); rows take their
#: shape from it.
PROACTIVE_BLOCKS: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = {
    "2019": (
        (
            "第二十条第（一）项",
            ("made", "published", "total_published"),
            ("rules", "normative_documents"),
        ),
        (
            "第二十条第（五）项",
            ("previous_items", "change", "decisions"),
            ("licensing", "other_services"),
        ),
        (
            "第二十条第（六）项",
            ("previous_items", "change", "decisions"),
            ("penalties", "coercive_measures"),
        ),
        ("第二十条第（八）项", ("previous_items", "change"), ("fees",)),
        ("第二十条第（九）项", ("projects", "amount"), ("procurement",)),
    ),
    "2021": (
        (
            "第二十条第（一）项",
            ("issued", "repealed", "in_force"),
            ("rules", "normative_documents"),
        ),
        ("第二十条第（五）项", ("decisions",), ("licensing",)),
        ("第二十条第（六）项", ("decisions",), ("penalties", "coercive_measures")),
        ("第二十条第（八）项", ("amount",), ("fees",)),
    ),
}

#: Row key -> the column keys of that row, per template, in template order.
PROACTIVE_SHAPE: dict[str, dict[str, tuple[str, ...]]] = {
    template: {row: columns for _, columns, rows in blocks for row in rows}
    for template, blocks in PROACTIVE_BLOCKS.items()
}

#: Rows of section 二 whose reports may split them into local sub-rows (summed).
PROACTIVE_SPLITTABLE: frozenset[str] = frozenset({"other_services"})

#: Columns that hold money (exported in 万元) and the one that may be negative.
MONEY_COLUMNS: frozenset[str] = frozenset({"amount"})
SIGNED_COLUMNS: frozenset[str] = frozenset({"change"})
#: The units a section 二 cell prints, by column: items (``项``) and their change, documents
#: and decisions (``件``), procurement projects (``个``), money. What a stacked row's values
#: print tells their columns apart by these (``tables.sections.rows``); a column's header
#: names what it counts, so a report printing another unit there is read no less, only
#: not by them.
PROACTIVE_UNITS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("previous_items", "change"), frozenset({"项"})),
    **dict.fromkeys(
        ("made", "published", "total_published", "issued", "repealed", "in_force", "decisions"),
        frozenset({"件"}),
    ),
    "projects": frozenset({"个"}),
    "amount": frozenset({"万元", "元"}),
}

# Section 三 -------------------------------------------------------------------------------

APPLICANT_COLUMNS: Labels = {
    "natural_person": ("自然人",),
    "commercial_enterprise": ("商业企业",),
    "research_institution": ("科研机构",),
    "public_interest_organisation": ("社会公益组织",),
    "legal_service_agency": ("法律服务机构",),
    "other_organisation": ("其他",),
    "total": ("总计",),
}

#: The header cells over several applicant columns (``APPLICANT_COLUMNS``' keys).
APPLICANT_GROUPS: dict[str, tuple[str, ...]] = {
    "申请人情况": tuple(APPLICANT_COLUMNS),
    "法人或其他组织": (
        "commercial_enterprise",
        "research_institution",
        "public_interest_organisation",
        "legal_service_agency",
        "other_organisation",
    ),
}

_APPLICATION_ROWS_COMMON_HEAD: Labels = {
    "new": ("本年新收政府信息公开申请数量", "本年新收"),
    "carried_over": ("上年结转政府信息公开申请数量", "上年结转"),
    "granted": ("予以公开",),
    "partially_granted": ("部分公开",),
    "denied.state_secret": ("属于国家秘密",),
    "denied.prohibited_by_law": ("其他法律行政法规禁止公开",),
    "denied.security_stability": ("危及“三安全一稳定”",),
    "denied.third_party_rights": ("保护第三方合法权益",),
    "denied.internal_affairs": ("属于三类内部事务信息",),
    "denied.process_information": ("属于四类过程性信息",),
    "denied.enforcement_files": ("属于行政执法案卷",),
    "denied.administrative_inquiry": ("属于行政查询事项",),
    "unavailable.not_held": ("本机关不掌握相关政府信息",),
    "unavailable.needs_creation": ("没有现成信息需要另行制作",),
    "unavailable.unclear_after_correction": ("补正后申请内容仍不明确",),
    "not_processed.petition_complaint": ("信访举报投诉类申请",),
    "not_processed.repeated": ("重复申请",),
    "not_processed.publication": ("要求提供公开出版物",),
    "not_processed.excessive": ("无正当理由大量反复申请",),
    "not_processed.confirmation": ("要求行政机关确认或重新出具已获取信息",),
}

_APPLICATION_ROWS_COMMON_TAIL: Labels = {
    "total": ("总计",),
    "carried_forward": ("结转下年度继续办理",),
}

APPLICATION_ROWS: dict[str, Labels] = {
    "2019": {
        **_APPLICATION_ROWS_COMMON_HEAD,
        "other": ("其他处理",),
        **_APPLICATION_ROWS_COMMON_TAIL,
    },
    "2021": {
        **_APPLICATION_ROWS_COMMON_HEAD,
        "other.no_correction": (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人无正当理由逾期不补正",
        ),
        "other.unpaid_fee": (
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用",
        ),
        "other.other": ("其他",),
        **_APPLICATION_ROWS_COMMON_TAIL,
    },
}

#: Labels of merged cells that group rows of section 三; they carry no values.
APPLICATION_GROUPS: dict[str, Labels] = {
    "2019": {
        "outcomes": ("本年度办理结果",),
        "denied": ("不予公开",),
        "unavailable": ("无法提供",),
        "not_processed": ("不予处理",),
    },
    "2021": {
        "outcomes": ("本年度办理结果",),
        "denied": ("不予公开",),
        "unavailable": ("无法提供",),
        "not_processed": ("不予处理",),
        "other": ("其他处理",),
    },
}

# Section 四 -------------------------------------------------------------------------------

APPEAL_GROUPS: Labels = {
    "review": ("行政复议",),
    "litigation_direct": ("未经复议直接起诉",),
    "litigation_after_review": ("复议后起诉",),
}

APPEAL_OUTCOMES: Labels = {
    "upheld": ("结果维持",),
    "corrected": ("结果纠正",),
    "other": ("其他结果",),
    "pending": ("尚未审结",),
    "total": ("总计",),
}

# Template recognition and table furniture -------------------------------------------------

#: Labels found only in one template's tables (compared with spaces removed).
TEMPLATE_MARKERS: dict[str, tuple[str, ...]] = {
    "2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "采购项目数量", "采购总金额"),
    "2021": (
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年收费金额",
        "逾期不补正",
        "逾期未按收费通知要求缴纳费用",
    ),
}

#: Words of reports from before 2019 (the 2008 regulations): their headings and furniture.
LEGACY_MARKERS: tuple[str, ...] = (
    "概述",
    "依申请公开政府信息情况",
    "收费及减免",
    "因政府信息公开申请行政复议",
    "提起行政诉讼的情况",
)

#: The first report year of each template; earlier years are legacy reports.
TEMPLATE_YEARS: dict[str, int] = {"2019": 2019, "2021": 2021}

#: Header and note cells of the tables: recognised, never taken for row labels.
TABLE_FURNITURE: tuple[str, ...] = (
    "信息内容",
    "申请人情况",
    "法人或其他组织",
    "勾稽关系",
    "第一项加第二项之和",
    "行政诉讼",
    "单位",
    "万元",
)

#: Units printed with money, in 万元 per unit.
MONEY_UNITS: dict[str, int] = {"万元": 1, "元": 10000}
#: Units printed with counts inside a cell (``12件``, ``1个``, ``2笔`` of procurement): a count
#: with its unit, right after it or apart (``2 笔``). One character each.
COUNT_UNITS: tuple[str, ...] = (
    *("件", "个", "项", "条", "宗", "起", "次", "家", "份"),
    *("笔", "批", "例"),
)

# Counts stated in the prose of section 一 -------------------------------------------------

#: ``(template, readings, pattern)``: a sentence of 总体情况 that states a count a table holds.
#: ``pattern`` runs on a line with spaces removed; its group ``n`` is the count (absent: 0,
#: as in ``无行政诉讼``). Each reading is a tuple of keys whose sum the count may mean; the
#: sentence agrees with the table if any reading gives its count (``受理…申请14件`` may count
#: the new requests only, or the new and the carried-over ones). ``template`` ``None``: both.
#: A clause that starts with ``其中`` (of which) counts a part, and is skipped.
Statement = tuple[str | None, tuple[tuple[str, ...], ...], str]

#: Words that open a clause counting only a part of a total.
PART_OF: tuple[str, ...] = ("其中",)
#: Characters that end a clause.
CLAUSE_ENDS = "，。；,;：:"

#: Every character a statement can start with: the statements are searched for together,
#: only where one of these is (a test holds every pattern of ``STATEMENTS`` to it).
STATEMENT_STARTS = "上下主作出制办受废收新无未没结行现"

_N = r"(?P<n>\d+)"
_LITIGATION = ("appeals.litigation_direct.total", "appeals.litigation_after_review.total")

STATEMENTS: tuple[Statement, ...] = (
    (
        None,
        (
            ("applications.new.total",),
            ("applications.new.total", "applications.carried_over.total"),
        ),
        rf"(?:收到|新收|受理)了?(?:各类|社会公众)?的?(?:(?:政府信息公开|信息公开|依)申请|申请公开)"
        rf"(?:公开)?(?:数量)?(?:共|总计|合计|为)?{_N}件",
    ),
    (
        None,
        (("applications.carried_over.total",),),
        rf"上年度?结转(?:政府信息公开)?(?:申请)?{_N}件",
    ),
    (
        None,
        (("applications.carried_forward.total",),),
        rf"结转(?:至|到)?下一?年度?(?:继续办理)?(?:申请)?{_N}件",
    ),
    (
        None,
        (("applications.total.total",),),
        rf"(?:办结|办理完结)(?:政府信息公开)?(?:申请)?共?{_N}件",
    ),
    (None, (("appeals.review.total",),), rf"行政复议(?:案件)?{_N}(?:件|起|宗)"),
    (None, (_LITIGATION,), rf"行政诉讼(?:案件)?{_N}(?:件|起|宗)"),
    (
        None,
        (("appeals.review.total",),),
        r"(?:无|未发生过?|没有|未收到|未出现)[^，。；,;\d]{0,20}?行政复议(?!纠错|纠正|决定)",
    ),
    (
        None,
        (_LITIGATION,),
        r"(?:无|未发生过?|没有|未收到|未出现)[^，。；,;\d]{0,20}?行政诉讼(?!纠错|纠正|败诉)",
    ),
    (
        None,
        (("proactive.penalties.decisions",),),
        rf"(?:行政处罚决定|作出行政处罚(?:案件)?|办理行政处罚(?:案件)?){_N}件",
    ),
    (
        None,
        (("proactive.licensing.decisions",),),
        rf"(?:行政许可决定|作出行政许可(?:案件)?|办理行政许可(?:案件)?){_N}件",
    ),
    (
        "2019",
        (("proactive.normative_documents.made",),),
        rf"(?:新制作|制定|制发|出台)(?:行政)?规范性文件{_N}件",
    ),
    (
        "2019",
        (("proactive.normative_documents.published",),),
        rf"(?:主动公开|新公开)(?:行政)?规范性文件{_N}件",
    ),
    (
        "2021",
        (("proactive.normative_documents.issued",),),
        rf"(?:制发|制定|出台)的?(?:行政)?规范性文件{_N}件",
    ),
    ("2021", (("proactive.normative_documents.repealed",),), rf"废止的?(?:行政)?规范性文件{_N}件"),
    (
        "2021",
        (("proactive.normative_documents.in_force",),),
        rf"现行有效的?(?:行政)?规范性文件{_N}件",
    ),
    ("2021", (("proactive.rules.issued",),), rf"(?:制发|制定|出台)的?规章{_N}件"),
    ("2021", (("proactive.rules.in_force",),), rf"现行有效的?规章{_N}件"),
)

# The printed template, for rendering -----------------------------------------------------

#: Section headings as the templates print them.
SECTION_TITLES: dict[int, str] = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}

#: The 勾稽关系 note cell heading the label column of section 三.
APPLICATION_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

#: The merged cells grouping the outcome rows of section 三, as printed, by key prefix.
_OUTCOME_GROUPS = {
    "denied": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}
_PRINTED_ROWS = {
    "new": ("一、本年新收政府信息公开申请数量", "", ""),
    "carried_over": ("二、上年结转政府信息公开申请数量", "", ""),
    "granted": ("三、本年度办理结果", "（一）予以公开", ""),
    "partially_granted": ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    "other": ("", "（六）其他处理", ""),
    "total": ("", "（七）总计", ""),
    "carried_forward": ("四、结转下年度继续办理", "", ""),
}


def _printed_rows(template: str) -> dict[str, tuple[str, str, str]]:
    printed: dict[str, tuple[str, str, str]] = {}
    numbers: dict[str, int] = {}
    for key, (label, *_) in APPLICATION_ROWS[template].items():
        group, _, _ = key.partition(".")
        if key in _PRINTED_ROWS:
            printed[key] = _PRINTED_ROWS[key]
            continue
        numbers[group] = numbers.get(group, 0) + 1
        first = _OUTCOME_GROUPS[group] if numbers[group] == 1 else ""
        printed[key] = ("", first, f"{numbers[group]}.{label}")
    return printed


#: Section 三's label cells as printed: row key -> (top level, outcome, sub-row). A group's
#: label is printed on its first row only (a merged cell).
APPLICATION_PRINTED: dict[str, dict[str, tuple[str, str, str]]] = {
    template: _printed_rows(template) for template in APPLICATION_ROWS
}

#: Section 四's header rows as printed.
APPEAL_HEADER: tuple[tuple[str, ...], ...] = (
    ("行政复议", "", "", "", "", "行政诉讼", *[""] * 9),
    ("", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""),
    tuple(APPEAL_OUTCOMES[o][0] for _ in range(3) for o in APPEAL_OUTCOMES),
)
