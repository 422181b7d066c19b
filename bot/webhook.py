"""Webhook mode: an aiohttp server that Telegram (or a load balancer in front of several workers) posts to.

Delivery guarantee: **at-least-once delivery, exactly-once effect.** An update is answered 200 only after
the dispatcher has finished it: its transaction committed and its replies sent. If the database is
unreachable, the request is answered 503 and Telegram delivers the update again later; if the process
dies mid-update the request is never answered, with the same result. The ``processed_updates`` claim in
the service, committed in the same transaction as the step, makes a redelivery of a committed update a
no-op. aiogram's ``SimpleRequestHandler`` is not used because both of its modes can acknowledge
unfinished work: ``handle_in_background=True`` answers before processing, and ``False`` stops waiting
after 55 s and answers while the work goes on.

Shutdown: on SIGTERM aiohttp stops accepting connections and waits for the requests in flight
(``shutdown_timeout``); only then ``on_cleanup`` drains the service and closes the bot session and the
database engine. Nothing is torn down in ``on_shutdown``, which aiohttp runs *before* that wait.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject
from aiohttp import web
from pydantic import SecretStr, field_validator
from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import StartupError, freeze_startup_heap, setup_bot_profile
from bot.app import build_app as build_bot_app
from bot.config import Settings
from bot.metrics import BotMetrics
from bot.service import Outcome, WebhookReply, prune_processed_updates, webhook_reply
from bot.session_retry import RetryMiddleware

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
SECRET_RULE = "1-256 characters of A-Z a-z 0-9 _ -"
SECRET_HINT = "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"
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


class WebhookSettings(Settings):
    """Settings for ``python -m bot webhook``; the other modes never need them."""

    webhook_url: str = ""  # public base URL Telegram posts to, e.g. https://bot.example.com
    webhook_host: str = "127.0.0.1"  # behind a reverse proxy; 0.0.0.0 only if exposed directly
    webhook_port: int = 8080
    webhook_path: str = "/telegram/webhook"
    webhook_secret: SecretStr | None = None
    # Also accepted (never registered) during a secret rotation; empty the rest of the time.
    webhook_secret_previous: SecretStr | None = None

    @field_validator("webhook_secret", "webhook_secret_previous", mode="before")
    @classmethod
    def _check_secret(cls, value: object) -> object:
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if not isinstance(raw, str) or not SECRET_RE.fullmatch(raw.strip()):
            # The value itself is never echoed: it is a credential.
            raise ValueError(f"must be {SECRET_RULE} (Telegram's rule); {SECRET_HINT}")
        return raw.strip()

    @field_validator("webhook_url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be the public https:// base URL Telegram posts to")
        return value

    @field_validator("webhook_path")
    @classmethod
    def _check_path(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith("/"):
            raise ValueError("must start with /")
        return value

    @field_validator("webhook_port")
    @classmethod
    def _check_port(cls, value: int) -> int:
        if not 0 < value < 65536:
            raise ValueError("must be a TCP port, 1-65535")
        return value

    def accepted_secrets(self) -> tuple[str, ...]:
        """The secrets a request may carry; raises ValueError with an operator-facing message."""
        if self.webhook_secret is None:
            raise ValueError(
                f"WEBHOOK_SECRET is not set: webhook mode needs one, {SECRET_RULE}; {SECRET_HINT}"
            )
        secrets = [self.webhook_secret.get_secret_value()]
        if self.webhook_secret_previous is not None:
            secrets.append(self.webhook_secret_previous.get_secret_value())
        return tuple(secrets)

    def public_url(self) -> str:
        if not self.webhook_url:
            raise ValueError("WEBHOOK_URL is not set: the public https:// base URL Telegram should post to")
        return self.webhook_url + self.webhook_path


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
        token = webhook_reply.set(reply)  # the shielded task below copies this context
        try:
            # Shielded: a client that hangs up (Telegram's timeout, a proxy) must not cancel an update
            # between commit and send. It finishes; a redelivery is then skipped by update_id.
            await asyncio.shield(
                self.dispatcher.feed_raw_update(self.bot, update, delivery=delivery, **self._data)
            )
        except Exception:
            logger.exception("update %s failed; answering 500 so it is delivered again", update["update_id"])
            return web.Response(status=500, text="Internal Server Error")
        finally:
            webhook_reply.reset(token)
        if delivery.transient_error is not None:
            logger.warning(
                "update %s not processed (%s); answering 503 so Telegram delivers it again",
                update["update_id"],
                type(delivery.transient_error).__name__,
            )
            return web.Response(status=503, text="Service Unavailable")
        # The button's answer rides on the response (bot.service.WebhookReply). On 500 and 503 it is
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


def build_app(
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


async def run_webhook(
    settings: WebhookSettings,
    *,
    register: bool = True,
    stop: asyncio.Event | None = None,
    freeze_heap: bool = False,
) -> None:
    """``python -m bot webhook``: the same app as polling, served over HTTP, with /healthz and /metrics.

    ``register=False`` skips setWebhook, for workers behind a load balancer when the deploy step
    registers the URL once (and for tests that play the load balancer themselves).
    ``freeze_heap``: see bot.app.freeze_startup_heap (the CLI sets it; in-process tests do not).
    """
    try:
        secrets = settings.accepted_secrets()
        url = settings.public_url() if register else ""
    except ValueError as error:
        raise StartupError(str(error)) from None

    bot_app = await build_bot_app(settings)
    metrics = BotMetrics()
    metrics.install(bot_app.dp)
    for middleware in bot_app.bot.session.middleware:
        if isinstance(middleware, RetryMiddleware):
            middleware.observer = metrics.observe_retry

    async def count_events(_: Bot, outcome: Outcome) -> None:
        for kind in outcome.event_kinds:
            metrics.record_event(kind)

    bot_app.service.after_update.append(count_events)

    async def register_webhook() -> None:
        try:
            await setup_bot_profile(bot_app.bot)
        except TelegramAPIError as error:  # cosmetic; never a reason not to serve people
            logger.warning("could not set the command menu/description: %s", type(error).__name__)
        await prune_processed_updates(bot_app.session_factory)
        if not register:
            return
        try:
            await bot_app.bot.set_webhook(
                url,
                secret_token=secrets[0],
                allowed_updates=bot_app.dp.resolve_used_update_types(),
                drop_pending_updates=False,
            )
        except TelegramAPIError as error:
            raise StartupError(f"setWebhook for WEBHOOK_URL={url} was refused: {error.message}") from None
        logger.info("webhook registered at %s", url)

    web_app = build_app(
        dispatcher=bot_app.dp,
        bot=bot_app.bot,
        engine=bot_app.engine,
        metrics=metrics,
        path=settings.webhook_path,
        secrets=secrets,
        on_cleanup=bot_app.close,
    )
    if freeze_heap:
        freeze_startup_heap()
    await serve(
        web_app, settings.webhook_host, settings.webhook_port, after_listening=register_webhook, stop=stop
    )
