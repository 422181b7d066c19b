"""Building the conversation's messages: one HTML text, its plain form for the terminal."""

from __future__ import annotations

import html
import re

from flows.types import Button, OutMessage

_TAG = re.compile(r"<[^>]+>")


def plain(html_text: str) -> str:
    """The terminal version of a catalogue text: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", html_text))


def message(
    html_text: str,
    *,
    kind: str = "info",
    buttons: tuple[tuple[Button, ...], ...] = (),
    question_id: str | None = None,
) -> OutMessage:
    return OutMessage(
        html=html_text, plain=plain(html_text), buttons=buttons, kind=kind, question_id=question_id
    )
