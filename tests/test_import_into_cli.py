"""`debate-editor import SRC --into DEBATE` (README, "Command line"): another file's claims
added to an existing debate as one edit, placed as File → Import into This Debate places
them; a bad source, or one with no claims, is one line and leaves the debate unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run_cli

from debate_editor.store import DebateDocument


def _export(debate: Path) -> dict[str, list[dict[str, object]]]:
    result = run_cli("export", str(debate), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_import_into_adds_the_sources_claims_beside_the_debates(
        seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.debate"
    assert run_cli("copy", str(seed_file), str(target)).returncode == 0
    notes = tmp_path / "notes.argdown"
    notes.write_text("[Tax]: Carbon should be taxed.\n  + <Price>: Prices steer choices.\n"
                     "  - <Cost>: It costs the poor most.\n", encoding="utf-8")
    before = _export(target)
    result = run_cli("import", str(notes), "--into", str(target))
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    after = _export(target)
    old = {c["id"]: c for c in before["claims"]}
    new = [c for c in after["claims"] if c["id"] not in old]
    assert [c for c in after["claims"] if c["id"] in old] == before["claims"]
    assert sorted(str(c["text"]) for c in new) == [
        "Carbon should be taxed.", "It costs the poor most.", "Prices steer choices."]
    assert len(after["links"]) == len(before["links"]) + 2
    assert all(c["x"] is not None and c["y"] is not None for c in new)  # laid out
    with DebateDocument.open(target, read_only=True) as doc:
        assert len(doc.graph.theses()) == 2


def test_import_into_refuses_a_bad_source_and_changes_nothing(
        seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.debate"
    assert run_cli("copy", str(seed_file), str(target)).returncode == 0
    before = target.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"claims": [', encoding="utf-8")
    assert run_cli("new", str(tmp_path / "empty.debate"), "--title", "Empty").returncode == 0
    empty = tmp_path / "empty.json"
    assert run_cli("export", str(tmp_path / "empty.debate"), "--format", "json",
                   "-o", str(empty)).returncode == 0
    for source, words in ((bad, "bad.json"), (empty, "holds no claims"),
                          (tmp_path / "missing.argdown", "missing.argdown")):
        result = run_cli("import", str(source), "--into", str(target))
        assert result.returncode == 1 and result.stdout == ""
        assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert target.read_bytes() == before
    result = run_cli("import", str(empty), "--into", str(tmp_path / "absent.debate"))
    assert result.returncode == 1 and not (tmp_path / "absent.debate").exists()


def test_import_takes_one_of_o_and_into(seed_file: Path, tmp_path: Path) -> None:
    result = run_cli("import", str(seed_file), "-o", str(tmp_path / "a.debate"),
                     "--into", str(seed_file))
    assert result.returncode == 2 and "not allowed with" in result.stderr
