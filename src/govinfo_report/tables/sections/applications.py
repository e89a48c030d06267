"""Section 三, 收到和处理政府信息公开申请情况: rows by their own label (group labels are ignored,
so displaced group labels do no harm), values by position under the seven applicant
columns; two row labels on one line share that line's values. Its rules: each row's 总计 is
the sum of the six applicant columns; in each column 总计 is the sum of the outcome rows,
and 总计 + 结转下年度 = 本年新收 + 上年结转.

The alternative reading, by sequence: pdftotext without -layout writes some merged labels
after their rows' values, so a table read by the order of its cells comes out of step. The
row labels still come in template order and the values in row order, so the n-th row label
takes the n-th run of seven values; a value printed alone beside a row's label (a tall
label's first line) is that row's first; a block of rows printed column by column is read
as rows where each adds up; a row printed on both sides of a page break is read once. Such
a reading is a candidate only: ``resolve.confirmed`` keeps it where the rules confirm it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import islice
from operator import itemgetter
from typing import NamedTuple

import attrs

from ... import labels
from ...catalogue import TEMPLATES, Template
from ...cells import Value, convert, count_values
from ...diagnostics import diagnostic
from ...fold import fold
from ...memo import Memo
from ...structure import collapsed
from ...structure.layouts import Printed, Row
from ..matching import foreign_row, matcher, normalise_label
from ..reading import Draft, Reading, Sum
from ..rules import Rule, violated
from . import label_lines
from .ahead import ahead_of_a_cut_label
from .chain import (
    Context,
    Handler,
    Step,
    bare_row,
    duplicate,
    fill_row,
    run,
    table_empty,
    usual_row,
)
from .header_grid import HeaderGrid, by_header, header_grid
from .merged import covered, covered_column, widened
from .rows import (
    Taken,
    adds_up,
    aligned,
    blanks_unread,
    by_page,
    by_position,
    fill,
    headings,
    label_text,
    labels_below,
    missing_rows,
    not_placed,
    repeated_columns,
    rests_unread,
    rewrapped,
    short,
)
from .spanned import spanned, wrapped_around
from .spelt_down import spelt_down

NAME = "applications"
#: A group's numbering at the start of its printed label: ``(五)`` (full-width folded).
_NUMBERING = re.compile(r"\([一二三四五六七八九十]\)")
NUMBER = 3

#: Column headers: a bare ``总计`` heads the total column, not the total row.
_HEADERS = frozenset(label for aliases in labels.APPLICANT_COLUMNS.values() for label in aliases)


def width(template: str) -> int:
    """How many values a full row holds: the seven applicant columns."""
    return len(labels.APPLICANT_COLUMNS)


def rules(template: Template) -> Iterator[Rule]:
    """The section's rules: per column, the balance and the outcome sum; per row, its sum."""
    rows = list(labels.APPLICATION_ROWS[template.name])
    outcomes = [r for r in rows if r not in ("new", "carried_over", "total", "carried_forward")]
    columns = list(labels.APPLICANT_COLUMNS)
    cells = {row: template.rows[NAME, row] for row in rows}
    for at, (column, (label, *_)) in enumerate(labels.APPLICANT_COLUMNS.items()):
        cell = {row: cells[row][at] for row in rows}
        yield Rule(
            f"applications.balance.{column}",
            f"column {label}: 总计 + 结转下年度继续办理 = 本年新收 + 上年结转",
            (cell["total"], cell["carried_forward"]),
            (cell["new"], cell["carried_over"]),
        )
        yield Rule(
            f"applications.outcomes.{column}",
            f"column {label}: 总计 = the sum of the outcome rows （一） to （六）",
            (cell["total"],),
            tuple(cell[row] for row in outcomes),
        )
    total = columns.index("total")
    for row, (label, *_) in labels.APPLICATION_ROWS[template.name].items():
        yield Rule(
            f"applications.row-sum.{row}",
            f"row {label}: 总计 = the six applicant columns",
            (cells[row][total],),
            tuple(cell for at, cell in enumerate(cells[row]) if at != total),
        )


class _Plan(NamedTuple):
    """What a row's labels say, worked out once per distinct label texts: the texts, the row
    keys, which label cells are rows of the other template or unknown, the group labels, the
    label for messages, and the cells of the first row named."""

    texts: tuple[str, ...]
    keys: tuple[str, ...]
    foreign: tuple[int, ...]
    unknown: tuple[int, ...]
    label: str
    groups: tuple[str, ...]
    cells: tuple[int, ...]


def _plan(labelled: tuple[str, tuple[str, ...]]) -> _Plan:
    template, texts = labelled
    match = matcher(template, NAME).match
    matches = [match(text) for text in texts]
    keys = tuple(dict.fromkeys(key for kind, key in matches if key and kind == "row"))
    row_labels = labels.APPLICATION_ROWS[template]
    return _Plan(
        texts,
        keys,
        tuple(i for i, text in enumerate(texts) if foreign_row(template, NAME, text)),
        tuple(i for i, (kind, _) in enumerate(matches) if kind == "unknown"),
        " + ".join(row_labels[key][0] for key in keys),
        tuple(key for kind, key in matches if key and kind == "group"),
        TEMPLATES[template].rows[NAME, keys[0]] if keys else (),
    )


_PLANS = Memo(_plan, lambda labelled: sum(map(len, labelled[1])))
#: A printed cell's text.
_TEXT = itemgetter(0)


def _plans(taken: Sequence[Taken], template: str) -> list[_Plan]:
    """What each row's labels say (``_Plan``), in order."""
    return [_PLANS[template, tuple(map(_TEXT, row.labels))] for row, _ in taken]


def read(rows: Iterable[Row], template: Template, by_lines: bool = False) -> Reading:
    """The reading of section 三's rows: each row through ``CHAIN``. ``by_lines``: the
    text's lines are the page's, so labels spelt down a narrow column are joined to the
    values on their lines (``spelt_down``)."""
    name = template.name
    columns = width(name)
    lines = list(rows)
    found = labels_below(lines, matcher(name, NAME))
    rows = spanned(found, matcher(name, NAME), columns)
    if by_lines:
        rows = spelt_down(rows, name)
    rows = rewrapped(rows, matcher(name, NAME))
    rows = widened(rows, columns)
    taken = collapsed.take_all(rows, matcher(name, NAME).known)
    plans = _plans(taken, name)
    taken, _ = headings(taken, [plan.keys for plan in plans])
    widths = [_width(row, plan, name, columns) for (row, _), plan in zip(taken, plans, strict=True)]
    taken = by_position(
        taken, widths, columns, check=lambda read: _columns_hold(read, plans, template)
    )
    header = header_grid(taken, columns)
    doubled = 0 if header is not None else _doubled(taken)
    taken = _led_grid(taken, columns, doubled)
    context = _Context(
        Draft(NAME),
        template,
        "section 三",
        rules,
        columns=columns,
        # A grid wider than the section (a Word grid's merged cells) covers cells among
        # the values: its rows are not read from the right edge (``_led_grid``'s either).
        edge=header is None
        and all(len(row.values) <= columns for row in rows)
        and not (doubled and any(len(row.values) > columns for row, _ in taken)),
        twice=_twice(taken, template, columns, doubled),
        widest=_widest(taken, plans, name, columns),
        header=header,
        covered=covered_column(rows, columns),
        lines=found,
    )
    table_empty(context, taken, rows)
    if header is not None:
        _header_noted(context.draft, taken, header, columns)
    run(CHAIN, context, map(_step, taken, plans, _runs_on(taken, columns)))
    _unplaced(context, _between_neighbours(context))
    for group, grouped in context.grouped.items():
        subrows = _group_row(
            context.draft,
            template,
            group,
            grouped.row,
            context.seen | context.named_rows,
            context.unlabelled,
        )
        if not subrows:
            _blank_beside(context, grouped)
        context.seen.update(subrows)
    ahead_of_a_cut_label(
        context,
        taken,
        [plan.keys for plan in plans],
        _every_row(name),
        NAME,
        labels.APPLICATION_ROWS[name],
    )
    _blank_rows(context)
    _blank_by_lines(context, taken, plans, lines)
    missing_rows(
        context.draft,
        template,
        NAME,
        labels.APPLICATION_ROWS[name],
        context.seen,
        context.named_rows,
        (row for row, _ in taken),
    )
    by_page(context.draft, list(map(itemgetter(0), taken)), columns)
    return context.draft.freeze()


def _widest(
    taken: Sequence[Taken], plans: Sequence[_Plan], template: str, columns: int
) -> dict[int, int]:
    """The most cells rows of one label span (``_SPANS``) print after their labels, where that
    is more than the section's columns and the cells before the values are blank (the empty
    cells of a label merged over the label columns, which Tika and python-docx print). A row
    of the same span that prints fewer lost a cell: read from the right edge, its label's
    empty cell would pass for 自然人's blank and every value before the lost one would move a
    column left (其他 0 for 1), so it is read as a row short of values."""
    widest: dict[int, int] = {}
    for (row, runs), plan in zip(taken, plans, strict=True):
        grid = row.grid.cells
        lead = len(grid) - columns
        if len(plan.keys) != 1 or runs or not row.grid.whole or lead <= 0:
            continue
        if not any(text for text, _, _ in grid[:lead]):
            span = _span(template, plan.keys)
            widest[span] = max(widest.get(span, 0), len(grid))
    return widest


def _span(template: str, keys: Sequence[str]) -> int:
    """The label span (``_SPANS``) of the one row ``keys`` name, 0 for any other."""
    return _SPANS[template][keys[0]] if len(keys) == 1 else 0


@cache
def _every_row(template: str) -> dict[str, tuple[str, ...]]:
    """Each row of section 三 and every row of the section."""
    rows = tuple(labels.APPLICATION_ROWS[template])
    return dict.fromkeys(rows, rows)


def _header_noted(draft: Draft, taken: Sequence[Taken], header: HeaderGrid, columns: int) -> None:
    """A table read by its header's grid (``header_grid``), said once."""
    line = next(row.line for row, runs in taken if row.values or runs)
    shared = "".join(f", its cell {at + 1} under two columns' names" for at, _ in header.shared)
    draft.find(
        diagnostic(
            "merged-cell-repeated",
            f"section 三: its rows print {header.wide} cells for {columns} columns, a merged "
            "cell once per grid column it covers (a Word table's grid); each column read at "
            f"the grid columns every header row gives it alone{shared}",
            line,
        )
    )


def _blank_rows(context: _Context) -> None:
    """The rows whose label stood alone in text that leaves blank cells out without a trace
    (``_Context.bare``) and that no row of values gave: printed blank, not lost. One whose
    values a later row gave was a heading over them (a page that repeats each row's label
    over its own small table)."""
    for key, cells in context.bare.items():
        if key not in context.seen:
            context.seen.add(key)
            context.draft.leave_blank(cells)


def _blank_by_lines(
    context: _Context, taken: Sequence[Taken], plans: Sequence[_Plan], lines: Sequence[Row]
) -> None:
    """The rows whose label is printed and whose label's lines hold no value in
    space-aligned text of tall rows (``label_lines.blank_rows``): printed blank, not lost."""
    template = context.template
    row_labels = labels.APPLICATION_ROWS[template.name]
    for key in label_lines.blank_rows(
        [row for row, _ in taken], [plan.keys for plan in plans], lines, row_labels
    ):
        if key in context.named_rows and key not in context.seen:
            context.seen.add(key)
            context.draft.leave_blank(template.rows[NAME, key])


def _columns_hold(taken: Sequence[Taken], plans: Sequence[_Plan], template: Template) -> bool:
    """Whether the rows as read (a blank cell 0) leave at most one column whose rules are
    not shown to hold (broken, or a cell of theirs not read): a nonzero value moved to
    another column in one row breaks the rules of both (the check on a reading by one line
    an empty cell, ``rows.by_position``), while a report may contradict itself, or print
    a placeholder, in one column."""
    values: list[Value | None] = [None] * len(template.fields)
    for (row, _), plan in zip(taken, plans, strict=True):
        if len(plan.keys) == 1 and len(row.values) == len(plan.cells):
            read = count_values(text or "0" for text, _, _ in row.values)
            for cell, value in zip(plan.cells, read, strict=True):
                values[cell] = value
    unshown = {
        rule.name.rpartition(".")[2]
        for rule in rules(template)
        if not rule.name.startswith("applications.row-sum.") and violated(rule, values) is not False
    }
    return len(unshown) <= 1


@attrs.define(slots=True, eq=False)
class _Context(Context):
    """What section 三's reading carries from row to row besides the shared: its width,
    whether its rows are read from the right edge, the grid column python-docx prints
    twice (``_twice``), the header's grid where its rows are read by it (``header_grid``),
    the grid column a merged cell covers in every row one cell wider
    (``merged.covered_column``); the rows whose labels the table prints, with values or not
    (``named_rows``), a group printed as one row with values and its row, the label texts
    of rows of values that name no row, whether a header names a column twice (merged
    cells repeated, as python-docx gives them), and the rows whose label stood alone in
    text that leaves blank cells out without a trace (``bare``: their cells); the section's
    rows as ``spanned`` took them (``lines``: ``_blank_around``); the most cells rows of
    each label span print (``_widest``)."""

    columns: int = 0
    edge: bool = False
    twice: int | None = None
    header: HeaderGrid | None = None
    covered: int | None = None
    named_rows: set[str] = attrs.field(factory=set)
    bare: dict[str, tuple[int, ...]] = attrs.field(factory=dict)
    grouped: dict[str, _Step] = attrs.field(factory=dict)
    unlabelled: list[str] = attrs.field(factory=list)
    repeated: bool = False
    order: list[_Entry] = attrs.field(factory=list)
    lines: Sequence[Row] = ()
    widest: dict[int, int] = attrs.field(factory=dict)
    #: The row whose whole label stood alone (no value) right before: ``_wraps``.
    alone: str | None = None

    def named(self, step: Step) -> str:
        return label_text(step.row)

    def usual(self, step: Step) -> bool:
        """Only a row that prints every cell: one with blank cells may be merged cells."""
        return all(map(_TEXT, step.row.values))

    def note_bare(self, step: Step) -> None:
        """A row of labels alone: the rows it names noted, and whether it names a column
        twice. One row's label alone in text that leaves blank cells out without a trace
        (``Row.traceless``: cells run together, whose row's values follow its label on its
        line) may be a row printed blank (``blank_rows``); a row's whole label alone is
        noted for the row of values after it (``_wraps``)."""
        texts = step.texts
        if step.row.traceless and len(texts) == 1 and len(step.keys) == 1 and not step.unknown:
            self.bare.setdefault(step.keys[0], step.cells)
        if _HEADERS.isdisjoint(texts):  # a header's 其他 heads a column, names no row
            self.named_rows.update(step.keys)
        heads = [text for text in texts if text in _HEADERS]
        self.repeated = self.repeated or len(heads) != len(set(heads))
        own_row = len(step.keys) == 1 and bool(step.cells) and not step.unknown
        self.alone = step.keys[0] if own_row else None


@attrs.define(slots=True, eq=False)
class _Step(Step):
    """A row of section 三 with what its labels say (``_Plan``), the next row's first
    label where this row's last values may be run into it (``_runs_on``), and the columns
    its header's grid leaves unread (``header_grid.by_header``)."""

    plan: _Plan
    run_on: Printed | None = None
    unread: tuple[int, ...] = ()


#: A row of values as ``_Context.order`` keeps it: the rows it names, the row itself where it
#: names none, ``None`` where it was read otherwise (a group printed as one row, a row of
#: the other template).
_Entry = tuple[str, ...] | _Step | None


def _step(taken: Taken, plan: _Plan, run_on: Printed | None) -> _Step:
    row, runs = taken
    texts, keys, _, unknown, label, _, cells = plan
    return _Step(row, runs, texts, keys, unknown, label, cells, plan, run_on)


#: A label cell that starts with values run into it: digits, then a label's text (Chinese
#: numbering or none: ``16186587（四）无法提供…``), or two digits or more before an Arabic
#: numbering's ``.`` (``9564.保护第三方…``: the template numbers its sub-rows 1 to 8).
_RUN_INTO = re.compile(r"\d+(?![\d.．、\s])|\d{2,}[.．、]")


def _runs_on(taken: Sequence[Taken], columns: int) -> list[Printed | None]:
    """For each row, the next row's first label where it starts with digits run into it
    (``_RUN_INTO``) right after this row's last value on its line, and this row prints fewer
    cells apart than the section's columns: those digits may be this row's last values
    (cells run together, a page's ``&nbsp;`` read as columns of spaces:
    ``8.属于行政查询事项 162143305 16186587（四）无法提供…`` for 162 143 30 5 161 86 587).
    ``None`` elsewhere."""
    found: list[Printed | None] = [None] * len(taken)
    for at in range(len(taken) - 1):
        row, runs = taken[at]
        after = taken[at + 1][0]
        if not (runs or len(row.values) < columns) or not after.labels:
            continue  # a full row (most rows: at once), or no label after it
        label = after.labels[0]
        if _RUN_INTO.match(label[0]) is None:
            continue
        last = max(((line, column) for _, line, column in (*row.values, *runs)), default=None)
        if last is not None and label[1] == last[0] and label[2] > last[1]:
            found[at] = label
    return found


def _run_into_next(context: _Context, step: _Step) -> bool:
    """A row of one template row whose last values may be run into the next row's label
    (``_Step.run_on``): the values it prints apart are not all of it, and its cells are
    missing. Read as its whole row (a run cut with blank cells among its values), its
    总计 came out as the last digits it prints (属于行政查询事项 305 for 587)."""
    if step.run_on is None or len(step.keys) != 1:
        return False
    not_placed(
        context.draft,
        context.template,
        step.cells,
        step.run_on,
        f"{step.label}: its last values may be run into the next label {step.run_on[0]!r}",
    )
    return True


def _before_its_label(context: _Context, step: _Step) -> bool:
    """A row of one template row that shows its table's whole grid, fewer cells after its
    last label than the section's columns, and a value before that label: its order is
    broken (Tika's text of a row whose value line moved up among its label cells,
    ``（三）不予公开`` / ``179`` / ``1.属于国家秘密`` / six values), and read in order its
    values would move a column (179 for 101); its cells are missing. A row that fills its
    columns after its label is read from the right edge (a serial number before a label)."""
    row = step.row
    if step.runs or len(step.keys) != 1 or not row.grid.whole:
        return False
    if len(row.grid.cells) >= context.columns or not row.labels:
        return False
    label = max(where[1:] for where in row.labels)
    ahead = next((value for value in row.values if value[1:] < label), None)
    if ahead is None:
        return False
    not_placed(
        context.draft,
        context.template,
        step.cells,
        ahead,
        f"{step.label}: {ahead[0]!r} is printed before the row's label, and the cells after "
        "it are fewer than its columns, so the row's order is broken",
    )
    return True


def _aligned(context: _Context, step: _Step) -> bool:
    """A row of one template row: read by its header's grid where there is one
    (``header_grid``), else its values aligned to the right edge (``rows.aligned``) unless
    it prints fewer cells than another row of its label span (``_widest``); in a
    table whose rows print a grid column twice (``_twice``), a row of blank cells alone:
    its last cells, as many as such a row's (``_repeated_grid_column`` reads them once)."""
    if step.runs or len(step.keys) != 1:
        return False
    row = step.row
    header = context.header
    if header is not None:
        if row.grid.whole and len(row.grid.cells) == header.wide:
            checks = tuple(rules(context.template))
            step.row, step.unread = by_header(
                row, header, lambda values: adds_up(checks, step.cells, values)
            )
    elif context.edge and len(row.grid.cells) >= context.widest.get(
        _span(context.template.name, step.keys), 0
    ):
        step.row = aligned(row, context.columns)
    elif context.twice is not None and not row.values and row.grid.whole:
        grid = row.grid.cells  # after the label's empty cells, if any
        if len(grid) > context.columns and not any(text for text, _, _ in grid):
            step.row = row._replace(values=grid[-context.columns - 1 :])
    return False


def _wraps(context: _Context, step: _Step) -> bool:
    """A row of values: whether one value more than its cells may be a number its narrow
    cell wraps (``Context.wraps``). Not right after another row's whole label printed
    alone: a text that prints the two rows column by column (plain ``pdftotext`` of a
    narrow table: ``（七）总计`` / ``四、结转下年度继续办理`` / ``100`` / ``0`` / ``100`` / ``0`` …)
    gives that row's values among this one's, and ``100`` over ``0`` is two cells, not
    1000."""
    context.wraps = context.alone is None or context.alone in step.keys
    context.alone = None
    return False


def _named_or_grouped(context: _Context, step: _Step) -> bool:
    """A row of values: the rows it names noted; one that names none is a group printed as
    one full row (``_group_of``), read after the rest (``_group_row``), or else its label
    texts are noted as those of a row with no row label."""
    if step.keys:
        context.named_rows.update(step.keys)
        context.order.append(step.keys)
        return False
    group = _group_of(step.plan, context.template.name)
    if (
        group is not None
        and group not in context.grouped
        and not step.runs
        and len(step.row.values) == context.columns
    ):
        context.grouped[group] = step
        context.order.append(step)
        return True
    context.unlabelled.append(normalise_label("".join(step.texts)))
    return False


def _foreign_label(context: _Context, step: _Step) -> bool:
    """A row of the other template: its values fit no cell of this one."""
    context.order.append(None)
    text, line, column = step.row.labels[step.plan.foreign[0]]
    context.draft.find(
        diagnostic(
            "foreign-label",
            f"section 三: {text!r} is a row of the other template; values not placed",
            line,
            column,
        )
    )
    for key in step.keys:
        context.draft.close(context.template.rows[NAME, key])
    context.seen.update(step.keys)
    return True


def _unknown_labels(context: _Context, step: _Step) -> bool:
    """A row of the other template (``_foreign_label``); else each label that matches no row,
    reported, the row read by its other labels. A row of values that names no row: its
    values are placed only where its neighbours leave it one row (``_between_neighbours``)."""
    if step.plan.foreign:
        return _foreign_label(context, step)
    for at in step.unknown:
        text, line, column = step.row.labels[at]
        context.draft.find(
            diagnostic(
                "unknown-label",
                f"section 三: label {text!r} matches no template row",
                line,
                column,
            )
        )
    if not step.keys:
        context.order.append(step)
    elif (unknown := _unknown_before_values(context.template.name, step)) is not None:
        own, (text, _, _) = unknown
        # The rows are printed, not lost: seen, so that no ``row-missing`` names them.
        fresh = [key for key in step.keys if key not in context.seen]
        context.seen.update(step.keys)
        not_placed(
            context.draft,
            context.template,
            [cell for key in fresh for cell in context.template.rows[NAME, key]],
            own,
            f"section 三: the values after {text!r}, a label that matches no template row, "
            f"are not read as {step.label}'s, whose label is printed here",
        )
        return True
    return not step.keys


#: Digits run into a label: a row's values and the next row's Arabic number
#: (``156372.上年结转…``), or its values before a label numbered in Chinese
#: (``0000000三、本年度办理结果（一）予以公开``).
_VALUES_NUMBERED = re.compile(r"\d+(?:[.．、]\s*)?")


def _unknown_before_values(template: str, step: _Step) -> tuple[Printed, Printed] | None:
    """A label between the label naming a row and the row's first value that matches no row
    and is digits run into a row's or group's label (``1.本年新收… 787…2.上年结转… 266…``:
    one-line text read by columns of spaces, a row's values run into the next label, its
    numbering Arabic or Chinese: ``…二、上年结转…数量   0000000三、本年度办理结果（一）予以公开
    0000011``): those digits are the named row's values, and the values after them a later
    row's, even where other labels follow it (a label cut by a space: ``…3.本年`` /
    ``度办理结果（一）予以公开``). The label naming the row and the last such label; ``None``
    where there is none."""
    printed = [*step.row.values, *step.runs]
    if not step.unknown or not printed:
        return None
    first = min((line, column) for _, line, column in printed)
    match = matcher(template, NAME).match
    labels_ = step.row.labels
    named = next((at for at, (text, _, _) in enumerate(labels_) if match(text)[0] == "row"), None)
    for at in sorted(step.unknown, reverse=True):
        label = labels_[at]
        numbered = _VALUES_NUMBERED.match(label[0])
        if (
            named is not None
            and named < at
            and (label[1], label[2]) < first
            and numbered is not None
            and match(label[0][numbered.end() :])[0] in ("row", "group")
        ):
            return labels_[named], label
    return None


def _several_rows(context: _Context, step: _Step) -> bool:
    """A line whose labels name several rows: a collapsed cell there is not placed; its
    values split evenly between them where they are a full row each, else a short row
    (``rows.short``): they belong to one of them."""
    if len(step.keys) == 1:
        return False
    draft, template, row = context.draft, context.template, step.row
    cells = [template.rows[NAME, key] for key in step.keys]
    columns = context.columns
    if step.runs:
        not_placed(
            draft,
            template,
            [cell for key_cells in cells for cell in key_cells],
            step.runs[0],
            f"section 三: a collapsed cell on the line of {step.label}",
            "collapsed-cell",
        )
    elif len(row.values) == columns * len(step.keys):
        for part, (key, key_cells) in enumerate(zip(step.keys, cells, strict=True)):
            values = row.values[part * columns : (part + 1) * columns]
            fill(
                draft,
                template,
                key_cells,
                row._replace(values=values),
                labels.APPLICATION_ROWS[template.name][key][0],
                rules=rules(template),
            )
    else:
        short(draft, template, cells, row.values, row.line, step.label)
    return True


def _unread_columns(context: _Context, step: _Step) -> bool:
    """A row its header's grid leaves columns of unread (``header_grid.by_header``): their
    cells missing, the others placed."""
    if not step.unread:
        return False
    names = "、".join(_COLUMN_NAMES[column] for column in step.unread)
    not_placed(
        context.draft,
        context.template,
        [step.cells[column] for column in step.unread],
        step.row.values[step.unread[0]],
        f"{step.label}: the header rows do not tell which grid column holds {names}'s value "
        "(a value under a grid column they give to two columns, one column's grid columns "
        "printing different texts, or a row that adds up only with other cells read as "
        "copies)",
    )
    kept = [column for column in range(len(step.cells)) if column not in step.unread]
    if kept:
        fill(
            context.draft,
            context.template,
            [step.cells[column] for column in kept],
            step.row._replace(values=tuple(step.row.values[column] for column in kept)),
            step.label,
            context.unit,
            rules=rules(context.template),
        )
    return True


#: Each applicant column's printed name, for messages.
_COLUMN_NAMES = [aliases[0] for aliases in labels.APPLICANT_COLUMNS.values()]


def _repeated_grid_column(context: _Context, step: _Step) -> bool:
    """A row one value too wide where python-docx prints a grid column twice (``_twice``):
    that value read once."""
    if context.twice is not None and not step.runs and len(step.row.values) == context.columns + 1:
        step.row = _once(context.draft, step.row, step.label, context.twice)
    return False


def _merged_columns(context: _Context, step: _Step) -> bool:
    """A row with more cells than columns, its surplus cells blank (``_merged``), unless a
    header names a column twice."""
    return (
        not step.runs
        and not context.repeated
        and _merged(context, step.cells, step.row, step.label)
    )


def _value_alone(context: _Context, step: _Step) -> bool:
    """A row of one value: a collapsed cell or the row's first value
    (``collapsed.alone``)."""
    if not step.runs and len(step.row.values) == 1:
        step.row, step.runs = collapsed.alone(step.row, context.columns)
    return False


def _between_neighbours(context: _Context) -> list[_Step]:
    """The rows of values that name no row (no label, or a piece of a label that names
    none or several: a PDF-to-Markdown extraction lifts a label out of its table; or only
    a group whose sub-rows the table names: a tall label's last piece ``开`` of
    ``（一）予以公开`` reads as ``不予公开``) read as the rows their neighbours leave:
    between two rows that name theirs, the template rows between those two, in order, where
    there are as many as such rows of values, each printing a full row and any label it has
    a piece of its row's label. Before the first row named and after the last, the rows the
    template has there are read the same way (``pdftotext -raw`` prints the table's first
    label with the header, its values alone), or else the rows in between alone. The text's
    order is the evidence (two outcome rows the other way round keep every rule), so it
    holds only where every row of values named comes in template order, and the rules check
    the values: every rule through their cells holds with the values the table gives. Else
    their values are not placed. Returns the rows of values left, but for a group's (read
    as one, ``_group_row``)."""
    orders = (_entries(context, True), _entries(context, False))
    unnamed = [entry for entry in orders[0] if isinstance(entry, _Step)]
    if not unnamed:
        return []
    tried = (
        rows
        for order in orders
        for between in [_placed_between(context, order)]
        for rows in ([*between, *_placed_at_edges(context, order)], between)
    )
    placed = next((rows for rows in tried if rows and _hold_with(context, rows)), [])
    rows = labels.APPLICATION_ROWS[context.template.name]
    grouped = {id(step): group for group, step in context.grouped.items()}
    left = []
    for step in unnamed:
        key = next((key for unnamed, key in placed if unnamed is step), None)
        if key is None:
            if id(step) not in grouped:
                left.append(step)
            continue
        context.grouped.pop(grouped.get(id(step), ""), None)
        context.draft.give(context.template.rows[NAME, key], step.row.values, None)
        context.seen.add(key)
        context.draft.find(
            diagnostic(
                "row-by-order",
                f"section 三: a row with no row label ({label_text(step.row) or 'none'}) "
                f"is read as {rows[key][0]}: the one row its neighbours leave it in the "
                "template's order, and the section's rules through its cells hold",
                step.row.line,
                step.row.values[0][2],
            )
        )
    return left


def _unplaced(context: _Context, left: Sequence[_Step]) -> None:
    """The rows of values no row took (``left``, and the groups' rows that cannot be read
    as one, ``_group_doubt``) read as a row printed with no value beside them
    (``_beside_bare_labels``); the others' values are not placed (``values-unplaced``), and
    the rows around and beside them are not claimed printed blank."""
    template = context.template
    subrows = _SUBROWS[template.name]
    doubted = {
        group: step
        for group, step in context.grouped.items()
        if _group_doubt(
            template.name, subrows[group], context.seen | context.named_rows, context.unlabelled
        )
        is not None
    }
    beside = _beside_bare_labels(
        context,
        [*((step, None) for step in left), *((step, subrows[g]) for g, step in doubted.items())],
    )
    for group, step in doubted.items():
        if id(step) in beside:
            del context.grouped[group]
    for step in left:
        if id(step) in beside:
            continue
        context.draft.find(
            diagnostic(
                "values-unplaced",
                f"section 三: a row with no row label ({label_text(step.row) or 'none'}); "
                "its values are not placed",
                step.row.line,
            )
        )
        _blank_around(context, step)
        _blank_beside(context, step)
        if step.row.values:
            rests_unread(
                context.draft,
                template,
                step.row.values,
                f"section 三: it may be the rest of a number wrapped in its narrow cell whose "
                f"head went to no row (line {step.row.values[0][1]})",
            )


def _blank_around(context: _Context, step: _Step) -> None:
    """The cells claimed printed blank of the row whose lines take in ``step``'s, a row of
    values left to no row (``spanned.wrapped_around``: ``1.申请人无正当`` / ``理由逾期不补正`` /
    … / ``理其政府信息公  60 … 11``, one cell short, so not joined to its row; ``（一）予以公开``
    / ``结果  16  14  30`` over a row printing none): the values may be its, leaving which of
    its cells blank no line tells, so those cells are missing, never claimed blank (as
    ``proactive._beside_ignored`` does for section 二)."""
    name = context.template.name
    label = wrapped_around(context.lines, step.row.line, matcher(name, NAME))
    key = matcher(name, NAME).match(label)[1] if label else None
    if key is None:
        return
    own = set(context.template.rows[NAME, key])
    draft = context.draft
    for at, (cells, _, _) in enumerate(draft.given):
        if not own.isdisjoint(cells):
            blanks_unread(
                draft,
                context.template,
                at,
                step.row.values[0],
                f"section 三: {labels.APPLICATION_ROWS[name][key][0]}: the line of values that "
                f"went to no row (line {step.row.line}) is one of its label's lines, and may "
                "be its: its blank cells are not read as printed blank",
            )


def _beside_bare_labels(
    context: _Context, steps: Sequence[tuple[_Step, Sequence[str] | None]]
) -> set[int]:
    """Rows of values on one line that name no row, each read as the one row printed blank
    on the nearest line of a row above or below it (empty lines between them: pandoc's;
    one of ``among``'s rows, where given) with as many cells as its values: a label
    wrapped around its values whose piece beside them names no row (``三、  2  0 … 2`` /
    ``本年度办理结果 （一）予以公开``; a tall group label's piece, ``三、本年  0 … 0`` /
    ``2.重复申请``, ``（三）不  0 … 0`` / ``4.保护第三方合法权益``) prints its row's label on a
    line of no value. All of them where the section's rules through their cells hold with
    every such reading (a Word table of tall cells leaves several rows so), else each
    where they hold with it and those before. Returns the ``id`` of each step read."""
    template = context.template
    names = labels.APPLICATION_ROWS[template.name]
    pairs = []
    for step, among in steps:
        found = [
            (at, key)
            for at, cells in _bare_beside(context, step)
            for key in names
            if template.rows[NAME, key] == cells and (among is None or key in among)
        ]
        if len(found) == 1:
            pairs.append((step, *found[0]))
    every = bool(pairs) and _hold_with(context, [(step, key) for step, _, key in pairs])
    read = set()
    for step, at, key in pairs:
        if every or _hold_with(context, [(step, key)]):
            _read_beside(context, step, at, key)
            read.add(id(step))
    return read


def _read_beside(context: _Context, step: _Step, at: int, key: str) -> None:
    """``step``'s values read as those of the row printed blank at ``draft.given[at]``
    (``_beside_bare_labels``), said."""
    draft, values = context.draft, step.row.values
    draft.given[at] = (draft.given[at][0], values, None)
    draft.find(
        diagnostic(
            "row-by-order",
            f"section 三: a row with no row label ({label_text(step.row) or 'none'}) is read "
            f"as {labels.APPLICATION_ROWS[context.template.name][key][0]}, printed with no "
            "value on the nearest line of a row, and the section's rules through its cells "
            "hold",
            values[0][1],
            values[0][2],
        )
    )


def _bare_beside(
    context: _Context, step: _Step, close: bool = False
) -> list[tuple[int, tuple[int, ...]]]:
    """The rows (their place in ``draft.given`` and cells) printed with no value on the
    nearest line of a row above or below ``step``'s one line of values, as many cells as
    its values: the rows whose values those may be (``_beside_bare_labels``). Where
    ``close``, of any width but at most two lines away: a row of fewer values (its blank
    cells leaving no trace) may be any's next to it."""
    draft = context.draft
    values = step.row.values
    if not values or any(on != values[0][1] for _, on, _ in values):
        return []
    line = values[0][1]
    rows = [printed[0][1] for _, printed, _ in draft.given if printed]
    rows += [entry.row.line for entry in context.order if isinstance(entry, _Step)]
    nearest = (
        max((on for on in rows if on < line), default=None),
        min((on for on in rows if on > line), default=None),
    )
    return [
        (at, cells)
        for at, (cells, printed, _) in enumerate(draft.given)
        if printed
        and printed[0][1] in nearest
        and (abs(printed[0][1] - line) <= 2 if close else len(cells) == len(values))
        and not any(text for text, _, _ in printed)
    ]


def _blank_beside(context: _Context, step: _Step) -> None:
    """The cells of the rows printed with no value beside ``step``'s values, which went to
    no row (``_bare_beside``), taken back: those values may be theirs (Word's tall cells
    through ``pdftotext -layout`` print ``（三）不  0 … 0`` over ``4.保护第三方合法权益``), so
    they are missing, never claimed printed blank."""
    name = context.template.name
    for at, cells in _bare_beside(context, step, close=True):
        key = next(
            key
            for key in labels.APPLICATION_ROWS[name]
            if cells[0] in context.template.rows[NAME, key]
        )
        blanks_unread(
            context.draft,
            context.template,
            at,
            step.row.values[0],
            f"section 三: {labels.APPLICATION_ROWS[name][key][0]} prints no value on its "
            f"lines, beside a line of values that went to no row (line {step.row.line}): "
            "those may be its, so its cells are not read as printed blank",
        )


def _entries(context: _Context, pieces: bool) -> list[_Entry]:
    """``context.order`` with the rows of values that name only a group whose sub-rows the
    table names (no group printed as one row, ``_group_row``) read, where ``pieces``, as
    rows that name none (a piece of a sub-row's label: ``开``), else left out (the group's
    own row of sums, which some tables print above its sub-rows, says nothing of the rows
    around it); those of other groups as rows read otherwise (``None``)."""
    if not context.grouped:
        return list(context.order)  # no group's row of values (most tables): nothing to drop
    subrows = _SUBROWS[context.template.name]
    named = {
        id(step)
        for group, step in context.grouped.items()
        if not context.named_rows.isdisjoint(subrows[group])
    }
    others = {id(step) for step in context.grouped.values()} - named
    return [
        None if id(entry) in others else entry
        for entry in context.order
        if pieces or id(entry) not in named
    ]


def _placed_between(context: _Context, order: Sequence[_Entry]) -> list[tuple[_Step, str]]:
    """Each row of values that names no row with the row its neighbours leave it
    (``_between_neighbours``), where every gap between named rows holding such rows
    leaves as many template rows as it holds rows; empty where the named rows are out of
    template order."""
    name = context.template.name
    keys = list(labels.APPLICATION_ROWS[name])
    if not _in_template_order(keys, order):
        return []
    placed: list[tuple[_Step, str]] = []
    last: int | None = None
    gap: list[_Step] = []
    for entry in order:
        if isinstance(entry, _Step):
            gap.append(entry)
            continue
        if entry is not None and last is not None and gap:
            between = _fitting(name, gap, keys[last + 1 : keys.index(entry[0])])
            if between is None:
                return []
            placed.extend(between)
        last = None if entry is None else keys.index(entry[-1])
        gap = []
    return placed


def _placed_at_edges(context: _Context, order: Sequence[_Entry]) -> list[tuple[_Step, str]]:
    """The rows of values that name no row before the first row named and after the last
    (none read otherwise on that side) with the template rows there, where each side holds
    as many as the template has and each fits its row; empty otherwise."""
    name = context.template.name
    keys = list(labels.APPLICATION_ROWS[name])
    named = [(at, entry) for at, entry in enumerate(order) if isinstance(entry, tuple)]
    if not named or not _in_template_order(keys, order):
        return []
    (start, first), (end, last) = named[0], named[-1]
    sides = (
        (order[:start], keys[: keys.index(first[0])]),
        (order[end + 1 :], keys[keys.index(last[-1]) + 1 :]),
    )
    placed: list[tuple[_Step, str]] = []
    for side, rows in sides:
        steps = [entry for entry in side if isinstance(entry, _Step)]
        if len(steps) != len(side):
            return []  # a row read otherwise: the order there is no evidence
        fitting = _fitting(name, steps, rows) if steps else []
        if fitting is None:
            return []
        placed.extend(fitting)
    return placed


def _in_template_order(keys: Sequence[str], order: Sequence[_Entry]) -> bool:
    """Whether every row of values named comes in template order."""
    named = [keys.index(key) for entry in order if isinstance(entry, tuple) for key in entry]
    return named == sorted(set(named))


def _fitting(
    template: str, gap: Sequence[_Step], rows: Sequence[str]
) -> list[tuple[_Step, str]] | None:
    """The rows of values ``gap`` with the template ``rows``, where there are as many and
    each fits its row (``_fits``)."""
    if len(rows) != len(gap) or not all(
        _fits(template, step, key) for step, key in zip(gap, rows, strict=True)
    ):
        return None
    return list(zip(gap, rows, strict=True))


def _fits(template: str, step: _Step, key: str) -> bool:
    """Whether the row of values of ``step`` could be row ``key``: a full row of printed
    values, any label it has a piece of that row's printed label (its note too: a cut
    label's second half may be all note, ``只计这一情形，不计其他情形）``)."""
    values = step.row.values
    if step.runs or len(values) != width(template) or not all(map(_TEXT, values)):
        return False
    words = [_letters(part) for part in labels.APPLICATION_PRINTED[template][key]]
    return all(any(_letters(text) in word for word in words) for text in step.texts)


#: What is not a letter of a label: spaces and punctuation (brackets, commas, quotes).
_NOT_LETTER = re.compile(r"[\W_]")


def _letters(text: str) -> str:
    """A label's letters (a note in brackets kept): what a piece of it shares with it
    whatever its cut and its punctuation."""
    return _NOT_LETTER.sub("", fold(text))


def _hold_with(context: _Context, placed: Sequence[tuple[_Step, str]]) -> bool:
    """Whether every rule of the section through the cells of the rows ``placed`` holds
    with the values the table gives and theirs (a rule with a cell no value is given for
    does not hold)."""
    template = context.template
    rows = [(template.rows[NAME, key], step.row.values) for step, key in placed]
    values: list[Value | None] = [None] * len(template.fields)
    for cells, printed in (*((cells, printed) for cells, printed, _ in context.draft.given), *rows):
        for cell, (text, _, _) in zip(cells, printed, strict=True):
            values[cell] = convert(text, "count", None)[0]
    through = {cell for cells, _ in rows for cell in cells}
    return all(
        violated(rule, values) is False
        for rule in rules(template)
        if not through.isdisjoint(rule.cells)
    )


#: Section 三's row handlers, in the order they are tried. ``_several_rows`` (a line naming
#: several rows) comes before the handlers of a row of one template row.
CHAIN: tuple[Handler[_Context, _Step], ...] = (
    _aligned,
    bare_row,
    _wraps,
    _named_or_grouped,
    _unknown_labels,
    duplicate,
    _several_rows,
    _before_its_label,
    _run_into_next,
    _unread_columns,
    _repeated_grid_column,
    usual_row,
    _merged_columns,
    _value_alone,
    fill_row,
)


def _width(row: Row, plan: _Plan, template: str, columns: int) -> int | None:
    """How many cells the row has, where its labels (``plan``) name one template row (a row
    of labels alone: its own label whole, not a piece of a wrapped one)."""
    if len(plan.keys) != 1 or plan.foreign:
        return None
    text = row.labels[-1][0]
    if not row.values and not (
        matcher(template, NAME).exact(text) and _own(text, template, plan.keys[0])
    ):
        return None
    return columns


#: A label's number: ``(六)``, ``三、``, ``3.`` (folded), the numeral or digits taken.
_NUMBER = re.compile(r"\(?([一二三四五六七八九十]{1,3}|\d{1,2})[)、.,]")


def _own(text: str, template: str, key: str) -> bool:
    """Whether a label prints the number of row ``key``, or none: ``(六)其他``, the wrapped
    start of the group label ``（六）其他处理``, names sub-row ``3.其他`` once numbers are
    dropped, but is not it."""
    found = _NUMBER.match("".join(fold(text).split()))
    if found is None:
        return True
    own = _NUMBER.match(fold(next(part for part in reversed(_PRINTED[template][key]) if part)))
    return own is not None and own[1] == found[1]


_PRINTED = labels.APPLICATION_PRINTED

#: How many of section 三's three label columns each row's label covers: a top-level row's
#: (一、本年新收…) all three, an outcome's without sub-rows (（一）予以公开) two, a sub-row's one.
_SPANS = {
    template: {key: 1 if sub else 2 if outcome else 3 for key, (_, outcome, sub) in rows.items()}
    for template, rows in _PRINTED.items()
}


def _doubled(taken: Sequence[Taken]) -> int:
    """How many applicant columns a header row (labels alone) names twice, the most of any:
    as many grid columns more than the section's, where python-docx prints a cell merged
    over two grid columns once per column. Every header row spans the whole grid, each
    split its own way (自然人 twice in one, 商业企业 twice in the next, over one grid column
    more), so the rows' counts are not added."""
    heads = (
        [name for text, _, _ in row.labels if (name := normalise_label(text)) in _HEADERS]
        for row, runs in taken
        if not row.values and not runs
    )
    return max((len(names) - len(set(names)) for names in heads), default=0)


def _led_grid(taken: list[Taken], columns: int, doubled: int) -> list[Taken]:
    """Where a header names columns twice (python-docx's Word grid: a cell merged over two
    grid columns printed once per column), every row spans as many more value columns, so a
    row whose first value cells are blank (``⍽ ⍽ 1 1 ⍽ 9`` under 自然人 … 总计) prints fewer
    values than that, and read as it stands (or from the right edge) its values would move
    one column left, 自然人's blank given to the label. Its values are the cells that many
    wide up to its last: in a row that shows its table's whole grid, its last cells (those
    before them blank), else the blank cells before its first value put back before it. The
    section's rules then say which column it prints twice (``_twice``), or its cells are
    missing (``extra-values``). Rows with too few blank cells before their first value are
    left as they are."""
    if not doubled:
        return taken
    wide = columns + doubled
    led: list[Taken] = []
    for row, runs in taken:
        values, grid = row.values, row.grid.cells
        if values and not runs and len(values) < wide:
            if row.grid.whole and len(grid) >= wide:
                if not any(text for text, _, _ in grid[:-wide]):
                    row = row._replace(values=grid[-wide:])
            elif values[0] in grid:
                at, need = grid.index(values[0]), wide - len(values)
                if need <= at:
                    row = row._replace(values=grid[at - need : at] + values)
        led.append((row, runs))
    return led


def _twice(taken: Sequence[Taken], template: Template, columns: int, doubled: int) -> int | None:
    """The grid column python-docx prints twice in every row one value too wide
    (``rows.repeated_columns``: a cell merged over two grid columns), where a header row
    names a column twice too (``doubled``: ``_doubled``): of the columns that make every
    such row add up read once (its 总计 the sum of its six applicant columns, a blank cell
    0), the one, or the first where each reads every such row alike (rows of blanks or
    zeros beside one value, as a sparse report prints, drop any of them to the same
    cells). A header's doubled name does not choose: Word's rows split the grid each their
    own way (python-docx's header prints 自然人 twice over the grid columns where its rows
    of values print 商业企业 twice)."""
    if not doubled:
        return None
    wide = [row.values for row, runs in taken if not runs and len(row.values) == columns + 1]
    # Every row of the section has the same rule inside it: its 总计 the sum of the others.
    cells, checks = template.rows[NAME, "new"], list(rules(template))
    fits = [
        at
        for at in sorted(repeated_columns(wide, columns))
        if all(adds_up(checks, cells, [*values[: at + 1], *values[at + 2 :]]) for values in wide)
    ]
    return fits[0] if fits and all(_alike(values, fits) for values in wide) else None


def _alike(values: Sequence[Printed], columns: Sequence[int]) -> bool:
    """Whether ``values`` read once at each grid column of ``columns`` give the same texts."""
    texts = [text for text, _, _ in values]
    return len({(*texts[: at + 1], *texts[at + 2 :]) for at in columns}) == 1


def _once(draft: Draft, row: Row, label: str, twice: int) -> Row:
    """``row`` with the value it prints twice at grid column ``twice`` read once."""
    draft.find(
        diagnostic(
            "merged-cell-repeated",
            f"{label}: {len(row.values)} values, the value of column {twice + 1} printed "
            "twice, as in every row of the table one value too wide; read once",
            row.line,
            row.values[twice + 1][2],
        )
    )
    return row._replace(values=row.values[: twice + 1] + row.values[twice + 2 :])


def _merged(context: _Context, cells: tuple[int, ...], row: Row, label: str) -> bool:
    """A row with more cells than columns, its surplus cells blank: cells merged over
    several grid columns (a Word grid whose header splits 法人或其他组织 unevenly). Read where
    the blanks covered are certain (the grid column blank in every such row of the table,
    else ``merged.covered``) and the row's 总计 is the sum of its six applicant columns (a
    blank cell 0), else its cells are missing; ``False`` (not such a row) when it has too
    few blank cells."""
    draft, template, column = context.draft, context.template, context.covered
    values = row.values
    # The grid column blank in every such row is the one covered; a row's own blanks, only
    # where its value printed twice (``_printed_twice``) does not read as well.
    by_table = column is not None and len(values) == len(cells) + 1 and not values[column][0]
    kept: list[Printed | None] | None
    if column is not None and by_table:
        kept = [*values[:column], *values[column + 1 :]]
    else:
        kept = covered(values, len(cells))
    if kept is None:
        return False
    printed = [value for value in kept if value is not None]
    where = (f"{label}: {len(values)} cells for {len(cells)} columns", values[0])
    if len(printed) != len(cells) or not _totalled(printed):
        not_placed(
            draft,
            template,
            cells,
            where[1],
            f"section 三: {where[0]}; no certain way to read some of its blank cells as "
            "covered by merged cells, or the row does not add up then",
        )
        return True
    if not by_table and _printed_twice(values, printed):
        not_placed(
            draft,
            template,
            cells,
            where[1],
            f"section 三: {where[0]}; read with a blank cell covered by a merged cell, or "
            "with a merged cell's value printed twice read once, it adds up either way: "
            "which cells its values stand in is not shown",
        )
        return True
    draft.give(cells, printed, None)
    draft.find(
        diagnostic(
            "merged-cells",
            f"section 三: {where[0]}; {len(row.values) - len(cells)} blank cell(s) read as "
            "covered by merged cells",
            row.line,
            where[1][2],
        )
    )
    return True


def _totalled(printed: Sequence[Printed]) -> bool:
    """Whether a row of section 三's cells adds up: every cell a count or blank (0), the
    last (总计) the sum of the others."""
    numbers = count_values(text for text, _, _ in printed)
    return not any(
        n is None and text for n, (text, _, _) in zip(numbers, printed, strict=True)
    ) and sum(n or 0 for n in numbers[:-1]) == (numbers[-1] or 0)


def _printed_twice(values: Sequence[Printed], printed: Sequence[Printed]) -> bool:
    """Whether ``values`` (one cell more than the row's columns) read with one of two equal
    neighbours once (a merged cell's value printed twice, as Word's grid prints it over the
    grid columns it spans) give other counts than ``printed`` (a blank cell 0) that add up
    too: ``0  0  205 … 112  (blank)  796`` reads 0 205 … 112 0 796 so, and 0 0 205 … 112
    796 with the blank covered."""
    counts = _counts(printed)
    for at in range(len(values) - 1):
        if values[at][0] and values[at][0] == values[at + 1][0]:
            once = [*values[: at + 1], *values[at + 2 :]]
            if len(once) == len(printed) and _counts(once) != counts and _totalled(once):
                return True
    return False


def _counts(printed: Sequence[Printed]) -> list[Value | None]:
    """The counts of ``printed``, a blank cell 0."""
    return count_values(text or "0" for text, _, _ in printed)


#: The groups of section 三 and their sub-rows (本年度办理结果 heads rows of its own).
_SUBROWS: dict[str, dict[str, tuple[str, ...]]] = {
    template: {
        group: subrows
        for group in labels.APPLICATION_GROUPS[template]
        for subrows in [tuple(row for row in rows if row.startswith(f"{group}."))]
        if subrows
    }
    for template, rows in labels.APPLICATION_ROWS.items()
}


def _group_of(plan: _Plan, template: str) -> str | None:
    """The group a row of values names when it names a group with sub-rows and nothing
    else (本年度办理结果 aside): a group printed as one row, as ``（六）其他处理`` is in the
    2019 template."""
    if plan.keys or plan.unknown or plan.foreign:
        return None
    groups = set(plan.groups) & set(_SUBROWS[template])
    return groups.pop() if len(groups) == 1 else None


def _group_row(
    draft: Draft,
    template: Template,
    group: str,
    row: Row,
    named: set[str],
    unlabelled: Sequence[str],
) -> tuple[str, ...]:
    """A group printed as one row with values instead of its sub-rows (``（六）其他处理``
    in a 2021 table). Its values are the sums of its sub-rows, which are not printed: where
    it prints 0, each sub-row's cell is 0 (counts are never negative), derived; any other
    value leaves them missing (the rules may still derive them).

    Only where that reading is certain: none of its sub-rows is ``named`` anywhere in the
    table, and no other row of values could be one of them with its label lost
    (``unlabelled``: the label texts of rows of values that name no row; one with no text,
    or with a piece of a sub-row's label, could be, and the group label may then have
    taken a sub-row's values). Otherwise its values are not placed. Returns the sub-rows it
    accounts for (none are then missing rows)."""
    name = template.name
    subrows = _SUBROWS[name][group]
    label = labels.APPLICATION_GROUPS[name][group][0]
    doubt = _group_doubt(name, subrows, named, unlabelled)
    if doubt is not None:
        draft.find(
            diagnostic(
                "values-unplaced",
                f"section 三: a row labelled only {label}, {doubt}; its values are not placed",
                row.line,
                row.values[0][2],
            )
        )
        return ()
    rule = f"{label} printed as one row: its 0 is the sum of its sub-rows"
    derived = 0
    for at, printed in enumerate(row.values):
        if convert(printed[0], "count", None)[0] == 0:
            derived += 1
            for key in subrows:
                draft.sums.append(Sum(template.rows[NAME, key][at], (printed,), rule))
    draft.find(
        diagnostic(
            "group-row",
            f"section 三: {label} is printed as one row, without its sub-rows "
            f"({', '.join(labels.APPLICATION_ROWS[name][key][0] for key in subrows)}); "
            f"{derived} of its {len(row.values)} values are 0, so the sub-rows' cells under "
            "them are 0"
            + (
                ""
                if derived == len(row.values)
                else "; the others are missing unless the rules derive them"
            ),
            row.line,
            row.labels[0][2] if row.labels else row.values[0][2],
            tuple(
                template.fields[cell].key for key in subrows for cell in template.rows[NAME, key]
            ),
        )
    )
    return subrows


def _group_doubt(
    template: str, subrows: tuple[str, ...], named: set[str], unlabelled: Sequence[str]
) -> str | None:
    """Why a group printed as one row may not be read as its sub-rows' sums (one of them
    ``named``, or a row of values with no label could be one), if it may not."""
    if not named.isdisjoint(subrows):
        return "beside its sub-rows"
    words = [
        normalise_label(alias)
        for key in subrows
        for alias in labels.APPLICATION_ROWS[template][key]
    ]
    if any(not text or any(text in word for word in words) for text in unlabelled):
        return "beside rows of values with no label"
    return None


def alternatives(rows: Sequence[Row], template: Template, first: Reading) -> Iterable[Reading]:
    """The readings by sequence: the section's values taken in order, seven to a row, the
    rows in template order (or with one group printed as a single row, as some 2021 reports
    print ``（六）其他处理``). pdftotext without ``-layout`` keeps the values in row order but
    prints many labels away from their rows (a tall merged label after its rows' values), so
    the order of the cells is reliable where the labels are not.

    The values are taken as printed, and also with blocks of rows printed column by
    column read as rows (``_untransposed``) and with a row printed twice read once
    (``_undoubled``). A reading is offered only where the count fits (seven values for
    every row) and, wherever labels come right before the start of a run of values, one of
    them names the row the sequence gives that run; ``parser`` keeps it only where the
    rules confirm it (``resolve.confirmed``)."""
    name = template.name
    full = list(labels.APPLICATION_ROWS[name])
    orders: list[list[str]] = [full]
    for group, subrows in _SUBROWS[name].items():
        at = full.index(subrows[0])
        orders.append([*full[:at], group, *full[at + len(subrows) :]])
    columns = width(name)
    reads = [rows, *_untransposed(rows, columns)]
    readings = (
        reading
        for order in orders
        for read in reads
        for shown in (read, *_undoubled(read, columns * (len(order) + 1), columns))
        for reading in (
            (order, _in_sequence(shown, name, order, columns), 0),
            *((order, *moved) for moved in _relocated(shown, name, order, columns)),
        )
    )
    seen: set[tuple[str, ...]] = set()
    for order, values, moved in readings:
        if values is None or (texts := tuple(map(itemgetter(0), values))) in seen:
            continue
        seen.add(texts)
        draft = Draft(NAME)
        for at, key in enumerate(order):
            run = values[at * columns : (at + 1) * columns]
            if key in _SUBROWS[name]:
                _group_row(draft, template, key, Row((), tuple(run), run[0][1]), set(), ())
            else:
                draft.give(template.rows[NAME, key], run, None)
        draft.find(
            diagnostic(
                "table-read-in-sequence",
                f"section 三: its labels are out of place, so its {len(values)} values were "
                f"read in order, {columns} to a row, the rows in template order"
                + (
                    f" ({moved} printed alone on a line of their row's label taken as its first)"
                    if moved
                    else ""
                )
                + "; the section's rules confirm it: each holds, or the ones that fail "
                "all pass through one printed cell",
                rows[0].line if rows else None,
                1,
            )
        )
        yield draft.freeze()


def _untransposed(rows: Sequence[Row], columns: int) -> Iterator[list[Row]]:
    """``rows`` with their values in row order where the text gives some rows column by
    column, if it does. pdftotext without ``-layout`` reads a block of rows of a Word PDF
    one column at a time: ``columns`` runs of n values on consecutive lines, one run a
    column, each run apart from the next. A block is read as n rows only where each of
    them adds up (its 总计, the last, is the sum of the others); the rules of the whole
    section then check the reading (``resolve.confirmed``)."""
    turned = False
    shown = []
    for row in rows:
        runs = _runs(row.values)
        values: list[Printed] = []
        at = 0
        while at < len(runs):
            block = runs[at : at + columns]
            if (
                len(block) == columns
                and len(block[0]) > 1
                and len({len(run) for run in block}) == 1
                and all(_adds_up(cells) for cells in zip(*block, strict=True))
            ):
                values.extend(cell for cells in zip(*block, strict=True) for cell in cells)
                at += columns
                turned = True
            else:
                values.extend(runs[at])
                at += 1
        shown.append(row._replace(values=tuple(values)))
    if turned:
        yield shown


def _runs(values: Sequence[Printed]) -> list[list[Printed]]:
    """``values`` in runs of cells on consecutive lines."""
    runs: list[list[Printed]] = []
    for cell in values:
        if runs and cell[1] == runs[-1][-1][1] + 1:
            runs[-1].append(cell)
        else:
            runs.append([cell])
    return runs


def _adds_up(cells: Sequence[Printed]) -> bool:
    """Whether the last of ``cells``, all counts (``21³`` with its footnote mark too), is
    the sum of the others; one of them printed "not given" (``—``) or no number (``21l``, a
    damaged value) takes the number that makes it so, never below 0."""
    values = [convert(text, "count", None)[0] for text, _, _ in cells]
    blank = [at for at, value in enumerate(values) if value is None]
    if len(blank) == 1:
        *parts, total = [0 if at == blank[0] else value for at, value in enumerate(values)]
        if None in parts or total is None:
            return False
        return blank[0] == len(cells) - 1 or total >= sum(parts)  # type: ignore[operator, arg-type]
    if None in values:
        return False
    *parts, total = values
    return sum(parts) == total  # type: ignore[arg-type]


def _undoubled(rows: Sequence[Row], count: int, columns: int) -> Iterator[list[Row]]:
    """``rows`` with one row of values printed twice left once, if they hold ``count``
    values: wherever a run of ``columns`` values in order (at a multiple of ``columns``) is
    the same as the run after it, ``rows`` without the first. A row cut by a page break
    comes out on both pages (wkhtmltopdf's PDF read by pdftotext), its values twice."""
    places = [(at, index) for at, row in enumerate(rows) for index in range(len(row.values))]
    if len(places) != count:
        return
    texts = [rows[at].values[index][0] for at, index in places]
    for first in range(0, count - columns, columns):
        if texts[first : first + columns] == texts[first + columns : first + 2 * columns]:
            dropped = set(places[first : first + columns])
            # only the rows that lose values are made again: a section of rows of zeros
            # has a run like the next at almost every row, and copying every row for
            # each took 35 M instructions of a plain pdftotext page's parse
            losing = {at for at, _ in dropped}
            yield [
                row._replace(
                    values=tuple(
                        cell for index, cell in enumerate(row.values) if (at, index) not in dropped
                    )
                )
                if at in losing
                else row
                for at, row in enumerate(rows)
            ]


def _relocated(
    rows: Sequence[Row], template: str, order: Sequence[str], columns: int
) -> Iterator[tuple[list[Printed], int]]:
    """The values of ``rows`` in order, each value printed alone on a line of labels that
    name one row taken as that row's first value, and how many were: first all of them,
    then all but one (each in turn), wherever the count fits. pdftotext prints a tall
    label cell's first line with the first value of its row, so that value comes out apart
    from the rest of the row (after the row before it, or after the table); the rest keep
    row order. A value on a label line may also be another row's: leaving each out in turn
    lets the rules find the reading that holds.

    A value moved is the one value of its line, so every reading holds all the values:
    the count is checked once, before any line is named."""
    if sum(len(row.values) for row in rows) != columns * len(order):
        return
    lone = [
        (at, key)
        for at, row in enumerate(rows)
        if len(row.values) == 1 and (key := _naming(rows, at, template)) in order
    ]
    keys = [key for _, key in lone]
    if not lone or len(set(keys)) < len(keys):
        return
    # the values of the lines none of which is moved, and where each lone value falls
    # among them: a reading that leaves one in place has it there (listed once, not again
    # for each reading)
    every = dict(lone)
    kept: list[Printed] = []
    place: dict[int, int] = {}
    for at, row in enumerate(rows):
        if at in every:
            place[at] = len(kept)
        else:
            kept.extend(row.values)
    for left in (None, *range(len(lone))):
        moved = {at: key for n, (at, key) in enumerate(lone) if n != left}
        normal = kept
        if left is not None:
            at = lone[left][0]
            normal = [*kept[: place[at]], rows[at].values[0], *kept[place[at] :]]
        yield _moved_first(rows, moved, normal, order, columns), len(moved)


def _moved_first(
    rows: Sequence[Row],
    moved: dict[int, str | None],
    normal: Sequence[Printed],
    order: Sequence[str],
    columns: int,
) -> list[Printed]:
    """The values in row order, the value printed alone on line ``at`` of ``moved`` the
    first of its row, the ``normal`` values the rest in order."""
    first = {key: rows[at].values[0] for at, key in moved.items()}
    rest = iter(normal)
    values: list[Printed] = []
    for key in order:
        head = [first[key]] if key in first else []
        values.extend([*head, *islice(rest, columns - len(head))])
    return values


def _naming(rows: Sequence[Row], at: int, template: str) -> str | None:
    """The row that the labels of ``rows[at]`` name, or else the nearest label line before
    it that names one, back to the last line with values: a wrapped label's first line
    (``2.申请人逾期…不再处``) often comes before the group's label fragment (``处理``) that
    pdftotext prints with the value."""
    for row in reversed(rows[: at + 1]):
        if row.values and row is not rows[at]:
            return None
        if (key := _named_by(row, template)) is not None:
            return key
    return None


def _named_by(row: Row, template: str) -> str | None:
    """The one row that the words of ``row``'s labels name (a row label, or a group's
    numbering, ``（五）``, naming its first sub-row), if they name exactly one."""
    keys = {
        key
        for text, _, _ in row.labels
        for word in text.split()
        for key in (*_PLANS[template, (word,)].keys, _NUMBERED[template].get(fold(word), ""))
        if key
    }
    return keys.pop() if len(keys) == 1 else None


#: A group's numbering (``（五）``, folded) -> the row it is printed on: its first sub-row.
_NUMBERED = {
    template: {
        match[0]: row
        for row, (_, middle, _) in printed.items()
        if (match := _NUMBERING.match(fold(middle)))
    }
    for template, printed in labels.APPLICATION_PRINTED.items()
}


def _in_sequence(
    rows: Sequence[Row], template: str, order: Sequence[str], columns: int
) -> list[Printed] | None:
    """The values of ``rows`` in order, if there are ``columns`` for each row of ``order``
    and, where labels come right before values that start a run, they name (among others,
    or none) one of the rows those values cover: a label may come early by a row or
    two."""
    values: list[Printed] = []
    named: set[str] = set()  # the rows named by the labels since the last value
    for row in rows:
        named.update(key for text, _, _ in row.labels for key in _PLANS[template, (text,)].keys)
        if not row.values:
            continue
        if named and len(values) % columns == 0:
            first = len(values) // columns
            runs = order[first : first + -(-len(row.values) // columns)]
            covered = {key for run in runs for key in (run, *_SUBROWS[template].get(run, ()))}
            if named.isdisjoint(covered):
                return None  # the labels right before these runs name other rows
        named.clear()
        values.extend(row.values)
    return values if len(values) == columns * len(order) else None
