"""`python -m bot webhook`: the same app as polling, served over HTTP with /healthz and /metrics.

Production's mode: several workers behind a load balancer, one PostgreSQL (docs/production.md).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import TYPE_CHECKING

from bot.cli.common import Subcommands, setup_logging
from bot.config import Settings, StartupError, load_settings

if TYPE_CHECKING:
    from aiogram import Bot

    from bot.runner.hooks import Outcome

logger = logging.getLogger(__name__)


async def run_webhook(
    settings: Settings,
    *,
    register: bool = True,
    stop: asyncio.Event | None = None,
    freeze_heap: bool = False,
) -> None:
    """``python -m bot webhook``: the same app as polling, served over HTTP, with /healthz and /metrics.

    ``register=False`` skips setWebhook, for workers behind a load balancer when the deploy step
    registers the URL once (and for tests that play the load balancer themselves).
    ``freeze_heap``: see bot.app.freeze_startup_heap (the command sets it; in-process tests do not).
    """
    try:
        secrets = settings.accepted_secrets()
        url = settings.public_url() if register else ""
    except ValueError as error:
        raise StartupError(str(error)) from None
    # Imported here, after the cheap checks: aiogram takes a while to import on a busy machine.
    from aiogram.exceptions import TelegramAPIError

    from bot.app import build_app, freeze_startup_heap, setup_bot_profile
    from bot.runner.runner import prune_processed_updates
    from bot.telegram.session import RetryMiddleware
    from bot.web.metrics import BotMetrics
    from bot.web.server import build_web_app, serve

    bot_app = await build_app(settings)
    metrics = BotMetrics()
    metrics.install(bot_app.dp)
    for middleware in bot_app.bot.session.middleware:
        if isinstance(middleware, RetryMiddleware):
            middleware.observer = metrics.observe_retry

    async def count_events(_: Bot, outcome: Outcome) -> None:
        for kind in outcome.event_kinds:
            metrics.record_event(kind)

    bot_app.runner.observers.append(count_events)

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

    web_app = build_web_app(
        dispatcher=bot_app.dp,
        bot=bot_app.bot,
        engine=bot_app.engine,
        metrics=metrics,
        path=settings.webhook_path,
        secrets=secrets,
        on_cleanup=bot_app.close,
    )
    from bot.features.finform.setup import install_form
    from bot.features.site import install_site

    install_site(web_app, settings, bot_app.session_factory)
    install_form(web_app, settings, bot_app.runner, bot_app.bot)
    if freeze_heap:
        freeze_startup_heap()
    await serve(
        web_app, settings.webhook_host, settings.webhook_port, after_listening=register_webhook, stop=stop
    )


def cmd_webhook(args: argparse.Namespace) -> int:
    settings = load_settings()
    setup_logging(settings.log_level)
    asyncio.run(run_webhook(settings, register=not args.no_register, freeze_heap=True))
    return 0


def add_webhook(sub: Subcommands) -> None:
    p = sub.add_parser("webhook", help="serve the webhook (production, behind a proxy)")
    p.add_argument(
        "--no-register",
        action="store_true",
        help="do not call setWebhook on start (the deploy step registers WEBHOOK_URL once)",
    )
    p.set_defaults(func=cmd_webhook)
