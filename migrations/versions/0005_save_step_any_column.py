"""bot_save_step writes whichever columns a step changed, with no column list of its own.

Revision ID: 0005_save_step_any_column
Revises: 0004_step_functions
Create Date: 2026-12-04

0004's function listed every column of ``conversations`` (and of ``events``) in its UPDATE
and INSERT, so every new column meant replacing the function, on top of the model, the row
type and the migration that adds the column. This version builds both statements from the
keys of the JSON it is given, quoted with ``format('%I')``: a column is written exactly when
the step changed it, and a migration that adds a column has nothing else to change here.
The signature and the behaviour are 0004's: the claim, the versioned UPDATE and the events
in one statement; 'duplicate' when the claim is taken; SQLSTATE BT409 when the version moved.

SQLite has no functions of this kind and does not need them: nothing happens there.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0005_save_step_any_column"
down_revision: str | None = "0004_step_functions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SAVE_STEP = """
CREATE OR REPLACE FUNCTION bot_save_step(
    p_update_id bigint,
    p_chat_id bigint,
    p_now timestamptz,
    p_conversation_id bigint,
    p_version integer,
    p_changes json,
    p_events json
) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    sets text;
    columns text;
    picks text;
    updated integer;
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
        SELECT string_agg(format('%I = r.%I', key, key), ', ') INTO sets FROM json_object_keys(p_changes) AS key;
        EXECUTE format(
            'UPDATE conversations AS c SET %s FROM json_populate_record(NULL::conversations, $1) AS r '
            'WHERE c.id = $2 AND c.version = $3',
            sets
        ) USING p_changes, p_conversation_id, p_version;
        GET DIAGNOSTICS updated = ROW_COUNT;
        IF updated = 0 THEN
            RAISE EXCEPTION 'conversation % changed since version % was read', p_conversation_id, p_version
                USING ERRCODE = 'BT409';
        END IF;
    END IF;
    IF p_events IS NOT NULL AND json_array_length(p_events) > 0 THEN
        SELECT string_agg(format('%I', key), ', '), string_agg(format('e.%I', key), ', ')
        INTO columns, picks
        FROM json_object_keys(p_events -> 0) AS key;
        EXECUTE format(
            'INSERT INTO events (%s) SELECT %s '
            'FROM json_populate_recordset(NULL::events, $1) WITH ORDINALITY AS e ORDER BY e.ordinality',
            columns,
            picks
        ) USING p_events;
    END IF;
    RETURN 'saved';
END
$$
"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(SAVE_STEP)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    # 0004's own text, so the function goes back exactly to what 0004 created.
    spec = importlib.util.spec_from_file_location(
        "step_functions_0004", Path(__file__).with_name("0004_step_functions.py")
    )
    assert spec is not None and spec.loader is not None
    previous = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(previous)
    op.execute("DROP FUNCTION bot_save_step(bigint, bigint, timestamptz, bigint, integer, json, json)")
    op.execute(previous.SAVE_STEP)
