"""The campaign report from the funnel summary (bot/features/reports/summary.py): the dashboard's
main view, `python -m bot report` and /stats all read this, so they always agree.

starts → completed → agreed to be contacted → leads → taken by staff → outcome, per cohort
(people by the day of their first start, see summary.py), overall and per campaign, variant and
UTM field, with per-question reach, answers and drop-off. "Taken" and the outcome come from the
leads themselves (a lead is one phone number; each of its people counts once).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import LEAD_WITHDRAWN, Conversation, Lead, LeadConversation
from bot.features.reports.report import StepStats
from bot.features.reports.summary import (
    DIMENSIONS,
    OVERALL,
    Tally,
    add_tally,
    cohort_groups,
    pending,
    summed,
)
from flows.catalogue import t

DEFAULT_DAYS = 30
STAGES = ("starts", "completed", "consented", "leads", "taken", "booked")


def question_order() -> dict[str, int]:
    from flows.questions import ORDER

    return ORDER


def question_label(question_id: str, lang: str = "en") -> str:
    """The question's name as the catalogue gives it (conv.label.<id>), else its id."""
    try:
        return t(f"conv.label.{question_id}", lang)
    except KeyError:
        return question_id


@dataclass
class Group:
    label: str
    starts: int = 0
    completed: int = 0
    consented: int = 0
    declined: int = 0
    leads: int = 0
    urgent: int = 0
    taken: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    steps: dict[str, StepStats] = field(default_factory=dict)
    programs: dict[str, int] = field(default_factory=dict)

    @property
    def booked(self) -> int:
        return self.outcomes.get("booked", 0)

    def stage(self, name: str) -> int:
        return int(getattr(self, name))

    def step(self, question_id: str) -> StepStats:
        if question_id not in self.steps:
            self.steps[question_id] = StepStats(question_id)
        return self.steps[question_id]


@dataclass
class Funnel:
    since: date
    until: date  # exclusive
    overall: Group
    breakdowns: dict[str, list[Group]] = field(default_factory=dict)

    def group(self, dimension: str, label: str) -> Group | None:
        return next((g for g in self.breakdowns.get(dimension, []) if g.label == label), None)

    def ordered_steps(self, group: Group | None = None) -> list[StepStats]:
        target = group or self.overall
        order = question_order()
        return sorted(
            target.steps.values(), key=lambda s: (order.get(s.question_id, len(order)), s.question_id)
        )


def day_range(
    since: date | None = None, until: date | None = None, today: date | None = None
) -> tuple[date, date]:
    """[since, until) in whole days: by default the last 30 days, today included."""
    today = today or datetime.now(UTC).date()
    end = (until + timedelta(days=1)) if until is not None else today + timedelta(days=1)
    start = since if since is not None else end - timedelta(days=DEFAULT_DAYS)
    return start, end


def fill(group: Group, metric: str, item: str, n: int) -> None:
    if metric in ("starts", "completed", "consented", "declined", "leads", "urgent"):
        setattr(group, metric, getattr(group, metric) + n)
    elif metric in ("reached", "answered", "left"):
        step = group.step(item)
        setattr(step, metric, getattr(step, metric) + n)
    elif metric == "program" and n:
        group.programs[item] = group.programs.get(item, 0) + n


async def add_leads(
    session: AsyncSession,
    since: date,
    until: date,
    target: dict[tuple[str, str], Group],
    tally: Tally,
) -> None:
    """Taken and outcome per person, from the leads created since the range began."""
    stmt = (
        select(Conversation.chat_id, Lead.taken_at, Lead.outcome)
        .join(LeadConversation, LeadConversation.lead_id == Lead.id)
        .join(Conversation, Conversation.id == LeadConversation.conversation_id)
        .where(
            Lead.created_at >= datetime.combine(since, time.min, tzinfo=UTC), Lead.status != LEAD_WITHDRAWN
        )
    )
    rows = (await session.execute(stmt)).all()
    cohorts = await cohort_groups(session, [row.chat_id for row in rows if row.chat_id not in tally.people])
    cohorts.update({p.chat_id: (p.day, p.groups) for p in tally.people.values()})
    for chat_id, taken_at, outcome in rows:
        found = cohorts.get(chat_id)
        if found is None or not since <= found[0] < until:
            continue
        _, groups = found
        for dimension, grp in (("*", OVERALL), *groups.items()):
            group = target.get((dimension, grp))
            if group is None:
                continue
            if taken_at is not None:
                group.taken += 1
            if outcome:
                group.outcomes[outcome] = group.outcomes.get(outcome, 0) + 1


async def build_funnel(
    session: AsyncSession, since: date, until: date, dimensions: tuple[str, ...] = DIMENSIONS
) -> Funnel:
    totals = await summed(session, since, until)
    tally = await pending(session)
    add_tally(totals, tally, since, until)
    groups: dict[tuple[str, str], Group] = {}
    for (dimension, grp, metric, item), n in totals.items():
        if dimension != "*" and dimension not in dimensions:
            continue
        group = groups.setdefault((dimension, grp), Group(label=grp))
        fill(group, metric, item, n)
    await add_leads(session, since, until, groups, tally)
    overall = groups.get(("*", OVERALL), Group(label=OVERALL))
    by: dict[str, list[Group]] = defaultdict(list)
    for (dimension, _), group in groups.items():
        if dimension != "*":
            by[dimension].append(group)
    breakdowns = {d: sorted(by.get(d, []), key=lambda g: (-g.starts, g.label)) for d in dimensions}
    return Funnel(since=since, until=until, overall=overall, breakdowns=breakdowns)


def pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def render_funnel_text(funnel: Funnel, lang: str = "en") -> str:
    """The report for a terminal: stages, then per-question drop-off with the questions' names."""
    o = funnel.overall
    last = funnel.until - timedelta(days=1)
    lines = [t("analytics.title", lang, since=funnel.since.isoformat(), until=last.isoformat()), ""]
    if not o.starts:
        lines.append(t("analytics.empty", lang))
        return "\n".join(lines)
    for stage in STAGES:
        n = o.stage(stage)
        lines.append(f"{t(f'office.funnel.{stage}', lang):<20} {n:>7}  {pct(n, o.starts):>5}")
    lines += ["", t("analytics.funnel", lang)]
    header = [t(f"analytics.col.{c}", lang) for c in ("question", "reached", "answered", "left")]
    rows = [
        [question_label(s.question_id, lang), s.reached, s.answered, s.left] for s in funnel.ordered_steps()
    ]
    width = max([len(header[0]), *(len(str(r[0])) for r in rows)])
    lines.append(f"{header[0]:<{width}}  {header[1]:>8}  {header[2]:>8}  {header[3]:>6}")
    lines += [f"{r[0]:<{width}}  {r[1]:>8}  {r[2]:>8}  {r[3]:>6}" for r in rows]
    for dimension, groups in funnel.breakdowns.items():
        if not groups:
            continue
        lines += ["", t(f"analytics.by.{dimension}", lang)]
        for g in groups:
            label = t("analytics.none", lang) if g.label == "(none)" else g.label
            lines.append(
                f"  {label:<24} {t('analytics.col.starts', lang)} {g.starts:>6}  "
                f"{t('analytics.col.completed', lang)} {g.completed:>6}  "
                f"{t('analytics.col.leads', lang)} {g.leads:>5}  booked {g.booked:>4}"
            )
    return "\n".join(lines)
