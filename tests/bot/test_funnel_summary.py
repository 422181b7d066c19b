"""The funnel summary against a scripted set of people whose numbers were counted by hand.

Cohort rules (bot/features/reports/summary.py): a person counts on the day of their first start,
in the groups of that start, once, whatever they did later. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Conversation, EventRecord, Lead, LeadConversation, LinkToken
from bot.db.office import FunnelCount
from bot.features.reports.funnel import Funnel, build_funnel, day_range, render_funnel_text
from bot.features.reports.summary import roll_up

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TOKEN = "t_AAAAAAAAAA"

E = tuple[str, str | None, dict[str, Any]]


def qa(question: str) -> list[E]:
    return [("entered", question, {}), ("answered", question, {})]


def start(intro: str, cta: str, token: str | None = None) -> E:
    return ("started", None, {"variant_intro": intro, "variant_cta": cta, "source_token": token})


# chat: (campaign, days ago, events, lead: None | (urgent, taken, outcome))
PEOPLE: dict[int, tuple[str, int, list[E], tuple[bool, bool, str | None] | None]] = {
    1: (
        "spring",
        3,
        [
            start("direct", "call", TOKEN),
            *qa("balance"),
            *qa("debt_scope"),
            ("completed", None, {"programs": ["a", "b"]}),
            ("consent_given", None, {}),
            ("lead_created", None, {"urgent": True}),
        ],
        (True, True, "booked"),
    ),
    2: (
        "spring",
        3,
        [start("direct", "deadline", TOKEN), *qa("balance"), ("entered", "debt_scope", {})],
        None,
    ),
    # Went back from debt_scope and left at balance.
    3: (
        "fall",
        2,
        [
            start("empathy", "call"),
            *qa("balance"),
            ("entered", "debt_scope", {}),
            ("back", None, {}),
            ("entered", "balance", {}),
        ],
        None,
    ),
    4: (
        "fall",
        5,
        [
            start("empathy", "call"),
            *qa("balance"),
            *qa("debt_scope"),
            ("completed", None, {"programs": ["a"]}),
            ("consent_declined", None, {}),
        ],
        None,
    ),
    # Before the 30 days: counts nowhere.
    5: ("spring", 40, [start("direct", "call"), ("entered", "balance", {})], None),
    # Restarted; a second plan replaced the first one's programs.
    6: (
        "fall",
        4,
        [
            start("direct", "call"),
            *qa("balance"),
            ("restart", None, {}),
            start("direct", "call"),
            *qa("balance"),
            *qa("debt_scope"),
            ("completed", None, {"programs": ["c"]}),
            ("completed", None, {"programs": ["a"]}),
            ("consent_given", None, {}),
            ("lead_created", None, {"urgent": False}),
        ],
        (False, False, None),
    ),
}


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    try:
        factory = create_session_factory(engine)
        await seed(factory)
        yield factory
    finally:
        await engine.dispose()


async def seed(factory: async_sessionmaker[AsyncSession]) -> None:
    async with factory() as session, session.begin():
        session.add(LinkToken(token=TOKEN, utm_source="facebook", utm_medium="cpc", created_at=NOW))
        for chat_id, (campaign, ago, events, lead) in PEOPLE.items():
            when = NOW - timedelta(days=ago)
            conv = Conversation(
                chat_id=chat_id,
                state="x",
                snapshot={},
                lang="en",
                source_first=campaign,
                source_last=campaign,
                status="active",
                created_at=when,
                updated_at=when,
            )
            session.add(conv)
            await session.flush()
            for kind, question, data in events:
                when += timedelta(minutes=1)
                session.add(
                    EventRecord(
                        conversation_id=conv.id,
                        chat_id=chat_id,
                        kind=kind,
                        question_id=question,
                        data=data,
                        source=campaign,
                        created_at=when,
                    )
                )
            if lead is not None:
                urgent, taken, outcome = lead
                row = Lead(
                    phone_e164=f"+1415555{chat_id:04d}",
                    name="X",
                    lang="en",
                    status="done" if outcome else "new",
                    urgent=urgent,
                    source=campaign,
                    card={},
                    created_at=when,
                    updated_at=when,
                    taken_at=when if taken else None,
                    outcome=outcome,
                )
                session.add(row)
                await session.flush()
                session.add(LeadConversation(conversation_id=conv.id, lead_id=row.id, created_at=when))


async def funnel(factory: async_sessionmaker[AsyncSession]) -> Funnel:
    since, until = day_range(today=NOW.date())
    async with factory() as session:
        return await build_funnel(session, since, until)


def check_hand_count(f: Funnel) -> None:
    o = f.overall
    assert (o.starts, o.completed, o.consented, o.declined, o.leads, o.urgent, o.taken, o.booked) == (
        5,
        3,
        2,
        1,
        2,
        1,
        1,
        1,
    )
    steps = {s.question_id: (s.reached, s.answered, s.left) for s in f.ordered_steps()}
    assert steps == {"balance": (5, 5, 1), "debt_scope": (5, 3, 1)}
    assert [s.question_id for s in f.ordered_steps()] == ["debt_scope", "balance"]  # the flow's order
    assert o.programs == {"a": 3, "b": 1}
    spring, fall = f.group("campaign", "spring"), f.group("campaign", "fall")
    assert spring is not None and fall is not None
    assert (spring.starts, spring.completed, spring.leads, spring.taken, spring.booked) == (2, 1, 1, 1, 1)
    assert (fall.starts, fall.completed, fall.consented, fall.leads, fall.taken) == (3, 2, 1, 1, 0)
    facebook, untagged = f.group("utm_source", "facebook"), f.group("utm_source", "(none)")
    assert facebook is not None and untagged is not None
    assert (facebook.starts, untagged.starts) == (2, 3)
    call, deadline = f.group("cta", "call"), f.group("cta", "deadline")
    assert call is not None and deadline is not None
    # The call-to-action's denominator: people who reached the plan (and so saw it).
    assert (call.starts, call.completed, call.consented) == (4, 3, 2)
    assert (deadline.starts, deadline.completed) == (1, 0)
    direct = f.group("intro", "direct")
    assert direct is not None and direct.starts == 3


async def test_the_summary_gives_the_hand_counted_numbers(sessions: async_sessionmaker[AsyncSession]) -> None:
    assert await roll_up(sessions, NOW, settle=timedelta(0)) == sum(len(p[2]) for p in PEOPLE.values())
    check_hand_count(await funnel(sessions))


async def test_events_not_rolled_up_yet_count_in_the_report_all_the_same(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    check_hand_count(await funnel(sessions))  # nothing stored: all of it counted on the fly
    # Only people 1 and 2 settled (stored, in batches of 4 events); the rest is counted on the fly.
    await roll_up(sessions, NOW - timedelta(days=3) + timedelta(minutes=30), settle=timedelta(0), batch=4)
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(FunnelCount))).scalar_one() > 0
    check_hand_count(await funnel(sessions))
    await roll_up(sessions, NOW, settle=timedelta(0), batch=3)
    check_hand_count(await funnel(sessions))


async def test_rolling_up_again_or_twice_at_once_counts_nothing_twice(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await asyncio.gather(*(roll_up(sessions, NOW, settle=timedelta(0), batch=5) for _ in range(3)))
    assert await roll_up(sessions, NOW, settle=timedelta(0)) == 0
    check_hand_count(await funnel(sessions))


async def test_recent_events_wait_to_be_stored_until_they_settle(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    # Everything happened within 6 days of NOW - 1 day: with a week to settle, nothing is stored.
    assert await roll_up(sessions, NOW, settle=timedelta(days=7)) == 0


async def test_a_range_of_days_counts_the_people_who_started_in_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        f = await build_funnel(session, date(2026, 11, 15), date(2026, 11, 17))  # days 5 and 4 ago
    assert (f.overall.starts, f.overall.completed, f.overall.leads) == (2, 2, 1)  # people 4 and 6


async def test_the_text_report_names_the_questions(sessions: async_sessionmaker[AsyncSession]) -> None:
    text = render_funnel_text(await funnel(sessions))
    assert "Federal balance" in text and "Owed to" in text
    assert "debt_scope" not in text
    assert "Booked" in text and "By campaign" in text
