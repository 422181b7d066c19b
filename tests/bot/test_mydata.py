"""/mydata in plain words: each answer under its question's label, its value as the review shows it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.engine import create_engine, create_session_factory
from bot.db.models import Conversation
from bot.features.privacy.erase import answer_lines, my_data_text

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
ANSWERS = {
    "debt_scope": "federal",
    "balance": "52000",
    "latest_letter": "cp14",
    "all_returns_filed": True,
    "letter_date": "2026-11-10",
    "penalty_unknown": True,
}
HISTORY = ["debt_scope", "balance", "all_returns_filed", "latest_letter", "penalty_amount", "can_pay_180"]


def test_answers_are_shown_with_their_labels_in_the_person_s_language() -> None:
    assert answer_lines(ANSWERS, HISTORY, "en") == [
        ("Owed to", "The IRS (federal)"),
        ("Federal balance", "$52,000"),
        ("All returns filed", "yes"),
        ("Latest IRS letter", "CP14 (first bill)"),
        ("Letter date", "November 10, 2026"),
        ("Penalties", "not sure"),
        ("Can pay within 180 days", "not sure"),  # answered "Not sure": kept as nothing, named by the history
    ]
    assert answer_lines(ANSWERS, HISTORY, "es")[:4] == [
        ("Le debe a", "Al IRS (federal)"),
        ("Deuda federal", "$52,000"),
        ("Todas las declaraciones presentadas", "sí"),
        ("Última carta del IRS", "CP14 (primera factura)"),
    ]


def test_answers_an_older_version_stored_are_still_all_shown() -> None:
    assert answer_lines({"color": "blue", "n": 3}, None, "en") == [("color", "blue"), ("n", "3")]


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


async def test_mydata_shows_no_raw_keys_and_escapes_what_was_typed(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        session.add(
            Conversation(
                chat_id=7, state="balance", lang="en", status="active", created_at=NOW, updated_at=NOW,
                snapshot={"state": "can_pay_180", "answers": ANSWERS, "history": HISTORY},
                source_first="<fb>", version=1,
            )
        )  # fmt: skip
    async with sessions() as session:
        text = await my_data_text(session, 7, "en")
    assert "• Owed to: The IRS (federal)" in text
    assert "• Latest IRS letter: CP14 (first bill)" in text
    assert "debt_scope" not in text and "latest_letter" not in text and "cp14" not in text
    assert "&lt;fb&gt;" in text
    async with sessions() as session:
        text = await my_data_text(session, 7, "es")
    assert "• Le debe a: Al IRS (federal)" in text
