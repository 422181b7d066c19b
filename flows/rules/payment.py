"""Paying it over time: the short-term, guaranteed, streamlined and non-streamlined plans,
the business plans, and using equity (irs-rules.md §1, §9.1-§9.3, §9.9-§9.10).

These routes are for a balance that can be paid in full: the full-pay test
(case.full_pay) says so when the financial picture is known; without it, what
the person said they can pay is the only guide.

The payment a plan shows is the one the IRS is likely to ask for (§9.2): for a
streamlined plan, the balance over 72 months (or over the months left to the
collection statute, if fewer); for a non-streamlined plan, what is left each
month after the expenses the IRS allows. The steps compare it with what the
person said, so "$0" or "$100" with $2,000 left over gets the IRS's figure and
the reason, not a pause or a $100 plan.

Equity (§9.3): when income alone does not pay the balance before the statute
runs out but income and equity do, the plan starts with using the equity.
"""

from __future__ import annotations

from decimal import Decimal

from flows import figures as F
from flows.answers import Letter
from flows.plan import Estimates, Fit, Msg, Program, Recommendation, money, msg, number, text
from flows.rules.case import ZERO, Case, ceil
from flows.rules.recs import bankruptcy_steps, call, plan_blocker, rec


def fee_steps(c: Case, ddia_required: bool) -> tuple[Decimal, Decimal, list[Msg]]:
    """Setup fees (online, phone) and the steps that explain them. ⚠ see figures.SETUP_FEE_*."""
    if c.fin is not None and c.fin.low_income:
        step = msg(
            "plan.step.fee_low_income",
            low=money(F.SETUP_FEE_LOW_INCOME.value),
            form=text(F.FORM_LOW_INCOME_FEE.value),
        )
        return F.SETUP_FEE_LOW_INCOME_DDIA.value, F.SETUP_FEE_LOW_INCOME_DDIA.value, [step]
    if ddia_required:
        step = msg(
            "plan.step.fee_ddia",
            online=money(F.SETUP_FEE_DDIA_ONLINE.value),
            phone=money(F.SETUP_FEE_DDIA_PHONE.value),
        )
    else:
        step = msg(
            "plan.step.fee_choice",
            ddia_online=money(F.SETUP_FEE_DDIA_ONLINE.value),
            ddia_phone=money(F.SETUP_FEE_DDIA_PHONE.value),
            other_online=money(F.SETUP_FEE_OTHER_ONLINE.value),
            other_phone=money(F.SETUP_FEE_OTHER_PHONE.value),
        )
    return F.SETUP_FEE_DDIA_ONLINE.value, F.SETUP_FEE_DDIA_PHONE.value, [step]


def lien_withdrawal_steps(c: Case, balance: Decimal) -> list[Msg]:
    """A filed lien can be withdrawn after three direct-debit payments on a plan of $25,000 or less."""
    if c.a.latest_letter != Letter.LIEN_3172 or balance > F.LIEN_WITHDRAWAL_LIMIT.value:
        return []
    return [
        msg(
            "plan.step.lien_withdrawal",
            limit=money(F.LIEN_WITHDRAWAL_LIMIT.value),
            payments=number(F.LIEN_WITHDRAWAL_PAYMENTS.value),
            form=text(F.FORM_LIEN_WITHDRAWAL.value),
        )
    ]


def can_afford(c: Case, needed: Decimal) -> bool | None:
    """Whether ``needed`` a month fits a plan the IRS sets up without a financial statement.

    Either figure is enough: the IRS's arithmetic leaves that much, or the person says they can pay
    it (a streamlined or guaranteed plan lets them propose their payment). None: neither is known.
    """
    said, left = c.said_monthly, c.disposable
    if said is None and left is None:
        return None
    return (said is not None and said >= needed) or (left is not None and left >= needed)


def pays_in_full(c: Case, balance: Decimal) -> bool | None:
    """The full-pay test: by the IRS's arithmetic when known, else by what the person said (None: unknown)."""
    if c.test is not None:
        return c.test.can_pay
    said = c.said_monthly
    if said is None:
        return None
    return said > 0 and said * c.months >= balance


def comparison(c: Case, asks: Decimal) -> list[Msg]:
    """How the payment the IRS is likely to ask for compares with what the person said, and why."""
    said = c.said_monthly
    fin = c.fin
    if said is None:
        return []
    if fin is not None and said < asks <= fin.disposable:
        return [
            msg(
                "plan.step.irs_expects_more",
                affordable=money(said),
                disposable=money(fin.disposable),
                monthly=money(asks),
            )
        ]
    if said >= asks:
        return [msg("plan.step.said_covers", affordable=money(said), monthly=money(asks))]
    return [msg("plan.step.short_of_needed", monthly=money(asks), affordable=money(said))]


def with_blocker(c: Case, steps: list[Msg]) -> tuple[list[Msg], Msg | None]:
    blocker = plan_blocker(c)
    return (bankruptcy_steps() if c.bankrupt else steps), blocker


def estimates(c: Case, **values: object) -> Estimates:
    base: dict[str, object] = {
        "affordable_monthly": c.said_monthly,
        "statute_months": c.months,
        "disposable_income": c.disposable,
        "collectible": None if c.test is None else c.test.collectible,
    }
    base.update(values)
    return Estimates.model_validate(base)


# ---------------------------------------------------------------- the plans


def short_term(c: Case, balance: Decimal) -> list[Recommendation]:
    """Under $100,000, paid within 180 days, no fee. Unknown whether they can: offered unless what they
    can pay says otherwise."""
    a = c.a
    said = c.said_monthly
    too_slow = (
        a.can_pay_in_180_days is None
        and said is not None
        and said * (F.SHORT_TERM_DAYS.value // 30) < balance
    )
    if balance >= F.SHORT_TERM_LIMIT.value or a.can_pay_in_180_days is False or too_slow:
        return []
    fit = Fit.likely if a.can_pay_in_180_days else Fit.possible
    reason = msg(
        "plan.reason.short_term", limit=money(F.SHORT_TERM_LIMIT.value), days=number(F.SHORT_TERM_DAYS.value)
    )
    steps, blocker = with_blocker(c, [msg("plan.step.opa_online"), call(c), msg("plan.step.short_term_fee")])
    est = Estimates(setup_fee_online=F.SHORT_TERM_FEE.value, setup_fee_phone=F.SHORT_TERM_FEE.value)
    return [rec(Program.short_term_plan, fit, reason, steps, est, blocker)]


def guaranteed(c: Case, balance: Decimal) -> list[Recommendation]:
    """IRC 6159(c): $10,000 or less of tax, paid within 3 years, and a clean 5 years before."""
    tax = c.tax_estimate
    if tax is None or tax > F.GUARANTEED_IA_TAX_LIMIT.value or c.a.prior_plan_or_late is True:
        return []
    months = min(F.GUARANTEED_IA_MONTHS.value, c.months)
    needed = ceil(balance / months)
    affordable = can_afford(c, needed)
    if affordable is False:
        return []
    clean = c.a.prior_plan_or_late is False
    reason = msg(
        "plan.reason.guaranteed" if clean else "plan.reason.guaranteed_if",
        limit=money(F.GUARANTEED_IA_TAX_LIMIT.value),
        tax=money(tax),
        months=number(months),
        years=number(F.GUARANTEED_IA_LOOKBACK_YEARS.value),
    )
    steps = [
        msg("plan.step.opa_online"),
        msg("plan.step.form_9465", form=text(F.FORM_IA.value)),
        *comparison(c, needed),
        *lien_withdrawal_steps(c, balance),
    ]
    steps, blocker = with_blocker(c, steps)
    blocker = blocker or (msg("plan.blocker.compliance_first") if c.noncompliant else None)
    fit = Fit.likely if clean and affordable else Fit.possible
    est = estimates(c, monthly_payment=needed, months=months, tax_estimate=tax)
    return [rec(Program.guaranteed_ia, fit, reason, steps, est, blocker)]


def streamlined(
    c: Case, balance: Decimal, limit: Decimal, max_months: int, program: Program
) -> list[Recommendation]:
    """Up to ``limit``, over up to ``max_months`` (or the months left to the CSED), no financial statement."""
    months = min(max_months, c.months)
    needed = ceil(balance / months)
    affordable = can_afford(c, needed)
    if affordable is False and c.fin is not None:
        # Neither what they said nor the IRS's arithmetic reaches the payment: a longer plan, the equity
        # (both above) or settling (settlement.py) is the route.
        return []
    fit = Fit.likely if affordable else Fit.possible
    ddia_above = F.BUSINESS_DDIA_ABOVE.value if c.in_business else F.DDIA_REQUIRED_ABOVE.value
    ddia = balance > ddia_above
    online, phone, fees = fee_steps(c, ddia)
    reason_id = "plan.reason.streamlined_ddia" if ddia else "plan.reason.streamlined"
    if c.in_business:
        reason_id = "plan.reason.business_streamlined"
    reason = msg(
        reason_id,
        limit=money(limit),
        months=number(months),
        monthly=money(needed),
        ddia_limit=money(F.DDIA_REQUIRED_ABOVE.value),
    )
    first = [call(c), msg("plan.step.business_current")] if c.in_business else [msg("plan.step.opa_online")]
    steps = [*comparison(c, needed), *first, *fees, *lien_withdrawal_steps(c, balance)]
    steps, blocker = with_blocker(c, steps)
    est = estimates(
        c,
        monthly_payment=needed,
        months=months,
        setup_fee_online=online,
        setup_fee_phone=phone,
        direct_debit_required=ddia,
    )
    return [rec(program, fit, reason, steps, est, blocker)]


def form_steps(c: Case) -> list[Msg]:
    if c.in_business:
        return [call(c), msg("plan.step.business_financials", cis=text(F.FORM_CIS_BUSINESS.value))]
    return [
        call(c),
        msg(
            "plan.step.form_9465_433",
            form=text(F.FORM_IA.value),
            cis=text(F.FORM_CIS_SHORT.value),
            cis_long=text(F.FORM_CIS_LONG.value),
        ),
    ]


def non_streamlined(c: Case, balance: Decimal, low: Decimal) -> list[Recommendation]:
    """Above the streamlined limit, or longer than 72 months: a financial statement, and the IRS's figure.

    With the financial picture the payment is the monthly disposable income (IRM 5.14.1); without it, the
    balance over 72 months is the least the IRS would take.
    """
    fin = c.fin
    high = F.NON_STREAMLINED_LIMIT.value
    over = balance > high
    steps = form_steps(c)
    if balance > F.LIEN_THRESHOLD.value:
        steps.append(msg("plan.step.lien_likely", limit=money(F.LIEN_THRESHOLD.value)))
    if fin is not None and c.test is not None:
        if not c.test.can_pay or fin.disposable <= 0:
            return []
        if balance <= low and can_afford(c, ceil(balance / min(F.STREAMLINED_MONTHS.value, c.months))):
            return []  # the streamlined plan does it
        monthly = fin.disposable
        from_equity = max(ZERO, balance - fin.disposable * c.months) if not c.test.from_income else ZERO
        months = int(ceil((balance - from_equity) / monthly))
        longer = balance <= low
        reason = msg(
            "plan.reason.non_streamlined_long" if longer else "plan.reason.non_streamlined_irs",
            low=money(low),
            high=money(high),
            disposable=money(monthly),
            months=number(months),
            streamlined_months=number(F.STREAMLINED_MONTHS.value),
        )
        steps = [*comparison(c, monthly), *steps]
        fit = Fit.possible if over or from_equity > 0 else Fit.likely
        steps, blocker = with_blocker(c, steps)
        est = estimates(c, monthly_payment=monthly, months=months)
        return [rec(Program.non_streamlined_ia, fit, reason, steps, est, blocker)]
    if balance <= low:
        return []
    full = pays_in_full(c, balance)
    if full is False:
        return []
    needed = ceil(balance / F.STREAMLINED_MONTHS.value)
    reason = msg(
        "plan.reason.non_streamlined_over" if over else "plan.reason.non_streamlined",
        low=money(low),
        high=money(high),
        monthly=money(needed),
        months=number(F.STREAMLINED_MONTHS.value),
    )
    can = c.said_monthly
    fit = Fit.possible if over or can is None or can < needed else Fit.likely
    steps = [*comparison(c, needed), *steps]
    steps, blocker = with_blocker(c, steps)
    est = estimates(c, monthly_payment=needed, months=F.STREAMLINED_MONTHS.value)
    return [rec(Program.non_streamlined_ia, fit, reason, steps, est, blocker)]


def trust_fund_express(c: Case, balance: Decimal) -> list[Recommendation]:
    """In-business payroll debt: In-Business Trust Fund Express up to $25,000 over 24 months."""
    limit = F.IBTF_LIMIT.value
    months = min(F.IBTF_MONTHS.value, c.months)
    under = balance <= limit
    needed = ceil(min(balance, limit) / months)
    ddia = F.IBTF_DDIA_FROM.value <= balance <= limit
    reason = msg(
        "plan.reason.ibtf" if under else "plan.reason.ibtf_over",
        limit=money(limit),
        months=number(months),
        monthly=money(needed),
        excess=money(max(ZERO, balance - limit)),
    )
    steps = [call(c), msg("plan.step.business_current")]
    if ddia:
        steps.append(msg("plan.step.ibtf_ddia", low=money(F.IBTF_DDIA_FROM.value), high=money(limit)))
    can = c.said_monthly
    fit = Fit.likely if under and can is not None and can >= needed else Fit.possible
    steps, blocker = with_blocker(c, steps)
    est = estimates(c, monthly_payment=needed, months=months, direct_debit_required=ddia)
    return [rec(Program.ibtf_express, fit, reason, steps, est, blocker)]


def use_equity(c: Case, balance: Decimal) -> list[Recommendation]:
    """Equity first (§9.3): income alone does not pay before the CSED, income and equity do.

    When even both fall short, the equity is part of the offer (settlement.py) and the reason a pause
    is only possible; it is not a separate step, which would count it twice.
    """
    fin, test = c.fin, c.test
    if fin is None or test is None or not test.can_pay or test.from_income or fin.equity.total <= 0:
        return []
    needed = max(ZERO, balance - fin.disposable * c.months)
    reason = msg("plan.reason.use_equity_pay", equity=money(fin.net_equity), needed=money(needed))
    steps = [*equity_steps(c), msg("plan.step.equity_hardship")]
    blocker = plan_blocker(c)
    est = estimates(c, equity=fin.net_equity)
    return [rec(Program.use_equity, Fit.likely, reason, steps, est, blocker)]


def equity_steps(c: Case) -> list[Msg]:
    """How each kind of asset can pay the IRS."""
    assert c.fin is not None
    e = c.fin.equity
    steps: list[Msg] = []
    if e.cash > 0:
        steps.append(msg("plan.step.equity_cash"))
    if e.home > 0:
        steps.append(msg("plan.step.equity_home"))
        if c.a.latest_letter == Letter.LIEN_3172:
            steps.append(msg("plan.step.lien_discharge"))
    if e.retirement > 0:
        steps.append(msg("plan.step.equity_retirement"))
    if e.vehicles > 0 or e.other > 0:
        steps.append(msg("plan.step.equity_other"))
    return steps


def payment_routes(c: Case, balance: Decimal) -> list[Recommendation]:
    """Every plan that can pay the balance in full, in the order of preference (fit sorts later)."""
    if c.in_business:
        if c.payroll:
            return [*trust_fund_express(c, balance), *business_over_limit(c, balance, F.IBTF_LIMIT.value)]
        limit = F.BUSINESS_STREAMLINED_LIMIT.value
        if balance <= limit:
            return streamlined(c, balance, limit, F.BUSINESS_STREAMLINED_MONTHS.value, Program.streamlined_ia)
        return business_over_limit(c, balance, limit)
    routes = [*short_term(c, balance), *use_equity(c, balance)]
    if not c.closed_business:
        routes += guaranteed(c, balance)
    limit = F.STREAMLINED_LIMIT.value
    if balance <= limit:
        routes += streamlined(c, balance, limit, F.STREAMLINED_MONTHS.value, Program.streamlined_ia)
    routes += non_streamlined(c, balance, limit)
    return routes


def business_over_limit(c: Case, balance: Decimal, limit: Decimal) -> list[Recommendation]:
    """An operating business above its plan's limit: a non-streamlined plan with Form 433-B."""
    if balance <= limit:
        return []
    reason = msg(
        "plan.reason.business_non_streamlined", limit=money(limit), high=money(F.NON_STREAMLINED_LIMIT.value)
    )
    steps, blocker = with_blocker(c, form_steps(c))
    return [rec(Program.non_streamlined_ia, Fit.possible, reason, steps, estimates(c), blocker)]
