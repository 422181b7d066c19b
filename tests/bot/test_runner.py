"""The per-update runner against a real database: no lost updates across processes, a stale row
retried once, a duplicate update skipped, a feature's writes committed or rolled back with the
step's own. (Telegram-facing behaviour is covered in tests/e2e.)

A feature reaches inside the step's transaction through an effect handler (bot/runner/hooks.py);
these tests add a probe effect to every turn and handle it the way a feature would.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Conversation, EventRecord, Lead, LeadConversation, LinkToken, ProcessedUpdate
from bot.features.leads import store
from bot.features.leads.phone import PhoneNumbers
from bot.runner.hooks import Outcome, Scope
from bot.runner.runner import StepRunner
from bot.telegram.incoming import Incoming
from flows import engine
from flows.chat import Act, ChatInput, ChatState, Context, Turn
from flows.types import Event, OutMessage, Snapshot, StepResult, UserInput
from tests.e2e.harness import fetch_conversation, fetch_rows

CHAT = 5150


class CountingFlow:
    """Every typed input is appended to answers["seen"]: a lost update shows as a missing value."""

    def start(self, lang: str) -> StepResult:
        return StepResult(Snapshot(state="count", lang=lang, answers={"seen": []}), [], [], accepted=True)

    def handle(self, snapshot: Snapshot, user_input: UserInput, today: date) -> StepResult:
        seen = [*snapshot.answers["seen"], user_input.value]
        new = snapshot.model_copy(update={"answers": {"seen": seen}, "step": snapshot.step + 1})
        return StepResult(
            new, [OutMessage(html="ok", plain="ok")], [Event("answered", "count")], accepted=True
        )

    def current_prompt(self, snapshot: Snapshot) -> list[OutMessage]:
        return []

    def urgency(self, snapshot: Snapshot, today: date) -> None:
        return None

    def plan(self, snapshot: Snapshot, today: date) -> None:
        return None

    def answers_open_question(self, snapshot: Snapshot, user_input: UserInput, today: date) -> bool:
        return False


update_ids = itertools.count(1)


def typed(value: str, update_id: int | None = None, chat_id: int = CHAT) -> Incoming:
    return Incoming(
        update_id=update_id if update_id is not None else next(update_ids),
        chat_id=chat_id,
        user_id=chat_id,
        chat=ChatInput(Act.INPUT, UserInput.typed(value), language_code="en"),
    )


@dataclasses.dataclass(frozen=True)
class Probe:
    """An effect every turn carries in these tests: its handler plays a feature inside the step."""


Handler = Callable[[Scope, Probe], Awaitable[None]]


def probed(runner: StepRunner, handler: Handler) -> StepRunner:
    """Every turn of ``runner`` carries a Probe, handled by ``handler`` inside the transaction."""

    def converse(state: ChatState | None, inp: ChatInput, ctx: Context) -> Turn:
        turn = engine.step(state, inp, ctx)
        if turn.state is not None:
            turn.effects.append(Probe())  # type: ignore[arg-type]
        return turn

    runner.converse = converse
    runner.effect_handlers[Probe] = handler
    return runner


async def step(runner: StepRunner, incoming: Incoming) -> Outcome:
    """What StepRunner.handle does before it sends anything: hold the chat, run the step."""
    async with runner.store.hold(incoming.chat_id) as held:
        outcome = await held.step(
            incoming.chat_id, incoming.update_id, runner.clock(), lambda tx: runner.work(tx, incoming)
        )
    return outcome if outcome is not None else Outcome(incoming=incoming, duplicate=True)


@pytest.fixture
async def runners(database_url: str) -> AsyncIterator[list[StepRunner]]:
    """Two runners with their own engines: two bot processes sharing one database."""
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    engines = [create_engine(database_url) for _ in range(2)]
    yield [
        StepRunner(settings, create_session_factory(e), phones=PhoneNumbers(), screening=CountingFlow())
        for e in engines
    ]
    for engine_ in engines:
        await engine_.dispose()


async def test_concurrent_steps_from_two_processes_lose_nothing(
    runners: list[StepRunner], database_url: str
) -> None:
    await step(runners[0], typed("0"))  # creates the conversation (this first input only starts it)
    before = (await fetch_conversation(database_url, CHAT)).version
    await asyncio.gather(*(step(runners[n % 2], typed(str(n))) for n in range(1, 21)))
    conv = await fetch_conversation(database_url, CHAT)
    assert sorted(conv.snapshot["answers"]["seen"], key=int) == [str(n) for n in range(1, 21)]
    assert conv.snapshot["step"] == 20
    assert conv.version == before + 20  # one versioned UPDATE per step, none lost or merged


async def test_duplicate_update_is_skipped(runners: list[StepRunner], database_url: str) -> None:
    first, second = runners
    await step(first, typed("start"))
    outcome = await step(first, typed("a", update_id=999))
    again = await step(second, typed("a", update_id=999))
    assert not outcome.duplicate and again.duplicate and again.messages == []
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["a"]


async def test_stale_row_is_retried_once_from_a_fresh_read(
    runners: list[StepRunner], database_url: str
) -> None:
    runner = runners[0]
    await step(runner, typed("start"))
    calls = 0

    async def bump_version_once(scope: Scope, effect: Probe) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:  # inside the step's transaction, between its read and its write
            await scope.session.execute(text("UPDATE conversations SET version = version + 1"))

    await step(probed(runner, bump_version_once), typed("x"))
    assert calls == 2  # the step ran again from a fresh read
    conv = await fetch_conversation(database_url, CHAT)
    assert conv.snapshot["answers"]["seen"] == ["x"]  # applied exactly once
    events = await fetch_rows(database_url, EventRecord, EventRecord.chat_id == CHAT)
    assert [e.kind for e in events].count("answered") == 1


def writes_a_token(token: str = "t_probe", then_fail: bool = False) -> Handler:
    async def handler(scope: Scope, effect: Probe) -> None:
        scope.session.add(LinkToken(token=token, campaign="probe", created_at=datetime.now(UTC)))
        await scope.session.flush()
        if then_fail:
            raise RuntimeError("the feature failed after writing")

    return handler


@pytest.fixture
def pg_runner(runners: list[StepRunner], database_url: str) -> StepRunner:
    """A runner whose steps take the asyncpg path (PostgreSQL, run under the chat lock)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("the asyncpg step path is PostgreSQL's")
    return runners[0]


async def test_on_postgresql_a_step_that_needs_no_session_never_opens_one(
    pg_runner: StepRunner, database_url: str
) -> None:
    used: list[bool] = []

    async def look(scope: Scope, effect: Probe) -> None:
        used.append(bool(getattr(scope.session, "used")))  # noqa: B009 - the LazySession's own flag

    probed(pg_runner, look)
    await step(pg_runner, typed("start"))
    await step(pg_runner, typed("a"))
    assert used == [False, False]
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["a"]


async def test_a_failing_step_rolls_back_its_features_writes_and_its_own(
    runners: list[StepRunner], database_url: str
) -> None:
    runner = probed(runners[0], writes_a_token(then_fail=True))
    with pytest.raises(RuntimeError, match="the feature failed after writing"):  # not masked by the rollback
        await step(runner, typed("start", update_id=4321))
    assert await fetch_rows(database_url, LinkToken) == []
    assert await fetch_rows(database_url, Conversation, Conversation.chat_id == CHAT) == []
    assert await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 4321) == []
    runner.converse = engine.step  # nothing left open: the next step runs
    outcome = await step(runner, typed("start", update_id=4321))
    assert not outcome.duplicate and outcome.conversation_id is not None


async def test_a_features_writes_commit_with_the_steps(runners: list[StepRunner], database_url: str) -> None:
    outcome = await step(probed(runners[0], writes_a_token()), typed("start", update_id=4322))
    assert [t.token for t in await fetch_rows(database_url, LinkToken)] == ["t_probe"]
    assert (await fetch_conversation(database_url, CHAT)).id == outcome.conversation_id
    assert len(await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 4322)) == 1


async def test_an_effect_nobody_handles_fails_the_step_and_writes_nothing(
    runners: list[StepRunner], database_url: str
) -> None:
    runner = probed(runners[0], writes_a_token())
    del runner.effect_handlers[Probe]
    with pytest.raises(LookupError, match="no handler for Probe"):
        await step(runner, typed("start", update_id=4323))
    assert await fetch_rows(database_url, Conversation, Conversation.chat_id == CHAT) == []


def count_asyncpg_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every query method called on an asyncpg connection (each is one round trip), named by what it runs."""
    import asyncpg

    seen: list[str] = []
    names = {"bot_open_step": "lock and read", "bot_save_step": "write", "pg_advisory_unlock": "unlock"}
    for method in ("execute", "executemany", "fetch", "fetchrow", "fetchval"):
        original = getattr(asyncpg.Connection, method)

        async def counting(
            self: Any, query: str, *args: Any, _original: Any = original, **kwargs: Any
        ) -> Any:
            seen.append(next((name for key, name in names.items() if key in query), query))
            return await _original(self, query, *args, **kwargs)

        monkeypatch.setattr(asyncpg.Connection, method, counting)
    return seen


async def test_on_postgresql_a_step_is_three_round_trips(
    pg_runner: StepRunner, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock with the row's read, the claim with the UPDATE and the events, the unlock: the fast
    path's whole point (docs/performance.md)."""
    await step(pg_runner, typed("start"))
    calls = count_asyncpg_calls(monkeypatch)
    outcome = await step(pg_runner, typed("a"))
    assert not outcome.duplicate and outcome.event_kinds == ["answered"]
    assert calls == ["lock and read", "write", "unlock"]
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["a"]

    calls.clear()  # a new conversation needs its id before the end: a transaction of its own
    outcome = await step(pg_runner, typed("start", chat_id=CHAT + 1))
    assert outcome.conversation_id is not None
    assert calls == ["lock and read", "BEGIN", calls[2], "write", "COMMIT", "unlock"]
    assert calls[2].startswith("INSERT INTO conversations")


async def test_on_postgresql_a_redelivered_update_undoes_what_its_step_wrote_through_the_session(
    pg_runner: StepRunner, database_url: str
) -> None:
    """The claim is checked when the step's writes go out, after the step ran again: what a feature
    wrote meanwhile through the session must be rolled back with it, and nothing be answered."""
    count = 0

    async def one_token_per_step(scope: Scope, effect: Probe) -> None:
        nonlocal count
        count += 1
        await writes_a_token(f"t_step{count}")(scope, effect)

    probed(pg_runner, one_token_per_step)
    first = await step(pg_runner, typed("start", update_id=6001))
    again = await step(pg_runner, typed("start", update_id=6001))
    assert not first.duplicate and again.duplicate and again.messages == []
    assert count == 2  # the step did run again...
    assert [t.token for t in await fetch_rows(database_url, LinkToken)] == ["t_step1"]  # ...and left nothing
    assert len(await fetch_rows(database_url, EventRecord, EventRecord.chat_id == CHAT)) == len(
        first.event_kinds
    )


def kills_its_connection(database_url: str, then_fail: bool = False) -> Handler:
    """A handler that terminates the step's own PostgreSQL backend, as a server restart would."""

    async def handler(scope: Scope, effect: Probe) -> None:
        driver = scope.tx.sql.driver  # type: ignore[attr-defined]
        pid = driver.get_server_pid()
        engine_ = create_engine(database_url)
        try:
            async with engine_.connect() as other:
                await other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        finally:
            await engine_.dispose()
        for _ in range(100):  # until asyncpg has seen the socket close
            if driver.is_closed():
                break
            await asyncio.sleep(0.01)
        if then_fail:
            raise RuntimeError("the step's own failure")

    return handler


async def test_on_postgresql_a_failed_rollback_does_not_hide_the_steps_own_exception(
    pg_runner: StepRunner, database_url: str
) -> None:
    probed(pg_runner, kills_its_connection(database_url, then_fail=True))
    with pytest.raises(RuntimeError, match="the step's own failure"):  # not the rollback's InterfaceError
        await step(pg_runner, typed("start", update_id=5556))
    assert await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 5556) == []


async def test_on_postgresql_a_connection_lost_mid_step_is_a_transient_database_error(
    pg_runner: StepRunner, database_url: str
) -> None:
    """The webhook answers 503 to these (Telegram redelivers) instead of apologising for a lost update."""
    from bot.web.server import TRANSIENT_ERRORS

    probed(pg_runner, kills_its_connection(database_url))
    with pytest.raises(TRANSIENT_ERRORS):
        await step(pg_runner, typed("start", update_id=5555))
    assert await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 5555) == []
    pg_runner.converse = engine.step  # the pool hands out a working connection again
    outcome = await step(pg_runner, typed("start", update_id=5555))
    assert not outcome.duplicate and outcome.conversation_id is not None


def count_aiosqlite_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call of aiosqlite's API (each one hand-off to its thread), named by what it runs."""
    import aiosqlite

    seen: list[str] = []
    for method in ("execute", "execute_fetchall", "executemany", "cursor", "commit", "rollback"):
        original = getattr(aiosqlite.Connection, method)

        def counting(
            self: Any, *args: Any, _original: Any = original, _name: str = method, **kwargs: Any
        ) -> Any:
            sql = str(args[0]) if args else _name
            seen.append(" ".join(sql.split("(")[0].split(" WHERE")[0].split()[:4]))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(aiosqlite.Connection, method, counting)
    return seen


async def test_on_sqlite_a_step_runs_its_statements_on_the_event_loop_without_a_hand_off(
    runners: list[StepRunner], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step's statements run on sqlite3 from the event loop's own thread (bot/db/sqlite.py):
    no call to aiosqlite's thread at all, and a redelivery's rollback is the only one."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's step path")
    import threading

    from bot.db.sqlite import sqlite3_of

    runner = runners[0]
    await step(runner, typed("start"))
    engine = runner.store.sqlite
    assert engine is not None
    async with engine.connect() as conn:  # the pool's one connection: the step's, next
        raw = sqlite3_of((await conn.get_raw_connection()).driver_connection)  # type: ignore[arg-type]
    assert raw is not None
    traced: list[tuple[str, bool]] = []
    loop_thread = threading.get_ident()
    raw.set_trace_callback(lambda sql: traced.append((sql[:30], threading.get_ident() == loop_thread)))
    calls = count_aiosqlite_calls(monkeypatch)
    try:
        outcome = await step(runner, typed("a"))
        again = await step(runner, typed("a", update_id=outcome.incoming.update_id))
    finally:
        raw.set_trace_callback(None)
    assert not outcome.duplicate and again.duplicate
    statements = [" ".join(sql.split()[:3]) for sql, _ in traced if not sql.startswith("PRAGMA")]
    assert statements[:6] == [
        "BEGIN IMMEDIATE",
        "INSERT INTO processed_updates",
        "SELECT id, chat_id,",
        "UPDATE conversations SET",
        "INSERT INTO events",
        "COMMIT",
    ]
    assert statements[6:8] == ["BEGIN IMMEDIATE", "INSERT INTO processed_updates"]
    assert all(on_loop for sql, on_loop in traced if not sql.startswith("ROLLBACK"))
    # The redelivery: its claim is taken, it rolls back (through aiosqlite) and writes nothing.
    assert calls == ["rollback"]
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["a"]


async def test_on_sqlite_a_step_waits_for_another_writer_without_blocking_the_event_loop(
    runners: list[StepRunner], database_url: str
) -> None:
    """Another connection holds the write lock (a CLI command, another process): the step waits off the
    event loop, the loop keeps running, and the step completes once the lock is free."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's step path")
    import sqlite3

    from sqlalchemy.engine import make_url

    runner = runners[0]
    await step(runner, typed("start"))
    path = make_url(database_url).database or ""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    waiting = asyncio.create_task(step(runner, typed("b")))
    ticks = 0
    for _ in range(30):  # the loop keeps running while the step waits for the lock
        await asyncio.sleep(0.01)
        ticks += 1
    assert ticks == 30 and not waiting.done()
    other.commit()
    other.close()
    await asyncio.wait_for(waiting, 10)
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["b"]


async def test_on_postgresql_two_accounts_racing_with_one_number_make_one_lead(
    runners: list[StepRunner], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both steps look the number up, find nothing, and insert: the loser's insert fails on the unique
    number, its savepoint rolls back only that insert, and its step links to the winner's lead and
    commits. (The step's session runs inside the transaction the step opened on asyncpg.) On SQLite
    the two steps cannot overlap at all: one writer at a time."""
    if not database_url.startswith("postgresql"):
        pytest.skip("only PostgreSQL lets the two steps overlap")
    results: list[bool] = []

    async def link_lead(scope: Scope, effect: Probe) -> None:
        ui = scope.incoming.chat.user_input
        if ui is None or ui.value != "lead":
            return
        result = await store.create_or_link_lead(
            scope.session,
            scope.row,
            phone_e164="+14155552671",
            name="Ann",
            best_time="morning",
            consent=None,
            now=datetime.now(UTC),
            crm_enabled=False,
        )
        results.append(result.created)

    first, second = (probed(r, link_lead) for r in runners)
    await step(first, typed("start", chat_id=CHAT))
    await step(second, typed("start", chat_id=CHAT + 1))
    both_looked = asyncio.Barrier(2)
    original = store.latest_assessment

    async def after_both_looked(session: AsyncSession, conversation_id: int) -> Any:
        await both_looked.wait()  # called between the look-up and the insert
        return await original(session, conversation_id)

    monkeypatch.setattr(store, "latest_assessment", after_both_looked)
    outcomes = await asyncio.wait_for(
        asyncio.gather(
            step(first, typed("lead", chat_id=CHAT)), step(second, typed("lead", chat_id=CHAT + 1))
        ),
        20,
    )
    assert all(not o.duplicate for o in outcomes)
    assert sorted(results) == [False, True]
    leads = await fetch_rows(database_url, Lead)
    assert [lead.phone_e164 for lead in leads] == ["+14155552671"]
    assert len(leads[0].card["accounts"]) == 1  # the loser's account, added to the winner's card
    links = await fetch_rows(database_url, LeadConversation)
    assert sorted(link.lead_id for link in links) == [leads[0].id, leads[0].id]
    for chat in (CHAT, CHAT + 1):  # both steps committed their own writes too
        conv = await fetch_conversation(database_url, chat)
        assert conv.snapshot["answers"]["seen"] == ["lead"] and conv.contact_phone == "+14155552671"
