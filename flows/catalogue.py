"""One catalogue for every user-facing text, keyed by message id, in gettext .po files.

The texts live in flows/locales/<lang>/LC_MESSAGES/<area>.po: the format translators and their
tools (Poedit, Weblate, Crowdin) know, read with Babel, the library aiogram's own i18n builds on.
They are monolingual: the msgid is the message id ("conv.why"), the msgstr the text, and
English is the source. A plural text has msgid_plural and one form per plural form of the
language (Plural-Forms in the header, from CLDR: two in English, three in Spanish, whose
"many" is for whole millions: "1 000 000 de días"); its count is the placeholder named by the
entry's "count:" comment, so ``t("plan.days", lang, days=3)`` picks the form by itself.

A key missing in another language falls back to English, and tests/flows/test_catalogue.py
fails when a language misses a key, a form or a placeholder, so the gap is seen before a
user sees English in a Spanish conversation. docs/texts.md says how to edit and translate.

Placeholders use str.format names. Callers that render HTML must escape values that came from
a user before passing them in.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cache
from gettext import GNUTranslations
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("en", "es")
DEFAULT_LANG = "en"
COUNT_NOTE = re.compile(r"^count: (\w+)$")
# Next to this module, not looked up by the package's name: a "flows" test package earlier on
# sys.path (a command run from tests/) must not hide the texts. The package ships them as data.
LOCALES = Path(__file__).resolve().parent / "locales"


@dataclass
class Texts:
    """One language's texts: gettext lookups, and which placeholder counts each plural text."""

    translations: GNUTranslations
    keys: set[str] = field(default_factory=set)
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> its text (or plural forms)
    counts: dict[str, str] = field(default_factory=dict)  # plural key -> its count placeholder
    areas: dict[str, str] = field(default_factory=dict)  # key -> the .po file (area) it is in


def po_files(lang: str) -> list[tuple[str, bytes]]:
    """(area, content) of every .po file of a language, in name order."""
    folder = LOCALES / lang / "LC_MESSAGES"
    if not folder.is_dir():
        return []
    found = [(entry.name[: -len(".po")], entry.read_bytes()) for entry in folder.iterdir()]
    return sorted((area, data) for area, data in found if not area.startswith("."))


def read_catalogs(lang: str) -> list[tuple[str, Catalog]]:
    return [(area, read_po(io.BytesIO(data), locale=lang, domain=area)) for area, data in po_files(lang)]


@cache
def _load(lang: str) -> Texts:
    merged = Catalog(locale=lang, fuzzy=False)
    texts = Texts(translations=GNUTranslations())
    for area, catalog in read_catalogs(lang):
        for entry in catalog:
            if not entry.id:
                continue  # the header
            key = str(entry.id if isinstance(entry.id, str) else entry.id[0])
            if key in texts.areas:
                raise RuntimeError(f"text id {key!r} defined in both {texts.areas[key]} and {area}")
            texts.areas[key] = area
            raw = entry.string if isinstance(entry.string, (tuple, list)) else (entry.string,)
            forms = tuple(str(form or "") for form in raw)
            if entry.fuzzy or not all(forms):
                continue  # untranslated or marked for review: English is shown instead
            texts.keys.add(key)
            texts.forms[key] = forms
            for note in entry.auto_comments:
                match = COUNT_NOTE.match(note.strip())
                if match:
                    texts.counts[key] = match.group(1)
            merged.add(entry.id, entry.string)
    compiled = io.BytesIO()
    write_mo(compiled, merged)
    compiled.seek(0)
    texts.translations = GNUTranslations(compiled)
    return texts


def normalize_lang(code: str | None) -> str:
    """Map a Telegram language_code ("es-MX", "en") onto a supported language."""
    if not code:
        return DEFAULT_LANG
    base = code.split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANG


def count_of(value: object) -> int:
    """The number a count placeholder holds: an int, or a number already formatted ("1,000")."""
    if isinstance(value, int):
        return value
    digits = re.sub(r"[^\d]", "", str(value).split(".")[0])
    return int(digits) if digits else 0


def t(key: str, lang: str = DEFAULT_LANG, /, **kwargs: object) -> str:
    texts = _load(lang) if lang in LANGUAGES else _load(DEFAULT_LANG)
    if key not in texts.keys:
        texts = _load(DEFAULT_LANG)
        if key not in texts.keys:
            raise KeyError(f"unknown text id {key!r}")
    count = texts.counts.get(key) or _load(DEFAULT_LANG).counts.get(key)
    if count is not None:
        if count not in kwargs:
            raise KeyError(f"text id {key!r} counts {{{count}}}, which was not given")
        template = texts.translations.ngettext(key, key, count_of(kwargs[count]))
    else:
        template = texts.translations.gettext(key)
    return template.format(**kwargs) if kwargs else template


def keys(lang: str = DEFAULT_LANG) -> set[str]:
    """The ids with a text in this language (a plural text counts once)."""
    return set(_load(lang).keys)


def plural_keys(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Plural ids and the placeholder each one counts."""
    return dict(_load(lang).counts)


def templates(lang: str, area: str | None = None) -> dict[str, tuple[str, ...]]:
    """The texts of a language as written (a plural text: all its forms), of one area or all."""
    texts = _load(lang)
    return {k: v for k, v in texts.forms.items() if area is None or texts.areas[k] == area}
