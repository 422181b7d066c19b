"""What ``python -m bot`` does to the garbage collector once the app is built (bot.app.freeze_startup_heap).

Run in a subprocess: freezing and thresholds are process-wide, and the test process must keep its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json
from bot.app import YOUNG_GC_THRESHOLD, freeze_startup_heap
before = gc.get_threshold()
freeze_startup_heap()
print(json.dumps({"before": before, "after": gc.get_threshold(), "frozen": gc.get_freeze_count(),
                  "young": YOUNG_GC_THRESHOLD}))
"""


def test_start_up_heap_is_frozen_and_young_collections_are_batched() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    seen = json.loads(done.stdout)
    assert seen["before"][0] == 700  # CPython's default, so the change below is ours
    assert seen["after"] == [seen["young"], *seen["before"][1:]]  # only the youngest threshold moves
    assert seen["young"] >= 10_000
    assert seen["frozen"] > 10_000  # the imported libraries are out of the collector's way
