"""Texts of the screening conversation: questions, buttons, review, re-prompts.

Telegram HTML: only <b> and <i> are used, and no value typed by a user is
embedded here unescaped (the engine escapes parameters before formatting).
Every re-prompt names what is expected and gives an example, because a bare
"invalid input" is where people give up.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # ---- questions
        "conv.q.debt_scope": (
            "<b>Who do you owe?</b>\nThe IRS (federal taxes), your state tax agency, or both?"
        ),
        "conv.q.balance": (
            "<b>How much do you owe the IRS in total?</b>\n"
            "Include penalties and interest; the latest IRS letter or your online account shows it. A "
            "rough figure is fine."
        ),
        "conv.q.taxpayer_kind": "<b>What kind of tax debt is it?</b>",
        "conv.q.all_returns_filed": "<b>Have you filed every tax return you were required to file?</b>",
        "conv.q.unfiled_years": "<b>Roughly how many years are not filed yet?</b>",
        "conv.q.latest_letter": (
            "<b>What is the latest letter you got from the IRS?</b>\n"
            "The notice number is in the top or bottom right corner of the letter."
        ),
        "conv.q.letter_date": (
            "<b>When is that letter dated?</b>\n"
            "For example: <i>yesterday</i>, <i>2 weeks ago</i> or <i>11/03/2026</i>."
        ),
        "conv.q.levy_started": (
            "<b>Has the IRS already started a levy or a wage garnishment?</b>\n"
            "For example money taken from your bank account or your paycheck."
        ),
        "conv.q.disputes_amount": (
            "<b>Do you think the amount is wrong?</b>\n"
            "For example an audit mistake, or income on the bill that isn't yours."
        ),
        "conv.q.penalty_amount": (
            "<b>Roughly how much of the balance is penalties?</b>\n"
            "Your IRS letter lists tax, penalties and interest separately."
        ),
        "conv.q.prior_penalties": (
            "<b>Did you have any IRS penalties in the three tax years before this one?</b>\n"
            "A penalty for too little estimated tax doesn't count."
        ),
        "conv.q.reasonable_cause": (
            "<b>Did something serious keep you from filing or paying on time?</b>\nPick the closest one."
        ),
        "conv.q.can_pay_180": (
            "<b>Could you pay the full balance within the next 180 days (about 6 months)?</b>"
        ),
        "conv.q.current_year": (
            "<b>Are you up to date on this year's taxes?</b>\n"
            "Enough withholding or estimated payments (for employers: the payroll deposits)."
        ),
        "conv.q.in_bankruptcy": "<b>Are you in an open bankruptcy case right now?</b>",
        "conv.q.monthly_payment": "<b>How much could you afford to pay the IRS each month?</b>",
        "conv.q.hardship": "<b>Is any of these making it hard to pay right now?</b>",
        "conv.q.filing_status": "<b>What filing status is on the returns you owe for?</b>",
        "conv.q.spouse_debt": (
            "<b>Was the debt caused by your spouse or ex-spouse</b> (for example income they didn't "
            "report on your joint return)?"
        ),
        "conv.q.combat_zone": (
            "<b>Did you (or your spouse) serve in a combat zone</b> during the years you owe for, or since?"
        ),
        "conv.q.residence": ("<b>Where do you live?</b>"),
        "conv.q.household_size": (
            "<b>A few questions about your finances</b> so we can check settlement and hardship options. "
            "Nothing here identifies you.\n"
            "\n"
            "<b>How many people live in your household, you included?</b>"
        ),
        "conv.q.members_65": "<b>How many of them are 65 or older?</b>",
        "conv.q.monthly_income": (
            "<b>What is your household's total monthly income before taxes?</b>\n"
            "Wages, self-employment, Social Security, pensions, everything."
        ),
        "conv.q.expense_housing": "<b>Monthly housing costs:</b> rent or mortgage plus utilities?",
        "conv.q.expense_transport": (
            "<b>Monthly running costs of the vehicles:</b> gas, insurance, repairs, parking?"
        ),
        "conv.q.expense_health": (
            "<b>Other monthly health costs you pay yourself:</b> doctor visits, prescriptions, copays?"
        ),
        "conv.q.expense_court": "<b>Court-ordered payments each month:</b> child support or alimony?",
        "conv.q.expense_other": "<b>Other necessary monthly costs:</b> child care, term life insurance?",
        "conv.q.asset_cash": "<b>How much do you have in cash and bank accounts?</b>",
        "conv.q.home_value": "<b>If you own a home or other real estate, what is it worth?</b>",
        "conv.q.home_loan": "<b>How much is left on the mortgage?</b>",
        "conv.q.vehicle_value": "<b>What are your vehicles worth in total?</b>",
        "conv.q.vehicle_loan": "<b>How much is left on the vehicle loans?</b>",
        "conv.q.retirement_value": "<b>How much is in retirement accounts (401(k), IRA)?</b>",
        "conv.q.other_assets": (
            "<b>Anything else of value?</b> Investments, life-insurance cash value, a business."
        ),
        "conv.q.business_open": ("<b>Is the business still operating?</b>"),
        "conv.q.prior_plans": (
            "<b>In the 5 tax years before the one you owe for, did you file or pay late, or have an IRS "
            "payment plan?</b>"
        ),
        "conv.q.expense_taxes": (
            "<b>How much goes to taxes each month?</b>\n"
            "Income tax, Social Security and Medicare taken out of your pay, plus any estimated payments. "
            "Your pay stub shows it."
        ),
        "conv.q.vehicle_count": "<b>How many cars or other vehicles does your household own or lease?</b>",
        "conv.q.vehicle_payment": (
            "<b>How much are the monthly loan or lease payments on them?</b>\n"
            "Just the payments; running costs come next. None if they are paid off."
        ),
        "conv.q.health_insurance": (
            "<b>Monthly health-insurance premiums</b> you pay yourself (not your employer's share)?"
        ),
        "conv.q.earliest_year": (
            '<b>What is the oldest tax year you owe for?</b>\nFor example <i>2019</i>. "Not sure" is fine.'
        ),
        # ---- why we ask (one short line under each question)
        "conv.why": "Why we ask:",
        "conv.why.debt_scope": (
            "Federal and state tax debts are handled by different agencies, with different programs."
        ),
        "conv.why.balance": "The amount decides which payment plans are open to you: several have a limit.",
        "conv.why.taxpayer_kind": "Personal and business tax debts have different plans and limits.",
        "conv.why.business_open": "The tax debt of a closed business is handled much like a personal one.",
        "conv.why.all_returns_filed": (
            "The IRS sets up plans and offers only once every required return is filed."
        ),
        "conv.why.unfiled_years": (
            "The IRS normally asks for the last six years, so the number changes what you need to file."
        ),
        "conv.why.latest_letter": (
            "Some letters start a deadline that protects your rights: the letter tells us how urgent this is."
        ),
        "conv.why.letter_date": "Those deadlines run from the letter's date.",
        "conv.why.levy_started": "A levy already under way can often be released, and that comes first.",
        "conv.why.disputes_amount": "If the amount is wrong, you may not have to pay all of it.",
        "conv.why.penalty_amount": "Penalties can often be removed, which lowers what you owe.",
        "conv.why.prior_penalties": (
            "With three clean years, the IRS usually removes a first penalty when asked."
        ),
        "conv.why.reasonable_cause": (
            "A serious reason can get penalties removed even when the first-time removal doesn't apply."
        ),
        "conv.why.can_pay_180": "If you can, a short-term plan with no setup fee may be all you need.",
        "conv.why.current_year": (
            "The IRS won't agree to a plan or an offer while this year's taxes keep adding up."
        ),
        "conv.why.in_bankruptcy": (
            "During a bankruptcy the tax debt is handled inside the case, not with IRS plans."
        ),
        "conv.why.monthly_payment": (
            "It shows which plan length fits, and whether settlement options are worth checking."
        ),
        "conv.why.prior_plans": "The answer decides whether a guaranteed payment plan is open to you.",
        "conv.why.hardship": "Hardship can pause collection or support a settlement.",
        "conv.why.filing_status": "On a joint return, relief for one spouse may apply.",
        "conv.why.spouse_debt": "If your spouse caused it, innocent spouse relief can take the debt off you.",
        "conv.why.combat_zone": (
            "Combat-zone service extends your deadlines, with no interest or penalties in that time."
        ),
        "conv.why.residence": "The IRS uses different living-cost figures for Alaska and Hawaii.",
        "conv.why.household_size": "The IRS allows living costs by the size of your household.",
        "conv.why.members_65": "The IRS allows more for health care from age 65.",
        "conv.why.monthly_income": (
            "Income minus the costs the IRS allows is what it expects you to pay each month."
        ),
        "conv.why.expense_taxes": "The taxes you pay now are allowed before anything goes to the old debt.",
        "conv.why.expense_housing": (
            "Housing is an allowed cost, though the IRS may hold it to a local figure."
        ),
        "conv.why.vehicle_count": "The IRS allows car costs per vehicle, usually up to two.",
        "conv.why.vehicle_payment": "Loan or lease payments are allowed up to a national figure.",
        "conv.why.expense_transport": "Running costs are an allowed expense.",
        "conv.why.health_insurance": "Premiums are allowed on top of the health-care figure.",
        "conv.why.expense_health": "The IRS allows a set amount per person, or more if you spend more.",
        "conv.why.expense_court": "Court-ordered payments are allowed in full.",
        "conv.why.expense_other": "Necessary costs like these lower what the IRS expects you to pay.",
        "conv.why.asset_cash": "The IRS counts the money you have before it agrees to take less.",
        "conv.why.home_value": "Equity in property counts toward what the IRS can collect.",
        "conv.why.home_loan": "Only what you would keep after the mortgage counts.",
        "conv.why.vehicle_value": "Vehicle equity counts, minus an allowance.",
        "conv.why.vehicle_loan": "Only what you would keep after the loans counts.",
        "conv.why.retirement_value": "Retirement accounts count toward what the IRS can collect.",
        "conv.why.other_assets": "Anything of value counts toward what a settlement would be.",
        "conv.why.earliest_year": (
            "The IRS generally has 10 years from then to collect, which can change what fits."
        ),
        # ---- a value read out of a sentence, confirmed in one line
        "conv.read.value": "I read that as <b>{value}</b>.",
        "conv.read.money_month": "I read that as <b>{value}</b> a month.",
        # ---- short labels for the review
        "conv.label.debt_scope": "Owed to",
        "conv.label.balance": "Federal balance",
        "conv.label.taxpayer_kind": "Kind of debt",
        "conv.label.all_returns_filed": "All returns filed",
        "conv.label.unfiled_years": "Years not filed",
        "conv.label.latest_letter": "Latest IRS letter",
        "conv.label.letter_date": "Letter date",
        "conv.label.levy_started": "Levy or garnishment started",
        "conv.label.disputes_amount": "Amount is wrong",
        "conv.label.penalty_amount": "Penalties",
        "conv.label.prior_penalties": "Penalties in prior 3 years",
        "conv.label.reasonable_cause": "Reason for being late",
        "conv.label.can_pay_180": "Can pay within 180 days",
        "conv.label.current_year": "Current on this year's taxes",
        "conv.label.in_bankruptcy": "Open bankruptcy",
        "conv.label.monthly_payment": "Affordable monthly payment",
        "conv.label.hardship": "Hardship",
        "conv.label.filing_status": "Filing status",
        "conv.label.spouse_debt": "Spouse caused the debt",
        "conv.label.combat_zone": "Combat-zone service",
        "conv.label.residence": "Residence",
        "conv.label.household_size": "Household size",
        "conv.label.members_65": "Aged 65 or older",
        "conv.label.monthly_income": "Monthly income",
        "conv.label.expense_housing": "Housing",
        "conv.label.expense_transport": "Vehicle running costs",
        "conv.label.expense_health": "Other health costs",
        "conv.label.expense_court": "Court-ordered payments",
        "conv.label.expense_other": "Other necessary costs",
        "conv.label.asset_cash": "Cash and bank",
        "conv.label.home_value": "Real estate value",
        "conv.label.home_loan": "Mortgage left",
        "conv.label.vehicle_value": "Vehicle value",
        "conv.label.vehicle_loan": "Vehicle loans left",
        "conv.label.retirement_value": "Retirement accounts",
        "conv.label.other_assets": "Other assets",
        "conv.label.business_open": "Business still operating",
        "conv.label.prior_plans": "Late or on a plan in prior 5 years",
        "conv.label.expense_taxes": "Taxes each month",
        "conv.label.vehicle_count": "Vehicles",
        "conv.label.vehicle_payment": "Car loan or lease payments",
        "conv.label.health_insurance": "Health-insurance premiums",
        "conv.label.earliest_year": "Oldest tax year owed",
        # ---- choice labels (also button labels: keep them short)
        "conv.opt.debt_scope.federal": "The IRS (federal)",
        "conv.opt.debt_scope.state": "My state only",
        "conv.opt.debt_scope.both": "Both",
        "conv.opt.taxpayer_kind.personal": "Personal (Form 1040)",
        "conv.opt.taxpayer_kind.payroll": "Business payroll taxes",
        "conv.opt.taxpayer_kind.business_other": "Other business taxes",
        "conv.opt.latest_letter.none": "No letter yet",
        "conv.opt.latest_letter.cp14": "CP14 (first bill)",
        "conv.opt.latest_letter.cp501_503": "CP501 / CP503 (reminder)",
        "conv.opt.latest_letter.cp504": "CP504 (intent to levy)",
        "conv.opt.latest_letter.final_notice": "LT11 / 1058 / CP90 (final)",
        "conv.opt.latest_letter.lien_3172": "Letter 3172 (lien filed)",
        "conv.opt.latest_letter.cp523": "CP523 (plan default)",
        "conv.opt.latest_letter.cp2000": "CP2000 (proposed change)",
        "conv.opt.reasonable_cause.illness": "Serious illness",
        "conv.opt.reasonable_cause.death": "Death in the family",
        "conv.opt.reasonable_cause.disaster": "Fire or disaster",
        "conv.opt.reasonable_cause.records_lost": "Records lost",
        "conv.opt.reasonable_cause.none": "None of these",
        "conv.opt.hardship.job_loss": "Lost my job",
        "conv.opt.hardship.medical": "Medical problems",
        "conv.opt.hardship.divorce": "Divorce or separation",
        "conv.opt.hardship.disaster": "Disaster",
        "conv.opt.hardship.fixed_income": "Fixed income / retired",
        "conv.opt.hardship.none": "None of these",
        "conv.opt.filing_status.single": "Single",
        "conv.opt.filing_status.mfj": "Married filing jointly",
        "conv.opt.filing_status.mfs": "Married filing separately",
        "conv.opt.filing_status.hoh": "Head of household",
        "conv.opt.residence.contiguous": "Lower 48 states or DC",
        "conv.opt.residence.alaska": "Alaska",
        "conv.opt.residence.hawaii": "Hawaii",
        # ---- buttons and shown values
        "conv.btn.yes": "Yes",
        "conv.btn.no": "No",
        "conv.btn.unsure": "Not sure",
        "conv.btn.zero": "None / $0",
        "conv.btn.back": "⬅ Back",
        "conv.btn.continue": "Continue",
        "conv.btn.restart": "Start over",
        "conv.btn.review": "Review my answers",
        "conv.btn.change": "✏️ {label}",
        "conv.value.yes": "yes",
        "conv.value.no": "no",
        "conv.value.unsure": "not sure",
        # ---- hints: what is expected, with an example
        "conv.hint.money": (
            "Type an amount in dollars, for example <b>8,000</b>, <b>$12,500.50</b> or <b>52k</b>."
        ),
        "conv.hint.count": "Type a whole number, for example <b>3</b>.",
        "conv.hint.date": (
            "Type a date, for example <b>yesterday</b>, <b>2 weeks ago</b>, <b>Nov 3</b> or "
            "<b>11/03/2026</b>."
        ),
        "conv.hint.yes_no": "Tap a button or type your answer, for example <b>yes</b> or <b>no</b>.",
        "conv.hint.choice": "Tap a button, or type its number (for example <b>1</b>) or its name.",
        "conv.hint.year": "Type a year, for example <b>2019</b>.",
        # ---- errors (the hint follows each one)
        "conv.err.money.nonsense": "I couldn't read that as an amount of money.",
        "conv.err.money.negative": "The amount can't be negative.",
        "conv.err.money.absurd": "That is more than {max}; please check the amount.",
        "conv.err.money.zero": "The amount has to be more than $0.",
        "conv.err.money": "That amount doesn't look right.",
        "conv.err.penalty_exceeds": "Penalties can't be more than the whole balance ({balance}).",
        "conv.err.count.nonsense": "I couldn't read that as a number.",
        "conv.err.count.whole": "Please use a whole number.",
        "conv.err.count.range": "The number should be between {min} and {max}.",
        "conv.err.count": "That number doesn't look right.",
        "conv.err.date.nonsense": "I couldn't read that as a date.",
        "conv.err.date.future": "That date is in the future; the letter must have arrived already.",
        "conv.err.date.too_old": "That date is before 2000; please check it.",
        "conv.err.date.invalid": "That date doesn't exist in the calendar.",
        "conv.err.date": "That date doesn't look right.",
        "conv.err.yes_no": "I didn't catch a yes or a no.",
        "conv.err.choice": "That isn't one of the options.",
        "conv.err.choice.number": "Please pick a number from 1 to {max}.",
        # ---- controls
        "conv.stale": "That button is from an earlier question. Here is where we are now:",
        "conv.nothing_to_undo": "This is the first question, there is nothing to go back to.",
        "conv.restarted": "Starting over. Your earlier answers are cleared.",
        "conv.unknown_command": "I don't know that command. You can use /back, /review or /restart.",
        "conv.changing": "Change your answer. Now: <b>{value}</b>",
        "conv.review.title": "<b>Your answers so far</b>",
        "conv.review.empty": "You haven't answered any questions yet.",
        "conv.review.footer": "Tap an answer to change it, or Continue.",
        "conv.review.use_buttons": "Tap an answer below to change it, or tap Continue.",
        "conv.done.reply": "Your plan is above. Would you like to review your answers or start over?",
        "conv.after_filing": (
            "I didn't ask about your income and assets: while returns are missing, the IRS won't set up "
            "a plan or consider an offer. Once they are filed, send /restart and I'll estimate what you "
            "would pay."
        ),
    },
    "es": {
        # ---- preguntas
        "conv.q.debt_scope": (
            "<b>¿A quién le debe?</b>\n¿Al IRS (impuestos federales), a su estado o a ambos?"
        ),
        "conv.q.balance": (
            "<b>¿Cuánto le debe al IRS en total?</b>\n"
            "Incluya multas e intereses; aparece en la última carta del IRS o en su cuenta en línea. Una "
            "cifra aproximada está bien."
        ),
        "conv.q.taxpayer_kind": "<b>¿Qué tipo de deuda es?</b>",
        "conv.q.all_returns_filed": (
            "<b>¿Ha presentado todas las declaraciones de impuestos que le correspondían?</b>"
        ),
        "conv.q.unfiled_years": "<b>¿Más o menos cuántos años le faltan por declarar?</b>",
        "conv.q.latest_letter": (
            "<b>¿Cuál es la última carta que recibió del IRS?</b>\n"
            "El número del aviso está en la esquina superior o inferior derecha de la carta."
        ),
        "conv.q.letter_date": (
            "<b>¿Qué fecha tiene esa carta?</b>\n"
            "Por ejemplo: <i>ayer</i>, <i>hace 2 semanas</i> o <i>3 de noviembre</i>."
        ),
        "conv.q.levy_started": (
            "<b>¿El IRS ya empezó un embargo o un embargo de salario?</b>\n"
            "Por ejemplo, le quitaron dinero de su cuenta de banco o de su cheque de pago."
        ),
        "conv.q.disputes_amount": (
            "<b>¿Cree que la cantidad está mal?</b>\n"
            "Por ejemplo, un error de auditoría o ingresos en la cuenta que no son suyos."
        ),
        "conv.q.penalty_amount": (
            "<b>¿Más o menos cuánto de la deuda son multas?</b>\n"
            "Su carta del IRS muestra por separado el impuesto, las multas y los intereses."
        ),
        "conv.q.prior_penalties": (
            "<b>¿Tuvo multas del IRS en los tres años fiscales anteriores a este?</b>\n"
            "Una multa por pagar poco impuesto estimado no cuenta."
        ),
        "conv.q.reasonable_cause": (
            "<b>¿Algo grave le impidió declarar o pagar a tiempo?</b>\nElija lo más parecido."
        ),
        "conv.q.can_pay_180": "<b>¿Podría pagar toda la deuda en los próximos 180 días (unos 6 meses)?</b>",
        "conv.q.current_year": (
            "<b>¿Está al día con los impuestos de este año?</b>\n"
            "Retenciones o pagos estimados suficientes (para empleadores: los depósitos de nómina)."
        ),
        "conv.q.in_bankruptcy": "<b>¿Tiene ahora mismo un caso de bancarrota abierto?</b>",
        "conv.q.monthly_payment": "<b>¿Cuánto podría pagarle al IRS cada mes?</b>",
        "conv.q.hardship": "<b>¿Alguna de estas situaciones le dificulta pagar ahora?</b>",
        "conv.q.filing_status": (
            "<b>¿Qué estado civil tributario aparece en las declaraciones que debe?</b>"
        ),
        "conv.q.spouse_debt": (
            "<b>¿La deuda la causó su cónyuge o excónyuge</b> (por ejemplo, ingresos que no declaró en su "
            "declaración conjunta)?"
        ),
        "conv.q.combat_zone": (
            "<b>¿Usted (o su cónyuge) sirvió en una zona de combate</b> en los años que debe, o después?"
        ),
        "conv.q.residence": ("<b>¿Dónde vive?</b>"),
        "conv.q.household_size": (
            "<b>Unas preguntas sobre sus finanzas</b> para revisar opciones de acuerdo y de dificultad "
            "económica. Nada de esto lo identifica.\n"
            "\n"
            "<b>¿Cuántas personas viven en su hogar, contándose usted?</b>"
        ),
        "conv.q.members_65": "<b>¿Cuántas de ellas tienen 65 años o más?</b>",
        "conv.q.monthly_income": (
            "<b>¿Cuál es el ingreso mensual total de su hogar antes de impuestos?</b>\n"
            "Salarios, trabajo por cuenta propia, Seguro Social, pensiones, todo."
        ),
        "conv.q.expense_housing": "<b>Gastos mensuales de vivienda:</b> ¿renta o hipoteca más servicios?",
        "conv.q.expense_transport": (
            "<b>Gastos mensuales de uso de los vehículos:</b> ¿gasolina, seguro, reparaciones, "
            "estacionamiento?"
        ),
        "conv.q.expense_health": (
            "<b>Otros gastos mensuales de salud que paga usted:</b> ¿consultas, medicinas, copagos?"
        ),
        "conv.q.expense_court": (
            "<b>Pagos ordenados por un juez cada mes:</b> ¿manutención o pensión alimenticia?"
        ),
        "conv.q.expense_other": (
            "<b>Otros gastos mensuales necesarios:</b> ¿cuidado de niños, seguro de vida a término?"
        ),
        "conv.q.asset_cash": "<b>¿Cuánto tiene en efectivo y en cuentas de banco?</b>",
        "conv.q.home_value": "<b>Si tiene casa u otra propiedad, ¿cuánto vale?</b>",
        "conv.q.home_loan": "<b>¿Cuánto le falta por pagar de la hipoteca?</b>",
        "conv.q.vehicle_value": "<b>¿Cuánto valen sus vehículos en total?</b>",
        "conv.q.vehicle_loan": "<b>¿Cuánto le falta por pagar de los préstamos de vehículos?</b>",
        "conv.q.retirement_value": "<b>¿Cuánto tiene en cuentas de retiro (401(k), IRA)?</b>",
        "conv.q.other_assets": (
            "<b>¿Algo más de valor?</b> Inversiones, valor en efectivo de un seguro de vida, un negocio."
        ),
        "conv.q.business_open": ("<b>¿El negocio sigue operando?</b>"),
        "conv.q.prior_plans": (
            "<b>En los 5 años fiscales anteriores al que debe, ¿declaró o pagó tarde, o tuvo un plan de "
            "pagos con el IRS?</b>"
        ),
        "conv.q.expense_taxes": (
            "<b>¿Cuánto se va en impuestos cada mes?</b>\n"
            "Impuesto sobre la renta, Seguro Social y Medicare que le descuentan del sueldo, más pagos "
            "estimados. Su talón de pago lo muestra."
        ),
        "conv.q.vehicle_count": (
            "<b>¿Cuántos carros u otros vehículos tiene su hogar, propios o arrendados?</b>"
        ),
        "conv.q.vehicle_payment": (
            "<b>¿Cuánto paga al mes de préstamo o arrendamiento por ellos?</b>\n"
            "Solo los pagos; los gastos de uso vienen después. Nada si ya están pagados."
        ),
        "conv.q.health_insurance": (
            "<b>Primas mensuales de seguro médico</b> que paga usted (no la parte de su empleador)?"
        ),
        "conv.q.earliest_year": (
            "<b>¿Cuál es el año fiscal más antiguo que debe?</b>\n"
            'Por ejemplo <i>2019</i>. "No estoy seguro" está bien.'
        ),
        # ---- por qué preguntamos
        "conv.why": "Por qué preguntamos:",
        "conv.why.debt_scope": (
            "Las deudas federales y estatales las manejan agencias distintas, con programas distintos."
        ),
        "conv.why.balance": "La cantidad decide qué planes de pago puede usar: varios tienen un límite.",
        "conv.why.taxpayer_kind": "Las deudas personales y las de negocio tienen planes y límites distintos.",
        "conv.why.business_open": (
            "La deuda de impuestos de un negocio cerrado se maneja casi como una personal."
        ),
        "conv.why.all_returns_filed": (
            "El IRS solo acepta planes y ofertas cuando todas las declaraciones requeridas están presentadas."
        ),
        "conv.why.unfiled_years": (
            "El IRS normalmente pide los últimos seis años, así que el número cambia lo que debe presentar."
        ),
        "conv.why.latest_letter": (
            "Algunas cartas abren un plazo que protege sus derechos: la carta nos dice qué tan urgente es."
        ),
        "conv.why.letter_date": "Esos plazos cuentan desde la fecha de la carta.",
        "conv.why.levy_started": "Un embargo en curso muchas veces se puede liberar, y eso va primero.",
        "conv.why.disputes_amount": "Si la cantidad está mal, puede que no tenga que pagarla toda.",
        "conv.why.penalty_amount": "Las multas muchas veces se pueden quitar, y eso baja lo que debe.",
        "conv.why.prior_penalties": (
            "Con tres años sin multas, el IRS suele quitar una primera multa si se lo pide."
        ),
        "conv.why.reasonable_cause": (
            "Un motivo grave puede lograr que le quiten multas aunque no aplique el alivio por primera vez."
        ),
        "conv.why.can_pay_180": (
            "Si puede, un plan de corto plazo sin cargo de inicio puede ser todo lo que necesita."
        ),
        "conv.why.current_year": (
            "El IRS no acepta un plan ni una oferta mientras los impuestos de este año sigan acumulándose."
        ),
        "conv.why.in_bankruptcy": (
            "Durante una bancarrota, la deuda de impuestos se maneja dentro del caso, no con planes del IRS."
        ),
        "conv.why.monthly_payment": (
            "Muestra qué plazo de plan le conviene y si vale la pena revisar opciones de acuerdo."
        ),
        "conv.why.prior_plans": "La respuesta decide si puede usar un plan de pagos garantizado.",
        "conv.why.hardship": "Una dificultad económica puede pausar el cobro o apoyar un acuerdo.",
        "conv.why.filing_status": (
            "En una declaración conjunta puede aplicar un alivio para uno de los cónyuges."
        ),
        "conv.why.spouse_debt": (
            "Si su cónyuge la causó, el alivio para cónyuge inocente puede quitarle la deuda a usted."
        ),
        "conv.why.combat_zone": (
            "El servicio en zona de combate extiende sus plazos, sin intereses ni multas en ese tiempo."
        ),
        "conv.why.residence": "El IRS usa cifras de costo de vida distintas para Alaska y Hawái.",
        "conv.why.household_size": "El IRS permite gastos de vida según el tamaño de su hogar.",
        "conv.why.members_65": "El IRS permite más para salud desde los 65 años.",
        "conv.why.monthly_income": (
            "El ingreso menos los gastos que el IRS permite es lo que espera que pague cada mes."
        ),
        "conv.why.expense_taxes": "Los impuestos que paga ahora se permiten antes de pagar la deuda vieja.",
        "conv.why.expense_housing": (
            "La vivienda es un gasto permitido, aunque el IRS puede limitarla a una cifra local."
        ),
        "conv.why.vehicle_count": "El IRS permite gastos de auto por vehículo, normalmente hasta dos.",
        "conv.why.vehicle_payment": (
            "Los pagos de préstamo o arrendamiento se permiten hasta una cifra nacional."
        ),
        "conv.why.expense_transport": "Los gastos de uso son un gasto permitido.",
        "conv.why.health_insurance": "Las primas se permiten además de la cifra de gastos de salud.",
        "conv.why.expense_health": "El IRS permite una cantidad fija por persona, o más si gasta más.",
        "conv.why.expense_court": "Los pagos ordenados por un juez se permiten completos.",
        "conv.why.expense_other": "Gastos necesarios como estos bajan lo que el IRS espera que pague.",
        "conv.why.asset_cash": "El IRS cuenta el dinero que tiene antes de aceptar menos.",
        "conv.why.home_value": "El valor neto de una propiedad cuenta para lo que el IRS puede cobrar.",
        "conv.why.home_loan": "Solo cuenta lo que le quedaría después de la hipoteca.",
        "conv.why.vehicle_value": "El valor neto de los vehículos cuenta, menos una deducción.",
        "conv.why.vehicle_loan": "Solo cuenta lo que le quedaría después de los préstamos.",
        "conv.why.retirement_value": "Las cuentas de retiro cuentan para lo que el IRS puede cobrar.",
        "conv.why.other_assets": "Todo lo de valor cuenta para lo que sería un acuerdo.",
        "conv.why.earliest_year": (
            "El IRS en general tiene 10 años desde entonces para cobrar, lo que puede cambiar lo "
            "que le conviene."
        ),
        # ---- un valor leído de una frase, confirmado en una línea
        "conv.read.value": "Lo entendí como <b>{value}</b>.",
        "conv.read.money_month": "Lo entendí como <b>{value}</b> al mes.",
        # ---- etiquetas cortas para el resumen
        "conv.label.debt_scope": "Le debe a",
        "conv.label.balance": "Deuda federal",
        "conv.label.taxpayer_kind": "Tipo de deuda",
        "conv.label.all_returns_filed": "Todas las declaraciones presentadas",
        "conv.label.unfiled_years": "Años sin declarar",
        "conv.label.latest_letter": "Última carta del IRS",
        "conv.label.letter_date": "Fecha de la carta",
        "conv.label.levy_started": "Embargo ya iniciado",
        "conv.label.disputes_amount": "La cantidad está mal",
        "conv.label.penalty_amount": "Multas",
        "conv.label.prior_penalties": "Multas en los 3 años anteriores",
        "conv.label.reasonable_cause": "Motivo del retraso",
        "conv.label.can_pay_180": "Puede pagar en 180 días",
        "conv.label.current_year": "Al día con este año",
        "conv.label.in_bankruptcy": "Bancarrota abierta",
        "conv.label.monthly_payment": "Pago mensual posible",
        "conv.label.hardship": "Dificultad económica",
        "conv.label.filing_status": "Estado civil tributario",
        "conv.label.spouse_debt": "Deuda causada por el cónyuge",
        "conv.label.combat_zone": "Servicio en zona de combate",
        "conv.label.residence": "Residencia",
        "conv.label.household_size": "Personas en el hogar",
        "conv.label.members_65": "De 65 años o más",
        "conv.label.monthly_income": "Ingreso mensual",
        "conv.label.expense_housing": "Vivienda",
        "conv.label.expense_transport": "Gastos de uso de vehículos",
        "conv.label.expense_health": "Otros gastos de salud",
        "conv.label.expense_court": "Pagos ordenados por un juez",
        "conv.label.expense_other": "Otros gastos necesarios",
        "conv.label.asset_cash": "Efectivo y bancos",
        "conv.label.home_value": "Valor de propiedades",
        "conv.label.home_loan": "Hipoteca pendiente",
        "conv.label.vehicle_value": "Valor de vehículos",
        "conv.label.vehicle_loan": "Préstamos de vehículos",
        "conv.label.retirement_value": "Cuentas de retiro",
        "conv.label.other_assets": "Otros bienes",
        "conv.label.business_open": "El negocio sigue operando",
        "conv.label.prior_plans": "Tarde o con plan en 5 años previos",
        "conv.label.expense_taxes": "Impuestos al mes",
        "conv.label.vehicle_count": "Vehículos",
        "conv.label.vehicle_payment": "Pagos de préstamo o arrendamiento",
        "conv.label.health_insurance": "Primas de seguro médico",
        "conv.label.earliest_year": "Año fiscal más antiguo",
        # ---- opciones
        "conv.opt.debt_scope.federal": "Al IRS (federal)",
        "conv.opt.debt_scope.state": "Solo a mi estado",
        "conv.opt.debt_scope.both": "A los dos",
        "conv.opt.taxpayer_kind.personal": "Personal (Formulario 1040)",
        "conv.opt.taxpayer_kind.payroll": "Impuestos de nómina",
        "conv.opt.taxpayer_kind.business_other": "Otros impuestos de negocio",
        "conv.opt.latest_letter.none": "Ninguna carta aún",
        "conv.opt.latest_letter.cp14": "CP14 (primera factura)",
        "conv.opt.latest_letter.cp501_503": "CP501 / CP503 (recordatorio)",
        "conv.opt.latest_letter.cp504": "CP504 (aviso de embargo)",
        "conv.opt.latest_letter.final_notice": "LT11 / 1058 / CP90 (final)",
        "conv.opt.latest_letter.lien_3172": "Carta 3172 (gravamen)",
        "conv.opt.latest_letter.cp523": "CP523 (plan incumplido)",
        "conv.opt.latest_letter.cp2000": "CP2000 (cambio propuesto)",
        "conv.opt.reasonable_cause.illness": "Enfermedad grave",
        "conv.opt.reasonable_cause.death": "Muerte en la familia",
        "conv.opt.reasonable_cause.disaster": "Incendio o desastre",
        "conv.opt.reasonable_cause.records_lost": "Perdí los documentos",
        "conv.opt.reasonable_cause.none": "Ninguna de estas",
        "conv.opt.hardship.job_loss": "Perdí mi trabajo",
        "conv.opt.hardship.medical": "Problemas médicos",
        "conv.opt.hardship.divorce": "Divorcio o separación",
        "conv.opt.hardship.disaster": "Desastre",
        "conv.opt.hardship.fixed_income": "Ingreso fijo / jubilado",
        "conv.opt.hardship.none": "Ninguna de estas",
        "conv.opt.filing_status.single": "Soltero(a)",
        "conv.opt.filing_status.mfj": "Casado, declaración conjunta",
        "conv.opt.filing_status.mfs": "Casado, por separado",
        "conv.opt.filing_status.hoh": "Cabeza de familia",
        "conv.opt.residence.contiguous": "Los 48 estados o DC",
        "conv.opt.residence.alaska": "Alaska",
        "conv.opt.residence.hawaii": "Hawái",
        # ---- botones y valores
        "conv.btn.yes": "Sí",
        "conv.btn.no": "No",
        "conv.btn.unsure": "No estoy seguro",
        "conv.btn.zero": "Nada / $0",
        "conv.btn.back": "⬅ Atrás",
        "conv.btn.continue": "Continuar",
        "conv.btn.restart": "Empezar de nuevo",
        "conv.btn.review": "Revisar mis respuestas",
        "conv.btn.change": "✏️ {label}",
        "conv.value.yes": "sí",
        "conv.value.no": "no",
        "conv.value.unsure": "no está seguro",
        # ---- pistas
        "conv.hint.money": (
            "Escriba una cantidad en dólares, por ejemplo <b>8,000</b>, <b>$12,500.50</b> o <b>50 mil</b>."
        ),
        "conv.hint.count": "Escriba un número entero, por ejemplo <b>3</b>.",
        "conv.hint.date": (
            "Escriba una fecha, por ejemplo <b>ayer</b>, <b>hace 2 semanas</b>, <b>3 de noviembre</b> o "
            "<b>03/11/2026</b>."
        ),
        "conv.hint.yes_no": "Toque un botón o escriba su respuesta, por ejemplo <b>sí</b> o <b>no</b>.",
        "conv.hint.choice": "Toque un botón, o escriba su número (por ejemplo <b>1</b>) o su nombre.",
        "conv.hint.year": "Escriba un año, por ejemplo <b>2019</b>.",
        # ---- errores
        "conv.err.money.nonsense": "No pude leer eso como una cantidad de dinero.",
        "conv.err.money.negative": "La cantidad no puede ser negativa.",
        "conv.err.money.absurd": "Eso es más de {max}; por favor revise la cantidad.",
        "conv.err.money.zero": "La cantidad tiene que ser mayor que $0.",
        "conv.err.money": "Esa cantidad no parece correcta.",
        "conv.err.penalty_exceeds": "Las multas no pueden ser más que toda la deuda ({balance}).",
        "conv.err.count.nonsense": "No pude leer eso como un número.",
        "conv.err.count.whole": "Por favor use un número entero.",
        "conv.err.count.range": "El número debe estar entre {min} y {max}.",
        "conv.err.count": "Ese número no parece correcto.",
        "conv.err.date.nonsense": "No pude leer eso como una fecha.",
        "conv.err.date.future": "Esa fecha es futura; la carta ya tuvo que haber llegado.",
        "conv.err.date.too_old": "Esa fecha es anterior al 2000; por favor revísela.",
        "conv.err.date.invalid": "Esa fecha no existe en el calendario.",
        "conv.err.date": "Esa fecha no parece correcta.",
        "conv.err.yes_no": "No entendí si es un sí o un no.",
        "conv.err.choice": "Esa no es una de las opciones.",
        "conv.err.choice.number": "Por favor elija un número del 1 al {max}.",
        # ---- controles
        "conv.stale": "Ese botón es de una pregunta anterior. Aquí es donde estamos ahora:",
        "conv.nothing_to_undo": "Esta es la primera pregunta, no hay nada a qué regresar.",
        "conv.restarted": "Empezamos de nuevo. Sus respuestas anteriores se borraron.",
        "conv.unknown_command": "No conozco ese comando. Puede usar /back, /review o /restart.",
        "conv.changing": "Cambie su respuesta. Ahora: <b>{value}</b>",
        "conv.review.title": "<b>Sus respuestas hasta ahora</b>",
        "conv.review.empty": "Todavía no ha respondido ninguna pregunta.",
        "conv.review.footer": "Toque una respuesta para cambiarla, o Continuar.",
        "conv.review.use_buttons": "Toque una respuesta abajo para cambiarla, o toque Continuar.",
        "conv.done.reply": "Su plan está arriba. ¿Quiere revisar sus respuestas o empezar de nuevo?",
        "conv.after_filing": (
            "No le pregunté por sus ingresos y bienes: mientras falten declaraciones, el IRS no acepta un "
            "plan ni considera una oferta. Cuando estén presentadas, envíe /restart y le estimaré cuánto "
            "pagaría."
        ),
    },
}
