"""Read an IRS notice from the text an OCR engine found on a photo of it.

Why this lives in ``flows``: which notice a code is, which date is the notice date and which
amount is the amount due are rules about IRS letters, not about pixels, so they are pure Python
and tested with plain strings. The OCR engine (bot/features/letters) only turns an image into
``TextLine``s; everything it found is decided here.

What is read, and where the IRS prints it (reference: irs-rules.md §5 and §9.9):

* the notice code, top right on CP notices ("Notice CP504", "CP504(SP)" on Spanish ones),
  as the form number at the foot of letters ("Letter 1058 (Rev. 6-2019)"), and on the voucher;
* the notice date ("Notice date", "Date:", "Fecha del aviso"), else the first date near the top;
* the amount due ("Amount due immediately", "Amount you owe", "Cantidad adeudada"...), in the
  box, the billing table and the voucher: the value most of them agree on;
* the response deadline when one is printed ("Pay by", "Respond by", "Last day to request a
  hearing"...).

Only an occurrence of a code that stands on its own (a header, a form number) names the notice:
a code inside a sentence ("if you received a CP504...") is how tax-relief mailers and the
notices' own prose mention other notices. A reading also needs the IRS named somewhere on the
page, so a bank statement with an "Amount due" is not an IRS notice.

Privacy: anything shaped like an SSN, ITIN or EIN is masked before any parsing, so it cannot
come back in a field, and no exception raised from here carries the text it was given.
OCR confusions (O for 0, l for 1, S for 5, lost spaces) are undone only inside the shapes
being read (a code, a date, an amount), never across the whole text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from flows.answers import Letter
from flows.parsing import normalize

# Canonical code -> the screening's answer to "which is your latest IRS letter?".
# None: an IRS notice the reference names but the screening's question has no choice for,
# so the question is asked as usual (mapping CP3219A, a notice of deficiency with 90 days to
# petition the Tax Court, onto CP2000's 30-day reply would print a wrong deadline).
NOTICE_LETTERS: dict[str, Letter | None] = {
    "CP14": Letter.CP14,  # first bill
    "CP501": Letter.CP501_503,  # first reminder
    "CP503": Letter.CP501_503,  # second reminder
    "CP504": Letter.CP504,  # notice of intent to levy, IRC 6331(d)
    "CP504B": Letter.CP504,  # the same notice for a business
    "LT11": Letter.FINAL_NOTICE,  # final notice of intent to levy, CDP rights (ACS)
    "Letter 1058": Letter.FINAL_NOTICE,  # the same, from a revenue officer
    "CP90": Letter.FINAL_NOTICE,  # final notice incl. federal payments, CDP rights
    "CP297": Letter.FINAL_NOTICE,  # the same (Federal Payment Levy Program)
    "CP297A": Letter.FINAL_NOTICE,  # post-levy notice with the right to a CDP hearing
    "CP297C": Letter.FINAL_NOTICE,  # post-levy notice (federal contractors), CDP hearing after
    "Letter 3172": Letter.LIEN_3172,  # lien filed, lien CDP hearing
    "CP523": Letter.CP523,  # intent to terminate an installment agreement
    "CP2000": Letter.CP2000,  # proposed change (under-reporting), not a bill
    "CP3219A": None,  # statutory notice of deficiency: 90 days to petition the Tax Court
    "Letter 1153": None,  # proposed Trust Fund Recovery Penalty: 60 days to appeal
    "Letter 3502C": None,  # first-time abatement granted
    "Letter 3503C": None,  # first-time abatement granted
}

_CP_CODES = frozenset(c[2:] for c in NOTICE_LETTERS if c.startswith("CP"))
_LETTER_NUMBERS = frozenset(c.split()[1] for c in NOTICE_LETTERS if c.startswith("Letter "))

# Characters OCR puts where a digit was printed (upper-cased first).
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "|": "1", "!": "1",
                                   "S": "5", "B": "8", "Z": "2"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class TextLine:
    """One piece of text an OCR engine found, with its box (x0, y0, x1, y1) on an upright page.

    ``box`` is None for text without a position (a PDF's text layer, a test): lines are then
    taken in order, one per row.
    """

    text: str
    box: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class NoticeReading:
    """What was read from an IRS notice; every field but the code may be missing."""

    code: str  # canonical: "CP504", "LT11", "Letter 1058"
    letter: Letter | None  # the screening's value for it; None when the question has no choice for it
    notice_date: date | None
    amount_due: Decimal | None
    respond_by: date | None


class ReadOutcome(StrEnum):
    """What came of looking at a photo or a document for a notice (the reply depends on it)."""

    READ = "read"
    NOT_A_NOTICE = "not an IRS notice"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too large"
    UNSUPPORTED = "not a photo or a PDF"
    BUSY = "busy"
    OFF = "off"


class NoticeParseError(ValueError):
    """Reading failed inside this module; deliberately carries none of the text it was given."""


def read_notice(lines: Iterable[TextLine | str], *, today: date | None = None) -> NoticeReading | None:
    """The notice on the page, or None when the text is not an IRS notice this module knows.

    With ``today``, a notice date well in the future is dropped as a misread (the person is
    holding the letter, so it has been mailed).
    """
    failed = False
    try:
        return _read(lines, today)
    except Exception:  # noqa: BLE001 - re-raised below without the original (it may quote the text)
        failed = True
    if failed:  # raised outside the handler so the exception has no __context__ holding the text
        raise NoticeParseError("the notice text could not be parsed")
    return None  # pragma: no cover - unreachable


# --- identifiers -----------------------------------------------------------------------------------

# Nine digits written as an SSN/ITIN (3-2-4) or an EIN (2-7), with "-", ".", spaces or a mix
# (OCR adds and drops spaces), or bare; never when touching other digits.
_SEP = r"\s*[-.\u2013\u2014]?\s*"
_TAX_IDS = (
    re.compile(rf"(?<![\d,.])\d{{3}}{_SEP}\d{{2}}{_SEP}\d{{4}}(?![\d]|[.,]\d)"),
    re.compile(r"(?<![\d,.])\d{2}\s*-\s*\d{7}(?![\d]|[.,]\d)"),
    re.compile(r"(?<![\d,.$])\d{9}(?![\d]|[.,]\d)"),
)


def _mask_ids(text: str) -> str:
    for pattern in _TAX_IDS:
        text = pattern.sub(" # ", text)
    return text


# --- layout ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Seg:
    text: str  # normalised: lower case, no accents, single spaces, identifiers masked
    x0: float
    y0: float
    x1: float
    y1: float


def _segments(lines: Iterable[TextLine | str]) -> list[list[_Seg]]:
    """Rows of segments, top to bottom, each row left to right."""
    segs: list[_Seg] = []
    for i, line in enumerate(lines):
        raw = line if isinstance(line, str) else line.text
        box = None if isinstance(line, str) else line.box
        text = normalize(_mask_ids(str(raw)))
        if not text:
            continue
        x0, y0, x1, y1 = box if box is not None else (0.0, float(i), 1.0, float(i) + 0.9)
        segs.append(_Seg(text, float(x0), float(y0), float(x1), float(y1)))
    if not segs:
        return []
    heights = sorted(s.y1 - s.y0 for s in segs)
    tolerance = 0.5 * heights[len(heights) // 2]
    rows: list[list[_Seg]] = []
    centre = 0.0
    for seg in sorted(segs, key=lambda s: (s.y0 + s.y1) / 2):
        mid = (seg.y0 + seg.y1) / 2
        if rows and abs(mid - centre) <= tolerance:
            rows[-1].append(seg)
            centre = sum((s.y0 + s.y1) / 2 for s in rows[-1]) / len(rows[-1])
        else:
            rows.append([seg])
            centre = mid
    return [sorted(row, key=lambda s: s.x0) for row in rows]


def _overlaps(a: _Seg, b: _Seg) -> bool:
    slack = 0.25 * (a.x1 - a.x0)
    return b.x0 <= a.x1 + slack and b.x1 >= a.x0 - slack


def _value_texts(rows: list[list[_Seg]], r: int, c: int, after: int) -> Iterable[str]:
    """Where a label's value is printed: after it, to its right, or just below it (the amount box).

    When something numeric follows the label in its own box, that was the value, read badly:
    nothing further is tried, so a garbled "Respond by: march2,202" does not borrow a date
    from the table under it.
    """
    seg = rows[r][c]
    rest = seg.text[after:]
    yield rest
    if any(ch.isdigit() for ch in rest):
        return
    for right in rows[r][c + 1 : c + 3]:
        yield right.text
    # Below: the first box under the label (rows of another column may come between), if close.
    height = seg.y1 - seg.y0
    for below in rows[r + 1 : r + 4]:
        under = [other for other in below if _overlaps(seg, other)]
        if under:
            if under[0].y0 - seg.y1 <= 2 * height:
                yield under[0].text
            return


# --- notice codes ----------------------------------------------------------------------------------

_CODE_PATTERNS = {
    "cp": re.compile(r"(?:(?<![a-z0-9])|(?<=notice)|(?<=aviso))[cg]\s?p\s*[-:]?\s*(?P<raw>[0-9a-z|!]{2,6})"),
    "lt": re.compile(r"(?:(?<![a-z0-9])|(?<=notice)|(?<=aviso))l\s?t\s*[-:]?\s*(?P<raw>[0-9a-z|!]{2,4})"),
    "word": re.compile(
        r"(?<![a-z0-9])(?:letter|ltr|carta)\s*(?:no\.?|number|#)?\s*[-:]?\s*(?P<raw>[0-9a-z|!]{3,6})"
    ),
}
# What may surround a code that stands on its own: "Notice CP504", "CP504(SP)", "Letter 1058 (Rev. 6-2019)".
_CODE_FRAME = re.compile(
    r"\b(?:notice|aviso|letter|carta|number|numero|no)\b|\(\s*sp\s*\)|\bsp\b|\(\s*do\s*\)|\(?\s*\brev\b\.?[^)]*\)?|[\W\d_]"
)
_IRS_MARKS = ("internalrevenue", "revenueservice", "treasury", "irs.gov", "impuestosinternos",
              "departamentodeltesoro")  # fmt: skip
_IRS_WORD = re.compile(r"\birs\b")


def _resolve(kind: str, raw: str) -> tuple[str, int] | None:
    """The canonical code a raw token spells (with OCR look-alikes undone) and its length."""
    raw = raw.upper()
    for n in range(len(raw), 1, -1):
        if n < len(raw) and raw[n].isdigit():
            continue  # the code may not be glued to a further digit
        head = raw[:n]
        options = [head.translate(_DIGIT_LOOKALIKES)]
        if head[-1] in "ABC":
            options.insert(0, head[:-1].translate(_DIGIT_LOOKALIKES) + head[-1])
        for option in options:
            if kind == "cp" and option in _CP_CODES:
                return "CP" + option, n
            if kind == "lt" and option == "11":
                return "LT11", n
            if kind == "word" and option in _LETTER_NUMBERS:
                return "Letter " + option, n
    return None


@dataclass(frozen=True, slots=True)
class _CodeHit:
    code: str
    standalone: bool
    y: float


def _code_hits(rows: list[list[_Seg]]) -> list[_CodeHit]:
    hits: list[_CodeHit] = []
    for row in rows:
        for seg in row:
            for kind, pattern in _CODE_PATTERNS.items():
                for m in pattern.finditer(seg.text):
                    found = _resolve(kind, m.group("raw"))
                    if found is None:
                        continue
                    code, length = found
                    rest = seg.text[: m.start()] + " " + seg.text[m.start("raw") + length :]
                    letters = len(_CODE_FRAME.sub("", rest))
                    hits.append(_CodeHit(code, letters <= 3, seg.y0))
    return hits


def _pick_code(rows: list[list[_Seg]]) -> str | None:
    hits = _code_hits(rows)
    standalone = [h for h in hits if h.standalone]
    if not standalone:
        return None
    weight = Counter[str]()
    for hit in hits:
        weight[hit.code] += 2 if hit.standalone else 1
    top = {h.code for h in standalone}
    best = max(weight[c] for c in top)
    first = min((h for h in standalone if weight[h.code] == best), key=lambda h: h.y)
    return first.code


def _names_irs(rows: list[list[_Seg]]) -> bool:
    for row in rows:
        for seg in row:
            squeezed = seg.text.replace(" ", "")
            if any(mark in squeezed for mark in _IRS_MARKS) or _IRS_WORD.search(seg.text):
                return True
    return False


# --- dates -----------------------------------------------------------------------------------------

_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)  # fmt: skip
_MESES = (
    ("enero", "ene"), ("febrero", "feb"), ("marzo", "mar"), ("abril", "abr"), ("mayo", "may"),
    ("junio", "jun"), ("julio", "jul"), ("agosto", "ago"), ("septiembre", "setiembre", "sep", "set"),
    ("octubre", "oct"), ("noviembre", "nov"), ("diciembre", "dic"),
)  # fmt: skip
_MONTH_SPELLINGS = sorted(
    (
        (name, number)
        for table in (_MONTH_NAMES, _MESES)
        for number, names in enumerate(table, 1)
        for name in names
    ),
    key=lambda pair: -len(pair[0]),
)
# A day or a year starts with a real digit; later digits may be O/I/l look-alikes ("2O26"), so
# the "l" of "el" glued to "8" does not turn the 8th into the 18th.
_DAY = r"[0-9][0-9oil]?"
_YEAR = r"[0-9][0-9oil]{3}"
_DATE_PATTERNS = (
    # November 3, 2026 / Nov. 3, 2026 / November3,2026 / datenovember 3 2026 (OCR lost the spaces)
    re.compile(rf"(?P<mon>[a-z]{{2,20}})\.?\s*(?P<day>{_DAY})(?P<sep>\s*[,.]?\s*)(?P<year>{_YEAR})(?![0-9])"),
    # 3 de noviembre de 2026 / 3 de nov. de 2026
    re.compile(rf"(?<![0-9])(?P<day>{_DAY})\s*de\s*(?P<mon>[a-z]{{3,10}}?)\.?\s*(?:de|del)?\s*(?P<year>{_YEAR})(?![0-9])"),
    # 11/03/2026, 11-03-2026, 11/3/26
    re.compile(r"(?<![0-9])(?P<num>\d{1,2})\s*[/-]\s*(?P<day>\d{1,2})\s*[/-]\s*(?P<year>\d{4}|\d{2})(?![0-9])"),
)  # fmt: skip
_ZERO_FOR_O = re.compile(r"(?<=[a-z])0(?=[a-z])|(?<![0-9])0(?=[a-z]{3})")
_FIRST_YEAR, _LAST_YEAR = 2000, 2099


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (month names are short, so the quadratic table is tiny)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _digits(text: str) -> int:
    return int(text.upper().translate(_DIGIT_LOOKALIKES))


def _month(run: str, separated: bool) -> int | None:
    """The month a run of letters spells or ends with: "datenovember" -> 11, "sp" (Sep. misread) -> 9.

    A full month name may end a longer run (OCR glues the label to it). An abbreviation at the
    end of a run, or a near-miss spelling, counts only when the day and year are written apart
    ("sep.23,2026"): "abr5043" in a garbled line is not April 5, 2043.
    """
    for name, number in _MONTH_SPELLINGS:
        if run == name or (len(name) >= 5 and run.endswith(name)):
            return number
    if not separated:
        return None
    for name, number in _MONTH_SPELLINGS:
        if run.endswith(name):
            return number
    for name, number in _MONTH_SPELLINGS:
        allowed = 1 if len(name) <= 5 else 2
        for size in (len(name) - 1, len(name), len(name) + 1):
            if 2 <= size <= len(run) and _edits(run[-size:], name) <= allowed:
                if size == len(run) or len(name) >= 5:
                    return number
    return None


def _dates(text: str) -> list[tuple[int, date]]:
    """(position, date) for every date written in the text, in order."""
    text = _ZERO_FOR_O.sub("o", text)
    found: list[tuple[int, date]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("mon") is not None:
                month = _month(groups["mon"], groups.get("sep") is None or bool(groups["sep"].strip(" ")))
                if month is None:
                    continue
            else:
                month = int(groups["num"])
            year = _digits(groups["year"])
            year += 2000 if year < 100 else 0
            if not _FIRST_YEAR <= year <= _LAST_YEAR or not 1 <= month <= 12:
                continue
            try:
                found.append((m.start(), date(year, month, _digits(groups["day"]))))
            except ValueError:
                continue
    return sorted(found, key=lambda pair: pair[0])


# --- amounts ---------------------------------------------------------------------------------------

# "$52,318.40", "$ 52,318.40", "S52,318.40" ($ read as S), "52,318.40"; cents or a "$" required.
_MONEY = re.compile(
    r"(?P<cur>\$\s*|(?<![a-z])s\s*)?(?<![0-9.,])"
    r"(?P<int>\d{1,3}(?:\s?,\s?\d{3})+|\d{1,3}(?:\s?[.,]\s?\d{3})+(?=\s?[.,]\s?\d{2}(?![0-9]))|\d{1,7})"
    r"(?:\s?[.,]\s?(?P<cents>\d{2}))?(?![0-9])"
)
_MONEY_MAX = Decimal("100000000")


def _money(text: str) -> Decimal | None:
    for m in _MONEY.finditer(text):
        if m.group("cur") is None and m.group("cents") is None:
            continue
        whole = re.sub(r"[\s,.]", "", m.group("int"))
        try:
            value = Decimal(f"{whole}.{m.group('cents') or '00'}")
        except InvalidOperation:
            continue
        if Decimal(0) < value < _MONEY_MAX:
            return value
    return None


# --- labels ----------------------------------------------------------------------------------------

_NOTICE_DATE = re.compile(
    r"notice\s*date|letter\s*date|date\s*of\s*(?:this\s*)?(?:notice|letter)|fecha\s*de(?:l|\s*la)?\s*(?:aviso|carta)"
    r"|(?<![a-z])(?:date|fecha)\s*:"
)
_DEADLINE = re.compile(
    r"pay\s*by|payment\s*due|due\s*by|respond\s*by|reply\s*by|response\s*due|last\s*day\s*to|request\s*a\s*hearing\s*by"
    r"|tardar|pague\s*antes|responda\s*antes|fecha\s*l?i?mite|u?ltimo\s*d?i?a"
)
_NOT_A_NOTICE_DATE = re.compile(r"tax\s*period|tax\s*year|periodo|ano\s*tributario|rev\.|\brev\b|statement")
_AMOUNT = re.compile(
    r"amount\s*due|amount\s*you\s*owe(?!d)|total\s*amount|balance\s*due|total\s*you\s*owe|deficiency"
    r"|cantidad\s*(?:total\s*)?(?:propuesta\s*)?(?:adeudada|que\s*(?:usted\s*)?(?:debe|adeuda)(?!ba))|total\s*adeudado"
    r"|saldo\s*adeudado|deficiencia"
)
_NOT_AN_AMOUNT = re.compile(r"enclosed|incluida|adjunt")
_MAX_REPLY_DAYS = 180  # no notice in the reference gives more; a later "deadline" is a misread
_POSTDATED_DAYS = 14  # notices are dated for their mailing day, which can be a little after printing
_V = TypeVar("_V", date, Decimal)


def _labelled(rows: list[list[_Seg]], label: re.Pattern[str], wanted: str) -> list[date | Decimal]:
    """Values found for a label: the first date (or amount) printed after, beside or below it."""
    values: list[date | Decimal] = []
    for r, row in enumerate(rows):
        for c, seg in enumerate(row):
            for m in label.finditer(seg.text):
                if wanted == "amount" and _NOT_AN_AMOUNT.search(seg.text):
                    continue
                for candidate in _value_texts(rows, r, c, m.end()):
                    value: date | Decimal | None
                    if wanted == "date":
                        dates = _dates(candidate)
                        value = dates[0][1] if dates else None
                    else:
                        value = _money(candidate)
                    if value is not None:
                        values.append(value)
                        break
    return values


def _consensus(values: Sequence[_V]) -> _V | None:
    """The value most occurrences agree on; on a tie, the first printed (the header)."""
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def _first_date_near_top(rows: list[list[_Seg]], skip: set[date]) -> date | None:
    """Letters print their date at the top without a label ("November 3, 2026")."""
    if not rows:
        return None
    top, bottom = rows[0][0].y0, rows[-1][0].y1
    limit = top + 0.35 * (bottom - top)
    for row in rows:
        for seg in row:
            if seg.y0 > limit:
                return None
            if _NOT_A_NOTICE_DATE.search(seg.text) or _DEADLINE.search(seg.text):
                continue
            for _, found in _dates(seg.text):
                if found not in skip:
                    return found
    return None


def _read(lines: Iterable[TextLine | str], today: date | None) -> NoticeReading | None:
    rows = _segments(lines)
    code = _pick_code(rows)
    if code is None or not _names_irs(rows):
        return None
    deadlines = [d for d in _labelled(rows, _DEADLINE, "date") if isinstance(d, date)]
    notice_dates = [d for d in _labelled(rows, _NOTICE_DATE, "date") if isinstance(d, date)]
    notice_date = _consensus(notice_dates) or _first_date_near_top(rows, set(deadlines))
    if (
        notice_date is not None
        and today is not None
        and notice_date > today + timedelta(days=_POSTDATED_DAYS)
    ):
        notice_date = None  # a letter the person holds is not dated weeks ahead: a misread
    respond_by = _consensus(deadlines)
    if (
        notice_date is not None
        and respond_by is not None
        and not (notice_date <= respond_by <= notice_date + timedelta(days=_MAX_REPLY_DAYS))
    ):
        respond_by = None
    amount = _consensus([a for a in _labelled(rows, _AMOUNT, "amount") if isinstance(a, Decimal)])
    return NoticeReading(code, NOTICE_LETTERS[code], notice_date, amount, respond_by)
