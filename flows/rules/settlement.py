"""Settling or pausing: partial-payment plan, Offer in Compromise, Currently Not Collectible
(irs-rules.md §1.1, §2, §3, §9.1-§9.5).

Only when the balance cannot be paid in full (case.full_pay) are an offer or a
partial-payment plan in play; an offer estimate is never at or above the
balance, and future income in it counts 12 or 24 months, or the months left on
the collection statute if fewer. Equity comes first: an account is not put in
Currently Not Collectible while the person has equity the IRS can collect
without hardship (IRM 5.16.1.2.9). We judge that with the offer worksheet's
allowances (Form 433-A (OIC)), the one published line for what is kept.

A "no" that the full 10 years would have turned into a "yes" (FullPay.close)
makes the settlement only possible: it hangs on assessment dates we cannot see.

Without the financial picture, what the person said is the only guide, so the
routes are named as possible and without figures.
"""

from __future__ import annotations

from decimal import Decimal

from flows import figures as F
from flows.plan import Estimates, Fit, Msg, Program, Recommendation, money, msg, number, text
from flows.rules.case import ZERO, Case, ceil, whole
from flows.rules.payment import equity_steps
from flows.rules.recs import bankruptcy_steps, call, offer_blocker, plan_blocker, rec


def offer_steps(c: Case, low_income: bool | None) -> list[Msg]:
    cis = F.FORM_CIS_OIC_BUSINESS if c.in_business else F.FORM_CIS_OIC
    steps = [
        msg(
            "plan.step.oic_forms",
            form=text(F.FORM_OIC.value),
            booklet=text(F.FORM_OIC_BOOKLET.value),
            cis=text(cis.value),
        ),
        msg("plan.step.oic_fee", fee=money(F.OIC_FEE.value), months=number(F.OIC_PERIODIC_MONTHS.value)),
    ]
    if low_income:
        steps.append(msg("plan.step.oic_low_income"))
    steps.append(msg("plan.step.oic_odds"))
    steps.append(msg("plan.step.oic_conditions"))
    return steps


def cnc_steps(c: Case) -> list[Msg]:
    return [
        call(c),
        msg("plan.step.form_433f", form=text(F.FORM_CIS_SHORT.value)),
        msg("plan.step.cnc_continues"),
    ]


def settle_steps(c: Case, steps: list[Msg]) -> tuple[list[Msg], Msg | None]:
    return (bankruptcy_steps() if c.bankrupt else steps), plan_blocker(c)


# ---------------------------------------------------------------- with the financial picture


def offer(c: Case, balance: Decimal) -> list[Recommendation]:
    fin, test = c.fin, c.test
    assert fin is not None and test is not None
    lump_months = min(F.RCP_LUMP_SUM_MULTIPLIER.value, c.months)
    periodic_months = min(F.RCP_PERIODIC_MULTIPLIER.value, c.months)
    lump = whole(fin.offer_equity + fin.disposable * lump_months)
    periodic = whole(fin.offer_equity + fin.disposable * periodic_months)
    blocker = offer_blocker(c)
    if lump <= 0:
        # Nothing the IRS could collect: an offer of nothing is not a realistic proposal; the IRS pauses
        # collection (CNC) instead, so the offer is only possible, without an amount.
        est = Estimates(equity=fin.offer_equity, disposable_income=fin.disposable, rcp_lump_sum=lump)
        reason = msg("plan.reason.oic_rcp_zero")
        return [
            rec(
                Program.oic_collectibility, Fit.possible, reason, offer_steps(c, fin.low_income), est, blocker
            )
        ]
    if lump >= balance:
        return []
    down = whole(lump * F.OIC_LUMP_SUM_DOWN.value)
    has_periodic = periodic < balance
    est = Estimates(
        equity=fin.offer_equity,
        disposable_income=fin.disposable,
        allowable_expenses=fin.allowable,
        rcp_lump_sum=lump,
        rcp_periodic=periodic if has_periodic else None,
        offer_lump_sum=lump,
        offer_periodic=periodic if has_periodic else None,
        offer_periodic_monthly=ceil(periodic / F.OIC_PERIODIC_MONTHS.value) if has_periodic else None,
        down_payment=ZERO if fin.low_income else down,
        application_fee=ZERO if fin.low_income else F.OIC_FEE.value,
        low_income_waiver=fin.low_income,
        statute_months=c.months,
        collectible=test.collectible,
    )
    reason = msg(
        "plan.reason.oic_rcp",
        rcp=money(lump),
        balance=money(balance),
        equity=money(fin.offer_equity),
        disposable=money(fin.disposable),
        lump=number(lump_months),
        collectible=money(test.collectible),
        months=number(c.months),
    )
    steps = offer_steps(c, fin.low_income)
    if fin.offer_equity > 0:
        steps[1:1] = [msg("plan.step.oic_equity", equity=money(fin.offer_equity)), *equity_steps(c)]
    if not fin.low_income:
        steps.insert(
            1,
            msg(
                "plan.step.oic_down_payment",
                down=money(down),
                rate=number(int(F.OIC_LUMP_SUM_DOWN.value * 100)),
                months=number(F.OIC_LUMP_SUM_MONTHS.value),
            ),
        )
    fit = Fit.possible if test.close else Fit.likely
    return [rec(Program.oic_collectibility, fit, reason, steps, est, blocker)]


def partial_payment(c: Case, balance: Decimal) -> list[Recommendation]:
    fin, test = c.fin, c.test
    assert fin is not None and test is not None
    if fin.disposable <= 0:
        return []
    reason = msg(
        "plan.reason.ppia_irs",
        monthly=money(fin.disposable),
        months=number(c.months),
        collectible=money(test.collectible),
        balance=money(balance),
    )
    steps = [
        call(c),
        msg(
            "plan.step.form_9465_433",
            form=text(F.FORM_IA.value),
            cis=text(F.FORM_CIS_SHORT.value),
            cis_long=text(F.FORM_CIS_LONG.value),
        ),
        msg("plan.step.ppia_review"),
    ]
    if c.said_monthly is not None and c.said_monthly < fin.disposable:
        steps.insert(
            0,
            msg(
                "plan.step.irs_expects_more",
                affordable=money(c.said_monthly),
                disposable=money(fin.disposable),
                monthly=money(fin.disposable),
            ),
        )
    steps, blocker = settle_steps(c, steps)
    est = Estimates(
        monthly_payment=fin.disposable,
        affordable_monthly=c.said_monthly,
        disposable_income=fin.disposable,
        statute_months=c.months,
        collectible=test.collectible,
    )
    fit = Fit.possible if test.close else Fit.likely
    return [rec(Program.ppia, fit, reason, steps, est, blocker)]


def not_collectible(c: Case) -> list[Recommendation]:
    fin = c.fin
    assert fin is not None
    if not fin.shortfall:
        return []
    est = Estimates(
        disposable_income=fin.disposable, allowable_expenses=fin.allowable, equity=fin.offer_equity or None
    )
    steps = cnc_steps(c)
    if fin.offer_equity > 0:
        reason = msg(
            "plan.reason.cnc_after_equity",
            income=money(fin.income),
            allowable=money(fin.allowable),
            equity=money(fin.offer_equity),
        )
        fit = Fit.possible
        steps = [*equity_steps(c), msg("plan.step.equity_hardship"), *steps]
    else:
        reason = msg("plan.reason.cnc", income=money(fin.income), allowable=money(fin.allowable))
        fit = Fit.likely
    steps, blocker = settle_steps(c, steps)
    return [rec(Program.cnc, fit, reason, steps, est, blocker)]


def hardship_offer(c: Case, balance: Decimal) -> list[Recommendation]:
    """Effective tax administration: the balance can be paid, but paying would cause real hardship."""
    fin, test = c.fin, c.test
    assert fin is not None and test is not None
    if not c.hardship:
        return []
    reason = msg("plan.reason.oic_eta", rcp=money(test.collectible), balance=money(balance))
    est = Estimates(collectible=test.collectible, statute_months=c.months, application_fee=F.OIC_FEE.value)
    return [rec(Program.oic_eta, Fit.possible, reason, offer_steps(c, False), est, offer_blocker(c))]


# ---------------------------------------------------------------- without it


def without_financials(c: Case, balance: Decimal) -> list[Recommendation]:
    said = c.said_monthly
    recs: list[Recommendation] = []
    short = said is not None and said * c.months < balance  # what they said would not pay before the CSED
    nothing = not said
    if short or (c.hardship and nothing):
        key = "plan.reason.oic_business" if c.in_business else "plan.reason.oic_unknown"
        reason = msg(key, years=number(F.CSED_YEARS.value))
        recs.append(
            rec(
                Program.oic_collectibility, Fit.possible, reason, offer_steps(c, None), None, offer_blocker(c)
            )
        )
    if short and said:
        reason = msg("plan.reason.ppia", monthly=money(said), years=number(F.CSED_YEARS.value))
        steps = [
            call(c),
            msg(
                "plan.step.form_9465_433",
                form=text(F.FORM_IA.value),
                cis=text(F.FORM_CIS_SHORT.value),
                cis_long=text(F.FORM_CIS_LONG.value),
            ),
            msg("plan.step.ppia_equity"),
        ]
        steps, blocker = settle_steps(c, steps)
        est = Estimates(affordable_monthly=said)
        recs.append(rec(Program.ppia, Fit.possible, reason, steps, est, blocker))
    if c.hardship and nothing and not c.in_business:
        steps, blocker = settle_steps(c, cnc_steps(c))
        recs.append(rec(Program.cnc, Fit.possible, msg("plan.reason.cnc_hardship"), steps, None, blocker))
    elif c.hardship and said and not short and not c.in_business:
        est = Estimates(application_fee=F.OIC_FEE.value)
        reason = msg("plan.reason.oic_eta_unknown")
        recs.append(rec(Program.oic_eta, Fit.possible, reason, offer_steps(c, None), est, offer_blocker(c)))
    return recs


def settle_or_pause(c: Case, balance: Decimal) -> list[Recommendation]:
    """The routes for a balance that cannot be paid in full, in the order of preference."""
    if c.test is None:
        return without_financials(c, balance)
    if c.test.can_pay:
        return hardship_offer(c, balance)
    pause = not_collectible(c)
    first = [r for r in pause if r.fit == Fit.likely]
    later = [r for r in pause if r.fit != Fit.likely]
    # The IRS pauses collection far more readily than it settles: a likely pause comes before the offer.
    return [*first, *offer(c, balance), *partial_payment(c, balance), *later]
