"""HTTP behaviour shared by every public API and open-data response.

- CORS: any site may read (``Access-Control-Allow-Origin: *``); nothing can be written.
- Caching: ``Cache-Control: public, max-age=300`` and an ``ETag`` (a hash of the body) on
  successful GET/HEAD answers, so a repeated request with ``If-None-Match`` gets a 304;
  a ``Last-Modified`` when the view knows one, so ``If-Modified-Since`` works too.
"""

import hashlib
from functools import wraps

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

MAX_AGE = 300
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def add_cors_headers(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Content-Disposition, Link"
    return response


def finish(request, response, last_modified=None):
    """CORS on every answer; caching headers and conditional GET on a successful read."""
    add_cors_headers(response)
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    body = b"".join(response) if response.streaming else response.content
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    patch_vary_headers(response, ["Accept-Encoding"])
    timestamp = int(last_modified.timestamp()) if last_modified is not None else None
    conditional = get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
    if conditional is not response:
        add_cors_headers(conditional)
        patch_cache_control(conditional, public=True, max_age=MAX_AGE)
    return conditional


def public_read(view):
    """For plain Django views: GET/HEAD/OPTIONS only, with CORS and conditional GET."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        from django.http import HttpResponse, HttpResponseNotAllowed

        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = ALLOWED_METHODS
            return add_cors_headers(response)
        if request.method not in ("GET", "HEAD"):
            return add_cors_headers(HttpResponseNotAllowed(["GET", "HEAD", "OPTIONS"]))
        return finish(request, view(request, *args, **kwargs))

    return wrapped
