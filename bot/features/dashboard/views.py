"""The dashboard's routes, mounted at /dashboard on the bot's web server (webhook or `python -m bot web`).

Every page, chart and download goes through :func:`guard`: no valid session cookie, no content
(401, and the page says how to sign in); a POST without the session's CSRF token is refused
(403). Pages are Jinja2 templates with autoescaping, so whatever a person typed is shown as text;
responses are never cached and forbid framing, scripts and anything from another origin.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.features.conversions.export import offline_csv
from bot.features.dashboard import inbox
from bot.features.dashboard.auth import COOKIE, Signatures, StaffSession
from bot.features.reports import chart
from bot.features.reports.abtest import ab_tests
from bot.features.reports.funnel import STAGES, Funnel, build_funnel, day_range, question_label
from bot.features.reports.spend import PLATFORMS, SpendError, import_spend, parse_export, spend_by_campaign
from bot.features.reports.summary import DIMENSIONS
from flows.catalogue import normalize_lang, t

logger = logging.getLogger(__name__)

STAFF = web.RequestKey("staff", StaffSession)
SIGNATURES = web.AppKey("signatures", Signatures)
FACTORY = web.AppKey("factory", async_sessionmaker)
SETTINGS = web.AppKey("settings", Settings)
PUBLIC = frozenset({"login", "stylesheet"})
MAX_UPLOAD = 5 * 1024 * 1024
NOTE_MAX = 2000
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def now() -> datetime:
    return datetime.now(UTC)


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    signatures = request.app[SIGNATURES]
    staff = signatures.read_session(request.cookies.get(COOKIE))
    route = request.match_info.route.name
    response: web.StreamResponse
    if staff is None and route not in PUBLIC:
        response = refused(request, 401)
    elif request.method == "POST" and (
        staff is None or not signatures.csrf_ok(staff, str((await request.post()).get("csrf") or ""))
    ):  # type: ignore[arg-type]
        response = refused(request, 403)
    else:
        if staff is not None:
            request[STAFF] = staff
        response = await handler(request)
    response.headers.update(HEADERS)
    return response


def see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def language(request: web.Request) -> str:
    """The reader's language, from the browser's first choice (Accept-Language)."""
    first = request.headers.get("Accept-Language", "").split(",", 1)[0].split(";", 1)[0].strip()
    return normalize_lang(first or None)


def texts(request: web.Request) -> dict[str, Any]:
    lang = language(request)

    def text(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    return {"_": text, "lang": lang}


def refused(request: web.Request, status: int) -> web.Response:
    return aiohttp_jinja2.render_template(
        "refused.html", request, {"status": status, **texts(request)}, status=status
    )


def dates(request: web.Request) -> tuple[date, date, str | None]:
    """[since, until) from ?since=&until= (until inclusive in the form), and the text id of what was wrong
    with them; the default is the last 30 days."""
    try:
        since = date.fromisoformat(request.query["since"]) if request.query.get("since") else None
        until = date.fromisoformat(request.query["until"]) if request.query.get("until") else None
    except ValueError:
        return (*day_range(), "dash.bad_dates")
    start, end = day_range(since, until)
    if start >= end:
        return (*day_range(), "dash.reversed_dates")
    return start, end, None


def context(request: web.Request, **values: Any) -> dict[str, Any]:
    staff = request.get(STAFF)
    since, until, problem = dates(request)
    words = texts(request)
    return {
        **words,
        "csrf": request.app[SIGNATURES].csrf_token(staff) if staff is not None else "",
        "since": since,
        "until_shown": until - timedelta(days=1),
        "range_query": f"since={since.isoformat()}&until={(until - timedelta(days=1)).isoformat()}",
        "problem": words["_"](problem) if problem else None,
        **values,
    }


async def funnel_of(request: web.Request, since: date, until: date) -> Funnel:
    async with request.app[FACTORY]() as session:
        return await build_funnel(session, since, until)


async def login(request: web.Request) -> web.StreamResponse:
    signatures = request.app[SIGNATURES]
    if "TelegramBot" in request.headers.get("User-Agent", ""):
        return refused(request, 401)  # a link preview's fetch: the link is for the admin, once
    user_id = await signatures.redeem(request.app[FACTORY], request.query.get("t", ""), now())
    if user_id is None:
        return refused(request, 401)
    _, cookie = signatures.new_session(user_id)
    response = see_other("/dashboard/")  # the token leaves the address bar at once
    response.set_cookie(COOKIE, cookie, **signatures.cookie_options())
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    response = see_other("/dashboard/login")
    response.del_cookie(COOKIE, path="/dashboard")
    return response


async def overview(request: web.Request) -> web.StreamResponse:
    since, until, _ = dates(request)
    by = request.query.get("by", "campaign")
    by = by if by in DIMENSIONS else "campaign"
    funnel = await funnel_of(request, since, until)
    async with request.app[FACTORY]() as session:
        spend = await spend_by_campaign(session, since, until)
    o = funnel.overall
    lang = language(request)
    stages = [(t(f"office.funnel.{s}", lang), o.stage(s)) for s in STAGES]
    steps = [(question_label(s.question_id, lang), s) for s in funnel.ordered_steps()]
    return aiohttp_jinja2.render_template(
        "overview.html",
        request,
        context(
            request,
            funnel=funnel,
            stages=stages,
            steps=steps,
            by=by,
            dimensions=DIMENSIONS,
            groups=funnel.breakdowns.get(by, []),
            spend=spend,
            tests=ab_tests(funnel),
        ),
    )


async def chart_view(request: web.Request) -> web.StreamResponse:
    since, until, _ = dates(request)
    funnel = await funnel_of(request, since, until)
    draw = chart.funnel_chart if request.match_info["name"] == "funnel" else chart.questions_chart
    body = await chart.render(draw, funnel, language(request), "svg")
    return web.Response(body=body, content_type="image/svg+xml")


async def leads_page(request: web.Request) -> web.StreamResponse:
    since, until, _ = dates(request)
    status = request.query.get("status") or None
    async with request.app[FACTORY]() as session:
        leads = await inbox.leads_in(session, since, until, status)
    return aiohttp_jinja2.render_template(
        "leads.html", request, context(request, leads=leads, status=status, statuses=inbox.STATUSES)
    )


async def lead_page(request: web.Request) -> web.StreamResponse:
    try:
        lead_id = int(request.match_info["lead_id"])
    except ValueError:
        raise web.HTTPNotFound() from None
    async with request.app[FACTORY]() as session:
        view = await inbox.lead_view(session, lead_id)
    if view is None:
        raise web.HTTPNotFound()
    return aiohttp_jinja2.render_template("lead.html", request, context(request, view=view))


async def add_note(request: web.Request) -> web.StreamResponse:
    lead_id = int(request.match_info["lead_id"])
    text = str((await request.post()).get("text") or "").strip()[:NOTE_MAX]
    if text:
        async with request.app[FACTORY]() as session, session.begin():
            if not await inbox.add_note(session, lead_id, request[STAFF].user_id, text, now()):
                raise web.HTTPNotFound()
    raise web.HTTPSeeOther(f"/dashboard/leads/{lead_id}")


def download(body: str, name: str) -> web.Response:
    return web.Response(
        body=body.encode("utf-8"),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def leads_csv(request: web.Request) -> web.StreamResponse:
    since, until, _ = dates(request)
    async with request.app[FACTORY]() as session:
        body = await inbox.leads_csv(session, since, until)
    return download(body, f"leads-{since.isoformat()}-{(until - timedelta(days=1)).isoformat()}.csv")


async def conversions_csv(request: web.Request) -> web.StreamResponse:
    since, until, _ = dates(request)
    settings = request.app[SETTINGS]
    async with request.app[FACTORY]() as session:
        body = await offline_csv(session, settings.google_ads_conversion_name, since, until)
    return download(body, f"google-offline-conversions-{since.isoformat()}.csv")


async def spend_page(request: web.Request) -> web.StreamResponse:
    since, until, _ = dates(request)
    async with request.app[FACTORY]() as session:
        spend = await spend_by_campaign(session, since, until)
    note = request.query.get("imported")
    return aiohttp_jinja2.render_template(
        "spend.html", request, context(request, spend=spend, platforms=PLATFORMS, imported=note, error=None)
    )


async def spend_upload(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    platform = str(form.get("platform") or "")
    upload = form.get("file")
    error = None
    try:
        if not isinstance(upload, web.FileField):
            raise SpendError("choose the CSV file exported from the ad platform")
        raw = upload.file.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            raise SpendError("the file is over 5 MB")
        rows = parse_export(raw.decode("utf-8-sig", errors="replace"), now().date())
        async with request.app[FACTORY]() as session, session.begin():
            count = await import_spend(session, platform, rows, now())
    except SpendError as problem:
        error = str(problem)
    if error is None:
        raise web.HTTPSeeOther(f"/dashboard/spend?imported={count}")
    since, until, _ = dates(request)
    async with request.app[FACTORY]() as session:
        spend = await spend_by_campaign(session, since, until)
    return aiohttp_jinja2.render_template(
        "spend.html",
        request,
        context(request, spend=spend, platforms=PLATFORMS, imported=None, error=error),
        status=400,
    )


async def stylesheet(request: web.Request) -> web.StreamResponse:
    loader = jinja2.PackageLoader("bot.features.dashboard", "templates")
    source, _, _ = loader.get_source(jinja2.Environment(), "office.css")
    return web.Response(text=source, content_type="text/css")


def dashboard_app(settings: Settings, factory: async_sessionmaker[AsyncSession]) -> web.Application:
    app = web.Application(middlewares=[guard], client_max_size=MAX_UPLOAD + 64 * 1024)
    app[SIGNATURES] = Signatures(settings)
    app[FACTORY] = factory
    app[SETTINGS] = settings
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.PackageLoader("bot.features.dashboard", "templates"),
        autoescape=jinja2.select_autoescape(["html"], default=True),
    )
    app.router.add_get("/login", login, name="login")
    app.router.add_post("/logout", logout)
    app.router.add_get("/", overview)
    app.router.add_get("/chart/{name:funnel|questions}.svg", chart_view)
    app.router.add_get("/leads", leads_page)
    app.router.add_get("/leads.csv", leads_csv)
    app.router.add_get("/conversions.csv", conversions_csv)
    app.router.add_get(r"/leads/{lead_id:\d+}", lead_page)
    app.router.add_post(r"/leads/{lead_id:\d+}/notes", add_note)
    app.router.add_get("/spend", spend_page)
    app.router.add_post("/spend", spend_upload)
    app.router.add_get("/office.css", stylesheet, name="stylesheet")
    return app


def install_dashboard(
    app: web.Application, settings: Settings, factory: async_sessionmaker[AsyncSession]
) -> bool:
    """Mount the dashboard at /dashboard when it is configured; False (and nothing mounted) when not."""
    if not settings.dashboard_enabled():
        logger.info("dashboard off: DASHBOARD_SECRET is not set (16+ characters)")
        return False
    app.add_subapp("/dashboard", dashboard_app(settings, factory))
    return True
