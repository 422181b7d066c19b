"""What a person may type instead of an answer: asking for a person, asking not to be contacted.

People write "I want to talk to a person" or "quiero hablar con alguien" at any question, and
"stop calling me" after giving a number. These are recognised in both languages whatever
the conversation's language, by phrases (accents, case and punctuation ignored), before the
screening reads the text as an answer: no answer of ours looks like them.
"""

from __future__ import annotations

import re
import unicodedata

HUMAN = "human"
STOP_CONTACT = "stop_contact"

PHRASES: dict[str, tuple[str, ...]] = {
    STOP_CONTACT: (
        "stop contacting me",
        "stop calling me",
        "stop texting me",
        "dont call me",
        "do not call me",
        "dont contact me",
        "do not contact me",
        "no more calls",
        "leave me alone",
        "no me contacten",
        "no me llamen",
        "dejen de llamarme",
        "dejen de contactarme",
        "no quiero que me llamen",
        "no quiero que me contacten",
    ),
    HUMAN: (
        "talk to a person",
        "talk to someone",
        "talk to somebody",
        "talk to a human",
        "talk to a real person",
        "speak to a person",
        "speak to someone",
        "speak with someone",
        "speak with a person",
        "speak to a human",
        "real person",
        "a human please",
        "live agent",
        "customer service",
        "representative",
        "talk to an agent",
        "speak to an agent",
        "hablar con alguien",
        "hablar con una persona",
        "hablar con un humano",
        "hablar con un agente",
        "hablar con un representante",
        "persona real",
        "una persona por favor",
        "quiero hablar con",
        "necesito hablar con",
    ),
}

_NOT_WORD = re.compile(r"[^a-z0-9 ]+")


def fold(text: str) -> str:
    """Lowercase, accents and punctuation gone, spaces collapsed ("¿Quiero HABLAR con alguien?")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", ascii_only).split())


def read(text: str) -> str | None:
    """The intent a typed text states (HUMAN, STOP_CONTACT), or None: it is an answer, or nothing."""
    folded = f" {fold(text)} "
    for intent, phrases in PHRASES.items():
        if any(f" {phrase} " in folded for phrase in phrases):
            return intent
    return None
