"""Campaign reports computed from the stored events, for the CLI and /stats: the queries.

Definitions (kept here because the marketing team will ask):

* A person is a chat (conversations are unique per chat_id), so every count is
  COUNT(DISTINCT chat_id): a restart or a repeated /start is not a second person.
* Only events whose created_at falls in [since, until) count.
* starts = people with a "started" event; completed = people with "completed";
  leads / urgent leads = people with a "lead_created" event (urgent when its
  data says so; issue 4b records them).
* Per question: reached = people with an "entered" event for it; answered = with
  an "answered" event; left = people whose LAST entered question it was and who
  never completed in the period (Typebot's / Tally's drop-off).
* Programs recommended: each program of each person's latest assessment in the
  period, counted once per person.
* Campaign = the source stored on the event (the touch at that moment), falling
  back to the conversation's last source; variants come from the conversation,
  where they are sticky.

Everything that can be is one GROUP BY in SQL that runs the same on SQLite and
PostgreSQL; only the plan JSON is read in Python, because walking a JSON array
is dialect-specific SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Assessment, Conversation, EventRecord, LinkToken

DEFAULT_DAYS = 30
NONE_LABEL = "(none)"
OVERALL = "*"
DIMENSIONS = ("campaign", "intro", "cta")
# UTM fields come from the link token of the conversation's last touch.
UTM_DIMENSIONS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
# --by variant shows both variant slots: the intro moves starts -> completions,
# the call to action moves completions -> leads, so they are read separately.
BY_CHOICES: dict[str, tuple[str, ...]] = {
    "campaign": ("campaign",),
    "variant": ("intro", "cta"),
    "intro": ("intro",),
    "cta": ("cta",),
    "all": DIMENSIONS,
    **{name: (name,) for name in UTM_DIMENSIONS},
}

KIND_STARTED = "started"
KIND_ENTERED = "entered"
KIND_ANSWERED = "answered"
KIND_COMPLETED = "completed"
KIND_LEAD = "lead_created"


@dataclass
class StepStats:
    question_id: str
    reached: int = 0
    answered: int = 0
    left: int = 0


@dataclass
class Slice:
    """The numbers for one group (a campaign, a variant, or everyone)."""

    label: str
    starts: int = 0
    completed: int = 0
    leads: int = 0
    urgent_leads: int = 0
    programs: dict[str, int] = field(default_factory=dict)
    steps: dict[str, StepStats] = field(default_factory=dict)

    def step(self, question_id: str) -> StepStats:
        if question_id not in self.steps:
            self.steps[question_id] = StepStats(question_id)
        return self.steps[question_id]

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.starts if self.starts else None


@dataclass
class Report:
    since: datetime
    until: datetime
    overall: Slice
    breakdowns: dict[str, list[Slice]] = field(default_factory=dict)
    question_order: list[str] = field(default_factory=list)

    def group(self, dimension: str, label: str) -> Slice | None:
        return next((s for s in self.breakdowns.get(dimension, []) if s.label == label), None)

    def ordered_steps(self, slice_: Slice | None = None) -> list[StepStats]:
        target = slice_ or self.overall
        return [target.steps.get(q) or StepStats(q) for q in self.question_order if q in target.steps]


def default_range(now: datetime | None = None, days: int = DEFAULT_DAYS) -> tuple[datetime, datetime]:
    until = now or datetime.now(UTC)
    return until - timedelta(days=days), until


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _dimension_expr(dimension: str) -> ColumnElement[Any]:
    if dimension == "campaign":
        return func.coalesce(EventRecord.source, Conversation.source_last, literal(NONE_LABEL))
    if dimension == "intro":
        return func.coalesce(Conversation.variant_intro, literal(NONE_LABEL))
    if dimension == "cta":
        return func.coalesce(Conversation.variant_cta, literal(NONE_LABEL))
    if dimension in UTM_DIMENSIONS:
        return func.coalesce(getattr(LinkToken, dimension), literal(NONE_LABEL))
    raise ValueError(f"unknown dimension {dimension!r}")


def in_range(since: datetime, until: datetime) -> ColumnElement[bool]:
    return and_(EventRecord.created_at >= since, EventRecord.created_at < until)


async def _collect(
    session: AsyncSession,
    since: datetime,
    until: datetime,
    dimension: str | None,
    slice_for: Callable[[str], Slice],
) -> None:
    """Fill the slices of one dimension (or the overall slice when dimension is None)."""
    dim: ColumnElement[Any] = _dimension_expr(dimension) if dimension else literal(OVERALL)
    people = func.count(func.distinct(EventRecord.chat_id))
    period = in_range(since, until)
    join_conv = EventRecord.conversation_id == Conversation.id
    join_token = Conversation.source_token == LinkToken.token

    # 1. Per question: people who reached / answered it, per group.
    stmt = (
        select(dim.label("grp"), EventRecord.kind, EventRecord.question_id, people)
        .select_from(EventRecord)
        .outerjoin(Conversation, join_conv)
        .outerjoin(LinkToken, join_token)
        .where(
            period,
            EventRecord.kind.in_((KIND_ENTERED, KIND_ANSWERED)),
            EventRecord.question_id.is_not(None),
        )
        .group_by(dim, EventRecord.kind, EventRecord.question_id)
    )
    for grp, kind, question_id, count in (await session.execute(stmt)).all():
        step = slice_for(str(grp)).step(question_id)
        if kind == KIND_ENTERED:
            step.reached = count
        else:
            step.answered = count

    # 2. Starts, completions, leads per group.
    stmt = (
        select(dim.label("grp"), EventRecord.kind, people)
        .select_from(EventRecord)
        .outerjoin(Conversation, join_conv)
        .outerjoin(LinkToken, join_token)
        .where(period, EventRecord.kind.in_((KIND_STARTED, KIND_COMPLETED, KIND_LEAD)))
        .group_by(dim, EventRecord.kind)
    )
    for grp, kind, count in (await session.execute(stmt)).all():
        target = slice_for(str(grp))
        if kind == KIND_STARTED:
            target.starts = count
        elif kind == KIND_COMPLETED:
            target.completed = count
        else:
            target.leads = count

    # 3. Urgent leads: the flag lives in the event's JSON data.
    urgent = EventRecord.data["urgent"].as_boolean()
    stmt = (
        select(dim.label("grp"), people)
        .select_from(EventRecord)
        .outerjoin(Conversation, join_conv)
        .outerjoin(LinkToken, join_token)
        .where(period, EventRecord.kind == KIND_LEAD, urgent == true())
        .group_by(dim)
    )
    for grp, count in (await session.execute(stmt)).all():
        slice_for(str(grp)).urgent_leads = count

    # 4. Where people left: each person's last entered question, if they never completed.
    last_entered = (
        select(EventRecord.chat_id.label("chat_id"), func.max(EventRecord.id).label("last_id"))
        .where(period, EventRecord.kind == KIND_ENTERED, EventRecord.chat_id.is_not(None))
        .group_by(EventRecord.chat_id)
        .subquery()
    )
    finished = select(EventRecord.chat_id).where(
        period, EventRecord.kind == KIND_COMPLETED, EventRecord.chat_id.is_not(None)
    )
    stmt = (
        select(dim.label("grp"), EventRecord.question_id, func.count())
        .select_from(EventRecord)
        .join(last_entered, EventRecord.id == last_entered.c.last_id)
        .outerjoin(Conversation, join_conv)
        .outerjoin(LinkToken, join_token)
        .where(EventRecord.chat_id.not_in(finished), EventRecord.question_id.is_not(None))
        .group_by(dim, EventRecord.question_id)
    )
    for grp, question_id, count in (await session.execute(stmt)).all():
        slice_for(str(grp)).step(question_id).left = count

    # 5. Programs: each person's latest assessment in the period.
    if dimension == "campaign":
        # Assessments carry no source of their own; the conversation's last touch is the one
        # that brought the person to the result.
        adim: ColumnElement[Any] = func.coalesce(Conversation.source_last, literal(NONE_LABEL))
    else:
        adim = dim
    latest = (
        select(func.max(Assessment.id).label("id"))
        .where(Assessment.created_at >= since, Assessment.created_at < until)
        .group_by(Assessment.chat_id)
        .subquery()
    )
    stmt = (
        select(adim.label("grp"), Assessment.plan)
        .select_from(Assessment)
        .join(latest, Assessment.id == latest.c.id)
        .outerjoin(Conversation, Assessment.conversation_id == Conversation.id)
        .outerjoin(LinkToken, join_token)
    )
    for grp, plan in (await session.execute(stmt)).all():
        target = slice_for(str(grp))
        for program in set(plan_programs(plan)):
            target.programs[program] = target.programs.get(program, 0) + 1


def plan_programs(plan: Any) -> list[str]:
    """Program ids of a stored plan (flows.plan.Plan dumped to JSON); tolerant of old shapes."""
    if not isinstance(plan, dict):
        return []
    out: list[str] = []
    for rec in plan.get("recommendations") or []:
        if isinstance(rec, dict) and isinstance(rec.get("program"), str):
            out.append(rec["program"])
    return out


def default_question_order() -> list[str]:
    """The flow's question order, so the funnel reads top to bottom like the conversation."""
    try:
        from flows import questions  # type: ignore[attr-defined]
    except ImportError:
        return []
    for name in ("ORDER", "QUESTION_ORDER", "QUESTION_IDS"):
        value = getattr(questions, name, None)
        if value:
            return [str(q) for q in value]
    registry = getattr(questions, "QUESTIONS", None)
    if isinstance(registry, dict):
        return [str(q) for q in registry]
    if isinstance(registry, list | tuple):
        return [str(getattr(q, "id", q)) for q in registry]
    return []


def _order_questions(report: Report, known: Sequence[str]) -> list[str]:
    seen = set(report.overall.steps)
    ordered = [q for q in known if q in seen]
    # Questions the flow no longer lists (renamed, removed) still show, most reached first.
    rest = sorted(seen - set(ordered), key=lambda q: (-report.overall.steps[q].reached, q))
    return ordered + rest


async def build_report(
    session: AsyncSession,
    since: datetime,
    until: datetime,
    dimensions: Iterable[str] = DIMENSIONS,
    question_order: Sequence[str] | None = None,
) -> Report:
    overall = Slice(label=OVERALL)
    report = Report(since=since, until=until, overall=overall)
    await _collect(session, since, until, None, lambda _grp: overall)
    for dimension in dimensions:
        groups: dict[str, Slice] = {}

        def slice_for(grp: str, groups: dict[str, Slice] = groups) -> Slice:
            return groups.setdefault(grp, Slice(label=grp))

        await _collect(session, since, until, dimension, slice_for)
        report.breakdowns[dimension] = sorted(groups.values(), key=lambda s: (-s.starts, s.label))
    report.question_order = _order_questions(
        report, question_order if question_order is not None else default_question_order()
    )
    return report
