"""The plan as a person reads it on a phone: one short summary first, the details on demand.

Why not the whole plan at once: a full plan is two or three long messages, and on a phone
the first thing that matters (what to do first, the deadline, what it may cost) scrolls out
of sight under the rest. The summary names the first step, the routes that fit what the
person told us, the main estimate and the deadline, in about one screen; each program's
details, the other options and the notes are one tap away (``cmd:details:<n>``,
``cmd:options``, ``cmd:notes``), answered in the done state without changing anything.

Which routes are "the ones that fit": what the rules call likely, and anything urgent;
what is only possible, or blocked for now, waits under "Other options".
"""

from __future__ import annotations

import html

from flows.catalogue import t
from flows.messages import plain
from flows.plan import Fit, Plan, Recommendation
from flows.render import estimate_lines, format_date, format_days_left, plan_block, render_msg, split_message
from flows.types import Button, OutMessage

DETAILS = "details"
OPTIONS = "options"
NOTES = "notes"
ON_DEMAND = frozenset({DETAILS, OPTIONS, NOTES})
MAX_SUMMARY = 600  # about one phone screen
MAX_MESSAGE = 1000  # any plan message
MAX_MAIN = 3


def numbered(plan: Plan) -> list[tuple[int, Recommendation]]:
    return list(enumerate(plan.recommendations, start=1))


def main_routes(plan: Plan) -> list[tuple[int, Recommendation]]:
    """What fits what the person said: the urgent steps and the likely routes, in the plan's order."""
    fitting = [(n, r) for n, r in numbered(plan) if r.urgent or r.fit is Fit.likely]
    return (fitting or numbered(plan)[:2])[:MAX_MAIN]


def other_routes(plan: Plan) -> list[tuple[int, Recommendation]]:
    shown = {n for n, _ in main_routes(plan)}
    return [(n, r) for n, r in numbered(plan) if n not in shown]


def name_of(rec: Recommendation, lang: str) -> str:
    return t(f"plan.program.{rec.program.value}", lang)


def summary(plan: Plan, lang: str) -> OutMessage:
    """The plan in one message: urgency, the routes that fit, the main estimate, the first step."""
    lines = [f"<b>{html.escape(t('plan.title', lang))}</b>"]
    if plan.urgent and plan.deadline is not None and plan.days_left is not None:
        urgent = t(
            "plan.urgent_days",
            lang,
            days_left=format_days_left(plan.days_left, lang),
            deadline=format_date(plan.deadline, lang),
        )
        lines.append(f"<b>{html.escape(urgent)}</b>")
    elif plan.urgent:
        lines.append(f"<b>{html.escape(t('plan.urgent', lang))}</b>")
    main = main_routes(plan)
    if not main:
        lines.append(html.escape(t("plan.nothing", lang)))
    for n, rec in main:
        fit = "" if rec.fit is Fit.likely else f" ({t(f'plan.fit.{rec.fit.value}', lang)})"
        lines.append(f"{n}. <b>{html.escape(name_of(rec, lang))}</b>{html.escape(fit)}")
    estimate = next(
        (estimate_lines(r.estimates, lang) for _, r in main if estimate_lines(r.estimates, lang)), []
    )
    if estimate:
        lines.append(html.escape(estimate[0]))
    first = next((r.next_steps[0] for _, r in main if r.next_steps), None)
    if first is not None:
        step = html.escape(render_msg(first, lang))
        lines.append(f"<b>{html.escape(t('plan.view.first_step', lang))}</b> {step}")
    lines.append(f"<i>{html.escape(t('plan.view.disclaimer', lang))}</i>")
    text = "\n".join(lines)
    return OutMessage(html=text, plain=plain(text), buttons=summary_buttons(plan, lang), kind="result")


def summary_buttons(plan: Plan, lang: str) -> tuple[tuple[Button, ...], ...]:
    details = [
        Button(t("plan.view.details", lang, n=n, name=name_of(rec, lang)), f"cmd:{DETAILS}:{n}")
        for n, rec in main_routes(plan)
    ]
    rows: list[tuple[Button, ...]] = [(button,) for button in details]
    more: list[Button] = []
    others = other_routes(plan)
    if others:
        more.append(Button(t("plan.view.other_options", lang, count=len(others)), f"cmd:{OPTIONS}"))
    if plan.notes:
        more.append(Button(t("plan.view.notes_button", lang), f"cmd:{NOTES}"))
    if more:
        rows.append(tuple(more))
    return tuple(rows)


def details(plan: Plan, n: int, lang: str) -> list[OutMessage]:
    """One program as the full plan shows it: why, the numbers, the steps; split to fit a phone."""
    recs = dict(numbered(plan))
    if n not in recs:
        return []
    html_text, plain_text = plan_block(n, recs[n], lang)
    return [
        OutMessage(html=h, plain=p, kind="result")
        for h, p in split_message(html_text, plain_text, MAX_MESSAGE)
    ]


def options(plan: Plan, lang: str) -> list[OutMessage]:
    """The other routes, one line each, with their details one tap away."""
    others = other_routes(plan)
    if not others:
        return []
    lines = [f"<b>{html.escape(t('plan.view.other_title', lang))}</b>"]
    buttons: list[tuple[Button, ...]] = []
    for n, rec in others:
        fit = t(f"plan.fit.{rec.fit.value}", lang)
        lines.append(f"{n}. {html.escape(name_of(rec, lang))} ({html.escape(fit)})")
        buttons.append(
            (Button(t("plan.view.details", lang, n=n, name=name_of(rec, lang)), f"cmd:{DETAILS}:{n}"),)
        )
    text = "\n".join(lines)
    return [OutMessage(html=text, plain=plain(text), buttons=tuple(buttons), kind="result")]


def notes(plan: Plan, lang: str) -> list[OutMessage]:
    """ "Good to know" and the full disclaimer."""
    lines = [f"<b>{html.escape(t('plan.notes', lang))}</b>"]
    lines += [f"• {html.escape(render_msg(note, lang))}" for note in plan.notes]
    lines.append(f"<i>{html.escape(render_msg(plan.disclaimer, lang))}</i>")
    text = "\n".join(lines)
    return [
        OutMessage(html=h, plain=p, kind="result") for h, p in split_message(text, plain(text), MAX_MESSAGE)
    ]


def on_demand(plan: Plan, command: str, lang: str) -> list[OutMessage]:
    """What a summary button shows: "details:<n>", "options" or "notes"; nothing for anything else."""
    name, _, arg = command.partition(":")
    if name == DETAILS and arg.isdecimal() and arg.isascii():
        return details(plan, int(arg), lang)
    if name == OPTIONS:
        return options(plan, lang)
    if name == NOTES:
        return notes(plan, lang)
    return []
