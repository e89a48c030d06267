"""``make demo``: parse the bundled real reports and print what was found."""

from __future__ import annotations

import sys
from pathlib import Path

from ..escape import padded
from ..model import Report
from ..parser import parse

#: Terminal columns the labels take (a Chinese character takes two), values aligned after.
LABEL_COLUMNS = 44
MAIN_TOTALS = (
    ("applications.new.total", "new requests 本年新收"),
    ("applications.carried_over.total", "carried over 上年结转"),
    ("applications.granted.total", "granted 予以公开"),
    ("applications.total.total", "handled 总计"),
    ("applications.carried_forward.total", "carried forward 结转下年度"),
    ("appeals.review.total", "administrative reviews 行政复议"),
    ("appeals.litigation_direct.total", "lawsuits 行政诉讼 (direct)"),
    ("proactive.licensing.decisions", "licensing decisions 行政许可"),
    ("proactive.penalties.decisions", "penalty decisions 行政处罚"),
    ("proactive.procurement.amount", "procurement amount 采购总金额"),
)


def summary(report: Report) -> str:
    """A short readable summary of one report."""
    lines = [
        f"== {report.source}",
        f"   {report.organisation or '?'} · {report.year or '?'} · template {report.template}"
        f" · published {report.published or 'not printed'}",
        "   layouts: " + ", ".join(f"{t.section} {t.layout or '-'}" for t in report.tables),
    ]
    for key, label in MAIN_TOTALS:
        cell = report.cell(key)
        mark = " (derived)" if cell.provenance == "derived" else ""
        shown = cell.provenance if cell.value is None else f"{cell.value}{mark}"
        lines.append(f"   {padded(label, LABEL_COLUMNS)} {shown}")
    counts = {
        p: sum(t.provenance.count(p) for t in report.tables)
        for p in ("parsed", "derived", "blank", "missing")
    }
    lines.append("   cells: " + ", ".join(f"{n} {p}" for p, n in counts.items()))
    notable = [d for d in report.diagnostics if d.severity != "info"]
    lines.append(
        f"   diagnostics: {len(report.errors)} error(s), "
        f"{len(notable) - len(report.errors)} warning(s), "
        f"{len(report.diagnostics) - len(notable)} info"
    )
    lines.extend(f"     {d}" for d in notable)
    return "\n".join(lines)


def main(paths: list[str]) -> int:
    for path in paths:
        print(summary(parse(Path(path))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
