"""What people type, and what we read: money, counts, dates, yes/no, choices, in English and Spanish."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from flows.parsing import (
    ChoiceOption,
    ParseError,
    parse_choice,
    parse_count,
    parse_date,
    parse_money,
    parse_yes_no,
)

TODAY = date(2026, 11, 20)


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "lang", "amount"),
    [
        ("$52,000", "en", "52000"),
        ("52k", "en", "52000"),
        ("52K", "en", "52000"),
        ("52 000", "en", "52000"),
        ("52,000.50", "en", "52000.50"),
        ("about 50 thousand", "en", "50000"),
        ("around $50k", "en", "50000"),
        ("1.2m", "en", "1200000"),
        ("1.2 million", "en", "1200000"),
        ("$1,234.56", "en", "1234.56"),
        ("8000", "en", "8000"),
        ("12.5k", "en", "12500"),
        ("$500 a month", "en", "500"),
        ("50 mil", "es", "50000"),
        ("unos 3 mil dólares", "es", "3000"),
        ("52.000", "es", "52000"),
        ("1.234,56", "es", "1234.56"),
        ("1,5 millones", "es", "1500000"),
        ("$52,000", "es", "52000"),
        ("none", "en", "0"),
        ("nada", "es", "0"),
    ],
)
def test_money_in_the_forms_people_type(text: str, lang: str, amount: str) -> None:
    assert parse_money(text, lang) == Decimal(amount)


def test_mil_is_a_thousand_in_spanish_and_a_million_in_english_slang() -> None:
    assert parse_money("50 mil", "es") == Decimal("50000")
    assert parse_money("50 mil", "en") == Decimal("50000000")


@pytest.mark.parametrize(
    ("text", "lang", "msg_id"),
    [
        ("lots", "en", "conv.err.money.nonsense"),
        ("a lot of money", "en", "conv.err.money.nonsense"),
        ("5 apples", "en", "conv.err.money.nonsense"),
        ("1,23,4", "en", "conv.err.money.nonsense"),
        ("", "en", "conv.err.money.nonsense"),
        ("muchísimo", "es", "conv.err.money.nonsense"),
        ("-500", "en", "conv.err.money.negative"),
        ("-$1,000", "en", "conv.err.money.negative"),
        ("menos 500", "es", "conv.err.money.negative"),
        ("200 million", "en", "conv.err.money.absurd"),
        ("$100,000,001", "en", "conv.err.money.absurd"),
        ("500 millones", "es", "conv.err.money.absurd"),
    ],
)
def test_money_rejections_say_why(text: str, lang: str, msg_id: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_money(text, lang)
    assert caught.value.msg_id == msg_id


def test_the_absurd_limit_is_a_parameter_of_the_message() -> None:
    with pytest.raises(ParseError) as caught:
        parse_money("150m")
    assert caught.value.params == {"max": Decimal("100000000")}


def test_exactly_the_limit_is_accepted() -> None:
    assert parse_money("$100,000,000") == Decimal("100000000")


def test_zero_can_be_refused_where_it_makes_no_sense() -> None:
    with pytest.raises(ParseError) as caught:
        parse_money("0", allow_zero=False)
    assert caught.value.msg_id == "conv.err.money.zero"


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3), ("three", 3), ("tres", 3), ("about 4 years", 4), ("20", 20)]
)
def test_counts(text: str, value: int) -> None:
    assert parse_count(text, 1, 20) == value


@pytest.mark.parametrize(
    ("text", "lo", "hi", "msg_id"),
    [
        ("0", 1, 20, "conv.err.count.range"),  # a household has at least one person
        ("21", 1, 20, "conv.err.count.range"),
        ("31", 1, 30, "conv.err.count.range"),  # unfiled years
        ("-2", 1, 30, "conv.err.count.range"),
        ("2.5", 1, 20, "conv.err.count.whole"),
        ("many", 1, 30, "conv.err.count.nonsense"),
        ("muchos", 1, 30, "conv.err.count.nonsense"),
    ],
)
def test_count_rejections(text: str, lo: int, hi: int, msg_id: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_count(text, lo, hi)
    assert caught.value.msg_id == msg_id
    if msg_id == "conv.err.count.range":
        assert caught.value.params == {"min": lo, "max": hi}


def test_none_is_zero_where_zero_is_allowed() -> None:
    assert parse_count("none", 0, 4) == 0
    assert parse_count("ninguno", 0, 4) == 0


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("today", "en", date(2026, 11, 20)),
        ("yesterday", "en", date(2026, 11, 19)),
        ("3 days ago", "en", date(2026, 11, 17)),
        ("2 weeks ago", "en", date(2026, 11, 6)),
        ("a week ago", "en", date(2026, 11, 13)),
        ("Nov 3", "en", date(2026, 11, 3)),
        ("November 3rd", "en", date(2026, 11, 3)),
        ("Nov 3, 2026", "en", date(2026, 11, 3)),
        ("11/03/2026", "en", date(2026, 11, 3)),
        ("11/3/26", "en", date(2026, 11, 3)),
        ("2026-11-03", "en", date(2026, 11, 3)),
        ("hoy", "es", date(2026, 11, 20)),
        ("ayer", "es", date(2026, 11, 19)),
        ("hace 3 días", "es", date(2026, 11, 17)),
        ("hace 2 semanas", "es", date(2026, 11, 6)),
        ("3 de noviembre", "es", date(2026, 11, 3)),
        ("3 de noviembre de 2026", "es", date(2026, 11, 3)),
        ("03/11/2026", "es", date(2026, 11, 3)),  # day first in Spanish
        ("2026-11-03", "es", date(2026, 11, 3)),
        ("25/10/2026", "en", date(2026, 10, 25)),  # only one reading is a real date
    ],
)
def test_dates_in_the_forms_people_type(text: str, lang: str, day: date) -> None:
    assert parse_date(text, lang, TODAY) == day


def test_a_month_and_day_later_in_the_year_means_last_year() -> None:
    assert parse_date("Dec 25", "en", TODAY) == date(2025, 12, 25)
    assert parse_date("25 de diciembre", "es", TODAY) == date(2025, 12, 25)


@pytest.mark.parametrize(
    ("text", "lang", "msg_id"),
    [
        ("tomorrow", "en", "conv.err.date.future"),
        ("in 3 days", "en", "conv.err.date.future"),
        ("12/25/2026", "en", "conv.err.date.future"),
        ("2027-01-01", "en", "conv.err.date.future"),
        ("mañana", "es", "conv.err.date.future"),
        ("1999-12-31", "en", "conv.err.date.too_old"),
        ("30 years ago", "en", "conv.err.date.too_old"),
        ("02/30/2026", "en", "conv.err.date.invalid"),
        ("banana", "en", "conv.err.date.nonsense"),
        ("el otro día", "es", "conv.err.date.nonsense"),
    ],
)
def test_date_rejections_say_why(text: str, lang: str, msg_id: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_date(text, lang, TODAY)
    assert caught.value.msg_id == msg_id


# ---------------------------------------------------------------- yes / no, choices


@pytest.mark.parametrize("text", ["y", "yes", "Yeah", "yep", "sí", "si", "Sí!", "claro"])
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize("text", ["n", "no", "nope", "No.", "nah"])
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


def test_not_sure_only_where_the_question_allows_it() -> None:
    assert parse_yes_no("not sure", allow_unsure=True) is None
    assert parse_yes_no("no sé", allow_unsure=True) is None
    with pytest.raises(ParseError) as caught:
        parse_yes_no("not sure")
    assert caught.value.msg_id == "conv.err.yes_no"


def test_gibberish_is_not_a_yes_or_no() -> None:
    with pytest.raises(ParseError):
        parse_yes_no("perhaps tomorrow")


OPTIONS = [
    ChoiceOption("federal", ["The IRS (federal)", "Al IRS (federal)"]),
    ChoiceOption("state", ["My state only", "Solo a mi estado"]),
    ChoiceOption("both", ["Both", "A los dos"], ["ambos"]),
]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", "federal"),
        ("2", "state"),
        ("both", "both"),
        ("A los dos", "both"),
        ("ambos", "both"),
        ("state", "state"),
        # Typed with the article or preposition a person puts in front (issue 18: "el IRS" was refused).
        ("el IRS", "federal"),
        ("al IRS", "federal"),
        ("con el IRS", "federal"),
        ("to my state", "state"),
        ("mi estado", "state"),
        ("los dos", "both"),
    ],
)
def test_choices_by_number_label_alias_or_unique_word(text: str, value: str) -> None:
    assert parse_choice(text, OPTIONS) == value


def test_a_number_out_of_range_names_the_range() -> None:
    with pytest.raises(ParseError) as caught:
        parse_choice("4", OPTIONS)
    assert (caught.value.msg_id, caught.value.params) == ("conv.err.choice.number", {"max": 3})


def test_an_article_alone_is_no_choice() -> None:
    for text in ("el", "a la", "the"):
        with pytest.raises(ParseError):
            parse_choice(text, OPTIONS)


def test_an_ambiguous_word_is_not_guessed() -> None:
    with pytest.raises(ParseError):
        parse_choice("irs", [ChoiceOption("a", ["IRS one"]), ChoiceOption("b", ["IRS two"])])
