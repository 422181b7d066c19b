"""What cannot wait, a person on demand, "stop contacting me", and the person's own language.

Written from issue 18: an LT11 dated 10 days ago was said at question 6 and then 13 more
questions came before "Urgent: 20 days left"; "I want to talk to a person" was "not one of the
options"; a Spanish speaker with an English phone could not leave English.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from flows.answers import Answers
from flows.chat import Act, ChatInput
from flows.effects import NotifyStaff, SaveLead, WithdrawConsent
from flows.hours import HoursError, parse_hours
from flows.intents import HUMAN, STOP_CONTACT, read
from flows.language import looks_spanish
from flows.plan import Program
from flows.rules.deadlines import urgency
from flows.types import UserInput
from tests.flows.test_chat import NOW, Person, finished, kinds, text

TODAY = NOW.date()  # 2026-11-25


def final_notice_answers(person: Person, letter_date: str, balance: str = "52000") -> None:
    person.start()
    person.answers(
        [
            "b:The IRS (federal)",
            balance,
            "b:Personal (Form 1040)",
            "b:Yes",
            "b:LT11 / 1058 / CP90 (final)",
            letter_date,
        ]
    )


def test_a_final_notice_ten_days_old_is_said_at_once_with_a_call_offered_before_the_next_question() -> None:
    pat = Person()
    final_notice_answers(pat, (TODAY - timedelta(days=10)).isoformat())
    turn = pat.turns[-1]
    urgent, question = turn.messages[0], turn.messages[-1]
    assert urgent.kind == "urgent" and "December 15, 2026 (20 days left)" in urgent.plain
    assert "Collection Due Process hearing" in urgent.plain and len(urgent.plain) < 300
    assert [b.value for row in urgent.buttons for b in row] == ["cmd:call_now"]
    assert question.kind == "question"  # then the screening goes on, at the next question
    assert "urgent_shown" in kinds(turn)
    # Said once: the next answer does not say it again.
    assert not any(m.kind == "urgent" for m in pat.taps("No").messages)


def test_call_me_now_takes_consent_and_the_details_then_goes_back_to_the_questions() -> None:
    quinn = Person()
    final_notice_answers(quinn, (TODAY - timedelta(days=10)).isoformat())
    turn = quinn.taps("📞 Call me now")
    assert "can call you about this today" in text(turn) and turn.messages[-1].kind == "consent"
    quinn.taps("✅ I agree, contact me")
    quinn.says("(415) 555-2671")
    quinn.says("Quinn")
    turn = quinn.says("Morning")
    (lead,) = turn.effects
    assert isinstance(lead, SaveLead) and lead.reason == "urgent"
    assert (
        lead.plan is not None and lead.plan.urgent and lead.plan.days_left == 20
    )  # the staff card's urgency
    assert "Meanwhile, let's finish" in text(turn)
    assert turn.messages[-1].kind == "question"  # the question the screening was at
    assert quinn.state is not None and quinn.state.status == "active" and quinn.state.lead_step == "done"


def test_the_plan_of_an_urgent_case_says_what_to_do_today_and_does_not_ask_consent_twice() -> None:
    ray = Person()
    final_notice_answers(ray, (TODAY - timedelta(days=10)).isoformat(), balance="8000")
    ray.taps("📞 Call me now")
    ray.taps("✅ I agree, contact me")
    for reply in ("(415) 555-2671", "Ray", "Morning"):
        ray.says(reply)
    # no levy yet, no dispute, no penalties, can pay within 180 days
    turn = ray.answers(["b:No", "b:No", "b:None / $0", "b:Yes"])
    assert turn.finished
    assert "Do this today." in text(turn)
    assert not any(m.kind == "consent" for m in turn.messages)  # they are a lead already


@pytest.mark.parametrize(
    ("letter", "extra", "program"),
    [
        ("cp504", {}, Program.levy_warning),
        ("cp504", {"letter_date": date(2026, 11, 20), "levy_started": True}, Program.levy_release),
        ("cp2000", {"letter_date": date(2026, 11, 1)}, Program.cp2000_response),
        ("lien_3172", {"letter_date": date(2026, 11, 15)}, Program.cdp_hearing),
    ],
)
def test_what_is_said_at_once(letter: str, extra: dict[str, object], program: Program) -> None:
    answers = Answers(debt_scope="federal", balance=30000, latest_letter=letter, **extra)
    found = urgency(answers, TODAY)
    assert found is not None and found.program is program


def test_a_window_already_closed_or_not_yet_dated_is_not_said_at_once() -> None:
    closed = Answers(
        debt_scope="federal", balance=30000, latest_letter="final_notice", letter_date=date(2026, 9, 1)
    )
    undated = Answers(debt_scope="federal", balance=30000, latest_letter="final_notice")
    first_bill = Answers(debt_scope="federal", balance=30000, latest_letter="cp14")
    assert (
        urgency(closed, TODAY) is None
        and urgency(undated, TODAY) is None
        and urgency(first_bill, TODAY) is None
    )


# ---------------------------------------------------------------- a person on demand


@pytest.mark.parametrize(
    "typed",
    [
        "I want to talk to a person",
        "can I speak with someone?",
        "Quiero hablar con alguien",
        "¿una persona real?",
    ],
)
def test_asking_for_a_person_at_question_three_takes_them_to_consent_in_either_language(typed: str) -> None:
    sam = Person()
    sam.start()
    sam.answers(["b:The IRS (federal)", "20000"])
    turn = sam.says(typed)
    assert "someone from Acme & Sons can talk with you" in text(turn) and turn.messages[-1].kind == "consent"
    sam.taps("✅ I agree, contact me")
    sam.says("(415) 555-2671")
    sam.says("Sam")
    turn = sam.says("Any time")
    (lead,) = turn.effects
    assert isinstance(lead, SaveLead) and lead.reason == "person"
    assert turn.messages[-1].kind == "question" and "What kind of tax debt is it?" in turn.messages[-1].plain


def test_a_lead_taken_mid_screening_whose_answers_then_turn_urgent_is_flagged_to_staff_at_once() -> None:
    """Issue 18: "post an urgent card to staff" the moment a deadline is known, for a person whose
    number the firm already has (they asked for someone at question 3)."""
    vic = Person()
    vic.start()
    vic.answers(["b:The IRS (federal)", "52000"])
    vic.says("I want to talk to a person")
    vic.taps("✅ I agree, contact me")
    for reply in ("(415) 555-2671", "Vic", "Morning"):
        vic.says(reply)
    vic.answers(["b:Personal (Form 1040)", "b:Yes", "b:LT11 / 1058 / CP90 (final)"])
    turn = vic.says((TODAY - timedelta(days=10)).isoformat())
    (notice,) = turn.effects
    assert isinstance(notice, NotifyStaff) and notice.reason == "urgent" and notice.plan is not None
    assert "urgent_notified" in kinds(turn)
    assert turn.messages[0].kind == "urgent"
    # Said once: the next answer tells nobody again.
    assert not vic.taps("No").effects


def test_without_a_number_the_urgent_message_offers_the_call_and_tells_nobody() -> None:
    wes = Person()
    final_notice_answers(wes, (TODAY - timedelta(days=10)).isoformat())
    assert not wes.turns[-1].effects


def test_outside_business_hours_the_promise_says_when() -> None:
    hours = parse_hours("Mon-Fri 09:00-18:00", "America/New_York")
    saturday = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
    tia = Person(hours=hours)
    tia.now = saturday
    tia.start()
    tia.act(ChatInput(Act.INPUT, UserInput.command("human")))
    tia.taps("✅ I agree, contact me")
    tia.says("(415) 555-2671")
    tia.says("Tia")
    turn = tia.says("Evening")
    assert "Our team is back Monday, November 30, 2026 at 9:00 AM" in text(turn)


def test_a_known_lead_asking_for_a_person_tells_the_staff_without_asking_again() -> None:
    una = Person()
    finished(una)
    una.taps("✅ I agree, contact me")
    for reply in ("(415) 555-2671", "Una", "Morning"):
        una.says(reply)
    turn = una.says("talk to a real person please")
    assert turn.effects == [NotifyStaff(reason="person", plan=turn.effects[0].plan)]  # type: ignore[attr-defined]
    assert "will contact you as soon as possible" in text(turn) and "asked_for_person" in kinds(turn)


def test_business_hours_are_checked_when_read() -> None:
    with pytest.raises(HoursError):
        parse_hours("weekdays 9-5", "America/New_York")
    with pytest.raises(HoursError):
        parse_hours("Mon-Fri 18:00-09:00", "America/New_York")
    with pytest.raises(HoursError):
        parse_hours("Mon-Fri 09:00-18:00", "Mars/Olympus")
    weekend = parse_hours("Sat-Sun 10:00-14:00", "UTC")
    assert weekend.is_open(datetime(2026, 11, 29, 11, 0, tzinfo=UTC))
    assert not weekend.is_open(datetime(2026, 11, 30, 11, 0, tzinfo=UTC))


# ---------------------------------------------------------------- stop contacting me


def test_stop_contacting_me_withdraws_consent_and_keeps_the_record_without_erasing() -> None:
    vic = Person()
    finished(vic)
    vic.taps("✅ I agree, contact me")
    for reply in ("(415) 555-2671", "Vic", "Morning"):
        vic.says(reply)
    turn = vic.says("Please stop contacting me")
    (withdrawn,) = turn.effects
    assert isinstance(withdrawn, WithdrawConsent) and "won't contact you" in text(turn)
    assert vic.state is not None and vic.state.lead_step == "withdrawn"
    assert vic.state.screening.answers["balance"] == "8000"  # nothing erased: /delete does that
    again = vic.start()  # a new screening does not ask for consent again on its own
    assert vic.state.lead_step == "withdrawn" and not any(m.kind == "consent" for m in again.messages)


def test_stop_contacting_before_any_number_says_nobody_has_it() -> None:
    wes = Person()
    wes.start()
    turn = wes.says("no me llamen")
    assert "Nobody from Acme & Sons has your number" in text(turn) and turn.effects == []


@pytest.mark.parametrize(
    ("typed", "intent"),
    [
        ("I want to talk to a person", HUMAN),
        ("QUIERO HABLAR CON UNA PERSONA", HUMAN),
        ("don't call me", STOP_CONTACT),
        ("Dejen de llamarme, por favor", STOP_CONTACT),
        ("52000", None),
        ("no", None),
        ("a person owes it", None),
        ("my spouse", None),
    ],
)
def test_intents_are_phrases_never_answers(typed: str, intent: str | None) -> None:
    assert read(typed) == intent


# ---------------------------------------------------------------- their language


def test_a_spanish_speaker_with_an_english_phone_is_answered_in_spanish_from_the_first_message() -> None:
    xio = Person(lang="en")
    xio.start()
    turn = xio.says("hola, hablo español")
    assert xio.state is not None and xio.state.lang == "es"
    assert "Seguiré en español" in text(turn) and "¿A quién le debe?" in text(turn)
    assert [b.value for row in turn.messages[0].buttons for b in row] == ["cmd:language:en"]
    turn = xio.says("federal")
    assert "¿Cuánto le debe al IRS en total?" in text(turn)


def test_the_greeting_offers_both_languages_and_language_switches_any_time() -> None:
    yan = Person(lang="es")
    turn = yan.start()
    assert [b.value for row in turn.messages[0].buttons for b in row] == [
        "cmd:language:en",
        "cmd:language:es",
    ]
    turn = yan.taps("English")
    assert yan.state is not None and yan.state.lang == "en" and "Who do you owe?" in text(turn)
    turn = yan.act(ChatInput(Act.INPUT, UserInput.command("language")))
    assert "Which language do you prefer?" in text(turn)


def test_english_text_is_never_taken_for_spanish() -> None:
    for typed in ("federal", "8000", "no", "I owe about 52k", "Hi, I got a letter"):
        assert not looks_spanish(typed), typed
    for typed in ("hola", "hablo español", "tengo una deuda con el IRS", "Buenos días"):
        assert looks_spanish(typed), typed
