"""Webhook mode: an aiohttp server that Telegram (or a load balancer in front of several workers) posts to.

Delivery guarantee: **at-least-once delivery, exactly-once effect.** An update is answered 200 only after
the dispatcher has finished it: its transaction committed and its replies sent. If the database is
unreachable, the request is answered 503 and Telegram delivers the update again later; if the process
dies mid-update the request is never answered, with the same result. The ``processed_updates`` claim in
the runner, committed in the same transaction as the step, makes a redelivery of a committed update a
no-op. aiogram's ``SimpleRequestHandler`` is not used because both of its modes can acknowledge
unfinished work: ``handle_in_background=True`` answers before processing, and ``False`` stops waiting
after 55 s and answers while the work goes on.

Shutdown: on SIGTERM aiohttp stops accepting connections and waits for the requests in flight
(``shutdown_timeout``); only then ``on_cleanup`` drains the runner and closes the bot session and the
database engine. Nothing is torn down in ``on_shutdown``, which aiohttp runs *before* that wait.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject
from aiohttp import web
from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.telegram.incoming import WebhookReply
from bot.web.metrics import BotMetrics

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_DB_TIMEOUT_S = 2.0
# How long SIGTERM waits for requests in flight; above one update's worst case (chat lock + send retries).
SHUTDOWN_TIMEOUT_S = 50.0

METRICS_KEY = web.AppKey("metrics", BotMetrics)
ENGINE_KEY = web.AppKey("engine", AsyncEngine)

# Failures that say "the infrastructure is down right now", not "this update is bad": the transaction
# rolled back (update_id claim included), so Telegram's redelivery will process it once things recover.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.TimeoutError,  # connection pool exhausted
    ConnectionError,
    TimeoutError,
)


def secret_matches(received: str, accepted: tuple[str, ...]) -> bool:
    """Constant-time comparison against every accepted secret (two during a rotation)."""
    if not received:
        return False
    received_b = received.encode()
    ok = False
    for secret in accepted:  # no early exit: timing must not tell which secret matched
        ok |= hmac.compare_digest(received_b, secret.encode())
    return ok


@dataclass
class Delivery:
    """Per-request state shared with :class:`RedeliverMiddleware` through the dispatcher's data."""

    transient_error: BaseException | None = None


class RedeliverMiddleware(BaseMiddleware):
    """Turns an infrastructure failure into "please deliver again" instead of an apology.

    Registered inside aiogram's ErrorsMiddleware, so the errors router (which apologises to the person
    and swallows the exception) never sees a database outage: the webhook answers 500, Telegram
    redelivers, and the person gets the real answer once the database is back. Bugs (any other
    exception) still reach the errors router: redelivering a poison update would only repeat the apology.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        delivery = data.get("delivery")
        try:
            return await handler(event, data)
        except TRANSIENT_ERRORS as error:
            if not isinstance(delivery, Delivery):
                raise  # polling or a test feeding updates directly: the errors router decides
            delivery.transient_error = error
            return UNHANDLED


class UpdateHandler:
    """POST handler: authenticate, process to completion, then acknowledge."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, secrets: tuple[str, ...], **data: Any) -> None:
        if not secrets or not all(secrets):
            raise ValueError("at least one non-empty webhook secret is required")
        self.dispatcher = dispatcher
        self.bot = bot
        self._secrets = secrets
        self._data = data

    async def handle(self, request: web.Request) -> web.Response:
        if not secret_matches(request.headers.get(SECRET_HEADER, ""), self._secrets):
            # Neither the body nor the log says anything about the header value: it is a credential.
            logger.warning("rejected a webhook request without a valid secret token from %s", request.remote)
            return web.Response(status=401, text="Unauthorized")
        try:
            update = await request.json(loads=self.bot.session.json_loads)
        except ValueError:
            return web.Response(status=400, text="Bad Request")  # retrying this body could never succeed
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return web.Response(status=400, text="Bad Request")
        delivery = Delivery()
        reply = WebhookReply()
        try:
            # Shielded: a client that hangs up (Telegram's timeout, a proxy) must not cancel an update
            # between commit and send. It finishes; a redelivery is then skipped by update_id.
            await asyncio.shield(
                self.dispatcher.feed_raw_update(
                    self.bot, update, delivery=delivery, webhook_reply=reply, **self._data
                )
            )
        except Exception:
            logger.exception("update %s failed; answering 500 so it is delivered again", update["update_id"])
            return web.Response(status=500, text="Internal Server Error")
        if delivery.transient_error is not None:
            logger.warning(
                "update %s not processed (%s); answering 503 so Telegram delivers it again",
                update["update_id"],
                type(delivery.transient_error).__name__,
            )
            return web.Response(status=503, text="Service Unavailable")
        # The button's answer rides on the response (bot.runner.runner.WebhookReply). On 500 and 503 it is
        # dropped with the rest of the update, and the redelivery answers it.
        return web.json_response(reply.body())


async def database_ok(engine: AsyncEngine, timeout: float = HEALTH_DB_TIMEOUT_S) -> bool:  # noqa: ASYNC109
    """One round trip to the database, bounded so a hung database fails /healthz instead of hanging it."""
    try:
        async with asyncio.timeout(timeout), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    except Exception as error:  # any failure means "not reachable" to a health checker
        logger.warning("health check: database unreachable (%s)", type(error).__name__)
        return False


async def healthz(request: web.Request) -> web.Response:
    ok = await database_ok(request.app[ENGINE_KEY])
    body = {"status": "ok", "database": "ok"} if ok else {"status": "error", "database": "unreachable"}
    return web.json_response(body, status=200 if ok else 503)


async def metrics_view(request: web.Request) -> web.Response:
    body, content_type = request.app[METRICS_KEY].render()
    # aiohttp wants the charset apart from the media type; prometheus' content type carries both.
    media_type, _, params = content_type.partition(";")
    charset = params.partition("charset=")[2].strip() or None
    return web.Response(body=body, content_type=media_type.strip(), charset=charset)


def build_web_app(
    *,
    dispatcher: Dispatcher,
    bot: Bot,
    engine: AsyncEngine,
    metrics: BotMetrics,
    path: str,
    secrets: tuple[str, ...],
    on_cleanup: Callable[[], Awaitable[None]] | None = None,
    **data: Any,
) -> web.Application:
    """The aiohttp application: the webhook route, /healthz, /metrics and the lifecycle hooks."""
    dispatcher.update.outer_middleware(RedeliverMiddleware())
    app = web.Application()
    app[METRICS_KEY] = metrics
    app[ENGINE_KEY] = engine
    app.router.add_post(path, UpdateHandler(dispatcher, bot, secrets, **data).handle)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_view)

    workflow = {"dispatcher": dispatcher, "bot": bot, **dispatcher.workflow_data, **data}

    async def _startup(_: web.Application) -> None:
        await dispatcher.emit_startup(**workflow)

    async def _cleanup(_: web.Application) -> None:
        # on_cleanup runs after aiohttp waited for the requests in flight, so closing is safe here.
        try:
            await dispatcher.emit_shutdown(**workflow)
        finally:
            if on_cleanup is not None:
                await on_cleanup()

    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    return app


async def serve(
    app: web.Application,
    host: str,
    port: int,
    *,
    after_listening: Callable[[], Awaitable[None]] | None = None,
    stop: asyncio.Event | None = None,
    shutdown_timeout: float = SHUTDOWN_TIMEOUT_S,
) -> None:
    """Listen until SIGTERM/SIGINT (or ``stop``), then shut down gracefully.

    ``after_listening`` runs once the port accepts connections: registering the webhook earlier would
    let Telegram's first delivery hit a closed port.
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=shutdown_timeout)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        logger.info("webhook worker listening on %s:%s", host, port)
        if after_listening is not None:
            await after_listening()
        await stop.wait()
        logger.info("stopping: finishing the updates in flight")
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        await runner.cleanup()
