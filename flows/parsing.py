"""Turn what people type into typed values: money, counts, dates, yes/no, choices.

Why a hand-written parser instead of asking for a strict format: people on a
phone type "52k", "about 50 thousand", "50 mil" or "2 weeks ago", and every
re-prompt costs a lead. So each parser accepts the forms people actually use
in English and Spanish, and rejects the rest with a *specific* reason.

Errors are raised as ``ParseError(msg_id, params)`` rather than sentences so the
engine can render them in the conversation's language from the catalogue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

MONEY_MAX = Decimal("100000000")
EARLIEST_DATE = date(2000, 1, 1)


@dataclass
class ParseError(ValueError):
    """A rejected answer: a catalogue message id plus the values it needs."""

    msg_id: str
    params: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:  # pragma: no cover - debugging aid only
        return f"{self.msg_id} {self.params}"


def normalize(text: str) -> str:
    """Lower-case, strip accents and squeeze spaces: "  Sí " -> "si", "Ñ" -> "n"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


# ---------------------------------------------------------------- money

# Words around a number that carry no value: "about $50k dollars", "unos 50 mil".
_FILLER = (
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "almost",
    "nearly",
    "maybe",
    "like",
    "just",
    "over",
    "under",
    "less than",
    "more than",
    "i owe",
    "we owe",
    "usd",
    "us",
    "dollars",
    "dollar",
    "bucks",
    "a month",
    "per month",
    "/month",
    "/mo",
    "monthly",
    "aproximadamente",
    "alrededor de",
    "cerca de",
    "como",
    "unos",
    "unas",
    "mas o menos",
    "casi",
    "debo",
    "dolares",
    "dolar",
    "al mes",
    "por mes",
    "mensuales",
)
_FILLER_RE = re.compile(
    r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in sorted(_FILLER, key=len, reverse=True)) + r")(?![a-z])"
)

_ZERO_WORDS = {"none", "nothing", "zero", "nil", "no", "nada", "cero", "ninguno", "ninguna", "0"}

_THOUSAND = {"k", "thousand", "thousands", "grand", "mil", "miles"}
_MILLION = {"m", "mm", "million", "millions", "millon", "millones"}

_MONEY_RE = re.compile(r"^(?P<num>\d[\d.,\s]*)\s*(?P<mult>[a-z]+)?$")


def _plain_number(raw: str) -> Decimal:
    """Read a number written with thousands separators in English or Spanish style.

    A separator followed by exactly three digits is a thousands separator ("52,000",
    "52.000", "52 000"); the last separator followed by one or two digits is the
    decimal point ("52,000.50", "1.234,56"). That rule serves both languages
    without asking which convention the person uses.
    """
    s = re.sub(r"\s+", " ", raw.strip())
    if " " in s:
        groups = s.split(" ")
        if not all(g.isdigit() for g in groups) or any(len(g) != 3 for g in groups[1:]):
            raise ValueError(raw)
        s = "".join(groups)
    seps = [(i, ch) for i, ch in enumerate(s) if ch in ".,"]
    if not seps:
        return Decimal(s)
    last_pos, last_ch = seps[-1]
    tail = s[last_pos + 1 :]
    if not tail.isdigit():
        raise ValueError(raw)
    decimal_part = ""
    body = s
    if len(tail) != 3 or (len(seps) > 1 and seps[0][1] != last_ch):
        # The last separator is the decimal point.
        decimal_part = tail
        body = s[:last_pos]
    elif len(seps) == 1 and last_ch == "." and len(s) - len(tail) - 1 > 3:
        # "1234.567" is not money in any convention.
        raise ValueError(raw)
    groups = re.split(r"[.,]", body)
    if not groups[0].isdigit() or any(len(g) != 3 or not g.isdigit() for g in groups[1:]):
        raise ValueError(raw)
    if len({ch for pos, ch in seps if pos < len(body)}) > 1:
        raise ValueError(raw)
    integer = "".join(groups)
    return Decimal(f"{integer}.{decimal_part}" if decimal_part else integer)


def parse_money(text: str, lang: str = "en", *, allow_zero: bool = True) -> Decimal:
    """Dollars from "$52,000", "52k", "52 000", "about 50 thousand", "1.2m", "50 mil".

    "mil" is a thousand in Spanish and a million in English slang, so the
    conversation language decides.
    """
    s = normalize(text).replace("\u00a0", " ")
    if not s:
        raise ParseError("conv.err.money.nonsense")
    if s.startswith("-") or s.startswith("(") or "menos " in s or s.startswith("minus"):
        if re.search(r"\d", s):
            raise ParseError("conv.err.money.negative")
    s = s.replace("$", " ").replace("~", " ").replace("+", " ")
    s = _FILLER_RE.sub(" ", s)
    s = " ".join(s.split())
    if s in _ZERO_WORDS:
        value = Decimal(0)
    else:
        m = _MONEY_RE.match(s)
        if not m:
            raise ParseError("conv.err.money.nonsense")
        num_raw, mult = m.group("num").strip(), m.group("mult")
        multiplier = Decimal(1)
        if mult:
            if mult == "mil":
                multiplier = Decimal(1000) if lang == "es" else Decimal(1_000_000)
            elif mult in _THOUSAND:
                multiplier = Decimal(1000)
            elif mult in _MILLION:
                multiplier = Decimal(1_000_000)
            else:
                raise ParseError("conv.err.money.nonsense")
        try:
            if mult:
                # With a multiplier a single separator is a decimal point: "1.2m", "1,5 millones".
                single_sep = num_raw.count(".") + num_raw.count(",") == 1
                number = Decimal(num_raw.replace(",", ".")) if single_sep else _plain_number(num_raw)
            else:
                number = _plain_number(num_raw)
        except (ValueError, InvalidOperation):
            raise ParseError("conv.err.money.nonsense") from None
        value = number * multiplier
    if value > MONEY_MAX:
        raise ParseError("conv.err.money.absurd", {"max": MONEY_MAX})
    if value == 0 and not allow_zero:
        raise ParseError("conv.err.money.zero")
    # Cents at most: "1.2345k" is $1,234.50, not a fraction of a cent.
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.quantize(Decimal("0.01"))


# ---------------------------------------------------------------- counts

_NUMBER_WORDS = {
    "none": 0,
    "zero": 0,
    "no": 0,
    "nobody": 0,
    "one": 1,
    "just me": 1,
    "me": 1,
    "only me": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "ninguno": 0,
    "nadie": 0,
    "cero": 0,
    "uno": 1,
    "una": 1,
    "un": 1,
    "solo yo": 1,
    "yo": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
}


def parse_count(text: str, lo: int, hi: int) -> int:
    """A whole number in [lo, hi]: "3", "three", "tres", "about 4 years"."""
    s = normalize(text)
    if s.startswith("-") and re.search(r"\d", s):
        raise ParseError("conv.err.count.range", {"min": lo, "max": hi})
    words = re.sub(r"\b(about|around|maybe|like|unos|unas|como|years?|anos?|people|personas?)\b", " ", s)
    words = " ".join(words.split())
    if words in _NUMBER_WORDS:
        value = _NUMBER_WORDS[words]
    else:
        m = re.fullmatch(r"(\d{1,4})", words)
        if not m:
            if re.fullmatch(r"\d+[.,]\d+", words):
                raise ParseError("conv.err.count.whole")
            raise ParseError("conv.err.count.nonsense")
        value = int(m.group(1))
    if not lo <= value <= hi:
        raise ParseError("conv.err.count.range", {"min": lo, "max": hi})
    return value


# ---------------------------------------------------------------- dates

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    "enero": 1,
    "ene": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "abr": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "ago": 8,
    "septiembre": 9,
    "setiembre": 9,
    "set": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    "dic": 12,
}
_UNIT_DAYS = {
    "day": 1,
    "days": 1,
    "dia": 1,
    "dias": 1,
    "week": 7,
    "weeks": 7,
    "semana": 7,
    "semanas": 7,
    "month": 30,
    "months": 30,
    "mes": 30,
    "meses": 30,
    "year": 365,
    "years": 365,
    "ano": 365,
    "anos": 365,
}
_SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "un": 1,
    "una": 1,
    "uno": 1,
    "two": 2,
    "dos": 2,
    "three": 3,
    "tres": 3,
    "four": 4,
    "cuatro": 4,
    "five": 5,
    "cinco": 5,
    "couple of": 2,
    "a couple of": 2,
    "few": 3,
    "a few": 3,
    "unos": 3,
    "unas": 3,
    "par de": 2,
    "un par de": 2,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _checked(d: date, today: date) -> date:
    if d > today:
        raise ParseError("conv.err.date.future")
    if d < EARLIEST_DATE:
        raise ParseError("conv.err.date.too_old")
    return d


def _build(year: int, month: int, day: int) -> date:
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise ParseError("conv.err.date.invalid") from None


def _without_year(month: int, day: int, today: date) -> date:
    """ "Nov 3" said in January means last November: a letter cannot come from the future."""
    d = _build(today.year, month, day)
    if d > today:
        d = _build(today.year - 1, month, day)
    return d


def parse_date(text: str, lang: str, today: date) -> date:
    """A past date: "today", "3 days ago", "hace 2 semanas", "Nov 3", "11/03/2026", "3 de noviembre".

    Numeric dates are month first in English and day first in Spanish, unless
    only one reading is a real date ("25/11/2026" is day first in any language).
    """
    s = normalize(text).replace(",", " ").replace(".", " ").strip()
    s = " ".join(s.split())
    if not s:
        raise ParseError("conv.err.date.nonsense")
    if s in ("today", "hoy", "this morning", "esta manana", "just now"):
        return today
    if s in ("yesterday", "ayer"):
        return today - timedelta(days=1)
    if s in ("anteayer", "antier", "day before yesterday", "the day before yesterday"):
        return today - timedelta(days=2)
    if s in ("last week", "la semana pasada"):
        return today - timedelta(days=7)
    if s in ("last month", "el mes pasado"):
        return today - timedelta(days=30)
    if re.match(r"^(in|en|dentro de)\b", s) or s in ("tomorrow", "manana"):
        raise ParseError("conv.err.date.future")

    small = "|".join(sorted((re.escape(k) for k in _SMALL), key=len, reverse=True))
    units = "|".join(_UNIT_DAYS)
    m = re.fullmatch(rf"(\d{{1,4}}|{small})\s+({units})\s+ago", s) or re.fullmatch(
        rf"hace\s+(\d{{1,4}}|{small})\s+({units})", s
    )
    if m:
        n_raw, unit = m.group(1), m.group(2)
        n = int(n_raw) if n_raw.isdigit() else _SMALL[n_raw]
        try:
            d = today - timedelta(days=n * _UNIT_DAYS[unit])
        except OverflowError:
            raise ParseError("conv.err.date.too_old") from None
        return _checked(d, today)

    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", s)
    if m:
        return _checked(_build(int(m.group(1)), int(m.group(2)), int(m.group(3))), today)

    m = re.fullmatch(r"(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2}|\d{4}))?", s)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        month_first = lang != "es"
        if a > 12 >= b:
            month_first = False
        elif b > 12 >= a:
            month_first = True
        month, day = (a, b) if month_first else (b, a)
        if m.group(3):
            return _checked(_build(int(m.group(3)), month, day), today)
        return _checked(_without_year(month, day, today), today)

    m = (
        re.fullmatch(rf"(?:el\s+)?(\d{{1,2}})\s+(?:de\s+)?({_MONTH_RE})(?:\s+(?:de\s+|del\s+)?(\d{{4}}))?", s)
        or None
    )
    if m:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2)], m.group(3)
    else:
        m = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(\d{{4}}))?", s)
        if not m:
            raise ParseError("conv.err.date.nonsense")
        month, day, year = _MONTHS[m.group(1)], int(m.group(2)), m.group(3)
    if year:
        return _checked(_build(int(year), month, day), today)
    return _checked(_without_year(month, day, today), today)


# ---------------------------------------------------------------- yes / no / choices

YES_WORDS = frozenset(
    {
        "y",
        "yes",
        "yeah",
        "yep",
        "yup",
        "ya",
        "sure",
        "of course",
        "correct",
        "true",
        "ok",
        "si",
        "s",
        "claro",
        "por supuesto",
        "asi es",
        "correcto",
        "afirmativo",
    }
)
NO_WORDS = frozenset(
    {"n", "no", "nope", "nah", "not really", "never", "false", "nunca", "para nada", "negativo"}
)
UNSURE_WORDS = frozenset(
    {
        "not sure",
        "unsure",
        "dont know",
        "don't know",
        "i don't know",
        "i dont know",
        "idk",
        "no idea",
        "maybe",
        "dunno",
        "?",
        "no se",
        "no estoy seguro",
        "no estoy segura",
        "ni idea",
        "quizas",
        "tal vez",
    }
)


def _clean_reply(text: str) -> str:
    return " ".join(re.sub(r"[!.¡¿]+", " ", normalize(text)).split())


def parse_yes_no(text: str, *, allow_unsure: bool = False) -> bool | None:
    """True / False, or None for "not sure" where the question allows it."""
    s = _clean_reply(text)
    if s in YES_WORDS:
        return True
    if s in NO_WORDS:
        return False
    if allow_unsure and s in UNSURE_WORDS:
        return None
    raise ParseError("conv.err.yes_no")


def is_unsure(text: str) -> bool:
    return _clean_reply(text) in UNSURE_WORDS


@dataclass(frozen=True)
class ChoiceOption:
    """One choice as the person may type it: its stored value, its labels, and extra aliases."""

    value: str
    labels: Sequence[str]
    aliases: Iterable[str] = ()


def parse_choice(text: str, options: Sequence[ChoiceOption]) -> str:
    """The value of the option whose number, label or alias was typed.

    A unique partial match is accepted too ("lien" picks "Letter 3172 (lien)"),
    because people rarely retype a whole label.
    """
    s = _clean_reply(text).strip(" )")
    if not s:
        raise ParseError("conv.err.choice")
    bare = _LEAD_WORDS.sub("", s + " ").strip()
    if not bare:
        raise ParseError("conv.err.choice")  # only "the", "el", "a la": nothing named
    if bare != s:
        try:
            return _choice(s, options)
        except ParseError:
            return _choice(bare, options)  # "el IRS", "al IRS", "to my state": the name without its article
    return _choice(s, options)


# Articles and prepositions a typed choice often starts with: "the IRS", "al IRS", "con el IRS", "mi estado".
_LEAD_WORDS = re.compile(
    r"^(?:(?:i owe|to|with|the|my|a|al|a la|a los|a las|el|la|los|las|con|mi|mis|le debo a|debo a|debo al)"
    r"\s+)+"
)


def _choice(s: str, options: Sequence[ChoiceOption]) -> str:
    squeezed = s.replace(" ", "")
    # Names first, so an alias made of digits ("1058", a letter number) wins over a button number.
    for opt in options:
        names = [_clean_reply(x) for x in (*opt.labels, *opt.aliases)]
        if s in names or squeezed in (n.replace(" ", "") for n in names):
            return opt.value
    if s.isdigit():
        n = int(s)
        if 1 <= n <= len(options):
            return options[n - 1].value
        raise ParseError("conv.err.choice.number", {"max": len(options)})
    if len(s) >= 3:
        hits = {
            opt.value
            for opt in options
            if any(
                re.search(rf"(?<![a-z0-9]){re.escape(s)}(?![a-z0-9])", _clean_reply(x))
                for x in (*opt.labels, *opt.aliases)
            )
        }
        if len(hits) == 1:
            return hits.pop()
    raise ParseError("conv.err.choice")
