"""The pieces every fault scenario uses: a private PostgreSQL and a private Redis (never
the shared ones on 5432 and 6379: the scripts stop and start these), the site under
gunicorn, a load generator that records every answer, and the per-second table.

``Lab`` holds one run: a temporary folder, the private PostgreSQL with the demo content,
the environment gunicorn and the workers get, and everything to stop at the end.
"""

import collections
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import PYTHON, free_port  # noqa: E402

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
DATABASE = "faults"
SETTINGS = "bench.faults.settings"


def postgres_missing():
    """Why a private PostgreSQL cannot be started here, or None."""
    if not (PG_BIN / "initdb").exists():
        return f"no PostgreSQL server binaries in {PG_BIN} (set PG_BIN)"
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a postgres user to run PostgreSQL as"
    return None


def _as_postgres(command):
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class PrivatePostgres:
    """A throw-away cluster in ``folder`` on 127.0.0.1:``port``, trust authentication."""

    def __init__(self, folder, port=None):
        self.folder = Path(folder)
        self.port = port or free_port()
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"

    def init(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        subprocess.run(
            _as_postgres(
                [
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.log),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def stop(self, mode="fast"):
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def running(self):
        result = subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "status"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return result.returncode == 0

    def psql(self, sql, database="postgres"):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-qc", sql],
            check=True,
        )

    def url(self, database=DATABASE):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


class PrivateRedis:
    """redis-server on 127.0.0.1:``port`` in the foreground (our own child), no persistence."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self.ping, 10, "redis-server did not start")

    def ping(self):
        import redis

        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.2).ping()
        except redis.RedisError:
            return False

    def keys(self):
        import redis

        return redis.Redis(port=self.port).dbsize()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"


def wait_until(check, seconds, message):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(message)


class Gunicorn:
    """The site served by gunicorn, its log (and access log) in a file. With
    config/gunicorn.py, as in production (gthread workers, its timeouts and limits), with
    ``workers`` processes and no recycling after a number of requests, so that "the same
    workers" means none died; else ``workers`` sync workers as `make serve` once had."""

    CONFIG = ROOT / "config" / "gunicorn.py"

    def __init__(self, env, port, log, workers=2):
        self.env = {**env, "WEB_CONCURRENCY": str(workers), "GUNICORN_MAX_REQUESTS": "0"}
        self.port, self.log_path, self.workers = port, Path(log), workers
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def kind(self):
        if self.CONFIG.exists():
            return f"gunicorn -c config/gunicorn.py, {self.workers} workers"
        return f"gunicorn, {self.workers} sync workers"

    def start(self):
        import requests

        options = ["-c", str(self.CONFIG)] if self.CONFIG.exists() else ["--workers", str(self.workers)]
        self.log_file = open(self.log_path, "a")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                *options,
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=self.log_file,
        )

        def up():
            try:
                answered = requests.get(self.base + "/healthz", timeout=2).status_code == 200
            except requests.RequestException:
                return False
            # The first worker answers before the master has forked the others.
            return answered and len(self.worker_pids()) == self.workers

        wait_until(up, 60, "gunicorn did not start")

    def worker_pids(self):
        result = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        )
        return sorted(int(pid) for pid in result.stdout.split())

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None:
            self.log_file.close()
        self.process = None


# Load ---------------------------------------------------------------------------------------


@dataclass
class Sample:
    at: float  # seconds since the load started
    url: str
    outcome: str  # the HTTP status ("200", "503") or "connection error" / "timeout"
    seconds: float
    headers: dict = field(default_factory=dict)
    body: str = ""


class Load:
    """``threads`` threads GET ``urls`` in turn until stopped; every answer is a Sample.
    ``keep`` lists header names to record; ``body`` keeps the bodies."""

    def __init__(self, urls, threads=4, timeout=10, pause=0.0, keep=(), body=False):
        self.urls, self.threads, self.timeout, self.pause = list(urls), threads, timeout, pause
        self.keep, self.body = keep, body
        self.samples = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.workers = []
        self.started = None

    def _run(self, offset):
        import requests

        n = offset
        while not self.stopping.is_set():
            url = self.urls[n % len(self.urls)]
            n += 1
            clock = time.monotonic()
            headers, body = {}, ""
            try:
                response = requests.get(url, timeout=self.timeout, headers={"Connection": "close"})
                outcome = str(response.status_code)
                headers = {name: response.headers.get(name, "") for name in self.keep}
                if self.body:
                    body = response.text
            except requests.Timeout:
                outcome = "timeout"
            except requests.ConnectionError:
                outcome = "connection error"
            sample = Sample(clock - self.started, url, outcome, time.monotonic() - clock, headers, body)
            with self.lock:
                self.samples.append(sample)
            if self.pause:
                self.stopping.wait(self.pause)

    def start(self, started=None):
        """Start the threads; ``started`` (a ``time.monotonic()``) aligns the clock with
        another Load's."""
        self.started = started or time.monotonic()
        self.workers = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(self.threads)
        ]
        for worker in self.workers:
            worker.start()
        return self

    def now(self):
        return time.monotonic() - self.started

    def stop(self):
        self.stopping.set()
        for worker in self.workers:
            worker.join(self.timeout + 5)
        return self.samples


def per_second(samples, marks=None):
    """Markdown rows: for each second, the count of each outcome and the slowest answer;
    ``marks`` maps a second to a note ("PostgreSQL stopped")."""
    marks = marks or {}
    seconds = collections.defaultdict(collections.Counter)
    slowest = collections.defaultdict(float)
    for sample in samples:
        second = int(sample.at)
        seconds[second][sample.outcome] += 1
        slowest[second] = max(slowest[second], sample.seconds)
    outcomes = sorted({sample.outcome for sample in samples}, key=lambda o: (not o.isdigit(), o))
    rows = [
        "| s | " + " | ".join(outcomes) + " | slowest (s) | |",
        "|---:|" + "---:|" * len(outcomes) + "---:|---|",
    ]
    for second in range(max(seconds, default=-1) + 1):
        counts = seconds.get(second, {})
        cells = " | ".join(str(counts.get(outcome, 0)) for outcome in outcomes)
        rows.append(f"| {second} | {cells} | {slowest.get(second, 0):.2f} | {marks.get(second, '')} |")
    return rows


def ms(values, fraction=None):
    """Milliseconds, as text: the percentile ``fraction`` of ``values`` or their maximum."""
    value = max(values, default=0) if fraction is None else percentile(values, fraction)
    return f"{value * 1000:.0f} ms"


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# One run ------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    passed: bool
    summary: str
    details: list = field(default_factory=list)
    checks: list = field(default_factory=list)  # (description, passed)
    seconds: float = 0.0


def check(result_checks, description, passed):
    result_checks.append((description, bool(passed)))
    return bool(passed)


class Lab:
    """The private PostgreSQL with the demo content, the environment for gunicorn and the
    workers, a port for the site, and Django set up in this process (to count rows)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="bench-faults-"))
        # The postgres user (initdb, pg_ctl) must reach its folder inside; nothing secret here.
        os.chmod(self.folder, 0o755)  # noqa: S103
        self.postgres = PrivatePostgres(self.folder / "postgres")
        self.port = free_port()
        self.redis = None
        self.processes = []

    def environment(self, **extra):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": self.postgres.url(),
            "DATABASE_CONN_MAX_AGE": "60",
            "PRIVATE_MEDIA_ROOT": str(self.folder / "private"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "LOG_LEVEL": "WARNING",
            "PAGE_CACHE_SECONDS": "0",
            # Each simulated visitor names its address in X-Forwarded-For, as behind a proxy.
            "TRUSTED_PROXY_COUNT": "1",
        }
        for name in ("REDIS_URL", "ELASTICSEARCH_URL", "FAULTS_SEEDING"):
            env.pop(name, None)
        env.update({name: str(value) for name, value in extra.items()})
        return env

    def setup(self):
        """initdb, start, migrate, seed the demo content, index it in the database backend."""
        self.postgres.init()
        self.postgres.start()
        self.postgres.psql(f"CREATE DATABASE {DATABASE}")
        os.environ.update(self.environment(), FAULTS_SEEDING="1")
        import django

        django.setup()
        from django.core.management import call_command

        with open(os.devnull, "w") as quiet:
            call_command("migrate", "--noinput", verbosity=0)
            call_command("seed_demo", stdout=quiet)
            call_command("update_index", stdout=quiet, stderr=quiet)
        from wagtail.models import Site

        Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=self.port)

    def gunicorn(self, name, workers=2, **env):
        site = Gunicorn(self.environment(**env), self.port, self.folder / f"{name}-gunicorn.log", workers)
        self.processes.append(site)
        return site

    def private_redis(self):
        self.redis = PrivateRedis()
        return self.redis

    def worker(self, name, **env):
        log = open(self.folder / f"{name}-worker.log", "a")  # noqa: SIM115 - closed by the OS at exit
        process = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"],
            cwd=ROOT,
            env=self.environment(**env),
            stdout=log,
            stderr=log,
        )
        self.processes.append(process)
        return process

    def close_connections(self):
        from django.db import connections

        connections.close_all()

    def cleanup(self):
        for process in reversed(self.processes):
            try:
                if isinstance(process, Gunicorn):
                    process.stop()
                elif process.poll() is None:
                    process.terminate()
                    process.wait(20)
            except Exception as error:  # noqa: BLE001 - clean up the rest anyway
                print(f"cleanup: {type(error).__name__}: {error}", file=sys.stderr)
        if self.redis is not None:
            self.redis.stop()
        try:
            self.close_connections()
        except Exception:  # noqa: BLE001, S110 - Django may not be set up
            pass
        self.postgres.stop("immediate")
        if os.environ.get("KEEP_FAULTS_FOLDER") != "1":
            shutil.rmtree(self.folder, ignore_errors=True)
        else:
            print(f"kept {self.folder}")
