"""The staff card: every value from a person is escaped; urgency and status read plainly."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.features.leads.card import build_card_data, format_money, render_card
from flows.capture import best_time_value as _best_time_value


def card(**overrides: object) -> dict[str, object]:
    data = build_card_data(
        plan=None,
        answers={"balance": "60000", "levy_started": True},
        source="fb_<ad>",
        consent_version="2026-11-v1",
        consent_at=datetime(2026, 11, 25, 15, 0, tzinfo=UTC),
    )
    return {**data, **overrides}


def test_user_values_are_escaped_and_levy_makes_it_urgent() -> None:
    text = render_card(
        lead_id=7,
        name="<b>Eve</b> & co",
        phone_e164="+14155552671",
        best_time="after <6>",
        status="new",
        taken_by=None,
        with_staff=False,
        card=card(),
    )
    assert "&lt;b&gt;Eve&lt;/b&gt; &amp; co" in text
    assert "after &lt;6&gt;" in text
    assert "fb_&lt;ad&gt;" in text
    assert "URGENT" in text and "levy in progress" in text
    assert "$60,000" in text
    assert "+14155552671 ((415) 555-2671)" in text
    assert "v2026-11-v1, 2026-11-25T15:00:00+00:00, via Telegram button" in text


def test_status_lines_and_second_account() -> None:
    base = dict(lead_id=1, name="A", phone_e164="+14155552671", best_time="morning", card=card(urgent=False))
    taken = render_card(status="taken", taken_by="<Olga>", with_staff=True, **base)  # type: ignore[arg-type]
    assert "taken by &lt;Olga&gt;" in taken and "Morning" in taken
    back = render_card(status="taken", taken_by="Olga", with_staff=False, **base)  # type: ignore[arg-type]
    assert "handed back" in back
    linked = render_card(
        status="done",
        taken_by="Olga",
        with_staff=False,
        **{**base, "card": card(accounts=[{"chat_id": 42, "at": "2026-11-26T10:00:00+00:00"}])},  # type: ignore[arg-type]
    )
    assert "done by Olga" in linked and "another Telegram account (chat 42)" in linked


def test_money_and_best_time_values() -> None:
    assert format_money("1234.6") == "$1,235"
    assert format_money(None) is None
    assert _best_time_value("morning") == "morning"
    assert _best_time_value("Noche") == "evening"
    assert _best_time_value("after 6pm") == "after 6pm"
