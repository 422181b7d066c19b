"""``python -m bench`` (``make bench``): drive simulated people through complete screenings over real HTTP.

For each transport (webhook, polling) and database (SQLite, PostgreSQL) the real bot runs as its own
process (``python -m bot webhook`` / ``python -m bot``) against the fake Bot API server in this process,
and so does a bare aiogram echo bot, the baseline every figure is divided by. Phases per run:

1. throughput: ``--concurrent`` people at once, ``--screenings`` complete screenings in all;
   updates per second = updates sent / wall time until the last reply;
2. latency at a fixed rate: updates paced at ``--rate`` per second for ``--rate-seconds``; handling
   latency = from the update's creation to the arrival of the last message the step must produce
   (p50/p95/p99);
3. memory: ``--conversations`` new people each start a conversation and answer one question
   (each stores a conversation row); the bot's RSS is read from /proc before, at every quarter and
   after. "Growth in the 2nd half" is RSS at the end minus RSS at the half-way point, per 1,000
   conversations: memory that grows with stored conversations shows there, while warm-up (caches,
   allocator arenas) is spent in the first half. Peak RSS is the high-water mark (VmHWM) at the end.

Every loop is bounded in count and in time. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.fake import BenchTelegram
from bench.script import Step, echo_script, screening_script

REPO = Path(__file__).resolve().parents[1]
SECRET = "bench-secret"
# The baseline, the bare aiogram echo bot ("echo"), and the same bot without the largest
# aiogram inefficiency the real bot avoids ("echofix": bench/echo.py says which). Ratios are against
# "echo"; the report adds the ratios against "echofix" when it ran.
BASELINES = ("echo", "echofix")
STEP_TIMEOUT_S = 30.0
DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


@dataclass
class Result:
    name: str
    kind: str  # echo | bot
    mode: str
    db: str
    updates: int = 0
    seconds: float = 0.0
    updates_per_s: float = 0.0
    rate_target: float = 0.0
    rate_achieved: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    # Share of the paced phase the bot process(es) spent runnable but waiting for a CPU (schedstat):
    # on a shared VM a bad p99 with a high figure here is the machine, not the code.
    cpu_wait_pct: float = 0.0
    cpu_ms_per_update: float = 0.0  # the bot process(es), throughput phase
    # The PostgreSQL server's processes on this machine, same phase (0: SQLite, or a server elsewhere).
    db_cpu_ms_per_update: float = 0.0
    rss_before_mb: float = 0.0
    rss_after_mb: float = 0.0
    rss_quarters_mb: list[float] = field(default_factory=list)  # after 1/4, 2/4, 3/4 of the conversations
    conversations: int = 0
    peak_rss_mb: float = 0.0
    errors: int = 0
    notes: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process in MiB (Linux /proc; no extra dependency)."""
    values: dict[str, float] = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process. On a shared machine wall-clock rates depend on what else
    runs; CPU time per update does not, so the report gives both."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds_by_name(comm: str) -> dict[int, float]:
    """CPU time of every process called ``comm`` (``postgres``: the server, its backends and workers)."""
    seen: dict[int, float] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/comm") as name:
                if name.read().strip() != comm:
                    continue
            seen[int(entry.name)] = cpu_seconds(int(entry.name))
        except (OSError, IndexError, ValueError):  # gone, or not ours to read
            continue
    return seen


def cpu_used_since(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(max(0.0, used - before.get(pid, 0.0)) for pid, used in after.items())


class CpuWatch:
    """CPU used by the processes called ``comm`` while the block runs, sampled every ``interval`` s.

    One snapshot before and one after would miss most of it: the bot's pool closes its overflow
    connections as the load drops, and a PostgreSQL backend's CPU goes with its process (a first
    version of this read 0.01 ms per update where a watcher beside it saw 0.65). So the last figure
    seen for each process is kept; one that exits loses at most its last ``interval``.
    """

    def __init__(self, comm: str, interval: float = 0.2) -> None:
        self.comm, self.interval = comm, interval
        self.before: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> CpuWatch:
        self.before = cpu_seconds_by_name(self.comm)
        self.last = dict(self.before)
        self._task = asyncio.create_task(self._sample())
        return self

    async def _sample(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            self.last.update(cpu_seconds_by_name(self.comm))

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self.last.update(cpu_seconds_by_name(self.comm))

    @property
    def used(self) -> float:
        return cpu_used_since(self.before, self.last)


def runqueue_wait_seconds(pid: int) -> float:
    """Time the process has spent runnable but not running (waiting for a CPU), from /proc schedstat.

    The main thread's figure is enough: the bot's work runs on its event loop, which is the main
    thread, the one /proc/PID/schedstat describes.
    """
    try:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):  # a kernel without schedstats: report 0, never fail
        return 0.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


# ---------------------------------------------------------------------------- people


class Person:
    def __init__(self, tg: BenchTelegram, script: list[Step], number: int) -> None:
        self.tg = tg
        self.script = script
        self.user = tg.user(first_name=f"P{number}")

    async def act(self, step: Step) -> float:
        """Send one input and wait until the bot finished answering it; the latency in seconds."""
        chat_id = self.user.id
        since = len(self.user.messages)
        started = time.perf_counter()
        if step.kind == "text":
            await self.user.send(step.value)
        else:
            latest = self.user.messages[-1]
            data = next(
                d for d in latest.button_data.values() if d == step.value or d.endswith(f"|{step.value}")
            )
            await self.user.press(data, latest)
        await self.tg.wait_chat(chat_id, since, step.done, STEP_TIMEOUT_S)
        return time.perf_counter() - started


class Pacer:
    """Hands out send permits at a fixed rate (open loop): slow handling shows up as latency."""

    def __init__(self, rate: float, total: int) -> None:
        self.interval = 1.0 / rate
        self.left = total
        self.next_at = time.perf_counter()

    async def permit(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        now = time.perf_counter()
        self.next_at = max(self.next_at + self.interval, now - self.interval)
        delay = self.next_at - now
        if delay > 0:
            await asyncio.sleep(delay)
        return True


# ---------------------------------------------------------------------------- the bot under test


@asynccontextmanager
async def running_bot(
    tg: BenchTelegram,
    kind: str,
    mode: str,
    database_url: str,
    workers: int,
    log_dir: Path,
    pg_pool: int | None = None,
) -> AsyncIterator[list[asyncio.subprocess.Process]]:
    ports = [free_port() for _ in range(workers)]
    procs: list[asyncio.subprocess.Process] = []
    for index, port in enumerate(ports):
        env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(REPO),
            "BOT_TOKEN": tg.token,
            "BOT_API_URL": tg.base_url,
            "DATABASE_URL": database_url,
            "WEBHOOK_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_HOST": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "WEBHOOK_SECRET": SECRET,
            "LOG_LEVEL": "WARNING",
        }
        if pg_pool is not None:  # a fixed pool of this many connections (PostgreSQL; SQLite ignores it)
            env["DATABASE_POOL_SIZE"], env["DATABASE_MAX_OVERFLOW"] = str(pg_pool), "0"
        if kind in BASELINES:
            argv = [
                "-m",
                "bench.echo",
                "--mode",
                mode,
                "--api",
                tg.base_url,
                "--port",
                str(port),
                "--secret",
                SECRET,
            ] + (["--keep-response-models"] if kind == "echofix" else [])
        elif mode == "polling":
            argv = ["-m", "bot"]
        else:
            argv = ["-m", "bot", "webhook"] + ([] if index == 0 else ["--no-register"])
        log = open(log_dir / f"{kind}-{mode}-{port}.log", "wb")  # noqa: ASYNC230, SIM115 - lives with the process
        procs.append(
            await asyncio.create_subprocess_exec(
                sys.executable, *argv, cwd=log_dir, env=env, stdout=log, stderr=log
            )
        )
    if mode == "webhook":
        tg.extra_urls = [f"http://127.0.0.1:{port}/telegram/webhook" for port in ports[1:]]
    try:
        yield procs
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.terminate()
        for proc in procs:
            try:
                await asyncio.wait_for(proc.wait(), 60)
            except TimeoutError:
                proc.kill()
        tg.extra_urls = []


async def wait_ready(tg: BenchTelegram, script: list[Step], procs: list[asyncio.subprocess.Process]) -> None:
    """A first person gets an answer: the bot is up (imports, DB, webhook registration done)."""
    deadline = time.monotonic() + 120
    warm = Person(tg, script, 0)
    while True:
        for proc in procs:
            if proc.returncode is not None:
                raise RuntimeError(
                    "the bot under test exited during startup; see the log in the bench folder"
                )
        try:
            await warm.act(Step(script[0].kind, script[0].value, script[0].done))
            break
        except TimeoutError:
            if time.monotonic() > deadline:
                raise
    await asyncio.sleep(0.5)


# ---------------------------------------------------------------------------- phases


async def phase_throughput(
    tg: BenchTelegram, script: list[Step], screenings: int, concurrent: int
) -> tuple[int, float, int]:
    queue = list(range(screenings))
    errors = 0
    sent = 0

    async def person_loop() -> None:
        nonlocal errors, sent
        while queue:
            number = queue.pop()
            person = Person(tg, script, 1_000_000 + number)
            try:
                for step in script:
                    await person.act(step)
                    sent += 1
            except (TimeoutError, StopIteration):
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(person_loop() for _ in range(concurrent)))
    return sent, time.perf_counter() - started, errors


async def phase_latency(
    tg: BenchTelegram, script: list[Step], rate: float, seconds: float, people: int
) -> tuple[list[float], float, int]:
    pacer = Pacer(rate, int(rate * seconds))
    latencies: list[float] = []
    errors = 0
    numbers = iter(range(2_000_000, 3_000_000))

    async def person_loop() -> None:
        nonlocal errors
        while True:
            person = Person(tg, script, next(numbers))
            for step in script:
                if not await pacer.permit():
                    return
                try:
                    latencies.append(await person.act(step))
                except (TimeoutError, StopIteration):
                    errors += 1
                    break

    started = time.perf_counter()
    await asyncio.gather(*(person_loop() for _ in range(people)))
    return latencies, len(latencies) / (time.perf_counter() - started), errors


async def phase_memory(
    tg: BenchTelegram, script: list[Step], conversations: int, concurrent: int, pids: list[int]
) -> tuple[int, int, list[float]]:
    errors = 0
    done = 0
    deadline = time.monotonic() + 1800
    quarters: list[float] = []
    numbers = iter(range(conversations))

    async def person_loop(batch: list[int]) -> None:
        nonlocal errors, done
        while batch and time.monotonic() < deadline:
            person = Person(tg, script, 3_000_000 + batch.pop())
            try:
                for step in script[:2]:  # /start + one answer: a stored conversation
                    await person.act(step)
                done += 1
            except (TimeoutError, StopIteration):
                errors += 1
            if done % 2000 == 0:
                tg.trim()

    for quarter in range(4):
        size = conversations // 4 + (1 if quarter < conversations % 4 else 0)
        batch = [n for _, n in zip(range(size), numbers, strict=False)]
        await asyncio.gather(*(person_loop(batch) for _ in range(concurrent)))
        if quarter < 3:
            await asyncio.sleep(0.5)
            quarters.append(sum(proc_status(pid)["VmRSS"] for pid in pids))
    return done, errors, quarters


# ---------------------------------------------------------------------------- one run


async def fresh_database(db: str, pg_url: str, work: Path) -> tuple[str, str | None]:
    from bot.db.migrate import upgrade

    if db == "sqlite":
        url = f"sqlite+aiosqlite:///{work / f'bench-{uuid.uuid4().hex[:6]}.db'}"
        await asyncio.to_thread(upgrade, url)
        return url, None
    from tests.dbs import PostgresServer

    server = PostgresServer(pg_url)
    name = f"bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    url = await server.create_database(name)
    await asyncio.to_thread(upgrade, url)
    return url, name


async def run_one(kind: str, mode: str, db: str, args: argparse.Namespace, work: Path) -> Result:
    screening = screening_script()
    script = screening if kind == "bot" else echo_script(screening)
    name = f"{kind:4} {mode:7} {db if kind == 'bot' else '-':8}"
    result = Result(name=name.strip(), kind=kind, mode=mode, db=db if kind == "bot" else "-")
    database_url, pg_name = ("", None)
    if kind == "bot":
        database_url, pg_name = await fresh_database(db, args.postgres_url, work)
    workers = args.workers if (kind == "bot" and mode == "webhook" and db == "postgres") else 1
    try:
        async with BenchTelegram(max_connections=args.max_connections) as tg:
            async with running_bot(tg, kind, mode, database_url, workers, work, args.pg_pool) as procs:
                await wait_ready(tg, script, procs)
                pids = [p.pid for p in procs]

                cpu_before = sum(cpu_seconds(pid) for pid in pids)
                # Sampled in every run, not only PostgreSQL's: its /proc scans cost the harness a little
                # CPU, and every configuration should pay it alike.
                async with CpuWatch("postgres") as server:
                    sent, seconds, errors = await phase_throughput(
                        tg, script, args.screenings, args.concurrent
                    )
                cpu_used = sum(cpu_seconds(pid) for pid in pids) - cpu_before
                result.cpu_ms_per_update = cpu_used / sent * 1000 if sent else 0.0
                if db == "postgres" and kind == "bot" and sent:
                    result.db_cpu_ms_per_update = server.used / sent * 1000
                result.updates, result.seconds, result.errors = sent, seconds, errors
                result.updates_per_s = sent / seconds if seconds else 0.0
                tg.trim()

                # The harness's own garbage collector must not be measured as the bot's latency: the
                # fake server holds every person's messages, and full collections over them paused
                # this process for 51, 80 and 125 ms in one 30-second echo run (a gc callback). Off
                # for the paced phase only; collected before and after.
                gc.collect()
                gc.disable()
                wait_before, wall_before = sum(runqueue_wait_seconds(p) for p in pids), time.perf_counter()
                try:
                    latencies, achieved, errors = await phase_latency(
                        tg, script, args.rate, args.rate_seconds, args.rate_people
                    )
                finally:
                    gc.enable()
                    gc.collect()
                waited = sum(runqueue_wait_seconds(p) for p in pids) - wait_before
                result.cpu_wait_pct = 100 * waited / len(pids) / (time.perf_counter() - wall_before)
                result.rate_target, result.rate_achieved = args.rate, achieved
                result.p50_ms = percentile(latencies, 50) * 1000
                result.p95_ms = percentile(latencies, 95) * 1000
                result.p99_ms = percentile(latencies, 99) * 1000
                result.errors += errors
                tg.trim()

                result.rss_before_mb = sum(proc_status(pid)["VmRSS"] for pid in pids)
                done, errors, quarters = await phase_memory(
                    tg, script, args.conversations, args.concurrent, pids
                )
                result.conversations, result.errors = done, result.errors + errors
                result.rss_quarters_mb = quarters
                await asyncio.sleep(1.0)
                result.rss_after_mb = sum(proc_status(pid)["VmRSS"] for pid in pids)
                result.peak_rss_mb = sum(proc_status(pid)["VmHWM"] for pid in pids)
                if tg.delivery_failures:
                    result.notes.append(f"{tg.delivery_failures} webhook deliveries failed")
                if workers > 1:
                    result.notes.append(f"{workers} workers")
                if args.pg_pool is not None and kind == "bot" and db == "postgres":
                    result.notes.append(f"pool of {args.pg_pool}")
    finally:
        if pg_name is not None:
            from tests.dbs import PostgresServer

            await PostgresServer(args.postgres_url).drop_database(pg_name)
    return result


def second_half_growth(r: Result) -> float:
    """MB per 1,000 conversations from the half-way RSS to the end (0 when too few to tell)."""
    if len(r.rss_quarters_mb) < 2 or r.conversations < 4:
        return 0.0
    return (r.rss_after_mb - r.rss_quarters_mb[1]) / (r.conversations / 2) * 1000


def vs(value: float, base: float | None) -> str:
    return f"{value / base:.2f}x" if base else "-"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def combine(rounds: list[Result]) -> Result:
    """One configuration over several rounds: the median of every figure (notes and errors summed)."""
    if len(rounds) == 1:
        return rounds[0]
    first = rounds[0]
    merged = Result(name=first.name, kind=first.kind, mode=first.mode, db=first.db)
    for name in (
        "updates", "seconds", "updates_per_s", "rate_target", "rate_achieved", "p50_ms", "p95_ms",
        "p99_ms", "cpu_wait_pct", "cpu_ms_per_update", "db_cpu_ms_per_update", "rss_before_mb",
        "rss_after_mb", "conversations", "peak_rss_mb",
    ):  # fmt: skip
        value = median([getattr(r, name) for r in rounds])
        setattr(merged, name, type(getattr(first, name))(value))
    quarters = zip(*(r.rss_quarters_mb for r in rounds), strict=False)
    merged.rss_quarters_mb = [median(list(q)) for q in quarters]
    merged.errors = sum(r.errors for r in rounds)
    merged.notes = [n for r in rounds for n in r.notes]
    return merged


def round_ratios(
    rounds: list[list[Result]], config: Result, figure: str, baseline: str = "echo"
) -> list[float]:
    """``figure`` of ``config`` over the baseline's in the same round, one ratio per round."""
    ratios = []
    for results in rounds:
        echo = next((r for r in results if r.kind == baseline and r.mode == config.mode), None)
        mine = next((r for r in results if r.name == config.name), None)
        if echo is not None and mine is not None and getattr(echo, figure):
            ratios.append(getattr(mine, figure) / getattr(echo, figure))
    return ratios


def report(rounds: list[list[Result]]) -> str:
    """The table; with several rounds, medians, each ratio the median of the per-round ratios."""
    names = list(dict.fromkeys(r.name for results in rounds for r in results))
    combined = [combine([r for results in rounds for r in results if r.name == name]) for name in names]
    echo = {r.mode: r for r in combined if r.kind == "echo"}

    def ratio(config: Result, figure: str) -> str:
        base = echo.get(config.mode)
        if base is None or not getattr(base, figure):
            return "-"
        ratios = round_ratios(rounds, config, figure)
        return f"{median(ratios) if ratios else getattr(config, figure) / getattr(base, figure):.2f}x"

    lines = [f"median of {len(rounds)} interleaved rounds"] if len(rounds) > 1 else []
    lines += [
        "run                          upd/s (vs echo)  CPU ms/upd (vs echo)   "
        "p50 / p95 / p99 ms at rate (p99 vs echo) waited for CPU   "
        "peak RSS MB (vs echo)  RSS before -> after N conv MB (growth in the 2nd half per 1k)   errors",
    ]
    for r in combined:
        lines.append(
            f"{r.name:28} {r.updates_per_s:7.1f} ({ratio(r, 'updates_per_s'):>6})  "
            f"{r.cpu_ms_per_update:6.2f} ({ratio(r, 'cpu_ms_per_update'):>6})   "
            f"{r.p50_ms:6.1f} / {r.p95_ms:6.1f} / {r.p99_ms:6.1f} @{r.rate_achieved:5.0f}/s "
            f"({ratio(r, 'p99_ms'):>6}) {r.cpu_wait_pct:5.1f}%   "
            f"{r.peak_rss_mb:7.1f} ({ratio(r, 'peak_rss_mb'):>6})   "
            f"{r.rss_before_mb:7.1f} -> {r.rss_after_mb:7.1f} ({r.conversations}; "
            f"{second_half_growth(r):+.2f} MB)   {r.errors}"
            + (f"  [{'; '.join(r.notes)}]" if r.notes else "")
        )
    with_db_cpu = [r for r in combined if r.db_cpu_ms_per_update]
    if with_db_cpu:
        lines.append("")
        lines.append("PostgreSQL server CPU ms per update, throughput phase (its processes on this machine):")
        for r in with_db_cpu:
            bot, server = r.cpu_ms_per_update, r.db_cpu_ms_per_update
            lines.append(f"  {r.name:28} {server:5.2f} (bot {bot:.2f}, together {bot + server:.2f})")
    if any(r.kind == "echofix" for r in combined):
        lines.append("")
        lines.append(
            "against echofix (echo without aiogram's Response[T] rebuild), median of per-round ratios:"
        )
        for r in combined:
            if r.kind == "bot":
                per_s = round_ratios(rounds, r, "updates_per_s", "echofix")
                cpu = round_ratios(rounds, r, "cpu_ms_per_update", "echofix")
                lines.append(
                    f"  {r.name:28} updates/s {median(per_s):.2f}x ({', '.join(f'{x:.2f}' for x in per_s)}), "
                    f"CPU ms per update {median(cpu):.2f}x"
                )
    if len(rounds) > 1:
        lines.append("")
        lines.append("updates/s vs echo, round by round (each against the echo bot of its own round):")
        for r in combined:
            if r.kind == "bot":
                per_round = ", ".join(f"{x:.2f}" for x in round_ratios(rounds, r, "updates_per_s"))
                lines.append(f"  {r.name:28} {per_round}")
        lines.append("p99 ms at the paced rate (bot waited for a CPU), round by round:")
        for r in combined:
            runs = [x for results in rounds for x in results if x.name == r.name]
            per_round = ", ".join(f"{x.p99_ms:.1f} ({x.cpu_wait_pct:.0f}%)" for x in runs)
            lines.append(f"  {r.name:28} {per_round}")
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> int:
    modes = args.modes.split(",")
    dbs = args.dbs.split(",")
    if "postgres" in dbs:
        from tests.dbs import PostgresServer

        problem = await PostgresServer(args.postgres_url).check()
        if problem:
            print(f"PostgreSQL skipped: {problem}", file=sys.stderr)
            dbs = [d for d in dbs if d != "postgres"]
    rounds: list[list[Result]] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        kinds = args.kinds.split(",")
        runs = [(kind, mode, "-") for kind in BASELINES for mode in modes if kind in kinds]
        runs += [("bot", mode, db) for mode in modes for db in dbs if "bot" in kinds]
        # Rounds interleave the echo bot and the bot, so a drift in the machine's speed (these VMs
        # move by 20% within an hour) lands on both sides of each ratio instead of on one.
        for number in range(1, args.rounds + 1):
            results: list[Result] = []
            for kind, mode, db in runs:
                label = f" (round {number}/{args.rounds})" if args.rounds > 1 else ""
                print(f"running {kind} / {mode} / {db}{label} ...", file=sys.stderr, flush=True)
                started = time.perf_counter()
                results.append(await run_one(kind, mode, db, args, work))
                print(f"  done in {time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
            rounds.append(results)
    print(report(rounds))
    if args.json:
        dumped = [[asdict(r) for r in results] for results in rounds]
        await asyncio.to_thread(Path(args.json).write_text, json.dumps(dumped, indent=2))
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--modes", default="webhook,polling", help="comma list: webhook,polling")
    p.add_argument(
        "--kinds",
        default="echo,echofix,bot",
        help="comma list: echo (the baseline), echofix (echo with aiogram's Response[T] fix), bot",
    )
    p.add_argument("--dbs", default="sqlite,postgres", help="comma list: sqlite,postgres")
    p.add_argument("--postgres-url", default=os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG))
    p.add_argument("--screenings", type=int, default=150, help="complete screenings in the throughput phase")
    p.add_argument("--concurrent", type=int, default=50, help="people at once (throughput and memory phases)")
    p.add_argument("--rate", type=float, default=200.0, help="updates per second in the latency phase")
    p.add_argument("--rate-seconds", type=float, default=10.0)
    p.add_argument("--rate-people", type=int, default=200, help="people sharing the paced updates")
    p.add_argument(
        "--conversations", type=int, default=10_000, help="stored conversations in the memory phase"
    )
    p.add_argument("--workers", type=int, default=1, help="webhook workers for the PostgreSQL webhook run")
    p.add_argument(
        "--pg-pool", type=int, help="DATABASE_POOL_SIZE for the bot (no overflow); unset: the bot's default"
    )
    p.add_argument("--max-connections", type=int, default=40, help="parallel webhook deliveries, as Telegram")
    p.add_argument("--rounds", type=int, default=1, help="repeat every run, interleaved; report medians")
    p.add_argument("--quick", action="store_true", help="small numbers: a smoke run in about a minute")
    p.add_argument("--json", help="also write the results to this file")
    args = p.parse_args(argv)
    if args.rounds < 1:
        p.error("--rounds must be at least 1")
    if args.quick:
        args.screenings, args.concurrent, args.rate_seconds, args.conversations = 20, 20, 3.0, 300
    return args


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args())))
