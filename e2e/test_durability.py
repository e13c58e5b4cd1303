"""Durability: every write Trellis answered with success survives the server being killed.

The test starts its own `trellis serve --demo` (the debug binary, on a free port, with a
throwaway data directory), signs three demo educators in, and streams check-ins from each
through the real form (CSRF token and all). Every check-in answered with 303 is recorded.
Mid-stream the server gets SIGKILL: no shutdown, no flush. It is restarted on the same data
and every recorded check-in must be on its plan.

On SQLite this holds because each write is one committed transaction in WAL mode with
synchronous=NORMAL: a commit is in the write-ahead log, in the operating system's hands,
before the answer is sent, and only a power cut (not a killed process) can lose it. With
TEST_POSTGRES_URL set, the same runs against a fresh database on that server.

No browser: plain HTTP from the standard library, so the stream is fast enough that the kill
lands among requests in flight.
"""

from __future__ import annotations

import glob
import html
import http.client
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from trellis_process import TrellisServer, csrf_token, editable_plan, sign_in

# Three demo educators with a plan of their own this year: each writer has its own plan, so
# no write waits for or conflicts with another's.
WRITERS = ("hong.nguyen@cascade.example", "diego.ramirez@cascade.example", "zoe.angstrom@cascade.example")
ACKNOWLEDGED_BEFORE_KILL = 45


@pytest.fixture
def own_server(request):
    """A factory for a private server on a database URL; whatever it started is stopped after the test."""
    started: list[TrellisServer] = []
    directories: list[str] = []

    def make(database_url: str | None = None) -> TrellisServer:
        data_dir = pathlib.Path(tempfile.mkdtemp(prefix="trellis-durability-"))
        directories.append(str(data_dir))
        server = TrellisServer(data_dir, database_url or f"sqlite:{data_dir}/trellis.sqlite")
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            print(f"\n---- durability server log ----\n{server.log_tail()}")
    for directory in directories:
        shutil.rmtree(directory, ignore_errors=True)


# ---------------------------------------------------------------- the stream


class Writer(threading.Thread):
    """Posts check-ins for one person until a request fails (the server is gone)."""

    def __init__(self, base: str, email: str, run: str):
        super().__init__(daemon=True)
        self.client = sign_in(base, email)
        self.email = email
        self.plan_id = editable_plan(self.client)
        form = self.client.get(f"/plans/{self.plan_id}/check-ins").body
        self.token = csrf_token(form)
        # The form's own date: today where the district is, which need not be today here.
        self.date = re.search(r'name="date" type="date" value="([0-9-]+)"', form).group(1)
        self.run_id = run
        self.acknowledged: list[str] = []
        self.refused: list[int] = []
        self.stopped_by: BaseException | None = None

    def run(self) -> None:
        number = 0
        while True:
            text = f"durability {self.run_id} {self.email.split('@')[0]} #{number}"
            try:
                answer = self.client.post(f"/plans/{self.plan_id}/check-ins",
                                          {"csrf_token": self.token, "date": self.date, "what_happened": text})
            except (OSError, http.client.HTTPException) as error:
                self.stopped_by = error
                return
            if answer.status == 303:
                self.acknowledged.append(text)
            else:
                self.refused.append(answer.status)
                if len(self.refused) > 5:
                    return
            number += 1


def stream_kill_and_check(server: TrellisServer) -> None:
    # setup
    server.start()
    run = uuid.uuid4().hex[:8]
    writers = [Writer(server.base, email, run) for email in WRITERS]
    # run: stream, and kill the server while the writers are still writing
    for writer in writers:
        writer.start()
    deadline = time.monotonic() + 120
    while sum(len(w.acknowledged) for w in writers) < ACKNOWLEDGED_BEFORE_KILL:
        assert all(w.is_alive() for w in writers), f"a writer stopped early: {[(w.refused, w.stopped_by) for w in writers]}"
        assert time.monotonic() < deadline, "the stream of writes was too slow"
        time.sleep(0.01)
    server.kill()
    for writer in writers:
        writer.join(timeout=60)
    assert all(w.stopped_by is not None for w in writers), "every writer was cut off by the kill"
    assert not any(w.refused for w in writers), f"writes were refused before the kill: {[w.refused for w in writers]}"
    # check: after a restart on the same data, every acknowledged check-in is on its plan
    server.start()
    for writer in writers:
        client = sign_in(server.base, writer.email)
        page = html.unescape(client.get(f"/plans/{writer.plan_id}").body)
        lost = [text for text in writer.acknowledged if text not in page]
        assert not lost, f"{len(lost)} of {len(writer.acknowledged)} acknowledged check-ins of {writer.email} were lost, e.g. {lost[:3]}"
    acknowledged = sum(len(w.acknowledged) for w in writers)
    assert acknowledged >= ACKNOWLEDGED_BEFORE_KILL
    print(f"\n{acknowledged} acknowledged check-ins from {len(writers)} writers survived SIGKILL "
          f"({', '.join(type(w.stopped_by).__name__ for w in writers)} ended the stream)")


def test_every_acknowledged_write_survives_sigkill_on_sqlite(own_server):
    stream_kill_and_check(own_server())


# ---------------------------------------------------------------- PostgreSQL


def psql_binary() -> str | None:
    return shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), reverse=True)), None)


@pytest.fixture
def postgres_database():
    """A fresh database on the TEST_POSTGRES_URL server, dropped afterwards; skips without one."""
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        pytest.skip("TEST_POSTGRES_URL is not set")
    psql = psql_binary()
    if psql is None:
        pytest.skip("no psql to create a database with")
    name = f"trellis_durability_{uuid.uuid4().hex[:10]}"
    parts = urlsplit(url)
    subprocess.run([psql, url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", f"CREATE DATABASE {name}"], check=True)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    subprocess.run([psql, url, "-X", "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=False)


def test_every_acknowledged_write_survives_sigkill_on_postgres(own_server, postgres_database):
    stream_kill_and_check(own_server(postgres_database))
