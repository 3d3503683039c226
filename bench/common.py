"""What the benchmarks and fault scripts share: a free loopback port, a transaction
back-end on loopback that counts what it receives, and an applicant who opens a
service page and fills in its online form.

Imported as ``bench.common`` with the repository root on ``sys.path``.
"""

import re
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SECRET = "bench-backend-signing-secret-0123456789abcdef"  # noqa: S105 - loopback only
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
#: An answer of each kind of question that the form accepts.
VALUES = {
    "text": "Siti Aminah",
    "textarea": "Lulusan SMK jurusan teknik las, mencari pelatihan lanjutan.",
    "email": "siti.bench@example.id",
    "phone": "0812 3456 7890",
    "date": "1995-04-12",
    "number": "3",
    "nik": "1671014504950001",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Backend:
    """A transaction back-end on 127.0.0.1: checks each request's HMAC signature with
    ``SECRET`` and counts Idempotency-Keys (``keys``: key → times received). ``port=0``
    takes any free port; a given port lets a back-end "come back" where it was."""

    def __init__(self, port=0):
        sys.path.insert(0, str(ROOT))
        from integrations.signing import verify

        self.keys = {}
        self.bad_signatures = 0
        self.lock = threading.Lock()
        backend = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                good = verify(
                    SECRET,
                    self.headers.get("X-Signature-Timestamp"),
                    body,
                    self.headers.get("X-Signature"),
                    max_age=300,
                )
                key = self.headers.get("Idempotency-Key", "")
                with backend.lock:
                    if not good:
                        backend.bad_signatures += 1
                    else:
                        backend.keys[key] = backend.keys.get(key, 0) + 1
                reply = b'{"status":"received"}' if good else b'{"status":"error"}'
                self.send_response(200 if good else 403)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/submissions"

    @property
    def duplicates(self):
        return sum(count - 1 for count in self.keys.values())

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def application(fields):
    """``(data, files)`` answering every question of ``fields`` (``[key, kind, choices]``
    triples, as the fault scripts and the submissions benchmark list them)."""
    data, files = {"consent": "on", "website": ""}, {}
    for key, kind, choices in fields:
        if kind == "file":
            files[key] = ("ijazah.pdf", PDF, "application/pdf")
        elif kind == "choice":
            data[key] = choices[0]
        else:
            data[key] = VALUES[kind]
    return data, files


def open_form(session, url, **kwargs):
    """GET a service page in ``session`` (a ``requests.Session``): its CSRF token and the
    signed start time of its form, as a browser would keep them."""
    page = session.get(url, timeout=kwargs.pop("timeout", 30), **kwargs)
    page.raise_for_status()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    started = re.search(r'name="started" value="([^"]+)"', page.text).group(1)
    return token, started
