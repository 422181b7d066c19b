"""Detect Social Security / taxpayer identification numbers in free text.

The bot never needs an SSN, ITIN or EIN, and holding one would turn a marketing
database into identity-theft material. Text that looks like one is dropped before
any handler, store, relay or log sees it (see bot/middlewares/ssn.py).

Shapes caught (nine digits in the usual spellings):
  * SSN / ITIN   123-45-6789, 123 45 6789 (ITINs are 9xx-7x-xxxx, the same shape)
  * EIN          12-3456789
  * bare         123456789

The money trade-off, decided here: people type debts like "123456789" rarely, but
they do type "$123,456,789", "52000", "120k". A bare run of nine digits counts as
an identifier ONLY when it stands alone: not preceded by "$" (spaces allowed in
between), not followed by "k"/"K", not touching other digits, and not part of a
number written with "," or "." separators. Anything written like money is money.
We accept the false positive of "123456789" typed as a dollar amount without "$":
the person is told why and can retype it as "$123,456,789"; the opposite mistake
(storing a real SSN) cannot be undone.
"""

from __future__ import annotations

import re

# 3-2-4 with "-" or a single space between groups (mixed separators included:
# people type "123-45 6789"); no digits, "." or "," glued to either end so
# longer numbers and decimals do not match.
_SSN_SHAPED = re.compile(r"(?<![\d.,$])\d{3}[- ]\d{2}[- ]\d{4}(?![\d]|[.,]\d)")
# EIN: 2-7 with a hyphen.
_EIN = re.compile(r"(?<![\d.,$-])\d{2}-\d{7}(?![\d]|[.,]\d|-\d)")
# Bare nine digits: not after "$" (optionally spaced), a digit, "," or ".";
# not before a digit, a separator followed by digits, or a "k"/"K" thousands suffix.
_BARE = re.compile(r"(?<![\d.,])(?<!\$)(?<!\$ )\d{9}(?![\d]|[.,]\d|\s?[kK]\b)")


def contains_tax_id(text: str | None) -> bool:
    """True if the text holds something shaped like an SSN, ITIN or EIN."""
    if not text:
        return False
    return bool(_SSN_SHAPED.search(text) or _EIN.search(text) or _BARE.search(text))


def redact_tax_ids(text: str) -> str:
    """Replace every identifier-shaped run with a fixed mask (for anything that must keep the rest)."""
    for pattern in (_SSN_SHAPED, _EIN, _BARE):
        text = pattern.sub("[removed]", text)
    return text
