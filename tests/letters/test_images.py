"""bot.features.letters.images: what a person may send, and what is refused before any pixel is decoded."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bot.features.letters import images
from bot.features.letters.images import ImageRefused, Refusal, load_page, sniff
from tests.letters import synth


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


PAGE = Image.new("RGB", (850, 1100), "white")


@pytest.mark.parametrize(
    ("fmt", "kind"), [("JPEG", "jpeg"), ("PNG", "png"), ("WEBP", "webp"), ("PDF", "pdf")]
)
def test_photos_and_pdfs_are_recognised_by_their_bytes(fmt: str, kind: str) -> None:
    data = encoded(PAGE, fmt)
    assert sniff(data) == kind
    page = load_page(data, None)
    assert page.image.mode == "RGB"
    assert max(page.image.size) <= images.WORK_SIDE


def test_a_declared_type_does_not_decide_the_format() -> None:
    # Telegram passes on what the sender's phone said; a PNG sent as image/jpeg is still read.
    assert load_page(encoded(PAGE, "PNG"), "image/jpeg").image.size[1] > 0


def test_a_large_photo_is_scaled_to_the_ocr_size_keeping_its_shape() -> None:
    page = load_page(encoded(Image.new("RGB", (3000, 4000), "white"), "JPEG"), "image/jpeg")
    assert max(page.image.size) == images.WORK_SIDE
    assert page.image.size[0] / page.image.size[1] == pytest.approx(0.75, abs=0.01)


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 degrees: the phone held upright, the sensor sideways
    data = encoded(Image.new("RGB", (1200, 900), "white"), "JPEG", exif=exif)
    width, height = load_page(data, "image/jpeg").image.size
    assert height > width


def refusal(data: bytes, mime: str | None = None) -> Refusal:
    with pytest.raises(ImageRefused) as raised:
        load_page(data, mime)
    return raised.value.reason


def test_too_many_bytes_are_refused_before_decoding() -> None:
    assert refusal(b"\xff\xd8\xff" + b"\0" * (images.MAX_BYTES + 1)) == Refusal.TOO_LARGE


def test_too_many_pixels_are_refused_from_the_header() -> None:
    # 100 megapixels in a few kilobytes: a decompression bomb's shape
    data = encoded(Image.new("1", (10_000, 10_000)), "PNG")
    assert len(data) < 100_000
    assert refusal(data) == Refusal.TOO_LARGE


@pytest.mark.parametrize(
    ("data", "mime"),
    [
        (b"hello, this is text", None),
        (b"", None),
        (encoded(PAGE, "GIF"), "image/gif"),
        (encoded(PAGE, "BMP"), None),
        (encoded(PAGE, "PNG"), "text/plain"),  # declared as something that is not a picture
        (encoded(PAGE, "PNG"), "video/mp4"),
    ],
)
def test_what_is_not_a_photo_or_a_pdf_is_unsupported(data: bytes, mime: str | None) -> None:
    assert refusal(data, mime) == Refusal.UNSUPPORTED


@pytest.mark.parametrize(
    "data",
    [
        encoded(PAGE, "JPEG")[:200],  # cut short
        b"\x89PNG\r\n\x1a\n" + b"garbage" * 10,
        b"%PDF-1.7\n garbage, not a PDF",
        b"RIFF\0\0\0\0WEBPVP8 nonsense",
    ],
)
def test_broken_files_are_unreadable_not_a_crash(data: bytes) -> None:
    assert refusal(data) == Refusal.UNREADABLE


def test_a_pdf_page_is_rendered_at_the_ocr_size() -> None:
    page = load_page(synth.text_pdf([]), "application/pdf")
    assert max(page.image.size) == images.WORK_SIDE
    assert page.text_layer is None


def test_a_pdf_text_layer_is_kept_for_reading_without_ocr() -> None:
    page = load_page(synth.text_pdf(["Notice CP504"]), "application/pdf")
    assert page.text_layer is not None and "CP504" in page.text_layer


def test_an_absurd_pdf_page_size_is_refused() -> None:
    assert refusal(synth.text_pdf([], 100_000, 100_000), "application/pdf") == Refusal.TOO_LARGE
