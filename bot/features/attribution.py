"""Campaign deep links: build them, and map a /start payload back to a source.

Telegram carries at most 64 characters of ``A-Z a-z 0-9 _ -`` in
``t.me/<bot>?start=<payload>``. A campaign name fits; a full UTM set plus an ad
click id (``fbclid`` is often over 100 characters) does not. Those are stored in
the ``link_tokens`` table under a short random token that the payload carries,
and resolved server-side on /start -- the pattern ad networks and landing pages
use for Telegram (product-anchors §1.7, §2).

Building and validating payloads is pure; only :func:`store_token` and
:func:`resolve_payload` touch the database.
"""

from __future__ import annotations

import random
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import LinkToken
from flows.chat import Source

PAYLOAD_MAX = 64
TOKEN_PREFIX = "t_"
# One-time tokens of ad clicks (bot/features/clicks.py): link_tokens rows too, looked up the same way.
CLICK_PREFIX = "c_"
RESERVED_PREFIXES = (TOKEN_PREFIX, CLICK_PREFIX)
TOKEN_BODY_LEN = 10
_PAYLOAD_RE = re.compile(r"[A-Za-z0-9_-]+")
_URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
# Telegram usernames: 5-32 characters, letters, digits and underscores.
_USERNAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
# Generous limits: they only guard the columns, real UTM values are far shorter.
FIELD_MAX = 255
# The campaign name becomes the conversation's source (a 64-character column).
SOURCE_MAX = 64
CLICK_ID_MAX = 2048


class LinkError(ValueError):
    """A link that Telegram would truncate or reject; the message says how to fix it."""


@dataclass(frozen=True)
class LinkFields:
    """What a marketer wants to know about a click, beyond the campaign name."""

    campaign: str | None = None
    utm_source: str | None = None
    utm_medium: str | None = None
    utm_campaign: str | None = None
    utm_content: str | None = None
    utm_term: str | None = None
    click_id: str | None = None

    def needs_token(self) -> bool:
        """Anything beyond a plain campaign name travels as a token."""
        extra = asdict(self)
        extra.pop("campaign")
        return any(v for v in extra.values())

    def source(self) -> str | None:
        """The name reports group by: the UTM campaign, else the plain campaign."""
        return self.utm_campaign or self.campaign


@dataclass(frozen=True)
class Attribution:
    """What a /start payload tells us: the source name and, for tokens, the token id."""

    source: str | None
    token: str | None = None


def validate_payload(payload: str) -> str:
    """Return the payload if Telegram will deliver it intact, else raise LinkError."""
    if not payload:
        raise LinkError("the start payload is empty")
    if len(payload) > PAYLOAD_MAX:
        raise LinkError(
            f"the start payload is {len(payload)} characters; Telegram allows at most {PAYLOAD_MAX}. "
            "Use a shorter --campaign, or UTM options (they are stored under a short token)."
        )
    if not _PAYLOAD_RE.fullmatch(payload):
        bad = sorted({c for c in payload if not _PAYLOAD_RE.fullmatch(c)})
        raise LinkError(f"the start payload contains {''.join(bad)!r}; Telegram allows only A-Z a-z 0-9 _ -")
    return payload


def validate_campaign(campaign: str) -> str:
    """A plain campaign name is the payload itself, so it obeys the payload rules.

    Names starting with the token prefix are refused: /start would look them up
    as tokens, and a later token with the same id would silently take them over.
    """
    validate_payload(campaign)
    for prefix in RESERVED_PREFIXES:
        if campaign.startswith(prefix):
            raise LinkError(f"a campaign name must not start with {prefix!r} (reserved for link tokens)")
    return campaign


def validate_fields(fields: LinkFields) -> LinkFields:
    if not fields.needs_token():
        # A plain link: the campaign IS the payload, so Telegram's rules come first.
        if not fields.campaign:
            raise LinkError("give --campaign, or at least one UTM field or --click-id")
        validate_campaign(fields.campaign)
    for name, value in asdict(fields).items():
        limit = {"click_id": CLICK_ID_MAX, "campaign": SOURCE_MAX, "utm_campaign": SOURCE_MAX}.get(
            name, FIELD_MAX
        )
        if value is not None and len(value) > limit:
            raise LinkError(f"--{name.replace('_', '-')} is {len(value)} characters; the limit is {limit}")
        if value is not None and not value.strip():
            raise LinkError(f"--{name.replace('_', '-')} is blank")
    return fields


def validate_username(username: str | None) -> str:
    if not username:
        raise LinkError("the bot username is unknown: pass --bot-username or set BOT_USERNAME")
    name = username.removeprefix("@")
    if not _USERNAME_RE.fullmatch(name):
        raise LinkError(f"{username!r} is not a Telegram bot username")
    return name


def new_token(rng: random.Random | None = None) -> str:
    """A short opaque id: 10 url-safe characters give 64**10 (~1e18) possibilities."""
    if rng is None:
        body = "".join(secrets.choice(_URLSAFE) for _ in range(TOKEN_BODY_LEN))
    else:
        body = "".join(rng.choice(_URLSAFE) for _ in range(TOKEN_BODY_LEN))
    return TOKEN_PREFIX + body


def build_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{validate_username(bot_username)}?start={validate_payload(payload)}"


def plan_payload(fields: LinkFields, rng: random.Random | None = None) -> tuple[str, bool]:
    """The payload for these fields and whether it is a token that must be stored."""
    validate_fields(fields)
    if fields.needs_token():
        return new_token(rng), True
    assert fields.campaign is not None  # validate_fields guarantees it
    return fields.campaign, False


async def store_token(
    session: AsyncSession, token: str, fields: LinkFields, now: datetime | None = None
) -> LinkToken:
    row = LinkToken(
        token=token,
        campaign=fields.campaign,
        utm_source=fields.utm_source,
        utm_medium=fields.utm_medium,
        utm_campaign=fields.utm_campaign,
        utm_content=fields.utm_content,
        utm_term=fields.utm_term,
        click_id=fields.click_id,
        created_at=now or datetime.now(UTC),
    )
    session.add(row)
    await session.flush()
    return row


def clean_payload(raw: str | None) -> str | None:
    """The payload if it is one Telegram could have sent from a link, else None.

    A person can type anything after /start by hand; that is not a campaign, and
    it is ignored (never an error), as the transport did before tokens existed.
    """
    if raw is None:
        return None
    text = raw.strip()
    try:
        return validate_payload(text)
    except LinkError:
        return None


async def resolve_payload(session: AsyncSession, raw: str | None) -> Attribution:
    """Map a /start payload to its source. Unknown tokens are plain payloads, never an error."""
    payload = clean_payload(raw)
    if payload is None:
        return Attribution(source=None)
    if payload.startswith(RESERVED_PREFIXES):
        row = await session.get(LinkToken, payload)
        if row is not None:
            source = row.utm_campaign or row.campaign or payload
            return Attribution(source=source[:SOURCE_MAX], token=row.token)
    return Attribution(source=payload)


async def resolve_source(session: AsyncSession, payload: str | None) -> Source | None:
    """The runner's SourceResolver: the campaign a deep link stands for, None for an unusable one."""
    touch = await resolve_payload(session, payload)
    if touch.source is None:
        return None
    return Source(campaign=touch.source, token=touch.token)
