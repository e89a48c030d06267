"""Align stage: map a table's canonical rows to template rows by their labels, and their
values to template columns by position. Rows that print fewer values than columns, or
a collapsed cell (``collapsed``), are returned as ``ShortRow`` for ``placement``; nothing is
guessed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, count, islice
from operator import and_, itemgetter, not_
from typing import NamedTuple

from . import collapsed, labels
from .catalogue import TEMPLATES, Field
from .cells import convert, count_values, is_number
from .diagnostics import Diagnostic, diagnostic
from .grid import Grid
from .layouts import Cell, Row
from .limits import MAX_CELL_CHARS
from .matching import Match, foreign_row, matcher, normalise_label, proactive_column
from .memo import Memo
from .placement import MAX_READINGS, Collapsed, ShortRow

#: A section 二 header: for each value position, the column key, or ``None`` for a column
#: only the other template has.
Header = tuple[str | None, ...]


def store(grid: Grid, index: int, cell: Cell, unit: str | None, found: list[Diagnostic]) -> None:
    """Convert a value cell and record it in ``grid``, with any problem as a diagnostic."""
    store_row(grid, (index,), (cell,), unit, found)


def store_row(
    grid: Grid,
    indices: Sequence[int],
    cells: Sequence[Cell],
    unit: str | None,
    found: list[Diagnostic],
) -> None:
    """``store`` for a row's cells at once: the table hot path, writing the grid's lists
    directly. The usual row, consecutive count cells that all hold a number, is stored with
    slice assignments (no Python code per cell); any other cell by itself."""
    if len(cells) != len(indices):  # a slice assignment would resize the grid
        raise ValueError(f"{len(cells)} cells for {len(indices)} grid cells")
    span = _count_span(grid.template.name, tuple(indices))
    if span is not None:
        texts = list(map(itemgetter(0), cells))
        values = count_values(texts)
        if None not in values:
            grid.values[span] = values
            grid.origins[span] = ["parsed"] * len(values)
            grid.raws[span] = texts
            grid.positions[span] = map(itemgetter(1, 2), cells)
            return
    fields = grid.template.fields
    values, origins, raws, positions = grid.values, grid.origins, grid.raws, grid.positions
    for index, (text, line, column) in zip(indices, cells, strict=True):
        kind = fields[index].kind
        value, problem = convert(text, kind, unit if kind == "money" else None)
        values[index] = value
        origins[index] = "missing" if value is None else "parsed"
        raws[index] = text
        positions[index] = (line, column)
        if problem:
            found.append(_problem(fields[index], problem, text, line, column))


@lru_cache(maxsize=1 << 10)
def _count_span(template: str, indices: tuple[int, ...]) -> slice | None:
    """The grid slice of a row's cells when they are consecutive count cells."""
    fields = TEMPLATES[template].fields
    start = indices[0] if indices else 0
    if indices == tuple(range(start, start + len(indices))) and all(
        fields[i].kind == "count" for i in indices
    ):
        return slice(start, start + len(indices))
    return None


def _problem(field: Field, problem: str, text: str, line: int, column: int) -> Diagnostic:
    if problem == "unit-unknown":
        return diagnostic(
            problem,
            f"{field.row_label} {field.column_label} {text!r} has no unit; exported as printed",
            line,
            column,
            (field.key,),
        )
    return diagnostic(
        problem,
        f"{field.row_label} {field.column_label}: {text!r} is not a valid {field.kind}",
        line,
        column,
        (field.key,),
    )


def _label_text(row: Row) -> str:
    return " / ".join(cell[0].replace("\n", "") for cell in row.labels)


def _fill(
    grid: Grid,
    cells: Sequence[int],
    row: Row,
    label: str,
    unit: str | None,
    found: list[Diagnostic],
    shorts: list[ShortRow],
    runs: Sequence[Cell] = (),
) -> None:
    """Store a row's values into ``cells`` by position, or set aside a short row (with a
    collapsed cell: one of ``runs``, the digits its label cells ended in)."""
    if runs:
        _collapsed(grid, cells, row, runs, label, unit, found, shorts)
        return
    if len(row.values) > len(cells) and _repeated(row.values, len(cells)):
        # A merged cell's text given once per column it spans (python-docx's row.cells).
        found.append(
            diagnostic(
                "merged-cell-repeated",
                f"{label}: {len(row.values)} values for {len(cells)} "
                f"columns, the last repeated; read as one merged cell",
                row.line,
                row.values[len(cells)][2],
            )
        )
        row = row._replace(values=row.values[: len(cells)])
    if len(row.values) == len(cells):
        store_row(grid, cells, row.values, unit, found)
    elif len(row.values) < len(cells):
        shorts.append(ShortRow((tuple(cells),), row.values, row.line, label, unit))
    else:
        for index in cells:
            grid.unplaced(index)
        found.append(
            diagnostic(
                "extra-values",
                f"{label}: {len(row.values)} values for {len(cells)} columns; none placed",
                row.line,
                row.values[0][2],
                tuple(grid.template.fields[i].key for i in cells),
            )
        )


def _collapsed(
    grid: Grid,
    cells: Sequence[int],
    row: Row,
    runs: Sequence[Cell],
    label: str,
    unit: str | None,
    found: list[Diagnostic],
    shorts: list[ShortRow],
) -> None:
    """Set aside a row with a collapsed cell, read once per way to cut the cell into the
    values the row lacks; its cells are missing when there is no way or too many to try."""
    run = runs[0]
    parts = len(cells) - len(row.values)
    digits = _shown(run[0])
    if len(runs) > 1:
        why = f"{len(runs)} collapsed cells ({', '.join(_shown(r[0]) for r in runs)}) in one row"
    elif parts < 1:
        for index in cells:
            grid.unplaced(index)
        found.append(
            diagnostic(
                "extra-values",
                f"{label}: a collapsed cell {digits} and {len(row.values)} more "
                f"values for {len(cells)} columns; none placed",
                run[1],
                run[2],
                tuple(grid.template.fields[i].key for i in cells),
            )
        )
        return
    else:
        cuts = collapsed.cut(run, parts, MAX_READINGS)
        if cuts.ways:
            at = sum((line, column) < run[1:] for _, line, column in row.values)
            before, after = row.values[:at], row.values[at:]
            readings = tuple((*before, *way, *after) for way in cuts.ways)
            shorts.append(
                ShortRow(
                    (tuple(cells),),
                    (*before, run, *after),
                    row.line,
                    label,
                    unit,
                    Collapsed(run, readings, cuts.fewer),
                )
            )
            return
        if cuts.count is None:
            why = (
                f"a collapsed cell of {len(run[0])} digits, more than the "
                f"{collapsed.MAX_RUN_DIGITS} that are cut"
            )
        elif cuts.count:
            why = (
                f"a collapsed cell {digits}: {cuts.count:,} ways to cut it into {parts} "
                f"numbers, more than the {MAX_READINGS} that are tried"
            )
        else:
            why = f"a collapsed cell {digits}: no way to cut it into {parts} numbers"
    _not_cut(grid, cells, run, f"{label}: {why}", found)


def _not_cut(
    grid: Grid, cells: Sequence[int], run: Cell, why: str, found: list[Diagnostic]
) -> None:
    """Leave the cells of a row with a collapsed cell missing, saying ``why``."""
    for index in cells:
        grid.unplaced(index)
    found.append(
        diagnostic(
            "collapsed-cell",
            f"{why}; its cells are missing",
            run[1],
            run[2],
            tuple(grid.template.fields[i].key for i in cells),
        )
    )


def _shown(digits: str) -> str:
    """A run of digits for a message: a long one cut short."""
    return repr(digits) if len(digits) <= 40 else f"'{digits[:20]}…' ({len(digits)} digits)"


def _repeated(values: Sequence[Cell], width: int) -> bool:
    """Whether the values past ``width`` all repeat the text of the last one within it."""
    last = values[width - 1][0] if width else None
    return all(cell[0] == last for cell in values[width:])


def _missing_rows(
    section: str, seen: set[str], row_labels: labels.Labels, found: list[Diagnostic]
) -> None:
    absent = [row_labels[row][0] for row in row_labels if row not in seen]
    if absent:
        found.append(
            diagnostic("row-missing", f"section {section}: rows not found: " + ", ".join(absent))
        )


def _start(rows: Sequence[Row]) -> tuple[int | None, int | None]:
    """Where a table's first row starts."""
    if not rows:
        return None, None
    first = (rows[0].labels or rows[0].values)[0]
    return first[1], first[2]


#: A row with the digits its label cells end in (``collapsed.take``).
Taken = tuple[Row, tuple[Cell, ...]]


def _empty(taken: Sequence[Taken]) -> bool:
    """Whether rows print no number, neither as a value nor collapsed into a label cell."""
    return not any(runs or any(is_number(cell[0]) for cell in row.values) for row, runs in taken)


def proactive(rows: Iterable[Row], grid: Grid, found: list[Diagnostic]) -> list[ShortRow]:
    """Section 二: rows by label, values by position, or by the header when it names
    columns of the other template; local sub-rows (行政检查, 行政确认) summed into their row."""
    name = grid.template.name
    shape, row_labels = labels.PROACTIVE_SHAPE[name], labels.PROACTIVE_ROWS[name]
    index = grid.template.index
    rows = _rewrapped(name, list(rows))
    taken = collapsed.take_all(rows)
    shorts: list[ShortRow] = []
    if _empty(taken):
        found.append(diagnostic("table-empty", "section 二 prints no number", *_start(rows)))
    unit: str | None = None
    header: Header | None = None
    parent: str | None = None
    seen: set[str] = set()
    subrows: dict[str, list[Row]] = {}
    for row, runs in taken:
        texts = tuple(map(itemgetter(0), row.labels))
        matches, keys, unknown_at = _PROACTIVE_MATCHES[name, texts]
        if not row.values and not runs:
            unit = _MONEY_UNITS[name, texts] or unit
            header = _HEADERS[name, texts] or header
            if (
                len(keys) == 1
                and keys[0] not in seen
                and len(matches) == 1
                and _exact(row_labels[keys[0]], texts[0])
            ):
                # A row whose cells are all blank: given as "not given", not lost.
                seen.add(keys[0])
                for column in shape[keys[0]]:
                    grid.unplaced(index[f"proactive.{keys[0]}.{column}"])
            continue
        unknown = [row.labels[i] for i in unknown_at] if unknown_at else []
        if unknown and len(keys) == 1 and keys[0] in labels.PROACTIVE_SPLITTABLE:
            parent = keys[0]
        if unknown and keys in ((), (parent,)) and parent in labels.PROACTIVE_SPLITTABLE:
            subrows.setdefault(parent, []).append(row)
            continue
        if len(keys) != 1 or unknown:
            foreign = not keys and any(foreign_row(name, "proactive", cell[0]) for cell in unknown)
            found.append(
                diagnostic(
                    "foreign-label" if foreign else "unknown-label",
                    f"section 二: row {_label_text(row)!r} "
                    + ("is a row of the other template" if foreign else "matches no template row")
                    + "; values ignored",
                    row.line,
                    row.labels[0][2] if row.labels else 1,
                )
            )
            continue
        parent = key = keys[0]
        if key in seen:
            found.append(
                diagnostic(
                    "duplicate-row",
                    f"section 二: {row_labels[key][0]} appears again; first kept",
                    row.line,
                )
            )
            continue
        seen.add(key)
        cells = _proactive_cells(name, key)
        if header is not None and None in header:
            if runs:
                _not_cut(
                    grid,
                    cells,
                    runs[0],
                    f"section 二: {row_labels[key][0]} has a "
                    "collapsed cell under columns of the other template",
                    found,
                )
                continue
            shared = _by_header(grid, key, header, row, found)
            if shared is None:
                continue
            row = shared
        if not runs and len(row.values) == len(cells):  # the usual row: all its values
            store_row(grid, cells, row.values, unit, found)
        else:
            _fill(grid, cells, row, row_labels[key][0], unit, found, shorts, runs)
    for key, parts in subrows.items():
        if key not in seen:
            seen.add(key)
            _sum_subrows(grid, key, parts, found)
    _missing_rows("二", seen, row_labels, found)
    return shorts


def _exact(aliases: tuple[str, ...], text: str) -> bool:
    """Whether a label is one of ``aliases`` whole, not a fragment of a split label."""
    return normalise_label(text) in {normalise_label(alias) for alias in aliases}


#: A row's labels under a template: ``(template, label texts)``, the key of the memos below
#: (what a row's labels say is worked out once per distinct label texts).
Labelled = tuple[str, tuple[str, ...]]


def _label_chars(labelled: Labelled) -> int:
    return sum(map(len, labelled[1]))


def _proactive_matches(
    labelled: Labelled,
) -> tuple[tuple[Match, ...], tuple[str, ...], tuple[int, ...]]:
    """What each label of a section 二 row matches, the row keys among them, and which labels
    match nothing."""
    template, texts = labelled
    match = matcher(template, "proactive").match
    matches = tuple(match(text) for text in texts)
    return (
        matches,
        tuple(dict.fromkeys(key for kind, key in matches if key and kind == "row")),
        tuple(i for i, (kind, _) in enumerate(matches) if kind == "unknown"),
    )


_PROACTIVE_MATCHES = Memo(_proactive_matches, _label_chars)


@lru_cache(maxsize=64)
def _proactive_cells(template: str, key: str) -> tuple[int, ...]:
    """The grid cells of a section 二 row, in column order."""
    index = TEMPLATES[template].index
    return tuple(
        index[f"proactive.{key}.{column}"] for column in labels.PROACTIVE_SHAPE[template][key]
    )


def _header(labelled: Labelled) -> Header | None:
    """The columns a value-less row names, if it names any."""
    template, texts = labelled
    kinds = [proactive_column(template, text) for text in texts]
    columns = [key if kind == "column" else None for kind, key in kinds if kind != "other"]
    return tuple(columns) if columns else None


_HEADERS = Memo(_header, _label_chars)


def _by_header(
    grid: Grid, key: str, header: Header, row: Row, found: list[Diagnostic]
) -> Row | None:
    """A row printed under columns of the other template: the values of the columns this
    template shares, in template order; ``None`` (cells missing) when it has others."""
    shape = labels.PROACTIVE_SHAPE[grid.template.name][key]
    label = labels.PROACTIVE_ROWS[grid.template.name][key][0]
    shared = len(row.values) == len(header) and all(column in header for column in shape)
    kept = [row.values[header.index(column)] for column in shape] if shared else []
    for column in shape:
        if not shared:
            grid.unplaced(grid.template.index[f"proactive.{key}.{column}"])
    found.append(
        diagnostic(
            "foreign-label",
            f"section 二: {label} is printed under columns of the other "
            "template; "
            + (f"kept {', '.join(shape)}, dropped the rest" if shared else "its cells are missing"),
            row.line,
            row.values[0][2] if row.values else 1,
            tuple(f"proactive.{key}.{column}" for column in shape),
        )
    )
    return row._replace(values=tuple(kept)) if shared else None


def _money_unit(labelled: Labelled) -> str | None:
    template, texts = labelled
    for text in texts:
        if proactive_column(template, text) == ("column", "amount"):
            compact = "".join(text.split())  # 万 元, as PDF text splits it, is still 万元
            for unit in labels.MONEY_UNITS:
                if unit in compact:
                    return unit
    return None


_MONEY_UNITS = Memo(_money_unit, _label_chars)


def _sum_subrows(grid: Grid, key: str, parts: list[Row], found: list[Diagnostic]) -> None:
    columns = labels.PROACTIVE_SHAPE[grid.template.name][key]
    names = [
        cell[0].replace("\n", "")
        for part in parts
        for cell in part.labels
        if matcher(grid.template.name, "proactive").match(cell[0])[0] == "unknown"
    ]
    rule = "sum of local sub-rows " + ", ".join(names)
    placed = 0
    for position, column in enumerate(columns):
        index = grid.template.index[f"proactive.{key}.{column}"]
        kind = grid.template.fields[index].kind
        amounts = [
            convert(part.values[position][0], kind, None)[0]
            if len(part.values) == len(columns)
            else None
            for part in parts
        ]
        if all(amount is not None for amount in amounts):
            grid.derived(index, sum(amounts), rule)  # type: ignore[arg-type]
            placed += 1
    found.append(
        diagnostic(
            "local-subrow",
            f"section 二: {labels.PROACTIVE_ROWS[grid.template.name][key][0]} is "
            f"split into local sub-rows ({', '.join(names)}); "
            f"{placed} of {len(columns)} cells are their sums",
            parts[0].line,
            parts[0].labels[0][2] if parts[0].labels else 1,
        )
    )


class _Plan(NamedTuple):
    """What a section 三 row's labels say, worked out once per distinct label texts: the
    row keys, which label cells are rows of the other template or unknown, the grid cells
    of each key, and the label for messages."""

    keys: tuple[str, ...]
    foreign: tuple[int, ...]
    unknown: tuple[int, ...]
    cells: tuple[tuple[int, ...], ...]
    label: str


def _application_plan(labelled: Labelled) -> _Plan:
    template, texts = labelled
    match = matcher(template, "applications").match
    matches = [match(text) for text in texts]
    keys = tuple(dict.fromkeys(key for kind, key in matches if key and kind == "row"))
    index = TEMPLATES[template].index
    row_labels = labels.APPLICATION_ROWS[template]
    return _Plan(
        keys,
        tuple(i for i, text in enumerate(texts) if foreign_row(template, "applications", text)),
        tuple(i for i, (kind, _) in enumerate(matches) if kind == "unknown"),
        tuple(
            tuple(index[f"applications.{key}.{c}"] for c in labels.APPLICANT_COLUMNS)
            for key in keys
        ),
        " + ".join(row_labels[key][0] for key in keys),
    )


_APPLICATION_PLANS = Memo(_application_plan, _label_chars)


def applications(rows: Iterable[Row], grid: Grid, found: list[Diagnostic]) -> list[ShortRow]:
    """Section 三: rows by their own label (group labels are ignored, so displaced group
    labels do no harm); two row labels on one line share that line's values."""
    name = grid.template.name
    row_labels = labels.APPLICATION_ROWS[name]
    width = len(labels.APPLICANT_COLUMNS)
    rows = _rewrapped(name, list(rows))
    taken = collapsed.take_all(rows)
    shorts: list[ShortRow] = []
    if _empty(taken):
        found.append(diagnostic("table-empty", "section 三 prints no number", *_start(rows)))
    seen: set[str] = set()
    for row, runs in taken:
        if not row.values and not runs:
            continue
        plan = _APPLICATION_PLANS[name, tuple(map(itemgetter(0), row.labels))]
        if plan.foreign:
            # A row of the other template: its values fit no cell of this one.
            text, line, column = row.labels[plan.foreign[0]]
            found.append(
                diagnostic(
                    "foreign-label",
                    f"section 三: {text!r} is a row of the other template; values not placed",
                    line,
                    column,
                )
            )
            for cells in plan.cells:
                for cell in cells:
                    grid.unplaced(cell)
            seen.update(plan.keys)
            continue
        for at in plan.unknown:
            text, line, column = row.labels[at]
            found.append(
                diagnostic(
                    "unknown-label",
                    f"section 三: label {text!r} matches no template row",
                    line,
                    column,
                )
            )
        if not plan.keys:
            found.append(
                diagnostic(
                    "values-unplaced",
                    f"section 三: a row with no row label "
                    f"({_label_text(row) or 'none'}); its "
                    "values are not placed",
                    row.line,
                )
            )
            continue
        if not seen.isdisjoint(plan.keys):
            found.append(
                diagnostic(
                    "duplicate-row",
                    f"section 三: {_label_text(row)} appears again; first kept",
                    row.line,
                )
            )
            continue
        seen.update(plan.keys)
        if len(plan.keys) == 1:
            if not runs and len(row.values) == width:  # the usual row: all its values
                store_row(grid, plan.cells[0], row.values, None, found)
                continue
            if not runs and len(row.values) == 1:
                row, runs = collapsed.alone(row, width)
            _fill(grid, plan.cells[0], row, plan.label, None, found, shorts, runs)
        elif runs:
            _not_cut(
                grid,
                [cell for cells in plan.cells for cell in cells],
                runs[0],
                f"section 三: a collapsed cell on the line of {plan.label}",
                found,
            )
        elif len(row.values) == width * len(plan.keys):
            for part, (key, key_cells) in enumerate(zip(plan.keys, plan.cells, strict=True)):
                part_row = row._replace(values=row.values[part * width : (part + 1) * width])
                _fill(grid, key_cells, part_row, row_labels[key][0], None, found, shorts)
        else:
            shorts.append(ShortRow(plan.cells, row.values, row.line, plan.label))
    _missing_rows("三", seen, row_labels, found)
    return shorts


#: How far (in characters) a wrapped label's next line may start from its first.
_DRIFT = 1


def _rewrapped(template: str, rows: list[Row]) -> list[Row]:
    """``rows`` with their own labels completed by the lines they wrapped onto.

    A narrow label column wraps its text a few characters a line, below the row's values
    (Word's PDFs: ``1.属于`` / ``国家秘`` / ``密``; a cut ``2.其他`` even names another row).
    A row's own label (its last) takes the cells of the label-only rows after it that start
    under it; the joined label is kept if the row's labels then name a row.
    """
    rewrapped = list(rows)
    valued = list(map(bool, map(itemgetter(1), rows)))
    labelled = map(bool, map(itemgetter(0), rows))
    # The rows with labels and values whose next row has no values: found at C speed.
    for at in compress(count(), map(and_, map(and_, valued, labelled), map(not_, valued[1:]))):
        row = rows[at]
        below: list[Cell] = []
        for later in islice(rows, at + 1, None):
            if later.values:
                break
            below.extend(later.labels)
        text, line, column = row.labels[-1]  # the row's own label: group labels come first
        rest = "".join(part for part, _, start in below if abs(start - column) <= _DRIFT)
        joined = (*row.labels[:-1], ((text + rest)[:MAX_CELL_CHARS], line, column))
        if rest and _APPLICATION_PLANS[template, tuple(map(itemgetter(0), joined))].keys:
            rewrapped[at] = row._replace(labels=joined)
    return rewrapped


def appeals(rows: Iterable[Row], grid: Grid, found: list[Diagnostic]) -> list[ShortRow]:
    """Section 四: its values in reading order fill the 15 cells in template order (a
    collapsed cell holds values where it stands)."""
    rows = list(rows)
    cells = list(grid.template.sections["appeals"])
    taken = collapsed.take_all(rows)
    runs = tuple(run for _, found_runs in taken for run in found_runs)
    # Only rows that print a number: a header row of dashes (------) under 行政复议 and
    # 行政诉讼 says nothing about the cells.
    values = tuple(
        cell for row, _ in taken if any(is_number(v[0]) for v in row.values) for cell in row.values
    )
    if not values and not runs:
        found.append(
            diagnostic(
                "table-empty",
                "section 四 prints no number; its 15 cells are missing",
                *_start(rows),
            )
        )
        return []
    shorts: list[ShortRow] = []
    row = Row((), values, (values or runs)[0][1])
    row, runs = (row, runs) if runs else collapsed.alone(row, len(cells))
    _fill(grid, cells, row, "section 四", None, found, shorts, runs)
    return shorts
