"""Deadlines and emergencies: what loses rights if it waits (irs-rules.md §5, §9.9, §9.10).

Deadline convention (the tests pin it): a 30-day window counted from a letter's
date is still open on day 30 (the IRS's "within 30 days" includes the 30th day),
with 0 days left meaning "today is the last day"; day 31 is closed. A date in
the future is a typo and counts as today.

Two windows do not run from the letter's date, and the plan says so instead of
counting: a lien notice (Letter 3172) gives 30 days from the end of the five
business days after the lien's filing, so its printed deadline is at least 30
days after the letter and possibly a week more; and a CP504's reply window is
printed on it (sources give 21 or 30 days).

Order inside the tier: the Trust Fund Recovery Penalty first (an owner must hear
of the personal liability before anything else), then an open hearing window,
then a running levy (a release is what stops it; an equivalent hearing does
not), then the other notices, and the equivalent hearing last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flows import figures as F
from flows.answers import Answers, Letter
from flows.plan import Arg, Estimates, Fit, Msg, Program, day, money, msg, number, text
from flows.rules.case import Case, add_years, build_case
from flows.rules.recs import Item, Tier, call, rec


def window(c: Case, days: int) -> tuple[date | None, int | None, bool]:
    """(deadline, days left, still open) for a window of ``days`` from the letter date."""
    sent = c.a.letter_date
    if sent is None:
        return None, None, True
    deadline = min(sent, c.today) + timedelta(days=days)
    left = (deadline - c.today).days
    return deadline, max(left, 0), left >= 0


def add_business_days(start: date, days: int) -> date:
    """``days`` weekdays after ``start`` (federal holidays would only make the window longer)."""
    current = start
    while days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def notice_window(c: Case, days: int, reason_id: str, /, **late: Arg) -> tuple[Msg, Estimates, bool]:
    """Reason and estimates for a notice with a reply window of ``days`` (CP2000, CP523)."""
    deadline, left, open_ = window(c, days)
    est = Estimates(deadline=deadline, days_left=left if open_ else None)
    if deadline is None:
        return msg(f"{reason_id}_no_date", days=number(days)), est, open_
    if open_:
        return msg(reason_id, days=number(days), deadline=day(deadline)), est, open_
    return msg(f"{reason_id}_late", **late), est, open_


def trust_fund_penalty(c: Case) -> list[Item]:
    if not c.payroll:
        return []
    reason = msg("plan.reason.tfrp", letter=text(F.LETTER_TFRP.value), days=number(F.TFRP_APPEAL_DAYS.value))
    steps = [
        msg("plan.step.tfrp_letter", letter=text(F.LETTER_TFRP.value), days=number(F.TFRP_APPEAL_DAYS.value)),
        msg("plan.step.tfrp_pay_trust_first"),
        msg("plan.step.get_help_now"),
    ]
    return [Item(Tier.URGENT, rec(Program.trust_fund_penalty, Fit.likely, reason, steps, urgent=True))]


def hearing(c: Case) -> tuple[list[Item], list[Item]]:
    """(open hearing window, equivalent hearing) for a final notice of intent to levy or a lien notice."""
    letter = c.a.latest_letter
    if letter not in (Letter.FINAL_NOTICE, Letter.LIEN_3172):
        return [], []
    lien = letter == Letter.LIEN_3172
    kind = "lien" if lien else "levy"
    days = F.CDP_DAYS.value
    form = text(F.FORM_CDP.value)
    steps = [msg("plan.step.cdp_form", form=form)]
    steps.append(
        msg("plan.step.lien_printed_date" if lien else "plan.step.count_from_letter", days=number(days))
    )
    steps.append(msg("plan.step.cdp_protects"))
    earliest, left, open_ = window(c, days)
    if earliest is None:
        reason = msg(f"plan.reason.cdp_{kind}_no_date", days=number(days))
        return [Item(Tier.URGENT, rec(Program.cdp_hearing, Fit.likely, reason, steps, urgent=True))], []
    if open_:
        # For a lien the printed deadline is this date or up to a week later: act by this one.
        reason = msg(f"plan.reason.cdp_{kind}", days=number(days), deadline=day(earliest))
        est = Estimates(deadline=earliest, days_left=left)
        return [Item(Tier.URGENT, rec(Program.cdp_hearing, Fit.likely, reason, steps, est, urgent=True))], []
    assert c.a.letter_date is not None
    sent = min(c.a.letter_date, c.today)
    if lien:
        latest = add_business_days(sent, F.LIEN_NOTICE_BUSINESS_DAYS.value) + timedelta(days=days)
        if c.today <= latest:
            reason = msg("plan.reason.cdp_lien_maybe_open", days=number(days), deadline=day(latest))
            return [Item(Tier.URGENT, rec(Program.cdp_hearing, Fit.possible, reason, steps, urgent=True))], []
    last = add_years(sent, F.EQUIVALENT_HEARING_YEARS.value)
    if c.today > last:
        return [], []
    est = Estimates(deadline=last, days_left=(last - c.today).days)
    reason = msg(f"plan.reason.equivalent_hearing_{kind}", days=number(days), deadline=day(last))
    eq_steps = [
        msg("plan.step.equivalent_form", form=form),
        msg("plan.step.equivalent_limits"),
        msg("plan.step.cap_form", form=text(F.FORM_CAP.value)),
    ]
    item = Item(
        Tier.URGENT, rec(Program.equivalent_hearing, Fit.likely, reason, eq_steps, est, urgent=not lien)
    )
    return [], [item]


def levy_release(c: Case) -> list[Item]:
    if not c.a.levy_started:
        return []
    steps = [
        call(c),
        msg("plan.step.levy_release"),
        msg("plan.step.cap_form", form=text(F.FORM_CAP.value)),
        msg("plan.step.get_help_now"),
    ]
    return [
        Item(Tier.URGENT, rec(Program.levy_release, Fit.likely, msg("plan.reason.levy"), steps, urgent=True))
    ]


def levy_warning(c: Case) -> list[Item]:
    """CP504: the notice of intent to levy of IRC 6331(d); the state refund can go now, the rest follows."""
    if c.a.latest_letter != Letter.CP504:
        return []
    steps = [
        call(c),
        msg("plan.step.cp504_plan_stops_levy"),
        msg("plan.step.cap_form", form=text(F.FORM_CAP.value)),
    ]
    reason = msg("plan.reason.cp504")
    return [Item(Tier.URGENT, rec(Program.levy_warning, Fit.likely, reason, steps, urgent=True))]


def cp2000(c: Case) -> list[Item]:
    if c.a.latest_letter != Letter.CP2000:
        return []
    reason, est, open_ = notice_window(
        c, F.CP2000_DAYS.value, "plan.reason.cp2000", days=number(F.CP2000_DEFICIENCY_DAYS.value)
    )
    steps = [msg("plan.step.cp2000_respond"), msg("plan.step.cp2000_no_amend")]
    if c.a.disputes_amount:
        steps.append(msg("plan.step.cp2000_disagree"))
    return [Item(Tier.URGENT, rec(Program.cp2000_response, Fit.likely, reason, steps, est, urgent=open_))]


def cp523(c: Case) -> list[Item]:
    if c.a.latest_letter != Letter.CP523:
        return []
    reason, est, _ = notice_window(c, F.CP523_DAYS.value, "plan.reason.cp523")
    steps = [
        call(c),
        msg("plan.step.cp523_cure"),
        msg(
            "plan.step.reinstate_fee",
            online=money(F.REINSTATE_FEE_ONLINE.value),
            phone=money(F.REINSTATE_FEE_PHONE.value),
            low=money(F.REINSTATE_FEE_LOW_INCOME.value),
        ),
        msg("plan.step.cap_appeal"),
    ]
    return [Item(Tier.URGENT, rec(Program.cp523_cure, Fit.likely, reason, steps, est, urgent=True))]


def deadlines(c: Case) -> list[Item]:
    """Every urgent item, in the order the module docstring gives."""
    open_window, equivalent = hearing(c)
    return [
        *trust_fund_penalty(c),
        *open_window,
        *levy_release(c),
        *cp523(c),
        *cp2000(c),
        *levy_warning(c),
        *equivalent,
    ]


# Urgent enough to say at once, mid-screening, and offer a call (issue: "urgency first"): a hearing
# or reply window of 30 days or less, a levy running, a notice of intent to levy, a plan in default.
ANNOUNCED = (
    Program.cdp_hearing,
    Program.levy_release,
    Program.cp523_cure,
    Program.cp2000_response,
    Program.levy_warning,
)
ANNOUNCE_WITHIN_DAYS = 30


@dataclass(frozen=True)
class Urgency:
    """What cannot wait for the end of the screening: the program, and its deadline if one is known."""

    program: Program
    deadline: date | None = None
    days_left: int | None = None
    lien: bool = False  # a hearing window that comes from a lien notice (Letter 3172)

    @property
    def key(self) -> str:
        """What was said: a new fact (a levy started, a date given) is said again, the same one never."""
        return f"{self.program.value}:{self.deadline.isoformat() if self.deadline else '-'}"


def urgency(a: Answers, today: date) -> Urgency | None:
    """The most urgent thing the answers so far show, if it must be said now (pure, partial answers)."""
    if a.latest_letter is None and a.levy_started is None:
        return None
    c = build_case(a, today)
    for item in deadlines(c):
        r = item.rec
        if r.program not in ANNOUNCED or not r.urgent:
            continue
        days = r.estimates.days_left
        if r.program in (Program.cdp_hearing, Program.cp2000_response, Program.cp523_cure):
            if a.letter_date is None and a.latest_letter != Letter.LIEN_3172:
                continue  # the window is known once the letter's date is
            if days is not None and days > ANNOUNCE_WITHIN_DAYS:
                continue
        lien = a.latest_letter == Letter.LIEN_3172 and r.program is Program.cdp_hearing
        return Urgency(r.program, r.estimates.deadline, days, lien)
    return None
