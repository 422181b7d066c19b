"""The memory: SQLAlchemy models, engine setup and the queries the conversation runner needs."""
