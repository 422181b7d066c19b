"""Where the financial form is served: the webhook workers and `python -m bot web`, as they run.

The page is there (with headers that let nothing else in), its calls refuse what Telegram did not
sign, and where a part is missing the form is not served and the log says which.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.cli.web import run_web
from bot.cli.webhook import run_webhook
from bot.config import Settings
from tests.fakes.telegram import FakeTelegram

PUBLIC = "https://bot.example.com"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    shutil.copyfile(sqlite_template, tmp_path / "bot.db")
    return f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def bot_settings(tg: FakeTelegram, database_url: str, **values: Any) -> Settings:
    token = {"bot_token": tg.token, "bot_api_url": tg.base_url}
    return settings(database_url=database_url, public_base_url=PUBLIC, **token, **values)


@asynccontextmanager
async def serving(
    run: Callable[[asyncio.Event], Awaitable[None]], port: int
) -> AsyncIterator[aiohttp.ClientSession]:
    stop = asyncio.Event()
    task = asyncio.create_task(run(stop))
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
            for _ in range(200):
                if task.done():
                    await task  # surface a start-up error
                try:
                    async with http.get("/healthz"):
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.025)
            yield http
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)


async def assert_form_served(http: aiohttp.ClientSession) -> None:
    async with http.get("/form/") as page:
        assert page.status == 200 and page.content_type == "text/html"
        body = await page.text()
        assert (
            '<script src="form.js" defer></script>' in body and "https://" not in body
        )  # nothing from elsewhere
        policy = page.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'self' https://web.telegram.org" in policy
    async with http.get("/form/form.js") as script:
        assert script.status == 200 and script.content_type == "text/javascript"
        assert "telegram.org/js" not in await script.text()
    async with http.get("/form", allow_redirects=False) as moved:
        assert moved.headers["Location"] == "/form/"
    async with http.post("/form/api/open", json={"initData": "user=%7B%22id%22%3A1%7D&hash=00"}) as refused:
        assert refused.status == 401 and refused.headers["Cache-Control"] == "no-store"
    async with http.post("/form/api/submit", data=b"not json") as bad:
        assert bad.status == 400


async def test_the_webhook_workers_serve_the_form(fake_telegram: FakeTelegram, sqlite_url: str) -> None:
    port = free_port()
    webhook = {"webhook_url": f"http://127.0.0.1:{port}", "webhook_port": port, "webhook_secret": "s3cret"}
    config = bot_settings(fake_telegram, sqlite_url, **webhook)
    async with serving(lambda stop: run_webhook(config, stop=stop), port) as http:
        await assert_form_served(http)


async def test_python_m_bot_web_serves_the_form_with_the_bot_token(
    fake_telegram: FakeTelegram, sqlite_url: str
) -> None:
    port = free_port()
    config = bot_settings(fake_telegram, sqlite_url)
    async with serving(lambda stop: run_web(config, "127.0.0.1", port, stop), port) as http:
        await assert_form_served(http)


@pytest.mark.parametrize(
    ("values", "logged"),
    [
        ({"public_base_url": PUBLIC}, "financial form: not served: BOT_TOKEN is not set"),
        (
            {"public_base_url": "http://127.0.0.1:8080"},
            "financial form: off (PUBLIC_BASE_URL is http://127.0.0.1",
        ),
        ({"public_base_url": PUBLIC, "financial_form": False}, "financial form: off (FINANCIAL_FORM=false)"),
    ],
)
async def test_without_its_parts_python_m_bot_web_leaves_the_form_out_and_says_why(
    sqlite_url: str, values: dict[str, Any], logged: str, caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()
    config = settings(database_url=sqlite_url, **values)
    with caplog.at_level(logging.INFO, logger="bot.cli.web"):
        async with serving(lambda stop: run_web(config, "127.0.0.1", port, stop), port) as http:
            async with http.get("/form/") as page:
                assert page.status == 404
            async with http.get("/healthz") as health:
                assert health.status == 200  # the rest of the site is served as before
    assert logged in caplog.text
