"""/stats and /export for the firm's admins (ADMIN_IDS).

For everyone else the filter simply does not match, so "/stats" falls through to
the conversation like any other unknown text: the reply gives away nothing about
admin commands existing. Reports read the database directly (no conversation
row, no event): looking at the numbers must not change them.

/stats [days] -- the text report (last 30 days by default) and the funnel chart.
/export [days] -- the leads (or completed screenings) as a CSV document.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import BufferedInputFile, Message

from bot.config import Settings
from bot.features.reports.charts import FunnelRow, funnel_png
from bot.features.reports.export import export_rows, leads_available, to_csv
from bot.features.reports.render import render_html_chunks
from bot.features.reports.report import DEFAULT_DAYS, build_report
from bot.runner.runner import StepRunner
from flows.catalogue import normalize_lang, t

MAX_DAYS = 3660


class IsAdmin(Filter):
    async def __call__(self, message: Message, settings: Settings) -> bool:
        user = message.from_user
        return user is not None and user.id in settings.admin_ids


def _range(command: CommandObject, runner: StepRunner) -> tuple[datetime, datetime]:
    """`/stats 7` = the last 7 days; anything unreadable means the default 30."""
    days = DEFAULT_DAYS
    arg = (command.args or "").strip()
    if arg.isdigit() and 0 < int(arg) <= MAX_DAYS:
        days = int(arg)
    # Ranges are half-open; a second past now so events stamped this very moment count.
    until = runner.clock() + timedelta(seconds=1)
    return until - timedelta(days=days), until


def _lang(message: Message) -> str:
    return normalize_lang(message.from_user.language_code if message.from_user else None)


async def on_stats(message: Message, command: CommandObject, bot: Bot, runner: StepRunner) -> None:
    since, until = _range(command, runner)
    lang = _lang(message)
    async with runner.session_factory() as session:
        report = await build_report(session, since, until)
    for chunk in render_html_chunks(report, lang):
        await bot.send_message(message.chat.id, chunk)
    rows = [FunnelRow(s.question_id, s.reached, s.answered, s.left) for s in report.ordered_steps()]
    if not rows:
        return
    legend = [t(f"analytics.col.{c}", lang) for c in ("reached", "answered", "left")]
    png = funnel_png(rows, t("analytics.chart.title", lang), legend)
    fmt = "%Y-%m-%d"
    caption = t("analytics.chart.caption", lang, since=since.strftime(fmt), until=until.strftime(fmt))
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
