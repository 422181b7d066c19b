"""`python -m bot report` and `python -m bot export`: the campaign report and the CSV, from the shell."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import Subcommands
from bot.config import StartupError, load_settings, redacted
from bot.db.engine import create_engine, create_session_factory
from bot.features.reports.export import export_rows, to_csv
from bot.features.reports.funnel import Funnel, build_funnel, day_range, render_funnel_text
from bot.features.reports.render import render_text
from bot.features.reports.report import BY_CHOICES, DEFAULT_DAYS, Report, build_report, day_start
from bot.features.reports.summary import DIMENSIONS

T = TypeVar("T")


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-01") from None


def range_from_args(
    since: date | None, until: date | None, now: datetime | None = None
) -> tuple[datetime, datetime]:
    """--until is an inclusive day; without dates, the last 30 days up to now."""
    end = day_start(until + timedelta(days=1)) if until else (now or datetime.now(UTC))
    start = day_start(since) if since else end - timedelta(days=DEFAULT_DAYS)
    return start, end


def _add_range(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=parse_day, help="first day, YYYY-MM-DD (default: 30 days ago)")
    p.add_argument("--until", type=parse_day, help="last day included, YYYY-MM-DD (default: now)")


async def _with_session(database_url: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return await work(session)
    finally:
        await engine.dispose()


def cmd_report(args: argparse.Namespace) -> int:
    """The funnel summary's report (what the dashboard shows); --full-scan: the old event scan."""
    settings = load_settings()
    if args.full_scan:
        return full_scan_report(args, settings.database_url)
    since, until = day_range(args.since, args.until)
    dimensions = tuple(d for d in BY_CHOICES[args.by] if d in DIMENSIONS) or DIMENSIONS
    # The cohort report groups by the start's campaign, variants and UTM fields (--by variant: both slots).

    async def work(session: AsyncSession) -> Funnel:
        return await build_funnel(session, since, until, dimensions)

    try:
        funnel = asyncio.run(_with_session(settings.database_url, work))
    except SQLAlchemyError as error:
        raise StartupError(
            f"cannot read the database at DATABASE_URL={redacted(settings.database_url)} "
            f"({type(error).__name__}): run `python -m bot migrate` and check the URL"
        ) from None
    print(render_funnel_text(funnel, args.lang))
    return 0


def full_scan_report(args: argparse.Namespace, database_url: str) -> int:
    since, until = range_from_args(args.since, args.until)

    async def work(session: AsyncSession) -> Report:
        return await build_report(session, since, until, BY_CHOICES[args.by])

    try:
        report = asyncio.run(_with_session(database_url, work))
    except SQLAlchemyError as error:
        raise StartupError(
            f"cannot read the database at DATABASE_URL={redacted(database_url)} "
            f"({type(error).__name__}): run `python -m bot migrate` and check the URL"
        ) from None
    print(render_text(report, args.lang))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    settings = load_settings()
    since, until = range_from_args(args.since, args.until)
    leads = {"auto": None, "leads": True, "screenings": False}[args.kind]

    async def work(session: AsyncSession) -> tuple[list[str], list[list[str]]]:
        return await export_rows(session, since, until, leads=leads)

    try:
        header, rows = asyncio.run(_with_session(settings.database_url, work))
    except SQLAlchemyError as error:
        raise StartupError(
            f"cannot read the database at DATABASE_URL={redacted(settings.database_url)} "
            f"({type(error).__name__}): run `python -m bot migrate` and check the URL"
        ) from None
    text_ = to_csv(header, rows)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text_)
        print(f"{len(rows)} rows written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text_)
    return 0


def add_report(sub: Subcommands) -> None:
    p = sub.add_parser(
        "report",
        help="campaign report: starts, completions, consent, leads, taken, outcomes, funnel per question",
        description=(
            "People count on the day of their first start (their cohort), once; the range is whole days, "
            "by default the last 30 with today."
        ),
    )
    _add_range(p)
    p.add_argument("--by", choices=sorted(BY_CHOICES), default="all", help="breakdown (default: all)")
    p.add_argument("--lang", choices=["en", "es"], default="en")
    p.add_argument(
        "--full-scan",
        action="store_true",
        help="count straight from the events (every event in the range, not cohorts): slow, for auditing",
    )
    p.set_defaults(func=cmd_report)


def add_export(sub: Subcommands) -> None:
    p = sub.add_parser("export", help="CSV of leads (or of completed screenings before leads exist)")
    _add_range(p)
    p.add_argument("--out", help="file to write (default: standard output)")
    p.add_argument("--kind", choices=["auto", "leads", "screenings"], default="auto")
    p.set_defaults(func=cmd_export)
