"""The terminal chat: numbered buttons, /commands, same engine, no Telegram imports."""

from __future__ import annotations

import subprocess
import sys

from bot.console import run_console

from .conftest import TODAY


def _run(lines: list[str], lang: str = "en") -> str:
    feed = iter(lines)
    out: list[str] = []

    def read(prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    run_console(lang=lang, input_fn=read, output_fn=lambda s: out.append(str(s)), today=TODAY)
    return "\n".join(out)


def test_numbers_press_buttons_and_the_short_path_ends_in_a_plan() -> None:
    text = _run(["1", "$8,000", "1", "1", "1", "2", "1", "1"])
    assert "1) The IRS (federal)  2) My state only  3) Both" in text
    assert "1) Yes  2) No  3) ⬅ Back" in text
    assert "Short-term payment plan" in text
    assert "<b>" not in text, "the terminal prints plain text"


def test_commands_back_review_and_quit() -> None:
    text = _run(["1", "/back", "3", "/review", "/quit", "never read"])
    assert text.count("Who do you owe?") == 2
    assert "Owed to: Both" in text


def test_a_wrong_answer_is_explained_in_spanish() -> None:
    text = _run(["1", "muchísimo"], lang="es")
    assert "No pude leer eso como una cantidad de dinero" in text


def test_the_console_imports_neither_aiogram_nor_sqlalchemy() -> None:
    code = (
        "import sys, bot.console; assert not {'aiogram', 'sqlalchemy'} & set(sys.modules), sys.modules.keys()"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
