"""Section 四, 政府信息公开行政复议、行政诉讼情况: one row of fifteen values under a three-row
header; its values in reading order fill the cells in template order (a collapsed cell
holds values where it stands), or, where the header's words printed among them name
every value's column, the cells those words name. Its rules: in each of the three
groups, 总计 is the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations
from math import comb

from ... import labels
from ...catalogue import Template
from ...cells import Value, count_values, is_number, not_given
from ...diagnostics import diagnostic
from ...escape import width as display_width
from ...structure import collapsed
from ...structure.layouts import Positions, Printed, Row, Runs
from ..matching import matcher
from ..reading import Draft, Reading
from ..rules import Rule
from .rows import Taken, aligned, by_position, fill, holds, not_placed, start

NAME = "appeals"
NUMBER = 4


def width(template: str) -> int:
    """How many values the section's one row holds: five for each of three groups."""
    return len(labels.APPEAL_GROUPS) * len(labels.APPEAL_OUTCOMES)


def rules(template: Template) -> Iterator[Rule]:
    """Each group's 总计 is the sum of its four outcomes."""
    for group, (label, *_) in labels.APPEAL_GROUPS.items():
        cells = template.rows[NAME, group]
        yield Rule(
            f"appeals.group-sum.{group}",
            f"{label}: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
            cells[-1:],
            cells[:-1],
        )


def alternatives(rows: Sequence[Row], template: Template, first: Reading) -> Iterable[Reading]:
    """Where the section's values come between header cells and, taken in order, break a
    group's 总计: the readings of each run of them as many as its cells (``_windows``) and
    those with one value moved (``_moved``). wkhtmltopdf's PDF through
    plain ``pdftotext`` prints the first group's 总计 second (``1`` ``12`` ``3`` ``5`` ``3``
    for 1 3 5 3 and 12). ``parser`` keeps one only where every such reading gives the same
    values (``resolve.confirmed``)."""
    cells = tuple(template.sections[NAME])
    _, taken, runs, values = _taken(rows, template, cells)
    if runs or not _interleaved(taken):
        return
    named = _named(taken)
    if holds(rules(template), cells, values):
        # the printed order holds; where an order with a group's 总计 moved holds too
        # (``read``), both are rivals: no reading by blocks is kept for cells they dispute
        rivals = _total_moved(values, template, cells, named, taken)
        for order in (tuple(values), *rivals) if rivals else ():
            draft = Draft(NAME)
            draft.give(cells, order, None)
            yield draft.freeze()
        return
    yield from (
        reading
        for reading in _windows(values, template, cells)
        if _as_named(reading, named, template)
    )
    for order, value in _moved(values, template, cells):
        draft = Draft(NAME)
        draft.give(cells, order, None)
        draft.find(
            diagnostic(
                "table-read-in-sequence",
                "section 四: its values come between header cells and, in printed order, "
                f"break a group's 总计; read with the {value[0]} printed in place "
                f"{values.index(value) + 1} of {len(values)} taken as "
                f"{template.fields[cells[order.index(value)]].key}, the one value moved in "
                "the only order so moved in which every group's 总计 holds",
                value[1],
                value[2],
            )
        )
        yield draft.freeze()


#: Each column's header word (结果维持 …) and its outcome (``upheld`` …).
_OUTCOME_WORDS = {
    word: outcome for outcome, words in labels.APPEAL_OUTCOMES.items() for word in words
}
#: The group words a header prints over its columns (行政复议, 行政诉讼, 未经复议直接起诉 …).
_GROUP_WORDS = re.compile(
    "|".join((*(w for words in labels.APPEAL_GROUPS.values() for w in words), "行政诉讼"))
)
#: The pieces a header cell's last lines wrap of an outcome's word (``维持``, ``纠正``,
#: ``审结``, ``持`` …), none of which begins another word (结果 ends 其他结果 and begins
#: 结果维持).
_BOTTOMS = tuple(
    {word[cut:] for word in _OUTCOME_WORDS for cut in range(1, len(word))}
    - {word[:cut] for word in _OUTCOME_WORDS for cut in range(1, len(word))}
)
#: A run of column header words, each captured.
_OUTCOMES_RUN = re.compile("(?:{})+".format("|".join(_OUTCOME_WORDS)))
_OUTCOME = re.compile("|".join(_OUTCOME_WORDS))


def _named(taken: Sequence[Taken]) -> dict[Printed, str]:
    """The outcome each value's own header words name, where the text prints them right
    before it: the labels printed since the values before (group words aside), column
    header words alone, each piece a word or a character of one, and as many as the
    values after them, name those in order (pdfminer's text of Word's PDF, a character a
    line: ``结`` / ``果`` / ``纠`` / ``正`` / ``1``, or a header's five words and then its
    five values). Another table's word among them (三's ``其他`` before ``结`` / ``果``)
    names none, and none is named unless every cell's value is."""
    named: dict[Printed, str] = {}
    words: list[str] = []
    for row, runs in taken:
        words.extend("".join(piece.split()) for piece, _, _ in row.labels)
        if not row.values and not runs:
            continue
        pieces = [word for word in words if _GROUP_WORDS.fullmatch(word) is None]
        words = []
        # a piece is a word or one of its characters: a longer one (三's 其他) is none
        if runs or any(len(piece) > 1 and piece not in _OUTCOME_WORDS for piece in pieces):
            continue
        text = "".join(pieces)
        if _OUTCOMES_RUN.fullmatch(text) is None:
            continue
        outcomes = [_OUTCOME_WORDS[word] for word in _OUTCOME.findall(text)]
        if len(outcomes) == len(row.values):
            named.update(zip(row.values, outcomes, strict=True))
    # a text that prints a tall header's characters by their baselines (plain pdftotext)
    # may spell a word before a value by chance, never one before every cell's
    return named if len(named) >= len(labels.APPEAL_GROUPS) * len(labels.APPEAL_OUTCOMES) else {}


def _by_names(
    named: dict[Printed, str],
    taken: Sequence[Taken],
    values: Sequence[Printed],
    template: Template,
    cells: tuple[int, ...],
) -> tuple[Printed, ...] | None:
    """``values`` in the cells' order by the header words that name each (``named``, as
    ``_named`` gives them: every cell's), where printed order is another: each outcome's
    values in printed order are its groups' in template order (pdfminer's text of Word's
    PDF prints 行政复议's five, then each litigation group's outcomes, the 总计s last),
    values no word names before them left out as another section's, and every group's 总计
    holds; ``None`` elsewhere."""
    first = next((at for at, value in enumerate(values) if value in named), None)
    if first is None or any(runs for _, runs in taken):
        return None
    printed: dict[str, list[Printed]] = {}
    for value in values[first:]:
        printed.setdefault(named.get(value, ""), []).append(value)
    outcomes = [_outcome(template, cell) for cell in cells]
    if "" in printed or any(len(printed.get(o, ())) != outcomes.count(o) for o in outcomes):
        return None  # a value no word names among them, or an outcome's values too many
    taken_of = {outcome: iter(found) for outcome, found in printed.items()}
    order = tuple(next(taken_of[outcome]) for outcome in outcomes)
    if order == tuple(values) or not holds(rules(template), cells, order):
        return None
    return order


def _as_named(reading: Reading, named: dict[Printed, str], template: Template) -> bool:
    """Whether ``reading`` gives each value its header words name (``_named``) to a cell of
    that column."""
    return all(_as_named_in(printed, named, template, cells) for cells, printed, _ in reading.given)


def _as_named_in(
    values: Sequence[Printed], named: dict[Printed, str], template: Template, cells: Sequence[int]
) -> bool:
    """Whether ``values`` given to ``cells`` in order give each a value its header words
    name for a cell of that column, where they name every cell's (``_named``): a reading
    by sequence that puts 结果纠正's ``1`` in 结果维持, or a stray value no word names in
    any cell, is the text's order misread, however its 总计s hold."""
    return not named or all(
        named.get(value) == _outcome(template, cell)
        for value, cell in zip(values, cells, strict=True)
    )


def _outcome(template: Template, cell: int) -> str:
    """The outcome (column) of ``cell``, as the three groups share it (``upheld`` …)."""
    return template.fields[cell].key.rpartition(".")[2]


def _windows(
    values: Sequence[Printed], template: Template, cells: tuple[int, ...]
) -> Iterator[Reading]:
    """Where more values than cells come between header cells: each run of consecutive
    values as many as the cells, in printed order, the others left out. Plain
    ``pdftotext`` of a browser's PDF prints 三's last values after 四's heading, beside
    ``行政复议`` (``行政复议`` / ``4`` / ``行政诉讼`` / … / ``6`` ``1`` ``0`` ``0`` ``7``
    …): which run is 四's the text does not say, so ``parser`` keeps one only where the
    runs that make every group's 总计 hold all give the same values
    (``resolve.confirmed``). Where none makes every one hold, none is given: a run that
    breaks one group's 总计 alone would pass for the report's own error (its groups share
    no rule), and 四's values may be no run of them (its blank cells left out as well).
    The runs are given from the last: where several give the same values, the one kept
    leaves out the values printed first, beside the first header cell, as another
    section's (a number's rest among them: ``13`` / ``四、…`` / ``0`` / ``行政复议``, 130
    wrapped, ``tables.rests``). A value may stand among the section's too, a page's number
    where a page breaks between them (``3`` / ``5`` / \f / ``12``): so each run one value
    longer, but for one value inside it, is a rival where it makes every 总计 hold
    (``_gapped``), given after the others."""
    extra = len(values) - len(cells)
    if extra <= 0:
        return
    runs = [values[first : first + len(cells)] for first in range(extra + 1)]
    gapped = list(_gapped(values, template, cells))
    if not gapped and not any(_totals_hold(run, template, cells) for run in runs):
        return  # its values are no run of them (its blank cells left out, too)
    for first, run in reversed(list(enumerate(runs))):
        left = [text for text, _, _ in (*values[:first], *values[first + len(cells) :])]
        yield _in_sequence(
            cells,
            run,
            f"section 四: {len(values)} values come between its header cells, "
            f"{extra} more than its cells; read as the {len(cells)} from place "
            f"{first + 1} in printed order, the others ({' '.join(left)}) left out as "
            "another section's (a PDF's text flow), the only run of its values so "
            "long whose numbers make every group's 总计 hold",
        )
    for run, out in gapped:
        ends = [value[0] for value in values if value not in run and value != out]
        yield _in_sequence(
            cells,
            run,
            f"section 四: {len(values)} values come between its header cells, "
            f"{extra} more than its cells; read with the {out[0]} printed in place "
            f"{values.index(out) + 1} left out as a page's number or a stray among them "
            f"(and {' '.join(ends) or 'none'} at their ends as another section's): every "
            "group's 总计 holds so",
        )


def _gapped(
    values: Sequence[Printed], template: Template, cells: tuple[int, ...]
) -> Iterator[tuple[tuple[Printed, ...], Printed]]:
    """Each run of ``values`` one longer than ``cells`` with one value inside it (not at
    its ends, which ``_windows``' runs leave out) left out, where every group's 总计 holds:
    the run and the value left out."""
    width = len(cells)
    for first in range(len(values) - width):
        span = values[first : first + width + 1]
        for at in range(1, width):
            run = (*span[:at], *span[at + 1 :])
            if _totals_hold(run, template, cells):
                yield run, span[at]


def _in_sequence(cells: tuple[int, ...], run: Sequence[Printed], message: str) -> Reading:
    """A reading giving ``run`` to ``cells`` in order, said (``table-read-in-sequence``)."""
    draft = Draft(NAME)
    draft.give(cells, run, None)
    draft.find(diagnostic("table-read-in-sequence", message, run[0][1], run[0][2]))
    return draft.freeze()


def _moved(
    values: Sequence[Printed], template: Template, cells: tuple[int, ...]
) -> Iterator[tuple[tuple[Printed, ...], Printed]]:
    """``values`` with one of them taken out and put back at another place, each way that
    makes every group's 总计 hold (once for the numbers it gives), and the value moved. A
    text that reads the table's columns out of order may have moved any one; fewer values
    than cells, or one that is neither a number nor a placeholder, give none. A group's cell
    printed "not given" (``—``) takes the number its 总计 gives it, never below 0; a group
    with two such cells is not checked."""
    if len(values) != len(cells) or not all(
        is_number(text) or not_given(text) for text, _, _ in values
    ):
        return
    seen: set[tuple[str, ...]] = set()
    # each group's 总计 against its other cells, by place (every cell of 四 is given:
    # ``rows.holds`` for these values, its numbers taken once)
    checks = [
        ([cells.index(cell) for cell in rule.left], [cells.index(cell) for cell in rule.right])
        for rule in rules(template)
    ]
    numbers = count_values([text for text, _, _ in values])
    # A move shifts the values between ``at`` and ``to`` alone: a group it leaves untouched
    # holds or breaks as in printed order. So it must reach each group that breaks there
    # (start by the end of the first to end, end by the start of the last to start), and
    # those are checked first.
    broken = [
        (lefts, rights)
        for lefts, rights in checks
        if not _holds([numbers[n] for n in lefts], [numbers[n] for n in rights])
    ]
    low = min((max(lefts + rights) for lefts, rights in broken), default=len(values))
    high = max((min(lefts + rights) for lefts, rights in broken), default=0)
    checks = [*broken, *(check for check in checks if check not in broken)]
    for at, value in enumerate(values):
        rest = [*numbers[:at], *numbers[at + 1 :]]
        earlier = range(min(at, low + 1)) if at >= high else range(0)
        later = range(max(at + 1, high), len(values)) if at <= low else range(0)
        for to in (*earlier, *later):
            moved = [*rest[:to], numbers[at], *rest[to:]]
            if not all(
                _holds([moved[n] for n in lefts], [moved[n] for n in rights])
                for lefts, rights in checks
            ):
                continue
            order = (*values[:at], *values[at + 1 :])
            order = (*order[:to], value, *order[to:])
            texts = tuple(text for text, _, _ in order)
            if texts not in seen:
                seen.add(texts)
                yield order, value


#: 总计's header word.
_TOTAL_WORD = "总计"
#: The characters of the columns' header words (结果维持 … 总计).
_HEADER_CHARACTERS = frozenset("".join([*_OUTCOME_WORDS, _TOTAL_WORD]))
#: Where a browser's (wkhtmltopdf) PDF through plain ``pdftotext`` prints a group's 总计
#: among its five values: second (``1`` / ``12`` / ``3`` / ``5`` / ``3`` for 1 3 5 3 and 12).
_TOTAL_FLOWED_AT = 1


def _after_total(taken: Sequence[Taken]) -> set[Printed]:
    """The values printed first after header characters that end with 总计's (group words
    aside): a group whose first value is one had its header read to its last column before
    its values, as plain ``pdftotext`` prints Word's PDF by its baselines (``结`` / ``结`` /
    ``果`` / ``果`` / … / ``总`` / ``计`` / ``0`` / ``1`` …), not a flow that prints 总计's
    word among the outcomes' (``总计 结果 结果 其他 尚未``)."""
    words: list[str] = []
    found: set[Printed] = set()
    for row, runs in taken:
        words.extend("".join(piece.split()) for piece, _, _ in row.labels)
        if row.values or runs:
            text = "".join(word for word in words if _GROUP_WORDS.fullmatch(word) is None)
            if row.values and text.endswith(_TOTAL_WORD):
                found.add(row.values[0])
            words = []
    return found


def _header_between(taken: Sequence[Taken]) -> bool:
    """Whether column header words (or their pieces) come between the section's values: a
    flow that prints a header's lines among its groups' values (``维持 纠正 结果 审结``
    after 行政复议's), not one whose whole header comes first and only another section's
    text strays among the values (Chrome's PDF through plain ``pdftotext``: ``0`` / ``强。``
    / ``1`` …)."""
    valued = [at for at, (row, runs) in enumerate(taken) if runs or _numbers(row)]
    return bool(valued) and any(
        _HEADER_CHARACTERS.issuperset(word)
        for row, _ in taken[valued[0] + 1 : valued[-1] + 1]
        for text, _, _ in row.labels
        if (word := "".join(text.split()))
    )


def _total_moved(
    values: Sequence[Printed],
    template: Template,
    cells: tuple[int, ...],
    named: dict[Printed, str],
    taken: Sequence[Taken],
) -> list[tuple[Printed, ...]]:
    """The other orders of ``values`` (as many as ``cells``, in printed order, every group's
    总计 holding) that hold as well and give some cell another number: a group's 总计 printed
    second, as a browser's PDF through plain ``pdftotext`` prints it, the outcomes after it
    each a place later (``0 1 0 0 1``: 结果纠正 1 and 总计 1 as printed, or 总计 1 and 尚未审结
    1). Only a group that prints its 总计 as its 结果纠正, every other outcome 0, reads both
    ways. None where no header word comes between the values (``_header_between``), or
    the header words printed before the values name each (``named``), nor for a group whose
    values come right after header characters ending with 总计's (``_after_total``): plain
    ``pdftotext`` of Chrome's and of Word's PDFs, whose order they confirm."""
    if len(values) != len(cells) or named or not _header_between(taken):
        return []
    numbers = count_values([text for text, _, _ in values])
    after_total = _after_total(taken)
    found: list[tuple[Printed, ...]] = []
    for rule in rules(template):
        places = [cells.index(cell) for cell in (*rule.right, *rule.left)]  # 总计 last
        if values[places[0]] in after_total:
            continue  # its header's 总计 printed right before its values: in order
        at = _TOTAL_FLOWED_AT
        sources = [*places[:at], *places[at + 1 :], places[at]]  # what each place takes
        moved = [numbers[source] for source in sources]
        if _holds(moved[-1:], moved[:-1]) and moved != [numbers[place] for place in places]:
            order = list(values)
            for place, source in zip(places, sources, strict=True):
                order[place] = values[source]
            found.append(tuple(order))
    return found


def _totals_hold(values: Sequence[Printed], template: Template, cells: tuple[int, ...]) -> bool:
    """Whether ``values``, given to ``cells`` in order, make every group's 总计 hold
    (``_holds``)."""
    numbers = dict(zip(cells, count_values([text for text, _, _ in values]), strict=True))
    return all(
        _holds([numbers[cell] for cell in rule.left], [numbers[cell] for cell in rule.right])
        for rule in rules(template)
    )


def _holds(total: Sequence[Value | None], parts: Sequence[Value | None]) -> bool:
    """Whether a group's ``total`` (one cell) is the sum of its ``parts``, a cell without
    a number (printed "not given") taking the one that makes it so, never below 0; with two
    such cells, unchecked."""
    blanks = [*total, *parts].count(None)
    if blanks > 1:
        return True
    known = sum(value for value in parts if value is not None)
    if blanks == 0:
        return total[0] == known
    return None in total or total[0] >= known  # type: ignore[operator]


def _taken(
    rows: Iterable[Row], template: Template, cells: tuple[int, ...]
) -> tuple[list[Row], list[Taken], tuple[Printed, ...], tuple[Printed, ...]]:
    """Section 四's rows (the one row of values read from the right edge: ``_edge_aligned``),
    as taken (``collapsed.take_all``, by position where they show it), the digit runs of
    collapsed cells among them, and the values."""
    rows = list(rows)
    if any(row.positions.cells or row.positions.fits for row in rows) and _unstacked(rows):
        # the header's words are not where their columns are: no offset names a column
        rows = [row._replace(positions=Positions()) for row in rows]
    rows, edge = _edge_aligned(rows, cells)
    taken = _by_position(
        collapsed.take_all(rows, matcher(template.name, NAME).known), template, cells
    )
    runs = tuple(run for _, found in taken for run in found)
    return rows, taken, runs, _values(taken, edge)


def _unstacked(rows: Sequence[Row]) -> bool:
    """Whether a header word that ends a wrapped column word (``维持``, ``审结总计``) stands
    under no word of the lines before it, in characters or in display columns, but the
    group words (行政复议 …), where some such word comes before it (a table cut by a page
    starts with any piece): its first piece is printed elsewhere, and the header's
    offsets name no columns (PyMuPDF's sorted text of a browser's PDF puts one group's
    first pieces at the line's start and its last ones after the other groups' first
    pieces: ``结果 结果 其他 尚未`` / ``结果 … 尚未 维持 纠正 结果 审结总计``)."""
    above: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for row in rows:
        if row.values or len({line for _, line, _ in row.labels}) != 1:
            continue
        spans = _label_spans(row)
        for (text, _, _), (chars, shown) in zip(row.labels, spans, strict=True):
            if (
                above
                and "".join(text.split()).startswith(_BOTTOMS)
                and not any(_overlap(chars, over[0]) or _overlap(shown, over[1]) for over in above)
            ):
                return True
        above += [
            span
            for (text, _, _), span in zip(row.labels, spans, strict=True)
            if _GROUP_WORDS.fullmatch("".join(text.split())) is None
        ]
    return False


def _label_spans(row: Row) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each label's span on ``row``'s line, a line of labels alone, in characters and in
    display columns (a wide character two)."""
    spans = []
    wider = 0
    for text, _, column in row.labels:
        spans.append(
            ((column, column + len(text)), (column + wider, column + wider + display_width(text)))
        )
        wider += display_width(text) - len(text)
    return spans


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two spans share a column."""
    return one[0] < other[1] and other[0] < one[1]


def read(rows: Iterable[Row], template: Template, by_lines: bool = False) -> Reading:
    """The reading of section 四's rows."""
    cells = tuple(template.sections[NAME])
    rows, taken, runs, values = _taken(rows, template, cells)
    draft = Draft(NAME)
    interleaved = _interleaved(taken)
    words = _named(taken) if interleaved else {}
    if not values and not runs:
        draft.find(
            diagnostic(
                "table-empty",
                f"section 四 prints no number; its {len(cells)} cells are missing",
                *start(rows),
                template.section_keys(NAME),
            )
        )
    elif interleaved and (named := _by_names(words, taken, values, template, cells)) is not None:
        draft.give(cells, named, None)
        kept = set(named)
        left = " ".join(value[0] for value in values if value not in kept)
        draft.find(
            diagnostic(
                "table-read-in-sequence",
                "section 四: its values come between header cells (the text read the table's "
                "columns out of order), each right after the header words that name its "
                "column; read by them, each group's values the ones its place names (the "
                "first 结果维持 行政复议's, the next 未经复议直接起诉's …), every group's 总计 "
                "holding"
                + (f", the others ({left}) left out as another section's" if left else ""),
                named[0][1],
                named[0][2],
            )
        )
    elif interleaved and not (not runs and holds(rules(template), cells, values)):
        not_placed(
            draft,
            template,
            cells,
            (values or runs)[0],
            "section 四: its values come between header cells (the text read the table's "
            "columns out of order) and, taken in order, do not make every group's 总计 hold",
        )
    elif interleaved and not _as_named_in(values, words, template, cells):
        not_placed(
            draft,
            template,
            cells,
            values[0],
            "section 四: its values come between header cells (the text read the table's "
            "columns out of order), and taken in order some value falls in another column "
            "than the header words printed right before it name",
        )
    elif (
        interleaved and not runs and (rivals := _total_moved(values, template, cells, words, taken))
    ):
        doubted = sorted(
            {
                at
                for order in rivals
                for at, (one, other) in enumerate(zip(values, order, strict=True))
                if one[0] != other[0]
            }
        )
        sure = [at for at in range(len(cells)) if at not in doubted]
        draft.give([cells[at] for at in sure], [values[at] for at in sure], None)
        not_placed(
            draft,
            template,
            [cells[at] for at in doubted],
            values[doubted[0]],
            "section 四: its values come between header cells (the text read the table's "
            "columns out of order) and, taken in order, make every group's 总计 hold; but "
            "so do they with a group's 总计 taken from its second place (a browser's PDF "
            "through plain pdftotext prints a group's 总计 second), which gives these cells "
            "other numbers",
        )
    else:
        traced = next((row.runs.traced for row, found in taken if found), None)
        loose = any(row.loose for row, _ in taken)
        valued = [row for row, _ in taken if row.values]
        positions = _fitted(taken, values)
        laid = _laid_out(taken, values, positions, template, cells)
        row = Row(
            (),
            laid or values,
            (values or runs)[0][1],
            loose,
            runs=Runs(traced=traced),
            positions=Positions() if laid else positions,
            gaps=bool(positions.fits) and any(row.gaps for row, _ in taken),
            traceless=bool(valued) and all(row.traceless for row in valued),
        )
        row, runs = (row, runs) if runs else collapsed.alone(row, len(cells))
        fill(draft, template, cells, row, "section 四", None, runs, rules=rules(template))
    return draft.freeze()


def _fitted(taken: Sequence[Taken], values: Sequence[Printed]) -> Positions:
    """The columns of the header each of ``values`` stands under (``Positions.fits``),
    where they are the one row's values that the layout fitted so (``pdftotext -layout``
    of a proportional font: ``space_aligned._fitted``) and no grid of fifteen cells read
    them (``_by_position``); none otherwise."""
    fitted = [row for row, _ in taken if row.positions.fits]
    if len(fitted) != 1 or fitted[0].values != tuple(values):
        return Positions()
    positions = fitted[0].positions
    if len(positions.fits) != len(values):
        return Positions()
    return Positions(fits=positions.fits, columns=positions.columns)


def _laid_out(
    taken: Sequence[Taken],
    values: Sequence[Printed],
    positions: Positions,
    template: Template,
    cells: tuple[int, ...],
) -> tuple[Printed, ...]:
    """The row's fifteen cells, each value in the one column of the header it stands under
    (``positions``, as ``_fitted`` gives them) and every other cell printed blank, where
    each value stands under one column only, the row's text shows a blank cell by space
    alone (``Row.gaps``: ``_fitted`` takes the one row that prints every value of the
    section, so no value is on another line), and each group's 总计 holds so read (its
    blanks 0): a group that prints no value is then blank, not unplaced. ``()`` otherwise."""
    columns = [fit[0] for fit in positions.fits if len(fit) == 1]
    if (
        positions.columns != len(cells)
        or len(columns) != len(values)
        or columns != sorted(set(columns))
        or not any(row.gaps for row, _ in taken if row.positions.fits)
    ):
        return ()
    by_column = dict(zip(columns, values, strict=True))
    blank = ("", values[0][1], values[0][2])
    laid = tuple(by_column.get(at, blank) for at in range(len(cells)))
    shown = [(text or "0", line, column) for text, line, column in laid]
    return laid if holds(rules(template), cells, shown) else ()


def _values(taken: Sequence[Taken], edge: Row | None) -> tuple[Printed, ...]:
    """The values of the row read from the edge and of the rows that print a number: a
    header row of dashes (------) under 行政复议 and 行政诉讼 says nothing about the cells."""
    return tuple(cell for row, _ in taken if row is edge or _numbers(row) for cell in row.values)


def _edge_aligned(rows: list[Row], cells: tuple[int, ...]) -> tuple[list[Row], Row | None]:
    """``rows`` with the one row of values, where its cells show, read from the right edge
    (``rows.aligned``), and that row; a table that prints no number is read there too when
    its one row under the header shows every cell, blank."""
    valued = [row for row in rows if _numbers(row)] or [
        row for row in rows if row.grid.whole and not row.labels and not row.values
    ]
    if len(valued) != 1 or len(valued[0].values) > len(cells):
        return rows, None
    edge = aligned(valued[0], len(cells))
    return [edge if row is valued[0] else row for row in rows], edge


def _by_position(taken: list[Taken], template: Template, cells: tuple[int, ...]) -> list[Taken]:
    """``taken`` with the one row that prints numbers read by position from its grid, where
    the grid fits the section's cells (``rows.by_position``), unless the row so read breaks
    its own 总计s where its printed values placed otherwise keep them (``_kept_otherwise``):
    columns found by offsets alone can be one off (a value line shifted under the header's
    words)."""
    width = len(cells)
    valued = [at for at, (row, runs) in enumerate(taken) if runs or _numbers(row)]
    # The one row is the whole table: positions past its cells are columns the layout saw
    # that the table has not (a header word too many), and nothing is placed by them.
    if len(valued) != 1 or len(taken[valued[0]][0].positions.cells) > width:
        return taken
    at = valued[0]
    (row, runs), *_ = placed = by_position(
        taken[at : at + 1], [width], width, check=lambda read: _adds_up(template, cells, read)
    )
    if row is not taken[at][0] and not runs and _kept_otherwise(template, cells, row.values):
        return taken
    return [*taken[:at], *placed, *taken[at + 1 :]]


def _adds_up(template: Template, cells: tuple[int, ...], read: Sequence[Taken]) -> bool:
    """Whether the one row read by one line an empty cell (its blank cells 0, and a cell
    printed "not given", ``—``, as blank as they are) makes every group's 总计 hold: a value
    moved to another group breaks two (``rows.by_position``), and one moved onto or off a
    placeholder's cell breaks its own."""
    (row, _), *_ = read
    return holds(
        rules(template),
        cells,
        [(text or "0", line, column) for text, line, column in row.values],
        blank=True,
    )


def _kept_otherwise(template: Template, cells: tuple[int, ...], grid: Sequence[Printed]) -> bool:
    """Whether the row read by position (``grid``, its empty cells none, a rule with a
    placeholder unchecked) breaks its own 总计s while its printed values (a placeholder
    among them: it takes a cell too), in their order, may keep them placed otherwise (or
    there are too many ways to try: ``_MAX_TRIES``). Each rule is checked by its cells'
    places in the row and each printed value counted once, not per placement tried."""
    where = {cell: at for at, cell in enumerate(cells)}
    sums = [
        ([where[c] for c in rule.cells], len(rule.left))
        for rule in rules(template)
        if where.keys() >= set(rule.cells)
    ]

    def adds_up(amounts: Sequence[Value | None]) -> bool:
        """``holds`` with ``unknown``: a rule with a value that is no number unchecked."""
        return all(
            sum(given[:left]) == sum(given[left:])  # type: ignore[arg-type]
            if None not in (given := [amounts[at] for at in places])
            else True
            for places, left in sums
        )

    if len(grid) == len(cells) and adds_up(count_values([text or "0" for text, _, _ in grid])):
        return False
    printed = count_values([text for text, _, _ in grid if text])
    if comb(len(cells), len(printed)) > _MAX_TRIES:
        return True
    blank = count_values(["0"])[0]
    for chosen in combinations(range(len(cells)), len(printed)):
        values = [blank] * len(cells)
        for at, value in zip(chosen, printed, strict=True):
            values[at] = value
        if adds_up(values):
            return True
    return False


#: The placements of a row's printed values ``_kept_otherwise`` tries at most.
_MAX_TRIES = 5000


def _numbers(row: Row) -> bool:
    return any(is_number(value[0]) for value in row.values)


def _interleaved(taken: Sequence[Taken]) -> bool:
    """Whether label cells come between the rows that print the section's numbers: the
    header printed among the values, as ``pdftotext`` without ``-layout`` reads a table
    whose header cells are taller than its row."""
    valued = [at for at, (row, runs) in enumerate(taken) if runs or _numbers(row)]
    # The first row's label is the header's last cell; a label on a later row came between.
    return bool(valued) and any(row.labels for row, _ in taken[valued[0] + 1 : valued[-1] + 1])
