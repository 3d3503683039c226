"""The error page when the database cannot be reached: 503 with Retry-After, not 500.

``handler500`` (config/urls.py) points here. Django calls it while handling the uncaught
exception, so the exception is still in ``sys.exc_info()``: when it is the database being
unreachable (connection refused, server shutting down or starting up, a connection dropped
under the site, a statement cancelled under load), the visitor gets 503 Service Unavailable
with ``Retry-After`` and a page saying that a form sent just now may not have arrived, so
browsers, crawlers and proxies treat it as temporary. Every other error keeps the styled
500 page of core.views. Django still logs the exception as before.

Like the 500 page, the 503 page touches no model and no context processor.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

from core.views import server_error as styled_server_error

#: Seconds a visitor (or crawler) is asked to wait; PostgreSQL restarts in a few seconds.
RETRY_AFTER_SECONDS = 30


def database_unavailable(error):
    """True when ``error``, or an exception it was raised from, says the database cannot
    be used right now (``OperationalError``/``InterfaceError`` of any backend)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request):
    if not database_unavailable(sys.exc_info()[1]):
        return styled_server_error(request)
    response = HttpResponse(loader.get_template("ops/503.html").render({"request": request}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
