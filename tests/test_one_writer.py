"""One writer per file: a second window or process reads only, and says why; a file or
folder made read-only is opened read-only, and says so; commands that write refuse a
target they may not write with one line and exit status 1, leaving it as it was.

These tests may run as root, who ignores permission bits: the store honours the bits
itself (store/file.py:writable_problem), and these tests show that it does.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from debate_editor.domain import ClaimKind, DebateFileError
from debate_editor.store import DebateDocument

CHILD = Path(__file__).with_name("crash_child.py")
FOLDER = "débats partagés — 共有"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "debate_editor", *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd)


def refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    """Exit status 1 and one plain line naming the problem."""
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert result.stdout == ""


def content(doc: DebateDocument) -> tuple[object, ...]:
    return (doc.info.title, dict(doc.graph.claims), dict(doc.graph.links))


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir()
    path = folder / "город без машин 🚲.debate"
    with DebateDocument.create(path, "Car-free city") as doc:
        thesis = doc.add_claim("Cities should ban cars", ClaimKind.THESIS)
        doc.add_claim("Cleaner air", answers=thesis.id)
    return path


@pytest.fixture
def json_source(tmp_path: Path) -> Path:
    source = tmp_path / "import me.debate"
    with DebateDocument.create(source, "Imported") as doc:
        doc.add_claim("Something else", ClaimKind.THESIS)
    json_file = tmp_path / "import me.json"
    result = run_cli("export", str(source), "--format", "json", "-o", str(json_file))
    assert result.returncode == 0, result.stderr
    return json_file


# ---- two writers -------------------------------------------------------------------------


@pytest.fixture
def held_elsewhere(debate: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the debate open for writing."""
    proc = subprocess.Popen([sys.executable, str(CHILD), "hold", str(debate)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


def test_a_second_process_reads_only_and_says_why(
    debate: Path, held_elsewhere: subprocess.Popen[str], json_source: Path
) -> None:
    before = debate.read_bytes()
    with DebateDocument.open(debate) as second:
        assert second.read_only
        assert second.read_only_reason == "it is open in another window"
        assert content(second)[1]  # it still shows the debate
        with pytest.raises(DebateFileError, match=r"read-only \(it is open in another window\)"):
            second.add_claim("sneaky", ClaimKind.THESIS)
    with pytest.raises(DebateFileError, match="cannot be edited: it is open in another window"):
        DebateDocument.open(debate, read_only=False)
    assert run_cli("info", str(debate), "--json").returncode == 0  # reading is fine
    refused(run_cli("import", str(json_source), "-o", str(debate)), "open in another window")
    refused(run_cli("new", str(debate), "--title", "again"), "already exists")
    with DebateDocument.create(debate.parent / "mine.debate", "Mine") as mine:
        with pytest.raises(DebateFileError, match="open in another window"):
            mine.save_as(debate)
        mine.add_claim("still editable", ClaimKind.THESIS)
    assert debate.read_bytes() == before


def test_the_writer_being_killed_frees_the_file(
    debate: Path, held_elsewhere: subprocess.Popen[str]
) -> None:
    held_elsewhere.send_signal(signal.SIGKILL)
    held_elsewhere.wait(timeout=60)
    with DebateDocument.open(debate) as doc:
        assert not doc.read_only
        doc.add_claim("Now mine", ClaimKind.THESIS)


def test_the_same_file_by_another_name_is_still_the_same_file(
    debate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    symlink = tmp_path / "link to it.debate"
    symlink.symlink_to(debate)
    hard_link = tmp_path / "hard link.debate"
    os.link(debate, hard_link)
    monkeypatch.chdir(debate.parent)
    with DebateDocument.open(debate) as first:
        assert not first.read_only
        for other in (Path(debate.name), symlink, hard_link):
            with DebateDocument.open(other) as second:
                assert second.read_only, other
                assert second.read_only_reason == "it is open in another window"


# ---- read-only files and folders ---------------------------------------------------------


@pytest.fixture
def read_only_file(debate: Path) -> Iterator[Path]:
    debate.chmod(0o444)
    yield debate
    debate.chmod(0o644)


@pytest.fixture
def read_only_folder(debate: Path) -> Iterator[Path]:
    """A writable file in a folder nobody may write to (SQLite keeps its journal there)."""
    folder = debate.parent
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_a_read_only_file_opens_read_only_and_says_so(read_only_file: Path) -> None:
    before = read_only_file.read_bytes()
    with DebateDocument.open(read_only_file) as doc:
        assert doc.read_only and doc.read_only_reason == "the file is read-only"
        assert len(doc.graph.claims) == 2
        with pytest.raises(DebateFileError, match="the file is read-only"):
            doc.add_claim("sneaky", ClaimKind.THESIS)
    with pytest.raises(DebateFileError, match="cannot be edited: the file is read-only"):
        DebateDocument.open(read_only_file, read_only=False)
    assert read_only_file.read_bytes() == before
    assert stat.S_IMODE(read_only_file.stat().st_mode) == 0o444


def test_commands_do_not_replace_a_read_only_file(
    read_only_file: Path, json_source: Path, tmp_path: Path
) -> None:
    before = read_only_file.read_bytes()
    refused(run_cli("import", str(json_source), "-o", str(read_only_file)), "read-only")
    with DebateDocument.create(tmp_path / "mine.debate", "Mine") as mine:
        with pytest.raises(DebateFileError, match="read-only"):
            mine.save_as(read_only_file)
        assert not mine.closed and mine.path.name == "mine.debate"
        mine.add_claim("still editable", ClaimKind.THESIS)
    assert read_only_file.read_bytes() == before


def test_a_file_in_a_read_only_folder_opens_read_only_and_says_so(
    debate: Path, read_only_folder: Path
) -> None:
    before = debate.read_bytes()
    with DebateDocument.open(debate) as doc:
        assert doc.read_only and doc.read_only_reason == "its folder is read-only"
        with pytest.raises(DebateFileError, match="its folder is read-only"):
            doc.add_claim("sneaky", ClaimKind.THESIS)
    with pytest.raises(DebateFileError, match="its folder is read-only"):
        DebateDocument.open(debate, read_only=False)
    assert debate.read_bytes() == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == [debate.name]


def test_nothing_is_written_into_a_read_only_folder(
    debate: Path, read_only_folder: Path, json_source: Path, tmp_path: Path
) -> None:
    before = debate.read_bytes()
    refused(run_cli("new", str(read_only_folder / "новый.debate"), "--title", "New"),
            "folder is read-only")
    refused(run_cli("import", str(json_source), "-o", str(read_only_folder / "imported.debate")),
            "folder is read-only")
    refused(run_cli("import", str(json_source), "-o", str(debate)), "folder is read-only")
    with DebateDocument.create(tmp_path / "mine.debate", "Mine") as mine:
        with pytest.raises(DebateFileError, match="folder is read-only"):
            mine.save_as(read_only_folder / "copy.debate")
        mine.add_claim("still editable", ClaimKind.THESIS)
    assert sorted(p.name for p in read_only_folder.iterdir()) == [debate.name]
    assert debate.read_bytes() == before
