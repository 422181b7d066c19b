"""A fake Telegram Bot API server for end-to-end tests, spoken to over real HTTP on 127.0.0.1.

Why a server and not a mocked aiogram session: the bot under test then runs its real aiogram client (form and
multipart encoding, JSON decoding into pydantic models, error classes such as TelegramRetryAfter, polling
backoff, webhook handler). Mistakes in any of those layers show up here instead of in production.

Usage::

    async with FakeTelegram() as tg:                      # or the ``fake_telegram`` fixture
        session = AiohttpSession(api=TelegramAPIServer.from_base(tg.base_url))
        bot = Bot(tg.token, session=session)
        polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False))
        ann = tg.user(first_name="Ann")
        await ann.send("/start")
        greeting, question = await ann.wait_messages(2)   # exactly the next 2 new bot messages
        await ann.press("Yes")                            # inline button by text or callback_data
        staff = tg.group().member(7, "Bob")
        await staff.send("taking it", reply_to=tg.group().last)

Cheat sheet:
  FakeTelegram: base_url, token, bot_user, requests/calls(method) (Call: method, params decoded, files,
    status, response), updates, user(...), group(...), inject_update(dict), redeliver(update_id), wait_idle(),
    fail_next(method, error_code=429, retry_after=1), fail_http(method, status=502), drop_next(method),
    flood_control(max_per_chat, per_seconds), webhook_deliveries, callback_answers, commands, descriptions,
    discarded_updates; options require_start, webhook_retry_delay, webhook_max_attempts, idle_quiet.
  FakeUser / FakeGroup (chat views): messages, last, unread, wait_messages(n), wait_message(),
    wait_answer(qid), assert_silent(), callback_answers, received_documents, received_photos, chat_actions.
  FakeUser: send(text, reply_to=), press(button, message=), tap(reply_button), share_contact(phone, own=),
    send_photo/send_document/send_voice/send_sticker/send_location, edit(message_id, text), block()/unblock(),
    reply_keyboard.
  FakeGroup.member(user_id, first_name) -> FakeStaff: send(text, reply_to=), press(button, message=).
  BotMessage: message_id, chat_id, kind, text (visible, current), html (raw), entities, reply_markup, buttons,
    button_data, reply_buttons, edits, deleted, document/filename/photo bytes, reply_to_message_id.

Deliberate simplifications: Markdown parse modes are not parsed; webhook delivery is sequential with a bounded
number of retries; an ``&`` that is not an HTML entity is rejected (Telegram would show it literally).

Everything runs on the test's own event loop; waiting uses asyncio events, never fixed sleeps.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import aiohttp
from aiohttp import web

from tests.fakes.tg_html import HtmlParseError, parse_html, utf16_len

__all__ = [
    "ApiError",
    "BotMessage",
    "Call",
    "CallbackAnswer",
    "FakeGroup",
    "FakeStaff",
    "FakeTelegram",
    "FakeUser",
    "UploadedFile",
    "WebhookDelivery",
]

_TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

# Parameters that are plain strings in the Bot API; aiogram JSON-encodes everything else (numbers, bools,
# reply_markup, entities...). Decoding those for Call.params lets tests compare with real Python values.
_STRING_PARAMS = frozenset(
    {
        "text", "caption", "parse_mode", "callback_query_id", "url", "secret_token", "description",
        "short_description", "name", "action", "phone_number", "first_name", "last_name", "vcard",
        "language_code", "inline_message_id", "business_connection_id", "message_effect_id", "emoji",
        "title", "address", "ip_address", "file_id", "sticker", "photo", "document", "voice", "audio",
        "video", "animation", "thumbnail", "certificate", "method",
    }
)  # fmt: skip

_DEFAULT_ALLOWED_UPDATES = frozenset(
    {
        "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
        "business_message", "edited_business_message", "deleted_business_messages", "inline_query",
        "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query",
        "purchased_paid_media", "poll", "poll_answer", "my_chat_member", "chat_join_request", "chat_boost",
        "removed_chat_boost",
    }
)  # fmt: skip

_CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    }
)  # fmt: skip

_INLINE_BUTTON_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
)  # fmt: skip

_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
}

MessageKind = Literal["text", "photo", "document", "contact", "location", "sticker", "voice", "other"]


class ApiError(Exception):
    """Raised inside method handlers; becomes Telegram's JSON error response."""

    def __init__(self, error_code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


@dataclass
class UploadedFile:
    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass
class Call:
    """One HTTP request the bot made. ``params`` are decoded: JSON fields become dicts/lists/ints."""

    method: str
    params: dict[str, Any]
    token: str
    files: dict[str, UploadedFile] = field(default_factory=dict)
    status: int | None = None  # HTTP status we answered with; None while in flight or if dropped
    response: dict[str, Any] | None = None
    via_webhook_reply: bool = False  # came as the body of a webhook response, not as a request
    content_type: str | None = None  # how the parameters came: form, multipart or JSON (None: webhook reply)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def description(self) -> str | None:
        return None if self.response is None else self.response.get("description")


@dataclass
class CallbackAnswer:
    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int | None


@dataclass
class WebhookDelivery:
    update_id: int
    attempt: int
    status: int | None  # None when the connection failed
    error: str | None = None


@dataclass
class BotMessage:
    """A message the bot sent (or copied/forwarded) into a chat, with its current state after edits."""

    message_id: int
    chat_id: int
    chat: dict[str, Any]
    sender: dict[str, Any]
    date: int
    kind: MessageKind = "text"
    text: str = ""  # visible text (caption for media), entities decoded
    html: str = ""  # the raw text as the bot sent it (HTML markup if parse_mode=HTML)
    parse_mode: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    edits: list[str] = field(default_factory=list)  # previous visible texts, oldest first
    deleted: bool = False
    edit_date: int | None = None
    reply_to_message_id: int | None = None
    document: bytes | None = None
    filename: str | None = None
    mime_type: str | None = None
    photo: bytes | None = None
    file_id: str | None = None
    forward_origin: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # other Message fields (contact, location...)

    @property
    def caption(self) -> str:
        return self.text if self.kind != "text" else ""

    @property
    def inline_keyboard(self) -> list[list[dict[str, Any]]]:
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            return list(self.reply_markup["inline_keyboard"])
        return []

    @property
    def reply_keyboard(self) -> list[list[dict[str, Any]]]:
        """Rows of a ReplyKeyboardMarkup sent with this message, buttons normalised to dicts."""
        if self.reply_markup and "keyboard" in self.reply_markup:
            return [
                [b if isinstance(b, dict) else {"text": b} for b in row]
                for row in self.reply_markup["keyboard"]
            ]
        return []

    @property
    def removes_keyboard(self) -> bool:
        return bool(self.reply_markup and self.reply_markup.get("remove_keyboard"))

    @property
    def buttons(self) -> list[str]:
        """Texts of inline buttons, row by row."""
        return [b["text"] for row in self.inline_keyboard for b in row]

    @property
    def button_data(self) -> dict[str, str]:
        return {
            b["text"]: b["callback_data"] for row in self.inline_keyboard for b in row if "callback_data" in b
        }

    @property
    def reply_buttons(self) -> list[str]:
        return [b["text"] for row in self.reply_keyboard for b in row]

    def to_json(self, *, with_reply: bool = True) -> dict[str, Any]:
        """The Message as Telegram returns it (like Telegram, only inline markup is echoed back)."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
        }
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.forward_origin is not None:
            data["forward_origin"] = self.forward_origin
        entity_key = "entities" if self.kind == "text" else "caption_entities"
        if self.kind == "text":
            data["text"] = self.text
        elif self.text:
            data["caption"] = self.text
        if self.entities:
            data[entity_key] = self.entities
        if self.kind == "photo":
            data["photo"] = _photo_sizes(self.file_id or "", len(self.photo or b""))
        elif self.kind == "document":
            data["document"] = {
                "file_id": self.file_id,
                "file_unique_id": f"u{self.file_id}",
                "file_name": self.filename,
                "mime_type": self.mime_type,
                "file_size": len(self.document or b""),
            }
        data.update(self.extra)
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            data["reply_markup"] = self.reply_markup
        return data

    def __str__(self) -> str:
        flags = " [deleted]" if self.deleted else ""
        kb = f" buttons={self.buttons}" if self.buttons else ""
        rkb = f" reply_keyboard={self.reply_buttons}" if self.reply_buttons else ""
        return f"#{self.message_id} {self.kind}{flags}: {self.text!r}{kb}{rkb}"


def _photo_sizes(file_id: str, size: int) -> list[dict[str, Any]]:
    return [
        {
            "file_id": f"{file_id}s",
            "file_unique_id": f"u{file_id}s",
            "width": 90,
            "height": 90,
            "file_size": size,
        },
        {"file_id": file_id, "file_unique_id": f"u{file_id}", "width": 800, "height": 800, "file_size": size},
    ]


@dataclass
class _StoredFile:
    file_id: str
    content: bytes
    filename: str | None
    mime_type: str | None
    path: str


@dataclass
class _Chat:
    info: dict[str, Any]
    next_message_id: int = 1
    bot_messages: list[BotMessage] = field(default_factory=list)
    by_id: dict[int, BotMessage] = field(default_factory=dict)
    user_messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    read_cursor: int = 0  # index into bot_messages consumed by wait_messages
    blocked: bool = False
    actions: list[str] = field(default_factory=list)
    pinned: int | None = None

    @property
    def id(self) -> int:
        return int(self.info["id"])

    @property
    def is_private(self) -> bool:
        return self.info["type"] == "private"

    def new_message_id(self) -> int:
        mid = self.next_message_id
        self.next_message_id += 1
        return mid


@dataclass
class _Pending:
    update: dict[str, Any]
    forced: bool = False  # a redelivery: ignore offset confirmation until handed out once
    fetched: bool = False


@dataclass
class _Query:
    query_id: str
    user_id: int
    chat_id: int
    answered: bool = False


@dataclass
class _Fault:
    kind: Literal["api", "http", "drop"]
    status: int = 500
    description: str = ""
    parameters: dict[str, Any] | None = None


class FakeTelegram:
    """The fake Bot API server. Use as ``async with FakeTelegram() as tg``."""

    token: str = "42:TEST"

    def __init__(
        self,
        *,
        token: str = "42:TEST",
        webhook_retry_delay: float = 0.05,
        webhook_max_attempts: int = 3,
        webhook_timeout: float = 10.0,
        idle_quiet: float = 0.1,
        require_start: bool = False,
        first_update_id: int = 100_000,
    ) -> None:
        self.token = token
        bot_id = int(token.split(":", 1)[0]) if _TOKEN_RE.match(token) else 42
        self.bot_user: dict[str, Any] = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "IRS Help (test)",
            "username": "irs_help_test_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.webhook_retry_delay = webhook_retry_delay
        self.webhook_max_attempts = webhook_max_attempts
        self.webhook_timeout = webhook_timeout
        self.idle_quiet = idle_quiet
        # Real Telegram refuses to message a user who never wrote to the bot; opt-in because many tests let
        # the bot speak first for brevity.
        self.require_start = require_start
        self._flood: tuple[int, float, int] | None = None
        self._send_times: dict[int, deque[float]] = {}

        self.requests: list[Call] = []
        self.webhook_deliveries: list[WebhookDelivery] = []
        self.discarded_updates: list[dict[str, Any]] = []  # filtered out by allowed_updates, like Telegram
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None

        self._update_ids = itertools.count(first_update_id)
        self._history: dict[int, dict[str, Any]] = {}
        self._pending: list[_Pending] = []
        self._allowed_updates: frozenset[str] = _DEFAULT_ALLOWED_UPDATES
        self._chats: dict[int, _Chat] = {}
        self._users: dict[int, FakeUser] = {}
        self._groups: dict[int, FakeGroup] = {}
        self._user_ids = itertools.count(1001)
        self._queries: dict[str, _Query] = {}
        self._query_ids = itertools.count(7_000_000_000)
        self.callback_answers: list[CallbackAnswer] = []
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._file_ids = itertools.count(1)
        self._faults: dict[str, deque[_Fault]] = {}
        self._poll_generation = 0
        self._inflight = 0
        self._delivering = False
        self._last_activity = 0.0
        self._changed: asyncio.Event | None = None
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self.base_url = ""
        self._methods: dict[str, Callable[[Call], Awaitable[Any]]] = {
            name[len("_m_") :]: getattr(self, name) for name in dir(self) if name.startswith("_m_")
        }

    # ------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> FakeTelegram:
        self._changed = asyncio.Event()
        self._last_activity = asyncio.get_running_loop().time()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        # shutdown_timeout is small because open long polls are woken up and answered on exit anyway.
        # handler_cancellation: when the bot abandons a long poll (polling stopped, bot "restarted"), the
        # server side must stop too, or that orphan poll would swallow the next update.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing = True
        self._bump()
        await self._stop_webhook_task()
        if self._runner is not None:
            await self._runner.cleanup()

    # ------------------------------------------------------------------ public helpers

    def calls(self, method: str) -> list[Call]:
        lowered = method.lower()
        return [c for c in self.requests if c.method.lower() == lowered]

    def user(
        self,
        user_id: int | None = None,
        first_name: str = "Ann",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> FakeUser:
        """A private chat with a person. Same id → same FakeUser, so helpers can look users up again."""
        if user_id is not None and user_id in self._users:
            return self._users[user_id]
        uid = user_id if user_id is not None else next(self._user_ids)
        info: dict[str, Any] = {"id": uid, "is_bot": False, "first_name": first_name}
        if last_name:
            info["last_name"] = last_name
        if username:
            info["username"] = username
        if language_code:
            info["language_code"] = language_code
        chat_info = {k: v for k, v in info.items() if k in ("id", "first_name", "last_name", "username")}
        chat_info["type"] = "private"
        chat = self._chats.setdefault(uid, _Chat(info=chat_info))
        fake_user = FakeUser(self, info, chat)
        self._users[uid] = fake_user
        return fake_user

    def group(self, chat_id: int = -1001234567890, title: str = "Staff") -> FakeGroup:
        """A supergroup the bot is a member of (e.g. the staff chat)."""
        if chat_id in self._groups:
            return self._groups[chat_id]
        chat = self._chats.setdefault(
            chat_id, _Chat(info={"id": chat_id, "type": "supergroup", "title": title})
        )
        group = FakeGroup(self, chat)
        self._groups[chat_id] = group
        return group

    def chat_messages(self, chat_id: int) -> list[BotMessage]:
        chat = self._chats.get(chat_id)
        return list(chat.bot_messages) if chat else []

    def fail_next(
        self,
        method: str,
        *,
        error_code: int = 429,
        retry_after: int | None = 1,
        description: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` ("*" = any method) with a Telegram JSON error."""
        parameters = None
        if error_code == 429:
            description = description or f"Too Many Requests: retry after {retry_after}"
            if retry_after is not None:
                parameters = {"retry_after": retry_after}
        description = description or _DEFAULT_DESCRIPTIONS.get(error_code, "Error")
        fault = _Fault("api", error_code, description, parameters)
        self._faults.setdefault(method.lower(), deque()).extend([fault] * times)

    def fail_http(self, method: str, *, status: int = 502, times: int = 1) -> None:
        """Answer with a raw non-JSON error page, like a reverse proxy in front of the Bot API would."""
        self._faults.setdefault(method.lower(), deque()).extend([_Fault("http", status)] * times)

    def flood_control(self, max_per_chat: int | None, per_seconds: float = 1.0, retry_after: int = 1) -> None:
        """Opt-in rate limit: more than ``max_per_chat`` sends to one chat within ``per_seconds`` get 429.

        Telegram allows roughly one message per second per chat with short bursts; use this to check that the
        bot (or its retry middleware) copes. ``None`` switches it off.
        """
        self._flood = None if max_per_chat is None else (max_per_chat, per_seconds, retry_after)
        self._send_times.clear()

    def drop_next(self, method: str, times: int = 1) -> None:
        """Close the connection without answering (aiogram raises TelegramNetworkError)."""
        self._faults.setdefault(method.lower(), deque()).extend([_Fault("drop")] * times)

    def inject_update(self, update: dict[str, Any]) -> int:
        """Queue a raw update dict (update_id is assigned unless given) and return its update_id."""
        body = dict(update)
        if "update_id" not in body:
            body = {"update_id": next(self._update_ids), **body}
        self._history[body["update_id"]] = body
        self._pending.append(_Pending(body))
        self._bump()
        return int(body["update_id"])

    def redeliver(self, update_id: int) -> None:
        """Deliver an already delivered update again with the same update_id (tests idempotency)."""
        if update_id not in self._history:
            raise KeyError(f"no update with update_id={update_id}; known: {sorted(self._history)[-10:]}")
        self._pending.append(_Pending(self._history[update_id], forced=True))
        self._bump()

    @property
    def updates(self) -> list[dict[str, Any]]:
        """Every update ever created, in update_id order."""
        return [self._history[k] for k in sorted(self._history)]

    @property
    def pending_update_count(self) -> int:
        return len(self._pending)

    async def wait_idle(self, timeout: float = 5.0, quiet: float | None = None) -> None:  # noqa: ASYNC109
        """Wait until all queued updates reached the bot and it made no API call for ``quiet`` seconds."""
        quiet = self.idle_quiet if quiet is None else quiet
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event = self._event()
            now = loop.time()
            busy = self._inflight > 0 or self._delivering or any(not p.fetched for p in self._pending)
            if not busy and now - self._last_activity >= quiet:
                return
            if now >= deadline:
                unfetched = [p.update["update_id"] for p in self._pending if not p.fetched]
                raise AssertionError(
                    f"fake Telegram not idle after {timeout}s: {self._inflight} API call(s) in flight, "
                    f"updates not yet fetched by the bot: {unfetched}, webhook={self.webhook_url!r}; "
                    f"last calls: {[c.method for c in self.requests[-5:]]}"
                )
            wait_for = deadline - now if busy else min(quiet - (now - self._last_activity), deadline - now)
            await _wait_event(event, max(wait_for, 0.001))

    # ------------------------------------------------------------------ internals: events

    def _event(self) -> asyncio.Event:
        assert self._changed is not None, "use FakeTelegram as an async context manager"
        return self._changed

    def _bump(self) -> None:
        """Wake every waiter. A fresh Event per change avoids lost wake-ups and clear() races."""
        if self._changed is None:
            return
        old, self._changed = self._changed, asyncio.Event()
        old.set()

    def _touch(self) -> None:
        self._last_activity = asyncio.get_running_loop().time()
        self._bump()

    def _new_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        update: dict[str, Any] = {"update_id": next(self._update_ids), kind: payload}
        self._history[update["update_id"]] = update
        self._pending.append(_Pending(update))
        self._bump()
        return update

    def _chat(self, chat_id: Any, *, sending: bool = True) -> _Chat:
        try:
            key = int(chat_id)
        except (TypeError, ValueError):
            raise _bad("chat not found") from None
        chat = self._chats.get(key)
        if chat is None:
            raise _bad("chat not found")
        if sending and chat.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if sending and self.require_start and chat.is_private and not chat.user_messages:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        if sending and self._flood is not None:
            self._check_flood(chat.id)
        return chat

    def _check_flood(self, chat_id: int) -> None:
        limit, window, retry_after = self._flood  # type: ignore[misc]
        now = asyncio.get_running_loop().time()
        times = self._send_times.setdefault(chat_id, deque())
        while times and now - times[0] >= window:
            times.popleft()
        if len(times) >= limit:
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        times.append(now)

    # ------------------------------------------------------------------ internals: HTTP

    async def _parse_params(self, request: web.Request) -> tuple[dict[str, str], dict[str, UploadedFile]]:
        raw: dict[str, str] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                    continue
                if part.filename:
                    content_type = part.headers.get("Content-Type", "application/octet-stream")
                    files[part.name] = UploadedFile(part.filename, bytes(await part.read()), content_type)
                else:
                    raw[part.name] = await part.text()
        elif request.content_type == "application/json":
            body = await request.json()
            raw.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()})
        elif request.can_read_body:
            raw.update({k: str(v) for k, v in (await request.post()).items()})
        return raw, files

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        method = request.match_info["method"]
        raw, files = await self._parse_params(request)
        call = Call(
            method=method,
            params=_decode_params(raw),
            token=token,
            files=files,
            content_type=request.content_type,
        )
        return await self._execute(call, request)

    async def _execute(self, call: Call, request: web.Request | None) -> web.StreamResponse:
        is_poll = call.method.lower() == "getupdates"
        self.requests.append(call)
        if not is_poll:
            self._inflight += 1
            self._touch()
        try:
            fault = self._take_fault(call.method)
            if fault is not None and fault.kind == "drop":
                if request is None:  # a reply-into-webhook call: nothing to disconnect, just lose it
                    return web.Response(status=499)
                if request.transport is not None:
                    request.transport.close()
                raise web.HTTPBadRequest()  # never reaches the client: the socket is already closed
            if fault is not None and fault.kind == "http":
                call.status = fault.status
                return web.Response(
                    status=fault.status,
                    text="<html><body><h1>502 Bad Gateway</h1></body></html>",
                    content_type="text/html",
                )
            try:
                if fault is not None:
                    raise ApiError(fault.status, fault.description, fault.parameters)
                if not _TOKEN_RE.match(call.token):
                    raise ApiError(401, "Unauthorized")
                handler = self._methods.get(call.method.lower())
                if handler is None:
                    raise ApiError(404, "Not Found")
                result = await handler(call)
                body: dict[str, Any] = {"ok": True, "result": result}
                status = 200
            except ApiError as err:
                body = {"ok": False, "error_code": err.error_code, "description": err.description}
                if err.parameters:
                    body["parameters"] = err.parameters
                status = err.error_code
            call.status, call.response = status, body
            return web.json_response(body, status=status)
        finally:
            if not is_poll:
                self._inflight -= 1
                self._touch()

    def _take_fault(self, method: str) -> _Fault | None:
        for key in (method.lower(), "*"):
            queue = self._faults.get(key)
            if queue:
                return queue.popleft()
        return None

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None or not _TOKEN_RE.match(request.match_info["token"]):
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        return web.Response(body=stored.content, content_type=stored.mime_type or "application/octet-stream")

    # ------------------------------------------------------------------ internals: formatting & markup

    def _format(
        self,
        text: Any,
        parse_mode: Any,
        entities: Any,
        *,
        limit: int,
        empty_error: str | None,
        too_long_error: str,
    ) -> tuple[str, str, list[dict[str, Any]]]:
        raw = "" if text is None else str(text)
        mode = str(parse_mode).lower() if parse_mode else None
        if mode == "html":
            try:
                visible, ents = parse_html(raw)
            except HtmlParseError as err:
                raise _bad(f"can't parse entities: {err}") from None
        elif mode in ("markdown", "markdownv2"):
            # Markdown is not parsed by the fake (the project uses HTML); keep the text verbatim.
            visible, ents = raw.strip(), []
        elif mode is None:
            visible = raw.strip()
            ents = list(entities) if isinstance(entities, list) else []
        else:
            raise _bad("unsupported parse_mode")
        if not visible and empty_error:
            raise _bad(empty_error)
        if utf16_len(visible) > limit:
            raise _bad(too_long_error)
        return raw, visible, ents

    def _check_markup(self, markup: Any, chat: _Chat, *, inline_only: bool = False) -> dict[str, Any] | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise _bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
            for row in rows:
                for button in row:
                    self._check_inline_button(button, chat)
            return markup
        if inline_only:
            raise _bad("inline keyboard expected")
        if "keyboard" in markup:
            for row in markup["keyboard"]:
                for button in row:
                    spec = button if isinstance(button, dict) else {"text": button}
                    if not str(spec.get("text", "")):
                        raise _bad("keyboard button text is empty")  # wording approximated
                    if not chat.is_private and (spec.get("request_contact") or spec.get("request_location")):
                        # Telegram only lets private chats share contacts/locations through buttons.
                        raise _bad("BUTTON_TYPE_INVALID")
            return markup
        if markup.get("remove_keyboard") or markup.get("force_reply"):
            return markup
        raise _bad('can\'t find field "inline_keyboard"')

    @staticmethod
    def _check_inline_button(button: Any, chat: _Chat) -> None:
        if not isinstance(button, dict) or not button.get("text"):
            raise _bad(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
            )
        actions = [a for a in _INLINE_BUTTON_ACTIONS if a in button]
        if not actions:
            raise _bad(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
            )
        if "callback_data" in button:
            data = str(button["callback_data"])
            if not data or len(data.encode("utf-8")) > 64:
                raise _bad("BUTTON_DATA_INVALID")
        if "url" in button:
            url = str(button["url"])
            if not re.match(r"^(https?|tg)://\S+$", url):
                raise _bad(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
        if "web_app" in button and not chat.is_private:
            raise _bad("BUTTON_TYPE_INVALID")

    def _reply_to(self, call: Call, chat: _Chat) -> int | None:
        params = call.params
        reply = params.get("reply_parameters")
        mid: Any = None
        allow_missing = bool(params.get("allow_sending_without_reply"))
        if isinstance(reply, dict):
            mid = reply.get("message_id")
            allow_missing = allow_missing or bool(reply.get("allow_sending_without_reply"))
        elif params.get("reply_to_message_id") is not None:
            mid = params["reply_to_message_id"]
        if mid is None:
            return None
        mid = int(mid)
        exists = mid in chat.user_messages or (mid in chat.by_id and not chat.by_id[mid].deleted)
        if not exists:
            if allow_missing:
                return None
            raise _bad("message to be replied not found")
        return mid

    def _store(self, chat: _Chat, message: BotMessage) -> BotMessage:
        chat.bot_messages.append(message)
        chat.by_id[message.message_id] = message
        self._bump()
        return message

    def _new_bot_message(self, chat: _Chat, **fields: Any) -> BotMessage:
        return BotMessage(
            message_id=chat.new_message_id(),
            chat_id=chat.id,
            chat=chat.info,
            sender=self._bot_sender(),
            date=int(time.time()),
            **fields,
        )

    def _bot_sender(self) -> dict[str, Any]:
        return {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}

    def _message_json(self, message: BotMessage) -> dict[str, Any]:
        data = message.to_json()
        chat = self._chats[message.chat_id]
        if message.reply_to_message_id is not None:
            source = chat.user_messages.get(message.reply_to_message_id)
            if source is None and message.reply_to_message_id in chat.by_id:
                source = chat.by_id[message.reply_to_message_id].to_json()
            if source is not None:
                data["reply_to_message"] = source
        return data

    def _find_bot_message(self, call: Call, missing: str) -> tuple[_Chat, BotMessage]:
        if call.params.get("inline_message_id"):
            raise _bad(missing)
        chat = self._chat(call.params.get("chat_id"), sending=False)
        try:
            mid = int(call.params.get("message_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise _bad(missing) from None
        message = chat.by_id.get(mid)
        if message is None or message.deleted:
            if mid in chat.user_messages:
                raise _bad("message can't be edited")
            raise _bad(missing)
        return chat, message

    def _register_file(
        self, content: bytes, filename: str | None, mime: str | None, folder: str
    ) -> _StoredFile:
        n = next(self._file_ids)
        file_id = f"AgAD{folder[:3]}{n:06d}"
        suffix = f".{filename.rsplit('.', 1)[-1]}" if filename and "." in filename else ""
        stored = _StoredFile(file_id, content, filename, mime, f"{folder}/file_{n}{suffix}")
        self._files[file_id] = stored
        self._files_by_path[stored.path] = stored
        return stored

    def _input_file(self, call: Call, name: str, folder: str) -> _StoredFile:
        value = call.params.get(name)
        upload: UploadedFile | None = None
        if isinstance(value, str) and value.startswith("attach://"):
            upload = call.files.get(value[len("attach://") :])
        elif name in call.files:
            upload = call.files[name]
        if upload is not None:
            return self._register_file(upload.content, upload.filename, upload.content_type, folder)
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if isinstance(value, str) and re.match(r"^https?://", value):
            return self._register_file(b"", value.rsplit("/", 1)[-1], None, folder)
        raise _bad("wrong file identifier/HTTP URL specified")

    # ------------------------------------------------------------------ Bot API methods (``_m_<lowercase>``)

    async def _m_getme(self, call: Call) -> Any:
        return self.bot_user

    async def _m_logout(self, call: Call) -> Any:
        return True

    async def _m_close(self, call: Call) -> Any:
        return True

    async def _m_getupdates(self, call: Call) -> Any:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        params = call.params
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        if isinstance(params.get("allowed_updates"), list):
            allowed = params["allowed_updates"]
            self._allowed_updates = frozenset(allowed) if allowed else _DEFAULT_ALLOWED_UPDATES
        self._poll_generation += 1
        generation = self._poll_generation
        self._bump()  # wake an older long poll so it answers 409 now, not at its timeout
        self._confirm(offset)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event = self._event()
            if self._poll_generation != generation:
                raise ApiError(409, _DEFAULT_DESCRIPTIONS[409])
            batch = self._take_batch(limit)
            now = loop.time()
            if batch or self._closing or now >= deadline:
                if batch:
                    self._touch()
                return batch
            await _wait_event(event, deadline - now)

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            keep = [p for p in self._pending if not p.forced][offset:]
            self._pending = [p for p in self._pending if p.forced and not p.fetched] + keep
        elif offset > 0:
            self._pending = [
                p
                for p in self._pending
                if (p.forced and not p.fetched) or (not p.forced and p.update["update_id"] >= offset)
            ]

    def _update_allowed(self, update: dict[str, Any]) -> bool:
        kind = next((k for k in update if k != "update_id"), "")
        return kind in self._allowed_updates

    def _take_batch(self, limit: int) -> list[dict[str, Any]]:
        batch: list[dict[str, Any]] = []
        for pending in list(self._pending):
            if not self._update_allowed(pending.update):
                self._pending.remove(pending)
                self.discarded_updates.append(pending.update)
                continue
            if len(batch) < limit:
                pending.fetched = True
                batch.append(pending.update)
        return batch

    async def _m_setwebhook(self, call: Call) -> Any:
        params = call.params
        url = params.get("url")
        if not url:
            await self._delete_webhook(bool(params.get("drop_pending_updates")))
            return True
        if not re.match(r"^https?://", str(url)):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_RE.match(str(secret)):
            raise _bad("secret token contains unallowed characters")
        if isinstance(params.get("allowed_updates"), list):
            allowed = params["allowed_updates"]
            self._allowed_updates = frozenset(allowed) if allowed else _DEFAULT_ALLOWED_UPDATES
        if params.get("drop_pending_updates"):
            self._pending.clear()
        await self._stop_webhook_task()
        self.webhook_url = str(url)
        self.webhook_secret = None if secret is None else str(secret)
        # A new webhook ends any long poll, exactly like Telegram terminates getUpdates with a conflict.
        self._poll_generation += 1
        for pending in self._pending:
            pending.fetched = False
        self._webhook_task = asyncio.create_task(self._webhook_loop())
        self._bump()
        return True

    async def _m_deletewebhook(self, call: Call) -> Any:
        await self._delete_webhook(bool(call.params.get("drop_pending_updates")))
        return True

    async def _delete_webhook(self, drop_pending: bool) -> None:
        await self._stop_webhook_task()
        self.webhook_url = None
        self.webhook_secret = None
        if drop_pending:
            self._pending.clear()
        self._bump()

    async def _m_getwebhookinfo(self, call: Call) -> Any:
        info: dict[str, Any] = {
            "url": self.webhook_url or "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }
        if self.webhook_url:
            info["max_connections"] = 40
        failures = [d for d in self.webhook_deliveries if d.status is None or not 200 <= d.status < 300]
        if failures:
            info["last_error_date"] = int(time.time())
            info["last_error_message"] = (
                failures[-1].error or f"Wrong response from the webhook: {failures[-1].status}"
            )
        return info

    async def _m_sendmessage(self, call: Call) -> Any:
        params = call.params
        chat = self._chat(params.get("chat_id"))
        raw, visible, entities = self._format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            limit=4096,
            empty_error="message text is empty",
            too_long_error="message is too long",
        )
        markup = self._check_markup(params.get("reply_markup"), chat)
        reply_to = self._reply_to(call, chat)
        message = self._new_bot_message(
            chat,
            text=visible,
            html=raw,
            parse_mode=params.get("parse_mode"),
            entities=entities,
            reply_markup=markup,
            reply_to_message_id=reply_to,
        )
        return self._message_json(self._store(chat, message))

    async def _send_media(self, call: Call, kind: Literal["photo", "document"]) -> Any:
        params = call.params
        chat = self._chat(params.get("chat_id"))
        stored = self._input_file(call, kind, kind + "s")
        raw, visible, entities = self._format(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=1024,
            empty_error=None,
            too_long_error="message caption is too long",
        )
        markup = self._check_markup(params.get("reply_markup"), chat)
        message = self._new_bot_message(
            chat,
            kind=kind,
            text=visible,
            html=raw,
            parse_mode=params.get("parse_mode"),
            entities=entities,
            reply_markup=markup,
            reply_to_message_id=self._reply_to(call, chat),
            file_id=stored.file_id,
            filename=stored.filename,
            mime_type=stored.mime_type,
        )
        if kind == "photo":
            message.photo = stored.content
        else:
            message.document = stored.content
        return self._message_json(self._store(chat, message))

    async def _m_sendphoto(self, call: Call) -> Any:
        return await self._send_media(call, "photo")

    async def _m_senddocument(self, call: Call) -> Any:
        return await self._send_media(call, "document")

    async def _m_editmessagetext(self, call: Call) -> Any:
        params = call.params
        chat, message = self._find_bot_message(call, "message to edit not found")
        if message.kind != "text":
            raise _bad("there is no text in the message to edit")
        raw, visible, entities = self._format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            limit=4096,
            empty_error="message text is empty",
            too_long_error="MESSAGE_TOO_LONG",
        )
        # Like Telegram, an edit without reply_markup removes the inline keyboard.
        markup = self._check_markup(params.get("reply_markup"), chat, inline_only=True)
        self._apply_edit(message, raw, visible, entities, markup)
        message.parse_mode = params.get("parse_mode")
        return self._message_json(message)

    def _apply_edit(self, message: BotMessage, raw: Any, visible: Any, entities: Any, markup: Any) -> None:
        """Text or caption edit, as Telegram does it: refused when nothing changes, old text kept."""
        if (
            visible == message.text
            and entities == message.entities
            and markup == _inline_only(message.reply_markup)
        ):
            raise _bad(_NOT_MODIFIED)
        message.edits.append(message.text)
        message.text, message.html, message.entities, message.reply_markup = visible, raw, entities, markup
        message.edit_date = int(time.time())
        self._bump()

    async def _m_editmessagecaption(self, call: Call) -> Any:
        params = call.params
        chat, message = self._find_bot_message(call, "message to edit not found")
        if message.kind == "text":
            raise _bad("there is no caption in the message to edit")
        raw, visible, entities = self._format(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=1024,
            empty_error=None,
            too_long_error="message caption is too long",
        )
        markup = self._check_markup(params.get("reply_markup"), chat, inline_only=True)
        self._apply_edit(message, raw, visible, entities, markup)
        return self._message_json(message)

    async def _m_editmessagereplymarkup(self, call: Call) -> Any:
        chat, message = self._find_bot_message(call, "message to edit not found")
        markup = self._check_markup(call.params.get("reply_markup"), chat, inline_only=True)
        if markup == _inline_only(message.reply_markup):
            raise _bad(_NOT_MODIFIED)
        message.reply_markup = markup
        message.edit_date = int(time.time())
        self._bump()
        return self._message_json(message)

    async def _m_deletemessage(self, call: Call) -> Any:
        chat = self._chat(call.params.get("chat_id"), sending=False)
        self._delete(chat, call.params.get("message_id"))
        return True

    async def _m_deletemessages(self, call: Call) -> Any:
        chat = self._chat(call.params.get("chat_id"), sending=False)
        ids = call.params.get("message_ids") or []
        for mid in ids:
            with contextlib.suppress(ApiError):  # Telegram skips messages it cannot delete here
                self._delete(chat, mid)
        return True

    def _delete(self, chat: _Chat, mid: Any) -> None:
        try:
            key = int(mid)
        except (TypeError, ValueError):
            raise _bad("message to delete not found") from None
        if key in chat.user_messages:
            del chat.user_messages[key]
        elif key in chat.by_id and not chat.by_id[key].deleted:
            chat.by_id[key].deleted = True
        else:
            raise _bad("message to delete not found")
        self._bump()

    def _source_message(self, call: Call, missing: str) -> tuple[_Chat, dict[str, Any], BotMessage | None]:
        source_chat = self._chat(call.params.get("from_chat_id"), sending=False)
        try:
            mid = int(call.params.get("message_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise _bad(missing) from None
        if mid in source_chat.user_messages:
            return source_chat, source_chat.user_messages[mid], None
        bot_message = source_chat.by_id.get(mid)
        if bot_message is None or bot_message.deleted:
            raise _bad(missing)
        return source_chat, bot_message.to_json(), bot_message

    def _clone(self, target: _Chat, source: dict[str, Any], original: BotMessage | None) -> BotMessage:
        if original is not None:
            message = self._new_bot_message(
                target,
                kind=original.kind,
                text=original.text,
                html=original.html,
                entities=list(original.entities),
                document=original.document,
                photo=original.photo,
                filename=original.filename,
                mime_type=original.mime_type,
                file_id=original.file_id,
                extra=dict(original.extra),
            )
            return message
        kind: MessageKind = "text"
        extra: dict[str, Any] = {}
        text = source.get("text") or source.get("caption") or ""
        entities = source.get("entities") or source.get("caption_entities") or []
        stored: _StoredFile | None = None
        if "photo" in source:
            kind = "photo"
            stored = self._files.get(source["photo"][-1]["file_id"])
        elif "document" in source:
            kind = "document"
            stored = self._files.get(source["document"]["file_id"])
        elif "text" not in source:
            kind = "other"
            extra = {k: v for k, v in source.items() if k in ("contact", "location", "sticker", "voice")}
        message = self._new_bot_message(
            target, kind=kind, text=text, html=text, entities=list(entities), extra=extra
        )
        if stored is not None:
            message.file_id, message.filename, message.mime_type = (
                stored.file_id,
                stored.filename,
                stored.mime_type,
            )
            if kind == "photo":
                message.photo = stored.content
            else:
                message.document = stored.content
        return message

    async def _m_copymessage(self, call: Call) -> Any:
        target = self._chat(call.params.get("chat_id"))
        _, source, original = self._source_message(call, "message to copy not found")
        message = self._clone(target, source, original)
        if call.params.get("caption") is not None and message.kind != "text":
            raw, visible, entities = self._format(
                call.params.get("caption"),
                call.params.get("parse_mode"),
                call.params.get("caption_entities"),
                limit=1024,
                empty_error=None,
                too_long_error="message caption is too long",
            )
            message.text, message.html, message.entities = visible, raw, entities
        message.reply_markup = self._check_markup(call.params.get("reply_markup"), target)
        message.reply_to_message_id = self._reply_to(call, target)
        self._store(target, message)
        return {"message_id": message.message_id}

    async def _m_forwardmessage(self, call: Call) -> Any:
        target = self._chat(call.params.get("chat_id"))
        source_chat, source, original = self._source_message(call, "message to forward not found")
        message = self._clone(target, source, original)
        sender = source.get("from", self._bot_sender())
        message.forward_origin = {"type": "user", "sender_user": sender, "date": source.get("date", 0)}
        self._store(target, message)
        return self._message_json(message)

    async def _m_answercallbackquery(self, call: Call) -> Any:
        query = self._queries.get(str(call.params.get("callback_query_id")))
        if query is None or query.answered:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        text = call.params.get("text")
        if text is not None and len(str(text)) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        query.answered = True
        answer = CallbackAnswer(
            query_id=query.query_id,
            text=None if text is None else str(text),
            show_alert=bool(call.params.get("show_alert")),
            url=call.params.get("url"),
            cache_time=call.params.get("cache_time"),
        )
        self.callback_answers.append(answer)
        self._bump()
        return True

    async def _m_sendchataction(self, call: Call) -> Any:
        chat = self._chat(call.params.get("chat_id"))
        action = str(call.params.get("action"))
        if action not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        chat.actions.append(action)
        return True

    async def _m_setmycommands(self, call: Call) -> Any:
        commands = call.params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("can't parse commands JSON object")
        for command in commands:
            if not _COMMAND_RE.match(str(command.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")  # wording approximated
        self.commands[_commands_key(call)] = commands
        return True

    async def _m_getmycommands(self, call: Call) -> Any:
        return self.commands.get(_commands_key(call), [])

    async def _m_deletemycommands(self, call: Call) -> Any:
        self.commands.pop(_commands_key(call), None)
        return True

    async def _m_setmydescription(self, call: Call) -> Any:
        description = str(call.params.get("description") or "")
        if len(description) > 512:
            raise _bad("description is too long")  # wording approximated
        self.descriptions[str(call.params.get("language_code") or "")] = description
        return True

    async def _m_getmydescription(self, call: Call) -> Any:
        return {"description": self.descriptions.get(str(call.params.get("language_code") or ""), "")}

    async def _m_setmyshortdescription(self, call: Call) -> Any:
        description = str(call.params.get("short_description") or "")
        if len(description) > 120:
            raise _bad("short description is too long")  # wording approximated
        self.short_descriptions[str(call.params.get("language_code") or "")] = description
        return True

    async def _m_getmyshortdescription(self, call: Call) -> Any:
        lang = str(call.params.get("language_code") or "")
        return {"short_description": self.short_descriptions.get(lang, "")}

    async def _m_setchatmenubutton(self, call: Call) -> Any:
        return True

    async def _m_getchatmenubutton(self, call: Call) -> Any:
        return {"type": "commands"}

    async def _m_getchatmember(self, call: Call) -> Any:
        chat = self._chat(call.params.get("chat_id"), sending=False)
        user_id = int(call.params.get("user_id") or 0)
        if user_id == self.bot_user["id"]:
            return {"status": "member", "user": self._bot_sender()}
        if chat.is_private and user_id == chat.id:
            return {"status": "member", "user": self._users[user_id].info}
        group = self._groups.get(chat.id)
        if group is not None and user_id in group._members:
            return {"status": "member", "user": group._members[user_id].info}
        raise _bad("user not found")  # Telegram's answer for someone who never joined

    async def _m_pinchatmessage(self, call: Call) -> Any:
        chat = self._chat(call.params.get("chat_id"), sending=False)
        mid = int(call.params.get("message_id") or 0)
        if mid not in chat.by_id and mid not in chat.user_messages:
            raise _bad("message to pin not found")
        chat.pinned = mid
        return True

    async def _m_unpinchatmessage(self, call: Call) -> Any:
        self._chat(call.params.get("chat_id"), sending=False).pinned = None
        return True

    async def _m_leavechat(self, call: Call) -> Any:
        self._chat(call.params.get("chat_id"), sending=False)
        return True

    async def _m_getfile(self, call: Call) -> Any:
        stored = self._files.get(str(call.params.get("file_id")))
        if stored is None:
            raise _bad("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": f"u{stored.file_id}",
            "file_size": len(stored.content),
            "file_path": stored.path,
        }

    async def _m_getchat(self, call: Call) -> Any:
        chat = self._chat(call.params.get("chat_id"), sending=False)
        return {**chat.info, "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": {
            "unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
            "premium_subscription": False, "gifts_from_channels": False,
        }}  # fmt: skip

    # ------------------------------------------------------------------ webhook delivery

    async def _stop_webhook_task(self) -> None:
        task, self._webhook_task = self._webhook_task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._delivering = False

    async def _webhook_loop(self) -> None:
        """Push pending updates one at a time, in order, retrying failures like Telegram (bounded here)."""
        async with aiohttp.ClientSession() as session:
            while not self._closing and self.webhook_url:
                event = self._event()
                pending = next(iter(self._pending), None)
                if pending is None:
                    await event.wait()
                    continue
                if not self._update_allowed(pending.update):
                    self._pending.remove(pending)
                    self.discarded_updates.append(pending.update)
                    continue
                self._delivering = True
                try:
                    await self._deliver(session, pending.update)
                finally:
                    self._delivering = False
                    if pending in self._pending:
                        self._pending.remove(pending)
                    self._touch()

    async def _deliver(self, session: aiohttp.ClientSession, update: dict[str, Any]) -> None:
        headers = {"Content-Type": "application/json"}
        if self.webhook_secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook_secret
        url = self.webhook_url or ""
        for attempt in range(1, self.webhook_max_attempts + 1):
            record = WebhookDelivery(update_id=int(update["update_id"]), attempt=attempt, status=None)
            self.webhook_deliveries.append(record)
            try:
                timeout = aiohttp.ClientTimeout(total=self.webhook_timeout)
                async with session.post(
                    url, data=json.dumps(update), headers=headers, timeout=timeout
                ) as resp:
                    record.status = resp.status
                    if 200 <= resp.status < 300:
                        await self._run_webhook_reply(resp)
                        return
                    record.error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
            except (TimeoutError, aiohttp.ClientError) as err:
                record.error = f"Connection failed: {type(err).__name__}: {err}"
            self._bump()
            if attempt < self.webhook_max_attempts:
                await asyncio.sleep(self.webhook_retry_delay)

    async def _run_webhook_reply(self, resp: aiohttp.ClientResponse) -> None:
        """Execute a "reply into webhook" method (aiogram sends it as multipart with a ``method`` field)."""
        raw: dict[str, str] = {}
        files: dict[str, UploadedFile] = {}
        if resp.content_type.startswith("multipart/"):
            reader = aiohttp.MultipartReader.from_response(resp)
            async for part in reader:
                if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                    continue
                if part.filename:
                    files[part.name] = UploadedFile(part.filename, bytes(await part.read()))
                else:
                    raw[part.name] = await part.text()
        elif resp.content_type == "application/json":
            body = await resp.json()
            if isinstance(body, dict):
                raw = {k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}
        method = raw.pop("method", None)
        if method:
            call = Call(
                method=method,
                params=_decode_params(raw),
                token=self.token,
                files=files,
                via_webhook_reply=True,
            )
            await self._execute(call, None)

    # ------------------------------------------------------------------ used by FakeUser / FakeGroup

    def _user_message(self, chat: _Chat, sender: dict[str, Any], **content: Any) -> dict[str, Any]:
        message = {
            "message_id": chat.new_message_id(),
            "from": sender,
            "chat": chat.info,
            "date": int(time.time()),
            **content,
        }
        chat.user_messages[message["message_id"]] = message
        self._new_update("message", message)
        return message

    def _press(
        self,
        chat: _Chat,
        sender: dict[str, Any],
        button: str,
        message: BotMessage | None,
    ) -> str:
        target, data = _find_button(chat, button, message)
        query_id = str(next(self._query_ids))
        self._queries[query_id] = _Query(query_id, int(sender["id"]), chat.id)
        payload = {
            "id": query_id,
            "from": sender,
            "message": self._message_json(target),
            "chat_instance": str(abs(chat.id) * 7 + 3),
            "data": data,
        }
        self._new_update("callback_query", payload)
        return query_id

    def _my_chat_member(self, chat: _Chat, sender: dict[str, Any], *, old: str, new: str) -> None:
        bot = self._bot_sender()
        member_update = {
            "chat": chat.info,
            "from": sender,
            "date": int(time.time()),
            "old_chat_member": {"status": old, "user": bot, **({"until_date": 0} if old == "kicked" else {})},
            "new_chat_member": {"status": new, "user": bot, **({"until_date": 0} if new == "kicked" else {})},
        }
        self._new_update("my_chat_member", member_update)

    def _stored_user_file(
        self, content: bytes, filename: str | None, mime: str | None, folder: str
    ) -> _StoredFile:
        return self._register_file(content, filename, mime, folder)


def _inline_only(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    return markup if markup and "inline_keyboard" in markup else None


def _commands_key(call: Call) -> tuple[str, str]:
    scope = call.params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(call.params.get("language_code") or "")


def _decode_params(raw: dict[str, str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


async def _wait_event(event: asyncio.Event, timeout: float) -> None:  # noqa: ASYNC109
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(event.wait(), timeout)


def _find_button(chat: _Chat, button: str, message: BotMessage | None) -> tuple[BotMessage, str]:
    """Locate an inline callback button by text or callback_data; explain what exists when it is missing."""
    candidates: Iterable[BotMessage]
    if message is not None:
        if message.chat_id != chat.id:
            raise AssertionError(
                f"message #{message.message_id} belongs to chat {message.chat_id}, not {chat.id}"
            )
        current = chat.by_id.get(message.message_id, message)
        if current.deleted:
            raise AssertionError(f"cannot press {button!r}: message #{current.message_id} was deleted")
        candidates = [current]
    else:
        candidates = [m for m in reversed(chat.bot_messages) if not m.deleted]
    for candidate in candidates:
        for row in candidate.inline_keyboard:
            for b in row:
                if b.get("text") == button or b.get("callback_data") == button:
                    if "callback_data" not in b:
                        raise AssertionError(
                            f"button {button!r} has no callback_data (it is {b}); cannot press it"
                        )
                    return candidate, str(b["callback_data"])
    available = {m.message_id: m.buttons for m in chat.bot_messages if m.buttons and not m.deleted}
    where = f"message #{message.message_id}" if message is not None else f"chat {chat.id}"
    raise AssertionError(
        f"no inline button {button!r} in {where}. Inline buttons by message id: {available or 'none'}"
    )


def _command_entities(text: str) -> list[dict[str, Any]]:
    if not text.startswith("/"):
        return []
    command = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]


class _ChatView:
    """What a person sees in one chat: shared by FakeUser and FakeGroup."""

    def __init__(self, tg: FakeTelegram, chat: _Chat) -> None:
        self._tg = tg
        self._chat_state = chat

    @property
    def chat_id(self) -> int:
        return self._chat_state.id

    @property
    def messages(self) -> list[BotMessage]:
        """All bot messages in this chat, in order (deleted ones included, flagged)."""
        return list(self._chat_state.bot_messages)

    @property
    def last(self) -> BotMessage:
        if not self._chat_state.bot_messages:
            raise AssertionError(f"the bot has not sent anything to chat {self.chat_id}")
        return self._chat_state.bot_messages[-1]

    @property
    def unread(self) -> list[BotMessage]:
        """Bot messages not yet returned by wait_messages."""
        return self._chat_state.bot_messages[self._chat_state.read_cursor :]

    @property
    def chat_actions(self) -> list[str]:
        return list(self._chat_state.actions)

    @property
    def received_documents(self) -> list[BotMessage]:
        return [m for m in self._chat_state.bot_messages if m.kind == "document"]

    @property
    def received_photos(self) -> list[BotMessage]:
        return [m for m in self._chat_state.bot_messages if m.kind == "photo"]

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        mine = {q.query_id for q in self._tg._queries.values() if self._owns_query(q)}
        return [a for a in self._tg.callback_answers if a.query_id in mine]

    def _owns_query(self, query: _Query) -> bool:
        return query.chat_id == self.chat_id

    async def wait_messages(self, count: int = 1, timeout: float = 5.0) -> list[BotMessage]:  # noqa: ASYNC109
        """Wait for ``count`` new bot messages since the previous wait (edits don't count) and return them."""
        chat = self._chat_state
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event = self._tg._event()
            available = len(chat.bot_messages) - chat.read_cursor
            if available >= count:
                start = chat.read_cursor
                chat.read_cursor += count
                return chat.bot_messages[start : start + count]
            now = loop.time()
            if now >= deadline:
                raise AssertionError(self._timeout_report(count, available, timeout))
            await _wait_event(event, deadline - now)

    async def assert_silent(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the fake is idle, then fail if the bot sent anything wait_messages has not returned."""
        await self._tg.wait_idle(timeout)
        if self.unread:
            unread = "\n".join(f"  {m}" for m in self.unread)
            raise AssertionError(f"expected no new bot messages in chat {self.chat_id}, got:\n{unread}")

    async def wait_message(self, timeout: float = 5.0) -> BotMessage:  # noqa: ASYNC109
        return (await self.wait_messages(1, timeout))[0]

    async def wait_answer(self, query_id: str, timeout: float = 5.0) -> CallbackAnswer:  # noqa: ASYNC109
        """Wait until the bot answered the given callback query."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event = self._tg._event()
            for answer in self._tg.callback_answers:
                if answer.query_id == query_id:
                    return answer
            now = loop.time()
            if now >= deadline:
                raise AssertionError(
                    f"callback query {query_id} in chat {self.chat_id} was not answered within {timeout}s "
                    "(the client would show a spinner); "
                    f"last calls: {[c.method for c in self._tg.requests[-8:]]}"
                )
            await _wait_event(event, deadline - now)

    def _timeout_report(self, count: int, available: int, timeout: float) -> str:
        chat = self._chat_state
        lines = [
            f"expected {count} new bot message(s) in chat {self.chat_id} within {timeout}s, got {available}.",
            "New (unread) messages:" if available else "No new messages.",
        ]
        lines += [f"  {m}" for m in chat.bot_messages[chat.read_cursor :]]
        earlier = chat.bot_messages[: chat.read_cursor][-5:]
        if earlier:
            lines.append("Earlier messages:")
            lines += [f"  {m}" for m in earlier]
        failed = [c for c in self._tg.requests if c.status is not None and c.status != 200][-5:]
        if failed:
            lines.append("Failed bot API calls:")
            lines += [f"  {c.method} -> {c.status} {c.description}" for c in failed]
        unfetched = [p.update["update_id"] for p in self._tg._pending if not p.fetched]
        if unfetched:
            lines.append(f"Updates the bot has not fetched yet: {unfetched} (is the bot polling?)")
        return "\n".join(lines)


class FakeUser(_ChatView):
    """A Telegram user in a private chat with the bot (chat id == user id)."""

    def __init__(self, tg: FakeTelegram, info: dict[str, Any], chat: _Chat) -> None:
        super().__init__(tg, chat)
        self.info = info

    @property
    def id(self) -> int:
        return int(self.info["id"])

    @property
    def reply_keyboard(self) -> list[str]:
        """Texts of the reply keyboard currently shown (latest keyboard / remove wins)."""
        chat = self._chat_state
        for message in reversed(chat.bot_messages):
            if message.deleted:
                continue
            if message.removes_keyboard:
                return []
            if message.reply_keyboard:
                # A one-time keyboard hides once the user has sent anything after it, like the apps do.
                assert message.reply_markup is not None
                if message.reply_markup.get("one_time_keyboard") and any(
                    mid > message.message_id for mid in chat.user_messages
                ):
                    return []
                return message.reply_buttons
        return []

    def block(self) -> None:
        """The user blocks the bot: sends fail with 403 and a my_chat_member update (kicked) arrives."""
        self._chat_state.blocked = True
        self._tg._my_chat_member(self._chat_state, self.info, old="member", new="kicked")

    def unblock(self) -> None:
        """The user restarts the bot after blocking it (my_chat_member: kicked → member)."""
        self._chat_state.blocked = False
        self._tg._my_chat_member(self._chat_state, self.info, old="kicked", new="member")

    async def edit(self, message_id: int, text: str) -> None:
        """The user edits one of their messages (an ``edited_message`` update)."""
        original = self._chat_state.user_messages.get(message_id)
        if original is None or "text" not in original:
            raise AssertionError(f"user has no text message #{message_id} in chat {self.chat_id}")
        original.update(text=text, edit_date=int(time.time()))
        original.pop("entities", None)
        if entities := _command_entities(text):
            original["entities"] = entities
        self._tg._new_update("edited_message", dict(original))

    async def send(self, text: str, *, reply_to: BotMessage | int | None = None) -> int:
        content: dict[str, Any] = {"text": text}
        entities = _command_entities(text)
        if entities:
            content["entities"] = entities
        self._add_reply(content, reply_to)
        return self._tg._user_message(self._chat_state, self.info, **content)["message_id"]

    async def tap(self, text: str) -> int:
        """Press a reply-keyboard button (sends its text); fails if no such button is shown."""
        if text not in self.reply_keyboard:
            raise AssertionError(f"no reply keyboard button {text!r}; shown: {self.reply_keyboard}")
        return await self.send(text)

    async def press(self, button: str, message: BotMessage | None = None) -> str:
        return self._tg._press(self._chat_state, self.info, button, message)

    async def share_contact(self, phone_number: str | None = None, *, own: bool = True) -> int:
        contact: dict[str, Any] = {
            "phone_number": phone_number or "+15555550123",
            "first_name": self.info["first_name"] if own else "Someone",
        }
        if own:
            contact["user_id"] = self.id
            if "last_name" in self.info:
                contact["last_name"] = self.info["last_name"]
        return self._tg._user_message(self._chat_state, self.info, contact=contact)["message_id"]

    async def send_sticker(self, emoji: str = "👍") -> int:
        sticker = {
            "file_id": "CAACAgIAAxkBAAEfakesticker", "file_unique_id": "AgADfakesticker", "type": "regular",
            "width": 512, "height": 512, "is_animated": False, "is_video": False, "emoji": emoji,
        }  # fmt: skip
        return self._tg._user_message(self._chat_state, self.info, sticker=sticker)["message_id"]

    async def send_photo(self, content: bytes = b"\x89PNG fake", caption: str | None = None) -> int:
        stored = self._tg._stored_user_file(content, "photo.jpg", "image/jpeg", "photos")
        body: dict[str, Any] = {"photo": _photo_sizes(stored.file_id, len(content))}
        if caption:
            body["caption"] = caption
        return self._tg._user_message(self._chat_state, self.info, **body)["message_id"]

    async def send_voice(self, content: bytes = b"OggS fake", duration: int = 3) -> int:
        stored = self._tg._stored_user_file(content, None, "audio/ogg", "voice")
        voice = {
            "file_id": stored.file_id, "file_unique_id": f"u{stored.file_id}", "duration": duration,
            "mime_type": "audio/ogg", "file_size": len(content),
        }  # fmt: skip
        return self._tg._user_message(self._chat_state, self.info, voice=voice)["message_id"]

    async def send_document(
        self,
        content: bytes = b"%PDF-1.4 fake",
        filename: str = "notice.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
    ) -> int:
        stored = self._tg._stored_user_file(content, filename, mime_type, "documents")
        document = {
            "file_id": stored.file_id, "file_unique_id": f"u{stored.file_id}", "file_name": filename,
            "mime_type": mime_type, "file_size": len(content),
        }  # fmt: skip
        body: dict[str, Any] = {"document": document}
        if caption:
            body["caption"] = caption
        return self._tg._user_message(self._chat_state, self.info, **body)["message_id"]

    async def send_location(self, latitude: float = 38.8977, longitude: float = -77.0365) -> int:
        location = {"latitude": latitude, "longitude": longitude}
        return self._tg._user_message(self._chat_state, self.info, location=location)["message_id"]

    def _add_reply(self, content: dict[str, Any], reply_to: BotMessage | int | None) -> None:
        if reply_to is None:
            return
        mid = reply_to.message_id if isinstance(reply_to, BotMessage) else reply_to
        source = self._chat_state.by_id.get(mid)
        if source is not None:
            content["reply_to_message"] = source.to_json()
        elif mid in self._chat_state.user_messages:
            content["reply_to_message"] = self._chat_state.user_messages[mid]
        else:
            raise AssertionError(f"cannot reply to unknown message #{mid} in chat {self.chat_id}")


class FakeGroup(_ChatView):
    """A supergroup with the bot in it (e.g. the staff chat). Staff act through ``member(...)``."""

    def __init__(self, tg: FakeTelegram, chat: _Chat) -> None:
        super().__init__(tg, chat)
        self._members: dict[int, FakeStaff] = {}

    @property
    def title(self) -> str:
        return str(self._chat_state.info.get("title", ""))

    def member(self, user_id: int, first_name: str = "Staff", username: str | None = None) -> FakeStaff:
        if user_id not in self._members:
            info: dict[str, Any] = {
                "id": user_id,
                "is_bot": False,
                "first_name": first_name,
                "language_code": "en",
            }
            if username:
                info["username"] = username
            self._members[user_id] = FakeStaff(self, info)
        return self._members[user_id]


class FakeStaff:
    """A member of a FakeGroup who can post, reply to bot messages and press inline buttons."""

    def __init__(self, group: FakeGroup, info: dict[str, Any]) -> None:
        self.group = group
        self.info = info

    @property
    def id(self) -> int:
        return int(self.info["id"])

    async def send(self, text: str, reply_to: BotMessage | int | None = None) -> int:
        tg, chat = self.group._tg, self.group._chat_state
        content: dict[str, Any] = {"text": text}
        entities = _command_entities(text)
        if entities:
            content["entities"] = entities
        if reply_to is not None:
            mid = reply_to.message_id if isinstance(reply_to, BotMessage) else reply_to
            if mid in chat.by_id:
                content["reply_to_message"] = tg._message_json(chat.by_id[mid])
            elif mid in chat.user_messages:
                content["reply_to_message"] = chat.user_messages[mid]
            else:
                raise AssertionError(f"cannot reply to unknown message #{mid} in group {chat.id}")
        return tg._user_message(chat, self.info, **content)["message_id"]

    async def press(self, button: str, message: BotMessage | None = None) -> str:
        return self.group._tg._press(self.group._chat_state, self.info, button, message)

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        tg = self.group._tg
        mine = {q.query_id for q in tg._queries.values() if q.user_id == self.id}
        return [a for a in tg.callback_answers if a.query_id in mine]
