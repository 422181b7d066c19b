"""The funnel summary: counts kept up to date from the events, so a report sums a few thousand rows
instead of scanning millions of events.

The report counts people by **cohort**: a person (a chat) belongs to the day of their first
"started" event, and to the groups that start had (its campaign, its intro and call-to-action
variants, the UTM fields of its link). For each cohort day and group, ``funnel_counts`` holds how
many of those people ever reached each step: started, completed the screening, agreed to be
contacted, declined, became a lead (urgent or not), reached and answered each question, left at
a question (their last one, never completed), and the programs of their latest plan. A report
for days [since, until) is the sum over those days, so every rate has the same people above and
below the line, and a person is counted once however often they restart.

The counts are maintained **incrementally** by :func:`roll_up`: it reads the events after a
watermark in id order, looks up what was already counted for each person (``funnel_people``),
and adds only what is new (a "left" moves from one question to the next, a new plan replaces the
previous programs). It runs in the background and before each report; the events of the last
minute, which may still be committing out of id order, are counted on the fly for the report
(:func:`pending`) and stored by a later pass. Several processes may roll up at once: the
watermark is moved first with a conditional UPDATE, so only one pass of a range ever commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import EventRecord, LinkToken
from bot.db.office import FunnelCount, FunnelPerson, SummaryWatermark
from bot.runner.state import aware

WATERMARK = "funnel"
BATCH = 5000
# Events younger than this may still be committing with a lower id than one already visible.
SETTLE = timedelta(seconds=60)
OVERALL = "*"
NONE_LABEL = "(none)"
UTM_DIMENSIONS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
DIMENSIONS = ("campaign", "intro", "cta", *UTM_DIMENSIONS)
KINDS = ("started", "entered", "answered", "changed", "completed", "consent_given", "consent_declined",
         "lead_created")  # fmt: skip
FLAGS = {"completed": "completed", "consent_given": "consented", "consent_declined": "declined",
         "lead_created": "leads"}  # fmt: skip
GROUP_MAX = 255

Key = tuple[date, str, str, str, str]  # day, dimension, group, metric, item


@dataclass
class Person:
    chat_id: int
    day: date
    groups: dict[str, str]
    counted: dict[str, Any]
    new: bool = False
    changed: bool = False


@dataclass
class Tally:
    """What one pass adds to the counts, and the people it changed."""

    deltas: dict[Key, int] = field(default_factory=lambda: defaultdict(int))
    people: dict[int, Person] = field(default_factory=dict)
    last_id: int | None = None

    def add(self, person: Person, metric: str, item: str = "", n: int = 1) -> None:
        for dimension, grp in (("*", OVERALL), *person.groups.items()):
            self.deltas[(person.day, dimension, grp, metric, item)] += n


def groups_of(event: EventRecord | Any, token: LinkToken | None) -> dict[str, str]:
    data = event.data or {}

    def label(value: Any) -> str:
        return str(value)[:GROUP_MAX] if value else NONE_LABEL

    groups = {
        "campaign": label(event.source),
        "intro": label(data.get("variant_intro")),
        "cta": label(data.get("variant_cta")),
    }
    for name in UTM_DIMENSIONS:
        groups[name] = label(getattr(token, name) if token is not None else None)
    return groups


def apply(tally: Tally, person: Person | None, event: Any, tokens: dict[str, LinkToken]) -> Person | None:
    """Count one event for its person; returns the person (new for a first start)."""
    kind = event.kind
    if person is None:
        if kind != "started":
            return None  # before any start (or a start the summary never saw): nothing to count
        token = tokens.get((event.data or {}).get("source_token") or "")
        person = Person(event.chat_id, aware(event.created_at).date(), groups_of(event, token),
                        {"r": [], "a": [], "p": []}, new=True)  # fmt: skip
        tally.people[person.chat_id] = person
        tally.add(person, "starts")
        return person
    seen = person.counted
    question = event.question_id or ""
    if kind == "entered" and question:
        if question not in seen["r"]:
            seen["r"] = [*seen["r"], question]
            tally.add(person, "reached", question)
            person.changed = True
        if not seen.get("completed") and seen.get("q") != question:
            if seen.get("q"):
                tally.add(person, "left", seen["q"], -1)
            tally.add(person, "left", question)
            seen["q"] = question
            person.changed = True
    elif kind in ("answered", "changed") and question:
        if question not in seen["a"]:
            seen["a"] = [*seen["a"], question]
            tally.add(person, "answered", question)
            person.changed = True
    elif kind in FLAGS:
        metric = FLAGS[kind]
        if not seen.get(metric):
            seen[metric] = True
            tally.add(person, metric)
            person.changed = True
        if kind == "completed":
            if seen.get("q"):
                tally.add(person, "left", seen["q"], -1)
                seen["q"] = None
            programs = sorted({str(p) for p in (event.data or {}).get("programs") or []})
            for program in seen["p"]:
                tally.add(person, "program", program, -1)
            for program in programs:
                tally.add(person, "program", program)
            seen["p"] = programs
        if kind == "lead_created" and (event.data or {}).get("urgent") and not seen.get("urgent"):
            seen["urgent"] = True
            tally.add(person, "urgent")
    return person


async def watermark(session: AsyncSession) -> int:
    found = await session.get(SummaryWatermark, WATERMARK)
    return found.last_event_id if found is not None else 0


async def load_events(
    session: AsyncSession, after: int, limit: int, settled_before: datetime | None
) -> tuple[list[Any], int | None]:
    """Events after the watermark in id order, up to the first one not settled yet; and the last id."""
    rows = (
        await session.execute(
            select(
                EventRecord.id,
                EventRecord.chat_id,
                EventRecord.kind,
                EventRecord.question_id,
                EventRecord.data,
                EventRecord.source,
                EventRecord.created_at,
            )
            .where(EventRecord.id > after)
            .order_by(EventRecord.id)
            .limit(limit)
        )
    ).all()
    taken: list[Any] = []
    for row in rows:
        if settled_before is not None and aware(row.created_at) >= settled_before:
            break
        taken.append(row)
    return taken, (taken[-1].id if taken else None)


async def count_events(session: AsyncSession, events: list[Any], tally: Tally) -> None:
    wanted = [e for e in events if e.chat_id is not None and e.kind in KINDS]
    chats = {e.chat_id for e in wanted} - set(tally.people)
    if chats:
        stmt = select(FunnelPerson).where(FunnelPerson.chat_id.in_(chats))
        for row in (await session.execute(stmt)).scalars():
            tally.people[row.chat_id] = Person(row.chat_id, row.day, dict(row.groups),
                                               {**row.counted})  # fmt: skip
    token_ids = {(e.data or {}).get("source_token") for e in wanted if e.kind == "started"} - {None, ""}
    tokens: dict[str, LinkToken] = {}
    if token_ids:
        found = await session.execute(select(LinkToken).where(LinkToken.token.in_(token_ids)))
        tokens = {t.token: t for t in found.scalars()}
    for event in wanted:
        apply(tally, tally.people.get(event.chat_id), event, tokens)


def dialect_insert(session: AsyncSession) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


async def ensure_watermark(session_factory: Any) -> None:
    """The watermark row, created once (by whichever process gets there first)."""
    async with session_factory() as session, session.begin():
        stmt = dialect_insert(session)(SummaryWatermark).values(name=WATERMARK, last_event_id=0)
        await session.execute(stmt.on_conflict_do_nothing())


def upsert(session: AsyncSession) -> Any:
    stmt = dialect_insert(session)(FunnelCount)
    return stmt.on_conflict_do_update(
        index_elements=["day", "dimension", "grp", "metric", "item"],
        set_={"n": FunnelCount.n + stmt.excluded.n},
    )


async def store(session: AsyncSession, tally: Tally, before: int, after: int) -> bool:
    """Write one pass: the watermark first (False: another process counted this range already)."""
    moved = await session.execute(
        update(SummaryWatermark)
        .where(SummaryWatermark.name == WATERMARK, SummaryWatermark.last_event_id == before)
        .values(last_event_id=after)
    )
    if getattr(moved, "rowcount", 0) != 1:
        return False
    new = [p for p in tally.people.values() if p.new]
    if new:
        session.add_all(
            FunnelPerson(chat_id=p.chat_id, day=p.day, groups=p.groups, counted=p.counted) for p in new
        )
    for person in tally.people.values():
        if person.changed and not person.new:
            await session.execute(
                update(FunnelPerson)
                .where(FunnelPerson.chat_id == person.chat_id)
                .values(counted=person.counted)
            )
    rows = [
        {"day": k[0], "dimension": k[1], "grp": k[2], "metric": k[3], "item": k[4], "n": n}
        for k, n in tally.deltas.items()
        if n
    ]
    if rows:
        await session.execute(upsert(session), rows)
    return True


async def roll_up(
    session_factory: Any, now: datetime, *, settle: timedelta = SETTLE, batch: int = BATCH
) -> int:
    """Count every settled event after the watermark, a batch per transaction; returns how many."""
    done = 0
    await ensure_watermark(session_factory)
    while True:
        async with session_factory() as session, session.begin():
            before = await watermark(session)
            events, last = await load_events(session, before, batch, now - settle)
            if last is None:
                return done
            tally = Tally()
            await count_events(session, events, tally)
            if not await store(session, tally, before, last):
                return done  # another process is counting the same range
        done += len(events)
        if len(events) < batch:
            return done


async def pending(session: AsyncSession, batch: int = BATCH) -> Tally:
    """What the events after the watermark add, counted but not stored (a report's latest minute)."""
    tally = Tally()
    after = await watermark(session)
    while True:
        events, last = await load_events(session, after, batch, None)
        if last is None:
            return tally
        await count_events(session, events, tally)
        after = last


async def summed(session: AsyncSession, since: date, until: date) -> dict[tuple[str, str, str, str], int]:
    """The stored counts over cohort days [since, until), by dimension, group, metric and item."""
    stmt = (
        select(
            FunnelCount.dimension,
            FunnelCount.grp,
            FunnelCount.metric,
            FunnelCount.item,
            func.sum(FunnelCount.n),
        )
        .where(FunnelCount.day >= since, FunnelCount.day < until)
        .group_by(FunnelCount.dimension, FunnelCount.grp, FunnelCount.metric, FunnelCount.item)
    )
    out: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for dimension, grp, metric, item, n in (await session.execute(stmt)).all():
        out[(dimension, grp, metric, item)] += int(n or 0)
    return out


def add_tally(totals: dict[tuple[str, str, str, str], int], tally: Tally, since: date, until: date) -> None:
    for (day, dimension, grp, metric, item), n in tally.deltas.items():
        if since <= day < until:
            totals[(dimension, grp, metric, item)] += n


async def cohort_groups(
    session: AsyncSession, chat_ids: Iterable[int]
) -> dict[int, tuple[date, dict[str, str]]]:
    ids = list(set(chat_ids))
    out: dict[int, tuple[date, dict[str, str]]] = {}
    for start in range(0, len(ids), 500):
        stmt = select(FunnelPerson.chat_id, FunnelPerson.day, FunnelPerson.groups).where(
            FunnelPerson.chat_id.in_(ids[start : start + 500])
        )
        for chat_id, day, groups in (await session.execute(stmt)).all():
            out[chat_id] = (day, dict(groups))
    return out
