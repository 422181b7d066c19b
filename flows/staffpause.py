"""The pause while a staff member talks with the person: the assistant falls silent.

    bot ──take──▶ staff ──hand_back──▶ bot

While a staff member has the person, everything the person sends goes to the staff
chat as it is (RelayToStaff), commands included, and the bot says nothing itself; an
old inline button only gets a note that a person is handling the chat. Taking and
handing back are staff actions: the bot runs them for every conversation of the lead.
"""

from __future__ import annotations

from transitions import EventData, Machine

from flows.catalogue import t
from flows.chat import Act, ChatInput, ChatState, Context, Reply, Turn
from flows.effects import RelayToStaff
from flows.lifecycle import text_message
from flows.types import InputKind

BOT = "bot"
STAFF = "staff"


class StaffPause:
    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.turn = reply.turn
        self.firm = reply.ctx.firm
        self.pause = STAFF if reply.live().with_staff else BOT

    @property
    def lang(self) -> str:
        return self.reply.lang

    def tell_taken(self, event: EventData) -> None:
        self.turn.say(text_message("leads.handoff.taken", self.lang, firm=self.firm.name))

    def tell_back(self, event: EventData) -> None:
        self.turn.say(text_message("leads.handoff.back", self.lang, firm=self.firm.name))

    def relay(self, event: EventData) -> None:
        inp = self.reply.inp
        if inp.button:
            # An old inline button: stop its spinner, but do not act: a person is in charge.
            self.turn.notice = t("leads.handoff.taken", self.lang, firm=self.firm.name)
            return
        self.turn.effects.append(RelayToStaff(text=relayed_text(inp), copy_message=relayed_text(inp) is None))


def relayed_text(inp: ChatInput) -> str | None:
    """What the person sent, as they would have typed it; None for a message to copy as it is."""
    ui = inp.user_input
    if inp.act is Act.INPUT and ui is not None:
        return ui.value if ui.kind is InputKind.TEXT else f"/{ui.value}"
    if inp.act is Act.START:
        return "/start" + (f" {inp.payload}" if inp.payload else "")
    if inp.act is Act.HELP:
        return "/help"
    if inp.act is Act.CANCEL:
        return "/cancel"
    return None  # a photo, a voice note, a sticker, a contact: copied


def build_machine() -> Machine:
    return Machine(
        model=None,
        states=[BOT, STAFF],
        transitions=[
            {"trigger": "take", "source": BOT, "dest": STAFF, "after": "tell_taken"},
            {"trigger": "hand_back", "source": STAFF, "dest": BOT, "after": "tell_back"},
            {"trigger": "relay", "source": STAFF, "dest": None, "after": "relay"},
        ],
        initial=BOT,
        auto_transitions=False,
        send_event=True,
        model_attribute="pause",
        ignore_invalid_triggers=True,
    )


MACHINE = build_machine()


def run(reply: Reply, trigger: str) -> None:
    model = StaffPause(reply)
    MACHINE.events[trigger].trigger(model)
    reply.live().with_staff = model.pause == STAFF


def relay(reply: Reply) -> None:
    run(reply, "relay")


def fire(state: ChatState, ctx: Context, trigger: str) -> Turn:
    """A staff action on one conversation of the lead (take, hand_back)."""
    current = state.copy()
    reply = Reply(current, ChatInput(Act.INPUT), ctx, Turn(state=current))
    run(reply, trigger)
    return reply.turn
