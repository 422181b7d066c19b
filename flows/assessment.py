"""The IRS rules engine: answers in, an ordered plan out.

Pure and fast: no I/O, no clock (``today`` is passed in), every figure from
flows/figures.py. The rules follow /work/shared/reference/irs-rules.md; the order
of the plan follows how a tax professional would work the case:

1. urgent deadlines (a Collection Due Process hearing window, a levy, a CP2000 or
   CP523 reply): missing one loses rights that no later step gives back;
2. blockers (unfiled returns, current-year compliance, bankruptcy): the IRS will
   not grant most programs until they are fixed;
3. relief that lowers the debt (combat zone, innocent spouse, penalty abatement,
   doubt as to liability): the IRS tests first-time abatement before anything
   else, and a lower balance can drop the case under a plan threshold
   ($25,000 / $50,000) or lower the monthly payment;
4. the best-fitting payment or settlement route;
5. the alternatives.

Nothing here promises an outcome: fits are "likely" or "possible", never certain.

Deadline convention (documented because the tests pin it): a 30-day window counted
from the letter date is still open on day 30 (the IRS's "within 30 days" includes
the 30th day), with 0 days left meaning "today is the last day"; day 31 is closed.
The letter date is the one the person gave; the steps tell them to count from the
date printed on the letter if it is earlier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from flows import figures as F
from flows.answers import Answers, DebtScope, Hardship, Letter, ReasonableCause, Residence, TaxpayerKind
from flows.plan import (
    Arg,
    Estimates,
    Fit,
    Msg,
    Plan,
    Program,
    Recommendation,
    day,
    key,
    money,
    msg,
    number,
    text,
)

ZERO = Decimal(0)
ONE = Decimal(1)

# Tiers give the plan its order (see the module docstring).
URGENT, BLOCKER, RELIEF, ROUTE, ALTERNATIVE = range(5)
_FIT_RANK = {Fit.likely: 0, Fit.possible: 1, Fit.blocked: 2}


def needs_financials(answers: Answers) -> bool:
    """True when the full financial questions (household, income, expenses, assets) can change the outcome.

    They only matter where an Offer in Compromise, a partial-payment plan or
    Currently Not Collectible is in play; someone who can clear the debt in 180
    days, or comfortably inside a streamlined plan, should not be asked.
    """
    if answers.debt_scope == DebtScope.STATE:
        return False
    if answers.in_bankruptcy:
        return False
    balance = answers.balance
    if answers.can_pay_in_180_days and balance is not None and balance < F.SHORT_TERM_LIMIT.value:
        return False
    if balance is not None and balance > F.STREAMLINED_LIMIT.value:
        return True
    monthly = answers.monthly_payment
    if monthly is None or monthly == 0:
        return True
    if balance is not None and monthly * F.STREAMLINED_MONTHS.value < balance:
        return True
    return answers.hardship not in (None, Hardship.NONE)


# --- helpers -------------------------------------------------------------------------------------


def _round(amount: Decimal) -> Decimal:
    return amount.quantize(ONE, rounding=ROUND_HALF_UP)


def _ceil(amount: Decimal) -> Decimal:
    """Monthly payments round up: a payment a dollar short would not pay the balance off in time."""
    return amount.quantize(ONE, rounding=ROUND_CEILING)


def _add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February into a non-leap year
        return start.replace(year=start.year + years, day=28)


def _quick_sale(value: Decimal | None, loan: Decimal | None) -> Decimal:
    """Net realizable equity of one asset; negative equity counts as zero, it never offsets other assets."""
    if not value:
        return ZERO
    return max(ZERO, value * F.QUICK_SALE_RATE.value - (loan or ZERO))


CSED_MONTHS = F.CSED_YEARS.value * 12


@dataclass(frozen=True)
class Financials:
    """The Collection Financial Standards arithmetic behind OIC, PPIA and CNC."""

    income: Decimal
    allowable: Decimal
    disposable: Decimal  # never below zero: a shortfall cannot be collected
    shortfall: bool  # income does not cover allowable expenses
    equity: Decimal
    rcp_lump_sum: Decimal
    rcp_periodic: Decimal
    low_income: bool


def financials(a: Answers) -> Financials | None:
    """Reasonable collection potential from the answers, or None when income was never asked.

    Allowable expenses: the national standard for the household in full (no proof
    needed); health care per person (65+ higher), or the actual spending when larger
    because insurance premiums are allowed as spent; housing at actual (we hold no
    county tables); transport at the lesser of actual and the public-transport
    standard without a vehicle, at actual with one (no regional operating-cost
    table); court-ordered and other necessary expenses at actual.
    """
    if a.monthly_income is None:
        return None
    size = a.household_size or 1
    health = max(F.health_care_standard(size, a.members_65_plus or 0), a.expense_health or ZERO)
    has_vehicle = bool(a.vehicle_value) or bool(a.vehicle_loan)
    transport = a.expense_transport or ZERO
    if not has_vehicle:
        transport = min(transport, F.TRANSPORT_PUBLIC.value)
    allowable = (
        F.national_standard(size)
        + health
        + (a.expense_housing or ZERO)
        + transport
        + (a.expense_court_ordered or ZERO)
        + (a.expense_other or ZERO)
    )
    raw = a.monthly_income - allowable
    disposable = max(ZERO, raw)
    equity = (
        (a.asset_cash or ZERO)
        + _quick_sale(a.home_value, a.home_loan)
        + _quick_sale(a.vehicle_value, a.vehicle_loan)
        + _quick_sale(a.retirement_value, None)
        + _quick_sale(a.other_assets_value, None)
    )
    line = F.low_income_line(size, a.residence or Residence.CONTIGUOUS)
    return Financials(
        income=a.monthly_income,
        allowable=_round(allowable),
        disposable=_round(disposable),
        shortfall=raw <= 0,
        equity=_round(equity),
        rcp_lump_sum=_round(equity + disposable * F.RCP_LUMP_SUM_MULTIPLIER.value),
        rcp_periodic=_round(equity + disposable * F.RCP_PERIODIC_MULTIPLIER.value),
        low_income=a.monthly_income * 12 <= line,
    )


@dataclass
class _Item:
    tier: int
    rec: Recommendation


@dataclass
class _Case:
    """What the rules read, derived once from the answers."""

    a: Answers
    today: date
    balance: Decimal | None
    penalties: Decimal | None  # known penalty amount, > 0
    has_penalties: bool  # known > 0, or the person does not know the amount
    business: bool
    phone: str
    unfiled: bool
    noncompliant: bool
    bankrupt: bool
    fin: Financials | None
    capacity: Decimal | None  # what can go to the IRS per month: what they said, else disposable income
    hardship: bool

    @property
    def tax_estimate(self) -> Decimal | None:
        if self.balance is None:
            return None
        return max(ZERO, self.balance - (self.penalties or ZERO))


def _case(a: Answers, today: date) -> _Case:
    penalties = a.penalty_amount if a.penalty_amount and a.penalty_amount > 0 else None
    business = a.taxpayer_kind in (TaxpayerKind.PAYROLL, TaxpayerKind.BUSINESS_OTHER)
    fin = financials(a)
    capacity = a.monthly_payment
    if capacity is None and fin is not None:
        capacity = fin.disposable
    return _Case(
        a=a,
        today=today,
        balance=a.balance,
        penalties=penalties,
        has_penalties=penalties is not None or bool(a.penalty_unknown),
        business=business,
        phone=F.PHONE_BUSINESS.value if business else F.PHONE_INDIVIDUAL.value,
        unfiled=a.all_returns_filed is False,
        noncompliant=a.current_year_compliant is False,
        bankrupt=a.in_bankruptcy is True,
        fin=fin,
        capacity=capacity,
        hardship=a.hardship not in (None, Hardship.NONE),
    )


def _rec(
    program: Program,
    fit: Fit,
    reason: Msg,
    steps: list[Msg] | None = None,
    estimates: Estimates | None = None,
    blocker: Msg | None = None,
    urgent: bool = False,
) -> Recommendation:
    return Recommendation(
        program=program,
        fit=Fit.blocked if blocker is not None else fit,
        reason=reason,
        blocker=blocker,
        next_steps=steps or [],
        estimates=estimates or Estimates(),
        urgent=urgent,
    )


def _call(c: _Case) -> Msg:
    return msg("plan.step.call", phone=text(c.phone))


# --- 1. urgent deadlines ---------------------------------------------------------------------------


def _window(c: _Case, days: int) -> tuple[date | None, int | None, bool]:
    """(deadline, days left, still open) for a window of ``days`` from the letter date."""
    sent = c.a.letter_date
    if sent is None:
        return None, None, True
    sent = min(sent, c.today)  # a date in the future is a typo; count from today
    deadline = sent + timedelta(days=days)
    left = (deadline - c.today).days
    return deadline, max(left, 0), left >= 0


def _notice_window(
    c: _Case, window: int, reason_id: str, /, **late: Arg
) -> tuple[Msg, Estimates, bool]:
    """The reason and estimates for a notice that gives ``window`` days to respond (CP2000, CP523).

    Three cases share one shape: no letter date (say how long the window is), still
    open (the deadline and days left), closed (``<reason_id>_late`` with ``late`` args).
    """
    deadline, left, open_ = _window(c, window)
    est = Estimates(deadline=deadline, days_left=left if open_ else None)
    if deadline is None:
        return msg(f"{reason_id}_no_date", days=number(window)), est, open_
    if open_:
        return msg(reason_id, days=number(window), deadline=day(deadline)), est, open_
    return msg(f"{reason_id}_late", **late), est, open_


def _deadlines(c: _Case) -> list[_Item]:
    items: list[_Item] = []
    letter = c.a.latest_letter
    if letter in (Letter.FINAL_NOTICE, Letter.LIEN_3172):
        kind = "levy" if letter == Letter.FINAL_NOTICE else "lien"
        deadline, left, open_ = _window(c, F.CDP_DAYS.value)
        form = text(F.FORM_CDP.value)
        if open_:
            est = Estimates(deadline=deadline, days_left=left)
            reason = (
                msg(f"plan.reason.cdp_{kind}_no_date", days=number(F.CDP_DAYS.value))
                if deadline is None
                else msg(f"plan.reason.cdp_{kind}", days=number(F.CDP_DAYS.value), deadline=day(deadline))
            )
            steps = [
                msg("plan.step.cdp_form", form=form),
                msg("plan.step.count_from_letter", days=number(F.CDP_DAYS.value)),
                msg("plan.step.cdp_protects"),
            ]
            items.append(
                _Item(URGENT, _rec(Program.cdp_hearing, Fit.likely, reason, steps, est, urgent=True))
            )
        else:
            assert c.a.letter_date is not None
            last = _add_years(min(c.a.letter_date, c.today), F.EQUIVALENT_HEARING_YEARS.value)
            if c.today <= last:
                est = Estimates(deadline=last, days_left=(last - c.today).days)
                reason = msg(
                    "plan.reason.equivalent_hearing", days=number(F.CDP_DAYS.value), deadline=day(last)
                )
                steps = [msg("plan.step.equivalent_form", form=form), msg("plan.step.equivalent_limits")]
                items.append(
                    _Item(
                        URGENT,
                        _rec(
                            Program.equivalent_hearing,
                            Fit.likely,
                            reason,
                            steps,
                            est,
                            urgent=letter == Letter.FINAL_NOTICE,
                        ),
                    )
                )
    if c.a.levy_started:
        steps = [_call(c), msg("plan.step.levy_release"), msg("plan.step.get_help_now")]
        items.append(
            _Item(URGENT, _rec(Program.levy_release, Fit.likely, msg("plan.reason.levy"), steps, urgent=True))
        )
    if letter == Letter.CP2000:
        reason, est, open_ = _notice_window(
            c, F.CP2000_DAYS.value, "plan.reason.cp2000", days=number(F.CP2000_DEFICIENCY_DAYS.value)
        )
        steps = [msg("plan.step.cp2000_respond"), msg("plan.step.cp2000_no_amend")]
        if c.a.disputes_amount:
            steps.append(msg("plan.step.cp2000_disagree"))
        items.append(
            _Item(URGENT, _rec(Program.cp2000_response, Fit.likely, reason, steps, est, urgent=open_))
        )
    if letter == Letter.CP523:
        reason, est, _ = _notice_window(c, F.CP523_DAYS.value, "plan.reason.cp523")
        steps = [
            _call(c),
            msg("plan.step.cp523_cure"),
            msg(
                "plan.step.reinstate_fee",
                online=money(F.REINSTATE_FEE_ONLINE.value),
                phone=money(F.REINSTATE_FEE_PHONE.value),
                low=money(F.REINSTATE_FEE_LOW_INCOME.value),
            ),
            msg("plan.step.cap_appeal"),
        ]
        items.append(_Item(URGENT, _rec(Program.cp523_cure, Fit.likely, reason, steps, est, urgent=True)))
    return items


# --- 2. blockers -----------------------------------------------------------------------------------


def _blockers(c: _Case) -> list[_Item]:
    items: list[_Item] = []
    if c.unfiled:
        years = c.a.unfiled_years
        reason = (
            msg("plan.reason.file_returns_years", years=number(years))
            if years
            else msg("plan.reason.file_returns")
        )
        steps = [msg("plan.step.file_returns"), msg("plan.step.file_even_if_cannot_pay")]
        items.append(_Item(BLOCKER, _rec(Program.file_returns, Fit.likely, reason, steps)))
    if c.noncompliant:
        step = "plan.step.deposits" if c.business else "plan.step.withholding"
        items.append(
            _Item(
                BLOCKER,
                _rec(Program.current_year_compliance, Fit.likely, msg("plan.reason.compliance"), [msg(step)]),
            )
        )
    if c.bankrupt:
        items.append(
            _Item(
                BLOCKER,
                _rec(
                    Program.bankruptcy,
                    Fit.likely,
                    msg("plan.reason.bankruptcy"),
                    [msg("plan.step.bankruptcy_attorney")],
                ),
            )
        )
    return items


def _oic_blocker(c: _Case) -> Msg | None:
    """Processability gates of an Offer in Compromise (irs-rules.md §2.1)."""
    if c.bankrupt:
        return msg("plan.blocker.bankruptcy")
    if c.unfiled:
        return msg("plan.blocker.file_first")
    if c.noncompliant:
        return msg("plan.blocker.compliance_first")
    return None


def _plan_blocker(c: _Case) -> Msg | None:
    return msg("plan.blocker.file_first") if c.unfiled else None


# --- 3. relief that lowers the debt ------------------------------------------------------------------


def _relief(c: _Case) -> list[_Item]:
    items: list[_Item] = []
    a = c.a
    if a.combat_zone:
        steps = [msg("plan.step.combat_zone_tell"), _call(c)]
        reason = msg("plan.reason.combat_zone", days=number(F.COMBAT_ZONE_EXTRA_DAYS.value))
        items.append(_Item(RELIEF, _rec(Program.combat_zone, Fit.likely, reason, steps)))
    if a.spouse_caused_debt:
        est = Estimates()
        reason = msg("plan.reason.innocent_spouse", years=number(F.INNOCENT_SPOUSE_YEARS.value))
        if a.latest_letter in (Letter.FINAL_NOTICE, Letter.LIEN_3172) and a.letter_date is not None:
            # A CDP-rights notice starts the 2-year clock, so this is the latest the claim can wait.
            last = _add_years(min(a.letter_date, c.today), F.INNOCENT_SPOUSE_YEARS.value)
            est = Estimates(deadline=last, days_left=max(0, (last - c.today).days))
            reason = msg(
                "plan.reason.innocent_spouse_dated",
                years=number(F.INNOCENT_SPOUSE_YEARS.value),
                deadline=day(last),
            )
        steps = [msg("plan.step.form_8857", form=text(F.FORM_INNOCENT_SPOUSE.value))]
        items.append(_Item(RELIEF, _rec(Program.innocent_spouse, Fit.likely, reason, steps, est)))
    if c.has_penalties:
        items.extend(_penalty_relief(c))
    if a.disputes_amount:
        steps = [
            msg("plan.step.form_656l", form=text(F.FORM_OIC_LIABILITY.value)),
            msg("plan.step.oic_liability_no_fee"),
        ]
        blocker = msg("plan.blocker.bankruptcy") if c.bankrupt else None
        items.append(
            _Item(
                RELIEF,
                _rec(
                    Program.oic_liability,
                    Fit.possible,
                    msg("plan.reason.oic_liability"),
                    steps,
                    blocker=blocker,
                ),
            )
        )
    return items


def _penalty_relief(c: _Case) -> list[_Item]:
    items: list[_Item] = []
    a = c.a
    savings = c.penalties
    after = None if savings is None or c.balance is None else max(ZERO, c.balance - savings)
    est = Estimates(penalty_savings=savings, balance_after_relief=after)
    steps = [_call(c), msg("plan.step.fta_ask"), msg("plan.step.form_843", form=text(F.FORM_ABATEMENT.value))]
    steps.extend(_threshold_steps(c, after))
    steps.append(msg("plan.step.pro_line", phone=text(F.PHONE_PRACTITIONER.value)))
    blocker = _plan_blocker(c)
    years = number(F.FTA_CLEAN_YEARS.value)
    amount_reason = (
        msg("plan.reason.fta", years=years, amount=money(savings))
        if savings is not None
        else msg("plan.reason.fta_unknown", years=years)
    )
    fta_possible = a.prior_penalties is not True
    if fta_possible:
        fit = Fit.likely if a.prior_penalties is False else Fit.possible
        reason = (
            amount_reason
            if a.prior_penalties is False
            else msg("plan.reason.fta_history_unknown", years=years)
        )
        items.append(_Item(RELIEF, _rec(Program.first_time_abatement, fit, reason, steps, est, blocker)))
    if a.reasonable_cause not in (None, ReasonableCause.NONE):
        assert a.reasonable_cause is not None
        reason = msg("plan.reason.reasonable_cause", cause=key(f"plan.cause.{a.reasonable_cause.value}"))
        rc_steps = [
            msg("plan.step.reasonable_cause_explain"),
            msg("plan.step.form_843", form=text(F.FORM_ABATEMENT.value)),
        ]
        if not fta_possible:
            rc_steps.extend(_threshold_steps(c, after))
        items.append(
            _Item(RELIEF, _rec(Program.reasonable_cause, Fit.possible, reason, rc_steps, est, blocker))
        )
    return items


def _threshold_steps(c: _Case, after: Decimal | None) -> list[Msg]:
    """Say so when removing the penalties would drop the balance under a plan threshold."""
    if c.balance is None or after is None or c.business:
        return []
    for limit, step in (
        (F.STREAMLINED_LIMIT.value, "plan.step.relief_under_streamlined"),
        (F.DDIA_REQUIRED_ABOVE.value, "plan.step.relief_under_ddia"),
    ):
        if c.balance > limit >= after:
            return [msg(step, limit=money(limit))]
    return []


# --- 4/5. payment and settlement routes ----------------------------------------------------------------


def _plan_fees(c: _Case, ddia_required: bool) -> tuple[Decimal, Decimal, list[Msg]]:
    """Setup fees (online, phone) and the steps that explain them. ⚠ see figures.SETUP_FEE_*."""
    low_income = c.fin is not None and c.fin.low_income
    steps: list[Msg] = []
    if low_income:
        steps.append(
            msg(
                "plan.step.fee_low_income",
                low=money(F.SETUP_FEE_LOW_INCOME.value),
                form=text(F.FORM_LOW_INCOME_FEE.value),
            )
        )
        return F.SETUP_FEE_LOW_INCOME_DDIA.value, F.SETUP_FEE_LOW_INCOME_DDIA.value, steps
    if ddia_required:
        steps.append(
            msg(
                "plan.step.fee_ddia",
                online=money(F.SETUP_FEE_DDIA_ONLINE.value),
                phone=money(F.SETUP_FEE_DDIA_PHONE.value),
            )
        )
    else:
        steps.append(
            msg(
                "plan.step.fee_choice",
                ddia_online=money(F.SETUP_FEE_DDIA_ONLINE.value),
                ddia_phone=money(F.SETUP_FEE_DDIA_PHONE.value),
                other_online=money(F.SETUP_FEE_OTHER_ONLINE.value),
                other_phone=money(F.SETUP_FEE_OTHER_PHONE.value),
            )
        )
    return F.SETUP_FEE_DDIA_ONLINE.value, F.SETUP_FEE_DDIA_PHONE.value, steps


def _affordability(c: _Case, needed: Decimal) -> Fit:
    if c.capacity is None:
        return Fit.possible
    return Fit.likely if c.capacity >= needed else Fit.possible


def _personal_routes(c: _Case, balance: Decimal) -> list[Recommendation]:
    """Candidate routes for an individual, each with its fit; the caller orders them."""
    a = c.a
    recs: list[Recommendation] = []
    plan_blocker = _plan_blocker(c)
    oic_blocker = _oic_blocker(c)
    cap = c.capacity
    months_72 = F.STREAMLINED_MONTHS.value
    pays_before_csed = None if cap is None else cap * CSED_MONTHS >= balance
    if cap == 0:
        pays_before_csed = False

    # Short-term plan: under $100,000, paid within 180 days, no fee.
    # Unknown whether they can pay in 180 days: still offer it, unless what they can pay says otherwise.
    too_slow = (
        a.can_pay_in_180_days is None and cap is not None and cap * (F.SHORT_TERM_DAYS.value // 30) < balance
    )
    if balance < F.SHORT_TERM_LIMIT.value and a.can_pay_in_180_days is not False and not too_slow:
        fit = Fit.likely if a.can_pay_in_180_days else Fit.possible
        reason = msg(
            "plan.reason.short_term",
            limit=money(F.SHORT_TERM_LIMIT.value),
            days=number(F.SHORT_TERM_DAYS.value),
        )
        steps = [msg("plan.step.opa_online"), _call(c), msg("plan.step.short_term_fee")]
        est = Estimates(setup_fee_online=F.SHORT_TERM_FEE.value, setup_fee_phone=F.SHORT_TERM_FEE.value)
        recs.append(_rec(Program.short_term_plan, fit, reason, steps, est, plan_blocker))

    # Guaranteed IA: $10,000 or less of TAX (balance minus the penalties we know of), paid within 3 years.
    tax = c.tax_estimate
    months_36 = F.GUARANTEED_IA_MONTHS.value
    if tax is not None and tax <= F.GUARANTEED_IA_TAX_LIMIT.value:
        needed = _ceil(balance / months_36)
        if cap is None or cap >= needed:
            reason = msg(
                "plan.reason.guaranteed",
                limit=money(F.GUARANTEED_IA_TAX_LIMIT.value),
                tax=money(tax),
                months=number(months_36),
            )
            steps = [msg("plan.step.opa_online"), msg("plan.step.form_9465", form=text(F.FORM_IA.value))]
            est = Estimates(
                monthly_payment=needed, months=months_36, tax_estimate=tax, affordable_monthly=cap
            )
            blocker = plan_blocker or (msg("plan.blocker.compliance_first") if c.noncompliant else None)
            recs.append(_rec(Program.guaranteed_ia, Fit.likely, reason, steps, est, blocker))

    # Nothing to pay each month: a plan cannot fit; the offer and CNC below speak to that case.
    if cap == 0:
        pass

    # Streamlined plan: $50,000 or less, 72 months, direct debit above $25,000.
    elif balance <= F.STREAMLINED_LIMIT.value:
        needed = _ceil(balance / months_72)
        ddia = balance > F.DDIA_REQUIRED_ABOVE.value
        online, phone, fee_steps = _plan_fees(c, ddia)
        reason_id = "plan.reason.streamlined_ddia" if ddia else "plan.reason.streamlined"
        reason = msg(
            reason_id,
            limit=money(F.STREAMLINED_LIMIT.value),
            months=number(months_72),
            monthly=money(needed),
            ddia_limit=money(F.DDIA_REQUIRED_ABOVE.value),
        )
        steps = [msg("plan.step.opa_online"), *fee_steps]
        if cap is not None and cap < needed:
            steps.insert(0, msg("plan.step.short_of_needed", monthly=money(needed), affordable=money(cap)))
        est = Estimates(
            monthly_payment=needed,
            months=months_72,
            affordable_monthly=cap,
            setup_fee_online=online,
            setup_fee_phone=phone,
            direct_debit_required=ddia,
        )
        recs.append(_rec(Program.streamlined_ia, _affordability(c, needed), reason, steps, est, plan_blocker))

    # Non-streamlined plan: $50,000 to $250,000; a financial statement may be required, a lien is likely.
    elif pays_before_csed is not False:
        needed = _ceil(balance / months_72)
        over = balance > F.NON_STREAMLINED_LIMIT.value
        reason = msg(
            "plan.reason.non_streamlined_over" if over else "plan.reason.non_streamlined",
            low=money(F.STREAMLINED_LIMIT.value),
            high=money(F.NON_STREAMLINED_LIMIT.value),
            monthly=money(needed),
            months=number(months_72),
        )
        steps = [
            _call(c),
            msg(
                "plan.step.form_9465_433",
                form=text(F.FORM_IA.value),
                cis=text(F.FORM_CIS_SHORT.value),
                cis_long=text(F.FORM_CIS_LONG.value),
            ),
            msg("plan.step.lien_likely", limit=money(F.LIEN_THRESHOLD.value)),
        ]
        fit = Fit.possible if over else _affordability(c, needed)
        est = Estimates(monthly_payment=needed, months=months_72, affordable_monthly=cap)
        recs.append(_rec(Program.non_streamlined_ia, fit, reason, steps, est, plan_blocker))

    # Partial-payment plan: what they can pay would not clear the balance within the 10-year CSED.
    if cap is not None and cap > 0 and pays_before_csed is False:
        reason = msg("plan.reason.ppia", monthly=money(cap), years=number(F.CSED_YEARS.value))
        steps = [
            _call(c),
            msg(
                "plan.step.form_9465_433",
                form=text(F.FORM_IA.value),
                cis=text(F.FORM_CIS_SHORT.value),
                cis_long=text(F.FORM_CIS_LONG.value),
            ),
            msg("plan.step.ppia_equity"),
        ]
        est = Estimates(monthly_payment=_ceil(cap), affordable_monthly=cap)
        recs.append(_rec(Program.ppia, Fit.likely, reason, steps, est, plan_blocker))

    recs.extend(_oic_and_cnc(c, balance, pays_before_csed, oic_blocker, plan_blocker))
    return recs


def _oic_steps(c: _Case, low_income: bool | None) -> list[Msg]:
    steps = [
        msg(
            "plan.step.oic_forms",
            form=text(F.FORM_OIC.value),
            booklet=text(F.FORM_OIC_BOOKLET.value),
            cis=text(F.FORM_CIS_LONG.value),
        ),
        msg(
            "plan.step.oic_fee",
            fee=money(F.OIC_FEE.value),
            months=number(F.OIC_PERIODIC_MONTHS.value),
        ),
    ]
    if low_income:
        steps.append(msg("plan.step.oic_low_income"))
    steps.append(msg("plan.step.oic_conditions"))
    return steps


def _oic_and_cnc(
    c: _Case,
    balance: Decimal,
    pays_before_csed: bool | None,
    oic_blocker: Msg | None,
    plan_blocker: Msg | None,
) -> list[Recommendation]:
    recs: list[Recommendation] = []
    fin = c.fin
    if fin is not None:
        if fin.rcp_lump_sum <= 0:
            # Nothing the IRS could collect: an offer of nothing is not a realistic proposal; the IRS
            # pauses collection (CNC) instead, so the offer is only possible, without an amount.
            reason = msg("plan.reason.oic_rcp_zero")
            est = Estimates(
                equity=fin.equity, disposable_income=fin.disposable, rcp_lump_sum=fin.rcp_lump_sum
            )
            steps = _oic_steps(c, fin.low_income)
            recs.append(_rec(Program.oic_collectibility, Fit.possible, reason, steps, est, oic_blocker))
        elif fin.rcp_lump_sum < balance:
            down = _round(fin.rcp_lump_sum * F.OIC_LUMP_SUM_DOWN.value)
            est = Estimates(
                equity=fin.equity,
                disposable_income=fin.disposable,
                allowable_expenses=fin.allowable,
                rcp_lump_sum=fin.rcp_lump_sum,
                rcp_periodic=fin.rcp_periodic,
                offer_lump_sum=fin.rcp_lump_sum,
                offer_periodic=fin.rcp_periodic,
                offer_periodic_monthly=_ceil(fin.rcp_periodic / F.OIC_PERIODIC_MONTHS.value),
                down_payment=ZERO if fin.low_income else down,
                application_fee=ZERO if fin.low_income else F.OIC_FEE.value,
                low_income_waiver=fin.low_income,
            )
            reason = msg(
                "plan.reason.oic_rcp",
                rcp=money(fin.rcp_lump_sum),
                balance=money(balance),
                equity=money(fin.equity),
                disposable=money(fin.disposable),
                lump=number(F.RCP_LUMP_SUM_MULTIPLIER.value),
            )
            steps = _oic_steps(c, fin.low_income)
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
            recs.append(_rec(Program.oic_collectibility, Fit.likely, reason, steps, est, oic_blocker))
        elif c.hardship:
            reason = msg("plan.reason.oic_eta", rcp=money(fin.rcp_lump_sum), balance=money(balance))
            est = Estimates(rcp_lump_sum=fin.rcp_lump_sum, application_fee=F.OIC_FEE.value)
            recs.append(_rec(Program.oic_eta, Fit.possible, reason, _oic_steps(c, False), est, oic_blocker))
        if fin.shortfall:
            est = Estimates(disposable_income=fin.disposable, allowable_expenses=fin.allowable)
            reason = msg("plan.reason.cnc", income=money(fin.income), allowable=money(fin.allowable))
            recs.append(_rec(Program.cnc, Fit.likely, reason, _cnc_steps(c), est, plan_blocker))
        return recs

    # Without the financial answers: name the routes that may fit, without figures.
    cannot_pay = pays_before_csed is False or (c.hardship and not c.capacity)
    if cannot_pay:
        reason = msg("plan.reason.oic_unknown", years=number(F.CSED_YEARS.value))
        recs.append(
            _rec(Program.oic_collectibility, Fit.possible, reason, _oic_steps(c, None), None, oic_blocker)
        )
    if c.hardship and not c.capacity:
        recs.append(
            _rec(
                Program.cnc, Fit.possible, msg("plan.reason.cnc_hardship"), _cnc_steps(c), None, plan_blocker
            )
        )
    elif c.hardship and pays_before_csed:
        reason = msg("plan.reason.oic_eta_unknown")
        est = Estimates(application_fee=F.OIC_FEE.value)
        recs.append(_rec(Program.oic_eta, Fit.possible, reason, _oic_steps(c, None), est, oic_blocker))
    return recs


def _cnc_steps(c: _Case) -> list[Msg]:
    return [
        _call(c),
        msg("plan.step.form_433f", form=text(F.FORM_CIS_SHORT.value)),
        msg("plan.step.cnc_continues"),
    ]


def _business_routes(c: _Case, balance: Decimal) -> list[Recommendation]:
    """Businesses: In-Business Trust Fund Express for payroll taxes, else the business streamlined plan."""
    recs: list[Recommendation] = []
    plan_blocker = _plan_blocker(c)
    limit = F.IBTF_LIMIT.value
    months = F.IBTF_MONTHS.value
    needed = _ceil(min(balance, limit) / months)
    ddia = F.IBTF_DDIA_FROM.value <= balance <= limit
    under = balance <= limit
    reason = msg(
        "plan.reason.ibtf" if under else "plan.reason.ibtf_over",
        limit=money(limit),
        months=number(months),
        monthly=money(needed),
        excess=money(max(ZERO, balance - limit)),
    )
    steps = [_call(c), msg("plan.step.business_current")]
    if ddia:
        steps.append(msg("plan.step.ibtf_ddia", low=money(F.IBTF_DDIA_FROM.value), high=money(limit)))
    est = Estimates(
        monthly_payment=needed, months=months, direct_debit_required=ddia, affordable_monthly=c.capacity
    )
    program = Program.ibtf_express
    if c.a.taxpayer_kind == TaxpayerKind.BUSINESS_OTHER:
        # IBTF Express is for trust-fund (payroll) taxes; other in-business income tax gets the same
        # streamlined treatment up to $25,000 (irs-rules.md §1.1, S6).
        program = Program.streamlined_ia
    fit = _affordability(c, needed) if under else Fit.possible
    recs.append(_rec(program, fit, reason, steps, est, plan_blocker))
    if not under:
        reason = msg(
            "plan.reason.business_non_streamlined",
            limit=money(limit),
            high=money(F.NON_STREAMLINED_LIMIT.value),
        )
        steps = [_call(c), msg("plan.step.business_financials")]
        recs.append(_rec(Program.non_streamlined_ia, Fit.possible, reason, steps, None, plan_blocker))
    if (c.capacity is not None and c.capacity * CSED_MONTHS < balance) or c.hardship:
        reason = msg("plan.reason.oic_business")
        recs.append(
            _rec(Program.oic_collectibility, Fit.possible, reason, _oic_steps(c, None), None, _oic_blocker(c))
        )
    return recs


# Which route is the best fit when several are equally likely: the simplest that pays the debt first,
# then the settlement, then the pause. CNC moves ahead of the offer when income does not even cover
# allowable expenses: the IRS pauses collection far more readily than it settles.
_ROUTE_ORDER = [
    Program.short_term_plan,
    Program.guaranteed_ia,
    Program.streamlined_ia,
    Program.ibtf_express,
    Program.non_streamlined_ia,
    Program.oic_collectibility,
    Program.ppia,
    Program.cnc,
    Program.oic_eta,
]


def _routes(c: _Case) -> list[_Item]:
    if c.balance is None or c.balance <= 0:
        return []
    recs = _business_routes(c, c.balance) if c.business else _personal_routes(c, c.balance)
    order = list(_ROUTE_ORDER)
    if c.fin is not None and c.fin.shortfall:
        order.remove(Program.cnc)
        order.insert(order.index(Program.oic_collectibility), Program.cnc)
    recs.sort(key=lambda r: (_FIT_RANK[r.fit], order.index(r.program)))
    return [_Item(ROUTE if i == 0 else ALTERNATIVE, r) for i, r in enumerate(recs)]


# --- the plan ------------------------------------------------------------------------------------------


def _notes(c: _Case) -> list[Msg]:
    notes: list[Msg] = []
    a = c.a
    if a.debt_scope == DebtScope.BOTH:
        notes.append(msg("plan.note.state_part"))
    if c.balance is None:
        notes.append(msg("plan.note.no_balance"))
    if c.tax_estimate is not None and not c.business and c.tax_estimate <= F.GUARANTEED_IA_TAX_LIMIT.value:
        notes.append(msg("plan.note.tax_estimate", tax=money(c.tax_estimate)))
    if c.fin is not None:
        notes.append(msg("plan.note.housing_actual"))
        notes.append(msg("plan.note.standards", health_year=number(F.HEALTH_CARE_UNDER_65.effective.year)))
    notes.append(msg("plan.note.interest", rate=number(int(F.INTEREST_RATE.value * 100))))
    return notes


def assess(answers: Answers, today: date) -> Plan:
    """Answers in, an ordered plan out (see the module docstring for the order and its reasons)."""
    if answers.debt_scope == DebtScope.STATE:
        rec = _rec(
            Program.state_only,
            Fit.blocked,
            msg("plan.reason.state_only"),
            [msg("plan.step.firm_state_help")],
            blocker=msg("plan.blocker.state_only"),
        )
        return Plan(assessed_on=today, balance=answers.balance, recommendations=[rec])

    c = _case(answers, today)
    items = [*_deadlines(c), *_blockers(c), *_relief(c), *_routes(c)]
    # Stable sort: tier first; inside the deadline, blocker and relief tiers, blocked items go last.
    items.sort(key=lambda it: (it.tier, _FIT_RANK[it.rec.fit] if it.tier < ROUTE else 0))
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
        notes=_notes(c),
    )
