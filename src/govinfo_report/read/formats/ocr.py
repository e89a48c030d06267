"""The OCR engine (the ``ocr`` extra): RapidOCR on onnxruntime with the PP-OCRv6 small
detection and recognition models that ship inside the ``rapidocr`` wheel, named by path and
checked by their SHA-256, so that nothing is ever downloaded. The angle classifier is off:
with it on, short digit strings are judged upside down (``61`` read as ``19``, ``108`` as
``801``, at a confidence of 0.9998).

The engine is loaded once per process (``engine``), on first use; a worker process of
``iter_parse`` keeps it for every document it reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
from collections.abc import Callable, Iterator, Sequence
from functools import cache, wraps
from importlib.metadata import version
from pathlib import Path
from typing import Any, TypeVar, cast

from ...errors import MissingDependencyError
from .pdfium import Box, Char
from .raster import Image

#: The models read, as ``rapidocr`` 3.10 ships them: file name and SHA-256.
MODELS = {
    "Det": (
        "PP-OCRv6_det_small.onnx",
        "090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f",
    ),
    "Rec": (
        "PP-OCRv6_rec_small.onnx",
        "6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884",
    ),
}
#: onnxruntime threads per process: one, so that ``jobs`` processes share the cores
#: without contention (two threads were slower than one on a busy 2-core machine) and the
#: arithmetic is the same on every run.
THREADS = 1
#: Detection sees a part of a page at most this many pixels on its long side (about 80
#: dpi for a whole A4 page, 12 pixels for a line of 10.5-point print; 120 dpi for a band
#: across the page): the detector's memory and time grow with its input (1280 pixels: 90
#: MB and 0.25 s more a page, the same reads of the real scans), and recognition reads
#: each box from the page at full resolution all the same.
DETECT_SIDE = 960
#: Detection sees a part of a page of prose at the size that makes its lines of print this
#: many pixels high (their ink; ``raster.line_height``): what a whole page at 960 pixels
#: made of 10.5-point print, the smallest a report's prose uses, whose reads were measured.
#: The real scans' print (16 points, its ink 14.4-15.1 high) is seen at 0.73-0.76 pixels a
#: point, not at 1.14 (a whole page) or 1.61 (a band across it), with the same reads.
LINE_PIXELS = 11.0
#: Texts the recogniser reads in one run: one. Its time grows with the width it is given,
#: so a batch gains nothing and pads every text to the widest of the batch (11% of the
#: time of a scanned report), and its memory grows with the batch's total width (six
#: lines of prose at once: 500 MB over the model's own).
REC_BATCH = 1
#: The recogniser sees a text at least this many pixels wide (at its 48 pixels of height),
#: padded with grey: RapidOCR pads every text to 320, so that a cell's ``12`` costs as much
#: as a line of ten characters. 96 (twice the height) reads the real scans' cells as 320
#: does at a third of the cost (48 read a lone ``0`` as ``O``; padded with paper to three
#: times the height instead, a lone ``0`` read ``ó`` on a degraded scan).
MIN_WIDTH = 96
#: Paper (pixels at the recogniser's 48 of height) between two crops read as one line
#: (``Engine.row``): a character's place is known to within a step of the recogniser's
#: output (8 pixels), so that one found here belongs to neither crop.
GAP = 16
#: The recogniser's height and the pixels of its input each step of its output covers.
HEIGHT, STEP = 48, 8
#: A text box taller than this many times its width, holding two characters or more, is a
#: vertical label (三、本年度办理结果 printed a character a line): its characters stacked.
VERTICAL = 1.5

_EXTRA = "pip install 'govinfo-report[ocr]'"


#: The reads kept while ``kept`` runs, by their call (``Engine``'s method, its images'
#: digests and its other arguments); ``None``: none kept.
_KEPT: dict[tuple[Any, ...], Any] | None = None
M = TypeVar("M", bound=Callable[..., Any])


@contextlib.contextmanager
def kept(reads: dict[tuple[Any, ...], Any]) -> Iterator[dict[tuple[Any, ...], Any]]:
    """While it runs, each read of ``Engine`` is looked up in ``reads`` and made (and kept
    there) only when it is not there. A read is a function of its images and arguments
    alone (every switch of RapidOCR is set again on each call), so the reads another
    process made (``scanned.page_work``) answer the same calls here as their own would."""
    global _KEPT
    before, _KEPT = _KEPT, reads
    try:
        yield reads
    finally:
        _KEPT = before


def _kept(method: M) -> M:
    """``method`` (of ``Engine``, its first argument an image or a sequence of them)
    answered from the reads kept while ``kept`` runs."""

    @wraps(method)
    def read(self: Engine, images: Any, *args: Any) -> Any:
        if _KEPT is None:
            return method(self, images, *args)
        key = (method.__name__, _digest(images), *args)
        if key not in _KEPT:
            _KEPT[key] = method(self, images, *args)
        found = _KEPT[key]
        return None if found is None else list(found)

    return cast(M, read)


def _digest(images: Image | Sequence[Image]) -> tuple[Any, ...]:
    """What tells an image (or each of a sequence of them) from another: its shape, type
    and the BLAKE2 digest of its pixels."""
    import numpy as np

    if isinstance(images, np.ndarray):
        pixels = np.ascontiguousarray(images)
        return (images.shape, images.dtype.str, hashlib.blake2b(pixels.data).digest())
    return tuple(_digest(image) for image in images)


class Engine:
    """RapidOCR, configured: reads of a part of a page (detection and recognition) and
    reads of crops of one line each (recognition alone, batched)."""

    def __init__(self, rapid: Any, detector: Path) -> None:
        self.rapid = rapid
        self.recogniser = rapid._load_rec_model()
        rapid._load_det_model().session.session = _detector_session(detector)

    def _width(self, least: int) -> None:
        """Pad each text the recogniser reads to at least ``least`` pixels wide."""
        self.recogniser.rec_image_shape = [3, 48, least]

    @_kept
    def page(self, image: Image, scale: float) -> list[Char]:
        """The characters RapidOCR reads on an image of a part of a page, in points
        (``scale`` pixels a point): the characters of one box of text share its top and
        bottom (they are one line) and touch each other, so that words part only between
        boxes."""
        # RapidOCR keeps the switches of a call for the next: each call gives them all.
        self._width(MIN_WIDTH)
        found = self.rapid(image, use_det=True, use_cls=False, use_rec=True, return_word_box=True)
        if not getattr(found, "txts", None):
            return []
        chars: list[Char] = []
        words = found.word_results or ()
        for index, (quad, text) in enumerate(zip(found.boxes, found.txts, strict=True)):
            xs = [float(point[0]) / scale for point in quad]
            ys = [float(point[1]) / scale for point in quad]
            pieces = words[index] if index < len(words) else ()
            chars.extend(_chars(text, (min(xs), min(ys), max(xs), max(ys)), pieces, scale))
        return chars

    @_kept
    def boxes(self, image: Image, line: float) -> list[tuple[int, int, int, int]]:
        """The boxes of text that detection finds on an image of a part of a page whose lines
        of print are ``line`` pixels high, in pixels (left, top, right, bottom), in reading
        order; nothing is recognised. Detection sees the image at ``LINE_PIXELS`` a line,
        never larger than it is."""
        detector = self.rapid._load_det_model()
        detector.limit_side_len = math.ceil(max(image.shape[:2]) * min(LINE_PIXELS / line, 1.0))
        try:
            found = self.rapid(image, use_det=True, use_cls=False, use_rec=False)
        finally:
            detector.limit_side_len = DETECT_SIDE
        quads = getattr(found, "boxes", None)
        if quads is None:
            return []
        return [
            (
                max(int(min(p[0] for p in quad)), 0),
                max(int(min(p[1] for p in quad)), 0),
                int(max(p[0] for p in quad)) + 1,
                int(max(p[1] for p in quad)) + 1,
            )
            for quad in quads
        ]

    @_kept
    def lines(self, images: Sequence[Image]) -> list[str]:
        """The text the recogniser reads in each crop (one line of print), batched: ``""``
        where it reads nothing it is sure of (RapidOCR's own ``text_score``)."""
        if not images:
            return []
        from rapidocr.ch_ppocr_rec.typings import TextRecInput

        self._width(MIN_WIDTH)
        found = self.recogniser(TextRecInput(img=list(images)))
        least = self.rapid.cfg.Global.text_score
        return [
            text if score >= least else ""
            for text, score in zip(found.txts, found.scores, strict=True)
        ]

    @_kept
    def row(self, images: Sequence[Image]) -> list[str] | None:
        """The text of each crop of ``images`` (one line of print each) read as one line:
        the crops scaled to the recogniser's height side by side, ``GAP`` pixels of paper
        apart, read once, and each character given to the crop it was read in (``""``
        where the recogniser is not sure of a crop's text, as in ``lines``). ``None``
        when a character other than a space was read between two crops: the line's split
        is not the crops'."""
        if not images:
            return []
        import cv2
        import numpy as np

        parts: list[Image] = []
        spans: list[tuple[int, int]] = []
        at = 0
        for image in images:
            height, width = image.shape[:2]
            wide = math.ceil(HEIGHT * width / height)
            if parts:
                parts.append(np.full((HEIGHT, GAP, 3), 255, np.uint8))
                at += GAP
            parts.append(cv2.resize(image, (wide, HEIGHT)))
            spans.append((at, at + wide))
            at += wide
        line = np.hstack(parts).astype(np.float32).transpose(2, 0, 1) / 127.5 - 1.0
        if at < MIN_WIDTH:  # padded as RapidOCR pads a text narrower than its least width
            line = np.pad(line, ((0, 0), (0, 0), (0, MIN_WIDTH - at)))
        found = self.recogniser.session(line[np.newaxis])[0]
        best = found.argmax(axis=1)
        keys = self.recogniser.postprocess_op.character
        texts: list[list[str]] = [[] for _ in images]
        sure: list[list[float]] = [[] for _ in images]
        for step, key in enumerate(best):
            if key == 0 or (step and key == best[step - 1]):
                continue
            middle = (step + 0.5) * STEP
            index = next((i for i, (a, b) in enumerate(spans) if a <= middle < b), None)
            if index is None:
                if keys[key].isspace():  # the paper between two crops
                    continue
                return None
            texts[index].append(keys[key])
            sure[index].append(float(found[step, key]))
        least = self.rapid.cfg.Global.text_score
        return [
            "".join(text) if text and sum(score) / len(score) >= least else ""
            for text, score in zip(texts, sure, strict=True)
        ]


def _chars(text: str, box: Box, pieces: Any, scale: float) -> list[Char]:
    """A text box's characters: stacked for a vertical label; else placed by the boxes the
    recogniser gives its characters (or spread evenly when it gives none that fit), each
    reaching to the next, all as tall as the box."""
    x0, top, x1, bottom = box
    printed = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    if not printed:
        return []
    if bottom - top > VERTICAL * (x1 - x0) and len(printed) > 1:
        step = (bottom - top) / len(printed)
        return [
            Char(c, x0, top + k * step, x1, top + (k + 1) * step)
            for k, (_, c) in enumerate(printed)
        ]
    lefts = _lefts(text, pieces, scale)
    if lefts is None:
        width = (x1 - x0) / len(text)
        lefts = [x0 + i * width for i in range(len(text))]
    starts = [max(x0, min(lefts[i], x1)) for i, _ in printed]
    ends = [*starts[1:], x1]
    return [
        Char(c, start, top, max(end, start), bottom)
        for (_, c), start, end in zip(printed, starts, ends, strict=True)
    ]


def _lefts(text: str, pieces: Any, scale: float) -> list[float] | None:
    """The left side (points) of each character of ``text`` from the recogniser's word boxes
    (a word's characters spread over its box); ``None`` when they do not spell ``text``."""
    lefts: list[float] = []
    spelled = ""
    for word, _, quad in pieces or ():
        xs = [float(point[0]) / scale for point in quad]
        left, right = min(xs), max(xs)
        step = (right - left) / max(len(word), 1)
        lefts.extend(left + k * step for k in range(len(word)))
        spelled += word
    if spelled.replace(" ", "") != text.replace(" ", "") or not lefts:
        return None
    if spelled == text:
        return lefts
    # Spaces the words leave out: a space takes the left of the character after it.
    placed: list[float] = []
    at = 0
    for char in text:
        placed.append(lefts[min(at, len(lefts) - 1)])
        if not char.isspace() or spelled[at : at + 1] == char:
            at += 1
    return placed


@cache
def engine() -> Engine:
    """The engine of this process, loaded on first use.

    Raises:
        MissingDependencyError: the ``ocr`` extra is not installed, or its models are not
            the ones pinned in ``MODELS`` (another ``rapidocr`` version).
    """
    paths = model_paths()
    from rapidocr import RapidOCR

    params: dict[str, Any] = {
        "Global.use_cls": False,
        "Global.log_level": "error",
        "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
        "EngineConfig.onnxruntime.inter_op_num_threads": THREADS,
        "Det.limit_type": "max",
        "Det.limit_side_len": DETECT_SIDE,
        "Rec.rec_batch_num": REC_BATCH,
    }
    for stage, path in paths.items():
        params[f"{stage}.model_path"] = str(path)
    return Engine(RapidOCR(params=params), paths["Det"])


def _detector_session(path: Path) -> Any:
    """The detector's onnxruntime session: RapidOCR's, less the layout optimisations and
    the memory planned ahead for an input's shape (each input's shape is new), which
    together raise the peak of a page's detection by a third (200 MB a page at 960 pixels,
    145 MB without) for no time gained; the recogniser keeps them (they save a fifth of
    its time)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.intra_op_num_threads = options.inter_op_num_threads = THREADS
    return onnxruntime.InferenceSession(
        str(path), sess_options=options, providers=["CPUExecutionProvider"]
    )


def model_paths() -> dict[str, Path]:
    """The path of each stage's model (``MODELS``) in the installed ``rapidocr``.

    Raises:
        MissingDependencyError: as ``engine``.
    """
    try:
        import rapidocr
    except ImportError:
        raise MissingDependencyError(
            f"rapidocr is not installed: reading scanned pages needs the ocr extra ({_EXTRA})"
        ) from None
    folder = Path(rapidocr.__file__).parent / "models"
    paths = {}
    for stage, (name, digest) in MODELS.items():
        path = folder / name
        if not path.is_file() or _sha256(path) != digest:
            raise MissingDependencyError(
                f"the OCR model {name} shipped with rapidocr {version('rapidocr')} is not the "
                f"pinned one (rapidocr>=3.10,<4 ships it): reinstall the ocr extra ({_EXTRA})"
            )
        paths[stage] = path
    return paths


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
