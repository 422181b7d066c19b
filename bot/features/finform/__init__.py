"""The financial statement as one form inside Telegram (a Mini App): its page, its calls, its wiring.

What the form asks and how its answers are read is flows/ (flows/finform.py, flows/formview.py);
this package serves it and turns a submission into a step of the conversation (docs/form.md).
"""
