"""Untrusted corpora: every document within a size limit, read as a stream; archives opened
wherever they are, to a depth limit, nothing ever written to disk; every file passed over
named with its reason; a time budget per document; a dead worker costs its document only."""

from __future__ import annotations

import base64
import io
import json
import multiprocessing
import os
import signal
import stat
import struct
import tarfile
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdfs import pdf_file

import govinfo_report as gr
from govinfo_report.cli import command as cli
from govinfo_report.limits import MAX_PDF_TEXT_OPERATIONS
from govinfo_report.read import bounded, weighing
from govinfo_report.read.documents import SKIP_REASONS

from conftest import SEEDS, assert_seed
from fuzz import lzw, page_pdf, pdf, pdf_bombs

CONVERTED = Path(__file__).parents[1] / "fixtures" / "converters" / "corpus-0"
MIB = 1024 * 1024


def _zip(path: Path | io.BytesIO, members: dict[str, bytes], level: int = 6) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as out:
        for name, data in members.items():
            out.writestr(name, data)


def _zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    _zip(buffer, members)
    return buffer.getvalue()


def _bomb(path: Path, megabytes: int) -> None:
    """A zip whose one member, ``zeros.txt``, is ``megabytes`` MiB of zero bytes (about
    1:1,030)."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out,
        out.open("zeros.txt", "w") as member,
    ):
        for _ in range(megabytes):
            member.write(bytes(MIB))


@pytest.fixture
def never_inflated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any zip member is inflated (read) in this process."""

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a zip member was inflated")

    monkeypatch.setattr(zipfile.ZipExtFile, "read", refuse)


def _code(result: gr.Result) -> str | None:
    return None if result.error is None else result.error.code


# -- size limits --------------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_from_its_size_on_disk(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as out:
        out.truncate(8 * 1024 * MIB)  # 8 GiB, sparse: reading it would fill the memory
    message = (
        f"too large: {huge} is 8,589,934,592 bytes on disk, over the limit of 67,108,864 "
        "bytes; it was not read"
    )
    (result,) = gr.iter_parse([huge], jobs=2)
    assert (_code(result), result.error.message if result.error else None) == (
        "too-large",
        message,
    )
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(huge)
    assert (raised.value.code, raised.value.message) == ("too-large", message)


def test_bytes_and_text_over_the_limit(tmp_path: Path) -> None:
    data = SEEDS[4].read_bytes()
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(data, max_bytes=len(data) - 1)
    assert raised.value.code == "too-large"
    assert raised.value.message.startswith(f"too large: the input declares {len(data):,} bytes")
    assert_seed(gr.parse(data, max_bytes=len(data)), SEEDS[4])
    # text counts its UTF-8 bytes: 40 characters of three bytes are 120
    with pytest.raises(gr.ParseError, match="declares 120 bytes, over the limit of 100"):
        gr.parse("报" * 40, max_bytes=100)
    assert_seed(gr.parse(data.decode("utf-8"), max_bytes=None), SEEDS[4])
    results = list(gr.iter_parse([data, data.decode("utf-8")], max_bytes=1000, timeout=None))
    assert [_code(r) for r in results] == ["too-large", "too-large"]


def test_a_zip_bomb_is_refused_before_inflating(tmp_path: Path, never_inflated: None) -> None:
    archive = tmp_path / "bomb.zip"
    _bomb(archive, 20)
    (document,) = gr.documents(archive)
    info = zipfile.ZipFile(archive).getinfo("zeros.txt")
    ratio = info.file_size // info.compress_size
    assert ratio > 1000
    message = (
        f"too large: {archive}:zeros.txt declares 20,971,520 bytes compressed into "
        f"{info.compress_size:,} (1:{ratio:,}), more than the 1:1,000 of any real document "
        "(a zip bomb); it was not inflated"
    )
    for limit in (gr.limits.MAX_BYTES, None):  # within the limit, the ratio alone refuses
        result = gr.parse_document(document, max_bytes=limit)
        assert result.error is not None
        assert (result.error.code, result.error.message) == ("too-large", message)


def test_a_member_over_the_limit_is_refused_from_its_header(
    tmp_path: Path, never_inflated: None
) -> None:
    archive = tmp_path / "big.zip"
    _zip(archive, {"big.txt": os.urandom(5000)})  # random bytes do not compress
    (document,) = gr.documents(archive)
    result = gr.parse_document(document, max_bytes=4096)
    assert result.error is not None and result.error.code == "too-large"
    assert result.error.message == (
        f"too large: {archive}:big.txt declares 5,000 bytes, over the limit of 4,096 bytes; "
        "it was not read"
    )


def test_a_member_that_declares_less_than_it_holds_is_cut_at_its_declaration(
    tmp_path: Path,
) -> None:
    """zipfile never inflates past the size a member declares: a member claiming 1,000 bytes
    that inflates to 5 MiB fails its checksum after 1,000 bytes."""
    archive = tmp_path / "liar.zip"
    _zip(archive, {"liar.txt": bytes(5 * MIB)}, level=1)
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature) + offset
        data[at : at + 4] = struct.pack("<I", 1000)
    archive.write_bytes(bytes(data))
    (document,) = gr.documents(archive)
    result = gr.parse_document(document)
    assert result.error is not None and result.error.code == "unreadable"
    assert result.error.message == f"cannot read {archive}:liar.txt: Bad CRC-32 for file 'liar.txt'"


def test_reading_stops_at_the_limit_whatever_is_declared(tmp_path: Path) -> None:
    """A pipe declares no size: it is read up to the limit and a byte, never more."""
    with pytest.raises(gr.ParseError) as raised:
        bounded.read_stream(io.BytesIO(bytes(3 * MIB)), "stream", MIB, 100)
    assert raised.value.message == (
        "too large: stream declares 100 bytes but holds more than the limit of 1,048,576 "
        "bytes; reading stopped after 1,048,577"
    )
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write() -> None:
        try:
            with open(fifo, "wb") as pipe:
                pipe.write(bytes(3 * MIB))
        except BrokenPipeError:  # the reader stopped at the limit
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = gr.parse_document(gr.Document(str(fifo), path=str(fifo)), max_bytes=MIB)
    writer.join(10)
    assert result.error is not None and result.error.code == "too-large"
    assert result.error.message == (
        f"too large: {fifo} declares no size but holds more than the limit of 1,048,576 "
        "bytes; reading stopped after 1,048,577"
    )


def test_tar_members_over_the_limit_are_not_read(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.tar.gz"
    with tarfile.open(archive, "w:gz") as out:
        out.add(SEEDS[0], arcname="a.txt")
        big = tarfile.TarInfo("big.txt")
        big.size = 20_000
        out.addfile(big, io.BytesIO(bytes(20_000)))
        out.add(SEEDS[2], arcname="b.txt")
    found = list(gr.documents(archive, max_bytes=10_000))
    assert [(d.name, d.code, d.data is None) for d in found] == [
        (f"{archive}:a.txt", "unreadable", False),
        (f"{archive}:big.txt", "too-large", True),
        (f"{archive}:b.txt", "unreadable", False),
    ]
    results = list(gr.iter_parse(found, max_bytes=10_000))
    assert_seed(results[0].report, SEEDS[0])
    assert results[1].error is not None and results[1].error.message == (
        f"too large: {archive}:big.txt declares 20,000 bytes, over the limit of 10,000 bytes; "
        "it was not read"
    )
    assert_seed(results[2].report, SEEDS[2])


def test_a_json_line_over_the_limit_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    text = SEEDS[4].read_text(encoding="utf-8")
    lines = [
        json.dumps({"text": text}, ensure_ascii=False),
        json.dumps({"text": "x" * 50_000}),
        json.dumps({"text": text}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(gr.iter_parse(gr.json_lines(path, max_bytes=30_000), max_bytes=30_000))
    assert [_code(r) for r in results] == [None, "too-large", None]
    assert results[1].error is not None and results[1].error.message == (
        f"too large: {path}:2 declares no size but holds more than the limit of 30,000 bytes; "
        "reading stopped after 30,001"
    )
    assert results[2].name == f"{path}:3"
    assert_seed(results[2].report, SEEDS[4])


def test_a_word_file_whose_parts_would_inflate_too_much(tmp_path: Path) -> None:
    original = (CONVERTED / "report.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    total = sum(len(data) for data in parts.values())
    bombed = io.BytesIO()
    with zipfile.ZipFile(bombed, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name, data in parts.items():
            out.writestr(name, data)
        out.writestr("word/media/zeros.bin", bytes(20 * MIB))
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(bombed.getvalue(), format="docx")
    assert raised.value.code == "too-large"
    assert raised.value.message.startswith(
        "too large: the docx document:word/media/zeros.bin declares 20,971,520 bytes compressed"
    )
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(original, format="docx", max_bytes=total - 1)
    assert raised.value.message == (
        f"too large: the docx document (its parts inflated together) declares {total:,} "
        f"bytes, over the limit of {total - 1:,} bytes; it was not read"
    )
    assert gr.parse(original, format="docx", max_bytes=total).organisation is not None


def test_a_pdf_whose_streams_would_inflate_too_much() -> None:
    """pdfminer inflates a stream whole and then interprets it for minutes: a 2 KB PDF whose
    page draws 2 MiB of lines is refused under a 1 MiB limit, before pdfminer sees it."""
    bomb = pdf(b"0 0 m\n" * (2 * MIB // 6), flate=True)
    assert len(bomb) < 5000
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(bomb, format="pdf", max_bytes=MIB)
    assert raised.value.code == "too-large"
    assert raised.value.message == (
        "too large: the pdf document (its streams inflated together) declares no size but "
        "holds more than the limit of 1,048,576 bytes; reading stopped after 1,048,577"
    )
    readable = pdf(b"BT /F1 12 Tf 72 720 Td (2020 report) Tj ET", flate=True)
    assert gr.extract_text(readable, format="pdf", max_bytes=1000) == "2020 report"


def test_a_pdf_page_of_too_many_text_operations_is_refused_before_it_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 28: a 120 kB PDF whose one stream inflates to 50 MB of text operations took 45 s
    and 3.6 GB in pdfium, which builds an object for each. Its streams are weighed first: more
    text operations than a page of a report ever shows, or a stream inflating past its cap,
    is refused as too-complex, before any page is loaded."""
    show = b"(a) Tj\n"
    many = pdf(
        b"BT /F1 12 Tf 72 700 Td\n" + show * (MAX_PDF_TEXT_OPERATIONS + 1) + b"ET", flate=True
    )
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(many, format="pdf", max_bytes=None)
    assert raised.value.code == "too-complex"
    assert "more than 20,000 text operations" in raised.value.message
    stored = pdf(b"BT /F1 12 Tf 72 700 Td\n" + show * (MAX_PDF_TEXT_OPERATIONS + 1) + b"ET")
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(stored, format="pdf")
    assert raised.value.code == "too-complex"  # not compressed: counted as stored
    monkeypatch.setattr(weighing, "MAX_PDF_CONTENT_BYTES", 100_000)
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(pdf(b"0 0 m\n" * 20_000, flate=True), format="pdf")
    assert raised.value.code == "too-complex"
    assert "more than 100,000 bytes inflated" in raised.value.message
    fewer = pdf(b"BT /F1 12 Tf 72 700 Td (2020 report) Tj ET " + b"0 0 m\n" * 1000, flate=True)
    assert gr.extract_text(fewer, format="pdf") == "2020 report"


@pytest.mark.parametrize("name", list(pdf_bombs(1)))
def test_a_pdf_page_is_weighed_whatever_its_filters_and_forms(name: str) -> None:
    """Issue 48 item 8: Flate applied twice, ``/Image`` anywhere in the stream's dictionary,
    ``stream`` and a lone CR, ASCIIHex or ASCII85 before Flate, and a form placed many times
    each hid a page's text operations from the weighing (a 1 kB file then cost 30 s and
    3.7 GB). Each stream is now found as the syntax defines it and decoded through its whole
    chain, and each page weighed with its forms as placed. So did a filter's name escaped, the
    filters in an object of their own, a page's content marked as an image, and page trees
    read by their ``/Type`` (pdfium takes a node with ``/Kids`` for a tree and any other it
    lists for a page) with kids or a content array in an object of their own: a name's
    escapes are decoded, references followed, and a page's content weighed whatever it says
    it is."""
    bomb = pdf_bombs(MAX_PDF_TEXT_OPERATIONS + 100)[name]
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(bomb, format="pdf")
    assert raised.value.code == "too-complex"
    assert "text operations" in raised.value.message


def test_a_page_its_page_tree_lists_many_times_is_weighed_each_time() -> None:
    """pdfium loads a page as many times as the page tree lists it: a 7 kB file listing one
    page of 10,000 text operations 1,000 times took minutes. The pages are weighed together as
    listed; the same page listed twice is read."""

    def listed(times: int) -> bytes:
        content = zlib.compress(b"BT /F1 12 Tf 72 700 Td\n" + b"(a) Tj\n" * 10_000 + b"ET")
        page = b"<< /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> "
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" 3 0 R" * times, times),
            page + b"/MediaBox [0 0 612 792] /Type /Page >>",  # its type after the rest
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
            % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        return pdf_file(objects, b"/Root 1 0 R")

    with pytest.raises(gr.ParseError) as raised:
        gr.parse(listed(1000), format="pdf")
    assert raised.value.code == "too-complex"
    assert "together, as its page tree lists them" in raised.value.message
    assert set(gr.extract_text(listed(2), format="pdf").split()) == {"a" * 81}


def test_the_streams_of_a_pages_content_are_weighed_together() -> None:
    """A page's content may be an array of streams, each under the cap and together over it."""
    part = zlib.compress(b"BT /F1 12 Tf 72 700 Td\n" + b"(a) Tj\n" * 8_000 + b"ET\n")
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(part), part)
    page = page_pdf(part, b"/Filter /FlateDecode", stream, stream)
    page = page.replace(b"/Contents 4 0 R", b"/Contents [4 0 R 6 0 R 7 0 R]")
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(page, format="pdf")
    assert raised.value.code == "too-complex"
    assert "has a page of more than 20,000 text operations" in raised.value.message


def test_an_object_stream_whose_header_lists_no_object_is_weighed_as_empty() -> None:
    """An object stream (``/Type /ObjStm``) whose header before ``/First`` pairs no object
    number with an offset crashed the weighing (a mutated file found it): it holds nothing
    to resolve, and the page is read."""
    packed = b"<< /Type /ObjStm /N 1 /First 0 /Length 5 >>\nstream\nhello\nendstream"
    text = b"BT /F1 12 Tf 72 700 Td (2020 report) Tj ET"
    assert gr.extract_text(page_pdf(text, b"", packed), format="pdf") == "2020 report"


def test_lzw_and_run_length_streams_are_decoded_as_readers_decode_them() -> None:
    """LZWDecode and RunLengthDecode are decoded too, as pdfium decodes them: a page of text
    so encoded is read, one of too many text operations refused."""
    text = b"BT /F1 12 Tf 72 700 Td (2020 report) Tj ET "
    assert gr.extract_text(page_pdf(lzw(text), b"/Filter /LZWDecode"), format="pdf") == (
        "2020 report"
    )
    many = b"BT /F1 12 Tf 72 700 Td\n" + b"(a) Tj\n" * (MAX_PDF_TEXT_OPERATIONS + 100) + b"ET"
    runs = b"".join(bytes([len(part) - 1]) + part for part in _pieces(many, 128)) + b"\x80"
    for bomb in (page_pdf(lzw(many), b"/Filter /LZW"), page_pdf(runs, b"/Filter /RL")):
        with pytest.raises(gr.ParseError) as raised:
            gr.parse(bomb, format="pdf")
        assert raised.value.code == "too-complex"


def _pieces(data: bytes, size: int) -> list[bytes]:
    return [data[at : at + size] for at in range(0, len(data), size)]


def test_a_form_placed_a_few_times_and_chained_filters_are_read() -> None:
    """What the weighing decodes, a real reader reads: a page drawing a form of text twice,
    its content under ASCII85 then Flate, is within the caps and read."""
    form = b"BT /F1 12 Tf 72 700 Td (2020 report) Tj ET"
    form_object = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
        % (len(form), form)
    )
    content = base64.a85encode(zlib.compress(b"q /Fx Do Q q 1 0 0 1 0 -40 cm /Fx Do Q")) + b"~>"
    page = page_pdf(
        content, b"/Filter [/A85 /Fl]", form_object, resources=b"/XObject << /Fx 6 0 R >>"
    )
    assert gr.extract_text(page, format="pdf").split() == ["2020", "report", "2020", "report"]


def test_the_weighing_bounds_text_operations_first_and_counts_them_when_it_must() -> None:
    """The operators alone bound the text operations from above (a ``T``, ``'`` or ``"``
    ends each one), so a file under the caps is passed on the bound; a file the bound puts
    over a cap is counted exactly, and is read when the count is under it: a page whose
    strings and operators hold 25,000 bytes ``T`` and only a few hundred operations."""
    content = b"BT /F1 12 Tf 72 700 Td\n(TTTTTTTTTT'\"TTTTTTTT) Tj\n" * 1200 + b"ET"
    assert weighing._shows(content) == 1200
    assert weighing._most_shows(content) > MAX_PDF_TEXT_OPERATIONS
    for piece in [b"(a) Tj", b"<0041> Tj", b"[(a) 2 (b)] TJ", b"(a) '", b'1 2 (a) "', b"T* T"]:
        assert weighing._most_shows(piece * 7) >= weighing._shows(piece * 7)
    read = gr.extract_text(pdf(content, flate=True), format="pdf")  # not refused
    assert read.startswith("TTTTTTTTTT")


#: Pieces of content streams and fonts: operands, operators, blanks and any bytes.
_PIECES = st.sampled_from(
    [b"(a)", b"<0041>", b"[(a) 2 (b)]", b" ", b"\n", b"Tj", b"TJ", b"'", b'"', b"T*", b"Td", b")"]
) | st.binary(max_size=6)


@given(st.lists(_PIECES, max_size=60).map(b"".join))
def test_the_bound_of_text_operations_is_never_below_their_count(content: bytes) -> None:
    """Whatever a stream holds, ``_most_shows`` is at least ``_shows``: a file the bound
    passes is never one the count would refuse."""
    assert weighing._most_shows(content) >= weighing._shows(content)


def test_parse_has_a_time_budget_when_asked() -> None:
    """Issue 28: plain parse had no time limit. With timeout=, the report is parsed in a
    worker process, killed past it."""
    text = SEEDS[1].read_text(encoding="utf-8")
    assert gr.parse(text, timeout=60).flat() == gr.parse(text).flat()
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(text, timeout=1e-6)
    assert raised.value.code == "timeout"
    with pytest.raises(gr.ParseError) as raised:
        gr.parse("", timeout=60)
    assert raised.value.code == "empty-input"  # the worker's error, raised here
    with pytest.raises(ValueError, match="format"):
        gr.parse(text, timeout=60, format="odt")  # not only ParseErrors come back


ENTITIES = '<!ENTITY a0 "报告报告报告">' + "".join(
    f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
)


def test_xml_entity_bombs_are_refused() -> None:
    """A billion laughs (1e9 expansions) in a page or a Word file: HTML never expands a
    document's own entities, and libxml2 refuses the Word file's amplification."""
    page = f'<?xml version="1.0"?><!DOCTYPE html [{ENTITIES}]><html><body><p>&a9;</p></body></html>'
    assert len(gr.extract_text(page.encode(), format="html")) < 100
    with zipfile.ZipFile(CONVERTED / "report.docx") as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    document = parts["word/document.xml"]
    document = document.replace(b"?>", b"?><!DOCTYPE w:document [" + ENTITIES.encode() + b"]>", 1)
    parts["word/document.xml"] = document.replace(b"<w:t>", b"<w:t>&a9;", 1)
    with pytest.raises(gr.ParseError) as raised:
        gr.parse(_zipped(parts), format="docx")
    assert raised.value.code == "unreadable"
    assert "Maximum entity amplification factor exceeded" in raised.value.message


# -- archives everywhere ------------------------------------------------------------------


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """corpus/{good.txt, a.zip{x.txt, in.tar.gz{y.txt, deep.zip{z.txt}}}, b.tar{w.txt}}"""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_bytes(SEEDS[0].read_bytes())
    deep = _zipped({"z.txt": SEEDS[4].read_bytes()})
    inner = io.BytesIO()
    with tarfile.open(fileobj=inner, mode="w:gz") as out:
        for name, data in (("y.txt", SEEDS[2].read_bytes()), ("deep.zip", deep)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    _zip(root / "a.zip", {"x.txt": SEEDS[1].read_bytes(), "in.tar.gz": inner.getvalue()})
    with tarfile.open(root / "b.tar", "w") as out:
        out.add(SEEDS[3], arcname="w.txt")
    return root


def test_archives_in_folders_and_archives_are_opened_to_the_depth_limit(nested: Path) -> None:
    skipped: list[gr.Skipped] = []
    found = list(gr.documents(nested, skipped=skipped.append))
    assert [d.name for d in found] == [
        f"{nested}/a.zip:x.txt",
        f"{nested}/a.zip:in.tar.gz:y.txt",
        f"{nested}/b.tar:w.txt",
        f"{nested}/good.txt",
    ]
    assert [str(s) for s in skipped] == [
        f"{nested}/a.zip:in.tar.gz:deep.zip: skipped, an archive 3 deep, past the limit of 2 "
        "(depth)"
    ]
    results = list(gr.iter_parse(found, jobs=2))
    for result, seed in zip(results, [SEEDS[1], SEEDS[2], SEEDS[3], SEEDS[0]], strict=True):
        assert_seed(result.report, seed)

    skipped.clear()
    deeper = [d.name for d in gr.documents(nested, max_depth=3, skipped=skipped.append)]
    assert deeper[2] == f"{nested}/a.zip:in.tar.gz:deep.zip:z.txt" and not skipped
    shallow = [d.name for d in gr.documents(nested, max_depth=1, skipped=skipped.append)]
    assert shallow == [f"{nested}/a.zip:x.txt", f"{nested}/b.tar:w.txt", f"{nested}/good.txt"]
    assert [(s.name, s.reason) for s in skipped] == [(f"{nested}/a.zip:in.tar.gz", "depth")]
    skipped.clear()
    assert [d.name for d in gr.documents(nested, max_depth=0, skipped=skipped.append)] == [
        f"{nested}/good.txt"
    ]
    assert [s.name for s in skipped] == [f"{nested}/a.zip", f"{nested}/b.tar"]


def test_every_supported_kind_is_read_by_default(tmp_path: Path) -> None:
    files = {
        "a.txt": SEEDS[0].read_bytes(),
        "b.md": SEEDS[1].read_bytes(),
        "c.html": (CONVERTED / "report.html").read_bytes(),
        "d.HTM": (CONVERTED / "report.html").read_bytes(),
        "e.xhtml": b"<html/>",
        "f.docx": (CONVERTED / "report.docx").read_bytes(),
        "g.pdf": (CONVERTED / "report.pdf").read_bytes(),
        "h.csv": b"a,b\n",
        "i.png": b"\x89PNG\r\n",
        "j.jsonl": b"{}\n",
    }
    folder = tmp_path / "folder"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    _zip(tmp_path / "all.zip", files)
    for source, prefix in ((folder, f"{folder}/"), (tmp_path / "all.zip", f"{tmp_path}/all.zip:")):
        skipped: list[gr.Skipped] = []
        names = [d.name for d in gr.documents(source, skipped=skipped.append)]
        assert names == [
            prefix + name
            for name in ["a.txt", "b.md", "c.html", "d.HTM", "e.xhtml", "f.docx", "g.pdf"]
        ]
        assert [(s.name, s.reason) for s in skipped] == [
            (prefix + name, "kind") for name in ("h.csv", "i.png", "j.jsonl")
        ]
    results = list(gr.iter_parse(gr.documents(tmp_path / "all.zip", ["*.md", "*.HTM"])))
    assert_seed(results[0].report, SEEDS[1])
    assert results[1].report is not None and results[1].report.encoding == "utf-8"


def _encrypted(data: bytes, name: str) -> bytes:
    """``data``, a zip, with the member ``name`` flagged as encrypted (zipfile writes no
    such member)."""
    patched = bytearray(data)
    for signature, offset, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = patched.find(signature)
        while patched[at + name_at : at + name_at + len(name)] != name.encode():
            at = patched.find(signature, at + 1)
        patched[at + offset] |= 0x1
    return bytes(patched)


def test_every_skipped_file_and_member_is_named_with_its_reason(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "real").mkdir(parents=True)
    (root / "real" / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (root / "link.txt").symlink_to(SEEDS[1])
    (root / "linked").symlink_to(root / "real", target_is_directory=True)
    os.mkfifo(root / "fifo.txt")  # reading it would wait forever
    members = io.BytesIO()
    with zipfile.ZipFile(members, "w") as out:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        out.writestr(link, "/etc/passwd")
        device = zipfile.ZipInfo("device.txt")
        device.external_attr = (stat.S_IFCHR | 0o644) << 16
        out.writestr(device, b"")
        out.writestr("secret.txt", SEEDS[2].read_bytes())
        out.writestr("plain.txt", SEEDS[3].read_bytes())
    (root / "m.zip").write_bytes(_encrypted(members.getvalue(), "secret.txt"))
    with tarfile.open(root / "t.tar", "w") as out:
        for name, kind, target in (
            ("soft.txt", tarfile.SYMTYPE, "/etc/passwd"),
            ("hard.txt", tarfile.LNKTYPE, "plain.txt"),
            ("fifo.txt", tarfile.FIFOTYPE, ""),
            ("tty.txt", tarfile.CHRTYPE, ""),
        ):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, target
            out.addfile(info)
        out.add(SEEDS[4], arcname="plain.txt")
    skipped: list[gr.Skipped] = []
    found = [d.name for d in gr.documents(root, skipped=skipped.append)]
    assert found == [f"{root}/m.zip:plain.txt", f"{root}/t.tar:plain.txt", f"{root}/real/a.txt"]
    assert [(s.name, s.reason, s.detail) for s in skipped] == [
        (f"{root}/linked", "symlink", "a link to a directory"),
        (f"{root}/fifo.txt", "device", "not a regular file (a device, FIFO or socket)"),
        (f"{root}/link.txt", "symlink", "a symbolic link"),
        (f"{root}/m.zip:link.txt", "symlink", "a symbolic link"),
        (f"{root}/m.zip:device.txt", "device", "not a regular file (a device, FIFO or socket)"),
        (f"{root}/m.zip:secret.txt", "encrypted", "an encrypted member"),
        (f"{root}/t.tar:soft.txt", "symlink", "a link to /etc/passwd"),
        (f"{root}/t.tar:hard.txt", "symlink", "a link to plain.txt"),
        (f"{root}/t.tar:fifo.txt", "device", "not a regular file (a device, FIFO or socket)"),
        (f"{root}/t.tar:tty.txt", "device", "not a regular file (a device, FIFO or socket)"),
    ]
    assert set(SKIP_REASONS) == {s.reason for s in skipped} | {
        "kind",
        "convert",
        "depth",
        "junk",
    }


def _tree(root: Path) -> set[Path]:
    return set(root.rglob("*"))


def test_nothing_is_ever_written_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Member names are labels: ``../`` and absolute names, links, nothing is extracted."""
    absolute = tmp_path / "absolute" / "target.txt"
    names = ["../escape.txt", "../../escape2.txt", str(absolute), "ok/../../escape3.txt"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with zipfile.ZipFile(corpus / "evil.zip", "w") as out:
        for name in names:
            out.writestr(zipfile.ZipInfo(name), SEEDS[4].read_bytes())
        link = zipfile.ZipInfo("escape-link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        out.writestr(link, "../../escape-link-target.txt")
    with tarfile.open(corpus / "evil.tar", "w") as out:
        for name in names:
            info = tarfile.TarInfo(name)
            data = SEEDS[0].read_bytes()
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("tar-link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        out.addfile(link)
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    before = _tree(tmp_path)
    results = list(gr.iter_parse(gr.documents(corpus), jobs=2))
    assert [r.name for r in results] == [f"{corpus}/evil.tar:{n}" for n in names] + [
        f"{corpus}/evil.zip:{n}" for n in names
    ]
    for result in results:
        assert_seed(result.report, SEEDS[0] if ".tar:" in result.name else SEEDS[4])
    assert _tree(tmp_path) == before
    assert not absolute.exists() and not (tmp_path / "escape.txt").exists()
    assert not any((tmp_path.parent / n).exists() for n in ("escape.txt", "escape2.txt"))


def test_names_are_labels_with_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hostile name can neither forge a line of the summary nor drive the terminal; the
    member is still read by its own name."""
    archive = tmp_path / "names.zip"
    _zip(
        archive,
        {
            "a\n3 documents, 0 failed.txt": SEEDS[4].read_bytes(),
            "\x1b[2Jclear.txt": b"",
            "\x9bx.png": b"",
        },
    )
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "b\rc.txt").write_bytes(SEEDS[0].read_bytes())
    skipped: list[gr.Skipped] = []
    found = list(gr.documents(archive, skipped=skipped.append))
    found += gr.documents(tmp_path / "folder")
    assert [d.name for d in found] == [
        f"{archive}:a\\x0a3 documents, 0 failed.txt",
        f"{archive}:\\x1b[2Jclear.txt",
        f"{tmp_path}/folder/b\\x0dc.txt",
    ]
    assert [s.name for s in skipped] == [f"{archive}:\\x9bx.png"]
    results = list(gr.iter_parse(found))
    assert_seed(results[0].report, SEEDS[4])
    assert _code(results[1]) == "empty-input"
    assert_seed(results[2].report, SEEDS[0])
    assert cli.main(["parse", "--format", "jsonl", str(archive)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\r" not in err
    assert err.count("documents, ") == 1  # the summary's line, none forged


# -- time budget and worker death ---------------------------------------------------------


#: Held while a feeder has its FIFO open for writing, and by every fork of this process: a
#: worker forked (to replace a killed one) while a feeder writes would inherit the FIFO's
#: write end, and its reader would then wait for an end of file that never comes (a
#: spurious ``timeout`` of another document, seen in CI).
_FEEDING = threading.Lock()
os.register_at_fork(
    before=_FEEDING.acquire,
    after_in_parent=_FEEDING.release,
    after_in_child=_FEEDING.release,
)


def _fed(path: Path, data: bytes) -> Path:
    """A FIFO at ``path`` that gives ``data`` to its first reader only: a document read a
    second time would wait forever (and time out), so every document parsed ok was read
    exactly once."""
    os.mkfifo(path)

    def feed() -> None:
        while True:  # open only once a reader waits, so the lock is never held waiting
            with _FEEDING:
                try:
                    pipe = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
                except OSError:  # ENXIO: no reader yet
                    pass
                else:
                    os.set_blocking(pipe, True)
                    os.write(pipe, data)
                    os.close(pipe)
                    return
            time.sleep(0.005)

    threading.Thread(target=feed, daemon=True).start()
    return path


def _corpus(tmp_path: Path, stuck: str) -> list[Path]:
    """Five documents, fed once each, around a FIFO ``stuck`` nobody writes to."""
    fed = [_fed(tmp_path / f"{i}.txt", SEEDS[i].read_bytes()) for i in range(5)]
    os.mkfifo(tmp_path / stuck)
    return [fed[0], tmp_path / stuck, *fed[1:]]


def _check(results: list[gr.Result], corpus: list[Path], ordered: bool, code: str) -> None:
    if ordered:
        assert [r.index for r in results] == list(range(len(corpus)))
    assert sorted(r.index for r in results) == list(range(len(corpus)))
    for result in results:
        assert result.name == str(corpus[result.index])
        if result.index == 1:
            assert _code(result) == code
        else:
            assert_seed(result.report, SEEDS[result.index - (result.index > 1)])


@pytest.mark.parametrize(("jobs", "ordered"), [(1, True), (2, False)])
def test_a_document_past_the_time_budget_fails_and_its_worker_is_replaced(
    tmp_path: Path, jobs: int, ordered: bool
) -> None:
    corpus = _corpus(tmp_path, "stuck.txt")  # opening it waits for a writer, forever
    started = time.monotonic()
    results = list(gr.iter_parse(corpus, jobs=jobs, ordered=ordered, chunksize=1, timeout=2))
    _check(results, corpus, ordered, "timeout")
    stuck = next(r for r in results if r.index == 1)
    assert stuck.error is not None and stuck.error.message == (
        "not done within the time budget of 2 s (timeout); its worker process was killed and "
        "replaced"
    )
    assert time.monotonic() - started < 60  # not forever
    assert multiprocessing.active_children() == []


def _children() -> Iterator[int]:
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children", encoding="ascii") as children:
            yield from map(int, children.read().split())


def _kill_the_reader(fifo: Path, killed: list[int]) -> None:
    """Open ``fifo`` for writing (so a worker opening it reads, and waits), SIGKILL the
    worker that has it open, then close it."""
    with open(fifo, "wb"):
        for _ in range(1000):
            for pid in _children():
                try:
                    links = [
                        os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")
                    ]
                except OSError:
                    continue
                if str(fifo) in links:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    return
            time.sleep(0.01)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the worker in /proc")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_killed_fails_its_document_only(tmp_path: Path, jobs: int) -> None:
    corpus = _corpus(tmp_path, "held.txt")
    killed: list[int] = []
    killer = threading.Thread(target=_kill_the_reader, args=(corpus[1], killed), daemon=True)
    killer.start()
    results = list(gr.iter_parse(corpus, jobs=jobs, chunksize=1, timeout=20))
    killer.join(10)
    assert len(killed) == 1
    _check(results, corpus, True, "worker-died")
    held = results[1].error
    assert held is not None and held.message.startswith(
        "the worker process reading or parsing it died (killed by SIGKILL: killed, out of "
        "memory, or a crash in a C library)"
    )
    assert multiprocessing.active_children() == []


def test_the_budget_is_kept_by_a_worker_process_even_with_one_job() -> None:
    results = gr.iter_parse([SEEDS[4]], jobs=1)
    assert_seed(next(results).report, SEEDS[4])
    assert len(multiprocessing.active_children()) == 1
    results.close()
    assert multiprocessing.active_children() == []
    alone = gr.iter_parse([SEEDS[4]], jobs=1, timeout=None)
    assert_seed(next(alone).report, SEEDS[4])
    assert multiprocessing.active_children() == []  # parsed in this process


def test_bad_limits_raise_at_once() -> None:
    for bad in ({"timeout": 0}, {"timeout": -1.0}, {"max_bytes": -1}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            gr.iter_parse([SEEDS[0]], **bad)  # type: ignore[arg-type]
