"""Rendering engine messages for Telegram, and the callback data that carries the step."""

from __future__ import annotations

from datetime import date

import pytest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.telegram import render
from flows import engine
from flows.types import Button, InputKind, Key, Keyboard, OutMessage, UserInput
from tests.e2e import scripts


def test_callback_data_round_trips_step_and_value() -> None:
    data = render.encode_callback(17, "federal")
    assert data == "17|federal"
    payload = render.decode_callback(data)
    assert payload == render.CallbackPayload(step=17, value="federal")
    assert render.to_user_input(payload) == UserInput(InputKind.BUTTON, "federal", 17)


def test_cmd_buttons_become_engine_commands_without_the_prefix() -> None:
    payload = render.decode_callback(render.encode_callback(3, "cmd:back"))
    assert payload is not None
    assert render.to_user_input(payload) == UserInput(InputKind.COMMAND, "back", 3)


@pytest.mark.parametrize("data", [None, "", "noop", "x|y", "|federal", "12|", "-1|a"])
def test_foreign_or_broken_callback_data_is_not_decoded(data: str | None) -> None:
    assert render.decode_callback(data) is None


def test_callback_data_over_64_bytes_is_refused_at_render_time() -> None:
    render.encode_callback(1, "v" * 62)  # "1|" + 62 = 64 bytes: fits
    with pytest.raises(render.CallbackDataError):
        render.encode_callback(10, "v" * 62)
    with pytest.raises(render.CallbackDataError):
        render.encode_callback(1, "é" * 32)  # bytes, not characters


def test_every_button_of_the_real_screening_fits_even_at_a_huge_step() -> None:
    """Walk real screenings and encode every button shown with a 9-digit step."""
    for script in (scripts.SHORT_TERM_BUTTONS, scripts.CDP_AND_OIC):
        result = engine.start("en")
        for reply in script:
            for message in result.messages:
                render.inline_keyboard(message.buttons, 999_999_999)  # raises if over 64 bytes
            snapshot = result.snapshot
            question = [m for m in result.messages if m.kind == "question"][-1]
            if reply.startswith("b:"):
                value = next(b.value for row in question.buttons for b in row if b.label == reply[2:])
                user_input = UserInput(InputKind.BUTTON, value, snapshot.step)
            else:
                user_input = UserInput(InputKind.TEXT, reply)
            result = engine.handle(snapshot, user_input, date(2026, 11, 25))
            assert result.accepted, (question.question_id, reply)
        assert result.finished
        for message in result.messages:
            render.inline_keyboard(message.buttons, 999_999_999)


def test_each_button_carries_the_step_it_was_shown_at() -> None:
    messages = [
        OutMessage(html="Note", plain="Note"),
        OutMessage(html="<b>Q?</b>", plain="Q?", kind="question", buttons=((Button("Yes", "yes"),),)),
    ]
    note, question = render.render_messages(messages, step=4)
    assert note.text == "Note" and note.reply_markup is None
    assert question.text == "<b>Q?</b>" and question.kind == "question"
    assert isinstance(question.reply_markup, InlineKeyboardMarkup)
    assert question.reply_markup.inline_keyboard[0][0].callback_data == "4|yes"


def test_link_buttons_suggested_replies_and_their_removal() -> None:
    book = OutMessage(html="Book", plain="Book", buttons=((Button("Book", url="https://example.com/b"),),))
    share = OutMessage(
        html="Phone?", plain="Phone?", keyboard=Keyboard(((Key("Share", request_contact=True),),))
    )
    done = OutMessage(html="Thanks", plain="Thanks", remove_keyboard=True)
    out_book, out_share, out_done = render.render_messages([book, share, done], step=7)
    assert isinstance(out_book.reply_markup, InlineKeyboardMarkup)
    link = out_book.reply_markup.inline_keyboard[0][0]
    assert link.url == "https://example.com/b" and link.callback_data is None
    assert isinstance(out_share.reply_markup, ReplyKeyboardMarkup)
    key = out_share.reply_markup.keyboard[0][0]
    assert (key.text, key.request_contact) == ("Share", True)
    assert out_share.reply_markup.one_time_keyboard and out_share.reply_markup.resize_keyboard
    assert isinstance(out_done.reply_markup, ReplyKeyboardRemove)


def test_chosen_markup_keeps_only_an_inert_marker() -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text="Yes", callback_data="3|yes"),
                InlineKeyboardButton(text="No", callback_data="3|no"),
            ]
        ]
    )
    chosen = render.chosen_markup(markup, "3|no")
    assert [[b.text for b in row] for row in chosen.inline_keyboard] == [["✓ No"]]
    assert chosen.inline_keyboard[0][0].callback_data == render.NOOP_DATA
    assert render.chosen_markup(None, "3|no").inline_keyboard == []
