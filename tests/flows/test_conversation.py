"""Whole screenings, as a person would have them, and what they end with."""

from __future__ import annotations

from flows import planview
from flows.plan import Program

from .conftest import Chat

FEDERAL = ("debt_scope", "The IRS (federal)")
PERSONAL = ("taxpayer_kind", "Personal (Form 1040)")
LONG_TERM_OPEN = ["current_year", "in_bankruptcy", "monthly_payment", "hardship"]
FINANCIALS = [
    "residence",
    "household_size",
    "members_65",
    "monthly_income",
    "expense_taxes",
    "expense_housing",
    "vehicle_count",
    "vehicle_payment",
    "expense_transport",
    "health_insurance",
    "expense_health",
    "expense_court",
    "expense_other",
    "asset_cash",
    "home_value",
    "vehicle_value",
    "vehicle_loan",
    "retirement_value",
    "other_assets",
]
MODEST_FINANCES = [
    ("residence", "Lower 48 states or DC"),
    ("household_size", "1"),
    ("members_65", "0"),
    ("monthly_income", "$2,000"),
    ("expense_taxes", "None / $0"),
    ("expense_housing", "1200"),
    ("vehicle_count", "1"),
    ("vehicle_payment", "None / $0"),
    ("expense_transport", "300"),
    ("health_insurance", "None / $0"),
    ("expense_health", "100"),
    ("expense_court", "None / $0"),
    ("expense_other", "None / $0"),
    ("asset_cash", "500"),
    ("home_value", "None / $0"),
    ("vehicle_value", "3k"),
    ("vehicle_loan", "None / $0"),
    ("retirement_value", "None / $0"),
    ("other_assets", "None / $0"),
]


def short_term_payer(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "$8,000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "Yes"),
    )


def test_eight_thousand_payable_in_four_months_is_done_in_eight_questions(chat: Chat) -> None:
    assert chat.labels == ["The IRS (federal)", "My state only", "Both"]
    short_term_payer(chat)

    assert chat.asked == [
        "debt_scope",
        "balance",
        "taxpayer_kind",
        "all_returns_filed",
        "latest_letter",
        "disputes_amount",
        "penalty_amount",
        "can_pay_180",
    ]
    result = chat.result
    assert result.finished and chat.question == "done"
    assert result.plan.programs()[0] == Program.short_term_plan
    (summary,) = result.messages  # one message on a phone; the details are its buttons
    assert summary.html == planview.summary(result.plan, "en").html
    assert len(summary.plain) < planview.MAX_SUMMARY
    assert "Short-term payment plan" in chat.text
    assert [e.kind for e in result.events] == ["answered", "completed"]
    assert result.progress == (8, 8)
    assert chat.answers["balance"] == "8000"


def test_thirty_thousand_at_600_a_month_gets_a_streamlined_plan_without_the_budget_questions(
    chat: Chat,
) -> None:
    chat.script(
        FEDERAL,
        ("balance", "30k"),
        PERSONAL,
        ("all_returns_filed", "yes"),
        ("latest_letter", "CP14 (first bill)"),
        ("disputes_amount", "no"),
        ("penalty_amount", "0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "$600 a month"),
        ("hardship", "None of these"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
    )
    assert chat.result.finished
    assert chat.result.plan.programs()[0] == Program.streamlined_ia
    assert not set(FINANCIALS) & set(chat.asked), "600 x 72 covers 30k: the budget cannot change the plan"
    assert "letter_date" not in chat.asked, "a CP14 starts no deadline we count"


def test_fifty_thousand_with_twenty_thousand_penalties_tries_first_time_abatement_first(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "50,000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "CP501 / CP503 (reminder)"),
        ("disputes_amount", "No"),
        ("penalty_amount", "about 20 thousand"),
        ("prior_penalties", "No"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "1000"),
        ("hardship", "None of these"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
    )
    plan = chat.result.plan
    assert plan.programs()[0] == Program.first_time_abatement
    assert "reasonable_cause" not in chat.asked, "a clean history qualifies for FTA: no cause needed"
    assert chat.answers["penalty_amount"] == "20000"


def test_eighty_thousand_at_100_a_month_asks_the_financial_picture_and_offers_a_compromise(
    chat: Chat,
) -> None:
    chat.script(
        FEDERAL,
        ("balance", "80000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "CP504 (intent to levy)"),
        ("letter_date", "2 weeks ago"),
        ("levy_started", "No"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "100"),
        ("hardship", "None of these"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
        *MODEST_FINANCES,
    )
    assert chat.asked[-len(FINANCIALS) :] == FINANCIALS
    assert "home_loan" not in chat.asked, "no home, no mortgage question"
    assert Program.oic_collectibility in chat.result.plan.programs()
    assert chat.answers["letter_date"] == "2026-11-06"


def test_job_loss_with_no_money_left_over_leads_to_currently_not_collectible(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "15000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "CP14 (first bill)"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "nothing"),
        ("hardship", "Lost my job"),
        ("filing_status", "Head of household"),
        ("combat_zone", "No"),
        *[(q, "1400" if q == "expense_housing" else r) for q, r in MODEST_FINANCES],
    )
    assert chat.result.plan.programs()[0] == Program.cnc
    assert chat.answers["hardship"] == "job_loss"


def test_final_notice_ten_days_ago_puts_the_cdp_hearing_deadline_first(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "20000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "LT11 / 1058 / CP90 (final)"),
        ("letter_date", "10 days ago"),
        ("levy_started", "No"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "500"),
        ("hardship", "None of these"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
    )
    plan = chat.result.plan
    assert plan.urgent and plan.days_left == 20
    assert plan.programs()[0] == Program.cdp_hearing
    assert "12153" in chat.text


def test_state_only_debt_ends_after_the_first_question(chat: Chat) -> None:
    chat.answer("debt_scope", "My state only")
    assert chat.asked == ["debt_scope"]
    assert chat.result.finished
    assert chat.result.plan.programs() == [Program.state_only]
    assert chat.result.progress == (1, 1)


def test_unfiled_returns_come_before_any_payment_plan(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "20000"),
        PERSONAL,
        ("all_returns_filed", "No"),
        ("unfiled_years", "3"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "500"),
        ("hardship", "None of these"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
    )
    plan = chat.result.plan
    assert plan.programs()[0] == Program.file_returns
    assert chat.answers["unfiled_years"] == 3


def test_a_joint_return_debt_caused_by_the_ex_points_to_innocent_spouse_relief(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "40000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "CP14 (first bill)"),
        ("disputes_amount", "Yes"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "Yes"),
        ("filing_status", "Married filing jointly"),
        ("spouse_debt", "Yes"),
    )
    assert chat.result.plan.programs()[0] == Program.innocent_spouse
    assert "combat_zone" not in chat.asked


def test_payroll_debt_skips_the_personal_questions(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "20000"),
        ("taxpayer_kind", "Business payroll taxes"),
        ("business_open", "Yes"),
        ("all_returns_filed", "Yes"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "1000"),
        ("hardship", "None of these"),
    )
    assert chat.result.plan.programs()[:2] == [Program.trust_fund_penalty, Program.ibtf_express]
    assert not {"filing_status", "spouse_debt", "combat_zone"} & set(chat.asked)


def test_open_bankruptcy_skips_budget_and_hardship(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "60000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "Yes"),
    )
    assert chat.result.finished
    assert Program.bankruptcy in chat.result.plan.programs()


def test_a_whole_screening_in_spanish_with_typed_answers(chat_es: Chat) -> None:
    chat = chat_es
    assert "¿A quién le debe?" in chat.text
    chat.script(
        ("debt_scope", "1"),
        ("balance", "50 mil"),
        ("taxpayer_kind", "personal"),
        ("all_returns_filed", "sí"),
        ("latest_letter", "carta 1058"),
        ("letter_date", "hace 10 días"),
        ("levy_started", "no"),
        ("disputes_amount", "no"),
        ("penalty_amount", "No estoy seguro"),
        ("prior_penalties", "no sé"),
        ("reasonable_cause", "Ninguna de estas"),
    )
    assert chat.answers["balance"] == "50000"
    assert chat.answers["penalty_unknown"] is True
    assert "penalty_amount" not in chat.answers
    assert chat.question == "can_pay_180"
    assert "¿Podría pagar toda la deuda" in chat.text
    assert chat.labels == ["Sí", "No", "⬅ Atrás"]


def test_unfiled_returns_skip_the_money_questions_and_say_the_estimate_comes_after_filing(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "60000"),
        PERSONAL,
        ("all_returns_filed", "No"),
        ("unfiled_years", "2"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "No"),
        ("current_year", "Yes"),
        ("in_bankruptcy", "No"),
        ("monthly_payment", "None / $0"),
        ("hardship", "Lost my job"),
        ("filing_status", "Single"),
        ("combat_zone", "No"),
    )
    assert chat.result.finished
    assert not {"household_size", "monthly_income", "asset_cash", "home_value"} & set(chat.asked)
    plan = chat.result.plan
    assert plan.programs()[0] == Program.file_returns
    note, summary = chat.result.messages
    assert note.kind == "note" and "Once they are filed" in note.plain and "/restart" in note.plain
    assert summary.kind == "result"


def test_filed_returns_get_no_after_filing_note(chat: Chat) -> None:
    chat.script(
        FEDERAL,
        ("balance", "$8,000"),
        PERSONAL,
        ("all_returns_filed", "Yes"),
        ("latest_letter", "No letter yet"),
        ("disputes_amount", "No"),
        ("penalty_amount", "None / $0"),
        ("can_pay_180", "Yes"),
    )
    assert [m.kind for m in chat.result.messages] == ["result"]
