"""The page-feedback endpoints.

Why the widget carries no CSRF token
------------------------------------
The widget is part of every content page, and those pages may be cached by a
proxy or CDN and served to everyone. A ``{% csrf_token %}`` in it would set a
CSRF cookie on every visitor (so no shared cache could keep the page) and the
token in a cached copy would belong to whoever was first. So the page holds
no token, and CSRF protection stays on for every POST here:

* with JavaScript (static/js/pagefeedback.js), the answer is sent with
  ``fetch``; just before, the script asks ``token/`` (never cached) for a
  token, which also sets the CSRF cookie, and sends it as ``X-CSRFToken``;
* without JavaScript, "Yes" and "No" are a GET form leading here: a small page,
  rendered for this visitor and not cached, with the token, the "what was
  wrong" box for "No", and a button that POSTs. After the POST the visitor is
  redirected back to the page with ``?feedback=thanks`` (no personal data).

A POST without a valid token is refused by Django's CsrfViewMiddleware (403).
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core.publicforms import rate_limit

from .forms import NO, YES, PageFeedbackForm, comment_warning
from .services import pages_taking_feedback, record_vote

THANKS_FLAG = "thanks"


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _thanks_url(request, page):
    return f"{page.get_url(request)}?{urlencode({'feedback': THANKS_FLAG})}#page-feedback"


@require_GET
@never_cache
def token(request):
    """A CSRF token for the JavaScript widget (and the cookie that goes with it)."""
    return JsonResponse({"csrfToken": get_token(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def vote(request):
    if request.method == "POST":
        return _post(request)
    page = _page_from(request.GET.get("page"))
    answer = request.GET.get("answer")
    if answer not in (YES, NO):
        answer = None
    form = PageFeedbackForm(initial={"page": page.pk, "answer": answer})
    return _step(request, form, page, answer)


def _page_from(value):
    try:
        page_id = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    page = pages_taking_feedback().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page.specific


def _step(request, form, page, answer, status=200, message=""):
    context = {"form": form, "target": page, "answer": answer, "message": message}
    return render(request, "pagefeedback/step.html", context, status=status)


def _post(request):
    limited = rate_limit(request, "page_feedback")
    form = PageFeedbackForm(request.POST)
    if limited.exceeded:
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": limited.message}, status=429)
        page = _page_from(request.POST.get("page"))
        return _step(request, form, page, request.POST.get("answer"), status=429, message=limited.message)
    if not form.is_valid():
        if _wants_json(request):
            errors = [str(error) for errors in form.errors.values() for error in errors]
            return JsonResponse({"ok": False, "message": " ".join(errors)}, status=400)
        page = _page_from(request.POST.get("page"))
        return _step(request, form, page, request.POST.get("answer"), status=400)
    page = form.cleaned_data["page"]
    vote, _stored = record_vote(request, page, form.helpful, form.cleaned_data["comment"])
    if _wants_json(request):
        ask = not vote.helpful and not vote.comment
        return JsonResponse(
            {
                "ok": True,
                "message": _("Thank you for your feedback."),
                "askComment": ask,
                "warning": comment_warning() if ask else "",
            }
        )
    return HttpResponseRedirect(_thanks_url(request, page), status=303)
