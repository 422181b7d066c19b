"""Blockers: what the IRS wants fixed before it grants most programs (irs-rules.md §2.1, §9.10).

Unfiled returns block plans, offers and penalty relief. With more than six years
unfiled, the plan says the IRS normally enforces only the last six (Policy
Statement P-5-133), and that an offer may still need every return. An open
bankruptcy case takes the tax debt inside the case: no installment agreement
request, no offer; the IRS's insolvency unit handles it.
"""

from __future__ import annotations

from flows import figures as F
from flows.plan import Fit, Program, msg, number, text
from flows.rules.case import Case
from flows.rules.recs import Item, Tier, rec


def unfiled_returns(c: Case) -> list[Item]:
    if not c.unfiled:
        return []
    years = c.a.unfiled_years
    reason = (
        msg("plan.reason.file_returns_years", years=number(years))
        if years
        else msg("plan.reason.file_returns")
    )
    steps = [msg("plan.step.file_returns"), msg("plan.step.file_even_if_cannot_pay")]
    six = F.UNFILED_ENFORCED_YEARS.value
    if years and years > six:
        steps[0] = msg("plan.step.file_six_years", years=number(six))
        steps.append(msg("plan.step.offer_needs_all_returns"))
    return [Item(Tier.BLOCKER, rec(Program.file_returns, Fit.likely, reason, steps))]


def current_year(c: Case) -> list[Item]:
    if not c.noncompliant:
        return []
    step = "plan.step.deposits" if c.in_business else "plan.step.withholding"
    return [
        Item(
            Tier.BLOCKER,
            rec(Program.current_year_compliance, Fit.likely, msg("plan.reason.compliance"), [msg(step)]),
        )
    ]


def bankruptcy(c: Case) -> list[Item]:
    if not c.bankrupt:
        return []
    steps = [
        msg("plan.step.bankruptcy_attorney"),
        msg("plan.step.insolvency", phone=text(F.PHONE_INDIVIDUAL.value)),
    ]
    return [Item(Tier.BLOCKER, rec(Program.bankruptcy, Fit.likely, msg("plan.reason.bankruptcy"), steps))]


def blockers(c: Case) -> list[Item]:
    return [*unfiled_returns(c), *current_year(c), *bankruptcy(c)]
