"""Bounded retries for outgoing Bot API calls, without ever sending a message twice.

aiogram has no retry of its own (engineering notes §3.6, aiogram issue #1875); the supported hook is a
client-session middleware around ``make_request``. The middleware sorts every failure into one of three
kinds, because the right reaction depends on whether Telegram may already have acted on the request:

* **Rejected** — Telegram answered and did nothing: 429 ``retry_after``, a 5xx error from the Bot API
  itself, or a gateway's 503. Retrying cannot duplicate anything, so every method is retried (429
  after exactly the time Telegram asked for).
* **Never sent** — the TCP connection could not be opened (refused, connect timeout). The request never
  left this process, so every method is retried with exponential back-off.
* **Unknown outcome** — the request went out and the connection died or timed out before the answer,
  or a gateway answered 502/504 for it.
  Telegram may have delivered the message. Idempotent methods (edits, answers, getters, setters) are
  retried; methods that create something visible to the user (``sendMessage``, ``copyMessage``, ...) are
  not, because a second attempt could show the person the same message twice. These are logged and
  re-raised so the caller decides.

Everything is bounded: a number of attempts, a cap on each back-off, and a cap on how long a 429 may
ask us to wait (a flood wait of minutes must not pin a webhook request open past Telegram's deadline).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import aiohttp
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import (
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

logger = logging.getLogger(__name__)

FailureKind = Literal["retry_after", "server_error", "not_sent", "unknown_outcome"]

# Method-name prefixes whose second execution leaves Telegram in the same state as the first. Anything
# not listed (send*, copy*, forward*, and any method added to the Bot API later) is treated as
# non-idempotent: the conservative default is "may duplicate", so a new method is never retried blindly.
IDEMPOTENT_PREFIXES: tuple[str, ...] = (
    "get",
    "set",
    "edit",
    "delete",
    "answer",
    "pin",
    "unpin",
    "logOut",
    "close",
)


def is_idempotent(api_method: str) -> bool:
    """Whether repeating ``api_method`` after an unknown outcome can never duplicate a user-visible effect."""
    return api_method.startswith(IDEMPOTENT_PREFIXES)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Limits for :class:`RetryMiddleware`; the defaults suit a webhook that must answer within ~60 s."""

    max_attempts: int = 4
    """Total tries including the first; 1 disables retrying."""
    base_delay: float = 0.5
    """Back-off before the second try; doubles each time (with jitter so workers do not retry in step)."""
    max_delay: float = 8.0
    max_retry_after: float = 30.0
    """A 429 asking for a longer pause is raised at once instead of holding the update that long."""


class GatewayError(TelegramServerError):
    """A 5xx whose body is not the Bot API's JSON: a proxy or load balancer in front of it answered.

    aiogram reports such a page as an undecodable body (ClientDecodeError) and drops the status code,
    which is exactly what tells whether the Bot API may have acted: 503 means it was never reached,
    while 502/504 can follow a request the Bot API did receive.
    """

    def __init__(self, method: TelegramMethod[Any], status_code: int) -> None:
        super().__init__(method=method, message=f"HTTP {status_code} from a gateway in front of the Bot API")
        self.status_code = status_code


class KeepsResponseModels(AiohttpSession):
    """Keeps a strong reference to each ``Response[T]`` model aiogram parametrises per call.

    pydantic caches parametrised generics weakly, and rebuilding the class after the garbage
    collector dropped it is expensive (docs/performance.md: the benchmark's second baseline,
    ``echofix``, is the bare echo bot with this class alone).
    """

    response_types: ClassVar[dict[Any, Any]] = {}

    def check_response(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        status_code: int,
        content: str,
    ) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in self.response_types:
            self.response_types[returning] = Response[returning]  # type: ignore[valid-type]
        return super().check_response(bot=bot, method=method, status_code=status_code, content=content)


class TelegramSession(KeepsResponseModels):
    """aiogram's aiohttp session that keeps the status code of a 5xx answer that is not the Bot
    API's JSON (a proxy's page), as :class:`GatewayError`, so :class:`RetryMiddleware` can tell
    503 from 502. Only aiogram's public ``check_response`` is overridden."""

    def check_response(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        status_code: int,
        content: str,
    ) -> Response[TelegramType]:
        if status_code >= 500:
            try:
                self.json_loads(content)
            except ValueError:
                raise GatewayError(method, status_code) from None
        return super().check_response(bot=bot, method=method, status_code=status_code, content=content)


def classify(error: BaseException) -> FailureKind | None:
    """Sort a failed request into a retry category, or ``None`` for errors a retry cannot fix (4xx)."""
    if isinstance(error, TelegramRetryAfter):
        return "retry_after"
    if isinstance(error, GatewayError):
        return "server_error" if error.status_code == 503 else "unknown_outcome"
    if isinstance(error, TelegramServerError):
        return "server_error"
    if isinstance(error, TelegramEntityTooLarge):
        # A 413 is a client error that aiogram files under network errors; repeating it cannot help.
        return None
    if isinstance(error, TelegramNetworkError):
        # AiohttpSession wraps the aiohttp exception; its cause tells whether any byte left the process.
        return _network_kind(error.__cause__)
    if isinstance(error, aiohttp.ClientError | asyncio.TimeoutError):
        return _network_kind(error)
    return None


def _network_kind(cause: BaseException | None) -> FailureKind:
    # ClientConnectorError: connect() failed (refused, DNS, TLS handshake) — the request was not written.
    # ConnectionTimeoutError: the connect phase timed out — likewise. Anything else (server disconnected,
    # read timeout, reset) may have happened after Telegram received the request.
    if isinstance(cause, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
        return "not_sent"
    return "unknown_outcome"


RetryObserver = Callable[[str, FailureKind, bool], None]
"""Called as ``(api_method, kind, will_retry)`` on every failure the middleware sees (for metrics)."""


class RetryMiddleware(BaseRequestMiddleware):
    """Client-session middleware: ``bot.session.middleware(RetryMiddleware())``."""

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        observer: RetryObserver | None = None,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        self.policy = policy or RetryPolicy()
        # Public so the webhook runner can attach metrics after the factory installed the middleware.
        self.observer = observer
        self._sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        name = method.__api_method__
        attempt = 1
        while True:
            try:
                return await make_request(bot, method)
            except Exception as error:
                kind = classify(error)
                if kind is None:
                    raise
                delay = self._delay(kind, error, attempt, name)
                if self.observer is not None:
                    self.observer(name, kind, delay is not None)
                if delay is None:
                    raise
                # Only the method name and error type: the request URL carries the bot token.
                logger.warning(
                    "Bot API %s failed (%s: %s), retry %d/%d in %.2fs",
                    name,
                    kind,
                    type(error).__name__,
                    attempt,
                    self.policy.max_attempts - 1,
                    delay,
                )
                await self._sleep(delay)
                attempt += 1

    def _delay(self, kind: FailureKind, error: BaseException, attempt: int, name: str) -> float | None:
        """Seconds to wait before the next try, or ``None`` to give up and re-raise."""
        policy = self.policy
        if kind == "unknown_outcome" and not is_idempotent(name):
            logger.error(
                "Bot API %s outcome unknown (%s); not retried because Telegram may have delivered it",
                name,
                type(error).__name__,
            )
            return None
        if attempt >= policy.max_attempts:
            logger.error("Bot API %s gave up after %d attempts (%s)", name, attempt, kind)
            return None
        if isinstance(error, TelegramRetryAfter):
            if error.retry_after > policy.max_retry_after:
                logger.error("Bot API %s asked to wait %ss, over the cap", name, error.retry_after)
                return None
            return float(error.retry_after)
        backoff = min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1))
        return backoff * random.uniform(0.5, 1.0)  # noqa: S311 - jitter, not security
