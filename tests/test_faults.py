"""Fault tests that fit in `make test` (marker ``fault``; bench/faults/ has the longer
scenarios and their results).

* 200 applications at once over real HTTP, some wrong, some over the rate limit: each
  accepted one stored once, each refused one told why (PostgreSQL: real row locks).
* A flood of posts from one address: refused with 429, another address still served.
* A transaction back-end down: applications queue, the worker retries, and when it comes
  back on the same port each reaches it once (PostgreSQL, the database task queue).
* Redis stopped and started again (a private redis-server): pages served uncached,
  /readyz degraded, the cache used again afterwards.
* PostgreSQL stopped and started again (a private cluster, gunicorn): 503 with
  Retry-After while down, the very first requests after it succeed, no restart.

The HTTP tests serve the site from this process with a bounded pool of 8 threads, like a
gunicorn server (2 workers × 4 threads), so 200 clients never open 200 database
connections on the PostgreSQL other test runs share.
"""

import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.wsgi import get_wsgi_application
from django.db import connection, connections

from bench.common import SECRET, Backend, application, free_port
from bench.faults import concurrent_submissions as scenario
from bench.faults.applicants import Applicant
from bench.faults.harness import Gunicorn, PrivatePostgres, PrivateRedis, postgres_missing
from core.testing import ensure_wagtail_roots

pytestmark = pytest.mark.fault

ON_POSTGRESQL = connection.vendor == "postgresql"
needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="needs PostgreSQL: concurrent connections and row locks (SQLite has neither)"
)
DAY = 86400
#: Committed data, seen by the server threads; the database is flushed at the end (and
#: Wagtail's roots put back at the start: ``service``).
committed = pytest.mark.django_db(transaction=True)


class PooledWSGIServer(WSGIServer):
    """Django's development WSGI server, each request handled by one of ``threads`` pool
    threads (connections queue in the backlog meanwhile), its database connection closed
    after the request."""

    request_queue_size = 512

    def __init__(self, *args, threads=8, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="site")

    def process_request(self, request, client_address):
        self.pool.submit(self._handle, request, client_address)

    def _handle(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001 - as socketserver does: report, keep serving
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            connections.close_all()


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def site_server():
    """The site on 127.0.0.1:<port>, served from this process; yields its base URL."""
    server = PooledWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(get_wsgi_application())
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.pool.shutdown(wait=True)
    server.server_close()


@pytest.fixture
def public_forms(settings):
    """The production limit per address (in a day's window rather than an hour's, so that
    a run never waits for a fresh window); each client names its address in X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    settings.PUBLIC_UPLOAD_MAX_BYTES = scenario.UPLOAD_LIMIT
    settings.PUBLIC_FORM_RATE_LIMITS = {
        **settings.PUBLIC_FORM_RATE_LIMITS,
        "service_submission": (scenario.LIMIT, DAY),
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def service():
    """A committed service whose form asks a name, a NIK and a file, as the demo's do."""
    ensure_wagtail_roots()  # an earlier transactional test flushed the database
    from core.demo import ensure_site
    from home.models import HomePage
    from services.tests.factories import (
        OnlineServicePageFactory,
        ServiceFormFieldFactory,
        ServiceIndexPageFactory,
        TransactionBackendFactory,
    )

    homes = ensure_site(
        HomePage,
        id_fields={"title": "Beranda Disnaker", "intro": "<p>Selamat datang</p>"},
        en_fields={"title": "Disnaker home", "slug": "home", "intro": "<p>Welcome</p>"},
    )
    backend = TransactionBackendFactory(
        slug="blk", endpoint_url=f"http://127.0.0.1:{free_port()}/submissions", signing_secret=SECRET
    )
    page = OnlineServicePageFactory(
        parent=ServiceIndexPageFactory(parent=homes.id),
        slug="pelatihan",
        title="Pelatihan kerja",
        transaction_backend=backend,
    )
    for order, (kind, name) in enumerate([("text", "full_name"), ("nik", "nik"), ("file", "ktp")]):
        ServiceFormFieldFactory(page=page, kind=kind, name=name, label=f"Soal {name}", sort_order=order)
    fields = [("full_name", "text", []), ("nik", "nik", []), ("ktp", "file", [])]
    return page, fields


# Many at once ---------------------------------------------------------------------------


@needs_postgresql
@committed
def test_200_applications_at_once_are_each_stored_once_or_refused_with_the_reason(
    site_server, public_forms, service
):
    from services.models import ServiceSubmission
    from services.onlineform import build_form

    page, fields = service
    expected = {
        group: scenario.expected_errors(page, group, fields)
        for group in ("missing_answer", "bad_nik", "oversized_file")
    }
    applicants = [
        Applicant(site_server, page.url, group, scenario.address(group, n))
        for group, count in scenario.GROUPS.items()
        for n in range(count)
    ]
    barrier = threading.Barrier(len(applicants))

    started = build_form(page)().initial["started"]

    def one(person):
        person.ready(started)  # bench/faults opens the page first; here only the POSTs count
        barrier.wait(timeout=300)
        person.send(*scenario.answers(person.attempt.kind, fields))

    scenario.wait_for_a_fresh_window(DAY)
    threads = [threading.Thread(target=one, args=(person,)) for person in applicants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    attempts = [person.attempt for person in applicants]
    accepted = [a.reference for a in attempts if a.accepted]
    told = [a for a in attempts if a.kind in expected and scenario.shows(a, expected[a.kind])]
    limited = [a for a in attempts if a.status == 429 and scenario.TOO_MANY.search(a.body)]
    assert len(attempts) == 200
    assert len(accepted) == scenario.GROUPS["valid"] + scenario.LIMIT
    assert sorted(accepted) == sorted(ServiceSubmission.objects.values_list("reference", flat=True))
    assert len(set(accepted)) == len(accepted)
    assert len(told) == sum(scenario.GROUPS[group] for group in expected)
    assert len(limited) == scenario.GROUPS["same_address"] - scenario.LIMIT
    assert {a.address for a in limited} == {"10.9.9.9"}


@needs_postgresql
@committed
def test_a_flood_from_one_address_is_refused_while_another_address_is_served(
    site_server, public_forms, service
):
    from services.models import ServiceSubmission

    page, fields = service
    flooders = [Applicant(site_server, page.url, "flood", "10.66.6.6") for _ in range(4)]
    for person in flooders:
        person.open()
    visitor = Applicant(site_server, page.url, "visitor", "10.77.7.7")
    scenario.wait_for_a_fresh_window(DAY)
    with ThreadPoolExecutor(4) as pool:
        flood = [pool.submit(person.send, *application(fields)) for person in flooders * 10]
        visitor.open()  # while the flood is on
        own = visitor.send(*application(fields))
        sent = [future.result() for future in flood]

    refused = [a for a in sent if not a.accepted]
    assert sum(a.accepted for a in sent) == scenario.LIMIT
    assert all(a.status == 429 and scenario.TOO_MANY.search(a.body) for a in refused)
    assert own.accepted
    assert ServiceSubmission.objects.count() == scenario.LIMIT + 1


# The transaction back-end ---------------------------------------------------------------


@needs_postgresql
@committed
def test_applications_sent_while_the_back_end_is_down_reach_it_once_when_it_returns(
    site_server, public_forms, service, settings
):
    from django.core.management import call_command

    from integrations.models import OutboxMessage

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page, fields = service
    port = int(page.transaction_backend.endpoint_url.split(":")[2].split("/")[0])

    def send(n):
        person = Applicant(site_server, page.url, "valid", f"10.40.0.{n + 1}")
        person.open()
        return person.send(*application(fields))

    with ThreadPoolExecutor(4) as pool:
        references = [a.reference for a in pool.map(send, range(20)) if a.accepted]
    worker = ["db_worker", "--batch", "--interval", "0", "--no-startup-delay", "--queue-name", "*"]
    call_command(*worker, verbosity=0)  # the back-end is down: every attempt fails
    messages = OutboxMessage.objects.filter(destination="backend:blk")
    assert len(references) == messages.count() == 20
    assert set(messages.values_list("status", flat=True)) == {"pending"}
    assert all(message.attempts == 1 and message.last_error for message in messages)

    receiver = Backend(port=port)  # back, where it was
    try:
        _retries_fall_due()
        call_command(*worker, verbosity=0)
    finally:
        receiver.close()

    assert set(messages.values_list("status", flat=True)) == {"delivered"}
    assert set(receiver.keys) == set(messages.values_list("idempotency_key", flat=True))
    assert receiver.duplicates == 0 and receiver.bad_signatures == 0


def _retries_fall_due():
    """What waiting out the back-off would do: the messages and the worker's next run due now."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from integrations.models import OutboxMessage

    now = timezone.now()
    OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).update(next_attempt_at=now)
    DBTaskResult.objects.filter(status="READY").update(run_after=now)


# Redis ----------------------------------------------------------------------------------


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    redis = PrivateRedis()
    redis.start()
    yield redis
    redis.stop()


@pytest.fixture
def wagtail_roots(db):
    """The root page and collection, gone if a transactional test flushed a reused database."""
    ensure_wagtail_roots()


@pytest.mark.django_db
def test_the_site_serves_without_redis_and_uses_it_again_when_it_returns(
    redis_server, settings, client, wagtail_roots, homes
):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    from home.models import StandardPage

    guide = StandardPage(title="Panduan kartu kuning", slug="panduan")
    homes.id.add_child(instance=guide)
    guide.save_revision().publish()

    def visit():
        response = client.get("/id/panduan/")
        assert response.status_code == 200
        return response.get("X-Page-Cache")

    assert [visit(), visit()] == ["miss", "hit"]
    redis_server.stop()
    assert "hit" not in [visit(), visit()]  # rendered afresh each time: nothing could be stored
    assert client.get("/readyz").json()["status"] == "degraded"

    redis_server.start()  # empty, on the same port
    assert [visit(), visit()] == ["miss", "hit"]
    assert client.get("/readyz").json()["status"] == "ok"


# PostgreSQL -----------------------------------------------------------------------------


@pytest.fixture
def private_postgres():
    reason = postgres_missing()
    if reason:
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="test-faults-"))
    folder.chmod(0o755)  # noqa: S103 - run as root, the postgres user must reach its folder
    postgres = PrivatePostgres(folder / "postgres")
    try:
        postgres.init()
        postgres.start()
        yield postgres
    finally:
        postgres.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def _site_on(postgres, folder):
    """gunicorn serving the site from ``postgres`` (no tables: /readyz asks only SELECT 1;
    a page asks for a table, which the outage answers before PostgreSQL could)."""
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "bench.faults.settings",
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
        "DATABASE_URL": postgres.url("postgres"),
        "DATABASE_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
    }
    return Gunicorn(env, free_port(), folder / "gunicorn.log", workers=2)


def test_a_postgresql_restart_answers_503_then_recovers_without_restarting_the_site(private_postgres):
    site = _site_on(private_postgres, private_postgres.folder)
    site.start()
    try:
        workers = site.worker_pids()
        # The threads that answered keep their connections (CONN_MAX_AGE).
        assert all(requests.get(site.base + "/readyz", timeout=10).status_code == 200 for _ in range(16))

        private_postgres.stop("fast")
        down = requests.get(site.base + "/id/", timeout=10)
        assert down.status_code == 503 and down.headers["Retry-After"] == "30"
        assert requests.get(site.base + "/readyz", timeout=10).status_code == 503
        assert requests.get(site.base + "/healthz", timeout=10).status_code == 200

        private_postgres.start()
        # CONN_HEALTH_CHECKS: a connection broken by the restart is replaced before use.
        answers = [requests.get(site.base + "/readyz", timeout=10).status_code for _ in range(16)]
        assert answers == [200] * 16
        assert site.worker_pids() == workers
    finally:
        site.stop()
