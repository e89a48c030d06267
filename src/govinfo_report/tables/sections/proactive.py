"""Section 二, 主动公开政府信息情况: rows by label, values by position, or by the header when it
names columns of the other template; local sub-rows (行政检查, 行政确认) summed into their
row. The section has no consistency rule, so a row that lost values cannot be placed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from operator import itemgetter

from ... import labels
from ...catalogue import Template
from ...cells import convert
from ...diagnostics import diagnostic
from ...fold import fold
from ...memo import Memo
from ...structure import collapsed
from ...structure.layouts import Row
from ..matching import Match, foreign_row, matcher, normalise_label, proactive_column
from ..reading import Draft, Reading, Sum
from ..rules import Rule
from .lifted import relifted
from .merged import covered
from .rows import (
    aligned,
    by_position,
    empty,
    fill,
    headings,
    label_text,
    missing_rows,
    not_placed,
    rewrapped,
    start,
)

NAME = "proactive"
NUMBER = 2

#: A section 二 header: for each value position, the column key, or ``None`` for a column
#: only the other template has.
Header = tuple[str | None, ...]
#: A row's labels under a template: ``(template, label texts)``, the key of the memos below
#: (what a row's labels say is worked out once per distinct label texts).
Labelled = tuple[str, tuple[str, ...]]


@cache
def width(template: str) -> int:
    """How many values a full row holds (the widest row)."""
    return max(map(len, labels.PROACTIVE_SHAPE[template].values()))


def rules(template: Template) -> Iterator[Rule]:
    """Section 二 has no consistency rule: its rows count different things."""
    return iter(())


def alternatives(rows: Sequence[Row], template: Template, first: Reading) -> Iterable[Reading]:
    """No other reading: without rules, none could be verified."""
    return ()


def _texts(row: Row) -> tuple[str, ...]:
    return tuple(map(itemgetter(0), row.labels))


def read(rows: Iterable[Row], template: Template) -> Reading:
    """The reading of section 二's rows."""
    name = template.name
    row_labels = labels.PROACTIVE_ROWS[name]
    rows, lifted = relifted(
        rewrapped(list(rows), matcher(name, NAME)), template, lambda row: _named(row, template)
    )
    taken = collapsed.take_all(rows, matcher(name, NAME).known)
    taken, valued = headings(taken, lambda row: _MATCHES[name, _texts(row)][1])
    taken = by_position(taken, [_width(row, template) for row, _ in taken], width(name), alone=True)
    draft = Draft(NAME)
    for found in lifted:
        draft.find(found)
    if empty(taken):
        draft.find(
            diagnostic(
                "table-empty",
                "section 二 prints no number",
                *start(rows),
                template.section_keys(NAME),
            )
        )
    unit: str | None = None
    header: Header | None = None
    parent: str | None = None
    seen: set[str] = set()
    subrows: dict[str, list[Row]] = {}
    # Whether the header lines since the last row of values name a column twice (python-docx
    # gives a merged cell once per grid column it spans), and whether a row of values came.
    twice = valued_since = False
    for row, runs in taken:
        texts = tuple(map(itemgetter(0), row.labels))
        matches, keys, unknown_at = _MATCHES[name, texts]
        if (
            len(keys) == 1
            and not unknown_at
            and not runs
            and (header is None or None not in header)
        ):
            size = len(template.rows[NAME, keys[0]])
            once = header is not None and len(header) == size and not twice
            row = aligned(row, size, left=True, repeats=not once)
        if not row.values and not runs:
            twice = (twice and not valued_since) or len(set(texts)) < len(texts)
            valued_since = False
            unit = _MONEY_UNITS[name, texts] or unit
            header = _HEADERS[name, texts] or header
            if (
                len(keys) == 1
                and keys[0] not in seen
                and keys[0] not in valued  # a heading over the row, printed with values
                and len(matches) == 1
                and _exact(row_labels[keys[0]], texts[0])
            ):
                # A row whose cells are all blank: printed blank, not lost.
                seen.add(keys[0])
                draft.leave_blank(template.rows[NAME, keys[0]])
            continue
        valued_since = True
        unknown = [row.labels[i] for i in unknown_at]
        if unknown and len(keys) == 1 and keys[0] in labels.PROACTIVE_SPLITTABLE:
            parent = keys[0]
        if unknown and keys in ((), (parent,)) and parent in labels.PROACTIVE_SPLITTABLE:
            subrows.setdefault(parent, []).append(row)
            continue
        if len(keys) != 1 or unknown:
            foreign = not keys and any(foreign_row(name, NAME, cell[0]) for cell in unknown)
            draft.find(
                diagnostic(
                    "foreign-label" if foreign else "unknown-label",
                    f"section 二: row {label_text(row)!r} "
                    + ("is a row of the other template" if foreign else "matches no template row")
                    + "; values ignored",
                    row.line,
                    row.labels[0][2] if row.labels else 1,
                )
            )
            continue
        parent = key = keys[0]
        if key in seen:
            draft.find(
                diagnostic(
                    "duplicate-row",
                    f"section 二: {row_labels[key][0]} appears again; first kept",
                    row.line,
                )
            )
            continue
        seen.add(key)
        cells = template.rows[NAME, key]
        if header is not None and None in header:
            if runs:
                not_placed(
                    draft,
                    template,
                    cells,
                    runs[0],
                    f"section 二: {row_labels[key][0]} has a collapsed cell under columns of "
                    "the other template",
                    "collapsed-cell",
                )
                continue
            shared = _by_header(draft, template, key, header, row)
            if shared is None:
                continue
            row = shared
        elif not runs and header is not None and len(row.values) > len(cells):
            row = _merged(draft, template, key, header, row) or row
        if not runs and len(row.values) == len(cells) and not row.loose:
            draft.give(cells, row.values, unit)  # the usual row: all its values
        else:
            fill(draft, template, cells, row, row_labels[key][0], unit, runs, rules=rules(template))
    for key, parts in subrows.items():
        if key not in seen:
            seen.add(key)
            _sum_subrows(draft, template, key, parts)
    missing_rows(draft, template, NAME, row_labels, seen)
    return draft.freeze()


def _named(row: Row, template: Template) -> str | None:
    """The template row ``row``'s labels name, where they name one and nothing else."""
    _, keys, unknown = _MATCHES[template.name, _texts(row)]
    return keys[0] if len(keys) == 1 and not unknown else None


def _width(row: Row, template: Template) -> int | None:
    """How many cells the row has, where its labels name one template row and nothing
    else (a row of labels alone: its label whole, not a piece of a wrapped one)."""
    texts = tuple(map(itemgetter(0), row.labels))
    matches, keys, unknown = _MATCHES[template.name, texts]
    if len(keys) != 1 or unknown:
        return None
    if not row.values and not (
        len(matches) == 1 and _exact(labels.PROACTIVE_ROWS[template.name][keys[0]], texts[0])
    ):
        return None
    return len(template.rows[NAME, keys[0]])


def _exact(aliases: tuple[str, ...], text: str) -> bool:
    """Whether a label is one of ``aliases`` whole, not a fragment of a split label."""
    return normalise_label(text) in {normalise_label(alias) for alias in aliases}


def _label_chars(labelled: Labelled) -> int:
    return sum(map(len, labelled[1]))


def _matches(
    labelled: Labelled,
) -> tuple[tuple[Match, ...], tuple[str, ...], tuple[int, ...]]:
    """What each label of a row matches, the row keys among them, and which labels match
    nothing."""
    template, texts = labelled
    match = matcher(template, NAME).match
    matches = tuple(match(text) for text in texts)
    return (
        matches,
        tuple(dict.fromkeys(key for kind, key in matches if key and kind == "row")),
        tuple(i for i, (kind, _) in enumerate(matches) if kind == "unknown"),
    )


_MATCHES = Memo(_matches, _label_chars)


def _header(labelled: Labelled) -> Header | None:
    """The columns a value-less row names, if it names any."""
    template, texts = labelled
    kinds = [proactive_column(template, text) for text in texts]
    columns = [key if kind == "column" else None for kind, key in kinds if kind != "other"]
    return tuple(columns) if columns else None


_HEADERS = Memo(_header, _label_chars)


def _by_header(draft: Draft, template: Template, key: str, header: Header, row: Row) -> Row | None:
    """A row printed under columns of the other template: the values of the columns this
    template shares, in template order; ``None`` (cells missing) when it has others."""
    shape = labels.PROACTIVE_SHAPE[template.name][key]
    label = labels.PROACTIVE_ROWS[template.name][key][0]
    shared = len(row.values) == len(header) and all(column in header for column in shape)
    kept = [row.values[header.index(column)] for column in shape] if shared else []
    cells = template.rows[NAME, key]
    if not shared:
        draft.close(cells)
    draft.find(
        diagnostic(
            "foreign-label",
            f"section 二: {label} is printed under columns of the other template; "
            + (f"kept {', '.join(shape)}, dropped the rest" if shared else "its cells are missing"),
            row.line,
            row.values[0][2] if row.values else 1,
            tuple(template.fields[i].key for i in cells),
        )
    )
    return row._replace(values=tuple(kept)) if shared else None


def _merged(draft: Draft, template: Template, key: str, header: Header, row: Row) -> Row | None:
    """A row with more cells than columns, under a header naming its columns: cells merged
    over several grid columns, as a Word table or an HTML page shares one grid between
    section 二's sub-tables. ``None`` when the header does not say how.

    Where the header repeats a column's name once per grid column it covers (python-docx
    gives a merged cell once per column), the row's cells go by the header's, and a column
    is read where all its cells agree. Where the header names each column once, the surplus
    cells are the blank ones a merged cell covers (``merged.covered``); a column they leave
    uncertain is missing."""
    shape = labels.PROACTIVE_SHAPE[template.name][key]
    values = row.values
    if tuple(dict.fromkeys(header)) != shape:
        return None
    if len(header) == len(values) and len(header) > len(shape):
        under = [
            [value for value, named in zip(values, header, strict=True) if named == column]
            for column in shape
        ]
        kept = [cells[0] if len({text for text, _, _ in cells}) == 1 else None for cells in under]
        how = "its cells go by the header's columns, which repeat a merged cell's name"
    elif len(header) == len(shape) and (found := covered(values, len(shape))) is not None:
        kept = found
        how = f"{len(values) - len(shape)} blank cell(s) read as covered by merged cells"
    else:
        return None
    lost = [shape[at] for at, value in enumerate(kept) if value is None]
    draft.find(
        diagnostic(
            "merged-cells",
            f"section 二: {labels.PROACTIVE_ROWS[template.name][key][0]}: {len(values)} cells "
            f"for {len(shape)} columns; {how}"
            + (f"; {', '.join(lost)} uncertain, missing" if lost else ""),
            row.line,
            values[0][2],
        )
    )
    return row._replace(values=tuple(value or ("", row.line, values[0][2]) for value in kept))


def _money_unit(labelled: Labelled) -> str | None:
    """The money unit the amount column's header prints (``采购总金额（单位：万元）``), read
    from the column's label on: a header cell may hold several columns' labels run together
    (text that lost its line breaks: ``信息内容采购项目数量采购总金额（单位：元）``)."""
    template, texts = labelled
    for text in texts:
        compact = "".join(fold(text).split())  # 万 元, as PDF text splits it, is still 万元
        starts = [at for label in _AMOUNT_LABELS[template] if (at := compact.find(label)) >= 0]
        if starts:
            rest = compact[min(starts) :]
            for unit in labels.MONEY_UNITS:
                if unit in rest:
                    return unit
    return None


#: The amount column's labels of each template, folded.
_AMOUNT_LABELS = {
    name: tuple(fold(label) for label in columns["amount"])
    for name, columns in labels.PROACTIVE_COLUMNS.items()
}
_MONEY_UNITS = Memo(_money_unit, _label_chars)


def _sum_subrows(draft: Draft, template: Template, key: str, parts: list[Row]) -> None:
    """Each cell of ``key`` as the sum of its local sub-rows' cells, where every sub-row
    prints a value for it."""
    match = matcher(template.name, NAME).match
    names = [
        cell[0].replace("\n", "")
        for part in parts
        for cell in part.labels
        if match(cell[0])[0] == "unknown"
    ]
    rule = "sum of local sub-rows " + ", ".join(names)
    cells = template.rows[NAME, key]
    placed = 0
    for position, cell in enumerate(cells):
        kind = template.fields[cell].kind
        printed = [part.values[position] for part in parts if len(part.values) == len(cells)]
        if len(printed) == len(parts) and all(
            convert(text, kind, None)[0] is not None for text, _, _ in printed
        ):
            draft.sums.append(Sum(cell, tuple(printed), rule))
            placed += 1
    draft.find(
        diagnostic(
            "local-subrow",
            f"section 二: {labels.PROACTIVE_ROWS[template.name][key][0]} is split into local "
            f"sub-rows ({', '.join(names)}); {placed} of {len(cells)} cells are their sums",
            parts[0].line,
            parts[0].labels[0][2] if parts[0].labels else 1,
        )
    )
