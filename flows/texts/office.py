"""Texts of the back office: the staff card's extra lines and outcomes, transcripts, /stats, /dashboard,
and the dashboard's pages. Staff read them; both languages are kept like the rest of the catalogue."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "office.transcript.media": "[sent a photo, voice note or file]",
        "office.transcript.contact": "[shared their phone number]",
        "office.outcome.booked": "📅 Booked",
        "office.outcome.not_qualified": "🚫 Not qualified",
        "office.outcome.no_answer": "📵 No answer",
        "office.outcome.not_interested": "🙅 Not interested",
        "office.outcome.wrong_number": "❌ Wrong number",
        "office.outcome.other": "✔️ Other",
        "office.outcome.back": "↩️ Back",
        "office.outcome.ask": "How did it end?",
        "office.lang.en": "English",
        "office.lang.es": "Spanish",
        "office.card.lang": "<b>Language:</b> {lang}",
        "office.card.letter": "<b>Letter:</b> {letter} · <b>deadline:</b> {deadline}",
        "office.card.income": "<b>Monthly income:</b> {income}",
        "office.card.headline": "<b>Plan:</b> {headline}",
        "office.card.inbox": '<a href="{url}">Open in the inbox</a>',
        "office.stats.summary": (
            "<b>{since} – {until}</b>\n"
            "Starts: {starts}\nCompleted: {completed} ({completed_rate})\n"
            "Agreed to be contacted: {consented}\nLeads: {leads} ({urgent} urgent)\n"
            "Taken by staff: {taken}\nBooked: {booked}"
        ),
        "office.stats.top": "Top campaigns: {campaigns}",
        "office.stats.link": '<a href="{url}">Open the dashboard</a>',
        "office.stats.no_link": "The dashboard is not configured (PUBLIC_BASE_URL, DASHBOARD_SECRET).",
        "office.stats.empty": "No conversations in this period.",
        "office.dashboard.link": (
            '<a href="{url}">Sign in to the dashboard</a>\nThe link works once, for {minutes} minutes.'
        ),
        "office.dashboard.off": "The dashboard is not configured (PUBLIC_BASE_URL, DASHBOARD_SECRET).",
        "office.chart.funnel": "Funnel",
        "office.chart.people": "People",
        "office.funnel.starts": "Started",
        "office.funnel.completed": "Completed",
        "office.funnel.consented": "Agreed to contact",
        "office.funnel.leads": "Leads",
        "office.funnel.taken": "Taken by staff",
        "office.funnel.booked": "Booked",
    },
    "es": {
        "office.transcript.media": "[envió una foto, nota de voz o archivo]",
        "office.transcript.contact": "[compartió su número de teléfono]",
        "office.outcome.booked": "📅 Cita agendada",
        "office.outcome.not_qualified": "🚫 No califica",
        "office.outcome.no_answer": "📵 No contesta",
        "office.outcome.not_interested": "🙅 No le interesa",
        "office.outcome.wrong_number": "❌ Número equivocado",
        "office.outcome.other": "✔️ Otro",
        "office.outcome.back": "↩️ Volver",
        "office.outcome.ask": "¿Cómo terminó?",
        "office.lang.en": "Inglés",
        "office.lang.es": "Español",
        "office.card.lang": "<b>Idioma:</b> {lang}",
        "office.card.letter": "<b>Carta:</b> {letter} · <b>plazo:</b> {deadline}",
        "office.card.income": "<b>Ingreso mensual:</b> {income}",
        "office.card.headline": "<b>Plan:</b> {headline}",
        "office.card.inbox": '<a href="{url}">Abrir en la bandeja</a>',
        "office.stats.summary": (
            "<b>{since} – {until}</b>\n"
            "Inicios: {starts}\nCompletadas: {completed} ({completed_rate})\n"
            "Aceptaron ser contactados: {consented}\nLeads: {leads} ({urgent} urgentes)\n"
            "Atendidos por el equipo: {taken}\nCitas: {booked}"
        ),
        "office.stats.top": "Campañas principales: {campaigns}",
        "office.stats.link": '<a href="{url}">Abrir el panel</a>',
        "office.stats.no_link": "El panel no está configurado (PUBLIC_BASE_URL, DASHBOARD_SECRET).",
        "office.stats.empty": "No hay conversaciones en este periodo.",
        "office.dashboard.link": (
            '<a href="{url}">Entrar al panel</a>\nEl enlace funciona una vez, durante {minutes} minutos.'
        ),
        "office.dashboard.off": "El panel no está configurado (PUBLIC_BASE_URL, DASHBOARD_SECRET).",
        "office.chart.funnel": "Embudo",
        "office.chart.people": "Personas",
        "office.funnel.starts": "Iniciaron",
        "office.funnel.completed": "Completaron",
        "office.funnel.consented": "Aceptaron contacto",
        "office.funnel.leads": "Leads",
        "office.funnel.taken": "Atendidos",
        "office.funnel.booked": "Citas",
    },
}
