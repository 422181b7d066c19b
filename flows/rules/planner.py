"""Answers in, an ordered plan out: the rule families assembled in a practitioner's order.

Pure and fast: no I/O, no clock (``today`` is passed in), every figure from
flows/figures.py. The order (recs.Tier): urgent deadlines, blockers, relief that
lowers the debt, then the routes: paying in full over time when the full-pay
test allows it, settling or pausing when it does not, the best fit first.
Nothing here promises an outcome: fits are "likely" or "possible", never certain.
"""

from __future__ import annotations

from datetime import date

from flows.answers import Answers, DebtScope
from flows.plan import Fit, Plan, Program, msg
from flows.rules.blockers import blockers
from flows.rules.case import Case, build_case
from flows.rules.deadlines import deadlines
from flows.rules.notes import notes
from flows.rules.payment import payment_routes
from flows.rules.penalties import penalty_relief
from flows.rules.recs import FIT_RANK, Item, Tier, rec
from flows.rules.relief import combat_zone, disputed_amount, innocent_spouse
from flows.rules.settlement import settle_or_pause


def routes(c: Case) -> list[Item]:
    balance = c.balance
    if balance is None or balance <= 0:
        return []
    recs = [*payment_routes(c, balance), *settle_or_pause(c, balance)]
    recs.sort(key=lambda r: FIT_RANK[r.fit])  # stable: the families give the order of preference
    return [Item(Tier.ROUTE if i == 0 else Tier.ALTERNATIVE, r) for i, r in enumerate(recs)]


def state_only(answers: Answers, today: date) -> Plan:
    recommendation = rec(
        Program.state_only,
        Fit.blocked,
        msg("plan.reason.state_only"),
        [msg("plan.step.firm_state_help")],
        blocker=msg("plan.blocker.state_only"),
    )
    return Plan(assessed_on=today, balance=answers.balance, recommendations=[recommendation])


def assess(answers: Answers, today: date) -> Plan:
    """Answers in, an ordered plan out (see the module docstring for the order and its reasons)."""
    if answers.debt_scope == DebtScope.STATE:
        return state_only(answers, today)
    c = build_case(answers, today)
    relief = [*combat_zone(c), *innocent_spouse(c), *penalty_relief(c), *disputed_amount(c)]
    items = [*deadlines(c), *blockers(c), *relief, *routes(c)]
    # Stable sort: tier first; inside the deadline, blocker and relief tiers, blocked items go last.
    items.sort(key=lambda it: (it.tier, FIT_RANK[it.rec.fit] if it.tier < Tier.ROUTE else 0))
    recs = [it.rec for it in items]
    # The plan-level deadline is the nearest short window (CDP, CP2000, CP523). The equivalent hearing's
    # one-year limit is not what makes a case urgent: the levy that can start after day 30 is.
    open_deadlines = [
        r.estimates
        for r in recs
        if r.urgent
        and r.program != Program.equivalent_hearing
        and r.estimates.days_left is not None
        and r.estimates.deadline
    ]
    nearest = min(open_deadlines, key=lambda e: e.days_left or 0, default=None)
    return Plan(
        assessed_on=today,
        balance=answers.balance,
        recommendations=recs,
        urgent=any(r.urgent for r in recs),
        days_left=nearest.days_left if nearest else None,
        deadline=nearest.deadline if nearest else None,
        notes=notes(c),
    )
