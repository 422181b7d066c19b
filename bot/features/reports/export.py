"""The leads (or completed screenings) as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Assessment, Base, Conversation, EventRecord, Lead, LeadConversation, LinkToken
from bot.features.reports.report import KIND_LEAD, UTM_DIMENSIONS, in_range, plan_programs

EXPORT_COLUMNS = (
    "at", "conversation_id", "lang", "source_first", "source_last",
    "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "click_id",
    "variant_intro", "variant_cta", "balance", "top_program", "programs", "urgent", "days_left",
)  # fmt: skip
LEAD_COLUMNS = ("lead_id", "lead_urgent", "lead_status", "name", "phone")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBERISH = re.compile(r"[+-]?[\d .()-]+")


def leads_available() -> bool:
    """Whether the leads feature's table is in the schema; before it, export completed screenings."""
    return "leads" in Base.metadata.tables


def csv_safe(value: object) -> str:
    """Spreadsheet-safe cell: text that Excel would run as a formula gets a leading quote.

    Campaign names and UTM values come from links anyone can craft; numbers and phone
    numbers (+1 555...) are left alone so they stay usable.
    """
    if value is None:
        return ""
    text_ = str(value)
    if text_.startswith(_FORMULA_START) and not _NUMBERISH.fullmatch(text_):
        return "'" + text_
    return text_


async def export_rows(
    session: AsyncSession, since: datetime, until: datetime, *, leads: bool | None = None
) -> tuple[list[str], list[list[str]]]:
    """Header and rows: leads (once the leads feature exists), else completed screenings.

    One row per person: their latest lead event (or latest result) in the period,
    with the attribution, the variants and the headline of their latest plan.
    """
    leads = leads_available() if leads is None else leads
    if leads:
        anchor = (
            select(EventRecord.chat_id, func.max(EventRecord.id).label("id"))
            .where(in_range(since, until), EventRecord.kind == KIND_LEAD, EventRecord.chat_id.is_not(None))
            .group_by(EventRecord.chat_id)
            .subquery()
        )
        stmt: Any = (
            select(EventRecord.created_at, EventRecord.data, Conversation, LinkToken, Lead)
            .join(anchor, EventRecord.id == anchor.c.id)
            .join(Conversation, Conversation.chat_id == EventRecord.chat_id)
            .outerjoin(LinkToken, Conversation.source_token == LinkToken.token)
            .outerjoin(LeadConversation, LeadConversation.conversation_id == Conversation.id)
            .outerjoin(Lead, Lead.id == LeadConversation.lead_id)
            .order_by(EventRecord.created_at, EventRecord.id)
        )
    else:
        anchor = (
            select(func.max(Assessment.id).label("id"))
            .where(Assessment.created_at >= since, Assessment.created_at < until)
            .group_by(Assessment.chat_id)
            .subquery()
        )
        stmt = (
            select(Assessment.created_at, literal(None), Conversation, LinkToken, literal(None))
            .join(anchor, Assessment.id == anchor.c.id)
            .join(Conversation, Conversation.id == Assessment.conversation_id)
            .outerjoin(LinkToken, Conversation.source_token == LinkToken.token)
            .order_by(Assessment.created_at, Assessment.id)
        )
    found = (await session.execute(stmt)).all()
    plans = await _latest_plans(session, [row[2].id for row in found], until)
    header = list(EXPORT_COLUMNS) + (list(LEAD_COLUMNS) if leads else [])
    rows: list[list[str]] = []
    for at, data, conv, token, lead in found:
        plan = plans.get(conv.id) or {}
        programs = plan_programs(plan)
        values: list[object] = [
            _iso(at), conv.id, conv.lang, conv.source_first, conv.source_last,
            *(getattr(token, f, None) if token is not None else None for f in UTM_DIMENSIONS),
            token.click_id if token is not None else None,
            conv.variant_intro, conv.variant_cta, plan.get("balance"),
            programs[0] if programs else None, ";".join(programs),
            _yes_no(plan.get("urgent")), plan.get("days_left"),
        ]  # fmt: skip
        if leads:
            urgent = lead.urgent if lead is not None else (data or {}).get("urgent")
            values += [
                lead.id if lead is not None else None,
                _yes_no(urgent),
                lead.status if lead is not None else None,
                lead.name if lead is not None else None,
                lead.phone_e164 if lead is not None else conv.contact_phone,
            ]
        rows.append([csv_safe(v) for v in values])
    return header, rows


async def _latest_plans(
    session: AsyncSession, conversation_ids: list[int], until: datetime
) -> dict[int, Any]:
    if not conversation_ids:
        return {}
    latest = (
        select(func.max(Assessment.id).label("id"))
        .where(Assessment.conversation_id.in_(conversation_ids), Assessment.created_at < until)
        .group_by(Assessment.conversation_id)
        .subquery()
    )
    stmt = select(Assessment.conversation_id, Assessment.plan).join(latest, Assessment.id == latest.c.id)
    return {cid: plan for cid, plan in (await session.execute(stmt)).all()}


def _iso(value: datetime) -> str:
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.isoformat(timespec="seconds")


def _yes_no(value: object) -> str:
    return "" if value is None else ("yes" if value else "no")


def to_csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
