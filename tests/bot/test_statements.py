"""The conversation row as the step writes it (Core or asyncpg, not the ORM): the version contract holds.

The step's statements have three implementations behind one interface (bot/db/statements.py:
SQLAlchemy Core for any database; bot/db/fast.py: asyncpg straight on the chat lock's
connection on PostgreSQL, the writes sent at commit, and aiosqlite's own calls on SQLite).
These pin, for each, what the ORM used to do for us: version 1 on insert, one bump per write,
a write over a newer version refused (StaleDataError), only changed columns written, JSON in
and out, the update_id claim and events.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Column, DateTime, Integer, String, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm.exc import StaleDataError

from bot.db.engine import create_engine, create_session_factory
from bot.db.fast import AsyncpgStatements
from bot.db.models import Conversation, EventRecord, ProcessedUpdate
from bot.db.rows import CONVERSATIONS
from bot.db.sqlite import SqliteStatements
from bot.db.statements import SessionStatements, StepStatements
from tests.e2e.harness import fetch_conversation, fetch_rows

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
Transactions = Callable[[], AbstractAsyncContextManager[StepStatements]]
CHAT = 4242


def new_values() -> dict[str, object]:
    return {
        "chat_id": CHAT,
        "user_id": CHAT,
        "state": "q1",
        "snapshot": {"state": "q1", "answers": {}},
        "lang": "es",
        "source_first": "fb_nov",
        "source_last": "fb_nov",
        "status": "active",
        "created_at": NOW,
        "updated_at": NOW,
    }


@pytest.fixture(params=["session", "asyncpg", "aiosqlite"])
async def statements(request: pytest.FixtureRequest, database_url: str) -> AsyncIterator[Transactions]:
    """A factory of transactions, each yielding the statements of one implementation."""
    if request.param == "asyncpg" and not database_url.startswith("postgresql"):
        pytest.skip("the asyncpg statements are PostgreSQL's")
    if request.param == "aiosqlite" and not database_url.startswith("sqlite"):
        pytest.skip("the aiosqlite statements are SQLite's")
    engine: AsyncEngine = create_engine(database_url)
    sessions = create_session_factory(engine)

    @asynccontextmanager
    async def transaction() -> AsyncIterator[StepStatements]:
        if request.param == "session":
            async with sessions() as session, session.begin():
                yield SessionStatements(session)
            return
        if request.param == "aiosqlite":
            async with engine.connect() as conn:
                driver = (await conn.get_raw_connection()).driver_connection
                lite = SqliteStatements(driver)  # type: ignore[arg-type]
                try:
                    yield lite
                    await lite.commit()
                except BaseException:
                    await lite.rollback()
                    raise
            return
        # As the step runs: reads at once, the writes kept and sent by commit() as one statement.
        async with engine.connect() as conn:
            driver = (await conn.get_raw_connection()).driver_connection
            own = AsyncpgStatements(driver)  # type: ignore[arg-type]
            try:
                yield own
                await own.commit()
            except BaseException:
                await own.rollback()
                raise

    yield transaction
    await engine.dispose()


def redelivery(sql: StepStatements, claimed: bool) -> bool:
    """Whether the transaction found its update processed already: by the claim's own answer, or
    (asyncpg, whose claim travels with the step's writes) when it was sent at the end."""
    return not claimed or getattr(sql, "duplicate", False)


async def test_insert_then_save_keeps_the_orm_version_contract(
    statements: Transactions, database_url: str
) -> None:
    async with statements() as sql:
        row = await sql.insert_conversation(new_values())
        assert row.id and row.version == 1 and row.with_staff is False and row.lead_draft is None
    stored = await fetch_conversation(database_url, CHAT)
    assert (stored.id, stored.version, stored.lang, stored.source_first) == (row.id, 1, "es", "fb_nov")

    async with statements() as sql:
        row2 = await sql.get_conversation_for_update(CHAT)
        assert row2 is not None and row2.snapshot == {"state": "q1", "answers": {}}
        await sql.save_conversation(row2)  # nothing changed: no write, no bump
        row2.snapshot = {"state": "q2", "answers": {"debt": 52000}}
        row2.state, row2.status, row2.lead_draft = "q2", "finished", {"phone": "+15555550123"}
        await sql.save_conversation(row2)
        assert row2.version == 2
        await sql.save_conversation(row2)  # written already: nothing left to write
    stored = await fetch_conversation(database_url, CHAT)
    assert (stored.version, stored.state, stored.status) == (2, "q2", "finished")
    assert stored.snapshot["answers"] == {"debt": 52000}
    assert stored.lead_draft == {"phone": "+15555550123"}


async def test_a_write_over_a_newer_version_is_refused_and_other_columns_are_left_alone(
    statements: Transactions, database_url: str
) -> None:
    async with statements() as sql:
        await sql.insert_conversation(new_values())
    async with statements() as sql:
        row = await sql.get_conversation_for_update(CHAT)
    assert row is not None
    # Another writer (the staff handoff, through the ORM) moves the version on after our read...
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            await session.execute(
                update(Conversation)
                .where(Conversation.chat_id == CHAT)
                .values(with_staff=True, version=Conversation.version + 1)
            )
    finally:
        await engine.dispose()
    row.status = "cancelled"
    with pytest.raises(StaleDataError):
        async with statements() as sql:
            await sql.save_conversation(row)
    stored = await fetch_conversation(database_url, CHAT)
    assert (stored.status, stored.with_staff, stored.version) == ("active", True, 2)

    # ...and a fresh read writes only what it changed: the staff flag set meanwhile survives.
    async with statements() as sql:
        fresh = await sql.get_conversation_for_update(CHAT)
        assert fresh is not None and fresh.with_staff is True
        fresh.status = "cancelled"
        assert fresh.changes() == {"status": "cancelled"}
        await sql.save_conversation(fresh)
    stored = await fetch_conversation(database_url, CHAT)
    assert (stored.status, stored.with_staff, stored.version) == ("cancelled", True, 3)


async def test_the_update_claim_and_the_events(statements: Transactions, database_url: str) -> None:
    async with statements() as sql:
        row = await sql.insert_conversation(new_values())
        first = await sql.claim_update(77, CHAT, NOW)
        await sql.add_events(row, CHAT, [], "fb_nov", NOW)  # nothing to insert
        await sql.add_events(
            row, CHAT, [("started", None, {}), ("answered", "debt", {"value": "52000"})], "fb_nov", NOW
        )
    assert not redelivery(sql, first)
    # The same update again: nothing the step would write is written (as the step does, events are
    # only added after a claim that succeeded; asyncpg learns of the redelivery when it writes).
    async with statements() as sql:
        again = await sql.claim_update(77, CHAT, NOW)
        if again:
            await sql.add_events(row, CHAT, [("answered", "debt", {"value": "99"})], "fb_nov", NOW)
    assert redelivery(sql, again)
    events = await fetch_rows(database_url, EventRecord, EventRecord.chat_id == CHAT)
    assert [(e.kind, e.question_id, e.data, e.source) for e in sorted(events, key=lambda e: e.id)] == [
        ("started", None, {}, "fb_nov"),
        ("answered", "debt", {"value": "52000"}, "fb_nov"),
    ]
    assert all(e.conversation_id == row.id for e in events)
    assert all(e.created_at.replace(tzinfo=UTC) == NOW for e in events)


async def test_a_redelivered_update_writes_nothing_of_its_step(
    statements: Transactions, database_url: str
) -> None:
    """The claim and the step's writes commit together: a redelivery leaves the row as it was."""
    async with statements() as sql:
        await sql.insert_conversation(new_values())
        assert await sql.claim_update(500, CHAT, NOW)
    async with statements() as sql:
        claimed = await sql.claim_update(500, CHAT, NOW)
        if claimed:
            row = await sql.get_conversation_for_update(CHAT)
            assert row is not None
            row.state = "q9"
            await sql.save_conversation(row)
    assert redelivery(sql, claimed)
    stored = await fetch_conversation(database_url, CHAT)
    assert (stored.state, stored.version) == ("q1", 1)


async def test_a_claim_stores_its_values_and_a_failed_step_leaves_none(
    statements: Transactions, database_url: str
) -> None:
    """The largest update ids and group chat ids Telegram uses, and the time, survive the trip."""
    async with statements() as sql:
        first = await sql.claim_update(2**40 + 7, -1001234567890, NOW)
        assert await sql.get_conversation_for_update(-1001234567890) is None
    assert not redelivery(sql, first)
    async with statements() as sql:
        again = await sql.claim_update(2**40 + 7, -1001234567890, NOW)
    assert redelivery(sql, again)
    with pytest.raises(RuntimeError):  # a failing step leaves no claim behind
        async with statements() as sql:
            assert await sql.claim_update(88, None, NOW) is True
            raise RuntimeError("the step failed")
    rows = await fetch_rows(database_url, ProcessedUpdate)
    assert [(r.update_id, r.chat_id) for r in rows] == [(2**40 + 7, -1001234567890)]
    assert rows[0].processed_at.replace(tzinfo=UTC) == NOW  # SQLite hands it back without its zone


# Values a step might write, chosen to catch what a naive write loses: key order in JSON, HTML in text,
# microseconds and time zones, 64-bit ids.
SPECIAL = {
    "chat_id": CHAT + 1,
    "status": "finished",  # a CHECK constraint's value
    "snapshot": {"zeta": 1, "alpha": {"b": 2, "a": [1, 2]}},  # key order must survive
    "lead_draft": {"name": "Ana <b>", "time": "morning"},
    "created_at": datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC),
    "updated_at": datetime(2026, 11, 29, 23, 59, 59, 999999, tzinfo=UTC),
}


def new_value(column: Column[Any], n: int) -> Any:
    """A value of the column's type that differs from new_values()'s, made from the table itself."""
    kind = column.type
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, Integer):
        return 2**40 + n
    if isinstance(kind, DateTime):
        return datetime(2026, 11, 28, 9, n % 60, tzinfo=UTC)
    if isinstance(kind, JSON):
        return {"column": column.key, "n": n}
    if isinstance(kind, String):
        return f"{column.key[: (kind.length or 64) - 3]}-{n}"[: kind.length or 64]
    raise AssertionError(f"no test value for {column.key} ({kind}): add one to new_value()")


# Every column a step may change, derived from the one table definition: a column a migration adds
# is covered here without an edit, and the test fails if any path does not write it.
EVERY_COLUMN = {
    column.key: SPECIAL.get(column.key, new_value(column, n))
    for n, column in enumerate(CONVERSATIONS.columns)
    if column.key not in ("id", "version")
}


async def test_every_column_a_step_changes_is_written(statements: Transactions, database_url: str) -> None:
    async with statements() as sql:
        await sql.insert_conversation(new_values())
    async with statements() as sql:
        row = await sql.get_conversation_for_update(CHAT)
        assert row is not None
        for name, value in EVERY_COLUMN.items():
            setattr(row, name, value)
        await sql.save_conversation(row)
    stored = await fetch_conversation(database_url, CHAT + 1)
    for name, value in EVERY_COLUMN.items():
        got = getattr(stored, name)
        if isinstance(value, datetime):
            got = got.replace(tzinfo=UTC) if got.tzinfo is None else got  # SQLite drops the zone
        assert got == value, name
    assert list(stored.snapshot) == ["zeta", "alpha"] and list(stored.snapshot["alpha"]) == ["b", "a"]
    assert stored.version == 2

    # Back to empty where a column may be: NULL and false are written too, not skipped.
    nullable = {c.key for c in CONVERSATIONS.columns if c.nullable}
    flags = {c.key for c in CONVERSATIONS.columns if isinstance(c.type, Boolean) and not c.nullable}
    assert {"lead_draft", "finished_at", "reminder_sent_at"} <= nullable
    assert {"with_staff", "opted_out"} <= flags
    async with statements() as sql:
        row = await sql.get_conversation_for_update(CHAT + 1)
        assert row is not None
        for name in nullable:
            setattr(row, name, None)
        for name in flags:
            setattr(row, name, False)
        await sql.save_conversation(row)
    stored = await fetch_conversation(database_url, CHAT + 1)
    assert all(getattr(stored, name) is None for name in nullable)
    assert all(getattr(stored, name) is False for name in flags) and stored.version == 3


async def test_two_saves_in_one_step_both_land(statements: Transactions, database_url: str) -> None:
    """asyncpg keeps its UPDATE for the end: a second save adds to it, and the version in memory is
    the stored one whichever implementation wrote it."""
    async with statements() as sql:
        await sql.insert_conversation(new_values())
    async with statements() as sql:
        row = await sql.get_conversation_for_update(CHAT)
        assert row is not None
        row.state = "q2"
        await sql.save_conversation(row)
        row.lead_step, row.state = "offered", "q3"
        await sql.save_conversation(row)
    stored = await fetch_conversation(database_url, CHAT)
    assert (stored.state, stored.lead_step, stored.version) == ("q3", "offered", row.version)


async def test_text_that_sql_text_cannot_hold_is_kept_in_the_json_columns(
    statements: Transactions, database_url: str
) -> None:
    """Quotes, backslashes (one before a NUL too), emoji, right-to-left marks survive every
    implementation. A NUL cannot reach PostgreSQL's JSON functions: bot_save_step drops it rather
    than fail the step (typed text loses its NULs on the way in already, UserInput.typed)."""
    odd = 'a\x00b "q" \\ \\u0000 \\\x00 \u202e 🧾 $52,000'
    async with statements() as sql:
        row = await sql.insert_conversation(new_values())
        assert await sql.claim_update(4040, CHAT, NOW)
        await sql.add_events(row, CHAT, [("invalid", "debt", {"value": odd})], None, NOW)
    async with statements() as sql:
        row = await sql.get_conversation_for_update(CHAT)
        assert row is not None
        row.snapshot = {"state": "q1", "answers": {"note": odd}}
        row.lead_draft = {"name": odd}
        await sql.save_conversation(row)
    kept = odd.replace("\x00", "") if isinstance(sql, AsyncpgStatements) else odd
    stored = await fetch_conversation(database_url, CHAT)
    assert stored.snapshot["answers"]["note"] == kept and stored.lead_draft == {"name": kept}
    events = await fetch_rows(database_url, EventRecord, EventRecord.chat_id == CHAT)
    assert [e.data for e in events] == [{"value": kept}]


async def test_a_sqlite_connection_back_in_the_pool_inside_a_transaction_is_rolled_back(
    database_url: str,
) -> None:
    """SQLite's pool rolls back on return only what is open (a failed or cancelled step), not every time."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's pool")
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            driver = (await conn.get_raw_connection()).driver_connection
            await driver.execute_fetchall("BEGIN IMMEDIATE")  # type: ignore[union-attr]
            await driver.execute_fetchall(  # type: ignore[union-attr]
                "INSERT INTO processed_updates (update_id, chat_id, processed_at) VALUES (7, 1, '2026-01-01')"
            )
        async with engine.connect() as conn:  # the one connection again, clean
            driver = (await conn.get_raw_connection()).driver_connection
            assert not driver.in_transaction  # type: ignore[union-attr]
    finally:
        await engine.dispose()
    assert await fetch_rows(database_url, ProcessedUpdate) == []


async def test_a_features_rows_commit_with_the_step_and_go_with_a_redelivery(
    statements: Transactions, database_url: str
) -> None:
    from bot.db.office import TranscriptLine
    from tests.e2e.harness import fetch_rows

    table = TranscriptLine.__table__
    async with statements() as sql:
        row = await sql.insert_conversation(new_values())
        await sql.claim_update(1, CHAT, NOW)
        await sql.add_rows(
            table,
            [  # type: ignore[arg-type]
                {
                    "conversation_id": row.id,
                    "role": "bot",
                    "text": "Hi",
                    "buttons": ["Yes", "No"],
                    "created_at": NOW,
                },
                {
                    "conversation_id": row.id,
                    "role": "person",
                    "text": "yes",
                    "buttons": None,
                    "created_at": NOW,
                },
            ],
        )
    lines = await fetch_rows(database_url, TranscriptLine)
    assert [(x.role, x.text, x.buttons) for x in lines] == [
        ("bot", "Hi", ["Yes", "No"]),
        ("person", "yes", None),
    ]
    async with statements() as sql:
        claimed = await sql.claim_update(1, CHAT, NOW)  # the same update again
        if not redelivery(sql, claimed):
            await sql.add_rows(
                table,
                [
                    {
                        "conversation_id": row.id,
                        "role": "bot",
                        "text": "again",  # type: ignore[arg-type]
                        "buttons": None,
                        "created_at": NOW,
                    }
                ],
            )
    if not claimed:
        return  # the claim answered at once: the step wrote nothing
    assert len(await fetch_rows(database_url, TranscriptLine)) == 2  # asyncpg: rolled back with the claim
