"""The .debate file: SQLite through SQLAlchemy 2, one transaction per edit."""

from debate_editor.store.document import DebateDocument
from debate_editor.store.file import EXTENSION, inspect_file
from debate_editor.store.version import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "EXTENSION", "SCHEMA_VERSION", "DebateDocument", "inspect_file"]
