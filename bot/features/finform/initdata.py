"""Telegram's proof of who opened the form: its ``initData``, checked with the bot token.

Telegram opens a Mini App with ``initData``, a query string it signs with the bot's token
(https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app): the data-check
string is every field but ``hash``, sorted by key, as ``key=value`` lines; the secret key is
HMAC-SHA256 of the token keyed with "WebAppData"; ``hash`` is the hex HMAC-SHA256 of the
data-check string with that key. aiogram implements exactly this (constant-time comparison
included) in its public ``aiogram.utils.web_app.safe_parse_webapp_init_data``, used here rather
than a copy of our own. What it leaves to us: how old an opening may be (``auth_date``; a
captured initData must not work for ever), and that a person opened it.

The person is the signed ``user``: in a private chat with the bot the chat's id is the user's,
so a form can only ever reach the conversation of whoever Telegram says opened it. Nothing the
page sends can name another chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from aiogram.utils.web_app import safe_parse_webapp_init_data

MAX_INIT_DATA_CHARS = 4096  # Telegram's initData is well under 1 KB; more is not ours
# How long after opening the form its answers are taken: long enough to find the pay stubs, short
# enough that a copied initData soon stops working.
MAX_AGE = timedelta(hours=2)
CLOCK_SKEW = timedelta(minutes=5)  # an opening "from the future" by more than this is forged


class InitDataError(Exception):
    """The form's initData is not Telegram's (``reason`` "invalid") or too old ("expired")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Opener:
    """Who opened the form, and when, as Telegram signed it."""

    user_id: int
    language_code: str | None
    opened_at: datetime
    signature: str  # the initData's hash: one per opening (the submission's claim is built on it)


def verify(init_data: str, token: str, now: datetime, max_age: timedelta = MAX_AGE) -> Opener:
    """The person behind a valid, fresh initData; InitDataError otherwise."""
    if not init_data or len(init_data) > MAX_INIT_DATA_CHARS:
        raise InitDataError("invalid")
    try:
        data = safe_parse_webapp_init_data(token, init_data)
    except (ValueError, TypeError):  # a bad signature, or a signed payload that is not initData
        raise InitDataError("invalid") from None
    if data.user is None or data.user.is_bot:
        raise InitDataError("invalid")
    opened = data.auth_date
    if opened > now + CLOCK_SKEW:
        raise InitDataError("invalid")
    if now - opened > max_age:
        raise InitDataError("expired")
    return Opener(data.user.id, data.user.language_code, opened, data.hash)
