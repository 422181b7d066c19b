"""Webhook mode end to end: the real bot served by ``run_webhook`` and the fake Bot API delivering to it.

The fake registers what the bot asks for in setWebhook and pushes updates over HTTP with the secret
header, retrying non-2xx like Telegram. Tests also post directly, as a proxy or an attacker would.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.types import ErrorEvent, Message
from aiohttp.test_utils import TestClient, TestServer
from pydantic import ValidationError
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from bot.cli import main as cli_main
from bot.cli.webhook import run_webhook
from bot.config import Settings
from bot.db.engine import create_engine
from bot.db.models import ProcessedUpdate
from bot.web.metrics import BotMetrics
from bot.web.server import SECRET_HEADER, build_web_app
from tests.fakes.telegram import FakeTelegram

SECRET = "webhook-Secret_0123456789"
OLD_SECRET = "previous-secret-9876543210"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "bot.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


async def processed_count(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(ProcessedUpdate))).scalar_one())
    finally:
        await engine.dispose()


@dataclass
class Worker:
    url: str  # the webhook endpoint
    base: str  # http://host:port for /healthz and /metrics
    stop: asyncio.Event
    task: asyncio.Task[None]

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        async with aiohttp.ClientSession() as http, http.post(self.url, json=update, headers=headers) as resp:
            return resp.status

    async def get(self, path: str) -> tuple[int, str]:
        async with aiohttp.ClientSession() as http, http.get(self.base + path) as resp:
            return resp.status, await resp.text()


def webhook_settings(tg: FakeTelegram, database_url: str, port: int, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_token": tg.token,
        "bot_api_url": tg.base_url,
        "database_url": database_url,
        "webhook_url": f"http://127.0.0.1:{port}",
        "webhook_port": port,
        "webhook_secret": SECRET,
        **extra,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def worker(fake_telegram: FakeTelegram, sqlite_url: str) -> AsyncIterator[Worker]:
    port = free_port()
    settings = webhook_settings(fake_telegram, sqlite_url, port, webhook_secret_previous=OLD_SECRET)
    stop = asyncio.Event()
    task = asyncio.create_task(run_webhook(settings, stop=stop))
    async with asyncio.timeout(10):
        while fake_telegram.webhook_url is None:
            if task.done():
                await task  # surface a startup error
            await asyncio.sleep(0.02)
    yield Worker(settings.public_url(), f"http://127.0.0.1:{port}", stop, task)
    stop.set()
    await asyncio.wait_for(task, 10)


def start_update(update_id: int, user_id: int) -> dict[str, Any]:
    """A raw /start update from a private chat, to post to the worker directly."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Ann"},
            "text": "/start",
        },
    }


async def test_registers_webhook_with_secret_and_used_update_types(
    fake_telegram: FakeTelegram, worker: Worker
) -> None:
    (call,) = fake_telegram.calls("setWebhook")
    assert call.params["url"] == worker.url
    assert call.params["secret_token"] == SECRET
    assert {"message", "callback_query"} <= set(call.params["allowed_updates"])


async def test_person_is_answered_through_the_webhook(fake_telegram: FakeTelegram, worker: Worker) -> None:
    ann = fake_telegram.user(first_name="Ann")
    await ann.send("/start")
    messages = await ann.wait_messages(2)
    assert messages[-1].buttons, "the first question comes with answer buttons"

    await ann.press(messages[-1].buttons[0])
    (question,) = await ann.wait_messages(1)
    assert "owe" in question.text

    await fake_telegram.wait_idle()
    deliveries = fake_telegram.webhook_deliveries
    assert deliveries and all(d.status == 200 for d in deliveries)


async def test_a_button_press_is_answered_on_the_webhook_response(
    fake_telegram: FakeTelegram, worker: Worker
) -> None:
    """answerCallbackQuery rides on the response (one HTTPS call saved per press), once, stale ones too."""
    ann = fake_telegram.user(first_name="Ann")
    await ann.send("/start")
    first = (await ann.wait_messages(2))[-1]
    query_id = await ann.press(first.buttons[0])
    await ann.wait_messages(1)
    await ann.wait_answer(query_id)
    stale_id = await ann.press(first.buttons[0], first)  # now the "✓ chosen" marker: a notice only
    await ann.wait_answer(stale_id)
    await fake_telegram.wait_idle()

    answers = fake_telegram.calls("answerCallbackQuery")
    assert [c.params["callback_query_id"] for c in answers] == [query_id, stale_id]
    assert all(c.via_webhook_reply and c.ok for c in answers)
    assert "text" not in answers[0].params and answers[1].params["text"]
    assert [a.query_id for a in ann.callback_answers] == [query_id, stale_id]


async def test_redelivered_update_is_not_answered_twice(fake_telegram: FakeTelegram, worker: Worker) -> None:
    ann = fake_telegram.user()
    await ann.send("/start")
    await ann.wait_messages(2)
    await fake_telegram.wait_idle()
    sent_before = len(fake_telegram.calls("sendMessage"))

    fake_telegram.redeliver(fake_telegram.updates[-1]["update_id"])
    await fake_telegram.wait_idle()

    assert fake_telegram.webhook_deliveries[-1].status == 200
    assert len(fake_telegram.calls("sendMessage")) == sent_before


async def test_request_without_the_right_secret_is_refused_and_not_processed(
    fake_telegram: FakeTelegram, worker: Worker, sqlite_url: str
) -> None:
    ann = fake_telegram.user()
    update = start_update(555, ann.id)
    assert await worker.post(update, secret=None) == 401
    assert await worker.post(update, secret="wrong-secret") == 401
    assert await worker.post(update, secret=SECRET[:-1]) == 401
    assert fake_telegram.calls("sendMessage") == []
    assert await processed_count(sqlite_url) == 0

    # During a rotation the previous secret still works; the new one is the one registered.
    assert await worker.post(update, secret=OLD_SECRET) == 200
    assert await processed_count(sqlite_url) == 1


async def test_healthz_and_metrics(fake_telegram: FakeTelegram, worker: Worker) -> None:
    status, body = await worker.get("/healthz")
    assert (status, body) == (200, '{"status": "ok", "database": "ok"}')

    ann = fake_telegram.user()
    await ann.send("/start")
    await ann.wait_messages(2)
    await fake_telegram.wait_idle()

    status, body = await worker.get("/metrics")
    assert status == 200
    assert 'bot_updates_total{type="message"} 1.0' in body
    assert "bot_screenings_started_total 1.0" in body
    assert "bot_update_handling_seconds_count 1.0" in body


async def test_healthz_reports_an_unreachable_database() -> None:
    # Port 1 on loopback refuses at once: a database server that is down.
    engine = create_engine("postgresql+asyncpg://postgres@127.0.0.1:1/none")
    bot = Bot("42:TEST")
    app = build_web_app(
        dispatcher=Dispatcher(), bot=bot, engine=engine, metrics=BotMetrics(), path="/hook", secrets=(SECRET,)
    )
    async with TestClient(TestServer(app)) as client:
        resp = await client.get("/healthz")
        assert resp.status == 503
        assert await resp.json() == {"status": "error", "database": "unreachable"}
    await bot.session.close()
    await engine.dispose()


async def test_database_outage_asks_for_redelivery_instead_of_apologising(sqlite_url: str) -> None:
    """A transient DB error must not be acknowledged: 503 makes Telegram deliver the update again."""
    apologies: list[ErrorEvent] = []
    router = Router()

    @router.message()
    async def handler(message: Message) -> None:
        raise sa_exc.OperationalError("SELECT 1", {}, ConnectionRefusedError("database down"))

    @router.errors()
    async def on_error(event: ErrorEvent) -> bool:
        apologies.append(event)
        return True

    dp = Dispatcher()
    dp.include_router(router)
    engine = create_engine(sqlite_url)
    bot = Bot("42:TEST")
    app = build_web_app(
        dispatcher=dp, bot=bot, engine=engine, metrics=BotMetrics(), path="/hook", secrets=(SECRET,)
    )
    update = {
        "update_id": 1,
        "message": {"message_id": 1, "date": 0, "chat": {"id": 7, "type": "private"}, "text": "hi"},
    }
    async with TestClient(TestServer(app)) as client:
        resp = await client.post("/hook", json=update, headers={SECRET_HEADER: SECRET})
        assert resp.status == 503
    assert apologies == []
    await bot.session.close()
    await engine.dispose()


def test_secret_must_follow_telegrams_rule() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None, webhook_secret="has spaces and !")  # type: ignore[call-arg,arg-type]
    assert "has spaces" not in str(caught.value), "a rejected secret must not be echoed"
    with pytest.raises(ValidationError):
        Settings(_env_file=None, webhook_secret="x" * 257)  # type: ignore[call-arg,arg-type]
    ok = Settings(_env_file=None, webhook_secret="A-z_09")  # type: ignore[call-arg,arg-type]
    assert ok.accepted_secrets() == ("A-z_09",)


def test_cli_refuses_to_start_without_a_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.setenv("BOT_TOKEN", "42:TEST")
    monkeypatch.delenv("WEBHOOK_SECRET", raising=False)
    assert cli_main(["webhook"]) == 2
    err = capsys.readouterr().err
    assert "WEBHOOK_SECRET is not set" in err
    assert "42:TEST" not in err


async def test_stopping_finishes_the_update_in_flight(fake_telegram: FakeTelegram, worker: Worker) -> None:
    """SIGTERM's path (the stop event): the request in flight is answered only after its reply was sent."""
    ann = fake_telegram.user()
    update = start_update(777, ann.id)
    # Telegram answers the first send with 429: the worker is mid-update, waiting 1 s to retry.
    fake_telegram.fail_next("sendMessage", error_code=429, retry_after=1)
    posting = asyncio.create_task(worker.post(update))
    async with asyncio.timeout(5):
        while not fake_telegram.calls("sendMessage"):  # noqa: ASYNC110 - bounded; no public event
            await asyncio.sleep(0.01)
    worker.stop.set()

    assert await asyncio.wait_for(posting, 10) == 200
    await asyncio.wait_for(worker.task, 10)  # then the worker exits cleanly
    assert len(ann.messages) >= 2, "greeting and first question were sent before the worker stopped"
