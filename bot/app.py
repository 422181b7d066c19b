"""The whole bot assembled: the Bot client, the runner, the features, the Dispatcher.

No import-time globals: tests build as many apps as they like, and every mode
(`python -m bot`, the webhook, the tests' runner) uses exactly this path. Features
plug into the runner through its typed hooks (bot/runner/hooks.py) and add their
routers in front of the conversation's (bot/telegram/routers).
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.types import BotCommand
from aiogram.utils.token import TokenValidationError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings, StartupError, require_token
from bot.db.engine import create_session_factory
from bot.db.engine import open_database as open_db
from bot.features import clicks
from bot.features.backoffice import install_backoffice
from bot.features.dashboard import command as dashboard_command
from bot.features.finform.setup import offer_form
from bot.features.leads import staff_router
from bot.features.leads.phone import PhoneNumbers
from bot.features.leads.setup import install_leads
from bot.features.letters.setup import letter_routers
from bot.features.privacy import router as privacy_router
from bot.features.privacy.guard import TaxIdFilterMiddleware
from bot.features.reports import admin_router
from bot.runner.runner import StepRunner, prune_processed_updates, utc_now
from bot.telegram.middlewares.staff_chat import PrivateOrStaffChatMiddleware
from bot.telegram.routers import errors, get_routers
from bot.telegram.session import RetryMiddleware, TelegramSession
from flows.catalogue import LANGUAGES, t
from flows.chat import Screening

__all__ = ["App", "build_app", "create_bot", "create_dispatcher", "create_runner"]

logger = logging.getLogger(__name__)

# The privacy commands are in the menu so people can find them without reading the help.
COMMANDS = ("start", "human", "back", "restart", "help", "language", "cancel", "mydata", "delete", "stop")
GET_ME_TIMEOUT_S = 10


def create_bot(settings: Settings) -> Bot:
    """The Bot client for BOT_API_URL with HTML parse mode; raises StartupError on a missing/bad token."""
    token = require_token(settings)
    # TelegramSession keeps the status of a gateway's 5xx page so RetryMiddleware can tell 503 from 502.
    session = TelegramSession(api=TelegramAPIServer.from_base(settings.bot_api_url))
    try:
        return Bot(
            token=token,
            session=session,
            default=DefaultBotProperties(parse_mode=ParseMode.HTML),
        )
    except TokenValidationError:
        raise StartupError(
            "BOT_TOKEN is malformed: expected the form 123456789:ABC... as given by @BotFather"
        ) from None


def create_runner(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    screening: Screening | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> StepRunner:
    """The runner with the features' hooks that do not need a Dispatcher (campaign links)."""
    runner = StepRunner(settings, session_factory, phones=PhoneNumbers(), screening=screening, clock=clock)
    runner.resolve_source = clicks.resolve_source
    return runner


def create_dispatcher(settings: Settings, runner: StepRunner) -> Dispatcher:
    """A Dispatcher with every router; handlers receive ``runner`` and ``settings`` by injection.

    aiogram's FSM is disabled: the conversation lives in our own table, and per-chat
    serialisation is the runner's (bot/db/store.py).
    """
    dp = Dispatcher(disable_fsm=True, name="intake")
    dp["settings"] = settings
    dp["runner"] = runner
    # Tax-ID filter first: an SSN is dropped before any other middleware, handler or log sees it.
    dp.message.outer_middleware(TaxIdFilterMiddleware(runner, settings.staff_chat_id))
    # Private chats only, plus the staff chat (cards, replies to people), consumed by the staff router.
    dp.message.outer_middleware(PrivateOrStaffChatMiddleware(settings.staff_chat_id))
    dp.callback_query.outer_middleware(PrivateOrStaffChatMiddleware(settings.staff_chat_id))
    dp.include_routers(
        errors.create_router(),
        # The staff chat's updates never reach the conversation; /mydata and /delete work at any point.
        staff_router.create_router(),
        privacy_router.create_router(),
        # For non-admins the admin filter does not match, and the text goes on as usual.
        admin_router.create_router(),
        dashboard_command.create_router(),
        # Photos and files of IRS notices are read before the conversation's catch-all sees them.
        *letter_routers(dp, settings),
        *get_routers(),
    )
    install_leads(dp, runner, settings)
    install_backoffice(dp, runner, settings)
    offer_form(runner, settings)  # the financial form's button (its page: bot/cli/webhook.py, bot/cli/web.py)

    async def drain() -> None:
        await runner.drain()

    dp.shutdown.register(drain)
    return dp


async def setup_bot_profile(bot: Bot) -> None:
    """Command menu and descriptions, English as the default and one list per other language."""
    for lang in LANGUAGES:
        code = None if lang == "en" else lang
        commands = [BotCommand(command=c, description=t(f"bot.cmd_{c}", lang)) for c in COMMANDS]
        await bot.set_my_commands(commands, language_code=code)
        await bot.set_my_short_description(
            short_description=t("bot.short_description", lang), language_code=code
        )
        await bot.set_my_description(description=t("bot.description", lang), language_code=code)


async def open_database(settings: Settings) -> AsyncEngine:
    return await open_db(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
    )


async def check_bot_api(bot: Bot, settings: Settings) -> None:
    try:
        me = await bot.get_me(request_timeout=GET_ME_TIMEOUT_S)
    except TelegramUnauthorizedError:
        raise StartupError("BOT_TOKEN was rejected by the Bot API server (401): check the token") from None
    except (TelegramAPIError, OSError, TimeoutError) as error:
        raise StartupError(
            f"cannot reach the Bot API server at BOT_API_URL={settings.bot_api_url} "
            f"({type(error).__name__}): check BOT_API_URL and the network"
        ) from None
    logger.info("connected as @%s (id %s)", me.username, me.id)


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    bot: Bot
    dp: Dispatcher
    runner: StepRunner
    # Set once the dispatcher has started (polling or webhook), so stop() never races start().
    started: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        async def _mark_started() -> None:
            self.started.set()

        self.dp.startup.register(_mark_started)

    async def run_polling(self, **kwargs: object) -> None:
        """Long polling until stopped (signal or stop()). Tasks per update; the service orders each chat."""
        try:
            try:
                await setup_bot_profile(self.bot)
            except TelegramAPIError as error:  # cosmetic; never a reason not to serve people
                logger.warning("could not set the command menu/description: %s", type(error).__name__)
            await prune_processed_updates(self.session_factory)
            await self.dp.start_polling(
                self.bot,
                handle_as_tasks=True,
                allowed_updates=self.dp.resolve_used_update_types(),
                **kwargs,  # type: ignore[arg-type]
            )
        finally:
            await self.close()

    async def stop(self) -> None:
        """Stop polling: in-flight updates finish (the shutdown hook drains the service)."""
        await self.started.wait()
        await self.dp.stop_polling()

    async def close(self) -> None:
        await self.bot.session.close()
        await self.engine.dispose()


# See freeze_startup_heap: CPython's default is 700.
YOUNG_GC_THRESHOLD = 20_000


def freeze_startup_heap() -> None:
    """Move everything alive after start-up into the garbage collector's permanent generation.

    Once imported, aiogram, pydantic, SQLAlchemy and the flows leave a few hundred thousand objects
    that live as long as the process, and a full (oldest-generation) collection walks all of them
    while every update in flight waits: on its own a p99 far over the latency goal. Frozen objects
    are skipped by the collector; garbage created later is collected as before. (Called by
    ``python -m bot`` once the app is built, not by tests, which build many apps in one process.)

    The youngest generation's threshold goes from 700 to 20,000 net allocations. Parsing an update,
    validating the snapshot and building each Bot API request allocate far more than 700
    short-lived container objects, so at 700 collections ran every few updates, for objects that
    almost all die by reference counting anyway. Cyclic garbage is still collected, only in larger
    batches. (docs/performance.md has the measurements.)
    """
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GC_THRESHOLD, older, oldest)


async def build_app(
    settings: Settings,
    *,
    screening: Screening | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> App:
    """Everything `python -m bot` runs, checked up front: token, database, Bot API server."""
    bot = create_bot(settings)
    try:
        engine = await open_database(settings)
    except StartupError:
        await bot.session.close()
        raise
    try:
        await check_bot_api(bot, settings)
    except StartupError:
        await bot.session.close()
        await engine.dispose()
        raise
    # Installed after the check so a wrong BOT_API_URL fails at once instead of after back-offs.
    bot.session.middleware(RetryMiddleware())
    session_factory = create_session_factory(engine)
    runner = create_runner(settings, session_factory, screening=screening, clock=clock)
    dp = create_dispatcher(settings, runner)
    return App(settings, engine, session_factory, bot, dp, runner)
