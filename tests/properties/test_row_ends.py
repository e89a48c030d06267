"""A row's last cells printed blank as python-docx prints them (issue 45 item 3): a Word
table saved from a page that prints its zeros but leaves some rows' last cells blank gives
``规章 0 0 ⍽`` and section 四's ``12 7 3 11 33 ⍽ …``, a no-break space a cell
(``manglers.docx_row_ends``). Those cells are the row's, not a tool's padding, where the text
shows it prints blank cells so where no padding could (two side by side, or one inside a
row): every cell is then read, a blank one blank; and so are section 二's rows, as wide as
the grid their article line shows, printed once per grid column. Elsewhere (a row's one
last ``&nbsp;`` in 三 or 四, alone in the text) a row may be short and its cells missing,
said; never wrong, and no number is read as a blank."""

from __future__ import annotations

import re
from random import Random

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import docx_row_ends
from strategies import reports, sparse_reports

#: Blank cells no padding prints: a no-break space cell before text on its line, or two
#: such cells side by side.
_SHOWN = re.compile(r"\t\u00a0\t(?:(?=[^\n]*\S)|\u00a0(?![^\t\n]))")
_TABLES = ("proactive.", "applications.", "appeals.")


@scaled(1)
@given(
    report=st.one_of(sparse_reports(), reports()),
    rng=st.randoms(use_true_random=False),
)
def test_a_row_s_last_cells_printed_blank_are_read_never_wrong(
    report: gr.Report, rng: Random
) -> None:
    text = docx_row_ends(render(report, "tab-separated"), rng)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    false_blank = [
        key
        for key, want in truth.items()
        if want not in (None, 0) and back.cell(key).value is None and back.cell(key).blank
    ]
    assert false_blank == []
    unread = {
        key: want
        for key, want in truth.items()
        if key.startswith(_TABLES)
        and want is not None
        and back.flat()[key] is None
        and not (want == 0 and back.cell(key).blank)
    }
    if _SHOWN.search(text):
        assert unread == {}
    assert not [key for key in unread if key.startswith("proactive.")]
    if unread:
        assert [d for d in back.diagnostics if d.severity != "info"], unread
