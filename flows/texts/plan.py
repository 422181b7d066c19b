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
        "plan.nothing": (
            "We could not match a program from these answers. A tax professional can look at your case."
        ),
        "plan.why": "Why: {reason}",
        "plan.why_not_yet": "Not yet: {blocker}",
        "plan.steps": "Next steps:",
        "plan.notes": "Good to know:",
        "plan.disclaimer": (
            "This is an estimate based on your answers, not tax advice. The IRS decides; no outcome is "
            "promised."
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
        "plan.program.levy_warning": "Act on the notice of intent to levy (CP504)",
        "plan.program.trust_fund_penalty": "Protect yourself from the Trust Fund Recovery Penalty",
        "plan.program.audit_reconsideration": "Audit reconsideration",
        "plan.program.use_equity": "Use what you own first",
        # Reasonable causes
        "plan.cause.illness": "a serious illness",
        "plan.cause.death": "a death in the family",
        "plan.cause.disaster": "a disaster",
        "plan.cause.records_lost": "records you could not get",
        # Reasons
        "plan.reason.cdp_levy": (
            "Your final notice of intent to levy gives you {days} days to ask for a hearing, until "
            "{deadline}. A request in time stops a levy while it is heard and keeps your right to go to "
            "Tax Court."
        ),
        "plan.reason.cdp_levy_no_date": (
            "A final notice of intent to levy gives you {days} days from the date printed on it to ask "
            "for a hearing. A request in time stops a levy while it is heard."
        ),
        "plan.reason.cdp_lien": (
            "Your lien notice (Letter 3172) gives you {days} days to ask for a hearing. They start a few "
            "days after the lien was filed, so the last day printed on the letter is {deadline} or up to "
            "a week later: act by {deadline}."
        ),
        "plan.reason.cdp_lien_no_date": (
            "A lien notice (Letter 3172) gives you {days} days to ask for a hearing; the last day is "
            "printed on the letter."
        ),
        "plan.reason.levy": (
            "A levy or wage garnishment has started. What stops it is a levy release: the IRS releases a "
            "levy that causes economic hardship, or once you agree a payment plan. A hearing alone does "
            "not stop it."
        ),
        "plan.reason.cp2000": (
            "A CP2000 is not a bill: it proposes a change to your return. Reply within {days} days, by "
            "{deadline}, whether you agree or not."
        ),
        "plan.reason.cp2000_no_date": (
            "A CP2000 is not a bill: it proposes a change to your return. Reply within {days} days of its "
            "date."
        ),
        "plan.reason.cp2000_late": (
            "The reply date on your CP2000 has passed. Reply now anyway: if the IRS sends a notice of "
            "deficiency (CP3219A), you have {days} days to go to Tax Court."
        ),
        "plan.reason.cp523": (
            "A CP523 means your payment plan is about to be ended. You have about {days} days, until "
            "about {deadline}, to fix it."
        ),
        "plan.reason.cp523_no_date": (
            "A CP523 means your payment plan is about to be ended. You have about {days} days from its "
            "date to fix it."
        ),
        "plan.reason.cp523_late": (
            "The CP523 date has passed; your plan may already be ended. Call now to ask for reinstatement."
        ),
        "plan.reason.file_returns": (
            "Some returns are not filed. The IRS will not agree to a plan, an offer or penalty relief "
            "until they are."
        ),
        "plan.reason.file_returns_years": (
            "You have {years} year(s) of returns not filed. The IRS will not agree to a plan, an offer or "
            "penalty relief until they are."
        ),
        "plan.reason.compliance": (
            "This year's tax is not covered by withholding or estimated payments. The IRS will not "
            "consider an offer while new tax debt is building up."
        ),
        "plan.reason.bankruptcy": (
            "While your bankruptcy case is open, the IRS's payment plans and offers are not available: "
            "tax debt from before the case is handled inside it."
        ),
        "plan.reason.state_only": (
            "Your debt is with your state, not the IRS. The IRS programs in this screening do not apply "
            "to it."
        ),
        "plan.reason.combat_zone": (
            "Service in a combat zone extends your deadlines to file and pay: the time served plus {days} "
            "days, with no interest or penalties in that time."
        ),
        "plan.reason.innocent_spouse": (
            "If your spouse or ex-spouse caused the debt on a joint return, you may be relieved of it. "
            "For income they left off the return, ask within {years} years of the IRS's first collection "
            "action against you; for tax that was reported but not paid, equitable relief can be asked "
            "for as long as the IRS can still collect."
        ),
        "plan.reason.innocent_spouse_dated": (
            "If your spouse or ex-spouse caused the debt on a joint return, you may be relieved of it. "
            "For income they left off the return, ask within {years} years of the IRS's first collection "
            "action against you: at the latest by {deadline}. Equitable relief stays open after that, as "
            "long as the IRS can still collect."
        ),
        "plan.reason.fta": (
            "You listed about {amount} in penalties. With no penalties in the {years} years before, the "
            "IRS usually removes the late-filing and late-paying penalties of one tax year, the earliest "
            "one with penalties. Penalties of later years, and accuracy penalties after an audit, need "
            "another reason such as reasonable cause. Ask before a plan or an offer."
        ),
        "plan.reason.fta_unknown": (
            "With no penalties in the {years} years before, the IRS usually removes the late-filing and "
            "late-paying penalties of one tax year, the earliest one with penalties; your notice shows "
            "how much they are. Ask before a plan or an offer."
        ),
        "plan.reason.fta_history_unknown": (
            "If you had no penalties in the {years} years before (the estimated-tax penalty does not "
            "count), the IRS usually removes the late-filing and late-paying penalties of one tax year, "
            "the earliest one with penalties. Ask before a plan or an offer."
        ),
        "plan.reason.reasonable_cause": (
            "Penalties can be removed when {cause} kept you from filing or paying on time, if you acted "
            "with ordinary care. The IRS decides case by case."
        ),
        "plan.reason.oic_liability": (
            "You believe the amount is wrong. An offer based on doubt as to liability asks the IRS to "
            "correct it."
        ),
        "plan.reason.short_term": (
            "You owe under {limit} and can pay within {days} days. No setup fee; interest and penalties "
            "run until it is paid."
        ),
        "plan.reason.guaranteed": (
            "Your tax, about {tax}, is at or under {limit}, and in the {years} years before you filed and "
            "paid on time with no payment plan. If you pay it within {months} months and stay current, "
            "the law says the IRS must accept this plan."
        ),
        "plan.reason.streamlined": (
            "You owe {limit} or less, so you can set up a plan of up to {months} months without a "
            "financial statement: about {monthly} a month."
        ),
        "plan.reason.streamlined_ddia": (
            "You owe {limit} or less, so you can set up a plan of up to {months} months without a "
            "financial statement: about {monthly} a month. Above {ddia_limit} the payments must be by "
            "direct debit."
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
            "(generally {years} years from assessment, often less). A partial-payment plan accepts what "
            "you can pay."
        ),
        "plan.reason.oic_rcp": (
            "Your equity and income would not pay the balance before the IRS's time to collect runs out "
            "(about {collectible} over {months} months, against {balance}). The IRS settles for what it "
            "could collect: your equity on the offer worksheet ({equity}) plus {lump} months of the "
            "income left after allowed expenses ({disposable} a month). That is about {rcp}."
        ),
        "plan.reason.oic_rcp_zero": (
            "With no equity and no income left after allowed expenses, the IRS could collect almost "
            "nothing now. An offer is possible, but the IRS usually pauses collection first."
        ),
        "plan.reason.oic_unknown": (
            "From what you can pay, the balance may not be paid within the IRS's collection time "
            "(generally {years} years). An offer may fit; it depends on your income, expenses and assets."
        ),
        "plan.reason.oic_eta": (
            "By the IRS's figures you could pay the {balance} in full (about {rcp} before its time to "
            "collect runs out), so an offer on the usual ground does not fit. If paying would cause real "
            "hardship, an offer on that ground is possible, but such offers are rarely accepted."
        ),
        "plan.reason.oic_eta_unknown": (
            "You may be able to pay, but paying may cause real hardship. Offers on this ground are rarely "
            "accepted."
        ),
        "plan.reason.cnc": (
            "Your income ({income} a month) does not cover the expenses the IRS allows ({allowable}). The "
            "IRS can pause collection."
        ),
        "plan.reason.cnc_hardship": (
            "With your hardship and nothing to pay each month, the IRS may pause collection. It will look "
            "at your income and expenses."
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
            "From what the business can pay, the balance may not be paid within the IRS's time to collect "
            "(generally {years} years). A business that cannot pay may offer less; the IRS will look at "
            "the business's finances."
        ),
        "plan.reason.tfrp": (
            "With payroll taxes unpaid, the IRS can make the people responsible for paying them over "
            "(owners, officers, whoever signs the checks) personally liable for the withheld part: the "
            "Trust Fund Recovery Penalty. It starts with Letter {letter}, which gives {days} days to "
            "appeal."
        ),
        "plan.reason.cdp_lien_maybe_open": (
            "{days} days from your letter's date have passed, but the {days} days of a lien notice start "
            "a few days after the lien was filed: the last day printed on the letter may still be ahead "
            "(no later than {deadline}). Check it today."
        ),
        "plan.reason.equivalent_hearing_levy": (
            "The {days}-day window for a full hearing has passed, but you can still ask for an equivalent "
            "hearing until {deadline}. It does not stop a levy."
        ),
        "plan.reason.equivalent_hearing_lien": (
            "The window for a full lien hearing has passed, but you can still ask for an equivalent "
            "hearing until about {deadline}."
        ),
        "plan.reason.cp504": (
            "A CP504 is a notice of intent to levy. The IRS can now take your state tax refund, and a "
            "final notice (LT11 or Letter 1058) comes next; after it, wages and bank accounts can be "
            "levied. Act before the date printed on the notice."
        ),
        "plan.reason.innocent_spouse_equitable": (
            "If your spouse or ex-spouse caused the debt on a joint return, you may still be relieved of "
            "it. More than {years} years have passed since the IRS's notice, so ask for equitable relief: "
            "it covers unpaid tax as well as unreported income, and can be asked for as long as the IRS "
            "can still collect."
        ),
        "plan.reason.audit_reconsideration": (
            "If the amount comes from an audit or a CP2000 that was decided without your documents, you "
            "can ask the IRS to look at it again (audit reconsideration), with the documents."
        ),
        "plan.reason.guaranteed_if": (
            "Your tax, about {tax}, is at or under {limit}. If in the {years} years before you filed and "
            "paid on time and had no payment plan, and you pay it within {months} months, the law says "
            "the IRS must accept this plan."
        ),
        "plan.reason.business_streamlined": (
            "A business that still operates and owes only income tax of {limit} or less can pay over up "
            "to {months} months without a financial statement: about {monthly} a month."
        ),
        "plan.reason.non_streamlined_irs": (
            "You owe between {low} and {high}, so the IRS will look at a financial statement and usually "
            "asks for what is left each month after the expenses it allows: about {disposable}. At that "
            "rate the balance is paid in about {months} months."
        ),
        "plan.reason.non_streamlined_long": (
            "What is left each month after the expenses the IRS allows, about {disposable}, pays the "
            "balance in about {months} months: longer than the {streamlined_months} of a streamlined "
            "plan, but before the IRS's time to collect runs out. A plan that long needs a financial "
            "statement."
        ),
        "plan.reason.use_equity_pay": (
            "Your income alone would not pay the balance before the IRS's time to collect runs out, but "
            "what you own could: about {equity} by the IRS's count, and at least {needed} is needed from "
            "it. The IRS asks people to borrow against or sell assets before it agrees to a longer plan, "
            "a pause or an offer."
        ),
        "plan.reason.ppia_irs": (
            "Your equity and income would not pay the balance before the IRS's time to collect runs out "
            "(about {collectible} over {months} months, against {balance}). A partial-payment plan takes "
            "what is left each month after allowed expenses, about {monthly}, until then."
        ),
        "plan.reason.cnc_after_equity": (
            "Your income ({income} a month) does not cover the expenses the IRS allows ({allowable}), so "
            "the IRS may pause collection, but first it will expect you to use what you own that it could "
            "collect without hardship: about {equity}."
        ),
        # Blockers
        "plan.blocker.file_first": "file your missing returns first.",
        "plan.blocker.compliance_first": "get current on this year's taxes first.",
        "plan.blocker.bankruptcy": "not possible while a bankruptcy case is open.",
        "plan.blocker.state_only": "this screening covers IRS (federal) debt only.",
        "plan.blocker.bankruptcy_plans": (
            "not while a bankruptcy case is open; the IRS's insolvency unit handles the debt inside the case."
        ),
        # Steps
        "plan.step.call": "Call the IRS at {phone}, or the number on your notice.",
        "plan.step.cdp_form": (
            "Send Form {form} (Request for a Collection Due Process hearing) before the deadline."
        ),
        "plan.step.count_from_letter": (
            "Count the {days} days from the date printed on the letter. If it is earlier than the day it "
            "arrived, you have less time."
        ),
        "plan.step.cdp_protects": "Use the hearing to propose a plan, an offer or a pause in collection.",
        "plan.step.equivalent_form": "Send Form {form} and ask for an equivalent hearing.",
        "plan.step.equivalent_limits": (
            "An equivalent hearing does not stop a levy and has no Tax Court review."
        ),
        "plan.step.levy_release": (
            "Ask for a levy release and explain how the levy affects rent, food and bills, or agree a "
            "payment plan on the call."
        ),
        "plan.step.get_help_now": "A tax professional can often act the same day.",
        "plan.step.cp2000_respond": (
            "Fill in the response form that came with the notice: agree or disagree."
        ),
        "plan.step.cp2000_no_amend": "Do not file an amended return for that year; reply on the form.",
        "plan.step.cp2000_disagree": "If you disagree, say why and attach documents (W-2, 1099, receipts).",
        "plan.step.cp523_cure": "Make the missed payment or file the missing return, then tell the IRS.",
        "plan.step.reinstate_fee": (
            "Reinstating a plan costs {online} online or {phone} by phone ({low} for low income)."
        ),
        "plan.step.cap_appeal": (
            "If the IRS ends the plan anyway, you can appeal (Collection Appeals Program)."
        ),
        "plan.step.file_returns": "File every missing return, even if you cannot pay what it shows.",
        "plan.step.file_even_if_cannot_pay": "Filing stops the late-filing penalty from growing.",
        "plan.step.withholding": "Raise your withholding (new W-4) or start estimated payments.",
        "plan.step.deposits": "Make this quarter's federal tax deposits and file the payroll returns.",
        "plan.step.bankruptcy_attorney": (
            "Talk to your bankruptcy attorney about how the IRS claim is handled."
        ),
        "plan.step.firm_state_help": (
            "Our firm also helps with state tax debt: leave your phone number and we will call you."
        ),
        "plan.step.combat_zone_tell": "Tell the IRS about your service dates so your account is flagged.",
        "plan.step.form_8857": "File Form {form} (Request for Innocent Spouse Relief).",
        "plan.step.fta_ask": (
            "Ask for first-time penalty abatement for the earliest year with penalties; ask about "
            "reasonable cause for the other years."
        ),
        "plan.step.form_843": "Or send Form {form} (Claim for Refund and Request for Abatement).",
        "plan.step.relief_under_streamlined": (
            "If all the penalties came off, your balance could fall to {limit} or less, where a "
            "streamlined plan applies."
        ),
        "plan.step.relief_under_ddia": (
            "If all the penalties came off, your balance could fall to {limit} or less, where direct "
            "debit is optional."
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
            "Setup fee: with direct debit {ddia_online} online or {ddia_phone} by phone; without it "
            "{other_online} online or {other_phone} by phone."
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
        "plan.step.oic_forms": (
            "Use the Form {booklet} booklet: Form {form} with Form {cis}, the offer's own financial "
            "statement."
        ),
        "plan.step.oic_down_payment": (
            "Lump-sum offer: send {rate}% ({down}) with the application, the rest within {months} months "
            "of acceptance."
        ),
        "plan.step.oic_fee": (
            "Application fee {fee}. A periodic offer is paid in monthly amounts within {months} months."
        ),
        "plan.step.oic_low_income": (
            "Your income is under the IRS's low-income line: the fee and the payments during review are "
            "waived."
        ),
        "plan.step.oic_conditions": (
            "If accepted, you must file and pay on time for 5 years, and the IRS keeps this year's refund."
        ),
        "plan.step.form_656l": "File Form {form} with your explanation and documents.",
        "plan.step.oic_liability_no_fee": "No application fee and no financial statement are needed.",
        "plan.step.form_433f": (
            "Send a financial statement (Form {form}) with proof of income and expenses."
        ),
        "plan.step.cnc_continues": (
            "Interest keeps growing, refunds are kept, a lien may be filed, and the IRS reviews your income."
        ),
        "plan.step.business_current": (
            "Use the business line; the business must be current on filings and deposits."
        ),
        "plan.step.ibtf_ddia": "From {low} to {high} the payments must be by direct debit.",
        "plan.step.business_financials": (
            "Prepare the business's income, expenses and assets for a financial statement (Form {cis})."
        ),
        "plan.step.tfrp_letter": (
            "If you get Letter {letter}, do not ignore it: you have {days} days from its date to appeal. "
            "Talk to a tax professional first."
        ),
        "plan.step.tfrp_pay_trust_first": (
            "Payments the business makes can be applied to the withheld (trust-fund) part first, which "
            "lowers what can be charged to you personally; ask for that when you pay."
        ),
        "plan.step.lien_printed_date": (
            "Use the last day printed on the letter: the {days} days start a few business days after the "
            "lien was filed, not on the letter's date."
        ),
        "plan.step.cap_form": (
            "You can also appeal a levy, a lien or a rejected plan through the Collection Appeals Program "
            "(Form {form}), even after the hearing window has passed."
        ),
        "plan.step.cp504_plan_stops_levy": (
            "Ask for a payment plan now: while a plan request is being considered, the IRS may not levy."
        ),
        "plan.step.insolvency": (
            "Do not apply for a payment plan or an offer while the case is open; call the IRS at {phone} "
            "and ask for the Insolvency unit."
        ),
        "plan.step.file_six_years": (
            "The IRS normally asks for the last {years} years of returns: file those first, even if you "
            "cannot pay what they show."
        ),
        "plan.step.offer_needs_all_returns": (
            "An Offer in Compromise may still need every return you were required to file; a tax "
            "professional can tell which."
        ),
        "plan.step.equitable_relief": (
            "On the form you can ask for all three kinds of relief at once; equitable relief covers "
            "unpaid tax too."
        ),
        "plan.step.audit_recon_documents": (
            "Send the documents the audit or CP2000 did not have (W-2, 1099, receipts) with a letter that "
            "says what is wrong."
        ),
        "plan.step.fta_not_accuracy": (
            "An accuracy penalty from an audit or a CP2000 is not covered by first-time abatement."
        ),
        "plan.step.irs_expects_more": (
            "You said you could pay {affordable} a month. After the expenses the IRS allows, about "
            "{disposable} a month is left, so the IRS is likely to ask for about {monthly}."
        ),
        "plan.step.said_covers": (
            "You said you could pay {affordable} a month, which covers the {monthly} this needs."
        ),
        "plan.step.lien_withdrawal": (
            "With a direct-debit plan of {limit} or less, after {payments} payments you can ask to have "
            "the filed lien withdrawn (Form {form})."
        ),
        "plan.step.equity_cash": "Money in the bank beyond a month's living costs can go to the IRS now.",
        "plan.step.equity_home": "Home equity: a refinance or a home-equity loan can pay the IRS.",
        "plan.step.lien_discharge": (
            "With a lien filed, the IRS can release the property for a sale (discharge) or let a new loan "
            "come first (subordination)."
        ),
        "plan.step.equity_retirement": (
            "Retirement accounts count: a withdrawal or a loan from a 401(k) can pay the IRS, but a "
            "withdrawal is taxed and may carry an early-withdrawal penalty. Ask a tax professional before "
            "you take one."
        ),
        "plan.step.equity_other": (
            "Vehicles and other assets with equity count at about 80% of their value, minus what is owed "
            "on them."
        ),
        "plan.step.equity_hardship": (
            "If selling or borrowing would leave you unable to pay basic living costs, tell the IRS: it "
            "should not ask for that."
        ),
        "plan.step.oic_odds": (
            "The IRS turns down most offers, often for missing papers or because it finds more it could "
            "collect; a complete application matters."
        ),
        "plan.step.ppia_review": (
            "The IRS may ask you to use equity in assets first, and reviews the plan about every two years."
        ),
        "plan.step.oic_equity": (
            "The offer includes your equity ({equity}): you may need to borrow against or sell what you "
            "own to pay it."
        ),
        # Estimates
        "plan.est.monthly": "Estimated payment: {monthly} a month over {months} months.",
        "plan.est.monthly_open": "Estimated payment: {monthly} a month.",
        "plan.est.penalty": "Penalties that could be removed: up to {amount} (balance about {after}).",
        "plan.est.penalty_only": "Penalties that could be removed: up to {amount}.",
        "plan.est.offer_lump": "Estimated offer, lump sum: {amount} ({down} sent with the application).",
        "plan.est.offer_lump_waived": "Estimated offer, lump sum: {amount} (low income: nothing up front).",
        "plan.est.offer_periodic": (
            "Estimated offer, paid over {months} months: {amount} (about {monthly} a month)."
        ),
        "plan.est.deadline": "Deadline: {deadline} ({days_left}).",
        # Notes
        "plan.note.state_part": "Your state tax debt is not covered here; our firm can help with it too.",
        "plan.note.no_balance": (
            "Without the balance we cannot match a payment plan; your latest notice shows it."
        ),
        "plan.note.tax_estimate": (
            "We estimate your tax at about {tax}: the balance minus the penalties you told us about. "
            "Interest is not known, so the real tax may be lower."
        ),
        "plan.note.housing_actual": (
            "Housing is counted at what you pay; the IRS caps it by county, which may lower the allowance."
        ),
        "plan.note.standards": (
            "Expenses use the IRS Collection Financial Standards in effect from {national} (out-of-pocket "
            "health care: figures from {health}; car ownership and public transport: figures from "
            "{transport}). Newer standards may allow a little more."
        ),
        "plan.note.interest": (
            "Interest keeps growing until the balance is paid, compounded daily. The IRS sets the rate "
            "every quarter: it was {rate}% a year from {start} to {end}, the latest rate we could confirm."
        ),
        "plan.note.running_costs": (
            "Car running costs are counted at what you pay; the IRS caps them by region, which may lower "
            "the allowance."
        ),
        "plan.note.statute_assumed": (
            "We assumed the IRS still has the full {years} years to collect. If the oldest year you owe "
            "is from several years ago, it has less time, which can change the best route; your IRS "
            "account transcript shows the dates."
        ),
        "plan.note.statute_known": (
            "The IRS's time to collect your oldest year ({year}) runs to about {expires}, if that return "
            "was filed on time: we counted {months} months. A late return or an audit gives the IRS "
            "longer; your account transcript shows the dates."
        ),
        "plan.note.statute_expired": (
            "For {year}, the IRS's {years} years to collect are over or about to end; a tax professional "
            "can check your account transcript. The rest of the debt is newer."
        ),
        "plan.note.statute_close": (
            "This is a close call: with more time left to collect you could pay in full, so the exact "
            "dates on your account transcript decide it."
        ),
    },
    "es": {
        # Marco
        "plan.title": "Su plan",
        "plan.intro": "Según sus respuestas, esto es lo que encaja, en el orden que le sugerimos seguir.",
        "plan.urgent": "⚠ Urgente: actúe de inmediato en el primer paso.",
        "plan.urgent_days": (
            "⚠ Urgente: {days_left} (hasta el {deadline}). Actúe de inmediato en el primer paso."
        ),
        "plan.nothing": (
            "No encontramos un programa con estas respuestas. Un profesional de impuestos puede revisar "
            "su caso."
        ),
        "plan.why": "Por qué: {reason}",
        "plan.why_not_yet": "Todavía no: {blocker}",
        "plan.steps": "Próximos pasos:",
        "plan.notes": "Conviene saber:",
        "plan.disclaimer": (
            "Esto es una estimación basada en sus respuestas, no asesoría fiscal. El IRS decide; no se "
            "promete ningún resultado."
        ),
        "plan.summary_programs": "{urgent}{programs}",
        "plan.summary_urgent": "URGENTE: ",
        "plan.summary_balance": "Saldo {balance}",
        "plan.summary_deadline": "plazo {deadline} ({days_left})",
        "plan.summary_none": "ningún programa coincide",
        # Encaje
        "plan.fit.likely": "probablemente aplica",
        "plan.fit.possible": "podría aplicar",
        "plan.fit.blocked": "todavía no",
        # Días
        "plan.days.today": "hoy es el último día",
        "plan.days.one": "queda 1 día",
        "plan.days.many": "quedan {days} días",
        # Programas
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
        "plan.program.levy_warning": "Actúe ante el aviso de intención de embargo (CP504)",
        "plan.program.trust_fund_penalty": "Protéjase de la multa de recuperación del fondo fiduciario",
        "plan.program.audit_reconsideration": "Reconsideración de la auditoría",
        "plan.program.use_equity": "Use primero lo que tiene",
        # Causas razonables
        "plan.cause.illness": "una enfermedad grave",
        "plan.cause.death": "una muerte en la familia",
        "plan.cause.disaster": "un desastre",
        "plan.cause.records_lost": "documentos que no pudo obtener",
        # Motivos
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
            "Su aviso de gravamen (carta 3172) le da {days} días para pedir una audiencia. Empiezan unos "
            "días después de registrado el gravamen, así que el último día impreso en la carta es el "
            "{deadline} o hasta una semana después: actúe antes del {deadline}."
        ),
        "plan.reason.cdp_lien_no_date": (
            "Un aviso de gravamen (carta 3172) le da {days} días para pedir una audiencia; el último día "
            "está impreso en la carta."
        ),
        "plan.reason.levy": (
            "Ya empezó un embargo o un embargo de salario. Lo que lo detiene es la liberación del "
            "embargo: el IRS libera un embargo que le causa dificultades económicas, o cuando acuerda un "
            "plan de pagos. Una audiencia sola no lo detiene."
        ),
        "plan.reason.cp2000": (
            "Un CP2000 no es una factura: propone un cambio a su declaración. Responda dentro de {days} "
            "días, a más tardar el {deadline}, esté de acuerdo o no."
        ),
        "plan.reason.cp2000_no_date": (
            "Un CP2000 no es una factura: propone un cambio a su declaración. Responda dentro de {days} "
            "días desde su fecha."
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
            "La fecha del CP523 ya pasó; su plan puede estar cancelado. Llame ahora para pedir su "
            "restablecimiento."
        ),
        "plan.reason.file_returns": (
            "Hay declaraciones sin presentar. El IRS no aceptará un plan, una oferta ni alivio de multas "
            "hasta que estén presentadas."
        ),
        "plan.reason.file_returns_years": (
            "Tiene {years} año(s) de declaraciones sin presentar. El IRS no aceptará un plan, una oferta "
            "ni alivio de multas hasta que estén presentadas."
        ),
        "plan.reason.compliance": (
            "El impuesto de este año no está cubierto por retenciones o pagos estimados. El IRS no "
            "considerará una oferta mientras se acumula deuda nueva."
        ),
        "plan.reason.bankruptcy": (
            "Mientras su caso de bancarrota esté abierto, los planes de pago y las ofertas del IRS no "
            "están disponibles: la deuda de impuestos anterior al caso se maneja dentro de él."
        ),
        "plan.reason.state_only": (
            "Su deuda es con su estado, no con el IRS. Los programas del IRS de esta evaluación no se "
            "aplican."
        ),
        "plan.reason.combat_zone": (
            "El servicio en una zona de combate extiende sus plazos para declarar y pagar: el tiempo de "
            "servicio más {days} días, sin intereses ni multas en ese tiempo."
        ),
        "plan.reason.innocent_spouse": (
            "Si su cónyuge o excónyuge causó la deuda en una declaración conjunta, podría quedar liberado "
            "de ella. Por ingresos que no declaró, pídalo dentro de {years} años de la primera acción de "
            "cobro del IRS contra usted; por impuesto declarado pero no pagado, puede pedir alivio "
            "equitativo mientras el IRS todavía pueda cobrar."
        ),
        "plan.reason.innocent_spouse_dated": (
            "Si su cónyuge o excónyuge causó la deuda en una declaración conjunta, podría quedar liberado "
            "de ella. Por ingresos que no declaró, pídalo dentro de {years} años de la primera acción de "
            "cobro del IRS contra usted: a más tardar el {deadline}. Después sigue abierto el alivio "
            "equitativo, mientras el IRS todavía pueda cobrar."
        ),
        "plan.reason.fta": (
            "Usted indicó unos {amount} en multas. Sin multas en los {years} años anteriores, el IRS "
            "suele quitar las multas por declarar y pagar tarde de un año fiscal, el más antiguo con "
            "multas. Las multas de años posteriores, y las de exactitud tras una auditoría, necesitan "
            "otro motivo, como una causa razonable. Pídalo antes de un plan o una oferta."
        ),
        "plan.reason.fta_unknown": (
            "Sin multas en los {years} años anteriores, el IRS suele quitar las multas por declarar y "
            "pagar tarde de un año fiscal, el más antiguo con multas; su aviso muestra cuánto son. Pídalo "
            "antes de un plan o una oferta."
        ),
        "plan.reason.fta_history_unknown": (
            "Si no tuvo multas en los {years} años anteriores (la multa por impuesto estimado no cuenta), "
            "el IRS suele quitar las multas por declarar y pagar tarde de un año fiscal, el más antiguo "
            "con multas. Pídalo antes de un plan o una oferta."
        ),
        "plan.reason.reasonable_cause": (
            "Las multas se pueden quitar cuando {cause} le impidió declarar o pagar a tiempo, si actuó "
            "con cuidado razonable. El IRS decide caso por caso."
        ),
        "plan.reason.oic_liability": (
            "Usted cree que el monto está mal. Una oferta por duda sobre la obligación le pide al IRS "
            "corregirlo."
        ),
        "plan.reason.short_term": (
            "Debe menos de {limit} y puede pagar en {days} días. Sin cargo de inicio; los intereses y "
            "multas siguen hasta que se pague."
        ),
        "plan.reason.guaranteed": (
            "Su impuesto, unos {tax}, es de {limit} o menos, y en los {years} años anteriores declaró y "
            "pagó a tiempo sin plan de pagos. Si lo paga en {months} meses y se mantiene al día, la ley "
            "dice que el IRS debe aceptar este plan."
        ),
        "plan.reason.streamlined": (
            "Debe {limit} o menos, así que puede establecer un plan de hasta {months} meses sin estado "
            "financiero: unos {monthly} al mes."
        ),
        "plan.reason.streamlined_ddia": (
            "Debe {limit} o menos, así que puede establecer un plan de hasta {months} meses sin estado "
            "financiero: unos {monthly} al mes. Por encima de {ddia_limit} los pagos deben ser por débito "
            "directo."
        ),
        "plan.reason.non_streamlined": (
            "Debe entre {low} y {high}. Un plan es posible, pagando unos {monthly} al mes durante "
            "{months} meses o más, pero el IRS podría pedir un estado financiero."
        ),
        "plan.reason.non_streamlined_over": (
            "Debe más de {high}. Un plan aún es posible, pero el IRS pedirá un estado financiero completo "
            "y a menudo asigna un funcionario de cobros."
        ),
        "plan.reason.ppia": (
            "Con {monthly} al mes el saldo no se pagaría antes de que venza el plazo de cobro del IRS (en "
            "general {years} años desde la liquidación, a menudo menos). Un plan de pagos parciales "
            "acepta lo que puede pagar."
        ),
        "plan.reason.oic_rcp": (
            "Su patrimonio y sus ingresos no pagarían el saldo antes de que venza el plazo de cobro del "
            "IRS (unos {collectible} en {months} meses, frente a {balance}). El IRS acepta lo que podría "
            "cobrar: su patrimonio según la hoja de la oferta ({equity}) más {lump} meses del ingreso que "
            "le queda tras los gastos permitidos ({disposable} al mes). Son unos {rcp}."
        ),
        "plan.reason.oic_rcp_zero": (
            "Sin patrimonio y sin ingresos tras los gastos permitidos, el IRS casi no podría cobrar nada "
            "ahora. Una oferta es posible, pero el IRS suele pausar el cobro primero."
        ),
        "plan.reason.oic_unknown": (
            "Según lo que puede pagar, el saldo podría no pagarse dentro del plazo de cobro del IRS (en "
            "general {years} años). Una oferta podría aplicar; depende de sus ingresos, gastos y bienes."
        ),
        "plan.reason.oic_eta": (
            "Según las cifras del IRS podría pagar los {balance} completos (unos {rcp} antes de que venza "
            "su plazo de cobro), así que una oferta por el motivo habitual no aplica. Si pagar le causara "
            "dificultades graves, es posible una oferta por ese motivo, pero rara vez se aceptan."
        ),
        "plan.reason.oic_eta_unknown": (
            "Quizás pueda pagar, pero pagar podría causarle dificultades graves. Las ofertas por este "
            "motivo rara vez se aceptan."
        ),
        "plan.reason.cnc": (
            "Sus ingresos ({income} al mes) no cubren los gastos que el IRS permite ({allowable}). El IRS "
            "puede pausar el cobro."
        ),
        "plan.reason.cnc_hardship": (
            "Con sus dificultades y nada para pagar cada mes, el IRS podría pausar el cobro. Revisará sus "
            "ingresos y gastos."
        ),
        "plan.reason.ibtf": (
            "Una deuda de impuestos de nómina de {limit} o menos se puede pagar en hasta {months} meses "
            "sin estado financiero: unos {monthly} al mes."
        ),
        "plan.reason.ibtf_over": (
            "Este plan es para {limit} o menos. Si paga primero {excess}, podría usarlo: unos {monthly} "
            "al mes durante {months} meses."
        ),
        "plan.reason.business_non_streamlined": (
            "Por encima de {limit}, un plan para negocios necesita un estado financiero; hasta {high} "
            "normalmente se tramita por teléfono."
        ),
        "plan.reason.oic_business": (
            "Según lo que el negocio puede pagar, el saldo podría no pagarse dentro del plazo de cobro "
            "del IRS (en general {years} años). Un negocio que no puede pagar puede ofrecer menos; el IRS "
            "revisará las finanzas del negocio."
        ),
        "plan.reason.tfrp": (
            "Si los impuestos de nómina no se pagaron, el IRS puede hacer personalmente responsables a "
            "quienes debían pagarlos (dueños, directivos, quien firma los cheques) por la parte retenida: "
            "la multa de recuperación del fondo fiduciario. Empieza con la carta {letter}, que da {days} "
            "días para apelar."
        ),
        "plan.reason.cdp_lien_maybe_open": (
            "Ya pasaron {days} días desde la fecha de su carta, pero los {days} días de un aviso de "
            "gravamen empiezan unos días después de registrado el gravamen: el último día impreso en la "
            "carta puede no haber llegado (a más tardar el {deadline}). Revíselo hoy."
        ),
        "plan.reason.equivalent_hearing_levy": (
            "El plazo de {days} días para una audiencia completa ya pasó, pero todavía puede pedir una "
            "audiencia equivalente hasta el {deadline}. No detiene un embargo."
        ),
        "plan.reason.equivalent_hearing_lien": (
            "El plazo para una audiencia completa sobre el gravamen ya pasó, pero todavía puede pedir una "
            "audiencia equivalente hasta cerca del {deadline}."
        ),
        "plan.reason.cp504": (
            "Un CP504 es un aviso de intención de embargo. El IRS ya puede quedarse con su reembolso de "
            "impuestos estatales, y luego viene un aviso final (LT11 o carta 1058); después, puede "
            "embargar salarios y cuentas de banco. Actúe antes de la fecha impresa en el aviso."
        ),
        "plan.reason.innocent_spouse_equitable": (
            "Si su cónyuge o excónyuge causó la deuda en una declaración conjunta, todavía podría quedar "
            "liberado de ella. Pasaron más de {years} años desde el aviso del IRS, así que pida alivio "
            "equitativo: cubre el impuesto no pagado y también los ingresos no declarados, y se puede "
            "pedir mientras el IRS todavía pueda cobrar."
        ),
        "plan.reason.audit_reconsideration": (
            "Si el monto viene de una auditoría o de un CP2000 que se decidió sin sus documentos, puede "
            "pedir al IRS que lo revise de nuevo (reconsideración de la auditoría), con los documentos."
        ),
        "plan.reason.guaranteed_if": (
            "Su impuesto, unos {tax}, es de {limit} o menos. Si en los {years} años anteriores declaró y "
            "pagó a tiempo y no tuvo plan de pagos, y lo paga en {months} meses, la ley dice que el IRS "
            "debe aceptar este plan."
        ),
        "plan.reason.business_streamlined": (
            "Un negocio que sigue operando y debe solo impuesto sobre la renta de {limit} o menos puede "
            "pagar en hasta {months} meses sin estado financiero: unos {monthly} al mes."
        ),
        "plan.reason.non_streamlined_irs": (
            "Debe entre {low} y {high}, así que el IRS revisará un estado financiero y suele pedir lo que "
            "le queda cada mes tras los gastos que permite: unos {disposable}. A ese ritmo el saldo se "
            "paga en unos {months} meses."
        ),
        "plan.reason.non_streamlined_long": (
            "Lo que le queda cada mes tras los gastos que permite el IRS, unos {disposable}, paga el "
            "saldo en unos {months} meses: más que los {streamlined_months} de un plan simplificado, pero "
            "antes de que venza el plazo de cobro del IRS. Un plan así de largo necesita un estado "
            "financiero."
        ),
        "plan.reason.use_equity_pay": (
            "Sus ingresos solos no pagarían el saldo antes de que venza el plazo de cobro del IRS, pero "
            "lo que tiene sí podría: unos {equity} según el cálculo del IRS, y se necesitan al menos "
            "{needed} de ahí. El IRS pide pedir prestado sobre los bienes o venderlos antes de aceptar un "
            "plan más largo, una pausa o una oferta."
        ),
        "plan.reason.ppia_irs": (
            "Su patrimonio y sus ingresos no pagarían el saldo antes de que venza el plazo de cobro del "
            "IRS (unos {collectible} en {months} meses, frente a {balance}). Un plan de pagos parciales "
            "toma lo que le queda cada mes tras los gastos permitidos, unos {monthly}, hasta entonces."
        ),
        "plan.reason.cnc_after_equity": (
            "Sus ingresos ({income} al mes) no cubren los gastos que el IRS permite ({allowable}), así "
            "que el IRS podría pausar el cobro, pero antes esperará que use lo que tiene y que podría "
            "cobrar sin causarle dificultades: unos {equity}."
        ),
        # Bloqueos
        "plan.blocker.file_first": "primero presente las declaraciones pendientes.",
        "plan.blocker.compliance_first": "primero póngase al día con los impuestos de este año.",
        "plan.blocker.bankruptcy": "no es posible mientras haya un caso de bancarrota abierto.",
        "plan.blocker.state_only": "esta evaluación cubre solo deudas con el IRS (federales).",
        "plan.blocker.bankruptcy_plans": (
            "no mientras haya un caso de bancarrota abierto; la unidad de insolvencia del IRS maneja la "
            "deuda dentro del caso."
        ),
        # Pasos
        "plan.step.call": "Llame al IRS al {phone}, o al número de su aviso.",
        "plan.step.cdp_form": (
            "Envíe el Formulario {form} (solicitud de audiencia del debido proceso de cobro) antes del plazo."
        ),
        "plan.step.count_from_letter": (
            "Cuente los {days} días desde la fecha impresa en la carta. Si es anterior al día en que "
            "llegó, tiene menos tiempo."
        ),
        "plan.step.cdp_protects": (
            "En la audiencia puede proponer un plan, una oferta o una pausa del cobro."
        ),
        "plan.step.equivalent_form": "Envíe el Formulario {form} y pida una audiencia equivalente.",
        "plan.step.equivalent_limits": (
            "Una audiencia equivalente no detiene un embargo y no tiene revisión del Tribunal Tributario."
        ),
        "plan.step.levy_release": (
            "Pida la liberación del embargo y explique cómo afecta su renta, comida y cuentas, o acuerde "
            "un plan de pagos en la llamada."
        ),
        "plan.step.get_help_now": "Un profesional de impuestos a menudo puede actuar el mismo día.",
        "plan.step.cp2000_respond": (
            "Llene el formulario de respuesta que vino con el aviso: de acuerdo o no."
        ),
        "plan.step.cp2000_no_amend": (
            "No presente una declaración enmendada de ese año; responda en el formulario."
        ),
        "plan.step.cp2000_disagree": (
            "Si no está de acuerdo, explique por qué y adjunte documentos (W-2, 1099, recibos)."
        ),
        "plan.step.cp523_cure": (
            "Haga el pago atrasado o presente la declaración pendiente, y avise al IRS."
        ),
        "plan.step.reinstate_fee": (
            "Restablecer un plan cuesta {online} en línea o {phone} por teléfono ({low} con ingresos bajos)."
        ),
        "plan.step.cap_appeal": (
            "Si el IRS cancela el plan de todos modos, puede apelar (Programa de Apelaciones de Cobro, CAP)."
        ),
        "plan.step.file_returns": (
            "Presente todas las declaraciones pendientes, aunque no pueda pagar lo que indiquen."
        ),
        "plan.step.file_even_if_cannot_pay": (
            "Presentarlas evita que siga creciendo la multa por declarar tarde."
        ),
        "plan.step.withholding": "Aumente su retención (nuevo W-4) o empiece pagos estimados.",
        "plan.step.deposits": (
            "Haga los depósitos federales de este trimestre y presente las declaraciones de nómina."
        ),
        "plan.step.bankruptcy_attorney": (
            "Hable con su abogado de bancarrota sobre cómo se maneja el reclamo del IRS."
        ),
        "plan.step.firm_state_help": (
            "Nuestra firma también ayuda con deudas estatales: deje su teléfono y le llamaremos."
        ),
        "plan.step.combat_zone_tell": "Informe al IRS sus fechas de servicio para que marquen su cuenta.",
        "plan.step.form_8857": "Presente el Formulario {form} (solicitud de alivio del cónyuge inocente).",
        "plan.step.fta_ask": (
            "Pida el alivio de multas por primera vez para el año más antiguo con multas; pregunte por la "
            "causa razonable para los demás años."
        ),
        "plan.step.form_843": (
            "O envíe el Formulario {form} (reclamo de reembolso y solicitud de reducción)."
        ),
        "plan.step.relief_under_streamlined": (
            "Si se quitaran todas las multas, su saldo podría bajar a {limit} o menos, donde aplica un "
            "plan simplificado."
        ),
        "plan.step.relief_under_ddia": (
            "Si se quitaran todas las multas, su saldo podría bajar a {limit} o menos, donde el débito "
            "directo es opcional."
        ),
        "plan.step.pro_line": (
            "Un profesional de impuestos puede pedirlo por usted en la línea para profesionales ({phone})."
        ),
        "plan.step.reasonable_cause_explain": "Explique qué pasó y cuándo, con documentos.",
        "plan.step.opa_online": "Solicítelo en línea en irs.gov/opa (Online Payment Agreement).",
        "plan.step.short_term_fee": "Un plan a corto plazo no tiene cargo de inicio.",
        "plan.step.form_9465": "O envíe el Formulario {form} (solicitud de plan de pagos a plazos).",
        "plan.step.form_9465_433": (
            "Envíe el Formulario {form} con un estado financiero (Formulario {cis}, o {cis_long} si el "
            "IRS lo pide)."
        ),
        "plan.step.fee_ddia": (
            "Cargo de inicio con débito directo: {online} en línea, {phone} por teléfono."
        ),
        "plan.step.fee_choice": (
            "Cargo de inicio: con débito directo {ddia_online} en línea o {ddia_phone} por teléfono; sin "
            "él {other_online} en línea o {other_phone} por teléfono."
        ),
        "plan.step.fee_low_income": (
            "Ingresos bajos: sin cargo con débito directo; si no, {low}, que se reembolsa al terminar el "
            "plan (Formulario {form})."
        ),
        "plan.step.short_of_needed": (
            "Esto requiere unos {monthly} al mes; usted dijo que puede pagar {affordable}."
        ),
        "plan.step.lien_likely": (
            "Con más de {limit} de deuda, es probable que el IRS registre un gravamen."
        ),
        "plan.step.ppia_equity": "El IRS podría pedirle usar primero el patrimonio de sus bienes.",
        "plan.step.oic_forms": (
            "Use el folleto del Formulario {booklet}: Formulario {form} con el Formulario {cis}, el "
            "estado financiero propio de la oferta."
        ),
        "plan.step.oic_down_payment": (
            "Oferta de pago único: envíe el {rate}% ({down}) con la solicitud y el resto dentro de "
            "{months} meses después de la aceptación."
        ),
        "plan.step.oic_fee": (
            "Cargo de solicitud {fee}. Una oferta a plazos se paga en cuotas mensuales dentro de {months} "
            "meses."
        ),
        "plan.step.oic_low_income": (
            "Sus ingresos están bajo el límite de ingresos bajos del IRS: no paga el cargo ni los pagos "
            "durante la revisión."
        ),
        "plan.step.oic_conditions": (
            "Si la aceptan, debe declarar y pagar a tiempo durante 5 años, y el IRS se queda con el "
            "reembolso de este año."
        ),
        "plan.step.form_656l": "Presente el Formulario {form} con su explicación y documentos.",
        "plan.step.oic_liability_no_fee": "No hay cargo de solicitud ni se necesita estado financiero.",
        "plan.step.form_433f": (
            "Envíe un estado financiero (Formulario {form}) con pruebas de ingresos y gastos."
        ),
        "plan.step.cnc_continues": (
            "Los intereses siguen creciendo, el IRS retiene los reembolsos, puede registrar un gravamen y "
            "revisa sus ingresos."
        ),
        "plan.step.business_current": (
            "Use la línea para negocios; el negocio debe estar al día con declaraciones y depósitos."
        ),
        "plan.step.ibtf_ddia": "De {low} a {high} los pagos deben ser por débito directo.",
        "plan.step.business_financials": (
            "Prepare los ingresos, gastos y bienes del negocio para un estado financiero (Formulario {cis})."
        ),
        "plan.step.tfrp_letter": (
            "Si recibe la carta {letter}, no la ignore: tiene {days} días desde su fecha para apelar. "
            "Hable primero con un profesional de impuestos."
        ),
        "plan.step.tfrp_pay_trust_first": (
            "Los pagos del negocio se pueden aplicar primero a la parte retenida (fondo fiduciario), lo "
            "que reduce lo que se le puede cobrar a usted personalmente; pídalo al pagar."
        ),
        "plan.step.lien_printed_date": (
            "Use el último día impreso en la carta: los {days} días empiezan unos días hábiles después de "
            "registrado el gravamen, no en la fecha de la carta."
        ),
        "plan.step.cap_form": (
            "También puede apelar un embargo, un gravamen o un plan rechazado en el Programa de "
            "Apelaciones de Cobro (Formulario {form}), incluso después de vencido el plazo de la "
            "audiencia."
        ),
        "plan.step.cp504_plan_stops_levy": (
            "Pida un plan de pagos ahora: mientras se considera una solicitud de plan, el IRS no puede "
            "embargar."
        ),
        "plan.step.insolvency": (
            "No solicite un plan de pagos ni una oferta mientras el caso esté abierto; llame al IRS al "
            "{phone} y pida la unidad de insolvencia."
        ),
        "plan.step.file_six_years": (
            "El IRS normalmente pide las declaraciones de los últimos {years} años: presente esas "
            "primero, aunque no pueda pagar lo que indiquen."
        ),
        "plan.step.offer_needs_all_returns": (
            "Una oferta de transacción podría requerir todas las declaraciones que debía presentar; un "
            "profesional de impuestos puede decirle cuáles."
        ),
        "plan.step.equitable_relief": (
            "En el formulario puede pedir los tres tipos de alivio a la vez; el alivio equitativo cubre "
            "también el impuesto no pagado."
        ),
        "plan.step.audit_recon_documents": (
            "Envíe los documentos que la auditoría o el CP2000 no tuvieron (W-2, 1099, recibos) con una "
            "carta que explique qué está mal."
        ),
        "plan.step.fta_not_accuracy": (
            "El alivio por primera vez no cubre una multa de exactitud de una auditoría o un CP2000."
        ),
        "plan.step.irs_expects_more": (
            "Usted dijo que podría pagar {affordable} al mes. Tras los gastos que permite el IRS, le "
            "quedan unos {disposable} al mes, así que es probable que el IRS pida unos {monthly}."
        ),
        "plan.step.said_covers": (
            "Usted dijo que podría pagar {affordable} al mes, lo que cubre los {monthly} que esto requiere."
        ),
        "plan.step.lien_withdrawal": (
            "Con un plan de débito directo de {limit} o menos, después de {payments} pagos puede pedir "
            "que se retire el gravamen registrado (Formulario {form})."
        ),
        "plan.step.equity_cash": (
            "El dinero en el banco que pase de un mes de gastos de vida se puede pagar al IRS ahora."
        ),
        "plan.step.equity_home": (
            "Patrimonio de la casa: un refinanciamiento o un préstamo sobre la casa puede pagar al IRS."
        ),
        "plan.step.lien_discharge": (
            "Con un gravamen registrado, el IRS puede liberar la propiedad para una venta (descargo) o "
            "dejar que un préstamo nuevo tenga prioridad (subordinación)."
        ),
        "plan.step.equity_retirement": (
            "Las cuentas de retiro cuentan: un retiro o un préstamo del 401(k) puede pagar al IRS, pero "
            "el retiro paga impuestos y puede tener multa por retiro anticipado. Consulte a un "
            "profesional de impuestos antes de hacerlo."
        ),
        "plan.step.equity_other": (
            "Los vehículos y otros bienes con patrimonio cuentan por cerca del 80% de su valor, menos lo "
            "que se debe sobre ellos."
        ),
        "plan.step.equity_hardship": (
            "Si vender o pedir prestado le dejaría sin poder pagar sus gastos básicos, dígaselo al IRS: "
            "no debería pedirle eso."
        ),
        "plan.step.oic_odds": (
            "El IRS rechaza la mayoría de las ofertas, a menudo por documentos faltantes o porque "
            "encuentra más que podría cobrar; una solicitud completa es importante."
        ),
        "plan.step.ppia_review": (
            "El IRS podría pedirle usar primero el patrimonio de sus bienes, y revisa el plan más o menos "
            "cada dos años."
        ),
        "plan.step.oic_equity": (
            "La oferta incluye su patrimonio ({equity}): quizás deba pedir prestado sobre sus bienes o "
            "venderlos para pagarla."
        ),
        # Estimaciones
        "plan.est.monthly": "Pago estimado: {monthly} al mes durante {months} meses.",
        "plan.est.monthly_open": "Pago estimado: {monthly} al mes.",
        "plan.est.penalty": "Multas que se podrían quitar: hasta {amount} (saldo de unos {after}).",
        "plan.est.penalty_only": "Multas que se podrían quitar: hasta {amount}.",
        "plan.est.offer_lump": "Oferta estimada, pago único: {amount} ({down} con la solicitud).",
        "plan.est.offer_lump_waived": (
            "Oferta estimada, pago único: {amount} (ingresos bajos: nada por adelantado)."
        ),
        "plan.est.offer_periodic": (
            "Oferta estimada, pagada en {months} meses: {amount} (unos {monthly} al mes)."
        ),
        "plan.est.deadline": "Plazo: {deadline} ({days_left}).",
        # Notas
        "plan.note.state_part": (
            "Su deuda estatal no se cubre aquí; nuestra firma también puede ayudarle con ella."
        ),
        "plan.note.no_balance": (
            "Sin el saldo no podemos elegir un plan de pagos; su último aviso lo muestra."
        ),
        "plan.note.tax_estimate": (
            "Estimamos su impuesto en unos {tax}: el saldo menos las multas que nos indicó. No conocemos "
            "los intereses, así que el impuesto real puede ser menor."
        ),
        "plan.note.housing_actual": (
            "La vivienda se cuenta por lo que usted paga; el IRS la limita por condado, lo que podría "
            "reducir lo permitido."
        ),
        "plan.note.standards": (
            "Los gastos usan los Estándares Financieros de Cobro del IRS vigentes desde el {national} "
            "(gastos de salud de bolsillo: cifras del {health}; propiedad del carro y transporte público: "
            "cifras del {transport}). Estándares más nuevos podrían permitir un poco más."
        ),
        "plan.note.interest": (
            "Los intereses siguen creciendo hasta pagar el saldo, compuestos a diario. El IRS fija la "
            "tasa cada trimestre: fue de {rate}% al año del {start} al {end}, la última tasa que pudimos "
            "confirmar."
        ),
        "plan.note.running_costs": (
            "Los gastos de uso del carro se cuentan por lo que usted paga; el IRS los limita por región, "
            "lo que podría reducir lo permitido."
        ),
        "plan.note.statute_assumed": (
            "Supusimos que el IRS todavía tiene los {years} años completos para cobrar. Si el año más "
            "antiguo que debe es de hace varios años, tiene menos tiempo, lo que puede cambiar la mejor "
            "opción; su transcripción de cuenta del IRS muestra las fechas."
        ),
        "plan.note.statute_known": (
            "El plazo del IRS para cobrar su año más antiguo ({year}) llega hasta cerca del {expires}, si "
            "esa declaración se presentó a tiempo: contamos {months} meses. Una declaración tardía o una "
            "auditoría le dan más tiempo al IRS; su transcripción de cuenta muestra las fechas."
        ),
        "plan.note.statute_expired": (
            "Para {year}, los {years} años que tiene el IRS para cobrar terminaron o están por terminar; "
            "un profesional de impuestos puede revisar su transcripción de cuenta. El resto de la deuda "
            "es más reciente."
        ),
        "plan.note.statute_close": (
            "Es un caso ajustado: con más tiempo de cobro podría pagar todo, así que las fechas exactas "
            "de su transcripción de cuenta lo deciden."
        ),
    },
}
