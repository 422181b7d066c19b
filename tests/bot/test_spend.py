"""Spend from the ad platforms' CSV exports: both layouts, totals skipped, re-imports replace."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.db.engine import create_engine, create_session_factory
from bot.features.reports.spend import SpendError, import_spend, parse_export, spend_by_campaign

META = """Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Results
2026-11-02,2026-11-02,spring_fb,"1,234.56",12
2026-11-03,2026-11-03,spring_fb,10.01,1
2026-11-03,2026-11-03,levy_fb,5,0
"""
GOOGLE = """Campaign report
"November 1, 2026 - November 30, 2026"
Day,Campaign,Cost,Clicks
2026-11-02,cdp_google,99.90,40
Total: Account,,99.90,40
"""


def test_a_meta_export_is_read_by_its_columns() -> None:
    rows = parse_export(META, date(2026, 11, 30))
    assert [(r.day, r.campaign, r.cents, r.currency) for r in rows] == [
        (date(2026, 11, 2), "spring_fb", 123456, "USD"),
        (date(2026, 11, 3), "spring_fb", 1001, "USD"),
        (date(2026, 11, 3), "levy_fb", 500, "USD"),
    ]


def test_a_google_export_skips_its_title_lines_and_totals() -> None:
    rows = parse_export(GOOGLE, date(2026, 11, 30))
    assert [(r.day, r.campaign, r.cents) for r in rows] == [(date(2026, 11, 2), "cdp_google", 9990)]


@pytest.mark.parametrize("text", ["", "a,b\n1,2\n", "Campaign,Cost\nx,lots\n"])
def test_a_file_that_is_not_an_export_says_why(text: str) -> None:
    with pytest.raises(SpendError):
        parse_export(text, date(2026, 11, 30))


async def test_importing_the_same_days_again_replaces_them(database_url: str) -> None:
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    try:
        for _ in range(2):
            async with factory() as session, session.begin():
                assert await import_spend(session, "meta", parse_export(META, now.date()), now) == 3
        async with factory() as session:
            spend = await spend_by_campaign(session, date(2026, 11, 1), date(2026, 12, 1))
            assert spend == {"spring_fb": 124457, "levy_fb": 500}
            assert await spend_by_campaign(session, date(2026, 11, 3), date(2026, 11, 4)) == {
                "spring_fb": 1001,
                "levy_fb": 500,
            }
        async with factory() as session:
            with pytest.raises(SpendError):
                await import_spend(session, "tiktok", [], now)
    finally:
        await engine.dispose()
