"""`python -m bot chat`: the whole conversation in a terminal, greeting to consent.

Why it exists: the conversation can be tried, demoed and debugged with no bot token, no
Telegram and no database. It drives exactly what the bot drives (flows.engine.step, with
the same firm settings, A/B variants and phone-number reader), including the JSON round
trip of the screening's snapshot, so what works here works there. What the bot would
store (a consent record, a lead) is only named, never kept.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.cli.common import Subcommands
from bot.config import Settings, load_settings
from bot.config.variants import load_or_empty
from bot.features.leads.phone import PhoneNumbers
from flows import engine
from flows.chat import Act, ChatInput, ChatState, Context, Firm, Turn
from flows.effects import RecordConsent, SaveLead
from flows.types import Snapshot, UserInput

QUIT = {"/quit", "/exit", "/q"}
ACTS = {"/start": Act.START, "/help": Act.HELP, "/cancel": Act.CANCEL, "/stop": Act.STOP}
CONTROLS = {
    "/back": "back",
    "/restart": "restart",
    "/review": "review",
    "/continue": "continue",
    "/human": "human",
    "/language": "language",
}
HELP = "/back /restart /review /human /language /help /cancel /quit, or a number to press a button."


class Console:
    """One person talking to the conversation in a terminal."""

    def __init__(
        self,
        settings: Settings,
        lang: str,
        output: Callable[[str], object],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.lang = lang
        self.output = output
        self.clock = clock
        self.state: ChatState | None = None
        self.choices: list[tuple[str, str | None]] = []  # (label, value) of what a number presses
        self.rng = rng or random.Random()

    def context(self) -> Context:
        s = self.settings
        return Context(
            now=self.clock(),
            firm=Firm(s.firm_name, s.firm_phone, s.firm_booking_url),
            phones=PhoneNumbers(),
            variants=load_or_empty(s.variants_file or None),
            rng=self.rng,
            resume_after=timedelta(minutes=s.resume_prompt_after_minutes),
            hours=s.hours(),
        )

    def send(self, inp: ChatInput) -> Turn:
        turn = engine.step(self.state, inp, self.context())
        state = turn.state
        if state is not None:
            # The same JSON round trip the bot's database does, so the terminal catches what it would.
            state.screening = Snapshot.model_validate_json(state.screening.model_dump_json())
        self.state = state
        self.show(turn)
        return turn

    def show(self, turn: Turn) -> None:
        choices: list[tuple[str, str | None]] = []
        for message in turn.messages:
            self.output(message.plain)
            if message.kind == "greeting":
                continue  # its language buttons: /language here, where numbers would be ambiguous
            for row in message.buttons:
                for button in row:
                    if button.web_app is None:  # a Mini App (the financial form) opens only in Telegram
                        choices.append((button.label, button.url or button.value))
            if message.keyboard is not None:
                for keys in message.keyboard.rows:
                    # A key sends its label as text; sharing a contact needs Telegram.
                    choices.extend((key.label, None) for key in keys if not key.request_contact)
        if turn.notice:
            self.output(f"({turn.notice})")
        for effect in turn.effects:
            if isinstance(effect, RecordConsent):
                self.output(f"[the bot records the consent decision: {'yes' if effect.accepted else 'no'}]")
            elif isinstance(effect, SaveLead):
                self.output("[the bot saves the lead and tells the firm's staff]")
        if choices:
            self.choices = choices
            self.output("  ".join(f"{i}) {label}" for i, (label, _) in enumerate(choices, 1)))

    def read(self, text: str) -> ChatInput | None:
        """A number presses a button; /commands are commands; anything else is typed.

        None: nothing goes to the bot (a link button opens a page)."""
        step = self.state.step if self.state is not None else None
        if text.isdecimal() and text.isascii() and 1 <= int(text) <= len(self.choices):
            label, value = self.choices[int(text) - 1]
            if value is None:
                return ChatInput(Act.INPUT, UserInput.typed(label), language_code=self.lang)
            if value.startswith(("http://", "https://")):
                self.output(f"(opens {value})")
                return None
            return ChatInput(Act.INPUT, button_input(value, step), language_code=self.lang, button=True)
        word, _, rest = text.partition(" ")
        if word.lower() in ACTS:
            return ChatInput(ACTS[word.lower()], payload=rest.strip() or None, language_code=self.lang)
        if word.lower() in CONTROLS:
            return ChatInput(Act.INPUT, UserInput.command(CONTROLS[word.lower()]), language_code=self.lang)
        return ChatInput(Act.INPUT, UserInput.typed(text), language_code=self.lang)


def button_input(value: str, step: int | None) -> UserInput:
    if value.startswith("cmd:"):
        return UserInput.command(value[len("cmd:") :], step)
    return UserInput.pressed(value, step)


def run_console(
    lang: str = "en",
    input_fn: Callable[[str], str] = input,
    output_fn: Callable[[str], object] = print,
    settings: Settings | None = None,
    clock: Callable[[], datetime] | None = None,
    rng: random.Random | None = None,
) -> None:
    """Chat with the bot's conversation until /quit or the end of input."""
    console = Console(settings or load_settings(), lang, output_fn, clock or (lambda: datetime.now(UTC)), rng)
    output_fn(HELP)
    console.send(ChatInput(Act.START, language_code=lang))
    while True:
        try:
            text = input_fn("> ").strip()
        except (EOFError, KeyboardInterrupt):
            output_fn("")
            return
        if text.lower() in QUIT:
            return
        inp = console.read(text) if text else None
        if inp is not None:
            console.send(inp)


def cmd_chat(args: object) -> int:
    run_console(lang=getattr(args, "lang", "en"))
    return 0


def add_chat(sub: Subcommands) -> None:
    p = sub.add_parser("chat", help="talk to the bot's conversation in this terminal")
    p.add_argument("--lang", default="en", choices=["en", "es"])
    p.set_defaults(func=cmd_chat)
