"""The campaign report at scale: 30 days over 100,000 people (about 3 million events).

Run: ``.venv/bin/python -m bench.report_bench --db sqlite`` (or ``--db postgres``; ``--people`` to
change the volume). Steps, all in this process:

1. generate: a fresh migrated database with ``--people`` people spread over 30 days, each with a
   realistic path (a start from one of several campaigns, variants and UTM links, then questions
   entered and answered until they leave or complete, consent, a lead, staff taking it, an
   outcome): about 30 events a person. Events go in through the drivers' bulk calls (SQLite's
   executemany with the bot's own value conversions, PostgreSQL's COPY).
2. roll up: the funnel summary counts every event once (bot/features/reports/summary.py), as the
   bot's background task does as the events arrive; the time is shown, it is paid once.
3. measure, interleaved, each ``--rounds`` times: the report the dashboard and `python -m bot
   report` show (summary + leads, rendered as text), the dashboard's main page over HTTP (signed
   in), and the baseline, the old full-scan report over the same events (``report --full-scan``).
   The figure is the median of each, and the ratio summary / full scan of the same run.

Every loop is bounded; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
from aiohttp import web

from bot.config import Settings
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.rows import EVENT_COLUMNS
from bot.db.sqlite import LITE_EVENT, LITE_EVENT_BIND, converted
from bot.features.dashboard.auth import COOKIE, Signatures
from bot.features.dashboard.views import install_dashboard
from bot.features.reports.funnel import build_funnel, render_funnel_text
from bot.features.reports.report import build_report
from bot.features.reports.summary import roll_up
from flows.questions import ORDER

DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
TODAY = date(2026, 11, 30)
DAYS = 30
CAMPAIGNS = (
    "spring_fb",
    "levy_fb",
    "cdp_google",
    "oic_google",
    "penalty_fb",
    "brand_search",
    "retarget",
    "tiktok",
)
INTROS = ("direct", "empathy", "question")
CTAS = ("call", "deadline", "free")
PROGRAMS = ("short_term_plan", "streamlined_ia", "oic", "cnc", "cdp_hearing", "first_time_abatement")
OUTCOMES = ("booked", "not_qualified", "no_answer", "not_interested")
QUESTIONS = list(ORDER)
SECRET = "bench-dashboard-secret-0123456789"
ADMIN = 42


def person_events(
    rng: random.Random, chat_id: int, start: datetime
) -> tuple[list[tuple[Any, ...]], dict[str, Any]]:
    """One person's events (chat, kind, question, data, source, at) and what became of them."""
    campaign = rng.choice(CAMPAIGNS)
    token = f"t_bench{CAMPAIGNS.index(campaign)}{rng.randrange(5)}"
    intro, cta = rng.choice(INTROS), rng.choice(CTAS)
    at = start
    out: list[tuple[Any, ...]] = []

    def add(kind: str, question: str | None = None, **data: Any) -> None:
        nonlocal at
        at += timedelta(seconds=rng.randrange(5, 90))
        out.append((chat_id, kind, question, data, campaign, at))

    add("started", variant_intro=intro, variant_cta=cta, source_token=token)
    depth = min(len(QUESTIONS), int(rng.expovariate(1 / 16)) + 1)
    for question in QUESTIONS[:depth]:
        add("entered", question)
        if rng.random() < 0.04:
            add("invalid", question)
        if question != QUESTIONS[depth - 1] or depth == len(QUESTIONS) or rng.random() < 0.5:
            add("answered", question)
    fate: dict[str, Any] = {"campaign": campaign, "intro": intro, "cta": cta, "token": token}
    if depth >= 12 and rng.random() < 0.7:
        add(
            "completed",
            programs=rng.sample(PROGRAMS, rng.randrange(1, 4)),
            variant_intro=intro,
            variant_cta=cta,
        )
        add("consent_offered")
        if rng.random() < 0.45:
            add("consent_given")
            add("lead_created", urgent=rng.random() < 0.3)
            fate["lead"] = at
        else:
            add("consent_declined")
    return out, fate


def generate(people: int, seed: int = 17) -> tuple[list[tuple[Any, ...]], list[dict[str, Any]]]:
    rng = random.Random(seed)
    events: list[tuple[Any, ...]] = []
    fates = []
    first_day = datetime.combine(TODAY - timedelta(days=DAYS - 1), datetime.min.time(), tzinfo=UTC)
    for n in range(people):
        start = first_day + timedelta(seconds=rng.randrange(DAYS * 86400 - 7200))
        chat_events, fate = person_events(rng, 10_000 + n, start)
        events += chat_events
        fate["chat_id"], fate["start"] = 10_000 + n, start
        fates.append(fate)
    events.sort(key=lambda e: e[5])  # the order the bot would have stored them in
    return events, fates


async def load(url: str, events: list[tuple[Any, ...]], fates: list[dict[str, Any]]) -> None:
    engine = create_engine(url)
    factory = create_session_factory(engine)
    from sqlalchemy import insert

    from bot.db.models import Conversation, Lead, LeadConversation, LinkToken

    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    async with factory() as session, session.begin():
        tokens = [
            {
                "token": f"t_bench{c}{k}",
                "campaign": CAMPAIGNS[c],
                "utm_source": "facebook" if "fb" in CAMPAIGNS[c] else "google",
                "utm_medium": "cpc",
                "utm_campaign": CAMPAIGNS[c],
                "utm_content": f"ad{k}",
                "created_at": now,
            }
            for c in range(len(CAMPAIGNS))
            for k in range(5)
        ]
        await session.execute(insert(LinkToken), tokens)
        convs = [
            {
                "chat_id": f["chat_id"],
                "state": "x",
                "snapshot": {},
                "lang": "en",
                "source_first": f["campaign"],
                "source_last": f["campaign"],
                "status": "active",
                "source_token": f["token"],
                "variant_intro": f["intro"],
                "variant_cta": f["cta"],
                "with_staff": False,
                "opted_out": False,
                "created_at": f["start"],
                "updated_at": f["start"],
                "version": 1,
            }
            for f in fates
        ]
        for n in range(0, len(convs), 5000):
            await session.execute(insert(Conversation), convs[n : n + 5000])
    async with factory() as session, session.begin():
        from sqlalchemy import select

        ids = dict((await session.execute(select(Conversation.chat_id, Conversation.id))).all())
        rng = random.Random(5)
        for f in fates:
            if "lead" not in f:
                continue
            taken = rng.random() < 0.7
            lead = Lead(
                phone_e164=f"+1415{f['chat_id']:07d}",
                name="Bench",
                lang="en",
                status="done" if taken else "new",
                urgent=False,
                source=f["campaign"],
                card={},
                created_at=f["lead"],
                updated_at=f["lead"],
                taken_at=f["lead"] if taken else None,
                outcome=rng.choice(OUTCOMES) if taken else None,
            )
            session.add(lead)
            await session.flush()
            session.add(
                LeadConversation(conversation_id=ids[f["chat_id"]], lead_id=lead.id, created_at=f["lead"])
            )
    await engine.dispose()
    rows = [
        {
            "conversation_id": None,
            "chat_id": c,
            "kind": k,
            "question_id": q,
            "data": d,
            "source": s,
            "created_at": at,
        }
        for c, k, q, d, s, at in events
    ]
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1]
        with sqlite3.connect(path) as conn:
            conn.executemany(
                LITE_EVENT, (converted(LITE_EVENT_BIND, tuple(r[c] for c in EVENT_COLUMNS)) for r in rows)
            )
        return
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        records = [tuple(json.dumps(r[c]) if c == "data" else r[c] for c in EVENT_COLUMNS) for r in rows]
        await conn.copy_records_to_table("events", records=records, columns=list(EVENT_COLUMNS))
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def timed(work: Any) -> float:
    started = time.perf_counter()
    await work()
    return time.perf_counter() - started


async def measure(url: str, rounds: int) -> dict[str, list[float]]:
    engine = create_engine(url)
    factory = create_session_factory(engine)
    since, until = TODAY - timedelta(days=DAYS - 1), TODAY + timedelta(days=1)
    settings = Settings(_env_file=None, database_url=url, admin_ids=[ADMIN], dashboard_secret=SECRET)  # type: ignore[call-arg]
    app = web.Application()
    install_dashboard(app, settings, factory)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    _, cookie = Signatures(settings).new_session(ADMIN)
    page = f"http://127.0.0.1:{port}/dashboard/?since={since.isoformat()}&until={TODAY.isoformat()}"
    times: dict[str, list[float]] = {"summary report": [], "dashboard page": [], "full scan (baseline)": []}

    async def summary() -> None:
        async with factory() as session:
            render_funnel_text(await build_funnel(session, since, until))

    async def full_scan() -> None:
        start = datetime.combine(since, datetime.min.time(), tzinfo=UTC)
        end = datetime.combine(until, datetime.min.time(), tzinfo=UTC)
        async with factory() as session:
            await build_report(session, start, end)

    async with aiohttp.ClientSession(cookies={COOKIE: cookie}) as http:

        async def dashboard() -> None:
            async with http.get(page) as response:
                assert response.status == 200, response.status
                await response.read()

        await summary()  # warm the caches each side gets: the first read of a cold file is not the report
        for _ in range(rounds):
            times["summary report"].append(await timed(summary))
            times["dashboard page"].append(await timed(dashboard))
            times["full scan (baseline)"].append(await timed(full_scan))
    await runner.cleanup()
    await engine.dispose()
    return times


async def run(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="report-bench-"))
    admin_conn = None
    if args.db == "sqlite":
        url = f"sqlite+aiosqlite:///{workdir / 'bench.db'}"
    else:
        name = f"report_bench_{uuid.uuid4().hex[:8]}"
        admin_conn = await asyncpg.connect(
            args.postgres_url.replace("postgresql+asyncpg://", "postgresql://")
        )
        await admin_conn.execute(f'CREATE DATABASE "{name}"')
        url = args.postgres_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        await asyncio.to_thread(upgrade, url)
        started = time.perf_counter()
        events, fates = generate(args.people)
        await load(url, events, fates)
        took = time.perf_counter() - started
        print(f"generated {args.people:,} people, {len(events):,} events in {took:.0f} s")
        started = time.perf_counter()
        factory = create_session_factory(engine := create_engine(url))
        counted = await roll_up(factory, datetime.now(UTC))
        await engine.dispose()
        print(f"summary rolled up from {counted:,} events in {time.perf_counter() - started:.0f} s (once)")
        times = await measure(url, args.rounds)
        baseline = statistics.median(times["full scan (baseline)"])
        print(f"\n{args.db}, {args.people:,} people, 30 days, median of {args.rounds} interleaved rounds:")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"  {name:<22} {median * 1000:9.1f} ms   {median / baseline:6.3f}x of the full scan")
    finally:
        if admin_conn is not None:
            await admin_conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
            await admin_conn.close()
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres-url", default=DEFAULT_PG)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
