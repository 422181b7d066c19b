"""Transport mechanics with a two-question stub engine: fast, independent of the IRS rules."""

from __future__ import annotations

from collections.abc import Callable

from tests.bot import stub_engine
from tests.e2e.harness import BotRunner
from tests.fakes.telegram import FakeTelegram


async def test_stub_conversation_to_result(
    fake_telegram: FakeTelegram, run_bot: Callable[..., BotRunner]
) -> None:
    runner = run_bot(stub_engine)
    await runner.start()
    ann = fake_telegram.user(first_name="Ann")
    chat = runner.chat(ann)
    greeting, question = await chat.send("/start")
    assert "not tax advice" in greeting.text
    assert "Question 1 of ~2" in question.text
    (colour,) = await chat.send("<b>&")
    assert colour.buttons[:2] == ["Red", "Blue"]
    messages = await chat.press("Blue")
    result = messages[0]
    # The answer "<b>&" came back inside an HTML message: escaped, so shown literally, not as bold.
    assert "Thanks <b>&, you like blue." in result.text
    assert any("Acme & Sons <Tax>" in m.text for m in messages)
    outcome = runner.outcomes[-1]
    assert outcome.finished and outcome.assessment_id is not None
