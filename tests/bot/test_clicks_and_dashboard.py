"""Ad clicks (/go), the one-time /start token, and the dashboard's gate: sign-in links, sessions, CSRF.

Over real HTTP (aiohttp's test client against the real routes), on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from itsdangerous import TimestampSigner
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.engine import create_engine, create_session_factory
from bot.db.office import Click
from bot.features.attribution import LinkError, validate_campaign
from bot.features.clicks import ClickFields, resolve_source
from bot.features.dashboard.auth import COOKIE, Signatures
from bot.features.site import install_site

ADMIN = 7
SECRET = "unit-test-dashboard-secret-000"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def settings(url: str, **extra: Any) -> Settings:
    values = {
        "database_url": url,
        "admin_ids": [ADMIN],
        "dashboard_secret": SECRET,
        "bot_username": "IrsHelpBot",
        "public_base_url": "https://bot.example.com",
        **extra,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def factory(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    yield create_session_factory(engine)
    await engine.dispose()


@pytest.fixture
async def client(
    database_url: str, factory: async_sessionmaker[AsyncSession]
) -> AsyncIterator[TestClient[Any, Any]]:
    app = web.Application()
    install_site(app, settings(database_url), factory)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


async def go(client: TestClient[Any, Any], path: str) -> str:
    response = await client.get(path, allow_redirects=False)
    assert response.status == 302
    return response.headers["Location"].rsplit("start=", 1)[1]


async def test_every_click_gets_its_own_token_and_a_token_counts_its_click_once(
    client: TestClient[Any, Any], factory: async_sessionmaker[AsyncSession]
) -> None:
    first = await go(client, "/go/spring?fbclid=AAA&utm_source=facebook")
    second = await go(client, "/go/spring?fbclid=BBB&utm_source=facebook")
    assert first != second
    async with factory() as session, session.begin():
        source = await resolve_source(session, first)
        again = await resolve_source(session, first)
        click = (await session.execute(Click.__table__.select().where(Click.token == first))).one()
    assert source is not None and source.campaign == "spring" and source.token == first
    assert source.click == click.id and click.fbclid == "AAA" and click.used_at is not None
    assert again is not None and (again.campaign, again.token, again.click) == ("spring", first, None)


async def test_a_bad_campaign_or_an_oversized_field_never_stops_a_click(client: TestClient[Any, Any]) -> None:
    token = await go(client, "/go/t_reserved?utm_source=" + "x" * 5000 + "&gclid=" + "g" * 3000)
    assert token.startswith("c_")
    with pytest.raises(LinkError, match="must not start with 'c_'"):
        validate_campaign("c_spring")


def test_click_fields_are_trimmed_to_their_columns() -> None:
    class Request:
        match_info = {"campaign": "spring"}
        query = {"utm_source": "  ", "utm_campaign": "c" * 100, "gclid": "G"}
        headers = {"User-Agent": "u" * 900}

    fields = ClickFields.from_request(Request())  # type: ignore[arg-type]
    assert fields.utm["utm_source"] is None and len(fields.utm["utm_campaign"] or "") == 64
    assert fields.ids["gclid"] == "G" and len(fields.user_agent or "") == 512 and fields.referrer is None


async def sign_in(client: TestClient[Any, Any], link: str) -> None:
    response = await client.get(link.replace("https://bot.example.com", ""), allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/dashboard/"
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["secure"]
    # The test server speaks plain http, where a client never sends a Secure cookie back: hand it over.
    client.session.cookie_jar.update_cookies({COOKIE: cookie.value})


async def test_a_sign_in_link_works_once_for_an_admin_only(
    client: TestClient[Any, Any], database_url: str, factory: async_sessionmaker[AsyncSession]
) -> None:
    signatures = Signatures(settings(database_url))
    assert (await client.get("/dashboard/")).status == 401
    assert (await client.get("/dashboard/leads.csv")).status == 401
    link = await signatures.issue_link(factory, ADMIN, NOW)
    preview = await client.get(
        link.replace("https://bot.example.com", ""), headers={"User-Agent": "TelegramBot"}
    )
    assert preview.status == 401  # Telegram's link preview does not use it up
    await sign_in(client, link)
    page = await client.get("/dashboard/")
    assert page.status == 200 and page.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert "<h1>Funnel" in await page.text()
    spanish = await client.get("/dashboard/", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert "<h1>Embudo" in await spanish.text() and '<html lang="es">' in await spanish.text()
    client.session.cookie_jar.clear()
    assert (await client.get(link.replace("https://bot.example.com", ""))).status == 401  # used
    stranger = await signatures.issue_link(factory, 999, NOW)  # not in ADMIN_IDS
    assert (await client.get(stranger.replace("https://bot.example.com", ""))).status == 401


async def test_an_old_link_a_forged_cookie_or_a_removed_admin_get_nothing(
    client: TestClient[Any, Any],
    database_url: str,
    factory: async_sessionmaker[AsyncSession],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    signatures = Signatures(settings(database_url))
    with monkeypatch.context() as m:
        m.setattr(TimestampSigner, "get_timestamp", lambda self: int(datetime.now(UTC).timestamp()) - 11 * 60)
        old = await signatures.issue_link(factory, ADMIN, NOW)
    assert (await client.get(old.replace("https://bot.example.com", ""))).status == 401  # 11 minutes: expired
    other = Signatures(settings(database_url, dashboard_secret="another-secret-0123456789"))
    _, forged = other.new_session(ADMIN)
    client.session.cookie_jar.update_cookies({COOKIE: forged})
    assert (await client.get("/dashboard/")).status == 401
    _, cookie = Signatures(settings(database_url)).new_session(ADMIN)
    assert Signatures(settings(database_url, admin_ids=[8])).read_session(cookie) is None


async def test_a_post_without_the_sessions_csrf_token_is_refused(
    client: TestClient[Any, Any], database_url: str, factory: async_sessionmaker[AsyncSession]
) -> None:
    signatures = Signatures(settings(database_url))
    await sign_in(client, await signatures.issue_link(factory, ADMIN, NOW))
    assert (await client.post("/dashboard/spend", data={"platform": "meta"})).status == 403
    staff, _ = signatures.new_session(ADMIN)  # another session's token
    forged = {"platform": "meta", "csrf": signatures.csrf_token(staff)}
    assert (await client.post("/dashboard/spend", data=forged)).status == 403


async def test_python_m_bot_web_serves_clicks_the_dashboard_and_health(database_url: str) -> None:
    import asyncio
    import socket

    import aiohttp

    from bot.cli.web import run_web

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stop = asyncio.Event()
    server = asyncio.create_task(run_web(settings(database_url), "127.0.0.1", port, stop))
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(100):
                try:
                    async with http.get(f"{base}/healthz") as health:
                        assert health.status == 200
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
            async with http.get(f"{base}/go/spring?gclid=G", allow_redirects=False) as clicked:
                assert clicked.status == 302 and "start=c_" in clicked.headers["Location"]
            async with http.get(f"{base}/dashboard", allow_redirects=False) as moved:
                assert moved.headers["Location"] == "/dashboard/"
            async with http.get(f"{base}/dashboard/") as page:
                assert page.status == 401
    finally:
        stop.set()
        await asyncio.wait_for(server, 10)


def test_link_ad_prints_the_go_url_and_refuses_what_an_ad_cannot_use(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    from bot.cli import main

    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    args = ["link", "--ad", "--campaign", "spring", "--utm-source", "facebook", "--utm-medium", "cpc"]
    assert main([*args, "--base-url", "https://bot.example.com/"]) == 0
    assert capsys.readouterr().out.strip() == "https://bot.example.com/go/spring?utm_source=facebook&utm_medium=cpc"
    assert main(args) == 2
    assert "PUBLIC_BASE_URL" in capsys.readouterr().err
    assert main([*args, "--base-url", "https://b.example.com", "--click-id", "X"]) == 2
    assert "adds one to every click" in capsys.readouterr().err
    assert main(["link", "--ad", "--campaign", "t_x", "--base-url", "https://b.example.com"]) == 2
