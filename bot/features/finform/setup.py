"""Wire the financial form in: its button's address for the runner, its page on a web server.

Two halves, because a polling bot has no web server: every bot process that runs conversations
gives the runner the form's address (:func:`offer_form`), so the financial questions carry the
button; the processes that serve the web (the webhook workers, ``python -m bot web``) serve the
page and take the submissions (:func:`install_form`). Off, with one log line saying why, where
FINANCIAL_FORM=false or PUBLIC_BASE_URL is not a public https:// address (Telegram opens a Mini
App from nothing else); the questions are then asked one by one, as in the terminal.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiohttp import web

from bot.config import Settings
from bot.features.finform.views import FormService, form_app
from bot.runner.runner import StepRunner
from flows import finform

logger = logging.getLogger(__name__)

PREFIX = "/form"


def offer_form(runner: StepRunner, settings: Settings) -> bool:
    """Give the runner the form's address so its button is shown; False (and why, logged) when off."""
    try:
        url = settings.form_url()
    except ValueError as why:
        logger.info("financial form: off (%s); the money questions are asked one by one", why)
        return False
    runner.web_apps[finform.APP] = url
    logger.info(
        "financial form: on; its button opens %s (served by the webhook workers, or by "
        "`python -m bot web` next to a polling bot)",
        url,
    )
    return True


async def to_form(request: web.Request) -> web.StreamResponse:
    raise web.HTTPMovedPermanently(PREFIX + "/")


def install_form(app: web.Application, settings: Settings, runner: StepRunner, bot: Bot) -> bool:
    """Serve the form's page and calls at /form on this web server; False when the form is off."""
    try:
        settings.form_url()
    except ValueError:
        return False  # offer_form said why
    token = settings.secret("bot_token")
    if not token:
        logger.warning(
            "financial form: not served here: BOT_TOKEN is not set (it proves who opened the form)"
        )
        return False
    # Before the sub-application: its prefix would take "/form" too.
    app.router.add_get(PREFIX, to_form)
    app.add_subapp(PREFIX, form_app(FormService(settings, runner, bot, token)))
    return True
