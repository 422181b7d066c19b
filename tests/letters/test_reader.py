"""bot.features.letters.ocr: synthetic notice photos end to end through the real OCR engine.

A handful of pictures only (each read takes a second or two on one core); the accuracy over
many layouts, fonts and photo treatments is measured by bench/ocr_bench.py.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from bot.features.letters.ocr import NoticeReader, Outcome
from flows.answers import Letter
from tests.letters import synth


@pytest.fixture(scope="module")
def reader() -> Iterator[NoticeReader]:
    reader = NoticeReader()
    if not reader.available():
        pytest.skip(reader.status_line())
    yield reader
    reader.close()


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_a_cp504_photo_is_read_with_its_date_and_amount(reader: NoticeReader) -> None:
    sample = synth.clean_notice("CP504", seed=3, fmt="jpeg")
    result = reader.examine_now(sample.data, sample.mime)
    assert result.outcome == Outcome.READ and result.reading is not None
    got = result.reading
    assert (got.code, got.letter) == ("CP504", Letter.CP504)
    assert got.notice_date == sample.truth.notice_date
    assert got.amount_due == sample.truth.amount_due


def test_a_spanish_lien_letter_is_read_with_its_hearing_deadline(reader: NoticeReader) -> None:
    sample = synth.clean_notice("Letter 3172", seed=5, lang="es", fmt="png")
    got = reader.examine_now(sample.data, sample.mime).reading
    assert got is not None
    assert (got.code, got.letter) == ("Letter 3172", Letter.LIEN_3172)
    assert (got.notice_date, got.amount_due, got.respond_by) == (
        sample.truth.notice_date,
        sample.truth.amount_due,
        sample.truth.respond_by,
    )


def test_a_scanned_pdf_is_read_from_its_first_page(reader: NoticeReader) -> None:
    sample = synth.clean_notice("CP2000", seed=8, fmt="pdf", photo=False)
    assert sample.mime == "application/pdf"
    got = reader.examine_now(sample.data, sample.mime).reading
    assert got is not None
    assert (got.code, got.letter, got.amount_due) == ("CP2000", Letter.CP2000, sample.truth.amount_due)


def test_a_pdf_with_its_own_text_is_read_without_ocr(
    reader: NoticeReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_ocr(image: object) -> list[object]:
        raise AssertionError("the text layer should have been enough")

    monkeypatch.setattr(reader, "ocr_lines", no_ocr)
    data = synth.text_pdf(
        [
            "Department of the Treasury",
            "Internal Revenue Service",
            "Notice CP504",
            "Notice date November 3, 2026",
            "Social Security number 987-65-4321",
            "Amount due immediately: $52,318.40",
        ]  # fmt: skip
    )
    result = reader.examine_now(data, "application/pdf")
    assert result.reading is not None
    assert (result.reading.code, result.reading.notice_date, result.reading.amount_due) == (
        "CP504",
        date(2026, 11, 3),
        Decimal("52318.40"),
    )
    assert "987654321" not in digits(repr(result))


def test_an_ssn_printed_on_the_notice_never_comes_back(
    reader: NoticeReader, caplog: pytest.LogCaptureFixture
) -> None:
    ssn = "987-65-4321"
    sample = synth.clean_notice("CP14", seed=11, ssn=ssn, fmt="png")
    with caplog.at_level(logging.DEBUG):
        result = reader.examine_now(sample.data, sample.mime)
    assert result.reading is not None and result.reading.code == "CP14"
    assert digits(ssn) not in digits(repr(result))
    # the log says the outcome and nothing that was on the page
    assert [r.getMessage() for r in caplog.records if r.name.startswith("bot.features.letters")] == [
        "letter photo: read CP14"
    ]
    assert not any(digits(ssn) in digits(r.getMessage()) for r in caplog.records)


@pytest.mark.parametrize("kind", ["blurry", "non_irs"])
def test_a_blurred_notice_or_another_letter_gives_no_reading(reader: NoticeReader, kind: str) -> None:
    sample = synth.distractor(random.Random(4), kind)
    result = reader.examine_now(sample.data, sample.mime)
    assert result.reading is None
    assert result.outcome in (Outcome.NOT_A_NOTICE, Outcome.UNREADABLE)
    assert digits(str(sample.truth.ssn)) not in digits(repr(result))


async def test_reading_runs_off_the_event_loop(reader: NoticeReader) -> None:
    sample = synth.clean_notice("CP501", seed=2, fmt="jpeg")
    ticks = 0
    done = asyncio.Event()

    async def tick() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    ticker = asyncio.create_task(tick())
    reading = await reader.read(sample.data, sample.mime)
    done.set()
    await ticker
    assert reading is not None and reading.code == "CP501"
    assert ticks >= 5  # the loop kept turning while the photo was read


async def test_refusals_and_a_full_queue_are_outcomes_not_errors(reader: NoticeReader) -> None:
    assert (await reader.examine(b"not a picture", "image/jpeg")).outcome == Outcome.UNSUPPORTED
    assert (await reader.examine(b"\xff\xd8\xff" + b"\0" * 100, "image/jpeg")).outcome == Outcome.UNREADABLE
    assert await reader.read(b"not a picture", None) is None
    busy = NoticeReader(max_pending=0)
    assert busy.available()
    assert (await busy.examine(b"", None)).outcome == Outcome.BUSY
    busy.close()


def test_without_the_engine_letter_photos_are_off_with_one_clear_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import now fails as if not installed
    off = NoticeReader()
    assert off.missing() == "rapidocr_onnxruntime is not installed"  # said at start-up without loading
    assert off.available() is False
    assert off.status_line() == "letter photos: off (rapidocr_onnxruntime is not installed)"
    assert asyncio.run(off.examine(b"", None)).outcome == Outcome.OFF


def test_the_start_up_line_loads_nothing() -> None:
    lazy = NoticeReader()
    assert lazy.status_line().startswith("letter photos: on")
    assert lazy.missing() is None and not lazy.loaded
