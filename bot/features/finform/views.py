"""The financial form's page and its three calls, mounted at /form on the bot's web server.

The page (``/form/``, its script and stylesheet) is static and public: it holds nobody's data
and does nothing until Telegram's ``initData`` proves who opened it. Every call carries that
initData and is refused without a valid, fresh one (401):

* ``POST api/open``: the form in the conversation's language, the step it is opened at, and the
  answers its questions already have;
* ``POST api/check``: what the figures typed so far give (the fields that apply, each field's
  refusal in the chat's words, the IRS's totals); nothing is stored;
* ``POST api/submit``: the form as an input of the conversation, through the same runner step as
  a message (bot/runner/runner.py): the same lock, transaction, events, plan and replies in the
  chat. A form that cannot be used now is refused (409) with the reason, one with a field that
  fails its checks (422) with each refusal; either way nothing changes.

A submission's claim (the update id a Telegram update would have) is derived from the opening's
signature and the figures sent, so the same form sent twice is applied once, and a form
corrected after a refusal is a new submission. Nothing the page sends is logged.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from aiogram import Bot
from aiohttp import web

from bot.config import Settings
from bot.db import repo
from bot.db.models import ProcessedUpdate
from bot.features.finform.initdata import InitDataError, Opener, verify
from bot.runner.runner import StepRunner
from bot.runner.state import state_of
from bot.telegram.incoming import Incoming
from bot.web.server import TRANSIENT_ERRORS
from flows import finform, formview
from flows.answers import Answers
from flows.catalogue import LANGUAGES, normalize_lang
from flows.chat import STATUS_ACTIVE, Act, ChatInput, ChatState
from flows.types import FormFields, UserInput

logger = logging.getLogger(__name__)

MAX_BODY = 16 * 1024
STATIC = {
    "": ("form.html", "text/html"),
    "form.js": ("form.js", "text/javascript"),
    "form.css": ("form.css", "text/css"),
}
PAGE_HEADERS = {
    "Cache-Control": "no-cache",
    # Nothing from another origin, no inline script; framed only by Telegram's web client.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://web.telegram.org"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
API_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


@dataclass
class FormService:
    """What the form's calls need: the settings, the bot's runner and client, the token's secret."""

    settings: Settings
    runner: StepRunner
    bot: Bot
    token: str

    def opener(self, payload: dict[str, Any]) -> Opener:
        init_data = payload.get("initData")
        if not isinstance(init_data, str):
            raise InitDataError("invalid")
        return verify(init_data, self.token, self.runner.clock())

    async def peek(self, chat_id: int) -> ChatState | None:
        """The conversation as stored now, read without its lock: for the checks before a step and
        for what the page shows. The step itself reads it again, under the lock."""
        async with self.runner.session_factory() as session:
            row = await repo.get_conversation(session, chat_id)
            return state_of(row) if row is not None else None

    async def claimed(self, update_id: int) -> bool:
        async with self.runner.session_factory() as session:
            return await session.get(ProcessedUpdate, update_id) is not None


SERVICE = web.AppKey("finform", FormService)


def answer(body: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(body, status=status, headers=API_HEADERS)


def refused(key: str, lang: str, status: int = 409) -> web.Response:
    return answer({"reason": key.rpartition(".")[2], "message": formview.page_text(key, lang)}, status)


def not_theirs(error: InitDataError) -> web.Response:
    """Who opened the page is unknown, and so is their language: both languages."""
    key = "form.refused.expired" if error.reason == "expired" else "form.refused.signature"
    text = "\n".join(formview.page_text(key, lang) for lang in LANGUAGES)
    return answer({"reason": error.reason, "message": text}, 401)


async def payload_of(request: web.Request) -> dict[str, Any]:
    body = await request.content.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=len(body))
    try:
        payload = json.loads(body)
    except ValueError:
        raise web.HTTPBadRequest(text="not JSON") from None
    if not isinstance(payload, dict):
        raise web.HTTPBadRequest(text="not a JSON object")
    return payload


def values_of(payload: dict[str, Any]) -> dict[str, str]:
    """The form's fields as sent: only the form's questions, only text (a number is taken as typed)."""
    raw = payload.get("values")
    if not isinstance(raw, dict):
        return {}
    out: dict[str, str] = {}
    for key, value in raw.items():
        if key in finform.FIELDS and isinstance(value, str | int | float) and not isinstance(value, bool):
            out[key] = str(value)[: finform.MAX_FIELD_CHARS + 1]
    return out


def step_of(payload: dict[str, Any]) -> int:
    step = payload.get("step")
    if not isinstance(step, int) or isinstance(step, bool) or step < 0:
        raise web.HTTPBadRequest(text="step: the conversation step the form was opened at")
    return step


def claim_id(opener: Opener, opened_at: int, values: dict[str, str]) -> int:
    """A submission's update id: the same opening with the same figures is the same submission.

    Negative, so it can never be a Telegram update's id (those are positive).
    """
    canonical = json.dumps([opener.user_id, opener.signature, opened_at, sorted(values.items())])
    digest = hashlib.sha256(b"finform\x00" + canonical.encode()).digest()
    return -1 - (int.from_bytes(digest[:8], "big") >> 2)


class FormViews:
    """The calls; each starts by checking who opened the form."""

    async def page(self, request: web.Request) -> web.Response:
        name = request.match_info.get("name", "")
        if name not in STATIC:
            raise web.HTTPNotFound()
        filename, content_type = STATIC[name]
        body = resources.files("bot.features.finform").joinpath("static", filename).read_bytes()
        return web.Response(body=body, content_type=content_type, charset="utf-8", headers=PAGE_HEADERS)

    async def open(self, request: web.Request) -> web.Response:
        service = request.app[SERVICE]
        payload = await payload_of(request)
        try:
            opener = service.opener(payload)
        except InitDataError as error:
            return not_theirs(error)
        state = await service.peek(opener.user_id)
        lang = state.lang if state is not None else normalize_lang(opener.language_code)
        why = usable(state, None)
        if why is not None or state is None:
            return refused(why or finform.NO_CONVERSATION, lang)
        snapshot = state.screening
        values = finform.prefill(snapshot)
        reading = finform.read(
            Answers.model_validate(snapshot.answers), snapshot.history, values, lang, today(service)
        )
        body = {"step": snapshot.step, "form": formview.spec(lang), "values": values}
        return answer({**body, **formview.checked(reading, lang)})

    async def check(self, request: web.Request) -> web.Response:
        service = request.app[SERVICE]
        payload = await payload_of(request)
        try:
            opener = service.opener(payload)
        except InitDataError as error:
            return not_theirs(error)
        state = await service.peek(opener.user_id)
        why = usable(state, step_of(payload))
        if why is not None or state is None:
            lang = state.lang if state is not None else normalize_lang(opener.language_code)
            return refused(why or finform.NO_CONVERSATION, lang)
        snapshot = state.screening
        answers = Answers.model_validate(snapshot.answers)
        reading = finform.read(answers, snapshot.history, values_of(payload), state.lang, today(service))
        return answer(formview.checked(reading, state.lang))

    async def submit(self, request: web.Request) -> web.Response:
        service = request.app[SERVICE]
        payload = await payload_of(request)
        try:
            opener = service.opener(payload)
        except InitDataError as error:
            logger.info("a form submission without valid initData was refused (%s)", error.reason)
            return not_theirs(error)
        opened_at, values = step_of(payload), values_of(payload)
        update_id = claim_id(opener, opened_at, values)
        state = await service.peek(opener.user_id)
        lang = state.lang if state is not None else normalize_lang(opener.language_code)
        if await service.claimed(update_id):
            # Sent before (a second tap, a retry): its step moved the conversation on, so it is not refused.
            return answer(
                {"ok": True, "duplicate": True, "message": formview.page_text("form.sent_already", lang)}
            )
        why = usable(state, opened_at)
        if why is not None or state is None:
            logger.info("a form for chat %s was refused: %s", opener.user_id, why or finform.NO_CONVERSATION)
            return refused(why or finform.NO_CONVERSATION, lang)
        snapshot = state.screening
        answers = Answers.model_validate(snapshot.answers)
        reading = finform.read(answers, snapshot.history, values, lang, today(service))
        if not reading.complete:
            checked = formview.checked(reading, lang)
            return answer({"message": formview.page_text("form.fix", lang), "errors": checked["errors"]}, 422)
        return await self.apply(service, opener, update_id, opened_at, values, lang)

    async def apply(
        self, service: FormService, opener: Opener, update_id: int, opened_at: int, values: dict[str, str],
        lang: str,
    ) -> web.Response:  # fmt: skip
        """The form as one step of the conversation, exactly as a message runs (bot/runner/runner.py)."""
        fields = FormFields(opened_at, tuple(sorted(values.items())))
        incoming = Incoming(
            update_id=update_id,
            chat_id=opener.user_id,  # a private chat's id is its user's
            user_id=opener.user_id,
            # As a button's press: during a staff handoff it is not relayed to the staff chat.
            chat=ChatInput(
                Act.INPUT, UserInput.form_sent(fields), language_code=opener.language_code, button=True
            ),
        )
        try:
            # Shielded: the person closing the page must not cut the step between its commit and its replies.
            outcome = await asyncio.shield(service.runner.handle(service.bot, incoming))
        except TRANSIENT_ERRORS as error:
            logger.warning("a form for chat %s was not applied (%s)", opener.user_id, type(error).__name__)
            return answer({"message": formview.page_text("form.network", lang)}, 503)
        if outcome.duplicate:
            return answer(
                {"ok": True, "duplicate": True, "message": formview.page_text("form.sent_already", lang)}
            )
        if "form_used" in outcome.event_kinds:
            return answer({"ok": True, "message": formview.page_text("form.sent", lang)})
        # Refused by the step itself: the conversation changed between the checks above and its lock.
        events = outcome.turn.events if outcome.turn is not None else []
        reason = next(
            (str(e.data.get("reason")) for e in events if e.kind == "form_refused"), finform.NOT_NOW
        )
        return refused(reason, outcome.lang)


def usable(state: ChatState | None, opened_at: int | None) -> str | None:
    if state is None:
        return finform.NO_CONVERSATION
    return finform.refusal(
        state.screening,
        active=state.status == STATUS_ACTIVE,
        with_staff=state.with_staff,
        opened_at=opened_at,
    )


def today(service: FormService) -> date:
    return service.runner.clock().date()


def form_app(service: FormService) -> web.Application:
    app = web.Application()
    app[SERVICE] = service
    views = FormViews()
    app.router.add_get("/{name:(|form\\.js|form\\.css)}", views.page)
    app.router.add_post("/api/open", views.open)
    app.router.add_post("/api/check", views.check)
    app.router.add_post("/api/submit", views.submit)
    return app
