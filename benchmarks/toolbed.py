"""A test bed of the HTML-to-text and Word-to-text tools: reports of known values written as
government sites publish them (``tests/cms.py``, habits drawn per page), each page and the
Word document LibreOffice saves of it turned into text by every tool installed, and every
cell and the metadata scored against the values the page was written from.

    python benchmarks/toolbed.py [--reports N] [--seed S] [--save DIR] [--tools a,b] [--wrong]
    python benchmarks/toolbed.py --fixtures 3,7,12   # into tests/fixtures/converters/bed-*

The tools (each skipped when it is not installed): BeautifulSoup ``get_text()``,
``get_text('\\n')``, ``get_text(' ', strip=True)``; lxml ``text_content()``; a web archive's
one-line page text (its header block, then the body's text with white space collapsed);
trafilatura (text and Markdown); markitdown (page and Word document); html2text; inscriptis;
lynx (80, 120 and 200 columns); w3m; pandoc (plain, Markdown, GFM; page and Word document);
docx2txt; python-docx's paragraphs and table rows; LibreOffice's text export; ``pdftotext``
and ``pdftotext -layout``, pdfminer.six, markitdown, pdfplumber (plain and ``layout=True``),
PyMuPDF (``get_text()``, plain and ``sort=True``) and pypdfium2's text of the PDF Chromium
prints of the page and of the PDF LibreOffice exports of the Word document (``word-``).
Their versions are printed with ``--versions``; a tool installed but broken stops the bed
(it would go unscored).

A cell is *right* when the value read is the truth (none for a cell the page leaves blank; a
blank the report's rules prove 0 counts as right), *missing* when none is read for a printed
value, a *false blank* when the parser says "printed blank" where a value is printed, and
*wrong* otherwise. Metadata: organisation, year, template and the signature date.
Needs the tools, so it is never run by the test suite; the fixtures it writes are.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

import govinfo_report as gr  # noqa: E402

import cms  # noqa: E402
import corpus  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "converters"
SEED = 45
#: LibreOffice with a profile of its own, so that it runs beside other instances.
SOFFICE = ("soffice", f"-env:UserInstallation=file://{tempfile.gettempdir()}/toolbed-soffice")


# Reports and pages ---------------------------------------------------------------------------


def habits(index: int, seed: int = SEED) -> cms.Habits:
    """The habits of page ``index``: drawn, so that the bed holds every mix of them."""
    rng = random.Random(f"{seed}-{index}")
    return cms.Habits(
        blank_zeros=rng.choice(((), ("applications",), ("applications", "appeals"), cms.SECTIONS)),
        units=rng.random() < 0.5,
        vertical_label=rng.random() < 0.6,
        repeated_label=rng.random() < 0.3,
        word_grid=rng.random() < 0.5,
        signature_inline=rng.random() < 0.5,
        site_dates=rng.random() < 0.6,
        other_years=rng.random() < 0.4,
        title_variant=rng.randrange(len(cms.TITLES)),
    )


def report(index: int, seed: int = SEED) -> tuple[gr.Report, cms.Habits]:
    """Report ``index`` of the bed (the benchmark generator's, both templates) as its page
    prints it: the zeros it leaves blank left out."""
    chosen = habits(index, seed)
    drawn = corpus.draft(index, seed=seed).report
    if drawn.published is None:
        drawn = _signed(drawn, random.Random(index))
    if chosen.blank_zeros:
        drawn = cms.blank_zeros(drawn, chosen.blank_zeros)
    return drawn, chosen


def _signed(drawn: gr.Report, rng: random.Random) -> gr.Report:
    """``drawn`` signed in January of the next year."""
    year = (drawn.year or 2021) + 1
    return gr.Report.from_values(
        {k: v for k, v in drawn.flat().items() if v is not None},
        template=drawn.template or "2021",
        organisation=drawn.organisation,
        year=drawn.year,
        published=datetime.date(year, 1, rng.randrange(5, 29)),
        overview=drawn.overview,
        problems=drawn.problems,
        other_matters=drawn.other_matters,
    )


def page_to_docx(html: Path, work: Path) -> Path | None:
    """The page saved as Word by LibreOffice (None without LibreOffice)."""
    if shutil.which("soffice") is None:
        return None
    subprocess.run(
        [
            *SOFFICE,
            "--headless",
            "--norestore",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work),
            str(html),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return work / f"{html.stem}.docx"


# The tools -----------------------------------------------------------------------------------


def _soup(html: str):  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


def bs4_text(html: str) -> str:
    return str(_soup(html).get_text())


def bs4_lines(html: str) -> str:
    return str(_soup(html).get_text("\n"))


def bs4_strip(html: str) -> str:
    return str(_soup(html).get_text(" ", strip=True))


def lxml_text(html: str) -> str:
    import lxml.html

    return str(lxml.html.document_fromstring(html).text_content())


def web_archive(html: str) -> str:
    """A web archive's text of a page: a header block from the page's metadata, then the
    body's text on one line, white space collapsed (cells of a table run together)."""
    import lxml.html

    page = lxml.html.document_fromstring(html)
    title = page.findtext(".//title") or ""
    pub = page.xpath("string(//meta[@name='PubDate']/@content)")
    body = " ".join(page.body.text_content().split())
    return (
        f"标题: {title.split('_')[0]}\n发布时间: {pub}\n文号: \n发布机构: \n"
        f"栏目: 政府信息公开年报\n==================== 正文 ====================\n{body}\n"
    )


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True) or ""


def trafilatura_markdown(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True, output_format="markdown") or ""


def markitdown_file(path: Path) -> str:
    from markitdown import MarkItDown

    return str(MarkItDown().convert(str(path)).text_content)


def html2text_page(html: str) -> str:
    import html2text

    return str(html2text.html2text(html))


def inscriptis_text(html: str) -> str:
    import inscriptis

    return str(inscriptis.get_text(html))


def run(*command: str) -> str:
    """What ``command`` prints, decoded as UTF-8."""
    out = subprocess.run(command, check=True, capture_output=True, timeout=300)
    return out.stdout.decode("utf-8")


def lynx(path: Path, width: int) -> str:
    return run(
        "lynx",
        "-dump",
        "-nolist",
        f"-width={width}",
        "-assume_charset=utf-8",
        "-display_charset=utf-8",
        str(path),
    )


def w3m(path: Path) -> str:
    return run("w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "UTF-8", str(path))


def browser_pdf(html: Path, work: Path) -> Path:
    """The page printed to PDF by headless Chromium (its running header and footer: the
    date, the title, the page's address and ``N/M``)."""
    pdf = work / "browser.pdf"
    run("chromium", "--headless", "--no-sandbox", f"--print-to-pdf={pdf}", str(html))
    return pdf


def word_pdf(document: Path, work: Path) -> Path:
    """The Word document exported to PDF by LibreOffice, as most reports are published."""
    with tempfile.TemporaryDirectory() as out:
        run(
            *SOFFICE,
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            out,
            str(document),
        )
        return Path(shutil.move(Path(out) / f"{document.stem}.pdf", work / "word.pdf"))


def pdftotext(pdf: Path, *options: str) -> str:
    return run("pdftotext", "-enc", "UTF-8", *options, str(pdf), "-")


def pdfminer_text(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(pdf)))


def pdfplumber_text(pdf: Path, *, layout: bool) -> str:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return "\n".join(page.extract_text(layout=layout) or "" for page in document.pages)


def pymupdf_text(pdf: Path, *, sort: bool) -> str:
    import pymupdf

    with pymupdf.open(str(pdf)) as document:
        return "".join(page.get_text(sort=sort) for page in document)


def pypdfium2_text(pdf: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pandoc(path: Path, source: str, target: str) -> str:
    out = subprocess.run(
        ["pandoc", "-f", source, "-t", target, str(path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out.stdout.decode("utf-8")


def docx2txt_file(path: Path) -> str:
    import docx2txt

    return str(docx2txt.process(str(path)))


def python_docx_file(path: Path) -> str:
    """The usual python-docx script: paragraphs, and each row's cell texts joined by tabs."""
    import docx

    document = docx.Document(str(path))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            lines.append(docx.text.paragraph.Paragraph(child, document).text)
        elif child.tag.endswith("}tbl"):
            for row in docx.table.Table(child, document).rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


def libreoffice_text(path: Path) -> str:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                *SOFFICE,
                "--headless",
                "--norestore",
                "--convert-to",
                "txt:Text (encoded):UTF8",
                "--outdir",
                work,
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return (Path(work) / f"{path.stem}.txt").read_text("utf-8-sig")


#: Tools of the page: name -> (module or program it needs, text of the page's HTML).
PAGE_TOOLS: dict[str, tuple[str, Callable[[str, Path], str]]] = {
    "bs4-get-text": ("bs4", lambda html, _: bs4_text(html)),
    "bs4-get-text-lines": ("bs4", lambda html, _: bs4_lines(html)),
    "bs4-strip": ("bs4", lambda html, _: bs4_strip(html)),
    "lxml-text-content": ("lxml", lambda html, _: lxml_text(html)),
    "web-archive": ("lxml", lambda html, _: web_archive(html)),
    "trafilatura": ("trafilatura", lambda html, _: trafilatura_text(html)),
    "trafilatura-markdown": ("trafilatura", lambda html, _: trafilatura_markdown(html)),
    "markitdown-html": ("markitdown", lambda _, path: markitdown_file(path)),
    "html2text": ("html2text", lambda html, _: html2text_page(html)),
    "inscriptis": ("inscriptis", lambda html, _: inscriptis_text(html)),
    "lynx": ("lynx", lambda _, path: lynx(path, 80)),
    "lynx-120": ("lynx", lambda _, path: lynx(path, 120)),
    "lynx-200": ("lynx", lambda _, path: lynx(path, 200)),
    "w3m": ("w3m", lambda _, path: w3m(path)),
    "pandoc-html": ("pandoc", lambda _, path: pandoc(path, "html", "plain")),
    "pandoc-html-markdown": ("pandoc", lambda _, path: pandoc(path, "html", "markdown")),
    "pandoc-html-gfm": ("pandoc", lambda _, path: pandoc(path, "html", "gfm")),
}
#: Tools of the Word document LibreOffice saves of the page.
DOCX_TOOLS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "docx2txt": ("docx2txt", docx2txt_file),
    "python-docx": ("docx", python_docx_file),
    "libreoffice": ("soffice", libreoffice_text),
    "markitdown-docx": ("markitdown", markitdown_file),
    "pandoc-docx": ("pandoc", lambda path: pandoc(path, "docx", "plain")),
    "pandoc-docx-markdown": ("pandoc", lambda path: pandoc(path, "docx", "markdown")),
    "pandoc-docx-gfm": ("pandoc", lambda path: pandoc(path, "docx", "gfm")),
}
#: Text extractors of a PDF: name -> (module or program it needs, text of the PDF).
PDF_EXTRACTORS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "pdftotext": ("pdftotext", lambda pdf: pdftotext(pdf)),
    "pdftotext-layout": ("pdftotext", lambda pdf: pdftotext(pdf, "-layout")),
    "pdfminer": ("pdfminer", pdfminer_text),
    "markitdown-pdf": ("markitdown", markitdown_file),
    "pdfplumber": ("pdfplumber", lambda pdf: pdfplumber_text(pdf, layout=False)),
    "pdfplumber-layout": ("pdfplumber", lambda pdf: pdfplumber_text(pdf, layout=True)),
    "pymupdf": ("pymupdf", lambda pdf: pymupdf_text(pdf, sort=False)),
    "pymupdf-sort": ("pymupdf", lambda pdf: pymupdf_text(pdf, sort=True)),
    "pypdfium2": ("pypdfium2", pypdfium2_text),
}
#: The PDFs (``browser``: Chromium's print of the page; ``word``: LibreOffice's export of
#: the Word document), what makes each, and the prefix of its tools' names.
PDF_MAKERS = {"browser": ("chromium", ""), "word": ("soffice", "word-")}
#: Tools of a PDF: name -> (the PDF, the extractor).
PDF_TOOLS: dict[str, tuple[str, str]] = {
    prefix + extractor: (source, extractor)
    for source, (_, prefix) in PDF_MAKERS.items()
    for extractor in PDF_EXTRACTORS
}


def available(need: str) -> bool:
    """Whether the module or program ``need`` is here."""
    if need in ("pandoc", "soffice", "lynx", "w3m", "chromium", "pdftotext"):
        return shutil.which(need) is not None
    try:
        __import__(need)
    except ModuleNotFoundError as error:
        if error.name != need:
            raise  # installed but broken: a tool silently skipped would go unscored
        return False
    return True


def render(index: int, seed: int, tools: set[str] | None) -> tuple[gr.Report, dict[str, str], str]:
    """Page ``index``: its report, each tool's text of it, and the page's HTML."""
    drawn, chosen = report(index, seed)
    html = cms.render_cms_html(drawn, chosen, seed=index)
    texts: dict[str, str] = {}

    def wanted(name: str, need: str) -> bool:
        return (tools is None or name in tools) and available(need)

    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "report.html"
        page.write_text(html, "utf-8")
        for name, (need, tool) in PAGE_TOOLS.items():
            if wanted(name, need):
                texts[name] = tool(html, page)
        pdfs = {
            name: source
            for name, (source, extractor) in PDF_TOOLS.items()
            if wanted(name, PDF_EXTRACTORS[extractor][0]) and available(PDF_MAKERS[source][0])
        }
        words = [name for name, (need, _) in DOCX_TOOLS.items() if wanted(name, need)]
        document = page_to_docx(page, Path(work)) if words or "word" in pdfs.values() else None
        if document is not None:
            for name in words:
                texts[name] = DOCX_TOOLS[name][1](document)
            texts["report.docx"] = document.read_bytes().hex()
        made: dict[str, Path] = {}
        if "browser" in pdfs.values():
            made["browser"] = browser_pdf(page, Path(work))
        if "word" in pdfs.values() and document is not None:
            made["word"] = word_pdf(document, Path(work))
        for name, source in pdfs.items():
            if source in made:
                texts[name] = PDF_EXTRACTORS[PDF_TOOLS[name][1]][1](made[source])
    return drawn, texts, html


# Scoring -------------------------------------------------------------------------------------

OUTCOMES = ("right", "missing", "false-blank", "wrong")
METADATA = ("organisation", "year", "template", "published")


def truth(drawn: gr.Report) -> dict[str, object]:
    """What the page was written from: its values and metadata (``truth.json``)."""
    return {
        "template": drawn.template,
        "organisation": drawn.organisation,
        "year": drawn.year,
        "published": drawn.published.isoformat() if drawn.published else None,
        "charset": "utf-8",
        "values": {
            key: (str(value) if isinstance(value, Decimal) else value)
            for key, value in drawn.flat().items()
        },
    }


def score(read: gr.Report, true: dict[str, object]) -> tuple[Counter[str], list[str]]:
    """Each cell's outcome and each metadata field's, counted; the faults, listed."""
    counts: Counter[str] = Counter()
    faults: list[str] = []
    values = true["values"]
    assert isinstance(values, dict)
    for key, raw in values.items():
        want = Decimal(raw) if isinstance(raw, str) else raw
        cell = read.cell(key)
        if cell.value == want or (
            want is None and cell.value == 0 and cell.provenance == "derived"
        ):
            outcome = "right"
        elif cell.value is None:
            outcome = "false-blank" if cell.provenance == "blank" else "missing"
        else:
            outcome = "wrong"
        counts[outcome] += 1
        if want not in (None, 0):
            counts["nonzero"] += 1
            counts["nonzero-right"] += outcome == "right"
        if outcome != "right":
            faults.append(f"{outcome} {key}={cell.value!r} want {want!r}")
    got = {
        "organisation": read.organisation,
        "year": read.year,
        "template": read.template,
        "published": read.published.isoformat() if read.published else None,
    }
    for field in METADATA:
        ok = got[field] == true[field]
        counts[f"meta-{field}"] += ok
        if not ok:
            faults.append(f"metadata {field}={got[field]!r} want {true[field]!r}")
    counts["reports"] += 1
    order = ("wrong", "false-blank", "metadata", "missing")
    return counts, sorted(faults, key=lambda fault: order.index(fault.split()[0]))


def table(counts: dict[str, Counter[str]]) -> str:
    """Per tool: cells right, non-zero cells right, missing, wrong, false blanks, metadata."""
    lines = [
        "| tool | reports | cells right | non-zero right | missing | wrong | false blank"
        " | organisation | year | template | published |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total: Counter[str] = Counter()
    for name in sorted(counts):
        total.update(counts[name])
        lines.append(_row(name, counts[name]))
    lines.append(_row("**all**", total))
    return "\n".join(lines)


def _row(name: str, c: Counter[str]) -> str:
    cells = sum(c[o] for o in OUTCOMES)
    n = c["reports"]
    meta = " | ".join(f"{c[f'meta-{f}']}/{n}" for f in METADATA)
    return (
        f"| {name} | {n} | {100 * c['right'] / cells:.1f}% "
        f"| {100 * c['nonzero-right'] / max(c['nonzero'], 1):.1f}% | {c['missing']} "
        f"| {c['wrong']} | {c['false-blank']} | {meta} |"
    )


# Fixtures ------------------------------------------------------------------------------------


def write_fixture(index: int, seed: int) -> Path:
    """Page ``index`` with every tool's text and its truth, as a converter fixture
    (``tests/fixtures/converters/bed-NN``)."""
    drawn, texts, html = render(index, seed, None)
    folder = FIXTURES / f"cms-bed-{index:02d}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "report.html").write_text(html, "utf-8")
    for name, text in texts.items():
        if name == "report.docx":
            (folder / name).write_bytes(bytes.fromhex(text))
        else:
            (folder / f"{name}.txt").write_text(text, "utf-8")
    (folder / "truth.json").write_text(
        json.dumps(truth(drawn), ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    return folder


PACKAGES = (
    "beautifulsoup4",
    "lxml",
    "trafilatura",
    "markitdown",
    "html2text",
    "docx2txt",
    "python-docx",
    "inscriptis",
    "pdfminer.six",
    "pdfplumber",
    "pymupdf",
    "pypdfium2",
)


def versions() -> str:
    """The tools' versions, one a line."""
    from importlib.metadata import PackageNotFoundError, version

    lines = []
    for package in PACKAGES:
        with contextlib.suppress(PackageNotFoundError):
            lines.append(f"{package} (PyPI): {version(package)}")
    for program, flag in (
        ("pandoc", "--version"),
        ("soffice", "--version"),
        ("lynx", "-version"),
        ("w3m", "-version"),
        ("pdftotext", "-v"),
        ("chromium", "--version"),
    ):
        if shutil.which(program):
            out = subprocess.run([program, flag], capture_output=True, text=True, check=False)
            first = (out.stdout.strip() or out.stderr.strip()).splitlines()[0].split(",")[0]
            lines.append(f"{program}: {first}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--tools", help="comma-separated tool names (default: every one)")
    parser.add_argument("--save", type=Path, help="write each page and text here")
    parser.add_argument("--load", type=Path, help="score the texts saved here, not new ones")
    parser.add_argument("--wrong", action="store_true", help="list every fault")
    parser.add_argument("--fixtures", help="comma-separated page numbers to keep as fixtures")
    parser.add_argument("--versions", action="store_true")
    args = parser.parse_args(argv)
    if args.versions:
        print(versions())
        return 0
    if args.fixtures:
        for index in map(int, args.fixtures.split(",")):
            print(write_fixture(index, args.seed), flush=True)
        return 0
    tools = set(args.tools.split(",")) if args.tools else None
    counts: dict[str, Counter[str]] = {}
    for index in range(args.reports):
        for name, text, true in _texts(index, args, tools):
            read = gr.parse(text)
            got, faults = score(read, true)
            counts.setdefault(name, Counter()).update(got)
            if args.wrong and faults:
                print(f"page {index:02d} {name}: " + "; ".join(faults[:8]), flush=True)
    print(table(counts))
    return 0


def _texts(index: int, args: argparse.Namespace, tools: set[str] | None):  # type: ignore[no-untyped-def]
    """Each tool's text of page ``index`` with the page's truth: made now (and saved with
    ``--save``), or read from ``--load``."""
    if args.load:
        folder = args.load / f"page-{index:02d}"
        true = json.loads((folder / "truth.json").read_text("utf-8"))
        for path in sorted(folder.glob("*.txt")):
            if tools is None or path.stem in tools:  # as saved: pypdfium2's CRLF kept
                yield path.stem, path.read_bytes().decode("utf-8"), true
        return
    drawn, texts, html = render(index, args.seed, tools)
    true = truth(drawn)
    if args.save:
        folder = args.save / f"page-{index:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "report.html").write_text(html, "utf-8")
        (folder / "truth.json").write_text(json.dumps(true, ensure_ascii=False, indent=1), "utf-8")
    for name, text in texts.items():
        if name == "report.docx":
            if args.save:
                (args.save / f"page-{index:02d}" / name).write_bytes(bytes.fromhex(text))
            continue
        if args.save:
            (args.save / f"page-{index:02d}" / f"{name}.txt").write_text(text, "utf-8")
        yield name, text, true


if __name__ == "__main__":
    raise SystemExit(main())
