"""Two processes edit one server debate at once, 500 edits each, some on the same claims
(README, "Team debates on a server"): nothing is lost (every edit is either on the server
or was refused with a sentence naming the other), both end with the debate the server
holds, and each saw the other's edits while it worked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.store.server import read_server_debate, write_server_debate
from debate_editor.store.server_url import parse_server_url

WORKER = Path(__file__).with_name("team_worker.py")
EDITS = 500


def test_two_processes_lose_nothing_and_agree(fresh_pg_url: str) -> None:
    url = f"{fresh_pg_url}?debate={quote('shared case')}"
    claims = (Claim(id="c1", text="Thesis", kind=ClaimKind.THESIS),
              Claim(id="c2", text="Reason"), Claim(id="c3", text="Objection"))
    links = (Link(id="l1", sources=("c2",), to_claim="c1", kind=LinkKind.SUPPORT),
             Link(id="l2", sources=("c3",), to_claim="c1", kind=LinkKind.OBJECTION))
    write_server_debate(parse_server_url(url),
                        Debate(info=DebateInfo(title="Shared"), claims=claims, links=links),
                        replace=False)
    workers = [subprocess.Popen([sys.executable, str(WORKER), url, name, str(EDITS)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for name in ("Ann", "Bob")]
    for worker in workers:  # both edit at once, until each has made its 500 edits
        assert worker.stdout is not None and worker.stdout.readline() == "done\n"
    results = []
    for worker in workers:
        out, err = worker.communicate("go\n", timeout=600)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    ann, bob = results
    server = read_server_debate(parse_server_url(url)).debate
    on_server = {c.id: c.text for c in server.claims}
    server_links = sorted([link.source, link.target] for link in server.links)
    for mine, other in ((ann, "Bob"), (bob, "Ann")):
        assert mine["claims"] == on_server and mine["links"] == server_links
        assert all(claim_id in on_server for claim_id in mine["added"])  # none lost
        assert all(f"{other} changed this claim a moment ago" in why
                   for why in mine["refused"])
        assert mine["heard_others"] > 0
    assert len(ann["added"]) + len(bob["added"]) + 3 == len(on_server)
    # the last accepted wording of each shared claim is one of the two members'
    for claim_id in ("c1", "c2", "c3"):
        words = on_server[claim_id]
        assert words in (ann["worded"].get(claim_id), bob["worded"].get(claim_id), None) \
            or words in ("Thesis", "Reason", "Objection")
    refused = len(ann["refused"]) + len(bob["refused"])
    print(f"refused {refused} of {2 * EDITS} edits")
