"""The person's language: chosen with a button or /language, or recognised in what they write.

A phone set to English does not mean an English speaker: "hola, hablo español" must not be
"not one of the options". The first thing a person types is checked once for Spanish; a
clear sign (a greeting, "español", or several Spanish words and no English ones) switches
the conversation, and English stays one tap away.
"""

from __future__ import annotations

from flows.intents import fold

SETTLED = "lang"  # in Snapshot.told: the language was chosen or recognised; never guessed again

STRONG = frozenset(
    {"hola", "espanol", "hablo", "gracias", "buenos", "buenas", "ayudeme", "necesito", "quiero"}
)
SPANISH = STRONG | frozenset(
    {
        "tengo",
        "debo",
        "deuda",
        "impuestos",
        "carta",
        "usted",
        "por",
        "favor",
        "cuanto",
        "cuando",
        "que",
        "como",
        "mi",
        "mis",
        "el",
        "la",
        "los",
        "las",
        "una",
        "un",
        "del",
        "pagar",
        "puedo",
        "ayuda",
        "senor",
        "senora",
        "dias",
        "mes",
        "nada",
        "casa",
    }
)
ENGLISH = frozenset(
    {
        "hello",
        "hi",
        "i",
        "my",
        "the",
        "owe",
        "want",
        "need",
        "please",
        "thanks",
        "english",
        "a",
        "is",
        "it",
        "to",
    }
)


def looks_spanish(text: str) -> bool:
    words = fold(text).split()
    spanish = sum(word in SPANISH for word in words)
    english = sum(word in ENGLISH for word in words)
    if english >= spanish:
        return False
    return any(word in STRONG for word in words) or spanish >= 2
