"""gunicorn's configuration: `make serve`, the Docker image and docker-compose.

    gunicorn -c config/gunicorn.py config.wsgi --bind 0.0.0.0:8000

Like gunicorn itself, this file reads its own few variables (WEB_CONCURRENCY,
GUNICORN_*); Django's settings never see them. Options on the command line or in
GUNICORN_CMD_ARGS override what is set here.

What gunicorn bounds, and what it does not (docs/scaling.md, "Bad input"):

* request line, header count and header size: refused with 414 / 431 / 431
  before Django sees the request;
* a connection that sends nothing: the gthread worker waits 5 seconds on a
  thread, then parks it on its poller and closes it ``keepalive`` seconds later;
* a client that sends its headers or body very slowly, a byte at a time, holds
  one thread until it finishes: ``threads`` such clients stop a worker. gunicorn
  has no overall header or body timeout, so a production site runs behind a
  buffering reverse proxy (deploy/nginx.conf.example: client_header_timeout,
  client_body_timeout, request buffering) which hands gunicorn only complete
  requests. Without one (docker-compose on a laptop) slow clients are not bounded.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# Processes: gunicorn's own rule of thumb, two per core plus one. A request here
# spends part of its time waiting on PostgreSQL, Redis or Elasticsearch, so more
# processes than cores keep the cores busy; each costs about 150 MB. WEB_CONCURRENCY
# is the usual name platforms set; bench/load measures what one server carries.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)

# Threads per process (the gthread worker). Why threads: a thread that waits on a
# slow client or a slow back-end leaves the process's other threads serving, where
# a sync worker would be stuck whole. Why few: Python runs one thread at a time,
# and every thread keeps its own database connection (DATABASE_CONN_MAX_AGE), so
# PostgreSQL sees workers × threads connections per app server (docs/scaling.md).
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)

# A request still running after this many seconds has its worker killed and
# restarted. 30 s is well above the slowest page (an admin report export, a
# multi-file application already buffered by the proxy) and low enough that a
# stuck request cannot hold a worker for long.
timeout = _int("GUNICORN_TIMEOUT", 30)

# On a deploy or restart (SIGTERM) a worker finishes what it is serving
# within this time; the same as `timeout`, so no request that could finish is cut.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)

# Seconds an idle kept-alive connection stays open. The proxy keeps its upstream
# connections open for less (nginx: keepalive_timeout 4s in the upstream block),
# so gunicorn never closes one just as the proxy sends a request on it (a 502).
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Request size limits, all refused before Django runs. 8190 bytes is gunicorn's
# maximum for the request line and the size of nginx's large header buffers
# (large_client_header_buffers 4 8k), so whatever the proxy lets through gunicorn
# accepts; the longest URL the site makes (a filtered regulations list) is under
# 300 bytes. 100 header fields is far above any browser's 15-25.
limit_request_line = 8190  # longer: 414 URI Too Long
limit_request_fields = 100  # more: 431 Request Header Fields Too Large
limit_request_field_size = 8190  # a longer header line: 431

# Django and Wagtail are imported and set up once, in the master, before the
# workers are forked: a replaced worker (max_requests below, or one killed by
# `timeout`) is a fork instead of a process spending 1.3 s of CPU on imports
# while the others carry its share. ``when_ready`` below then does in the master
# what each worker's first request did (views, translations, templates: 0.3 s of
# it, now 0.03), and the workers share those pages of memory. Nothing opens a
# connection at import or in the warm-up, so no socket is shared between
# processes. The price: SIGHUP no longer loads new code; a deploy restarts
# gunicorn (or replaces the container), as docs/scaling.md says.
preload_app = True

# Each worker is replaced after about this many requests, so slow memory growth
# (caches, fragmentation) never builds up; the jitter keeps the workers of one
# server from restarting at the same moment.
max_requests = _int("GUNICORN_MAX_REQUESTS", 100_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 10_000)

# One line per request on standard output (the container's log). Paths never
# carry personal data on this site (see README), so the access log may keep them.
accesslog = "-"


def when_ready(server):
    """The app is loaded in this process (``preload_app``) and no worker is forked yet:
    do the work of each worker's first request once, here (ops.warmup)."""
    if server.cfg.preload_app:
        from ops.warmup import warm_up

        warm_up()
