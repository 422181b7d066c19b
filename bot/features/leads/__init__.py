"""Lead capture, staff handoff, CRM delivery, follow-up and the person's own data.

Pure helpers (phone, ssn, consent, crm signing/back-off) import neither aiogram nor
SQLAlchemy so they can be unit tested in isolation; the stateful parts
(store, handoff, reminders, outbox worker) sit next to them.
"""
