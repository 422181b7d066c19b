"""The financial form: the money questions answered at once, read as the chat reads them.

Written from what a person sees: the form holds the questions the chat would ask them, refuses a
figure with the words the chat uses, shows a vehicle's loan only with a vehicle, adds up what the
IRS would allow, and a filled form leaves the conversation exactly where the same answers typed
one by one would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from flows import engine, finform, formview
from flows import questions as Q
from flows.answers import Answers
from flows.catalogue import t
from flows.messages import plain
from flows.types import FormFields, InputKind, Snapshot, StepResult, UserInput

TODAY = date(2026, 11, 20)

# Up to the money questions: $90,000, lost a job, nothing to pay each month (an offer is in play).
TO_THE_FORM = ["The IRS (federal)", "90000", "Personal (Form 1040)", "Yes", "CP14 (first bill)", "No",
               "None / $0", "No", "Yes", "No", "None / $0", "Lost my job", "Single", "No"]  # fmt: skip
# The money questions as a person answers them in the chat (button labels where there are buttons).
IN_CHAT = {
    "residence": "Lower 48 states or DC",
    "household_size": "2",
    "members_65": "1",
    "monthly_income": "4000",
    "expense_taxes": "200",
    "expense_housing": "1000",
    "vehicle_count": "1",
    "vehicle_payment": "250",
    "expense_transport": "300",
    "health_insurance": "None / $0",
    "expense_health": "100",
    "expense_court": "None / $0",
    "expense_other": "None / $0",
    "asset_cash": "500",
    "home_value": "150000",
    "home_loan": "140000",
    "vehicle_value": "3000",
    "vehicle_loan": "None / $0",
    "retirement_value": "None / $0",
    "other_assets": "None / $0",
}
# The same answers as the form sends them.
IN_FORM = {
    qid: {"Lower 48 states or DC": "contiguous", "None / $0": "0"}.get(v, v) for qid, v in IN_CHAT.items()
}


def reply(result: StepResult, text: str) -> StepResult:
    buttons = {b.label: b.value for m in result.messages for row in m.buttons for b in row}
    if text in buttons:
        ui = UserInput(InputKind.BUTTON, buttons[text], result.snapshot.step)
    else:
        ui = UserInput(InputKind.TEXT, text)
    after = engine.handle(result.snapshot, ui, TODAY)
    assert after.accepted, f"{result.snapshot.state}: {text!r} refused: {[m.plain for m in after.messages]}"
    return after


def at_the_form(lang: str = "en") -> StepResult:
    """At the first money question (a Spanish conversation answered the same way: only its language
    differs)."""
    result = engine.start("en")
    for text in TO_THE_FORM:
        result = reply(result, text)
    assert result.snapshot.state == finform.FIELDS[0] == "residence"
    if lang != "en":
        snapshot = result.snapshot.model_copy(update={"lang": lang})
        result = StepResult(snapshot, engine.current_prompt(snapshot), [], True)
    return result


def send_form(result: StepResult, values: dict[str, str], opened_at: int | None = None) -> StepResult:
    step = result.snapshot.step if opened_at is None else opened_at
    fields = FormFields(step, tuple(values.items()))
    return engine.handle(result.snapshot, UserInput.form_sent(fields), TODAY)


@dataclass
class Read:
    """A form read at the start of the money questions."""

    reading: finform.FormReading

    def error(self, qid: str) -> str | None:
        e = self.reading.errors.get(qid)
        return None if e is None else formview.error_text(Q.BY_ID[qid], e, "en")

    def value(self, qid: str) -> object:
        return getattr(self.reading.answers, Q.BY_ID[qid].field)


@pytest.fixture(scope="module")
def start() -> StepResult:
    return at_the_form()


def read(start: StepResult, **changes: str | None) -> Read:
    values = {k: v for k, v in {**IN_FORM, **changes}.items() if v is not None}
    answers = Answers.model_validate(start.snapshot.answers)
    return Read(finform.read(answers, start.snapshot.history, values, "en", TODAY))


def chat_refusal(start: StepResult, qid: str, text: str) -> str:
    """What the chat says to ``text`` typed at question ``qid`` (the answers before it as IN_CHAT's)."""
    result = start
    while result.snapshot.state != qid:
        result = reply(result, IN_CHAT[result.snapshot.state])
    refused = engine.handle(result.snapshot, UserInput(InputKind.TEXT, text), TODAY)
    assert not refused.accepted
    return " ".join(plain(refused.messages[0].html).split("\n"))


# ---------------------------------------------------------------- which questions it holds


def test_the_form_holds_exactly_the_money_questions_the_chat_would_ask_here(start: StepResult) -> None:
    answers = Answers.model_validate(start.snapshot.answers)
    everything_open = answers.model_copy(update={"vehicle_count": 1, "home_value": Decimal(1),
                                                 "vehicle_value": Decimal(1)})  # fmt: skip
    facts = Q.Facts(everything_open)
    here = {q.id for q in Q.QUESTIONS if q.relevant(facts)} - set(start.snapshot.history)
    assert set(finform.FIELDS) == here - {"earliest_year"}  # the tax years owed depend on the totals
    assert [qid for _, ids in finform.SECTIONS for qid in ids] == list(finform.FIELDS)  # sections in order


def test_outside_the_money_questions_no_field_applies() -> None:
    streamlined = engine.start("en")
    for text in ["The IRS (federal)", "30k", "Personal (Form 1040)", "yes", "CP14 (first bill)", "no", "0",
                 "No", "Yes", "No", "$600 a month"]:  # fmt: skip
        streamlined = reply(streamlined, text)
    answers = Answers.model_validate(streamlined.snapshot.answers)
    reading = finform.read(answers, streamlined.snapshot.history, IN_FORM, "en", TODAY)
    assert reading.shown == [] and reading.filled == [] and not reading.complete


def test_the_form_button_is_on_every_money_question_and_nowhere_else() -> None:
    result = engine.start("en")
    seen: dict[str, bool] = {}
    for text in TO_THE_FORM:
        seen[result.snapshot.state] = form_button(result)
        result = reply(result, text)
    while not result.finished:
        seen[result.snapshot.state] = form_button(result)
        result = reply(result, IN_CHAT[result.snapshot.state])
    assert {qid for qid, has in seen.items() if has} == set(seen) & set(finform.FIELDS)
    assert set(finform.FIELDS) <= set(seen)
    spanish = at_the_form("es")
    assert form_button(spanish) and "formulario" in label_of_form_button(spanish)


def form_button(result: StepResult) -> bool:
    found = [b for m in result.messages for row in m.buttons for b in row if b.web_app == finform.APP]
    assert len(found) <= 1
    return bool(found)


def label_of_form_button(result: StepResult) -> str:
    return next(b.label for m in result.messages for row in m.buttons for b in row if b.web_app)


# ---------------------------------------------------------------- reading the fields, at the limits


def test_a_complete_form_fills_every_question_it_shows(start: StepResult) -> None:
    r = read(start)
    assert r.reading.complete and r.reading.errors == {}
    assert r.reading.filled == list(finform.FIELDS) == r.reading.shown
    assert r.value("vehicle_payment") == Decimal(250) and r.value("members_65") == 1
    assert r.value("residence") == "contiguous"
    assert Answers.model_validate(start.snapshot.answers).monthly_income is None  # the caller's are untouched


@pytest.mark.parametrize(("size", "ok"), [("0", False), ("1", True), ("20", True), ("21", False)])
def test_household_size_from_one_to_twenty(start: StepResult, size: str, ok: bool) -> None:
    r = read(start, household_size=size, members_65="0")
    assert (r.error("household_size") is None) is ok
    if not ok:
        assert r.error("household_size") == chat_refusal(start, "household_size", size)


@pytest.mark.parametrize(("older", "ok"), [("0", True), ("2", True), ("3", False)])
def test_members_65_or_older_at_most_the_household(start: StepResult, older: str, ok: bool) -> None:
    r = read(start, household_size="2", members_65=older)
    assert (r.error("members_65") is None) is ok
    if not ok:
        assert r.error("members_65") == chat_refusal(start, "members_65", older)
        assert "between 0 and 2" in (r.error("members_65") or "")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0", Decimal(0)),
        ("$1,200.50", Decimal("1200.50")),
        ("52k", Decimal(52000)),
        ("100000000", Decimal(100000000)),
        ("100000001", None),  # over the most any reply may say
        ("-5", None),
        ("a lot", None),
        ("1" * 70, None),  # longer than any figure
    ],
)
def test_an_amount_is_read_as_the_chat_reads_it_and_refused_in_its_words(
    start: StepResult, typed: str, expected: Decimal | None
) -> None:
    r = read(start, expense_housing=typed)
    if expected is not None:
        assert r.error("expense_housing") is None and r.value("expense_housing") == expected
        return
    assert r.value("expense_housing") is None and "expense_housing" not in r.reading.filled
    if len(typed) < finform.MAX_FIELD_CHARS:
        assert r.error("expense_housing") == chat_refusal(start, "expense_housing", typed)
    else:
        assert r.error("expense_housing") == chat_refusal(start, "expense_housing", "a lot")


def test_an_empty_field_is_refused_and_says_to_type_zero(start: StepResult) -> None:
    r = read(start, expense_other=None)
    assert r.error("expense_other") == t("form.err.required", "en")
    assert "0" in (r.error("expense_other") or "")
    assert read(start, expense_other="   ").error("expense_other") == t("form.err.required", "en")


def test_a_choice_must_be_one_of_its_options(start: StepResult) -> None:
    assert read(start, residence="mars").error("residence") == t("conv.err.choice", "en")
    assert read(start, residence=None).error("residence") == "Please choose one."
    assert read(start, residence="Alaska").error("residence") is not None  # a label is not a value
    assert read(start, residence="alaska").value("residence") == "alaska"


def test_vehicle_questions_only_with_a_vehicle(start: StepResult) -> None:
    none = read(start, vehicle_count="0")
    for qid in ("vehicle_payment", "expense_transport", "vehicle_value", "vehicle_loan"):
        assert qid not in none.reading.shown and none.value(qid) is None  # sent, but it does not apply
    assert none.reading.complete
    one = read(start, vehicle_count="1", vehicle_payment=None)
    assert "vehicle_payment" in one.reading.shown
    assert one.error("vehicle_payment") == t("form.err.required", "en")


@pytest.mark.parametrize(("value", "asked"), [("0", False), ("1", True)])
def test_the_loans_only_with_something_to_borrow_against(start: StepResult, value: str, asked: bool) -> None:
    home = read(start, home_value=value, home_loan=None)
    assert ("home_loan" in home.reading.shown) is asked
    assert (home.error("home_loan") is not None) is asked
    car = read(start, vehicle_value=value, vehicle_loan=None)
    assert ("vehicle_loan" in car.reading.shown) is asked


def test_a_field_in_error_does_not_keep_an_answer_given_before(start: StepResult) -> None:
    typed = reply(start, "Lower 48 states or DC")
    typed = reply(typed, "3")  # household of 3, typed in the chat
    answers = Answers.model_validate(typed.snapshot.answers)
    values = {**IN_FORM, "household_size": "zero people"}
    reading = finform.read(answers, typed.snapshot.history, values, "en", TODAY)
    assert reading.answers.household_size is None and "household_size" not in reading.history
    assert finform.prefill(typed.snapshot) == {"residence": "contiguous", "household_size": "3"}


# ---------------------------------------------------------------- the whole conversation


def test_a_filled_form_leaves_the_conversation_where_the_chat_would(start: StepResult) -> None:
    by_chat = start
    while not by_chat.finished:
        by_chat = reply(by_chat, IN_CHAT[by_chat.snapshot.state])
    by_form = send_form(start, IN_FORM)
    assert by_form.accepted and by_form.finished
    assert by_form.snapshot.answers == by_chat.snapshot.answers
    assert sorted(by_form.snapshot.history) == sorted(by_chat.snapshot.history)
    assert by_form.plan == by_chat.plan
    assert by_form.snapshot.step == start.snapshot.step + 1
    note = by_form.messages[0]
    assert note.kind == "note" and note.plain.startswith("From your form:")
    assert "• Household size: 2" in note.plain and "• Mortgage left: $140,000" in note.plain
    assert by_form.messages[-1].kind == "result"
    kinds = [(e.kind, e.question_id) for e in by_form.events]
    assert ("form_used", "residence") in kinds and ("completed", None) in kinds
    assert {q for k, q in kinds if k == "answered"} == set(finform.FIELDS)


def test_the_form_can_leave_one_question_for_the_chat() -> None:
    # With $1,528 left each month and $2,900 of equity against $90,000, the tax years owed decide
    # whether the balance can be paid before the IRS's time to collect runs out: the chat asks that.
    start = at_the_form()
    values = {**IN_FORM, "monthly_income": "5000"}
    after = send_form(start, values)
    assert after.accepted and not after.finished
    assert after.snapshot.state == "earliest_year"
    assert after.messages[-1].question_id == "earliest_year"


def test_a_stale_form_is_refused_and_changes_nothing(start: StepResult) -> None:
    moved = reply(start, "Lower 48 states or DC")  # answered in the chat after the form was opened
    after = send_form(moved, IN_FORM, opened_at=start.snapshot.step)
    assert not after.accepted and after.snapshot == moved.snapshot
    assert after.messages[0].plain == t("form.refused.stale", "en")
    assert after.messages[1].question_id == "household_size"  # the question again, with a new form button
    assert [(e.kind, e.data) for e in after.events] == [("form_refused", {"reason": finform.STALE})]


def test_a_form_outside_the_money_questions_is_refused(start: StepResult) -> None:
    first = engine.start("en")
    early = send_form(first, IN_FORM)
    assert not early.accepted and early.messages[0].plain == t("form.refused.not_now", "en")
    done = send_form(start, IN_FORM)
    again = engine.handle(done.snapshot, UserInput.form_sent(FormFields(done.snapshot.step, ())), TODAY)
    assert not again.accepted and again.snapshot == done.snapshot
    assert again.messages[0].plain == t("form.refused.not_now", "en")


def test_a_form_with_a_bad_field_is_refused_whole(start: StepResult) -> None:
    after = send_form(start, {**IN_FORM, "monthly_income": "-3000"})
    assert not after.accepted and after.snapshot == start.snapshot
    assert after.messages[0].plain == t("form.refused.invalid", "en")


def test_a_typed_form_command_is_an_unknown_command(start: StepResult) -> None:
    after = engine.handle(start.snapshot, UserInput.command("form"), TODAY)
    assert not after.accepted and after.snapshot == start.snapshot


def test_a_form_sent_while_changing_an_answer_returns_to_the_review(start: StepResult) -> None:
    done = send_form(start, IN_FORM)
    review = engine.handle(done.snapshot, UserInput.command("review"), TODAY)
    change = engine.handle(
        review.snapshot, UserInput.pressed("change:monthly_income", review.snapshot.step), TODAY
    )
    assert change.snapshot.state == "monthly_income" and form_button(change)
    after = send_form(change, {**IN_FORM, "monthly_income": "2500"})
    assert after.accepted and after.snapshot.state == "review"
    assert after.snapshot.answers["monthly_income"] == "2500"
    assert ("changed", "monthly_income") in [(e.kind, e.question_id) for e in after.events]


def test_spanish_form_in_spanish() -> None:
    start = at_the_form("es")
    spec = formview.spec("es")
    income = next(f for s in spec["sections"] for f in s["fields"] if f["id"] == "monthly_income")
    assert income["label"] == plain(t("conv.q.monthly_income", "es")).split("\n")[0]
    assert income["why"] == t("conv.why.monthly_income", "es")
    answers = Answers.model_validate(start.snapshot.answers)
    reading = finform.read(answers, start.snapshot.history, {**IN_FORM, "expense_housing": "-1"}, "es", TODAY)
    assert formview.checked(reading, "es")["errors"]["expense_housing"].startswith(
        plain(t("conv.err.money.negative", "es"))
    )
    after = send_form(start, IN_FORM)
    assert after.messages[0].plain.startswith("De su formulario:")


def test_the_form_takes_the_questions_own_words() -> None:
    spec = formview.spec("en")
    fields = {f["id"]: f for s in spec["sections"] for f in s["fields"]}
    assert list(fields) == list(finform.FIELDS)
    # The chat's lead-in to the money questions is not a field's label; the question itself is.
    assert fields["household_size"]["label"] == "How many people live in your household, you included?"
    assert fields["monthly_income"]["description"].startswith("Wages, self-employment")
    for qid, f in fields.items():
        assert f["why"] == t(f"conv.why.{qid}", "en") and "<" not in f["label"] + f["description"]
    assert [o["value"] for o in fields["residence"]["options"]] == ["contiguous", "alaska", "hawaii"]
    assert (fields["household_size"]["min"], fields["household_size"]["max"]) == (1, 20)
    assert "80%" in spec["totals"]["note"]


# ---------------------------------------------------------------- the totals


def totals_for(start: StepResult, **changes: str) -> dict[str, object]:
    r = read(start, **changes)
    assert r.reading.complete, r.reading.errors
    out = formview.totals(r.reading.answers, "en")
    assert out is not None
    return out


def test_no_totals_before_the_income_is_known(start: StepResult) -> None:
    assert formview.totals(read(start, monthly_income=None).reading.answers, "en") is None


def test_what_is_left_each_month_is_income_minus_what_the_irs_allows(start: StepResult) -> None:
    base = totals_for(start)
    allowed = Decimal(str(base["allowed"]).strip("$").replace(",", ""))
    assert base["income"] == "$4,000" and not base["shortfall"]
    assert base["left"] == f"${4000 - allowed:,.0f}" == "$528"
    lines = dict(base["expense_lines"])  # type: ignore[arg-type]
    assert (
        "Food, clothing and other items (IRS figure)" in lines and lines["Housing and utilities"] == "$1,000"
    )
    # At the boundary: income that only just covers the allowed costs leaves nothing; a dollar more leaves $1.
    exact = totals_for(start, monthly_income=str(allowed))
    assert exact["left"] == "$0" and exact["shortfall"] is True
    above = totals_for(start, monthly_income=str(allowed + 1))
    assert above["left"] == "$1" and above["shortfall"] is False


def test_equity_counts_property_at_quick_sale_value_minus_what_is_owed(start: StepResult) -> None:
    # Home: 80% of $150,000 minus $140,000 left = $0 (under water); vehicle 80% of $3,000 = $2,400; cash $500.
    base = totals_for(start)
    assert base["equity"] == "$2,900"
    assert dict(base["equity_lines"]) == {"Cash and bank": "$500", "Vehicles": "$2,400"}  # type: ignore[arg-type]
    above_water = totals_for(start, home_loan="100000")
    assert above_water["equity"] == "$22,900"


def test_without_a_vehicle_the_public_transport_figure_is_allowed(start: StepResult) -> None:
    lines = dict(totals_for(start, vehicle_count="0")["expense_lines"])  # type: ignore[arg-type]
    assert "Public transport (IRS figure, without a vehicle)" in lines
    assert "Vehicle running costs" not in lines


def test_a_snapshot_is_what_the_form_is_checked_against() -> None:
    # refusal() reads only where the conversation is and what the form says of it.
    here = Snapshot(state="residence", step=7)
    assert finform.refusal(here, active=True, with_staff=False, opened_at=7) is None
    assert finform.refusal(here, active=True, with_staff=False, opened_at=None) is None
    assert finform.refusal(here, active=True, with_staff=False, opened_at=6) == finform.STALE
    assert finform.refusal(here, active=False, with_staff=False, opened_at=7) == finform.NOT_NOW
    assert finform.refusal(here, active=True, with_staff=True, opened_at=7) == finform.WITH_STAFF
    assert finform.refusal(Snapshot(state="done", step=7), active=True, with_staff=False, opened_at=7) == (
        finform.NOT_NOW
    )


def test_the_long_path_with_the_form_sends_less_and_ends_in_the_same_plan() -> None:
    from bench import lengths

    path = next(p for p in lengths.MAIN_PATHS if p.first.value == "oic_collectibility")
    chat, form = lengths.walk(path), lengths.walk_with_form(path)
    assert form.first == chat.first  # walk_with_form also checks the questions add up to the chat's
    assert form.form_fields == len([q for q in chat.questions if finform.in_block(q)]) == 19
    assert len(form.questions) == len(chat.questions) - form.form_fields
    assert form.sent == len(form.questions) + 1 < chat.sent and form.messages < chat.messages
    assert form.seconds < chat.seconds


def test_every_field_refuses_a_bad_figure_in_the_words_the_chat_uses_for_it(start: StepResult) -> None:
    bad = {Q.Kind.MONEY: "-5", Q.Kind.COUNT: "lots", Q.Kind.CHOICE: "mars"}
    result, checked = start, set()
    while result.snapshot.state in finform.FIELDS:
        qid = result.snapshot.state
        q = Q.BY_ID[qid]
        refused = engine.handle(result.snapshot, UserInput(InputKind.TEXT, bad[q.kind]), TODAY)
        in_chat = " ".join(plain(refused.messages[0].html).split("\n"))
        in_form = read(start, **{qid: bad[q.kind]}).error(qid)
        assert in_form is not None
        if q.kind is Q.Kind.CHOICE:
            assert in_chat.startswith(in_form)  # the chat adds how to tap its buttons
        else:
            assert in_form == in_chat, qid
        checked.add(qid)
        result = reply(result, IN_CHAT[qid])
    assert checked == set(finform.FIELDS)
