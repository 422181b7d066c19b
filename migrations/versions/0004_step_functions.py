"""Two PostgreSQL functions that carry a conversation step in two round trips instead of five.

Revision ID: 0004_step_functions
Revises: 0003_leads
Create Date: 2026-11-29

Every update on PostgreSQL used to run: the chat lock with BEGIN and the update's claim, the
row's SELECT, its UPDATE, the events' INSERT, COMMIT, and the unlock: six round trips. Each
costs the bot ~80 us and the server ~40 us of CPU on the benchmark's VM (README, Performance),
the largest piece of an update still under our control. With these functions a plain step is:

* ``bot_open_step``: take the chat's session-level advisory lock, then read the row. The read
  runs after the lock is granted, inside this VOLATILE function, so under READ COMMITTED it
  sees everything the previous holder committed (a read in the calling statement would use a
  snapshot from before the wait). The lock outlives the statement: it is released by
  ``pg_advisory_unlock`` after the replies were sent (bot/locks.py says why).
* ``bot_save_step``: the claim of the update_id, the versioned UPDATE of what changed and the
  step's events (each a JSON object with the columns of ``events``), in one statement, so in one
  implicit transaction: all of it or none. A claim already taken returns 'duplicate' and writes
  nothing; a moved version raises SQLSTATE BT409, which rolls back the claim with the rest.
  Called inside a transaction (a step that also wrote through the ORM), it joins that one.

The delivery guarantee is the one the README describes: a step's effects and its claim commit
together, and a redelivered update finds its claim and is answered nothing.

The UPDATE lists every column of ``conversations`` but ``id``: ``json_populate_record`` overlays
the changed columns (a JSON object) on the row as it is now, so a column nobody changed keeps
the value it has in the database, not one the bot read earlier. A migration that adds a column
to ``conversations`` must replace ``bot_save_step`` to list it;
tests/bot/test_conversation_row.py fails until it does.

SQLite has no functions of this kind and does not need them: nothing happens there.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_step_functions"
down_revision: str | None = "0003_leads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not read from the models: a migration must create the same function whatever the
# models say later.
COLUMNS = (
    "chat_id",
    "user_id",
    "state",
    "snapshot",
    "lang",
    "source_first",
    "source_last",
    "status",
    "contact_phone",
    "created_at",
    "updated_at",
    "finished_at",
    "version",
    "source_token",
    "variant_intro",
    "variant_cta",
    "lead_step",
    "lead_draft",
    "with_staff",
    "opted_out",
    "reminder_sent_at",
)

OPEN_STEP = """
CREATE FUNCTION bot_open_step(p_namespace integer, p_key integer, p_lock_timeout text, p_chat_id bigint)
RETURNS SETOF conversations
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- Local to this statement's transaction: a lock wait longer than this raises lock_not_available.
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    PERFORM pg_advisory_lock(p_namespace, p_key);
    RETURN QUERY SELECT * FROM conversations WHERE chat_id = p_chat_id;
END
$$
"""

SAVE_STEP = f"""
CREATE FUNCTION bot_save_step(
    p_update_id bigint,
    p_chat_id bigint,
    p_now timestamptz,
    p_conversation_id bigint,
    p_version integer,
    p_changes json,
    p_events json
) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF p_update_id IS NOT NULL THEN
        INSERT INTO processed_updates (update_id, chat_id, processed_at)
        VALUES (p_update_id, p_chat_id, p_now)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            RETURN 'duplicate';
        END IF;
    END IF;
    IF p_changes IS NOT NULL THEN
        UPDATE conversations AS c
        SET ({", ".join(COLUMNS)}) = (
            SELECT {", ".join(f"r.{name}" for name in COLUMNS)}
            FROM json_populate_record(c, p_changes) AS r
        )
        WHERE c.id = p_conversation_id AND c.version = p_version;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'conversation % changed since version % was read', p_conversation_id, p_version
                USING ERRCODE = 'BT409';
        END IF;
    END IF;
    IF p_events IS NOT NULL THEN
        INSERT INTO events (conversation_id, chat_id, kind, question_id, data, source, created_at)
        SELECT e.conversation_id, e.chat_id, e.kind, e.question_id, e.data, e.source, e.created_at
        FROM json_populate_recordset(NULL::events, p_events) WITH ORDINALITY AS e
        ORDER BY e.ordinality;
    END IF;
    RETURN 'saved';
END
$$
"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(OPEN_STEP)
    op.execute(SAVE_STEP)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION bot_save_step(bigint, bigint, timestamptz, bigint, integer, json, json)")
    op.execute("DROP FUNCTION bot_open_step(integer, integer, text, bigint)")
