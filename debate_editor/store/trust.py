"""Whether a file's schema is the one Debate Editor made, before anything reads its rows.

A database carries code of its own: a trigger runs on our inserts and can rewrite every
claim, a RAISE in one chooses the error the user sees, a view or an index can call
functions. So a file is opened only when its `sqlite_master` holds exactly the objects
the frozen upgrade steps (upgrades.py) make for its version, with the same SQL; and every
connection runs with `PRAGMA trusted_schema = OFF` and never loads an extension.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from debate_editor.store.upgrades import STEPS, RawSteps, Step, upgrade

SchemaObject = tuple[str, str, str, str]
"""(type, name, table, SQL with its spaces squeezed) of one row of sqlite_master."""

_SPACES = re.compile(r"\s+")


def _objects(conn: sqlite3.Connection) -> set[SchemaObject]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(str(kind), str(name), str(table), _SPACES.sub(" ", sql or "").strip())
            for kind, name, table, sql in rows}


def declared_objects(version: int) -> frozenset[SchemaObject]:
    """What the upgrade ladder makes for a file of `version`, from an empty database."""
    return _made_by(tuple(STEPS[step] for step in range(version)), version)


@lru_cache(maxsize=8)
def _made_by(steps: tuple[Step, ...], version: int) -> frozenset[SchemaObject]:
    """Kept per list of steps, so a ladder with a step added is asked afresh."""
    raw = sqlite3.connect(":memory:", isolation_level=None)
    try:
        raw.execute("BEGIN")
        upgrade(RawSteps(raw), 0, version)
        raw.execute("COMMIT")
        return frozenset(_objects(raw))
    finally:
        raw.close()


def harden(conn: sqlite3.Connection) -> None:
    """What every connection to a file runs first: the schema's own code (triggers,
    views) may call no function with side effects, and no extension can be loaded."""
    conn.execute("PRAGMA trusted_schema = OFF")
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)


def schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """Why the schema of a version-`version` file is not the one we made, or None.

    Objects we did not make come first: they are a reason never to open the file. The
    answer is the end of a sentence after the file's name."""
    found = _objects(conn)
    declared = declared_objects(version)
    extra = sorted(found - declared, key=lambda item: (item[0], item[1]))
    if extra:
        kind, name, _, _ = extra[0]
        more = f" and {len(extra) - 1} more" if len(extra) > 1 else ""
        if (kind, name) in {(k, n) for k, n, _, _ in declared}:
            return (f"has a {kind} {name} that differs from the one Debate Editor makes"
                    f"{more}; it is not opened, since it could change the debate or what "
                    "you see")
        return (f"holds a {kind} {name} that Debate Editor did not make{more}; it is not "
                "opened, since it could change the debate or what you see")
    missing = sorted(declared - found, key=lambda item: (item[0], item[1]))
    if missing:
        return f"is damaged (its {missing[0][0]} {missing[0][1]} is missing)"
    return None
