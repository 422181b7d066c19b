"""The test suite's fake Bot API server, adapted for load: nothing here copies it, it only overrides.

Two things make the plain fake unfit for thousands of updates a minute:

* every change wakes every waiter (one global event), so N people waiting costs N wake-ups per
  message; here a person waits on an event of their own chat only;
* webhook delivery is one update at a time, while Telegram delivers different chats in parallel (up to
  ``max_connections``, 40 by default) and only one chat's updates in sequence. Here each update is
  posted as soon as it is created, bounded by ``max_connections``, round-robin over the worker URLs
  (a load balancer in front of several workers).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from tests.fakes.telegram import BotMessage, FakeTelegram

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class BenchTelegram(FakeTelegram):
    def __init__(self, *, max_connections: int = 40, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_connections = max_connections
        self.extra_urls: list[str] = []  # more workers behind the registered URL
        self.delivery_failures = 0
        self._chat_events: dict[int, asyncio.Event] = {}
        self._direct = False
        self._http: aiohttp.ClientSession | None = None
        self._slots: asyncio.Semaphore | None = None
        self._rr = itertools.count()
        self._deliveries: set[asyncio.Task[None]] = set()

    async def __aenter__(self) -> BenchTelegram:
        await super().__aenter__()
        return self

    # ---------------------------------------------------------------- per-chat wake-ups

    def _store(self, chat: Any, message: BotMessage) -> BotMessage:
        stored = super()._store(chat, message)
        event = self._chat_events.pop(chat.id, None)
        if event is not None:
            event.set()
        return stored

    async def wait_chat(
        self, chat_id: int, since: int, predicate: Callable[[BotMessage], bool], wait_s: float
    ) -> BotMessage:
        """The first bot message at index >= ``since`` in the chat that satisfies ``predicate``."""
        chat = self._chats[chat_id]
        deadline = time.monotonic() + wait_s
        checked = since
        while True:
            messages = chat.bot_messages
            for message in messages[checked:]:
                if predicate(message):
                    return message
            checked = len(messages)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"chat {chat_id}: expected reply not seen within {wait_s}s")
            event = self._chat_events.setdefault(chat_id, asyncio.Event())
            try:
                await asyncio.wait_for(event.wait(), left)
            except TimeoutError:
                pass

    def trim(self) -> None:
        """Forget request logs and update history between phases (memory of the harness, not the bot)."""
        self.requests.clear()
        self.webhook_deliveries.clear()
        self.callback_answers.clear()
        self._history.clear()

    # ---------------------------------------------------------------- concurrent webhook delivery

    async def _webhook_loop(self) -> None:
        self._direct = True
        self._slots = asyncio.Semaphore(self.max_connections)
        self._http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self.max_connections))
        try:
            for pending in list(self._pending):
                self._pending.remove(pending)
                self._spawn(pending.update)
            await asyncio.Event().wait()  # until setWebhook/deleteWebhook/exit cancels the loop
        finally:
            self._direct = False
            for task in list(self._deliveries):
                task.cancel()
            await self._http.close()

    def _new_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        if not self._direct:
            return super()._new_update(kind, payload)
        update = {"update_id": next(self._update_ids), kind: payload}
        self._spawn(update)
        return update

    def _spawn(self, update: dict[str, Any]) -> None:
        task = asyncio.create_task(self._post(update))
        self._deliveries.add(task)
        task.add_done_callback(self._deliveries.discard)

    async def _post(self, update: dict[str, Any]) -> None:
        assert self._http is not None and self._slots is not None
        urls = [self.webhook_url or "", *self.extra_urls]
        headers = {"Content-Type": "application/json"}
        if self.webhook_secret:
            headers[SECRET_HEADER] = self.webhook_secret
        body = json.dumps(update)
        async with self._slots:
            for _ in range(3):  # bounded, like the plain fake; Telegram would keep trying longer
                url = urls[next(self._rr) % len(urls)]
                try:
                    async with self._http.post(url, data=body, headers=headers) as resp:
                        if 200 <= resp.status < 300:
                            await self._run_webhook_reply(resp)  # as Telegram: a method in the body
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.05)
        self.delivery_failures += 1
