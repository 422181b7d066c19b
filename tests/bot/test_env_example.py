""".env.example is the operator's list of knobs: a setting missing there is a setting nobody finds."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import Settings


def test_env_example_lists_every_setting() -> None:
    text = (Path(__file__).parents[2] / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))
    missing = sorted(name.upper() for name in Settings.model_fields if name.upper() not in listed)
    assert not missing, f"add to .env.example: {missing}"
