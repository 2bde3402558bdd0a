"""The command line on debates kept on a PostgreSQL server (README, "Command line",
"Team debates on a server"), against the real server the tests start: `copy` there and
back gives the same debate, `info` says the same of both, and every bad target is one
line on stderr with exit status 1."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest
from test_cli import run_cli

from debate_editor.domain import Claim, Debate, DebateInfo, Link, LinkKind
from debate_editor.domain.model import Mark, Strength
from debate_editor.store import DebateDocument

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from generate import generate

SCHEMA1 = Path(__file__).parent / "data" / "schema1"


def _json(target: str) -> dict[str, object]:
    result = run_cli("export", target, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _marked(path: Path) -> Path:
    """The seed's shapes plus what it lacks: marks, a co-premise group, an undercut."""
    claims = (Claim(id="c1", text="Thesis", x=10.5, y=-3.25, mark=Mark.REJECTED),
              Claim(id="c2", text="Part one", tags=("x",), order=7),
              Claim(id="c3", text="Part two", note="why", source="where"),
              Claim(id="c4", text="Does not follow", mark=Mark.UNSURE))
    links = (Link(id="l1", sources=("c2", "c3"), to_claim="c1", strength=Strength.STRONG),
             Link(id="l2", sources=("c4",), to_link="l1", kind=LinkKind.OBJECTION, order=1))
    DebateDocument.create_from(path, Debate(info=DebateInfo(title="Marked"), claims=claims,
                                            links=links)).close()
    return path


@pytest.fixture
def sources(seed_file: Path, tmp_path: Path) -> list[Path]:
    big = tmp_path / "generated-10000.debate"
    DebateDocument.create_from(big, generate(10_000)).close()
    return [seed_file, SCHEMA1 / "generated-1000-v1.debate", _marked(tmp_path / "m.debate"),
            big]


def test_copy_file_to_server_to_file_gives_the_same_debate(
        sources: list[Path], fresh_pg_url: str, tmp_path: Path) -> None:
    for number, source in enumerate(sources):
        url = f"{fresh_pg_url}?debate=d{number}"
        back = tmp_path / f"back{number}.debate"
        for args in (("copy", str(source), url), ("copy", url, str(back))):
            result = run_cli(*args)
            assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
        assert _json(str(back)) == _json(url) == _json(str(source))
        with (DebateDocument.open(source, read_only=True) as before,
              DebateDocument.open(back, read_only=True) as after):
            assert after.snapshot() == before.snapshot()  # every field, in the same order


def test_info_on_a_url_says_what_info_on_the_file_says(
        seed_file: Path, fresh_pg_url: str) -> None:
    url = f"{fresh_pg_url}?debate=Vélos%20en%20ville"
    assert run_cli("copy", str(seed_file), url).returncode == 0
    for extra in (("--json",), ()):
        on_file, on_server = run_cli("info", str(seed_file), *extra), run_cli("info", url, *extra)
        assert on_server.returncode == 0, on_server.stderr
        assert on_server.stdout.replace("server debate", ".debate") == on_file.stdout
    assert "Format:  server debate version 3" in run_cli("info", url).stdout


def test_new_import_export_and_evaluate_take_a_url(
        seed_file: Path, fresh_pg_url: str, tmp_path: Path) -> None:
    empty = f"{fresh_pg_url}?debate=empty"
    assert run_cli("new", empty, "--title", "Bikes").returncode == 0
    facts = json.loads(run_cli("info", empty, "--json").stdout)
    assert (facts["title"], facts["claims"]) == ("Bikes", 0)
    again = run_cli("new", empty, "--title", "Other")
    assert again.returncode == 1 and "already exists" in again.stderr
    source = tmp_path / "seed.json"
    source.write_text(json.dumps(_json(str(seed_file))), encoding="utf-8")
    imported = f"{fresh_pg_url}?debate=imported"
    assert run_cli("import", str(source), "-o", imported).returncode == 0
    assert _json(imported) == _json(str(seed_file))
    out = tmp_path / "seed.md"
    assert run_cli("export", imported, "--format", "markdown", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == run_cli(
        "export", str(seed_file), "--format", "markdown").stdout
    assert run_cli("evaluate", imported, "--json").stdout == run_cli(
        "evaluate", str(seed_file), "--json").stdout


def test_an_existing_destination_is_replaced_only_with_force(
        seed_file: Path, fresh_pg_url: str, tmp_path: Path) -> None:
    url = f"{fresh_pg_url}?debate=d"
    other = _marked(tmp_path / "other.debate")
    assert run_cli("copy", str(other), url).returncode == 0
    kept = tmp_path / "kept.debate"
    kept.write_bytes(other.read_bytes())
    for target in (url, str(kept)):
        refused = run_cli("copy", str(seed_file), target)
        assert refused.returncode == 1
        assert refused.stderr == f"debate-editor: {target}: already exists; pass --force to " \
                                 "replace it.\n"
        assert json.loads(run_cli("info", target, "--json").stdout)["title"] == "Marked"
        assert run_cli("copy", str(seed_file), target, "--force").returncode == 0
        assert _json(target) == _json(str(seed_file))
    source = tmp_path / "seed.json"
    source.write_text(json.dumps(_json(str(seed_file))), encoding="utf-8")
    refused = run_cli("import", str(source), "-o", url)
    assert refused.returncode == 1 and "pass --force" in refused.stderr
    essay = tmp_path / "essay.debate"
    essay.write_text("my essay", encoding="utf-8")
    result = run_cli("copy", url, str(essay), "--force")
    assert result.returncode == 1 and "is not a debate" in result.stderr
    assert essay.read_text(encoding="utf-8") == "my essay"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_each_bad_target_is_one_line_and_exit_status_1(pg_url: str, tmp_path: Path) -> None:
    host = pg_url.rsplit("/", 1)[0]
    malformed = [
        (f"{host}/debates", "names no debate; add ?debate=NAME (postgresql://user@host:port/"
                            "dbname?debate=NAME)."),
        ("postgresql://h:port/db?debate=d", "is not a valid URL"),
        (f"{host}/debates?debate=pg_x", "is a name PostgreSQL keeps for itself"),
    ]
    unreachable = [
        (f"postgresql://postgres@127.0.0.1:{_closed_port()}/debates?debate=d",
         "cannot reach the server (Connection refused)."),
        (f"{host}/no_such_db?debate=d",
         'cannot reach the server (database "no_such_db" does not exist).'),
        (f"{host}/debates?debate=nowhere",
         "there is no debate named nowhere in the database debates."),
    ]
    for url, words in malformed + unreachable:
        for args in (("info", url, "--json"), ("export", url, "--format", "json"),
                     ("copy", url, str(tmp_path / "x.debate")), (url,)):
            result = run_cli(*args)
            assert result.returncode == 1 and result.stdout == "", (args, result.stderr)
            expected = words  # the window refuses as the commands do, before any window
            assert result.stderr.startswith(f"debate-editor: {url}: "), args
            assert result.stderr.count("\n") == 1 and expected in result.stderr, args
    assert not (tmp_path / "x.debate").exists()


def test_a_password_in_the_url_never_reaches_the_terminal() -> None:
    url = f"postgresql://postgres:s3cret@127.0.0.1:{_closed_port()}/debates?debate=d"
    result = run_cli("info", url)
    assert result.returncode == 1 and "cannot reach the server" in result.stderr
    assert "s3cret" not in result.stderr


def test_a_file_a_server_cannot_hold_is_refused_naming_the_claim(
        fresh_pg_url: str, tmp_path: Path) -> None:
    source = tmp_path / "nul.debate"
    DebateDocument.create_from(source, Debate(claims=(Claim(id="c1", text="a\x00b"),))).close()
    url = f"{fresh_pg_url}?debate=nul"
    result = run_cli("copy", str(source), url)
    assert result.returncode == 1
    assert result.stderr == (f"debate-editor: {url}: cannot be written: claim c1 holds a NUL "
                             "character (\\x00), which PostgreSQL's text cannot hold.\n")
    assert "there is no debate named nul" in run_cli("info", url).stderr


def test_import_into_a_server_debate_is_one_edit_the_team_sees(
        seed_file: Path, fresh_pg_url: str, tmp_path: Path) -> None:
    """`import SRC --into URL` adds the claims as one logged edit, so every window on the
    debate follows it; a source with no claims changes nothing there."""
    from debate_editor.store.server_document import ServerDocument
    from debate_editor.store.server_url import parse_server_url

    url = f"{fresh_pg_url}?debate=into"
    assert run_cli("copy", str(seed_file), url).returncode == 0
    before = _json(url)
    watching = ServerDocument.open_server(parse_server_url(url), by="Ann")
    start = watching.seen_seq
    try:
        notes = tmp_path / "notes.argdown"
        notes.write_text("[Tax]: Carbon should be taxed.\n  + <Price>: Prices steer choices.\n",
                         encoding="utf-8")
        result = run_cli("import", str(notes), "--into", url)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
        after = _json(url)
        old = {c["id"] for c in before["claims"]}  # type: ignore[union-attr]
        new = [c for c in after["claims"] if c["id"] not in old]  # type: ignore[union-attr]
        assert sorted(c["text"] for c in new) == ["Carbon should be taxed.",
                                                  "Prices steer choices."]
        changed = watching.catch_up()
        assert changed is not None and set(changed.added_claims) == {c["id"] for c in new}
        assert watching.seen_seq == start + 1  # one edit in the log, not one per claim
        empty = tmp_path / "empty.json"
        empty.write_text('{"info": {"title": "E"}, "claims": [], "links": []}',
                         encoding="utf-8")
        refused = run_cli("import", str(empty), "--into", url)
        assert refused.returncode == 1 and "holds no claims" in refused.stderr
        assert _json(url) == after
    finally:
        watching.close()
