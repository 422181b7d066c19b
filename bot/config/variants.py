"""The A/B variants file (bot/config/variants.toml by default, VARIANTS_FILE to override).

Why a data file: the marketing team changes these texts far more often than the code, and
one file keeps every variant in both languages side by side. What the variants are and how
they are chosen is the conversation's (flows/variants.py); this reads and caches the file.
"""

from __future__ import annotations

import logging
import tomllib
from functools import lru_cache
from pathlib import Path

from flows.variants import VariantBook, VariantFileError, parse_variants

logger = logging.getLogger(__name__)

DEFAULT_FILE = Path(__file__).with_name("variants.toml")


def load_variants(path: str | Path | None = None) -> VariantBook:
    """Read and validate the file; re-read only when it changes on disk."""
    file = Path(path) if path else DEFAULT_FILE
    try:
        stat = file.stat()
    except FileNotFoundError as exc:
        raise VariantFileError(f"variants file not found: {file}") from exc
    # Size as well as mtime: a quick edit can land within the filesystem's mtime resolution.
    return load_cached(str(file), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def load_cached(path: str, mtime_ns: int, size: int) -> VariantBook:
    """The file's book; the modification time and size are only the cache's key."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise VariantFileError(f"{path}: {exc}") from exc
    return parse_variants(data)


def load_or_empty(path: str | Path | None = None) -> VariantBook:
    """For the running bot: a broken file logs an error and the default texts are used.

    A typo in the marketing file must not stop people from being screened; the
    error is loud in the log, and the CLI/tests load with :func:`load_variants`.
    """
    try:
        return load_variants(path)
    except VariantFileError:
        logger.exception("variants file unusable; using the default greeting and call to action")
        return VariantBook()
