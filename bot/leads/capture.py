"""Consent-first lead capture after the result, and the handoff pause, inside the step's transaction.

Why inside the conversation service and not a router of its own: the person's
inputs during capture (and while a staff member has them) must go through the same
per-chat lock, the same update_id de-duplication and the same transaction as the
screening, so nothing they write is lost or answered twice when the bot switches
between the screening, the capture and a human. The service calls
:meth:`LeadCapture.intercept` before its own dispatch and
:meth:`LeadCapture.after_step` after it (see ConversationService.step_hooks).

The capture is a tiny state machine on ``conversations.lead_step``:

    None ──result shown──▶ offered ──agree──▶ phone ──▶ name ──▶ time ──▶ done
                              └──decline──▶ declined   (reset by /restart or a new /start)

Nothing personal is stored before the person agrees: the phone step only opens
after a consent row (wording version + hash, time, channel) was written.
"""

from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING, Any

from aiogram.types import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot import render
from bot.config import Settings
from bot.db.models import Consent
from bot.leads import store
from bot.leads.card import BEST_TIMES, best_time_label
from bot.leads.consent import CHANNEL_TELEGRAM_BUTTON, CONSENT_VERSION, consent_text, text_hash
from bot.leads.phone import display_phone, normalize_contact_phone, normalize_phone
from bot.render import Outgoing
from bot.service import Action
from flows.catalogue import LANGUAGES, t
from flows.types import InputKind

if TYPE_CHECKING:
    from bot.service import _Step as Step

logger = logging.getLogger(__name__)

STEP_OFFERED = "offered"
STEP_PHONE = "phone"
STEP_NAME = "name"
STEP_TIME = "time"
STEP_DONE = "done"
STEP_DECLINED = "declined"
CAPTURING = frozenset({STEP_PHONE, STEP_NAME, STEP_TIME})

CMD_ACCEPT = "lead_yes"
CMD_DECLINE = "lead_no"

MAX_NAME = 80
MAX_TIME = 80

# Key of Outcome.extras read by the after-commit hook in bot/leads/handoff.py.
EXTRAS_KEY = "leads"


def _extras(step: Step) -> dict[str, Any]:
    extras: dict[str, Any] = step.out.extras.setdefault(EXTRAS_KEY, {})
    return extras


class LeadCapture:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    # ------------------------------------------------------------------ hooks called by the service

    async def intercept(self, step: Step) -> bool:
        """Handle the update here (True) or let the screening have it (False)."""
        incoming = step.incoming
        conv = step.conv
        if conv is None:
            if incoming.action is Action.CONTACT:
                # A number shared before anything else: never stored without consent; start instead.
                await step.create(None)
                return True
            return False
        if incoming.action is Action.START and conv.opted_out:
            conv.opted_out = False
            step.event("opted_in")
            step.say("leads.stop.back_in")
        if conv.with_staff:
            self._relay(step)
            return True
        user_input = incoming.user_input
        if (
            incoming.action is Action.INPUT
            and user_input is not None
            and user_input.kind is InputKind.COMMAND
            and user_input.value in (CMD_ACCEPT, CMD_DECLINE)
        ):
            if (
                step.snapshot is not None
                and user_input.step is not None
                and user_input.step != step.snapshot.step
            ):
                return False  # a consent button from an earlier screening: the service calls it stale
            self._decide(step, accepted=user_input.value == CMD_ACCEPT)
            return True
        if conv.lead_step in CAPTURING:
            return await self._capture(step)
        if incoming.action is Action.CONTACT:
            self._contact_out_of_turn(step)
            return True
        return False

    async def after_step(self, step: Step) -> None:
        conv = step.conv
        if conv is None:
            return
        kinds = {kind for kind, _, _ in step.events}
        if kinds & {"restart", "started"} and conv.lead_step not in (None, STEP_DONE):
            # A new screening: a "no" given for the previous one may be asked again after the new result.
            conv.lead_step = None
            conv.lead_draft = None
        if (
            step.out.finished
            and conv.lead_step is None
            and await store.lead_of(step.session, conv.id) is None
        ):
            conv.lead_step = STEP_OFFERED
            step.event("consent_offered", None, version=CONSENT_VERSION)
            step.out.messages.append(self._offer(step))

    # ------------------------------------------------------------------ consent

    def _firm(self) -> str:
        return escape(self.settings.firm_name)

    def _offer(self, step: Step) -> Outgoing:
        lang = step.lang
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [render.command_button(t("leads.consent.accept", lang), CMD_ACCEPT, step.step_no())],
                [render.command_button(t("leads.consent.decline", lang), CMD_DECLINE, step.step_no())],
            ]
        )
        return Outgoing(text=consent_text(lang, self._firm()), reply_markup=markup, kind="consent")

    def _decide(self, step: Step, *, accepted: bool) -> None:
        conv = step.conv
        assert conv is not None
        lang = step.lang
        if conv.lead_step != STEP_OFFERED:
            # A double tap, or the consent keyboard of a screening already answered: never a second record.
            step.out.callback_text = t("bot.already_answered", lang)
            if conv.lead_step == STEP_DECLINED:
                step.say(
                    "leads.consent.already_declined",
                    firm=self.settings.firm_name,
                    firm_phone=self.settings.firm_phone,
                )
            return
        step.out.mark_chosen = step.incoming.callback is not None
        shown = consent_text(lang, self._firm())
        step.session.add(
            Consent(
                conversation_id=conv.id,
                version=CONSENT_VERSION,
                text_hash=text_hash(shown),
                lang=lang,
                accepted=accepted,
                channel=CHANNEL_TELEGRAM_BUTTON,
                created_at=step.now,
            )
        )
        if not accepted:
            conv.lead_step = STEP_DECLINED
            step.event("consent_declined", None, version=CONSENT_VERSION)
            step.say(
                "leads.consent.declined",
                firm=self.settings.firm_name,
                firm_phone=self.settings.firm_phone,
            )
            return
        conv.lead_step = STEP_PHONE
        conv.lead_draft = {}
        step.event("consent_given", None, version=CONSENT_VERSION)
        self._ask_phone(step, "leads.phone.ask")

    # ------------------------------------------------------------------ phone, name, best time

    def _ask_phone(self, step: Step, key: str) -> None:
        keyboard = ReplyKeyboardMarkup(
            keyboard=[[KeyboardButton(text=t("leads.phone.share_button", step.lang), request_contact=True)]],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
        step.say(key, keyboard, firm=self.settings.firm_name)

    def _ask_name(self, step: Step) -> None:
        first = (step.incoming.first_name or "").strip()
        markup: ReplyKeyboardMarkup | ReplyKeyboardRemove
        if first and len(first) <= MAX_NAME:
            # The suggestion is a reply-keyboard button: tapping it sends the name as text, like typing it.
            markup = ReplyKeyboardMarkup(
                keyboard=[[KeyboardButton(text=first)]], resize_keyboard=True, one_time_keyboard=True
            )
        else:
            markup = ReplyKeyboardRemove()
        step.say("leads.name.ask", markup)

    def _ask_time(self, step: Step, key: str = "leads.time.ask") -> None:
        labels = [t(f"leads.time.{value}", step.lang) for value in BEST_TIMES]
        keyboard = ReplyKeyboardMarkup(
            keyboard=[
                [KeyboardButton(text=labels[0]), KeyboardButton(text=labels[1])],
                [KeyboardButton(text=labels[2]), KeyboardButton(text=labels[3])],
            ],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
        step.say(key, keyboard)

    async def _capture(self, step: Step) -> bool:
        conv = step.conv
        assert conv is not None
        incoming = step.incoming
        user_input = incoming.user_input
        if incoming.action in (Action.START, Action.HELP, Action.CANCEL):
            return False  # the screening's own commands work at any point
        if (
            incoming.action is Action.INPUT
            and user_input is not None
            and user_input.kind is not InputKind.TEXT
        ):
            return False  # /back, /restart and inline buttons belong to the screening
        typed = (
            user_input.value.strip() if user_input is not None and user_input.kind is InputKind.TEXT else None
        )
        draft = dict(conv.lead_draft or {})

        if conv.lead_step == STEP_PHONE:
            if incoming.action is Action.CONTACT:
                if incoming.phone is None:
                    self._ask_phone(step, "leads.phone.not_own")
                    return True
                phone = normalize_contact_phone(incoming.phone)
            else:
                phone = normalize_phone(typed) if typed else None
            if phone is None:
                step.event("phone_invalid")
                self._ask_phone(step, "leads.phone.invalid")
                return True
            draft["phone"] = phone
            consent = await store.pending_consent(step.session, conv.id)
            if consent is not None:
                consent.phone_e164 = phone  # the consent covers exactly this number
            conv.lead_draft = draft
            conv.lead_step = STEP_NAME
            step.event("phone_given", None, shared=incoming.action is Action.CONTACT)
            self._ask_name(step)
            return True

        if conv.lead_step == STEP_NAME:
            if typed is None or not (0 < len(typed) <= MAX_NAME) or not any(ch.isalpha() for ch in typed):
                step.say("leads.name.invalid")
                return True
            draft["name"] = " ".join(typed.split())
            conv.lead_draft = draft
            conv.lead_step = STEP_TIME
            self._ask_time(step)
            return True

        # STEP_TIME
        if typed is None or not (0 < len(typed) <= MAX_TIME):
            self._ask_time(step, "leads.time.invalid")
            return True
        await self._complete(step, draft, _best_time_value(typed))
        return True

    async def _complete(self, step: Step, draft: dict[str, Any], best_time: str) -> None:
        conv = step.conv
        assert conv is not None
        phone, name = draft.get("phone"), draft.get("name")
        if not phone or not name:  # a draft from an older deploy: start the capture over, consent kept
            conv.lead_step = STEP_PHONE
            self._ask_phone(step, "leads.phone.ask")
            return
        consent = await store.pending_consent(step.session, conv.id)
        result = await store.create_or_link_lead(
            step.session,
            conv,
            phone_e164=phone,
            name=name,
            best_time=best_time,
            consent=consent,
            now=step.now,
            crm_enabled=bool(self.settings.crm_webhook_url),
        )
        conv.lead_step = STEP_DONE
        conv.lead_draft = None
        lead = result.lead
        if result.created:
            step.event("lead_created", None, urgent=bool(lead.urgent))
            _extras(step)["post_card"] = lead.id
        else:
            step.event("lead_linked", None, urgent=bool(lead.urgent))
            _extras(step)["second_account"] = lead.id
        step.out.messages.append(
            Outgoing(
                text=t(
                    "leads.done",
                    step.lang,
                    name=escape(name),
                    firm=self._firm(),
                    phone=escape(display_phone(phone)),
                    time=best_time_label(best_time, step.lang),
                    firm_phone=escape(self.settings.firm_phone),
                ),
                reply_markup=ReplyKeyboardRemove(),
            )
        )

    def _contact_out_of_turn(self, step: Step) -> None:
        """A shared contact when no number was asked for: not stored, since no consent covers it."""
        conv = step.conv
        assert conv is not None
        step.event("contact_ignored")
        if conv.lead_step == STEP_OFFERED:
            step.out.messages.append(self._offer(step))  # consent first, then the number
        elif conv.lead_step == STEP_DECLINED:
            step.say(
                "leads.consent.already_declined",
                firm=self.settings.firm_name,
                firm_phone=self.settings.firm_phone,
            )
        elif step.snapshot is not None:
            step.prompt()

    # ------------------------------------------------------------------ while a staff member has the person

    def _relay(self, step: Step) -> None:
        """Everything the person sends goes to the staff chat (after commit); the bot stays silent."""
        conv = step.conv
        assert conv is not None
        incoming = step.incoming
        if incoming.callback is not None:
            # An old inline button: answer it (the spinner) but do not act, a human is in charge.
            step.out.callback_text = t("leads.handoff.taken", step.lang, firm=self.settings.firm_name)
            return
        user_input = incoming.user_input
        text: str | None = None
        if incoming.action is Action.INPUT and user_input is not None:
            text = user_input.value if user_input.kind is InputKind.TEXT else f"/{user_input.value}"
        elif incoming.action is Action.START:
            text = "/start" + (f" {incoming.payload}" if incoming.payload else "")
        elif incoming.action is Action.HELP:
            text = "/help"
        elif incoming.action is Action.CANCEL:
            text = "/cancel"
        _extras(step)["relay"] = {
            "conversation_id": conv.id,
            "text": text,
            # Media, contacts, stickers: copied as they are (the copy keeps no "forwarded from").
            "message_id": incoming.message_id if text is None else None,
        }


def _best_time_value(typed: str) -> str:
    """A tapped button label (any language) back to its value; anything else is kept as typed."""
    folded = typed.casefold()
    for value in BEST_TIMES:
        for lang in LANGUAGES:
            if t(f"leads.time.{value}", lang).casefold() == folded:
                return value
    return typed
