"""Who opened the financial form: Telegram's signed initData, and every way it can be wrong.

The initData is made as a Telegram client makes it (tests/fakes/webapp.py signs it with the bot
token by Telegram's documented algorithm), so the check is held to Telegram's rule, not to itself.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.features.finform.initdata import CLOCK_SKEW, MAX_AGE, InitDataError, verify
from bot.telegram.render import inline_keyboard
from flows.types import Button
from tests.fakes.webapp import sign_init_data

TOKEN = "123456:TEST-token"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
ANN = {"id": 4242, "first_name": "Ann", "language_code": "es"}


def signed(
    user: dict[str, object] | None = None, opened: datetime = NOW, token: str = TOKEN, **extra: str
) -> str:
    return sign_init_data(token, user or ANN, opened, extra=extra or None)


def reason(init_data: str, now: datetime = NOW) -> str:
    with pytest.raises(InitDataError) as refused:
        verify(init_data, TOKEN, now)
    return refused.value.reason


def test_telegram_signed_initdata_names_the_person_who_opened_the_form() -> None:
    opener = verify(signed(), TOKEN, NOW)
    assert (opener.user_id, opener.language_code, opener.opened_at) == (4242, "es", NOW)
    assert len(opener.signature) == 64
    # Fields Telegram adds later (a signature for third parties, the chat type) are signed like the rest.
    assert verify(signed(signature="abc", chat_type="sender"), TOKEN, NOW).user_id == 4242


def test_a_changed_field_or_hash_is_refused() -> None:
    fields = dict(parse_qsl(signed()))
    as_bob = {**fields, "user": fields["user"].replace("4242", "4243")}
    assert reason(urlencode(as_bob)) == "invalid"
    flipped = {**fields, "hash": ("0" if fields["hash"][0] != "0" else "1") + fields["hash"][1:]}
    assert reason(urlencode(flipped)) == "invalid"
    assert reason(urlencode({k: v for k, v in fields.items() if k != "hash"})) == "invalid"
    assert reason(urlencode({**fields, "auth_date": str(int(NOW.timestamp()) + 1)})) == "invalid"


def test_initdata_signed_with_another_bots_token_is_refused() -> None:
    assert reason(signed(token="654321:OTHER-token")) == "invalid"


@pytest.mark.parametrize("junk", ["", "hash=", "user=%7B&hash=00", "&&&", "x" * 5000, "a=1&hash=" + "0" * 64])
def test_anything_that_is_not_initdata_is_refused(junk: str) -> None:
    assert reason(junk) == "invalid"


def test_initdata_without_a_person_is_refused() -> None:
    fields = {"query_id": "Q", "auth_date": str(int(NOW.timestamp()))}
    # Signed correctly, but no user: nobody to tie a conversation to.
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", TOKEN.encode(), sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), sha256).hexdigest()
    assert reason(urlencode(fields)) == "invalid"
    assert reason(signed({"id": 1, "first_name": "Bot", "is_bot": True})) == "invalid"


def test_an_opening_older_than_the_limit_is_refused_as_expired() -> None:
    assert verify(signed(opened=NOW - MAX_AGE), TOKEN, NOW).user_id == 4242
    assert reason(signed(opened=NOW - MAX_AGE - timedelta(seconds=1))) == "expired"
    assert reason(signed(opened=NOW - timedelta(days=30))) == "expired"


def test_an_opening_from_the_future_is_refused() -> None:
    assert verify(signed(opened=NOW + CLOCK_SKEW), TOKEN, NOW).user_id == 4242
    assert reason(signed(opened=NOW + CLOCK_SKEW + timedelta(seconds=1))) == "invalid"


def test_the_form_button_gets_its_address_or_is_left_out() -> None:
    rows = ((Button("Type it", "0"),), (Button("📝 Form", web_app="finform"),))
    shown = inline_keyboard(rows, 3, {"finform": "https://bot.example.com/form/"})
    assert shown is not None
    form = shown.inline_keyboard[1][0]
    assert form.web_app is not None and form.web_app.url == "https://bot.example.com/form/"
    assert form.callback_data is None
    hidden = inline_keyboard(rows, 3)
    assert hidden is not None and [[b.text for b in row] for row in hidden.inline_keyboard] == [["Type it"]]
    assert inline_keyboard(((Button("📝 Form", web_app="finform"),),), 3) is None
