"""The database side of one update, without HTTP: CPU per step of the runner's transaction.

Run: ``.venv/bin/python -m bench.step_bench --db sqlite`` (or ``--db postgres``).

``python -m bench`` measures the whole bot through real HTTP, where aiogram, aiohttp and the fake
server dominate and the VM's drift moves every figure by 20%. A change to the step's database path
(bot/db/store.py, bot/db/fast.py) is seen better here: the real StepRunner with its real
chat lock and statements, a trivial flow (one answer, one event, a small snapshot), ``--chats``
people at once, ``--steps`` steps each, in this one process. Compare two versions of the code by
running this from two checkouts, alternately, a few times.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import resource
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from bot.config import Settings
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.features.leads.phone import PhoneNumbers
from bot.runner.runner import StepRunner
from bot.telegram.incoming import Incoming
from flows.chat import Act, ChatInput
from flows.types import Event, OutMessage, Snapshot, StepResult, UserInput

DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


class OneAnswerFlow:
    """Each answer replaces the last five in the snapshot: a step of constant size."""

    def start(self, lang: str) -> StepResult:
        return StepResult(Snapshot(state="q", lang=lang, answers={"seen": []}), [], [], accepted=True)

    def handle(self, snapshot: Snapshot, user_input: UserInput, today: date) -> StepResult:
        seen = [*snapshot.answers["seen"], user_input.value][-5:]
        new = snapshot.model_copy(update={"answers": {"seen": seen}, "step": snapshot.step + 1})
        return StepResult(new, [OutMessage(html="ok", plain="ok")], [Event("answered", "q")], accepted=True)

    def current_prompt(self, snapshot: Snapshot) -> list[OutMessage]:
        return []

    def urgency(self, snapshot: Snapshot, today: date) -> None:
        return None

    def plan(self, snapshot: Snapshot, today: date) -> None:
        return None

    def answers_open_question(self, snapshot: Snapshot, user_input: UserInput, today: date) -> bool:
        return False


_update_ids = itertools.count(1)


def typed(chat_id: int, value: str) -> Incoming:
    return Incoming(
        update_id=next(_update_ids),
        chat_id=chat_id,
        user_id=chat_id,
        chat=ChatInput(Act.INPUT, UserInput.typed(value), language_code="en"),
    )


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def one_step(runner: StepRunner, incoming: Incoming) -> None:
    """What StepRunner.handle does before it sends anything."""
    async with runner.store.hold(incoming.chat_id) as held:
        await held.step(
            incoming.chat_id, incoming.update_id, runner.clock(), lambda tx: runner.work(tx, incoming)
        )


async def measure(url: str, chats: int, steps: int, transcript: bool = False) -> tuple[float, float]:
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    engine = create_engine(url)
    runner = StepRunner(
        settings, create_session_factory(engine), phones=PhoneNumbers(), screening=OneAnswerFlow()
    )
    if transcript:  # what the back office adds to every step (bot/features/transcript.py)
        from bot.features.transcript import record_transcript

        runner.recorders.append(record_transcript)
    people = range(10_000, 10_000 + chats)

    async def person(chat_id: int, count: int) -> None:
        for n in range(count):
            await one_step(runner, typed(chat_id, str(n)))

    try:
        for chat_id in people:
            await one_step(runner, typed(chat_id, "start"))
        await asyncio.gather(*(person(c, 10) for c in people))  # warm-up: pools, caches, prepared statements
        started, cpu = time.perf_counter(), cpu_seconds()
        await asyncio.gather(*(person(c, steps) for c in people))
        total = chats * steps
        return (cpu_seconds() - cpu) / total * 1e6, (time.perf_counter() - started) / total * 1e6
    finally:
        await engine.dispose()


async def main(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="step-bench-") as tmp:
        if args.db == "sqlite":
            url = f"sqlite+aiosqlite:///{Path(tmp) / 'steps.db'}"
            await asyncio.to_thread(upgrade, url)
            cpu_us, wall_us = await measure(url, args.chats, args.steps, args.transcript)
        else:
            from tests.dbs import PostgresServer

            server = PostgresServer(args.postgres_url)
            problem = await server.check()
            if problem:
                print(f"PostgreSQL not available: {problem}", file=sys.stderr)
                return 2
            name = f"step_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
            url = await server.create_database(name)
            try:
                await asyncio.to_thread(upgrade, url)
                cpu_us, wall_us = await measure(url, args.chats, args.steps, args.transcript)
            finally:
                await server.drop_database(name)
    print(
        f"{args.db}{' +transcript' if args.transcript else ''}: {args.chats} people x {args.steps} steps: "
        f"{cpu_us:.0f} us CPU and {wall_us:.0f} us wall per step"
    )
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.step_bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--postgres-url", default=os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG))
    p.add_argument("--chats", type=int, default=30, help="people at once")
    p.add_argument("--transcript", action="store_true", help="record each step's transcript, as the bot does")
    p.add_argument("--steps", type=int, default=100, help="steps per person (after 10 to warm up)")
    args = p.parse_args(argv)
    if args.chats < 1 or args.steps < 1:
        p.error("--chats and --steps must be at least 1")
    return args


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args())))
