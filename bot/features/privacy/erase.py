"""What the bot holds about a person (/mydata) and erasing it (/delete).

Erasure removes everything that identifies the person: the conversation (answers,
snapshot, contact), assessments, consent records, relay links, the lead itself when
no other Telegram account of theirs still points at it, and CRM deliveries not yet
sent (delivered ones keep only their status, the body is blanked: the CRM already
has it and we should not keep a second copy). Funnel events stay for the
marketing counts, but with chat_id and conversation_id set to NULL and their data
reduced to a whitelist of non-identifying keys.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import (
    Assessment,
    Consent,
    Conversation,
    CrmOutbox,
    EventRecord,
    Lead,
    LeadConversation,
    ProcessedUpdate,
    StaffRelay,
)
from bot.features.leads import store
from bot.features.leads.card import best_time_label
from bot.features.leads.phone import display_phone
from bot.features.leads.store import Erased
from bot.features.privacy import office
from flows import answers_view
from flows.answers import Answers
from flows.catalogue import t

# Event data keys that say something about the funnel but nothing about who it was.
SAFE_EVENT_KEYS = frozenset(
    {"urgent", "version", "lang", "programs", "change", "error", "step", "current", "shared", "variant"}
)
MAX_ANSWER_CHARS = 200


async def stored_lang(session: AsyncSession, chat_id: int) -> str | None:
    """The language of the person's conversation, if they have one."""
    return (
        await session.execute(select(Conversation.lang).where(Conversation.chat_id == chat_id))
    ).scalar_one_or_none()


def answer_lines(answers: dict[str, Any], history: Any, lang: str) -> list[tuple[str, str]]:
    """The stored answers as the review shows them: each question's label and its value in words.

    A stored answer that no longer validates (written by an older version) is still shown,
    by its key and raw value: /mydata must show everything we keep, readable or not.
    """
    try:
        parsed = Answers.model_validate(answers)
    except ValidationError:
        return [
            (key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
            for key, value in answers.items()
        ]
    answered = None
    if isinstance(history, list):
        answered = {str(qid) for qid in history} | set(answers_view.answered_questions(parsed))
    return answers_view.describe(parsed, lang, answered)


async def my_data_text(session: AsyncSession, chat_id: int, lang: str) -> str:
    conv = (
        await session.execute(select(Conversation).where(Conversation.chat_id == chat_id))
    ).scalar_one_or_none()
    if conv is None:
        return t("leads.mydata.nothing", lang)
    lines = [t("leads.mydata.title", lang), "", t("leads.mydata.status", lang, status=escape(conv.status))]
    sources = [s for s in dict.fromkeys([conv.source_first, conv.source_last]) if s]
    if sources:
        lines.append(t("leads.mydata.source", lang, source=escape(", ".join(sources))))
    answers: dict[str, Any] = dict(conv.snapshot.get("answers") or {})
    if answers:
        lines.append(t("leads.mydata.answers", lang))
        for label, shown in answer_lines(answers, conv.snapshot.get("history"), lang):
            lines.append(f"• {escape(label)}: {escape(shown[:MAX_ANSWER_CHARS])}")
    else:
        lines.append(t("leads.mydata.no_answers", lang))
    lead = await store.lead_of(session, conv.id)
    if lead is not None:
        lines.append(
            t(
                "leads.mydata.lead",
                lang,
                name=escape(lead.name),
                phone=escape(display_phone(lead.phone_e164)),
                time=best_time_label(lead.best_time, lang) if lead.best_time else "—",
                status=escape(lead.status),
            )
        )
    consents = (
        await session.execute(select(Consent).where(Consent.conversation_id == conv.id).order_by(Consent.id))
    ).scalars()
    for consent in consents:
        lines.append(
            t(
                "leads.mydata.consent",
                lang,
                decision=t(
                    "leads.mydata.consent_yes" if consent.accepted else "leads.mydata.consent_no", lang
                ),
                when=escape(store.aware(consent.created_at).strftime("%Y-%m-%d %H:%M UTC")),
                version=escape(consent.version),
                phone=escape(display_phone(consent.phone_e164)) if consent.phone_e164 else "—",
            )
        )
    if conv.opted_out:
        lines.append(t("leads.mydata.opted_out", lang))
    lines += ["", t("leads.mydata.footer", lang)]
    return "\n".join(lines)


async def erase(session: AsyncSession, chat_id: int, now: datetime) -> Erased:
    conv = (
        await session.execute(select(Conversation).where(Conversation.chat_id == chat_id))
    ).scalar_one_or_none()
    if conv is None:
        await _anonymise_events(session, chat_id, None)
        return Erased(found=False)
    lead = await store.lead_of(session, conv.id)
    result = Erased(found=True)
    if lead is not None:
        result.lead_id = lead.id
        result.staff_chat_id, result.staff_message_id = lead.staff_chat_id, lead.staff_message_id
        others = [c for c in await store.conversations_of(session, lead.id) if c.id != conv.id]
        if not others:
            result.lead_deleted = True
            await office.lead_erased(session, lead.id, now)
            await session.execute(
                delete(CrmOutbox).where(CrmOutbox.lead_id == lead.id, CrmOutbox.delivered_at.is_(None))
            )
            await session.execute(
                update(CrmOutbox).where(CrmOutbox.lead_id == lead.id).values(body="{}", lead_id=None)
            )
            await session.execute(delete(StaffRelay).where(StaffRelay.lead_id == lead.id))
            await session.execute(update(Consent).where(Consent.lead_id == lead.id).values(lead_id=None))
            await session.execute(delete(LeadConversation).where(LeadConversation.lead_id == lead.id))
            await session.execute(delete(Lead).where(Lead.id == lead.id))
    result.relay_message_ids = list(
        (
            await session.execute(
                select(StaffRelay.staff_message_id).where(StaffRelay.conversation_id == conv.id)
            )
        ).scalars()
    )
    # Explicit deletes rather than trusting ON DELETE CASCADE: SQLite enforces it only with the pragma.
    await session.execute(delete(StaffRelay).where(StaffRelay.conversation_id == conv.id))
    await session.execute(delete(Consent).where(Consent.conversation_id == conv.id))
    await session.execute(delete(LeadConversation).where(LeadConversation.conversation_id == conv.id))
    await session.execute(delete(Assessment).where(Assessment.conversation_id == conv.id))
    await office.conversation_erased(session, conv)
    await _anonymise_events(session, chat_id, conv.id)
    session.add(
        EventRecord(
            conversation_id=None,
            chat_id=None,
            kind="lead_withdrawn" if lead else "data_erased",
            data={},
            created_at=now,
        )
    )
    await session.execute(delete(Conversation).where(Conversation.id == conv.id))
    # Which updates came from this chat is itself a trace of the person.
    await session.execute(
        update(ProcessedUpdate).where(ProcessedUpdate.chat_id == chat_id).values(chat_id=None)
    )
    return result


async def _anonymise_events(session: AsyncSession, chat_id: int, conversation_id: int | None) -> None:
    condition = EventRecord.chat_id == chat_id
    if conversation_id is not None:
        condition = or_(condition, EventRecord.conversation_id == conversation_id)
    events = (await session.execute(select(EventRecord).where(condition))).scalars()
    for event in events:
        event.chat_id = None
        event.conversation_id = None
        event.data = {k: v for k, v in (event.data or {}).items() if k in SAFE_EVENT_KEYS}
    await session.flush()
