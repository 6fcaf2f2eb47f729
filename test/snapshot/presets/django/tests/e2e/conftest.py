"""Start `python -m <package> serve` the way an operator would, on a free port."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest

import acme_api as package_under_test

from tests import PACKAGE, SETTINGS_VARIABLES
from tests.databases import isolated_database
from tests.identity import SERVER_SETTINGS, new_user_headers

# The folder holding the package under test, so the server process imports the
# same code. (Where coverage measures the server, importing it here lets it map its data.)
SOURCE_ROOT = Path(package_under_test.__file__).resolve().parents[1]
STARTUP_SECONDS = 30.0
STOP_SECONDS = 15.0
ALLOWED_ORIGIN = "https://web.example"
# Every request here is plain HTTP to loopback, but an httpx2 client reads the CA
# bundle into an SSL context of its own unless it is given one: tens of milliseconds
# of CPU a client, and the tests open over a hundred (sixty at once in one test).
SSL_CONTEXT = httpx2.create_ssl_context()


def http_client(base_url: str, timeout: float = 10) -> httpx2.Client:
    """A client of a served app."""
    # trust_env=False: a proxy configured in the environment must not see loopback traffic.
    return httpx2.Client(base_url=base_url, timeout=timeout, trust_env=False, verify=SSL_CONTEXT)


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    # Where it keeps its data: a command run beside it (create-admin) needs the same.
    database_url: str

    def stop(self) -> int:
        """SIGTERM, as a process manager sends it; the exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=STOP_SECONDS)

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx2.Response:
        with http_client(self.url) as client:
            return client.get(path, headers=headers)

    def log_lines(self) -> list[str]:
        """Complete lines only: the server may be in the middle of writing one."""
        text = self.log.read_text()
        return text.splitlines()[: text.count("\n")]

    def wait_for_log(self, needle: str, timeout: float = 10.0) -> list[str]:
        """The log once a line holds `needle`: the access line is written after the response."""
        deadline = time.monotonic() + timeout
        lines = self.log_lines()
        while not any(needle in line for line in lines) and time.monotonic() < deadline:
            time.sleep(0.05)
            lines = self.log_lines()
        return lines


def command_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The parent's environment (coverage may measure the command) with this test's settings only.

    A command that uses the database gets DATABASE_URL from the test, e.g. the
    shared server's; the default is a SQLite file in `tmp_path` that nothing
    else shares, for commands that never get as far as the database.
    """
    inherited = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    python_path = [str(SOURCE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {
        **inherited,
        "PYTHONPATH": os.pathsep.join(python_path),
        "APP_ENV": "test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'scratch.db'}",
        "LOG_LEVEL": "INFO",
        **settings,
    }


def run_command(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m <package> ARGS` in `cwd`, as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", PACKAGE, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def started_server(env: dict[str, str], log: Path) -> Iterator[Server]:
    """A `serve` process, started and not waited for; killed at the end if a test did not stop it.

    Servers start in the background, so a test module can start one for its later
    tests and let it boot while its first ones run.
    """
    port = _free_port()
    env = {**env, "HOST": "127.0.0.1", "PORT": str(port)}
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", PACKAGE, "serve"],
            env=env,
            cwd=log.parent,
            stdout=log_file,
            stderr=log_file,
        )
    try:
        yield Server(f"http://127.0.0.1:{port}", process, log, env["DATABASE_URL"])
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def wait_until_healthy(server: Server, startup_seconds: float = STARTUP_SECONDS) -> None:
    """Returns once `/health` answers; fails the test (and kills the server) if it never does."""
    deadline = time.monotonic() + startup_seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            if server.get("/health").status_code == 200:
                return
        except httpx2.TransportError:
            pass  # not listening yet
        time.sleep(0.1)
    server.process.kill()
    server.process.wait()
    pytest.fail(f"serve did not become healthy:\n{server.log.read_text()[-3000:]}")


@dataclass(frozen=True)
class SharedServer:
    """The server every e2e test shares, and what `migrate` said on its new database."""

    server: Server
    first_migrate: subprocess.CompletedProcess[str]


@pytest.fixture(scope="session")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedServer]:
    """One migrated server, configured as in production, shared by the e2e tests.

    Starting a server costs seconds, so there is one a run: pytest-xdist runs
    the files that use it on one worker (tests/conftest.py). Tests that write
    make their own users and rows, and never count what others made. It boots
    while `migrate` runs: serving touches the database only when a request does.
    At the end it is stopped as a process manager stops it: SIGTERM, exit 0, no
    traceback.
    """
    tmp_path = tmp_path_factory.mktemp("e2e")
    with isolated_database(tmp_path, "e2e_server") as database_url:
        env = command_env(
            tmp_path,
            APP_ENV="production",
            DATABASE_URL=database_url,
            SECRET_KEY="e2e-secret-key-long-enough-to-be-real",
            CORS_ORIGINS=ALLOWED_ORIGIN,
            **SERVER_SETTINGS,
        )
        with started_server(env, tmp_path / "serve.log") as server:
            first_migrate = run_command(tmp_path, env, "migrate")
            assert first_migrate.returncode == 0, first_migrate.stderr
            wait_until_healthy(server)
            yield SharedServer(server, first_migrate)
            assert server.stop() == 0
        assert "Traceback" not in server.log.read_text()


@pytest.fixture(scope="session")
def server(shared_server: SharedServer) -> Server:
    return shared_server.server


@pytest.fixture
def client(server: Server) -> Iterator[httpx2.Client]:
    with http_client(server.url) as client:
        yield client


@pytest.fixture(scope="module")
def headers(server: Server) -> Iterator[dict[str, str]]:
    """What a request sends to act as this module's user, made for it.

    The server hashes passwords at the production cost, a fraction of a second
    for each registration and login: a module's tests share a user (and so see
    each other's rows), never another module's.
    """
    with http_client(server.url) as client:
        yield new_user_headers(client)
