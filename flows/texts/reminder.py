"""Texts of the reminder to someone who left a screening in the middle (flows/reminder.py)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "reminder.left": (
            "You were partway through your tax-debt check: {questions} to go, about {minutes}. "
            "Pick up right where you left off. (Send /stop if you'd rather not get reminders.)"
        ),
        "reminder.almost": (
            "You were almost done with your tax-debt check: one tap and you see your plan. "
            "(Send /stop if you'd rather not get reminders.)"
        ),
        "reminder.partway": (
            "You were partway through your tax-debt check. Pick up right where you left off. "
            "(Send /stop if you'd rather not get reminders.)"
        ),
        "reminder.questions.one": "1 question",
        "reminder.questions.other": "{n} questions",
        "reminder.minutes.one": "1 minute",
        "reminder.minutes.other": "{n} minutes",
    },
    "es": {
        "reminder.left": (
            "Dejó a medias su evaluación de deuda tributaria. Pendiente: {questions}, alrededor de "
            "{minutes}. Continúe donde lo dejó. (Envíe /stop si prefiere no recibir recordatorios.)"
        ),
        "reminder.almost": (
            "Casi terminaba su evaluación de deuda tributaria: con un toque verá su plan. "
            "(Envíe /stop si prefiere no recibir recordatorios.)"
        ),
        "reminder.partway": (
            "Dejó a medias su evaluación de deuda tributaria. Continúe donde lo dejó. "
            "(Envíe /stop si prefiere no recibir recordatorios.)"
        ),
        "reminder.questions.one": "1 pregunta",
        "reminder.questions.other": "{n} preguntas",
        "reminder.minutes.one": "1 minuto",
        "reminder.minutes.other": "{n} minutos",
    },
}
