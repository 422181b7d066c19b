"""Relief that can remove the debt or part of it: combat zone, innocent spouse, a disputed amount.

Innocent spouse (irs-rules.md §4.5, §9.8): the two-year limit from the IRS's
first collection activity applies to relief under IRC 6015(b) and (c), which
cover understatements only. Equitable relief, IRC 6015(f), covers an unpaid
balance too and can be asked for while the IRS can still collect (Notice
2011-70). A CDP-rights notice (a final notice of intent to levy, or a lien
notice) starts the two years, so its date gives the latest day for (b) and (c);
once that day has passed the plan names equitable relief and prints no deadline.

A disputed amount (§2.4, §9.10): audit reconsideration is the usual route when an
audit or a CP2000 was assessed without the person's documents; an offer based on
doubt as to liability (Form 656-L) is the other. A CP2000 not yet assessed is
answered on its own reply form (deadlines.py).
"""

from __future__ import annotations

from flows import figures as F
from flows.answers import Letter
from flows.plan import Estimates, Fit, Program, day, msg, number, text
from flows.rules.case import Case, add_years
from flows.rules.recs import Item, Tier, call, rec

CDP_RIGHTS_LETTERS = (Letter.FINAL_NOTICE, Letter.LIEN_3172)


def combat_zone(c: Case) -> list[Item]:
    if not c.a.combat_zone:
        return []
    steps = [msg("plan.step.combat_zone_tell"), call(c)]
    reason = msg("plan.reason.combat_zone", days=number(F.COMBAT_ZONE_EXTRA_DAYS.value))
    return [Item(Tier.RELIEF, rec(Program.combat_zone, Fit.likely, reason, steps))]


def innocent_spouse(c: Case) -> list[Item]:
    a = c.a
    if not a.spouse_caused_debt:
        return []
    years = number(F.INNOCENT_SPOUSE_YEARS.value)
    est = Estimates()
    reason = msg("plan.reason.innocent_spouse", years=years)
    if a.latest_letter in CDP_RIGHTS_LETTERS and a.letter_date is not None:
        last = add_years(min(a.letter_date, c.today), F.INNOCENT_SPOUSE_YEARS.value)
        if c.today <= last:
            est = Estimates(deadline=last, days_left=(last - c.today).days)
            reason = msg("plan.reason.innocent_spouse_dated", years=years, deadline=day(last))
        else:
            reason = msg("plan.reason.innocent_spouse_equitable", years=years)
    steps = [
        msg("plan.step.form_8857", form=text(F.FORM_INNOCENT_SPOUSE.value)),
        msg("plan.step.equitable_relief"),
    ]
    return [Item(Tier.RELIEF, rec(Program.innocent_spouse, Fit.likely, reason, steps, est))]


def disputed_amount(c: Case) -> list[Item]:
    if not c.a.disputes_amount or c.a.latest_letter == Letter.CP2000:
        return []
    recon_steps = [call(c), msg("plan.step.audit_recon_documents")]
    recon = rec(
        Program.audit_reconsideration, Fit.possible, msg("plan.reason.audit_reconsideration"), recon_steps
    )
    datl_steps = [
        msg("plan.step.form_656l", form=text(F.FORM_OIC_LIABILITY.value)),
        msg("plan.step.oic_liability_no_fee"),
    ]
    blocker = msg("plan.blocker.bankruptcy") if c.bankrupt else None
    datl = rec(
        Program.oic_liability, Fit.possible, msg("plan.reason.oic_liability"), datl_steps, blocker=blocker
    )
    return [Item(Tier.RELIEF, recon), Item(Tier.RELIEF, datl)]


def relief(c: Case) -> list[Item]:
    return [*combat_zone(c), *innocent_spouse(c), *disputed_amount(c)]
