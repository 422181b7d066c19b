"""Metrics: per-app registries, update counting through the dispatcher, business events."""

from __future__ import annotations

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message

from bot.web.metrics import BotMetrics


def sample(metrics: BotMetrics, name: str, **labels: str) -> float:
    value = metrics.registry.get_sample_value(name, labels)
    return 0.0 if value is None else value


def test_two_apps_in_one_process_do_not_collide() -> None:
    first, second = BotMetrics(), BotMetrics()
    first.record_event("started")
    assert sample(first, "bot_screenings_started_total") == 1
    assert sample(second, "bot_screenings_started_total") == 0


def test_business_events_feed_their_counters() -> None:
    metrics = BotMetrics()
    for kind in ("started", "answered", "answered", "completed", "lead_created", "unknown_kind"):
        metrics.record_event(kind)
    assert sample(metrics, "bot_screenings_started_total") == 1
    assert sample(metrics, "bot_screenings_completed_total") == 1
    assert sample(metrics, "bot_leads_total") == 1
    body, content_type = metrics.render()
    assert content_type.startswith("text/plain")
    assert b"bot_leads_total 1.0" in body


async def test_updates_errors_and_latency_are_measured_by_type() -> None:
    router = Router()

    @router.message()
    async def on_message(message: Message) -> None:
        if message.text == "boom":
            raise RuntimeError("handler bug")

    dp = Dispatcher()
    dp.include_router(router)
    metrics = BotMetrics()
    metrics.install(dp)
    bot = Bot("42:TEST")

    def update(update_id: int, text: str) -> dict[str, object]:
        chat = {"id": 7, "type": "private"}
        return {
            "update_id": update_id,
            "message": {"message_id": update_id, "date": 0, "chat": chat, "text": text},
        }

    await dp.feed_raw_update(bot, update(1, "hi"))
    with pytest.raises(RuntimeError):
        await dp.feed_raw_update(bot, update(2, "boom"))
    await bot.session.close()

    assert sample(metrics, "bot_updates_total", type="message") == 2
    assert sample(metrics, "bot_update_errors_total", type="message") == 1
    assert sample(metrics, "bot_update_handling_seconds_count") == 2


def test_retry_observer_counts_failures() -> None:
    metrics = BotMetrics()
    metrics.observe_retry("sendMessage", "retry_after", True)
    metrics.observe_retry("sendMessage", "unknown_outcome", False)
    assert (
        sample(
            metrics,
            "bot_telegram_request_failures_total",
            method="sendMessage",
            kind="retry_after",
            retried="true",
        )
        == 1
    )
    assert (
        sample(
            metrics,
            "bot_telegram_request_failures_total",
            method="sendMessage",
            kind="unknown_outcome",
            retried="false",
        )
        == 1
    )
