"""EVENT_LOOP: which event loop `python -m bot` and `python -m bot webhook` run on (bot/runtime.py)."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

import pytest
import uvloop

from bot.config import Settings
from bot.errors import StartupError
from bot.runtime import loop_factory, run
from bot.webhook import WebhookSettings  # Settings plus the webhook's own


async def loop_type() -> type:
    return type(asyncio.get_running_loop())


def test_auto_and_uvloop_run_on_uvloop_where_it_is_installed() -> None:
    assert run(loop_type(), "auto") is uvloop.Loop
    assert run(loop_type(), "uvloop") is uvloop.Loop
    assert loop_factory("auto")[0] == f"uvloop {uvloop.__version__}"


def test_asyncio_never_uses_uvloop() -> None:
    assert loop_factory("asyncio") == ("asyncio", None)
    assert not issubclass(run(loop_type(), "asyncio"), uvloop.Loop)


def test_without_uvloop_auto_falls_back_and_uvloop_is_a_one_line_startup_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # what `import uvloop` sees where it is not installed
    assert loop_factory("auto") == ("asyncio", None)
    coroutine = loop_type()
    with pytest.raises(StartupError, match="EVENT_LOOP=uvloop but uvloop is not installed"):
        run(coroutine, "uvloop")
    assert coroutine.cr_frame is None  # closed, not left to warn "never awaited"


def test_the_setting_is_case_insensitive_and_rejects_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENT_LOOP", " AsyncIO ")
    assert Settings(_env_file=None).event_loop == "asyncio"  # type: ignore[call-arg]
    monkeypatch.delenv("EVENT_LOOP")
    assert Settings(_env_file=None).event_loop == "auto"  # type: ignore[call-arg]
    monkeypatch.setenv("EVENT_LOOP", "trio")
    with pytest.raises(ValueError, match="event_loop"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_env_example_lists_every_setting() -> None:
    """.env.example is the operator's list of knobs: a setting missing there is a setting nobody finds."""
    text = (Path(__file__).parents[2] / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))
    missing = sorted(name.upper() for name in WebhookSettings.model_fields if name.upper() not in listed)
    assert not missing, f"add to .env.example: {missing}"
    assert "EVENT_LOOP" in listed
