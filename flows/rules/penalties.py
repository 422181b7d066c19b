"""Penalty relief (irs-rules.md §4.1, §9.7), tried before a plan or an offer.

First-time abatement removes failure-to-file, failure-to-pay and failure-to-deposit
penalties of one tax period: the earliest with such penalties. It does not cover
accuracy-related penalties (common after an audit or a CP2000) or the
estimated-tax penalty, and a prior estimated-tax penalty does not disqualify. So
the plan never says it could remove all the penalties: it names the one year it
covers, and reasonable cause for the rest.
"""

from __future__ import annotations

from decimal import Decimal

from flows import figures as F
from flows.answers import Letter, ReasonableCause
from flows.plan import Fit, Msg, Program, key, money, msg, number, text
from flows.rules.case import Case
from flows.rules.recs import Item, Tier, call, rec


def threshold_steps(c: Case) -> list[Msg]:
    """Say so when the penalties, all removed, would drop the balance under a plan threshold."""
    if c.balance is None or c.penalties is None or c.in_business:
        return []
    after = max(Decimal(0), c.balance - c.penalties)
    for limit, step in (
        (F.STREAMLINED_LIMIT.value, "plan.step.relief_under_streamlined"),
        (F.DDIA_REQUIRED_ABOVE.value, "plan.step.relief_under_ddia"),
    ):
        if c.balance > limit >= after:
            return [msg(step, limit=money(limit))]
    return []


def accuracy_penalties_likely(c: Case) -> bool:
    """An audit or a CP2000 usually brings an accuracy-related penalty, which abatement does not cover."""
    return c.a.latest_letter == Letter.CP2000 or c.a.disputes_amount is True


def first_time_abatement(c: Case) -> list[Item]:
    a = c.a
    if a.prior_penalties is True:
        return []
    years = number(F.FTA_CLEAN_YEARS.value)
    if a.prior_penalties is None:
        reason = msg("plan.reason.fta_history_unknown", years=years)
    elif c.penalties is not None:
        reason = msg("plan.reason.fta", years=years, amount=money(c.penalties))
    else:
        reason = msg("plan.reason.fta_unknown", years=years)
    steps = [call(c), msg("plan.step.fta_ask"), msg("plan.step.form_843", form=text(F.FORM_ABATEMENT.value))]
    if accuracy_penalties_likely(c):
        steps.append(msg("plan.step.fta_not_accuracy"))
    steps.extend(threshold_steps(c))
    steps.append(msg("plan.step.pro_line", phone=text(F.PHONE_PRACTITIONER.value)))
    fit = Fit.likely if a.prior_penalties is False else Fit.possible
    blocker = msg("plan.blocker.file_first") if c.unfiled else None
    return [Item(Tier.RELIEF, rec(Program.first_time_abatement, fit, reason, steps, blocker=blocker))]


def reasonable_cause(c: Case, fta_offered: bool) -> list[Item]:
    cause = c.a.reasonable_cause
    if cause in (None, ReasonableCause.NONE):
        return []
    assert cause is not None
    reason = msg("plan.reason.reasonable_cause", cause=key(f"plan.cause.{cause.value}"))
    steps = [
        msg("plan.step.reasonable_cause_explain"),
        msg("plan.step.form_843", form=text(F.FORM_ABATEMENT.value)),
    ]
    if not fta_offered:
        steps.extend(threshold_steps(c))
    blocker = msg("plan.blocker.file_first") if c.unfiled else None
    return [Item(Tier.RELIEF, rec(Program.reasonable_cause, Fit.possible, reason, steps, blocker=blocker))]


def penalty_relief(c: Case) -> list[Item]:
    if not c.has_penalties:
        return []
    fta = first_time_abatement(c)
    return [*fta, *reasonable_cause(c, bool(fta))]
