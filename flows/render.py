"""Turn a Plan into phone-readable messages (Telegram HTML and plain text).

Why the renderer owns formatting: the plan stores typed values (Decimal, date,
catalogue keys), and only here do we know the language. Catalogue texts are plain,
so every formatted sentence is passed through html.escape before the few tags we
add (<b> for program names, <i> for the disclaimer). That keeps anything that
came from a user harmless even if a later text quotes it.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from flows.catalogue import t
from flows.figures import OIC_PERIODIC_MONTHS
from flows.plan import Arg, Estimates, Msg, Plan, Recommendation
from flows.types import OutMessage

TELEGRAM_LIMIT = 4096
# Pack short blocks together up to this size: about one phone screen, well under Telegram's limit.
SOFT_LIMIT = 1800

_MONTHS_ES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
)
_MONTHS_EN = "January February March April May June July August September October November December".split()


def format_money(amount: Decimal, lang: str = "en") -> str:
    """$52,000 or $52,000.50: whole dollars when there are no cents.

    Spanish uses the same form: US Spanish (and the IRS's Spanish pages) write
    "$50,000" with a comma for thousands, and our readers compare it with their notices.
    """
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        body = f"{int(amount):,}"
    else:
        body = f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    return f"{sign}${body}"


def format_date(value: date, lang: str = "en") -> str:
    if lang == "es":
        return f"{value.day} de {_MONTHS_ES[value.month - 1]} de {value.year}"
    return f"{_MONTHS_EN[value.month - 1]} {value.day}, {value.year}"


_WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAYS_ES = "lunes martes miércoles jueves viernes sábado domingo".split()


def format_when(moment: datetime, lang: str = "en") -> str:
    """When the team is back, in the firm's time: "Monday, December 7 at 9:00 AM"."""
    if lang == "es":
        return f"el {_WEEKDAYS_ES[moment.weekday()]} {format_date(moment.date(), 'es')} a las {moment:%H:%M}"
    hour = moment.strftime("%I:%M %p").lstrip("0")
    return f"{_WEEKDAYS_EN[moment.weekday()]}, {format_date(moment.date(), 'en')} at {hour}"


def format_days_left(days: int, lang: str = "en") -> str:
    if days <= 0:
        return t("plan.days.today", lang)
    return t("plan.days", lang, days=days)


def _arg(value: Arg, lang: str) -> str:
    if value.money is not None:
        return format_money(value.money, lang)
    if value.day is not None:
        return format_date(value.day, lang)
    if value.number is not None:
        return str(value.number)
    if value.key is not None:
        return t(value.key, lang)
    return value.text or ""


def render_msg(message: Msg, lang: str = "en") -> str:
    """One catalogue message with its arguments, as plain text."""
    return t(message.id, lang, **{name: _arg(value, lang) for name, value in message.args.items()})


def estimate_lines(e: Estimates, lang: str) -> list[str]:
    """The numbers worth a line of their own; fees and direct debit are already said in the steps."""
    m = lambda value: format_money(value, lang)  # noqa: E731 - a local shorthand keeps the lines readable
    lines: list[str] = []
    if e.deadline is not None and e.days_left is not None:
        lines.append(
            t(
                "plan.est.deadline",
                lang,
                deadline=format_date(e.deadline, lang),
                days_left=format_days_left(e.days_left, lang),
            )
        )
    if e.penalty_savings is not None:
        if e.balance_after_relief is not None:
            lines.append(
                t("plan.est.penalty", lang, amount=m(e.penalty_savings), after=m(e.balance_after_relief))
            )
        else:
            lines.append(t("plan.est.penalty_only", lang, amount=m(e.penalty_savings)))
    if e.offer_lump_sum is not None:
        if e.low_income_waiver:
            lines.append(t("plan.est.offer_lump_waived", lang, amount=m(e.offer_lump_sum)))
        else:
            lines.append(
                t("plan.est.offer_lump", lang, amount=m(e.offer_lump_sum), down=m(e.down_payment or 0))
            )
    if e.offer_periodic is not None and e.offer_periodic_monthly is not None:
        lines.append(
            t(
                "plan.est.offer_periodic",
                lang,
                amount=m(e.offer_periodic),
                months=OIC_PERIODIC_MONTHS.value,
                monthly=m(e.offer_periodic_monthly),
            )
        )
    if e.monthly_payment is not None and e.offer_lump_sum is None:
        if e.months is not None:
            lines.append(t("plan.est.monthly", lang, monthly=m(e.monthly_payment), months=e.months))
        else:
            lines.append(t("plan.est.monthly_open", lang, monthly=m(e.monthly_payment)))
    return lines


def plan_block(n: int, rec: Recommendation, lang: str) -> tuple[str, str]:
    """One recommendation as (html, plain): title, why, numbers, steps."""
    name = t(f"plan.program.{rec.program.value}", lang)
    fit = t(f"plan.fit.{rec.fit.value}", lang)
    title_plain = f"{n}. {name} — {fit}"
    title_html = f"<b>{n}. {html.escape(name)}</b> — {html.escape(fit)}"
    body: list[str] = [t("plan.why", lang, reason=render_msg(rec.reason, lang))]
    if rec.blocker is not None:
        body.append(t("plan.why_not_yet", lang, blocker=render_msg(rec.blocker, lang)))
    body.extend(estimate_lines(rec.estimates, lang))
    steps = [f"• {render_msg(step, lang)}" for step in rec.next_steps]
    plain_parts = [title_plain, *body]
    html_parts = [title_html, *(html.escape(line) for line in body)]
    if steps:
        plain_parts.append(t("plan.steps", lang) + "\n" + "\n".join(steps))
        html_parts.append(
            html.escape(t("plan.steps", lang)) + "\n" + "\n".join(html.escape(s) for s in steps)
        )
    return "\n".join(html_parts), "\n".join(plain_parts)


def _header(plan: Plan, lang: str) -> tuple[str, str]:
    title = t("plan.title", lang)
    lines: list[str] = []
    if plan.urgent:
        if plan.deadline is not None and plan.days_left is not None:
            lines.append(
                t(
                    "plan.urgent_days",
                    lang,
                    days_left=format_days_left(plan.days_left, lang),
                    deadline=format_date(plan.deadline, lang),
                )
            )
        else:
            lines.append(t("plan.urgent", lang))
    lines.append(t("plan.intro", lang) if plan.recommendations else t("plan.nothing", lang))
    html_text = f"<b>{html.escape(title)}</b>\n" + "\n".join(html.escape(line) for line in lines)
    return html_text, title + "\n" + "\n".join(lines)


def split_message(html_text: str, plain_text: str, limit: int = TELEGRAM_LIMIT) -> list[tuple[str, str]]:
    """Split one oversized block at line breaks so each part stays under ``limit``.

    Lines of html and plain correspond one to one (the block builders guarantee it),
    so both forms split at the same places and tags never straddle a cut.
    """
    if len(html_text) < limit:
        return [(html_text, plain_text)]
    parts: list[tuple[str, str]] = []
    cur_h: list[str] = []
    cur_p: list[str] = []
    for line_h, line_p in zip(html_text.split("\n"), plain_text.split("\n"), strict=True):
        line_h, line_p = line_h[: limit - 1], line_p[: limit - 1]
        if cur_h and len("\n".join([*cur_h, line_h])) >= limit:
            parts.append(("\n".join(cur_h), "\n".join(cur_p)))
            cur_h, cur_p = [], []
        cur_h.append(line_h)
        cur_p.append(line_p)
    if cur_h:
        parts.append(("\n".join(cur_h), "\n".join(cur_p)))
    return parts


def render_plan(plan: Plan, lang: str = "en") -> list[OutMessage]:
    """The plan as Telegram messages: header, one block per recommendation, notes, then the disclaimer.

    Blocks are packed into messages of about one phone screen; none reaches 4096
    characters, and the last message always ends with the disclaimer line.
    """
    blocks = [_header(plan, lang)]
    blocks.extend(plan_block(i, rec, lang) for i, rec in enumerate(plan.recommendations, start=1))
    disclaimer = render_msg(plan.disclaimer, lang)
    tail_plain = [f"• {render_msg(note, lang)}" for note in plan.notes]
    tail_html = [html.escape(line) for line in tail_plain]
    notes_title = t("plan.notes", lang)
    if plan.notes:
        tail_plain = [notes_title, *tail_plain]
        tail_html = [f"<b>{html.escape(notes_title)}</b>", *tail_html]
    blocks.append(
        ("\n".join([*tail_html, f"<i>{html.escape(disclaimer)}</i>"]), "\n".join([*tail_plain, disclaimer]))
    )

    pieces = [part for h, p in blocks for part in split_message(h, p)]
    messages: list[OutMessage] = []
    cur_h, cur_p = "", ""
    for h, p in pieces:
        if cur_h and len(cur_h) + 2 + len(h) > SOFT_LIMIT:
            messages.append(OutMessage(html=cur_h, plain=cur_p, kind="result"))
            cur_h, cur_p = "", ""
        cur_h = f"{cur_h}\n\n{h}" if cur_h else h
        cur_p = f"{cur_p}\n\n{p}" if cur_p else p
    if cur_h:
        messages.append(OutMessage(html=cur_h, plain=cur_p, kind="result"))
    return messages


def plan_summary(plan: Plan, lang: str = "en") -> str:
    """Two plain lines for a staff card: urgency and the programs in order; balance and deadline."""
    names = [
        f"{t(f'plan.program.{r.program.value}', lang)} ({t(f'plan.fit.{r.fit.value}', lang)})"
        for r in plan.recommendations[:3]
    ]
    first = t(
        "plan.summary_programs",
        lang,
        urgent=t("plan.summary_urgent", lang) if plan.urgent else "",
        programs=" → ".join(names) if names else t("plan.summary_none", lang),
    )
    second: list[str] = []
    if plan.balance is not None:
        second.append(t("plan.summary_balance", lang, balance=format_money(plan.balance, lang)))
    if plan.deadline is not None and plan.days_left is not None:
        second.append(
            t(
                "plan.summary_deadline",
                lang,
                deadline=format_date(plan.deadline, lang),
                days_left=format_days_left(plan.days_left, lang),
            )
        )
    return first + "\n" + (" · ".join(second) if second else "—")
