"""Answers written as sentences: "cobra is like 600 a month", "I got it 10 days ago", "treinta mil".

Why a second reader next to flows/parsing.py: the strict parsers accept the short
forms people type and say exactly what is wrong with anything else. A frightened
person often writes a sentence instead, and refusing it costs a lead. So when the
strict reader finds nonsense (and only then), these readers look for the one value
inside the sentence, with two well-kept libraries doing what a hand-written parser
does badly: text2num turns number words into digits in English and Spanish
("fifty thousand", "cincuenta y dos mil"), dateparser finds a date inside free text
("la recibí hace 10 días").

Never a silent guess: a sentence with two candidate values ("2 or 3 weeks ago",
"52k, 12k of it penalties"), a yes with a "but", or a count joined with "and"
("me and two kids") is refused with the strict reader's own message, and whatever
is read here is confirmed to the person in one line (the machine's note), so a
misreading is visible and one /back away.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from dateparser.search import search_dates
from text_to_num import alpha2digit

from flows.parsing import (
    EARLIEST_DATE,
    NO_WORDS,
    UNSURE_WORDS,
    YES_WORDS,
    ParseError,
    normalize,
    parse_count,
    parse_date,
    parse_money,
)

LANGS = ("en", "es")


def with_digits(text: str, lang: str, *, small: bool = False) -> str:
    """Number words as digits ("fifty thousand" -> "50000", "treinta mil" -> "30000"); the
    conversation's language first, then the other one, for a Spanish speaker on an English phone.

    Text that already has digits is left alone: "20 mil" and "1.2 million" are the strict
    readers' multipliers, which text2num would split into two numbers ("20 1000").
    """
    if re.search(r"\d", text):
        return text
    # "unos doscientos mil" is "about 200,000"; text2num would read "unos" as a 1 of its own.
    text = re.sub(r"\b(?:unos|unas)\b", " ", text)
    for candidate in (lang, *(x for x in LANGS if x != lang)):
        # text2num leaves isolated small numbers ("dos semanas") as words unless told otherwise.
        converted = alpha2digit(text, candidate, threshold=0) if small else alpha2digit(text, candidate)
        if converted != text:
            return str(converted)
    return text


def digit_groups(text: str) -> list[str]:
    return re.findall(r"\d[\d.,]*\d|\d", text)


# ---------------------------------------------------------------- money

# One amount with its optional dollar sign and multiplier ("$1.2m", "50 mil", "52 thousand").
_AMOUNT_RE = re.compile(
    r"\$?\s*(?<![\d.,])\d[\d.,]*(?:\s*(?:k|m|mm|thousand|thousands|grand|mil|miles|million|millions|"
    r"millon|millones))?(?![a-z])"
)
_NEGATIVE_RE = re.compile(r"(?:^|\s)(?:-|minus\s|menos\s)\s*\$?\d")
# "None" said as a sentence: "no tengo casa", "I don't own a home", "we have no car", "nothing at all".
_ZERO_SENTENCE_RE = re.compile(
    r"^(?:(?:i|we)\s+(?:do\s+not|don'?t|dont)\s+(?:have|own)\b"
    r"|(?:i|we)\s+(?:have|own)\s+(?:no|none|nothing)\b"
    r"|(?:no|none|nothing|zero|nada|cero|ninguno|ninguna|ningun)\b"
    r"|(?:yo\s+|nosotros\s+)?no\s+(?:tengo|tenemos|hay|poseo|tiene)\b)"
)
_FRACTION_WORDS = frozenset({"half", "halves", "quarter", "medio", "media", "cuarto"})
# A number next to these is a share or a year, not an amount of dollars.
_NOT_AN_AMOUNT = re.compile(r"%|\b(?:percent|por\s*ciento|since|desde|years?|anos?)\b")
# Words that turn a "no ..." into "I don't know": never read those as $0.
_DOUBT_WORDS = frozenset(
    {"idea", "sure", "know", "knew", "remember", "se", "seguro", "segura", "sabe", "recuerdo", "but", "pero"}
)


def money_in(text: str, lang: str, *, allow_zero: bool = True) -> Decimal:
    """The one amount in a sentence, or the strict reader's own refusal.

    ``text`` is what the strict parse_money refused as nonsense.
    """
    s = normalize(text).replace("\u00a0", " ")
    tokens = set(re.findall(r"[a-z]+", s))
    if _FRACTION_WORDS & tokens:
        raise ParseError("conv.err.money.nonsense")  # "un millón y medio": text2num drops the half
    if _NOT_AN_AMOUNT.search(s):
        raise ParseError("conv.err.money.nonsense")  # "about 10%", "since 2019": a figure, not dollars
    words = with_digits(s, lang)
    if _NEGATIVE_RE.search(words):
        raise ParseError("conv.err.money.negative")
    amounts = _AMOUNT_RE.findall(words)
    if not amounts:
        if _ZERO_SENTENCE_RE.match(s) and _DOUBT_WORDS.isdisjoint(re.findall(r"[a-z']+", s)):
            return parse_money("0", lang, allow_zero=allow_zero)
        raise ParseError("conv.err.money.nonsense")
    if len(amounts) > 1 or len(digit_groups(words)) > 1:
        raise ParseError("conv.err.money.nonsense")  # two figures: which one is the answer?
    if _ZERO_SENTENCE_RE.match(s):
        raise ParseError("conv.err.money.nonsense")  # "no, but 500": none, or 500?
    return parse_money(amounts[0].strip(), lang, allow_zero=allow_zero)


# ---------------------------------------------------------------- counts and years

# "me and two kids" is three people, not two: a count put together from parts is not read.
_JOINED_RE = re.compile(r"(?:^|\s)(?:and|y|plus|mas|with|con|&|\+)(?:\s|$)")


def count_in(text: str, lo: int, hi: int, lang: str) -> int:
    """The one whole number in a sentence ("there are three of us" -> 3), or the strict refusal."""
    s = normalize(text)
    words = s
    if not re.search(r"\d", s):
        for candidate in LANGS:  # "one" and "uno" stay words below text2num's threshold: convert them too
            words = alpha2digit(words, candidate, threshold=0)
    groups = digit_groups(words)
    if len(groups) != 1 or _JOINED_RE.search(s) or not groups[0].isdigit():
        raise ParseError("conv.err.count.nonsense")
    return parse_count(groups[0], lo, hi)


def year_in(text: str, lo: int, hi: int) -> int:
    """The one four-digit year in a sentence ("I think 2019"), or the strict refusal."""
    groups = digit_groups(normalize(text))
    if len(groups) != 1 or not re.fullmatch(r"\d{4}", groups[0]):
        raise ParseError("conv.err.count.nonsense")
    return parse_count(groups[0], lo, hi)


# ---------------------------------------------------------------- dates

_NUMERIC_DATE_RE = re.compile(r"\d[-/]\d")
# "it will come in 3 days", "llegará en dos semanas": a date still to come.
_FUTURE_RE = re.compile(
    r"\b(?:in|en|dentro\s+de)\s+(?:\d+|a|an|un|una|unos|unas)\s+"
    r"(?:days?|weeks?|months?|years?|dias?|semanas?|mes|meses|anos?)\b"
)


def date_in(text: str, lang: str, today: date) -> date:
    """The one date in a sentence ("I got it 10 days ago", "llegó el 3 de noviembre").

    dateparser finds where the date is; the fragment is then read by our own
    parse_date when it can (its day-first/month-first rule and its checks), and
    dateparser's reading is taken only for a fragment with a day and a month in
    words ("on the 3rd of November"), never for a bare month ("in March") or a
    numeric date our reader refused.
    """
    s = normalize(text)
    words = with_digits(s, lang, small=True)
    try:
        return parse_date(words, lang, today)
    except ParseError as exc:
        if exc.msg_id != "conv.err.date.nonsense":
            raise
    if _FUTURE_RE.search(words):
        raise ParseError("conv.err.date.future")
    settings = {
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month"],
    }
    found = search_dates(words, languages=[lang], settings=settings) or []  # type: ignore[arg-type]
    if len(found) != 1:
        raise ParseError("conv.err.date.nonsense")
    fragment, when = found[0]
    if len(digit_groups(words)) != len(digit_groups(fragment)):
        raise ParseError("conv.err.date.nonsense")  # "2 or 3 weeks ago": a number outside the date
    try:
        return parse_date(fragment, lang, today)
    except ParseError as exc:
        if exc.msg_id != "conv.err.date.nonsense" or _NUMERIC_DATE_RE.search(fragment):
            raise
    day = when.date()
    if day > today:
        raise ParseError("conv.err.date.future")
    if day < EARLIEST_DATE:
        raise ParseError("conv.err.date.too_old")
    return day


# ---------------------------------------------------------------- yes / no with a tail

# Heads that say yes or no in more than one word, beyond parsing's YES_WORDS / NO_WORDS.
_YES_HEADS = frozenset(
    {"i did", "i have", "i am", "i can", "we did", "we have", "we are", "we can", "si puedo", "si tengo"}
)
_NO_HEADS = frozenset(
    {"not yet", "todavia no", "aun no", "no todavia", "no aun", "of course not", "claro que no", "i didnt"}
)
# A tail with any of these changes or doubts the head: "yes, but not all", "no... well, yes".
_NEGATIONS = frozenset(
    {"not", "no", "never", "nunca", "dont", "don't", "cant", "can't", "cannot", "wont", "won't", "didnt",
     "didn't", "havent", "haven't", "nope", "nah", "ni", "tampoco"}
)  # fmt: skip
_AFFIRMATIONS = frozenset({"yes", "yeah", "yep", "yup", "si", "claro", "sure", "correct", "correcto"})
_HEDGES = frozenset(
    {"but", "pero", "although", "though", "aunque", "except", "excepto", "maybe", "perhaps", "quizas",
     "quiza", "tal", "know", "idea", "se", "seguro", "segura", "or", "o", "probably", "creo", "pudiera",
     "tuviera", "fuera", "hubiera"}
)  # fmt: skip


def yes_no_in(text: str) -> bool:
    """ "yes, in 4 months" -> True, "no, not yet" -> False, "sí, claro" -> True; a tail that
    contradicts or doubts the head ("yes but no", "no, maybe") is refused."""
    tokens = re.sub(r"[!.¡¿?,;:()\"]+", " ", normalize(text)).split()
    head_yes = {w for w in YES_WORDS | _YES_HEADS if len(w) > 1}
    head_no = {w for w in NO_WORDS | _NO_HEADS if len(w) > 1}
    for size in (3, 2, 1):
        if len(tokens) < size:
            continue
        head = " ".join(tokens[:size])
        tail = set(tokens[size:])
        if not tail and head not in _YES_HEADS | _NO_HEADS:
            continue  # a bare "yes" is the strict reader's; only the longer heads end here
        if head in head_yes:
            answer = True
        elif head in head_no:
            answer = False
        else:
            continue
        opposite = _NEGATIONS if answer else _AFFIRMATIONS
        unsure = any(w in UNSURE_WORDS for w in tail)
        if tail & (opposite | _HEDGES) or unsure:
            break
        return answer
    raise ParseError("conv.err.yes_no")
