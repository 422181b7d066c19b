"""Wire letter photos into a Dispatcher: one reader per process, its router, its start-up line.

With LETTER_PHOTOS=false, or when a part of the OCR engine is missing, the router is left out
and photos reach the catch-all, which offers them to the staff; the log says which, once.
"""

from __future__ import annotations

import logging
from functools import cache

from aiogram import Dispatcher, Router

from bot.config import Settings
from bot.features.letters import router
from bot.features.letters.ocr import NoticeReader

logger = logging.getLogger(__name__)


@cache
def process_reader() -> NoticeReader:
    """The one reader of this process: its models are loaded once, on the first photo (~90 MiB)."""
    return NoticeReader()


def letter_routers(dp: Dispatcher, settings: Settings) -> list[Router]:
    """The letters router (to go in front of the conversation's catch-all), or none when off."""
    if not settings.letter_photos:
        logger.info("letter photos: off (LETTER_PHOTOS=false)")
        return []
    reader = process_reader()
    logger.info(reader.status_line())
    if reader.missing() is not None:
        return []
    dp["letters"] = reader

    async def close() -> None:
        reader.close()

    dp.shutdown.register(close)
    return [router.create_router()]
