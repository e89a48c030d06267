"""Diagnostics: every doubt about a report, as data with a stable code and a position.

The codes, their severities and one-line meanings live in ``CODES``; ``docs/diagnostics.md``
explains each with an example. Severity is a property of the code, never chosen ad hoc.
"""

from __future__ import annotations

from typing import Literal

import attrs

from .escape import escape

Severity = Literal["error", "warning", "info"]

#: code -> (severity, what it means)
CODES: dict[str, tuple[Severity, str]] = {
    "encoding-gb18030": ("info", "the bytes were not UTF-8 and were decoded as GB18030"),
    "encoding-declared-wrong": (
        "warning",
        "an HTML page's declared encoding is unknown or "
        "does not decode it; read as UTF-8 or GB18030",
    ),
    "no-text-layer": (
        "warning",
        "pages of a PDF are scans (images, next to no text); what they show is not read",
    ),
    "private-use-text": (
        "warning",
        "characters of a PDF are private-use code points (a font without a real Unicode map); "
        "that text is unreadable",
    ),
    "ocr-read": (
        "info",
        "pages of a PDF are scans read by OCR: their numbers stand only where two reads agree "
        "and the rules hold",
    ),
    "ocr-pages-skipped": (
        "info",
        "scanned pages of a PDF without a ruled table were not read by OCR (only page 1, the "
        "pages with tables and the pages next to them are)",
    ),
    "ocr-disagree": (
        "warning",
        "a scanned cell's two OCR reads (the page's and its own crop's) differ: it is missing",
    ),
    "ocr-read-once": (
        "warning",
        "a value was read by OCR from a scanned page outside a ruled table's cells: read once, "
        "it is missing",
    ),
    "ocr-unverified": (
        "warning",
        "a value read by OCR is in a rule the report violates: a misread cannot be told from "
        "a printing error, so it is missing",
    ),
    "ocr-unchecked": (
        "info",
        "with ocr='strict', a value read by OCR that no rule checks (only its two reads "
        "agree) is missing",
    ),
    "unruled-table": (
        "info",
        "a PDF page holds a table without ruling lines; its rows are written with their "
        "columns apart by spaces, for the space-aligned layout",
    ),
    "markup-read-as-html": (
        "info",
        "text that is an HTML page (saved as .txt) was read as an HTML page",
    ),
    "html-table-in-text": (
        "info",
        "text holds HTML tables (pandoc's Markdown); each was read as a page's table",
    ),
    "markup-in-text": (
        "warning",
        "text that is an HTML page was read as plain text: the html extra is not installed",
    ),
    "title-missing": ("warning", "no title with a reporting year was found before section 一"),
    "year-ambiguous": (
        "warning",
        "lines before the report read as titles of several years (a page's links and "
        "breadcrumb), or the title's year is not the period sentence's: says which was taken",
    ),
    "date-unread": (
        "warning",
        "the report ends with pieces of a signature date that were not read as one: the "
        "date is missing, not the site's",
    ),
    "section-missing": ("warning", "a section heading of the template was not found"),
    "section-out-of-order": ("warning", "a section heading appears out of the template's order"),
    "heading-misnumbered": (
        "warning",
        "a section heading's numeral names another section than its title; read by its title",
    ),
    "line-breaks-lost": (
        "warning",
        "the text's line breaks were lost (a web archive's page text): its body sits on a few "
        "very long lines",
    ),
    "line-too-long": ("warning", "lines too long to be table rows were read as prose only"),
    "table-too-large": ("warning", "a table runs past the line cap; the rest is not read"),
    "table-missing": ("error", "a table section (二, 三 or 四) holds no table"),
    "table-empty": ("warning", "a table prints no number at all"),
    "layout-ambiguous": ("warning", "two layouts read a table region almost equally well"),
    "layout-unknown": ("error", "no registered layout recognises a table region"),
    "template-unknown": ("warning", "the template version could not be recognised from labels"),
    "template-mixed": ("warning", "the tables carry labels of both templates"),
    "template-year-mismatch": ("warning", "the template does not belong to the report's year"),
    "foreign-label": (
        "warning",
        "a row or column of the other template; its values are not placed",
    ),
    "unknown-label": ("warning", "a row label matches no row of the template"),
    "local-subrow": ("info", "local sub-rows were summed into their template row"),
    "row-missing": (
        "warning",
        "template rows were not read in a table (not found, or their label printed where no "
        "value of theirs is read); their cells are missing unless a rule derives them",
    ),
    "duplicate-row": ("warning", "a template row appears twice; the first is kept"),
    "short-row-placed": (
        "info",
        "a row printed fewer values than columns; the consistency rules made the placement unique",
    ),
    "gap-not-derived": (
        "warning",
        "a row of space-aligned text printed fewer values than columns and the rules placed "
        "them; a cell they leave out is printed blank or holds a value printed on another "
        "line, so it is missing where the rules would give it a number other than 0",
    ),
    "cell-lifted": (
        "info",
        "a section 二 count printed apart from its table (a PDF extraction lifts a cell with "
        "a note) is read in the column the note names, in the row short by one value",
    ),
    "row-by-order": (
        "info",
        "a section 三 row of values with no row label of its own is the one template row its "
        "labelled neighbours leave it, and the rules through its cells hold; or section 二's one "
        "such row in a sub-table is the row of it whose label stands alone",
    ),
    "values-reordered": (
        "warning",
        "a row read by sequence whose printed values break its own sum is read in the one "
        "order the other rows' rules give them",
    ),
    "values-unplaced": (
        "warning",
        "a row's values could not be placed without guessing; the cells are left missing",
    ),
    "sign-or-placeholder": (
        "warning",
        "a minus sign alone before a number may be its sign, split off by markup, or a dash "
        "in a cell of its own; both readings fit the row, so its cells are left missing",
    ),
    "collapsed-cell-split": (
        "info",
        "a row's values ran together into one cell; the consistency rules allow one way to cut it",
    ),
    "run-cut-by-prose": (
        "info",
        "a section 二 row's values ran together, which no rule cuts; of the ways to cut them, "
        "exactly one agrees with the counts the prose states for its cells",
    ),
    "every-cell-printed": (
        "info",
        "rows of zeros run together print a 0 for every cell and no row leaves one out; runs "
        "of digits are cut into as many values as cells, never fewer with blank cells",
    ),
    "collapsed-cell": (
        "warning",
        "a row's values ran together into one cell, and the rules "
        "do not single out a way to cut it; the cells are missing",
    ),
    "search-budget": (
        "warning",
        "the search for the readings that fit the rules ran out of its budget; a unit is then "
        "placed by its own row's rules alone, and the cells those do not settle are missing",
    ),
    "rules-contradict": (
        "warning",
        "the rules cannot all hold with the printed values; cells the text does not give are "
        "derived only where every way of dropping one rule agrees",
    ),
    "blank-contradicted": (
        "warning",
        "cells read as printed blank that the rules make another number than 0: a value may "
        "have been lost (a line moved away), so they are missing, not blank",
    ),
    "extra-values": ("warning", "a row printed more values than the template has columns"),
    "group-row": (
        "warning",
        "a group of section 三 is printed as one row without its sub-rows; they are derived "
        "only where it prints 0",
    ),
    "merged-cells": (
        "info",
        "a row with more cells than columns was read as cells merged over grid columns",
    ),
    "merged-cell-repeated": (
        "info",
        "a row repeats its last value past the template's "
        "columns, as a merged cell is given by some tools; "
        "read once",
    ),
    "table-read-in-sequence": (
        "warning",
        "a table whose cells came out of order was read "
        "by sequence: its n-th row label took the n-th run "
        "of values, the rules confirming it",
    ),
    "table-read-in-blocks": (
        "warning",
        "a table whose values came out in bands of rows, "
        "row by row or column by column (a PDF's text flow), "
        "was read where every reading the rules let hold agrees",
    ),
    "table-order-broken": (
        "warning",
        "a table read by the order of its cells gives them out of order; its values are not kept",
    ),
    "invalid-value": ("warning", "a cell holds text that is not a valid value for its column"),
    "unit-unknown": ("warning", "a money amount is printed with no unit; exported as printed"),
    "leading-zero": (
        "warning",
        "a count is printed with a leading zero (0470); read as printed, doubted",
    ),
    "glue-possible": (
        "info",
        "a count beside a blank cell of a row no rule checks could be two values glued by a "
        "lost separator; read as printed",
    ),
    "wrap-unchecked": (
        "info",
        "a number read from two lines, as a narrow cell wraps it, in a row no rule checks; "
        "its last line could be a line of its own (a page's number); read joined",
    ),
    "page-number-possible": (
        "info",
        "a value of a row no rule checks is printed alone as its page's last line, as a "
        "page's number is; read as the cell's value",
    ),
    "negative-count": ("error", "a count is negative"),
    "rule-violation": ("error", "the report's numbers break a consistency rule of the template"),
    "rule-not-assessable": (
        "info",
        "a consistency rule touches a missing cell and cannot be checked",
    ),
    "text-table-mismatch": (
        "warning",
        "a count stated in section 一 disagrees with the table, or the table does not give it",
    ),
    "carry-over-mismatch": (
        "error",
        "上年结转 differs from the previous report's 结转下年度继续办理",
    ),
    "in-force-mismatch": (
        "warning",
        "现行有效件数 differs from the previous year's plus 制发 minus 废止",
    ),
    "body-mismatch": ("warning", "two reports compared across years name different bodies"),
    "correction-disagrees": (
        "warning",
        "a reviewer's correction stands, but the machine now reads another value in its cell",
    ),
    "correction-stale": (
        "warning",
        "corrections were made on another version of the document (same name, other bytes); "
        "they are not applied",
    ),
    "correction-not-applied": (
        "warning",
        "a correction names a key of the other template, or confirms a value the machine no "
        "longer reads",
    ),
}

#: The codes whose diagnostics name cells they leave missing (unless a rule derives them):
#: the reasons a report is partial (``export.reasons``). Every missing cell is named by one.
MISSING_CAUSES: frozenset[str] = frozenset(
    {
        "table-missing",
        "table-empty",
        "layout-unknown",
        "table-order-broken",
        "row-missing",
        "foreign-label",
        "extra-values",
        "values-unplaced",
        "sign-or-placeholder",
        "collapsed-cell",
        "search-budget",
        "rules-contradict",
        "blank-contradicted",
        "group-row",
        "invalid-value",
        "table-read-in-blocks",
        "gap-not-derived",
    }
)


@attrs.frozen
class Diagnostic:
    """One finding about a report.

    Attributes:
        code: stable identifier, a key of ``CODES``.
        severity: ``"error"``, ``"warning"`` or ``"info"``, fixed by the code.
        message: a sentence a person can act on.
        line, column: 1-based position in the decoded input (``None`` when not located).
        keys: the catalogue keys of the cells concerned, if any.
    """

    code: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    keys: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = (
            "-"
            if self.line is None
            else (f"{self.line}" if self.column is None else f"{self.line}:{self.column}")
        )
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


def diagnostic(
    code: str,
    message: str,
    line: int | None = None,
    column: int | None = None,
    keys: tuple[str, ...] = (),
) -> Diagnostic:
    """Build a diagnostic whose severity comes from ``CODES``; control characters that the
    message quotes from the text are escaped (``escape``)."""
    severity = CODES[code][0]
    return Diagnostic(code, severity, escape(message), line, column, keys)


def located(found: Diagnostic, line: int | None, column: int | None) -> Diagnostic:
    """``found`` at ``line`` and ``column``: a note made once (its message escaped once)
    and placed in each report that gives it."""
    return Diagnostic(found.code, found.severity, found.message, line, column, found.keys)
