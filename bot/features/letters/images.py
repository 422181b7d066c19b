"""Turn the bytes a person sent (a photo, an image file or a PDF) into one upright page image.

The MIME type Telegram reports comes from the sender's device, so the format is decided by the
file's own first bytes; a declared type only refuses what is plainly not a picture or a PDF.
Limits are checked before anything is decoded (bytes) and before pixels are allocated (width
x height from the header), so a crafted file cannot make the bot allocate gigabytes. Phone
photos carry their orientation in EXIF, which is applied. Everything stays in memory.

pypdfium2 (PDFium) is not thread-safe: only the OCR worker thread may call into it, which
``bot.features.letters.ocr`` guarantees by running every read on its single worker.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 20 * 1024 * 1024  # Telegram's Bot API hands bots files up to 20 MB
MAX_PIXELS = 60_000_000  # a 48-megapixel phone photo fits; a decompression bomb does not
MAX_PDF_SIDE_POINTS = 14_400  # 200 inches: PDFium's own page limit; a letter is 612 x 792
WORK_SIDE = 1280  # long side the OCR sees: letter-size body text stays ~15 px high, detection stays fast


class Refusal(StrEnum):
    TOO_LARGE = "too large"
    UNSUPPORTED = "not a photo or a PDF"
    UNREADABLE = "could not be decoded"


class ImageRefused(Exception):
    """The input cannot become a page image; ``reason`` says why (and holds none of its content)."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Page:
    image: Image.Image  # RGB, upright, long side <= WORK_SIDE
    text_layer: str | None  # a PDF's own text, when it has one (then OCR may not be needed)


_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
_ACCEPTED_MIME = ("image/", "application/pdf", "application/octet-stream")


def sniff(data: bytes) -> str | None:
    """'pdf', 'jpeg', 'png' or 'webp' from the file's signature; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def load_page(data: bytes, mime: str | None) -> Page:
    """The first page, upright and scaled for OCR; raises ImageRefused."""
    if len(data) > MAX_BYTES:
        raise ImageRefused(Refusal.TOO_LARGE)
    if mime is not None and not mime.lower().startswith(_ACCEPTED_MIME):
        raise ImageRefused(Refusal.UNSUPPORTED)
    kind = sniff(data)
    if kind is None:
        raise ImageRefused(Refusal.UNSUPPORTED)
    if kind == "pdf":
        return _pdf_page(data)
    return Page(_photo(data), None)


def _fit(image: Image.Image) -> Image.Image:
    image = image.convert("RGB")
    if max(image.size) > WORK_SIDE:
        image.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.LANCZOS)
    return image


def _photo(data: bytes) -> Image.Image:
    failed = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.format not in _IMAGE_FORMATS:
                raise ImageRefused(Refusal.UNSUPPORTED)
            width, height = opened.size
            if width * height > MAX_PIXELS or min(width, height) < 1:
                raise ImageRefused(Refusal.TOO_LARGE)
            if opened.format == "JPEG":
                opened.draft("RGB", (WORK_SIDE, WORK_SIDE))  # decode at 1/2..1/8 scale: far less work
            return _fit(ImageOps.exif_transpose(opened))
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused(Refusal.TOO_LARGE) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        failed = True
    if failed:
        raise ImageRefused(Refusal.UNREADABLE)
    raise AssertionError("unreachable")  # pragma: no cover


def _pdf_page(data: bytes) -> Page:
    import pypdfium2 as pdfium

    failed = False
    try:
        document = pdfium.PdfDocument(data)
        try:
            if len(document) < 1:
                raise ImageRefused(Refusal.UNREADABLE)
            page = document[0]
            width, height = page.get_size()
            if not (0 < width <= MAX_PDF_SIDE_POINTS and 0 < height <= MAX_PDF_SIDE_POINTS):
                raise ImageRefused(Refusal.TOO_LARGE)
            text_page = page.get_textpage()
            text = text_page.get_text_range()
            text_page.close()
            scale = WORK_SIDE / max(width, height)
            bitmap = page.render(scale=scale)
            image = bitmap.to_pil().convert("RGB")
            bitmap.close()
            page.close()
        finally:
            document.close()
        return Page(_fit(image), text if text and text.strip() else None)
    except ImageRefused:
        raise
    except Exception:  # noqa: BLE001 - pdfium raises PdfiumError and others; the message is not kept
        failed = True
    if failed:
        raise ImageRefused(Refusal.UNREADABLE)
    raise AssertionError("unreachable")  # pragma: no cover
