"""The memory: SQLAlchemy models, engine setup and the queries the conversation runner needs."""

# The back office's tables share the models' metadata: importing the package declares them all.
from bot.db import office as office
