"""The conversation row type is the table's: the model is the one declaration of the schema."""

from __future__ import annotations

import types
import typing
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String

from bot.db import rows
from bot.db.rows import CONVERSATION_COLUMNS, CONVERSATIONS, ConversationRow

PYTHON_TYPE: dict[type, type] = {Boolean: bool, Integer: int, DateTime: datetime, JSON: dict, String: str}


def test_the_row_has_exactly_the_tables_columns_with_their_types() -> None:
    hints = typing.get_type_hints(ConversationRow, vars(rows))
    hints.pop("loaded")
    assert set(hints) == set(CONVERSATION_COLUMNS), "a column was added to the model: annotate it on the row"
    for column in CONVERSATIONS.columns:
        hint = hints[column.key]
        union = typing.get_origin(hint) in (typing.Union, types.UnionType)
        members = [a for a in (typing.get_args(hint) if union else (hint,)) if a is not type(None)]
        assert union == column.nullable, f"{column.key}: nullable differs between the row and the model"
        (base,) = members
        expected = next(t for kind, t in PYTHON_TYPE.items() if isinstance(column.type, kind))
        assert (typing.get_origin(base) or base) is expected, f"{column.key}: {hint} for a {column.type}"


def test_a_new_row_gets_the_models_defaults_for_what_is_left_out() -> None:
    row = ConversationRow({name: None for name in CONVERSATION_COLUMNS} | rows.NEW_CONVERSATION_DEFAULTS)
    assert row.with_staff is False and row.opted_out is False and row.lang == "en" and row.status == "active"
