"""The conversation row as the step path writes it (Core, not the ORM): the version contract holds.

repo.ConversationRow replaced the ORM object on the hot path; these pin what the ORM did for us:
version 1 on insert, one bump per write, a write over a newer version refused (StaleDataError),
and only changed columns written, so a column another writer owns is not put back stale.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update
from sqlalchemy.orm.exc import StaleDataError

from bot.db import repo
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Conversation
from tests.e2e.harness import fetch_conversation

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
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


async def test_insert_then_save_keeps_the_orm_version_contract(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            row = await repo.insert_conversation(session, new_values())
            assert row.id and row.version == 1 and row.with_staff is False and row.lead_draft is None
        stored = await fetch_conversation(database_url, CHAT)
        assert (stored.id, stored.version, stored.lang, stored.source_first) == (row.id, 1, "es", "fb_nov")

        async with sessions() as session, session.begin():
            row2 = await repo.get_conversation_for_update(session, CHAT)
            assert row2 is not None
            await repo.save_conversation(session, row2)  # nothing changed: no write, no bump
            row2.snapshot = {"state": "q2", "answers": {"debt": 52000}}
            row2.state, row2.status = "q2", "finished"
            await repo.save_conversation(session, row2)
            assert row2.version == 2
        stored = await fetch_conversation(database_url, CHAT)
        assert (stored.version, stored.state, stored.status) == (2, "q2", "finished")
        assert stored.snapshot["answers"] == {"debt": 52000}
    finally:
        await engine.dispose()


async def test_a_write_over_a_newer_version_is_refused_and_other_columns_are_left_alone(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            await repo.insert_conversation(session, new_values())
        async with sessions() as session, session.begin():
            row = await repo.get_conversation_for_update(session, CHAT)
        assert row is not None
        # Another writer (the staff handoff, through the ORM) moves the version on after our read...
        async with sessions() as session, session.begin():
            await session.execute(
                update(Conversation)
                .where(Conversation.chat_id == CHAT)
                .values(with_staff=True, version=Conversation.version + 1)
            )
        row.status = "cancelled"
        with pytest.raises(StaleDataError):
            async with sessions() as session, session.begin():
                await repo.save_conversation(session, row)
        stored = await fetch_conversation(database_url, CHAT)
        assert (stored.status, stored.with_staff, stored.version) == ("active", True, 2)

        # ...and a fresh read writes only what it changed: the staff flag set meanwhile survives.
        async with sessions() as session, session.begin():
            fresh = await repo.get_conversation_for_update(session, CHAT)
            assert fresh is not None
            fresh.status = "cancelled"
            assert fresh.changes() == {"status": "cancelled"}
            await repo.save_conversation(session, fresh)
        stored = await fetch_conversation(database_url, CHAT)
        assert (stored.status, stored.with_staff, stored.version) == ("cancelled", True, 3)
    finally:
        await engine.dispose()
