"""Requests too large or too many: refused early, with the right status and a page saying why.

* A body larger than REQUEST_BODY_MAX_BYTES (by its Content-Length) gets 413 before any of
  it is read: no file is written, no form is parsed, nothing is stored.
* Form fields (not files) over DATA_UPLOAD_MAX_MEMORY_SIZE: Django raises RequestDataTooBig
  when the form is first read (CsrfViewMiddleware reads it) and answers 400 by default;
  ``bad_request`` (handler400) makes that 413 with the same page.
* More fields than DATA_UPLOAD_MAX_NUMBER_FIELDS or files than DATA_UPLOAD_MAX_NUMBER_FILES:
  400 with a page saying the form could not be read.
* A flood of form posts from one address: after PUBLIC_FORM_RATE_LIMITS["any_form"] posts
  in its window, 429 with Retry-After, before the body is read or the database is touched,
  so a flood costs a worker almost nothing and other visitors are still served. Each form
  keeps its own, stricter limit per hour (core.publicforms.rate_limit).

The pages touch no model and no context processor (like 500.html), so refusing is cheap
and works when the database is busy. A reverse proxy in front enforces the same limits
before gunicorn (deploy/nginx.conf.example); these are the backstop without one.
"""

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_safe

from core.publicforms import rate_limit

logger = logging.getLogger(__name__)

#: The rate-limit scope of every form post, whichever form (PUBLIC_FORM_RATE_LIMITS).
FLOOD_SCOPE = "any_form"
_UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def body_limit():
    return settings.REQUEST_BODY_MAX_BYTES


def declared_length(request):
    """The Content-Length the client announced, or 0 (absent or not a number)."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def is_public_path(request):
    """Under a language prefix (/id/…, /en/…): where every form of the public lives. The
    admin, the API and the signed back-end callbacks are outside it."""
    first = request.path_info.lstrip("/").split("/", 1)[0]
    return first in dict(settings.LANGUAGES)


def refusal(request, status, title, paragraphs, headers=None, back_url=None):
    """The small page that says why a request was refused, in the request's language; for
    the scripts that post forms with fetch (page feedback, FAQ votes) the JSON they read."""
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"ok": False, "message": " ".join(str(p) for p in paragraphs)}, status=status)
    else:
        html = loader.get_template("ops/refused.html").render(
            {"title": title, "paragraphs": paragraphs, "back_url": back_url or request.path}
        )
        response = HttpResponse(html, status=status)
    response["Cache-Control"] = "private, no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def too_large(request, back_url=None):
    return refusal(
        request,
        413,
        _("What you sent is too large"),
        [
            _(
                "This site accepts at most %(total)s in one form, and at most %(file)s for each file. "
                "Nothing you sent has been kept."
            )
            % {
                "total": filesizeformat(body_limit()),
                "file": filesizeformat(settings.PUBLIC_UPLOAD_MAX_BYTES),
            },
            _("Go back to the form, choose smaller or fewer files, and send it again."),
        ],
        back_url=back_url,
    )


def unreadable(request):
    return refusal(
        request,
        400,
        _("The form could not be read"),
        [
            _(
                "The form you sent has more fields or files than this site accepts. "
                "Nothing you sent has been kept."
            ),
            _("Go back to the form, reload the page and send it again."),
        ],
    )


def too_many(request, limit):
    return refusal(
        request,
        429,
        _("Too many requests"),
        [limit.message, _("What you sent this time has not been kept.")],
        headers={"Retry-After": str(limit.retry_after)},
    )


class RequestLimitsMiddleware:
    """After LocaleMiddleware (the page speaks the request's language), before
    CsrfViewMiddleware (which would read the body)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = declared_length(request)
        if length > body_limit():
            logger.warning(
                "Refused a %d-byte request body to %s (limit %d).", length, request.path, body_limit()
            )
            return too_large(request)
        if request.method in _UNSAFE_METHODS and is_public_path(request):
            limit = rate_limit(request, FLOOD_SCOPE)
            if limit.exceeded:
                logger.warning("Refused a form post to %s: too many from one address.", request.path)
                return too_many(request, limit)
        response = self.get_response(request)
        # A form's own rate limit (core.publicforms.rate_limit) refused it: say when to come back.
        retry_after = getattr(request, "rate_limit_retry_after", 0)
        if response.status_code == 429 and retry_after and not response.has_header("Retry-After"):
            response["Retry-After"] = str(retry_after)
        return response


def _original_path(request):
    """The path the proxy refused (X-Original-URI, query dropped), if it is a local path."""
    path = request.headers.get("X-Original-URI", "").split("?", 1)[0]
    return path if path.startswith("/") and not path.startswith("//") else ""


@require_safe
def request_too_large_view(request):
    """What nginx shows for a body over client_max_body_size (error_page 413): the same page,
    in the language of the URL that was refused, with a link back to it."""
    original = _original_path(request)
    language = translation.get_language_from_path(original) or settings.LANGUAGE_CODE
    with translation.override(language):
        return too_large(request, back_url=original or f"/{language}/")


def bad_request(request, exception=None):
    """handler400: request bodies Django could not read get a page saying why (and 413
    when it was too large); any other bad request gets Django's own answer."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request)
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return unreadable(request)
    return defaults.bad_request(request, exception)
