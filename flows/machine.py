"""The screening conversation as a `transitions` state machine, built once at import.

Why this shape (engineering-notes §2.2, "option C"): one machine for the flow,
created with model=None and auto_transitions=False, every callback named in the
configuration, and a light ``Conversation`` model rebuilt from the stored
Snapshot on each update. Nothing is registered on the machine, so there is no
per-conversation memory, no add_model/remove_model bookkeeping, and nothing for
a test to reset.

The machine decides *which moves are legal from where*: an answer only from a
question, a change only from the review, text after the result gets a reminder.
The Conversation decides *where a move leads* in its ``prepare`` callback (the
next relevant question is a property of the answers, see questions.py) and the
transition whose destination matches fires. Callbacks only compute: they append
OutMessages and Events to the model; the caller stores and sends them.

Pitfalls handled here: on_enter of the initial state never fires (so a start
trigger leaves a "new" state), on_enter_<state> methods are not auto-wired
without add_model (so every callback is named), and there is no rollback (so all
checks run in ``prepare``, before any state change).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from transitions import EventData, Machine

from flows import answers_view, finform, notice_answers, planview
from flows import questions as Q
from flows.answers import Answers
from flows.assessment import assess
from flows.catalogue import t
from flows.messages import message
from flows.parsing import ParseError
from flows.render import format_money
from flows.types import Button, Event, FormFields, OutMessage, Snapshot, UserInput

NEW = "new"
REVIEW = "review"
DONE = "done"
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in Q.QUESTIONS)
STATES: list[str] = [NEW, *QUESTION_IDS, REVIEW, DONE]

BACK = "cmd:back"
CONTINUE = "cmd:continue"
RESTART = "cmd:restart"
REVIEW_CMD = "cmd:review"
CHANGE_PREFIX = "change:"


@dataclass
class Move:
    """What a trigger will do, worked out in ``prepare`` before any state changes."""

    target: str | None = None  # destination state; None = stay (an internal transition)
    answers: Answers | None = None
    relevant: Q.Relevance | None = None  # Q.relevance(answers), when prepare already judged it
    history: list[str] | None = None
    returning_to: str | None = None
    events: list[Event] = field(default_factory=list)
    notes: list[OutMessage] = field(default_factory=list)  # sent before the destination's prompt
    error: ParseError | None = None


def labels_for(q: Q.Question) -> dict[str, list[str]]:
    """Choice labels in every language, so "Both" is understood in a Spanish conversation too."""
    from flows.catalogue import LANGUAGES

    return {c.value: [t(q.option_id(c.value), lang) for lang in LANGUAGES] for c in q.choices}


class Conversation:
    """One screening, rebuilt from its Snapshot for a single update.

    Cheap on purpose: one pydantic validation of the answers, a copy of the short
    history list, two empty outboxes.
    """

    def __init__(self, snapshot: Snapshot, today: date | None = None) -> None:
        self.state: str = snapshot.state
        self.answers = Answers.model_validate(snapshot.answers)
        self.history: list[str] = list(snapshot.history)
        self.lang = snapshot.lang
        self.step = snapshot.step
        self.returning_to = snapshot.returning_to
        self.told = list(snapshot.told)
        self.today = today or date.today()
        self.outbox: list[OutMessage] = []
        self.events: list[Event] = []
        self.accepted = True
        self.finished = False
        self.plan: Any = None
        self.move = Move()
        self.input: UserInput | None = None
        # Q.relevance() of the answers object it was judged for; see relevant().
        self._relevant: tuple[Answers, Q.Relevance] | None = None

    # ------------------------------------------------------------ results

    def snapshot(self) -> Snapshot:
        return Snapshot(
            state=self.state,
            answers=self.answers.model_dump(mode="json", exclude_none=True),
            history=self.history,
            lang=self.lang,
            step=self.step,
            returning_to=self.returning_to,
            told=self.told,
        )

    def relevant(self) -> Q.Relevance:
        """Q.relevance(self.answers), judged at most once per answers object.

        Reusing it is safe because a Conversation never changes an Answers in place:
        every move works on a copy, which replaces self.answers in commit(). Keying
        on the object's identity makes that replacement drop the old result.
        """
        cached = self._relevant
        if cached is not None and cached[0] is self.answers:
            return cached[1]
        relevant = Q.relevance(self.answers)
        self._relevant = (self.answers, relevant)
        return relevant

    def progress(self) -> tuple[int, int]:
        """(answered, estimated total): the total counts the questions still ahead on the way the
        open answers would ask the fewest (Q.projected), so it says "n of n" at the last question
        and grows only when an answer opens a branch, by that branch."""
        answered = len(self.history)
        return answered, answered + len(Q.projected(self.answers, self.history))

    # ------------------------------------------------------------ conditions

    def leads_here(self, event: EventData) -> bool:
        transition = event.transition
        return self.move.error is None and transition is not None and transition.dest == self.move.target

    def rejected(self, event: EventData) -> bool:
        return self.move.error is not None

    def stays(self, event: EventData) -> bool:
        return self.move.error is None and self.move.target is None

    # ------------------------------------------------------------ prepare: where does this trigger lead?

    def prepare(self, event: EventData) -> None:
        self.move = Move()
        self.input = event.kwargs.get("user_input")
        planner = getattr(self, f"_plan_{event.event.name}")
        planner(event)

    def _next_target(self, relevant: Q.Relevance, history: list[str]) -> str:
        nxt = Q.next_question(relevant, history)
        return nxt.id if nxt else DONE

    def _plan_start(self, event: EventData) -> None:
        self.move.target = Q.FIRST
        self.move.answers, self.move.history = Answers(), []
        self.move.events.append(Event("started", data={"lang": self.lang}))

    def _plan_answer(self, event: EventData) -> None:
        if self.state not in Q.BY_ID:
            return  # review / done: an internal transition replies
        q = Q.BY_ID[self.state]
        user_input = self.input
        assert user_input is not None
        button = user_input.kind == "button"
        try:
            reading = Q.understand(
                q,
                user_input.value,
                self.answers,
                self.lang,
                self.today,
                button=button,
                # Only typed choices are read by label; a button press carries its value.
                labels=labels_for(q) if q.kind is Q.Kind.CHOICE and not button else None,
            )
        except ParseError as exc:
            self.move.error = exc
            self.move.events.append(Event("invalid", q.id, {"error": exc.msg_id}))
            return
        answers = self.answers.model_copy()
        Q.store(q, reading.value, answers)
        if reading.from_sentence:
            self.move.notes.append(self.read_note(q, answers))
        history = [qid for qid in self.history if qid != q.id] + [q.id]
        history, relevant = Q.settle(answers, history)
        self.move.answers, self.move.history, self.move.relevant = answers, history, relevant
        self.move.target = self._next_target(relevant, history)
        kind = "changed" if self.returning_to else "answered"
        self.move.events.append(Event(kind, q.id))

    def _plan_back(self, event: EventData) -> None:
        if self.state == REVIEW:
            self._plan_continue(event)
            return
        if self.returning_to and self.state in Q.BY_ID:
            # Backing out of a change from the review: return there, nothing changed.
            self.move.target = REVIEW
            self.move.events.append(Event("back", self.state))
            return
        if not self.history:
            self.move.notes.append(message(t("conv.nothing_to_undo", self.lang)))
            return
        answers = self.answers.model_copy()
        history = self.history[:-1]
        last = self.history[-1]
        Q.clear(Q.BY_ID[last], answers)
        history, relevant = Q.settle(answers, history)
        self.move.answers, self.move.history, self.move.relevant = answers, history, relevant
        self.move.target = last if relevant[Q.ORDER[last]] else self._next_target(relevant, history)
        self.move.events.append(Event("back", last))

    def _plan_restart(self, event: EventData) -> None:
        self.move.target = Q.FIRST
        self.move.answers, self.move.history = Answers(), []
        self.move.events.append(Event("restart", self.state))
        self.move.notes.append(message(t("conv.restarted", self.lang)))

    def _plan_review(self, event: EventData) -> None:
        self.move.target = REVIEW
        self.move.events.append(Event("review", self.state))

    def _plan_change(self, event: EventData) -> None:
        qid = str(event.kwargs.get("question_id", ""))
        if self.state != REVIEW or qid not in self.history:
            # A change button from an old review: the answers it showed may be gone.
            self.move.error = ParseError("conv.stale")
            self.move.events.append(Event("stale", qid or None))
            return
        self.move.target = qid
        self.move.returning_to = REVIEW
        self.move.events.append(Event("review", qid, {"change": True}))

    def _plan_letter(self, event: EventData) -> None:
        """A notice the person confirmed: the questions it answers are answered (flows/notice_answers.py)."""
        found = event.kwargs.get("facts")
        if self.state == NEW or not isinstance(found, dict):
            self.move.error = ParseError("letters.not_used")
            return
        answers, history, filled = notice_answers.fill(
            self.answers, self.history, found, self.lang, self.today
        )
        if not filled:
            self.move.error = ParseError("letters.not_used")
            self.move.events.append(Event("letter_not_used"))
            return
        relevant = Q.relevance(answers)
        self.move.answers, self.move.history, self.move.relevant = answers, history, relevant
        target = self._next_target(relevant, history)
        if target == DONE and (self.state in (REVIEW, DONE) or self.returning_to):
            target = REVIEW  # the plan was shown or is being changed: the answers first, then Continue
        self.move.target = target
        self.move.events.append(Event("letter_used", data={"filled": filled}))
        self.move.notes.append(self.filled_note(answers, filled))

    def _plan_form(self, event: EventData) -> None:
        """The financial form, submitted: every question it holds answered at once (flows/finform.py).

        Refused, with the reason and nothing changed, outside the financial block, when the
        conversation moved on since the form was opened, or when a field fails its question's checks
        (the bot's web server checks them first; this is the check that counts).
        """
        sent = event.kwargs.get("form")
        here = self.state if self.state in Q.BY_ID else None
        reading: finform.FormReading | None = None
        if not isinstance(sent, FormFields):
            refused: str | None = finform.NOT_NOW
        else:
            where = Snapshot(state=self.state, step=self.step)
            refused = finform.refusal(where, active=True, with_staff=False, opened_at=sent.opened_at)
            if refused is None:
                reading = finform.read(self.answers, self.history, sent.as_dict(), self.lang, self.today)
                refused = None if reading.complete else finform.INVALID
        if refused is not None or reading is None:
            self.move.error = ParseError(refused or finform.NOT_NOW)
            self.move.events.append(Event("form_refused", here, {"reason": refused}))
            return
        answers, history = reading.answers, reading.history
        relevant = Q.relevance(answers)
        self.move.answers, self.move.history, self.move.relevant = answers, history, relevant
        target = self._next_target(relevant, history)
        if target == DONE and self.returning_to:
            target = REVIEW  # a change from the review: the answers first, then Continue
        self.move.target = target
        kind = "changed" if self.returning_to else "answered"
        for qid in reading.filled:
            if qid != self.state:
                self.move.events.append(Event("entered", qid, {"via": "form"}))
            self.move.events.append(Event(kind, qid, {"via": "form"}))
        self.move.events.append(Event("form_used", here, {"filled": len(reading.filled)}))
        self.move.notes.append(self.filled_note(answers, reading.filled, "form.filled"))

    def _plan_more(self, event: EventData) -> None:
        """Nothing moves: the done state shows what the plan's button asked for."""

    def _plan_continue(self, event: EventData) -> None:
        if self.state != REVIEW:
            return  # nothing to leave: re-show where we are
        self.move.target = self._next_target(self.relevant(), self.history)

    # ------------------------------------------------------------ before: apply the move

    def commit(self, event: EventData) -> None:
        move = self.move
        if move.answers is not None:
            self.answers = move.answers
            if move.relevant is not None:
                self._relevant = (move.answers, move.relevant)
        if move.history is not None:
            self.history = move.history
        self.returning_to = move.returning_to
        self.events.extend(move.events)
        self.outbox.extend(move.notes)

    # ------------------------------------------------------------ after internal transitions

    def refuse_letter(self, event: EventData) -> None:
        """A confirm button that can fill nothing (tampered, or every field failed its checks)."""
        self.accepted = False
        self.events.extend(self.move.events)
        self.outbox.append(message(t("letters.not_used", self.lang), kind="error"))
        self.outbox.extend(self.prompt())

    def refuse_form(self, event: EventData) -> None:
        """A form that cannot be used now: why, then where the conversation is (a fresh form button)."""
        error = self.move.error
        assert error is not None
        self.accepted = False
        self.events.extend(self.move.events)
        self.outbox.append(message(t(error.msg_id, self.lang), kind="error"))
        self.outbox.extend(self.prompt())

    def reject(self, event: EventData) -> None:
        """A rejected reply: say what is wrong, what is expected, with an example; keep the buttons."""
        error = self.move.error
        assert error is not None
        self.accepted = False
        self.events.extend(self.move.events)
        if error.msg_id == "conv.stale":
            self.outbox.append(message(t("conv.stale", self.lang)))
            self.outbox.extend(self.prompt())
            return
        q = Q.BY_ID[self.state]
        params = {k: self._shown(v) for k, v in error.params.items()}
        text = f"{t(error.msg_id, self.lang, **params)}\n{t(q.hint_id, self.lang)}"
        self.outbox.append(message(text, kind="error", buttons=self.buttons(q), question_id=q.id))

    def remind(self, event: EventData) -> None:
        """Input that moves nothing (text after the result, text in the review, /back at the start)."""
        self.events.extend(self.move.events)
        self.outbox.extend(self.move.notes)
        if self.state == DONE and not self.move.notes:
            self.outbox.append(self.done_message())
        elif self.state == REVIEW:
            self.outbox.append(message(t("conv.review.use_buttons", self.lang)))
            self.outbox.append(self.review_message())
        else:
            self.outbox.extend(self.prompt())

    # ------------------------------------------------------------ on_enter: show where we arrived

    def ask(self, event: EventData) -> None:
        self.events.append(Event("entered", self.state))
        self.outbox.extend(self.prompt())

    def show_review(self, event: EventData) -> None:
        self.events.append(Event("entered", REVIEW))
        self.outbox.append(self.review_message())

    def finish(self, event: EventData) -> None:
        self.plan = assess(self.answers, self.today)
        self.finished = True
        self.returning_to = None
        self.events.append(Event("completed", data={"programs": [str(p) for p in self._programs()]}))
        if Q.financials_wait_on_filing(self.answers):
            # The money questions were skipped: say why, and that the estimate comes after filing.
            self.outbox.append(message(t("conv.after_filing", self.lang), kind="note"))
        self.outbox.append(planview.summary(self.plan, self.lang))

    def show_more(self, event: EventData) -> None:
        """A summary button: one program's details, the other options or the notes, nothing moved."""
        plan = assess(self.answers, self.today)
        shown = planview.on_demand(plan, str(event.kwargs.get("command", "")), self.lang)
        self.events.append(Event("plan_details", data={"shown": str(event.kwargs.get("command", ""))[:24]}))
        self.outbox.extend(shown or [self.done_message()])

    def _programs(self) -> list[Any]:
        recs = getattr(self.plan, "recommendations", None) or []
        return [getattr(r, "program", r) for r in recs]

    # ------------------------------------------------------------ rendering

    def _shown(self, value: Any) -> str:
        if isinstance(value, Decimal):
            return html.escape(format_money(value, self.lang))
        return html.escape(str(value))

    def buttons(self, q: Q.Question) -> tuple[tuple[Button, ...], ...]:
        lang = self.lang
        rows: list[tuple[Button, ...]] = []
        if q.kind is Q.Kind.YES_NO:
            row = [Button(t("conv.btn.yes", lang), Q.YES), Button(t("conv.btn.no", lang), Q.NO)]
            if q.unsure:
                row.append(Button(t("conv.btn.unsure", lang), Q.UNSURE))
            rows.append(tuple(row))
        elif q.kind is Q.Kind.CHOICE:
            rows.extend((Button(t(q.option_id(c.value), lang), c.value),) for c in q.choices)
        else:
            extra = []
            if q.zero_button:
                extra.append(Button(t("conv.btn.zero", lang), Q.ZERO))
            if q.unsure:
                extra.append(Button(t("conv.btn.unsure", lang), Q.UNSURE))
            if extra:
                rows.append(tuple(extra))
        if finform.in_block(q.id):
            # All the money questions on one page (a Mini App); the render layer leaves it out where
            # the bot serves no such page, and the questions go on one by one.
            rows.append((Button(t("form.btn.open", lang), web_app=finform.APP),))
        if self.history or self.returning_to:
            rows.append((Button(t("conv.btn.back", lang), BACK),))
        return tuple(rows)

    def prompt(self) -> list[OutMessage]:
        """The message that shows the current state again (a question, the review or the done reply)."""
        if self.state == REVIEW:
            return [self.review_message()]
        if self.state == DONE:
            return [self.done_message()]
        if self.state not in Q.BY_ID:
            return []
        q = Q.BY_ID[self.state]
        text = f"{t(q.text_id, self.lang)}\n<i>{t('conv.why', self.lang)} {t(q.why_id, self.lang)}</i>"
        if self.returning_to and q.id in self.history:
            text = f"{t('conv.changing', self.lang, value=self.display(q))}\n\n{text}"
        return [message(text, kind="question", buttons=self.buttons(q), question_id=q.id)]

    def display(self, q: Q.Question) -> str:
        """An answer as shown in the review, already HTML-escaped."""
        return html.escape(answers_view.value_text(q, self.answers, self.lang))

    def read_note(self, q: Q.Question, answers: Answers) -> OutMessage:
        """One line saying what was read out of a sentence ("I read that as $600 a month.")."""
        key = "conv.read.money_month" if q.per_month else "conv.read.value"
        value = html.escape(answers_view.value_text(q, answers, self.lang))
        return message(t(key, self.lang, value=value), kind="note", question_id=q.id)

    def filled_note(self, answers: Answers, filled: list[str], title: str = "letters.filled") -> OutMessage:
        """What a confirmed letter (or the form) answered, one line each, as the review shows answers."""
        lines = [t(title, self.lang)]
        for label, value in answers_view.describe(answers, self.lang, filled):
            lines.append(f"• {html.escape(label)}: <b>{html.escape(value)}</b>")
        return message("\n".join(lines), kind="note")

    def review_message(self) -> OutMessage:
        lang = self.lang
        answered = sorted(self.history, key=Q.ORDER.__getitem__)
        lines = [t("conv.review.title", lang)]
        rows: list[tuple[Button, ...]] = []
        if not answered:
            lines.append(t("conv.review.empty", lang))
        described = answers_view.describe(self.answers, lang, answered)
        for qid, (label, value) in zip(answered, described, strict=True):
            lines.append(f"• {html.escape(label)}: <b>{html.escape(value)}</b>")
            rows.append((Button(t("conv.btn.change", lang, label=label), CHANGE_PREFIX + qid),))
        if answered:
            lines.append("")
            lines.append(t("conv.review.footer", lang))
        rows.append((Button(t("conv.btn.continue", lang), CONTINUE),))
        return message("\n".join(lines), kind="review", buttons=tuple(rows))

    def done_message(self) -> OutMessage:
        lang = self.lang
        buttons = (
            (Button(t("conv.btn.review", lang), REVIEW_CMD),),
            (Button(t("conv.btn.restart", lang), RESTART),),
        )
        return message(t("conv.done.reply", lang), buttons=buttons)


# ---------------------------------------------------------------- the machine


def _moves(trigger: str, sources: list[str], dests: list[str], **extra: Any) -> list[dict[str, Any]]:
    """One transition per (source, destination) pair, taken when ``prepare`` chose that destination.

    Destinations are listed from the source onwards in table order, so the usual
    case (the next question) matches within the first few condition checks.
    """
    out: list[dict[str, Any]] = []
    order = {s: i for i, s in enumerate(STATES)}
    for source in sources:
        here = order[source]
        ranked = sorted(dests, key=lambda d: (order[d] <= here, order[d]))  # noqa: B023 - used at once
        out.extend(
            {
                "trigger": trigger,
                "source": source,
                "dest": d,
                "conditions": "leads_here",
                "before": "commit",
                **extra,
            }
            for d in ranked
        )
    return out


def _stay(trigger: str, sources: list[str], condition: str, after: str) -> dict[str, Any]:
    return {"trigger": trigger, "source": sources, "dest": None, "conditions": condition, "after": after}


def build_machine() -> Machine:
    questions = list(QUESTION_IDS)
    anywhere = [*questions, REVIEW, DONE]
    states = [{"name": NEW}]
    states += [{"name": qid, "on_enter": "ask"} for qid in questions]
    states += [{"name": REVIEW, "on_enter": "show_review"}, {"name": DONE, "on_enter": "finish"}]
    transitions: list[dict[str, Any]] = [
        {"trigger": "start", "source": NEW, "dest": Q.FIRST, "before": "commit"},
        # answer: rejected -> stay; accepted -> the next relevant question or the result
        _stay("answer", questions, "rejected", "reject"),
        *_moves("answer", questions, [*questions, DONE]),
        _stay("answer", [REVIEW, DONE], "stays", "remind"),
        # back: one question back (or out of a change, or out of the review)
        _stay("back", anywhere, "stays", "remind"),
        *_moves("back", anywhere, [*questions, REVIEW, DONE]),
        # restart: from anywhere to the first question, answers cleared
        {"trigger": "restart", "source": [NEW, *anywhere], "dest": Q.FIRST, "before": "commit"},
        # review: shows every answer with a change button
        {"trigger": "review", "source": anywhere, "dest": REVIEW, "before": "commit"},
        # change: only from the review, to an answered question
        _stay("change", [NEW, *anywhere], "rejected", "reject"),
        *_moves("change", [REVIEW], questions),
        # continue: leave the review for the next unanswered question or the result
        *_moves("continue", [REVIEW], [*questions, DONE]),
        _stay("continue", anywhere, "stays", "remind"),
        # a button under the plan's summary: its details, shown where the plan is
        _stay("more", [DONE], "stays", "show_more"),
        # a notice the person confirmed from a photo: the questions it answers are skipped
        _stay("letter", [NEW, *anywhere], "rejected", "refuse_letter"),
        *_moves("letter", anywhere, [*questions, REVIEW, DONE]),
        _stay("more", [NEW, *questions, REVIEW], "stays", "remind"),
        # the financial form, submitted: its questions answered at once, only from one of them
        _stay("form", [NEW, *anywhere], "rejected", "refuse_form"),
        *_moves("form", list(finform.FIELDS), [*questions, REVIEW, DONE]),
    ]
    return Machine(
        model=None,
        states=states,
        transitions=transitions,
        initial=NEW,
        auto_transitions=False,
        send_event=True,
        prepare_event="prepare",
        ignore_invalid_triggers=False,
    )


MACHINE = build_machine()


def fire(conversation: Conversation, trigger: str, **kwargs: Any) -> None:
    """Run one trigger on a throwaway model (option C: the model is never registered)."""
    MACHINE.events[trigger].trigger(conversation, **kwargs)
