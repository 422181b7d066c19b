"""The financial form's world for end-to-end tests: the real bot polling the fake Bot API, the form's
page served on a local port as the webhook workers serve it, and a person at the money questions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiohttp
from aiohttp import web

from bot.app import App
from bot.features.finform.setup import install_form
from flows import finform
from tests.e2e.harness import BotRunner, Chat
from tests.fakes.telegram import BotMessage, FakeTelegram, FakeUser
from tests.fakes.webapp import sign_init_data, web_app_url

PUBLIC = "https://bot.example.com"
FORM_BUTTON = "📝"

# To the money questions: $90,000, lost a job, nothing to pay each month (an offer is in play).
TO_THE_FORM = ["b:The IRS (federal)", "90000", "b:Personal (Form 1040)", "b:Yes", "b:CP14 (first bill)",
               "b:No", "b:None / $0", "b:No", "b:Yes", "b:No", "b:None / $0", "b:Lost my job", "b:Single",
               "b:No"]  # fmt: skip
# The money questions as the chat asks them, in order, and the same answers as the form sends them.
IN_CHAT = ["b:Lower 48 states or DC", "2", "1", "4000", "200", "1000", "1", "250", "300", "b:None / $0",
           "100", "b:None / $0", "b:None / $0", "500", "150000", "140000", "3000", "b:None / $0",
           "b:None / $0", "b:None / $0"]  # fmt: skip
IN_FORM = {
    qid: {"b:Lower 48 states or DC": "contiguous", "b:None / $0": "0"}.get(v, v)
    for qid, v in zip(finform.FIELDS, IN_CHAT, strict=True)
}


@dataclass
class FormWorld:
    tg: FakeTelegram
    bot: BotRunner
    app: App
    base: str  # where the form's page is served in this test (the button says PUBLIC)
    http: aiohttp.ClientSession

    def init_data(self, user: FakeUser, opened: datetime | None = None) -> str:
        """What Telegram hands the page when ``user`` opens the form now (or at ``opened``)."""
        info = {k: v for k, v in user.info.items() if k in ("id", "first_name", "language_code")}
        return sign_init_data(self.tg.token, info, opened or self.bot.clock.now)

    async def call(self, name: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        async with self.http.post(f"{self.base}/form/api/{name}", json=body) as response:
            return response.status, await response.json()

    async def open(self, user: FakeUser, init_data: str | None = None) -> tuple[int, dict[str, Any]]:
        return await self.call("open", {"initData": init_data or self.init_data(user)})

    async def submit(
        self, user: FakeUser, values: dict[str, str], step: int, init_data: str | None = None
    ) -> tuple[int, dict[str, Any]]:
        return await self.call("submit", {"initData": init_data or self.init_data(user), "step": step,
                                          "values": values})  # fmt: skip


@asynccontextmanager
async def form_world(bot: BotRunner, **settings: Any) -> AsyncIterator[FormWorld]:
    """The bot started with the form on (its button points at PUBLIC), the page on a local port."""
    app = await bot.start(public_base_url=PUBLIC, **settings)
    site = web.Application()
    assert install_form(site, app.settings, app.runner, app.bot)
    runner = web.AppRunner(site)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        async with aiohttp.ClientSession() as http:
            yield FormWorld(bot.tg, bot, app, f"http://127.0.0.1:{port}", http)
    finally:
        await runner.cleanup()


async def to_the_money_questions(chat: Chat) -> BotMessage:
    """/start and the answers up to the first money question; returns that question's message."""
    await chat.send("/start")
    replies: list[BotMessage] = []
    for reply in TO_THE_FORM:
        replies = await chat.answer(reply)
    question = replies[-1]
    assert "Where do you live?" in question.text, question.text
    assert web_app_url(question, FORM_BUTTON) == PUBLIC + "/form/"
    return question
