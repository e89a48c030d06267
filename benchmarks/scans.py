"""Scanned PDFs made from PDFs with text, for the OCR tests and benchmark: each page
rendered with pypdfium2 and, for a degraded scan, spoilt as a poor scanner spoils paper
(turned, noisy, speckled, blurred, saved as a low-quality JPEG), then written back as a PDF
of images only, as a scanner writes one (Pillow).

    .venv/bin/python benchmarks/scans.py in.pdf out.pdf [--degraded] [--pages 3,4]
"""

from __future__ import annotations

import argparse
import io
import random
from collections.abc import Iterable
from pathlib import Path

import pypdfium2
from PIL import Image, ImageFilter

#: How each kind of scan is made: resolution (dots per inch), and for a degraded one the
#: turn (degrees), the noise (standard deviation of grey levels), the speckles per page,
#: the blur (radius, pixels) and the JPEG quality.
CLEAN = {"dpi": 150}
DEGRADED = {"dpi": 200, "turn": 1.0, "noise": 12, "speckles": 400, "blur": 0.8, "quality": 40}


def scanned(
    pdf: bytes, *, degraded: bool = False, pages: Iterable[int] | None = None, seed: int = 0
) -> bytes:
    """``pdf`` as a scanned PDF: every page (or only ``pages``, numbered from 1, the others
    kept as they are) an image of itself, degraded when asked."""
    document = pypdfium2.PdfDocument(pdf)
    chosen = set(pages) if pages is not None else set(range(1, len(document) + 1))
    if not chosen.issuperset(range(1, len(document) + 1)):
        return _mixed(pdf, document, chosen, degraded, seed)
    images = [page_image(document[i], degraded, seed + i) for i in range(len(document))]
    return _pdf(images, DEGRADED["dpi"] if degraded else CLEAN["dpi"])


def page_image(page: pypdfium2.PdfPage, degraded: bool = False, seed: int = 0) -> Image.Image:
    """A page as a scanner gives it: in colour at ``CLEAN``'s resolution, or in grey at
    ``DEGRADED``'s and spoilt."""
    if not degraded:
        return page.render(scale=CLEAN["dpi"] / 72).to_pil().convert("RGB")
    image = page.render(scale=DEGRADED["dpi"] / 72, grayscale=True).to_pil().convert("L")
    return degrade(image, seed)


def degrade(image: Image.Image, seed: int = 0) -> Image.Image:
    """``image`` turned, noisy, speckled, blurred and compressed as ``DEGRADED`` says."""
    chance = random.Random(seed)
    image = image.rotate(DEGRADED["turn"], resample=Image.Resampling.BICUBIC, fillcolor=255)
    width, height = image.size
    noise = Image.effect_noise((width, height), DEGRADED["noise"])
    image = Image.blend(image, noise, 0.15)
    pixels = image.load()
    assert pixels is not None
    for _ in range(int(DEGRADED["speckles"])):
        x, y = chance.randrange(1, width - 1), chance.randrange(1, height - 1)
        for dx in (0, 1) if chance.random() < 0.5 else (0,):
            pixels[x + dx, y] = chance.randrange(0, 90)
    image = image.filter(ImageFilter.GaussianBlur(DEGRADED["blur"]))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=int(DEGRADED["quality"]))
    return Image.open(io.BytesIO(out.getvalue())).convert("L")


def _pdf(images: list[Image.Image], dpi: float) -> bytes:
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def _mixed(
    pdf: bytes, document: pypdfium2.PdfDocument, chosen: set[int], degraded: bool, seed: int
) -> bytes:
    """``pdf`` with the pages of ``chosen`` replaced by their scans, the others kept."""
    dpi = DEGRADED["dpi"] if degraded else CLEAN["dpi"]
    result = pypdfium2.PdfDocument.new()
    for number in range(1, len(document) + 1):
        if number in chosen:
            image = page_image(document[number - 1], degraded, seed + number)
            result.import_pages(pypdfium2.PdfDocument(_pdf([image], dpi)))
        else:
            result.import_pages(document, [number - 1])
    out = io.BytesIO()
    result.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--degraded", action="store_true")
    parser.add_argument("--pages", help="the pages to scan, e.g. 3,4 (default: all)")
    args = parser.parse_args()
    pages = [int(n) for n in args.pages.split(",")] if args.pages else None
    args.output.write_bytes(scanned(args.source.read_bytes(), degraded=args.degraded, pages=pages))


if __name__ == "__main__":
    main()
