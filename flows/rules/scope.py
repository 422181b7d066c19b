"""What the rules need to know, so the conversation asks it only when it can change the plan.

The question table (flows/questions.py) reads these to decide relevance. They
read only answers to questions asked before the ones they gate.
"""

from __future__ import annotations

from flows import figures as F
from flows.answers import Answers, DebtScope, Hardship
from flows.rules.case import CSED_MONTHS, financials, is_business


def needs_financials(answers: Answers) -> bool:
    """True when the financial picture (household, income, expenses, assets) can change the outcome.

    It matters where the IRS's own arithmetic sets the route or the payment: above the streamlined
    limit, or when what the person can pay would not clear the balance in 72 months, or with a
    hardship. Someone who can clear the debt in 180 days, or comfortably inside a streamlined plan,
    is not asked. An operating business is judged on the business's statement (Form 433-B), which
    these household questions are not; a closed business is treated as an individual.

    Nor is anyone with returns still unfiled: until they are filed, every payment plan, offer
    and pause of collection waits on them (irs-rules.md §2.1, recs.plan_blocker and
    offer_blocker), so the household's figures could only change the numbers of routes that
    all say "file first". The estimate comes after filing.
    """
    a = answers
    if a.debt_scope == DebtScope.STATE or a.in_bankruptcy or a.all_returns_filed is False:
        return False
    if is_business(a) and a.business_operating is not False:
        return False
    balance = a.balance
    if a.can_pay_in_180_days and balance is not None and balance < F.SHORT_TERM_LIMIT.value:
        return False
    if balance is not None and balance > F.STREAMLINED_LIMIT.value:
        return True
    monthly = a.monthly_payment
    if not monthly:
        return True
    if balance is not None and monthly * F.STREAMLINED_MONTHS.value < balance:
        return True
    return a.hardship not in (None, Hardship.NONE)


def statute_matters(answers: Answers) -> bool:
    """True when the months left to the collection statute can decide the full-pay test.

    With equity below the balance and income left each month, the balance may be payable over the
    full 10 years and not over fewer; only the tax years owed tell. Without income left, or with
    equity that covers the balance, the months change nothing.
    """
    a = answers
    fin = financials(a)
    if fin is None or not a.balance or fin.disposable <= 0:
        return False
    equity = fin.equity.total
    return equity < a.balance <= equity + fin.disposable * CSED_MONTHS
