"""A loopback HTTP server the tests script, and a destination pointing at it."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SECRET = "test-secret-for-hmac"


class StubServer:
    """Answers POSTs from a script of responses; records every request."""

    def __init__(self):
        self.script = []  # (status, headers, delay seconds), used in order
        self.default = (200, {}, 0)
        self.requests = []
        self.lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with stub.lock:
                    stub.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                    status, headers, delay = stub.script.pop(0) if stub.script else stub.default
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    reply = json.dumps({"ok": 200 <= status < 300}).encode()
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(reply)))
                    self.end_headers()
                    self.wfile.write(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def respond(self, *responses):
        """Queue responses: ints (status) or (status, headers) / (status, headers, delay)."""
        for response in responses:
            response = (response,) if isinstance(response, int) else tuple(response)
            self.script.append((response + ({}, 0)[len(response) - 1 :])[:3])

    def url(self, path="/hook"):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def posts_to(self, path):
        return [r for r in self.requests if r["path"] == path]


@pytest.fixture
def stub():
    server = StubServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def destination(settings, stub):
    """A destination named "backend" that posts to the stub server, with a
    small attempt budget and short back-off for the tests."""
    settings.INTEGRATION_DESTINATIONS = {
        "backend": {
            "ADAPTER": "integrations.adapters.HttpJsonAdapter",
            "URL": stub.url(),
            "SECRET": SECRET,
            "TIMEOUT": 2,
            "CONNECT_TIMEOUT": 1,
        },
        "email": {"ADAPTER": "integrations.adapters.EmailAdapter"},
        "log": {"ADAPTER": "integrations.adapters.LoggingAdapter"},
    }
    settings.INTEGRATION_MAX_ATTEMPTS = 5
    settings.INTEGRATION_RETRY_BASE_SECONDS = 10
    settings.INTEGRATION_RETRY_CAP_SECONDS = 40
    settings.INTEGRATION_LEASE_SECONDS = 60
    return "backend"


@pytest.fixture
def tasks_not_run(settings):
    """Tasks are recorded, not run: for transactional tests, where the commit
    in enqueue() would otherwise deliver at once through the immediate backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
