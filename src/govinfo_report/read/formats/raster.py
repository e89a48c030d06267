"""The image side of a scanned page (the ``ocr`` extra: OpenCV and NumPy): the page
straightened, its ruling lines found as the ``pdfium.Edge`` stretches that ``ruling`` takes
from vector PDFs, and the ink of a cell found and cropped for its reads.

Images are grey (``uint8``, 255 white); a ``Box`` is in PDF points from the top-left corner
of the image, ``scale`` pixels a point.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import cv2
import numpy as np

from .pdfium import Box, Edge

Image = Any  # a 2-D ``numpy.ndarray`` of ``uint8`` (NumPy's generic types say no more)

#: Skew looked for, degrees either way, and the steps of the coarse and fine searches.
MAX_SKEW = 5.0
COARSE, FINE = 0.25, 0.02
#: A page is straightened when its skew is at least this (degrees).
MIN_SKEW = 0.05
#: The shortest ruling line, horizontal and vertical (points): longer than any stroke of a
#: character a report prints in its body (16 pt at most); titles have no lines crossing
#: them, so their strokes make no cell.
MIN_HORIZONTAL = 40.0
MIN_VERTICAL = 16.0
#: Ends of vertical lines this close (points) are at one level (``_closing``).
CLOSE = 3.0
#: A line drawn thicker than this (points) is a bar: its two sides are edges.
THIN = 3.0
#: Ink is at least this much darker than the paper around it (grey levels).
INK_CONTRAST = 40
#: A speck of ink smaller than this (pixels at 200 dpi, scaled) is noise, not print.
MIN_INK = 14
#: The smallest height of a line of print (points): a page number's, a footnote's.
SMALLEST_PRINT = 4.0
#: Space kept around a cell's ink in its crop (points), and the cell's own border left out.
PADDING = 3.0
BORDER = 1.5


class Lines(NamedTuple):
    """A page's ruling lines: as edges (points) and as a mask of their pixels."""

    edges: list[Edge]
    mask: Image


def straighten(image: Image) -> tuple[Image, float]:
    """``image`` rotated level, and the angle it was turned by (degrees, counter-clockwise
    positive): the angle at which its rows of ink (ruling lines, lines of text) are sharpest,
    searched coarsely then finely on a quarter-size copy. Under ``MIN_SKEW`` it is left."""
    small = cv2.resize(image, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ink = (_binary(small) > 0).astype(np.float32)
    coarse = _best(ink, np.arange(-MAX_SKEW, MAX_SKEW + COARSE / 2, COARSE))
    angle = _best(ink, np.arange(coarse - COARSE, coarse + COARSE + FINE / 2, FINE))
    if abs(angle) < MIN_SKEW:
        return image, 0.0
    return rotate(image, angle), angle


def _best(ink: Image, angles: Any) -> float:
    """Of ``angles``, the one whose rotation gives ``ink`` the sharpest row profile (the
    sum of the squared differences between the ink of neighbouring rows)."""
    scores = [float(np.sum(np.diff(rotate(ink, a, 0).sum(axis=1)) ** 2)) for a in angles]
    return round(float(angles[int(np.argmax(scores))]), 3)


def rotate(image: Image, angle: float, background: int = 255) -> Image:
    """``image`` turned by ``angle`` degrees about its centre, its size kept."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(
        image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=background
    )


def unrotate(box: Box, angle: float, size: tuple[float, float]) -> Box:
    """The box around ``box`` (on a page of ``size`` turned by ``angle``) on the page as it
    was: where a reviewer finds it on the original scan."""
    if not angle:
        return box
    width, height = size
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    x0, top, x1, bottom = box
    corners = np.array([[x0, top, 1], [x1, top, 1], [x0, bottom, 1], [x1, bottom, 1]])
    moved = corners @ matrix.T
    return (
        float(moved[:, 0].min()),
        float(moved[:, 1].min()),
        float(moved[:, 0].max()),
        float(moved[:, 1].max()),
    )


def _binary(image: Image) -> Image:
    """Ink as 255, paper as 0 (Otsu's threshold)."""
    _, found = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return found


def ruling(image: Image, scale: float) -> Lines:
    """The ruling lines of a straightened page: runs of ink at least ``MIN_HORIZONTAL``
    (``MIN_VERTICAL``) points long, found by opening the ink with a line as long, each
    (a connected run) one edge along its middle, or two along its sides when thicker than
    ``THIN``."""
    ink = _binary(image)
    edges: list[Edge] = []
    mask = np.zeros_like(ink)
    for orientation, length in (("h", MIN_HORIZONTAL), ("v", MIN_VERTICAL)):
        size = max(int(length * scale), 3)
        kernel = cv2.getStructuringElement(
            cv2.MORPH_RECT, (size, 1) if orientation == "h" else (1, size)
        )
        # Closed first along the line, so that a line broken by noise or JPEG is one run.
        gap = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1) if orientation == "h" else (1, 5))
        found = cv2.morphologyEx(
            cv2.morphologyEx(ink, cv2.MORPH_CLOSE, gap), cv2.MORPH_OPEN, kernel
        )
        mask |= found
        count, _, stats, _ = cv2.connectedComponentsWithStats(found, connectivity=8)
        for x, y, w, h, _ in stats[1:count]:
            edges.extend(_edges(orientation, x / scale, y / scale, w / scale, h / scale))
    grow = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
    return Lines(edges, cv2.dilate(mask, grow))


def clear_of(edges: list[Edge], text: list[Box]) -> list[Edge]:
    """``edges`` less the strokes of large print (a title's): an edge that runs through the
    middle of a box of ``text`` for most of its length is a stroke, not a ruling line
    (ruling lines run between the boxes of text, or cross one at its edge)."""
    kept = []
    for edge in edges:
        inside = 0.0
        for x0, top, x1, bottom in text:
            if edge.orientation == "h":
                middle = top + (bottom - top) / 4 < edge.position < bottom - (bottom - top) / 4
                low, high = x0, x1
            else:
                middle = x0 + (x1 - x0) / 8 < edge.position < x1 - (x1 - x0) / 8
                low, high = top, bottom
            if middle:
                inside += max(0.0, min(high, edge.end) - max(low, edge.start))
        if inside <= (edge.end - edge.start) / 2:
            kept.append(edge)
    return kept


def closed(edges: list[Edge]) -> list[Edge]:
    """``edges`` with the lines a table cut by a page break lacks: where two vertical lines
    or more end (or start) together and no horizontal line is there, a horizontal line
    across them (a scanner sees no side that the printer did not draw; a vector page's
    rectangles give one)."""
    horizontal = [edge for edge in edges if edge.orientation == "h"]
    ends: dict[float, list[float]] = {}
    for edge in edges:
        if edge.orientation == "v":
            for level in (edge.start, edge.end):
                at = next((k for k in ends if abs(k - level) <= CLOSE), level)
                ends.setdefault(at, []).append(edge.position)
    closing = []
    for level, xs in ends.items():
        if len(xs) < 2:
            continue
        x0, x1 = min(xs), max(xs)
        if not any(
            abs(edge.position - level) <= CLOSE
            and edge.start <= x0 + CLOSE
            and edge.end >= x1 - CLOSE
            for edge in horizontal
        ):
            closing.append(Edge("h", level, x0, x1))
    return [*edges, *closing]


def _edges(orientation: str, x: float, y: float, w: float, h: float) -> list[Edge]:
    if orientation == "h":
        sides = [y + h / 2] if h <= THIN else [y, y + h]
        return [Edge("h", side, x, x + w) for side in sides]
    sides = [x + w / 2] if w <= THIN else [x, x + w]
    return [Edge("v", side, y, y + h) for side in sides]


def ink(image: Image, lines: Image, box: Box, scale: float) -> Box | None:
    """The box (points) around the print inside ``box`` (a cell, its border and the
    ruling lines left out), specks of noise ignored; ``None`` when the cell has no ink."""
    x0, top, x1, bottom = _pixels(box, scale, inset=BORDER)
    if x1 - x0 < 2 or bottom - top < 2:
        return None
    region = _binary_at(image, x0, top, x1, bottom) & ~lines[top:bottom, x0:x1]
    count, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    least = MIN_INK * (scale / (200 / 72)) ** 2
    kept = [s for s in stats[1:count] if s[4] >= least]
    if not kept:
        return None
    left = min(int(s[0]) for s in kept)
    upper = min(int(s[1]) for s in kept)
    right = max(int(s[0] + s[2]) for s in kept)
    lower = max(int(s[1] + s[3]) for s in kept)
    return ((x0 + left) / scale, (top + upper) / scale, (x0 + right) / scale, (top + lower) / scale)


def _binary_at(image: Image, x0: int, top: int, x1: int, bottom: int) -> Image:
    """Ink in a part of the page: darker than Otsu's threshold for the part with some of the
    page around it, and than its paper by ``INK_CONTRAST`` (a blank cell has no ink for Otsu
    to find: its threshold falls in the paper's own noise)."""
    height, width = image.shape
    margin = 24
    outer = image[
        max(top - margin, 0) : min(bottom + margin, height),
        max(x0 - margin, 0) : min(x1 + margin, width),
    ]
    level, _ = cv2.threshold(outer, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    level = min(level, float(np.median(outer)) - INK_CONTRAST)
    _, found = cv2.threshold(image[top:bottom, x0:x1], level, 255, cv2.THRESH_BINARY_INV)
    return found


def crop(image: Image, lines: Image, box: Box, scale: float, view: int = 0) -> Image:
    """The part of the page around ``box`` (a cell's ink) with ``PADDING`` around it, ruling
    lines painted over with paper, as the three channels the recogniser takes. Another
    ``view`` of the same ink: view 1 with half the room (the print larger in the
    recogniser's 48 pixels of height), view 2 with twice the room, half as large again."""
    x0, top, x1, bottom = _pixels(box, scale, inset=-PADDING * (1, 0.5, 2)[view])
    part = image[top:bottom, x0:x1].copy()
    part[lines[top:bottom, x0:x1] > 0] = 255
    if view == 2:
        part = cv2.resize(part, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)
    return cv2.cvtColor(part, cv2.COLOR_GRAY2BGR)


def line_height(image: Image, scale: float) -> float | None:
    """The height (points, ``scale`` pixels a point) of the lines of print of a part of a
    page: the median run of rows with ink at least ``SMALLEST_PRINT`` high (a row with ink
    holds ``MIN_INK`` pixels of it or more, so that specks of noise make none; thinner runs
    are the ends of ruling lines); ``None`` when it has no such run."""
    rows = np.count_nonzero(_binary(image), axis=1) >= MIN_INK
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(np.int8), [0]))))
    runs = (edges[1::2] - edges[::2]) / scale
    runs = runs[runs >= SMALLEST_PRINT]
    return float(np.median(runs)) if len(runs) else None


def line_start(image: Image, box: tuple[int, int, int, int], times: float | None) -> Image:
    """The line of print in ``box`` (pixels of ``image``), or its start ``times`` its height
    wide, as the three channels the recogniser takes."""
    x0, top, x1, bottom = box
    if times is not None:
        x1 = min(x1, x0 + round(times * (bottom - top)))
    return cv2.cvtColor(image[top:bottom, x0:x1], cv2.COLOR_GRAY2BGR)


def region(
    image: Image, lines: Image | None, box: Box, scale: float, covered: list[Box]
) -> tuple[Image, float, float]:
    """The part of the page in ``box`` (points), the parts in ``covered`` painted over with
    paper, and the ruling lines too unless ``lines`` (their mask) is ``None``; and its left
    and top (points)."""
    x0, top, x1, bottom = _pixels(box, scale, inset=0.0)
    part = image[top:bottom, x0:x1].copy()
    if lines is not None:
        part[lines[top:bottom, x0:x1] > 0] = 255
    for left, upper, right, lower in covered:
        a, b, c, d = _pixels(
            (left - x0 / scale, upper - top / scale, right - x0 / scale, lower - top / scale),
            scale,
            inset=0.0,
        )
        part[b:d, a:c] = 255
    return part, x0 / scale, top / scale


def _pixels(box: Box, scale: float, inset: float) -> tuple[int, int, int, int]:
    """``box`` in whole pixels, ``inset`` points smaller each side (larger when negative),
    clipped to the image by the caller's slicing."""
    x0, top, x1, bottom = box
    return (
        max(round((x0 + inset) * scale), 0),
        max(round((top + inset) * scale), 0),
        max(round((x1 - inset) * scale), 0),
        max(round((bottom - inset) * scale), 0),
    )


def png(image: Image, box: Box, scale: float) -> bytes:
    """The part of ``image`` in ``box`` (points), ``PADDING`` around it, as a PNG file."""
    x0, top, x1, bottom = _pixels(box, scale, inset=-PADDING)
    done, encoded = cv2.imencode(".png", image[top:bottom, x0:x1])
    return bytes(encoded) if done else b""
