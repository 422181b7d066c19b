"""Dispatcher middlewares. Outgoing-request retries live in bot/session_retry.py."""

from bot.middlewares.private_only import PrivateChatOnlyMiddleware

__all__ = ["PrivateChatOnlyMiddleware"]
