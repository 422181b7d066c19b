"""Texts the Telegram transport says itself: greeting, commands, help, call to action.

Values marked {firm}, {phone} are escaped by the caller (bot/render.py) before
formatting, because they come from settings and may contain "&".
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "bot.greeting": (
            "Hi! I'm the assistant of <b>{firm}</b>. I'll ask a few short questions about what you owe "
            "the IRS (2 to 9 minutes, depending on your situation) and show which IRS relief programs may "
            "fit you.\n"
            "<i>This is an estimate, not tax advice.</i>"
        ),
        "bot.progress": "Question {n} of ~{total}",
        "bot.help": (
            "I ask a few questions about your IRS debt and then show which relief programs may fit.\n"
            "Answer with the buttons or type your answer.\n\n"
            "/back: change the previous answer\n"
            "/restart: start the screening over\n"
            "/cancel: stop for now (your answers are kept)\n"
            "/help: this message\n\n"
            "Here is where we are:"
        ),
        "bot.cancelled": (
            "Okay, I've stopped the screening. Your answers are saved.\n"
            "Whenever you're ready, send /start to continue where you left off."
        ),
        "bot.nothing_to_cancel": "There's nothing to stop right now. Send /start to begin a screening.",
        "bot.resume_offer": (
            "Welcome back! You have an unfinished screening. "
            "Do you want to continue where you left off or start over?"
        ),
        "bot.btn_continue": "Continue",
        "bot.btn_start_over": "Start over",
        "bot.unsupported": "I can only read text messages and button presses. Let's continue:",
        "bot.stale_button": "That button is from an earlier message. Please answer the latest question.",
        "bot.already_answered": "You already answered this one.",
        "bot.cta": (
            "<b>Want a professional to handle this?</b>\n"
            "Call <b>{firm}</b> at {phone}, share your phone number and we'll call you back, "
            "or book a free consultation."
        ),
        "bot.cta_no_booking": (
            "<b>Want a professional to handle this?</b>\n"
            "Call <b>{firm}</b> at {phone}, or share your phone number and we'll call you back."
        ),
        "bot.btn_book": "Book a consultation",
        "bot.btn_share_phone": "Share my phone number",
        "bot.share_phone_prompt": "To get a call back, tap the button below to share your phone number.",
        "bot.contact_thanks": "Thank you! {firm} will call you at {phone}.",
        "bot.contact_not_own": "Please use the button below to share your own phone number.",
        "bot.finished_hint": (
            'Your result is above. Tap "Start over" or send /restart to run a new screening.'
        ),
        "bot.error": "Sorry, something went wrong on our side. Please try again in a moment.",
        "bot.cmd_start": "Start or continue the screening",
        "bot.cmd_back": "Go back one question",
        "bot.cmd_restart": "Start the screening over",
        "bot.cmd_help": "How this works",
        "bot.cmd_cancel": "Stop for now (answers are kept)",
        "bot.cmd_mydata": "See what this bot keeps about you",
        "bot.cmd_delete": "Erase your data",
        "bot.cmd_stop": "No more reminders",
        "bot.short_description": (
            "Owe the IRS? Find out in 2 to 9 minutes which IRS relief programs may fit you."
        ),
        "bot.description": (
            "Owe the IRS? Answer a few short questions and see which IRS relief programs may fit: payment "
            "plans, Offer in Compromise, penalty relief, hardship status. Free, private, no Social Security "
            "number needed. An estimate, not tax advice."
        ),
    },
    "es": {
        "bot.greeting": (
            "¡Hola! Soy el asistente de <b>{firm}</b>. Le haré unas preguntas breves sobre lo que debe al "
            "IRS (de 2 a 9 minutos, según su situación) y le mostraré qué programas de alivio del IRS "
            "pueden aplicarle.\n"
            "<i>Esto es una estimación, no asesoría fiscal.</i>"
        ),
        "bot.progress": "Pregunta {n} de ~{total}",
        "bot.help": (
            "Le hago unas preguntas sobre su deuda con el IRS y luego le muestro qué programas de alivio "
            "pueden aplicarle.\nResponda con los botones o escriba su respuesta.\n\n"
            "/back: cambiar la respuesta anterior\n"
            "/restart: empezar de nuevo\n"
            "/cancel: detener por ahora (sus respuestas se guardan)\n"
            "/help: este mensaje\n\n"
            "Aquí es donde estamos:"
        ),
        "bot.cancelled": (
            "De acuerdo, detuve la evaluación. Sus respuestas están guardadas.\n"
            "Cuando quiera, envíe /start para continuar donde lo dejó."
        ),
        "bot.nothing_to_cancel": "No hay nada que detener ahora. Envíe /start para comenzar una evaluación.",
        "bot.resume_offer": (
            "¡Bienvenido de nuevo! Tiene una evaluación sin terminar. "
            "¿Quiere continuar donde lo dejó o empezar de nuevo?"
        ),
        "bot.btn_continue": "Continuar",
        "bot.btn_start_over": "Empezar de nuevo",
        "bot.unsupported": "Solo puedo leer mensajes de texto y botones. Sigamos:",
        "bot.stale_button": "Ese botón es de un mensaje anterior. Por favor responda la última pregunta.",
        "bot.already_answered": "Ya respondió esta pregunta.",
        "bot.cta": (
            "<b>¿Quiere que un profesional se encargue?</b>\n"
            "Llame a <b>{firm}</b> al {phone}, comparta su número de teléfono y le llamaremos, "
            "o reserve una consulta gratuita."
        ),
        "bot.cta_no_booking": (
            "<b>¿Quiere que un profesional se encargue?</b>\n"
            "Llame a <b>{firm}</b> al {phone}, o comparta su número de teléfono y le llamaremos."
        ),
        "bot.btn_book": "Reservar una consulta",
        "bot.btn_share_phone": "Compartir mi número",
        "bot.share_phone_prompt": "Para recibir una llamada, toque el botón de abajo y comparta su número.",
        "bot.contact_thanks": "¡Gracias! {firm} le llamará al {phone}.",
        "bot.contact_not_own": "Use el botón de abajo para compartir su propio número de teléfono.",
        "bot.finished_hint": (
            'Su resultado está arriba. Toque "Empezar de nuevo" o envíe /restart para una nueva evaluación.'
        ),
        "bot.error": "Lo sentimos, algo salió mal de nuestro lado. Inténtelo de nuevo en un momento.",
        "bot.cmd_start": "Comenzar o continuar la evaluación",
        "bot.cmd_back": "Volver a la pregunta anterior",
        "bot.cmd_restart": "Empezar la evaluación de nuevo",
        "bot.cmd_help": "Cómo funciona",
        "bot.cmd_cancel": "Detener por ahora (se guardan las respuestas)",
        "bot.cmd_mydata": "Ver qué datos suyos guarda este bot",
        "bot.cmd_delete": "Borrar sus datos",
        "bot.cmd_stop": "No recibir más recordatorios",
        "bot.short_description": (
            "¿Debe al IRS? Descubra en 2 a 9 minutos qué programas de alivio pueden aplicarle."
        ),
        "bot.description": (
            "¿Debe al IRS? Responda unas preguntas breves y vea qué programas de alivio del IRS pueden "
            "aplicarle: planes de pago, Oferta de Compromiso, alivio de multas, estado de dificultad. "
            "Gratis, privado, sin número de Seguro Social. Una estimación, no asesoría fiscal."
        ),
    },
}
