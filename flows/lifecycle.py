"""The life of a conversation around the screening: new, active, cancelled, finished.

Read the table in :func:`build_machine` as the conversation's rules: for each input
(``trigger``) and status (``source``), the first line whose condition holds decides
the new status (``dest``, None: unchanged) and what the person is told (``after``).
The screening itself (flows/screening.py) is asked only by the "input" lines that
show it, and its result picks between the last three of them.

What a person can always do: /start (a new person is greeted; someone with an
unfinished screening is offered to continue or start over), /help (what this is, then
the open question again), /cancel (stop for now, answers kept), and the controls of
the screening. After a break of ``Context.resume_after``, typed text is met with the
welcome-back offer first.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from transitions import EventData, Machine

from flows import media
from flows.catalogue import normalize_lang, t
from flows.chat import (
    STATUS_ACTIVE,
    STATUS_CANCELLED,
    STATUS_FINISHED,
    STATUS_NEW,
    Act,
    ChatState,
    Reply,
)
from flows.effects import REASON_URGENT, NotifyStaff, SaveAssessment
from flows.machine import DONE
from flows.messages import message, plain
from flows.render import format_date, format_days_left
from flows.types import Button, InputKind, OutMessage, StepResult, UserInput

RESUME = "resume"  # the welcome-back offer's "Continue" (the review has its own "continue")
CALL_NOW = "call_now"  # the urgent message's "Call me now" (flows/capture.py takes it)
RESTART = "restart"
REVIEW = "review"

LEAD_TAKEN = "done"  # flows/capture.py's DONE: consent given and the call-back details taken
STATUSES = [STATUS_NEW, STATUS_ACTIVE, STATUS_CANCELLED, STATUS_FINISHED]
STORED = [STATUS_ACTIVE, STATUS_CANCELLED, STATUS_FINISHED]


def text_message(key: str, lang: str, /, *, kind: str = "info", **values: object) -> OutMessage:
    """A catalogue text with every placeholder escaped (firm names and phone numbers contain "&")."""
    return message(t(key, lang, **{k: html.escape(str(v)) for k, v in values.items()}), kind=kind)


def command(label: str, name: str) -> Button:
    return Button(label, f"cmd:{name}")


class Lifecycle:
    """The model of the lifecycle machine for one turn: ``status`` is the machine's state."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.turn = reply.turn
        self.ctx = reply.ctx
        self.inp = reply.inp
        self.status = reply.state.status if reply.state is not None else STATUS_NEW
        self._screened: StepResult | None = None

    @property
    def lang(self) -> str:
        return self.reply.lang

    @property
    def state(self) -> ChatState:
        return self.reply.live()

    @property
    def user_input(self) -> UserInput | None:
        return self.inp.user_input

    # ------------------------------------------------------------ conditions

    def stale_button(self, event: EventData) -> bool:
        ui = self.user_input
        return ui is not None and ui.step is not None and ui.step != self.state.step

    def resume_pressed(self, event: EventData) -> bool:
        ui = self.user_input
        return ui is not None and ui.kind is InputKind.COMMAND and ui.value == RESUME

    def restart_pressed(self, event: EventData) -> bool:
        ui = self.user_input
        return ui is not None and ui.kind is InputKind.COMMAND and ui.value == RESTART

    def typed_after_result(self, event: EventData) -> bool:
        ui = self.user_input
        return ui is not None and ui.kind is not InputKind.COMMAND

    def back_after_a_break(self, event: EventData) -> bool:
        """Typed text after a break that does not answer the question on screen ("hello"): the
        welcome-back offer. An answer to the open question is simply taken."""
        ui, state = self.user_input, self.state
        if ui is None or ui.kind is not InputKind.TEXT or state.last_seen is None:
            return False
        if not state.has_progress() or self.ctx.now - state.last_seen <= self.ctx.resume_after:
            return False
        return not self.ctx.screening.answers_open_question(state.screening, ui, self.ctx.now.date())

    def letter_read(self, event: EventData) -> bool:
        return self.inp.media is not None and self.inp.media.reading is not None

    def nothing_to_resume(self, event: EventData) -> bool:
        return self.status == STATUS_FINISHED or not self.state.has_progress()

    def plan_shown(self, event: EventData) -> bool:
        return self.screened().finished

    def reopened(self, event: EventData) -> bool:
        return self.screened().snapshot.state != DONE

    def screened(self) -> StepResult:
        """The screening's answer to this input, worked out once whichever line asks first."""
        if self._screened is None:
            ui = self.user_input
            assert ui is not None
            self._screened = self.ctx.screening.handle(self.state.screening, ui, self.ctx.now.date())
        return self._screened

    # ------------------------------------------------------------ what the person is told

    def create(self, event: EventData) -> None:
        """A new person: a conversation with its source and variants, the greeting, the first question."""
        self.show_start(self.new_conversation())

    def create_for_letter(self, event: EventData) -> None:
        """A new person whose first message is a letter read from a photo: the greeting, then the
        letter read back (its answer brings the first question still open)."""
        start = self.new_conversation()
        self.show_start(replace(start, messages=[]))
        self.media_received(event)

    def new_conversation(self) -> StepResult:
        source = self.inp.source
        campaign = source.campaign if source is not None else None
        lang = normalize_lang(self.inp.language_code)
        start = self.ctx.screening.start(lang)
        self.reply.state = ChatState(
            screening=start.snapshot,
            status=STATUS_ACTIVE,
            lang=lang,
            source_first=campaign,
            source_last=campaign,
            source_token=source.token if source is not None else None,
            click_id=source.click if source is not None else None,
        )
        self.turn.created = True
        self.assign_variants()
        self.turn.say(self.greeting())
        return start

    def help_then_create(self, event: EventData) -> None:
        self.turn.say(text_message("bot.help", self.lang))
        self.create(event)

    def take_source(self) -> None:
        source = self.inp.source
        if source is None or source.campaign is None:
            return
        state = self.state
        state.source_last = source.campaign
        state.source_token = source.token
        if source.click is not None:  # a used click token keeps the click the person came with
            state.click_id = source.click
        if state.source_first is None:
            state.source_first = source.campaign

    def fresh_start(self, event: EventData) -> None:
        """/start with nothing to resume: a new screening on the same conversation, greeted again."""
        self.start_screening(greet=True)

    def start_over(self, event: EventData) -> None:
        self.turn.event("restart")
        self.turn.mark_chosen = True
        self.start_screening(greet=False)

    def start_screening(self, *, greet: bool) -> None:
        """A new screening; the source that brought the person first, and their history, stay."""
        state = self.state
        start = self.ctx.screening.start(self.lang)
        # Buttons of the previous screening must stay stale: a step number is never reused.
        start.snapshot.step = max(start.snapshot.step, state.step + 1)
        state.screening = start.snapshot
        state.finished_at = None
        if greet:
            self.assign_variants()
            self.turn.say(self.greeting())
        self.show_start(start)

    def show_start(self, start: StepResult) -> None:
        if not any(ev.kind == "started" for ev in start.events):
            self.turn.event("started")
        self.turn.events.extend(start.events)
        self.turn.screening = start
        self.turn.messages += with_progress(start.messages, start.progress or (0, 0), self.lang)

    def offer_resume(self, event: EventData) -> None:
        self.turn.event("returned", self.state.screening.state)
        lang = self.lang
        buttons = (
            (command(t("bot.btn_continue", lang), RESUME), command(t("bot.btn_start_over", lang), RESTART)),
        )
        self.turn.say(message(t("bot.resume_offer", lang), buttons=buttons, kind="resume"))

    def resume(self, event: EventData) -> None:
        self.turn.event("continued", self.state.screening.state)
        self.turn.mark_chosen = True
        self.prompt()

    def refuse_stale(self, event: EventData) -> None:
        ui = self.user_input
        assert ui is not None
        self.turn.notice = t("bot.stale_button", self.lang)
        self.turn.event("stale", None, value=ui.value, step=ui.step, current=self.state.step)

    def finished_hint(self, event: EventData | None = None) -> None:
        lang = self.lang
        buttons = ((command(t("bot.btn_start_over", lang), RESTART),),)
        self.turn.say(message(t("bot.finished_hint", lang), buttons=buttons))

    def show_screening(self, event: EventData) -> None:
        result = self.screened()
        state = self.state
        if result.accepted and result.snapshot.step < state.step:
            result.snapshot.step = (
                state.step + 1
            )  # a restart inside the screening must not revive old buttons
        state.screening = result.snapshot
        self.turn.screening = result
        self.turn.events.extend(result.events)
        self.turn.mark_chosen = result.accepted and self.inp.button
        progress = None if result.finished else result.progress
        shown = with_progress(result.messages, progress, self.lang)
        if result.accepted and not result.finished:
            shown = self.urgency_first(shown)
        self.turn.messages += shown
        if self.status == STATUS_ACTIVE:
            state.finished_at = None  # the screening was re-opened (a change from the review, /back)

    def urgency_first(self, shown: list[OutMessage]) -> list[OutMessage]:
        """What cannot wait is said the moment the answers show it, before the next question, with
        the offer of a call right now; each fact once (a new date, a levy that started, is new)."""
        state = self.state
        found = self.ctx.screening.urgency(state.screening, self.ctx.now.date())
        if found is None or found.key in state.screening.told:
            return shown
        state.screening.told = [*state.screening.told, found.key]
        self.turn.event("urgent_shown", None, program=found.program.value, days_left=found.days_left)
        if state.lead_step == LEAD_TAKEN:
            # The firm has their number already (they asked for someone earlier): the staff hear now.
            plan = self.ctx.screening.plan(state.screening, self.ctx.now.date())
            self.turn.effects.append(NotifyStaff(reason=REASON_URGENT, plan=plan))
            self.turn.event("urgent_notified")
        lang = self.lang
        if found.lien:
            key = "urgent.cdp_hearing_lien" if found.days_left is not None else "urgent.cdp_hearing_no_days"
        elif found.program.value == "cdp_hearing" and found.deadline is None:
            key = "urgent.cdp_hearing_no_days"
        else:
            key = f"urgent.{found.program.value}"
        values: dict[str, object] = {}
        if found.deadline is not None and found.days_left is not None:
            values = {
                "deadline": format_date(found.deadline, lang),
                "days_left": format_days_left(found.days_left, lang),
            }
        elif found.days_left is not None:
            values = {"days_left": format_days_left(found.days_left, lang)}
        said = text_message(key, lang, kind="urgent", **values)
        button = ((command(t("urgent.call_button", lang), CALL_NOW),),)
        urgent = OutMessage(html=said.html, plain=said.plain, buttons=button, kind="urgent")
        # After what was read back ("From your letter: ...", "I read that as ..."), before the question.
        at = next((i for i, m in enumerate(shown) if m.kind != "note"), len(shown))
        return [*shown[:at], urgent, *shown[at:]]

    def show_plan(self, event: EventData) -> None:
        """A plan for the first time: the assessment is kept, the firm's call to action follows."""
        self.show_screening(event)
        result = self.screened()
        state = self.state
        state.finished_at = self.ctx.now
        self.turn.finished = True
        self.turn.plan = result.plan
        self.turn.messages = self.with_call_to_action(self.turn.messages)
        self.turn.effects.append(SaveAssessment(answers=dict(state.screening.answers), plan=result.plan))

    def help(self, event: EventData) -> None:
        self.turn.event("help", self.state.screening.state)
        self.turn.say(text_message("bot.help", self.lang))
        self.prompt()

    def confirm_cancel(self, event: EventData) -> None:
        self.turn.event("cancelled", self.state.screening.state)
        msg = text_message("bot.cancelled", self.lang)
        self.turn.say(OutMessage(html=msg.html, plain=msg.plain, remove_keyboard=True))

    def nothing_to_cancel(self, event: EventData) -> None:
        self.turn.say(text_message("bot.nothing_to_cancel", self.lang))

    def unsupported(self, event: EventData) -> None:
        self.turn.event("unsupported", self.state.screening.state)
        if self.status == STATUS_ACTIVE:
            self.turn.say(text_message("bot.unsupported", self.lang))
        self.prompt()

    def note_unsupported(self, event: EventData) -> None:
        self.turn.event("unsupported", self.state.screening.state)

    def media_received(self, event: EventData) -> None:
        """A photo, a file, a voice note (flows/media.py): a letter read back to be confirmed, a
        plain "couldn't read it", or the offer to pass it to a person; then the question again."""
        got, lang, state = self.inp.media, self.lang, self.state
        if got is None:
            self.unsupported(event)
            return
        outcome = got.outcome.value if got.outcome is not None else None
        self.turn.event("media", state.screening.state, media=got.kind.value, outcome=outcome)
        if got.reading is not None:
            if media.PRIVACY_TOLD not in state.screening.told:
                state.screening.told = [*state.screening.told, media.PRIVACY_TOLD]
                self.turn.say(media.privacy_note(lang))
            read = media.reading_message(got.reading, lang)
            self.turn.say(read)
            if not media.asks_to_confirm(read):
                self.prompt()
            return
        said = media.not_read_message(got, lang) or media.share_offer(got, lang)
        if said is None:
            self.unsupported(event)
            return
        self.turn.say(said)
        self.prompt()

    def prompt(self) -> None:
        """The open question again (after help, an unsupported message, continue)."""
        if self.status == STATUS_FINISHED:
            self.finished_hint()
            return
        self.turn.messages += self.ctx.screening.current_prompt(self.state.screening)

    # ------------------------------------------------------------ the firm's texts

    def assign_variants(self) -> None:
        state = self.state
        current = {"intro": state.variant_intro, "cta": state.variant_cta}
        chosen = self.ctx.variants.assign(state.source_last, current, self.ctx.rng)
        state.variant_intro, state.variant_cta = chosen["intro"], chosen["cta"]

    def greeting(self) -> OutMessage:
        """The conversation's intro variant (bot/config/variants.toml), else the catalogue's greeting."""
        state, firm = self.state, self.ctx.firm
        text_ = self.ctx.variants.render(
            "intro", state.variant_intro, self.lang, state.source_last, firm.name
        )
        greeting = (
            message(text_, kind="greeting")
            if text_ is not None
            else text_message("bot.greeting", self.lang, kind="greeting", firm=firm.name)
        )
        choice = language_choice(self.lang).buttons
        return OutMessage(html=greeting.html, plain=greeting.plain, buttons=choice, kind="greeting")

    def with_call_to_action(self, messages: list[OutMessage]) -> list[OutMessage]:
        """The plan's summary carries the firm's call to action: the A/B lead-in, how to reach the
        firm, "Book a consultation" and "Change an answer" under the plan's own buttons.

        No phone request here: a number is only taken after consent, which flows/capture.py
        asks for right after this message.
        """
        state, firm, lang = self.state, self.ctx.firm, self.lang
        lead_in = self.ctx.variants.render("cta", state.variant_cta, lang, state.source_last, firm.name)
        urgent = bool(getattr(self.turn.plan, "urgent", False))  # a stand-in screening may give no Plan
        key = (
            ("bot.cta_urgent" if urgent else "bot.cta")
            if firm.booking_url
            else ("bot.cta_urgent_no_booking" if urgent else "bot.cta_no_booking")
        )
        cta = text_message(key, lang, firm=firm.name, phone=firm.phone)
        lines = [lead_in, cta.html] if lead_in is not None else [cta.html]
        rows: list[tuple[Button, ...]] = []
        if firm.booking_url:
            rows.append((Button(t("bot.btn_book", lang), url=firm.booking_url),))
        rows.append((command(t("plan.view.change", lang), REVIEW),))
        last = max((i for i, m in enumerate(messages) if m.kind == "result"), default=None)
        if last is None:
            return [
                *messages,
                OutMessage(
                    html="\n".join(lines), plain=plain("\n".join(lines)), buttons=tuple(rows), kind="cta"
                ),
            ]
        summary = messages[last]
        text = summary.html + "\n\n" + "\n".join(lines)
        attached = OutMessage(
            html=text, plain=plain(text), buttons=(*summary.buttons, *rows), kind="result", question_id=None
        )
        return [*messages[:last], attached, *messages[last + 1 :]]


def language_choice(lang: str) -> OutMessage:
    """Both languages, whatever the person's app says: the choice is theirs."""
    buttons = (
        (
            command(t("lang.btn.en", lang), "language:en"),
            command(t("lang.btn.es", lang), "language:es"),
        ),
    )
    return message(t("lang.choose", lang), buttons=buttons, kind="language")


def with_progress(
    messages: list[OutMessage], progress: tuple[int, int] | None, lang: str
) -> list[OutMessage]:
    """The first question of a turn carries "Question n of ~total" above it."""
    if progress is None:
        return list(messages)
    out: list[OutMessage] = []
    pending = True
    for msg in messages:
        if pending and msg.kind == "question":
            answered, total = progress
            n = answered + 1
            hint = t("bot.progress", lang, n=n, total=max(total, n))
            msg = OutMessage(
                html=f"<i>{html.escape(hint)}</i>\n\n{msg.html}",
                plain=f"{hint}\n\n{msg.plain}",
                buttons=msg.buttons,
                kind=msg.kind,
                question_id=msg.question_id,
                keyboard=msg.keyboard,
                remove_keyboard=msg.remove_keyboard,
            )
            pending = False
        out.append(msg)
    return out


def _t(trigger: str, source: str | list[str], dest: str | None, **extra: Any) -> dict[str, Any]:
    return {"trigger": trigger, "source": source, "dest": dest, **extra}


def build_machine() -> Machine:
    anywhere = STORED
    transitions = [
        # /start: greet a new person; resume or start over for someone who was here before
        _t("start", STATUS_NEW, STATUS_ACTIVE, after="create"),
        _t("start", anywhere, STATUS_ACTIVE, conditions="nothing_to_resume", after="fresh_start"),
        _t("start", [STATUS_ACTIVE, STATUS_CANCELLED], STATUS_ACTIVE, after="offer_resume"),
        # an answer, a button, a control
        _t("input", STATUS_NEW, STATUS_ACTIVE, after="create"),
        _t("input", anywhere, None, conditions="stale_button", after="refuse_stale"),
        _t("input", anywhere, STATUS_ACTIVE, conditions="resume_pressed", after="resume"),
        _t(
            "input",
            [STATUS_CANCELLED, STATUS_FINISHED],
            STATUS_ACTIVE,
            conditions="restart_pressed",
            after="start_over",
        ),
        _t("input", STATUS_FINISHED, None, conditions="typed_after_result", after="finished_hint"),
        _t("input", STATUS_CANCELLED, STATUS_ACTIVE, after="offer_resume"),
        _t("input", STATUS_ACTIVE, None, conditions="back_after_a_break", after="offer_resume"),
        _t("input", STATUS_ACTIVE, STATUS_FINISHED, conditions="plan_shown", after="show_plan"),
        _t("input", STATUS_FINISHED, STATUS_ACTIVE, conditions="reopened", after="show_screening"),
        _t("input", [STATUS_ACTIVE, STATUS_FINISHED], None, after="show_screening"),
        # /help, /cancel
        _t("help", STATUS_NEW, STATUS_ACTIVE, after="help_then_create"),
        _t("help", STATUS_CANCELLED, STATUS_ACTIVE, after="help"),
        _t("help", [STATUS_ACTIVE, STATUS_FINISHED], None, after="help"),
        _t("cancel", STATUS_ACTIVE, STATUS_CANCELLED, after="confirm_cancel"),
        _t("cancel", [STATUS_NEW, STATUS_CANCELLED, STATUS_FINISHED], None, after="nothing_to_cancel"),
        # a photo of the letter, a voice note, a sticker (flows/media.py): then the question again
        _t("media", STATUS_NEW, STATUS_ACTIVE, conditions="letter_read", after="create_for_letter"),
        _t("media", STATUS_NEW, STATUS_ACTIVE, after="create"),
        _t("media", STATUS_CANCELLED, STATUS_ACTIVE, conditions="letter_read", after="media_received"),
        _t("media", STATUS_CANCELLED, STATUS_ACTIVE, after=["note_unsupported", "offer_resume"]),
        _t("media", [STATUS_ACTIVE, STATUS_FINISHED], None, after="media_received"),
        # a contact shared before anything else: never stored without consent; begin instead
        _t("contact", STATUS_NEW, STATUS_ACTIVE, after="create"),
    ]
    return Machine(
        model=None,
        states=STATUSES,
        transitions=transitions,
        initial=STATUS_NEW,
        auto_transitions=False,
        send_event=True,
        model_attribute="status",
        ignore_invalid_triggers=True,
    )


MACHINE = build_machine()
TRIGGERS = {
    Act.START: "start",
    Act.INPUT: "input",
    Act.HELP: "help",
    Act.CANCEL: "cancel",
    Act.MEDIA: "media",
    Act.CONTACT: "contact",
}


def take(reply: Reply) -> None:
    """Run the lifecycle for this input; the new status is written back to the state."""
    model = Lifecycle(reply)
    if reply.inp.act is Act.START and reply.state is not None:
        model.take_source()
    trigger = TRIGGERS.get(reply.inp.act)
    if trigger is not None:
        MACHINE.events[trigger].trigger(model)
    if reply.state is not None:
        reply.state.status = model.status


def prompt(reply: Reply) -> None:
    """The open question again (or the finished hint), for the other machines of a turn."""
    Lifecycle(reply).prompt()
