"""The plan's "Good to know": what the figures assume and how old they are.

Every figure a plan leans on is dated here: the Collection Financial Standards
used, the collection statute the full-pay test counted (or the assumption it
made without the tax years), and the quarter of the interest rate. A reader
months from now must be able to tell which figures were used.
"""

from __future__ import annotations

from flows import figures as F
from flows.answers import DebtScope
from flows.plan import Msg, day, money, msg, number
from flows.rules.case import Case


def standards_notes(c: Case) -> list[Msg]:
    fin = c.fin
    if fin is None:
        return []
    notes = [
        msg("plan.note.housing_actual"),
        msg(
            "plan.note.standards",
            national=day(F.NATIONAL_STANDARDS.effective),
            health=day(F.HEALTH_CARE_UNDER_65.effective),
            transport=day(F.TRANSPORT_OWNERSHIP.effective),
        ),
    ]
    if fin.vehicles:
        notes.insert(1, msg("plan.note.running_costs"))
    return notes


def statute_notes(c: Case) -> list[Msg]:
    if c.test is None:
        return []
    law = c.statute
    notes: list[Msg] = []
    if law.expired and law.earliest_year is not None:
        notes.append(
            msg("plan.note.statute_expired", year=number(law.earliest_year), years=number(F.CSED_YEARS.value))
        )
    if law.assumed:
        notes.append(msg("plan.note.statute_assumed", years=number(F.CSED_YEARS.value)))
    elif law.earliest_year is not None and law.expires is not None:
        notes.append(
            msg(
                "plan.note.statute_known",
                year=number(law.earliest_year),
                expires=day(law.expires),
                months=number(law.months),
            )
        )
    if c.test.close:
        notes.append(msg("plan.note.statute_close"))
    return notes


def interest_note() -> Msg:
    start = F.INTEREST_RATE.effective
    end = F.INTEREST_QUARTER_END.value
    return msg(
        "plan.note.interest", rate=number(int(F.INTEREST_RATE.value * 100)), start=day(start), end=day(end)
    )


def notes(c: Case) -> list[Msg]:
    out: list[Msg] = []
    if c.a.debt_scope == DebtScope.BOTH:
        out.append(msg("plan.note.state_part"))
    if c.balance is None:
        out.append(msg("plan.note.no_balance"))
    tax = c.tax_estimate
    if tax is not None and not c.in_business and tax <= F.GUARANTEED_IA_TAX_LIMIT.value:
        out.append(msg("plan.note.tax_estimate", tax=money(tax)))
    out += standards_notes(c)
    out += statute_notes(c)
    out.append(interest_note())
    return out
