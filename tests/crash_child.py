"""A writer for the crash tests to kill: run in its own process, never imported by pytest.

    crash_child.py stream FILE SEED FIRST   apply edits FIRST, FIRST+1, … of the edit
                                            stream, printing "done N" once each returns
    crash_child.py big FILE add N           one huge edit: N claims added, each with a link
    crash_child.py big FILE delete          one huge edit: every claim deleted (and so every
                                            link, by cascade)
    crash_child.py save-as FILE TARGET      Save As
    crash_child.py hold FILE                open for writing and wait to be killed

It prints "ready" once the file is open, and flushes every line at once, so whatever
the test reads was said before the kill.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from edit_stream import next_edit

from debate_editor.domain import Claim, Edit, Link, LinkKind
from debate_editor.store import DebateDocument


def say(line: str) -> None:
    print(line, flush=True)


def big_edit(doc: DebateDocument, how: str, count: int) -> Edit:
    if how == "delete":
        return Edit(remove_claims=tuple(sorted(doc.graph.claims)))
    anchor = sorted(doc.graph.claims)[0]
    claims = tuple(Claim(id=f"big{i}", text=f"claim {i} " + "word " * 60) for i in range(count))
    links = tuple(Link(id=f"bl{i}", source=c.id, to_claim=anchor, kind=LinkKind.OBJECTION,
                       order=i) for i, c in enumerate(claims))
    return Edit(add_claims=claims, add_links=links)


def main(argv: list[str]) -> int:
    mode, path = argv[0], Path(argv[1])
    doc = DebateDocument.open(path, read_only=False)
    if mode == "stream":
        seed, number = int(argv[2]), int(argv[3])
        say("ready")
        while True:
            doc.apply(next_edit(doc.graph.claims, doc.graph.links, number, seed))
            say(f"done {number}")
            number += 1
    if mode == "big":
        edit = big_edit(doc, argv[2], int(argv[3]) if argv[2] == "add" else 0)
        say("ready")
        doc.apply(edit)
        say("done")
    elif mode == "save-as":
        say("ready")
        doc.save_as(Path(argv[2]))
        say("done")
    elif mode == "hold":
        say("ready")
        time.sleep(600)
    doc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
