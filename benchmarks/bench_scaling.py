"""Parse time against input size: inputs of several shapes, built in memory at sizes doubling
from about 0.4 MB up to ``--max-mb`` (default 50), fed to ``govinfo_report.parse`` as bytes.

Shapes (every one from a fixed random seed, so every run parses the same bytes):

  prose         seed 001 with its section 一 padded with realistic Chinese paragraphs
  table-rows    seed 001 with its section 二 table padded with rows (past the 2,000-line
                table cap the rows are not read: ``table-too-large``)
  long-line     seed 001 with one enormous line in section 三: its table flattened onto one
                line by a crawler, repeated (``line-too-long``)
  tab-lines     nothing but lines of tabs and numbers
  junk-invalid  random, mostly valid UTF-8 text with occasional invalid bytes from 80% of
                the way in (refused: ``not-text``)
  junk-nul      the same random text, valid, with one NUL byte 90% of the way in (refused)
  gb18030       the padded report of ``prose``, encoded as GB18030
  web-archive   a web archive's text of a real report (tests/fixtures/realworld, its body on
                one line) with that body repeated on the line: cut again at its headings and
                row labels (``line-breaks-lost``) up to ``limits.MAX_REBREAKS`` cuts, the rest
                one line too long to read
  one-line      the padded prose of ``prose`` on one line after the title, with headings and
                row labels but no table: searched for landmarks, none cut

For each shape and size the script prints the size, the rounds of ``parse`` run (``--rounds``,
default 5, but no new round once the rounds of that input took 5 seconds, so the big sizes
get fewer), the best time of those rounds, the throughput, the best time of a raw pass
over the same bytes (``floor_pass`` of ``bench.py``: decode, split lines, split cells on
tabs, pipes and runs of spaces; bytes that are not UTF-8 are decoded as GB18030 and
re-encoded first, as the parser also falls back to GB18030; undecodable bytes end the pass
where decoding fails), the ratio of the two, and the outcome: ``report`` with the safety
caps that fired, or the ``ParseError`` code. Times are CPU seconds of this process
(``time.process_time``: user and system time, so page faults count), which other work on a
shared machine disturbs far less than wall time.

Linearity verdict, per shape: seconds per MB at the largest size divided by seconds per MB
at the middle size (the lower of the two middle ones, 3.1 MB for the default sizes). A shape
is LINEAR when that ratio is at most 1.5. Time that grew with the square of the size would
give a ratio of 16 between 50 MB and 3.1 MB.

Usage: python benchmarks/bench_scaling.py [--max-mb 50] [--rounds 5] [--check] [--shapes a,b]
Exit status: 0, or with ``--check`` 1 when some shape is not linear.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import govinfo_report as gr

from bench import LINEAR_LIMIT, cpu_model, floor_pass

SEED = 20240229
BUDGET = 5.0  # seconds: no new round of one input once its rounds took this long
MIN_MB = 0.3  # halving from --max-mb stops before a size below this
MB = 1_000_000
REPORT = next((Path(__file__).parent.parent / "tests" / "fixtures" / "seeds").glob("001_*.txt"))

#: Prose of a section 一 (总体情况), with numbers filled in at random.
PARAGRAPHS = (
    "{y}年，我镇坚持“以公开为常态、不公开为例外”，全年通过政府门户网站主动公开各类政府信息{a}条，"
    "其中工作动态{b}条、通知公告{c}条、人事信息{d}条，切实保障人民群众的知情权、参与权和监督权。",
    "围绕群众关心关注的教育、医疗、社保、住房等民生领域，及时发布惠民政策解读{a}篇，"
    "回应社会关切{b}次，以图文解读、视频解读等多种形式增强政策的可读性和传播力。",
    "全年共受理依申请公开{a}件，均在法定期限内予以答复，未发生因政府信息公开引起的行政复议和行政诉讼。",
    "加强政府信息公开保密审查，严格落实“先审查、后公开”和“一事一审”制度，全年审查拟公开信息{a}条，"
    "未发生失泄密事件，未出现因公开不当引发的舆情。",
    "依托“互联网+政务服务”平台，推进政务服务事项网上办理，全年办理各类事项{a}件，"
    "办件按时办结率达到{p}%，群众满意率持续提升。",
    "组织开展政务公开业务培训{a}次，参训人员{b}人次，进一步提升了机关干部的公开意识和业务能力。",
    "按照上级统一部署，对{y}年以前发布的规范性文件进行全面清理，保留{a}件，修改{b}件，"
    "并在政府网站集中公布清理结果，接受社会监督。",
    "规范政府信息公开指南和目录，及时更新机构职能、领导分工、办公地址、联系电话等基础信息，"
    "确保公开内容准确、完整、及时。",
    "强化政务新媒体管理，镇政府微信公众号全年推送信息{a}条，累计阅读量{b}万余次，"
    "有效拓展了政府信息公开的渠道和覆盖面。",
    "持续优化政府网站栏目设置，新增“政策解读”“重点领域信息公开”等专栏{a}个，更新栏目内容{b}条，"
    "网站全年运行平稳，未发生安全事故。",
    "落实财政预决算公开要求，公开部门预算、决算及“三公”经费等财政信息{a}条，"
    "做到应公开尽公开、应细化尽细化。",
)

#: Rows of section 二's 第二十条第（五）项 table: label, 上一年项目数量, 本年增/减, 处理决定数量.
ROW_LABELS = ("行政许可", "其他对外管理服务事项", "行政处罚", "行政强制")

#: Text of junk: CJK, ASCII letters, digits, punctuation and white space.
JUNK_ALPHABET = (
    "".join(map(chr, range(0x4E00, 0x4E00 + 400)))
    + "abcdefghijklmnopqrstuvwxyz"
    + "ABCDEFGHIJ0123456789" * 3
    + "，。、；：（）,.;:()-+/%"
    + " " * 20
    + "\t" * 5
)


def _fill(pool: Sequence[str], target: int, encoding: str, rng: random.Random) -> list[str]:
    """Items drawn from ``pool`` until their encoded size (one newline each) reaches
    ``target`` bytes."""
    sizes = {item: len(item.encode(encoding)) + 1 for item in pool}
    average = sum(sizes.values()) / len(sizes)
    chosen: list[str] = []
    left = target
    while left > 0:
        batch = rng.choices(pool, k=max(1, int(left / average / 2)))
        chosen.extend(batch)
        left -= sum(sizes[item] for item in batch)
    return chosen


def _paragraphs(rng: random.Random, count: int = 512) -> list[str]:
    return [
        rng.choice(PARAGRAPHS).format(
            y=rng.randrange(2018, 2024),
            a=rng.randrange(1, 3000),
            b=rng.randrange(0, 500),
            c=rng.randrange(0, 200),
            d=rng.randrange(0, 50),
            p=rng.randrange(90, 101),
        )
        for _ in range(count)
    ]


def _report() -> list[str]:
    return REPORT.read_text(encoding="utf-8").splitlines()


def _at(lines: list[str], start: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(start))


def _padded_prose(size: int, encoding: str, rng: random.Random) -> bytes:
    lines = _report()
    base = len("\n".join(lines).encode(encoding))
    padding = _fill(_paragraphs(rng), size - base, encoding, rng)
    at = _at(lines, "二、")
    return "\n".join(lines[:at] + padding + lines[at:]).encode(encoding)


def prose(size: int, rng: random.Random) -> bytes:
    return _padded_prose(size, "utf-8", rng)


def gb18030(size: int, rng: random.Random) -> bytes:
    return _padded_prose(size, "gb18030", rng)


def table_rows(size: int, rng: random.Random) -> bytes:
    lines = _report()
    rows = [
        f"{rng.choice(ROW_LABELS)}\t{rng.randrange(0, 40)}\t{rng.randrange(-3, 6)}\t"
        f"{rng.randrange(0, 500)}"
        for _ in range(4096)
    ]
    padding = _fill(rows, size - len("\n".join(lines).encode()), "utf-8", rng)
    at = _at(lines, "第二十条第（六）项")
    return "\n".join(lines[:at] + padding + lines[at:]).encode()


def long_line(size: int, rng: random.Random) -> bytes:
    lines = _report()
    start, end = _at(lines, "三、"), _at(lines, "四、")
    flat = " ".join(line for line in lines[start + 1 : end] if line.strip())
    copies = max(1, (size - len("\n".join(lines).encode())) // len(flat.encode()) + 1)
    line = " ".join([flat] * copies)
    return "\n".join([*lines[: start + 1], line, *lines[start + 1 :]]).encode()


def tab_lines(size: int, rng: random.Random) -> bytes:
    cells = ["", "", "0", "1", "12", "345", "-2", "1.5", "208216.5"]
    pool = ["\t".join(rng.choices(cells, k=rng.randrange(1, 13))) for _ in range(4096)]
    return "\n".join(_fill(pool, size, "utf-8", rng)).encode()


def long_cells(size: int, rng: random.Random) -> bytes:
    """Section 三 as cell lines of 500 to 1,500 characters with a second tab: what made the
    row-per-cell sniff's pattern backtrack (quadratic in the line)."""
    lines = _report()
    cells = [f"\t{'测' * rng.randrange(500, 1500)}\t{rng.randrange(0, 9)}" for _ in range(64)]
    padding = _fill(cells, size - len("\n".join(lines).encode()), "utf-8", rng)
    at = _at(lines, "三、") + 1
    return "\n".join(lines[:at] + padding + lines[at:]).encode()


def _junk_text(size: int, rng: random.Random) -> bytearray:
    pool = ["".join(rng.choices(JUNK_ALPHABET, k=rng.randrange(0, 200))) for _ in range(4096)]
    return bytearray("\n".join(_fill(pool, size, "utf-8", rng)).encode())


def junk_invalid(size: int, rng: random.Random) -> bytes:
    data = _junk_text(size, rng)
    position = int(len(data) * 0.8)
    while position < len(data):
        data[position] = rng.choice((0x80, 0xFF))
        position += rng.randrange(1, 200_000)
    return bytes(data)


def junk_nul(size: int, rng: random.Random) -> bytes:
    data = _junk_text(size, rng)
    data[int(len(data) * 0.9)] = 0
    return bytes(data)


CRAWLER = Path(__file__).parent.parent / "tests" / "fixtures" / "realworld" / "raw"


def _cut(text: str, size: int) -> bytes:
    """``text`` as UTF-8, cut to ``size`` bytes at a character's end."""
    return text.encode()[:size].decode("utf-8", "ignore").encode()


def web_archive(size: int, rng: random.Random) -> bytes:
    head, body = (CRAWLER / "pt-2022-pingtan.crawler.txt").read_text("utf-8").rsplit("\n", 1)
    copies = max(1, (size - len(head.encode())) // len(body.encode()) + 1)
    return _cut(f"{head}\n{' '.join([body] * copies)}", size)


def one_line(size: int, rng: random.Random) -> bytes:
    title = _report()[0]
    padding = _fill(_paragraphs(rng), size - len(title.encode()), "utf-8", rng)
    marks = ["二、主动公开政府信息情况", "行政许可", "1.属于国家秘密", "(七)总计"]
    return _cut("\n".join([title, "".join(p + rng.choice(marks) for p in padding)]), size)


SHAPES: dict[str, Callable[[int, random.Random], bytes]] = {
    "prose": prose,
    "table-rows": table_rows,
    "long-line": long_line,
    "tab-lines": tab_lines,
    "junk-invalid": junk_invalid,
    "junk-nul": junk_nul,
    "gb18030": gb18030,
    "long-cells": long_cells,
    "web-archive": web_archive,
    "one-line": one_line,
}


def raw_pass(data: bytes) -> int:
    """``floor_pass`` on the text a reader gets from ``data``: UTF-8, else GB18030 (re-encoded
    as UTF-8 for ``floor_pass``); -1 when neither decodes."""
    try:
        return floor_pass(data)
    except UnicodeDecodeError:
        pass
    try:
        return floor_pass(data.decode("gb18030").encode("utf-8"))
    except UnicodeDecodeError:
        return -1


def outcome(answer: object) -> str:
    """``report`` and the safety caps that fired, or the error's code (for ``raw_pass``: the
    count of numbers found)."""
    if isinstance(answer, gr.GovinfoReportError):
        return getattr(answer, "code", type(answer).__name__)
    if not isinstance(answer, gr.Report):
        return str(answer)
    caps = sorted(
        {d.code for d in answer.diagnostics}
        & {"line-too-long", "table-too-large", "line-breaks-lost"}
    )
    return "report" + "".join(f" {cap}" for cap in caps)


def best(function: Callable[[bytes], object], data: bytes, rounds: int) -> tuple[float, int, str]:
    """The best CPU time of up to ``rounds`` calls (no new call once the calls so far took
    ``BUDGET`` seconds), the number of calls, and the outcome of the first; each answer is
    dropped before the next call."""
    times: list[float] = []
    first = ""
    while len(times) < rounds and sum(times) < BUDGET:
        gc.collect()
        start = time.process_time()
        try:
            answer = function(data)
        except gr.GovinfoReportError as error:
            answer = error
        times.append(time.process_time() - start)
        first = first or outcome(answer)
        del answer
    return max(min(times), 1e-9), len(times), first


def sizes(max_mb: float) -> list[float]:
    """``max_mb`` halved while the half stays at or above ``MIN_MB``, smallest first."""
    found = [max_mb]
    while found[-1] / 2 >= MIN_MB:
        found.append(found[-1] / 2)
    return found[::-1]


def header() -> None:
    print(f"python    {platform.python_implementation()} {platform.python_version()}")
    print(f"platform  {platform.platform()}, {os.cpu_count()} CPUs {cpu_model()}".rstrip())
    print(f"date      {datetime.datetime.now().isoformat(timespec='seconds')}")
    print(f"govinfo_report {gr.__version__}, seed {SEED}; times in CPU seconds, best of the rounds")
    print()


ROW = "{:<13} {:>7} {:>6} {:>9} {:>8} {:>9} {:>7}  {}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--max-mb",
        type=float,
        default=50.0,
        help="largest input size in MB (10^6 bytes); default 50",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="rounds per input (fewer once they took 5 s); default 5",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when some shape is not linear"
    )
    parser.add_argument(
        "--shapes",
        default=",".join(SHAPES),
        help=f"the shapes to run, comma-separated; default all: {','.join(SHAPES)}",
    )
    args = parser.parse_args()
    if args.max_mb <= 0 or args.rounds < 1:
        parser.error("--max-mb must be positive and --rounds at least 1")
    chosen = args.shapes.split(",")
    if not set(chosen) <= set(SHAPES):
        parser.error(f"unknown shapes: {', '.join(sorted(set(chosen) - set(SHAPES)))}")
    header()
    gr.parse(REPORT.read_bytes())  # build the grammar and caches once
    steps = sizes(args.max_mb)
    middle = steps[(len(steps) - 1) // 2]
    print(ROW.format("shape", "MB", "rounds", "parse s", "MB/s", "raw s", "ratio", "outcome"))
    verdicts: list[tuple[str, float, float, float]] = []
    for name in chosen:
        build = SHAPES[name]
        per_mb: dict[float, float] = {}
        for step in steps:
            data = build(int(step * MB), random.Random(f"{SEED}-{name}-{step}"))
            parse_s, rounds, result = best(gr.parse, data, args.rounds)
            raw_s, _, _ = best(raw_pass, data, args.rounds)
            megabytes = len(data) / MB
            per_mb[step] = parse_s / megabytes
            print(
                ROW.format(
                    name,
                    f"{megabytes:.2f}",
                    rounds,
                    f"{parse_s:.4f}",
                    f"{megabytes / parse_s:.1f}",
                    f"{raw_s:.4f}",
                    f"{parse_s / raw_s:.1f}",
                    result,
                ),
                flush=True,
            )
            del data
        verdicts.append(
            (name, per_mb[middle], per_mb[steps[-1]], per_mb[steps[-1]] / per_mb[middle])
        )
    print()
    print(
        f"linearity: s/MB at {steps[-1]:.2f} MB over s/MB at {middle:.2f} MB "
        f"(LINEAR when <= {LINEAR_LIMIT})"
    )
    for name, low, high, ratio in verdicts:
        verdict = "LINEAR" if ratio <= LINEAR_LIMIT else "NOT LINEAR"
        print(f"{name:<13} {low:9.4f} s/MB -> {high:9.4f} s/MB  x{ratio:5.2f}  {verdict}")
    bent = [name for name, *_, ratio in verdicts if ratio > LINEAR_LIMIT]
    if bent:
        print(f"not linear: {', '.join(bent)}")
    return 1 if args.check and bent else 0


if __name__ == "__main__":
    sys.exit(main())
