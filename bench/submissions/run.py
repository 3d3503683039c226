"""How many applications per second the site accepts, and how many per second the worker
forwards to a transaction back-end on loopback.

    .venv/bin/python bench/submissions/run.py [--submissions 400] [--clients 8] [--workers 2]

1. A fresh PostgreSQL database (``disnaker_bench_submissions`` on 127.0.0.1, dropped and
   created), migrated and seeded with the demo content.
2. A loopback back-end (this script, a threaded HTTP server) that checks each request's
   HMAC signature and counts Idempotency-Keys; the demo services' back-end record is pointed
   at it.
3. Accepting: gunicorn (``--gunicorn-workers``, default 2 sync workers) serves the site;
   ``--clients`` threads each open the service page (CSRF cookie, form start time) and post
   a complete application with a one-page PDF, until ``--submissions`` were accepted. The
   background worker is not running, so this measures the web side alone: every
   application is stored with its file, status, outbox row and e-mail row in one
   transaction.
4. Forwarding: ``--workers`` ``manage.py db_worker`` processes start and the clock runs until
   every outbox message is delivered; the back-end must have received each application
   exactly once, with a valid signature.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.common import PYTHON, ROOT, SECRET, Backend, application, free_port, open_form  # noqa: E402

DATABASE = "disnaker_bench_submissions"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"


def environment(tmp):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench' / 'submissions'}",
        "DATABASE_URL": DATABASE_URL,
        "PRIVATE_MEDIA_ROOT": str(Path(tmp) / "private"),
        "MEDIA_ROOT": str(Path(tmp) / "media"),
        "DATABASE_CONN_MAX_AGE": "60",
    }


def manage(env, *args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def django_shell(env, code):
    """The last line the code printed (the shell may print a banner before it)."""
    result = manage(env, "shell", "-c", code, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


# Applicants ----------------------------------------------------------------------------------


def applicant(base, path, fields, quota, results, errors):
    import requests

    session = requests.Session()
    while True:
        with quota["lock"]:
            if quota["left"] <= 0:
                return
            quota["left"] -= 1
        token, started = open_form(session, base + path)
        data, files = application(fields)
        data.update(csrfmiddlewaretoken=token, started=started)
        clock = time.perf_counter()
        sent = session.post(
            base + path + "apply/",
            data=data,
            files=files,
            timeout=60,
            allow_redirects=False,
            headers={"Referer": base + path},
        )
        elapsed = time.perf_counter() - clock
        if sent.status_code == 302 and "apply/done" in sent.headers.get("Location", ""):
            results.append(elapsed)
        else:
            errors.append(sent.status_code)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--gunicorn-workers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}"],
        check=True,
    )
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {DATABASE}"], check=True
    )
    tmp = tempfile.mkdtemp(prefix="bench-submissions-")
    env = environment(tmp)
    backend = Backend()
    gunicorn = workers = None
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo", stdout=subprocess.DEVNULL)
        port = free_port()
        target = json.loads(
            django_shell(
                env,
                f"""
import json
from integrations.models import TransactionBackend
from services.models import ServicePage
from services.onlineform import service_fields
from wagtail.models import Site
TransactionBackend.objects.update(endpoint_url={backend.url!r}, signing_secret={SECRET!r}, active=True)
Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port={port})
page = next(p for p in ServicePage.objects.live().filter(locale__language_code="id").order_by("path")
            if p.accepts_applications and any(f.kind == "file" for f in p.form_fields.all()))
fields = [(key, f.kind, f.choice_list if f.kind == "choice" else []) for key, f in service_fields(page)]
print(json.dumps({{"path": page.url, "title": page.title, "fields": fields}}))
""",
            )
        )
        gunicorn = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.gunicorn_workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        import requests

        for _ in range(100):
            try:
                if requests.get(base + target["path"], timeout=30).status_code == 200:
                    break
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.2)
        quota = {"left": args.submissions, "lock": threading.Lock()}
        results, errors = [], []
        threads = [
            threading.Thread(
                target=applicant, args=(base, target["path"], target["fields"], quota, results, errors)
            )
            for _ in range(args.clients)
        ]
        clock = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        accept_seconds = time.perf_counter() - clock
        gunicorn.terminate()
        gunicorn.wait()
        gunicorn = None

        stored = int(
            django_shell(
                env, "from services.models import ServiceSubmission; print(ServiceSubmission.objects.count())"
            )
        )
        clock = time.perf_counter()
        workers = [
            subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.1"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(args.workers)
        ]
        pending_code = (
            "from integrations.models import OutboxMessage as M; "
            "print(M.objects.filter(destination__startswith='backend:').exclude(status='delivered').count())"
        )
        while int(django_shell(env, pending_code)) > 0:
            time.sleep(0.5)
            if time.perf_counter() - clock > 600:
                raise SystemExit("forwarding did not finish within 10 minutes")
        forward_seconds = time.perf_counter() - clock
    finally:
        for process in [gunicorn, *(workers or [])]:
            if process is not None:
                process.terminate()
                process.wait()
        backend.close()
        shutil.rmtree(tmp, ignore_errors=True)

    received = len(backend.keys)
    duplicates = backend.duplicates
    print(f"service: {target['title']} ({len(target['fields'])} questions, one PDF)")
    p50, p95 = statistics.median(results) * 1000, percentile(results, 0.95) * 1000
    print(
        f"accepted: {len(results)} of {args.submissions} in {accept_seconds:.1f} s "
        f"with {args.clients} clients, {args.gunicorn_workers} gunicorn workers: "
        f"{len(results) / accept_seconds:.1f} applications/s; "
        f"POST latency p50 {p50:.0f} ms, p95 {p95:.0f} ms; "
        f"refused: {len(errors)} {sorted(set(errors))}"
    )
    print(f"stored: {stored}")
    print(
        f"forwarded: {received} in {forward_seconds:.1f} s with {args.workers} workers "
        f"(including the worker start-up): {received / forward_seconds:.1f} applications/s; "
        f"duplicates at the back-end: {duplicates}; bad signatures: {backend.bad_signatures}"
    )
    ok = (
        len(results) == stored == received == args.submissions
        and duplicates == 0
        and not backend.bad_signatures
    )
    print("every accepted application stored once and delivered once" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
