"""Texts for what a person sends that is not text: a letter's photo read back, the rest offered to staff."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "letters.read.full": "I read <b>{code}</b> dated <b>{date}</b>, amount due <b>{amount}</b>.",
        "letters.read.dated": "I read <b>{code}</b> dated <b>{date}</b>.",
        "letters.read.amount": "I read <b>{code}</b>, amount due <b>{amount}</b>.",
        "letters.read.code": "I read <b>{code}</b>.",
        "letters.read.proposed": (
            "It proposes <b>{amount}</b> of extra tax: a proposal you can answer, not a bill yet."
        ),
        "letters.read.respond_by": "It asks for your answer by <b>{date}</b>.",
        "letters.read.confirm": (
            "Is that right? If it is, I'll fill in those answers for you and skip their questions."
        ),
        "letters.read.unusable": (
            "This kind of letter has its own deadline, and a person should look at it: you can "
            "ask for one any time with /human. I can't fill your answers from it, so let's go on:"
        ),
        "letters.btn.yes": "✅ Yes, that's right",
        "letters.btn.no": "No, not quite",
        "letters.privacy": (
            "🔒 Your photo stays in this Telegram chat, which is yours: you can delete it there at "
            "any time. I read it on our own computer and keep neither the picture nor its text; "
            "only the details you confirm are saved."
        ),
        "letters.filled": "From your letter:",
        "letters.declined": "No problem: let's go through the questions instead.",
        "letters.not_used": "I couldn't use that letter for your answers. Let's go through the questions:",
        "letters.not_read": (
            "I couldn't read an IRS notice on that. A flat, well-lit photo of the whole first "
            "page works best. Or just answer the question:"
        ),
        "letters.too_large": (
            "That file is too big for me to read. A photo of the first page works best. "
            "Or just answer the question:"
        ),
        "letters.busy": (
            "I'm reading other letters right now and couldn't get to yours. Please send it again "
            "in a minute, or just answer the question:"
        ),
        "media.share.voice": (
            "I can't listen to voice or video messages, but a person on our team can. "
            "Shall I pass it on to them?"
        ),
        "media.share.file": (
            "I can't open that file here, but a person on our team can. Shall I pass it on to them?"
        ),
        "media.share.photo": (
            "I can't look at photos here right now, but a person on our team can. Shall I pass it on to them?"
        ),
        "media.share.btn": "📤 Pass it to the team",
        "media.share.intro": "To pass it on, {firm} needs your OK to contact you.",
        "media.shared": "Done: your message is with the team at {firm}, with your call-back details.",
    },
    "es": {
        "letters.read.full": (
            "Leí <b>{code}</b> con fecha <b>{date}</b>, cantidad adeudada <b>{amount}</b>."
        ),
        "letters.read.dated": "Leí <b>{code}</b> con fecha <b>{date}</b>.",
        "letters.read.amount": "Leí <b>{code}</b>, cantidad adeudada <b>{amount}</b>.",
        "letters.read.code": "Leí <b>{code}</b>.",
        "letters.read.proposed": (
            "Propone <b>{amount}</b> de impuesto adicional: es una propuesta que puede responder, "
            "todavía no es una factura."
        ),
        "letters.read.respond_by": "Pide su respuesta a más tardar el <b>{date}</b>.",
        "letters.read.confirm": (
            "¿Es correcto? Si lo es, completaré esas respuestas por usted y me saltaré sus preguntas."
        ),
        "letters.read.unusable": (
            "Este tipo de carta tiene su propio plazo y conviene que la vea una persona: puede "
            "pedirla cuando quiera con /human. No puedo completar sus respuestas con ella, así que "
            "sigamos:"
        ),
        "letters.btn.yes": "✅ Sí, es correcto",
        "letters.btn.no": "No exactamente",
        "letters.privacy": (
            "🔒 Su foto se queda en este chat de Telegram, que es suyo: puede borrarla allí cuando "
            "quiera. La leo en nuestra propia computadora y no guardo ni la imagen ni su texto; "
            "solo se guardan los datos que usted confirme."
        ),
        "letters.filled": "De su carta:",
        "letters.declined": "No hay problema: sigamos con las preguntas.",
        "letters.not_used": "No pude usar esa carta para sus respuestas. Sigamos con las preguntas:",
        "letters.not_read": (
            "No pude leer un aviso del IRS en eso. Funciona mejor una foto plana y bien iluminada "
            "de toda la primera página. O simplemente responda la pregunta:"
        ),
        "letters.too_large": (
            "Ese archivo es demasiado grande para leerlo. Funciona mejor una foto de la primera "
            "página. O simplemente responda la pregunta:"
        ),
        "letters.busy": (
            "Estoy leyendo otras cartas ahora mismo y no pude con la suya. Envíela de nuevo en un "
            "minuto, o simplemente responda la pregunta:"
        ),
        "media.share.voice": (
            "No puedo escuchar mensajes de voz ni videos, pero una persona de nuestro equipo sí. ¿Se lo paso?"
        ),
        "media.share.file": (
            "No puedo abrir ese archivo aquí, pero una persona de nuestro equipo sí. ¿Se lo paso?"
        ),
        "media.share.photo": (
            "Ahora no puedo ver fotos aquí, pero una persona de nuestro equipo sí. ¿Se la paso?"
        ),
        "media.share.btn": "📤 Pasarlo al equipo",
        "media.share.intro": "Para pasarlo, {firm} necesita su permiso para contactarle.",
        "media.shared": (
            "Listo: su mensaje está con el equipo de {firm}, junto con sus datos para llamarle."
        ),
    },
}
