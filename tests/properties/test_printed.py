"""No cell is ever ``parsed`` with a value other than the one printed (issue 17).

Over every input the project holds (the seeds, the written reports, every converter
fixture's renderings and pages, every real report as published and as the real tools render
it), each cell whose provenance is ``parsed`` names its printed text and where it stands:
that text must be in the input at that line and column (or start there, wrapped in its grid
cell), and the cell's value must be what that text says. A value moved, summed or guessed
into a cell is ``derived`` or missing, never ``parsed``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.cells import convert
from govinfo_report.labels import MONEY_UNITS

from accuracy import inputs, real_inputs
from conftest import SEEDS, WRITTEN

#: Inputs read as text whatever their suffix (as docs/accuracy.md reads them).
AS_TEXT = ("crawler text", "markdown")


def _inputs() -> Iterator[tuple[str, Path, bool]]:
    written = [p for p in sorted(WRITTEN.glob("*.txt")) if not p.name.startswith("legacy")]
    for path in [*SEEDS, *written]:
        yield path.name, path, True
    for cms in (False, True):
        for folder, name, path in inputs(cms):
            yield f"{folder.name}/{name}", path, False
    for report_id, name, path in real_inputs():
        yield f"{report_id}/{name}", path, name in AS_TEXT


INPUTS = list(_inputs())


def _printed_at(lines: list[str], line: int, column: int, raw: str) -> bool:
    """Whether ``raw`` is printed at ``line`` and ``column``, or starts there and goes on in
    the same cell of a grid's next lines (pandoc wraps a cell's text: ``6`` / ``805947.43元``),
    or is a number printed there with its unit alone on a later line of its row, starting
    under the number (``pdftotext -layout`` of a tall row: ``258`` / ``项``)."""
    if lines[line - 1][column - 1 :].startswith(raw):
        return True
    if _stacked_at(lines, line, column, raw) or _wrapped_at(lines, line, column, raw):
        return True
    if _signed_apart_at(lines, line, column, raw):
        return True
    cell = lines[line - 1][: column - 1].count("|")
    seen = ""
    for text in lines[line - 1 : line + 3]:
        parts = text.split("|")
        seen += parts[cell].strip() if cell and len(parts) > cell + 1 else ""
        if seen == raw or not raw.startswith(seen):
            return seen == raw
    return False


def _signed_apart_at(lines: list[str], line: int, column: int, raw: str) -> bool:
    """Whether ``raw`` is a signed number whose digits are printed at ``line`` and
    ``column`` and its sign alone on the line above (Word's runs split before the digits,
    ``get_text('\\n')`` a line each: ``-`` / ``25``); the cell stands at its digits."""
    return (
        raw[:1] in ("+", "-")
        and line > 1
        and lines[line - 2].strip() == raw[0]
        and lines[line - 1][column - 1 :].startswith(raw[1:])
    )


def _stacked_at(lines: list[str], line: int, column: int, raw: str) -> bool:
    """Whether ``raw`` is a number printed at ``line`` and ``column`` and its unit printed
    alone within the next four lines, starting under the number's text."""
    number = re.match(r"[+-]?[\d,.]+", raw)
    if number is None or number.end() == len(raw):
        return False
    digits, unit = number.group(), raw[number.end() :]
    if not re.match(rf"{re.escape(digits)}(?!\S)", lines[line - 1][column - 1 :]):
        return False
    return any(
        column - 3 <= found.start() + 1 <= column + len(digits)
        for text in lines[line : line + 4]
        for found in re.finditer(rf"(?<!\S){re.escape(unit)}(?!\S)", text)
    )


def _wrapped_at(lines: list[str], line: int, column: int, raw: str) -> bool:
    """Whether ``raw`` is a count whose first characters are printed alone at ``line`` and
    ``column`` and the rest alone on one of the next four lines, under them: ``pdftotext
    -layout`` of a narrow cell (``107`` above its row's line, ``2`` below, for 1072), or a
    sign split from its digits (``+`` / ``18``: Word splits the run, ``get_text('\\n')``
    writes each run a line). The rest may follow a piece of its row's label, the line's
    other words, none a number (Word's PDF of a tall row: ``行政  1606`` / ``0  0`` /
    ``许可  0``). The rest may close with its unit (``313`` / ``9件`` for 3139件), beside
    units alone (``件  9件  件``: the line's first number)."""
    if re.fullmatch(r"[+-]?\d+\D*", raw) is None:
        return False
    head = re.match(r"\S+(?!\S)", lines[line - 1][column - 1 :])
    if head is None or not raw.startswith(head.group()) or head.group() == raw:
        return False
    tail = raw[len(head.group()) :]
    return any(
        word.group() == tail and column - 1 <= word.start() + 1 <= column + len(head.group())
        for text in lines[line : line + 4]
        for word in _only_number(text)
    )


def _only_number(text: str) -> list[re.Match[str]]:
    """``text``'s one word that is a number, the others none (a label's piece, a unit
    alone: ``件  9件  件`` under ``347  313  84``), or its last word where none is."""
    words = list(re.finditer(r"\S+", text))
    numbers = [word for word in words if re.match(r"[+-]?\d", word.group())]
    return numbers if len(numbers) == 1 else [] if numbers else words[-1:]


def _values(raw: str, kind: str) -> set[object]:
    """What ``raw`` may say in a column of ``kind``: money read in any header unit."""
    units = [None, *MONEY_UNITS] if kind == "money" else [None]
    return {convert(raw, kind, unit)[0] for unit in units}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "as_text"), [(p, t) for _, p, t in INPUTS], ids=[i for i, _, _ in INPUTS]
)
def test_every_parsed_cell_is_its_printed_text(path: Path, as_text: bool) -> None:
    source = path.read_bytes() if as_text else path
    report = gr.parse(source)
    lines = gr.extract_text(source).split("\n")
    kinds = {field.key: field.kind for field in gr.fields(report.template or "2021")}
    parsed = [cell for cell in map(report.cell, kinds) if cell.provenance == "parsed"]
    for cell in parsed:
        assert cell.raw is not None and cell.line is not None and cell.column is not None
        assert _printed_at(lines, cell.line, cell.column, cell.raw), cell
        assert cell.value in _values(cell.raw, kinds[cell.key]), cell
        assert isinstance(cell.value, int | Decimal)
