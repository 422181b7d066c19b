"""`python -m bot link`: print a campaign's t.me deep link (and store its UTM token)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import asdict

from sqlalchemy.exc import SQLAlchemyError

from bot.cli.common import Subcommands
from bot.config import StartupError, load_settings, redacted
from bot.db.engine import create_engine, create_session_factory
from bot.features.attribution import (
    LinkError,
    LinkFields,
    build_link,
    plan_payload,
    store_token,
    validate_fields,
    validate_username,
)
from bot.features.clicks import ad_url

EXIT_REFUSED = 2


def cmd_ad_link(args: argparse.Namespace, base_url: str) -> int:
    """The URL for an ad: <PUBLIC_BASE_URL>/go/<campaign>?utm_...; each click gets its own token there."""
    if not base_url:
        print(
            "error: refused: the web server's address is unknown: pass --base-url or set PUBLIC_BASE_URL",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if args.click_id:
        print(
            "error: refused: an ad link takes no --click-id: the ad platform adds one to every click",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    utm = {
        name: getattr(args, name)
        for name in ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
    }
    try:
        if not args.campaign:
            raise LinkError("an ad link needs --campaign (the name in /go/<campaign>)")
        validate_fields(LinkFields(campaign=args.campaign, **utm))
        url = ad_url(base_url, args.campaign, utm)
    except LinkError as error:
        print(f"error: refused: {error}", file=sys.stderr)
        return EXIT_REFUSED
    print(url)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    """Print the t.me link; refuse (exit 2) what Telegram would truncate or reject."""
    fields = LinkFields(
        campaign=args.campaign,
        utm_source=args.utm_source,
        utm_medium=args.utm_medium,
        utm_campaign=args.utm_campaign,
        utm_content=args.utm_content,
        utm_term=args.utm_term,
        click_id=args.click_id,
    )
    settings = load_settings()
    if args.ad:
        return cmd_ad_link(args, (args.base_url or settings.public_base_url).rstrip("/"))
    try:
        username = validate_username(args.bot_username or settings.bot_username)
        payload, is_token = plan_payload(fields)
        link = build_link(username, payload)
    except LinkError as error:
        print(f"error: refused: {error}", file=sys.stderr)
        return EXIT_REFUSED
    if args.click_id:
        print(
            "note: a click id stored on a link is one click's; everyone who uses this link will share it. "
            "For ads use --ad: each click through /go/<campaign> keeps its own fbclid/gclid.",
            file=sys.stderr,
        )
    if is_token:

        async def save() -> None:
            engine = create_engine(settings.database_url)
            try:
                async with create_session_factory(engine)() as session, session.begin():
                    await store_token(session, payload, fields)
            finally:
                await engine.dispose()

        try:
            asyncio.run(save())
        except SQLAlchemyError as error:
            raise StartupError(
                f"cannot store the link token in DATABASE_URL={redacted(settings.database_url)} "
                f"({type(error).__name__}): run `python -m bot migrate` and check the URL"
            ) from None
        stored = ", ".join(
            f"{k}={v if k != 'click_id' else f'<{len(v)} chars>'}" for k, v in asdict(fields).items() if v
        )
        print(
            f"token {payload} stores {stored}; reports count it as campaign {fields.source()!r}",
            file=sys.stderr,
        )
    print(link)
    return 0


def add_link(sub: Subcommands) -> None:
    p = sub.add_parser(
        "link",
        help="make a t.me deep link for a campaign",
        description=(
            "A plain --campaign NAME becomes the start payload itself (64 characters of A-Z a-z 0-9 _ -). "
            "UTM fields and an ad click id are stored in the database under a short token instead."
        ),
    )
    p.add_argument("--campaign", help="campaign name (the payload for a plain link)")
    p.add_argument("--utm-source")
    p.add_argument("--utm-medium")
    p.add_argument("--utm-campaign", help="becomes the campaign name in reports")
    p.add_argument("--utm-content")
    p.add_argument("--utm-term")
    p.add_argument(
        "--click-id",
        help="one click id for everyone using the link (for ads, prefer --ad), up to 2048 characters",
    )
    p.add_argument("--bot-username", help="the bot's @username (default: BOT_USERNAME)")
    p.add_argument(
        "--ad",
        action="store_true",
        help="print the URL for an ad instead: <PUBLIC_BASE_URL>/go/<campaign>?utm_..., which records each "
        "click (with the fbclid/gclid the platform appends) and sends the person on to the bot",
    )
    p.add_argument("--base-url", help="the web server's public https address (default: PUBLIC_BASE_URL)")
    p.set_defaults(func=cmd_link)
