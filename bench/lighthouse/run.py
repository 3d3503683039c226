"""Lighthouse on a production-like copy of the site, on this machine only.

    .venv/bin/python bench/lighthouse/run.py [--port 8791] [--keep]

1. installs the pinned Lighthouse (package.json) into bench/lighthouse/node_modules;
2. builds a fresh SQLite database in a temporary folder, migrates it and runs
   seed_demo; collectstatic into a temporary STATIC_ROOT;
3. serves it with gunicorn and config.settings.production (WhiteNoise serves the
   compressed, fingerprinted static files, as in production);
4. runs Lighthouse (mobile preset, Debian's chromium) on the home page, an
   information page, a guide and the news list, skipping any that answer 404;
   chromium gets --proxy-server=127.0.0.1:9, so nothing but loopback is reached;
5. prints a Markdown table of the four category scores and the bytes
   transferred, and writes it with the full reports to bench/results/lighthouse/.

Needs node and npm, and /usr/bin/chromium (apt-get install chromium).
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "bench" / "results" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Everything but loopback (which chromium never proxies) goes to a dead port.
    "--proxy-server=127.0.0.1:9",
]
PATHS = [
    ("Home page", "/id/"),
    ("Information page", "/id/tentang-kami/"),
    ("Guide (accordion)", "/id/panduan/panduan-wajib-lapor-ketenagakerjaan/"),
    ("News list", "/id/berita/"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def run(args, env=None, **kwargs):
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def free_port(preferred):
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", preferred)) != 0:
            return preferred
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    command = "ci" if (HERE / "package-lock.json").exists() else "install"
    run(["npm", command, "--prefix", HERE, "--no-audit", "--no-fund", "--loglevel=error"])


def site_environment(tmp, port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    return env


POINT_SITE = """
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", {port}
site.save()
"""


def prepare_site(env, port):
    run([PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "-v0"], env=env)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=env)
    run([PYTHON, "manage.py", "seed_demo"], env=env, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env)
    # Canonical and hreflang addresses name the host Lighthouse visits.
    run([PYTHON, "manage.py", "shell", "-c", POINT_SITE.format(port=port)], env=env)


def wait_until_up(base, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before serving")
        try:
            urllib.request.urlopen(f"{base}/robots.txt", timeout=30)  # noqa: S310 (loopback only)
            return
        except OSError:  # refused while booting, or a timeout
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in time")


def status_of(url):
    """The status of ``url``, asked twice so that both workers are warm (the
    first request a worker serves loads half of Wagtail)."""
    status = None
    for _ in range(2):
        try:
            status = urllib.request.urlopen(url, timeout=120).status  # noqa: S310 (loopback only)
        except urllib.error.HTTPError as error:
            status = error.code
    return status


def lighthouse(url, out, attempts=3):
    """One Lighthouse run; retried, as a trace is now and then lost (NO_NAVSTART)."""
    env = {**os.environ, "CHROME_PATH": CHROME}
    command = [
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    for attempt in range(1, attempts + 1):
        try:
            run(command, env=env)
            return json.loads(out.read_text())
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"Lighthouse failed on {url}; trying again", flush=True)


def problems(report):
    """Audits that cost points: failed ones with a weight in a category."""
    weighted = {
        ref["id"]
        for category in report["categories"].values()
        for ref in category["auditRefs"]
        if ref.get("weight")
    }
    found = []
    for audit_id, audit in report["audits"].items():
        score = audit.get("score")
        if audit_id in weighted and score is not None and score < 1:
            found.append(f"{audit_id} ({score}): {audit.get('displayValue') or audit['title']}")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and static files")
    options = parser.parse_args()
    if not Path(CHROME).exists():
        raise SystemExit(f"{CHROME} is missing: apt-get install chromium")

    install_lighthouse()
    port = free_port(options.port)
    base = f"http://127.0.0.1:{port}"
    tmp = Path(tempfile.mkdtemp(prefix="disnaker-lighthouse-"))
    env = site_environment(tmp, port)
    RESULTS.mkdir(parents=True, exist_ok=True)
    server = None
    rows = []
    try:
        prepare_site(env, port)
        server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
            [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"], cwd=ROOT, env=env
        )
        wait_until_up(base, server)
        for name, path in PATHS:
            url = base + path
            status = status_of(url)
            if status == 404:
                print(f"skipped {path}: 404")
                continue
            slug = path.strip("/").replace("/", "_") or "root"
            report = lighthouse(url, RESULTS / f"{slug}.json")
            scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
            total = report["audits"]["total-byte-weight"]["numericValue"]
            rows.append(
                {"name": name, "path": path, **scores, "bytes": int(total), "problems": problems(report)}
            )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not options.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    version = json.loads((HERE / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()  # noqa: S603
    lines = [
        f"{datetime.now():%Y-%m-%d %H:%M}, {platform.node()} ({platform.machine()}, {os.cpu_count()} cores), "
        f"Lighthouse {version}, {chromium}, mobile preset (simulated throttling)",
        "",
        "| Page | Path | Performance | Accessibility | Best practices | SEO | Transferred |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['name']} | {row['path']} | {row['performance']} | {row['accessibility']} | "
            f"{row['best-practices']} | {row['seo']} | {row['bytes'] / 1024:.1f} KiB ({row['bytes']} B) |"
        )
    for row in rows:
        for problem in row["problems"]:
            lines.append(f"- {row['path']}: {problem}")
    table = "\n".join(lines)
    print()
    print(table)
    (RESULTS / "summary.md").write_text(table + "\n")
    (RESULTS / "summary.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
