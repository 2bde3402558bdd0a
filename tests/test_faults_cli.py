"""The command line under faults (README, "What we guarantee"): a full disk, names SQLite
cannot journal, names that are not UTF-8, standard output closed, full or unable to
encode, and exports aimed at debates. Each is one line on stderr, exit status 1, and
nothing half-written; an export writes through a symlink and keeps the mode a file has.

The disk fills for real: the child runs under RLIMIT_FSIZE, so the kernel refuses every
write past a few kilobytes, as a full disk refuses it (the tests need no mount).
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_editor.store import DebateDocument

Args = str | bytes | Path


def run_cli(*args: Args, setup: Callable[[], None] | None = None, env: dict[str, str] | None
            = None, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "debate_editor", *args], stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120, preexec_fn=setup,
                          env={**os.environ, **(env or {})})


def one_line(result: subprocess.CompletedProcess[bytes]) -> str:
    """The refusal: exit status 1 and exactly one plain line, no traceback, no URL."""
    text = result.stderr.decode("utf-8", "backslashreplace")
    assert result.returncode == 1, text
    assert len(text.strip().splitlines()) == 1, text
    for leak in ("Traceback", "sqlite://", "sqlalchemy", "internal error", "Exception"):
        assert leak not in text, text
    return text.strip()


def small_disk() -> None:
    """In the child: every write past 8 KiB is refused by the kernel (EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def names_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def seed_json(seed_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample debate as a JSON file to import."""
    path = tmp_path_factory.mktemp("json") / "dod-safety.json"
    assert run_cli("export", seed_file, "--format", "json", "-o", path).returncode == 0
    return path


def test_export_never_overwrites_a_debate_or_its_own_source(seed_copy: Path,
                                                            tmp_path: Path) -> None:
    other = tmp_path / "other.debate"
    DebateDocument.create(other, "Other").close()
    before, other_before = seed_copy.read_bytes(), other.read_bytes()
    with DebateDocument.open(seed_copy) as open_here:  # open for writing, as in a window
        for target in (seed_copy, tmp_path / "." / seed_copy.name, other,
                       tmp_path / "notes.debate"):
            text = one_line(run_cli("export", seed_copy, "--format", "markdown", "-o", target))
            assert "cannot be written" in text
        assert seed_copy.read_bytes() == before and other.read_bytes() == other_before
        assert not (tmp_path / "notes.debate").exists()
        open_here.add_claim("Still editable after the refused export")
    with DebateDocument.open(seed_copy, read_only=True) as doc:
        assert "Still editable after the refused export" in [c.text for c in doc.claims()]


def test_new_and_import_on_a_full_disk_say_one_sentence(seed_json: Path, tmp_path: Path) -> None:
    folder = tmp_path / "full"
    folder.mkdir()
    for args in (("new", folder / "new.debate", "--title", "Full"),
                 ("import", seed_json, "-o", folder / "imported.debate")):
        text = one_line(run_cli(*args, setup=small_disk))
        assert "cannot be written" in text
        assert names_in(folder) == set()  # neither the debate nor a temporary file


def test_names_sqlite_cannot_journal_are_refused_before_anything_is_written(
        seed_json: Path, tmp_path: Path) -> None:
    deep = tmp_path
    while len(str(deep)) < 3800:
        deep = deep / ("d" * 200)
    deep.mkdir(parents=True)
    for target in (tmp_path / ("n" * 241 + ".debate"), tmp_path / ("n" * 248 + ".debate"),
                   deep / "deep.debate"):
        for args in (("new", target, "--title", "Long"), ("import", seed_json, "-o", target)):
            text = one_line(run_cli(*args))
            assert "too long" in text
            assert not target.exists()
    assert names_in(tmp_path) == {"d" * 200} and names_in(deep) == set()
    fits = tmp_path / ("n" * 240 + ".debate")  # 247 bytes: the journal's name still fits
    assert run_cli("new", fits, "--title", "Fits").returncode == 0
    with DebateDocument.open(fits) as doc:
        doc.add_claim("An edit needs the journal beside the file")


def test_a_name_that_is_not_utf8_works_in_every_command(seed_json: Path, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    made, imported = folder + b"/d\xe9bat \xff.debate", folder + b"/import\xfe.debate"
    assert run_cli("new", made, "--title", "Latin-1 name").returncode == 0
    info = run_cli("info", made, "--json")
    assert info.returncode == 0 and b'"Latin-1 name"' in info.stdout, info.stderr
    assert run_cli("import", seed_json, "-o", imported).returncode == 0
    exported = run_cli("export", imported, "--format", "json", "-o", folder + b"/out\xff.json")
    assert exported.returncode == 0, exported.stderr
    assert run_cli("evaluate", imported).returncode == 0
    with DebateDocument.open(Path(os.fsdecode(imported)), read_only=True) as doc:
        assert len(list(doc.claims())) == 7


def test_standard_output_that_cannot_take_the_text(tmp_path: Path) -> None:
    path = tmp_path / "ü.debate"
    assert run_cli("new", path, "--title", "Über Fahrräder").returncode == 0
    with open("/dev/full", "wb") as full:
        text = one_line(run_cli("info", path, stdout=full))
    assert "standard output" in text and "No space left" in text
    result = run_cli("info", path, env={"PYTHONIOENCODING": "ascii"})
    assert "standard output" in one_line(result) and result.stdout == b""
    result = run_cli("export", path, "--format", "markdown", env={"PYTHONIOENCODING": "ascii"})
    assert "standard output" in one_line(result) and result.stdout == b""
    assert "closed" in one_line(run_cli("info", path, setup=lambda: os.close(1)))
    assert run_cli("info", path, env={"PYTHONIOENCODING": "ascii:backslashreplace"}) \
        .returncode == 0  # asked for: escapes are what this person wants


def test_exports_keep_modes_follow_symlinks_and_write_into_pipes(seed_file: Path,
                                                                 tmp_path: Path) -> None:
    def umask_002() -> None:
        os.umask(0o002)

    fresh = tmp_path / "fresh.md"
    assert run_cli("export", seed_file, "--format", "markdown", "-o", fresh,
                   setup=umask_002).returncode == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o664  # the umask's, not 0600
    shared = tmp_path / "shared.md"
    shared.write_text("old")
    shared.chmod(0o640)
    assert run_cli("export", seed_file, "--format", "markdown", "-o", shared).returncode == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640 and shared.read_text() != "old"
    link = tmp_path / "link.md"
    link.symlink_to(shared.name)
    assert run_cli("export", seed_file, "--format", "json", "-o", link).returncode == 0
    assert link.is_symlink() and shared.read_text().startswith("{")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    result = run_cli("export", seed_file, "--format", "markdown", "-o", pipe)
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # written into, never replaced by a file
    assert got and got[0].startswith(b"# ")
