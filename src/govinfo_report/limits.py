"""Safety caps: they bound the work on hostile or broken input so that parsing time grows
linearly with the input's size. Real reports stay far below every one of them; what a cap
cuts off is reported with a diagnostic, never dropped in silence (``docs/robustness.md``).
"""

#: A longer line is never a table row (inside a table it is skipped), heading or count
#: statement (``line-too-long``); in prose it is kept as text. The longest line of a real
#: report is a paragraph of a few thousand characters.
MAX_LINE_CHARS = 10_000

#: Lines of one section's table regions that are read; the rest are ignored
#: (``table-too-large``). The largest real table, section 三 with one cell per line, has
#: about 330.
MAX_TABLE_LINES = 2_000

#: Cells of one row, and characters of one cell, that layouts keep. A row past the cap
#: has more cells than any template column count, so it is reported as ``extra-values``.
MAX_CELLS_PER_ROW = 256
MAX_CELL_CHARS = 2_000

#: Texts longer than this are never memoised (a label or a cell of a real report is shorter),
#: so a memo's memory is bounded by its entries times this, whatever the input.
MAX_MEMO_CHARS = 200
