"""Texts of the financial form (flows/finform.py, flows/formview.py): its button, its page, its totals.

The fields themselves use the questions' own texts (conv.q.*, conv.why.*, conv.hint.*, conv.err.*),
so the form and the chat never say two different things.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "form.btn.open": "📝 All money questions in one form",
        "form.filled": "From your form:",
        # ---- why a form cannot be used now (the chat and the page)
        "form.refused.no_conversation": (
            "There is no conversation to fill in yet: send /start to the bot in Telegram first."
        ),
        "form.refused.with_staff": (
            "A person from our team has your conversation now: please answer them in the chat."
        ),
        "form.refused.not_now": (
            "The conversation is not at the money questions now, so this form can't be used. "
            "Nothing was changed."
        ),
        "form.refused.stale": (
            "The conversation moved on after this form was opened, so nothing was changed. "
            "Close it and open the form again from the latest question."
        ),
        "form.refused.invalid": (
            "Some answers in the form need fixing, so nothing was changed. Open the form again to "
            "correct them."
        ),
        "form.refused.signature": (
            "This form works only when it is opened from the button in the chat with the bot."
        ),
        "form.refused.expired": (
            "This form was opened too long ago. Close it and open it again from the chat: nothing "
            "was changed."
        ),
        "form.err.required": "Please fill this in (type 0 if it doesn't apply).",
        "form.err.choose": "Please choose one.",
        # ---- the page
        "form.title": "Your finances",
        "form.intro": (
            "All the money questions on one page. Type 0 where something doesn't apply. Round figures "
            "are fine; nothing here identifies you."
        ),
        "form.section.household": "Your household",
        "form.section.income": "Income and taxes",
        "form.section.expenses": "Monthly costs",
        "form.section.assets": "What you own",
        "form.per_month": "a month",
        "form.submit": "Send my answers",
        "form.sending": "Sending…",
        "form.sent": "Received. Your next step is in the chat.",
        "form.sent_already": "Already received. Your next step is in the chat.",
        "form.close": "Close",
        "form.fix": "Some answers need a look: see the notes in red.",
        "form.network": "Couldn't send. Check your connection and try again.",
        # ---- the totals, worked out as the IRS would (flows/rules/case.py)
        "form.totals.title": "As the IRS would count it",
        "form.totals.waiting": "Type your monthly income to see what is left each month.",
        "form.totals.income": "Income each month",
        "form.totals.allowed": "Costs the IRS allows",
        "form.totals.left": "Left each month",
        "form.totals.shortfall": "The costs the IRS allows take all of your income: nothing is left.",
        "form.totals.equity": "What you own, as the IRS counts it",
        "form.totals.details": "How this is worked out",
        "form.totals.note": (
            "An estimate by the IRS's own standards, not tax advice. Food and clothing use the IRS's "
            "figure for your household, whatever you spend; a home or vehicle counts at {share} of its value "
            "minus what is owed on it."
        ),
        "form.line.national": "Food, clothing and other items (IRS figure)",
        "form.line.health_care": "Health care you pay yourself (IRS figure, or more if you spend more)",
        "form.line.health_insurance": "Health-insurance premiums",
        "form.line.housing": "Housing and utilities",
        "form.line.vehicle_ownership": "Car loan or lease (up to the IRS limit)",
        "form.line.vehicle_running": "Vehicle running costs",
        "form.line.public_transport": "Public transport (IRS figure, without a vehicle)",
        "form.line.taxes": "Taxes paid now",
        "form.line.court_ordered": "Court-ordered payments",
        "form.line.other": "Other necessary costs",
        "form.line.cash": "Cash and bank",
        "form.line.home": "Real estate",
        "form.line.vehicles": "Vehicles",
        "form.line.retirement": "Retirement accounts",
        "form.line.other_assets": "Other assets",
    },
    "es": {
        "form.btn.open": "📝 Todas las preguntas de dinero en un formulario",
        "form.filled": "De su formulario:",
        "form.refused.no_conversation": (
            "Todavía no hay una conversación que llenar: primero envíe /start al bot en Telegram."
        ),
        "form.refused.with_staff": (
            "Una persona de nuestro equipo tiene ahora su conversación: por favor respóndale en el chat."
        ),
        "form.refused.not_now": (
            "La conversación no está ahora en las preguntas de dinero, así que no se puede usar este "
            "formulario. No se cambió nada."
        ),
        "form.refused.stale": (
            "La conversación avanzó después de abrir este formulario, así que no se cambió nada. "
            "Ciérrelo y ábralo otra vez desde la última pregunta."
        ),
        "form.refused.invalid": (
            "Algunas respuestas del formulario hay que corregirlas, así que no se cambió nada. Ábralo otra "
            "vez para corregirlas."
        ),
        "form.refused.signature": (
            "Este formulario funciona solo si se abre con el botón del chat con el bot."
        ),
        "form.refused.expired": (
            "Este formulario se abrió hace demasiado tiempo. Ciérrelo y ábralo otra vez desde el chat: no "
            "se cambió nada."
        ),
        "form.err.required": "Por favor llene esto (escriba 0 si no aplica).",
        "form.err.choose": "Por favor elija una opción.",
        "form.title": "Sus finanzas",
        "form.intro": (
            "Todas las preguntas de dinero en una página. Escriba 0 donde algo no aplique. Las cifras "
            "redondeadas están bien; nada aquí lo identifica."
        ),
        "form.section.household": "Su hogar",
        "form.section.income": "Ingresos e impuestos",
        "form.section.expenses": "Gastos mensuales",
        "form.section.assets": "Lo que tiene",
        "form.per_month": "al mes",
        "form.submit": "Enviar mis respuestas",
        "form.sending": "Enviando…",
        "form.sent": "Recibido. Su siguiente paso está en el chat.",
        "form.sent_already": "Ya lo recibimos. Su siguiente paso está en el chat.",
        "form.close": "Cerrar",
        "form.fix": "Algunas respuestas hay que revisarlas: vea las notas en rojo.",
        "form.network": "No se pudo enviar. Revise su conexión e inténtelo otra vez.",
        "form.totals.title": "Como lo contaría el IRS",
        "form.totals.waiting": "Escriba su ingreso mensual para ver lo que le queda cada mes.",
        "form.totals.income": "Ingreso al mes",
        "form.totals.allowed": "Gastos que permite el IRS",
        "form.totals.left": "Le queda al mes",
        "form.totals.shortfall": "Los gastos que permite el IRS se llevan todo su ingreso: no le queda nada.",
        "form.totals.equity": "Lo que tiene, según lo cuenta el IRS",
        "form.totals.details": "Cómo se calcula",
        "form.totals.note": (
            "Un cálculo con las normas del propio IRS, no asesoría fiscal. Comida y ropa usan la cifra del "
            "IRS para su hogar, gaste lo que gaste; una casa o un vehículo cuenta al {share} de su valor "
            "menos lo que se debe de él."
        ),
        "form.line.national": "Comida, ropa y otros artículos (cifra del IRS)",
        "form.line.health_care": "Gastos de salud que paga usted (cifra del IRS, o más si gasta más)",
        "form.line.health_insurance": "Primas de seguro médico",
        "form.line.housing": "Vivienda y servicios",
        "form.line.vehicle_ownership": "Préstamo o arrendamiento del auto (hasta el límite del IRS)",
        "form.line.vehicle_running": "Gastos de uso de vehículos",
        "form.line.public_transport": "Transporte público (cifra del IRS, sin vehículo)",
        "form.line.taxes": "Impuestos que paga ahora",
        "form.line.court_ordered": "Pagos ordenados por un juez",
        "form.line.other": "Otros gastos necesarios",
        "form.line.cash": "Efectivo y bancos",
        "form.line.home": "Propiedades",
        "form.line.vehicles": "Vehículos",
        "form.line.retirement": "Cuentas de retiro",
        "form.line.other_assets": "Otros bienes",
    },
}
