"""Fuzzing the readers: HTML, DOCX and PDF documents and zip and tar archives, their bytes
mutated, their parts cut, read under the wrong format. Every input gives a report or a
documented ``ParseError``, never another exception (nor an ``internal-error``), within
``SECONDS`` (a watchdog). ``make test`` runs the ``ci`` profile, ``make test-thorough`` the
``thorough`` one (docs/robustness.md)."""

from __future__ import annotations

import io
import tarfile
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.read.documents import SKIP_REASONS

from conftest import SEEDS, scaled
from fuzz import CONVERTERS, mutated, parts, small_pdf, within, zipped

#: The most one input may take, well above the slowest real one (a PDF of a few pages
#: takes a second or two on a busy machine).
SECONDS = 60.0

PAGES = [
    (CONVERTERS / name / "report.html").read_bytes()
    for name in ("corpus-0", "typed-003_8e13d084e3616286", "hypothesis-2")
]
WORD = (CONVERTERS / "corpus-0" / "report.docx").read_bytes()
PDF = (CONVERTERS / "hypothesis-1" / "report.pdf").read_bytes()
SMALL_PDF = small_pdf(
    ["2020 Annual Report", "1. Overview", "Applications\t12\t3\t4", "Total\t19", "- 1 -"]
)


def _archives() -> dict[str, bytes]:
    """A zip (with a zip inside) and a gzipped tar of three seeds."""
    members = {seed.name: seed.read_bytes() for seed in SEEDS[:3]}
    inner = zipped({"inner.txt": SEEDS[4].read_bytes()})
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w:gz") as out:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return {".zip": zipped({**members, "nested.zip": inner}), ".tar.gz": tar.getvalue()}


ARCHIVES = _archives()


def _read(data: bytes, format: str) -> None:
    """Parse ``data`` as ``format``: a report, or a documented ``ParseError``."""
    with within(SECONDS):
        try:
            report = gr.parse(data, format=format)
        except gr.ParseError as error:
            assert error.code in gr.ERROR_CODES, error
            return
    assert all(d.code in gr.CODES for d in report.diagnostics)


@scaled(1)
@given(st.sampled_from(PAGES).flatmap(mutated))
def test_html_pages_mutated(data: bytes) -> None:
    _read(data, "html")


@scaled(1)
@given(mutated(WORD))
def test_word_files_mutated(data: bytes) -> None:
    _read(data, "docx")


@scaled(1)
@given(st.sampled_from(sorted(parts(WORD))), st.data())
def test_word_files_with_a_part_cut_or_mutated(name: str, data: st.DataObject) -> None:
    """Each part of a Word file, cut or mutated, then zipped again: the zip is sound, the
    XML (or whatever the part is) is not."""
    members = parts(WORD)
    members[name] = data.draw(mutated(members[name]))
    _read(zipped(members), "docx")


@scaled(1)
@given(mutated(SMALL_PDF))
def test_small_pdf_files_mutated(data: bytes) -> None:
    _read(data, "pdf")


@scaled(0.12)
@given(mutated(PDF))
def test_real_pdf_files_mutated(data: bytes) -> None:
    _read(data, "pdf")


@scaled(1)
@given(st.sampled_from(sorted(ARCHIVES)), st.data())
def test_archives_mutated(suffix: str, data: st.DataObject) -> None:
    """A damaged archive lists what it can; every document of it gives a report or a
    documented error, never an internal error."""
    damaged = data.draw(mutated(ARCHIVES[suffix]))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / f"corpus{suffix}"
        path.write_bytes(damaged)
        with within(SECONDS):
            skipped: list[gr.Skipped] = []
            for document in gr.documents(path, skipped=skipped.append):
                result = gr.parse_document(document)
                if result.error is not None:
                    assert result.error.code in gr.ERROR_CODES, result.error
                    assert result.error.code != "internal-error", result.error
        assert {s.reason for s in skipped} <= set(SKIP_REASONS)


SAMPLES = {
    "text": SEEDS[0].read_bytes(),
    "html": PAGES[0],
    "docx": WORD,
    "pdf": SMALL_PDF,
    "zip": ARCHIVES[".zip"],
    "tar.gz": ARCHIVES[".tar.gz"],
}


@pytest.mark.parametrize("kind", sorted(SAMPLES))
@pytest.mark.parametrize("format", ["text", "html", "docx", "pdf"])
def test_every_file_read_as_every_format(kind: str, format: str) -> None:
    """Wrong suffixes: a page named .pdf, a Word file named .html, an archive named .docx."""
    _read(SAMPLES[kind], format)
