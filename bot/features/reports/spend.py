"""Ad spend imported from the platforms' CSV exports, and what a lead cost.

Meta Ads Manager and Google Ads both export a report as CSV; the columns differ and Google puts
a title and a date line above the header. The reader finds the header row by its columns: a
campaign column ("Campaign name" / "Campaign"), a spend column ("Amount spent (USD)" / "Cost" /
"Spend") and, optionally, a day ("Day" / "Date" / "Reporting starts"; without one, the day given
at import). Amounts keep cents exactly (Decimal). A second import of the same day, platform
and campaign replaces the first, so re-importing a corrected export never doubles the spend.

Cost per lead matches the platform's campaign name against the bot's campaign (the name in
``/go/<campaign>`` or the link's utm_campaign): name them the same.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.office import AdSpend

PLATFORMS = ("meta", "google")
CAMPAIGN_COLUMNS = ("campaign name", "campaign")
SPEND_COLUMNS = ("amount spent", "cost", "spend")
DAY_COLUMNS = ("day", "date", "reporting starts")
MAX_ROWS = 100_000


class SpendError(ValueError):
    """An export the reader cannot use; the message says what is missing."""


@dataclass(frozen=True)
class SpendRow:
    day: date
    campaign: str
    cents: int
    currency: str


def find(header: list[str], names: tuple[str, ...]) -> int | None:
    cleaned = [h.strip().lower() for h in header]
    for name in names:
        for index, column in enumerate(cleaned):
            if column == name or column.startswith(name + " ("):
                return index
    return None


def money_cents(text: str) -> int:
    if text.strip() in ("", "-", "--"):
        return 0  # no spend that day, as the exports write it
    if not re.search(r"\d", text):
        raise SpendError(f"{text!r} is not an amount")
    cleaned = re.sub(r"[^\d.\-]", "", text.replace(",", ""))
    try:
        return int((Decimal(cleaned or "0") * 100).quantize(Decimal("1")))
    except InvalidOperation:
        raise SpendError(f"{text!r} is not an amount") from None


def parse_day(text: str) -> date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise SpendError(f"{text!r} is not a date")


def parse_export(text: str, default_day: date) -> list[SpendRow]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    at = 0
    for index, header in enumerate(rows[:20]):
        campaign_col, spend_col = find(header, CAMPAIGN_COLUMNS), find(header, SPEND_COLUMNS)
        if campaign_col is not None and spend_col is not None:
            at = index
            break
    else:
        raise SpendError("no header with a campaign column and a spend column (Amount spent / Cost)")
    day_col = find(header, DAY_COLUMNS)
    currency = "USD"
    match = re.search(r"\(([A-Z]{3})\)", header[spend_col])
    if match:
        currency = match.group(1)
    out: list[SpendRow] = []
    for row in rows[at + 1 : at + 1 + MAX_ROWS]:
        if len(row) <= max(campaign_col, spend_col) or not row[campaign_col].strip():
            continue
        campaign = row[campaign_col].strip()
        if campaign.lower().startswith("total"):
            continue  # the exports' own total lines
        day = parse_day(row[day_col]) if day_col is not None and row[day_col].strip() else default_day
        out.append(SpendRow(day, campaign[:255], money_cents(row[spend_col]), currency))
    return out


async def import_spend(session: AsyncSession, platform: str, rows: list[SpendRow], now: datetime) -> int:
    if platform not in PLATFORMS:
        raise SpendError(f"platform must be one of {', '.join(PLATFORMS)}")
    merged: dict[tuple[date, str], SpendRow] = {}
    for row in rows:
        key = (row.day, row.campaign)
        if key in merged:
            row = SpendRow(row.day, row.campaign, merged[key].cents + row.cents, row.currency)
        merged[key] = row
    for (day, campaign), row in merged.items():
        await session.execute(
            delete(AdSpend).where(
                AdSpend.day == day, AdSpend.platform == platform, AdSpend.campaign == campaign
            )
        )
        session.add(
            AdSpend(
                day=day,
                platform=platform,
                campaign=campaign,
                spend_cents=row.cents,
                currency=row.currency,
                imported_at=now,
            )
        )
    return len(merged)


async def spend_by_campaign(session: AsyncSession, since: date, until: date) -> dict[str, int]:
    stmt = (
        select(AdSpend.campaign, func.sum(AdSpend.spend_cents))
        .where(AdSpend.day >= since, AdSpend.day < until)
        .group_by(AdSpend.campaign)
    )
    out: dict[str, int] = defaultdict(int)
    for campaign, cents in (await session.execute(stmt)).all():
        out[campaign] += int(cents or 0)
    return out
