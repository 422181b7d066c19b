"""Consent first, then the call-back details: the lead capture after a plan, as a machine.

    none ──plan shown──▶ offered ──agree──▶ phone ──▶ name ──▶ time ──▶ done
                            └──decline──▶ declined      (back to none with a new screening)

Nothing personal is kept before the person agrees: the number is asked only after
the consent decision was recorded (RecordConsent: the wording's version and the
hash of the exact text shown). While the details are being taken, what the person
types answers the open detail; the screening's own commands and buttons keep
working, and /start, /help and /cancel belong to the lifecycle.
"""

from __future__ import annotations

import hashlib
import html
from datetime import datetime
from typing import Any

from transitions import EventData, Machine

from flows import lifecycle, media
from flows.catalogue import LANGUAGES, t
from flows.chat import STATUS_FINISHED, Act, Reply
from flows.consent import CONSENT_VERSION
from flows.effects import (
    REASON_PERSON,
    REASON_PLAN,
    REASON_URGENT,
    ConsentCoversPhone,
    NotifyStaff,
    RecordConsent,
    RelayToStaff,
    SaveLead,
    WithdrawConsent,
)
from flows.hours import Hours
from flows.lifecycle import command, text_message
from flows.messages import message, plain
from flows.plan import Plan
from flows.render import format_when
from flows.types import InputKind, Key, Keyboard, OutMessage

NONE = "none"
OFFERED = "offered"
PHONE = "phone"
NAME = "name"
TIME = "time"
DONE = "done"
DECLINED = "declined"
WITHDRAWN = "withdrawn"  # "stop contacting me": not asked again unless the person asks
STATES = [NONE, OFFERED, PHONE, NAME, TIME, DONE, DECLINED, WITHDRAWN]
CAPTURING = frozenset({PHONE, NAME, TIME})
RESETTABLE = frozenset({OFFERED, PHONE, NAME, TIME, DECLINED})  # a new screening forgets these

ACCEPT = "lead_yes"  # the consent buttons' commands
DECLINE = "lead_no"
CALL_NOW = "call_now"  # the urgent message's button: consent and a number right there
HUMAN = "human"  # /human, or "I want to talk to a person": consent, then the staff
STOP_CONTACT = "stop_contact"  # "stop contacting me": consent withdrawn, the record kept
CHANNEL_TELEGRAM_BUTTON = "telegram_button"
CHANNEL_TELEGRAM_TEXT = "telegram_text"
BEST_TIMES = ("morning", "afternoon", "evening", "any")
SHARED = "share"  # lead_draft: the message to pass to the team once the details are complete
MAX_NAME = 80
MAX_TIME = 80


def consent_text(lang: str, firm: str) -> str:
    """The exact consent wording shown to the person (HTML, the firm's name escaped)."""
    return t("leads.consent.text", lang, firm=html.escape(firm))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def best_time_value(typed: str) -> str:
    """A tapped key's label (any language) back to its value; anything else is kept as typed."""
    folded = typed.casefold()
    for value in BEST_TIMES:
        for lang in LANGUAGES:
            if t(f"leads.time.{value}", lang).casefold() == folded:
                return value
    return typed


def best_time_label(value: str, lang: str) -> str:
    """A best-time value ("morning") in the reader's language, or what the person typed (escaped)."""
    if value in BEST_TIMES:
        return t(f"leads.time.{value}", lang)
    return html.escape(value)


class Capture:
    """The model of the capture machine for one turn: ``lead`` is the machine's state."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.turn = reply.turn
        self.inp = reply.inp
        self.firm = reply.ctx.firm
        self.phones = reply.ctx.phones
        step = reply.state.lead_step if reply.state is not None else None
        self.lead = step if step in STATES else NONE
        self.phone: str | None = None  # the number read from this input, once phone_ok said yes

    @property
    def lang(self) -> str:
        return self.reply.lang

    def typed(self) -> str | None:
        ui = self.inp.user_input
        if self.inp.act is Act.INPUT and ui is not None and ui.kind is InputKind.TEXT:
            return ui.value.strip()
        return None

    def draft(self) -> dict[str, str]:
        return dict(self.reply.live().lead_draft or {})

    # ------------------------------------------------------------ conditions

    def not_own_contact(self, event: EventData) -> bool:
        return self.inp.act is Act.CONTACT and self.inp.phone is None

    def phone_ok(self, event: EventData) -> bool:
        if self.inp.act is Act.CONTACT:
            self.phone = self.phones.shared(self.inp.phone or "")
        else:
            typed = self.typed()
            self.phone = self.phones.typed(typed) if typed else None
        return self.phone is not None

    def name_ok(self, event: EventData) -> bool:
        typed = self.typed()
        return typed is not None and 0 < len(typed) <= MAX_NAME and any(ch.isalpha() for ch in typed)

    def time_ok(self, event: EventData) -> bool:
        typed = self.typed()
        return typed is not None and 0 < len(typed) <= MAX_TIME

    def draft_complete(self, event: EventData) -> bool:
        draft = self.draft()
        return bool(draft.get("phone") and draft.get("name"))

    # ------------------------------------------------------------ consent

    def offer(self, event: EventData) -> None:
        self.turn.event("consent_offered", None, version=CONSENT_VERSION)
        self.turn.say(self.offer_message())

    def offer_message(self, intro: str | None = None) -> OutMessage:
        """The consent wording, exactly as versioned, with its two buttons (and a line before it)."""
        lang = self.lang
        buttons = (
            (command(t("leads.consent.accept", lang), ACCEPT),),
            (command(t("leads.consent.decline", lang), DECLINE),),
        )
        wording = consent_text(lang, self.firm.name)
        if intro is not None:
            wording = t(intro, lang, firm=html.escape(self.firm.name)) + "\n\n" + wording
        return message(wording, buttons=buttons, kind="consent")

    def reason(self) -> str:
        return (self.reply.live().lead_draft or {}).get("reason") or REASON_PLAN

    def offer_now(self, event: EventData) -> None:
        """Asked mid-way (a deadline, or a person): consent now, the details, then back to the questions."""
        why = str(event.kwargs.get("why", REASON_PERSON))
        self.reply.live().lead_draft = {"reason": why}
        self.turn.event("consent_offered", None, version=CONSENT_VERSION, reason=why)
        intro = "urgent.intro" if why == REASON_URGENT else "human.intro"
        self.turn.say(self.offer_message(intro))

    def offer_share(self, event: EventData) -> None:
        """ "Pass it to the team" before any consent: consent and the details first, then it is passed on."""
        self.reply.live().lead_draft = {"reason": REASON_PERSON, SHARED: str(event.kwargs["message_id"])}
        self.turn.event("consent_offered", None, version=CONSENT_VERSION, reason=REASON_PERSON)
        self.turn.say(self.offer_message("media.share.intro"))

    def keep_share(self, event: EventData) -> None:
        """Asked while the details are being taken: passed on once they are complete."""
        self.reply.live().lead_draft = {**self.draft(), SHARED: str(event.kwargs["message_id"])}
        self.remind_detail(event)

    def pass_on(self, event: EventData) -> None:
        """The firm has the person's consent and number: the message goes to the staff chat now."""
        self.turn.effects.append(
            RelayToStaff(text=None, copy_message=True, message_id=event.kwargs["message_id"])
        )
        self.turn.event("media_shared")
        self.say("media.shared")
        if self.reply.live().status != STATUS_FINISHED:
            lifecycle.prompt(self.reply)

    def notify(self, event: EventData) -> None:
        """The firm has the number already: tell the staff, and the person when to expect the call."""
        why = str(event.kwargs.get("why", REASON_PERSON))
        self.turn.effects.append(NotifyStaff(reason=why, plan=self.plan_so_far()))
        self.turn.event("asked_for_person" if why == REASON_PERSON else "urgent_notified")
        hours, now = self.reply.ctx.hours, self.reply.ctx.now
        key = "human.known" if hours is None or hours.is_open(now) else "human.known_closed"
        self.turn.say(text_message(key, self.lang, firm=self.firm.name, when=self.when(hours, now)))
        if self.reply.live().status != STATUS_FINISHED:
            lifecycle.prompt(self.reply)

    def remind_detail(self, event: EventData) -> None:
        """Asked again while a detail is open: the open detail again."""
        if self.lead == PHONE:
            self.ask_phone("leads.phone.ask")
        elif self.lead == NAME:
            self.turn.say(text_message("leads.name.ask", self.lang))
        else:
            self.ask_time("leads.time.ask")

    def when(self, hours: Hours | None, now: datetime) -> str:
        if hours is None or hours.is_open(now):
            return ""
        return format_when(hours.next_open(now), self.lang)

    def withdraw(self, event: EventData) -> None:
        lang = self.lang
        self.turn.effects.append(
            WithdrawConsent(
                version=CONSENT_VERSION,
                text_hash=text_hash(t("stop_contact.done", lang, firm=html.escape(self.firm.name))),
                lang=lang,
                channel=CHANNEL_TELEGRAM_TEXT,
            )
        )
        self.turn.event("consent_withdrawn", None, version=CONSENT_VERSION)
        self.reply.live().lead_draft = None
        self.say("stop_contact.done")

    def nothing_to_withdraw(self, event: EventData) -> None:
        self.say("stop_contact.nothing")

    def plan_so_far(self) -> Plan | None:
        return self.reply.ctx.screening.plan(self.reply.live().screening, self.reply.ctx.now.date())

    def record(self, accepted: bool) -> None:
        lang = self.lang
        self.turn.mark_chosen = self.inp.button
        self.turn.effects.append(
            RecordConsent(
                accepted=accepted,
                version=CONSENT_VERSION,
                text_hash=text_hash(consent_text(lang, self.firm.name)),
                lang=lang,
                channel=CHANNEL_TELEGRAM_BUTTON,
            )
        )

    def agree(self, event: EventData) -> None:
        self.record(True)
        shared = (self.reply.live().lead_draft or {}).get(SHARED)
        self.reply.live().lead_draft = {"reason": self.reason(), **({SHARED: shared} if shared else {})}
        self.turn.event("consent_given", None, version=CONSENT_VERSION)
        self.ask_phone("leads.phone.ask")

    def decline(self, event: EventData) -> None:
        self.record(False)
        self.turn.event("consent_declined", None, version=CONSENT_VERSION)
        self.say("leads.consent.declined")

    def already_answered(self, event: EventData) -> None:
        """A double tap, or the consent keyboard of a screening already answered: never a second record."""
        self.turn.notice = t("bot.already_answered", self.lang)
        if self.lead == DECLINED:
            self.say("leads.consent.already_declined")

    def say(self, key: str) -> None:
        self.turn.say(text_message(key, self.lang, firm=self.firm.name, firm_phone=self.firm.phone))

    # ------------------------------------------------------------ phone, name, best time

    def ask_phone(self, key: str) -> None:
        keyboard = Keyboard(((Key(t("leads.phone.share_button", self.lang), request_contact=True),),))
        msg = text_message(key, self.lang, firm=self.firm.name)
        self.turn.say(OutMessage(html=msg.html, plain=msg.plain, keyboard=keyboard, kind="capture"))

    def ask_own(self, event: EventData) -> None:
        self.ask_phone("leads.phone.not_own")

    def phone_invalid(self, event: EventData) -> None:
        self.turn.event("phone_invalid")
        self.ask_phone("leads.phone.invalid")

    def take_phone(self, event: EventData) -> None:
        assert self.phone is not None
        state = self.reply.live()
        shared = self.inp.act is Act.CONTACT
        state.lead_draft = {**self.draft(), "phone": self.phone, "shared": "1" if shared else ""}
        self.turn.effects.append(ConsentCoversPhone(self.phone))
        self.turn.event("phone_given", None, shared=shared)
        first = (self.inp.first_name or "").strip()
        # The suggestion is a key: tapping it sends the name as text, like typing it.
        keyboard = Keyboard(((Key(first),),)) if first and len(first) <= MAX_NAME else None
        msg = text_message("leads.name.ask", self.lang)
        self.turn.say(
            OutMessage(
                html=msg.html,
                plain=msg.plain,
                keyboard=keyboard,
                remove_keyboard=keyboard is None,
                kind="capture",
            )
        )

    def name_invalid(self, event: EventData) -> None:
        self.turn.say(text_message("leads.name.invalid", self.lang))

    def take_name(self, event: EventData) -> None:
        typed = self.typed()
        assert typed is not None
        self.reply.live().lead_draft = {**self.draft(), "name": " ".join(typed.split())}
        self.ask_time("leads.time.ask")

    def ask_time(self, key: str) -> None:
        labels = [Key(t(f"leads.time.{value}", self.lang)) for value in BEST_TIMES]
        keyboard = Keyboard(((labels[0], labels[1]), (labels[2], labels[3])))
        msg = text_message(key, self.lang)
        self.turn.say(OutMessage(html=msg.html, plain=msg.plain, keyboard=keyboard, kind="capture"))

    def time_invalid(self, event: EventData) -> None:
        self.ask_time("leads.time.invalid")

    def restart_capture(self, event: EventData) -> None:
        """A draft without a number or a name (an older deploy's): ask again, consent kept."""
        self.ask_phone("leads.phone.ask")

    def save(self, event: EventData) -> None:
        typed = self.typed()
        assert typed is not None
        draft = self.draft()
        phone, name, best_time = draft["phone"], draft["name"], best_time_value(typed)
        state = self.reply.live()
        state.lead_draft = None
        reason = draft.get("reason") or REASON_PLAN
        self.turn.effects.append(
            SaveLead(
                phone_e164=phone,
                name=name,
                best_time=best_time,
                verified=bool(draft.get("shared")),
                reason=reason,
                plan=self.plan_so_far(),
            )
        )
        if draft.get(SHARED):
            self.turn.effects.append(
                RelayToStaff(text=None, copy_message=True, message_id=int(draft[SHARED]))
            )
            self.turn.event("media_shared")
        done = t(
            "leads.done",
            self.lang,
            name=html.escape(name),
            firm=html.escape(self.firm.name),
            phone=html.escape(self.phones.shown(phone)),
            time=best_time_label(best_time, self.lang),
            firm_phone=html.escape(self.firm.phone),
        )
        hours, now = self.reply.ctx.hours, self.reply.ctx.now
        if reason != REASON_PLAN and hours is not None and not hours.is_open(now):
            note = t("human.closed_note", self.lang, when=html.escape(self.when(hours, now)))
            done = f"{done}\n\n{note}"
        self.turn.say(OutMessage(html=done, plain=plain(done), remove_keyboard=True, kind="capture"))
        if state.status != STATUS_FINISHED:
            # Asked mid-way: the screening goes on where it was.
            self.turn.say(text_message("capture.back_to_questions", self.lang))
            lifecycle.prompt(self.reply)

    def forget_draft(self, event: EventData) -> None:
        self.reply.live().lead_draft = None

    # ------------------------------------------------------------ a contact nobody asked for

    def offer_again(self, event: EventData) -> None:
        """Not stored, since no consent covers it: consent first, then the number."""
        self.turn.event("contact_ignored")
        self.turn.say(self.offer_message())

    def ignore_contact(self, event: EventData) -> None:
        self.turn.event("contact_ignored")
        if self.lead == DECLINED:
            self.say("leads.consent.already_declined")
        else:
            lifecycle.prompt(self.reply)


def _t(trigger: str, source: str | list[str], dest: str | None, **extra: Any) -> dict[str, Any]:
    return {"trigger": trigger, "source": source, "dest": dest, **extra}


def build_machine() -> Machine:
    others = [s for s in STATES if s != OFFERED]
    transitions = [
        _t("offer", [NONE, OFFERED], OFFERED, after="offer"),
        _t("reset", [OFFERED, PHONE, NAME, TIME, DECLINED], NONE, after="forget_draft"),
        _t("agree", OFFERED, PHONE, after="agree"),
        _t("agree", others, None, after="already_answered"),
        _t("decline", OFFERED, DECLINED, after="decline"),
        _t("decline", others, None, after="already_answered"),
        # the details, one at a time
        _t("give", PHONE, None, conditions="not_own_contact", after="ask_own"),
        _t("give", PHONE, NAME, conditions="phone_ok", after="take_phone"),
        _t("give", PHONE, None, after="phone_invalid"),
        _t("give", NAME, TIME, conditions="name_ok", after="take_name"),
        _t("give", NAME, None, after="name_invalid"),
        _t("give", TIME, PHONE, unless="draft_complete", after="restart_capture"),
        _t("give", TIME, DONE, conditions="time_ok", after="save"),
        _t("give", TIME, None, after="time_invalid"),
        # a contact shared when no number was asked for
        _t("stray_contact", OFFERED, None, after="offer_again"),
        _t("stray_contact", [NONE, DONE, DECLINED, WITHDRAWN], None, after="ignore_contact"),
        # "call me now", "a person, please": consent and the details right there, or the staff told
        _t("offer_now", [NONE, DECLINED, WITHDRAWN], OFFERED, after="offer_now"),
        _t("offer_now", OFFERED, None, after="offer_now"),
        _t("offer_now", [PHONE, NAME, TIME], None, after="remind_detail"),
        _t("offer_now", DONE, None, after="notify"),
        # "pass it to the team" under a voice note or a file (flows/media.py)
        _t("share", [NONE, DECLINED, WITHDRAWN, OFFERED], OFFERED, after="offer_share"),
        _t("share", [PHONE, NAME, TIME], None, after="keep_share"),
        _t("share", DONE, None, after="pass_on"),
        # "stop contacting me"
        _t("withdraw", [OFFERED, PHONE, NAME, TIME, DONE], WITHDRAWN, after="withdraw"),
        _t("withdraw", [NONE, DECLINED, WITHDRAWN], None, after="nothing_to_withdraw"),
    ]
    return Machine(
        model=None,
        states=STATES,
        transitions=transitions,
        initial=NONE,
        auto_transitions=False,
        send_event=True,
        model_attribute="lead",
        ignore_invalid_triggers=True,
    )


MACHINE = build_machine()


def fire(model: Capture, trigger: str, **kwargs: Any) -> None:
    MACHINE.events[trigger].trigger(model, **kwargs)
    state = model.reply.state
    if state is not None:
        state.lead_step = None if model.lead == NONE else model.lead


def take(reply: Reply) -> bool:
    """Handle the input here (True) or leave it to the lifecycle (False)."""
    state, inp = reply.state, reply.inp
    if state is None:
        return False
    model = Capture(reply)
    ui = inp.user_input
    if (
        inp.act is Act.INPUT
        and ui is not None
        and ui.kind is InputKind.COMMAND
        and ui.value in (ACCEPT, DECLINE)
    ):
        if ui.step is not None and ui.step != state.step:
            return False  # a consent button from an earlier screening: the lifecycle calls it stale
        fire(model, "agree" if ui.value == ACCEPT else "decline")
        return True
    if inp.act is Act.INPUT and ui is not None and ui.kind is InputKind.COMMAND:
        if ui.value in (CALL_NOW, HUMAN):
            if ui.step is not None and ui.step != state.step and ui.value == CALL_NOW:
                return False  # an urgent offer of an earlier screening
            fire(model, "offer_now", why=REASON_URGENT if ui.value == CALL_NOW else REASON_PERSON)
            return True
        if ui.value == STOP_CONTACT:
            fire(model, "withdraw")
            return True
        if ui.value.startswith(f"{media.SHARE}:"):
            message_id = media.shared_message_id(ui.value)
            if message_id is None:
                return False  # not a message id: the screening calls it an unknown command
            fire(model, "share", message_id=message_id)
            return True
    if model.lead in CAPTURING and (model.typed() is not None or inp.act in (Act.CONTACT, Act.MEDIA)):
        fire(model, "give")
        return True
    if inp.act is Act.CONTACT:
        fire(model, "stray_contact")
        return True
    return False


def after_lifecycle(reply: Reply) -> None:
    """A new screening forgets an open capture; a plan shown for the first time opens one."""
    state = reply.state
    if state is None:
        return
    model = Capture(reply)
    if any(ev.kind in ("restart", "started") for ev in reply.turn.events) and model.lead in RESETTABLE:
        fire(model, "reset")
    if reply.turn.finished and model.lead in (NONE, OFFERED):
        # An offer still open from mid-screening has old buttons by now: offer again under the plan.
        fire(model, "offer")
