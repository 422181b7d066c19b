"""The financial form in a real browser: Debian's headless Chromium, driven by Playwright.

The real bot polls the fake Bot API; the form's page is served as the webhook workers serve it. A
stand-in for Telegram's ``WebApp`` object hands the page an initData signed with the bot token, as
a Telegram client would. The person fills the form by its labels, watches what is left each month
add up, is told in the chat's words what is wrong with a figure, sends it, and the plan arrives in
the chat; a page opened without Telegram's signature shows nothing to fill. Screenshots go to
test-artifacts/browser/.

One browser for the module. Skipped, with the reason shown, where Chromium is missing
(`apt-get install chromium`; .ci/run installs it). Playwright never downloads a browser here.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import pytest
import pytest_asyncio

from tests.e2e.form_support import IN_FORM, FormWorld, form_world, to_the_money_questions
from tests.e2e.harness import BotRunner, FakeClock
from tests.fakes.telegram import FakeTelegram

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PHONE = {"width": 390, "height": 844}

if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
    pytest.skip(
        "browser tests skipped: Chromium is missing (apt-get install chromium chromium-driver; .ci/run does)",
        allow_module_level=True,
    )
playwright_api = pytest.importorskip("playwright.async_api", reason="browser tests skipped: no playwright")

pytestmark = pytest.mark.asyncio(loop_scope="module")

# Up to the money questions typed in Spanish (choices by their number).
TO_THE_FORM_ES = ["1", "90000", "1", "sí", "2", "no", "0", "no", "sí", "no", "0", "1", "1", "no"]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[Any]:
    async with playwright_api.async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield chromium
        finally:
            await chromium.close()


@asynccontextmanager
async def world(tmp_path: Path, sqlite_template: Path) -> AsyncIterator[FormWorld]:
    shutil.copyfile(sqlite_template, tmp_path / "bot.db")
    async with FakeTelegram() as tg:
        bot = BotRunner(tg, f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", None, FakeClock())
        try:
            async with form_world(bot) as w:
                yield w
        finally:
            await bot.stop()


async def telegram_page(browser: Any, init_data: str | None, url: str) -> Any:
    """A phone-sized page with a stand-in for Telegram's WebApp object (None: no Telegram at all)."""
    context = await browser.new_context(viewport=PHONE)
    if init_data is not None:
        methods = "ready() {}, expand() {}, close() { window.__closed = true; }"
        stand_in = "window.Telegram = {WebApp: {initData: " + json.dumps(init_data) + ", " + methods + "}};"
        await context.add_init_script(script=stand_in)
    page = await context.new_page()
    await page.goto(url)
    return page


async def visible(page: Any, selector: str) -> None:
    """Wait for the server's answer to show something (polled often: it comes within a moment)."""
    script = f"() => {{ const e = document.querySelector({selector!r}); return e !== null && !e.hidden; }}"
    await page.wait_for_function(script, polling=25)


async def settled(page: Any) -> None:
    """Wait until the server has answered for the latest figures typed."""
    await page.wait_for_function(
        "() => !document.querySelector('#app').hasAttribute('aria-busy')", polling=25
    )


async def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"form-{name}.png"), full_page=True)


async def test_a_person_fills_the_form_watches_the_totals_and_gets_the_plan_in_the_chat(
    browser: Any, tmp_path: Path, sqlite_template: Path
) -> None:
    async with world(tmp_path, sqlite_template) as w:
        ann = w.tg.user(first_name="Ann")
        chat = w.bot.chat(ann)
        await to_the_money_questions(chat)
        page = await telegram_page(browser, w.init_data(ann), f"{w.base}/form/")
        await page.wait_for_selector("#finform")
        assert await page.title() == "Your finances"
        assert await page.get_attribute("html", "lang") == "en"
        assert "Type your monthly income" in await page.inner_text("#totals")

        # Every field is found by its label, as a screen reader finds it.
        await page.get_by_label("Lower 48 states or DC").check()
        await page.get_by_label("How many people live in your household, you included?").fill("2")
        await page.get_by_label("How many of them are 65 or older?").fill("1")
        await page.get_by_label("What is your household's total monthly income before taxes?").fill("4000")
        await page.wait_for_function(
            "() => document.querySelector('#total-income')?.textContent === '$4,000'"
        )
        assert await page.is_hidden("#f-vehicle_payment")  # no vehicle yet: no car loan to ask about
        car_count = page.get_by_label("How many cars or other vehicles does your household own or lease?")
        await car_count.fill("1")
        await visible(page, "#f-vehicle_payment")

        # A negative amount: the chat's own words, next to the field, once the person leaves it.
        housing = page.get_by_label("Monthly housing costs: rent or mortgage plus utilities?")
        await housing.fill("-1000")
        await housing.blur()
        await visible(page, "#e-expense_housing")
        error = await page.inner_text("#e-expense_housing")
        assert error.startswith("The amount can't be negative.")
        assert await housing.get_attribute("aria-invalid") == "true"
        assert "e-expense_housing" in (await housing.get_attribute("aria-describedby") or "")
        await shot(page, "1-error")
        await housing.fill("1000")

        for qid, value in IN_FORM.items():
            if qid != "residence":
                await page.fill(f"#i-{qid}", value)
        await page.locator("#i-other_assets").blur()
        await settled(page)
        assert await page.inner_text("#total-left") == "$528"
        assert await page.inner_text("#total-equity") == "$2,900"
        assert await page.inner_text("#bar") == "Left each month: $528"  # kept in view while typing
        assert await page.is_hidden("#e-expense_housing")
        assert await page.locator(".field.invalid").count() == 0
        why = await page.inner_text("#w-household_size")
        assert why == "Why we ask: The IRS allows living costs by the size of your household."
        await shot(page, "2-filled")

        handled = w.bot.handled
        await page.get_by_role("button", name="Send my answers").click()
        await page.wait_for_selector("#sent")
        assert await page.inner_text("#sent") == "Received. Your next step is in the chat."
        await page.get_by_role("button", name="Close").click()  # or it closes by itself, a moment later
        assert await page.evaluate("() => window.__closed") is True
        await shot(page, "3-sent")
        await w.bot.wait_handled(handled + 1)
        replies = await chat.read()
        assert replies[0].text.startswith("From your form:") and "Mortgage left: $140,000" in replies[0].text
        assert replies[1].text.startswith("Your plan")
        await page.context.close()


async def test_without_telegrams_signature_the_page_has_nothing_to_fill(
    browser: Any, tmp_path: Path, sqlite_template: Path
) -> None:
    async with world(tmp_path, sqlite_template) as w:
        eve = w.tg.user(first_name="Eve", language_code="es")
        chat = w.bot.chat(eve)
        await chat.send("/start")
        for reply in TO_THE_FORM_ES:
            await chat.send(reply)

        # Opened outside Telegram: no initData at all.
        page = await telegram_page(browser, None, f"{w.base}/form/")
        await page.wait_for_selector("#refused")
        assert "opened from the button in the chat" in await page.inner_text("#refused")
        assert await page.locator("input").count() == 0
        await page.context.close()

        # A tampered initData in the launch parameters (the address, as Telegram's clients pass it).
        fields = dict(parse_qsl(w.init_data(eve)))
        forged = urlencode({**fields, "user": fields["user"].replace(str(eve.id), str(eve.id + 1))})
        page = await telegram_page(
            browser, None, f"{w.base}/form/#tgWebAppData={quote(forged)}&tgWebAppVersion=8.0"
        )
        await page.wait_for_selector("#refused")
        text = await page.inner_text("#refused")
        assert "opened from the button in the chat" in text and "abre con el botón del chat" in text
        assert await page.locator("input").count() == 0
        await shot(page, "4-refused")
        await page.context.close()

        # Eve's own opening, from the address: her conversation is in Spanish, so is the form.
        signed = quote(w.init_data(eve))
        page = await telegram_page(browser, None, f"{w.base}/form/#tgWebAppData={signed}&tgWebAppVersion=8.0")
        await page.wait_for_selector("#finform")
        assert await page.get_attribute("html", "lang") == "es"
        assert await page.get_by_label("¿Cuántas personas viven en su hogar, contándose usted?").count() == 1
        await page.get_by_role("button", name="Enviar mis respuestas").click()
        await visible(page, "#e-residence")
        assert (
            await page.inner_text("#banner")
            == "Algunas respuestas hay que revisarlas: vea las notas en rojo."
        )
        assert await page.inner_text("#e-household_size") == "Por favor llene esto (escriba 0 si no aplica)."
        assert await page.inner_text("#e-residence") == "Por favor elija una opción."
        await shot(page, "5-spanish")
        await page.context.close()
        assert await chat.read() == []  # nothing reached the chat
