"""The screening in a terminal: `python -m bot chat`.

Why it exists: the whole conversation can be tried, demoed and debugged with no
bot token, no Telegram and no database. It drives exactly the same flows.engine
as the bot, including the JSON round trip of the Snapshot, so what works here
works there. Only flows/ is imported: no aiogram, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flows import engine
from flows.types import Button, InputKind, OutMessage, Snapshot, StepResult, UserInput

QUIT = {"/quit", "/exit", "/q"}
COMMANDS = {"/back": "back", "/restart": "restart", "/review": "review", "/continue": "continue"}


def _buttons(messages: list[OutMessage]) -> list[Button]:
    """The buttons of the last message that has any: those are the ones a number presses."""
    for message in reversed(messages):
        if message.buttons:
            return [b for row in message.buttons for b in row]
    return []


def _show(messages: list[OutMessage], output_fn: Callable[[str], object]) -> list[Button]:
    for message in messages:
        output_fn(message.plain)
    buttons = _buttons(messages)
    if buttons:
        output_fn("  ".join(f"{i}) {b.label}" for i, b in enumerate(buttons, 1)))
    return buttons


def _input_for(text: str, buttons: list[Button], step: int) -> UserInput:
    """A number presses the numbered button; /commands are controls; anything else is typed text."""
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        return UserInput(InputKind.BUTTON, buttons[int(text) - 1].value, step)
    if text.lower() in COMMANDS:
        return UserInput(InputKind.COMMAND, COMMANDS[text.lower()])
    return UserInput.typed(text)


def run_console(
    lang: str = "en",
    input_fn: Callable[[str], str] = input,
    output_fn: Callable[[str], object] = print,
    today: date | None = None,
) -> None:
    """Chat with the screening until /quit or end of input."""
    output_fn("/back /restart /review /quit — type a number to press a button.")
    result: StepResult = engine.start(lang)
    snapshot = result.snapshot
    buttons = _show(result.messages, output_fn)
    while True:
        try:
            text = input_fn("> ").strip()
        except (EOFError, KeyboardInterrupt):
            output_fn("")
            return
        if text.lower() in QUIT:
            return
        if not text:
            continue
        result = engine.handle(snapshot, _input_for(text, buttons, snapshot.step), today or date.today())
        # The same JSON round trip the bot's database does, so the terminal catches what it would.
        snapshot = Snapshot.model_validate_json(result.snapshot.model_dump_json())
        shown = _show(result.messages, output_fn)
        if shown or result.accepted:
            buttons = shown
