"""Configuration: the settings, the startup errors, the A/B variants file.

The lowest layer of bot/ above flows/: it imports nothing of the bot's own but these modules.
"""

from bot.config.errors import StartupError, redacted
from bot.config.settings import Settings, ensure_sqlite_dir, load_settings, require_token

__all__ = ["Settings", "StartupError", "ensure_sqlite_dir", "load_settings", "redacted", "require_token"]
