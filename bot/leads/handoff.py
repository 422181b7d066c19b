"""The staff side: the lead card in the staff chat, Take / Done / Hand back, and the two-way relay.

While a lead is taken (``conversations.with_staff``), the conversation service does
not run the screening for that person: LeadCapture.intercept puts what they send
into Outcome.extras and :meth:`Handoff.after_update` copies it to the staff chat
after the step committed. A staff member's reply to a relayed message (or to the
card) is copied back to the person from the bot.

Switching a person between bot and human takes that person's per-chat lock (the
same one the conversation service holds for each of their updates), so an update
in flight finishes under the old mode and the next one sees the new mode: nothing
is answered by both or by neither.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import repo
from bot.db.models import LEAD_DONE, LEAD_TAKEN, Conversation, Lead
from bot.leads import store
from bot.leads.capture import EXTRAS_KEY
from bot.leads.card import STAFF_LANG, render_card
from bot.leads.privacy import Erased
from flows.catalogue import t

if TYPE_CHECKING:
    from bot.service import ConversationService, Outcome

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
    def __init__(
        self,
        settings: Settings,
        session_factory: async_sessionmaker[AsyncSession],
        service: ConversationService,
        clock: Callable[[], datetime],
    ) -> None:
        self.settings = settings
        self.session_factory = session_factory
        self.service = service
        self.clock = clock

    @property
    def staff_chat_id(self) -> int | None:
        return self.settings.staff_chat_id

    # ------------------------------------------------------------------ locking

    @asynccontextmanager
    async def people_locked(self, chat_ids: list[int]) -> AsyncIterator[AsyncSession]:
        """One transaction holding the per-chat locks of these people (sorted: no lock-order deadlock)."""
        async with AsyncExitStack() as stack:
            for chat_id in sorted(set(chat_ids)):
                await stack.enter_async_context(self.service.locks.hold(chat_id))
            conn = await stack.enter_async_context(self.service.chat_lock.hold_many(chat_ids))
            session = await stack.enter_async_context(self.service.session_on(conn))
            await stack.enter_async_context(session.begin())
            yield session

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

    async def _tell_person(self, bot: Bot, chat_id: int, key: str, lang: str) -> None:
        try:
            await bot.send_message(chat_id, t(key, lang, firm=escape(self.settings.firm_name)))
        except TelegramAPIError as error:
            logger.info("could not tell chat %s (%s): %s", chat_id, key, type(error).__name__)

    # ------------------------------------------------------------------ after a person's update

    async def after_update(self, bot: Bot, outcome: Outcome) -> None:
        extras: dict[str, Any] = outcome.extras.get(EXTRAS_KEY) or {}
        if "post_card" in extras:
            await self.post_card(bot, int(extras["post_card"]))
        if "second_account" in extras:
            lead_id = int(extras["second_account"])
            await self.refresh_card(bot, lead_id)
        if "relay" in extras:
            await self.relay_to_staff(bot, outcome.incoming.chat_id, extras["relay"])

    async def relay_to_staff(self, bot: Bot, person_chat_id: int, relay: dict[str, Any]) -> None:
        chat_id = self.staff_chat_id
        if chat_id is None:
            return
        conversation_id = int(relay["conversation_id"])
        async with self.session_factory() as session:
            lead = await store.lead_of(session, conversation_id)
        name = lead.name if lead is not None else "?"
        lead_id = lead.id if lead is not None else None
        header = t("leads.staff.relay_header", STAFF_LANG, name=escape(name), lead_id=lead_id or "?")
        sent_ids: list[int] = []
        try:
            if relay.get("text") is not None:
                sent = await bot.send_message(chat_id, f"{header}\n{escape(str(relay['text']))}")
                sent_ids.append(sent.message_id)
            elif relay.get("message_id") is not None:
                sent = await bot.send_message(chat_id, header)
                sent_ids.append(sent.message_id)
                copied = await bot.copy_message(chat_id, person_chat_id, int(relay["message_id"]))
                sent_ids.append(copied.message_id)
        except TelegramAPIError as error:
            logger.error("relay of chat %s to staff failed: %s", person_chat_id, type(error).__name__)
        if not sent_ids:
            return
        async with self.session_factory() as session, session.begin():
            for message_id in sent_ids:
                await store.add_relay(
                    session,
                    conversation_id=conversation_id,
                    lead_id=lead_id,
                    staff_chat_id=chat_id,
                    staff_message_id=message_id,
                    now=self.clock(),
                )

    # ------------------------------------------------------------------ staff actions

    async def take(self, bot: Bot, lead_id: int, user: User) -> str | None:
        """Returns a short answer for the button press (None = silent)."""
        chat_ids = await self._chat_ids_of(lead_id)
        told: list[tuple[int, str]] = []
        async with self.people_locked(chat_ids) as session:
            lead = await session.get(Lead, lead_id)
            if lead is None or lead.status in (LEAD_DONE, "withdrawn"):
                return t("leads.staff.reply_unknown", STAFF_LANG)
            convs = await store.conversations_of(session, lead_id)
            if lead.status == LEAD_TAKEN and any(c.with_staff for c in convs) and lead.taken_by != user.id:
                return t("leads.staff.status_taken", STAFF_LANG, who=lead.taken_by_name or "?")
            now = self.clock()
            lead.status = LEAD_TAKEN
            lead.taken_by = user.id
            lead.taken_by_name = staff_name(user)[:128]
            lead.taken_at = now
            lead.updated_at = now
            for conv in convs:
                if not conv.with_staff:
                    conv.with_staff = True
                    told.append((conv.chat_id, conv.lang))
            await repo.add_events(session, None, None, [("lead_taken", None, {})], None, now)
        await self.refresh_card(bot, lead_id)
        for chat_id, lang in told:
            await self._tell_person(bot, chat_id, "leads.handoff.taken", lang)
        return None

    async def hand_back(self, bot: Bot, lead_id: int, *, done: bool, user: User | None) -> str | None:
        chat_ids = await self._chat_ids_of(lead_id)
        told: list[tuple[int, str]] = []
        async with self.people_locked(chat_ids) as session:
            lead = await session.get(Lead, lead_id)
            if lead is None or lead.status == "withdrawn":
                return t("leads.staff.reply_unknown", STAFF_LANG)
            convs = await store.conversations_of(session, lead_id)
            if not done and not (lead.status == LEAD_TAKEN and any(c.with_staff for c in convs)):
                return t("leads.staff.not_taken", STAFF_LANG, lead_id=lead_id)
            now = self.clock()
            if done:
                lead.status = LEAD_DONE
                lead.done_at = now
                if user is not None:
                    lead.taken_by = lead.taken_by or user.id
                    lead.taken_by_name = staff_name(user)[:128]
            lead.updated_at = now
            for conv in convs:
                if conv.with_staff:
                    conv.with_staff = False
                    told.append((conv.chat_id, conv.lang))
            kind = "lead_done" if done else "lead_handed_back"
            await repo.add_events(session, None, None, [(kind, None, {})], None, now)
        await self.refresh_card(bot, lead_id)
        for chat_id, lang in told:
            await self._tell_person(bot, chat_id, "leads.handoff.back", lang)
        if not done and user is not None:
            await self._notify_staff(
                bot, t("leads.staff.handed_back", STAFF_LANG, lead_id=lead_id, who=escape(staff_name(user)))
            )
        return None

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
