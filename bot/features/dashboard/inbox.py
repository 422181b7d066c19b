"""The leads inbox: the list, one lead with its answers and conversation, notes, and the CSV."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Lead, LinkToken
from bot.db.office import LeadNote, TranscriptLine
from bot.features.leads import store
from bot.features.leads.crm_events import attribution
from bot.features.leads.outcome import outcome_label
from bot.features.reports.export import csv_safe, to_csv
from bot.features.reports.funnel import question_label
from bot.features.transcript import transcript
from bot.runner.state import aware

STATUSES = ("new", "taken", "done")
PAGE = 200
CSV_COLUMNS = (
    "lead_id",
    "created_at",
    "name",
    "phone",
    "lang",
    "status",
    "owner",
    "outcome",
    "urgent",
    "campaign",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
    "fbclid",
    "gclid",
    "balance",
    "plan",
)


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


async def leads_in(
    session: AsyncSession, since: date, until: date, status: str | None = None, limit: int | None = PAGE
) -> list[Lead]:
    stmt = select(Lead).where(Lead.created_at >= start_of(since), Lead.created_at < start_of(until))
    if status in STATUSES:
        stmt = stmt.where(Lead.status == status)
    stmt = stmt.order_by(Lead.created_at.desc(), Lead.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list((await session.execute(stmt)).scalars())


@dataclass
class LeadView:
    lead: Lead
    answers: list[tuple[str, str]] = field(default_factory=list)
    lines: list[TranscriptLine] = field(default_factory=list)
    notes: list[LeadNote] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)
    outcome: str = "—"


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


async def lead_view(session: AsyncSession, lead_id: int) -> LeadView | None:
    lead = await session.get(Lead, lead_id)
    if lead is None:
        return None
    convs = await store.conversations_of(session, lead.id)
    view = LeadView(lead=lead, outcome=outcome_label(lead.outcome))
    if convs:
        latest = convs[-1]
        assessment = await store.latest_assessment(session, latest.id)
        answers = (
            dict(assessment.answers) if assessment is not None else dict(latest.snapshot.get("answers") or {})
        )
        view.answers = [(question_label(k, "en"), shown(v)) for k, v in answers.items()]
        view.source = await attribution(session, latest.source_token, latest.click_id)
    view.lines = await transcript(session, [c.id for c in convs])
    view.notes = list(
        (
            await session.execute(select(LeadNote).where(LeadNote.lead_id == lead.id).order_by(LeadNote.id))
        ).scalars()
    )
    return view


async def add_note(session: AsyncSession, lead_id: int, author_id: int, text: str, now: datetime) -> bool:
    if await session.get(Lead, lead_id) is None:
        return False
    session.add(LeadNote(lead_id=lead_id, author_id=author_id, text=text, created_at=now))
    return True


async def leads_csv(session: AsyncSession, since: date, until: date) -> str:
    """Every lead of the range, one row each, safe to open in a spreadsheet."""
    rows: list[list[str]] = []
    for lead in await leads_in(session, since, until, limit=None):
        convs = await store.conversations_of(session, lead.id)
        latest = convs[-1] if convs else None
        source = await attribution(
            session, latest.source_token if latest else None, latest.click_id if latest else None
        )
        token = await session.get(LinkToken, latest.source_token) if latest and latest.source_token else None
        ids = source["click_ids"]
        values = [
            lead.id,
            aware(lead.created_at).isoformat(timespec="seconds"),
            lead.name,
            lead.phone_e164,
            lead.lang,
            lead.status,
            lead.taken_by_name,
            lead.outcome,
            "yes" if lead.urgent else "no",
            lead.source,
            *(
                getattr(token, f, None) if token is not None else None
                for f in ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
            ),
            ids.get("fbclid"),
            ids.get("gclid"),
            lead.card.get("balance"),
            lead.card.get("plan"),
        ]
        rows.append([csv_safe(v) for v in values])
    return to_csv(CSV_COLUMNS, rows)
