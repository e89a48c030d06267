"""A folder under review: its documents, their machine readings (parsed lazily in the
background, cached in the store by fingerprint), the verdicts on them, and the cells a
reviewer should look at (``doubtful``).
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePath

import attrs

from ...check.corrected import Corrections, corrected
from ...compact import pack, unpack
from ...corpus.stream import iter_parse
from ...corrections import Entry, Store, fingerprint
from ...errors import ParseError
from ...limits import TIMEOUT
from ...model import Report, printed_blank
from ...read.documents import Document, listed
from ...read.formats import kind_of
from ...read.source import read
from ...version import __version__
from .crops import row_crops

#: Why a cell is doubtful, in the order the queue takes them.
REASONS = {
    "missing": "missing: the machine could not read it",
    "blank-as-zero": "a printed blank the rules made 0",
    "ocr-reads": "read by OCR, vouched for only by its two reads",
    "rule-broken": "in a rule the report breaks",
    "blank-unsure": "a blank the layout placed, not printed where it stands",
}

#: The diagnostics of a broken rule (they name its cells).
_BROKEN = frozenset({"rule-violation", "negative-count", "carry-over-mismatch"})
#: Diagnostics whose cells were placed by the rules: a blank among them was not seen.
_PLACED = frozenset({"short-row-placed", "collapsed-cell-split", "merged-cells"})


@attrs.define
class Item:
    """A document of the folder: its fingerprint (``None``: unreadable), its machine
    reading once parsed, or why it failed."""

    index: int
    document: Document
    fingerprint: str | None
    machine: Report | None = None
    error: str | None = None

    @property
    def name(self) -> str:
        return self.document.name


def doubtful(report: Report) -> dict[str, str]:
    """The cells of ``report`` (a machine reading) a reviewer should look at, each with its
    reason (a key of ``REASONS``), in catalogue order. The rules a reading breaks are its
    diagnostics (``check.validate.failures``): read from them, not checked again."""
    broken = {key for d in report.diagnostics if d.code in _BROKEN for key in d.keys}
    placed = {key for d in report.diagnostics if d.code in _PLACED for key in d.keys}
    found: dict[str, str] = {}
    for table in report.tables:
        marks = table.ocr or (None,) * len(table.keys)
        for key, provenance, raw, mark in zip(
            table.keys, table.provenance, table.raws, marks, strict=True
        ):
            blank = printed_blank(provenance, raw)
            if provenance == "missing":
                found[key] = "missing"
            elif provenance == "derived" and blank:
                found[key] = "blank-as-zero"
            elif mark is not None and mark.check == "reads":
                found[key] = "ocr-reads"
            elif key in broken:
                found[key] = "rule-broken"
            elif blank and key in placed:
                found[key] = "blank-unsure"
    return found


class Corpus:
    """The documents of ``folder`` under review with the store at ``store``.

    ``open`` lists and fingerprints the documents and takes the readings cached in the
    store; the others are parsed by ``read`` (in a background thread for the app). Every
    method may be called from several threads.
    """

    def __init__(self, folder: str | Path, store: str | Path, ocr: bool = False) -> None:
        self.folder = Path(folder)
        self.store = Store(store)
        self.ocr = ocr
        self.options = f"{__version__} ocr={ocr}"
        self.items: list[Item] = []
        self.lock = threading.RLock()
        self.verdicts: dict[str, dict[str, Entry]] = {}
        self._all: Corrections | None = None
        self._reports: dict[str, Report] = {}
        self._doubts: dict[str, dict[str, str]] = {}
        self._version: int | None = None
        self._crops: dict[str, dict[int, bytes]] = {}
        self._lines: dict[str, tuple[str, ...]] = {}

    def open(self) -> list[Item]:
        """List and fingerprint the documents, take their cached readings and the
        verdicts; returns those left to parse."""
        cached = self.store.readings(self.options)
        self.refresh()
        for index, document in enumerate(listed([self.folder])):
            try:
                mark = fingerprint(document.read())
            except ParseError as error:
                self.items.append(Item(index, document, None, error=str(error)))
                continue
            item = Item(index, document, mark)
            packed = cached.get(mark)
            if packed is not None:
                item.machine = _named(unpack(pickle.loads(packed)), document.name)
            self.items.append(item)
        return [item for item in self.items if item.machine is None and item.error is None]

    def refresh(self) -> None:
        """Take the verdicts other apps on the same store have written since (several
        reviewers, each with an app of their own, may share one store)."""
        with self.lock:
            version = self.store.version()
            if version == self._version:
                return
            self._version = version
            self.verdicts = {}
            for entry in self.store.entries():
                self.verdicts.setdefault(entry.document, {})[entry.key] = entry
            self._reports.clear()
            self._all = None

    def read(self, items: Iterable[Item]) -> None:
        """Parse ``items`` (each in a worker process, within the usual time budget) and
        cache their readings."""
        items = list(items)
        results = iter_parse(
            (item.document for item in items), jobs=1, timeout=TIMEOUT, ocr=self.ocr
        )
        for item, result in zip(items, results, strict=True):
            report = result.report
            if report is None:
                item.error = str(result.error)
                continue
            assert item.fingerprint is not None
            packed = pickle.dumps(pack(report), protocol=pickle.HIGHEST_PROTOCOL)
            with self.lock:
                self.store.keep_reading(item.fingerprint, self.options, packed)
                item.machine = report

    def close(self) -> None:
        self.store.close()

    @property
    def pending(self) -> int:
        """The documents not yet parsed."""
        return sum(item.machine is None and item.error is None for item in self.items)

    def item(self, index: int) -> Item | None:
        return self.items[index] if 0 <= index < len(self.items) else None

    def report(self, item: Item) -> Report | None:
        """The reading of ``item`` with its verdicts applied (``None`` until parsed)."""
        if item.machine is None or item.fingerprint is None:
            return None
        with self.lock:
            found = self._reports.get(item.fingerprint)
            if found is None:
                mine = tuple(self.verdicts.get(item.fingerprint, {}).values())
                stale = self._corrections().stale(item.fingerprint, item.name)
                found = (
                    corrected(item.machine, mine, stale)
                    if mine or stale
                    else attrs.evolve(item.machine, reviewed=True)
                )
                self._reports[item.fingerprint] = found
            return found

    def lines(self, item: Item, data: bytes | str) -> tuple[str, ...]:
        """The text ``item``'s reading was parsed from (its cells' lines and columns are
        positions in it): read by OCR too where the reading was; kept."""
        assert item.machine is not None and item.fingerprint is not None
        found = self._lines.get(item.fingerprint)
        if found is None:
            ocr = any(d.code == "ocr-read" for d in item.machine.diagnostics)
            found = read(data, format_of(item), ocr=ocr).lines
            self._lines[item.fingerprint] = found
        return found

    def page_crops(self, item: Item, data: bytes | str, lines: Sequence[str]) -> dict[int, bytes]:
        """For a PDF with a text layer, its rows cut from their pages (``crops.row_crops``),
        by line; kept."""
        if item.machine is None or not isinstance(data, bytes) or format_of(item) != "pdf":
            return {}
        assert item.fingerprint is not None
        found = self._crops.get(item.fingerprint)
        if found is None:
            found = self._crops[item.fingerprint] = row_crops(data, item.machine, lines)
        return found

    def doubtful(self, item: Item) -> dict[str, str]:
        """The doubtful cells of ``item``'s machine reading (``doubtful``), kept."""
        assert item.machine is not None and item.fingerprint is not None
        with self.lock:
            found = self._doubts.get(item.fingerprint)
            if found is None:
                found = self._doubts[item.fingerprint] = doubtful(item.machine)
            return found

    def verdicts_of(self, item: Item) -> dict[str, Entry]:
        with self.lock:
            return dict(self.verdicts.get(item.fingerprint or "", {}))

    def save(self, entry: Entry) -> None:
        """Append ``entry`` to the store (committed before this returns)."""
        with self.lock:
            self.store.add([entry])
            self.verdicts.setdefault(entry.document, {})[entry.key] = entry
            self._reports.pop(entry.document, None)
            self._all = None

    def _corrections(self) -> Corrections:
        if self._all is None:
            self._all = Corrections.of(
                e for cells in self.verdicts.values() for e in cells.values()
            )
        return self._all

    def reports(self) -> Iterator[tuple[Item, Report | None]]:
        """Every document with its corrected reading (``None``: failed), parsing those not
        yet parsed first (for an export)."""
        self.read(item for item in self.items if item.machine is None and item.error is None)
        for item in self.items:
            yield item, self.report(item)


def _named(report: Report, name: str) -> Report:
    """``report`` as parsed from the document ``name`` (a cached reading may have been
    read under another name: the same bytes elsewhere)."""
    return report if report.source == name else attrs.evolve(report, source=name)


def format_of(item: Item) -> str | None:
    """The format a document is read as, by its name."""
    return kind_of(item.name)


def display_name(item: Item, folder: Path) -> str:
    """The document's name relative to the folder."""
    try:
        return str(PurePath(item.name).relative_to(folder))
    except ValueError:
        return item.name
