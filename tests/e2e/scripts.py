"""Scripted screenings: each reply is what a person taps ("b:<button label>") or types, in order.

They follow the question table in flows/questions.py; if the question order changes, the
e2e failure names the question the bot asked instead.
"""

from __future__ import annotations

# $8,000, can pay within 180 days: done in a handful of questions.
SHORT_TERM_BUTTONS = [
    "b:The IRS (federal)",
    "8000",
    "b:Personal (Form 1040)",
    "b:Yes",  # all returns filed
    "b:No letter yet",
    "b:No",  # disputes the amount
    "b:None / $0",  # penalties
    "b:Yes",  # can pay in 180 days
]

# $30,000 over 72 months at $700 a month: the streamlined plan, everything typed.
STREAMLINED_TYPED = [
    "the irs",
    "$30,000",
    "personal",
    "yes",
    "none",
    "no",
    "0",
    "no",  # cannot pay in 180 days
    "yes",  # current year compliant
    "no",  # bankruptcy
    "700",
    "none",  # hardship
    "single",
    "no",  # combat zone
]

# Final notice ten days ago, no income left after expenses, little equity: CDP hearing first, then OIC.
CDP_AND_OIC = [
    "b:The IRS (federal)",
    "60000",
    "b:Personal (Form 1040)",
    "b:Yes",
    "b:LT11 / 1058 / CP90 (final)",
    "2026-11-10",  # letter date
    "b:No",  # levy started
    "b:No",  # disputes
    "b:Not sure",  # penalties
    "b:No",  # prior penalties
    "b:No",  # 180 days
    "b:Yes",  # current year
    "b:No",  # bankruptcy
    "b:None / $0",  # monthly payment
    "b:Lost my job",
    "b:Single",
    "b:No",  # combat zone
    "b:Lower 48 states or DC",
    "1",  # household
    "0",  # 65+
    "2500",  # income
    "200",  # taxes taken out of pay
    "1400",  # housing
    "1",  # vehicles
    "b:None / $0",  # car loan or lease payments
    "300",  # running costs
    "b:None / $0",  # health-insurance premiums
    "100",  # out-of-pocket health care
    "b:None / $0",  # court-ordered
    "b:None / $0",  # other necessary costs
    "500",  # cash
    "b:None / $0",  # home
    "3000",  # vehicle
    "b:None / $0",  # vehicle loan
    "b:None / $0",  # retirement
    "b:None / $0",  # other assets
]

# A retiree on a fixed income whose expenses exceed income: Currently Not Collectible. Typed in
# Spanish (choices by their number), to prove a Spanish-speaking person can finish by typing.
CNC_SPANISH_TYPED = [
    "1",  # federal
    "20000",
    "1",  # personal
    "sí",
    "2",  # CP14
    "no",  # disputes
    "0",  # penalties
    "no",  # 180 days
    "sí",  # current year
    "no",  # bankruptcy
    "0",  # monthly payment
    "5",  # fixed income
    "1",  # single
    "no",  # combat zone
    "1",  # lower 48
    "1",  # household
    "1",  # 65 or older
    "1500",  # income
    "0",  # taxes
    "1400",  # housing
    "0",  # vehicles: none, so no car questions
    "0",  # health-insurance premiums
    "200",  # out-of-pocket health care
    "0",  # court-ordered
    "0",  # other necessary costs
    "100",  # cash
    "0",  # home
    "0",  # retirement
    "0",  # other assets
]
