"""The staff side: the lead card in the staff chat, Take / Done / Hand back, and the two-way relay.

While a lead is taken (``conversations.with_staff``), the conversation pauses
(flows/staffpause.py): what the person sends comes back as RelayToStaff, and
:meth:`Handoff.relay_to_staff` copies it to the staff chat after the step committed.
A staff member's reply to a relayed message (or to the card) is copied back to the
person from the bot.

Switching a person between bot and human holds every chat of the lead through the
runner's store (the same lock each of their updates holds) and claims the staff
update in the same transaction, so an update in flight finishes under the old mode,
the next one sees the new mode, and a redelivered button press changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from html import escape

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, User
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.db import repo
from bot.db.models import LEAD_DONE, LEAD_TAKEN, Conversation, Lead
from bot.features.leads import crm_events, store
from bot.features.leads.card import STAFF_LANG, render_card
from bot.features.leads.card_extra import inbox_url
from bot.features.leads.store import Erased
from bot.runner.runner import StepRunner
from bot.runner.state import state_of
from bot.telegram import render
from bot.telegram.render import Outgoing
from flows import engine
from flows.catalogue import t

logger = logging.getLogger(__name__)


class LeadAction(CallbackData, prefix="lead"):
    """Callback data of the card buttons: "lead:take:42"."""

    action: str
    lead_id: int


def staff_name(user: User | None) -> str:
    if user is None:
        return "?"
    name = user.full_name.strip() or (user.username or "")
    return name or str(user.id)


def card_markup(lead: Lead, with_staff: bool) -> InlineKeyboardMarkup | None:
    if lead.status in (LEAD_DONE, "withdrawn"):
        return None
    first = (
        InlineKeyboardButton(
            text=t("leads.staff.handback", STAFF_LANG),
            callback_data=LeadAction(action="back", lead_id=lead.id).pack(),
        )
        if lead.status == LEAD_TAKEN and with_staff
        else InlineKeyboardButton(
            text=t("leads.staff.take", STAFF_LANG),
            callback_data=LeadAction(action="take", lead_id=lead.id).pack(),
        )
    )
    done = InlineKeyboardButton(
        text=t("leads.staff.done", STAFF_LANG),
        callback_data=LeadAction(action="done", lead_id=lead.id).pack(),
    )
    return InlineKeyboardMarkup(inline_keyboard=[[first, done]])


@dataclass
class _CardView:
    lead_id: int
    text: str
    markup: InlineKeyboardMarkup | None
    chat_id: int | None
    message_id: int | None


class Handoff:
    def __init__(self, settings: Settings, runner: StepRunner) -> None:
        self.settings = settings
        self.runner = runner
        self.session_factory = runner.session_factory

    @property
    def staff_chat_id(self) -> int | None:
        return self.settings.staff_chat_id

    async def _chat_ids_of(self, lead_id: int) -> list[int]:
        async with self.session_factory() as session:
            return [c.chat_id for c in await store.conversations_of(session, lead_id)]

    # ------------------------------------------------------------------ the card

    async def _card_view(self, session: AsyncSession, lead: Lead) -> _CardView:
        convs = await store.conversations_of(session, lead.id)
        with_staff = any(c.with_staff for c in convs)
        text = render_card(
            lead_id=lead.id,
            name=lead.name,
            phone_e164=lead.phone_e164,
            best_time=lead.best_time,
            status=lead.status,
            taken_by=lead.taken_by_name,
            with_staff=with_staff,
            card=lead.card,
            lang=lead.lang,
            inbox_url=inbox_url(self.settings, lead.id),
        )
        return _CardView(
            lead.id, text, card_markup(lead, with_staff), lead.staff_chat_id, lead.staff_message_id
        )

    async def post_card(self, bot: Bot, lead_id: int) -> None:
        chat_id = self.staff_chat_id
        if chat_id is None:
            return
        async with self.session_factory() as session:
            lead = await session.get(Lead, lead_id)
            if lead is None:
                return
            view = await self._card_view(session, lead)
        try:
            sent = await bot.send_message(chat_id, view.text, reply_markup=view.markup)
        except TelegramAPIError as error:
            logger.error("could not post lead %s to the staff chat: %s", lead_id, type(error).__name__)
            return
        async with self.session_factory() as session, session.begin():
            await store.set_staff_message(session, lead_id, chat_id, sent.message_id)

    async def refresh_card(self, bot: Bot, lead_id: int) -> None:
        async with self.session_factory() as session:
            lead = await session.get(Lead, lead_id)
            if lead is None:
                return
            view = await self._card_view(session, lead)
        if view.chat_id is None or view.message_id is None:
            await self.post_card(bot, lead_id)  # the first post failed: try again now
            return
        await self._edit(bot, view.chat_id, view.message_id, view.text, view.markup)

    async def _edit(
        self, bot: Bot, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        try:
            await bot.edit_message_text(
                text=text, chat_id=chat_id, message_id=message_id, reply_markup=markup
            )
        except TelegramBadRequest as error:  # not modified (double tap), or the card is too old to edit
            logger.info("could not edit card %s: %s", message_id, error.message)
        except TelegramAPIError as error:
            logger.warning("could not edit card %s: %s", message_id, type(error).__name__)

    async def _notify_staff(self, bot: Bot, text: str, reply_to: int | None = None) -> None:
        if self.staff_chat_id is None:
            return
        try:
            await bot.send_message(
                self.staff_chat_id,
                text,
                reply_to_message_id=reply_to,
                allow_sending_without_reply=True,
            )
        except TelegramAPIError as error:
            logger.warning("staff chat notice failed: %s", type(error).__name__)

    async def _tell(self, bot: Bot, chat_id: int, messages: list[Outgoing]) -> None:
        for message in messages:
            try:
                await bot.send_message(chat_id, message.text, reply_markup=message.reply_markup)
            except TelegramAPIError as error:
                logger.info("could not tell chat %s: %s", chat_id, type(error).__name__)

    # ------------------------------------------------------------------ after a person's update

    async def relay_to_staff(
        self, bot: Bot, person_chat_id: int, conversation_id: int, text: str | None, message_id: int | None
    ) -> None:
        """What the person sent during a handoff, in the staff chat under their name."""
        chat_id = self.staff_chat_id
        if chat_id is None:
            return
        async with self.session_factory() as session:
            lead = await store.lead_of(session, conversation_id)
        name = lead.name if lead is not None else "?"
        lead_id = lead.id if lead is not None else None
        header = t("leads.staff.relay_header", STAFF_LANG, name=escape(name), lead_id=lead_id or "?")
        sent_ids: list[int] = []
        try:
            if text is not None:
                sent = await bot.send_message(chat_id, f"{header}\n{escape(text)}")
                sent_ids.append(sent.message_id)
            elif message_id is not None:
                sent = await bot.send_message(chat_id, header)
                sent_ids.append(sent.message_id)
                copied = await bot.copy_message(chat_id, person_chat_id, message_id)
                sent_ids.append(copied.message_id)
        except TelegramAPIError as error:
            logger.error("relay of chat %s to staff failed: %s", person_chat_id, type(error).__name__)
        if not sent_ids:
            return
        async with self.session_factory() as session, session.begin():
            for staff_message_id in sent_ids:
                await store.add_relay(
                    session,
                    conversation_id=conversation_id,
                    lead_id=lead_id,
                    staff_chat_id=chat_id,
                    staff_message_id=staff_message_id,
                    now=self.runner.clock(),
                )

    # ------------------------------------------------------------------ staff actions

    async def take(self, bot: Bot, lead_id: int, user: User, update_id: int) -> str | None:
        """A staff member takes the lead; returns a short answer for the button press (None = silent)."""
        chat_ids = await self._chat_ids_of(lead_id)
        told: list[tuple[int, list[Outgoing]]] = []
        now = self.runner.clock()
        async with (
            self.runner.store.hold(*chat_ids) as held,
            held.transaction(update_id, self.staff_chat_id, now) as session,
        ):
            if session is None:
                return None  # a redelivered press: already done
            lead = await session.get(Lead, lead_id)
            if lead is None or lead.status in (LEAD_DONE, "withdrawn"):
                return t("leads.staff.reply_unknown", STAFF_LANG)
            convs = await store.conversations_of(session, lead_id)
            if lead.status == LEAD_TAKEN and any(c.with_staff for c in convs) and lead.taken_by != user.id:
                return t("leads.staff.status_taken", STAFF_LANG, who=lead.taken_by_name or "?")
            lead.status = LEAD_TAKEN
            lead.taken_by = user.id
            lead.taken_by_name = staff_name(user)[:128]
            lead.taken_at = now
            lead.updated_at = now
            told = self._pause(convs, now, take=True)
            await repo.add_events(session, None, None, [("lead_taken", None, {})], None, now)
            if self.settings.crm_webhook_url:
                await crm_events.lead_changed(session, lead, "lead.taken", now)
        await self.refresh_card(bot, lead_id)
        for chat_id, messages in told:
            await self._tell(bot, chat_id, messages)
        return None

    async def hand_back(
        self,
        bot: Bot,
        lead_id: int,
        *,
        done: bool,
        user: User | None,
        update_id: int,
        outcome: str | None = None,
    ) -> str | None:
        chat_ids = await self._chat_ids_of(lead_id)
        told: list[tuple[int, list[Outgoing]]] = []
        now = self.runner.clock()
        async with (
            self.runner.store.hold(*chat_ids) as held,
            held.transaction(update_id, self.staff_chat_id, now) as session,
        ):
            if session is None:
                return None
            lead = await session.get(Lead, lead_id)
            if lead is None or lead.status == "withdrawn":
                return t("leads.staff.reply_unknown", STAFF_LANG)
            convs = await store.conversations_of(session, lead_id)
            if not done and not (lead.status == LEAD_TAKEN and any(c.with_staff for c in convs)):
                return t("leads.staff.not_taken", STAFF_LANG, lead_id=lead_id)
            if done:
                lead.status = LEAD_DONE
                lead.done_at = now
                lead.outcome = outcome
                if user is not None:
                    lead.taken_by = lead.taken_by or user.id
                    lead.taken_by_name = staff_name(user)[:128]
            lead.updated_at = now
            told = self._pause(convs, now, take=False)
            kind = "lead_done" if done else "lead_handed_back"
            await repo.add_events(session, None, None, [(kind, None, {})], None, now)
            if self.settings.crm_webhook_url:
                await crm_events.lead_changed(session, lead, "lead.done" if done else "lead.handed_back", now)
        await self.refresh_card(bot, lead_id)
        for chat_id, messages in told:
            await self._tell(bot, chat_id, messages)
        if not done and user is not None:
            await self._notify_staff(
                bot, t("leads.staff.handed_back", STAFF_LANG, lead_id=lead_id, who=escape(staff_name(user)))
            )
        return None

    def _pause(
        self, convs: list[Conversation], now: datetime, *, take: bool
    ) -> list[tuple[int, list[Outgoing]]]:
        """Start or end the pause on each account of the lead; what each person is told (after commit)."""
        told: list[tuple[int, list[Outgoing]]] = []
        ctx = self.runner.context(now)
        for conv in convs:
            state = state_of(conv)
            turn = engine.staff_takes(state, ctx) if take else engine.staff_hands_back(state, ctx)
            assert turn.state is not None
            if turn.state.with_staff != conv.with_staff:
                conv.with_staff = turn.state.with_staff
                told.append((conv.chat_id, render.render_messages(turn.messages, turn.step)))
        return told

    async def lead_asks(self, bot: Bot, lead_id: int, reason: str) -> None:
        """A known lead asks for someone (or became urgent): the card again, and a line that says so."""
        await self.refresh_card(bot, lead_id)
        key = "leads.staff.asks_person" if reason == "person" else "leads.staff.became_urgent"
        await self._notify_staff(bot, t(key, STAFF_LANG, lead_id=lead_id))

    async def consent_withdrawn(self, bot: Bot, lead_id: int) -> None:
        await self.refresh_card(bot, lead_id)
        await self._notify_staff(bot, t("leads.staff.consent_withdrawn", STAFF_LANG, lead_id=lead_id))

    async def lead_withdrawn(self, bot: Bot, erased: Erased) -> None:
        """Tell the staff chat; strip the card (and relayed messages) of the person's data."""
        if erased.lead_id is None:
            return
        text = t("leads.staff.withdrawn", STAFF_LANG, lead_id=erased.lead_id)
        if erased.lead_deleted:
            if erased.staff_chat_id is not None and erased.staff_message_id is not None:
                await self._edit(bot, erased.staff_chat_id, erased.staff_message_id, text, None)
        else:
            await self.refresh_card(bot, erased.lead_id)  # another account of theirs is still a lead
        if self.staff_chat_id is not None and erased.relay_message_ids:
            try:
                await bot.delete_messages(self.staff_chat_id, erased.relay_message_ids[:100])
            except TelegramAPIError as error:  # older than 48 h, or no right to delete
                logger.info("could not delete relayed messages: %s", type(error).__name__)
        await self._notify_staff(bot, text, reply_to=erased.staff_message_id)

    async def lead_for_reply(self, reply_to_message_id: int) -> tuple[Lead | None, Conversation | None]:
        assert self.staff_chat_id is not None
        async with self.session_factory() as session:
            return await store.find_by_staff_message(session, self.staff_chat_id, reply_to_message_id)

    async def reply_to_person(self, bot: Bot, staff_message_id: int, reply_to_message_id: int) -> str | None:
        """Copy a staff reply to the person; returns a note for the staff chat when it cannot."""
        assert self.staff_chat_id is not None
        lead, conv = await self.lead_for_reply(reply_to_message_id)
        if conv is None:
            return t("leads.staff.reply_unknown", STAFF_LANG)
        lead_id = lead.id if lead is not None else "?"
        if not conv.with_staff:
            return t("leads.staff.not_taken", STAFF_LANG, lead_id=lead_id)
        try:
            await bot.copy_message(conv.chat_id, self.staff_chat_id, staff_message_id)
        except TelegramAPIError as error:
            return t(
                "leads.staff.delivery_failed", STAFF_LANG, lead_id=lead_id, error=escape(type(error).__name__)
            )
        return None
