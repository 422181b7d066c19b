"""Texts for campaign reports (/stats, /export, `python -m bot report`).

Staff read these, but in their own Telegram language, so both languages are
kept. Report tables are monospace: column headers are short on purpose.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "analytics.title": "Report {since} – {until}",
        "analytics.overall": "All campaigns",
        "analytics.by.campaign": "By campaign",
        "analytics.by.intro": "By intro variant",
        "analytics.by.cta": "By call-to-action variant",
        "analytics.by.utm_source": "By utm_source",
        "analytics.by.utm_medium": "By utm_medium",
        "analytics.by.utm_campaign": "By utm_campaign",
        "analytics.by.utm_content": "By utm_content",
        "analytics.by.utm_term": "By utm_term",
        "analytics.none": "(none)",
        "analytics.col.group": "group",
        "analytics.col.starts": "starts",
        "analytics.col.completed": "done",
        "analytics.col.rate": "done%",
        "analytics.col.leads": "leads",
        "analytics.col.urgent": "urgent",
        "analytics.col.question": "question",
        "analytics.col.reached": "reached",
        "analytics.col.answered": "answered",
        "analytics.col.left": "left",
        "analytics.summary": (
            "Starts: {starts}\nCompleted screenings: {completed} ({rate})\nLeads: {leads} (urgent: {urgent})"
        ),
        "analytics.programs": "Programs recommended",
        "analytics.funnel": "Funnel per question",
        "analytics.empty": "No conversations in this period.",
        "analytics.chart.title": "Funnel per question",
        "analytics.chart.caption": "Funnel {since} – {until}: reached / answered / left per question.",
        "analytics.export.caption": "Leads export: {rows} rows.",
        "analytics.export.caption_screenings": "Completed screenings export: {rows} rows.",
    },
    "es": {
        "analytics.title": "Informe {since} – {until}",
        "analytics.overall": "Todas las campañas",
        "analytics.by.campaign": "Por campaña",
        "analytics.by.intro": "Por variante de saludo",
        "analytics.by.cta": "Por variante de llamada a la acción",
        "analytics.by.utm_source": "Por utm_source",
        "analytics.by.utm_medium": "Por utm_medium",
        "analytics.by.utm_campaign": "Por utm_campaign",
        "analytics.by.utm_content": "Por utm_content",
        "analytics.by.utm_term": "Por utm_term",
        "analytics.none": "(ninguna)",
        "analytics.col.group": "grupo",
        "analytics.col.starts": "inicios",
        "analytics.col.completed": "fin",
        "analytics.col.rate": "fin%",
        "analytics.col.leads": "leads",
        "analytics.col.urgent": "urgentes",
        "analytics.col.question": "pregunta",
        "analytics.col.reached": "llegaron",
        "analytics.col.answered": "respondieron",
        "analytics.col.left": "salieron",
        "analytics.summary": (
            "Inicios: {starts}\nEvaluaciones completadas: {completed} ({rate})\n"
            "Leads: {leads} (urgentes: {urgent})"
        ),
        "analytics.programs": "Programas recomendados",
        "analytics.funnel": "Embudo por pregunta",
        "analytics.empty": "No hay conversaciones en este periodo.",
        "analytics.chart.title": "Embudo por pregunta",
        "analytics.chart.caption": (
            "Embudo {since} – {until}: llegaron / respondieron / salieron por pregunta."
        ),
        "analytics.export.caption": "Exportación de leads: {rows} filas.",
        "analytics.export.caption_screenings": "Exportación de evaluaciones completadas: {rows} filas.",
    },
}
