"""A corpus of generated reports for the benchmarks: both templates in every layout that can
write, with realistic numbers and prose, as many as asked.

Report ``i`` of seed ``s`` depends on ``(s, i)`` only (its own ``random.Random``), so a corpus
is deterministic, can be written in parallel, and its first ``n`` reports are the corpus of
``n``. Reports take the (template, layout) pairs in turn. Every consistency rule holds: section
三 is built from its parts (outcomes per applicant column, totals summed, ``new`` from the
carried-over and carried-forward counts), section 四 from its outcomes. Counts are mostly small
with a few large ones (log-uniform), most bodies have few or no requests and appeals, and
section 二 has signed changes and money in 万元 with up to four decimals; one report in eight
prints one to three cells of section 二 as not given (``—``). The prose of sections 一, 五
and 六 is drawn from sentences of real reports with varied bodies, years and counts, and
states counts the tables hold (``全年共收到政府信息公开申请14件``), always truly; it fills
each report to a size drawn from the five real seeds' range (4.4-7.3 KB).

Usage: python benchmarks/corpus.py --reports N --out DIR [--seed S] [--jobs J]
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import math
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

import govinfo_report as gr
from govinfo_report import labels

SEED = 20240229
SHARD = 1000  # files per sub-folder
CACHE = Path(__file__).parent / ".corpus"
TEMPLATES = ("2019", "2021")
YEARS = {"2019": (2019, 2020), "2021": (2021, 2025)}
#: Sizes of whole reports in bytes, from the smallest to the largest real seed, rounded out.
SIZE_RANGE = (4400, 7300)
#: Share of the prose budget of sections 一, 五 and 六.
PROSE_SHARES = (0.66, 0.24, 0.10)

Number = int | Decimal


class Draft(NamedTuple):
    """What report ``index`` is made of, before rendering."""

    name: str
    layout: str
    template: str
    report: gr.Report


class Sample(NamedTuple):
    """A generated report's file name (without ``.txt``), layout, template and text."""

    name: str
    layout: str
    template: str
    text: str


#: The layouts of the seeds, which the corpus is written in: fixed, so that figures stay
#: comparable as layouts are added (those of converters are measured on their fixtures).
LAYOUTS = ("tab-separated", "row-per-cell", "flattened-header", "markdown")


@cache
def combinations() -> tuple[tuple[str, str], ...]:
    """Every (template, layout) pair, in the order reports take them."""
    return tuple((template, layout) for template in TEMPLATES for layout in LAYOUTS)


# Numbers ----------------------------------------------------------------------------------


def log_uniform(rng: random.Random, high: int) -> int:
    """An integer in ``[0, high]``, log-uniform: as many in 1-9 as in 10-99, 100-999, ..."""
    return int(10 ** rng.uniform(0, math.log10(high + 1))) - 1


def split(rng: random.Random, total: int, weights: Sequence[float]) -> list[int]:
    """``total`` shared out in proportion to ``weights``, each jittered, summing exactly."""
    jittered = [w * rng.uniform(0.2, 1.8) for w in weights]
    scale = total / sum(jittered)
    parts = [int(w * scale) for w in jittered]
    for _ in range(total - sum(parts)):
        parts[rng.choices(range(len(parts)), jittered)[0]] += 1
    return parts


#: Who asks: natural persons mostly, then enterprises; research institutions rarely.
APPLICANT_WEIGHTS = (0.82, 0.09, 0.006, 0.012, 0.03, 0.042)
#: How requests end, per outcome row of section 三 (the rows between ``carried_over`` and
#: ``total``, in template order).
OUTCOME_WEIGHTS = {
    "granted": 0.46,
    "partially_granted": 0.07,
    "denied.state_secret": 0.002,
    "denied.prohibited_by_law": 0.004,
    "denied.security_stability": 0.003,
    "denied.third_party_rights": 0.008,
    "denied.internal_affairs": 0.006,
    "denied.process_information": 0.012,
    "denied.enforcement_files": 0.004,
    "denied.administrative_inquiry": 0.006,
    "unavailable.not_held": 0.2,
    "unavailable.needs_creation": 0.05,
    "unavailable.unclear_after_correction": 0.03,
    "not_processed.petition_complaint": 0.03,
    "not_processed.repeated": 0.025,
    "not_processed.publication": 0.004,
    "not_processed.excessive": 0.006,
    "not_processed.confirmation": 0.008,
    "other": 0.07,
    "other.no_correction": 0.03,
    "other.unpaid_fee": 0.002,
    "other.other": 0.04,
}
APPEAL_WEIGHTS = (0.6, 0.1, 0.15, 0.15)  # upheld, corrected, other, pending
#: Per group of section 四: the chance of none, and the most there are.
APPEAL_ODDS = {
    "review": (0.55, 80),
    "litigation_direct": (0.7, 40),
    "litigation_after_review": (0.85, 20),
}


def applications(rng: random.Random, template: str, scale: int) -> dict[str, int]:
    """Section 三 for a body handling up to ``scale`` requests a year, every rule holding."""
    rows = list(labels.APPLICATION_ROWS[template])
    outcomes = rows[2:-2]
    weights = [OUTCOME_WEIGHTS[row] for row in outcomes]
    handled = log_uniform(rng, scale) if rng.random() > 0.15 else 0
    columns: list[dict[str, int]] = []
    for count in split(rng, handled, APPLICANT_WEIGHTS):
        column = dict(zip(outcomes, split(rng, count, weights), strict=True))
        column["total"] = count
        column["carried_forward"] = round(count * rng.uniform(0, 0.12))
        column["carried_over"] = min(
            round(count * rng.uniform(0, 0.12)), count + column["carried_forward"]
        )
        column["new"] = count + column["carried_forward"] - column["carried_over"]
        columns.append(column)
    values: dict[str, int] = {}
    for row in rows:
        cells = [column[row] for column in columns]
        for key, value in zip(labels.APPLICANT_COLUMNS, [*cells, sum(cells)], strict=True):
            values[f"applications.{row}.{key}"] = value
    return values


def appeals(rng: random.Random) -> dict[str, int]:
    """Section 四: per group, usually none, otherwise a few outcomes and their total."""
    values: dict[str, int] = {}
    for group, (none, most) in APPEAL_ODDS.items():
        total = 0 if rng.random() < none else 1 + log_uniform(rng, most - 1)
        parts = split(rng, total, APPEAL_WEIGHTS)
        for outcome, value in zip(labels.APPEAL_OUTCOMES, [*parts, total], strict=True):
            values[f"appeals.{group}.{outcome}"] = value
    return values


def _money(rng: random.Random, high: int) -> Decimal:
    places = rng.choice((0, 1, 2, 2, 4, 4))
    return Decimal(log_uniform(rng, high * 10**places)).scaleb(-places)


def proactive(rng: random.Random, template: str) -> dict[str, Number]:
    """Section 二: documents made and in force, items and decisions, fees and purchases."""
    rule_maker = rng.random() < 0.1  # only some bodies make rules (规章)
    values: dict[str, Number] = {}
    for row, columns in labels.PROACTIVE_SHAPE[template].items():
        documents = row in ("rules", "normative_documents")
        made = (
            log_uniform(rng, 12 if row == "rules" else 60)
            if documents and (rule_maker or row != "rules")
            else 0
        )
        for column in columns:
            if column in ("made", "issued"):
                value: Number = made
            elif column == "published":
                value = made - log_uniform(rng, made) // 3
            elif column == "repealed":
                value = log_uniform(rng, made)
            elif column in ("total_published", "in_force"):
                value = made + log_uniform(rng, 40 if row == "rules" else 600) if made else 0
            elif column == "previous_items":
                value = log_uniform(rng, 40 if row == "fees" else 800)
            elif column == "change":
                value = 0 if rng.random() < 0.6 else rng.choice((-1, 1)) * log_uniform(rng, 40)
            elif column == "decisions":
                value = log_uniform(rng, 60_000 if row == "licensing" else 8_000)
            elif column == "projects":
                value = log_uniform(rng, 400)
            else:  # amount: 采购总金额 (2019) or 本年收费金额 (2021), in 万元
                value = _money(rng, 200_000 if row == "procurement" else 20_000)
            values[f"proactive.{row}.{column}"] = value
    return values


# Bodies and prose -------------------------------------------------------------------------

PLACES = (
    "青岚",
    "梧川",
    "临江",
    "东阳",
    "云溪",
    "松原",
    "白沙",
    "柳林",
    "石门",
    "清河",
    "宁安",
    "长乐",
    "永丰",
    "安平",
    "凤台",
    "金山",
    "南屏",
    "北塘",
    "西岭",
    "潭柘",
    "韵家",
    "官元",
    "小港",
    "昆吾",
    "兴隆",
    "桃源",
    "龙泉",
    "杏坛",
    "玉屏",
    "黄岗",
)
AGENCIES = (
    ("市场监督管理局", "我局"),
    ("生态环境局", "我局"),
    ("自然资源和规划局", "我局"),
    ("住房和城乡建设局", "我局"),
    ("交通运输局", "我局"),
    ("教育局", "我局"),
    ("人力资源和社会保障局", "我局"),
    ("卫生健康委员会", "我委"),
    ("财政局", "我局"),
    ("发展和改革委员会", "我委"),
    ("民政局", "我局"),
    ("司法局", "我局"),
    ("农业农村局", "我局"),
    ("应急管理局", "我局"),
    ("文化和旅游局", "我局"),
)
#: Body shapes: (name pattern, how the report calls itself, requests a year at most).
BODIES: tuple[tuple[str, str | None, int], ...] = (
    ("{a}市{agency}", None, 3000),
    ("{a}县{agency}", None, 400),
    ("{a}市{b}区人民政府", "我区", 2000),
    ("{a}县人民政府", "我县", 800),
    ("{a}县{b}镇人民政府", "我镇", 60),
    ("{a}市{b}区{c}街道办事处", "我街道", 80),
    ("{a}市人民政府办公室", "我办", 1500),
    ("{a}区{b}镇政府", "我镇", 40),
)


def body(rng: random.Random) -> tuple[str, str, int]:
    """An organisation's name, how its report calls it, and its yearly scale of requests."""
    pattern, we, scale = rng.choice(BODIES)
    agency, agency_we = rng.choice(AGENCIES)
    a, b, c = rng.sample(PLACES, 3)
    return pattern.format(a=a, b=b, c=c, agency=agency), we or agency_we, scale


#: Sentences of section 一 by sub-heading; ``{n...}`` fields are random counts.
OVERVIEW: dict[str, tuple[str, ...]] = {
    "（一）主动公开情况。": (
        "全年通过政府门户网站主动公开各类政府信息{n1}条，其中工作动态{n2}条、通知公告{n3}条、"
        "人事信息{n4}条。",
        "围绕群众关心关注的教育、医疗、社保、住房等民生领域，及时发布政策解读{n2}篇，"
        "以图文解读、视频解读等多种形式增强政策的可读性和传播力。",
        "落实财政预决算公开要求，公开部门预算、决算及“三公”经费等财政信息{n3}条，"
        "做到应公开尽公开、应细化尽细化。",
        "推进重点领域信息公开，在政府网站集中发布重大建设项目、公共资源配置、社会公益事业等"
        "领域信息{n2}条。",
        "决策公开方面，决策前通过政府网站等多种形式广泛征集社会各方面意见建议，"
        "全年发布决策征集及反馈信息{n4}条。",
    ),
    "（二）依申请公开情况。": (
        "在公开指南中明确依申请公开的申请方式、答复时限和注意事项，确保网上申请、信函申请、"
        "当面申请等渠道畅通。",
        "严格按照《条例》规定的程序和时限办理申请，做到依法受理、及时答复、规范告知，"
        "所有申请均在法定期限内予以答复。",
        "对疑难复杂申请实行集体会商，征求法律顾问意见，确保答复内容合法、准确、完整。",
    ),
    "（三）政府信息管理情况。": (
        "严格落实“先审查、后公开”和“一事一审”制度，全年审查拟公开信息{n1}条，未发生失泄密事件。",
        "按照上级统一部署，对以往发布的规范性文件进行全面清理，并在政府网站集中公布清理结果，"
        "接受社会监督。",
        "规范政府信息公开指南和目录，及时更新机构职能、领导分工、办公地址、联系电话等基础信息，"
        "确保公开内容准确、完整、及时。",
    ),
    "（四）平台建设情况。": (
        "充分发挥政府网站第一平台作用，优化网站栏目设置，新增“政策解读”“重点领域信息公开”等"
        "专栏{n5}个，网站全年运行平稳，未发生安全事故。",
        "强化政务新媒体管理，政务微信公众号全年推送信息{n2}条，累计阅读量{n3}万余次，"
        "有效拓展了政府信息公开的渠道和覆盖面。",
        "依托“互联网+政务服务”平台推进政务服务事项网上办理，全年网上办件{n1}件，"
        "按时办结率达到{pct}%。",
        "在办公场所设置政府信息公开查阅点，配备查阅设备，方便群众就近查阅政府信息。",
    ),
    "（五）监督保障情况。": (
        "成立由主要负责同志任组长的政务公开工作领导小组，定期研究部署政务公开工作，"
        "形成主要领导亲自抓、分管领导具体抓、工作人员抓落实的工作格局。",
        "组织开展政务公开业务培训{n5}次，参训人员{n4}人次，进一步提升了工作人员的公开意识和"
        "业务能力。",
        "将政务公开工作纳入年度绩效考核，分值权重不低于{pct2}%，对发现的问题及时督促整改。",
        "畅通社会评议渠道，主动接受人大代表、政协委员和社会公众监督，全年未收到涉及政府信息"
        "公开的投诉。",
    ),
}

INTROS = (
    "{y}年，{we}坚持“以公开为常态、不公开为例外”，认真贯彻落实《中华人民共和国政府信息公开"
    "条例》（以下简称《条例》），全面推进决策、执行、管理、服务、结果公开，加强解读回应，"
    "切实保障人民群众的知情权、参与权、表达权和监督权。",
    "{y}年，在上级政府的正确领导下，{we}以提升政务公开质量为主线，围绕中心工作，"
    "不断深化重点领域信息公开，政府信息公开工作取得新的进展。",
    "本报告根据《条例》要求编制，统计期限自{y}年1月1日起至{y}年12月31日止。{y}年，"
    "{we}高度重视政府信息公开工作，加大信息公开力度，规范信息公开流程。",
)

PROBLEMS = (
    "信息公开的及时性还有待提高，个别栏目更新不够及时，部分信息公开不够全面。",
    "政策解读形式较为单一，图解、视频等群众喜闻乐见的解读方式运用不多。",
    "工作人员多为兼职，业务能力和专业水平与新形势下的政务公开要求还有一定差距。",
    "依申请公开答复的规范化水平有待提升，答复文书的说理性还需加强。",
    "政务新媒体互动回应不够及时，与群众的互动交流有待加强。",
)
MEASURES = (
    "进一步健全信息发布审核机制，明确各科室信息报送责任，确保信息公开及时、准确、全面。",
    "丰富政策解读形式，综合运用图表图解、音频视频、动漫等方式，提高政策解读的针对性和可读性。",
    "加强业务培训，定期组织工作人员学习《条例》及相关政策，提升政务公开工作水平。",
    "规范依申请公开办理流程，加强与法律顾问的沟通会商，提高答复质量。",
    "加强政务新媒体管理，及时回应群众关切，提升互动交流实效。",
)
OTHER = (
    "{we}{y}年度未收取政府信息公开信息处理费。",
    "{we}政府信息公开网址为：http://www.{domain}.gov.cn/zwgk/，如需了解更多政府信息，请登录查询。",
    "对照{y}年政务公开工作要点，{we}逐项抓好落实，各项任务均已按要求完成。",
    "{we}将认真落实上级关于政务公开工作的各项部署，扎实做好{y1}年政府信息公开工作。",
    "人大代表建议和政协委员提案办理结果已在政府网站公开，接受社会监督。",
)


def statements(values: dict[str, Number], template: str) -> dict[str, list[str]]:
    """Sentences stating counts the tables hold, by the sub-heading of section 一 they open."""
    value = values.__getitem__
    if template == "2019":
        documents = (
            f"本年度新制作规范性文件{value('proactive.normative_documents.made')}件，"
            f"主动公开规范性文件{value('proactive.normative_documents.published')}件。"
        )
    else:
        documents = (
            f"全年制发行政规范性文件{value('proactive.normative_documents.issued')}件，"
            f"废止行政规范性文件{value('proactive.normative_documents.repealed')}件。"
        )
    decisions = (
        f"全年作出行政许可决定{value('proactive.licensing.decisions')}件，"
        f"行政处罚决定{value('proactive.penalties.decisions')}件。"
    )
    new, total = value("applications.new.total"), value("applications.total.total")
    if new:
        requests = (
            f"全年共收到政府信息公开申请{new}件，上年结转"
            f"{value('applications.carried_over.total')}件，办结{total}件，"
            f"结转下年度继续办理{value('applications.carried_forward.total')}件。"
        )
    else:
        requests = "全年未收到政府信息公开申请。"
    review = value("appeals.review.total")
    litigation = value("appeals.litigation_direct.total") + value(
        "appeals.litigation_after_review.total"
    )
    if review or litigation:
        appeal = f"因政府信息公开被申请行政复议{review}件，被提起行政诉讼{litigation}件。"
    else:
        appeal = "全年未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"
    return {
        "（一）主动公开情况。": [documents, decisions],
        "（二）依申请公开情况。": [requests, appeal],
    }


def _fill(
    rng: random.Random, sentences: Sequence[str], budget: int, fields: dict[str, object]
) -> list[str]:
    """Sentences drawn without repeats while their UTF-8 size stays within ``budget`` bytes
    (at least one)."""
    chosen: list[str] = []
    for sentence in rng.sample(list(sentences), len(sentences)):
        text = sentence.format(**fields)
        budget -= len(text.encode())
        if chosen and budget < 0:
            break
        chosen.append(text)
    return chosen


def overview(
    rng: random.Random, budget: int, fields: dict[str, object], stated: dict[str, list[str]]
) -> str:
    """Section 一: an opening paragraph, then sub-headed paragraphs up to ``budget`` bytes."""
    paragraphs = [rng.choice(INTROS).format(**fields)]
    share = budget // (len(OVERVIEW) + 1)
    for heading, sentences in OVERVIEW.items():
        chosen = stated.get(heading, []) + _fill(rng, sentences, share, fields)
        paragraphs.append(heading + "".join(chosen))
    return "\n".join(paragraphs)


def problems(rng: random.Random, budget: int) -> str:
    """Section 五: problems, then measures, as numbered paragraphs."""
    half = budget // 2
    found = _fill(rng, PROBLEMS, half, {})
    measures = _fill(rng, MEASURES, half, {})
    numerals = "一二三四五六七八九十"
    if rng.random() < 0.5:
        return "\n".join(
            [f"（一）存在的问题。{''.join(found)}", f"（二）改进措施。{''.join(measures)}"]
        )
    return "\n".join(f"{numerals[i]}是{sentence}" for i, sentence in enumerate(found + measures))


@cache
def _furniture(template: str, layout: str) -> int:
    """The UTF-8 size of a report of ``template`` in ``layout`` with every value 0 and no
    prose, title or signature: a report's size is this plus its numbers' extra digits, its
    title and signature, and its prose."""
    zeros = dict.fromkeys((field.key for field in gr.fields(template)), 0)
    return len(gr.render(gr.Report.from_values(zeros, template=template), layout).encode())


#: Cells of section 二 that real reports often leave blank or print as ``/``.
OFTEN_NOT_GIVEN = ("change", "previous_items", "total_published", "in_force", "projects", "amount")


def draft(index: int, seed: int = SEED) -> Draft:
    """Report ``index`` of the corpus of ``seed``: its name, layout, template and report."""
    rng = random.Random(f"{seed}/{index}")
    template, layout = combinations()[index % len(combinations())]
    organisation, we, scale = body(rng)
    year = rng.randint(*YEARS[template])
    values: dict[str, Number] = {
        **proactive(rng, template),
        **applications(rng, template, scale),
        **appeals(rng),
    }
    stated = statements(values, template)
    if rng.random() < 0.125:
        blank = [key for key in values if key.rpartition(".")[2] in OFTEN_NOT_GIVEN]
        for key in rng.sample(blank, rng.randint(1, 3)):
            del values[key]
    fields: dict[str, object] = {
        "y": year,
        "y1": year + 1,
        "we": we,
        "pct": rng.randint(95, 100),
        "pct2": rng.randint(3, 8),
        "domain": "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(4, 8))),
        **{f"n{i}": log_uniform(rng, high) for i, high in enumerate((3000, 800, 300, 60, 12), 1)},
    }
    title_and_signature = 2 * len(organisation.encode()) + 60  # 2020年…年度报告, the date
    size = (
        _furniture(template, layout)
        + title_and_signature
        + sum(len(str(value)) - 1 for value in values.values())
    )
    budget = max(600, rng.randint(*SIZE_RANGE) - size)
    budgets = [int(budget * share) for share in PROSE_SHARES]
    report = gr.Report.from_values(
        values,
        template=template,
        organisation=organisation,
        year=year,
        published=datetime.date(year + 1, rng.randint(1, 3), rng.randint(1, 28)),
        overview=overview(rng, budgets[0], fields, stated),
        problems=problems(rng, budgets[1]),
        other_matters="".join(_fill(rng, OTHER, budgets[2], fields)),
    )
    return Draft(f"{index:06d}-{template}-{layout}", layout, template, report)


def generate(n: int, seed: int = SEED, start: int = 0) -> Iterator[Sample]:
    """Reports ``start`` to ``n - 1`` of the corpus of ``seed`` (by default the first ``n``),
    rendered."""
    for index in range(start, n):
        name, layout, template, report = draft(index, seed)
        yield Sample(name, layout, template, gr.render(report, layout))


# Files --------------------------------------------------------------------------------------


def _write_shard(out: Path, start: int, stop: int, seed: int) -> None:
    folder = out / f"{start // SHARD:04d}"
    folder.mkdir(parents=True, exist_ok=True)
    for sample in generate(stop, seed, start):
        (folder / f"{sample.name}.txt").write_bytes(sample.text.encode())


def write(n: int, out: Path, seed: int = SEED, jobs: int | None = None) -> None:
    """Write the first ``n`` reports of ``seed`` under ``out``, ``SHARD`` files a folder
    (``out/0000/000000-2019-tab-separated.txt``, ...), with ``jobs`` processes."""
    starts = range(0, n, SHARD)
    with ProcessPoolExecutor(jobs or os.cpu_count()) as pool:
        list(
            pool.map(
                _write_shard,
                [out] * len(starts),
                starts,
                [min(n, start + SHARD) for start in starts],
                [seed] * len(starts),
            )
        )


def fingerprint() -> str:
    """What a cached corpus depends on: this generator's code and the library's version."""
    return f"{gr.__version__} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}"


def cached(n: int, seed: int = SEED, root: Path = CACHE) -> tuple[Path, float]:
    """The folder holding the corpus of ``n`` reports of ``seed``, written first unless a
    complete one of the same fingerprint is there; and the seconds spent writing it."""
    out = root / f"{n}-{seed}"
    stamp = out / "COMPLETE"
    if stamp.exists() and stamp.read_text() == fingerprint():
        return out, 0.0
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    write(n, out, seed)
    stamp.write_text(fingerprint())
    return out, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, required=True, help="how many reports")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them in")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: all CPUs)")
    args = parser.parse_args()
    if args.reports < 1:
        parser.error("--reports must be at least 1")
    start = time.perf_counter()
    write(args.reports, args.out, args.seed, args.jobs)
    print(f"{args.reports} reports in {args.out} ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
