"""One member of a team editing a server debate in a loop, for tests/test_team_processes.py
(README, "Team debates on a server"): it adds claims of its own and rewords claims both
members share, and prints, as one JSON object, what it did and what it ended with."""

from __future__ import annotations

import json
import random
import sys

from debate_editor.domain.errors import EditConflictError
from debate_editor.store.server_document import ServerDocument
from debate_editor.store.server_url import parse_server_url

SHARED = ("c1", "c2", "c3")


def main(url: str, name: str, edits: int) -> None:
    doc = ServerDocument.open_server(parse_server_url(url), by=name)
    chance = random.Random(name)
    heard: list[str] = []
    doc.subscribe(lambda event: heard.append(event.label))
    added: list[str] = []
    worded: dict[str, str] = {}
    refused: list[str] = []
    for n in range(edits):
        try:
            if chance.random() < 0.4:
                claim_id = chance.choice(SHARED)
                text = f"{name} rewords {claim_id}, edit {n}"
                doc.update_claim(claim_id, text=text)
                worded[claim_id] = text
            else:
                added.append(doc.add_claim(f"{name}'s claim {n}", answers="c1").id)
        except EditConflictError as error:
            refused.append(error.reason)
    print("done", flush=True)
    sys.stdin.readline()  # the test says when both are done: then read what the other did
    doc.catch_up()
    print(json.dumps({
        "added": added, "worded": worded, "refused": refused,
        "heard_others": heard.count("Changed by another member"),
        "claims": {c.id: c.text for c in doc.claims()},
        "links": sorted((link.source, link.target) for link in doc.links()),
    }))
    doc.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
