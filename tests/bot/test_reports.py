"""Reports against a scripted set of conversations whose numbers are known in advance.

Ten people, two campaigns plus one with no source, two intro and two CTA variants.
Each person's path is written as the events the bot would have stored; the expected
numbers below were counted by hand from the script, not from the code.
Runs on SQLite and, when TEST_POSTGRES_URL is set, on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Assessment, Conversation, EventRecord, LinkToken
from bot.features.reports import render
from bot.features.reports import report as reports

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
Q = ("balance", "debt_scope", "latest_letter")


def path(*steps: str) -> list[tuple[str, str | None]]:
    """'balance+' = entered and answered; 'balance' = entered only; other words are plain kinds."""
    out: list[tuple[str, str | None]] = [("started", None)]
    for step in steps:
        if step.endswith("+"):
            out += [("entered", step[:-1]), ("answered", step[:-1])]
        elif step in Q:
            out.append(("entered", step))
        else:
            out.append((step, None))
    return out


DONE = ("balance+", "debt_scope+", "latest_letter+", "completed")

# chat_id: (source, intro, cta, path, days ago, lead: None | urgent flag, programs of the latest assessment)
PEOPLE: dict[int, tuple[str | None, str, str, list[tuple[str, str | None]], int, bool | None, list[str]]] = {
    1: ("spring_fb", "direct", "call", path(*DONE), 3, True, ["streamlined_ia", "first_time_abatement"]),
    2: ("spring_fb", "direct", "deadline", path("balance+", "debt_scope"), 3, None, []),
    3: ("spring_fb", "empathy", "call", path("balance"), 2, None, []),
    4: ("spring_fb", "empathy", "deadline", path(*DONE), 5, False, ["short_term_plan"]),
    5: ("levy_g", "direct", "call", path(*DONE), 10, None, ["streamlined_ia"]),
    6: ("levy_g", "empathy", "call", path("balance+", "debt_scope+", "latest_letter"), 1, None, []),
    # Went back from debt_scope to balance and left there.
    7: ("levy_g", "empathy", "deadline", path("balance+", "debt_scope", "back", "balance"), 1, None, []),
    8: (None, "direct", "call", path(*DONE), 20, True, ["cdp_hearing", "streamlined_ia"]),
    # Outside the default 30 days: must not count anywhere.
    9: ("spring_fb", "direct", "call", path("balance"), 40, None, []),
    # Restarted once: still one start, one person.
    10: ("levy_g", "direct", "deadline", path("balance+", "restart", "started", *DONE), 4, None, ["cnc"]),
}


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


async def script(factory: async_sessionmaker[AsyncSession]) -> None:
    async with factory() as session, session.begin():
        session.add(
            LinkToken(token="t_AAAAAAAAAA", utm_source="facebook", utm_medium="cpc", utm_campaign="spring_fb",
                      created_at=NOW - timedelta(days=50))
        )  # fmt: skip
        for chat_id, (source, intro, cta, steps, ago, lead, programs) in PEOPLE.items():
            start = NOW - timedelta(days=ago)
            conv = Conversation(
                chat_id=chat_id, state="x", snapshot={}, lang="en", source_first=source, source_last=source,
                source_token="t_AAAAAAAAAA" if source == "spring_fb" else None,
                variant_intro=intro, variant_cta=cta, status="active", created_at=start, updated_at=start,
            )  # fmt: skip
            session.add(conv)
            await session.flush()
            when = start
            for kind, question_id in steps:
                when += timedelta(minutes=1)
                data: dict[str, Any] = {}
                session.add(
                    EventRecord(
                        conversation_id=conv.id,
                        chat_id=chat_id,
                        kind=kind,
                        question_id=question_id,
                        data=data,
                        source=source,
                        created_at=when,
                    )
                )
            if lead is not None:
                # Recorded by the leads feature, which does not set events.source: the report falls
                # back to the conversation's source.
                session.add(
                    EventRecord(
                        conversation_id=conv.id,
                        chat_id=chat_id,
                        kind="lead_created",
                        data={"urgent": lead},
                        source=None,
                        created_at=when,
                    )
                )
            if programs:
                if chat_id == 1:  # an older result of the same person: only the latest counts
                    session.add(
                        Assessment(
                            conversation_id=conv.id,
                            chat_id=chat_id,
                            answers={},
                            plan={"recommendations": [{"program": "ppia"}]},
                            created_at=start,
                        )
                    )
                plan = {"recommendations": [{"program": p, "fit": "likely"} for p in programs]}
                session.add(
                    Assessment(
                        conversation_id=conv.id, chat_id=chat_id, answers={}, plan=plan, created_at=when
                    )
                )


async def build(factory: async_sessionmaker[AsyncSession], **kw: Any) -> reports.Report:
    since, until = reports.default_range(NOW)
    async with factory() as session:
        return await reports.build_report(session, since, until, question_order=list(Q), **kw)


def steps(slice_: reports.Slice) -> dict[str, tuple[int, int, int]]:
    return {q: (s.reached, s.answered, s.left) for q, s in slice_.steps.items()}


async def test_overall_numbers(sessions: async_sessionmaker[AsyncSession]) -> None:
    await script(sessions)
    report = await build(sessions)
    o = report.overall
    assert (o.starts, o.completed, o.leads, o.urgent_leads) == (9, 5, 3, 2)
    assert o.programs == {
        "streamlined_ia": 3, "first_time_abatement": 1, "short_term_plan": 1, "cdp_hearing": 1, "cnc": 1,
    }  # fmt: skip
    assert steps(o) == {
        "balance": (9, 8, 2),  # left: 3 (never answered), 7 (came back to it, then left)
        "debt_scope": (8, 6, 1),  # left: 2
        "latest_letter": (6, 5, 1),  # left: 6
    }
    assert [s.question_id for s in report.ordered_steps()] == list(Q)


async def test_by_campaign(sessions: async_sessionmaker[AsyncSession]) -> None:
    await script(sessions)
    report = await build(sessions)
    spring = report.group("campaign", "spring_fb")
    levy = report.group("campaign", "levy_g")
    direct = report.group("campaign", reports.NONE_LABEL)
    assert spring and levy and direct
    assert (spring.starts, spring.completed, spring.leads, spring.urgent_leads) == (4, 2, 2, 1)
    assert steps(spring) == {"balance": (4, 3, 1), "debt_scope": (3, 2, 1), "latest_letter": (2, 2, 0)}
    assert spring.programs == {"streamlined_ia": 1, "first_time_abatement": 1, "short_term_plan": 1}
    assert (levy.starts, levy.completed, levy.leads, levy.urgent_leads) == (4, 2, 0, 0)
    assert steps(levy) == {"balance": (4, 4, 1), "debt_scope": (4, 3, 0), "latest_letter": (3, 2, 1)}
    assert levy.programs == {"streamlined_ia": 1, "cnc": 1}
    assert (direct.starts, direct.completed, direct.leads, direct.urgent_leads) == (1, 1, 1, 1)
    assert [s.label for s in report.breakdowns["campaign"]] == ["levy_g", "spring_fb", reports.NONE_LABEL]


async def test_by_variant(sessions: async_sessionmaker[AsyncSession]) -> None:
    await script(sessions)
    report = await build(sessions)
    intro = {s.label: (s.starts, s.completed, s.leads, s.urgent_leads) for s in report.breakdowns["intro"]}
    cta = {s.label: (s.starts, s.completed, s.leads, s.urgent_leads) for s in report.breakdowns["cta"]}
    assert intro == {"direct": (5, 4, 2, 2), "empathy": (4, 1, 1, 0)}
    assert cta == {"call": (5, 3, 2, 2), "deadline": (4, 2, 1, 0)}
    empathy = report.group("intro", "empathy")
    assert empathy and steps(empathy) == {
        "balance": (4, 3, 2),
        "debt_scope": (3, 2, 0),
        "latest_letter": (2, 1, 1),
    }


async def test_by_utm_field_through_the_link_token(sessions: async_sessionmaker[AsyncSession]) -> None:
    await script(sessions)
    report = await build(sessions, dimensions=["utm_source"])
    groups = {s.label: (s.starts, s.completed) for s in report.breakdowns["utm_source"]}
    assert groups == {"facebook": (4, 2), reports.NONE_LABEL: (5, 3)}


async def test_the_date_range_moves_people_in_and_out(sessions: async_sessionmaker[AsyncSession]) -> None:
    await script(sessions)
    async with sessions() as session:
        week = await reports.build_report(session, NOW - timedelta(days=7), NOW, dimensions=())
        everything = await reports.build_report(session, NOW - timedelta(days=60), NOW, dimensions=())
    # Last 7 days: people 1, 2, 3, 4, 6, 7, 10.
    assert (week.overall.starts, week.overall.completed) == (7, 3)
    assert everything.overall.starts == 10
    assert everything.overall.steps["balance"].left == 3  # person 9 joins


async def test_an_empty_period_renders_a_clear_line(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        report = await reports.build_report(session, NOW - timedelta(days=1), NOW)
    assert "No conversations in this period." in render.render_text(report)


async def test_text_rendering_lists_the_numbers(sessions: async_sessionmaker[AsyncSession]) -> None:
    await script(sessions)
    report = await build(sessions)
    text = render.render_text(report)
    assert "Starts: 9" in text and "Completed screenings: 5 (56%)" in text and "Leads: 3 (urgent: 2)" in text
    assert "By campaign" in text and "spring_fb" in text and "(none)" in text
    funnel_line = next(line for line in text.splitlines() if line.startswith("debt_scope"))
    assert funnel_line.split() == ["debt_scope", "8", "6", "1"]
    assert "Informe" in render.render_text(report, "es")
