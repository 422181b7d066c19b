# ruff: noqa: E501  (catalogue sentences read and translate better unbroken)
"""Texts of the plan (the screening result): program names, reasons, next steps, notes.

Plain text only: flows/render.py escapes them for Telegram HTML and adds the bold
program names, so a "<" or "&" here can never break a message. Placeholders are
filled with values already formatted for the language (money, dates, numbers).

Wording rule: never promise an outcome. Say "may", "could", "fits", never
"will be accepted" or "guaranteed approval". "Guaranteed installment agreement"
is the IRS's own name for the program (IRC 6159(c)) and stays.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # Frame
        "plan.title": "Your plan",
        "plan.intro": "Based on your answers, here is what fits, in the order we suggest doing it.",
        "plan.urgent": "⚠ Urgent: act on the first step right away.",
        "plan.urgent_days": "⚠ Urgent: {days_left} (until {deadline}). Act on the first step right away.",
        "plan.nothing": "We could not match a program from these answers. A tax professional can look at your case.",
        "plan.why": "Why: {reason}",
        "plan.why_not_yet": "Not yet: {blocker}",
        "plan.steps": "Next steps:",
        "plan.notes": "Good to know:",
        "plan.disclaimer": (
            "This is an estimate based on your answers, not tax advice. The IRS decides; no outcome is promised."
        ),
        "plan.summary_programs": "{urgent}{programs}",
        "plan.summary_urgent": "URGENT: ",
        "plan.summary_balance": "Balance {balance}",
        "plan.summary_deadline": "deadline {deadline} ({days_left})",
        "plan.summary_none": "no program matched",
        # Fit
        "plan.fit.likely": "likely fits",
        "plan.fit.possible": "may fit",
        "plan.fit.blocked": "not yet",
        # Days
        "plan.days.today": "today is the last day",
        "plan.days.one": "1 day left",
        "plan.days.many": "{days} days left",
        # Programs
        "plan.program.cdp_hearing": "Collection Due Process hearing",
        "plan.program.equivalent_hearing": "Equivalent hearing",
        "plan.program.levy_release": "Levy release",
        "plan.program.cp2000_response": "Reply to your CP2000 notice",
        "plan.program.cp523_cure": "Save your payment plan (CP523)",
        "plan.program.file_returns": "File your missing returns first",
        "plan.program.current_year_compliance": "Get current on this year's taxes",
        "plan.program.bankruptcy": "Open bankruptcy case",
        "plan.program.state_only": "State tax debt",
        "plan.program.combat_zone": "Combat-zone relief",
        "plan.program.innocent_spouse": "Innocent spouse relief",
        "plan.program.first_time_abatement": "First-time penalty abatement",
        "plan.program.reasonable_cause": "Penalty relief for reasonable cause",
        "plan.program.oic_liability": "Offer in Compromise: doubt as to liability",
        "plan.program.short_term_plan": "Short-term payment plan",
        "plan.program.guaranteed_ia": "Guaranteed installment agreement",
        "plan.program.streamlined_ia": "Streamlined payment plan",
        "plan.program.non_streamlined_ia": "Non-streamlined payment plan",
        "plan.program.ibtf_express": "In-Business Trust Fund Express plan",
        "plan.program.ppia": "Partial-payment plan",
        "plan.program.oic_collectibility": "Offer in Compromise",
        "plan.program.oic_eta": "Offer in Compromise: effective tax administration",
        "plan.program.cnc": "Currently Not Collectible status",
        # Reasonable causes
        "plan.cause.illness": "a serious illness",
        "plan.cause.death": "a death in the family",
        "plan.cause.disaster": "a disaster",
        "plan.cause.records_lost": "records you could not get",
        # Reasons
        "plan.reason.cdp_levy": (
            "Your final notice of intent to levy gives you {days} days to ask for a hearing, until {deadline}. "
            "A request in time stops a levy while it is heard and keeps your right to go to Tax Court."
        ),
        "plan.reason.cdp_levy_no_date": (
            "A final notice of intent to levy gives you {days} days from the date printed on it to ask "
            "for a hearing. A request in time stops a levy while it is heard."
        ),
        "plan.reason.cdp_lien": (
            "Your lien notice (Letter 3172) gives you {days} days to ask for a hearing, until {deadline}."
        ),
        "plan.reason.cdp_lien_no_date": (
            "A lien notice (Letter 3172) gives you {days} days from the date printed on it to ask for a hearing."
        ),
        "plan.reason.equivalent_hearing": (
            "The {days}-day window for a full hearing has passed, but you can still ask for an equivalent "
            "hearing until {deadline}."
        ),
        "plan.reason.levy": (
            "A levy or wage garnishment has started. The IRS can release it, for example when it causes "
            "hardship or when you set up a payment plan."
        ),
        "plan.reason.cp2000": (
            "A CP2000 is not a bill: it proposes a change to your return. Reply within {days} days, "
            "by {deadline}, whether you agree or not."
        ),
        "plan.reason.cp2000_no_date": (
            "A CP2000 is not a bill: it proposes a change to your return. Reply within {days} days of its date."
        ),
        "plan.reason.cp2000_late": (
            "The reply date on your CP2000 has passed. Reply now anyway: if the IRS sends a notice of "
            "deficiency (CP3219A), you have {days} days to go to Tax Court."
        ),
        "plan.reason.cp523": (
            "A CP523 means your payment plan is about to be ended. You have about {days} days, "
            "until about {deadline}, to fix it."
        ),
        "plan.reason.cp523_no_date": (
            "A CP523 means your payment plan is about to be ended. You have about {days} days from its date "
            "to fix it."
        ),
        "plan.reason.cp523_late": (
            "The CP523 date has passed; your plan may already be ended. Call now to ask for reinstatement."
        ),
        "plan.reason.file_returns": (
            "Some returns are not filed. The IRS will not agree to a plan, an offer or penalty relief until they are."
        ),
        "plan.reason.file_returns_years": (
            "You have {years} year(s) of returns not filed. The IRS will not agree to a plan, an offer or "
            "penalty relief until they are."
        ),
        "plan.reason.compliance": (
            "This year's tax is not covered by withholding or estimated payments. The IRS will not consider "
            "an offer while new tax debt is building up."
        ),
        "plan.reason.bankruptcy": (
            "While a bankruptcy case is open, an Offer in Compromise cannot be filed, and the tax debt is "
            "handled inside the case."
        ),
        "plan.reason.state_only": (
            "Your debt is with your state, not the IRS. The IRS programs in this screening do not apply to it."
        ),
        "plan.reason.combat_zone": (
            "Service in a combat zone extends your deadlines to file and pay: the time served plus "
            "{days} days, with no interest or penalties in that time."
        ),
        "plan.reason.innocent_spouse": (
            "If your spouse or ex-spouse caused the debt on a joint return, you may be relieved of it. "
            "Ask within {years} years of the IRS's first collection action against you."
        ),
        "plan.reason.innocent_spouse_dated": (
            "If your spouse or ex-spouse caused the debt on a joint return, you may be relieved of it. "
            "Ask within {years} years of the IRS's first collection action against you: at the latest "
            "by {deadline}."
        ),
        "plan.reason.fta": (
            "With no penalties in the {years} years before, the IRS usually removes late-filing and "
            "late-payment penalties for one year. That could take up to {amount} off your balance. "
            "Ask before a plan or an offer: a lower balance means smaller payments."
        ),
        "plan.reason.fta_unknown": (
            "With no penalties in the {years} years before, the IRS usually removes late-filing and "
            "late-payment penalties for one year. Your notice shows the penalty amount. Ask before "
            "a plan or an offer: a lower balance means smaller payments."
        ),
        "plan.reason.fta_history_unknown": (
            "If you had no penalties in the {years} years before, the IRS usually removes late-filing and "
            "late-payment penalties for one year. Ask before a plan or an offer."
        ),
        "plan.reason.reasonable_cause": (
            "Penalties can be removed when {cause} kept you from filing or paying on time, if you acted "
            "with ordinary care. The IRS decides case by case."
        ),
        "plan.reason.oic_liability": (
            "You believe the amount is wrong. An offer based on doubt as to liability asks the IRS to correct it."
        ),
        "plan.reason.short_term": (
            "You owe under {limit} and can pay within {days} days. No setup fee; interest and penalties "
            "run until it is paid."
        ),
        "plan.reason.guaranteed": (
            "Your tax, about {tax}, is at or under {limit}. If you pay it within {months} months, have "
            "filed every return and had no plan in the last 5 years, the IRS must accept this plan."
        ),
        "plan.reason.streamlined": (
            "You owe {limit} or less, so you can set up a plan of up to {months} months without a "
            "financial statement: about {monthly} a month."
        ),
        "plan.reason.streamlined_ddia": (
            "You owe {limit} or less, so you can set up a plan of up to {months} months without a "
            "financial statement: about {monthly} a month. Above {ddia_limit} the payments must be "
            "by direct debit."
        ),
        "plan.reason.non_streamlined": (
            "You owe between {low} and {high}. A plan is possible, paying about {monthly} a month over "
            "{months} months or longer, but the IRS may ask for a financial statement."
        ),
        "plan.reason.non_streamlined_over": (
            "You owe more than {high}. A plan is still possible, but the IRS will want a full financial "
            "statement and often assigns a revenue officer."
        ),
        "plan.reason.ppia": (
            "At {monthly} a month the balance would not be paid before the IRS's collection time runs out "
            "(generally {years} years from assessment, often less). A partial-payment plan accepts what you "
            "can pay."
        ),
        "plan.reason.oic_rcp": (
            "The IRS settles for what it could collect: your equity ({equity}) plus {lump} months of the "
            "income left after allowed expenses ({disposable} a month). That is about {rcp}, less than "
            "the {balance} you owe."
        ),
        "plan.reason.oic_rcp_zero": (
            "With no equity and no income left after allowed expenses, the IRS could collect almost nothing now. "
            "An offer is possible, but the IRS usually pauses collection first."
        ),
        "plan.reason.oic_unknown": (
            "From what you can pay, the balance may not be paid within the IRS's collection time "
            "(generally {years} years). An offer may fit; it depends on your income, expenses and assets."
        ),
        "plan.reason.oic_eta": (
            "The IRS could collect about {rcp}, enough for the {balance} you owe, but paying may cause "
            "real hardship. Offers on this ground are rarely accepted."
        ),
        "plan.reason.oic_eta_unknown": (
            "You may be able to pay, but paying may cause real hardship. Offers on this ground are rarely accepted."
        ),
        "plan.reason.cnc": (
            "Your income ({income} a month) does not cover the expenses the IRS allows ({allowable}). "
            "The IRS can pause collection."
        ),
        "plan.reason.cnc_hardship": (
            "With your hardship and nothing to pay each month, the IRS may pause collection. "
            "It will look at your income and expenses."
        ),
        "plan.reason.ibtf": (
            "Payroll tax debt of {limit} or less can be paid over up to {months} months without a "
            "financial statement: about {monthly} a month."
        ),
        "plan.reason.ibtf_over": (
            "This plan is for {limit} or less. Paying {excess} down first would let you use it: about "
            "{monthly} a month over {months} months."
        ),
        "plan.reason.business_non_streamlined": (
            "Above {limit}, a business plan needs a financial statement; up to {high} it is usually "
            "handled by phone."
        ),
        "plan.reason.oic_business": (
            "A business that cannot pay may offer less; the IRS will look at the business's finances."
        ),
        # Blockers
        "plan.blocker.file_first": "file your missing returns first.",
        "plan.blocker.compliance_first": "get current on this year's taxes first.",
        "plan.blocker.bankruptcy": "not possible while a bankruptcy case is open.",
        "plan.blocker.state_only": "this screening covers IRS (federal) debt only.",
        # Steps
        "plan.step.call": "Call the IRS at {phone}, or the number on your notice.",
        "plan.step.cdp_form": "Send Form {form} (Request for a Collection Due Process hearing) before the deadline.",
        "plan.step.count_from_letter": (
            "Count the {days} days from the date printed on the letter. If it is earlier than the day it "
            "arrived, you have less time."
        ),
        "plan.step.cdp_protects": "Use the hearing to propose a plan, an offer or a pause in collection.",
        "plan.step.equivalent_form": "Send Form {form} and ask for an equivalent hearing.",
        "plan.step.equivalent_limits": (
            "An equivalent hearing does not stop a levy and has no Tax Court review."
        ),
        "plan.step.levy_release": "Ask for a levy release and explain how it affects rent, food and bills.",
        "plan.step.get_help_now": "A tax professional can often act the same day.",
        "plan.step.cp2000_respond": "Fill in the response form that came with the notice: agree or disagree.",
        "plan.step.cp2000_no_amend": "Do not file an amended return for that year; reply on the form.",
        "plan.step.cp2000_disagree": "If you disagree, say why and attach documents (W-2, 1099, receipts).",
        "plan.step.cp523_cure": "Make the missed payment or file the missing return, then tell the IRS.",
        "plan.step.reinstate_fee": (
            "Reinstating a plan costs {online} online or {phone} by phone ({low} for low income)."
        ),
        "plan.step.cap_appeal": "If the IRS ends the plan anyway, you can appeal (Collection Appeals Program).",
        "plan.step.file_returns": "File every missing return, even if you cannot pay what it shows.",
        "plan.step.file_even_if_cannot_pay": "Filing stops the late-filing penalty from growing.",
        "plan.step.withholding": "Raise your withholding (new W-4) or start estimated payments.",
        "plan.step.deposits": "Make this quarter's federal tax deposits and file the payroll returns.",
        "plan.step.bankruptcy_attorney": "Talk to your bankruptcy attorney about how the IRS claim is handled.",
        "plan.step.firm_state_help": (
            "Our firm also helps with state tax debt: leave your phone number and we will call you."
        ),
        "plan.step.combat_zone_tell": "Tell the IRS about your service dates so your account is flagged.",
        "plan.step.form_8857": "File Form {form} (Request for Innocent Spouse Relief).",
        "plan.step.fta_ask": "Ask for first-time penalty abatement for the earliest year with penalties.",
        "plan.step.form_843": "Or send Form {form} (Claim for Refund and Request for Abatement).",
        "plan.step.relief_under_streamlined": (
            "Without the penalties your balance could fall to {limit} or less, where a streamlined plan applies."
        ),
        "plan.step.relief_under_ddia": (
            "Without the penalties your balance could fall to {limit} or less, where direct debit is optional."
        ),
        "plan.step.pro_line": "A tax professional can ask for you on the practitioner line ({phone}).",
        "plan.step.reasonable_cause_explain": "Explain what happened and when, with documents.",
        "plan.step.opa_online": "Apply online at irs.gov/opa (Online Payment Agreement).",
        "plan.step.short_term_fee": "No setup fee for a short-term plan.",
        "plan.step.form_9465": "Or send Form {form} (Installment Agreement Request).",
        "plan.step.form_9465_433": (
            "Send Form {form} with a financial statement (Form {cis}, or {cis_long} if the IRS asks)."
        ),
        "plan.step.fee_ddia": "Setup fee with direct debit: {online} online, {phone} by phone.",
        "plan.step.fee_choice": (
            "Setup fee: with direct debit {ddia_online} online or {ddia_phone} by phone; "
            "without it {other_online} online or {other_phone} by phone."
        ),
        "plan.step.fee_low_income": (
            "Low income: no setup fee with direct debit; otherwise {low}, refunded when the plan is "
            "finished (Form {form})."
        ),
        "plan.step.short_of_needed": (
            "This needs about {monthly} a month; you said you can pay {affordable}."
        ),
        "plan.step.lien_likely": "With more than {limit} owed, the IRS will likely file a tax lien.",
        "plan.step.ppia_equity": "The IRS may ask you to use equity in assets first.",
        "plan.step.oic_forms": "Use the Form {booklet} booklet: Form {form} with Form {cis}.",
        "plan.step.oic_down_payment": (
            "Lump-sum offer: send {rate}% ({down}) with the application, the rest within {months} months "
            "of acceptance."
        ),
        "plan.step.oic_fee": (
            "Application fee {fee}. A periodic offer is paid in monthly amounts within {months} months."
        ),
        "plan.step.oic_low_income": (
            "Your income is under the IRS's low-income line: the fee and the payments during review are waived."
        ),
        "plan.step.oic_conditions": (
            "If accepted, you must file and pay on time for 5 years, and the IRS keeps this year's refund."
        ),
        "plan.step.form_656l": "File Form {form} with your explanation and documents.",
        "plan.step.oic_liability_no_fee": "No application fee and no financial statement are needed.",
        "plan.step.form_433f": "Send a financial statement (Form {form}) with proof of income and expenses.",
        "plan.step.cnc_continues": (
            "Interest keeps growing, refunds are kept, a lien may be filed, and the IRS reviews your income."
        ),
        "plan.step.business_current": "Use the business line; the business must be current on filings and deposits.",
        "plan.step.ibtf_ddia": "From {low} to {high} the payments must be by direct debit.",
        "plan.step.business_financials": "Prepare the business's income, expenses and assets.",
        # Estimates
        "plan.est.monthly": "Estimated payment: {monthly} a month over {months} months.",
        "plan.est.monthly_open": "Estimated payment: {monthly} a month.",
        "plan.est.penalty": "Penalties that could be removed: up to {amount} (balance about {after}).",
        "plan.est.penalty_only": "Penalties that could be removed: up to {amount}.",
        "plan.est.offer_lump": "Estimated offer, lump sum: {amount} ({down} sent with the application).",
        "plan.est.offer_lump_waived": "Estimated offer, lump sum: {amount} (low income: nothing up front).",
        "plan.est.offer_periodic": "Estimated offer, paid over {months} months: {amount} (about {monthly} a month).",
        "plan.est.deadline": "Deadline: {deadline} ({days_left}).",
        # Notes
        "plan.note.state_part": "Your state tax debt is not covered here; our firm can help with it too.",
        "plan.note.no_balance": "Without the balance we cannot match a payment plan; your latest notice shows it.",
        "plan.note.tax_estimate": (
            "We estimate your tax at about {tax}: the balance minus the penalties you told us about. "
            "Interest is not known, so the real tax may be lower."
        ),
        "plan.note.housing_actual": (
            "Housing is counted at what you pay; the IRS caps it by county, which may lower the allowance."
        ),
        "plan.note.standards": (
            "Figures use the IRS Collection Financial Standards (health care: {health_year} figures)."
        ),
        "plan.note.interest": (
            "Interest (currently {rate}% a year, compounded daily) keeps growing until the balance is paid."
        ),
    },
    "es": {
        # Frame
        "plan.title": "Su plan",
        "plan.intro": "Según sus respuestas, esto es lo que encaja, en el orden que le sugerimos seguir.",
        "plan.urgent": "⚠ Urgente: actúe de inmediato en el primer paso.",
        "plan.urgent_days": "⚠ Urgente: {days_left} (hasta el {deadline}). Actúe de inmediato en el primer paso.",
        "plan.nothing": (
            "No encontramos un programa con estas respuestas. Un profesional de impuestos puede revisar su caso."
        ),
        "plan.why": "Por qué: {reason}",
        "plan.why_not_yet": "Todavía no: {blocker}",
        "plan.steps": "Próximos pasos:",
        "plan.notes": "Conviene saber:",
        "plan.disclaimer": (
            "Esto es una estimación basada en sus respuestas, no asesoría fiscal. El IRS decide; "
            "no se promete ningún resultado."
        ),
        "plan.summary_programs": "{urgent}{programs}",
        "plan.summary_urgent": "URGENTE: ",
        "plan.summary_balance": "Saldo {balance}",
        "plan.summary_deadline": "plazo {deadline} ({days_left})",
        "plan.summary_none": "ningún programa coincide",
        # Fit
        "plan.fit.likely": "probablemente aplica",
        "plan.fit.possible": "podría aplicar",
        "plan.fit.blocked": "todavía no",
        # Days
        "plan.days.today": "hoy es el último día",
        "plan.days.one": "queda 1 día",
        "plan.days.many": "quedan {days} días",
        # Programs
        "plan.program.cdp_hearing": "Audiencia del debido proceso de cobro (CDP)",
        "plan.program.equivalent_hearing": "Audiencia equivalente",
        "plan.program.levy_release": "Liberación del embargo",
        "plan.program.cp2000_response": "Responder a su aviso CP2000",
        "plan.program.cp523_cure": "Salvar su plan de pagos (CP523)",
        "plan.program.file_returns": "Primero, presente las declaraciones pendientes",
        "plan.program.current_year_compliance": "Póngase al día con los impuestos de este año",
        "plan.program.bankruptcy": "Caso de bancarrota abierto",
        "plan.program.state_only": "Deuda de impuestos estatales",
        "plan.program.combat_zone": "Alivio por zona de combate",
        "plan.program.innocent_spouse": "Alivio del cónyuge inocente",
        "plan.program.first_time_abatement": "Alivio de multas por primera vez",
        "plan.program.reasonable_cause": "Alivio de multas por causa razonable",
        "plan.program.oic_liability": "Oferta de transacción: duda sobre la obligación",
        "plan.program.short_term_plan": "Plan de pagos a corto plazo",
        "plan.program.guaranteed_ia": "Acuerdo de pagos garantizado",
        "plan.program.streamlined_ia": "Plan de pagos simplificado",
        "plan.program.non_streamlined_ia": "Plan de pagos no simplificado",
        "plan.program.ibtf_express": "Plan In-Business Trust Fund Express",
        "plan.program.ppia": "Plan de pagos parciales",
        "plan.program.oic_collectibility": "Oferta de transacción (Offer in Compromise)",
        "plan.program.oic_eta": "Oferta de transacción: administración tributaria eficaz",
        "plan.program.cnc": "Estado de no cobrable actualmente (CNC)",
        # Reasonable causes
        "plan.cause.illness": "una enfermedad grave",
        "plan.cause.death": "una muerte en la familia",
        "plan.cause.disaster": "un desastre",
        "plan.cause.records_lost": "documentos que no pudo obtener",
        # Reasons
        "plan.reason.cdp_levy": (
            "Su aviso final de intención de embargo le da {days} días para pedir una audiencia, hasta el "
            "{deadline}. Pedirla a tiempo detiene el embargo mientras se resuelve y conserva su derecho a "
            "ir al Tribunal Tributario."
        ),
        "plan.reason.cdp_levy_no_date": (
            "Un aviso final de intención de embargo le da {days} días desde la fecha impresa para pedir "
            "una audiencia. Pedirla a tiempo detiene el embargo mientras se resuelve."
        ),
        "plan.reason.cdp_lien": (
            "Su aviso de gravamen (Carta 3172) le da {days} días para pedir una audiencia, hasta el {deadline}."
        ),
        "plan.reason.cdp_lien_no_date": (
            "Un aviso de gravamen (Carta 3172) le da {days} días desde la fecha impresa para pedir una audiencia."
        ),
        "plan.reason.equivalent_hearing": (
            "El plazo de {days} días para una audiencia completa ya pasó, pero puede pedir una audiencia "
            "equivalente hasta el {deadline}."
        ),
        "plan.reason.levy": (
            "Ya empezó un embargo o retención de salario. El IRS puede liberarlo, por ejemplo si le causa "
            "dificultades económicas o si establece un plan de pagos."
        ),
        "plan.reason.cp2000": (
            "Un CP2000 no es una factura: propone un cambio a su declaración. Responda dentro de {days} días, "
            "a más tardar el {deadline}, esté de acuerdo o no."
        ),
        "plan.reason.cp2000_no_date": (
            "Un CP2000 no es una factura: propone un cambio a su declaración. Responda dentro de {days} días "
            "desde su fecha."
        ),
        "plan.reason.cp2000_late": (
            "La fecha para responder al CP2000 ya pasó. Responda ahora de todos modos: si el IRS envía un "
            "aviso de deficiencia (CP3219A), tendrá {days} días para ir al Tribunal Tributario."
        ),
        "plan.reason.cp523": (
            "Un CP523 significa que su plan de pagos está por cancelarse. Tiene unos {days} días, hasta "
            "alrededor del {deadline}, para corregirlo."
        ),
        "plan.reason.cp523_no_date": (
            "Un CP523 significa que su plan de pagos está por cancelarse. Tiene unos {days} días desde su "
            "fecha para corregirlo."
        ),
        "plan.reason.cp523_late": (
            "La fecha del CP523 ya pasó; su plan puede estar cancelado. Llame ahora para pedir su restablecimiento."
        ),
        "plan.reason.file_returns": (
            "Hay declaraciones sin presentar. El IRS no aceptará un plan, una oferta ni alivio de multas "
            "hasta que estén presentadas."
        ),
        "plan.reason.file_returns_years": (
            "Tiene {years} año(s) de declaraciones sin presentar. El IRS no aceptará un plan, una oferta ni "
            "alivio de multas hasta que estén presentadas."
        ),
        "plan.reason.compliance": (
            "El impuesto de este año no está cubierto por retenciones o pagos estimados. El IRS no "
            "considerará una oferta mientras se acumula deuda nueva."
        ),
        "plan.reason.bankruptcy": (
            "Mientras haya un caso de bancarrota abierto no se puede presentar una oferta de transacción, "
            "y la deuda tributaria se maneja dentro del caso."
        ),
        "plan.reason.state_only": (
            "Su deuda es con su estado, no con el IRS. Los programas del IRS de esta evaluación no se aplican."
        ),
        "plan.reason.combat_zone": (
            "El servicio en una zona de combate extiende sus plazos para declarar y pagar: el tiempo de "
            "servicio más {days} días, sin intereses ni multas en ese tiempo."
        ),
        "plan.reason.innocent_spouse": (
            "Si su cónyuge o excónyuge causó la deuda en una declaración conjunta, podría quedar liberado "
            "de ella. Pídalo dentro de {years} años de la primera acción de cobro del IRS contra usted."
        ),
        "plan.reason.innocent_spouse_dated": (
            "Si su cónyuge o excónyuge causó la deuda en una declaración conjunta, podría quedar liberado "
            "de ella. Pídalo dentro de {years} años de la primera acción de cobro del IRS contra usted: "
            "a más tardar el {deadline}."
        ),
        "plan.reason.fta": (
            "Sin multas en los {years} años anteriores, el IRS suele quitar las multas por declarar y pagar "
            "tarde de un año. Eso podría restar hasta {amount} de su saldo. Pídalo antes de un plan o una "
            "oferta: un saldo menor significa pagos más bajos."
        ),
        "plan.reason.fta_unknown": (
            "Sin multas en los {years} años anteriores, el IRS suele quitar las multas por declarar y pagar "
            "tarde de un año. Su aviso muestra el monto de las multas. Pídalo antes de un plan o una oferta: "
            "un saldo menor significa pagos más bajos."
        ),
        "plan.reason.fta_history_unknown": (
            "Si no tuvo multas en los {years} años anteriores, el IRS suele quitar las multas por declarar "
            "y pagar tarde de un año. Pídalo antes de un plan o una oferta."
        ),
        "plan.reason.reasonable_cause": (
            "Las multas se pueden quitar cuando {cause} le impidió declarar o pagar a tiempo, si actuó con "
            "cuidado razonable. El IRS decide caso por caso."
        ),
        "plan.reason.oic_liability": (
            "Usted cree que el monto está mal. Una oferta por duda sobre la obligación le pide al IRS corregirlo."
        ),
        "plan.reason.short_term": (
            "Debe menos de {limit} y puede pagar en {days} días. Sin cargo de inicio; los intereses y multas "
            "siguen hasta que se pague."
        ),
        "plan.reason.guaranteed": (
            "Su impuesto, unos {tax}, es de {limit} o menos. Si lo paga en {months} meses, presentó todas "
            "las declaraciones y no tuvo un plan en los últimos 5 años, el IRS debe aceptar este plan."
        ),
        "plan.reason.streamlined": (
            "Debe {limit} o menos, así que puede establecer un plan de hasta {months} meses sin estado "
            "financiero: unos {monthly} al mes."
        ),
        "plan.reason.streamlined_ddia": (
            "Debe {limit} o menos, así que puede establecer un plan de hasta {months} meses sin estado "
            "financiero: unos {monthly} al mes. Por encima de {ddia_limit} los pagos deben ser por débito directo."
        ),
        "plan.reason.non_streamlined": (
            "Debe entre {low} y {high}. Un plan es posible, pagando unos {monthly} al mes durante {months} "
            "meses o más, pero el IRS podría pedir un estado financiero."
        ),
        "plan.reason.non_streamlined_over": (
            "Debe más de {high}. Un plan aún es posible, pero el IRS pedirá un estado financiero completo y "
            "a menudo asigna un funcionario de cobros."
        ),
        "plan.reason.ppia": (
            "Con {monthly} al mes el saldo no se pagaría antes de que venza el plazo de cobro del IRS "
            "(en general {years} años desde la liquidación, a menudo menos). Un plan de pagos parciales "
            "acepta lo que puede pagar."
        ),
        "plan.reason.oic_rcp": (
            "El IRS acepta lo que podría cobrar: su patrimonio ({equity}) más {lump} meses del ingreso que "
            "le queda tras los gastos permitidos ({disposable} al mes). Son unos {rcp}, menos que los "
            "{balance} que debe."
        ),
        "plan.reason.oic_rcp_zero": (
            "Sin patrimonio y sin ingresos tras los gastos permitidos, el IRS casi no podría cobrar nada ahora. "
            "Una oferta es posible, pero el IRS suele pausar el cobro primero."
        ),
        "plan.reason.oic_unknown": (
            "Según lo que puede pagar, el saldo podría no pagarse dentro del plazo de cobro del IRS "
            "(en general {years} años). Una oferta podría aplicar; depende de sus ingresos, gastos y bienes."
        ),
        "plan.reason.oic_eta": (
            "El IRS podría cobrar unos {rcp}, suficiente para los {balance} que debe, pero pagar podría "
            "causarle dificultades graves. Las ofertas por este motivo rara vez se aceptan."
        ),
        "plan.reason.oic_eta_unknown": (
            "Quizás pueda pagar, pero pagar podría causarle dificultades graves. Las ofertas por este motivo "
            "rara vez se aceptan."
        ),
        "plan.reason.cnc": (
            "Sus ingresos ({income} al mes) no cubren los gastos que el IRS permite ({allowable}). "
            "El IRS puede pausar el cobro."
        ),
        "plan.reason.cnc_hardship": (
            "Con sus dificultades y nada para pagar cada mes, el IRS podría pausar el cobro. "
            "Revisará sus ingresos y gastos."
        ),
        "plan.reason.ibtf": (
            "Una deuda de impuestos de nómina de {limit} o menos se puede pagar en hasta {months} meses sin "
            "estado financiero: unos {monthly} al mes."
        ),
        "plan.reason.ibtf_over": (
            "Este plan es para {limit} o menos. Si paga primero {excess}, podría usarlo: unos {monthly} al "
            "mes durante {months} meses."
        ),
        "plan.reason.business_non_streamlined": (
            "Por encima de {limit}, un plan para negocios necesita un estado financiero; hasta {high} "
            "normalmente se tramita por teléfono."
        ),
        "plan.reason.oic_business": (
            "Un negocio que no puede pagar puede ofrecer menos; el IRS revisará las finanzas del negocio."
        ),
        # Blockers
        "plan.blocker.file_first": "primero presente las declaraciones pendientes.",
        "plan.blocker.compliance_first": "primero póngase al día con los impuestos de este año.",
        "plan.blocker.bankruptcy": "no es posible mientras haya un caso de bancarrota abierto.",
        "plan.blocker.state_only": "esta evaluación cubre solo deudas con el IRS (federales).",
        # Steps
        "plan.step.call": "Llame al IRS al {phone}, o al número de su aviso.",
        "plan.step.cdp_form": (
            "Envíe el Formulario {form} (solicitud de audiencia del debido proceso de cobro) antes del plazo."
        ),
        "plan.step.count_from_letter": (
            "Cuente los {days} días desde la fecha impresa en la carta. Si es anterior al día en que llegó, "
            "tiene menos tiempo."
        ),
        "plan.step.cdp_protects": "En la audiencia puede proponer un plan, una oferta o una pausa del cobro.",
        "plan.step.equivalent_form": "Envíe el Formulario {form} y pida una audiencia equivalente.",
        "plan.step.equivalent_limits": (
            "Una audiencia equivalente no detiene un embargo y no tiene revisión del Tribunal Tributario."
        ),
        "plan.step.levy_release": "Pida la liberación del embargo y explique cómo afecta su renta, comida y cuentas.",
        "plan.step.get_help_now": "Un profesional de impuestos a menudo puede actuar el mismo día.",
        "plan.step.cp2000_respond": "Llene el formulario de respuesta que vino con el aviso: de acuerdo o no.",
        "plan.step.cp2000_no_amend": "No presente una declaración enmendada de ese año; responda en el formulario.",
        "plan.step.cp2000_disagree": "Si no está de acuerdo, explique por qué y adjunte documentos (W-2, 1099, recibos).",
        "plan.step.cp523_cure": "Haga el pago atrasado o presente la declaración pendiente, y avise al IRS.",
        "plan.step.reinstate_fee": (
            "Restablecer un plan cuesta {online} en línea o {phone} por teléfono ({low} con ingresos bajos)."
        ),
        "plan.step.cap_appeal": (
            "Si el IRS cancela el plan de todos modos, puede apelar (Programa de Apelaciones de Cobro, CAP)."
        ),
        "plan.step.file_returns": "Presente todas las declaraciones pendientes, aunque no pueda pagar lo que indiquen.",
        "plan.step.file_even_if_cannot_pay": "Presentarlas evita que siga creciendo la multa por declarar tarde.",
        "plan.step.withholding": "Aumente su retención (nuevo W-4) o empiece pagos estimados.",
        "plan.step.deposits": "Haga los depósitos federales de este trimestre y presente las declaraciones de nómina.",
        "plan.step.bankruptcy_attorney": "Hable con su abogado de bancarrota sobre cómo se maneja el reclamo del IRS.",
        "plan.step.firm_state_help": (
            "Nuestra firma también ayuda con deudas estatales: deje su teléfono y le llamaremos."
        ),
        "plan.step.combat_zone_tell": "Informe al IRS sus fechas de servicio para que marquen su cuenta.",
        "plan.step.form_8857": "Presente el Formulario {form} (solicitud de alivio del cónyuge inocente).",
        "plan.step.fta_ask": "Pida el alivio de multas por primera vez para el año más antiguo con multas.",
        "plan.step.form_843": "O envíe el Formulario {form} (reclamo de reembolso y solicitud de reducción).",
        "plan.step.relief_under_streamlined": (
            "Sin las multas su saldo podría bajar a {limit} o menos, donde aplica un plan simplificado."
        ),
        "plan.step.relief_under_ddia": (
            "Sin las multas su saldo podría bajar a {limit} o menos, donde el débito directo es opcional."
        ),
        "plan.step.pro_line": "Un profesional de impuestos puede pedirlo por usted en la línea para profesionales ({phone}).",
        "plan.step.reasonable_cause_explain": "Explique qué pasó y cuándo, con documentos.",
        "plan.step.opa_online": "Solicítelo en línea en irs.gov/opa (Online Payment Agreement).",
        "plan.step.short_term_fee": "Un plan a corto plazo no tiene cargo de inicio.",
        "plan.step.form_9465": "O envíe el Formulario {form} (solicitud de plan de pagos a plazos).",
        "plan.step.form_9465_433": (
            "Envíe el Formulario {form} con un estado financiero (Formulario {cis}, o {cis_long} si el IRS lo pide)."
        ),
        "plan.step.fee_ddia": "Cargo de inicio con débito directo: {online} en línea, {phone} por teléfono.",
        "plan.step.fee_choice": (
            "Cargo de inicio: con débito directo {ddia_online} en línea o {ddia_phone} por teléfono; "
            "sin él {other_online} en línea o {other_phone} por teléfono."
        ),
        "plan.step.fee_low_income": (
            "Ingresos bajos: sin cargo con débito directo; si no, {low}, que se reembolsa al terminar el plan "
            "(Formulario {form})."
        ),
        "plan.step.short_of_needed": "Esto requiere unos {monthly} al mes; usted dijo que puede pagar {affordable}.",
        "plan.step.lien_likely": "Con más de {limit} de deuda, es probable que el IRS registre un gravamen.",
        "plan.step.ppia_equity": "El IRS podría pedirle usar primero el patrimonio de sus bienes.",
        "plan.step.oic_forms": "Use el folleto del Formulario {booklet}: Formulario {form} con el Formulario {cis}.",
        "plan.step.oic_down_payment": (
            "Oferta de pago único: envíe el {rate}% ({down}) con la solicitud y el resto dentro de {months} "
            "meses después de la aceptación."
        ),
        "plan.step.oic_fee": (
            "Cargo de solicitud {fee}. Una oferta a plazos se paga en cuotas mensuales dentro de {months} meses."
        ),
        "plan.step.oic_low_income": (
            "Sus ingresos están bajo el límite de ingresos bajos del IRS: no paga el cargo ni los pagos "
            "durante la revisión."
        ),
        "plan.step.oic_conditions": (
            "Si la aceptan, debe declarar y pagar a tiempo durante 5 años, y el IRS se queda con el reembolso "
            "de este año."
        ),
        "plan.step.form_656l": "Presente el Formulario {form} con su explicación y documentos.",
        "plan.step.oic_liability_no_fee": "No hay cargo de solicitud ni se necesita estado financiero.",
        "plan.step.form_433f": "Envíe un estado financiero (Formulario {form}) con pruebas de ingresos y gastos.",
        "plan.step.cnc_continues": (
            "Los intereses siguen creciendo, el IRS retiene los reembolsos, puede registrar un gravamen y "
            "revisa sus ingresos."
        ),
        "plan.step.business_current": (
            "Use la línea para negocios; el negocio debe estar al día con declaraciones y depósitos."
        ),
        "plan.step.ibtf_ddia": "De {low} a {high} los pagos deben ser por débito directo.",
        "plan.step.business_financials": "Prepare los ingresos, gastos y bienes del negocio.",
        # Estimates
        "plan.est.monthly": "Pago estimado: {monthly} al mes durante {months} meses.",
        "plan.est.monthly_open": "Pago estimado: {monthly} al mes.",
        "plan.est.penalty": "Multas que se podrían quitar: hasta {amount} (saldo de unos {after}).",
        "plan.est.penalty_only": "Multas que se podrían quitar: hasta {amount}.",
        "plan.est.offer_lump": "Oferta estimada, pago único: {amount} ({down} con la solicitud).",
        "plan.est.offer_lump_waived": "Oferta estimada, pago único: {amount} (ingresos bajos: nada por adelantado).",
        "plan.est.offer_periodic": "Oferta estimada, pagada en {months} meses: {amount} (unos {monthly} al mes).",
        "plan.est.deadline": "Plazo: {deadline} ({days_left}).",
        # Notes
        "plan.note.state_part": "Su deuda estatal no se cubre aquí; nuestra firma también puede ayudarle con ella.",
        "plan.note.no_balance": "Sin el saldo no podemos elegir un plan de pagos; su último aviso lo muestra.",
        "plan.note.tax_estimate": (
            "Estimamos su impuesto en unos {tax}: el saldo menos las multas que nos indicó. No conocemos los "
            "intereses, así que el impuesto real puede ser menor."
        ),
        "plan.note.housing_actual": (
            "La vivienda se cuenta por lo que usted paga; el IRS la limita por condado, lo que podría reducir "
            "lo permitido."
        ),
        "plan.note.standards": (
            "Las cifras usan los Estándares Financieros de Cobro del IRS (salud: cifras de {health_year})."
        ),
        "plan.note.interest": (
            "Los intereses (actualmente {rate}% al año, compuestos a diario) siguen creciendo hasta pagar el saldo."
        ),
    },
}
