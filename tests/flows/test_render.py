"""The plan as a person reads it on a phone: Telegram-safe HTML, short messages, both languages."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest

from flows.answers import Answers, Hardship, Letter, Residence
from flows.assessment import assess
from flows.catalogue import keys, t, templates
from flows.plan import Fit, Msg, Plan, Program, Recommendation, text
from flows.render import (
    TELEGRAM_LIMIT,
    format_date,
    format_days_left,
    format_money,
    plan_summary,
    render_plan,
)

TODAY = date(2026, 3, 16)
D = Decimal
ALLOWED_TAGS = {"b", "i", "code", "a"}
TAG = re.compile(r"<(/?)([a-zA-Z]+)[^>]*>")

ANSWERS = {
    "deadline and penalties": Answers(
        debt_scope="federal",
        all_returns_filed=True,
        balance=D(50000),
        penalty_amount=D(20000),
        prior_penalties=False,
        can_pay_in_180_days=False,
        monthly_payment=D(700),
        latest_letter=Letter.FINAL_NOTICE,
        letter_date=TODAY - timedelta(days=18),
    ),
    "offer": Answers(
        debt_scope="both",
        all_returns_filed=True,
        current_year_compliant=True,
        balance=D(80000),
        monthly_payment=D(500),
        can_pay_in_180_days=False,
        household_size=1,
        residence=Residence.CONTIGUOUS,
        monthly_income=D(4000),
        expense_housing=D(1800),
        expense_transport=D(400),
        expense_other=D(534),
        home_value=D(200000),
        home_loan=D(151000),
        hardship=Hardship.MEDICAL,
    ),
    "state only": Answers(debt_scope="state", balance=D(9000)),
    "blocked": Answers(debt_scope="federal", all_returns_filed=False, balance=D(15000), penalty_unknown=True),
}


def check_html(html_text: str) -> None:
    """Only Telegram's tags, properly nested and closed; every other '<' or '&' escaped."""
    stack: list[str] = []
    for match in TAG.finditer(html_text):
        closing, name = match.group(1) == "/", match.group(2).lower()
        assert name in ALLOWED_TAGS, f"tag <{name}> not allowed"
        if closing:
            assert stack and stack[-1] == name, f"unbalanced </{name}>"
            stack.pop()
        else:
            stack.append(name)
    assert not stack, f"unclosed {stack}"
    stripped = TAG.sub("", html_text)
    assert "<" not in stripped and ">" not in stripped
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#x27;)", stripped)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("case", list(ANSWERS))
def test_messages_are_telegram_safe_and_end_with_the_disclaimer(case: str, lang: str) -> None:
    messages = render_plan(assess(ANSWERS[case], TODAY), lang)
    assert messages
    for m in messages:
        assert m.kind == "result"
        assert 0 < len(m.html) < TELEGRAM_LIMIT and 0 < len(m.plain) < TELEGRAM_LIMIT
        check_html(m.html)
    disclaimer = t("plan.disclaimer", lang)
    assert messages[-1].plain.rstrip().splitlines()[-1] == disclaimer
    assert messages[-1].html.rstrip().endswith(f"<i>{disclaimer}</i>")
    assert all(disclaimer not in m.plain for m in messages[:-1])


def test_programs_in_bold_with_amounts_and_deadline() -> None:
    messages = render_plan(assess(ANSWERS["deadline and penalties"], TODAY), "en")
    html_all = "\n".join(m.html for m in messages)
    plain_all = "\n".join(m.plain for m in messages)
    assert "<b>1. Collection Due Process hearing</b>" in html_all
    assert "<b>2. First-time penalty abatement</b>" in html_all
    assert "$20,000" in plain_all and "$50,000" in plain_all
    assert "March 28, 2026 (12 days left)" in plain_all
    assert "<b>" not in plain_all


def test_spanish_renders_in_spanish() -> None:
    plain = "\n".join(m.plain for m in render_plan(assess(ANSWERS["deadline and penalties"], TODAY), "es"))
    assert "Audiencia del debido proceso de cobro" in plain
    assert "28 de marzo de 2026 (quedan 12 días)" in plain
    assert "Next steps" not in plain and "Próximos pasos" in plain


def test_spanish_covers_every_english_key_and_placeholder() -> None:
    english = {k for k in keys("en") if k.startswith("plan.")}
    spanish = {k for k in keys("es") if k.startswith("plan.")}
    assert english <= spanish
    field = re.compile(r"\{(\w+)\}")
    for k in english:
        en = set().union(*(field.findall(form) for form in templates("en")[k]))
        es = set().union(*(field.findall(form) for form in templates("es")[k]))
        assert en == es, k


def test_user_derived_text_is_escaped() -> None:
    """Nothing in a plan comes from free text today, but a text argument must never inject markup."""
    rec = Recommendation(
        program=Program.state_only,
        fit=Fit.blocked,
        reason=Msg(id="plan.step.call", args={"phone": text("<script>&")}),
        blocker=Msg(id="plan.blocker.state_only"),
    )
    messages = render_plan(Plan(assessed_on=TODAY, recommendations=[rec]), "en")
    joined = "\n".join(m.html for m in messages)
    assert "&lt;script&gt;&amp;" in joined and "<script>" not in joined
    assert "<script>&" in "\n".join(m.plain for m in messages)


def test_long_plans_are_split_under_the_limit() -> None:
    long_reason = Msg(id="plan.step.call", args={"phone": text("x" * 3000)})
    recs = [Recommendation(program=p, fit=Fit.possible, reason=long_reason) for p in list(Program)[:6]]
    messages = render_plan(Plan(assessed_on=TODAY, recommendations=recs), "en")
    assert len(messages) >= 6
    for m in messages:
        assert len(m.html) < TELEGRAM_LIMIT
        check_html(m.html)
    assert messages[-1].plain.splitlines()[-1] == t("plan.disclaimer", "en")


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (D(52000), "$52,000"),
        (D("52000.5"), "$52,000.50"),
        (D(0), "$0"),
        (D(205), "$205"),
        (D("1234567.891"), "$1,234,567.89"),
        (D(-15), "-$15"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_format_money(amount: Decimal, expected: str, lang: str) -> None:
    assert format_money(amount, lang) == expected


def test_dates_and_days_left() -> None:
    assert format_date(date(2026, 4, 3), "en") == "April 3, 2026"
    assert format_date(date(2026, 4, 3), "es") == "3 de abril de 2026"
    assert format_days_left(0, "en") == "today is the last day"
    assert format_days_left(1, "en") == "1 day left"
    assert format_days_left(12, "es") == "quedan 12 días"


def test_summary_is_two_lines_for_the_staff_card() -> None:
    plan = assess(ANSWERS["deadline and penalties"], TODAY)
    lines = plan_summary(plan, "en").splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("URGENT: Collection Due Process hearing")
    assert "Balance $50,000" in lines[1] and "12 days left" in lines[1]
    assert len(plan_summary(plan, "es").splitlines()) == 2
