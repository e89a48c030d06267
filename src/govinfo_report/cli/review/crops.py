"""Page crops for a PDF with a text layer: each table row the parser read, cut from the
page it is printed on, so that a reviewer compares a value with what was printed.

A row is found by its label: only where the label is printed once in the whole document
and the band of the page around it holds the text of every cell read from that line;
otherwise no crop is shown (a wrong row would mislead more than none). Needs the ``ocr``
extra's imaging (as the scan crops do); without it, no crop.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ...model import Report
from ...read.formats import pdf

#: A row's label: its text before the first tab or run of two spaces, without spaces.
_LABEL = re.compile(r"^\s*([^\t]+?)(?:\t|\s{2,}|$)")
#: Points around a row's label, above and below, in its band.
MARGIN = 5.0
#: The shortest label looked for (shorter ones, 总计, repeat).
MIN_LABEL = 4


def row_crops(data: bytes, report: Report, lines: Sequence[str]) -> dict[int, bytes]:
    """The PNG crop of each line (from 1) of ``lines`` (the PDF's text) that holds cells of
    ``report``, cut from the PDF ``data`` where its row is found for certain."""
    try:
        import pypdfium2

        from ...read.formats.scanned import crops
    except ImportError:
        return {}
    raws: dict[int, list[str]] = defaultdict(list)
    for table in report.tables:
        for raw, position, provenance in zip(
            table.raws, table.positions, table.provenance, strict=True
        ):
            if provenance == "parsed" and position is not None and raw:
                raws[position[0]].append(raw)
    labels = {}
    for number in raws:
        found = _LABEL.match(lines[number - 1]) if number <= len(lines) else None
        label = "".join(found.group(1).split()) if found else ""
        if len(label) >= MIN_LABEL and not any(c.isdigit() for c in label):
            labels[number] = label
    boxes: dict[str, tuple[int, tuple[float, float, float, float]]] = {}
    with pdf.PDFIUM:
        document = pypdfium2.PdfDocument(data)
        try:
            for number, label in labels.items():
                band = _band(document, label, raws[number])
                if band is not None:
                    boxes[str(number)] = band
        finally:
            document.close()
    if not boxes:
        return {}
    return {int(line): image for line, image in crops(data, boxes).items()}


def _band(
    document: Any, label: str, raws: Sequence[str]
) -> tuple[int, tuple[float, float, float, float]] | None:
    """The page (from 1) and band (points from the top-left) of the row labelled
    ``label``, if printed once in the document with each of ``raws`` beside it."""
    found = []
    for index in range(len(document)):
        page = document[index]
        text = page.get_textpage()
        searcher = text.search(label)
        while (hit := searcher.get_next()) is not None:
            found.append((index, page, text, hit))
            if len(found) > 1:
                return None
    if len(found) != 1:
        return None
    index, page, text, (start, count) = found[0]
    boxes = [text.get_charbox(at) for at in range(start, start + count)]
    bottom = min(box[1] for box in boxes) - MARGIN
    top = max(box[3] for box in boxes) + MARGIN
    width, height = page.get_width(), page.get_height()
    printed = "".join(text.get_text_bounded(0, bottom, width, top).split())
    if not all(raw.replace(" ", "") in printed for raw in raws):
        return None
    return index + 1, (0.0, height - top, width, height - bottom)
