"""The per-update runner against a real database: no lost updates across processes, a stale row
retried once, a duplicate update skipped. (Telegram-facing behaviour is covered in tests/e2e.)"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Conversation, EventRecord, Lead, LeadConversation, LinkToken, ProcessedUpdate
from bot.leads import store
from bot.service import Action, ConversationService, Incoming
from flows.types import Event, InputKind, OutMessage, Snapshot, StepResult, UserInput
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


update_ids = itertools.count(1)


def typed(value: str, update_id: int | None = None) -> Incoming:
    return Incoming(
        update_id=update_id if update_id is not None else next(update_ids),
        chat_id=CHAT,
        user_id=CHAT,
        language_code="en",
        action=Action.INPUT,
        user_input=UserInput(InputKind.TEXT, value),
    )


@pytest.fixture
async def services(database_url: str) -> AsyncIterator[list[ConversationService]]:
    """Two services with their own engines: two bot processes sharing one database."""
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    engines = [create_engine(database_url) for _ in range(2)]
    yield [ConversationService(settings, create_session_factory(e), flow=CountingFlow()) for e in engines]
    for engine in engines:
        await engine.dispose()


async def test_concurrent_steps_from_two_processes_lose_nothing(
    services: list[ConversationService], database_url: str
) -> None:
    first, second = services
    await first._run_step(typed("0"))  # creates the conversation (this first input only starts it)
    before = (await fetch_conversation(database_url, CHAT)).version
    await asyncio.gather(*(services[n % 2]._run_step(typed(str(n))) for n in range(1, 21)))
    conv = await fetch_conversation(database_url, CHAT)
    assert sorted(conv.snapshot["answers"]["seen"], key=int) == [str(n) for n in range(1, 21)]
    assert conv.snapshot["step"] == 20
    assert conv.version == before + 20  # one versioned UPDATE per step, none lost or merged


async def test_duplicate_update_is_skipped(services: list[ConversationService], database_url: str) -> None:
    first, second = services
    await first._run_step(typed("start"))
    outcome = await first._run_step(typed("a", update_id=999))
    again = await second._run_step(typed("a", update_id=999))
    assert not outcome.duplicate and again.duplicate and again.messages == []
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["a"]


class BumpVersionOnce:
    """A step hook: the first step sees another writer move the conversation's version on after its read."""

    def __init__(self) -> None:
        self.calls = 0

    async def intercept(self, step: Any) -> bool:
        return False

    async def after_step(self, step: Any) -> None:
        self.calls += 1
        if self.calls == 1:  # inside the step's transaction, between its read and its write
            await step.session.execute(text("UPDATE conversations SET version = version + 1"))


async def test_stale_row_is_retried_once_from_a_fresh_read(
    services: list[ConversationService], database_url: str
) -> None:
    service = services[0]
    await service._run_step(typed("start"))
    bump = BumpVersionOnce()
    service.step_hooks.append(bump)
    async with service.chat_lock.hold(CHAT) as conn:  # the connection the step runs on (PostgreSQL)
        await service._run_step(typed("x"), conn)
    assert bump.calls == 2  # the step ran again from a fresh read
    conv = await fetch_conversation(database_url, CHAT)
    assert conv.snapshot["answers"]["seen"] == ["x"]  # applied exactly once
    events = await fetch_rows(database_url, EventRecord, EventRecord.chat_id == CHAT)
    assert [e.kind for e in events].count("answered") == 1


class SessionProbe:
    """A step hook: records whether the step's SQLAlchemy session was ever made, or writes through it."""

    def __init__(self, write_then_fail: bool = False, write: bool = False) -> None:
        self.write_then_fail = write_then_fail
        self.write = write or write_then_fail
        self.used: list[bool] = []

    async def intercept(self, step: Any) -> bool:
        return False

    async def after_step(self, step: Any) -> None:
        if self.write:
            step.session.add(LinkToken(token="t_probe", campaign="probe", created_at=datetime.now(UTC)))
            await step.session.flush()
        if self.write_then_fail:
            raise RuntimeError("hook failed after writing")
        self.used.append(bool(getattr(step.session, "used", True)))


@pytest.fixture
def pg_service(services: list[ConversationService], database_url: str) -> ConversationService:
    """A service whose steps take the asyncpg path (PostgreSQL, run under the chat lock)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("the asyncpg step path is PostgreSQL's")
    return services[0]


async def test_a_step_that_needs_no_session_never_opens_one(
    services: list[ConversationService], database_url: str
) -> None:
    """Both fast paths (asyncpg on PostgreSQL, sqlite3's thread on SQLite) skip SQLAlchemy's session."""
    service = services[0]
    probe = SessionProbe()
    service.step_hooks.append(probe)
    async with service.chat_lock.hold(CHAT) as conn:
        await service._run_step(typed("start"), conn)
    async with service.chat_lock.hold(CHAT) as conn:
        await service._run_step(typed("a"), conn)
    assert probe.used == [False, False]
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["a"]


async def test_a_failing_step_rolls_back_its_session_writes_and_its_own(
    services: list[ConversationService], database_url: str
) -> None:
    service = services[0]
    service.step_hooks.append(SessionProbe(write_then_fail=True))
    with pytest.raises(RuntimeError, match="hook failed after writing"):  # not masked by the rollback
        async with service.chat_lock.hold(CHAT) as conn:
            await service._run_step(typed("start", update_id=4321), conn)
    assert await fetch_rows(database_url, LinkToken) == []
    assert await fetch_rows(database_url, Conversation, Conversation.chat_id == CHAT) == []
    assert await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 4321) == []
    service.step_hooks.clear()
    async with service.chat_lock.hold(CHAT) as conn:  # nothing left open: the next step runs
        outcome = await service._run_step(typed("start", update_id=4321), conn)
    assert not outcome.duplicate and outcome.conversation_id is not None


async def test_a_step_that_uses_the_session_commits_its_writes_with_the_steps(
    services: list[ConversationService], database_url: str
) -> None:
    service = services[0]
    service.step_hooks.append(SessionProbe(write=True))
    async with service.chat_lock.hold(CHAT) as conn:
        outcome = await service._run_step(typed("start", update_id=4322), conn)
    assert [t.token for t in await fetch_rows(database_url, LinkToken)] == ["t_probe"]
    assert (await fetch_conversation(database_url, CHAT)).id == outcome.conversation_id
    assert len(await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 4322)) == 1


async def one_update(service: ConversationService, incoming: Incoming) -> Any:
    """What ConversationService.handle does before it sends anything: the lock (with the first read
    on PostgreSQL) and the step."""
    async with service.locks.hold(incoming.chat_id), service._hold_chat(incoming) as (conn, first_read):
        return await service._run_step(incoming, conn, first_read=first_read)


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
    pg_service: ConversationService, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock with the row's read, the claim with the UPDATE and the events, the unlock. It was six
    (BEGIN, SELECT, UPDATE, INSERT and COMMIT on their own); each costs CPU on both ends."""
    await one_update(pg_service, typed("start"))
    calls = count_asyncpg_calls(monkeypatch)
    outcome = await one_update(pg_service, typed("a"))
    assert not outcome.duplicate and outcome.event_kinds == ["answered"]
    assert calls == ["lock and read", "write", "unlock"]
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["a"]

    calls.clear()  # a new conversation needs its id before the end: a transaction of its own
    outcome = await one_update(pg_service, dataclasses.replace(typed("start"), chat_id=CHAT + 1))
    assert outcome.conversation_id is not None
    assert calls == ["lock and read", "BEGIN", calls[2], "write", "COMMIT", "unlock"]
    assert calls[2].startswith("INSERT INTO conversations")


class OneTokenPerStep:
    """A step hook that writes a row of its own through the session, as the leads hooks do."""

    def __init__(self) -> None:
        self.count = 0

    async def intercept(self, step: Any) -> bool:
        return False

    async def after_step(self, step: Any) -> None:
        self.count += 1
        step.session.add(
            LinkToken(token=f"t_step{self.count}", campaign="probe", created_at=datetime.now(UTC))
        )
        await step.session.flush()


async def test_on_postgresql_a_redelivered_update_undoes_what_its_step_wrote_through_the_session(
    pg_service: ConversationService, database_url: str
) -> None:
    """The claim is checked when the step's writes go out, after the step ran again: what the step
    wrote meanwhile through the session must be rolled back with it, and nothing be answered."""
    hook = OneTokenPerStep()
    pg_service.step_hooks.append(hook)
    first = await one_update(pg_service, typed("start", update_id=6001))
    again = await one_update(pg_service, typed("start", update_id=6001))
    assert not first.duplicate and again.duplicate and again.messages == []
    assert hook.count == 2  # the step did run again...
    assert [t.token for t in await fetch_rows(database_url, LinkToken)] == ["t_step1"]  # ...and left nothing
    assert len(await fetch_rows(database_url, EventRecord, EventRecord.chat_id == CHAT)) == len(
        first.event_kinds
    )


class KillConnection:
    """A step hook that terminates the step's own PostgreSQL backend, as a server restart would."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url

    async def intercept(self, step: Any) -> bool:
        return False

    async def after_step(self, step: Any) -> None:
        pid = step.sql.driver.get_server_pid()
        engine = create_engine(self.database_url)
        try:
            async with engine.connect() as other:
                await other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        finally:
            await engine.dispose()
        for _ in range(100):  # until asyncpg has seen the socket close
            if step.sql.driver.is_closed():
                break
            await asyncio.sleep(0.01)


class KillConnectionThenFail(KillConnection):
    async def after_step(self, step: Any) -> None:
        await super().after_step(step)
        raise RuntimeError("the step's own failure")


async def test_on_postgresql_a_failed_rollback_does_not_hide_the_steps_own_exception(
    pg_service: ConversationService, database_url: str
) -> None:
    pg_service.step_hooks.append(KillConnectionThenFail(database_url))
    with pytest.raises(RuntimeError, match="the step's own failure"):  # not the rollback's InterfaceError
        async with pg_service.chat_lock.hold(CHAT) as conn:
            await pg_service._run_step(typed("start", update_id=5556), conn)
    assert await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 5556) == []


async def test_on_postgresql_a_connection_lost_mid_step_is_a_transient_database_error(
    pg_service: ConversationService, database_url: str
) -> None:
    """The webhook answers 503 to these (Telegram redelivers) instead of apologising for a lost update."""
    from bot.webhook import TRANSIENT_ERRORS

    pg_service.step_hooks.append(KillConnection(database_url))
    with pytest.raises(TRANSIENT_ERRORS):
        async with pg_service.chat_lock.hold(CHAT) as conn:
            await pg_service._run_step(typed("start", update_id=5555), conn)
    assert await fetch_rows(database_url, ProcessedUpdate, ProcessedUpdate.update_id == 5555) == []
    pg_service.step_hooks.clear()
    async with pg_service.chat_lock.hold(CHAT) as conn:  # the pool hands out a working connection again
        outcome = await pg_service._run_step(typed("start", update_id=5555), conn)
    assert not outcome.duplicate and outcome.conversation_id is not None


def count_sqlite_hand_offs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import aiosqlite

    seen: list[str] = []
    original = aiosqlite.Connection._execute

    async def counting(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(args[0].__name__ if fn.__name__ == "_tracked" else fn.__name__)
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)
    return seen


async def test_on_sqlite_a_step_makes_no_thread_hand_off(
    services: list[ConversationService], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step's statements run on sqlite3 directly (bot/db/steps.py); a redelivery too."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's step path")
    service = services[0]
    await service._run_step(typed("start"))
    before = (await fetch_conversation(database_url, CHAT)).version
    seen = count_sqlite_hand_offs(monkeypatch)
    outcome = await service._run_step(typed("a"))
    again = await service._run_step(typed("a", update_id=outcome.incoming.update_id))
    assert again.duplicate and seen == []
    conv = await fetch_conversation(database_url, CHAT)
    assert conv.snapshot["answers"]["seen"] == ["a"] and conv.version == before + 1


async def test_on_sqlite_a_step_waits_for_another_writer_without_blocking_the_event_loop(
    services: list[ConversationService], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection holds the write lock (a CLI command, another process): the step waits on
    sqlite3's thread, the event loop keeps running, and the step completes once the lock is free."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's step path")
    import sqlite3

    from sqlalchemy.engine import make_url

    service = services[0]
    await service._run_step(typed("start"))
    path = make_url(database_url).database or ""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    seen = count_sqlite_hand_offs(monkeypatch)
    step = asyncio.create_task(service._run_step(typed("b")))
    loop = asyncio.get_running_loop()
    longest_gap, last = 0.0, loop.time()
    for _ in range(30):  # 0.3 s of the loop running while the step waits
        await asyncio.sleep(0.01)
        longest_gap, last = max(longest_gap, loop.time() - last), loop.time()
    # Waiting on the loop would freeze it for the whole busy timeout (15 s); 5 s is slack for a slow CI.
    assert longest_gap < 5 and not step.done()
    other.commit()
    other.close()
    await asyncio.wait_for(step, 10)
    assert seen == ["_begin_waiting"]
    assert (await fetch_conversation(database_url, CHAT)).snapshot["answers"]["seen"] == ["b"]


def typed_in(chat_id: int, value: str) -> Incoming:
    return dataclasses.replace(typed(value), chat_id=chat_id, user_id=chat_id)


class LinkLead:
    """A step hook that files a lead for one phone number through the step's session, as the leads
    capture does when a person gives their number."""

    def __init__(self, phone: str) -> None:
        self.phone = phone
        self.results: list[bool] = []

    async def intercept(self, step: Any) -> bool:
        return False

    async def after_step(self, step: Any) -> None:
        if step.conv is None or step.incoming.user_input.value != "lead":
            return
        result = await store.create_or_link_lead(
            step.session,
            step.conv,
            phone_e164=self.phone,
            name="Ann",
            best_time="morning",
            consent=None,
            now=datetime.now(UTC),
            crm_enabled=False,
        )
        self.results.append(result.created)


async def test_on_postgresql_two_accounts_racing_with_one_number_make_one_lead(
    services: list[ConversationService], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both steps look the number up, find nothing, and insert: the loser's insert fails on the unique
    number, its savepoint rolls back only that insert, and its step links to the winner's lead and
    commits. (The step's session runs inside the transaction the step opened on asyncpg.) On SQLite
    the two steps cannot overlap at all: one writer at a time."""
    if not database_url.startswith("postgresql"):
        pytest.skip("only PostgreSQL lets the two steps overlap")
    first, second = services
    for service in services:
        service.step_hooks.append(LinkLead("+14155552671"))
    await first._run_step(typed_in(CHAT, "start"))
    await second._run_step(typed_in(CHAT + 1, "start"))
    both_looked = asyncio.Barrier(2)
    original = store.latest_assessment

    async def after_both_looked(session: AsyncSession, conversation_id: int) -> Any:
        await both_looked.wait()  # called between the look-up and the insert
        return await original(session, conversation_id)

    monkeypatch.setattr(store, "latest_assessment", after_both_looked)
    outcomes = await asyncio.wait_for(
        asyncio.gather(
            *(s._run_step(typed_in(chat, "lead")) for s, chat in ((first, CHAT), (second, CHAT + 1)))
        ),
        20,
    )
    assert all(not o.duplicate for o in outcomes)
    assert sorted(first.step_hooks[0].results + second.step_hooks[0].results) == [False, True]
    leads = await fetch_rows(database_url, Lead)
    assert [lead.phone_e164 for lead in leads] == ["+14155552671"]
    assert len(leads[0].card["accounts"]) == 1  # the loser's account, added to the winner's card
    links = await fetch_rows(database_url, LeadConversation)
    assert sorted(link.lead_id for link in links) == [leads[0].id, leads[0].id]
    for chat in (CHAT, CHAT + 1):  # both steps committed their own writes too
        conv = await fetch_conversation(database_url, chat)
        assert conv.snapshot["answers"]["seen"] == ["lead"] and conv.contact_phone == "+14155552671"
