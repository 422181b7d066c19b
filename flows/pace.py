"""How long the questions take a person, as the texts promise it (the greeting, a reminder).

Each question costs what it asks of the person:

- TAP_SECONDS (10 s) for one answered with a button: reading a question of one to three
  short lines and its "why we ask" line (about 25 words, 6 to 8 s at an unhurried 200-250
  words a minute on a phone) and one tap;
- TYPED_SECONDS (20 s) for one that is typed (an amount, a count, a date, a year): the same
  reading, then finding the figure (a letter, a pay stub, a guess) and typing it on a phone
  keyboard.

These are stated assumptions, not a measurement of people: there is no field data yet. They
are generous on purpose, because promising two minutes and taking five loses trust.
bench/lengths.py walks the main paths with them; tests/flows/test_time_promise.py holds the
greeting's promise to its result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from flows import questions as Q

TAP_SECONDS = 10
TYPED_SECONDS = 20
TYPED_KINDS = frozenset({Q.Kind.MONEY, Q.Kind.COUNT, Q.Kind.DATE, Q.Kind.YEAR})


def seconds(question_ids: Iterable[str]) -> int:
    """The time these questions take, by what each asks for (not by how a script answered it)."""
    return sum(TYPED_SECONDS if Q.BY_ID[qid].kind in TYPED_KINDS else TAP_SECONDS for qid in question_ids)


def minutes(total_seconds: float) -> int:
    """Whole minutes, rounded up, at least one: what a text may promise."""
    return max(1, math.ceil(total_seconds / 60))
