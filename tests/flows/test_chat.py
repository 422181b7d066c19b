"""The conversation around the screening, with no Telegram and no database: flows.engine.step.

The lifecycle (greeting, cancel, welcome back, restart, the call to action), the consent and
call-back details, and the staff pause, as a person meets them. What the bot must do besides
talking (record a consent, save a lead, relay to staff) comes back as effects.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from flows import engine, planview
from flows.chat import Act, ChatInput, ChatState, Context, Firm, Source, Turn
from flows.consent import CONSENT_VERSION
from flows.effects import ConsentCoversPhone, RecordConsent, RelayToStaff, SaveAssessment, SaveLead
from flows.lifecycle import with_progress
from flows.types import OutMessage, UserInput
from flows.variants import parse_variants
from tests.e2e import scripts

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
FIRM = Firm(name="Acme & Sons", phone="+1 555 010 2000", booking_url="https://example.com/book")


class Phones:
    """A stand-in for the phonenumbers reader: (415) numbers are valid, nothing else."""

    def typed(self, text: str) -> str | None:
        digits = "".join(ch for ch in text if ch.isdigit())
        return f"+1{digits[-10:]}" if digits[-10:].startswith("415") else None

    def shared(self, raw: str) -> str | None:
        return "+" + raw.lstrip("+")

    def shown(self, e164: str) -> str:
        return f"({e164[2:5]}) {e164[5:8]}-{e164[8:]}"


class Person:
    """One person's conversation, kept as the bot keeps it (state in, state out)."""

    def __init__(self, lang: str = "en", **context: object) -> None:
        self.lang = lang
        self.state: ChatState | None = None
        self.now = NOW
        self.context = context
        self.turns: list[Turn] = []

    def ctx(self) -> Context:
        options = {"rng": random.Random(1), **self.context}
        return Context(now=self.now, firm=FIRM, phones=Phones(), **options)  # type: ignore[arg-type]

    def act(self, inp: ChatInput) -> Turn:
        turn = engine.step(self.state, inp, self.ctx())
        if turn.state is not None:
            turn.state.last_seen = self.now
        self.state = turn.state
        self.turns.append(turn)
        return turn

    def start(self, payload: str | None = None) -> Turn:
        return self.act(ChatInput(Act.START, payload=payload, language_code=self.lang))

    def says(self, text: str) -> Turn:
        return self.act(ChatInput(Act.INPUT, UserInput.typed(text), language_code=self.lang))

    def taps(self, label: str) -> Turn:
        """Press the button with this label among the last turn's messages, at their step."""
        assert self.state is not None
        for message in reversed(self.turns[-1].messages):
            for row in message.buttons:
                for button in row:
                    if button.label == label:
                        value = button.value
                        ui = (
                            UserInput.command(value[4:], self.state.step)
                            if value.startswith("cmd:")
                            else UserInput.pressed(value, self.state.step)
                        )
                        return self.act(ChatInput(Act.INPUT, ui, button=True, language_code=self.lang))
        raise AssertionError(f"no button {label!r} in {[m.plain for m in self.turns[-1].messages]}")

    def does(self, act: Act, **fields: object) -> Turn:
        return self.act(ChatInput(act, language_code=self.lang, **fields))  # type: ignore[arg-type]

    def answers(self, script: list[str]) -> Turn:
        turn = self.turns[-1]
        for reply in script:
            turn = self.taps(reply[2:]) if reply.startswith("b:") else self.says(reply)
        return turn


def text(turn: Turn) -> str:
    return "\n".join(m.plain for m in turn.messages)


def kinds(turn: Turn) -> list[str]:
    return [e.kind for e in turn.events]


def finished(person: Person) -> Turn:
    person.start()
    return person.answers(scripts.SHORT_TERM_BUTTONS)


# ---------------------------------------------------------------- the lifecycle


def test_a_new_person_is_greeted_and_asked_the_first_question_with_its_progress() -> None:
    ann = Person()
    turn = ann.start()
    assert turn.created and ann.state is not None and ann.state.status == "active"
    greeting, question = turn.messages
    assert greeting.kind == "greeting" and "Acme &amp; Sons" in greeting.html  # the firm's name escaped
    assert question.plain.startswith("Question 1 of ~") and "Who do you owe?" in question.plain
    assert kinds(turn)[0] == "started" and turn.events[0].data["variant_intro"] == ann.state.variant_intro


def test_cancel_before_anything_stores_nothing_and_help_starts_the_screening() -> None:
    bob = Person()
    turn = bob.does(Act.CANCEL)
    assert turn.state is None and "nothing to stop" in text(turn)
    turn = bob.does(Act.HELP)
    assert turn.created and text(turn).index("I ask a few questions") < text(turn).index("Who do you owe?")


def test_a_deep_link_is_the_campaign_first_and_last_and_picks_the_campaigns_greeting() -> None:
    book = parse_variants(
        {
            "global": {"intro": {"plain": {"en": "Hello {firm}", "es": "Hola {firm}"}}},
            "campaign": {"levy_fb": {"intro": {"levy": {"en": "Stop the levy", "es": "Pare el embargo"}}}},
        }
    )
    cid = Person(variants=book)
    turn = cid.act(ChatInput(Act.START, source=Source("levy_fb"), payload="levy_fb", language_code="en"))
    assert turn.messages[0].plain == "Stop the levy"
    assert cid.state is not None and (cid.state.source_first, cid.state.source_last) == ("levy_fb", "levy_fb")
    cid.act(ChatInput(Act.START, source=Source("spring_g"), language_code="en"))
    assert (cid.state.source_first, cid.state.source_last) == ("levy_fb", "spring_g")
    assert cid.state.variant_intro == "levy"  # sticky: the greeting they were shown first


def test_cancel_keeps_the_answers_and_anything_after_it_offers_to_continue() -> None:
    dee = Person()
    dee.start()
    dee.answers(scripts.SHORT_TERM_BUTTONS[:2])
    turn = dee.does(Act.CANCEL)
    assert dee.state is not None and dee.state.status == "cancelled" and turn.messages[0].remove_keyboard
    turn = dee.says("hello")
    assert dee.state.status == "active" and "Welcome back" in text(turn)
    turn = dee.taps("Continue")
    assert "What kind of tax debt is it?" in text(turn) and turn.mark_chosen
    assert dee.state.screening.answers["balance"] == "8000"


def test_after_a_break_text_that_is_no_answer_meets_the_welcome_back_offer_first() -> None:
    eve = Person()
    eve.start()
    eve.answers(scripts.SHORT_TERM_BUTTONS[:2])
    eve.now += timedelta(minutes=61)
    turn = eve.says("hello, I'm back")
    assert "Welcome back" in text(turn) and kinds(turn) == ["returned"]
    assert eve.state is not None and eve.state.screening.answers["balance"] == "8000"
    turn = eve.taps("Start over")
    assert eve.state.screening.answers == {} and "Question 1 of" in text(turn)


def test_after_a_break_an_answer_to_the_question_on_screen_is_kept() -> None:
    """Typed on return two hours later, "personal" answers the open question: taken, not dropped."""
    ivy = Person()
    ivy.start()
    ivy.answers(scripts.SHORT_TERM_BUTTONS[:2])
    ivy.now += timedelta(hours=2)
    turn = ivy.says("personal")
    assert "Welcome back" not in text(turn) and "returned" not in kinds(turn)
    assert ivy.state is not None and ivy.state.screening.answers["taxpayer_kind"] == "personal"


def test_an_hour_is_not_yet_a_break() -> None:
    fay = Person()
    fay.start()
    fay.answers(scripts.SHORT_TERM_BUTTONS[:2])
    fay.now += timedelta(minutes=60)
    assert "Question 4 of" in text(fay.taps("Personal (Form 1040)"))


def test_the_plan_comes_as_one_summary_with_the_call_to_action_then_the_consent_offer() -> None:
    gus = Person()
    turn = finished(gus)
    assert turn.finished and gus.state is not None and gus.state.status == "finished"
    assert gus.state.finished_at == NOW and gus.state.lead_step == "offered"
    summary, consent = turn.messages
    assert summary.kind == "result" and len(summary.plain) < planview.MAX_SUMMARY
    assert "1. Short-term payment plan" in summary.plain and "First step: Apply online" in summary.plain
    assert "Call Acme & Sons at +1 555 010 2000" in summary.plain  # the call to action, attached
    buttons = [(b.label, b.value or b.url) for row in summary.buttons for b in row]
    assert buttons == [
        ("1. Short-term payment plan", "cmd:details:1"),
        ("Other options (2)", "cmd:options"),  # the 36- and 72-month plans of someone paying in 4 months
        ("Good to know", "cmd:notes"),
        ("Book a consultation", "https://example.com/book"),
        ("Change an answer", "cmd:review"),
    ]
    assert consent.kind == "consent" and [b.value for row in consent.buttons for b in row] == [
        "cmd:lead_yes",
        "cmd:lead_no",
    ]
    (saved,) = [e for e in turn.effects if isinstance(e, SaveAssessment)]
    assert saved.answers["balance"] == "8000" and saved.plan is turn.plan
    assert kinds(turn)[-2:] == ["completed", "consent_offered"]


def test_the_plans_details_other_options_and_notes_are_one_tap_away_and_change_nothing() -> None:
    hank = Person()
    plan = finished(hank)
    before = hank.state
    details = hank.taps("1. Short-term payment plan")
    assert "Why: You owe under $100,000 and can pay within 180 days" in text(details)
    assert hank.state == before and kinds(details) == ["plan_details"]
    hank.turns.append(plan)  # the summary's buttons again
    options = hank.taps("Other options (2)")
    assert "Guaranteed installment agreement (may fit)" in text(options)
    assert "Streamlined payment plan" in text(options)
    detail = hank.taps("3. Streamlined payment plan")
    assert "72 months" in text(detail)
    hank.turns.append(plan)
    notes = hank.taps("Good to know")
    assert "Interest keeps growing" in text(notes) and "not tax advice" in text(notes)
    shown = [m for turn in hank.turns for m in turn.messages if m.kind == "result"]
    assert all(len(m.plain) <= planview.MAX_MESSAGE for m in shown)


def test_typing_after_the_plan_gets_the_finished_hint_and_changes_nothing() -> None:
    hal = Person()
    finished(hal)
    before = hal.state
    turn = hal.says("what now?")
    assert "Your result is above" in text(turn) and turn.state == before


def test_start_over_after_the_plan_is_a_new_screening_whose_old_buttons_are_stale() -> None:
    ida = Person()
    finished(ida)
    assert ida.state is not None
    old_step = ida.state.step
    ida.says("and now?")  # the finished hint has the way to start over
    turn = ida.taps("Start over")
    assert ida.state.status == "active" and ida.state.step > old_step and ida.state.lead_step is None
    assert "restart" in kinds(turn) and "Question 1 of" in text(turn)
    stale = ida.act(ChatInput(Act.INPUT, UserInput.pressed("federal", old_step), button=True))
    assert stale.notice is not None and "earlier message" in stale.notice and kinds(stale) == ["stale"]


def test_media_repeats_the_question_and_after_a_cancel_offers_to_continue() -> None:
    jo = Person()
    jo.start()
    turn = jo.does(Act.MEDIA)
    assert "I can only read text" in text(turn) and "Who do you owe?" in text(turn)
    jo.does(Act.CANCEL)
    turn = jo.does(Act.MEDIA)
    assert kinds(turn) == ["unsupported", "returned"] and "Welcome back" in text(turn)


def test_stop_turns_reminders_off_anywhere_and_start_turns_them_on() -> None:
    kay = Person()
    kay.start()
    turn = kay.does(Act.STOP)
    assert kay.state is not None and kay.state.opted_out and "won't send you reminders" in text(turn)
    turn = kay.start()
    assert not kay.state.opted_out and "reminders are on again" in text(turn)


# ---------------------------------------------------------------- consent and call-back details


def test_agree_then_number_name_and_time_save_one_lead_covered_by_the_consent() -> None:
    lea = Person()
    finished(lea)
    turn = lea.taps("✅ I agree, contact me")
    (consent,) = turn.effects
    assert isinstance(consent, RecordConsent) and consent.accepted and consent.version == CONSENT_VERSION
    ask = turn.messages[-1]
    assert ask.keyboard is not None and ask.keyboard.rows[0][0].request_contact
    turn = lea.act(ChatInput(Act.INPUT, UserInput.typed("(415) 555-2671"), first_name="Lea"))
    assert turn.effects == [ConsentCoversPhone("+14155552671")]
    assert turn.messages[-1].keyboard is not None and turn.messages[-1].keyboard.rows[0][0].label == "Lea"
    lea.says("Lea  Ruiz")
    turn = lea.says("Evening")
    (saved,) = turn.effects
    assert isinstance(saved, SaveLead) and saved.plan is not None and saved.reason == "plan"
    assert (saved.phone_e164, saved.name, saved.best_time, saved.verified) == (
        "+14155552671",
        "Lea Ruiz",
        "evening",
        False,
    )
    assert "(415) 555-2671" in text(turn) and turn.messages[-1].remove_keyboard
    assert lea.state is not None and lea.state.lead_step == "done" and lea.state.lead_draft is None


def test_a_shared_contact_is_the_verified_number_and_someone_elses_is_refused() -> None:
    max_ = Person()
    finished(max_)
    max_.taps("✅ I agree, contact me")
    turn = max_.does(Act.CONTACT, phone=None)
    assert (
        "someone else's contact" in text(turn) and max_.state is not None and max_.state.lead_step == "phone"
    )
    max_.does(Act.CONTACT, phone="14155550000")
    max_.says("Max")
    turn = max_.says("any time I guess")
    (saved,) = turn.effects
    assert isinstance(saved, SaveLead)
    assert (saved.phone_e164, saved.name, saved.best_time, saved.verified) == (
        "+14155550000",
        "Max",
        "any time I guess",
        True,
    )


@pytest.mark.parametrize(
    ("step", "bad", "says"),
    [("phone", "12345", "doesn't look like a phone number"), ("name", "1234", "Please type a name")],
)
def test_a_bad_detail_is_asked_again_and_nothing_moves(step: str, bad: str, says: str) -> None:
    ned = Person()
    finished(ned)
    ned.taps("✅ I agree, contact me")
    if step == "name":
        ned.says("(415) 555-2671")
    assert ned.state is not None
    before = ned.state.lead_step
    turn = ned.says(bad)
    assert says in text(turn) and ned.state.lead_step == before and not turn.effects


def test_decline_is_recorded_once_and_not_asked_again_in_that_screening() -> None:
    ola = Person()
    finished(ola)
    turn = ola.taps("No, thanks")
    (consent,) = turn.effects
    assert isinstance(consent, RecordConsent) and not consent.accepted and turn.mark_chosen
    assert "nobody will contact you" in text(turn)
    assert ola.state is not None
    again = ola.act(ChatInput(Act.INPUT, UserInput.command("lead_yes", ola.state.step), button=True))
    assert again.effects == [] and again.notice == "You already answered this one."
    assert "You asked not to be contacted" in text(again)


def test_a_contact_shared_before_consent_is_not_kept_and_consent_is_asked_first() -> None:
    pia = Person()
    finished(pia)
    turn = pia.does(Act.CONTACT, phone="14155552671")
    assert turn.effects == [] and kinds(turn) == ["contact_ignored"] and turn.messages[-1].kind == "consent"


def test_a_new_screening_forgets_an_unfinished_capture() -> None:
    quin = Person()
    finished(quin)
    quin.taps("✅ I agree, contact me")
    quin.act(ChatInput(Act.INPUT, UserInput.command("restart")))
    assert quin.state is not None and quin.state.lead_step is None and quin.state.lead_draft is None


# ---------------------------------------------------------------- the staff pause


def test_while_staff_has_the_person_everything_is_relayed_and_the_bot_says_nothing() -> None:
    rey = Person()
    finished(rey)
    assert rey.state is not None
    taken = engine.staff_takes(rey.state, rey.ctx())
    assert taken.state is not None and taken.state.with_staff and "team is now with you" in text(taken)
    rey.state = taken.state
    assert rey.says("is the levy stopped?").effects == [RelayToStaff("is the levy stopped?")]
    assert rey.start("fb").effects == [RelayToStaff("/start fb")]
    assert rey.does(Act.MEDIA).effects == [RelayToStaff(None, copy_message=True)]
    press = rey.act(ChatInput(Act.INPUT, UserInput.command("restart", rey.state.step), button=True))
    assert press.effects == [] and press.messages == [] and press.notice is not None
    back = engine.staff_hands_back(rey.state, rey.ctx())
    assert (
        back.state is not None
        and not back.state.with_staff
        and "back with the automated assistant" in text(back)
    )
    assert engine.staff_hands_back(back.state, rey.ctx()).messages == []  # nothing to hand back twice


# ---------------------------------------------------------------- progress and language


def test_progress_goes_on_the_first_question_of_a_turn_only() -> None:
    messages = [
        OutMessage(html="Note", plain="Note"),
        OutMessage(html="<b>Q?</b>", plain="Q?", kind="question"),
        OutMessage(html="Q2", plain="Q2", kind="question"),
    ]
    note, first, second = with_progress(messages, (2, 9), "en")
    assert note.html == "Note" and second.html == "Q2"
    assert first.html == "<i>Question 3 of ~9</i>\n\n<b>Q?</b>" and first.plain == "Question 3 of ~9\n\nQ?"


def test_progress_total_never_below_the_current_question() -> None:
    (out,) = with_progress([OutMessage(html="Q", plain="Q", kind="question")], (9, 5), "es")
    assert "Pregunta 10 de ~10" in out.html


def test_a_spanish_phone_gets_the_whole_conversation_in_spanish() -> None:
    sol = Person(lang="es")
    turn = sol.start()
    assert "Pregunta 1 de ~" in text(turn)
    turn = sol.answers(["federal", "8000", "1", "sí", "1", "no", "0", "sí"])
    assert "Plan de pagos a corto plazo" in text(turn) and "Llame a Acme & Sons" in text(turn)
    assert turn.messages[-1].kind == "consent" and "¿Quiere que Acme & Sons" in turn.messages[-1].plain
