"""What "Done" on a lead card asks: how it ended (booked, not qualified, no answer, ...).

Pressing Done no longer closes the lead at once: the card's buttons become the outcomes, and
the one pressed closes it with that outcome (bot/features/leads/handoff.py), which the
dashboard's funnel counts and the CRM's ``lead.done`` event carries. "Back" restores the card.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.features.leads.card import STAFF_LANG
from bot.features.leads.handoff import LeadAction
from flows.catalogue import t

logger = logging.getLogger(__name__)

OUTCOMES = ("booked", "not_qualified", "no_answer", "not_interested", "wrong_number", "other")
OUTCOME_PREFIX = "o-"
KEEP = "keep"  # "Back": the card's own buttons again


def outcome_of(action: str) -> str | None:
    """The outcome a card button stands for, None for any other action."""
    if not action.startswith(OUTCOME_PREFIX):
        return None
    outcome = action[len(OUTCOME_PREFIX) :]
    return outcome if outcome in OUTCOMES else None


def outcome_label(outcome: str | None, lang: str = STAFF_LANG) -> str:
    return t(f"office.outcome.{outcome}", lang) if outcome in OUTCOMES else "—"


def outcome_markup(lead_id: int) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            text=outcome_label(o), callback_data=LeadAction(action=OUTCOME_PREFIX + o, lead_id=lead_id).pack()
        )
        for o in OUTCOMES
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append(
        [
            InlineKeyboardButton(
                text=t("office.outcome.back", STAFF_LANG),
                callback_data=LeadAction(action=KEEP, lead_id=lead_id).pack(),
            )
        ]
    )
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def ask_outcome(bot: Bot, chat_id: int, message_id: int, lead_id: int) -> str:
    """The card's buttons become the outcomes; returns the note for the pressed button."""
    try:
        await bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=outcome_markup(lead_id)
        )
    except TelegramAPIError as error:
        logger.info("could not show the outcomes on card %s: %s", message_id, type(error).__name__)
    return t("office.outcome.ask", STAFF_LANG)
