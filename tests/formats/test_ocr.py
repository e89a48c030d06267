"""Scanned PDFs read by OCR (the ocr extra), on scans made here: the real PDFs of
tests/fixtures/realworld rendered with pypdfium2 and spoilt with Pillow (benchmarks/scans.py),
and tables of random values drawn with Pillow. Expected values are the hand-read gold.

A few OCR pages run in ``make test``; the whole scanned reports, clean and degraded, and many
more random tables run under ``make test-thorough`` (marker ``thorough``).
"""

from __future__ import annotations

import csv
import io
import json
import socket
from decimal import Decimal
from functools import partial
from pathlib import Path

import attrs
import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

import govinfo_report as gr
from govinfo_report import parser
from govinfo_report.cells import UNREAD
from govinfo_report.check import verify
from govinfo_report.cli import command as cli
from govinfo_report.cli.progress import Tally
from govinfo_report.read.formats import CellRead, PlacedRead, Scan, ocr, pdf
from govinfo_report.read.formats import scanned as scanned_pages
from govinfo_report.read.formats.pdfium import Page
from govinfo_report.read.source import Source
from govinfo_report.read.source import read as read_source
from govinfo_report.write import export

from conftest import scaled
from scans import scanned

REAL = Path(__file__).parents[1] / "fixtures" / "realworld"
HONGZE = "ot-jiangsu-huaian-hongze-2023"
CITY = "ot-jiangsu-huaian-city-2024"
#: Hongze's page 4 holds the end of section 三's table and all of section 四's.
MIXED_PAGE = 4


def _gold(name: str) -> dict[str, object]:
    with open(REAL / "gold-flat" / f"{name}.json", encoding="utf-8") as handle:
        values: dict[str, object] = json.load(handle)["values"]
    return values


def _right(got: object, want: object) -> bool:
    if isinstance(want, list):
        return any(_right(got, w) for w in want)
    if want is None or got is None:
        return got is want
    return Decimal(str(got)) == Decimal(str(want))


def _score(report: gr.Report, name: str) -> tuple[int, list[str], list[str]]:
    """Cells right, the keys read wrong, and the keys missing, against the gold."""
    flat = report.flat()
    gold = _gold(name)
    wrong = [k for k, v in gold.items() if flat[k] is not None and not _right(flat[k], v)]
    missing = [k for k, v in gold.items() if flat[k] is None and not _right(None, v)]
    return sum(_right(flat[k], v) for k, v in gold.items()), wrong, missing


def _broken_as_printed(name: str) -> set[str]:
    """The keys in a rule that the report, read from its text layer, violates: an OCR value
    there is missing by design (a misread cannot be told from a printing error)."""
    report = gr.parse(REAL / "raw" / f"{name}.pdf")
    return {cell.key for check in gr.validate(report).violated for cell in check.cells}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, gr.Report]:
    """Hongze's PDF with page 4 a degraded scan (the rest text), and its report read with
    OCR: made once for the tests that look at it."""
    path = tmp_path_factory.mktemp("scans") / f"{HONGZE}-page{MIXED_PAGE}.pdf"
    raw = (REAL / "raw" / f"{HONGZE}.pdf").read_bytes()
    path.write_bytes(scanned(raw, degraded=True, pages=[MIXED_PAGE]))
    return path, gr.parse(path, ocr=True)


# The engine -------------------------------------------------------------------------------


def _table_image(values: list[list[int | None]], width: int = 150, height: int = 70) -> Image.Image:
    """A ruled table drawn as a 200 dpi scan would show it: a value (or nothing) per cell."""
    rows, columns = len(values), len(values[0])
    image = Image.new("L", (columns * width + 80, rows * height + 80), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    for row in range(rows + 1):
        draw.line([(40, 40 + row * height), (40 + columns * width, 40 + row * height)], 0, 3)
    for column in range(columns + 1):
        draw.line([(40 + column * width, 40), (40 + column * width, 40 + rows * height)], 0, 3)
    for row, line in enumerate(values):
        for column, value in enumerate(line):
            if value is not None:
                x, y = 40 + column * width + width // 2, 40 + row * height + height // 2
                draw.text((x, y), str(value), 0, font, anchor="mm")
    return image


def test_the_engine_reads_offline_with_the_pinned_models(monkeypatch: pytest.MonkeyPatch) -> None:
    # The network and rapidocr's own download function both fail: the engine must load
    # and read with what the wheel holds, the models checked against their SHA-256.
    from rapidocr.utils.download_file import DownloadFile

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing may be downloaded")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(DownloadFile, "run", classmethod(refuse))
    ocr.engine.cache_clear()
    try:
        engine = ocr.engine()
        image = _table_image([[305, 7]]).convert("RGB")
        words = [char.text for char in engine.page(numpy.asarray(image), 1.0)]
    finally:
        ocr.engine.cache_clear()
    assert "".join(words) == "3057"


def test_models_not_the_pinned_ones_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ocr.MODELS, "Rec", ("PP-OCRv6_rec_small.onnx", "0" * 64))
    ocr.engine.cache_clear()
    try:
        with pytest.raises(gr.MissingDependencyError, match="not the pinned one"):
            ocr.engine()
    finally:
        ocr.engine.cache_clear()


def _crop(text: str) -> numpy.ndarray:
    """A cell's crop as ``raster.crop`` gives one: ``text`` in 36-pixel print, three channels."""
    image = Image.new("L", (30 + 22 * len(text), 50), 255)
    ImageDraw.Draw(image).text((15, 25), text, 0, ImageFont.load_default(size=36), anchor="lm")
    return numpy.asarray(image.convert("RGB"))


def test_a_row_of_crops_is_read_as_one_line_and_split_into_its_crops() -> None:
    printed = ["12", "7", "0", "305", "7", "48"]
    assert ocr.engine().row([_crop(text) for text in printed]) == printed
    assert ocr.engine().row([]) == []


class _Session:
    """A recogniser that reads, at each step of its output, the key given (0: nothing)."""

    def __init__(self, keys: list[int]) -> None:
        self.keys = keys

    def __call__(self, line: numpy.ndarray) -> numpy.ndarray:
        steps = -(-line.shape[3] // ocr.STEP)
        found = numpy.zeros((1, steps, max(self.keys) + 1), numpy.float32)
        found[0, numpy.arange(steps), 0] = 1.0
        for step, key in enumerate(self.keys):
            found[0, step] = 0.0
            found[0, step, key] = 1.0
        return found


def test_a_row_whose_line_reads_print_between_its_crops_does_not_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = ocr.engine()
    keys = engine.recogniser.postprocess_op.character
    one, two, space = keys.index("1"), keys.index("2"), keys.index(" ")
    crops = [numpy.full((48, 48, 3), 255, numpy.uint8)] * 2  # at 0-48 and 80-128 pixels
    # Steps of 8 pixels: 1 in the first crop, a space in the paper between (step 7), 2 in the
    # second (step 10).
    monkeypatch.setattr(
        engine.recogniser, "session", _Session([one, 0, 0, 0, 0, 0, 0, space, 0, 0, two])
    )
    assert engine.row(crops) == ["1", "2"]
    # A 2 read in the paper between the crops (step 7: pixels 56-64) belongs to neither.
    monkeypatch.setattr(engine.recogniser, "session", _Session([one, 0, 0, 0, 0, 0, 0, two]))
    assert engine.row(crops) is None


def test_a_second_read_that_differs_in_its_row_is_read_again_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read_alone: list[int] = []

    class Engine:
        def row(self, images: list[object]) -> list[str] | None:
            return ["12", "9", "5"] if len(images) == 3 else None

        def lines(self, images: list[object]) -> list[str]:
            read_alone.append(len(images))
            return ["8"] * len(images)

    monkeypatch.setattr(ocr, "engine", Engine)
    page = numpy.full((200, 400), 255, numpy.uint8)
    lines = scanned_pages.raster.Lines([], numpy.zeros_like(page))
    prepared = scanned_pages.Prepared(page, 0.0, lines, 1.0)
    boxes = [(10.0 + 40 * i, 10.0, 40.0 + 40 * i, 30.0) for i in range(4)]
    table = pdf.Table(
        (10.0, 10.0, 160.0, 30.0), (), [["12", "8", "5"], ["3"]], [boxes[:3], boxes[3:]]
    )
    read = pdf.PageText(Page(1, 400.0, 200.0, [], [], 0.0, 0, 0, frozenset()), [table], 0, False)
    again = scanned_pages.second_reads(prepared, read, {box: box for box in boxes})
    # 12 and 5 agree in their row; 9 differs and 3's row does not split: both read alone.
    assert again == {boxes[0]: "12", boxes[1]: "8", boxes[2]: "5", boxes[3]: "8"}
    assert read_alone == [2]


def test_a_first_read_keeps_a_row_s_numbers_and_reads_the_rest_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read_alone: list[int] = []

    class Engine:
        def row(self, images: list[object]) -> list[str] | None:
            return ["12", "o", "其他", "3,5"][: len(images)]

        def lines(self, images: list[object]) -> list[str]:
            read_alone.append(len(images))
            return ["0"] * len(images)

    monkeypatch.setattr(ocr, "engine", Engine)
    page = numpy.full((200, 600), 255, numpy.uint8)
    lines = scanned_pages.raster.Lines([], numpy.zeros_like(page))
    prepared = scanned_pages.Prepared(page, 0.0, lines, 1.0)
    cells = [(10.0 + 60 * i, 10.0, 60.0 + 60 * i, 30.0) for i in range(5)]
    inks = {
        cell: (cell[0] + 5, 15.0, cell[0] + 5 + width, 25.0)
        for cell, width in zip(cells, (20, 10, 20, 30, 70), strict=True)
    }
    chars = scanned_pages.cell_chars(prepared, inks)
    # 12 and 3,5 are numbers; o and 其他 are not, read alone with the wide cell (70 by 10).
    assert "".join(char.text for char in chars) == "1200" + "3,5" + "0"
    assert read_alone == [2, 1]


# Random values: a number stands only when both reads agree, a blank is never 0 -----------

cells = st.one_of(st.none(), st.integers(0, 9), st.integers(10, 99999))


@scaled(0.2)
@given(st.lists(st.lists(cells, min_size=4, max_size=4), min_size=2, max_size=3), st.booleans())
def test_random_tables_read_right_or_unread_never_wrong(
    values: list[list[int | None]], degraded: bool
) -> None:
    image = _table_image(values)
    if degraded:
        from scans import degrade

        image = degrade(image)
    read = scanned_pages.read_page(scanned_pages.prepare(numpy.asarray(image), 200 / 72), 1)
    tables = [block for block in read.blocks if isinstance(block, pdf.Table)]
    assert len(tables) == 1
    got = tables[0].rows
    assert len(got) == len(values)
    unread = 0
    for printed, row in zip(values, got, strict=True):
        for value, text in zip(printed, row, strict=True):
            if value is None:
                assert text == ""  # no ink: blank, never 0
            elif text and text[0] == UNREAD:
                unread += 1  # the reads differ: missing, not wrong
            else:
                assert text == str(value)
    assert unread <= 1


# A PDF with one scanned page among text pages --------------------------------------------


def test_a_mixed_pdf_reads_each_page_its_own_way(mixed: tuple[Path, gr.Report]) -> None:
    _, report = mixed
    right, wrong, missing = _score(report, HONGZE)
    assert wrong == []
    # The two 四 rows the report contradicts as printed are on the scanned page: missing.
    assert set(missing) == _broken_as_printed(HONGZE)
    assert right == 190
    assert (report.organisation, report.year, report.template) == (
        "淮安市洪泽区人民政府",
        2023,
        "2021",
    )
    scanned_keys = {c.key for t in report.tables for c in t if c.ocr is not None}
    # Page 4: section 三 from 3.补正后申请内容仍不明确 on, and all of section 四.
    assert "applications.unavailable.unclear_after_correction.total" in scanned_keys
    assert "applications.total.total" in scanned_keys
    assert "appeals.litigation_direct.total" in scanned_keys
    assert "applications.new.total" not in scanned_keys  # page 3, text
    assert "proactive.licensing.decisions" not in scanned_keys  # page 2, text
    by_check = {c.key: c.ocr.check for t in report.tables for c in t if c.ocr is not None}
    assert by_check["appeals.review.upheld"] == "unverified"
    assert by_check["appeals.litigation_direct.upheld"] == "rules"
    assert by_check["applications.total.total"] == "rules"
    codes = [d.code for d in report.diagnostics if d.code.startswith("ocr")]
    assert codes.count("ocr-unverified") == 10 and "ocr-read" in codes


def test_without_ocr_a_scanned_page_is_named_and_the_extra_too(
    mixed: tuple[Path, gr.Report],
) -> None:
    path, _ = mixed
    report = gr.parse(path)
    notes = [d for d in report.diagnostics if d.code == "no-text-layer"]
    assert len(notes) == 1 and "page 4 of 5" in notes[0].message and "[ocr]" in notes[0].message
    assert all(table.ocr == () for table in report.tables)


def test_an_all_scanned_pdf_without_ocr_is_refused_naming_the_way() -> None:
    raw = (REAL / "raw" / f"{HONGZE}.pdf").read_bytes()
    with pytest.raises(gr.ParseError, match=r"ocr=True.*govinfo-report\[ocr\]") as caught:
        gr.parse(scanned(raw, pages=[1, 2, 3, 4, 5]), format="pdf")
    assert caught.value.code == "no-text-layer"


def test_every_export_says_which_values_ocr_read(mixed: tuple[Path, gr.Report]) -> None:
    _, report = mixed
    record = json.loads(export.to_json(report))
    assert record["ocr"]["applications.total.total"]["check"] == "rules"
    assert record["ocr"]["appeals.review.total"]["check"] == "unverified"
    assert record["ocr"]["appeals.review.total"]["page"] == MIXED_PAGE
    assert "applications.new.total" not in record["ocr"]
    out = io.StringIO()
    export.write_csv_long([report], out)
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows["applications.total.total"]["ocr"] == "rules"
    assert rows["applications.new.total"]["ocr"] == ""
    wide = dict(zip(export.META, export.row(report, export.META), strict=True))
    marks = [c.ocr.check for t in report.tables for c in t if c.ocr is not None]
    assert wide["cells_ocr"] == sum(m in ("rules", "reads") for m in marks) > 50
    frame = gr.report_frame([report])
    assert int(frame["cells_ocr"][0]) == wide["cells_ocr"]


def test_the_review_page_shows_each_ocr_cell_cut_from_the_scan(
    mixed: tuple[Path, gr.Report],
) -> None:
    path, report = mixed
    page = gr.review_html(report, gr.extract_text(path, ocr=True), path.read_bytes())
    scanned_cells = sum(c.ocr is not None for t in report.tables for c in t)
    assert page.count('<img class="crop"') == scanned_cells
    assert 'id="cell-applications.total.total" class="v parsed ocr ocr-rules"' in page
    without = gr.review_html(report, None)
    assert '<img class="crop"' not in without and "ocr-unverified" in without


def test_the_command_line_reads_scans_with_ocr(
    capsys: pytest.CaptureFixture[str], mixed: tuple[Path, gr.Report]
) -> None:
    path, _ = mixed
    status = cli.main(["parse", "--ocr", "--format", "csv-long", "--timeout", "0", str(path)])
    out = capsys.readouterr().out
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(out))}
    assert status == cli.EXIT_INCOMPLETE  # the ten contradicted cells are missing
    assert rows["appeals.review.total"]["ocr"] == "unverified"
    assert rows["appeals.review.total"]["value"] == ""
    assert rows["appeals.litigation_direct.total"]["ocr"] == "rules"


def test_an_ocr_document_has_its_own_time_budget(mixed: tuple[Path, gr.Report]) -> None:
    """A PDF, which OCR may read, has ``ocr_timeout``; a text beside it keeps ``timeout``
    (a text PDF has the OCR budget too: half a second for it would time the machine)."""
    path, _ = mixed
    seed = next((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))
    results = list(
        gr.iter_parse(
            [path, gr.Document("seed.txt", data=seed.read_bytes())],
            ocr=True,
            ocr_timeout=0.5,
            timeout=60,
        )
    )
    assert [r.error.code if r.error else None for r in results] == ["timeout", None]
    assert "0.5 s" in str(results[0].error)


def test_two_workers_read_a_scan_a_page_each_with_the_same_result(
    tmp_path: Path, mixed: tuple[Path, gr.Report]
) -> None:
    # Pages 1 (the title and section 一, read from its lines' starts) and 4 (tables)
    # scanned, the others text: each page is read apart by a worker, then the document.
    path = tmp_path / "two-scanned.pdf"
    path.write_bytes(scanned((REAL / "raw" / f"{HONGZE}.pdf").read_bytes(), pages=[1, 4]))
    alone = [attrs.evolve(r, source=None) for r in (gr.parse(path, ocr=True), mixed[1])]
    begun: list[int] = []
    results = list(
        gr.iter_parse(
            [path, mixed[0]], jobs=2, ocr=True, started=lambda index, _: begun.append(index)
        )
    )
    assert [attrs.evolve(r.report, source=None) for r in results] == alone
    # each document, each of its 5 pages and its join
    assert begun.count(0) == begun.count(1) == 7


def test_the_progress_line_names_the_document_being_read() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    tally = Tally(stream, ocr=True)
    tally.started(0, "scans/report.pdf")
    assert "reading scans/report.pdf (OCR if scanned)" in stream.getvalue()
    tally.started(1, "notes.txt")
    assert tally.current is None


def test_ocr_must_be_a_bool_or_strict() -> None:
    with pytest.raises(ValueError, match="ocr must be"):
        gr.parse("text", ocr="yes")  # type: ignore[arg-type]


# The rules over OCR values, without OCR: reads placed on a rendered report by hand ---------


def _as_scanned(report: gr.Report, disagree: str | None = None) -> Source:
    """``report`` rendered tab-separated, as if OCR had read every number of its tables and
    placed the reads (the first cell printed ``disagree`` with reads that differ: its text
    ``UNREAD``, as the reader writes it)."""
    lines = gr.render(report, "tab-separated").split("\n")
    placed = []
    for number, line in enumerate(lines, 1):
        cells = line.split("\t")
        column = 1
        for at, cell in enumerate(cells):
            if "\t" in line and cell.isdecimal():
                agreed = cell != disagree
                if not agreed:
                    cells[at], disagree = UNREAD * len(cell), None
                read = CellRead(1, (0.0, 0.0, 9.0, 9.0), cell, cell if agreed else "8", agreed)
                placed.append(PlacedRead(number, column, read))
            column += len(cell) + 1
        lines[number - 1] = "\t".join(cells)
    return attrs.evolve(read_source("\n".join(lines)), scan=Scan((1,), (), tuple(placed)))


def _verified(source: Source, strict: bool = False) -> gr.Report:
    parse = partial(parser._parse, forced=None)
    return verify.verify(parse(source), source, strict, parse)


def _values(template: str) -> dict[str, int]:
    values = {f.key: 0 for f in gr.fields(template) if f.kind != "money"}
    values.update(
        {
            "applications.new.natural_person": 5,
            "applications.new.total": 5,
            "applications.granted.natural_person": 5,
            "applications.granted.total": 5,
            "applications.total.natural_person": 5,
            "applications.total.total": 5,
            "appeals.review.upheld": 2,
            "appeals.review.total": 2,
            "proactive.licensing.decisions": 17,
        }
    )
    return values


def test_ocr_values_are_marked_by_what_checked_them() -> None:
    source = _as_scanned(gr.Report.from_values(_values("2021"), template="2021", year=2022))
    report = _verified(source)
    cell = report.cell
    assert cell("applications.granted.total").ocr.check == "rules"  # type: ignore[union-attr]
    assert cell("appeals.review.upheld").ocr.check == "rules"  # type: ignore[union-attr]
    assert cell("proactive.licensing.decisions").ocr.check == "reads"  # type: ignore[union-attr]
    assert cell("proactive.licensing.decisions").value == 17
    strict = _verified(source, strict=True)
    assert strict.cell("proactive.licensing.decisions").value is None
    assert strict.cell("proactive.licensing.decisions").ocr.check == "unchecked"  # type: ignore[union-attr]
    assert strict.cell("applications.granted.total").value == 5
    assert any(d.code == "ocr-unchecked" for d in strict.diagnostics)


def test_an_ocr_value_in_a_violated_rule_is_missing() -> None:
    values = _values("2021")
    values["appeals.review.total"] = 3  # printed 3, but 2 + 0 + 0 + 0
    source = _as_scanned(gr.Report.from_values(values, template="2021", year=2022))
    report = _verified(source)
    review = [
        report.cell(f"appeals.review.{o}")
        for o in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert [c.value for c in review] == [None] * 5
    assert {c.ocr.check for c in review} == {"unverified"}  # type: ignore[union-attr]
    assert not any(d.code == "rule-violation" for d in report.diagnostics)
    said = [d for d in report.diagnostics if d.code == "ocr-unverified"]
    assert len(said) == 5 and "gives 3, expected 2" in said[0].message
    assert report.cell("appeals.litigation_direct.total").value == 0  # its own rule holds


def test_a_cell_whose_reads_differ_is_missing_and_says_both() -> None:
    report = gr.Report.from_values(_values("2021"), template="2021", year=2022)
    report = _verified(_as_scanned(report, disagree="17"))
    cell = report.cell("proactive.licensing.decisions")
    assert (cell.value, cell.ocr.check) == (None, "disagree")  # type: ignore[union-attr]
    said = [d for d in report.diagnostics if d.code == "ocr-disagree"]
    assert len(said) == 1 and "'17'" in said[0].message and "'8'" in said[0].message


def test_a_scanned_page_reads_section_five_by_its_heading_only(
    mixed: tuple[Path, gr.Report],
) -> None:
    _, report = mixed
    # Section 五 starts on page 4, the scan: its text there is not read, only its heading;
    # its end on page 5 and section 六 are text, read as always, and so is section 一.
    problems = (report.problems or "").replace(" ", "")
    assert "扎实推进依申请公开工作" not in problems
    assert problems.startswith("人员跟班学习制度")
    assert report.other_matters is not None and "信息处理费" in report.other_matters
    assert report.overview is not None and "1136" in report.overview
    message = next(d.message for d in report.diagnostics if d.code == "ocr-read")
    assert "sections 一 and 五" in message


# Whole scanned reports (make test-thorough) -------------------------------------------------


@pytest.mark.thorough
@pytest.mark.parametrize("degraded", [False, True], ids=["clean", "degraded"])
def test_scanned_real_reports_read_no_wrong_number(degraded: bool) -> None:
    right = total = 0
    for name in (CITY, HONGZE):
        raw = (REAL / "raw" / f"{name}.pdf").read_bytes()
        report = gr.parse(scanned(raw, degraded=degraded), format="pdf", ocr=True)
        counted, wrong, missing = _score(report, name)
        assert wrong == []
        assert (report.year, report.template) == (_meta(name)["year"], _meta(name)["template"])
        assert _meta(name)["organisation_contains"] in (report.organisation or "")
        broken = _broken_as_printed(name)
        assert broken.issubset(missing)  # missing by design: the report contradicts itself
        # Sections 一 and 五's text is not read on scans; 六's is.
        assert report.overview is None and report.problems is None
        assert report.other_matters is not None and "信息处理费" in report.other_matters
        right += counted
        total += len(_gold(name)) - len(broken)
    assert right / total >= (0.97 if degraded else 0.99)


def _meta(name: str) -> dict[str, object]:
    with open(REAL / "gold-flat" / f"{name}.json", encoding="utf-8") as handle:
        found: dict[str, object] = json.load(handle)
    return found


def test_the_command_line_flags_ask_for_ocr_and_strict_ocr() -> None:
    arguments = cli._arguments()
    asked = [
        cli._ocr(arguments.parse_args([command, *flags, "report.pdf"]))
        for command in ("parse", "validate", "show")
        for flags in ([], ["--ocr"], ["--ocr-strict"])
    ]
    assert asked == [False, True, "strict"] * 3


def test_without_the_ocr_extra_a_scan_read_with_ocr_names_it(
    monkeypatch: pytest.MonkeyPatch, mixed: tuple[Path, gr.Report]
) -> None:
    import sys

    path, _ = mixed
    monkeypatch.setitem(sys.modules, "cv2", None)  # import cv2 now fails
    for module in ("govinfo_report.read.formats.scanned", "govinfo_report.read.formats.raster"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    with pytest.raises(gr.MissingDependencyError, match=r"cv2 .*govinfo-report\[ocr\]"):
        gr.parse(path, ocr=True)
    (result,) = gr.iter_parse([path], ocr=True, timeout=None)
    assert result.error is not None and result.error.code == "unreadable"
