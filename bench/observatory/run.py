"""Mozilla's HTTP Observatory scanner on a production-like copy of the site, offline.

    .venv/bin/python bench/observatory/run.py [--port 8792] [--keep]

1. installs the pinned scanner (package.json; `npm ci --ignore-scripts`, so nothing is
   downloaded at install time) into bench/observatory/node_modules, and gives it empty
   stand-ins for the HSTS preload list and the TLD list its install scripts would fetch;
2. builds a fresh SQLite database in a temporary folder (migrate, seed_demo,
   collectstatic) and serves it with gunicorn and the production settings
   (bench/observatory/settings.py: config.settings.production plus the security app);
3. runs a small TLS-terminating proxy on 127.0.0.1:443 (a self-signed certificate made
   here with `cryptography`) and a plain one on 127.0.0.1:80, which send
   X-Forwarded-Proto to gunicorn as the production proxy does;
4. runs the scanner against 127.0.0.1 (it always uses ports 443 and 80, hence root or
   CAP_NET_BIND_SERVICE), trusting only that certificate, and prints the grade, the score
   and every test; the JSON goes to bench/results/observatory/.

Nothing but loopback is contacted. Needs node (>= 20) and npm.
"""

import argparse
import asyncio
import datetime
import ipaddress
import json
import os
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SCANNER = HERE / "node_modules" / "@mdn" / "mdn-http-observatory"
RESULTS = ROOT / "bench" / "results" / "observatory"
HOST = "127.0.0.1"


def run(args, env=None, **kwargs):
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def free_port(preferred):
    with socket.socket() as sock:
        if sock.connect_ex((HOST, preferred)) != 0:
            return preferred
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def install_scanner():
    if not (SCANNER / "src" / "scan.js").exists():
        command = "ci" if (HERE / "package-lock.json").exists() else "install"
        run(
            [
                "npm",
                command,
                "--prefix",
                HERE,
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ]
        )
    # What the skipped install scripts would download; empty lists: this host is in neither.
    for name, empty in (("hsts-preload.json", "{}"), ("tld-list.json", "[]")):
        path = SCANNER / "conf" / name
        if not path.exists():
            path.write_text(empty)


def make_certificate(folder):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(HOST)), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def site_environment(tmp):
    from cryptography.fernet import Fernet

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.observatory.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "FIELD_HASH_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "true",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private-media"),
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    return env


POINT_SITE = """
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", 443
site.save()
"""


def prepare_site(env):
    run([PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "-v0"], env=env)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=env)
    run([PYTHON, "manage.py", "seed_demo"], env=env, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env)
    run([PYTHON, "manage.py", "shell", "-c", POINT_SITE], env=env)


# The proxy: one request per connection (gunicorn's sync workers close after each
# response). It replaces any X-Forwarded-Proto the client sent with the real scheme.
async def _pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


def _proxy_handler(backend_port, scheme):
    async def handle(client_reader, client_writer):
        try:
            head = await client_reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            client_writer.close()
            return
        lines = head.split(b"\r\n")
        kept = [line for line in lines[1:] if not line.lower().startswith(b"x-forwarded-proto:")]
        head = b"\r\n".join([lines[0], f"X-Forwarded-Proto: {scheme}".encode(), *kept])
        try:
            backend_reader, backend_writer = await asyncio.open_connection(HOST, backend_port)
        except OSError:  # gunicorn still booting
            client_writer.close()
            return
        backend_writer.write(head)
        await asyncio.gather(_pipe(client_reader, backend_writer), _pipe(backend_reader, client_writer))

    return handle


def start_proxies(backend_port, cert_path, key_path):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    errors = []

    async def serve():
        try:
            await asyncio.start_server(_proxy_handler(backend_port, "https"), HOST, 443, ssl=context)
            await asyncio.start_server(_proxy_handler(backend_port, "http"), HOST, 80)
        except OSError as error:
            errors.append(error)
        ready.set()

    def target():
        asyncio.set_event_loop(loop)
        loop.run_until_complete(serve())
        if not errors:
            loop.run_forever()

    threading.Thread(target=target, daemon=True).start()
    ready.wait(10)
    if errors:
        raise SystemExit(
            f"cannot listen on {HOST}:443 and :80 ({errors[0]}); run as root or grant CAP_NET_BIND_SERVICE"
        )


def wait_until_up(server, cert_path, seconds=90):
    context = ssl.create_default_context(cafile=str(cert_path))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before serving")
        try:
            for _ in range(3):  # warm the workers: the first request loads Wagtail
                urllib.request.urlopen(f"https://{HOST}/id/", timeout=60, context=context)  # noqa: S310
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the site did not answer in time")


def scan(cert_path):
    env = {**os.environ, "NODE_EXTRA_CA_CERTS": str(cert_path)}
    output = subprocess.run(  # noqa: S603
        ["node", str(SCANNER / "src" / "scan.js"), HOST],  # noqa: S607
        cwd=SCANNER,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(output.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"the scanner failed:\n{output.stdout}\n{output.stderr}") from None


def report(result):
    if "error" in result:
        raise SystemExit(f"the scanner failed: {result['error']}")
    scan_ = result["scan"]
    lines = [
        f"HTTP Observatory (@mdn/mdn-http-observatory, algorithm {scan_.get('algorithmVersion')}) "
        f"on https://{HOST}/ at {datetime.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"Grade {scan_['grade']}, score {scan_['score']}, tests passed "
        f"{scan_['testsPassed']}/{scan_['testsQuantity']}",
        "",
        "| Test | Pass | Score | Result |",
        "|---|---|---:|---|",
    ]
    for name, test in result["tests"].items():
        modifier = test.get("scoreModifier", 0)
        lines.append(
            f"| {name} | {'yes' if test.get('pass') else 'NO'} | {modifier:+d} | {test.get('result')} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8792, help="gunicorn's port (loopback)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and certificate")
    options = parser.parse_args()
    if not shutil.which("node"):
        raise SystemExit("node is missing (>= 20)")

    install_scanner()
    port = free_port(options.port)
    tmp = Path(tempfile.mkdtemp(prefix="disnaker-observatory-"))
    env = site_environment(tmp)
    server = None
    try:
        cert_path, key_path = make_certificate(tmp)
        prepare_site(env)
        server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
            [GUNICORN, "config.wsgi", "--bind", f"{HOST}:{port}", "--workers", "2"], cwd=ROOT, env=env
        )
        start_proxies(port, cert_path, key_path)
        wait_until_up(server, cert_path)
        result = scan(cert_path)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "scan.json").write_text(json.dumps(result, indent=2))
        summary = report(result)
        (RESULTS / "summary.md").write_text(summary + "\n")
        print(summary)
        return 0 if result["scan"]["grade"] == "A+" else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not options.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
