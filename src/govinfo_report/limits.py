"""Safety caps: they bound the work on hostile or broken input so that parsing time grows
linearly with the input's size. Real reports stay far below every one of them; what a cap
cuts off is reported with a diagnostic, never dropped in silence (``docs/robustness.md``).
"""

#: A longer line is never a table row (inside a table it is skipped), heading or count
#: statement (``line-too-long``); in prose it is kept as text. The longest line of a real
#: report is a paragraph of a few thousand characters.
MAX_LINE_CHARS = 10_000

#: Non-empty lines before section 一 searched for the title and a site's metadata block; a
#: real page's navigation, metadata block and title run to a few dozen. Past them the text
#: is body without headings, and no title found there is reported (``title-missing``).
MAX_FRONT_LINES = 200

#: Characters of each of those lines searched: a page on one line (BeautifulSoup's
#: ``get_text(strip=True)``) holds its title within its first few thousand.
MAX_FRONT_LINE_CHARS = 100_000

#: Lines of section 一's prose searched for the report's period sentence and the sentence
#: naming its body, where the text prints no title: a report opens section 一 with them.
MAX_OVERVIEW_LINES = 20

#: Cuts made in text whose line breaks were lost (``rebreak``); past it the rest is left as
#: it is. A real report has about 150 headings and row labels.
MAX_REBREAKS = 10_000

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

#: The largest document read, in bytes: a file, an archive member, a JSON line, text or bytes
#: given directly, and the parts of a Word document together once inflated. Past it the
#: document fails as ``too-large`` (``max_bytes`` of ``parse`` and ``iter_parse``,
#: ``--max-bytes``). The largest real report is a PDF of a few MB.
MAX_BYTES = 64 * 1024 * 1024

#: An archive member (or Word document part) that declares more than this many times its
#: compressed size is refused before it is inflated: deflate cannot pass about 1,032, and
#: report text compresses 3 to 10 times, so only a zip bomb comes near.
MAX_COMPRESSION_RATIO = 1000

#: One PDF stream that is no image (a page's content, a form drawn on it), inflated, at
#: most, and its text-showing operators (``Tj``, ``TJ``, ``'``, ``"``) at most. pdfium builds
#: an object of some hundreds of bytes for each operation of a page it loads, so a 120 kB
#: file whose one stream inflates to 50 MB of text operations took 45 s and 3.6 GB. A real
#: report's page content is a few hundred kB with a few thousand text operations. Past
#: either cap the document is refused before a page is loaded (``too-complex``).
MAX_PDF_CONTENT_BYTES = 16 * 1024 * 1024
MAX_PDF_TEXT_OPERATIONS = 20_000

#: A PDF's pages together, as pdfium loads them one after another (a page its page tree lists
#: many times is loaded as many times: 7 kB listing one page 1,000 times took minutes): their
#: text operations and inflated bytes at most. A real report of 60 pages shows some 100,000.
MAX_PDF_DOCUMENT_TEXT_OPERATIONS = 300_000
MAX_PDF_DOCUMENT_BYTES = 4 * MAX_PDF_CONTENT_BYTES

#: How many archives deep a document may sit: 1, the members of an archive given or found in
#: a folder; 2, also the members of an archive inside that one. Deeper archives are skipped
#: and named (``depth``).
MAX_DEPTH = 2

#: Seconds one document may take, read and parsed, in a worker process of ``iter_parse``
#: (``timeout``, ``--timeout``); past it the document fails as ``timeout`` and its worker is
#: replaced. A real report takes milliseconds; the slowest damaged one seen, about 4 s.
TIMEOUT = 30.0
#: Seconds a PDF document may take when scanned pages are read by OCR (``ocr_timeout``,
#: ``--ocr-timeout``): OCR takes 3-5 s a page on one core, a scanned report 15-25 s; a
#: worker that has just started loads the model first (about 1 s).
OCR_TIMEOUT = 300.0
