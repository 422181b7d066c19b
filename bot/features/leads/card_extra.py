"""What the lead card shows beyond the basics: the person's language, the IRS letter and its
deadline, their income, the plan's headline, and a link to the lead in the dashboard's inbox.

Frozen on the lead's ``card`` JSON at creation like the rest of the card (bot/features/leads/card.py),
so re-rendering never needs the assessment again and erasing the lead erases these with it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from bot.config import Settings
from flows.catalogue import LANGUAGES, t

STAFF_LANG = "en"


def money(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return f"${Decimal(value):,.0f}"
    except (InvalidOperation, ValueError):
        return escape(value)


def inbox_url(settings: Settings, lead_id: int) -> str | None:
    """The lead in the dashboard's inbox, when the dashboard is reachable from outside."""
    base = settings.public_base_url
    return f"{base}/dashboard/leads/{lead_id}" if base and settings.dashboard_enabled() else None


def card_facts(plan: Any, answers: dict[str, Any]) -> dict[str, Any]:
    headline = None
    deadline = None
    if plan is not None:
        if plan.recommendations:
            headline = plan.recommendations[0].program.value
        deadline = plan.deadline.isoformat() if plan.deadline is not None else None
    income = answers.get("monthly_income")
    return {
        "letter": answers.get("latest_letter"),
        "letter_date": str(answers["letter_date"]) if answers.get("letter_date") else None,
        "deadline": deadline,
        "income": str(income) if income is not None else None,
        "headline": headline,
    }


def text_or(key: str, fallback: str) -> str:
    try:
        return t(key, STAFF_LANG)
    except KeyError:
        return fallback


def card_lines(card: dict[str, Any], lang: str, inbox_url: str | None) -> str:
    """Extra lines under the card (HTML, everything from a person escaped)."""
    unknown = t("leads.staff.unknown", STAFF_LANG)
    letter = card.get("letter")
    letter_text = text_or(f"conv.opt.latest_letter.{letter}", escape(str(letter))) if letter else unknown
    if card.get("letter_date"):
        letter_text += f" ({escape(str(card['letter_date']))})"
    headline = card.get("headline")
    lines = [
        t(
            "office.card.lang",
            STAFF_LANG,
            lang=t(f"office.lang.{lang}", STAFF_LANG) if lang in LANGUAGES else escape(lang),
        ),
        t(
            "office.card.letter",
            STAFF_LANG,
            letter=letter_text,
            deadline=escape(card.get("deadline") or unknown),
        ),
        t("office.card.income", STAFF_LANG, income=money(card.get("income")) or unknown),
        t(
            "office.card.headline",
            STAFF_LANG,
            headline=text_or(f"plan.program.{headline}", escape(str(headline))) if headline else unknown,
        ),
    ]
    if inbox_url:
        lines.append(t("office.card.inbox", STAFF_LANG, url=escape(inbox_url, quote=True)))
    return "\n" + "\n".join(lines)
