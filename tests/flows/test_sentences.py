"""Answers written as sentences, in English and Spanish: what is read, and what must still be refused.

Each table row is what a person types where the strict reader (flows/parsing.py) says
"nonsense"; the value is what the conversation takes, and the refusals are the sentences
where taking a value would be a guess.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from flows import questions as Q
from flows.answers import Answers
from flows.parsing import ParseError
from flows.sentences import count_in, date_in, money_in, year_in, yes_no_in

TODAY = date(2026, 11, 20)


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "lang", "amount"),
    [
        ("cobra is like 600 a month", "en", "600"),
        ("I pay $1,200 for rent", "en", "1200"),
        ("fifty thousand", "en", "50000"),
        ("I owe about fifty two thousand", "en", "52000"),
        ("about six hundred bucks a month", "en", "600"),
        ("around 1.2 million total", "en", "1200000"),
        ("treinta mil", "es", "30000"),
        ("treinta mil", "en", "30000"),  # a Spanish speaker on an English phone
        ("cincuenta y dos mil", "es", "52000"),
        ("debo como 20 mil", "es", "20000"),
        ("la casa vale unos doscientos mil", "es", "200000"),
        ("no tengo casa", "es", "0"),
        ("no tenemos carro", "es", "0"),
        ("I don't own a home", "en", "0"),
        ("we have no car", "en", "0"),
        ("nothing at all", "en", "0"),
    ],
)
def test_the_one_amount_in_a_sentence(text: str, lang: str, amount: str) -> None:
    assert money_in(text, lang) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "lang", "msg_id"),
    [
        ("52k, 12k of it penalties", "en", "conv.err.money.nonsense"),  # two figures
        ("between 500 and 600", "en", "conv.err.money.nonsense"),
        ("un millón y medio", "es", "conv.err.money.nonsense"),  # text2num would drop the half
        ("half a million", "en", "conv.err.money.nonsense"),
        ("no idea", "en", "conv.err.money.nonsense"),  # "no" here is doubt, not $0
        ("no sé cuánto", "es", "conv.err.money.nonsense"),
        ("no, but 500", "en", "conv.err.money.nonsense"),
        ("a lot of money", "en", "conv.err.money.nonsense"),
        ("muchísimo", "es", "conv.err.money.nonsense"),
        ("about 10% of it", "en", "conv.err.money.nonsense"),  # a share, not $10
        ("como el 10 por ciento", "es", "conv.err.money.nonsense"),
        ("I owe since 2019", "en", "conv.err.money.nonsense"),  # a year, not $2,019
        ("debo desde 2019", "es", "conv.err.money.nonsense"),
        ("I owe -500", "en", "conv.err.money.negative"),
        ("debo menos 500", "es", "conv.err.money.negative"),
        ("like 200 million", "en", "conv.err.money.absurd"),
    ],
)
def test_money_sentences_that_are_still_refused(text: str, lang: str, msg_id: str) -> None:
    with pytest.raises(ParseError) as caught:
        money_in(text, lang)
    assert caught.value.msg_id == msg_id


def test_none_as_a_sentence_is_refused_where_zero_is() -> None:
    with pytest.raises(ParseError) as caught:
        money_in("I don't have any", "en", allow_zero=False)
    assert caught.value.msg_id == "conv.err.money.zero"


# ---------------------------------------------------------------- counts and years


@pytest.mark.parametrize(
    ("text", "value"),
    [("there are three of us", 3), ("we are four", 4), ("3 of us", 3), ("somos cinco", 5), ("two cars", 2)],
)
def test_the_one_count_in_a_sentence(text: str, value: int) -> None:
    assert count_in(text, 0, 20, "en") == value


@pytest.mark.parametrize(
    ("text", "msg_id"),
    [
        ("me and two kids", "conv.err.count.nonsense"),  # three people, not two
        ("mi esposa y yo", "conv.err.count.nonsense"),
        ("2 or 3", "conv.err.count.nonsense"),
        ("just us", "conv.err.count.nonsense"),
        ("there are forty of us", "conv.err.count.range"),
    ],
)
def test_count_sentences_that_are_still_refused(text: str, msg_id: str) -> None:
    with pytest.raises(ParseError) as caught:
        count_in(text, 1, 20, "en")
    assert caught.value.msg_id == msg_id


def test_a_year_in_a_sentence() -> None:
    assert year_in("I think 2019", 1996, 2026) == 2019
    assert year_in("desde el 2018 más o menos", 1996, 2026) == 2018
    for text in ("2019 or 2020", "a few years back"):
        with pytest.raises(ParseError):
            year_in(text, 1996, 2026)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("I got it 10 days ago", "en", date(2026, 11, 10)),
        ("ten days ago", "en", date(2026, 11, 10)),
        ("it came on Nov 3", "en", date(2026, 11, 3)),
        ("it came on the 3rd of November", "en", date(2026, 11, 3)),
        ("it is dated 11/03/2026 I think", "en", date(2026, 11, 3)),
        ("I may have got it 2 weeks ago", "en", date(2026, 11, 6)),
        ("la recibí hace 10 días", "es", date(2026, 11, 10)),
        ("hace diez días", "es", date(2026, 11, 10)),
        ("llegó el 3 de noviembre", "es", date(2026, 11, 3)),
        ("tiene fecha 11/03/2026 creo", "es", date(2026, 3, 11)),  # day first in Spanish, as parse_date
    ],
)
def test_the_one_date_in_a_sentence(text: str, lang: str, day: date) -> None:
    assert date_in(text, lang, TODAY) == day


@pytest.mark.parametrize(
    ("text", "lang", "msg_id"),
    [
        ("got it in march", "en", "conv.err.date.nonsense"),  # no day: the 20th would be a guess
        ("2 or 3 weeks ago", "en", "conv.err.date.nonsense"),
        ("yesterday or today", "en", "conv.err.date.nonsense"),
        ("between nov 3 and nov 5", "en", "conv.err.date.nonsense"),
        ("no idea", "en", "conv.err.date.nonsense"),
        ("el otro día", "es", "conv.err.date.nonsense"),
        ("it will come in 3 days", "en", "conv.err.date.future"),
        ("llegará en dos semanas", "es", "conv.err.date.future"),
    ],
)
def test_date_sentences_that_are_still_refused(text: str, lang: str, msg_id: str) -> None:
    with pytest.raises(ParseError) as caught:
        date_in(text, lang, TODAY)
    assert caught.value.msg_id == msg_id


# ---------------------------------------------------------------- yes / no with a tail


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes, in 4 months", True),
        ("Yes I think so", True),
        ("yes, sure", True),
        ("I have", True),
        ("sí, claro", True),
        ("sí, en unos meses", True),
        ("ya lo hice", True),
        ("no, not yet", False),
        ("not yet", False),
        ("nope, never did", False),
        ("no, I don't think so", False),
        ("no, todavía no", False),
        ("todavía no", False),
    ],
)
def test_yes_or_no_with_a_tail(text: str, answer: bool) -> None:
    assert yes_no_in(text) is answer


@pytest.mark.parametrize(
    "text",
    [
        "yes but no",
        "yes, but not all of it",
        "no, maybe",
        "no... well yes",
        "yes or no",
        "ya no",
        "si pudiera, sí",  # "if I could": not a yes
        "sí, pero no todo",
        "perhaps",
        "I don't know",
    ],
)
def test_a_tail_that_doubts_or_contradicts_is_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        yes_no_in(text)
    assert caught.value.msg_id == "conv.err.yes_no"


# ---------------------------------------------------------------- the reading layer


def _read(qid: str, raw: str, lang: str = "en", **answers: object) -> Q.Reading:
    return Q.understand(Q.BY_ID[qid], raw, Answers(**answers), lang, TODAY)


def test_a_strict_answer_is_not_marked_as_read_from_a_sentence() -> None:
    assert _read("monthly_payment", "$600 a month") == Q.Reading(Decimal(600), from_sentence=False)
    assert _read("all_returns_filed", "yes") == Q.Reading(True, from_sentence=False)


def test_a_sentence_answer_says_it_was_read_from_a_sentence() -> None:
    assert _read("health_insurance", "cobra is like 600 a month") == Q.Reading(Decimal(600), True)
    assert _read("home_value", "no tengo casa", "es") == Q.Reading(Decimal(0), True)
    assert _read("can_pay_180", "yes, in 4 months") == Q.Reading(True, True)
    assert _read("letter_date", "I got it 10 days ago") == Q.Reading(date(2026, 11, 10), True)
    assert _read("household_size", "there are three of us") == Q.Reading(3, True)
    assert _read("earliest_year", "I think 2019") == Q.Reading(2019, True)


def test_checks_after_reading_apply_to_sentences_too() -> None:
    with pytest.raises(ParseError) as caught:
        _read("penalty_amount", "about twenty five thousand", balance="20000")
    assert caught.value.msg_id == "conv.err.penalty_exceeds"
    with pytest.raises(ParseError) as caught:
        _read("balance", "I don't have any debt")
    assert caught.value.msg_id == "conv.err.money.zero"


def test_a_button_is_never_read_as_a_sentence() -> None:
    with pytest.raises(ParseError):
        Q.understand(Q.BY_ID["balance"], "cobra is like 600", Answers(), "en", TODAY, button=True)
