"""What a person sends that is not text (flows/media.py, flows/notice_answers.py), as they meet it.

A letter read from a photo is read back and changes nothing until the person confirms it; then
the questions it answers are skipped and the rest go on. What was not read gets a plain reply
and the question again; a voice note or a file is offered to a person, with consent first.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from flows.answers import Letter
from flows.chat import Act, ChatInput, Media, MediaKind
from flows.effects import RelayToStaff, SaveLead
from flows.notice_answers import confirm_value, facts
from flows.notices import NoticeReading, ReadOutcome
from flows.types import UserInput
from tests.flows.test_chat import Person, text

CP504 = NoticeReading(
    code="CP504",
    letter=Letter.CP504,
    notice_date=date(2026, 11, 3),
    amount_due=Decimal("52318.40"),
    respond_by=None,
)


def photo(
    reading: NoticeReading | None = None, outcome: ReadOutcome | None = None, message_id: int = 77
) -> Media:
    if outcome is None:
        outcome = ReadOutcome.READ if reading is not None else ReadOutcome.UNREADABLE
    return Media(kind=MediaKind.PHOTO, message_id=message_id, outcome=outcome, reading=reading)


def sends(person: Person, media: Media):  # noqa: ANN201 - a Turn
    return person.does(Act.MEDIA, media=media)


def question(person: Person) -> str:
    assert person.state is not None
    return person.state.screening.state


def answers(person: Person) -> dict[str, object]:
    assert person.state is not None
    return person.state.screening.answers


# ---------------------------------------------------------------- a letter read from a photo


def test_a_photo_mid_screening_is_read_back_and_changes_nothing_until_confirmed() -> None:
    person = Person()
    person.start()
    person.taps("The IRS (federal)")
    assert question(person) == "balance"
    before = (dict(answers(person)), person.state.step)  # type: ignore[union-attr]
    turn = sends(person, photo(CP504))
    shown = text(turn)
    assert "I read CP504 dated November 3, 2026, amount due $52,318.40." in shown
    assert "Is that right?" in shown
    assert "stays in this Telegram chat" in shown  # said the first time
    labels = [b.label for m in turn.messages for row in m.buttons for b in row]
    assert labels == ["✅ Yes, that's right", "No, not quite"]
    assert all(m.kind != "question" for m in turn.messages)  # the answer brings the next question
    assert (answers(person), person.state.step) == before  # type: ignore[union-attr]
    assert question(person) == "balance"


def test_confirming_skips_every_question_the_letter_answered() -> None:
    person = Person()
    person.start()
    person.taps("The IRS (federal)")
    sends(person, photo(CP504))
    turn = person.taps("✅ Yes, that's right")
    shown = text(turn)
    assert "From your letter:" in shown
    assert "$52,318.40" in shown and "November 3, 2026" in shown
    got = answers(person)
    assert got["debt_scope"] == "federal"
    assert got["balance"] == "52318.40"
    assert got["latest_letter"] == "cp504"
    assert got["letter_date"] == "2026-11-03"
    # Balance answered by the letter: the screening goes on at the next question it did not answer.
    assert question(person) == "taxpayer_kind"
    assert "letter_used" in [e.kind for e in turn.events]
    # /back walks back through what the letter filled, like any answer.
    assert person.state is not None and {"balance", "latest_letter", "letter_date"} <= set(
        person.state.screening.history
    )


def test_a_cp504_confirmed_still_asks_whether_a_levy_started() -> None:
    """A CP504 is a notice of intent to levy (irs-rules §5): whether one began is not on the letter."""
    person = Person()
    person.start()
    person.answers(["b:The IRS (federal)", "8000", "b:Personal (Form 1040)", "b:Yes"])
    assert question(person) == "latest_letter"
    sends(person, photo(CP504))
    person.taps("✅ Yes, that's right")
    assert question(person) == "levy_started"
    assert answers(person)["balance"] == "8000"  # the total they gave stands over one notice's amount


def test_no_not_quite_keeps_nothing_and_asks_the_question() -> None:
    person = Person()
    person.start()
    sends(person, photo(CP504))
    turn = person.taps("No, not quite")
    assert "let's go through the questions" in text(turn)
    assert question(person) == "debt_scope" and answers(person) == {}
    assert turn.messages[-1].kind == "question"


def test_the_privacy_line_is_said_once() -> None:
    person = Person()
    person.start()
    sends(person, photo(CP504))
    person.taps("No, not quite")
    again = sends(person, photo(CP504))
    assert "stays in this Telegram chat" not in text(again)
    assert "I read CP504" in text(again)


def test_a_first_message_that_is_a_photo_is_greeted_then_read_back() -> None:
    person = Person()
    turn = sends(person, photo(CP504))
    kinds = [m.kind for m in turn.messages]
    assert kinds[0] == "greeting"
    assert "question" not in kinds  # no question under the letter: its answer brings the next one
    assert "I read CP504" in text(turn)
    person.taps("✅ Yes, that's right")
    assert question(person) == "taxpayer_kind"


def test_cp2000_amount_is_a_proposal_never_what_is_owed() -> None:
    """A CP2000 proposes a change to a return; it is not a bill (irs-rules §5)."""
    reading = NoticeReading(
        "CP2000", Letter.CP2000, date(2026, 11, 20), Decimal("4210.00"), date(2026, 12, 20)
    )
    person = Person()
    person.start()
    shown = text(sends(person, photo(reading)))
    assert "I read CP2000 dated November 20, 2026." in shown
    assert "proposes $4,210 of extra tax" in shown
    assert "by December 20, 2026" in shown
    person.taps("✅ Yes, that's right")
    assert "balance" not in answers(person)
    assert question(person) == "balance"  # asked, since the notice does not say what is owed
    assert answers(person)["latest_letter"] == "cp2000"


def test_a_notice_the_screening_has_no_answer_for_is_named_and_the_question_goes_on() -> None:
    reading = NoticeReading("CP3219A", None, date(2026, 11, 20), Decimal("9000"), None)
    person = Person()
    person.start()
    turn = sends(person, photo(reading))
    shown = text(turn)
    assert "I read CP3219A" in shown and "/human" in shown
    assert not any(b.value.startswith("cmd:letter:") for m in turn.messages for row in m.buttons for b in row)
    assert turn.messages[-1].kind == "question" and answers(person) == {}


def test_state_only_becomes_both_when_an_irs_letter_is_confirmed() -> None:
    person = Person()
    person.start()
    person.taps("Both")
    person.says("20000")
    sends(person, photo(CP504))
    person.taps("✅ Yes, that's right")
    assert answers(person)["debt_scope"] == "both"


def test_after_the_plan_a_confirmed_letter_asks_what_it_opened_then_a_new_plan() -> None:
    from tests.e2e import scripts

    person = Person()
    person.start()
    person.answers(scripts.SHORT_TERM_BUTTONS)
    assert question(person) == "done"
    sends(person, photo(CP504))
    turn = person.taps("✅ Yes, that's right")
    assert question(person) == "levy_started"  # a CP504 opens the levy question
    turn = person.taps("No")
    # Every other answer stands: the plan again, now led by the notice of intent to levy.
    assert question(person) == "done"
    assert turn.finished and turn.plan is not None and turn.plan.urgent
    assert "Act on the notice of intent to levy (CP504)" in text(turn)


def test_a_tampered_confirm_button_fills_only_what_passes_the_questions_checks() -> None:
    person = Person()
    person.start()
    assert person.state is not None
    step = person.state.step
    future = UserInput.command("letter:cp504:20991231:52318.40", step)
    person.act(ChatInput(Act.INPUT, future, button=True))
    assert "letter_date" not in answers(person)  # a date in the future is refused as typed
    assert answers(person)["latest_letter"] == "cp504"
    assert question(person) == "letter_date" or question(person) == "taxpayer_kind"


@pytest.mark.parametrize(
    "arg",
    [
        "bogus:20261103:1.00",
        "none:20261103:-",
        "cp504:2026-11-03:-",
        "cp504:-:1e9",
        "cp2000:-:10.00",
        "cp504:-",
    ],
)
def test_malformed_confirm_fields_are_refused(arg: str) -> None:
    assert facts(arg) is None


def test_confirm_values_fit_telegram_callback_data() -> None:
    biggest = NoticeReading("LT11", Letter.FINAL_NOTICE, date(2026, 11, 3), Decimal("99999999.99"), None)
    value = confirm_value(biggest)
    assert value is not None
    assert len(f"9999999|cmd:{value}".encode()) <= 64
    assert facts(value.partition(":")[2]) == {
        "debt_scope": "federal",
        "latest_letter": "final_notice",
        "letter_date": "2026-11-03",
        "balance": "99999999.99",
    }


# ---------------------------------------------------------------- not read, or not readable here


@pytest.mark.parametrize(
    ("outcome", "said"),
    [
        (ReadOutcome.UNREADABLE, "I couldn't read an IRS notice on that"),
        (ReadOutcome.NOT_A_NOTICE, "I couldn't read an IRS notice on that"),
        (ReadOutcome.TOO_LARGE, "too big"),
        (ReadOutcome.BUSY, "send it again in a minute"),
    ],
)
def test_a_photo_not_read_gets_a_plain_reply_and_the_question_again(outcome: ReadOutcome, said: str) -> None:
    person = Person()
    person.start()
    person.taps("The IRS (federal)")
    turn = sends(person, photo(outcome=outcome))
    assert said in text(turn)
    assert turn.messages[-1].kind == "question" and question(person) == "balance"
    assert answers(person) == {"debt_scope": "federal"}


def test_spanish_reads_back_in_spanish() -> None:
    person = Person(lang="es")
    person.start()
    shown = text(sends(person, photo(CP504)))
    assert "Leí CP504 con fecha 3 de noviembre de 2026" in shown
    assert "¿Es correcto?" in shown


# ---------------------------------------------------------------- offered to a person


def voice(message_id: int = 41) -> Media:
    return Media(kind=MediaKind.VOICE, message_id=message_id)


def test_a_voice_note_is_offered_to_the_team_and_the_question_repeated() -> None:
    person = Person()
    person.start()
    turn = sends(person, voice())
    assert "I can't listen to voice or video messages" in text(turn)
    buttons = [b for m in turn.messages for row in m.buttons for b in row]
    assert any(b.value == "cmd:share:41" for b in buttons)
    assert turn.messages[-1].kind == "question"
    assert not turn.effects  # nothing goes anywhere without the person's say


def test_passing_it_on_asks_consent_first_then_relays_that_message_with_the_lead() -> None:
    person = Person()
    person.start()
    sends(person, voice(41))
    offer = person.taps("📤 Pass it to the team")
    assert "needs your OK to contact you" in text(offer)
    assert not offer.effects
    person.taps("✅ I agree, contact me")
    person.says("(415) 555-0101")
    person.says("Ann")
    done = person.says("Morning")
    kinds = [type(e) for e in done.effects]
    assert kinds.index(SaveLead) < kinds.index(RelayToStaff)  # the card first, then the voice note
    relay = next(e for e in done.effects if isinstance(e, RelayToStaff))
    assert relay.message_id == 41 and relay.copy_message and relay.text is None


def test_with_a_lead_already_it_is_passed_on_at_once() -> None:
    person = Person()
    person.start()
    person.says("I want to talk to a person")
    person.taps("✅ I agree, contact me")
    person.says("(415) 555-0101")
    person.says("Ann")
    person.says("Morning")
    sends(person, Media(kind=MediaKind.DOCUMENT, message_id=52, outcome=ReadOutcome.UNSUPPORTED))
    turn = person.taps("📤 Pass it to the team")
    assert [e for e in turn.effects if isinstance(e, RelayToStaff)] == [
        RelayToStaff(text=None, copy_message=True, message_id=52)
    ]
    assert "your message is with the team" in text(turn)


def test_a_sticker_is_not_offered_anywhere() -> None:
    person = Person()
    person.start()
    turn = sends(person, Media(kind=MediaKind.OTHER, message_id=9))
    assert "share" not in str([b.value for m in turn.messages for row in m.buttons for b in row])
    assert turn.messages[-1].kind == "question"


def test_a_share_button_with_no_message_id_is_an_unknown_command() -> None:
    person = Person()
    person.start()
    assert person.state is not None
    turn = person.act(ChatInput(Act.INPUT, UserInput.command("share:12ab", person.state.step), button=True))
    assert not turn.effects
    assert person.state.lead_step is None
