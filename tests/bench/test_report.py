"""The benchmark's own arithmetic: what it reads from /proc and how it reports rounds (no timing here)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.__main__ import Result, report, runqueue_wait_seconds


def test_runqueue_wait_is_read_for_a_live_process_and_zero_for_a_gone_one() -> None:
    assert runqueue_wait_seconds(os.getpid()) >= 0.0
    assert runqueue_wait_seconds(2**22 + 12345) == 0.0  # above pid_max's default: no such process


def test_runqueue_wait_grows_while_more_processes_want_a_cpu_than_there_are() -> None:
    """Busy processes beyond the CPU count make this one queue for a CPU: the wait the bench reads."""
    spin = "import time\nend = time.monotonic() + 1.0\nwhile time.monotonic() < end: pass"
    before = runqueue_wait_seconds(os.getpid())
    others = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(2 * (os.cpu_count() or 1))]
    end = time.monotonic() + 1.0
    while time.monotonic() < end:
        pass
    for other in others:
        other.wait(timeout=30)
    assert runqueue_wait_seconds(os.getpid()) > before


def result(name: str, kind: str, per_s: float, p99: float, wait: float) -> Result:
    return Result(name, kind, "webhook", "sqlite" if kind == "bot" else "-", updates_per_s=per_s,
                  p99_ms=p99, cpu_wait_pct=wait, cpu_ms_per_update=1.0)  # fmt: skip


def test_each_round_is_reported_against_its_own_echo_with_p99_and_cpu_wait() -> None:
    rounds = [
        [result("echo webhook -", "echo", 800, 4, 2), result("bot webhook sqlite", "bot", 400, 20, 5)],
        [result("echo webhook -", "echo", 600, 6, 3), result("bot webhook sqlite", "bot", 360, 90, 40)],
        [result("echo webhook -", "echo", 1000, 5, 1), result("bot webhook sqlite", "bot", 450, 25, 6)],
    ]
    text = report(rounds)
    assert "median of 3 interleaved rounds" in text
    assert "bot webhook sqlite           0.50, 0.60, 0.45" in text  # each against its own round's echo
    assert "bot webhook sqlite           20.0 (5%), 90.0 (40%), 25.0 (6%)" in text
    bot_line = next(line for line in text.splitlines() if line.startswith("bot webhook sqlite  "))
    assert "( 0.50x)" in bot_line  # the median of the per-round ratios, not of the raw figures
    assert "25.0 @" in bot_line and "6.0%" in bot_line  # medians of p99 and of the CPU wait
