"""The dashboard in a real browser: Debian's headless Chromium, driven by Playwright.

The bot runs against the fake Bot API and the dashboard is served as `python -m bot web` serves
it. An admin asks the bot for a sign-in link (/dashboard), opens it, and reads the funnel, which
must equal what `python -m bot report` prints for the same data; a lead's conversation shows a
name with HTML in it as text; the leads CSV downloads. Screenshots go to test-artifacts/browser/.

Skipped, with the reason shown, where Chromium is missing (`apt-get install chromium
chromium-driver`; .ci/run installs it). Playwright never downloads a browser here: it launches
/usr/bin/chromium.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.cli import main
from bot.db.engine import create_engine, create_session_factory
from bot.features.site import install_site
from tests.bot import stub_engine
from tests.e2e.harness import BotRunner, FakeClock, make_settings
from tests.e2e.leads_support import AGREE, DECLINE
from tests.fakes.telegram import FakeTelegram

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
SECRET = "browser-test-secret-0123456789"
BOT = "IrsHelpBot"
RANGE = "since=2026-11-01&until=2026-11-30"
EVIL_NAME = "<b>Eve</b><script>window.pwned=1</script>"

if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
    pytest.skip(
        "browser tests skipped: Chromium is missing (apt-get install chromium chromium-driver; .ci/run does)",
        allow_module_level=True,
    )
playwright_api = pytest.importorskip("playwright.async_api", reason="browser tests skipped: no playwright")


@pytest.fixture
async def world(
    fake_telegram: FakeTelegram, sqlite_template: Path, tmp_path: Path
) -> AsyncIterator[dict[str, Any]]:
    """The bot (stub screening) with three people, one admin, and the web pages on a local port."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    shutil.copyfile(sqlite_template, tmp_path / "bot.db")
    admin = fake_telegram.user(first_name="Boss")
    options: dict[str, Any] = {"admin_ids": [admin.id], "dashboard_secret": SECRET, "bot_username": BOT}
    engine = create_engine(url)
    app = web.Application()
    install_site(app, make_settings(fake_telegram, url, **options), create_session_factory(engine))
    site_runner = web.AppRunner(app)
    await site_runner.setup()
    site = web.TCPSite(site_runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    base = {"url": f"http://127.0.0.1:{port}"}
    options["public_base_url"] = base["url"]  # the links the bot sends point here

    bot = BotRunner(fake_telegram, url, stub_engine, FakeClock())
    await bot.start(**options)
    for name, agree in ((EVIL_NAME, True), ("Bob", False), ("Cy", None)):
        chat = bot.chat(fake_telegram.user(first_name="X"))
        await chat.send("/start spring_fb")
        await chat.send(name)
        if agree is None:
            continue  # left at the second question
        await chat.press("Blue")
        await chat.press(AGREE if agree else DECLINE)
        if agree:
            await chat.send("(415) 555-2671")
            await chat.send(name)
            await chat.send("Morning")
    await admin.send("/dashboard")
    (message,) = await admin.wait_messages(1)
    link = re.search(r'href="([^"]+)"', message.html)
    assert link is not None, message.html
    yield {"url": base["url"], "link": link.group(1).replace("&amp;", "&"), "database_url": url}
    await bot.stop()
    await site_runner.cleanup()
    await engine.dispose()


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with playwright_api.async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield chromium
        finally:
            await chromium.close()


async def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


async def cli_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str
) -> dict[str, int]:
    """`python -m bot report` as an operator runs it (in a thread: it runs its own event loop)."""
    monkeypatch.setenv("DATABASE_URL", url)
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["report", "--since", "2026-11-01", "--until", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    numbers = {}
    for label in ("Started", "Completed", "Agreed to contact", "Leads", "Taken by staff", "Booked"):
        match = re.search(rf"^{label}\s+(\d+)", out, re.MULTILINE)
        assert match is not None, out
        numbers[label] = int(match.group(1))
    return numbers


async def test_sign_in_funnel_lead_and_csv_in_a_real_browser(
    world: dict[str, Any],
    browser: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    context = await browser.new_context(accept_downloads=True)
    page = await context.new_page()

    # No session: nothing but the way to sign in, for the pages and the downloads alike.
    response = await page.goto(f"{world['url']}/dashboard/?{RANGE}")
    assert response.status == 401
    assert "Sign in to the back office" in await page.inner_text("#refused")
    await shot(page, "1-refused")
    for path in ("/dashboard/leads.csv", "/dashboard/leads/1", "/dashboard/chart/funnel.svg"):
        assert (await page.goto(world["url"] + path)).status == 401, path
    forged = world["link"][:-4] + "AAAA"
    assert (await page.goto(forged)).status == 401  # a tampered link

    # The admin's link: signed in, and the link is used up.
    await page.goto(world["link"])
    assert page.url == f"{world['url']}/dashboard/"
    await page.goto(f"{world['url']}/dashboard/?{RANGE}")
    shown = [int(await page.inner_text(f"#stage-{n}")) for n in range(6)]
    await shot(page, "2-funnel")
    other = await (await browser.new_context()).new_page()
    assert (await other.goto(world["link"])).status == 401  # once only

    # The same numbers as `python -m bot report` for the same data.
    printed = await cli_report(monkeypatch, capsys, world["database_url"])
    assert shown == list(printed.values()) == [3, 2, 1, 1, 0, 0]
    assert "Federal balance" not in await page.inner_text("#questions")  # the stub's questions
    assert await page.locator("#funnel-chart").evaluate("img => img.naturalWidth") > 100

    # The lead, and the conversation as the person saw it: their name is text, never markup.
    await page.goto(f"{world['url']}/dashboard/leads?{RANGE}")
    await page.click("#leads a >> nth=1")
    transcript = await page.inner_text("#transcript")
    assert EVIL_NAME in transcript and "Pick a colour" in transcript
    assert await page.evaluate("() => window.pwned") is None
    assert await page.locator("#transcript script").count() == 0
    await page.fill("#note-form textarea", "Called, <i>voicemail</i>")
    await page.click("#note-form button")
    assert "Called, <i>voicemail</i>" in await page.inner_text("#notes")
    await shot(page, "3-lead")

    # The CSV of the inbox.
    await page.goto(f"{world['url']}/dashboard/leads?{RANGE}")
    async with page.expect_download() as info:
        await page.click("#leads-csv")
    download = await info.value
    target = tmp_path / "leads.csv"
    await download.save_as(str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 1 and rows[0]["name"] == EVIL_NAME and rows[0]["phone"] == "+14155552671"
    assert rows[0]["campaign"] == "spring_fb" and rows[0]["status"] == "new"
    await context.close()
