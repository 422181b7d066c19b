"""The financial form over real HTTP: the real bot on the fake Bot API, the form's calls on a local
port, SQLite and PostgreSQL.

What a person sees: the money question carries a button that opens the form; the form, sent, brings
the same plan into the chat as the same answers typed one by one, stored the same way; a forged or
stale opening, another person's opening, a second tap of "Send", a form left open while the
conversation moved on and a bad figure are all refused, and none of them changes anything.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.db.models import Assessment, EventRecord
from flows.catalogue import t
from tests.e2e.form_support import (
    IN_CHAT,
    IN_FORM,
    TO_THE_FORM,
    FormWorld,
    form_world,
    to_the_money_questions,
)
from tests.e2e.harness import BotRunner, Chat, fetch_conversation, fetch_rows
from tests.fakes.telegram import BotMessage, FakeTelegram, FakeUser

ALREADY = "Already received. Your next step is in the chat."


async def events_of(world: FormWorld, user: FakeUser) -> list[tuple[str, str | None]]:
    rows = await fetch_rows(world.bot.database_url, EventRecord, EventRecord.chat_id == user.id)
    return [(r.kind, r.question_id) for r in sorted(rows, key=lambda r: r.id)]


async def snapshot_of(world: FormWorld, user: FakeUser) -> dict[str, object]:
    return dict((await fetch_conversation(world.bot.database_url, user.id)).snapshot)


async def submitted(
    world: FormWorld,
    chat: Chat,
    user: FakeUser,
    values: dict[str, str],
    step: int,
    init_data: str | None = None,
) -> tuple[tuple[int, dict[str, Any]], list[BotMessage]]:
    """Send the form and wait until the bot has handled it: its HTTP answer, and what the chat got."""
    answered: list[tuple[int, dict[str, Any]]] = []

    async def send() -> None:
        answered.append(await world.submit(user, values, step, init_data))

    replies = await chat.do(send())
    return answered[0], replies


async def test_a_filled_form_brings_the_same_plan_into_the_chat_as_typing_each_answer(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    async with form_world(run_bot()) as world:
        ann, bob = fake_telegram.user(first_name="Ann"), fake_telegram.user(first_name="Bob")
        chat = world.bot.chat(ann)
        await to_the_money_questions(chat)
        status, opened = await world.open(ann)
        assert status == 200 and opened["values"] == {} and opened["form"]["lang"] == "en"
        step = opened["step"]
        assert step == (await snapshot_of(world, ann))["step"]
        status, checked = await world.call(
            "check", {"initData": world.init_data(ann), "step": step, "values": {"monthly_income": "4000"}}
        )
        assert status == 200 and checked["totals"]["income"] == "$4,000"
        assert "vehicle_payment" not in checked["shown"]  # no vehicle yet

        (status, sent), replies = await submitted(world, chat, ann, IN_FORM, step)
        assert status == 200 and sent == {"ok": True, "message": "Received. Your next step is in the chat."}
        note, plan = replies[0], replies[1]
        assert note.text.startswith("From your form:") and "Household size: 2" in note.text
        assert plan.text.startswith("Your plan") and "Offer in Compromise" in plan.text

        # Bob types the same answers one by one: the same plan, word for word.
        bob_chat = world.bot.chat(bob)
        await to_the_money_questions(bob_chat)
        for reply in IN_CHAT:
            by_chat = await bob_chat.answer(reply)
        # (The firm's lead-in after the plan is an A/B variant drawn per person: the plan is what must match.)
        assert by_chat[0].text.partition("not tax advice.")[0] == plan.text.partition("not tax advice.")[0]
        assert by_chat[0].buttons == plan.buttons and "not tax advice." in plan.text
        assert [m.text for m in replies[2:]] == [m.text for m in by_chat[1:]]  # the consent offer after it

        ann_row = await fetch_conversation(world.bot.database_url, ann.id)
        bob_row = await fetch_conversation(world.bot.database_url, bob.id)
        assert ann_row.snapshot["answers"] == bob_row.snapshot["answers"]
        assert (ann_row.state, ann_row.status) == (bob_row.state, bob_row.status) == ("done", "finished")
        kinds = await events_of(world, ann)
        assert ("form_used", "residence") in kinds and kinds.count(("completed", None)) == 1
        assert {q for k, q in kinds if k == "answered"} == {q for k, q in await events_of(world, bob)
                                                              if k == "answered"}  # fmt: skip
        saved = await fetch_rows(world.bot.database_url, Assessment, Assessment.conversation_id == ann_row.id)
        assert len(saved) == 1 and saved[0].answers == ann_row.snapshot["answers"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # nothing here depends on the database
async def test_a_forged_or_stale_opening_is_refused_and_changes_nothing(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    async with form_world(run_bot()) as world:
        ann = fake_telegram.user(first_name="Ann")
        chat = world.bot.chat(ann)
        await to_the_money_questions(chat)
        before, logged = await snapshot_of(world, ann), await events_of(world, ann)
        step = int(before["step"])  # type: ignore[call-overload]
        fields = dict(parse_qsl(world.init_data(ann)))
        forged = {
            "another user": urlencode(
                {**fields, "user": fields["user"].replace(str(ann.id), str(ann.id + 1))}
            ),
            "a changed hash": urlencode({**fields, "hash": fields["hash"][::-1]}),
            "no hash": urlencode({k: v for k, v in fields.items() if k != "hash"}),
            "nothing": "",
        }
        for why, init_data in forged.items():
            for call in ("open", "check", "submit"):
                status, body = await world.call(
                    call, {"initData": init_data, "step": step, "values": IN_FORM}
                )
                assert status == 401, (why, call)
                assert body["reason"] == "invalid" and "opened from the button in the chat" in body["message"]
                assert "abre con el botón del chat" in body["message"]  # whose language is not known yet
        stale = world.init_data(ann, opened=world.bot.clock.now - timedelta(hours=2, seconds=1))
        status, body = await world.submit(ann, IN_FORM, step, init_data=stale)
        assert (status, body["reason"]) == (401, "expired") and "opened too long ago" in body["message"]
        fresh_enough = world.init_data(ann, opened=world.bot.clock.now - timedelta(hours=2))
        assert (await world.open(ann, fresh_enough))[0] == 200
        assert await snapshot_of(world, ann) == before and await events_of(world, ann) == logged
        assert await chat.read() == []  # the chat heard nothing of it


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # nothing here depends on the database
async def test_another_persons_opening_never_reaches_this_chat(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    async with form_world(run_bot()) as world:
        ann, eve = fake_telegram.user(first_name="Ann"), fake_telegram.user(first_name="Eve")
        ann_chat = world.bot.chat(ann)
        await to_the_money_questions(ann_chat)
        before = await snapshot_of(world, ann)
        step = int(before["step"])  # type: ignore[call-overload]
        # Eve opens the form with her own (valid) opening and Ann's step: it can only be about Eve's chat.
        status, body = await world.submit(eve, IN_FORM, step)
        assert (status, body["reason"]) == (409, "no_conversation")
        eve_chat = world.bot.chat(eve)
        await eve_chat.send("/start")
        status, body = await world.submit(eve, IN_FORM, step)
        assert (status, body["reason"]) == (409, "not_now") and "not at the money questions" in body[
            "message"
        ]
        assert await snapshot_of(world, ann) == before and await ann_chat.read() == []
        assert (await snapshot_of(world, eve))["state"] == "debt_scope"


async def test_sending_the_same_form_twice_applies_it_once(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    async with form_world(run_bot()) as world:
        ann = fake_telegram.user(first_name="Ann")
        chat = world.bot.chat(ann)
        await to_the_money_questions(chat)
        step = int((await snapshot_of(world, ann))["step"])  # type: ignore[call-overload]
        init_data = world.init_data(ann)
        handled = world.bot.handled
        # A double tap: both at once, the same opening and figures.
        first, second = await asyncio.gather(
            world.submit(ann, IN_FORM, step, init_data), world.submit(ann, IN_FORM, step, init_data)
        )
        assert first[0] == second[0] == 200 and first[1]["ok"] and second[1]["ok"]
        assert sorted(bool(r[1].get("duplicate")) for r in (first, second)) == [False, True]
        await world.bot.wait_handled(handled + 1)
        replies = await chat.read()
        assert [m.text.startswith("From your form:") for m in replies].count(True) == 1
        assert sum(m.text.startswith("Your plan") for m in replies) == 1
        # And once more, later: already received, nothing new.
        again = await world.submit(ann, IN_FORM, step, init_data)
        assert again == (200, {"ok": True, "duplicate": True, "message": ALREADY})
        kinds = await events_of(world, ann)
        assert kinds.count(("form_used", "residence")) == 1 and kinds.count(("completed", None)) == 1
        assert await chat.read() == []


async def test_a_form_left_open_while_the_conversation_moved_on_is_refused(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    async with form_world(run_bot()) as world:
        ann = fake_telegram.user(first_name="Ann")
        chat = world.bot.chat(ann)
        await to_the_money_questions(chat)
        status, opened = await world.open(ann)
        assert status == 200
        await chat.answer(IN_CHAT[0])  # where they live, typed in the chat while the form was open
        before, logged = await snapshot_of(world, ann), await events_of(world, ann)
        status, body = await world.submit(ann, IN_FORM, opened["step"])
        assert (status, body["reason"]) == (409, "stale")
        assert body["message"] == t("form.refused.stale", "en")
        assert await snapshot_of(world, ann) == before and await events_of(world, ann) == logged
        # Opened again, it starts from the answer given in the chat.
        status, reopened = await world.open(ann)
        assert reopened["values"] == {"residence": "contiguous"} and reopened["step"] == before["step"]
        # After the plan there is nothing for a form to fill.
        await chat.do(world.submit(ann, IN_FORM, reopened["step"]))
        status, body = await world.open(ann)
        assert (status, body["reason"]) == (409, "not_now")


async def test_a_bad_figure_is_refused_in_the_chats_words_and_changes_nothing(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    async with form_world(run_bot()) as world:
        ann = fake_telegram.user(first_name="Ann")
        chat = world.bot.chat(ann)
        await to_the_money_questions(chat)
        before, logged = await snapshot_of(world, ann), await events_of(world, ann)
        step = int(before["step"])  # type: ignore[call-overload]
        init_data = world.init_data(ann)
        bad = {**IN_FORM, "expense_housing": "-1000", "members_65": "3"}
        del bad["asset_cash"]
        status, body = await world.submit(ann, bad, step, init_data)
        assert status == 422 and body["message"] == "Some answers need a look: see the notes in red."
        assert body["errors"] == {
            "members_65": "The number should be between 0 and 2. Type a whole number, for example 3.",
            "expense_housing": "The amount can't be negative. Type an amount in dollars, for example 8,000, "
            "$12,500.50 or 52k.",
            "asset_cash": "Please fill this in (type 0 if it doesn't apply).",
        }
        assert await snapshot_of(world, ann) == before and await events_of(world, ann) == logged
        assert await chat.read() == []
        # The chat's own words for the same figure.
        await chat.answer(IN_CHAT[0])
        await chat.answer(IN_CHAT[1])
        (refusal,) = await chat.send("3")
        assert refusal.text == body["errors"]["members_65"].replace(". Type", ".\nType")
        await chat.send("/back")
        await chat.send("/back")
        assert await snapshot_of(world, ann) != before  # the chat answers moved the step...
        # The same opening, corrected (and at the step the chat left it at): taken.
        step = int((await snapshot_of(world, ann))["step"])  # type: ignore[call-overload]
        (status, sent), replies = await submitted(world, chat, ann, IN_FORM, step, init_data)
        assert status == 200 and sent["ok"] and replies[0].text.startswith("From your form:")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # nothing here depends on the database
async def test_without_a_public_https_address_the_form_is_off_and_says_why(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner], caplog: pytest.LogCaptureFixture
) -> None:
    bot = run_bot()
    with caplog.at_level(logging.INFO, logger="bot.features.finform.setup"):
        await bot.start(public_base_url="http://127.0.0.1:8080")
    assert "financial form: off (PUBLIC_BASE_URL is http://127.0.0.1:8080" in caplog.text
    ann = fake_telegram.user(first_name="Ann")
    chat = bot.chat(ann)
    await chat.send("/start")
    for reply in TO_THE_FORM:
        replies = await chat.answer(reply)
    question = replies[-1]
    assert "Where do you live?" in question.text
    assert not any("web_app" in b for row in question.inline_keyboard for b in row)
    assert question.buttons == ["Lower 48 states or DC", "Alaska", "Hawaii", "⬅ Back"]
