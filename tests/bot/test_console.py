"""`python -m bot chat`: the same conversation as Telegram in a terminal, greeting to consent.

Numbered buttons, /commands, the firm's call to action and the consent to be called, all from
flows.engine, with no Telegram, no token and no database.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from datetime import UTC, datetime

from bot.cli.chat import run_console
from bot.config import Settings
from tests.e2e import scripts

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
SETTINGS = Settings(  # type: ignore[call-arg]
    _env_file=None, firm_name="Acme & Sons", firm_phone="+1 555 010 2000", firm_booking_url="https://x.test/b"
)


def run(lines: list[str], lang: str = "en") -> str:
    """Type each line; "b:Label" types the number the console shows for that button."""
    feed = iter(lines)
    out: list[str] = []

    def read(prompt: str) -> str:
        try:
            line = next(feed)
        except StopIteration:
            raise EOFError from None
        if not line.startswith("b:"):
            return line
        shown = next(o for o in reversed(out) if o.startswith("1) "))
        numbers = {label: n for n, label in re.findall(r"(\d+)\) (.+?)(?=  \d+\) |$)", shown)}
        return numbers[line[2:]]

    run_console(
        lang=lang,
        input_fn=read,
        output_fn=lambda s: out.append(str(s)),
        settings=SETTINGS,
        clock=lambda: NOW,
        rng=random.Random(1),  # the "direct" greeting of bot/config/variants.toml
    )
    return "\n".join(out)


def test_greeting_progress_plan_call_to_action_consent_and_callback_details() -> None:
    text = run(
        [*scripts.SHORT_TERM_BUTTONS, "b:✅ I agree, contact me", "(415) 555-2671", "Ann", "b:Morning"]
    )
    assert "I'm the assistant of Acme & Sons" in text and "not tax advice" in text  # the greeting
    assert "Question 1 of ~" in text and "1) The IRS (federal)  2) My state only  3) Both" in text
    assert "Short-term payment plan" in text  # the plan
    assert "Call Acme & Sons at +1 555 010 2000" in text  # the call to action...
    assert "4) Book a consultation  5) Change an answer  6) ✅ I agree, contact me  7) No, thanks" in text
    assert "[the bot records the consent decision: yes]" in text  # ...then consent, then the details
    assert "What number should Acme & Sons use?" in text and "What name should they ask for?" in text
    assert "Thank you, Ann! Acme & Sons will contact you at (415) 555-2671 (Morning)." in text
    assert "[the bot saves the lead and tells the firm's staff]" in text
    assert "<b>" not in text, "the terminal prints plain text"


def test_a_link_button_opens_its_page_and_sends_nothing() -> None:
    text = run([*scripts.SHORT_TERM_BUTTONS, "b:Book a consultation", "/help"])
    assert "(opens https://x.test/b)" in text
    assert 'Your result is above. Tap "Start over"' in text  # /help after the plan, not a new question


def test_commands_back_review_help_and_quit() -> None:
    text = run(["1", "/back", "3", "/review", "/help", "/quit", "never read"])
    assert text.count("Who do you owe?") == 2
    assert "Owed to: Both" in text
    assert "I ask a few questions about your IRS debt" in text


def test_a_wrong_answer_is_explained_in_spanish() -> None:
    text = run(["1", "muchísimo"], lang="es")
    assert "Pregunta 1 de ~" in text
    assert "No pude leer eso como una cantidad de dinero" in text


def test_the_console_does_not_import_the_telegram_transport() -> None:
    code = "import sys, bot.cli.chat; assert 'aiogram' not in sys.modules, sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)
