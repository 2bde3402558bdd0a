"""The stable command line (README, "Command line"): words, exit codes, what scripts read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate_editor", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )


def test_info_json_on_the_seed(seed_file: Path) -> None:
    result = run_cli("info", str(seed_file), "--json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert set(facts) == {"title", "claims", "theses", "links", "schema_version"}
    assert facts["theses"] == 1
    assert facts["links"]["support"] >= 3
    assert facts["links"]["objection"] >= 2
    assert facts["schema_version"] == 3


def test_info_for_people(seed_file: Path) -> None:
    result = run_cli("info", str(seed_file))
    assert result.returncode == 0
    assert "Claims:  7 (1 thesis)" in result.stdout


def test_new_then_info(tmp_path: Path) -> None:
    path = tmp_path / "Débat sur les vélos.debate"
    assert run_cli("new", str(path), "--title", "Vélos en ville").returncode == 0
    facts = json.loads(run_cli("info", str(path), "--json").stdout)
    assert facts["title"] == "Vélos en ville" and facts["claims"] == 0
    again = run_cli("new", str(path), "--title", "other")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("new", str(tmp_path / "x.debate")).returncode == 2  # no --title
    assert run_cli("export", "x.debate", "--format", "nonsense").returncode == 2
    assert run_cli("--size", "800x600").returncode == 2  # --size without --screenshot
    assert run_cli("--screenshot", "x.png", "--size", "big").returncode == 2
    assert run_cli("info").returncode == 2


def test_documented_errors_exit_1_on_one_line(tmp_path: Path) -> None:
    result = run_cli("info", str(tmp_path / "missing.debate"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"debate-editor: {tmp_path / 'missing.debate'}: no such file."
    ]


def test_json_export_and_import_round_trip(seed_file: Path, tmp_path: Path) -> None:
    exported = run_cli("export", str(seed_file), "--format", "json")
    assert exported.returncode == 0
    source = tmp_path / "seed.json"
    source.write_text(exported.stdout, encoding="utf-8")
    out = tmp_path / "again.debate"
    assert run_cli("import", str(source), "-o", str(out)).returncode == 0
    again = run_cli("export", str(out), "--format", "json")
    first, second = json.loads(exported.stdout), json.loads(again.stdout)
    assert first["claims"] == second["claims"] and first["links"] == second["links"]


def test_a_failed_import_leaves_the_target_untouched(seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "keep.debate"
    target.write_bytes(seed_file.read_bytes())
    before = target.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"claims": [\n  {"id": "c1", "text": ""}\n]}', encoding="utf-8")
    result = run_cli("import", str(bad), "-o", str(target))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "bad.json" in result.stderr
    assert target.read_bytes() == before


def test_python_dash_m_and_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("debate-editor ")
