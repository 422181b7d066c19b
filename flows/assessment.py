"""The rules engine's entry points, for the conversation and the bot: answers in, a plan out.

The rules themselves live in flows/rules/ (one module per family of rules); this
module keeps the names callers import.
"""

from __future__ import annotations

from flows.rules.case import Financials, financials
from flows.rules.planner import assess
from flows.rules.scope import needs_financials, statute_matters

__all__ = ["Financials", "assess", "financials", "needs_financials", "statute_matters"]
