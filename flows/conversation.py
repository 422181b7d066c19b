"""The whole conversation with one person, greeting to consent: one input in, one Turn out.

Three small machines share each turn, each a `transitions` machine built once at import
(flows/lifecycle.py, flows/capture.py, flows/staffpause.py), around the screening itself
(flows/machine.py). Which one takes an input is decided here, in this order:

1. /stop (no more reminders) works whatever else is going on;
2. while a staff member has the person, everything goes to the staff chat (staffpause);
3. the consent buttons, and what the person types or shares while the call-back details
   are being taken (capture);
4. everything else: the lifecycle (new, active, cancelled, finished, welcome back,
   restart) and, through it, the screening.

After the lifecycle, a plan shown for the first time opens the consent offer.

Everything here is pure: the Context brings the clock, the firm's details, the A/B book
and its draws, and the phone-number reader; the Turn carries back the new state, the
messages, the events and the effects the bot must carry out (flows/effects.py).
"""

from __future__ import annotations

from dataclasses import replace

from flows import capture, intents, language, lifecycle, staffpause
from flows.catalogue import normalize_lang, t
from flows.chat import Act, ChatInput, ChatState, Context, Reply, Turn
from flows.types import InputKind, OutMessage, UserInput
from flows.variants import TAGGED_KINDS

LANGUAGE = "language"  # /language, and the language buttons' "language:<code>"


def step(state: ChatState | None, inp: ChatInput, ctx: Context) -> Turn:
    """Apply one input to the conversation (None: this chat has none yet)."""
    current = state.copy() if state is not None else None
    inp = stated_intent(inp)
    reply = Reply(current, inp, ctx, Turn(state=current))
    if inp.act is Act.STOP:
        stop_reminders(reply)
    elif current is not None and not current.with_staff and language_asked(reply):
        pass
    else:
        if current is not None and inp.act is Act.START and current.opted_out:
            current.opted_out = False
            reply.turn.event("opted_in")
            reply.turn.say(lifecycle.text_message("leads.stop.back_in", reply.lang))
        if current is not None and current.with_staff:
            staffpause.relay(reply)
        elif not capture.take(reply):
            lifecycle.take(reply)
            capture.after_lifecycle(reply)
    reply.turn.state = reply.state
    tag_variants(reply.turn)
    return reply.turn


def stated_intent(inp: ChatInput) -> ChatInput:
    """ "I want to talk to a person", "stop contacting me": typed, they are commands, in either language."""
    ui = inp.user_input
    if inp.act is not Act.INPUT or ui is None or ui.kind is not InputKind.TEXT:
        return inp
    intent = intents.read(ui.value)
    if intent is None:
        return inp
    return replace(inp, user_input=UserInput.command(intent))


def language_asked(reply: Reply) -> bool:
    """/language, a language button, or Spanish recognised in the first thing typed: handled here."""
    state, ui = reply.live(), reply.inp.user_input
    if ui is None or reply.inp.act is not Act.INPUT:
        return False
    if ui.kind is InputKind.COMMAND and ui.value == LANGUAGE:
        reply.turn.say(lifecycle.language_choice(reply.lang))
        return True
    if ui.kind is InputKind.COMMAND and ui.value.startswith(f"{LANGUAGE}:"):
        switch_to(reply, ui.value.partition(":")[2], "lang.switched")
        return True
    told = state.screening.told
    if ui.kind is InputKind.TEXT and language.SETTLED not in told and state.lang != "es":
        state.screening.told = [*told, language.SETTLED]
        if language.looks_spanish(ui.value):
            switch_to(reply, "es", "lang.detected", offer_english=True)
            return True
    return False


def switch_to(reply: Reply, lang: str, key: str, *, offer_english: bool = False) -> None:
    state = reply.live()
    lang = normalize_lang(lang)
    state.lang = lang
    state.screening = state.screening.model_copy(update={"lang": lang})
    if language.SETTLED not in state.screening.told:
        state.screening.told = [*state.screening.told, language.SETTLED]
    reply.turn.event("language", None, lang=lang)
    note = lifecycle.text_message(key, lang)
    if offer_english:
        buttons = ((lifecycle.command(t("lang.btn.en", lang), f"{LANGUAGE}:en"),),)
        note = OutMessage(html=note.html, plain=note.plain, buttons=buttons)
    reply.turn.say(note)
    lifecycle.prompt(reply)


def staff_takes(state: ChatState, ctx: Context) -> Turn:
    """A staff member took the person's lead: the bot falls silent and says who is there now."""
    return staffpause.fire(state, ctx, "take")


def staff_hands_back(state: ChatState, ctx: Context) -> Turn:
    """The staff member is done: the person is back with the assistant."""
    return staffpause.fire(state, ctx, "hand_back")


def stop_reminders(reply: Reply) -> None:
    if reply.state is not None and not reply.state.opted_out:
        reply.state.opted_out = True
        reply.turn.event("opted_out")
    reply.turn.say(lifecycle.text_message("leads.stop.done", reply.lang))


def tag_variants(turn: Turn) -> None:
    """Started and completed events carry the variants (and a start its link token), so the A/B split
    and the UTM breakdown survive in the raw events."""
    state = turn.state
    if state is None:
        return
    for ev in turn.events:
        if ev.kind in TAGGED_KINDS:
            ev.data.setdefault("variant_intro", state.variant_intro)
            ev.data.setdefault("variant_cta", state.variant_cta)
        if ev.kind == "started":
            # The link behind the start: the funnel summary groups a person by its UTM fields.
            ev.data.setdefault("source_token", state.source_token)
