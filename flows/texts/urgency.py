"""Texts for what cannot wait: urgency said at once, a person on demand, contact withdrawn, language.

Values in {braces} are escaped by the caller (flows/lifecycle.py text_message).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "urgent.cdp_hearing": (
            "⚠ <b>This can't wait.</b> Your final notice gives you until {deadline} ({days_left}) to ask for "
            "a Collection Due Process hearing. After that date the IRS can take wages and bank accounts; "
            "asking in time puts that on hold."
        ),
        "urgent.cdp_hearing_lien": (
            "⚠ <b>This can't wait.</b> The IRS has filed a tax lien. You have about {days_left} or a little "
            "more to ask for a hearing about it: the exact date is printed on your letter."
        ),
        "urgent.cdp_hearing_no_days": (
            "⚠ <b>This can't wait.</b> Your notice gives you a short window to ask for a hearing before the "
            "IRS can take wages and bank accounts: the date is printed on the letter."
        ),
        "urgent.levy_release": (
            "⚠ <b>This can't wait.</b> A levy or garnishment is already taking money. A levy release can "
            "stop "
            "it when it causes hardship, or once a payment plan is agreed: call today."
        ),
        "urgent.levy_warning": (
            "⚠ <b>This can't wait.</b> A CP504 is a notice of intent to levy: the IRS can take your state "
            "refund now, and after the final notice that follows, wages and bank accounts."
        ),
        "urgent.cp2000_response": (
            "⚠ <b>This can't wait.</b> Your CP2000 must be answered by {deadline} ({days_left}); without an "
            "answer the IRS assesses the change it proposes."
        ),
        "urgent.cp523_cure": (
            "⚠ <b>This can't wait.</b> Your payment plan is about to be ended (CP523): fix the default by "
            "{deadline} ({days_left}) to keep it."
        ),
        "urgent.call_button": "📞 Call me now",
        "urgent.then": "Let's go on; it takes a few more answers to see everything that fits.",
        "human.intro": "Of course: someone from {firm} can talk with you. First, your OK to contact you:",
        "urgent.intro": "{firm} can call you about this today. First, your OK to contact you:",
        "human.known": (
            "Done: someone from {firm} will contact you as soon as possible, on the number you gave us."
        ),
        "human.known_closed": (
            "Done: our team is back {when}, and someone from {firm} will contact you then, on the number you "
            "gave us."
        ),
        "human.closed_note": "Our team is back {when}; they will call you then.",
        "capture.back_to_questions": "Meanwhile, let's finish your check so they see your whole situation:",
        "stop_contact.done": (
            "Done: {firm} won't contact you, and your number is no longer given to them. Your plan stays "
            "here. /delete erases everything I keep."
        ),
        "stop_contact.nothing": "Nobody from {firm} has your number from me, so nobody will contact you.",
        "lang.choose": "Which language do you prefer? / ¿En qué idioma prefiere?",
        "lang.switched": "Okay, let's continue in English.",
        "lang.detected": "I'll continue in Spanish. (Tap English to switch back.)",
        "lang.btn.en": "English",
        "lang.btn.es": "Español",
        "bot.cta_urgent": (
            "<b>Do this today.</b> Call <b>{firm}</b> at {phone} now, or book the first free consultation."
        ),
        "bot.cta_urgent_no_booking": "<b>Do this today.</b> Call <b>{firm}</b> at {phone} now.",
        "bot.cmd_human": "Talk to a person",
        "bot.cmd_language": "English / Español",
    },
    "es": {
        "urgent.cdp_hearing": (
            "⚠ <b>Esto no puede esperar.</b> Su aviso final le da hasta el {deadline} ({days_left}) para "
            "pedir "
            "una audiencia del debido proceso de cobro. Después de esa fecha el IRS puede embargar su "
            "salario "
            "y sus cuentas; pedirla a tiempo lo detiene."
        ),
        "urgent.cdp_hearing_lien": (
            "⚠ <b>Esto no puede esperar.</b> El IRS registró un gravamen. Tiene unos {days_left} o algo más "
            "para pedir una audiencia: la fecha exacta está impresa en su carta."
        ),
        "urgent.cdp_hearing_no_days": (
            "⚠ <b>Esto no puede esperar.</b> Su aviso le da poco tiempo para pedir una audiencia antes de "
            "que "
            "el IRS pueda embargar su salario y sus cuentas: la fecha está impresa en la carta."
        ),
        "urgent.levy_release": (
            "⚠ <b>Esto no puede esperar.</b> Un embargo ya le está quitando dinero. La liberación del "
            "embargo "
            "puede detenerlo si le causa dificultades, o al acordar un plan de pagos: llame hoy."
        ),
        "urgent.levy_warning": (
            "⚠ <b>Esto no puede esperar.</b> El CP504 es un aviso de intención de embargo: el IRS ya puede "
            "quedarse con su reembolso estatal y, después del aviso final que sigue, con su salario y sus "
            "cuentas."
        ),
        "urgent.cp2000_response": (
            "⚠ <b>Esto no puede esperar.</b> Debe responder a su CP2000 antes del {deadline} ({days_left}); "
            "sin "
            "respuesta, el IRS aplica el cambio que propone."
        ),
        "urgent.cp523_cure": (
            "⚠ <b>Esto no puede esperar.</b> Su plan de pagos está por terminarse (CP523): corrija el atraso "
            "antes del {deadline} ({days_left}) para conservarlo."
        ),
        "urgent.call_button": "📞 Llámenme ahora",
        "urgent.then": "Sigamos; con unas respuestas más veré todo lo que le puede servir.",
        "human.intro": (
            "Claro: alguien de {firm} puede hablar con usted. Primero, su permiso para contactarle:"
        ),
        "urgent.intro": "{firm} puede llamarle hoy por esto. Primero, su permiso para contactarle:",
        "human.known": "Listo: alguien de {firm} le contactará lo antes posible, al número que nos dio.",
        "human.known_closed": (
            "Listo: nuestro equipo vuelve {when} y alguien de {firm} le contactará entonces, al número que "
            "nos dio."
        ),
        "human.closed_note": "Nuestro equipo vuelve {when}; le llamarán entonces.",
        "capture.back_to_questions": (
            "Mientras tanto, terminemos su revisión para que vean toda su situación:"
        ),
        "stop_contact.done": (
            "Listo: {firm} no le contactará y ya no tiene su número por mí. Su plan sigue aquí. /delete "
            "borra "
            "todo lo que guardo."
        ),
        "stop_contact.nothing": "Nadie de {firm} tiene su número por mí, así que nadie le contactará.",
        "lang.choose": "Which language do you prefer? / ¿En qué idioma prefiere?",
        "lang.switched": "Muy bien, sigamos en español.",
        "lang.detected": "Seguiré en español. (Toque English para cambiar.)",
        "lang.btn.en": "English",
        "lang.btn.es": "Español",
        "bot.cta_urgent": (
            "<b>Haga esto hoy.</b> Llame a <b>{firm}</b> al {phone} ahora, o reserve la primera consulta "
            "gratis."
        ),
        "bot.cta_urgent_no_booking": "<b>Haga esto hoy.</b> Llame a <b>{firm}</b> al {phone} ahora.",
        "bot.cmd_human": "Hablar con una persona",
        "bot.cmd_language": "English / Español",
    },
}
