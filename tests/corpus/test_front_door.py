"""The Python front door (issue 27, item 6): a file's name given as text is refused with a
hint, bytes are told by their first bytes, a report's repr fits a line, ``to_dict`` and
``to_json``, ``dir(gr)`` shows the public API alone, and .doc and .wps files are named with
how to convert them."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.write import export

from conftest import SEEDS, WRITTEN

FORMS = Path(__file__).parents[1] / "fixtures" / "converters" / "typed-2021_tab_separated"
#: The first bytes of an OLE2 compound file: a Word 97-2003 .doc, a WPS .wps.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_a_files_name_given_as_text_is_refused_with_a_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_bytes(SEEDS[4].read_bytes())
    with pytest.raises(gr.ParseError) as caught:
        gr.parse("report.txt")
    assert caught.value.code == "path-as-text"
    assert "pass a path (gr.parse(Path('report.txt')))" in str(caught.value)
    assert gr.parse(Path("report.txt")).organisation == "北京市门头沟区潭柘寺镇人民政府"
    # A name of no file is no report, and the message says what it looks like.
    with pytest.raises(gr.ParseError) as caught:
        gr.parse("reports/missing.html")
    assert caught.value.code == "not-a-report"
    assert "looks like a file's name" in str(caught.value)
    # A stream takes it as a failure in its place.
    (result,) = gr.iter_parse(["report.txt"], timeout=None)
    assert result.error is not None and result.error.code == "path-as-text"
    # A report's text is never taken for a name.
    assert gr.parse(SEEDS[4].read_text("utf-8")).year == 2020


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_bytes_are_told_by_their_first_bytes(kind: str, tmp_path: Path) -> None:
    data = (FORMS / f"report.{kind}").read_bytes()
    told = gr.parse(data)
    assert told.flat() == gr.parse(data, format=kind).flat()
    assert told.organisation == "青崖县自然资源局" and told.completeness().missing == 0
    # A file whose name says nothing of its kind is read by its bytes too.
    unnamed = tmp_path / "download"
    unnamed.write_bytes(data)
    assert gr.parse(unnamed).flat() == told.flat()


def test_a_zip_that_is_no_word_document_is_not_taken_for_one() -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("report.txt", SEEDS[4].read_bytes())
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(packed.getvalue())
    assert caught.value.code == "not-text"


def test_a_word_97_document_says_how_to_convert_it(tmp_path: Path) -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(OLE)
    assert caught.value.code == "unreadable"
    assert "soffice --headless --convert-to docx" in str(caught.value)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.doc").write_bytes(OLE)
    (folder / "old.WPS").write_bytes(OLE)
    (folder / "new.txt").write_bytes(SEEDS[4].read_bytes())
    skipped: list[gr.Skipped] = []
    listed = list(gr.directory(folder, skipped=skipped.append))
    assert [document.name for document in listed] == [str(folder / "new.txt")]
    assert [(s.name, s.reason) for s in skipped] == [
        (str(folder / "old.WPS"), "convert"),
        (str(folder / "old.doc"), "convert"),
    ]
    assert "soffice --headless --convert-to docx" in str(skipped[0])


def test_a_reports_repr_fits_a_line() -> None:
    report = gr.parse(SEEDS[1])
    assert repr(report) == (
        "<Report 城东区韵家口镇政府 2020 template 2019: partial, 147 parsed, 36 derived, "
        "0 blank, 15 missing>"
    )
    assert repr(report.appeals) == (
        "<Table appeals (tab-separated): 0 parsed, 0 derived, 0 blank, 15 missing>"
    )
    blank = gr.parse(WRITTEN / "2021_tab_separated.txt")
    assert repr(blank).endswith(": complete, 199 parsed, 0 derived, 1 blank, 0 missing>")


def test_to_dict_and_to_json() -> None:
    report = gr.parse(SEEDS[4])
    record = report.to_dict()
    assert record == export.record(report)
    assert record["cells"]["missing"] == 0
    dated = gr.parse(SEEDS[1]).to_dict()
    assert dated["published"] == "2021-01-19"  # line 99 "2021年1月19日": JSON-ready, a string
    assert record["values"]["proactive.procurement.amount"] == Decimal("4176.9529")  # exact
    again = json.loads(report.to_json(), parse_float=Decimal)
    assert again["values"]["proactive.procurement.amount"] == Decimal("4176.9529")
    assert report.to_json(indent=None).count("\n") == 0
    assert json.loads(report.to_json())["error"] is None


def test_dir_shows_the_public_api_alone() -> None:
    shown = dir(gr)
    assert shown == sorted(gr.__all__)
    assert not {"cli", "export", "frames", "solver", "parser", "source"} & set(shown)
    assert all(hasattr(gr, name) for name in gr.__all__)
    assert {"read_reports", "read_cells", "record_schema", "parse", "Report"} <= set(shown)
    from govinfo_report import dask
    from govinfo_report.write import export  # the modules stay importable

    assert dask.write_jsonl and export.record
