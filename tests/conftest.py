"""Shared fixtures. The whole suite runs headless."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: CI and `make test` run one fixed sequence of examples (derandomized), so
# a green commit stays green; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) explores with fresh
# random seeds and many more examples. A case fuzzing finds is kept as an `@example`.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "fuzz", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow],
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings (recent files, window size) and untitled debates go to a scratch folder, never
# into the home of whoever runs the tests; subprocesses inherit it.
_SCRATCH = tempfile.mkdtemp(prefix="debate-editor-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SCRATCH, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SCRATCH, "data")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(SEEDS))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="also run the long tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long run: give --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample debate, built by the seed script into a fresh folder (never the repo's copy)."""
    import build_seed

    path = tmp_path_factory.mktemp("seed") / "dod-safety.debate"
    build_seed.build(path)
    return path


@pytest.fixture
def seed_copy(seed_file: Path, tmp_path: Path) -> Path:
    """A private copy of the seed that a test may change."""
    target = tmp_path / seed_file.name
    target.write_bytes(seed_file.read_bytes())
    return target


@pytest.fixture
def new_doc(tmp_path: Path) -> Iterator[object]:
    from debate_editor.store import DebateDocument

    doc = DebateDocument.create(tmp_path / "test.debate", "Test")
    yield doc
    doc.close()


@pytest.fixture(autouse=True, scope="session")
def widgets_application(qapp: object) -> object:
    """One QApplication for the whole run, made before any test. An export test run first
    would otherwise start a plain QGuiApplication (as the command line does), and a later
    test's widgets would crash on it: the order of tests must not matter."""
    return qapp


@pytest.fixture(autouse=True)
def close_windows() -> Iterator[None]:
    """Close every main window a test opened (they delete themselves on close), then
    forget every setting they left (window state, recent files, folds, readings): a test
    that hides the docks must not hide them for the next one, whatever the order."""
    yield
    module = sys.modules.get("debate_editor.ui.main_window")
    if module is not None:
        from PySide6.QtWidgets import QApplication

        for window in list(module.WINDOWS):
            window.close()
        QApplication.processEvents()
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        settings = QSettings()
        settings.clear()
        settings.sync()


@pytest.fixture
def memory_tmp_path(tmp_path: Path) -> Iterator[Path]:
    """A scratch folder in memory (/dev/shm) when the system has one, else tmp_path.

    For tests of what a file holds after tens of thousands of commits, not of disks:
    a process killed with SIGKILL loses nothing the kernel already holds either way."""
    import shutil
    import tempfile

    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="debate-test ", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_PG_STARTED = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter: object, config: pytest.Config) -> None:
    """Say which PostgreSQL the run used and how long it took to start."""
    if (line := config.stash.get(_PG_STARTED, None)) is not None:
        terminalreporter.write_line(line)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[object]:
    """A real PostgreSQL server for the whole run (tests/pg_server.py), stopped at the end.

    Never skipped: where no server can be started the tests that need one fail, saying what
    to install."""
    import pg_server as servers

    try:
        server = servers.start_server()
    except servers.PgServerError as error:
        pytest.fail(str(error), pytrace=False)
    request.config.stash[_PG_STARTED] = (
        f"PostgreSQL {server.binaries.version} ({server.binaries.source}) for the tests, "
        f"started in {server.start_seconds:.2f} s")
    try:
        yield server
    finally:
        servers.stop(server)


@pytest.fixture(scope="session")
def pg_url(pg_server: object) -> str:
    """``postgresql://postgres@127.0.0.1:PORT/debates`` on the session's server."""
    return pg_server.url()  # type: ignore[attr-defined]


@pytest.fixture
def fresh_pg_url(pg_server: object) -> str:
    """A new, empty database on the session's server, for a test that wants a clean slate."""
    import uuid

    return pg_server.create_database(f"t_{uuid.uuid4().hex[:12]}")  # type: ignore[attr-defined]
