"""/stats, /export and /dashboard for the firm's admins (ADMIN_IDS).

For everyone else the filter simply does not match, so "/stats" falls through to
the conversation like any other unknown text: the reply gives away nothing about
admin commands existing. Reports read the database directly (no conversation
row, no event): looking at the numbers must not change them.

/stats [days] -- a short summary of the funnel summary (the last 30 days by default, today
included), a chart of it, and a link to the dashboard for everything else.
/export [days] -- the leads (or completed screenings) as a CSV document.
(/dashboard, the sign-in link, is bot/features/dashboard/command.py.)
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import BufferedInputFile, LinkPreviewOptions, Message

from bot.config import Settings
from bot.features.reports import chart
from bot.features.reports.export import export_rows, leads_available, to_csv
from bot.features.reports.funnel import Funnel, build_funnel, pct
from bot.features.reports.report import DEFAULT_DAYS
from bot.runner.runner import StepRunner
from flows.catalogue import normalize_lang, t

MAX_DAYS = 3660
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a preview fetch must not use up a sign-in link
TOP_CAMPAIGNS = 3


class IsAdmin(Filter):
    async def __call__(self, message: Message, settings: Settings) -> bool:
        user = message.from_user
        return user is not None and user.id in settings.admin_ids


def days_of(command: CommandObject) -> int:
    """`/stats 7` = the last 7 days; anything unreadable means the default 30."""
    arg = (command.args or "").strip()
    return int(arg) if arg.isdigit() and 0 < int(arg) <= MAX_DAYS else DEFAULT_DAYS


def _range(command: CommandObject, runner: StepRunner) -> tuple[datetime, datetime]:
    days = days_of(command)
    # Ranges are half-open; a second past now so events stamped this very moment count.
    until = runner.clock() + timedelta(seconds=1)
    return until - timedelta(days=days), until


def _lang(message: Message) -> str:
    return normalize_lang(message.from_user.language_code if message.from_user else None)


def summary_text(funnel: Funnel, lang: str, dashboard: str | None) -> str:
    o = funnel.overall
    if not o.starts:
        lines = [t("office.stats.empty", lang)]
    else:
        lines = [
            t(
                "office.stats.summary",
                lang,
                since=funnel.since.isoformat(),
                until=(funnel.until - timedelta(days=1)).isoformat(),
                starts=o.starts,
                completed=o.completed,
                completed_rate=pct(o.completed, o.starts),
                consented=o.consented,
                leads=o.leads,
                urgent=o.urgent,
                taken=o.taken,
                booked=o.booked,
            )
        ]
        top = [g for g in funnel.breakdowns.get("campaign", []) if g.starts][:TOP_CAMPAIGNS]
        if top:
            listed = ", ".join(f"{escape(g.label)} ({g.starts} / {g.leads})" for g in top)
            lines.append(t("office.stats.top", lang, campaigns=listed))
    lines.append(t("office.stats.link", lang, url=escape(dashboard, quote=True)) if dashboard
                 else t("office.stats.no_link", lang))  # fmt: skip
    return "\n\n".join(lines)


async def on_stats(
    message: Message, command: CommandObject, bot: Bot, runner: StepRunner, settings: Settings
) -> None:
    today = runner.clock().date()
    since = today - timedelta(days=days_of(command) - 1)
    lang = _lang(message)
    async with runner.session_factory() as session:
        funnel = await build_funnel(session, since, today + timedelta(days=1))
    dashboard = (
        f"{settings.public_base_url}/dashboard/"
        if settings.dashboard_enabled() and settings.public_base_url
        else None
    )
    await bot.send_message(
        message.chat.id, summary_text(funnel, lang, dashboard), link_preview_options=NO_PREVIEW
    )
    if not funnel.overall.starts:
        return
    png = await chart.render(chart.funnel_chart, funnel, lang, "png")
    fmt = "%Y-%m-%d"
    caption = t("analytics.chart.caption", lang, since=since.strftime(fmt), until=today.strftime(fmt))
    await bot.send_photo(message.chat.id, BufferedInputFile(png, filename="funnel.png"), caption=caption)


async def on_export(message: Message, command: CommandObject, bot: Bot, runner: StepRunner) -> None:
    since, until = _range(command, runner)
    lang = _lang(message)
    leads = leads_available()
    async with runner.session_factory() as session:
        header, rows = await export_rows(session, since, until, leads=leads)
    data = to_csv(header, rows).encode("utf-8")
    name = f"{'leads' if leads else 'screenings'}-{until:%Y%m%d}.csv"
    key = "analytics.export.caption" if leads else "analytics.export.caption_screenings"
    await bot.send_document(
        message.chat.id, BufferedInputFile(data, filename=name), caption=t(key, lang, rows=len(rows))
    )


def create_router() -> Router:
    router = Router(name="admin")
    # The filter is on the router, before any handler: a non-admin's update is never handled here.
    router.message.filter(IsAdmin())
    router.message.register(on_stats, Command("stats"))
    router.message.register(on_export, Command("export"))
    return router
