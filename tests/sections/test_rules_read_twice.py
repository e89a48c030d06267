"""A row's checks read its section's rules more than once (``sections.rows.fill``): the
rules come as a generator, which the first check would use up, leaving the next none to
read (a glued value or counts run together then read as printed)."""

from __future__ import annotations

from govinfo_report.catalogue import TEMPLATES
from govinfo_report.structure.layouts import Row
from govinfo_report.structure.layouts.base import Runs
from govinfo_report.tables.reading import Draft
from govinfo_report.tables.sections import appeals, applications
from govinfo_report.tables.sections.rows import fill


def test_a_merged_last_cell_read_once_is_still_checked_for_glued_values() -> None:
    # 行政复议 printed 06, a blank, 0, 0, then its 总计 6 twice (a merged cell): read once,
    # the row adds up with 06 as 6, but 06 may be 0 and 6 glued over the blank (0 6 0 0 6
    # adds up too), so the row is set aside with both readings, not given, whether its
    # section's rules come as a generator or a tuple (both checks read them).
    template = TEMPLATES["2021"]
    cells = template.rows["appeals", "review"]
    texts = ["06", "", "0", "0", "6", "6"]
    row = Row((("行政复议", 3, 1),), tuple((t, 3, 10 + 3 * i) for i, t in enumerate(texts)), 3)
    for rules in (appeals.rules(template), tuple(appeals.rules(template))):
        draft = Draft("appeals")
        fill(draft, template, cells, row, "行政复议", rules=rules)
        reading = draft.freeze()
        assert reading.given == ()
        [unit] = reading.units
        assert unit.cells == tuple(cells)
        assert {text for text, _, _ in unit.pieces} >= {"06", "0", "6"}
        assert len(unit.options) > 1


def test_a_run_whose_no_break_spaces_fit_no_cut_is_still_checked_for_counts_run_together() -> None:
    # 予以公开's cells ran together as 236 332 with one &nbsp; (get_text()): cut with the
    # no-break space as a blank cell, no way adds up, and 236 and 332 as two counts, the
    # others blank, do not either, but 23 6 3 32 does: the run is cut, never read as the two
    # counts, whether the section's rules come as a generator or a tuple (both checks read
    # them).
    template = TEMPLATES["2021"]
    cells = template.rows["applications", "granted"]
    run = ("236 332", 5, 8)
    traced = Runs((run,), 0, ("236\u00a0332", 5, 8))
    row = Row((("（一）予以公开", 5, 1),), (), 5, runs=traced)
    for rules in (applications.rules(template), tuple(applications.rules(template))):
        draft = Draft("applications")
        fill(draft, template, cells, row, "予以公开", None, (run,), rules=rules)
        reading = draft.freeze()
        assert reading.given == ()
        assert [unit.kind for unit in reading.units] == ["digits"]
