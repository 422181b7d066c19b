"""Texts for lead capture, staff handoff, follow-up and the person's own data.

The consent wording is legal evidence: CONSENT_VERSION names the exact wording a
person accepted, and the stored consent row keeps this version plus a hash of the
rendered text. Any change to "leads.consent.text" (in any language) MUST bump
CONSENT_VERSION, so an old consent record never points at wording it did not show.
tests/bot/test_leads_consent.py pins the hash of the current wording to catch a
silent edit.

Staff-facing texts (the card in the staff chat) live here too so the whole product
speaks from one catalogue; the staff chat is rendered in English.
"""

from __future__ import annotations

CONSENT_VERSION = "2026-11-v1"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # --- consent, asked right after the result -------------------------------------------
        "leads.consent.text": (
            "<b>Would you like {firm} to contact you about these options?</b>\n\n"
            "If you tap “I agree”, you allow <b>{firm}</b> to call you or send you text messages "
            "(possibly using automated technology) at the phone number you give next, about your "
            "tax debt. Agreeing is not a condition of buying anything. Message and data rates may "
            "apply. You can withdraw any time with /delete."
        ),
        "leads.consent.accept": "✅ I agree, contact me",
        "leads.consent.decline": "No, thanks",
        "leads.consent.declined": (
            "Understood — nobody will contact you. Your plan stays above. "
            "If you change your mind, you can call {firm} at {firm_phone}."
        ),
        "leads.consent.already_declined": (
            "You asked not to be contacted in this screening, so I won't ask again. "
            "You can call {firm} at {firm_phone} any time."
        ),
        # --- phone ------------------------------------------------------------------------------
        "leads.phone.ask": (
            "Thank you. What number should {firm} use? Tap <b>Share my number</b> below, "
            "or type it with the area code, for example <code>(415) 555-2671</code>."
        ),
        "leads.phone.share_button": "📱 Share my number",
        "leads.phone.invalid": (
            "That doesn't look like a phone number I can use. Please type it with the area code, "
            "for example <code>(415) 555-2671</code> or <code>+1 415 555 2671</code>."
        ),
        "leads.phone.not_own": (
            "That is someone else's contact. I can only take your own number: tap "
            "<b>Share my number</b> or type it, for example <code>(415) 555-2671</code>."
        ),
        # --- name -------------------------------------------------------------------------------
        "leads.name.ask": "What name should they ask for? Tap your name below or type another one.",
        "leads.name.invalid": "Please type a name (letters, up to 80 characters).",
        # --- best time --------------------------------------------------------------------------
        "leads.time.ask": (
            "When is the best time to call you? Tap one or type your own (for example “after 6pm”)."
        ),
        "leads.time.morning": "Morning",
        "leads.time.afternoon": "Afternoon",
        "leads.time.evening": "Evening",
        "leads.time.any": "Any time",
        "leads.time.invalid": "Please tap one of the options or type a short time (up to 80 characters).",
        # --- done -------------------------------------------------------------------------------
        "leads.done": (
            "Thank you, {name}! {firm} will contact you at <b>{phone}</b> ({time}). "
            "If it is urgent, call {firm_phone}.\n\n"
            "/mydata shows what I keep about you; /delete erases it."
        ),
        # --- handoff (to the person) ------------------------------------------------------------
        "leads.handoff.taken": (
            "A member of the {firm} team is now with you here. Anything you write goes to them."
        ),
        "leads.handoff.back": (
            "You are back with the automated assistant. Send /start to begin a new check, "
            "or /mydata to see what I keep about you."
        ),
        # --- follow-up --------------------------------------------------------------------------
        "leads.reminder.button": "▶️ Continue",
        "leads.stop.done": ("Done — I won't send you reminders. Send /start any time to opt back in."),
        "leads.stop.back_in": "Welcome back — reminders are on again.",
        # --- the person's own data --------------------------------------------------------------
        "leads.mydata.title": "<b>What I keep about you</b>",
        "leads.mydata.nothing": "I don't keep anything about you.",
        "leads.mydata.status": "Status: {status}",
        "leads.mydata.source": "Came from: {source}",
        "leads.mydata.answers": "Your answers:",
        "leads.mydata.no_answers": "Your answers: none yet",
        "leads.mydata.lead": "Contact request: {name}, {phone}, best time: {time} (status: {status})",
        "leads.mydata.consent": "Consent: {decision} on {when} (wording {version}, covers {phone})",
        "leads.mydata.consent_yes": "agreed",
        "leads.mydata.consent_no": "declined",
        "leads.mydata.opted_out": "Reminders: off (/start to turn them on)",
        "leads.mydata.footer": "/delete erases all of this.",
        "leads.delete.confirm": (
            "This erases your answers, your plan, your contact details and your consent. "
            "If {firm} has your request, they are told you withdrew it. This cannot be undone."
        ),
        "leads.delete.yes": "🗑 Yes, erase my data",
        "leads.delete.no": "Keep it",
        "leads.delete.done": "Done — your data is erased. Send /start if you ever want a new check.",
        "leads.delete.kept": "Nothing was erased.",
        "leads.ssn.warning": (
            "⚠️ That looked like a Social Security or tax ID number. I never need it, so I did not "
            "keep it or pass it on. Please don't send it here. If it was an amount, write it as money, "
            "for example <code>$123,456,789</code>."
        ),
        "leads.ssn.staff_warning": (
            "⚠️ That message looked like it held a Social Security or tax ID number, so it was "
            "not sent to the person."
        ),
        # --- staff chat -------------------------------------------------------------------------
        "leads.staff.card": (
            "🆕 <b>New lead</b> #{lead_id}{urgent}\n"
            "<b>Name:</b> {name}\n"
            "<b>Phone:</b> {phone}\n"
            "<b>Best time:</b> {time}\n"
            "<b>Balance:</b> {balance}\n"
            "<b>Urgency:</b> {urgency}\n"
            "<b>Plan:</b>\n{plan}\n"
            "<b>Source:</b> {source}\n"
            "<b>Consent:</b> {consent}\n"
            "{extra}"
            "<b>Status:</b> {status}"
        ),
        "leads.staff.urgent_flag": " — ⚠️ URGENT",
        "leads.staff.no_urgency": "none known",
        "leads.staff.days_left": "{days} days left before a deadline",
        "leads.staff.levy": "levy in progress",
        "leads.staff.unknown": "unknown",
        "leads.staff.consent": "v{version}, {when}, via Telegram button",
        "leads.staff.second_account": (
            "<b>Also from:</b> another Telegram account (chat {chat_id}) on {when}\n"
        ),
        "leads.staff.status_new": "new",
        "leads.staff.status_taken": (
            "taken by {who} — chatting (reply to relayed messages; /handback to return)"
        ),
        "leads.staff.status_handed_back": "taken by {who} — handed back to the bot",
        "leads.staff.status_done": "✅ done by {who}",
        "leads.staff.status_withdrawn": "🗑 withdrawn by the person (data erased)",
        "leads.staff.take": "🙋 Take",
        "leads.staff.done": "✅ Done",
        "leads.staff.handback": "↩️ Hand back",
        "leads.staff.relay_header": "💬 <b>{name}</b> (lead #{lead_id}):",
        "leads.staff.relay_nontext": "[{kind} — forwarded below]",
        "leads.staff.withdrawn": "🗑 Lead #{lead_id} withdrew their consent and erased their data.",
        "leads.staff.asks_person": "🙋 Lead #{lead_id} asks to talk to a person now.",
        "leads.staff.became_urgent": "⚠ Lead #{lead_id}: something urgent came up; see the card.",
        "leads.staff.consent_withdrawn": "🚫 Lead #{lead_id} asked not to be contacted again. Do not call.",
        "leads.staff.reason_urgent": "⚠ Asked for a call NOW (a deadline or a levy).",
        "leads.staff.reason_person": "🙋 Asked to talk to a person.",
        "leads.staff.handed_back": "↩️ Lead #{lead_id} handed back to the bot by {who}.",
        "leads.staff.not_taken": "Lead #{lead_id} is not taken; press Take on the card first.",
        "leads.staff.reply_unknown": "That message isn't linked to a lead I still have.",
        "leads.staff.delivery_failed": "Could not deliver to lead #{lead_id}: {error}",
    },
    "es": {
        "leads.consent.text": (
            "<b>¿Quiere que {firm} le contacte sobre estas opciones?</b>\n\n"
            "Si toca “Acepto”, autoriza a <b>{firm}</b> a llamarle o enviarle mensajes de texto "
            "(posiblemente con tecnología automatizada) al número de teléfono que indique a "
            "continuación, sobre su deuda tributaria. Aceptar no es condición para comprar nada. "
            "Pueden aplicarse tarifas de mensajes y datos. Puede retirar su consentimiento cuando "
            "quiera con /delete."
        ),
        "leads.consent.accept": "✅ Acepto, contáctenme",
        "leads.consent.decline": "No, gracias",
        "leads.consent.declined": (
            "Entendido: nadie le contactará. Su plan queda arriba. "
            "Si cambia de opinión, puede llamar a {firm} al {firm_phone}."
        ),
        "leads.consent.already_declined": (
            "Pidió que no le contactemos en esta evaluación, así que no volveré a preguntar. "
            "Puede llamar a {firm} al {firm_phone} cuando quiera."
        ),
        "leads.phone.ask": (
            "Gracias. ¿A qué número debe llamar {firm}? Toque <b>Compartir mi número</b> abajo "
            "o escríbalo con el código de área, por ejemplo <code>(415) 555-2671</code>."
        ),
        "leads.phone.share_button": "📱 Compartir mi número",
        "leads.phone.invalid": (
            "Ese número no parece válido. Escríbalo con el código de área, por ejemplo "
            "<code>(415) 555-2671</code> o <code>+1 415 555 2671</code>."
        ),
        "leads.phone.not_own": (
            "Ese es el contacto de otra persona. Solo puedo usar su propio número: toque "
            "<b>Compartir mi número</b> o escríbalo, por ejemplo <code>(415) 555-2671</code>."
        ),
        "leads.name.ask": "¿Por qué nombre deben preguntar? Toque su nombre abajo o escriba otro.",
        "leads.name.invalid": "Escriba un nombre (letras, hasta 80 caracteres).",
        "leads.time.ask": (
            "¿Cuál es el mejor momento para llamarle? Toque una opción o escriba la suya "
            "(por ejemplo “después de las 6pm”)."
        ),
        "leads.time.morning": "Mañana",
        "leads.time.afternoon": "Tarde",
        "leads.time.evening": "Noche",
        "leads.time.any": "Cualquier hora",
        "leads.time.invalid": "Toque una opción o escriba un horario corto (hasta 80 caracteres).",
        "leads.done": (
            "¡Gracias, {name}! {firm} le contactará al <b>{phone}</b> ({time}). "
            "Si es urgente, llame al {firm_phone}.\n\n"
            "/mydata muestra lo que guardo sobre usted; /delete lo borra."
        ),
        "leads.handoff.taken": (
            "Una persona del equipo de {firm} le atiende ahora aquí. Todo lo que escriba le llegará."
        ),
        "leads.handoff.back": (
            "Vuelve a estar con el asistente automático. Envíe /start para una nueva evaluación "
            "o /mydata para ver lo que guardo sobre usted."
        ),
        "leads.reminder.button": "▶️ Continuar",
        "leads.stop.done": (
            "Listo: no le enviaré recordatorios. Envíe /start cuando quiera para volver a recibirlos."
        ),
        "leads.stop.back_in": "Bienvenido de nuevo: los recordatorios están activados otra vez.",
        "leads.mydata.title": "<b>Lo que guardo sobre usted</b>",
        "leads.mydata.nothing": "No guardo nada sobre usted.",
        "leads.mydata.status": "Estado: {status}",
        "leads.mydata.source": "Llegó desde: {source}",
        "leads.mydata.answers": "Sus respuestas:",
        "leads.mydata.no_answers": "Sus respuestas: ninguna todavía",
        "leads.mydata.lead": "Solicitud de contacto: {name}, {phone}, mejor hora: {time} (estado: {status})",
        "leads.mydata.consent": "Consentimiento: {decision} el {when} (texto {version}, cubre {phone})",
        "leads.mydata.consent_yes": "aceptado",
        "leads.mydata.consent_no": "rechazado",
        "leads.mydata.opted_out": "Recordatorios: desactivados (/start para activarlos)",
        "leads.mydata.footer": "/delete borra todo esto.",
        "leads.delete.confirm": (
            "Esto borra sus respuestas, su plan, sus datos de contacto y su consentimiento. "
            "Si {firm} tiene su solicitud, se le informará que la retiró. No se puede deshacer."
        ),
        "leads.delete.yes": "🗑 Sí, borrar mis datos",
        "leads.delete.no": "Conservarlos",
        "leads.delete.done": (
            "Listo: sus datos se borraron. Envíe /start si algún día quiere una nueva evaluación."
        ),
        "leads.delete.kept": "No se borró nada.",
        "leads.ssn.warning": (
            "⚠️ Eso parecía un número de Seguro Social o de identificación tributaria. Nunca lo "
            "necesito, así que no lo guardé ni lo reenvié. Por favor, no lo envíe aquí. Si era una "
            "cantidad, escríbala como dinero, por ejemplo <code>$123,456,789</code>."
        ),
        "leads.ssn.staff_warning": (
            "⚠️ Ese mensaje parecía contener un número de Seguro Social o de identificación "
            "tributaria, así que no se envió a la persona."
        ),
        "leads.staff.card": (
            "🆕 <b>Nuevo contacto</b> #{lead_id}{urgent}\n"
            "<b>Nombre:</b> {name}\n"
            "<b>Teléfono:</b> {phone}\n"
            "<b>Mejor hora:</b> {time}\n"
            "<b>Saldo:</b> {balance}\n"
            "<b>Urgencia:</b> {urgency}\n"
            "<b>Plan:</b>\n{plan}\n"
            "<b>Origen:</b> {source}\n"
            "<b>Consentimiento:</b> {consent}\n"
            "{extra}"
            "<b>Estado:</b> {status}"
        ),
        "leads.staff.urgent_flag": " — ⚠️ URGENTE",
        "leads.staff.no_urgency": "ninguna conocida",
        "leads.staff.days_left": "quedan {days} días antes de un plazo",
        "leads.staff.levy": "embargo en curso",
        "leads.staff.unknown": "desconocido",
        "leads.staff.consent": "v{version}, {when}, con botón de Telegram",
        "leads.staff.second_account": (
            "<b>También desde:</b> otra cuenta de Telegram (chat {chat_id}) el {when}\n"
        ),
        "leads.staff.status_new": "nuevo",
        "leads.staff.status_taken": (
            "atendido por {who}: en conversación (responda a los mensajes; /handback para devolver)"
        ),
        "leads.staff.status_handed_back": "atendido por {who}: devuelto al bot",
        "leads.staff.status_done": "✅ terminado por {who}",
        "leads.staff.status_withdrawn": "🗑 retirado por la persona (datos borrados)",
        "leads.staff.take": "🙋 Atender",
        "leads.staff.done": "✅ Terminado",
        "leads.staff.handback": "↩️ Devolver al bot",
        "leads.staff.relay_header": "💬 <b>{name}</b> (contacto #{lead_id}):",
        "leads.staff.relay_nontext": "[{kind}: reenviado abajo]",
        "leads.staff.withdrawn": "🗑 El contacto #{lead_id} retiró su consentimiento y borró sus datos.",
        "leads.staff.asks_person": "🙋 El contacto #{lead_id} pide hablar con una persona ahora.",
        "leads.staff.became_urgent": "⚠ Contacto #{lead_id}: surgió algo urgente; vea la ficha.",
        "leads.staff.consent_withdrawn": "🚫 El contacto #{lead_id} pidió que no le contacten. No llamar.",
        "leads.staff.reason_urgent": "⚠ Pidió una llamada AHORA (un plazo o un embargo).",
        "leads.staff.reason_person": "🙋 Pidió hablar con una persona.",
        "leads.staff.handed_back": "↩️ {who} devolvió el contacto #{lead_id} al bot.",
        "leads.staff.not_taken": (
            "El contacto #{lead_id} no está asignado; pulse Atender en la ficha primero."
        ),
        "leads.staff.reply_unknown": "Ese mensaje no está vinculado a un contacto que yo conserve.",
        "leads.staff.delivery_failed": "No se pudo entregar al contacto #{lead_id}: {error}",
    },
}
