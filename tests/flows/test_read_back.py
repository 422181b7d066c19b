"""A value pulled out of a sentence is confirmed in one line before the next question, in both languages."""

from __future__ import annotations

from .conftest import Chat

FEDERAL = ("debt_scope", "The IRS (federal)")


def _notes(chat: Chat) -> list[str]:
    return [m.plain for m in chat.messages if m.kind == "note"]


def test_an_amount_in_a_sentence_is_read_back_before_the_next_question(chat: Chat) -> None:
    chat.answer(*FEDERAL)
    chat.answer("balance", "I owe about fifty thousand")
    assert chat.answers["balance"] == "50000"
    assert _notes(chat) == ["I read that as $50,000."]
    kinds = [m.kind for m in chat.messages]
    assert kinds == ["note", "question"] and chat.question == "taxpayer_kind"


def test_a_monthly_amount_is_read_back_as_a_month(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "30000"),
        ("taxpayer_kind", "Personal (Form 1040)"),
        ("all_returns_filed", "Yes"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "no, not yet"),
    )
    assert _notes(chat) == ["I read that as no."]
    chat.script(("current_year", "Yes"), ("in_bankruptcy", "No"))
    chat.answer("monthly_payment", "I could do like six hundred a month")
    assert chat.answers["monthly_payment"] == "600"
    assert _notes(chat) == ["I read that as $600 a month."]


def test_a_strict_answer_gets_no_read_back(chat: Chat) -> None:
    chat.answer(*FEDERAL)
    chat.answer("balance", "$50,000")
    assert _notes(chat) == []


def test_spanish_sentences_are_read_back_in_spanish(chat_es: Chat) -> None:
    chat_es.answer("debt_scope", "Al IRS (federal)")
    chat_es.answer("balance", "treinta mil")
    assert chat_es.answers["balance"] == "30000"
    assert _notes(chat_es) == ["Lo entendí como $30,000."]
    chat_es.answer("taxpayer_kind", "Personal (Formulario 1040)")
    chat_es.answer("all_returns_filed", "sí, claro")
    assert chat_es.answers["all_returns_filed"] is True
    assert _notes(chat_es) == ["Lo entendí como sí."]


def test_a_date_in_a_sentence_is_read_back_as_a_date(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "20000"),
        ("taxpayer_kind", "Personal (Form 1040)"),
        ("all_returns_filed", "Yes"),
        ("latest_letter", "LT11 / 1058 / CP90 (final)"),
    )
    chat.answer("letter_date", "I got it 10 days ago")
    assert chat.answers["letter_date"] == "2026-11-10"
    assert _notes(chat) == ["I read that as November 10, 2026."]


def test_an_ambiguous_sentence_is_refused_with_the_usual_example_and_changes_nothing(chat: Chat) -> None:
    chat.answer(*FEDERAL)
    before = chat.snapshot
    result = chat.say("52k, 12k of it penalties")
    assert not result.accepted and result.snapshot is before
    (error,) = result.messages
    assert error.kind == "error"
    assert "couldn't read that as an amount" in error.plain and "for example" in error.plain


def test_a_value_typed_by_a_person_is_escaped_in_the_read_back(chat: Chat) -> None:
    chat.answer(*FEDERAL)
    chat.answer("balance", "<b>about</b> fifty thousand")
    (note,) = [m for m in chat.messages if m.kind == "note"]
    assert note.html == "I read that as <b>$50,000</b>."
