"""Campaign reports computed from the stored events, for the CLI and /stats.

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

import argparse
import asyncio
import csv
import html
import io
import re
import sys
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, func, literal, select, true
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Assessment, Base, Conversation, EventRecord, Lead, LeadConversation, LinkToken
from flows.catalogue import t

T = TypeVar("T")

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


def _in_range(since: datetime, until: datetime) -> ColumnElement[bool]:
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
    in_range = _in_range(since, until)
    join_conv = EventRecord.conversation_id == Conversation.id
    join_token = Conversation.source_token == LinkToken.token

    # 1. Per question: people who reached / answered it, per group.
    stmt = (
        select(dim.label("grp"), EventRecord.kind, EventRecord.question_id, people)
        .select_from(EventRecord)
        .outerjoin(Conversation, join_conv)
        .outerjoin(LinkToken, join_token)
        .where(
            in_range,
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
        .where(in_range, EventRecord.kind.in_((KIND_STARTED, KIND_COMPLETED, KIND_LEAD)))
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
        .where(in_range, EventRecord.kind == KIND_LEAD, urgent == true())
        .group_by(dim)
    )
    for grp, count in (await session.execute(stmt)).all():
        slice_for(str(grp)).urgent_leads = count

    # 4. Where people left: each person's last entered question, if they never completed.
    last_entered = (
        select(EventRecord.chat_id.label("chat_id"), func.max(EventRecord.id).label("last_id"))
        .where(in_range, EventRecord.kind == KIND_ENTERED, EventRecord.chat_id.is_not(None))
        .group_by(EventRecord.chat_id)
        .subquery()
    )
    finished = select(EventRecord.chat_id).where(
        in_range, EventRecord.kind == KIND_COMPLETED, EventRecord.chat_id.is_not(None)
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


# --- rendering --------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """A monospace table: first column left-aligned, numbers right-aligned."""
    cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        parts = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("-" * len(lines[0]))
    return lines


def _label(label: str, lang: str) -> str:
    return t("analytics.none", lang) if label == NONE_LABEL else label


def render_text(report: Report, lang: str = "en") -> str:
    """Plain text (monospace) for a terminal, or for a <pre> block after escaping."""
    o = report.overall
    fmt = "%Y-%m-%d %H:%M"
    lines = [
        t("analytics.title", lang, since=report.since.strftime(fmt), until=report.until.strftime(fmt)),
        "",
    ]
    if not o.starts and not o.steps and not o.completed and not o.leads:
        lines.append(t("analytics.empty", lang))
        return "\n".join(lines)
    lines.append(
        t(
            "analytics.summary",
            lang,
            starts=o.starts,
            completed=o.completed,
            rate=_pct(o.completion_rate),
            leads=o.leads,
            urgent=o.urgent_leads,
        )
    )
    lines += ["", t("analytics.funnel", lang)]
    lines += _funnel_table(report, o, lang)
    if o.programs:
        lines += ["", t("analytics.programs", lang)]
        for program, count in sorted(o.programs.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {program}: {count}")
    for dimension, slices in report.breakdowns.items():
        if not slices:
            continue
        lines += ["", t(f"analytics.by.{dimension}", lang)]
        header = [
            t(f"analytics.col.{c}", lang) for c in ("group", "starts", "completed", "rate", "leads", "urgent")
        ]
        rows = [
            [_label(s.label, lang), s.starts, s.completed, _pct(s.completion_rate), s.leads, s.urgent_leads]
            for s in slices
        ]
        lines += _table(header, rows)
        for s in slices:
            if s.steps:
                lines += ["", f"{t(f'analytics.by.{dimension}', lang)}: {_label(s.label, lang)}"]
                lines += _funnel_table(report, s, lang)
    return "\n".join(lines)


def _funnel_table(report: Report, slice_: Slice, lang: str) -> list[str]:
    header = [t(f"analytics.col.{c}", lang) for c in ("question", "reached", "answered", "left")]
    rows = [[s.question_id, s.reached, s.answered, s.left] for s in report.ordered_steps(slice_)]
    return _table(header, rows)


def render_html_chunks(report: Report, lang: str = "en", limit: int = 3800) -> list[str]:
    """The text report as Telegram HTML messages (<pre>, escaped), split under the 4096 limit.

    Campaign names come from links anyone can type after /start, so they are escaped.
    """
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in render_text(report, lang).split("\n"):
        if current and size + len(line) + 1 > limit:
            chunks.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        chunks.append("\n".join(current))
    return [f"<pre>{html.escape(chunk)}</pre>" for chunk in chunks]


# --- CSV export ---------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "at", "conversation_id", "lang", "source_first", "source_last",
    "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "click_id",
    "variant_intro", "variant_cta", "balance", "top_program", "programs", "urgent", "days_left",
)  # fmt: skip
LEAD_COLUMNS = ("lead_id", "lead_urgent", "lead_status", "name", "phone")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBERISH = re.compile(r"[+-]?[\d .()-]+")


def leads_available() -> bool:
    """Whether the leads feature's table is in the schema; before it, export completed screenings."""
    return "leads" in Base.metadata.tables


def csv_safe(value: object) -> str:
    """Spreadsheet-safe cell: text that Excel would run as a formula gets a leading quote.

    Campaign names and UTM values come from links anyone can craft; numbers and phone
    numbers (+1 555...) are left alone so they stay usable.
    """
    if value is None:
        return ""
    text_ = str(value)
    if text_.startswith(_FORMULA_START) and not _NUMBERISH.fullmatch(text_):
        return "'" + text_
    return text_


async def export_rows(
    session: AsyncSession, since: datetime, until: datetime, *, leads: bool | None = None
) -> tuple[list[str], list[list[str]]]:
    """Header and rows: leads (once the leads feature exists), else completed screenings.

    One row per person: their latest lead event (or latest result) in the period,
    with the attribution, the variants and the headline of their latest plan.
    """
    leads = leads_available() if leads is None else leads
    if leads:
        anchor = (
            select(EventRecord.chat_id, func.max(EventRecord.id).label("id"))
            .where(_in_range(since, until), EventRecord.kind == KIND_LEAD, EventRecord.chat_id.is_not(None))
            .group_by(EventRecord.chat_id)
            .subquery()
        )
        stmt: Any = (
            select(EventRecord.created_at, EventRecord.data, Conversation, LinkToken, Lead)
            .join(anchor, EventRecord.id == anchor.c.id)
            .join(Conversation, Conversation.chat_id == EventRecord.chat_id)
            .outerjoin(LinkToken, Conversation.source_token == LinkToken.token)
            .outerjoin(LeadConversation, LeadConversation.conversation_id == Conversation.id)
            .outerjoin(Lead, Lead.id == LeadConversation.lead_id)
            .order_by(EventRecord.created_at, EventRecord.id)
        )
    else:
        anchor = (
            select(func.max(Assessment.id).label("id"))
            .where(Assessment.created_at >= since, Assessment.created_at < until)
            .group_by(Assessment.chat_id)
            .subquery()
        )
        stmt = (
            select(Assessment.created_at, literal(None), Conversation, LinkToken, literal(None))
            .join(anchor, Assessment.id == anchor.c.id)
            .join(Conversation, Conversation.id == Assessment.conversation_id)
            .outerjoin(LinkToken, Conversation.source_token == LinkToken.token)
            .order_by(Assessment.created_at, Assessment.id)
        )
    found = (await session.execute(stmt)).all()
    plans = await _latest_plans(session, [row[2].id for row in found], until)
    header = list(EXPORT_COLUMNS) + (list(LEAD_COLUMNS) if leads else [])
    rows: list[list[str]] = []
    for at, data, conv, token, lead in found:
        plan = plans.get(conv.id) or {}
        programs = plan_programs(plan)
        values: list[object] = [
            _iso(at), conv.id, conv.lang, conv.source_first, conv.source_last,
            *(getattr(token, f, None) if token is not None else None for f in UTM_DIMENSIONS),
            token.click_id if token is not None else None,
            conv.variant_intro, conv.variant_cta, plan.get("balance"),
            programs[0] if programs else None, ";".join(programs),
            _yes_no(plan.get("urgent")), plan.get("days_left"),
        ]  # fmt: skip
        if leads:
            urgent = lead.urgent if lead is not None else (data or {}).get("urgent")
            values += [
                lead.id if lead is not None else None,
                _yes_no(urgent),
                lead.status if lead is not None else None,
                lead.name if lead is not None else None,
                lead.phone_e164 if lead is not None else conv.contact_phone,
            ]
        rows.append([csv_safe(v) for v in values])
    return header, rows


async def _latest_plans(
    session: AsyncSession, conversation_ids: list[int], until: datetime
) -> dict[int, Any]:
    if not conversation_ids:
        return {}
    latest = (
        select(func.max(Assessment.id).label("id"))
        .where(Assessment.conversation_id.in_(conversation_ids), Assessment.created_at < until)
        .group_by(Assessment.conversation_id)
        .subquery()
    )
    stmt = select(Assessment.conversation_id, Assessment.plan).join(latest, Assessment.id == latest.c.id)
    return {cid: plan for cid, plan in (await session.execute(stmt)).all()}


def _iso(value: datetime) -> str:
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.isoformat(timespec="seconds")


def _yes_no(value: object) -> str:
    return "" if value is None else ("yes" if value else "no")


def to_csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


# --- command line: `python -m bot report` / `python -m bot export` -------------------------------


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-01") from None


def range_from_args(
    since: date | None, until: date | None, now: datetime | None = None
) -> tuple[datetime, datetime]:
    """--until is an inclusive day; without dates, the last 30 days up to now."""
    end = day_start(until + timedelta(days=1)) if until else (now or datetime.now(UTC))
    start = day_start(since) if since else end - timedelta(days=DEFAULT_DAYS)
    return start, end


def _add_range(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=parse_day, help="first day, YYYY-MM-DD (default: 30 days ago)")
    p.add_argument("--until", type=parse_day, help="last day included, YYYY-MM-DD (default: now)")


async def _with_session(database_url: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    from bot.db.engine import create_engine, create_session_factory

    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return await work(session)
    finally:
        await engine.dispose()


def _settings() -> Any:
    from bot.__main__ import load_settings

    return load_settings()


def cmd_report(args: argparse.Namespace) -> int:
    from bot.errors import StartupError, redacted

    settings = _settings()
    since, until = range_from_args(args.since, args.until)

    async def work(session: AsyncSession) -> Report:
        return await build_report(session, since, until, BY_CHOICES[args.by])

    try:
        report = asyncio.run(_with_session(settings.database_url, work))
    except SQLAlchemyError as error:
        raise StartupError(
            f"cannot read the database at DATABASE_URL={redacted(settings.database_url)} "
            f"({type(error).__name__}): run `python -m bot migrate` and check the URL"
        ) from None
    print(render_text(report, args.lang))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.errors import StartupError, redacted

    settings = _settings()
    since, until = range_from_args(args.since, args.until)
    leads = {"auto": None, "leads": True, "screenings": False}[args.kind]

    async def work(session: AsyncSession) -> tuple[list[str], list[list[str]]]:
        return await export_rows(session, since, until, leads=leads)

    try:
        header, rows = asyncio.run(_with_session(settings.database_url, work))
    except SQLAlchemyError as error:
        raise StartupError(
            f"cannot read the database at DATABASE_URL={redacted(settings.database_url)} "
            f"({type(error).__name__}): run `python -m bot migrate` and check the URL"
        ) from None
    text_ = to_csv(header, rows)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text_)
        print(f"{len(rows)} rows written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text_)
    return 0


def add_report(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="campaign report: starts, completions, leads, funnel per question")
    _add_range(p)
    p.add_argument("--by", choices=sorted(BY_CHOICES), default="all", help="breakdown (default: all)")
    p.add_argument("--lang", choices=["en", "es"], default="en")
    p.set_defaults(func=cmd_report)


def add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="CSV of leads (or of completed screenings before leads exist)")
    _add_range(p)
    p.add_argument("--out", help="file to write (default: standard output)")
    p.add_argument("--kind", choices=["auto", "leads", "screenings"], default="auto")
    p.set_defaults(func=cmd_export)
