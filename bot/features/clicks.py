"""Ad clicks: ``GET /go/<campaign>`` records the click and sends the person on to Telegram.

An ad cannot carry its click id into Telegram: ``t.me/<bot>?start=`` takes 64 characters, an
fbclid is often longer, and the platforms append their id (fbclid, gclid, wbraid, gbraid) to the
ad's URL at click time, so one id per ad (the old ``link --click-id``) is wrong for every click
but one. So the ad points at this endpoint instead. Each request gets its own one-time token,
stored with the click ids, the UTM fields, the time, the user agent and the referrer, and is
redirected to ``https://t.me/<bot>?start=<token>``; the /start that brings the token back ties
the conversation to the click (:func:`claim_click`, through bot/features/attribution.py).

The token is also a ``link_tokens`` row with the campaign and the UTM fields, so reports, exports
and the staff card read it like any other link. A second /start with a used token (a forwarded
link, the same link opened twice) still counts for the campaign but not for the click.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import LinkToken
from bot.db.office import Click
from bot.features.attribution import (
    CLICK_ID_MAX,
    CLICK_PREFIX,
    FIELD_MAX,
    SOURCE_MAX,
    LinkError,
    resolve_payload,
    validate_campaign,
    validate_username,
)
from flows.chat import Source

logger = logging.getLogger(__name__)

UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
CLICK_IDS = ("fbclid", "gclid", "wbraid", "gbraid")
USER_AGENT_MAX = 512
REFERRER_MAX = 1024
GO_PATH = "/go/{campaign}"


def new_click_token() -> str:
    """``c_`` and 16 url-safe characters (96 random bits): unguessable, and inside Telegram's 64."""
    return CLICK_PREFIX + secrets.token_urlsafe(12)


def clip(value: str | None, limit: int) -> str | None:
    """A field as the column can hold it: blank is None, too long is cut (a click is never refused)."""
    if value is None:
        return None
    value = value.strip()
    return value[:limit] if value else None


@dataclass(frozen=True)
class ClickFields:
    campaign: str | None
    utm: dict[str, str | None]
    ids: dict[str, str | None]
    user_agent: str | None
    referrer: str | None

    @classmethod
    def from_request(cls, request: web.Request) -> ClickFields:
        raw_campaign = request.match_info.get("campaign", "")
        try:
            campaign: str | None = validate_campaign(raw_campaign)[:SOURCE_MAX]
        except LinkError:
            campaign = None  # the person still reaches the bot; the click counts without a campaign
        query = request.query
        utm = {
            name: clip(query.get(name), SOURCE_MAX if name == "utm_campaign" else FIELD_MAX)
            for name in UTM_FIELDS
        }
        ids = {name: clip(query.get(name), CLICK_ID_MAX) for name in CLICK_IDS}
        return cls(
            campaign=campaign,
            utm=utm,
            ids=ids,
            user_agent=clip(request.headers.get("User-Agent"), USER_AGENT_MAX),
            referrer=clip(request.headers.get("Referer"), REFERRER_MAX),
        )


async def record_click(session: AsyncSession, fields: ClickFields, now: datetime) -> str:
    """Store the click and its token (the caller commits); returns the token."""
    token = new_click_token()
    first_id = next((v for v in fields.ids.values() if v), None)
    session.add(
        LinkToken(
            token=token,
            campaign=fields.campaign,
            click_id=first_id,
            created_at=now,
            **fields.utm,
        )
    )
    await session.flush()
    session.add(
        Click(
            token=token, user_agent=fields.user_agent, referrer=fields.referrer, created_at=now, **fields.ids
        )
    )
    await session.flush()
    return token


async def claim_click(session: AsyncSession, token: str, now: datetime) -> int | None:
    """The click behind a /start token, the first time only; None for a used or unknown one."""
    click = (await session.execute(select(Click).where(Click.token == token))).scalar_one_or_none()
    if click is None:
        return None
    if click.used_at is not None:
        logger.info("a click token came back a second time: counted for its campaign only")
        return None
    click.used_at = now
    await session.flush()
    return click.id


async def resolve_source(session: AsyncSession, payload: str | None) -> Source | None:
    """The runner's SourceResolver: a link's campaign and token, and for a click token its click."""
    touch = await resolve_payload(session, payload)
    if touch.source is None:
        return None
    click = None
    if touch.token is not None and touch.token.startswith(CLICK_PREFIX):
        click = await claim_click(session, touch.token, datetime.now(UTC))
    return Source(campaign=touch.source, token=touch.token, click=click)


def ad_url(base_url: str, campaign: str, utm: dict[str, str | None]) -> str:
    """The URL an ad points at; the platform appends its click id (fbclid, gclid, ...) to it."""
    query = urlencode({k: v for k, v in utm.items() if v})
    return f"{base_url.rstrip('/')}/go/{validate_campaign(campaign)}" + (f"?{query}" if query else "")


class ClickEndpoint:
    """The aiohttp handler behind ``GET /go/<campaign>``."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], bot_username: str) -> None:
        self.session_factory = session_factory
        self.bot_username = validate_username(bot_username)

    async def handle(self, request: web.Request) -> web.Response:
        fields = ClickFields.from_request(request)
        async with self.session_factory() as session, session.begin():
            token = await record_click(session, fields, datetime.now(UTC))
        location = f"https://t.me/{self.bot_username}?start={token}"
        # no-store: a cached redirect would hand the same one-time token to the next click.
        headers = {"Location": location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
        return web.Response(status=302, headers=headers)


def install_clicks(
    app: web.Application, session_factory: async_sessionmaker[AsyncSession], bot_username: str
) -> None:
    app.router.add_get(GO_PATH, ClickEndpoint(session_factory, bot_username).handle)
