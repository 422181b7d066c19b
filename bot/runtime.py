"""The event loop the long-running commands (polling, webhook) run on.

``EVENT_LOOP=auto`` (the default) takes uvloop where it is installed (a dependency on Linux and
macOS) and asyncio's own loop otherwise; ``uvloop`` insists on it, ``asyncio`` never uses it.

Why it matters here: every update costs several socket round trips (the webhook request, one or two
Bot API calls, six PostgreSQL statements), and with updates arriving one at a time each of them is a
separate wake-up of the loop. uvloop does that part in C; README "Performance", item 28, has the
figures. The short CLI commands (migrate, report, export, link) keep ``asyncio.run``: they do a
handful of queries and exit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Literal, TypeVar

from bot.errors import StartupError

EventLoopChoice = Literal["auto", "uvloop", "asyncio"]
T = TypeVar("T")


def loop_factory(choice: EventLoopChoice) -> tuple[str, Callable[[], asyncio.AbstractEventLoop] | None]:
    """The loop's name and the factory for ``asyncio.Runner`` (None: asyncio's default loop)."""
    if choice == "asyncio":
        return "asyncio", None
    try:
        import uvloop
    except ImportError:
        if choice == "uvloop":
            raise StartupError(
                "EVENT_LOOP=uvloop but uvloop is not installed: pip install uvloop, or set EVENT_LOOP=auto"
            ) from None
        return "asyncio", None
    return f"uvloop {uvloop.__version__}", uvloop.new_event_loop


def running_loop_name() -> str:
    """For the start-up log line, written once start-up succeeded (a failed start prints one line only)."""
    loop = asyncio.get_running_loop()
    if type(loop).__module__.startswith("uvloop"):
        import uvloop

        return f"uvloop {uvloop.__version__}"
    return "asyncio"


def run(main: Coroutine[Any, Any, T], choice: EventLoopChoice) -> T:
    """``asyncio.run(main)`` on the chosen loop."""
    try:
        _, factory = loop_factory(choice)
    except StartupError:
        main.close()  # never started: no "coroutine was never awaited" warning under the one-line error
        raise
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(main)
