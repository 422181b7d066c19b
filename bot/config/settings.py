"""Typed settings read from the environment and `.env`: one class for every mode.

Names are flat (BOT_TOKEN, DATABASE_URL, ...) because that is what hosting panels and
`docker run -e` make easy. Every knob is a field here and a line in .env.example
(tests/bot/test_env_example.py checks it), so nothing reads os.environ itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.config.errors import StartupError
from flows.hours import Hours, HoursError, parse_hours

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/bot.db"
# The shape aiogram's validate_token accepts, checked here so the CLI need not import aiogram to say so.
TOKEN_RE = re.compile(r"^\d+:\S+$")
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
SECRET_RULE = "1-256 characters of A-Z a-z 0-9 _ -"
SECRET_HINT = "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        # Validation errors are turned into one line by load_settings; never echo the token back.
        hide_input_in_errors=True,
    )

    # Optional here so `python -m bot chat` and `migrate` work without one; polling checks it.
    bot_token: SecretStr | None = None
    bot_api_url: str = "https://api.telegram.org"
    database_url: str = DEFAULT_DATABASE_URL
    # PostgreSQL connections per process: every update in flight holds one from its chat lock until its
    # replies are sent (docs/production.md). Unset: 15, all kept open, and no overflow (bot/db/engine.py).
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
    # A/B texts of the greeting and call to action; empty means the bundled bot/config/variants.toml.
    variants_file: str = ""

    # When the firm's team answers ("Mon-Fri 09:00-18:00") in its time zone: outside those hours a
    # person who asks for someone is told when they will be called. Empty: no hours are promised.
    business_hours: str = ""
    business_timezone: str = "America/New_York"

    # Letter photos (bot/features/letters, docs/ocr.md): a photo or PDF of an IRS notice is read on
    # this machine and the fields the person confirms fill their answers. Off: photos are offered to staff.
    letter_photos: bool = True
    # The financial form (bot/features/finform, docs/form.md): the money questions on one page, a
    # Telegram Mini App served at <PUBLIC_BASE_URL>/form/. Off where PUBLIC_BASE_URL is not https://.
    financial_form: bool = True

    # A person who comes back after this long with an unfinished screening is asked
    # whether to continue or start over, instead of having their message taken as an answer.
    resume_prompt_after_minutes: int = 60

    # Webhook mode (`python -m bot webhook`): the public https:// base URL Telegram posts to, where
    # to listen (behind a reverse proxy: 127.0.0.1), the path, and the secret Telegram sends back in
    # a header; a previous secret is still accepted (never registered) during a rotation.
    webhook_url: str = ""
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8080
    webhook_path: str = "/telegram/webhook"
    webhook_secret: SecretStr | None = None
    webhook_secret_previous: SecretStr | None = None

    # Leads and staff handoff (bot/features/leads/). STAFF_CHAT_ID: the Telegram group (e.g. -100...)
    # where lead cards are posted and staff reply to people; unset = leads are stored (and sent to the
    # CRM) only.
    staff_chat_id: int | None = None
    # Optional CRM webhook: each lead is POSTed as JSON, signed with HMAC-SHA256 (bot/features/leads/crm.py).
    crm_webhook_url: str = ""
    crm_webhook_secret: SecretStr | None = None
    # One reminder to a person who stopped mid-screening, this long after their last message.
    reminder_delay_hours: float = Field(default=24.0, gt=0)

    # The back office. PUBLIC_BASE_URL: where this bot's web server is reached from outside (https), for
    # ad links (/go/<campaign>) and dashboard links; DASHBOARD_SECRET signs sign-in links, cookies and
    # CSRF tokens (the dashboard is off without it).
    public_base_url: str = ""
    dashboard_secret: SecretStr | None = None
    # Conversions for the ad platforms (bot/features/conversions/), each off until configured.
    meta_pixel_id: str = ""
    meta_access_token: SecretStr | None = None
    meta_api_url: str = "https://graph.facebook.com/v21.0"
    meta_test_event_code: str = ""
    meta_send_screening: bool = False
    google_ads_customer_id: str = ""
    google_ads_conversion_action: str = ""
    google_ads_conversion_name: str = "Lead"
    google_ads_developer_token: SecretStr | None = None
    google_ads_login_customer_id: str = ""
    google_ads_client_id: str = ""
    google_ads_client_secret: SecretStr | None = None
    google_ads_refresh_token: SecretStr | None = None
    google_ads_api_url: str = "https://googleads.googleapis.com/v21"
    google_oauth_url: str = "https://oauth2.googleapis.com/token"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator(
        "staff_chat_id",
        "crm_webhook_secret",
        "database_pool_size",
        "database_max_overflow",
        "dashboard_secret",
        "meta_access_token",
        "google_ads_developer_token",
        "google_ads_client_secret",
        "google_ads_refresh_token",
        mode="before",
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

    @field_validator("public_base_url", "meta_api_url", "google_ads_api_url", "google_oauth_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must start with https:// (or http:// for a local test server)")
        return value

    def secret(self, name: str) -> str:
        """A secret setting's value, "" when unset (never logged)."""
        value = getattr(self, name)
        return value.get_secret_value() if isinstance(value, SecretStr) else ""

    def meta_enabled(self) -> bool:
        return bool(self.meta_pixel_id and self.secret("meta_access_token"))

    def google_enabled(self) -> bool:
        return bool(self.google_ads_customer_id and self.google_ads_conversion_action)

    def form_url(self) -> str:
        """Where Telegram opens the financial form; ValueError saying what is missing when it can't."""
        if not self.financial_form:
            raise ValueError("FINANCIAL_FORM=false")
        if not self.public_base_url.startswith("https://"):
            shown = self.public_base_url or "not set"
            raise ValueError(
                f"PUBLIC_BASE_URL is {shown}: Telegram opens a Mini App only from a public https:// address"
            )
        return self.public_base_url + "/form/"

    def dashboard_enabled(self) -> bool:
        return len(self.secret("dashboard_secret")) >= 16

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

    @model_validator(mode="after")
    def _check_business_hours(self) -> Settings:
        if self.business_hours.strip():
            try:
                parse_hours(self.business_hours, self.business_timezone)
            except HoursError as error:
                raise ValueError(f"BUSINESS_HOURS: {error}") from None
        return self

    def hours(self) -> Hours | None:
        return (
            parse_hours(self.business_hours, self.business_timezone) if self.business_hours.strip() else None
        )

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
        """The webhook secrets a request may carry; raises ValueError with an operator-facing message."""
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


def load_settings() -> Settings:
    """The settings from the environment and .env, a validation error turned into one line."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise StartupError(f"invalid setting {name}: {first['msg']}") from None


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
    token = settings.bot_token.get_secret_value().strip() if settings.bot_token else ""
    if not token:
        raise StartupError("BOT_TOKEN is not set: put the token from @BotFather in .env or the environment")
    if not TOKEN_RE.fullmatch(token):
        raise StartupError(
            "BOT_TOKEN is malformed: expected the form 123456789:ABC... as given by @BotFather"
        )
    return token
