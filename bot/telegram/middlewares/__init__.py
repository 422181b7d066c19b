"""Dispatcher middlewares of the transport. Outgoing-request retries live in bot/telegram/session.py."""
