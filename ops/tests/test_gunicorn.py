"""What gunicorn, run with config/gunicorn.py, bounds before Django sees a request.

One gunicorn (a single process, the config's threads) serves the site on a free port of
127.0.0.1 for the module; raw sockets send what browsers never would. The requests here
touch no database. If gunicorn cannot start, the tests are skipped with its error.
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.live_server

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
KEEPALIVE = 1  # GUNICORN_KEEPALIVE for this server: the idle-connection test waits less


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_of(port, raw, timeout=10):
    """The status code gunicorn answers ``raw`` with (None if it closes without one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(raw)
        first = connection.recv(200)
    return int(first.split(b" ", 2)[1]) if first.startswith(b"HTTP/") else None


def get(path):
    return f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not GUNICORN.exists():
        pytest.skip(f"{GUNICORN} is missing")
    port = free_port()
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        # Nothing here reads the database; an empty SQLite file keeps it that way.
        "DATABASE_URL": f"sqlite:///{log.parent / 'unused.sqlite3'}",
        "GUNICORN_KEEPALIVE": str(KEEPALIVE),
    }
    with open(log, "wb") as output:
        process = subprocess.Popen(  # noqa: S603 -- fixed arguments
            [
                str(GUNICORN),
                "-c",
                "config/gunicorn.py",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            cwd=BASE_DIR,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if status_of(port, get("/healthz"), timeout=2) == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"gunicorn did not start: {log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_config_runs_threaded_workers():
    namespace = {}
    exec(compile((BASE_DIR / "config" / "gunicorn.py").read_text(), "gunicorn.py", "exec"), namespace)  # noqa: S102

    assert namespace["worker_class"] == "gthread" and namespace["threads"] >= 2
    assert (namespace["limit_request_line"], namespace["limit_request_fields"]) == (8190, 100)
    assert namespace["limit_request_field_size"] == 8190


def test_a_header_line_over_8190_bytes_gets_431(server):
    raw = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + b"a" * 10_240 + b"\r\n\r\n"

    assert status_of(server, raw) == 431


def test_a_request_line_over_8190_bytes_gets_414(server):
    assert status_of(server, get("/healthz?q=" + "a" * 9_000)) == 414


def test_more_than_100_header_fields_get_431(server):
    headers = "".join(f"X-Field-{number}: x\r\n" for number in range(101))
    raw = f"GET /healthz HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n".encode()

    assert status_of(server, raw) == 431


def test_a_normal_request_within_the_limits_is_served(server):
    headers = "".join(f"X-Field-{number}: {'x' * 100}\r\n" for number in range(50))
    raw = f"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{headers}\r\n".encode()

    assert status_of(server, raw) == 200


def test_an_oversized_body_gets_django_s_413_before_it_is_sent(server):
    # Only the headers go: the answer comes without waiting for the 100 MB announced.
    raw = (
        b"POST /en/feedback/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\n"
    )

    assert status_of(server, raw) == 413


def test_a_slow_client_does_not_block_another_client_s_request(server):
    """One process: while one client sends its headers a byte every 0.2 s (4 s in all),
    another client's request is answered at once by another thread."""
    slow = socket.create_connection(("127.0.0.1", server), timeout=10)
    request = get("/healthz")
    stop = threading.Event()

    def dribble():
        for byte in request[:20]:
            if stop.is_set():
                return
            slow.send(bytes([byte]))
            time.sleep(0.2)

    dribbler = threading.Thread(target=dribble, daemon=True)
    dribbler.start()
    try:
        time.sleep(1)  # the slow client holds a thread by now
        started = time.monotonic()
        status = status_of(server, get("/healthz"), timeout=5)
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        dribbler.join()
        slow.close()

    assert status == 200
    assert elapsed < 2


def test_an_idle_connection_is_closed(server):
    """A client that connects and sends nothing is dropped: gunicorn waits 5 s on a
    thread, then parks it and closes it after the keep-alive wait."""
    with socket.create_connection(("127.0.0.1", server), timeout=15) as idle:
        started = time.monotonic()
        received = idle.recv(100)
        elapsed = time.monotonic() - started

    assert received == b""
    assert elapsed < 5 + KEEPALIVE + 3
