"""The per-update conversation runner: one update in, one transaction, then the replies.

Routers only translate a Telegram update into an :class:`Incoming`; everything
that decides what happens lives here, so the same path serves polling, webhooks
and tests. For each update:

1. take the in-process lock for the chat (two quick taps never interleave);
2. hold the chat across processes (a session-level advisory lock on
   PostgreSQL, bot/locks.py, whose connection the step runs on, and whose
   round trip also reads the conversation row; on SQLite the transaction's
   BEGIN IMMEDIATE) and, in ONE transaction: record the update_id (a
   redelivered update writes and sends nothing), load or create the
   conversation, run the flow engine, store snapshot, events and assessment.
   On PostgreSQL the claim, the row's UPDATE and the events go out together at
   the end as one statement (bot/db/steps.py), so a redelivery is found there;
3. commit, then answer the button press, mark the chosen answer and send the
   messages — nothing reaches the person for a step that was not stored;
4. run the hooks (``after_update`` for every update, ``after_result`` when a
   plan was just shown), which later features use for leads, CRM and metrics.

The conversation row travels as a plain :class:`repo.ConversationRow`, not as an
ORM object; the step's own statements go through bot/db/steps.py (straight on
asyncpg on PostgreSQL, on sqlite3 directly on SQLite, SQLAlchemy Core otherwise;
the profile's reasons are in that module).
A StaleDataError (another process changed the row between our read and write,
which the locks should make impossible) retries the step once from a fresh read.
"""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import json
import logging
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol, cast

import asyncpg
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from bot import attribution, render, variants
from bot.config import Settings
from bot.db import repo, sqlite_onehop
from bot.db.models import STATUS_ACTIVE, STATUS_CANCELLED, STATUS_FINISHED
from bot.db.repo import ConversationRow
from bot.db.steps import (
    AsyncpgStatements,
    FirstRead,
    LazySession,
    SessionStatements,
    SqliteStatements,
    StepStatements,
    load_row,
)
from bot.locks import KeyedLocks, PostgresChatLock, asyncpg_of, chat_lock_for
from bot.render import Outgoing
from bot.session_retry import results_unread
from flows.catalogue import normalize_lang
from flows.types import Event, InputKind, OutMessage, Snapshot, StepResult, UserInput

logger = logging.getLogger(__name__)

DEEP_LINK_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class FlowEngine(Protocol):
    """What the service needs from flows/engine.py (a module satisfies it)."""

    def start(self, lang: str) -> StepResult: ...

    def handle(self, snapshot: Snapshot, user_input: UserInput, today: date) -> StepResult: ...

    def current_prompt(self, snapshot: Snapshot) -> list[OutMessage]: ...


def load_flow_engine() -> FlowEngine:
    # Imported lazily so the transport can be built and tested before/without the real engine.
    module: Any = importlib.import_module("flows.engine")
    return module  # type: ignore[no-any-return]


class Action(StrEnum):
    START = "start"  # /start [payload]
    INPUT = "input"  # typed text, a button, or /back /restart (user_input says which)
    HELP = "help"
    CANCEL = "cancel"
    UNSUPPORTED = "unsupported"  # sticker, photo, voice, document, location, ...
    CONTACT = "contact"  # a contact shared through the request_contact button


@dataclass(frozen=True)
class CallbackRef:
    """The button press behind an update, so it can be answered and its keyboard marked after commit."""

    query_id: str
    data: str
    message_id: int | None = None
    markup: InlineKeyboardMarkup | None = None


@dataclass(frozen=True)
class Incoming:
    update_id: int
    chat_id: int
    user_id: int | None
    language_code: str | None
    action: Action
    user_input: UserInput | None = None
    payload: str | None = None  # deep-link payload of /start, unvalidated
    phone: str | None = None  # CONTACT: the person's own number; None when they shared someone else's
    callback: CallbackRef | None = None
    message_id: int | None = None  # the person's message (to copy it to the staff chat during a handoff)
    first_name: str | None = None  # Telegram first name (suggested as the name for a call-back)


@dataclass
class Outcome:
    """What one update did; handed to the hooks after the replies went out."""

    incoming: Incoming
    duplicate: bool = False
    conversation_id: int | None = None
    lang: str = "en"
    source: str | None = None
    status: str | None = None
    messages: list[Outgoing] = field(default_factory=list)
    callback_text: str | None = None
    mark_chosen: bool = False
    result: StepResult | None = None
    finished: bool = False  # a plan was shown in this update
    assessment_id: int | None = None
    event_kinds: list[str] = field(default_factory=list)  # the events committed, in order
    # Data a step hook leaves for its after-commit hook (e.g. leads: a card to post, a message to relay).
    extras: dict[str, Any] = field(default_factory=dict)


OutcomeHook = Callable[[Bot, Outcome], Awaitable[None]]


@dataclass
class WebhookReply:
    """Webhook mode: a Bot API call that rides on the HTTP response to Telegram ("reply into webhook").

    Only the answer to a button press goes this way: Telegram runs it once we answer the request,
    which saves one HTTPS call per press, and its result (which nobody needs) is never known. The
    messages themselves are always sent as calls, so a failure to send them is seen and logged.
    """

    callback_query_id: str | None = None
    text: str | None = None

    def body(self) -> dict[str, Any]:
        if self.callback_query_id is None:
            return {}
        body: dict[str, Any] = {"method": "answerCallbackQuery", "callback_query_id": self.callback_query_id}
        if self.text is not None:
            body["text"] = self.text
        return body


# Set by the webhook handler around one update; None (polling, tests feeding updates) = call directly.
webhook_reply: ContextVar[WebhookReply | None] = ContextVar("webhook_reply", default=None)


class StepHook(Protocol):
    """Runs INSIDE the step's transaction and per-chat lock (unlike OutcomeHook, which runs after).

    ``intercept`` sees the update before the screening does and may take it (return True):
    lead capture after the result, and the pause while a staff member has the person
    (bot/leads/capture.py). ``after_step`` runs after the screening handled it, e.g. to add
    the consent question right after a result.
    """

    async def intercept(self, step: _Step) -> bool: ...

    async def after_step(self, step: _Step) -> None: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def to_jsonable(value: Any) -> Any:
    """Plain JSON for the database: pydantic models, dataclasses, Decimals and dates included."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    return json.loads(json.dumps(value, default=str))


def valid_payload(payload: str | None) -> str | None:
    """A deep-link payload Telegram allows (A-Z a-z 0-9 _ -, up to 64), else None: never an error."""
    if payload and DEEP_LINK_RE.fullmatch(payload.strip()):
        return payload.strip()
    return None


async def answer_button(bot: Bot, query_id: str, text_: str | None = None) -> None:
    """Stop the button's spinner (with a short notice, if any): on the webhook response when there is one."""
    reply = webhook_reply.get()
    if reply is not None and reply.callback_query_id is None:
        reply.callback_query_id, reply.text = query_id, text_
        return
    try:
        await bot.answer_callback_query(query_id, text=text_)
    except TelegramAPIError as error:  # query too old (e.g. a redelivered update)
        logger.info("answerCallbackQuery failed: %s", type(error).__name__)


# Errors of the asyncpg step path that mean "the database connection is gone or the server is going
# away", not "this update is bad": the connection class (SQLSTATE 08), operator intervention (57,
# e.g. a server shutdown) and asyncpg's own interface errors (a closed connection).
TRANSIENT_ASYNCPG_ERRORS: tuple[type[BaseException], ...] = (
    asyncpg.InterfaceError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
)


class ConversationService:
    """Runs one update end to end. One instance per running bot, injected into handlers as ``service``."""

    def __init__(
        self,
        settings: Settings,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        flow: FlowEngine | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.settings = settings
        self.session_factory = session_factory
        self.flow: FlowEngine = flow if flow is not None else load_flow_engine()
        self.clock = clock
        self.locks = KeyedLocks()
        # Across worker processes (PostgreSQL): held until the replies are sent, see bot/locks.py.
        self.chat_lock = chat_lock_for(session_factory)
        bind = session_factory.kw.get("bind")
        is_sqlite = isinstance(bind, AsyncEngine) and bind.dialect.name == "sqlite"
        self._sqlite_engine = bind if is_sqlite else None
        # A/B assignment draws from this; tests replace it with a seeded Random.
        self.variant_rng = random.Random()
        # Hooks run after the replies were sent, outside the transaction; a failing hook is logged only.
        # Signature: async hook(bot, outcome). Leads/CRM use after_result, metrics after_update.
        self.after_update: list[OutcomeHook] = []
        self.after_result: list[OutcomeHook] = []
        self.step_hooks: list[StepHook] = []
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    # ------------------------------------------------------------------ entry point

    async def handle(self, bot: Bot, incoming: Incoming) -> Outcome:
        self._in_flight += 1
        self._idle.clear()
        try:
            async with self.locks.hold(incoming.chat_id), self._hold_chat(incoming) as (conn, first_read):
                try:
                    outcome = await self._run_step(incoming, conn, first_read=first_read)
                except Exception:
                    # The spinner must stop even when the step failed; the error router apologises.
                    await self._answer_callback(bot, incoming, None)
                    raise
                await self.deliver(bot, outcome)
            await self._run_hooks(bot, outcome)
            return outcome
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    @asynccontextmanager
    async def _hold_chat(self, incoming: Incoming) -> AsyncIterator[tuple[AsyncConnection | None, FirstRead]]:
        """The chat lock. On PostgreSQL its round trip also reads the chat's conversation row, which
        is yielded (None: the chat has none); False means nothing was read with the lock."""
        if isinstance(self.chat_lock, PostgresChatLock):
            async with self.chat_lock.hold_reading(incoming.chat_id) as (conn, record):
                yield conn, (load_row(record) if record is not None else None)
            return
        async with self.chat_lock.hold(incoming.chat_id) as maybe_conn:
            yield maybe_conn, False

    def session_on(self, conn: AsyncConnection | None) -> AsyncSession:
        """A session on the connection that holds the chat lock (PostgreSQL), else a pooled one."""
        return self.session_factory(bind=conn) if conn is not None else self.session_factory()

    async def drain(self, wait_s: float = 10.0) -> None:
        """Wait for updates in progress, so shutdown does not cut a step between commit and send."""
        try:
            await asyncio.wait_for(self._idle.wait(), wait_s)
        except TimeoutError:
            logger.warning("shutdown with %d update(s) still in progress", self._in_flight)

    async def _run_step(
        self,
        incoming: Incoming,
        conn: AsyncConnection | None = None,
        *,
        first_read: FirstRead = False,
    ) -> Outcome:
        """One attempt, and one more from a fresh read if the row changed underneath (StaleDataError).

        On PostgreSQL the step runs on the connection that holds the chat lock (one connection per
        update); ``first_read`` is the row read with the lock (the first attempt only: a retry reads
        afresh).
        """
        for attempt in (1, 2):
            try:
                if conn is not None:
                    return await self._run_step_on_asyncpg(incoming, conn, first_read)
                if self._sqlite_engine is not None:
                    return await self._run_step_on_sqlite(incoming, self._sqlite_engine)
                async with self.session_factory() as session, session.begin():
                    return await self._step(session, SessionStatements(session), incoming)
            except StaleDataError:
                if attempt == 2:
                    raise
                first_read = False
                logger.warning("conversation row changed underneath update %s; retrying", incoming.update_id)
        raise AssertionError("unreachable")

    async def _run_step_on_asyncpg(
        self,
        incoming: Incoming,
        conn: AsyncConnection,
        first_read: FirstRead = False,
    ) -> Outcome:
        """PostgreSQL: the step's own statements run on asyncpg directly and its writes go out at the
        end as one statement (bot/db/steps.py says why). The SQLAlchemy session for everything else is
        bound to the same connection in AUTOCOMMIT mode, which for asyncpg means SQLAlchemy opens no
        transaction of its own: before its first statement the step opens one (``sql.begin``), and
        the session's statements, the step's writes and the COMMIT all run in it."""
        driver = asyncpg_of(conn)
        # SQLAlchemy's asyncpg adapter in autocommit mode opens no transaction of its own; set on the
        # adapter (client-side, no greenlet switch as execution_options would cost) for this step only.
        adapter: Any = conn.sync_connection.connection.dbapi_connection  # type: ignore[union-attr]
        adapter.autocommit = True
        sql = AsyncpgStatements(driver, first_read=first_read)
        lazy = LazySession(self.session_factory, conn, before_sql=sql.begin)
        try:
            try:
                outcome = await self._step(cast(AsyncSession, lazy), sql, incoming)
                await lazy.finish(commit=True)  # flushes what it holds; sql.commit below is the real one
                await sql.commit()
            except BaseException:
                await lazy.finish(commit=False)
                await sql.rollback()
                raise
        except TRANSIENT_ASYNCPG_ERRORS as error:
            # Through SQLAlchemy a lost connection surfaced as its InterfaceError/OperationalError, which
            # the webhook answers with 503 so Telegram delivers the update again. Same here.
            raise OperationalError("asyncpg step", None, error) from error
        finally:
            adapter.autocommit = False  # back to the engine's isolation level
        if sql.duplicate:
            # The claim travels with the step's writes (bot_save_step), so a redelivery is seen here,
            # after the step was worked out again; nothing of it was written, and nothing is sent.
            logger.info("update %s already processed; skipped", incoming.update_id)
            return Outcome(incoming=incoming, duplicate=True)
        return outcome

    async def _run_step_on_sqlite(self, incoming: Incoming, engine: AsyncEngine) -> Outcome:
        """SQLite: the step's statements go to sqlite3's thread in two hand-offs (bot/db/steps.py says
        why). A session, if the step needs one, is bound to the same connection and joins the
        transaction; its commit is then the step's commit."""
        async with engine.connect() as conn:
            adapted = (await conn.get_raw_connection()).dbapi_connection
            if not sqlite_onehop.adopted(adapted):  # an aiosqlite this does not know: the stock path
                async with self.session_factory(bind=conn) as session, session.begin():
                    return await self._step(session, SessionStatements(session), incoming)
            sql = SqliteStatements(adapted)
            lazy = LazySession(self.session_factory, conn)
            try:
                outcome = await self._step(cast(AsyncSession, lazy), sql, incoming)
                if lazy.used:
                    await sql.send(commit=False)
                    await lazy.finish(commit=True)
                else:
                    await sql.send(commit=True)
            except BaseException:
                await lazy.finish(commit=False)
                await sql.rollback()
                raise
            return outcome

    # ------------------------------------------------------------------ the transaction

    async def _step(self, session: AsyncSession, sql: StepStatements, incoming: Incoming) -> Outcome:
        now = self.clock()
        if not await sql.claim_update(incoming.update_id, incoming.chat_id, now):
            logger.info("update %s already processed; skipped", incoming.update_id)
            return Outcome(incoming=incoming, duplicate=True)
        conv = await sql.get_conversation_for_update(incoming.chat_id)
        step = _Step(self, session, sql, incoming, conv, now)
        await step.run()
        return await step.finish()

    # ------------------------------------------------------------------ after commit

    async def deliver(self, bot: Bot, outcome: Outcome) -> None:
        incoming = outcome.incoming
        await self._answer_callback(bot, incoming, outcome.callback_text)
        if outcome.duplicate:
            return
        with results_unread():  # the sent Message objects are never read: skip building them
            await self._send_replies(bot, outcome)

    async def _send_replies(self, bot: Bot, outcome: Outcome) -> None:
        incoming = outcome.incoming
        cb = incoming.callback
        if cb is not None and outcome.mark_chosen and cb.message_id is not None:
            try:
                await bot.edit_message_reply_markup(
                    chat_id=incoming.chat_id,
                    message_id=cb.message_id,
                    reply_markup=render.chosen_markup(cb.markup, cb.data),
                )
            except TelegramBadRequest as error:  # message too old, or already edited
                logger.info("could not mark the chosen answer: %s", error.message)
        for message in outcome.messages:
            try:
                await bot.send_message(incoming.chat_id, message.text, reply_markup=message.reply_markup)
            except TelegramAPIError as error:
                # Committed already; the person can recover with /help. Do not send the rest out of order.
                logger.error("sending to chat %s failed: %s", incoming.chat_id, type(error).__name__)
                break

    async def _answer_callback(self, bot: Bot, incoming: Incoming, text_: str | None) -> None:
        if incoming.callback is not None:
            await answer_button(bot, incoming.callback.query_id, text_)

    async def _run_hooks(self, bot: Bot, outcome: Outcome) -> None:
        # after_update sees every update, duplicates included (outcome.duplicate), so a counter or a
        # test can tell "skipped" from "not processed yet"; after_result only fires for a new plan.
        hooks = list(self.after_update)
        if outcome.finished and not outcome.duplicate:
            hooks += self.after_result
        for hook in hooks:
            try:
                await hook(bot, outcome)
            except Exception:
                logger.exception("after-update hook %r failed", hook)

    # ------------------------------------------------------------------ overridable pieces

    def variant_book(self) -> variants.VariantBook:
        return variants.load_or_empty(self.settings.variants_file or None)

    def greeting(self, lang: str, conv: ConversationRow | None = None) -> Outgoing:
        """The conversation's intro variant (bot/variants.toml), else the catalogue greeting."""
        if conv is not None:
            book, firm = self.variant_book(), self.settings.firm_name
            text_ = variants.render_text(book, "intro", conv.variant_intro, lang, conv.source_last, firm)
            if text_ is not None:
                return Outgoing(text=text_)
        return Outgoing(text=render.text("bot.greeting", lang, firm=self.settings.firm_name))

    def cta_variant(self, lang: str, conv: ConversationRow) -> list[Outgoing]:
        """The A/B lead-in shown right before the call to action (whoever renders the latter)."""
        text_ = variants.render_text(
            self.variant_book(), "cta", conv.variant_cta, lang, conv.source_last, self.settings.firm_name
        )
        return [Outgoing(text=text_, kind="cta")] if text_ is not None else []

    def call_to_action(self, lang: str, step: int) -> list[Outgoing]:
        """Shown right after the plan.

        No phone request here: a number is only taken after consent, which bot/leads/capture.py
        asks for right after this message (StepHook.after_step).
        """
        s = self.settings
        rows: list[list[InlineKeyboardButton]] = []
        if s.firm_booking_url:
            rows.append([InlineKeyboardButton(text=render.t("bot.btn_book", lang), url=s.firm_booking_url)])
            key = "bot.cta"
        else:
            key = "bot.cta_no_booking"
        rows.append([render.command_button(render.t("bot.btn_start_over", lang), "restart", step)])
        return [
            Outgoing(
                text=render.text(key, lang, firm=s.firm_name, phone=s.firm_phone),
                reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
                kind="cta",
            ),
        ]

    def resume_offer(self, lang: str, step: int) -> Outgoing:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    render.command_button(render.t("bot.btn_continue", lang), "continue", step),
                    render.command_button(render.t("bot.btn_start_over", lang), "restart", step),
                ]
            ]
        )
        return Outgoing(text=render.text("bot.resume_offer", lang), reply_markup=markup, kind="resume")


class _Step:
    """The decisions for one update inside the transaction; collects what to store and send."""

    def __init__(
        self,
        service: ConversationService,
        session: AsyncSession,
        sql: StepStatements,
        incoming: Incoming,
        conv: ConversationRow | None,
        now: datetime,
    ) -> None:
        self.service = service
        self.flow = service.flow
        self.session = session
        self.sql = sql  # the conversation row, the claim and the events (bot/db/steps.py)
        self.incoming = incoming
        self.conv = conv
        self.now = now
        self.lang = conv.lang if conv is not None else normalize_lang(incoming.language_code)
        self.out = Outcome(incoming=incoming, lang=self.lang)
        self.events: list[tuple[str, str | None, dict[str, Any]]] = []
        self.snapshot: Snapshot | None = Snapshot.model_validate(conv.snapshot) if conv is not None else None

    # -------------------------------------------------------------- dispatch

    async def run(self) -> None:
        for hook in self.service.step_hooks:
            if await hook.intercept(self):
                return
        await self.dispatch()
        for hook in self.service.step_hooks:
            await hook.after_step(self)

    async def dispatch(self) -> None:
        action = self.incoming.action
        if action is Action.START:
            await self.on_start()
        elif action is Action.INPUT:
            await self.on_input()
        elif action is Action.HELP:
            await self.on_help()
        elif action is Action.CANCEL:
            self.on_cancel()
        elif action is Action.UNSUPPORTED:
            await self.on_unsupported()
        elif action is Action.CONTACT:
            await self.on_contact()

    async def finish(self) -> Outcome:
        conv = self.conv
        if conv is not None:
            if self.snapshot is not None:
                conv.snapshot = self.snapshot.model_dump(mode="json")
                conv.state = self.snapshot.state
            conv.updated_at = self.now
            await self.sql.save_conversation(conv)
            self.out.conversation_id = conv.id
            self.out.source = conv.source_last
            self.out.status = conv.status
        variants.tag_events(self.events, conv)
        await self.sql.add_events(
            conv,
            self.incoming.chat_id,
            self.events,
            conv.source_last if conv is not None else None,
            self.now,
        )
        self.out.event_kinds = [kind for kind, _, _ in self.events]
        if (
            self.out.finished
            and conv is not None
            and self.snapshot is not None
            and self.out.result is not None
        ):
            row = await repo.add_assessment(
                self.session,
                conv,
                to_jsonable(self.snapshot.answers),
                to_jsonable(self.out.result.plan),
                self.now,
            )
            self.out.assessment_id = row.id
        await self.session.flush()
        return self.out

    # -------------------------------------------------------------- helpers

    def event(self, kind: str, question_id: str | None = None, **data: Any) -> None:
        self.events.append((kind, question_id, to_jsonable(data)))

    def engine_events(self, events: list[Event]) -> None:
        for ev in events:
            self.events.append((ev.kind, ev.question_id, to_jsonable(ev.data)))

    def say(self, key: str, reply_markup: render.ReplyMarkup | None = None, **values: object) -> None:
        self.out.messages.append(
            Outgoing(text=render.text(key, self.lang, **values), reply_markup=reply_markup)
        )

    def has_progress(self) -> bool:
        snap = self.snapshot
        return snap is not None and bool(snap.history or snap.answers)

    def step_no(self) -> int:
        return self.snapshot.step if self.snapshot is not None else 0

    def prompt(self) -> None:
        """Repeat the current question (after help, an unsupported message, continue)."""
        assert self.snapshot is not None
        if self.conv is not None and self.conv.status == STATUS_FINISHED:
            self.finished_hint()
            return
        messages = self.flow.current_prompt(self.snapshot)
        self.out.messages += render.render_messages(messages, self.snapshot.step, self.lang)

    def finished_hint(self) -> None:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [render.command_button(render.t("bot.btn_start_over", self.lang), "restart", self.step_no())]
            ]
        )
        self.say("bot.finished_hint", markup)

    def offer_resume(self) -> None:
        assert self.conv is not None
        self.conv.status = STATUS_ACTIVE
        self.event("returned", self.snapshot.state if self.snapshot else None)
        self.out.messages.append(self.service.resume_offer(self.lang, self.step_no()))

    async def create(self, source: str | None) -> ConversationRow:
        start = self.flow.start(self.lang)
        conv = await self.sql.insert_conversation(
            {
                "chat_id": self.incoming.chat_id,
                "user_id": self.incoming.user_id,
                "state": start.snapshot.state,
                "snapshot": start.snapshot.model_dump(mode="json"),
                "lang": self.lang,
                "source_first": source,
                "source_last": source,
                "status": STATUS_ACTIVE,
                "created_at": self.now,
                "updated_at": self.now,
            },
        )
        self.conv = conv
        variants.assign_to(conv, self.service.variant_book(), self.service.variant_rng)
        self.out.messages.append(self.service.greeting(self.lang, conv))
        self.apply_start(start)
        return conv

    def fresh_start(self, *, greet: bool) -> None:
        """A new screening on the existing row (first-touch source, contact and history stay)."""
        assert self.conv is not None
        old_step = self.step_no()
        start = self.flow.start(self.lang)
        # Buttons of the previous screening must stay stale: never reuse a step number.
        start.snapshot.step = max(start.snapshot.step, old_step + 1)
        self.conv.status = STATUS_ACTIVE
        self.conv.finished_at = None
        if greet:
            variants.assign_to(self.conv, self.service.variant_book(), self.service.variant_rng)
            self.out.messages.append(self.service.greeting(self.lang, self.conv))
        self.apply_start(start)

    def apply_start(self, start: StepResult) -> None:
        self.snapshot = start.snapshot
        kinds = {ev.kind for ev in start.events}
        if "started" not in kinds:
            self.event("started")
        self.engine_events(start.events)
        self.out.result = start
        self.out.messages += render.render_messages(
            start.messages, start.snapshot.step, self.lang, start.progress or (0, 0)
        )

    # -------------------------------------------------------------- actions

    async def on_start(self) -> None:
        # A link token (t_...) maps to its UTM campaign; anything else valid is the campaign itself.
        touch = await attribution.resolve_payload(self.session, self.incoming.payload)
        source = touch.source
        if self.incoming.payload and source is None:
            logger.info("ignored an invalid deep-link payload in chat %s", self.incoming.chat_id)
        if self.conv is None:
            conv = await self.create(source)
            conv.source_token = touch.token
            return
        if source is not None:
            self.conv.source_last = source
            self.conv.source_token = touch.token
            if self.conv.source_first is None:
                self.conv.source_first = source
        if self.conv.status == STATUS_FINISHED or not self.has_progress():
            self.fresh_start(greet=True)
        else:
            self.offer_resume()

    async def on_input(self) -> None:
        user_input = self.incoming.user_input
        assert user_input is not None
        if self.conv is None or self.snapshot is None:
            # A message before /start (or a button from a wiped database): begin instead of guessing.
            await self.create(None)
            return
        if user_input.step is not None and user_input.step != self.snapshot.step:
            self.out.callback_text = render.t("bot.stale_button", self.lang)
            self.event(
                "stale", None, value=user_input.value, step=user_input.step, current=self.snapshot.step
            )
            return
        status = self.conv.status
        if user_input.kind is InputKind.COMMAND:
            if user_input.value == "continue":
                self.conv.status = STATUS_ACTIVE
                self.event("continued", self.snapshot.state)
                self.out.mark_chosen = True
                self.prompt()
                return
            if user_input.value == "restart" and status != STATUS_ACTIVE:
                self.event("restart")
                self.out.mark_chosen = True
                self.fresh_start(greet=False)
                return
        if status == STATUS_FINISHED and user_input.kind is not InputKind.COMMAND:
            self.finished_hint()
            return
        if status == STATUS_CANCELLED:
            self.offer_resume()
            return
        if user_input.kind is InputKind.TEXT and self.is_returning():
            self.offer_resume()
            return
        self.apply(self.flow.handle(self.snapshot, user_input, self.now.date()))

    def is_returning(self) -> bool:
        assert self.conv is not None
        idle = self.now - _aware(self.conv.updated_at)
        return self.has_progress() and idle > timedelta(
            minutes=self.service.settings.resume_prompt_after_minutes
        )

    def apply(self, result: StepResult) -> None:
        assert self.conv is not None and self.snapshot is not None
        old_step = self.snapshot.step
        snapshot = result.snapshot
        if result.accepted and snapshot.step < old_step:
            snapshot.step = old_step + 1  # a restart inside the engine must not revive old buttons
        self.snapshot = snapshot
        self.out.result = result
        self.engine_events(result.events)
        self.out.mark_chosen = result.accepted and self.incoming.callback is not None
        progress = None if result.finished else result.progress
        self.out.messages += render.render_messages(result.messages, snapshot.step, self.lang, progress)
        if result.finished and self.conv.status != STATUS_FINISHED:
            self.conv.status = STATUS_FINISHED
            self.conv.finished_at = self.now
            self.out.finished = True
            self.out.messages += self.service.cta_variant(self.lang, self.conv)
            self.out.messages += self.service.call_to_action(self.lang, snapshot.step)
        elif not result.finished and self.conv.status == STATUS_FINISHED:
            self.conv.status = STATUS_ACTIVE  # the engine re-opened it (restart, change from the review)
            self.conv.finished_at = None

    async def on_help(self) -> None:
        if self.conv is None:
            self.say("bot.help")
            await self.create(None)
            return
        self.event("help", self.snapshot.state if self.snapshot else None)
        self.say("bot.help")
        if self.conv.status == STATUS_CANCELLED:
            self.conv.status = STATUS_ACTIVE
        self.prompt()

    def on_cancel(self) -> None:
        if self.conv is None or self.conv.status != STATUS_ACTIVE:
            self.say("bot.nothing_to_cancel")
            return
        self.conv.status = STATUS_CANCELLED
        self.event("cancelled", self.snapshot.state if self.snapshot else None)
        self.say("bot.cancelled", render.remove_keyboard())

    async def on_unsupported(self) -> None:
        if self.conv is None:
            await self.create(None)
            return
        self.event("unsupported", self.snapshot.state if self.snapshot else None)
        if self.conv.status == STATUS_CANCELLED:
            self.offer_resume()
            return
        if self.conv.status == STATUS_ACTIVE:
            self.say("bot.unsupported")
        self.prompt()

    async def on_contact(self) -> None:
        phone = self.incoming.phone
        if phone is None:
            self.say("bot.contact_not_own", render.contact_keyboard(self.lang))
            return
        if self.conv is None:
            await self.create(None)
        assert self.conv is not None
        self.conv.contact_phone = phone[:32]
        self.event("contact_shared")
        self.out.messages.insert(
            0,
            Outgoing(
                text=render.text(
                    "bot.contact_thanks", self.lang, firm=self.service.settings.firm_name, phone=phone
                ),
                reply_markup=render.remove_keyboard(),
            ),
        )


async def prune_processed_updates(
    session_factory: async_sessionmaker[AsyncSession], keep: timedelta = timedelta(days=7)
) -> int:
    async with session_factory() as session, session.begin():
        return await repo.prune_processed_updates(session, utc_now() - keep)
