"""Typed settings read from the environment and `.env`.

Names are flat (BOT_TOKEN, DATABASE_URL, ...) because that is what hosting
panels and `docker run -e` make easy. Later features extend the class instead
of reading os.environ themselves, so every knob is listed in one place and in
.env.example:

    class WebhookSettings(Settings):
        webhook_url: str = ""
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/bot.db"
# The shape aiogram's validate_token accepts, checked here so the CLI need not import aiogram to say so.
TOKEN_RE = re.compile(r"^\d+:\S+$")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        # Validation errors are turned into one line by bot.__main__; never echo the token back.
        hide_input_in_errors=True,
    )

    # Optional here so `python -m bot chat` and `migrate` work without one; polling checks it.
    bot_token: SecretStr | None = None
    bot_api_url: str = "https://api.telegram.org"
    database_url: str = DEFAULT_DATABASE_URL
    # PostgreSQL connections per process: every update in flight holds one from its chat lock until its
    # replies are sent (README "Production"). Unset: 15, all kept open, and no overflow (bot/db/engine.py).
    # SQLite ignores both: it always uses one connection per process (bot/db/engine.py says why).
    database_pool_size: int | None = Field(default=None, ge=1, le=1000)
    database_max_overflow: int | None = Field(default=None, ge=0, le=1000)

    firm_name: str = "Tax Relief Advisors"
    firm_phone: str = "+1 555 010 0000"
    firm_booking_url: str = ""

    # NoDecode: the env value is "1,2,3", not JSON, which pydantic-settings would expect for a list.
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    log_level: str = "INFO"

    # Campaign links (`python -m bot link`) print https://t.me/<BOT_USERNAME>?start=...
    bot_username: str = ""
    # A/B texts of the greeting and call to action; empty means the bundled bot/variants.toml.
    variants_file: str = ""

    # A person who comes back after this long with an unfinished screening is asked
    # whether to continue or start over, instead of having their message taken as an answer.
    resume_prompt_after_minutes: int = 60

    # Leads and staff handoff (bot/leads/). STAFF_CHAT_ID: the Telegram group (e.g. -100...) where lead
    # cards are posted and staff reply to people; unset = leads are stored (and sent to the CRM) only.
    staff_chat_id: int | None = None
    # Optional CRM webhook: each lead is POSTed as JSON, signed with HMAC-SHA256 (see bot/leads/crm.py).
    crm_webhook_url: str = ""
    crm_webhook_secret: SecretStr | None = None
    # One reminder to a person who stopped mid-screening, this long after their last message.
    reminder_delay_hours: float = Field(default=24.0, gt=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator(
        "staff_chat_id", "crm_webhook_secret", "database_pool_size", "database_max_overflow", mode="before"
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        # STAFF_CHAT_ID= in .env.example means "not configured", not "invalid integer".
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _crm_needs_secret(self) -> Settings:
        secret = self.crm_webhook_secret.get_secret_value() if self.crm_webhook_secret else ""
        if self.crm_webhook_url and not secret:
            # Unsigned lead data must never leave: the receiver could not tell it from a forgery.
            raise ValueError("CRM_WEBHOOK_SECRET must be set when CRM_WEBHOOK_URL is")
        return self

    @field_validator("log_level")
    @classmethod
    def _upper_log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("bot_api_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value


def ensure_sqlite_dir(database_url: str) -> None:
    """Create the folder of a file-based SQLite database so the default URL works on a fresh clone."""
    prefix = "sqlite"
    if not database_url.startswith(prefix):
        return
    _, _, path = database_url.partition(":///")
    path = path.split("?", 1)[0]
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)


def require_token(settings: Settings) -> str:
    """The bot token, or StartupError saying what to fix (never echoing the value)."""
    from bot.errors import StartupError

    token = settings.bot_token.get_secret_value().strip() if settings.bot_token else ""
    if not token:
        raise StartupError("BOT_TOKEN is not set: put the token from @BotFather in .env or the environment")
    if not TOKEN_RE.fullmatch(token):
        raise StartupError(
            "BOT_TOKEN is malformed: expected the form 123456789:ABC... as given by @BotFather"
        )
    return token
