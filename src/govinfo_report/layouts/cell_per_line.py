"""One cell a line without tabs (``pdftotext`` plain, LibreOffice's text export,
``docx2txt``): cells follow each other down the page, blank lines between them or not; a
header's cells may share a line, and a wrapped label goes on over several lines.

Rows are rebuilt from the order of cells alone: a row is a label and the values after it.
No blank cell survives, so a row with fewer values than columns is left to the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from .base import VALUE, VALUE_APART, Row, loose_value_lines, word_rows

#: A value alone on its line.
_VALUE_LINE = re.compile(rf"\s*(?:{VALUE_APART}|{VALUE})\s*")


class CellPerLine:
    """Cells one after another down the page; a label after a value starts a row."""

    name: ClassVar[str] = "cell-per-line"
    #: Rows are rebuilt from the order of cells alone: a row with too many values means the
    #: order is broken, and the whole table is dropped (``parser``).
    by_order: ClassVar[bool] = True
    table_line: ClassVar[str] = rf"^[^\S\t]*(?:{VALUE_APART}|{VALUE})[^\S\t]*$"

    def sniff(self, lines: Sequence[str], width: int) -> float:
        valued = loose_value_lines(lines)  # the share of them holding their value alone
        alone = sum(1 for line in valued if _VALUE_LINE.fullmatch(line))
        return alone / len(valued) if valued else 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        return word_rows(lines, first_line)

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        return [cell for row in table for cell in row if cell]
