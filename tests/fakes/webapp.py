"""What a Telegram client does when a person opens a bot's Mini App: the signed ``initData``.

Telegram signs the launch data with the bot's token (core.telegram.org/bots/webapps, "Validating
data received via the Mini App"); the fake signs it the same way, so the bot's check is tested
against data made as Telegram makes it, not against its own code. ``tamper`` and ``auth_date``
make the forgeries and the stale openings the bot must refuse.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from tests.fakes.telegram import BotMessage


def sign_init_data(
    token: str,
    user: dict[str, Any],
    auth_date: datetime,
    *,
    query_id: str = "AAHdF6IQAAAAAN0XohDhrOrc",
    extra: dict[str, str] | None = None,
) -> str:
    """initData for ``user`` opening a Mini App at ``auth_date``, signed with ``token``."""
    fields = {
        "query_id": query_id,
        "user": json.dumps(user, separators=(",", ":"), ensure_ascii=False),
        "auth_date": str(int(auth_date.timestamp())),
        **(extra or {}),
    }
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def web_app_url(message: BotMessage, label_part: str) -> str:
    """The address behind a message's Mini App button (whose label contains ``label_part``)."""
    for row in message.inline_keyboard:
        for button in row:
            if label_part in button.get("text", "") and "web_app" in button:
                return str(button["web_app"]["url"])
    raise AssertionError(f"no Mini App button {label_part!r} in {message.inline_keyboard}")
