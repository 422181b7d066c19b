"""Texts of the plan as a phone shows it (flows/planview.py): the summary and its buttons."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "plan.view.first_step": "First step:",
        "plan.view.disclaimer": "An estimate based on your answers, not tax advice.",
        "plan.view.details": "{n}. {name}",
        "plan.view.other_options": "Other options ({count})",
        "plan.view.notes_button": "Good to know",
        "plan.view.other_title": "Other options (they may fit later, or with more information)",
        "plan.view.change": "Change an answer",
    },
    "es": {
        "plan.view.first_step": "Primer paso:",
        "plan.view.disclaimer": "Una estimación según sus respuestas, no asesoría fiscal.",
        "plan.view.details": "{n}. {name}",
        "plan.view.other_options": "Otras opciones ({count})",
        "plan.view.notes_button": "Bueno saber",
        "plan.view.other_title": "Otras opciones (pueden encajar más adelante, o con más información)",
        "plan.view.change": "Cambiar una respuesta",
    },
}
