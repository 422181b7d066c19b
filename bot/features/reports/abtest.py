"""A/B results with the right denominators and 95% confidence intervals.

Each slot is judged on the people who could have been moved by it: the greeting ("intro") is
seen by everyone who starts, so its rate is completed / started; the call to action ("cta") is
seen only by people who reached their plan, so its rates are agreed-to-contact / completed and
leads / completed. Intervals are Wilson score intervals, which stay inside 0-100% and behave
for the small counts a campaign's first days give (the normal approximation does not).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.features.reports.funnel import Funnel

Z95 = 1.959963984540054


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    if trials <= 0:
        return 0.0, 0.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    margin = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - margin), min(1.0, centre + margin)


@dataclass(frozen=True)
class Arm:
    variant: str
    seen: int  # the denominator: people who saw this variant
    converted: int
    low: float
    high: float

    @property
    def rate(self) -> float:
        return self.converted / self.seen if self.seen else 0.0


@dataclass(frozen=True)
class Test:
    slot: str  # intro | cta
    measure: str  # completed | consented | leads
    denominator: str  # starts | completed
    arms: list[Arm]


def arms(funnel: Funnel, slot: str, measure: str, denominator: str) -> list[Arm]:
    out = []
    for group in funnel.breakdowns.get(slot, []):
        seen, converted = group.stage(denominator), group.stage(measure)
        if seen:
            low, high = wilson(converted, seen)
            out.append(Arm(group.label, seen, converted, low, high))
    return out


def ab_tests(funnel: Funnel) -> list[Test]:
    return [
        Test("intro", "completed", "starts", arms(funnel, "intro", "completed", "starts")),
        Test("cta", "consented", "completed", arms(funnel, "cta", "consented", "completed")),
        Test("cta", "leads", "completed", arms(funnel, "cta", "leads", "completed")),
    ]
