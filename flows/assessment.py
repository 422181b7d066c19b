"""The IRS rules engine: answers in, an ordered plan out (see irs-rules.md)."""

from __future__ import annotations

from flows import figures as F
from flows.answers import Answers, DebtScope, Hardship


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
