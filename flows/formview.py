"""What the financial form shows: its fields, the refusal of each field, and the IRS's totals.

Everything here is plain data (JSON for the page, which sets it as text, never as markup): the
bot's web server only carries it. The fields take the questions' own texts, so the form asks
what the chat asks in the same words, gives the same "why we ask" line, and refuses a figure with
the chat's own message. The totals are the rules' own arithmetic (flows/rules/case.py), not a
second copy of it in the page: what is left each month after the expenses the IRS allows, and
what the household owns as the IRS counts it, as the plan will use them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flows import figures as F
from flows import finform
from flows import questions as Q
from flows.answers import Answers
from flows.assessment import financials
from flows.catalogue import t
from flows.messages import plain
from flows.parsing import ParseError
from flows.render import format_money
from flows.rules.case import whole

Json = dict[str, Any]

EXPENSE_LINES = (
    "national",
    "health_care",
    "health_insurance",
    "housing",
    "vehicle_ownership",
    "vehicle_running",
    "public_transport",
    "taxes",
    "court_ordered",
    "other",
)
EQUITY_LINES = (("cash", "cash"), ("home", "home"), ("vehicles", "vehicles"), ("retirement", "retirement"),
                ("other", "other_assets"))  # fmt: skip
PAGE_TEXTS = ("title", "intro", "per_month", "submit", "sending", "sent", "sent_already", "close", "fix",
              "network")  # fmt: skip
TOTAL_TEXTS = ("title", "waiting", "income", "allowed", "left", "shortfall", "equity", "details")


def spec(lang: str) -> Json:
    """The form as the page builds it: its texts, its sections, each field with its question's words."""
    texts = {name: t(f"form.{name}", lang) for name in PAGE_TEXTS}
    texts["why"] = t("conv.why", lang)
    totals = {name: t(f"form.totals.{name}", lang) for name in TOTAL_TEXTS}
    totals["note"] = t("form.totals.note", lang, share=f"{F.QUICK_SALE_RATE.value:.0%}")
    sections = [
        {
            "id": name,
            "title": t(f"form.section.{name}", lang),
            "fields": [field(Q.BY_ID[q], lang) for q in ids],
        }
        for name, ids in finform.SECTIONS
    ]
    return {"lang": lang, "texts": texts, "totals": totals, "sections": sections}


def field(q: Q.Question, lang: str) -> Json:
    """One field: the question's last paragraph as its label (the chat's lead-in before it is left
    out), the lines under that as its description, and its "why we ask" line."""
    question = plain(t(q.text_id, lang)).strip().split("\n\n")[-1]
    label, _, description = question.partition("\n")
    out: Json = {
        "id": q.id,
        "kind": q.kind.value,
        "label": label.strip(),
        "description": description.strip(),
        "why": plain(t(q.why_id, lang)),
        "short": t(q.label_id, lang),
        "per_month": q.per_month,
    }
    if q.kind is Q.Kind.CHOICE:
        out["options"] = [{"value": c.value, "label": t(q.option_id(c.value), lang)} for c in q.choices]
    if q.kind is Q.Kind.COUNT:
        out["min"], out["max"] = q.count_range
    return out


def error_text(q: Q.Question, error: ParseError, lang: str) -> str:
    """A field's refusal as the chat words it: what is wrong, then what is expected, with an example."""
    params = {k: format_money(v, lang) if isinstance(v, Decimal) else str(v) for k, v in error.params.items()}
    text = plain(t(error.msg_id, lang, **params))
    if error.msg_id.startswith("conv.err.") and q.kind in (Q.Kind.MONEY, Q.Kind.COUNT):
        text = f"{text} {plain(t(q.hint_id, lang))}"
    return text


def checked(reading: finform.FormReading, lang: str) -> Json:
    """What the page shows for what was typed so far: the fields that apply, each refusal, the totals."""
    errors = {qid: error_text(Q.BY_ID[qid], error, lang) for qid, error in reading.errors.items()}
    return {"shown": reading.shown, "errors": errors, "totals": totals(reading.answers, lang)}


def totals(answers: Answers, lang: str) -> Json | None:
    """The IRS's arithmetic on the figures so far; None until the monthly income is known."""
    fin = financials(answers)
    if fin is None:
        return None

    def money(value: Decimal) -> str:
        return format_money(whole(value), lang)

    expenses = [
        [t(f"form.line.{name}", lang), money(getattr(fin.expenses, name))]
        for name in EXPENSE_LINES
        if getattr(fin.expenses, name) or name == "national"
    ]
    owned = [
        [t(f"form.line.{key}", lang), money(getattr(fin.equity, name))]
        for name, key in EQUITY_LINES
        if getattr(fin.equity, name)
    ]
    return {
        "income": money(fin.income),
        "allowed": money(fin.expenses.total),
        "left": money(fin.disposable),
        "shortfall": fin.shortfall,
        "equity": money(fin.equity.total),
        "expense_lines": expenses,
        "equity_lines": owned,
    }


def page_text(key: str, lang: str) -> str:
    """A catalogue text as the page shows it: plain (the page sets it as text)."""
    return plain(t(key, lang))
