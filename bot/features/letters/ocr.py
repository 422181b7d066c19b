"""Read an IRS notice from a photo or a PDF on this machine, with RapidOCR (ONNX Runtime, CPU).

Why RapidOCR: its detection and recognition models (PP-OCRv4) ship inside the PyPI wheel, so
nothing is fetched at run time, and ONNX Runtime runs them on a plain CPU. What the text means
is decided by ``flows.notices``; this module only finds the text and where it sits.

Why one worker thread (not a process): ONNX Runtime and OpenCV release the GIL while they
compute, so the event loop keeps serving other chats while a photo is read, without a second
copy of the models in another process or pickling the image across. One worker and one ONNX
thread mean a photo never takes more than one core of the bot's machine, and PDFium (not
thread-safe) is only ever called from that thread. Reads beyond ``max_pending`` are refused
as busy instead of queueing without bound.

Privacy: the image, the OCR text and the boxes live only in this call's memory; nothing is
written to disk, and the log says only the outcome ("read CP504", "not an IRS notice",
"unreadable").
"""

from __future__ import annotations

import asyncio
import ctypes
import importlib.util
import logging
import math
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from bot.features.letters.images import ImageRefused, Refusal, load_page
from flows.notices import NoticeParseError, NoticeReading, TextLine, read_notice
from flows.notices import ReadOutcome as Outcome

logger = logging.getLogger(__name__)

# What the reader needs, as (module, the package that installs it).
_PARTS = (
    ("rapidocr_onnxruntime", "rapidocr_onnxruntime"),
    ("onnxruntime", "onnxruntime"),
    ("cv2", "opencv-python"),
    ("pypdfium2", "pypdfium2"),
    ("PIL", "Pillow"),
)
MIN_SCORE = 0.5  # recognition confidence below which a piece of text is dropped as noise
MIN_TEXT_LAYER_CHARS = 40  # a PDF with less own text than this is a scan: OCR it


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    reading: NoticeReading | None = None


_REFUSALS = {
    Refusal.TOO_LARGE: Outcome.TOO_LARGE,
    Refusal.UNSUPPORTED: Outcome.UNSUPPORTED,
    Refusal.UNREADABLE: Outcome.UNREADABLE,
}


def upright_lines(found: Sequence[Any]) -> list[TextLine]:
    """RapidOCR's (quad, text, score) triples as TextLines with boxes on a deskewed page.

    A photo is rarely square to the camera; rows of a table then climb or fall across the page
    and a label would meet the value of another row. The page's skew is the median slope of
    the long boxes' top edges; rotating every box back by it makes rows level again.
    """
    slopes: list[float] = []
    for quad, _text, _score in found:
        (x0, y0), (x1, y1) = quad[0], quad[1]
        width = math.hypot(x1 - x0, y1 - y0)
        height = math.hypot(quad[3][0] - x0, quad[3][1] - y0)
        if width > 2 * height and x1 > x0:
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    angle = sorted(slopes)[len(slopes) // 2] if slopes else 0.0
    cos, sin = math.cos(-angle), math.sin(-angle)
    lines: list[TextLine] = []
    for quad, text, score in found:
        if float(score) < MIN_SCORE or not str(text).strip():
            continue
        xs = [x * cos - y * sin for x, y in quad]
        ys = [x * sin + y * cos for x, y in quad]
        lines.append(TextLine(str(text), (min(xs), min(ys), max(xs), max(ys))))
    return lines


def _libc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None  # not glibc (musl, macOS): nothing to trim, nothing lost


_MALLOC_TRIM = _libc_trim()


def release_freed_memory() -> None:
    """Give the OCR's freed working memory (text detection's tensors for a whole page) back to the system.

    ONNX Runtime's tensors for one page are freed after each read, but glibc keeps freed heap
    in the worker thread's arena, so without a trim the bot's resident memory stays at its
    high-water mark between photos.
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


class NoticeReader:
    """Loads the OCR engine once; ``read``/``examine`` run one photo at a time on a worker thread."""

    def __init__(self, *, threads: int = 1, max_pending: int = 4) -> None:
        self.threads = threads
        self.max_pending = max_pending
        self._engine: Any = None
        self._reason: str | None = None
        self._checked = False
        self._load_lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._pending = 0

    # --- start-up ---

    def missing(self) -> str | None:
        """Why letter photos cannot work on this machine (a part not installed), without loading
        anything: the start-up log line says it at once, and the engine loads on the first photo."""
        if self._checked:
            return self._reason
        for module, package in _PARTS:
            try:
                found = importlib.util.find_spec(module) is not None
            except (ImportError, ValueError, AttributeError):  # a module set to None: as if not installed
                found = False
            if not found:
                return f"{package} is not installed"
        return None

    def available(self) -> bool:
        """Load the engine if it can be (once; the worker thread calls this on the first photo)."""
        with self._load_lock:
            if not self._checked:
                self._engine, self._reason = self._load()
                self._checked = True
        return self._engine is not None

    @property
    def loaded(self) -> bool:
        """The engine is in memory (after the first photo, or ``available()``)."""
        return self._engine is not None

    @property
    def reason(self) -> str | None:
        """Why letter photos are off; None when they are on (loads the engine to be sure)."""
        self.available()
        return self._reason

    def status_line(self) -> str:
        missing = self.missing()
        if missing is None:
            return "letter photos: on (RapidOCR on this machine's CPU; the engine loads on the first photo)"
        return f"letter photos: off ({missing})"

    def _load(self) -> tuple[Any, str | None]:
        try:
            import cv2
            from rapidocr_onnxruntime import RapidOCR  # first: its absence is the usual reason
        except ImportError as error:
            if error.name:
                return None, f"{error.name} is not installed"
            return None, f"OCR engine failed to import: {error}"  # e.g. a system library OpenCV needs
        except Exception as error:  # noqa: BLE001 - e.g. a missing system library behind OpenCV
            return None, f"OCR engine failed to import: {type(error).__name__}"
        try:
            import pypdfium2  # noqa: F401 - checked here so a missing PDF renderer is said at start-up
        except ImportError:
            return None, "pypdfium2 is not installed"
        try:
            cv2.setNumThreads(self.threads)
            # The page arrives already scaled (bot.features.letters.images.WORK_SIDE); "min" with a tiny limit
            # keeps detection at that size instead of the engine's own 2000-pixel default. One text
            # line per recognition batch avoids padding short lines to the longest one's width.
            engine = RapidOCR(
                intra_op_num_threads=self.threads,
                inter_op_num_threads=1,
                det_limit_type="min",
                det_limit_side_len=32,
                rec_batch_num=1,
            )
        except Exception as error:  # noqa: BLE001 - a broken model file or runtime: say so and stay off
            return None, f"OCR engine failed to load: {type(error).__name__}"
        return engine, None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    # --- reading ---

    async def read(self, data: bytes, mime: str | None, *, today: date | None = None) -> NoticeReading | None:
        """The notice on the photo or PDF, or None (not a notice, unreadable, refused, busy, off).

        ``today`` lets the parser drop a notice date in the future as a misread.
        """
        return (await self.examine(data, mime, today=today)).reading

    async def examine(self, data: bytes, mime: str | None, *, today: date | None = None) -> Result:
        """Like ``read`` but says why there is no reading, for a specific reply."""
        if self.missing() is not None:
            return Result(Outcome.OFF)
        if self._pending >= self.max_pending:
            logger.info("letter photo: busy")
            return Result(Outcome.BUSY)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="letters-ocr")
        self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(
                self._executor, partial(self.examine_now, data, mime, today=today)
            )
        finally:
            self._pending -= 1

    def examine_now(self, data: bytes, mime: str | None, *, today: date | None = None) -> Result:
        """The whole read in the calling thread (the worker; the benchmark calls it directly)."""
        if not self.available():
            return Result(Outcome.OFF)
        try:
            result = self._examine(data, mime, today)
        finally:
            release_freed_memory()
        if result.reading is not None:
            logger.info("letter photo: read %s", result.reading.code)
        else:
            logger.info("letter photo: %s", result.outcome.value)
        return result

    def _examine(self, data: bytes, mime: str | None, today: date | None) -> Result:
        try:
            page = load_page(data, mime)
        except ImageRefused as refused:
            return Result(_REFUSALS[refused.reason])
        try:
            if page.text_layer is not None and len(page.text_layer.strip()) >= MIN_TEXT_LAYER_CHARS:
                reading = read_notice(page.text_layer.splitlines(), today=today)
                if reading is not None:
                    return Result(Outcome.READ, reading)
            found = self.ocr_lines(page.image)
            if not found:
                return Result(Outcome.UNREADABLE)
            reading = read_notice(found, today=today)
        except NoticeParseError:
            return Result(Outcome.UNREADABLE)
        except Exception as error:  # noqa: BLE001 - an engine fault must not reach the chat; no text is logged
            logger.warning("letter photo: OCR failed (%s)", type(error).__name__)
            return Result(Outcome.UNREADABLE)
        return Result(Outcome.READ, reading) if reading is not None else Result(Outcome.NOT_A_NOTICE)

    def ocr_lines(self, image: Any) -> list[TextLine]:
        """The text on a page image (PIL, RGB) as upright TextLines; [] when none was found."""
        found, _elapsed = self._engine(image, use_cls=False)
        return upright_lines(found) if found else []
