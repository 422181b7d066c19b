"""Run a non-screening update (/mydata, /delete, /stop, a staff action) the way the service runs steps.

Same per-chat in-process lock, the same cross-process chat lock (whose connection the
transaction runs on) and the same update_id claim as ConversationService, so these
commands interleave safely with the person's own messages and a redelivered update is
a no-op.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.service import ConversationService


@asynccontextmanager
async def serialized(
    service: ConversationService, chat_id: int, update_id: int
) -> AsyncIterator[AsyncSession | None]:
    """Yields the transaction's session, or None when this update was already processed."""
    async with service.locks.hold(chat_id), service.chat_lock.hold(chat_id) as conn:
        async with service.session_on(conn) as session, session.begin():
            if not await repo.claim_update(session, update_id, chat_id, service.clock()):
                yield None
                return
            yield session
