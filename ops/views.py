"""Liveness and readiness probes for load balancers.

``/healthz`` answers "the process is alive": no database, cache or search call, so a
slow database never makes the balancer kill healthy workers.

``/readyz`` answers "this server can serve visitors": it checks

* ``database``: ``SELECT 1`` on the default connection (PostgreSQL: with a statement
  timeout; the connect timeout comes from ``DATABASES["default"]["OPTIONS"]``);
* ``cache``: sets and reads back a random key in the default cache;
* ``search:<name>``: every entry of ``WAGTAILSEARCH_BACKENDS``. Elasticsearch (and
  OpenSearch) is pinged with a short timeout; a database backend is the database, so its
  result is the database's.

Each check has a timeout (``READYZ_TIMEOUT_SECONDS``, 2 s by default). The body names each
component with ``ok`` or ``error``, the exception class on error and the time taken in
milliseconds; never a message, a host name, a URL or a password.

Status: 200 with ``"status": "ok"`` when everything answers. The database and the cache are
required: either failing gives 503 with ``"status": "error"``. A failing search backend is
tolerated when the database search backend is configured beside it and the database answers
(``search.services.with_fallback`` then answers searches from the database): 200 with
``"status": "degraded"``, so the balancer keeps the server while Elasticsearch is away;
a failing search backend without such a fallback gives 503.
"""

import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

OK = "ok"
ERROR = "error"
DEGRADED = "degraded"


def _timeout():
    return float(getattr(settings, "READYZ_TIMEOUT_SECONDS", 2))


def _timed(check):
    """``{"status", "duration_ms"[, "error"]}`` for ``check()``; only the exception's class name."""
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # noqa: BLE001 -- any failure means "not ready"
        result = {"status": ERROR, "error": type(error).__name__}
    else:
        result = {"status": OK}
    result["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def _with_timeout(check):
    """Runs ``check`` in a worker thread and gives up after the timeout.

    Only for checks that touch no database connection (Django's connections are per thread).
    A check that hangs is left behind in its thread; the probe answers anyway.
    """

    def run():
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readyz")
        try:
            executor.submit(check).result(timeout=_timeout())
        except FutureTimeout:
            raise TimeoutError from None
        finally:
            executor.shutdown(wait=False)

    return run


def check_database():
    connection = connections["default"]
    with transaction.atomic(using="default"), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL statement_timeout = %s", [int(_timeout() * 1000)])
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise RuntimeError


def check_cache():
    key = f"readyz:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError
    finally:
        cache.delete(key)


def _is_database_backend(backend):
    """Wagtail's database backends (and ours, built on them) keep the index in the database."""
    return any(
        klass.__module__.startswith(("modelsearch.backends.database", "search.backends.database"))
        for klass in type(backend).__mro__
    )


def _search_check(name):
    """The check for one configured search backend, and whether it is the database."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend(name)
    client = getattr(backend, "es", None)
    if client is not None:

        def ping():
            if not client.options(request_timeout=_timeout(), max_retries=0).ping():
                raise ConnectionError

        return _with_timeout(ping), False
    if _is_database_backend(backend):
        return None, True
    # Any other backend: constructing it was the cheapest call there is.
    return (lambda: None), False


def readiness():
    """``(status, components)``: what /readyz reports."""
    components = {"database": _timed(check_database), "cache": _timed(_with_timeout(check_cache))}
    database_ok = components["database"]["status"] == OK
    search_results = {}
    database_search = False
    for name in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}) or {"default": {}}:
        try:
            check, is_database = _search_check(name)
        except Exception as error:  # noqa: BLE001 -- a backend that cannot even be built
            search_results[name] = {"status": ERROR, "error": type(error).__name__, "duration_ms": 0.0}
            continue
        if is_database:
            database_search = True
            search_results[name] = {
                "status": components["database"]["status"],
                "duration_ms": 0.0,
                "uses": "database",
            }
        else:
            search_results[name] = _timed(check)
    for name, result in search_results.items():
        components[f"search:{name}"] = result

    if not database_ok:
        return ERROR, components
    failed_search = [name for name, result in search_results.items() if result["status"] != OK]
    if failed_search and not database_search:
        return ERROR, components
    # Without the cache (core.cache serves as if it were empty) or with search answering
    # from the database fallback, the site still serves: degraded, kept in rotation.
    if failed_search or components["cache"]["status"] != OK:
        return DEGRADED, components
    return OK, components


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": OK})


@never_cache
@require_safe
def readyz(request):
    status, components = readiness()
    return JsonResponse({"status": status, "components": components}, status=503 if status == ERROR else 200)
