"""A `trellis serve` of a test's own, and a small HTTP client for it.

For tests that must start, kill and restart a server (durability) or run several (scale-out),
apart from the session-wide server that script/e2e starts for the browser tests. The server is
the debug binary (`swift build` first; TRELLIS_BIN names another) on a free loopback port.
"""

from __future__ import annotations

import html
import http.client
import os
import pathlib
import re
import signal
import socket
import subprocess
import time
from urllib.parse import urlencode, urlsplit

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "trellis-demo-2026"
READY_SECONDS = 180


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TrellisServer:
    """One `trellis serve --demo` that a test starts, kills and restarts on its own data directory
    (or database URL), apart from the session-wide server the browser tests use."""

    def __init__(self, data_dir: pathlib.Path, database_url: str):
        self.binary = os.environ.get("TRELLIS_BIN") or str(ROOT / ".build" / "debug" / "trellis")
        if not os.access(self.binary, os.X_OK):
            pytest.skip(f"no trellis binary at {self.binary}: run swift build first")
        self.data_dir = data_dir
        self.database_url = database_url
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.log_path = data_dir / "server.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.port = free_port()
        env = dict(os.environ)
        env.update(
            TRELLIS_DATA_DIR=str(self.data_dir),
            TRELLIS_DATABASE_URL=self.database_url,
            TRELLIS_HOST="127.0.0.1",
            TRELLIS_PORT=str(self.port),
            TRELLIS_BASE_URL=self.base,
            TRELLIS_LOG_LEVEL="warning",
            TRELLIS_BCRYPT_COST="4",
        )
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([self.binary, "serve", "--demo"], env=env, stdin=subprocess.DEVNULL,
                                        stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"trellis serve exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if Client(self.base).get("/readyz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        pytest.fail(f"trellis serve did not become ready in {READY_SECONDS}s:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to finish, flush or close anything."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
            self.process = None

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


class Response:
    def __init__(self, status: int, headers: list[tuple[str, str]], body: str):
        self.status, self.headers, self.body = status, headers, body


class Client:
    """Form posts with cookies kept by name, never following redirects (a 303 is the answer we record)."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> Response:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            headers = {"Sec-Fetch-Site": "same-origin"}
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            body = None
            if form is not None:
                body = urlencode(form)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            text = answer.read().decode("utf-8", errors="replace")
            for name, value in answer.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            return Response(answer.status, answer.getheaders(), text)
        finally:
            connection.close()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, form: dict) -> Response:
        return self.request("POST", path, form)


def csrf_token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no csrf_token field"
    return html.unescape(found.group(1))


def sign_in(base: str, email: str) -> Client:
    client = Client(base)
    token = csrf_token(client.get("/signin").body)
    answer = client.post("/signin", {"email": email, "password": DEMO_PASSWORD, "csrf_token": token})
    assert answer.status == 303, f"signing in {email} answered {answer.status}"
    return client


def editable_plan(client: Client) -> str:
    """The id of the person's plan that takes check-ins now (this year's, not a finished one)."""
    ids = dict.fromkeys(re.findall(r'href="/plans/([A-Za-z0-9-]{8,})"', client.get("/plans").body))
    for plan_id in ids:
        if "Save check-in" in client.get(f"/plans/{plan_id}/check-ins").body:
            return plan_id
    pytest.fail("no plan of this person takes check-ins")
