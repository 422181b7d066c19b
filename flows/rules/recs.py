"""The pieces every rule family builds a plan from: tiers, recommendations, shared steps.

Tiers give the plan its order, the order a tax professional works a case in:
urgent deadlines first (a missed one loses rights no later step gives back),
then blockers (the IRS grants most programs only once they are fixed), then
relief that lowers the debt (tried before any plan: a lower balance can drop
under a plan's limit), then the best-fitting route and its alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from flows import figures as F
from flows.plan import Estimates, Fit, Msg, Program, Recommendation, msg, text
from flows.rules.case import Case


class Tier(IntEnum):
    URGENT = 0
    BLOCKER = 1
    RELIEF = 2
    ROUTE = 3
    ALTERNATIVE = 4


FIT_RANK = {Fit.likely: 0, Fit.possible: 1, Fit.blocked: 2}


@dataclass(frozen=True)
class Item:
    tier: Tier
    rec: Recommendation


def rec(
    program: Program,
    fit: Fit,
    reason: Msg,
    steps: list[Msg] | None = None,
    estimates: Estimates | None = None,
    blocker: Msg | None = None,
    urgent: bool = False,
) -> Recommendation:
    """A recommendation; a blocker makes it "not yet" whatever fit the rule found."""
    return Recommendation(
        program=program,
        fit=Fit.blocked if blocker is not None else fit,
        reason=reason,
        blocker=blocker,
        next_steps=steps or [],
        estimates=estimates or Estimates(),
        urgent=urgent,
    )


def call(c: Case) -> Msg:
    return msg("plan.step.call", phone=text(c.phone))


def plan_blocker(c: Case) -> Msg | None:
    """Why no payment plan can be set up yet: an open bankruptcy, or returns not filed."""
    if c.bankrupt:
        return msg("plan.blocker.bankruptcy_plans")
    if c.unfiled:
        return msg("plan.blocker.file_first")
    return None


def offer_blocker(c: Case) -> Msg | None:
    """Processability gates of an Offer in Compromise (irs-rules.md §2.1)."""
    if c.bankrupt:
        return msg("plan.blocker.bankruptcy")
    if c.unfiled:
        return msg("plan.blocker.file_first")
    if c.noncompliant:
        return msg("plan.blocker.compliance_first")
    return None


def bankruptcy_steps() -> list[Msg]:
    """What replaces "apply online" while a bankruptcy case is open (Form 9465 instructions)."""
    return [
        msg("plan.step.insolvency", phone=text(F.PHONE_INDIVIDUAL.value)),
        msg("plan.step.bankruptcy_attorney"),
    ]
