"""The public API of flows/: what the bot, the terminal and the tests drive.

``step`` runs the whole conversation (greeting, screening, plan, call to action,
consent and call-back details, the staff pause) for one input; ``staff_takes`` and
``staff_hands_back`` are the staff's side of the pause. ``start``, ``handle`` and
``current_prompt`` drive the screening alone (its own tests, the benchmark).
Everything takes and returns plain data (flows/chat.py, flows/types.py).
"""

from __future__ import annotations

from flows.conversation import staff_hands_back, staff_takes, step
from flows.screening import current_prompt, handle, start

__all__ = ["current_prompt", "handle", "staff_hands_back", "staff_takes", "start", "step"]
