"""One catalogue for every user-facing text, keyed by message id.

Each section module under flows/texts/ defines TEXTS = {"en": {...}, "es": {...}}.
English is the reference: a key missing in another language falls back to English,
and tests/flows/test_catalogue.py fails when a language misses a key, so the gap
is seen before a user sees English in a Spanish conversation.

Placeholders use str.format names. Callers that render HTML must escape values
that came from a user before passing them in.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from flows import texts as _texts_pkg

LANGUAGES = ("en", "es")
DEFAULT_LANG = "en"


@cache
def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    owner: dict[str, str] = {}
    for info in pkgutil.iter_modules(_texts_pkg.__path__):
        module = importlib.import_module(f"{_texts_pkg.__name__}.{info.name}")
        section: dict[str, dict[str, str]] = getattr(module, "TEXTS", {})
        for lang, entries in section.items():
            for key, value in entries.items():
                if lang == DEFAULT_LANG:
                    if key in owner:
                        raise RuntimeError(f"text id {key!r} defined in both {owner[key]} and {info.name}")
                    owner[key] = info.name
                merged.setdefault(lang, {})[key] = value
    return merged


def normalize_lang(code: str | None) -> str:
    """Map a Telegram language_code ("es-MX", "en") onto a supported language."""
    if not code:
        return DEFAULT_LANG
    base = code.split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, /, **kwargs: object) -> str:
    texts = _load()
    template = texts.get(lang, {}).get(key)
    if template is None:
        template = texts[DEFAULT_LANG].get(key)
    if template is None:
        raise KeyError(f"unknown text id {key!r}")
    return template.format(**kwargs) if kwargs else template


def keys(lang: str = DEFAULT_LANG) -> set[str]:
    return set(_load().get(lang, {}))
