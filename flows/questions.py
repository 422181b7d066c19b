"""The screening questions: what each one fills, how its answer is read, and when it matters.

Why one ordered table instead of branches spread over handlers: the order *is*
the conversation, and each question's relevance predicate reads only answers to
questions *earlier* in the table. That single rule makes everything else simple:
the next question is the first relevant unanswered one, "back" and "change"
never leave a hole, and one pass in table order drops every answer that a change
made irrelevant (so it cannot reach the assessment).

Ask only what can still change the outcome: someone who can clear a small
balance within 180 days never sees the long-term questions (bankruptcy, monthly
budget, hardship, spouse, combat zone), and the financial picture is asked only
when flows.assessment.needs_financials() says it can change the plan. Inside it,
each line the IRS's arithmetic needs is asked only where it counts: the car
loan and running costs only with a vehicle, the tax years owed only when the
months left to the collection statute can decide the full-pay test
(flows.assessment.statute_matters()). The guaranteed plan's five-year history
is asked only when that plan fits what the person can pay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from itertools import compress
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from flows import figures as F
from flows.answers import Answers, DebtScope, FilingStatus, Letter, TaxpayerKind
from flows.assessment import needs_financials, statute_matters
from flows.parsing import (
    MONEY_MAX,
    ChoiceOption,
    ParseError,
    is_unsure,
    parse_choice,
    parse_count,
    parse_date,
    parse_money,
    parse_yes_no,
)
from flows.sentences import count_in, date_in, money_in, year_in, yes_no_in


class Kind(StrEnum):
    CHOICE = "choice"
    YES_NO = "yes_no"
    MONEY = "money"
    COUNT = "count"
    DATE = "date"
    YEAR = "year"  # a tax year, from YEARS_BACK years ago to this year


YEARS_BACK = 30  # a tax year owed further back is a typo (its collection statute ran out long ago)
UNSURE = "unsure"  # button value for "Not sure"
ZERO = "0"  # button value for "None / $0"
YES = "yes"
NO = "no"


@dataclass(frozen=True)
class Choice:
    value: str  # the stored enum value; also the button value, so keep it short ASCII
    aliases: tuple[str, ...] = ()  # extra typed forms ("lt11", "1058"), any language


Predicate = Callable[["Facts"], bool]


def _always(_: Facts) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    id: str  # short ASCII: it travels in "change:<id>" button values (<= 17 chars)
    kind: Kind
    field: str  # the Answers field it fills
    relevant: Predicate = _always
    choices: tuple[Choice, ...] = ()
    unsure: bool = False  # offer "Not sure" (stored as None / penalty_unknown)
    zero_button: bool = False  # offer "None / $0"
    min_money: Decimal = Decimal(0)
    count_range: tuple[int, int] = (0, 0)
    extra_fields: tuple[str, ...] = ()  # other Answers fields this question owns (cleared with it)
    per_month: bool = False  # a monthly amount: a confirmation says "$600 a month"

    @property
    def text_id(self) -> str:
        return f"conv.q.{self.id}"

    @property
    def label_id(self) -> str:
        return f"conv.label.{self.id}"

    @property
    def why_id(self) -> str:
        """One line under the question saying what the answer changes in the plan."""
        return f"conv.why.{self.id}"

    @property
    def hint_id(self) -> str:
        return f"conv.hint.{self.kind.value}"

    def option_id(self, value: str) -> str:
        return f"conv.opt.{self.id}.{value}"

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field, *self.extra_fields)

    def text_ids(self) -> list[str]:
        """Every catalogue id this question uses; the catalogue test checks they exist."""
        ids = [self.text_id, self.why_id, self.label_id, self.hint_id]
        ids += [self.option_id(c.value) for c in self.choices]
        return ids


# ---------------------------------------------------------------- relevance predicates
# Each reads only fields of questions earlier in QUESTIONS (see the module docstring).

LEVY_LETTERS = frozenset({Letter.CP504, Letter.FINAL_NOTICE, Letter.LIEN_3172, Letter.CP523})
# Letters whose deadline runs from the letter's date (irs-rules.md §5); CP14/CP501/CP503 carry
# none that we count, so their date is not asked.
DEADLINE_LETTERS = LEVY_LETTERS | {Letter.CP2000}


class Facts:
    """What the relevance predicates read: the answers, and the facts that follow from them.

    Why not plain functions of Answers: these facts build on each other and most
    questions depend on them, so judging the whole table would work `federal` out
    dozens of times. Here each is worked out once per state of the answers. A Facts
    describes the answers as they were when it was built, so build a new one after
    any change to them (settle() does) rather than keeping one across a change.
    """

    __slots__ = (
        "answers",
        "federal",
        "short_term_possible",
        "long_term",
        "long_term_open",
        "has_penalties",
        "personal",
        "business",
        "financials",
    )

    def __init__(self, a: Answers) -> None:
        self.answers = a
        self.federal = a.debt_scope in (DebtScope.FEDERAL, DebtScope.BOTH)
        # The short-term plan exists only under the balance limit, so the 180-day question only asks there.
        self.short_term_possible = (
            self.federal and a.balance is not None and a.balance < F.SHORT_TERM_LIMIT.value
        )
        # A long-term plan, OIC or CNC is in play: the person cannot clear the debt within 180 days.
        self.long_term = self.federal and not (self.short_term_possible and a.can_pay_in_180_days is True)
        # Long-term and not in bankruptcy: an open bankruptcy stays collection, so budgets are moot.
        self.long_term_open = self.long_term and a.in_bankruptcy is not True
        self.has_penalties = self.federal and (
            a.penalty_unknown is True or (a.penalty_amount is not None and a.penalty_amount > 0)
        )
        self.personal = self.federal and a.taxpayer_kind == TaxpayerKind.PERSONAL
        self.business = self.federal and a.taxpayer_kind in (
            TaxpayerKind.PAYROLL,
            TaxpayerKind.BUSINESS_OTHER,
        )
        self.financials = self.long_term_open and needs_financials(a)


# The facts that are a question's whole relevance, named so the table below reads as before.


def federal(f: Facts) -> bool:
    return f.federal


def short_term_possible(f: Facts) -> bool:
    return f.short_term_possible


def long_term(f: Facts) -> bool:
    return f.long_term


def long_term_open(f: Facts) -> bool:
    return f.long_term_open


def has_penalties(f: Facts) -> bool:
    return f.has_penalties


def financials(f: Facts) -> bool:
    return f.financials


def has_vehicle(f: Facts) -> bool:
    return f.financials and bool(f.answers.vehicle_count)


def guaranteed_plan_in_play(f: Facts) -> bool:
    """The guaranteed plan (IRC 6159(c)) fits what they can pay: only its 5-year history is open."""
    a = f.answers
    if not (f.personal and f.long_term_open and a.all_returns_filed is True):
        return False
    if a.balance is None or a.monthly_payment is None:
        return False
    tax = a.balance - (a.penalty_amount or 0)
    return (
        tax <= F.GUARANTEED_IA_TAX_LIMIT.value
        and a.monthly_payment * F.GUARANTEED_IA_MONTHS.value >= a.balance
    )


def statute_in_play(f: Facts) -> bool:
    return f.financials and statute_matters(f.answers)


def financials_wait_on_filing(answers: Answers) -> bool:
    """The financial block was skipped only because returns are unfiled: had they been filed, it
    would have been asked. The plan then says the estimate can come after filing."""
    if answers.all_returns_filed is not False:
        return False
    return Facts(answers.model_copy(update={"all_returns_filed": True})).financials


# ---------------------------------------------------------------- the table

_yes_no = Kind.YES_NO
_money = Kind.MONEY


QUESTIONS: tuple[Question, ...] = (
    # The debt
    Question(
        "debt_scope",
        Kind.CHOICE,
        "debt_scope",
        choices=(
            Choice("federal", ("federal", "irs", "federal only", "solo federal")),
            Choice("state", ("state", "state only", "estatal", "solo estatal", "estado")),
            Choice("both", ("ambos", "ambas", "federal and state", "federal y estatal")),
        ),
    ),
    Question("balance", _money, "balance", federal, min_money=Decimal("0.01")),
    Question(
        "taxpayer_kind",
        Kind.CHOICE,
        "taxpayer_kind",
        federal,
        choices=(
            Choice("personal", ("1040", "individual", "me", "mine", "mio", "yo")),
            Choice("payroll", ("941", "payroll tax", "employment tax", "nomina", "empleados")),
            Choice("business_other", ("business", "negocio", "empresa", "other business")),
        ),
    ),
    # A closed business is treated as an individual; an operating one gets the business plans.
    Question("business_open", _yes_no, "business_operating", lambda f: f.business),
    # Filing and compliance
    Question("all_returns_filed", _yes_no, "all_returns_filed", federal),
    Question(
        "unfiled_years",
        Kind.COUNT,
        "unfiled_years",
        lambda f: f.federal and f.answers.all_returns_filed is False,
        count_range=(1, 30),
    ),
    # Urgency
    Question(
        "latest_letter",
        Kind.CHOICE,
        "latest_letter",
        federal,
        choices=(
            Choice(Letter.NONE.value, ("none", "no", "ninguna", "ninguno", "nothing", "nada")),
            Choice(Letter.CP14.value, ("cp14", "cp 14")),
            Choice(Letter.CP501_503.value, ("cp501", "cp503", "cp 501", "cp 503")),
            Choice(Letter.CP504.value, ("cp504", "cp 504", "intent to levy")),
            Choice(
                Letter.FINAL_NOTICE.value,
                (
                    "lt11",
                    "lt 11",
                    "1058",
                    "letter 1058",
                    "carta 1058",
                    "cp90",
                    "cp 90",
                    "cp297",
                    "final notice",
                ),
            ),
            Choice(Letter.LIEN_3172.value, ("3172", "letter 3172", "carta 3172", "lien", "gravamen")),
            Choice(Letter.CP523.value, ("cp523", "cp 523")),
            Choice(Letter.CP2000.value, ("cp2000", "cp 2000")),
        ),
    ),
    Question(
        "letter_date",
        Kind.DATE,
        "letter_date",
        lambda f: f.federal and f.answers.latest_letter in DEADLINE_LETTERS,
    ),
    Question(
        "levy_started",
        _yes_no,
        "levy_started",
        lambda f: f.federal and f.answers.latest_letter in LEVY_LETTERS,
    ),
    # Liability
    Question("disputes_amount", _yes_no, "disputes_amount", federal),
    # Penalties
    Question(
        "penalty_amount",
        _money,
        "penalty_amount",
        federal,
        unsure=True,
        zero_button=True,
        extra_fields=("penalty_unknown",),
    ),
    Question("prior_penalties", _yes_no, "prior_penalties", has_penalties, unsure=True),
    Question(
        "reasonable_cause",
        Kind.CHOICE,
        "reasonable_cause",
        # First-Time Abatement is tried first; a cause only matters when it may not apply.
        lambda f: (
            f.has_penalties
            and (f.answers.prior_penalties is not False or f.answers.all_returns_filed is False)
        ),
        choices=(
            Choice("illness", ("sick", "illness", "enfermedad", "enfermo", "enferma")),
            Choice("death", ("death", "muerte", "fallecimiento")),
            Choice("disaster", ("fire", "flood", "hurricane", "incendio", "inundacion", "huracan")),
            Choice("records_lost", ("records", "documents", "registros", "documentos")),
            Choice("none", ("no", "nothing", "nada", "ninguno", "ninguna")),
        ),
    ),
    # Ability to pay
    Question("can_pay_180", _yes_no, "can_pay_in_180_days", short_term_possible),
    Question("current_year", _yes_no, "current_year_compliant", long_term, unsure=True),
    Question("in_bankruptcy", _yes_no, "in_bankruptcy", long_term),
    Question("monthly_payment", _money, "monthly_payment", long_term_open, zero_button=True, per_month=True),
    Question("prior_plans", _yes_no, "prior_plan_or_late", guaranteed_plan_in_play, unsure=True),
    Question(
        "hardship",
        Kind.CHOICE,
        "hardship",
        long_term_open,
        choices=(
            Choice("job_loss", ("unemployed", "laid off", "desempleo", "desempleado", "sin trabajo")),
            Choice("medical", ("medical", "illness", "medico", "enfermedad")),
            Choice("divorce", ("divorce", "separation", "divorcio", "separacion")),
            Choice("disaster", ("disaster", "fire", "flood", "desastre", "incendio")),
            Choice("fixed_income", ("retired", "social security", "pension", "jubilado", "jubilada")),
            Choice("none", ("no", "nothing", "nada", "ninguno", "ninguna")),
        ),
    ),
    # Special situations (short, and they can remove the debt: before the long financial block)
    Question(
        "filing_status",
        Kind.CHOICE,
        "filing_status",
        lambda f: (
            f.personal
            and f.answers.in_bankruptcy is not True
            and (f.long_term or f.answers.disputes_amount is True)
        ),
        choices=(
            Choice(FilingStatus.SINGLE.value, ("single", "soltero", "soltera")),
            Choice(FilingStatus.MARRIED_JOINT.value, ("joint", "jointly", "mfj", "conjunta", "juntos")),
            Choice(
                FilingStatus.MARRIED_SEPARATE.value, ("separate", "separately", "mfs", "separado", "separada")
            ),
            Choice(FilingStatus.HEAD_OF_HOUSEHOLD.value, ("hoh", "head of household", "cabeza de familia")),
        ),
    ),
    Question(
        "spouse_debt",
        _yes_no,
        "spouse_caused_debt",
        lambda f: f.personal and f.answers.filing_status == FilingStatus.MARRIED_JOINT,
        unsure=True,
    ),
    Question("combat_zone", _yes_no, "combat_zone", lambda f: f.personal and f.long_term_open),
    # Financial picture (OIC / partial-payment plan / CNC in play)
    Question(
        "residence",
        Kind.CHOICE,
        "residence",
        financials,
        choices=(
            Choice("contiguous", ("48", "lower 48", "mainland", "dc", "continental", "otro estado")),
            Choice("alaska", ("ak",)),
            Choice("hawaii", ("hi",)),
        ),
    ),
    Question("household_size", Kind.COUNT, "household_size", financials, count_range=(1, 20)),
    Question("members_65", Kind.COUNT, "members_65_plus", financials, count_range=(0, 20)),
    Question("monthly_income", _money, "monthly_income", financials, zero_button=True, per_month=True),
    Question("expense_taxes", _money, "expense_taxes", financials, zero_button=True, per_month=True),
    Question("expense_housing", _money, "expense_housing", financials, zero_button=True, per_month=True),
    Question("vehicle_count", Kind.COUNT, "vehicle_count", financials, count_range=(0, 10)),
    Question("vehicle_payment", _money, "vehicle_payment", has_vehicle, zero_button=True, per_month=True),
    Question("expense_transport", _money, "expense_transport", has_vehicle, zero_button=True, per_month=True),
    Question("health_insurance", _money, "health_insurance", financials, zero_button=True, per_month=True),
    Question("expense_health", _money, "expense_health", financials, zero_button=True, per_month=True),
    Question("expense_court", _money, "expense_court_ordered", financials, zero_button=True, per_month=True),
    Question("expense_other", _money, "expense_other", financials, zero_button=True, per_month=True),
    Question("asset_cash", _money, "asset_cash", financials, zero_button=True),
    Question("home_value", _money, "home_value", financials, zero_button=True),
    Question(
        "home_loan",
        _money,
        "home_loan",
        lambda f: f.financials and bool(f.answers.home_value),
        zero_button=True,
    ),
    Question("vehicle_value", _money, "vehicle_value", has_vehicle, zero_button=True),
    Question(
        "vehicle_loan",
        _money,
        "vehicle_loan",
        lambda f: f.financials and bool(f.answers.vehicle_value),
        zero_button=True,
    ),
    Question("retirement_value", _money, "retirement_value", financials, zero_button=True),
    Question("other_assets", _money, "other_assets_value", financials, zero_button=True),
    # Last: it can only matter once income, expenses and equity are known (statute_matters).
    Question("earliest_year", Kind.YEAR, "earliest_year", statute_in_play, unsure=True),
)

BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
ORDER: dict[str, int] = {q.id: i for i, q in enumerate(QUESTIONS)}
QUESTION_IDS: tuple[str, ...] = tuple(BY_ID)
FIRST = QUESTIONS[0].id


# ---------------------------------------------------------------- reading an answer

_MONEY: TypeAdapter[Decimal] = TypeAdapter(
    Annotated[Decimal, Field(ge=0, le=MONEY_MAX, max_digits=12, decimal_places=2)]
)
_DATE = TypeAdapter(date)


@dataclass(frozen=True)
class Reading:
    """What a reply was understood to say, and whether it was pulled out of a sentence.

    ``from_sentence`` is True when the strict reader refused the text and flows.sentences
    found the value inside it ("cobra is like 600 a month", "fifty thousand", "yes, in 4
    months"): the conversation then says in one line what it read, so nothing is guessed
    silently.
    """

    value: Any
    from_sentence: bool = False


def read_answer(
    q: Question,
    raw: str,
    answers: Answers,
    lang: str,
    today: date,
    *,
    button: bool = False,
    labels: dict[str, list[str]] | None = None,
) -> Any:
    """The typed value of a reply to ``q`` (None for "not sure"), or ParseError (see understand())."""
    return understand(q, raw, answers, lang, today, button=button, labels=labels).value


def understand(
    q: Question,
    raw: str,
    answers: Answers,
    lang: str,
    today: date,
    *,
    button: bool = False,
    labels: dict[str, list[str]] | None = None,
) -> Reading:
    """What a reply to ``q`` says (value None for "not sure"), or ParseError.

    Button presses arrive as the button's value; typed text goes through the strict
    parsers, and only what they call nonsense through the sentence readers, so every
    specific refusal (negative, out of range, in the future) stays what it was. Both
    ways end in the same pydantic validation, so a value that reaches Answers has
    passed the same checks whichever way it came.
    """
    if q.unsure and (raw == UNSURE or (not button and is_unsure(raw))):
        return Reading(None)
    if q.kind is Kind.YES_NO:
        if button and raw in (YES, NO):
            return Reading(raw == YES)
        try:
            return Reading(parse_yes_no(raw, allow_unsure=q.unsure))
        except ParseError:
            if button:
                raise
            return Reading(yes_no_in(raw), from_sentence=True)
    if q.kind is Kind.CHOICE:
        values = {c.value for c in q.choices}
        if button and raw in values:
            return Reading(raw)
        if button:
            raise ParseError("conv.err.choice")
        return Reading(read_choice(q, raw, labels or {}))
    # A button carries its own value, never a sentence: only typed text is read as one.
    fallback = _strict_only if button else _sentence_fallback
    if q.kind is Kind.MONEY:
        reading = fallback(
            lambda: parse_money(raw, lang, allow_zero=q.min_money == 0),
            lambda: money_in(raw, lang, allow_zero=q.min_money == 0),
            "conv.err.money.nonsense",
        )
        value = _MONEY.validate_python(reading.value)
        if q.id == "penalty_amount" and answers.balance is not None and value > answers.balance:
            raise ParseError("conv.err.penalty_exceeds", {"balance": answers.balance})
        return Reading(value, reading.from_sentence)
    if q.kind is Kind.COUNT:
        lo, hi = q.count_range
        if q.id == "members_65" and answers.household_size is not None:
            hi = answers.household_size
        return fallback(
            lambda: parse_count(raw, lo, hi), lambda: count_in(raw, lo, hi, lang), "conv.err.count.nonsense"
        )
    if q.kind is Kind.YEAR:
        lo, hi = today.year - YEARS_BACK, today.year
        return fallback(
            lambda: parse_count(raw, lo, hi), lambda: year_in(raw, lo, hi), "conv.err.count.nonsense"
        )
    if q.kind is Kind.DATE:
        reading = fallback(
            lambda: parse_date(raw, lang, today), lambda: date_in(raw, lang, today), "conv.err.date.nonsense"
        )
        return Reading(_DATE.validate_python(reading.value), reading.from_sentence)
    raise AssertionError(q.kind)  # pragma: no cover


def _strict_only(strict: Callable[[], Any], sentence: Callable[[], Any], nonsense: str) -> Reading:
    return Reading(strict())


def _sentence_fallback(strict: Callable[[], Any], sentence: Callable[[], Any], nonsense: str) -> Reading:
    """The strict reading; when it finds nonsense (and only then), the value inside the sentence.

    A sentence that yields nothing is refused with the strict reader's own error, so bad
    input gets the reply it always got.
    """
    try:
        return Reading(strict())
    except ParseError as exc:
        if exc.msg_id != nonsense:
            raise
        original = exc
    try:
        return Reading(sentence(), from_sentence=True)
    except ParseError as exc:
        if exc.msg_id == nonsense:
            raise original from None
        raise


def read_choice(q: Question, raw: str, labels: dict[str, list[str]]) -> str:
    """A typed choice: its number, label (in any language) or alias. ``labels`` maps value -> labels.

    Labels come from the caller because they live in the text catalogue, which
    this module does not read (questions stay testable without texts).
    """
    options = [ChoiceOption(c.value, labels.get(c.value, []), c.aliases) for c in q.choices]
    return parse_choice(raw, options)


def store(q: Question, value: Any, answers: Answers) -> None:
    """Put a validated value into Answers (validate_assignment re-checks the type there)."""
    if q.id == "penalty_amount":
        answers.penalty_unknown = value is None
        answers.penalty_amount = value
        return
    try:
        setattr(answers, q.field, value)
    except ValidationError:  # pragma: no cover - read_answer already produced the right type
        raise ParseError(f"conv.err.{q.kind.value}") from None


def clear(q: Question, answers: Answers) -> None:
    for name in q.fields:
        setattr(answers, name, None)


# What each question's predicate says about one state of the answers, in table order.
Relevance = tuple[bool, ...]


def relevance(answers: Answers) -> Relevance:
    """Judge every question once; next_question() and remaining() then only read the result."""
    facts = Facts(answers)
    return tuple([q.relevant(facts) for q in QUESTIONS])


def settle(answers: Answers, answered: list[str]) -> tuple[list[str], Relevance]:
    """Drop answers that earlier answers made irrelevant; return the ids still answered and
    relevance(answers) of the settled answers.

    One pass in table order is enough because relevance only looks backwards.
    """
    judged = relevance(answers)
    irrelevant = compress(QUESTION_IDS, [not r for r in judged])
    if set(answered).isdisjoint(irrelevant):
        # Nothing to drop (the usual case): the pass below would clear nothing, so it would judge
        # these very answers again, question by question, and find what `judged` already says.
        return answered, judged
    done = set(answered)
    dropped: set[str] = set()
    facts = Facts(answers)
    for q in QUESTIONS:
        if q.id in done and not q.relevant(facts):
            clear(q, answers)
            dropped.add(q.id)
            facts = Facts(answers)  # the facts described the answers before this clear
    return [qid for qid in answered if qid not in dropped], relevance(answers)


def next_question(relevant: Relevance, answered: list[str] | set[str]) -> Question | None:
    """The first relevant unanswered question; ``relevant`` is relevance() of the current answers."""
    done = set(answered)
    for q, r in zip(QUESTIONS, relevant, strict=True):
        if r and q.id not in done:
            return q
    return None


# ---------------------------------------------------------------- the length still to go
#
# What the progress line counts: the questions still to ask if every open answer goes the way
# that opens the fewest later questions. Why that and not the longest way: the last question
# must read "n of n" (a person one answer from the plan must not be told "8 of ~30"), and the
# longest way could only say that where no answer can open anything more. So the estimate
# grows only when an answer opens a branch (a "No" to paying within 180 days opens the plan
# questions), and by that branch's questions; it shrinks when answers close branches.
#
# Each question's assumed answer below is the one that opens the fewest later questions, read
# off the predicates above; tests/flows/test_progress.py holds the estimate to that on every
# scripted path. Amounts the assets add up to (cash, retirement, other) are assumed large,
# because equity that covers the balance is what closes the tax-year question (statute_matters),
# whatever the income; the home's and vehicles' values are assumed zero, which closes their loans.

_HUGE = MONEY_MAX
ASSUMED: dict[str, Any] = {
    "debt_scope": DebtScope.FEDERAL,  # not the shortest (state-only ends at once): the common path
    "balance": Decimal("0.01"),
    "taxpayer_kind": TaxpayerKind.PERSONAL,
    "business_open": True,
    "all_returns_filed": True,
    "unfiled_years": 1,
    "latest_letter": Letter.NONE,
    "letter_date": None,
    "levy_started": False,
    "disputes_amount": False,
    "penalty_amount": Decimal(0),
    "prior_penalties": False,
    "reasonable_cause": "none",
    "can_pay_180": True,
    "current_year": True,
    "in_bankruptcy": True,
    "monthly_payment": _HUGE,  # with a balance known: what clears it in 72 months (assumed())
    "prior_plans": False,
    "hardship": "none",
    "filing_status": FilingStatus.SINGLE,
    "spouse_debt": False,
    "combat_zone": False,
    "residence": "contiguous",
    "household_size": 1,
    "members_65": 0,
    "monthly_income": Decimal(0),
    "expense_taxes": Decimal(0),
    "expense_housing": Decimal(0),
    "vehicle_count": 0,
    "vehicle_payment": Decimal(0),
    "expense_transport": Decimal(0),
    "health_insurance": Decimal(0),
    "expense_health": Decimal(0),
    "expense_court": Decimal(0),
    "expense_other": Decimal(0),
    "asset_cash": _HUGE,
    "home_value": Decimal(0),
    "home_loan": Decimal(0),
    "vehicle_value": Decimal(0),
    "vehicle_loan": Decimal(0),
    "retirement_value": _HUGE,
    "other_assets": _HUGE,
    "earliest_year": None,
}


def assumed(q: Question, answers: Answers) -> dict[str, Any]:
    """The answer the estimate assumes for an open question, as an update of Answers' fields."""
    value = ASSUMED[q.id]
    if q.id == "monthly_payment" and answers.balance:
        # Clears the balance inside a streamlined plan (no financial block) and, being under half of
        # what 36 months would need, keeps the guaranteed plan's history question closed.
        value = (answers.balance / F.STREAMLINED_MONTHS.value).to_integral_value(rounding=ROUND_CEILING)
    if q.id == "penalty_amount":
        return {"penalty_amount": value, "penalty_unknown": False}
    return {q.field: value}


def projected(answers: Answers, answered: list[str] | set[str]) -> list[str]:
    """The questions still to ask, in order, if each open one gets its assumed answer."""
    done = set(answered)
    facts = Facts(answers)
    ahead: list[str] = []
    for q in QUESTIONS:
        if q.id in done or not q.relevant(facts):
            continue
        ahead.append(q.id)
        answers = answers.model_copy(update=assumed(q, answers))
        facts = Facts(answers)
    return ahead


def remaining(relevant: Relevance, answered: list[str] | set[str]) -> int:
    """Relevant questions still to ask, judged on what is known now, unknown answers as they fall
    (the progress line counts projected() instead: see above).

    ``relevant`` is relevance() of the current answers.
    """
    return len(set(compress(QUESTION_IDS, relevant)).difference(answered))
