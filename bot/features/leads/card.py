"""The lead card posted to the staff chat: what a caller needs before dialling.

The card is re-rendered on every status change (Take, Done, hand back, a second
account), so everything it shows is kept on the lead row as ``card`` JSON at
creation time: re-rendering never needs the assessment again, and erasing the lead
erases the card's data with it. Everything that came from a person is escaped.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from bot.features.leads import card_extra
from bot.features.leads.phone import display_phone
from flows.catalogue import t
from flows.render import plan_summary

STAFF_LANG = "en"
BEST_TIMES = ("morning", "afternoon", "evening", "any")


def build_card_data(
    *,
    plan: Any,
    answers: dict[str, Any],
    source: str | None,
    consent_version: str,
    consent_at: datetime,
) -> dict[str, Any]:
    """Freeze the facts the card shows (JSON-friendly)."""
    summary = ""
    balance: Any = answers.get("balance")
    urgent = False
    days_left: int | None = None
    if plan is not None:
        try:
            summary = plan_summary(plan, STAFF_LANG)
        except Exception:  # noqa: BLE001 - a renderer bug must not lose the lead; staff see the rest
            summary = ""
        balance = plan.balance if plan.balance is not None else balance
        urgent = bool(plan.urgent)
        days_left = plan.days_left
    levy = bool(answers.get("levy_started"))
    return {
        "balance": str(balance) if balance is not None else None,
        "urgent": urgent or levy,
        "days_left": days_left,
        "levy": levy,
        "plan": summary,
        "source": source,
        "consent_version": consent_version,
        "consent_at": consent_at.isoformat(timespec="seconds"),
        "accounts": [],
        **card_extra.card_facts(plan, answers),
    }


def best_time_label(value: str, lang: str) -> str:
    """A button value ("morning") in the reader's language, or what the person typed (escaped)."""
    if value in BEST_TIMES:
        return t(f"leads.time.{value}", lang)
    return escape(value)


def format_money(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        amount = Decimal(value)
    except (InvalidOperation, ValueError):
        return escape(value)
    return f"${amount:,.0f}"


def _status_line(status: str, taken_by: str | None, with_staff: bool) -> str:
    who = escape(taken_by or "?")
    if status == "taken":
        key = "leads.staff.status_taken" if with_staff else "leads.staff.status_handed_back"
        return t(key, STAFF_LANG, who=who)
    if status == "done":
        return t("leads.staff.status_done", STAFF_LANG, who=who)
    if status == "withdrawn":
        return t("leads.staff.status_withdrawn", STAFF_LANG)
    return t("leads.staff.status_new", STAFF_LANG)


def urgency_text(card: dict[str, Any]) -> str:
    parts: list[str] = []
    if card.get("days_left") is not None:
        parts.append(t("leads.staff.days_left", STAFF_LANG, days=card["days_left"]))
    if card.get("levy"):
        parts.append(t("leads.staff.levy", STAFF_LANG))
    return "; ".join(parts) if parts else t("leads.staff.no_urgency", STAFF_LANG)


def render_card(
    *,
    lead_id: int,
    name: str,
    phone_e164: str,
    best_time: str | None,
    status: str,
    taken_by: str | None,
    with_staff: bool,
    card: dict[str, Any],
    lang: str = STAFF_LANG,
    inbox_url: str | None = None,
) -> str:
    unknown = t("leads.staff.unknown", STAFF_LANG)
    extra = "".join(
        t("leads.staff.second_account", STAFF_LANG, chat_id=int(acc["chat_id"]), when=escape(str(acc["at"])))
        for acc in card.get("accounts", [])
    )
    if card.get("reason") in ("urgent", "person"):
        extra += "\n" + t(f"leads.staff.reason_{card['reason']}", STAFF_LANG)
    consent = t(
        "leads.staff.consent",
        STAFF_LANG,
        version=escape(str(card.get("consent_version", "?"))),
        when=escape(str(card.get("consent_at", "?"))),
    )
    text = t(
        "leads.staff.card",
        STAFF_LANG,
        lead_id=lead_id,
        urgent=t("leads.staff.urgent_flag", STAFF_LANG) if card.get("urgent") else "",
        name=escape(name),
        phone=f"{escape(phone_e164)} ({escape(display_phone(phone_e164))})",
        time=best_time_label(best_time, STAFF_LANG) if best_time else unknown,
        balance=format_money(card.get("balance")) or unknown,
        urgency=urgency_text(card),
        plan=escape(card.get("plan") or unknown),
        source=escape(card.get("source") or unknown),
        consent=consent,
        extra=extra,
        status=_status_line(status, taken_by, with_staff),
    )
    return text + card_extra.card_lines(card, lang, inbox_url)
